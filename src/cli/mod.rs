//! The command line: wires arguments to the library and the renderers.

mod floor;
mod inputs;
mod ordered;
mod progress;
mod timings;

use crate::report::{self, Renderer, Summary};
use crate::rules::{self, Preset, Selection};
use crate::{Options, Severity, Validator};
use clap::{Parser, Subcommand, ValueEnum};
use std::io::{self, IsTerminal, Write};
use std::process::ExitCode;

/// Fast, located validation of CSAF 2.0/2.1 and CVRF 1.1/1.2 security advisories.
#[derive(Parser, Debug)]
#[command(name = "csaflint", version, about)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Validate files, directories (recursively: *.json and *.xml) or `-` for standard input.
    Validate(ValidateArgs),
    /// List the rules.
    Rules(RulesArgs),
    /// Show the documentation of one rule.
    Explain {
        /// Rule id (`6.1.1`) or name (`missing-definition-of-product-id`).
        rule: String,
    },
    /// Statistics for researchers, per publisher: vulnerabilities, affected products, remediation
    /// dates, time to fix, products left without a fix (CSAF and CVRF alike).
    Stats(crate::stats::StatsArgs),
    /// Convert a CVRF 1.1/1.2 document to CSAF 2.0 (CSAF 2.0 §9.1.5), with located warnings for
    /// what is lost or guessed; the result is validated before it is written.
    Convert(crate::convert::cli::ConvertArgs),
}

#[derive(Parser, Debug)]
struct ValidateArgs {
    /// Files, directories or `-` (standard input).
    #[arg(required = true)]
    paths: Vec<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
    /// Rule preset (default: `full`, or the config file's `preset`).
    #[arg(long, value_parser = parse_preset)]
    preset: Option<Preset>,
    /// Rules to run instead of the preset's (ids, id prefixes such as `6.1`, or names; comma-separated).
    #[arg(long, value_delimiter = ',')]
    select: Option<Vec<String>>,
    /// Rules to add to the set.
    #[arg(long, value_delimiter = ',')]
    extend_select: Option<Vec<String>>,
    /// Rules to remove from the set (`io` and `parse` always run).
    #[arg(long, value_delimiter = ',')]
    ignore: Option<Vec<String>>,
    /// Lowest severity that makes the exit code 1 (default: `error`, or the config file's `fail-on`).
    #[arg(long, value_parser = parse_severity)]
    fail_on: Option<Severity>,
    /// Use this config file instead of looking for `csaflint.toml` / `.csaflint.toml` from the current
    /// directory upward.
    #[arg(long, value_name = "PATH", conflicts_with = "no_config")]
    config: Option<std::path::PathBuf>,
    /// Use no config file.
    #[arg(long)]
    no_config: bool,
    /// Read every CSAF document as this version (its schema, model and tests), whatever its
    /// `csaf_version` says; by default each document's own `csaf_version` decides.
    #[arg(long, value_enum, value_name = "VERSION")]
    pub csaf_version: Option<CsafVersion>,
    /// Run the tests that make network requests (6.3.6, 6.3.7).
    #[arg(long)]
    online: bool,
    /// Threads that validate, the main thread among them (default: one per core).
    #[arg(long, short = 'j')]
    jobs: Option<usize>,
    /// Files larger than this many bytes are refused with an `io` error.
    #[arg(long, default_value_t = inputs::DEFAULT_MAX_FILE_SIZE)]
    max_file_size: u64,
    /// Colour in human output.
    #[arg(long, value_enum, default_value_t = Color::Auto)]
    color: Color,
    /// No progress bar (it shows only on a terminal, for runs longer than a moment).
    #[arg(long, short = 'q')]
    quiet: bool,
    /// Benchmark floor: only read and parse each file (JSON or XML), validate nothing.
    #[arg(long, hide = true)]
    parse_only: bool,
    /// Profiling: time every stage and rule on its own and print the sums to standard error.
    #[arg(long, hide = true)]
    timings: bool,
}

#[derive(Parser, Debug)]
struct RulesArgs {
    /// Output format.
    #[arg(long, value_enum, default_value_t = ListFormat::Table)]
    format: ListFormat,
}

/// `--csaf-version`.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum CsafVersion {
    /// CSAF 2.0 (OASIS Standard).
    #[value(name = "2.0")]
    V20,
    /// CSAF 2.1 (Committee Specification Draft 03).
    #[value(name = "2.1")]
    V21,
}

