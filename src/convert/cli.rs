//! `csaflint convert FILE.xml [-o OUT.json]`: the command line of the converter.
//!
//! Exit codes: `0` written; `1` the input is not a readable CVRF document, or the conversion had
//! errors or its result is not valid CSAF (nothing is written then, unless `--force`); `2` usage
//! errors: an invalid config file or flag, an input path that does not exist, `-o` naming the input,
//! or the output could not be written.

use super::{convert_bytes, Options};
use chrono::{DateTime, FixedOffset, TimeZone, Utc};
use std::fs;
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// The publisher categories of CSAF 2.0.
const CATEGORIES: [&str; 6] = [
    "coordinator",
    "discoverer",
    "other",
    "translator",
    "user",
    "vendor",
];

/// Arguments of `csaflint convert`.
#[derive(clap::Args, Debug)]
pub struct ConvertArgs {
    /// The CVRF 1.1 or 1.2 document (`-` for standard input).
    input: String,
    /// Write the CSAF document to this file (atomically; never the input) instead of standard output
    /// (`-`).
    #[arg(short = 'o', long, value_name = "OUT.json")]
    output: Option<PathBuf>,
    /// Write the output despite conversion errors or validation errors of the result, with marked
    /// placeholders for required data (publisher, tracking) that the document does not have.
    #[arg(long)]
    force: bool,
    /// `/document/publisher/name` (default: `[convert] publisher-name`, else derived from the document).
    #[arg(long, value_name = "NAME")]
    publisher_name: Option<String>,
    /// `/document/publisher/namespace`, the publisher's URL (default: `[convert] publisher-namespace`,
    /// else derived from the document).
    #[arg(long, value_name = "URL")]
    publisher_namespace: Option<String>,
    /// `/document/publisher/category` (default: `[convert] publisher-category`, else
    /// `DocumentPublisher/@Type`).
    #[arg(long, value_name = "CATEGORY", value_parser = parse_category)]
    publisher_category: Option<String>,
    /// `/document/tracking/generator/date`, RFC 3339 (default: `SOURCE_DATE_EPOCH` when set, else now).
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    generator_date: Option<DateTime<FixedOffset>>,
    /// Use this config file instead of looking for `csaflint.toml` / `.csaflint.toml` from the current
    /// directory upward.
    #[arg(long, value_name = "PATH", conflicts_with = "no_config")]
    config: Option<PathBuf>,
    /// Use no config file.
    #[arg(long)]
    no_config: bool,
}

fn parse_category(s: &str) -> Result<String, String> {
    let lower = s.trim().to_ascii_lowercase();
    if CATEGORIES.contains(&lower.as_str()) {
        Ok(lower)
    } else {
        Err(format!(
            "unknown publisher category `{s}` ({})",
            CATEGORIES.join(", ")
        ))
    }
}

fn parse_date(s: &str) -> Result<DateTime<FixedOffset>, String> {
    DateTime::parse_from_rfc3339(s.trim())
        .map_err(|e| format!("`{s}` is not an RFC 3339 date-time ({e}), e.g. `2024-01-02T03:04:05Z`"))
}

fn usage_error(msg: impl std::fmt::Display) -> ExitCode {
    eprintln!("error: {msg}");
    ExitCode::from(2)
}

/// Runs `csaflint convert`; returns the exit code.
pub fn run(args: ConvertArgs) -> ExitCode {
    let config = match crate::config::find(args.config.as_deref(), args.no_config) {
        Ok(c) => c.unwrap_or_default(),
        Err(e) => return usage_error(e),
    };
    let mut options = Options::from_config(&config.convert);
    if let Some(c) = &options.publisher_category {
        match parse_category(c) {
            Ok(c) => options.publisher_category = Some(c),
            Err(e) => return usage_error(format!("{}: `[convert] publisher-category`: {e}", config.path)),
        }
    }
    // a flag wins over the config file
    options.publisher_name = args.publisher_name.or(options.publisher_name);
    options.publisher_namespace = args.publisher_namespace.or(options.publisher_namespace);
    options.publisher_category = args.publisher_category.or(options.publisher_category);
    options.force = args.force;
    options.generator_date = match args.generator_date {
        Some(d) => Some(d),
        None => match source_date_epoch() {
            Ok(d) => d,
            Err(e) => return usage_error(e),
        },
    };

    let stdin = args.input == "-";
    // `-o -` is standard output
    let output = args.output.clone().filter(|p| p.as_os_str() != "-");
    let input = Path::new(&args.input);
    if !stdin && !input.exists() {
        return usage_error(format!("{}: no such file", args.input));
    }
    if let Some(out) = &output {
        if out.is_dir() {
            return usage_error(format!("-o {}: is a directory", out.display()));
        }
        if !stdin && same_file(input, out) {
            return usage_error(format!(
                "-o {} is the input file: refusing to overwrite it (write the CSAF document elsewhere)",
                out.display()
            ));
        }
    }
    let bytes = if stdin {
        let mut buf = Vec::new();
        match io::stdin().lock().read_to_end(&mut buf) {
            Ok(_) => buf,
            Err(e) => {
                eprintln!("-: error: cannot read standard input: {e}");
                return ExitCode::from(1);
            }
        }
    } else {
        match fs::read(input) {
            Ok(b) => b,
            Err(e) => {
                eprintln!("{}:1:1: error: cannot read the file: {e}", args.input);
                return ExitCode::from(1);
            }
        }
    };

    let conversion = match convert_bytes(&bytes, &options) {
        Ok(c) => c,
        Err(m) => {
            eprintln!("{}", m.render(&args.input));
            return ExitCode::from(1);
        }
    };
    {
        let mut err = io::stderr().lock();
        for m in conversion.messages.iter().chain(&conversion.validation) {
            let _ = writeln!(err, "{}", m.render(&args.input));
        }
    }
    let (errors, invalid) = (conversion.conversion_errors(), conversion.validation_errors());
    if (errors > 0 || invalid > 0) && !args.force {
        eprintln!(
            "error: nothing written: {}; `--force` writes the document anyway",
            problems(errors, invalid)
        );
        return ExitCode::from(1);
    }
    let written = match &output {
        Some(out) => {
            write_atomic(out, conversion.text.as_bytes()).map_err(|e| (out.display().to_string(), e))
        }
        None => {
            let mut stdout = io::stdout().lock();
            match stdout
                .write_all(conversion.text.as_bytes())
                .and_then(|_| stdout.flush())
            {
                Err(e) if e.kind() != io::ErrorKind::BrokenPipe => Err(("standard output".to_owned(), e)),
                _ => Ok(()),
            }
        }
    };
    if let Err((what, e)) = written {
        return usage_error(format!("cannot write {what}: {e}"));
    }
    if errors > 0 || invalid > 0 {
        eprintln!("warning: written despite {} (--force)", problems(errors, invalid));
    }
    ExitCode::SUCCESS
}

