//! `csaflint stats`: numbers about advisories for researchers, per publisher, read from the typed
//! [model](crate::model) (so CSAF and CVRF alike).
//!
//! Files are read and turned into the model in parallel (rayon); each document is reduced at once to a
//! few counters and its time-to-fix samples ([`DocStats`]) and dropped, and the counters are merged per
//! publisher ([`Stats`]). Memory grows with the number of publishers and of dated vendor fixes (one
//! number each), never with the documents.
//!
//! What each number counts is defined on [`PublisherStats`] (and in the README, section "Statistics").

mod html;
mod output;

use crate::model::{Advisory, Publisher, RemediationCategory, Version};
use crate::parse::{self, csaf, cvrf, Sniffed};
use chrono::{DateTime, FixedOffset};
use rayon::prelude::*;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::io::{self, Read, Write};
use std::path::PathBuf;

pub use html::write_html;
pub use output::{write_csv, write_json, write_table};

/// Arguments of `csaflint stats`.
#[derive(clap::Parser, Debug)]
pub struct StatsArgs {
    /// Files, directories (recursively: *.json and *.xml) or `-` (standard input).
    #[arg(required = true)]
    pub paths: Vec<String>,
    /// Output format on standard output.
    #[arg(long, value_enum, default_value_t = StatsFormat::Table)]
    pub format: StatsFormat,
    /// Also write a self-contained HTML page (tables and charts, no scripts) to this file.
    #[arg(long, value_name = "FILE")]
    pub html: Option<PathBuf>,
    /// Worker threads (default: one per core).
    #[arg(long, short = 'j')]
    pub jobs: Option<usize>,
    /// No progress bar.
    #[arg(long, short = 'q')]
    pub quiet: bool,
}

/// `stats --format`.
#[derive(clap::ValueEnum, Clone, Copy, Debug, PartialEq, Eq)]
pub enum StatsFormat {
    /// Aligned columns, one row per publisher and a total.
    Table,
    /// Comma-separated values with a header row, one row per publisher (no total).
    Csv,
    /// One JSON object: `publishers`, `total`, `documents_not_read`.
    Json,
}

/// Where a document comes from.
#[derive(Debug, Clone)]
pub enum Source {
    /// A file, with the path to show.
    File {
        /// Path as shown.
        shown: String,
        /// Path to read.
        path: PathBuf,
    },
    /// Standard input.
    Stdin,
    /// A path that could not be listed.
    Broken {
        /// Path as shown.
        shown: String,
    },
}

/// Runs `stats` over `sources` (in the current rayon pool), calling `done` after each document, and
/// writes the result to standard output (and the HTML page when asked).
pub fn run(args: &StatsArgs, sources: &[Source], done: &(dyn Fn() + Sync)) -> io::Result<()> {
    let stats = collect(sources, done);
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    match args.format {
        StatsFormat::Table => write_table(&mut out, &stats)?,
        StatsFormat::Csv => write_csv(&mut out, &stats)?,
        StatsFormat::Json => write_json(&mut out, &stats)?,
    }
    out.flush()?;
    if let Some(path) = &args.html {
        let mut page = Vec::new();
        write_html(&mut page, &stats)?;
        std::fs::write(path, page)
            .map_err(|e| io::Error::new(e.kind(), format!("cannot write `{}`: {e}", path.display())))?;
    }
    Ok(())
}

/// Reads every source in parallel and reduces them per publisher.
pub fn collect(sources: &[Source], done: &(dyn Fn() + Sync)) -> Stats {
    sources
        .par_iter()
        .map(|s| {
            let d = read_source(s).as_ref().map(document_stats);
            done();
            d
        })
        .fold(Stats::default, |mut acc, d| {
            match d {
                Some(d) => acc.add(d),
                None => acc.not_read += 1,
            }
            acc
        })
        .reduce(Stats::default, Stats::merge)
}

/// The largest file `stats` reads (as `validate`'s default `--max-file-size`).
const MAX_FILE_SIZE: u64 = 128 * 1024 * 1024;

fn read_source(s: &Source) -> Option<Advisory> {
    match s {
        Source::File { shown, path } => {
            let meta = std::fs::metadata(path).ok()?;
            if !meta.is_file() || meta.len() > MAX_FILE_SIZE {
                return None;
            }
            let bytes = std::fs::read(path).ok()?;
            read_advisory(shown, &bytes)
        }
        Source::Stdin => {
            let mut bytes = Vec::new();
            io::stdin()
                .lock()
                .take(MAX_FILE_SIZE + 1)
                .read_to_end(&mut bytes)
                .ok()?;
            read_advisory("-", &bytes)
        }
        Source::Broken { .. } => None,
    }
}

