//! The validation pipeline: one call from bytes to a located report.

use crate::config::PathIgnores;
use crate::diag::{Diagnostic, Finding, Severity};
use crate::model::{Advisory, Version};
use crate::parse::{self, csaf, cvrf, json_fast, json_value, span, Sniffed};
use crate::rules::{self, Context, Resolved, Selection, SelectionError};
use crate::schema::{self, CsafSchema};
use serde_json::Value;
use std::time::{Duration, Instant};

/// Options a [`Validator`] is built from.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Which rules run, at which severity.
    pub selection: Selection,
}

/// Validates documents. Build it once, then call [`Validator::validate`] for each document, from
/// as many threads as you like.
///
/// ```
/// use csaflint::{Options, Validator};
///
/// let validator = Validator::new(&Options::default()).unwrap();
/// let report = validator.validate("broken.json", br#"{"document": {"csaf_version": "2.0"}}"#);
/// assert!(!report.valid());
/// let missing = report.diagnostics.iter().find(|d| d.rule == "schema").unwrap();
/// assert_eq!(missing.message, "required property `category` is missing");
/// assert_eq!((missing.line, missing.column), (1, 14));
/// ```
#[derive(Clone)]
pub struct Validator {
    resolved: Resolved,
    /// The enabled rules with a check, resolved once.
    rules: Vec<&'static dyn rules::Rule>,
    path_ignores: PathIgnores,
    /// `--csaf-version`: read every CSAF document as this version, whatever it declares.
    csaf_version: Option<Version>,
    /// Whether reports keep the document's text (see [`Validator::with_source`]).
    keep_source: bool,
}

/// The result for one document.
#[derive(Debug, Clone)]
pub struct Report {
    /// The path as given (or `-` for standard input).
    pub path: String,
    /// `csaf` or `cvrf`, when it could be told.
    pub format: Option<&'static str>,
    /// `2.0`, `2.1`, `1.1` or `1.2`, when known.
    pub version: Option<&'static str>,
    /// `/document/publisher/name`, for summaries.
    pub publisher: Option<String>,
    /// Located diagnostics, sorted by position.
    pub diagnostics: Vec<Diagnostic>,
    /// The document's text, kept only when there are diagnostics (for source snippets) and the
    /// validator keeps sources ([`Validator::with_source`]).
    pub source: Option<String>,
    /// Time spent on this document.
    pub elapsed: Duration,
}

impl Report {
    /// About how many bytes the report takes as one line of JSON (`jsonl`): the capacity to render
    /// it into without growing the buffer again and again.
    pub fn rendered_size_hint(&self) -> usize {
        let fields: usize = self
            .diagnostics
            .iter()
            .map(|d| 96 + d.rule.len() + d.name.len() + d.message.len() + d.pointer.len())
            .sum();
        // and a little for escaped characters
        128 + self.path.len() + fields + fields / 16
    }

    /// True when no diagnostic has the severity `error`.
    pub fn valid(&self) -> bool {
        !self.diagnostics.iter().any(|d| d.severity == Severity::Error)
    }

    /// The highest severity among the diagnostics.
    pub fn worst(&self) -> Option<Severity> {
        self.diagnostics.iter().map(|d| d.severity).max()
    }

    /// A report for a file that could not be read.
    pub fn io_error(path: &str, message: String) -> Report {
        Report {
            path: path.to_owned(),
            format: None,
            version: None,
            publisher: None,
            diagnostics: vec![Diagnostic {
                rule: rules::IO.id,
                name: rules::IO.name,
                severity: Severity::Error,
                message,
                pointer: String::new(),
                line: 1,
                column: 1,
                help: None,
                span: (0, 0),
            }],
            source: None,
            elapsed: Duration::ZERO,
        }
    }
}

/// What the front end made of a document.
struct Parsed {
    version: Option<Version>,
    advisory: Option<Advisory>,
    raw: Option<Value>,
    duplicate_keys: Vec<json_value::DuplicateKey>,
    /// Where each value of `raw` lies in the text (when the byte-level parser read it): the findings'
    /// pointers are located with it, not by scanning the text again.
    positions: Option<json_fast::Positions>,
    findings: Vec<Finding>,
    /// The element tree and pointer locator of a CVRF document.
    cvrf: Option<cvrf::CvrfDocument>,
    /// The CSAF document is valid against the strict variant of its schema (see
    /// [`schema::strictly_valid`]): test 6.2.20 has nothing to find in it outside extensions.
    strictly_valid: bool,
}

impl std::fmt::Debug for Validator {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Validator")
            .field(
                "rules",
                &self.rules.iter().map(|r| r.meta().id).collect::<Vec<_>>(),
            )
            .finish_non_exhaustive()
    }
}

