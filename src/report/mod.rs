//! Reports are views: the same located diagnostics rendered as human text, JSON or JSON Lines.
//!
//! Every renderer is streaming: it writes each document's result as it comes, and keeps only
//! counters, so memory does not grow with the number of documents.

mod github;
mod human;
mod json;
mod sarif;
mod summary;

pub use github::GitHub;
pub use human::Human;
pub use json::{Json, JsonLines};
pub use sarif::Sarif;
pub use summary::{PublisherCounts, RuleCount, SlowFile, SummaryTable, SLOWEST};

use crate::diag::Severity;
use crate::validate::Report;
use serde::Serialize;
use std::collections::BTreeMap;
use std::io::{self, Write};
use std::sync::atomic::{AtomicBool, Ordering};

/// Counts over a run (contract §3, `summary`), plus diagnostics per rule, counts per publisher and the
/// slowest files. It keeps counters only (one entry per rule and per publisher name, at most
/// [`SLOWEST`] file names), never the reports, so memory does not grow with the number of documents.
///
/// Serialized (in `--format json`) as the contract's six counts followed by `rules`, `publishers` and
/// `slowest`, each a list in the order of [`Summary::rules`], [`Summary::publishers`] and
/// [`Summary::slowest`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Summary {
    /// Documents seen.
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
    rules: BTreeMap<&'static str, RuleCount>,
    publishers: BTreeMap<Option<String>, PublisherCounts>,
    slowest: Vec<SlowFile>,
}

impl Summary {
    /// Counts one document.
    pub fn add(&mut self, report: &Report) {
        let valid = report.valid();
        self.documents += 1;
        if valid {
            self.valid += 1;
        } else {
            self.invalid += 1;
        }
        let publisher = match self.publishers.get_mut(&report.publisher) {
            Some(p) => p,
            None => self
                .publishers
                .entry(report.publisher.clone())
                .or_insert_with(|| PublisherCounts {
                    name: report.publisher.clone(),
                    ..Default::default()
                }),
        };
        publisher.documents += 1;
        if valid {
            publisher.valid += 1;
        } else {
            publisher.invalid += 1;
        }
        // Counted per rule in a short list first (a document's diagnostics come from a few rules,
        // whose ids are the same static strings: found by address, without comparing text), then
        // added to the map once per rule instead of once per diagnostic.
        let mut per_rule: Vec<RuleCount> = Vec::new();
        for d in &report.diagnostics {
            match d.severity {
                Severity::Error => {
                    self.errors += 1;
                    publisher.errors += 1;
                }
                Severity::Warning => {
                    self.warnings += 1;
                    publisher.warnings += 1;
                }
                Severity::Info => {
                    self.infos += 1;
                    publisher.infos += 1;
                }
            }
            let found = per_rule
                .iter()
                .position(|r| std::ptr::eq(r.rule, d.rule))
                .or_else(|| per_rule.iter().position(|r| r.rule == d.rule));
            match found {
                Some(i) => {
                    let rule = &mut per_rule[i];
                    rule.count += 1;
                    rule.severity = rule.severity.max(d.severity);
                }
                None => per_rule.push(RuleCount {
                    rule: d.rule,
                    name: d.name,
                    severity: d.severity,
                    count: 1,
                }),
            }
        }
        for counted in per_rule {
            let rule = self
                .rules
                .entry(counted.rule)
                .or_insert(RuleCount { count: 0, ..counted });
            rule.count += counted.count;
            rule.severity = rule.severity.max(counted.severity);
        }
        summary::keep_slowest(&mut self.slowest, &report.path, report.elapsed);
    }

    /// Diagnostics per rule: most frequent first, then by rule id.
    pub fn rules(&self) -> Vec<&RuleCount> {
        let mut v: Vec<&RuleCount> = self.rules.values().collect();
        v.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.rule.cmp(b.rule)));
        v
    }

    /// Counts per `/document/publisher/name` (`None`: documents without one, and files that could not
    /// be read as a document): most documents first, then by name.
    pub fn publishers(&self) -> Vec<&PublisherCounts> {
        let mut v: Vec<&PublisherCounts> = self.publishers.values().collect();
        v.sort_by(|a, b| b.documents.cmp(&a.documents).then_with(|| a.name.cmp(&b.name)));
        v
    }

    /// The [`SLOWEST`] files that took longest to validate, slowest first (ties in input order).
    pub fn slowest(&self) -> &[SlowFile] {
        &self.slowest
    }
}

impl Serialize for Summary {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut st = s.serialize_struct("Summary", 9)?;
        st.serialize_field("documents", &self.documents)?;
        st.serialize_field("valid", &self.valid)?;
        st.serialize_field("invalid", &self.invalid)?;
        st.serialize_field("errors", &self.errors)?;
        st.serialize_field("warnings", &self.warnings)?;
        st.serialize_field("infos", &self.infos)?;
        st.serialize_field("rules", &self.rules())?;
        st.serialize_field("publishers", &self.publishers())?;
        st.serialize_field("slowest", &self.slowest)?;
        st.end()
    }
}