/// Reads a CSAF or CVRF document into the model; `None` when it is not one (not text, not well-formed,
/// no `document` object, an unknown `csaf_version`, not a `cvrfdoc`). `name` helps tell the format of
/// content that does not show it.
pub fn read_advisory(name: &str, bytes: &[u8]) -> Option<Advisory> {
    let decoded = parse::decode(bytes);
    if decoded.error.is_some() {
        return None;
    }
    match parse::sniff(&decoded.text, name)? {
        Sniffed::Json => {
            let root: serde_json::Value = serde_json::from_str(&decoded.text).ok()?;
            if !root.get("document").is_some_and(serde_json::Value::is_object) {
                return None;
            }
            let version = match csaf::declared_version(&root) {
                csaf::DeclaredVersion::V20 | csaf::DeclaredVersion::Missing => Version::Csaf20,
                csaf::DeclaredVersion::V21 => Version::Csaf21,
                csaf::DeclaredVersion::Unknown(_) => return None,
            };
            Some(csaf::to_model(&root, version))
        }
        Sniffed::Xml => cvrf::parse(&decoded.text).ok().map(|(a, _)| a),
    }
}

/// The name a document's numbers are filed under: `/document/publisher/name`; for a document without
/// one (every CVRF document: its `DocumentPublisher` has no name) the `issuing_authority` when it is
/// one line of at most 60 characters, else the domain of the first e-mail address or URL in the
/// `contact_details`, else `(unnamed)`.
pub fn publisher_key(p: &Publisher) -> String {
    fn nonempty(s: &Option<String>) -> Option<&str> {
        s.as_deref().map(str::trim).filter(|s| !s.is_empty())
    }
    if let Some(name) = nonempty(&p.name) {
        return name.to_owned();
    }
    if let Some(a) = nonempty(&p.issuing_authority) {
        if !a.contains('\n') && a.chars().count() <= 60 {
            return a.to_owned();
        }
    }
    if let Some(d) = nonempty(&p.contact_details).and_then(domain) {
        return d;
    }
    UNNAMED.to_owned()
}

/// The publisher of documents whose publisher cannot be told.
pub const UNNAMED: &str = "(unnamed)";

/// The domain of the first e-mail address or URL in a text, lowercase, without `www.`.
fn domain(text: &str) -> Option<String> {
    let host_chars = |c: char| c.is_ascii_alphanumeric() || c == '.' || c == '-';
    for word in text.split(|c: char| c.is_whitespace() || c == '<' || c == '>' || c == '(' || c == ')') {
        let host = if let Some((_, rest)) = word.split_once("://") {
            rest
        } else if let Some((local, rest)) = word.split_once('@') {
            if local.is_empty() {
                continue;
            }
            rest
        } else {
            continue;
        };
        let host: String = host.chars().take_while(|&c| host_chars(c)).collect();
        let host = host.trim_matches('.').to_ascii_lowercase();
        let host = host.strip_prefix("www.").unwrap_or(&host);
        if host.contains('.') {
            return Some(host.to_owned());
        }
    }
    None
}

/// When the oldest document with a product left without a fix was released.
#[derive(Debug, Clone, PartialEq)]
pub struct Oldest {
    /// Its `/document/tracking/initial_release_date`.
    pub date: DateTime<FixedOffset>,
    /// The date as written.
    pub date_raw: String,
    /// Its `/document/tracking/id` (empty when it has none).
    pub id: String,
}

impl Oldest {
    fn older(a: Option<Oldest>, b: Option<Oldest>) -> Option<Oldest> {
        match (a, b) {
            (Some(a), Some(b)) => Some(if (b.date, &b.id) < (a.date, &a.id) { b } else { a }),
            (a, b) => a.or(b),
        }
    }
}

/// The numbers of one document.
#[derive(Debug, Clone, PartialEq)]
pub struct DocStats {
    /// See [`publisher_key`].
    pub publisher: String,
    /// The other numbers, as one document's share of [`PublisherStats`].
    pub stats: PublisherStats,
}