impl Validator {
    /// Builds a validator; fails when a selector matches no rule.
    pub fn new(options: &Options) -> Result<Validator, SelectionError> {
        let resolved = options.selection.resolve()?;
        let rules = rules::registry()
            .iter()
            .copied()
            .filter(|r| resolved.enabled(r.meta().id))
            .collect();
        Ok(Validator {
            resolved,
            rules,
            path_ignores: PathIgnores::default(),
            csaf_version: None,
            keep_source: true,
        })
    }

    /// The same validator, removing the rules that `ignores` assigns to a document's path (the
    /// `path` given to [`Validator::validate`]) from its report.
    pub fn with_path_ignores(mut self, ignores: PathIgnores) -> Validator {
        self.path_ignores = ignores;
        self
    }

    /// The same validator, reading every CSAF document as CSAF `version` (2.0 or 2.1: its schema,
    /// its model and its tests) whatever its `csaf_version` says. CVRF documents are not affected.
    pub fn with_csaf_version(mut self, version: Option<Version>) -> Validator {
        self.csaf_version = version.filter(|v| !v.is_cvrf());
        self
    }

    /// The same validator, keeping (`true`, the default) or not the text of a document with
    /// diagnostics in its report ([`Report::source`], for source snippets). Without it, a report takes
    /// no copy of the document.
    pub fn with_source(mut self, keep: bool) -> Validator {
        self.keep_source = keep;
        self
    }

    /// Whether the rule with this id runs.
    pub fn enabled(&self, id: &str) -> bool {
        self.resolved.enabled(id)
    }

    /// Validates one document given as bytes. `path` is only used for the report and to tell the
    /// format of content that does not show it.
    pub fn validate(&self, path: &str, bytes: &[u8]) -> Report {
        let started = Instant::now();
        let decoded = parse::decode(bytes);
        let text = decoded.text;
        let parsed = match decoded.error {
            None => self.parse(path, &text),
            Some(finding) => Parsed {
                version: None,
                advisory: None,
                raw: None,
                duplicate_keys: Vec::new(),
                positions: None,
                findings: vec![finding],
                cvrf: None,
                strictly_valid: false,
            },
        };
        let mut findings = parsed.findings;
        if let Some(advisory) = &parsed.advisory {
            let mut cx = Context::new(advisory, parsed.raw.as_ref(), &parsed.duplicate_keys)
                .with_xml(parsed.cvrf.as_ref().map(|c| &c.tree));
            cx.strictly_valid = parsed.strictly_valid;
            let csaf21 = advisory.version.is_csaf21();
            for rule in &self.rules {
                if rule.meta().csaf21_only && !csaf21 {
                    continue;
                }
                rule.check(&cx, &mut findings);
            }
        }
        let ignored = self.path_ignores.ignored(path);
        if !ignored.is_empty() {
            findings.retain(|f| !ignored.contains(&f.rule));
        }
        // What the report needs of the JSON value and the model, taken before they are dropped:
        // locating works on the text alone, and a large document's value and model take several
        // times its size.
        let format = parsed
            .version
            .map(Version::format)
            .or(parsed.raw.as_ref().map(|_| "csaf"));
        let version = parsed.version.map(Version::number);
        let publisher = parsed.advisory.and_then(|a| a.document.publisher.name);
        let unique_keys = parsed.duplicate_keys.is_empty();
        drop(parsed.duplicate_keys);
        // With the parser's positions, the pointers are located now, while the value is there to
        // look keys up in; then the value and the positions go.
        let json_spans = match (&parsed.raw, &parsed.positions) {
            (Some(raw), Some(positions))
                if !findings.is_empty() && json_located(&text, parsed.cvrf.as_ref()) =>
            {
                Some(positions.locate(raw, &unlocated_pointers(&findings)))
            }
            _ => None,
        };
        drop(parsed.raw);
        drop(parsed.positions);
        let diagnostics = self.locate(&text, findings, parsed.cvrf.as_ref(), unique_keys, json_spans);
        drop(parsed.cvrf);
        let source = (self.keep_source && !diagnostics.is_empty()).then(|| text.into_owned());
        Report {
            path: path.to_owned(),
            format,
            version,
            publisher,
            diagnostics,
            source,
            elapsed: started.elapsed(),
        }
    }

