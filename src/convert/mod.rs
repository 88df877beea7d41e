//! CVRF 1.1 / 1.2 → CSAF 2.0: the "CVRF CSAF converter" of CSAF 2.0 §9.1.5 (conformance clause 5).
//!
//! [`convert`] reads a CVRF document with the CVRF front end ([`crate::parse::cvrf`]), serializes its
//! [model](crate::model) as a CSAF 2.0 document (keys sorted alphabetically, as test 6.2.13 wants,
//! pretty-printed), and validates the result in memory with the `basic` preset (schema + mandatory
//! tests). Every loss and every guess is a [`Message`] located in the CVRF source (element path and
//! line:column); so is every finding of the validation, mapped back from the produced JSON.
//!
//! ```
//! use csaflint::convert::{convert, Options};
//! let cvrf = r#"<cvrfdoc xmlns="http://docs.oasis-open.org/csaf/ns/csaf-cvrf/v1.2/cvrf">
//!   <DocumentTitle>Example</DocumentTitle><DocumentType>Example Notice</DocumentType>
//!   <DocumentPublisher Type="Vendor"/>
//!   <DocumentTracking><Identification><ID>EX-1</ID></Identification><Status>Final</Status>
//!     <Version>1</Version><RevisionHistory><Revision><Number>1</Number>
//!     <Date>2024-01-02T00:00:00Z</Date><Description>Initial</Description></Revision></RevisionHistory>
//!     <InitialReleaseDate>2024-01-02T00:00:00Z</InitialReleaseDate>
//!     <CurrentReleaseDate>2024-01-02T00:00:00Z</CurrentReleaseDate></DocumentTracking>
//! </cvrfdoc>"#;
//! let options = Options {
//!     publisher_name: Some("Example Company".into()),
//!     publisher_namespace: Some("https://example.com".into()),
//!     ..Options::default()
//! };
//! let out = convert(cvrf, &options).unwrap();
//! assert_eq!(out.json["document"]["csaf_version"], "2.0");
//! assert_eq!(out.json["document"]["publisher"]["category"], "vendor");
//! assert_eq!(out.json["document"]["tracking"]["status"], "final");
//! ```
//!
//! # Decisions where the specification leaves a choice
//! Each is documented where it is made (module `build`) and listed in the README section
//! "Converting CVRF to CSAF": document category and profiles, publisher data, product ids of
//! remediations and scores when the vulnerability has no affected product, unknown enumeration
//! values, CPEs, CWEs, dates without a time zone, and relationships with several products.

mod build;
pub mod cli;
mod known;

use crate::diag::Severity;
use crate::parse::cvrf::{self, CvrfDocument, NodeId};
use crate::parse::span::LineIndex;
use crate::parse::{self, Sniffed};
use crate::rules::{Preset, Selection};
use crate::{Options as ValidatorOptions, Validator};
use chrono::{DateTime, FixedOffset};
use serde_json::Value;
use std::collections::HashMap;
use std::fmt;
use std::sync::LazyLock;

/// What the converter needs besides the document.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// `/document/publisher/name` (the `--publisher-name` flag, else `[convert] publisher-name`).
    pub publisher_name: Option<String>,
    /// `/document/publisher/namespace`.
    pub publisher_namespace: Option<String>,
    /// `/document/publisher/category` (overrides `DocumentPublisher/@Type`).
    pub publisher_category: Option<String>,
    /// `/document/tracking/generator/date`; the current time when `None`.
    pub generator_date: Option<DateTime<FixedOffset>>,
    /// Use clearly marked placeholders for publisher data that is nowhere to be found (without it,
    /// missing publisher data is an error).
    pub force: bool,
}

impl Options {
    /// Options from the `[convert]` table of the configuration file.
    pub fn from_config(config: &crate::config::ConvertConfig) -> Options {
        Options {
            publisher_name: config.publisher_name.clone(),
            publisher_namespace: config.publisher_namespace.clone(),
            publisher_category: config.publisher_category.clone(),
            ..Options::default()
        }
    }
}

/// How bad a [`Message`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Level {
    /// Information was lost or guessed; the output is still what the converter means to produce.
    Warning,
    /// The document cannot be converted faithfully; the command writes nothing unless `--force`.
    Error,
}

impl Level {
    /// `warning` or `error`.
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Warning => "warning",
            Level::Error => "error",
        }
    }
}