/// Numbers over the documents of one publisher (or all of them). Product ids are local to a document,
/// so product counts are per document, then added up.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PublisherStats {
    /// Documents read.
    pub documents: usize,
    /// Entries of `/vulnerabilities` (CVRF `Vulnerability` elements).
    pub vulnerabilities: usize,
    /// Per document, the distinct product ids listed as affected (`first_affected`, `known_affected`,
    /// `last_affected`) by at least one vulnerability; added up over the documents.
    pub affected_products: usize,
    /// Remediations, of every category.
    pub remediations: usize,
    /// Remediations whose `date` is a valid date.
    pub remediations_with_date: usize,
    /// Time to fix, in days: for every `vendor_fix` remediation with a valid `date` in a document with a
    /// valid `initial_release_date`, the remediation's date minus the document's initial release date
    /// (fractional days). Negative when the fix was available before the advisory was published; kept,
    /// not dropped, since leaving them out would make publishers that document earlier fixes look
    /// slower.
    pub time_to_fix: Vec<f64>,
    /// Per document, the distinct product ids that at least one vulnerability lists as affected while
    /// none of that vulnerability's `vendor_fix` remediations covers them (by `product_ids` or through
    /// the members of its `group_ids`); added up over the documents.
    pub products_without_fix: usize,
    /// Among the documents with a product without a fix and a valid initial release date: the one
    /// released first (ties: the smaller tracking id).
    pub oldest_without_fix: Option<Oldest>,
}

impl PublisherStats {
    /// Adds the numbers of `other` to these.
    pub fn merge(&mut self, other: PublisherStats) {
        self.documents += other.documents;
        self.vulnerabilities += other.vulnerabilities;
        self.affected_products += other.affected_products;
        self.remediations += other.remediations;
        self.remediations_with_date += other.remediations_with_date;
        self.time_to_fix.extend(other.time_to_fix);
        self.products_without_fix += other.products_without_fix;
        self.oldest_without_fix = Oldest::older(self.oldest_without_fix.take(), other.oldest_without_fix);
    }

    /// `remediations_with_date / remediations`; `None` without remediations.
    pub fn dated_share(&self) -> Option<f64> {
        (self.remediations > 0).then(|| self.remediations_with_date as f64 / self.remediations as f64)
    }

    /// Order statistics of [`PublisherStats::time_to_fix`]; `None` without samples.
    pub fn time_to_fix_summary(&self) -> Option<Distribution> {
        Distribution::of(&self.time_to_fix)
    }
}

/// Order statistics of a sample. Percentiles are nearest-rank (the smallest value with at least p % of
/// the sample at or below it); the median is the middle value, or the mean of the two middle values.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Distribution {
    /// Sample size.
    pub n: usize,
    /// Values below zero.
    pub negative: usize,
    /// Smallest value.
    pub min: f64,
    /// 25th percentile.
    pub q1: f64,
    /// Median.
    pub median: f64,
    /// 75th percentile.
    pub q3: f64,
    /// 90th percentile.
    pub p90: f64,
    /// Largest value.
    pub max: f64,
}

impl Distribution {
    /// The statistics of `values`; `None` when empty.
    pub fn of(values: &[f64]) -> Option<Distribution> {
        if values.is_empty() {
            return None;
        }
        let mut v = values.to_vec();
        v.sort_by(f64::total_cmp);
        let n = v.len();
        let rank = |p: f64| v[((p * n as f64).ceil() as usize).clamp(1, n) - 1];
        let median = if n % 2 == 1 {
            v[n / 2]
        } else {
            (v[n / 2 - 1] + v[n / 2]) / 2.0
        };
        Some(Distribution {
            n,
            negative: v.iter().filter(|&&x| x < 0.0).count(),
            min: v[0],
            q1: rank(0.25),
            median,
            q3: rank(0.75),
            p90: rank(0.9),
            max: v[n - 1],
        })
    }
}

/// Numbers per publisher.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Stats {
    /// Per [`publisher_key`].
    pub publishers: BTreeMap<String, PublisherStats>,
    /// Files that could not be read as a CSAF or CVRF document.
    pub not_read: usize,
}

impl Stats {
    /// Adds one document.
    pub fn add(&mut self, d: DocStats) {
        self.publishers.entry(d.publisher).or_default().merge(d.stats);
    }

    /// Both together.
    pub fn merge(mut self, other: Stats) -> Stats {
        for (k, v) in other.publishers {
            self.publishers.entry(k).or_default().merge(v);
        }
        self.not_read += other.not_read;
        self
    }