    fn parse(&self, path: &str, text: &str) -> Parsed {
        let fail = |finding: Finding| Parsed {
            version: None,
            advisory: None,
            raw: None,
            duplicate_keys: Vec::new(),
            positions: None,
            findings: vec![finding],
            cvrf: None,
            strictly_valid: false,
        };
        if text.trim().is_empty() {
            let what = if text.is_empty() {
                "the file is empty"
            } else {
                "the file holds only white space"
            };
            return fail(Finding::new("parse", "", what).at_offset(0));
        }
        match parse::sniff(text, path) {
            Some(Sniffed::Json) => self.parse_json(text),
            Some(Sniffed::Xml) => match cvrf::parse(text) {
                Ok((advisory, doc)) => Parsed {
                    version: Some(doc.version),
                    advisory: Some(advisory),
                    raw: None,
                    duplicate_keys: Vec::new(),
                    positions: None,
                    findings: Vec::new(),
                    cvrf: Some(doc),
                    strictly_valid: false,
                },
                Err(finding) => fail(finding),
            },
            None => fail(
                Finding::new(
                    "parse",
                    "",
                    "not a JSON or XML document: it starts with neither `{` nor `<`",
                )
                .at_offset(text.len() - text.trim_start().len()),
            ),
        }
    }

    fn parse_json(&self, text: &str) -> Parsed {
        let mut out = Parsed {
            version: None,
            advisory: None,
            raw: None,
            duplicate_keys: Vec::new(),
            positions: None,
            findings: Vec::new(),
            cvrf: None,
            strictly_valid: false,
        };
        let (root, dups, positions) = match json_value::parse_located(text) {
            Ok(v) => v,
            Err(e) => {
                out.findings
                    .push(parse::json_error(&e, &span::LineIndex::new(text)));
                return out;
            }
        };
        let start = text.len() - text.trim_start().len();
        let not_csaf = match &root {
            Value::Object(o) if o.get("document").is_some_and(Value::is_object) => None,
            Value::Object(o) if o.contains_key("document") => {
                Some("not a CSAF document: the top-level `document` member is not an object")
            }
            Value::Object(_) => Some("not a CSAF document: the top-level object has no `document` member"),
            Value::Array(_) => Some("not a CSAF document: the top level is an array, not an object"),
            _ => Some("not a CSAF document: the top level is not an object"),
        };
        if let Some(msg) = not_csaf {
            out.findings.push(Finding::new("parse", "", msg).at_offset(start));
            return out;
        }
        out.duplicate_keys = dups;
        let declared = match self.csaf_version {
            Some(Version::Csaf21) => csaf::DeclaredVersion::V21,
            Some(_) => csaf::DeclaredVersion::V20,
            None => csaf::declared_version(&root),
        };
        let (version, schema) = match declared {
            csaf::DeclaredVersion::V20 | csaf::DeclaredVersion::Missing => (Version::Csaf20, CsafSchema::V20),
            csaf::DeclaredVersion::V21 => (Version::Csaf21, CsafSchema::V21),
            csaf::DeclaredVersion::Unknown(v) => {
                // One schema error, no further tests (contract §3).
                if self.resolved.enabled("schema") {
                    out.findings.push(
                        Finding::new(
                            "schema",
                            "/document/csaf_version",
                            format!("unknown CSAF version `{v}`: expected `2.0` or `2.1`"),
                        )
                        .help("set `csaf_version` to the version of the CSAF schema the document follows"),
                    );
                }
                out.raw = Some(root);
                out.positions = positions;
                return out;
            }
        };
        if self.resolved.enabled("schema") {
            // With test 6.2.20 on, one pass over the strict variant of the schema usually settles
            // both (a strictly valid document is valid); the schema's own pass only runs after a
            // failure, to tell which it was.
            out.strictly_valid = self.resolved.enabled("6.2.20") && schema::strictly_valid(&root, schema);
            if !out.strictly_valid {
                out.findings.extend(schema::validate(&root, schema));
            }
        }
        out.version = Some(version);
        out.advisory = Some(csaf::to_model(&root, version));
        out.raw = Some(root);
        out.positions = positions;
        out
    }