impl CsafVersion {
    fn version(self) -> crate::model::Version {
        match self {
            CsafVersion::V20 => crate::model::Version::Csaf20,
            CsafVersion::V21 => crate::model::Version::Csaf21,
        }
    }
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
enum Format {
    /// Diagnostics with source snippets, then a summary.
    Human,
    /// One JSON object: documents and summary.
    Json,
    /// One JSON object per document and line.
    Jsonl,
    /// Only the summary: diagnostics per rule, per publisher, the slowest files.
    Summary,
    /// SARIF 2.1.0 (GitHub code scanning and other CI services).
    Sarif,
    /// GitHub Actions workflow commands (annotations).
    Github,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
enum ListFormat {
    Table,
    Json,
    Markdown,
}

#[derive(ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
enum Color {
    Auto,
    Always,
    Never,
}

fn parse_preset(s: &str) -> Result<Preset, String> {
    Preset::parse(s).ok_or_else(|| format!("unknown preset `{s}` ({})", Preset::names()))
}

fn parse_severity(s: &str) -> Result<Severity, String> {
    Severity::parse(s).ok_or_else(|| format!("unknown severity `{s}` (error, warning, info)"))
}

/// Runs the command line; returns the process exit code (contract §4).
pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { 2 } else { 0 });
        }
    };
    match cli.command {
        Command::Validate(args) => validate(args),
        Command::Rules(args) => list_rules(args.format),
        Command::Explain { rule } => explain(&rule),
        Command::Convert(args) => crate::convert::cli::run(args),
        Command::Stats(args) => stats(args),
    }
}

fn usage_error(msg: impl std::fmt::Display) -> ExitCode {
    eprintln!("error: {msg}");
    ExitCode::from(2)
}

/// A thread pool of `jobs` threads (default: one per core), built before any parallel work.
fn thread_pool(jobs: Option<usize>) -> Result<rayon::ThreadPool, ExitCode> {
    let mut builder = rayon::ThreadPoolBuilder::new();
    if let Some(jobs) = jobs {
        builder = builder.num_threads(jobs.max(1));
    }
    builder
        .build()
        .map_err(|e| usage_error(format!("cannot start the worker threads: {e}")))
}

/// About the memory a validated document holds until it is written: its rendered output and its
/// report (see [`ordered::Window`]).
fn waiting_weight(done: &io::Result<(crate::Report, Vec<u8>)>) -> usize {
    match done {
        Ok((report, rendered)) => {
            rendered.capacity()
                + report.diagnostics.len() * 192
                + report.source.as_ref().map_or(0, String::len)
        }
        Err(_) => 0,
    }
}

fn validate(args: ValidateArgs) -> ExitCode {
    // A flag replaces the config file's value of its key; `[rules.severity]` and per-path ignores stay.
    let config = match crate::config::find(args.config.as_deref(), args.no_config) {
        Ok(c) => c.unwrap_or_default(),
        Err(e) => return usage_error(e),
    };
    let mut selection: Selection = config.selection();
    selection.preset = args.preset.unwrap_or(selection.preset);
    selection.select = args.select.or(selection.select);
    selection.extend_select = args.extend_select.unwrap_or(selection.extend_select);
    selection.ignore = args.ignore.unwrap_or(selection.ignore);
    selection.online = args.online;
    let fail_on = args.fail_on.or(config.fail_on).unwrap_or(Severity::Error);
    let validator = match Validator::new(&Options { selection }) {
        Ok(v) => v
            .with_path_ignores(config.per_path_ignores)
            .with_csaf_version(args.csaf_version.map(CsafVersion::version)),
        Err(e) => return usage_error(e),
    };
    let inputs = match inputs::collect(&args.paths) {
        Ok(i) => i,
        Err(e) => return usage_error(e),
    };
    let stdout = io::stdout();
    let color = match args.color {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => stdout.is_terminal() && std::env::var_os("NO_COLOR").is_none(),
    };
    let mut renderer: Box<dyn Renderer> = match args.format {
        Format::Human => Box::new(report::Human::new(color, 100)),
        Format::Json => Box::<report::Json>::default(),
        Format::Jsonl => Box::<report::JsonLines>::default(),
        Format::Summary => Box::<report::SummaryTable>::default(),
        Format::Sarif => Box::new(report::Sarif::new(
            rules::all_meta().filter(|m| validator.enabled(m.id)),
        )),
        Format::Github => Box::<report::GitHub>::default(),
    };
    let validator = validator.with_source(renderer.needs_source());
    let threads = args.jobs.map_or_else(
        || std::thread::available_parallelism().map_or(1, |n| n.get()),
        |j| j.max(1),
    );
    let progress = progress::Progress::new(inputs.len(), !args.quiet);
    let timings = args.timings.then(timings::Timings::default);
    let mut out = io::BufWriter::new(stdout.lock());
    let mut summary = Summary::default();
    let mut failed = false;
    let result = (|| -> io::Result<()> {
        renderer.begin(&mut out)?;
        // Each document is validated and rendered on a worker; this thread writes the rendered parts in
        // input order as soon as they are ready.
        let work = |i: usize| -> io::Result<(crate::Report, Vec<u8>)> {
            let input = &inputs[i];
            let mut r = if args.parse_only {
                floor::run(input, args.max_file_size)
            } else {
                inputs::run(&validator, input, args.max_file_size)
            };
            if let Some(t) = &timings {
                t.record(&validator, input, r.elapsed);
            }
            let mut rendered = Vec::new();
            renderer.render(&r, &mut rendered)?;
            // the summary needs the diagnostics, not the text
            r.source = None;
            progress.inc();
            Ok((r, rendered))
        };
        let shared_out = std::cell::RefCell::new(&mut out);
        ordered::run(
            threads,
            inputs.len(),
            // far enough ahead that a slow document rarely stalls the other threads (with 4 per
            // thread they waited 5-10 % of a run over the corpus), while the waiting output may
            // hold at most 64 MB before they stop running ahead
            ordered::Window {
                ahead: 64 * threads,
                weight: waiting_weight,
                budget: 64 << 20,
            },
            work,
            |done| {
                let (r, rendered) = done?;
                summary.add(&r);
                failed |= r.worst().is_some_and(|w| w >= fail_on);
                progress.suspend(|| -> io::Result<()> {
                    let mut out = shared_out.borrow_mut();
                    renderer.write_rendered(&mut *out, &rendered)?;
                    // with the bar on a terminal, write before it is drawn again
                    if progress.is_visible() {
                        out.flush()?;
                    }
                    Ok(())
                })
            },
            // jsonl streams: what is written goes out whenever no further document is ready (one
            // write per burst instead of one per document)
            || {
                if args.format == Format::Jsonl {
                    shared_out.borrow_mut().flush()?;
                }
                Ok(())
            },
        )?;
        progress.suspend(|| -> io::Result<()> {
            renderer.end(&mut out, &summary)?;
            out.flush()
        })
    })();
    progress.finish();
    if let Some(t) = &timings {
        let _ = t.write(&mut io::stderr().lock());
    }
    if let Err(e) = result {
        if e.kind() != io::ErrorKind::BrokenPipe {
            eprintln!("error: cannot write the output: {e}");
            return ExitCode::from(2);
        }
    }
    ExitCode::from(u8::from(failed))
}

