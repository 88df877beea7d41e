//! The parts of [`Summary`] beyond the contract's six counts, and `--format summary`: the summary alone,
//! as readable tables.

use super::{Renderer, Summary};
use crate::diag::Severity;
use crate::validate::Report;
use serde::{Serialize, Serializer};
use std::io::{self, Write};
use std::time::Duration;

/// How many of the slowest files a [`Summary`] keeps.
pub const SLOWEST: usize = 10;

/// Diagnostics of one rule over a run.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RuleCount {
    /// Rule id, e.g. `6.1.1`.
    pub rule: &'static str,
    /// Rule name.
    pub name: &'static str,
    /// The (highest) effective severity its diagnostics had.
    pub severity: Severity,
    /// How many diagnostics it reported.
    pub count: usize,
}

/// Counts for the documents of one publisher (`/document/publisher/name`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct PublisherCounts {
    /// The publisher's name; `None` for documents without one (every CVRF document, whose
    /// `DocumentPublisher` has no name, and files that could not be read as a document).
    pub name: Option<String>,
    /// Documents.
    pub documents: usize,
    /// Documents without an error.
    pub valid: usize,
    /// Documents with at least one error.
    pub invalid: usize,
    /// Diagnostics of severity error.
    pub errors: usize,
    /// Diagnostics of severity warning.
    pub warnings: usize,
    /// Diagnostics of severity info.
    pub infos: usize,
}

/// One of the slowest files.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SlowFile {
    /// Path as shown in the reports.
    pub path: String,
    /// Time spent validating it (reading the file not included); serialized as `ms`, milliseconds
    /// with three decimals.
    #[serde(rename = "ms", serialize_with = "millis")]
    pub elapsed: Duration,
}

fn millis<S: Serializer>(d: &Duration, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_f64(ms(*d))
}

fn ms(d: Duration) -> f64 {
    (d.as_secs_f64() * 1_000_000.0).round() / 1000.0
}

/// Keeps `list` the [`SLOWEST`] longest durations, slowest first; among equal durations the earlier
/// file stays first.
pub(super) fn keep_slowest(list: &mut Vec<SlowFile>, path: &str, elapsed: Duration) {
    if list.len() == SLOWEST && list.last().is_some_and(|l| l.elapsed >= elapsed) {
        return;
    }
    let at = list.partition_point(|f| f.elapsed >= elapsed);
    list.insert(
        at,
        SlowFile {
            path: path.to_owned(),
            elapsed,
        },
    );
    list.truncate(SLOWEST);
}

/// `--format summary`: nothing per document; at the end the summary as tables (diagnostics per rule,
/// per publisher, the slowest files) and the summary line.
#[derive(Debug, Default)]
pub struct SummaryTable;

impl Renderer for SummaryTable {
    fn begin(&mut self, _out: &mut dyn Write) -> io::Result<()> {
        Ok(())
    }

    fn render(&self, _report: &Report, _buf: &mut Vec<u8>) -> io::Result<()> {
        Ok(())
    }

    fn end(&mut self, out: &mut dyn Write, summary: &Summary) -> io::Result<()> {
        write_tables(out, summary)?;
        write_line(out, summary)
    }
}

/// The one-line summary that ends human output.
pub(super) fn write_line(out: &mut dyn Write, s: &Summary) -> io::Result<()> {
    writeln!(
        out,
        "{} document{} checked: {} valid, {} invalid; {} error{}, {} warning{}, {} info{}",
        s.documents,
        plural(s.documents),
        s.valid,
        s.invalid,
        s.errors,
        plural(s.errors),
        s.warnings,
        plural(s.warnings),
        s.infos,
        plural(s.infos),
    )
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// The publisher column of the tables for a document without a publisher name.
pub const NO_PUBLISHER: &str = "(no publisher name)";

/// The three tables of a summary, each followed by an empty line; a table without rows is left out.
pub(super) fn write_tables(out: &mut dyn Write, s: &Summary) -> io::Result<()> {
    let rules = s.rules();
    if !rules.is_empty() {
        let id_w = rules.iter().map(|r| r.rule.len()).max().unwrap_or(0).max(4);
        let name_w = rules.iter().map(|r| r.name.len()).max().unwrap_or(0).max(4);
        writeln!(out, "Diagnostics per rule")?;
        writeln!(
            out,
            "{:>8}  {:<id_w$}  {:<name_w$}  severity",
            "count", "rule", "name"
        )?;
        for r in &rules {
            writeln!(
                out,
                "{:>8}  {:<id_w$}  {:<name_w$}  {}",
                r.count, r.rule, r.name, r.severity
            )?;
        }
        writeln!(out)?;
    }
    let publishers = s.publishers();
    if !publishers.is_empty() {
        writeln!(out, "Per publisher")?;
        writeln!(
            out,
            "{:>9}  {:>7}  {:>7}  {:>8}  {:>8}  {:>8}  publisher",
            "documents", "valid", "invalid", "errors", "warnings", "infos"
        )?;
        for p in &publishers {
            writeln!(
                out,
                "{:>9}  {:>7}  {:>7}  {:>8}  {:>8}  {:>8}  {}",
                p.documents,
                p.valid,
                p.invalid,
                p.errors,
                p.warnings,
                p.infos,
                p.name.as_deref().unwrap_or(NO_PUBLISHER)
            )?;
        }
        writeln!(out)?;
    }
    let slowest = s.slowest();
    if !slowest.is_empty() {
        writeln!(out, "Slowest files")?;
        writeln!(out, "{:>12}  path", "ms")?;
        for f in slowest {
            writeln!(out, "{:>12.3}  {}", ms(f.elapsed), f.path)?;
        }
        writeln!(out)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_the_slowest_in_order() {
        let mut list = Vec::new();
        for (i, ms) in [5u64, 1, 9, 5, 3, 12, 7, 0, 2, 8, 11, 4, 5].iter().enumerate() {
            keep_slowest(&mut list, &format!("f{i}"), Duration::from_millis(*ms));
        }
        let got: Vec<_> = list.iter().map(|f| f.path.as_str()).collect();
        assert_eq!(
            got,
            ["f5", "f10", "f2", "f9", "f6", "f0", "f3", "f12", "f11", "f4"]
        );
    }
}
