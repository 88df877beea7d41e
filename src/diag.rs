//! Diagnostics: what a rule found, where, and how bad it is.

use serde::Serialize;
use std::borrow::Cow;
use std::fmt;

/// How serious a finding is. Ordered: `Info < Warning < Error`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Informative: worth knowing, never makes a document invalid.
    Info,
    /// Optional (2.0) or recommended (2.1) test failed, or an own check that a publisher should look at.
    Warning,
    /// The document is invalid.
    Error,
}

impl Severity {
    /// The lowercase name used in every output format.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }

    /// Parses `error`, `warning` or `info`.
    pub fn parse(s: &str) -> Option<Severity> {
        match s {
            "error" => Some(Severity::Error),
            "warning" => Some(Severity::Warning),
            "info" => Some(Severity::Info),
            _ => None,
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A finding as a rule reports it: a pointer into the document, not yet a line and column.
///
/// The pointer is a JSON pointer in the CSAF layout of the document's model (for CSAF input it is
/// exactly the pointer into the file). The report layer maps it to the source position.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    /// Rule id, e.g. `6.1.1`, `schema`, `CL001`.
    pub rule: &'static str,
    /// Message: lowercase start, no trailing period, values in backticks.
    pub message: String,
    /// JSON pointer (RFC 6901) of the offending value; `""` for the whole document.
    pub pointer: String,
    /// Optional advice on how to fix it (usually a fixed text: no allocation per finding).
    pub help: Option<Cow<'static, str>>,
    /// Pin the location to a byte offset when the pointer alone cannot say it
    /// (parse errors, duplicate keys).
    pub offset: Option<usize>,
    /// CVRF: the element (and the index of its attribute) the finding is at, when the rule has it
    /// at hand (the structure checks, whose pointer is that element's path): the report takes its
    /// byte range from the tree instead of resolving the pointer.
    pub xml: Option<(u32, Option<u32>)>,
    /// The specification asks for a warning here instead of a failed test (e.g. a test that meets
    /// something it does not support): the diagnostic is reported at most as a warning.
    pub at_most_warning: bool,
}

impl Finding {
    /// A finding of `rule` at `pointer`.
    pub fn new(rule: &'static str, pointer: impl Into<String>, message: impl Into<String>) -> Self {
        Finding {
            rule,
            message: message.into(),
            pointer: pointer.into(),
            help: None,
            offset: None,
            xml: None,
            at_most_warning: false,
        }
    }

    /// Reports the finding at most as a warning (see [`Finding::at_most_warning`]).
    pub fn as_warning(mut self) -> Self {
        self.at_most_warning = true;
        self
    }

    /// Adds advice on how to fix it.
    pub fn help(mut self, help: impl Into<Cow<'static, str>>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Pins the location of a CVRF finding to an element of the XML tree (or one of its
    /// attributes, by index); the pointer must be that element's path ([`crate::parse::cvrf::XmlTree::path`]).
    pub fn at_xml(mut self, node: u32, attr: Option<u32>) -> Self {
        self.xml = Some((node, attr));
        self
    }

    /// Pins the location to a byte offset in the source.
    pub fn at_offset(mut self, offset: usize) -> Self {
        self.offset = Some(offset);
        self
    }
}

/// Appends `n` in decimal: rules build the pointers and messages of their findings with this and
/// `push_str`, not `format!` (whose machinery costs several times more, for the hundreds of thousands
/// of findings of a large corpus).
pub fn push_index(s: &mut String, n: usize) {
    s.push_str(itoa::Buffer::new().format(n));
}

/// `prefix` followed by `n` in decimal, e.g. a list's pointer and an item's index.
pub fn indexed(prefix: &str, n: usize) -> String {
    let mut s = String::with_capacity(prefix.len() + 20);
    s.push_str(prefix);
    push_index(&mut s, n);
    s
}

/// A located diagnostic, as every output format shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    /// Rule id, e.g. `6.1.1`.
    pub rule: &'static str,
    /// Rule name, e.g. `missing-definition-of-product-id`.
    pub name: &'static str,
    /// Effective severity (after configuration).
    pub severity: Severity,
    /// What is wrong.
    pub message: String,
    /// JSON pointer for CSAF; element path with 1-based indexes for CVRF; `""` for the whole document.
    pub pointer: String,
    /// 1-based line.
    pub line: u32,
    /// 1-based column, counted in Unicode code points.
    pub column: u32,
    /// How to fix it, when the rule knows.
    #[serde(skip)]
    pub help: Option<Cow<'static, str>>,
    /// Byte range in the source that the diagnostic points at (for snippets).
    #[serde(skip)]
    pub span: (usize, usize),
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn indexes_as_format_writes_them() {
        for n in [0, 7, 10, 99, 12_345, usize::MAX] {
            let mut s = String::from("x");
            push_index(&mut s, n);
            assert_eq!(s, format!("x{n}"));
            assert_eq!(
                indexed("/vulnerabilities/3/product_status/fixed/", n),
                format!("/vulnerabilities/3/product_status/fixed/{n}")
            );
        }
    }
}