fn problems(errors: usize, invalid: usize) -> String {
    let mut parts = Vec::new();
    if errors > 0 {
        parts.push(format!(
            "{errors} conversion error{}",
            if errors == 1 { "" } else { "s" }
        ));
    }
    if invalid > 0 {
        parts.push(format!(
            "{invalid} validation error{} in the converted document",
            if invalid == 1 { "" } else { "s" }
        ));
    }
    parts.join(" and ")
}

/// `SOURCE_DATE_EPOCH` (reproducible builds): seconds since 1970, as the generator date.
fn source_date_epoch() -> Result<Option<DateTime<FixedOffset>>, String> {
    let Some(v) = std::env::var_os("SOURCE_DATE_EPOCH") else {
        return Ok(None);
    };
    let v = v.to_string_lossy();
    let secs: i64 = v
        .trim()
        .parse()
        .map_err(|_| format!("SOURCE_DATE_EPOCH `{v}` is not a number of seconds"))?;
    match Utc.timestamp_opt(secs, 0).single() {
        Some(d) => Ok(Some(d.fixed_offset())),
        None => Err(format!("SOURCE_DATE_EPOCH `{v}` is out of range")),
    }
}

/// Whether `output` names the same file as `input`: the same canonical path (symbolic links resolved),
/// or (on Unix) the same device and inode (hard links).
fn same_file(input: &Path, output: &Path) -> bool {
    if let (Ok(a), Ok(b)) = (fs::canonicalize(input), canonical_target(output)) {
        if a == b {
            return true;
        }
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if let (Ok(a), Ok(b)) = (fs::metadata(input), fs::metadata(output)) {
            return a.dev() == b.dev() && a.ino() == b.ino();
        }
    }
    false
}

/// The canonical path a file would have: itself when it exists, else its canonical directory joined
/// with its name.
fn canonical_target(path: &Path) -> io::Result<PathBuf> {
    if path.exists() {
        return fs::canonicalize(path);
    }
    let name = path
        .file_name()
        .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "no file name"))?;
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    Ok(fs::canonicalize(dir)?.join(name))
}

/// Writes `data` to `path` atomically: a new temporary file in the same directory, flushed to disk,
/// then renamed over `path`. On any failure the temporary file is removed and `path` is untouched.
/// An existing file keeps its permissions.
fn write_atomic(path: &Path, data: &[u8]) -> io::Result<()> {
    let name = path
        .file_name()
        .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "no file name"))?;
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let permissions = fs::metadata(path).ok().map(|m| m.permissions());
    let stamp = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.subsec_nanos())
        .unwrap_or(0);
    for attempt in 0..100u32 {
        let tmp = dir.join(format!(
            ".{}.csaflint-{}-{stamp}-{attempt}.tmp",
            name.to_string_lossy(),
            std::process::id()
        ));
        let mut file = match fs::OpenOptions::new().write(true).create_new(true).open(&tmp) {
            Ok(f) => f,
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
        };
        let result = (|| {
            file.write_all(data)?;
            if let Some(p) = &permissions {
                file.set_permissions(p.clone())?;
            }
            file.sync_all()?;
            drop(file);
            fs::rename(&tmp, path)
        })();
        if result.is_err() {
            let _ = fs::remove_file(&tmp);
        }
        return result;
    }
    Err(io::Error::new(
        io::ErrorKind::AlreadyExists,
        "could not create a temporary file next to the output",
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn atomic_write_replaces_and_leaves_nothing_behind() {
        let dir = std::env::temp_dir().join(format!("csaflint-convert-{}", std::process::id()));
        fs::create_dir_all(&dir).unwrap();
        let out = dir.join("out.json");
        write_atomic(&out, b"one").unwrap();
        write_atomic(&out, b"two").unwrap();
        assert_eq!(fs::read(&out).unwrap(), b"two");
        let leftovers: Vec<_> = fs::read_dir(&dir)
            .unwrap()
            .filter_map(Result::ok)
            .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
            .collect();
        assert!(leftovers.is_empty());
        // a directory in the way: the rename fails, no temporary file stays
        let blocked = dir.join("blocked");
        fs::create_dir_all(blocked.join("x")).unwrap();
        assert!(write_atomic(&blocked, b"x").is_err());
        assert_eq!(
            fs::read_dir(&dir)
                .unwrap()
                .filter_map(Result::ok)
                .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
                .count(),
            0
        );
        assert!(same_file(&out, &dir.join("./out.json")));
        assert!(!same_file(&out, &dir.join("other.json")));
        fs::remove_dir_all(&dir).unwrap();
    }
}
