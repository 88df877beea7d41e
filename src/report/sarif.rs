//! `--format sarif`: SARIF 2.1.0, for code-scanning services (GitHub's `upload-sarif`, …).
//!
//! Hand-written serde structs for the few SARIF objects we fill, rather than a SARIF crate: the log is
//! streamed (the run's header with the tool and its rules first, then one result per diagnostic as the
//! documents come, then the closing brackets), which a crate that builds the whole log in memory does
//! not allow, and the structs stay a small, reviewed subset of the schema.

use super::{Renderer, Summary};
use crate::diag::{Diagnostic, Severity};
use crate::rules::RuleMeta;
use crate::validate::Report;
use serde::Serialize;
use std::collections::HashMap;
use std::io::{self, Write};
use std::sync::atomic::{AtomicBool, Ordering};

/// The URI of the final SARIF 2.1.0 schema (OASIS Standard, errata 01), for `$schema`.
pub const SCHEMA_URI: &str =
    "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

/// The project's home page, when the package declares one (`repository` or `homepage` in Cargo.toml):
/// the driver's `informationUri`, and the base of the rules' relative documentation links.
const HOME: Option<&str> = match option_env!("CARGO_PKG_REPOSITORY") {
    Some(r) if !r.is_empty() => Some(r),
    _ => match option_env!("CARGO_PKG_HOMEPAGE") {
        Some(h) if !h.is_empty() => Some(h),
        _ => None,
    },
};

/// Streams one SARIF log with one run.
pub struct Sarif {
    rules: Vec<&'static RuleMeta>,
    index: HashMap<&'static str, usize>,
    first: AtomicBool,
}

impl Sarif {
    /// A log whose `tool.driver.rules` lists `rules` (the rules that run, so that a consumer knows what
    /// was checked, not only what was found), in the given order.
    pub fn new(rules: impl IntoIterator<Item = &'static RuleMeta>) -> Sarif {
        let rules: Vec<_> = rules.into_iter().collect();
        let index = rules.iter().enumerate().map(|(i, m)| (m.id, i)).collect();
        Sarif {
            rules,
            index,
            first: AtomicBool::new(true),
        }
    }
}

impl Renderer for Sarif {
    fn begin(&mut self, out: &mut dyn Write) -> io::Result<()> {
        let driver = Driver {
            name: "csaflint",
            version: env!("CARGO_PKG_VERSION"),
            semantic_version: env!("CARGO_PKG_VERSION"),
            information_uri: HOME,
            rules: self.rules.iter().map(|m| descriptor(m)).collect(),
        };
        out.write_all(b"{\n  \"$schema\": ")?;
        json(out, SCHEMA_URI)?;
        out.write_all(b",\n  \"version\": \"2.1.0\",\n  \"runs\": [\n    {\n      \"tool\": {\"driver\": ")?;
        json(out, &driver)?;
        out.write_all(b"},\n      \"columnKind\": \"unicodeCodePoints\",\n      \"results\": [")?;
        self.first.store(true, Ordering::Relaxed);
        Ok(())
    }

    /// The document's results, separated by commas; [`Sarif::write_rendered`] puts the separator
    /// before them.
    fn render(&self, report: &Report, buf: &mut Vec<u8>) -> io::Result<()> {
        for (i, d) in report.diagnostics.iter().enumerate() {
            if i > 0 {
                buf.extend_from_slice(b",\n        ");
            }
            json(buf, &self.result(report, d))?;
        }
        Ok(())
    }

    fn write_rendered(&self, out: &mut dyn Write, rendered: &[u8]) -> io::Result<()> {
        if rendered.is_empty() {
            return Ok(());
        }
        super::write_element(&self.first, out, b"\n        ", rendered)
    }

    fn needs_source(&self) -> bool {
        true
    }

    fn end(&mut self, out: &mut dyn Write, _summary: &Summary) -> io::Result<()> {
        out.write_all(if self.first.load(Ordering::Relaxed) {
            b"]\n    }\n  ]\n}\n"
        } else {
            b"\n      ]\n    }\n  ]\n}\n"
        })
    }
}

impl Sarif {
    fn result<'a>(&self, report: &'a Report, d: &'a Diagnostic) -> SarifResult<'a> {
        let end_column = report
            .source
            .as_deref()
            .and_then(|s| s.get(d.span.0..d.span.1))
            .map(|s| s.chars().count() as u32)
            .filter(|&n| n > 0)
            .map(|n| d.column + n);
        SarifResult {
            rule_id: d.rule,
            rule_index: self.index.get(d.rule).copied(),
            level: level(d.severity),
            message: Text { text: &d.message },
            locations: [Location {
                physical_location: PhysicalLocation {
                    artifact_location: ArtifactLocation {
                        uri: artifact_uri(&report.path),
                    },
                    region: Region {
                        start_line: d.line,
                        start_column: d.column,
                        end_line: end_column.map(|_| d.line),
                        end_column,
                    },
                },
                logical_locations: (!d.pointer.is_empty()).then(|| {
                    [LogicalLocation {
                        fully_qualified_name: &d.pointer,
                    }]
                }),
            }],
            properties: ResultProperties { pointer: &d.pointer },
        }
    }
}

fn json(out: &mut dyn Write, value: &(impl Serialize + ?Sized)) -> io::Result<()> {
    serde_json::to_writer(&mut *out, value)
        .map_err(|e| io::Error::new(e.io_error_kind().unwrap_or(io::ErrorKind::Other), e))
}