/// A located message of the converter, or a finding of the validation of its output.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    /// Warning or error.
    pub level: Level,
    /// What happened; lowercase start, values in backticks.
    pub message: String,
    /// The CVRF element path (contract §3), e.g. `/cvrfdoc/Vulnerability[1]/CVE`.
    pub path: String,
    /// 1-based line in the CVRF source.
    pub line: u32,
    /// 1-based column (code points) in the CVRF source.
    pub column: u32,
    /// For a validation finding: the rule id (`schema`, `6.1.29`, …).
    pub rule: Option<&'static str>,
    /// For a validation finding: the JSON pointer in the produced document.
    pub output_pointer: Option<String>,
}

impl Message {
    /// `FILE:LINE:COLUMN: LEVEL: MESSAGE [PATH]` for a terminal. Validation findings are shown as
    /// warnings whatever their level (the CLI decides what they do to the exit code).
    pub fn render(&self, file: &str) -> String {
        let level = if self.rule.is_some() {
            "warning"
        } else {
            self.level.as_str()
        };
        let mut out = format!("{file}:{}:{}: {level}: {}", self.line, self.column, self.message);
        match (&self.output_pointer, self.path.is_empty()) {
            (Some(p), _) => out.push_str(&format!(" [output `{p}`, from `{}`]", self.path)),
            (None, false) => out.push_str(&format!(" [{}]", self.path)),
            (None, true) => {}
        }
        out
    }
}

impl fmt::Display for Message {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render("<input>"))
    }
}

/// The result of a conversion.
#[derive(Debug, Clone)]
pub struct Conversion {
    /// The CSAF 2.0 document, keys sorted alphabetically at every level.
    pub json: Value,
    /// `json` pretty-printed, with a final newline: what the command writes.
    pub text: String,
    /// Losses, guesses and errors of the conversion, in source order.
    pub messages: Vec<Message>,
    /// Findings of the `basic` preset (schema, mandatory tests) on `text`, located in the CVRF source.
    /// An [`Level::Error`] here means the output is not a valid CSAF document.
    pub validation: Vec<Message>,
}

impl Conversion {
    /// Conversion errors (not counting validation findings).
    pub fn conversion_errors(&self) -> usize {
        self.messages.iter().filter(|m| m.level == Level::Error).count()
    }

    /// Validation findings of severity error.
    pub fn validation_errors(&self) -> usize {
        self.validation.iter().filter(|m| m.level == Level::Error).count()
    }

    /// True when the conversion had no error and the output is valid CSAF (basic preset).
    pub fn is_clean(&self) -> bool {
        self.conversion_errors() == 0 && self.validation_errors() == 0
    }
}

/// Converts CVRF bytes (UTF-8 or UTF-16 with a byte order mark). `Err` when the input is not a CVRF
/// document at all (not text, not well-formed XML, JSON, another XML vocabulary).
pub fn convert_bytes(bytes: &[u8], options: &Options) -> Result<Conversion, Message> {
    let decoded = parse::decode(bytes);
    if let Some(f) = decoded.error {
        let lines = LineIndex::new(&decoded.text);
        let (line, column) = lines.line_col(f.offset.unwrap_or(0));
        return Err(error_at(f.message, line, column));
    }
    convert(&decoded.text, options)
}

/// Converts CVRF text. `Err` when it is not a CVRF document at all.
pub fn convert(text: &str, options: &Options) -> Result<Conversion, Message> {
    let lines = LineIndex::new(text);
    match parse::sniff(text, "") {
        Some(Sniffed::Xml) => {}
        Some(Sniffed::Json) => {
            let start = text.len() - text.trim_start().len();
            let (line, column) = lines.line_col(start);
            return Err(error_at(
                "not a CVRF document: the input is JSON (a CSAF document needs no conversion)".into(),
                line,
                column,
            ));
        }
        None => return Err(error_at("not a CVRF document: the input is not XML".into(), 1, 1)),
    }
    let (advisory, doc) = cvrf::parse(text).map_err(|f| {
        let (line, column) = lines.line_col(f.offset.unwrap_or(0));
        error_at(f.message, line, column)
    })?;
    let mut b = build::Builder::new(&advisory, &doc, text, options);
    let mut json = b.build();
    sort_keys(&mut json);
    let mut out = serialize(&json);
    let mut report = VALIDATOR.validate("converted.json", out.as_bytes());

    // A CVRF `DocumentType` that names a CSAF profile becomes that profile's category only when
    // the converted document passes the profile's tests (6.1.27.x); otherwise `csaf_base`.
    if let Some(profile) = b.profile.clone() {
        let failing: Vec<&str> = report
            .diagnostics
            .iter()
            .filter(|d| d.rule.starts_with("6.1.27.") && d.severity == Severity::Error)
            .map(|d| d.rule)
            .collect();
        let mut ids = failing.clone();
        ids.sort_unstable();
        ids.dedup();
        b.warn_profile(&profile, &ids);
        if !failing.is_empty() {
            json["document"]["category"] = Value::String("csaf_base".into());
            out = serialize(&json);
            report = VALIDATOR.validate("converted.json", out.as_bytes());
        }
    }

    let messages = b.finish(&lines);
    let mut validation: Vec<Message> = report
        .diagnostics
        .iter()
        .map(|d| {
            let source = b.source_pointer(&d.pointer);
            let (path, span) = doc.locate(&source);
            let (line, column) = lines.line_col(span.0);
            Message {
                level: if d.severity == Severity::Error {
                    Level::Error
                } else {
                    Level::Warning
                },
                message: format!(
                    "the converted document fails `{}` ({}): {}",
                    d.rule, d.name, d.message
                ),
                path,
                line,
                column,
                rule: Some(d.rule),
                output_pointer: Some(d.pointer.clone()),
            }
        })
        .collect();
    validation.sort_by_key(|m| (m.line, m.column));
    Ok(Conversion {
        json,
        text: out,
        messages,
        validation,
    })
}