    /// Maps findings to located diagnostics (only called work when there are findings).
    fn locate(
        &self,
        text: &str,
        findings: Vec<Finding>,
        cvrf: Option<&cvrf::CvrfDocument>,
        unique_keys: bool,
        json_spans: Option<Vec<span::Span>>,
    ) -> Vec<Diagnostic> {
        if findings.is_empty() {
            return Vec::new();
        }
        let spans = match json_spans {
            Some(spans) => spans,
            None if !json_located(text, cvrf) => Vec::new(),
            None => {
                let pointers = unlocated_pointers(&findings);
                if pointers.is_empty() {
                    Vec::new()
                } else {
                    span::locate_json(text, &pointers, unique_keys)
                }
            }
        };
        // the spans, in the order of the findings that have no offset
        let mut spans = spans.into_iter();
        // a rule's findings come one after the other: its metadata and severity are looked up
        // once per run of them
        let mut last: Option<(&'static str, Option<(&'static rules::RuleMeta, Severity)>)> = None;
        let mut out: Vec<Diagnostic> = Vec::with_capacity(findings.len());
        out.extend(findings.into_iter().filter_map(|f| {
            // taken first, so that a finding dropped below does not shift the spans of the next ones
            let json_span = if f.offset.is_none() { spans.next() } else { None };
            let rule = match last {
                Some((id, rule)) if id == f.rule => rule,
                _ => {
                    let rule =
                        rules::find(f.rule).and_then(|meta| Some((meta, self.resolved.severity(meta.id)?)));
                    last = Some((f.rule, rule));
                    rule
                }
            };
            let (meta, mut severity) = rule?;
            if f.at_most_warning {
                severity = severity.min(Severity::Warning);
            }
            // CVRF: the model pointer becomes the element path, located in the XML
            let (pointer, xml_span) = match (cvrf, f.xml) {
                // the pointer is already the element path
                (Some(doc), Some((node, attr))) => (f.pointer, Some(doc.tree.span(node, attr))),
                (Some(doc), None) => {
                    let (path, span) = doc.locate(&f.pointer);
                    (path, Some(span))
                }
                (None, _) => (f.pointer, None),
            };
            let (start, end) = match (f.offset, xml_span) {
                (Some(o), _) => (o, o),
                (None, Some(span)) => span,
                (None, None) => json_span.map_or((0, 0), |s| (s.start, s.end)),
            };
            Some(Diagnostic {
                rule: meta.id,
                name: meta.name,
                severity,
                message: f.message,
                pointer,
                line: 0,
                column: 0,
                help: f.help,
                span: (start, span::clamp_to_line(text, start, end)),
            })
        }));
        let mut out = sort_by_position(text, out);
        let starts: Vec<usize> = out.iter().map(|d| d.span.0).collect();
        for (d, (line, column)) in out.iter_mut().zip(span::line_cols(text, &starts)) {
            d.line = line;
            d.column = column;
        }
        out
    }
}

/// Whether the findings' pointers are located in the text as JSON (not in CVRF, not in text that
/// does not start as JSON).
fn json_located(text: &str, cvrf: Option<&cvrf::CvrfDocument>) -> bool {
    cvrf.is_none() && parse::sniff(text, "") == Some(Sniffed::Json)
}

/// The pointers of the findings that have no offset of their own, in order: the ones to locate.
fn unlocated_pointers(findings: &[Finding]) -> Vec<&str> {
    findings
        .iter()
        .filter(|f| f.offset.is_none())
        .map(|f| f.pointer.as_str())
        .collect()
}

/// Sorts diagnostics by line, column and rule (stable), before their line and column are known.
///
/// Line and column grow with the offset of the character that holds a span's start (distinct
/// characters, distinct columns), so ordering by that offset is the same: the sort comes first, and
/// the sweep that finds the lines ([`span::line_cols`]) then takes the offsets in order, with no sort
/// of its own. (The keys are computed once and sorted with the diagnostics' indexes, which move
/// less than the diagnostics; a stable sort of the keys that merges runs cost more on the corpus.)
fn sort_by_position(text: &str, mut diagnostics: Vec<Diagnostic>) -> Vec<Diagnostic> {
    diagnostics.sort_by_cached_key(|d| (span::char_start(text, d.span.0), d.rule));
    diagnostics
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Sorting by the offset before the lines are known gives the order that sorting the located
    /// diagnostics by line, column and rule gives (multi-byte characters, offsets inside a
    /// character and past the end, equal positions of several rules).
    #[test]
    fn sorting_by_offset_is_sorting_by_line_and_column() {
        let text = "{\n  \"é\": [\"ü€\", 1],\n\n  \"k\": \"😀x\"\n}";
        let rules = ["6.2.3", "6.2.16", "6.1.1", "schema"];
        let diagnostics: Vec<Diagnostic> = (0..200)
            .map(|i| Diagnostic {
                rule: rules[(i * 7) % rules.len()],
                name: "n",
                severity: Severity::Warning,
                message: format!("{i}"),
                pointer: String::new(),
                line: 0,
                column: 0,
                help: None,
                span: ((i * 13) % (text.len() + 5), 0),
            })
            .collect();
        let locate = |mut ds: Vec<Diagnostic>| {
            let idx = span::LineIndex::new(text);
            for d in &mut ds {
                (d.line, d.column) = idx.line_col(d.span.0);
            }
            ds
        };
        let mut want = locate(diagnostics.clone());
        want.sort_by(|a, b| (a.line, a.column, a.rule).cmp(&(b.line, b.column, b.rule)));
        let got = locate(sort_by_position(text, diagnostics));
        assert_eq!(got, want);
        // already in order: as it was
        assert_eq!(sort_by_position(text, want.clone()), want);
    }
}