/// Writes one element of a JSON array written as a stream: a comma unless it is the first, then
/// `indent` (a newline and spaces), then the element.
fn write_element(first: &AtomicBool, out: &mut dyn Write, indent: &[u8], element: &[u8]) -> io::Result<()> {
    if !first.swap(false, Ordering::Relaxed) {
        out.write_all(b",")?;
    }
    out.write_all(indent)?;
    out.write_all(element)
}

/// A streaming renderer. A document's part of the output is rendered by [`Renderer::render`], which
/// several worker threads call at once, for documents in any order; [`Renderer::write_rendered`] then
/// writes those parts in input order, adding whatever goes between them.
pub trait Renderer: Sync {
    /// Called once before the first document.
    fn begin(&mut self, out: &mut dyn Write) -> io::Result<()>;
    /// Renders the part of the output that one document makes.
    fn render(&self, report: &Report, buf: &mut Vec<u8>) -> io::Result<()>;
    /// Writes a part made by [`Renderer::render`]; called for each document, in order, on one thread
    /// while others render.
    fn write_rendered(&self, out: &mut dyn Write, rendered: &[u8]) -> io::Result<()> {
        out.write_all(rendered)
    }
    /// Renders and writes one document (for callers that render on one thread).
    fn document(&mut self, out: &mut dyn Write, report: &Report) -> io::Result<()> {
        let mut buf = Vec::new();
        self.render(report, &mut buf)?;
        self.write_rendered(out, &buf)
    }
    /// Called once at the end, with the counts.
    fn end(&mut self, out: &mut dyn Write, summary: &Summary) -> io::Result<()>;
    /// Whether [`Renderer::render`] reads the document's text ([`Report::source`]): the validator
    /// copies it only for renderers that do.
    fn needs_source(&self) -> bool {
        false
    }
}

/// The object written per document in `json` and `jsonl` (contract §3).
#[derive(Serialize)]
pub struct DocumentOut<'a> {
    /// Path as given.
    pub path: &'a str,
    /// `csaf`, `cvrf` or null.
    pub format: Option<&'a str>,
    /// `2.0`, `2.1`, `1.1`, `1.2` or null.
    pub version: Option<&'a str>,
    /// No error.
    pub valid: bool,
    /// The diagnostics.
    pub diagnostics: &'a [crate::diag::Diagnostic],
}

impl<'a> From<&'a Report> for DocumentOut<'a> {
    fn from(r: &'a Report) -> Self {
        DocumentOut {
            path: &r.path,
            format: r.format,
            version: r.version,
            valid: r.valid(),
            diagnostics: &r.diagnostics,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::Diagnostic;
    use std::time::Duration;

    fn report(publisher: Option<&str>, diagnostics: &[(&'static str, &'static str, Severity)]) -> Report {
        Report {
            path: "p".to_owned(),
            format: Some("csaf"),
            version: Some("2.0"),
            publisher: publisher.map(str::to_owned),
            diagnostics: diagnostics
                .iter()
                .map(|&(rule, name, severity)| Diagnostic {
                    rule,
                    name,
                    severity,
                    message: String::new(),
                    pointer: String::new(),
                    line: 1,
                    column: 1,
                    help: None,
                    span: (0, 0),
                })
                .collect(),
            source: None,
            elapsed: Duration::ZERO,
        }
    }

    /// Counting per rule first (ids told apart by address, and by text when the addresses differ)
    /// counts what one map entry per diagnostic counts.
    #[test]
    fn counts_per_rule_as_per_diagnostic() {
        // the same id at another address
        let other: &'static str = Box::leak("6.2.3".to_owned().into_boxed_str());
        let (w, e, i) = (Severity::Warning, Severity::Error, Severity::Info);
        let reports = [
            report(
                Some("a"),
                &[
                    ("6.2.3", "x", w),
                    ("6.2.16", "y", w),
                    (other, "x", e),
                    ("6.2.3", "x", i),
                ],
            ),
            report(None, &[]),
            report(
                Some("a"),
                &[("6.2.16", "y", i), ("schema", "s", e), ("6.2.16", "y", w)],
            ),
        ];
        let mut summary = Summary::default();
        for r in &reports {
            summary.add(r);
        }
        let mut want: BTreeMap<&'static str, RuleCount> = BTreeMap::new();
        for d in reports.iter().flat_map(|r| &r.diagnostics) {
            let rule = want.entry(d.rule).or_insert(RuleCount {
                rule: d.rule,
                name: d.name,
                severity: d.severity,
                count: 0,
            });
            rule.count += 1;
            rule.severity = rule.severity.max(d.severity);
        }
        assert_eq!(summary.rules, want);
        assert_eq!(summary.rules["6.2.3"].count, 3);
        assert_eq!(summary.rules["6.2.3"].severity, e);
        assert_eq!((summary.errors, summary.warnings, summary.infos), (2, 3, 2));
        assert_eq!((summary.documents, summary.valid, summary.invalid), (3, 1, 2));
    }
}