/// SARIF's level for a severity: `error`, `warning`, `note`.
pub fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// The rule's documentation link as an absolute URI, or `None` when it is relative to a project home
/// page that the build does not know.
fn absolute_url(m: &RuleMeta) -> Option<String> {
    let url = m.url();
    if url.contains("://") {
        return Some(url);
    }
    HOME.map(|home| format!("{}/blob/HEAD/{url}", home.trim_end_matches('/')))
}

/// The "What it checks" section of a rule's documentation as one paragraph of plain text.
fn what_it_checks(m: &RuleMeta) -> String {
    let mut lines = m.docs.lines().map(str::trim);
    let mut text = Vec::new();
    if lines.any(|l| l.eq_ignore_ascii_case("## What it checks")) {
        text.extend(
            lines
                .take_while(|l| !l.starts_with("## "))
                .filter(|l| !l.is_empty()),
        );
    }
    if text.is_empty() {
        m.summary.to_owned()
    } else {
        text.join(" ")
    }
}

fn descriptor(m: &'static RuleMeta) -> Descriptor {
    let docs = m
        .docs
        .lines()
        .map(|l| l.strip_prefix(' ').unwrap_or(l))
        .collect::<Vec<_>>()
        .join("\n");
    Descriptor {
        id: m.id,
        name: m.name,
        short_description: OwnedText {
            text: m.summary.to_owned(),
        },
        full_description: OwnedText {
            text: what_it_checks(m),
        },
        help: Help {
            text: docs.clone(),
            markdown: docs,
        },
        help_uri: absolute_url(m),
        default_configuration: Configuration {
            level: level(m.severity),
        },
        properties: DescriptorProperties {
            tags: [m.group_label()],
        },
    }
}

/// A path as a URI reference: relative paths stay relative (with `/` separators and a leading `./`
/// dropped), absolute ones become `file://` URIs; characters a URI cannot hold are percent-encoded.
pub fn artifact_uri(path: &str) -> String {
    let p = if cfg!(windows) {
        path.replace('\\', "/")
    } else {
        path.to_owned()
    };
    let mut p = p.as_str();
    while let Some(rest) = p.strip_prefix("./") {
        p = rest;
    }
    let (prefix, p) = if p.starts_with('/') {
        ("file://", p)
    } else if cfg!(windows) && p.as_bytes().get(1) == Some(&b':') {
        ("file:///", p)
    } else {
        ("", p)
    };
    let mut out = String::from(prefix);
    for (i, b) in p.bytes().enumerate() {
        let keep = b.is_ascii_alphanumeric()
            || b"-._~!$&'()*+,;=@/".contains(&b)
            || (b == b':' && !prefix.is_empty() && i == 1);
        if keep {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Driver {
    name: &'static str,
    version: &'static str,
    semantic_version: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    information_uri: Option<&'static str>,
    rules: Vec<Descriptor>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Descriptor {
    id: &'static str,
    name: &'static str,
    short_description: OwnedText,
    full_description: OwnedText,
    help: Help,
    #[serde(skip_serializing_if = "Option::is_none")]
    help_uri: Option<String>,
    default_configuration: Configuration,
    properties: DescriptorProperties,
}

#[derive(Serialize)]
struct OwnedText {
    text: String,
}

#[derive(Serialize)]
struct Help {
    text: String,
    markdown: String,
}

#[derive(Serialize)]
struct Configuration {
    level: &'static str,
}

#[derive(Serialize)]
struct DescriptorProperties {
    tags: [&'static str; 1],
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult<'a> {
    rule_id: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    rule_index: Option<usize>,
    level: &'static str,
    message: Text<'a>,
    locations: [Location<'a>; 1],
    properties: ResultProperties<'a>,
}

#[derive(Serialize)]
struct Text<'a> {
    text: &'a str,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Location<'a> {
    physical_location: PhysicalLocation,
    #[serde(skip_serializing_if = "Option::is_none")]
    logical_locations: Option<[LogicalLocation<'a>; 1]>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PhysicalLocation {
    artifact_location: ArtifactLocation,
    region: Region,
}

#[derive(Serialize)]
struct ArtifactLocation {
    uri: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Region {
    start_line: u32,
    start_column: u32,
    #[serde(skip_serializing_if = "Option::is_none")]
    end_line: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    end_column: Option<u32>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct LogicalLocation<'a> {
    fully_qualified_name: &'a str,
}

/// `pointer`: the diagnostic's JSON pointer (CSAF) or element path (CVRF), as in the JSON output.
#[derive(Serialize)]
struct ResultProperties<'a> {
    pointer: &'a str,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_become_uri_references() {
        assert_eq!(artifact_uri("corpus/csaf/a.json"), "corpus/csaf/a.json");
        assert_eq!(artifact_uri("./x/./y b.json"), "x/./y%20b.json");
        assert_eq!(artifact_uri("/tmp/ä#1.json"), "file:///tmp/%C3%A4%231.json");
        assert_eq!(artifact_uri("a:b.json"), "a%3Ab.json");
        assert_eq!(artifact_uri("-"), "-");
    }

    #[test]
    fn full_description_is_the_what_it_checks_section() {
        let m = crate::rules::find("6.1.1").unwrap();
        let d = what_it_checks(m);
        assert!(d.starts_with("Every product id that references a product"), "{d}");
        assert!(!d.contains("##"), "{d}");
    }
}