    /// The publishers, most documents first, then by name.
    pub fn rows(&self) -> Vec<(&str, &PublisherStats)> {
        let mut rows: Vec<_> = self.publishers.iter().map(|(k, v)| (k.as_str(), v)).collect();
        rows.sort_by(|a, b| b.1.documents.cmp(&a.1.documents).then_with(|| a.0.cmp(b.0)));
        rows
    }

    /// All publishers together.
    pub fn total(&self) -> PublisherStats {
        let mut t = PublisherStats::default();
        for v in self.publishers.values() {
            t.merge(v.clone());
        }
        t
    }
}

/// Reduces one document to its numbers.
pub fn document_stats(a: &Advisory) -> DocStats {
    let mut groups: HashMap<&str, Vec<&str>> = HashMap::new();
    if let Some(tree) = &a.product_tree {
        for g in &tree.product_groups {
            if let Some(id) = &g.group_id {
                groups
                    .entry(id.as_str())
                    .or_default()
                    .extend(g.product_ids.iter().map(String::as_str));
            }
        }
    }
    let initial = a
        .document
        .tracking
        .initial_release_date
        .as_ref()
        .and_then(|t| t.value);
    let mut s = PublisherStats {
        documents: 1,
        vulnerabilities: a.vulnerabilities.len(),
        ..Default::default()
    };
    let mut affected: HashSet<&str> = HashSet::new();
    let mut without_fix: HashSet<&str> = HashSet::new();
    for v in &a.vulnerabilities {
        let mut fixed: HashSet<&str> = HashSet::new();
        for r in &v.remediations {
            s.remediations += 1;
            let date = r.date.as_ref().and_then(|t| t.value);
            if date.is_some() {
                s.remediations_with_date += 1;
            }
            if r.category != Some(RemediationCategory::VendorFix) {
                continue;
            }
            fixed.extend(r.product_ids.iter().map(String::as_str));
            for g in &r.group_ids {
                fixed.extend(groups.get(g.as_str()).into_iter().flatten().copied());
            }
            if let (Some(fix), Some(release)) = (date, initial) {
                s.time_to_fix
                    .push((fix - release).num_milliseconds() as f64 / 86_400_000.0);
            }
        }
        for p in v.product_status.affected() {
            affected.insert(p);
            if !fixed.contains(p.as_str()) {
                without_fix.insert(p);
            }
        }
    }
    s.affected_products = affected.len();
    s.products_without_fix = without_fix.len();
    if s.products_without_fix > 0 {
        let tracking = &a.document.tracking;
        s.oldest_without_fix = tracking.initial_release_date.as_ref().and_then(|t| {
            Some(Oldest {
                date: t.value?,
                date_raw: t.raw.clone(),
                id: tracking.id.clone().unwrap_or_default(),
            })
        });
    }
    DocStats {
        publisher: publisher_key(&a.document.publisher),
        stats: s,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distribution_uses_nearest_rank_and_the_middle_median() {
        let d = Distribution::of(&[5.0, -1.0, 3.0, 10.0]).unwrap();
        assert_eq!((d.n, d.negative, d.min, d.max), (4, 1, -1.0, 10.0));
        assert_eq!(d.median, 4.0);
        assert_eq!((d.q1, d.q3, d.p90), (-1.0, 5.0, 10.0));
        let d = Distribution::of(&(1..=10).map(f64::from).collect::<Vec<_>>()).unwrap();
        assert_eq!((d.median, d.p90, d.q1, d.q3), (5.5, 9.0, 3.0, 8.0));
        assert!(Distribution::of(&[]).is_none());
    }

    #[test]
    fn publishers_without_a_name_are_told_by_authority_or_domain() {
        let p = |auth: Option<&str>, contact: Option<&str>| Publisher {
            issuing_authority: auth.map(str::to_owned),
            contact_details: contact.map(str::to_owned),
            ..Default::default()
        };
        assert_eq!(
            publisher_key(&p(Some("SUSE Security Team"), None)),
            "SUSE Security Team"
        );
        assert_eq!(
            publisher_key(&p(Some(&"long ".repeat(20)), Some("secure@Microsoft.com"))),
            "microsoft.com"
        );
        assert_eq!(
            publisher_key(&p(None, Some("Website: https://www.fortiguard.com/psirt"))),
            "fortiguard.com"
        );
        assert_eq!(publisher_key(&p(None, Some("call us"))), UNNAMED);
    }
}