/// The validator run on every output: the `basic` preset (schema, mandatory tests, CVRF structure).
static VALIDATOR: LazyLock<Validator> = LazyLock::new(|| {
    Validator::new(&ValidatorOptions {
        selection: Selection {
            preset: Preset::Basic,
            ..Selection::default()
        },
    })
    .expect("the basic preset resolves")
});

fn error_at(message: String, line: u32, column: u32) -> Message {
    Message {
        level: Level::Error,
        message,
        path: String::new(),
        line,
        column,
        rule: None,
        output_pointer: None,
    }
}

fn serialize(json: &Value) -> String {
    let mut s = serde_json::to_string_pretty(json).expect("a JSON value serializes");
    s.push('\n');
    s
}

/// Sorts the keys of every object, recursively (CSAF test 6.2.13).
fn sort_keys(v: &mut Value) {
    match v {
        Value::Object(map) => {
            map.sort_keys();
            map.values_mut().for_each(sort_keys);
        }
        Value::Array(items) => items.iter_mut().for_each(sort_keys),
        _ => {}
    }
}

/// Where in the CVRF source a message belongs.
#[derive(Debug, Clone, PartialEq, Eq)]
enum At {
    /// A pointer of the model (CSAF 2.0 layout), resolved by the front end's map.
    Model(String),
    /// An element, or one of its attributes.
    Node(NodeId, Option<u32>),
}

/// Messages collected during a conversion, some aggregated (one line per kind, with a count).
#[derive(Debug, Default)]
struct Messages {
    list: Vec<Pending>,
    by_key: HashMap<String, usize>,
}

#[derive(Debug)]
struct Pending {
    level: Level,
    at: At,
    message: String,
    count: usize,
}

impl Messages {
    /// Adds a message; with a `key`, later messages of the same key only count.
    fn push(&mut self, level: Level, key: Option<String>, at: At, message: String) {
        if let Some(key) = key {
            if let Some(&i) = self.by_key.get(&key) {
                self.list[i].count += 1;
                return;
            }
            self.by_key.insert(key, self.list.len());
        }
        self.list.push(Pending {
            level,
            at,
            message,
            count: 1,
        });
    }

    fn resolve(self, doc: &CvrfDocument, lines: &LineIndex<'_>) -> Vec<Message> {
        let mut out: Vec<(usize, Message)> = self
            .list
            .into_iter()
            .map(|p| {
                let (path, span) = match &p.at {
                    At::Model(ptr) => doc.locate(ptr),
                    At::Node(n, a) => (doc.tree.path(*n, *a), doc.tree.span(*n, *a)),
                };
                let (line, column) = lines.line_col(span.0);
                let message = if p.count > 1 {
                    format!("{} ({} times; the first is shown)", p.message, p.count)
                } else {
                    p.message
                };
                (
                    span.0,
                    Message {
                        level: p.level,
                        message,
                        path,
                        line,
                        column,
                        rule: None,
                        output_pointer: None,
                    },
                )
            })
            .collect();
        out.sort_by_key(|(offset, _)| *offset);
        out.into_iter().map(|(_, m)| m).collect()
    }
}

#[cfg(test)]
mod tests;