fn list_rules(format: ListFormat) -> ExitCode {
    let metas: Vec<_> = rules::all_meta().collect();
    let mut out = io::stdout().lock();
    let res = match format {
        ListFormat::Json => {
            let list: Vec<_> = metas
                .iter()
                .map(|m| {
                    serde_json::json!({
                        "id": m.id, "name": m.name, "group": m.group_label(),
                        "severity": m.severity.as_str(), "summary": m.summary,
                    })
                })
                .collect();
            serde_json::to_writer_pretty(&mut out, &list)
                .map_err(io::Error::other)
                .and_then(|_| writeln!(out))
        }
        ListFormat::Markdown => out.write_all(rules::markdown_table().as_bytes()),
        ListFormat::Table => metas.iter().try_for_each(|m| {
            writeln!(
                out,
                "{:<10} {:<44} {:<12} {:<8} {}",
                m.id,
                m.name,
                m.group_label(),
                m.severity.as_str(),
                m.summary
            )
        }),
    };
    match res {
        Ok(()) => ExitCode::SUCCESS,
        Err(_) => ExitCode::from(2),
    }
}

fn explain(rule: &str) -> ExitCode {
    match rules::find(rule) {
        Some(m) => {
            println!(
                "# {} {}\n\ngroup: {}; default severity: {}\nspec: {}\n\n{}",
                m.id,
                m.name,
                m.group_label(),
                m.severity.as_str(),
                m.url(),
                m.docs
            );
            ExitCode::SUCCESS
        }
        None => usage_error(format!("no rule `{rule}`; see `csaflint rules`")),
    }
}

fn stats(args: crate::stats::StatsArgs) -> ExitCode {
    let pool = match thread_pool(args.jobs) {
        Ok(p) => p,
        Err(code) => return code,
    };
    let inputs = match inputs::collect(&args.paths) {
        Ok(i) => i,
        Err(e) => return usage_error(e),
    };
    let sources: Vec<crate::stats::Source> = inputs
        .into_iter()
        .map(|i| match i {
            inputs::Input::File { shown, path } => crate::stats::Source::File { shown, path },
            inputs::Input::Stdin => crate::stats::Source::Stdin,
            inputs::Input::Broken { shown, .. } => crate::stats::Source::Broken { shown },
        })
        .collect();
    let progress = progress::Progress::new(sources.len(), !args.quiet);
    let result = pool.install(|| crate::stats::run(&args, &sources, &|| progress.inc()));
    progress.finish();
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(2)
        }
    }
}
