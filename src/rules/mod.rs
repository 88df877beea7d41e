//! Rules: one check per file, each with its metadata, and the one list that registers them.
//!
//! A rule sees the document through a [`Context`] (the typed model, the raw JSON for CSAF input, and
//! indexes built once per document) and reports [`Finding`]s with JSON pointers. It never knows
//! line numbers or the input format; the report layer locates its findings.

mod cl001_duplicate_key;
mod select;

pub use select::{Preset, Resolved, Selection, SelectionError};

use crate::diag::{Finding, Severity};
use crate::model::Advisory;
use crate::parse::json_value::DuplicateKey;
use serde_json::Value;

/// Which family a rule belongs to; decides presets and the default severity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Group {
    /// `io`, `parse`, `schema`: the document could not be read, parsed or fails its schema.
    Input,
    /// `CL0xx`: our own findings about the input; run in every preset.
    Lint,
    /// CSAF section 6.1: mandatory tests.
    Mandatory,
    /// CSAF section 6.2: optional (2.0) / recommended (2.1) tests.
    Optional,
    /// CSAF section 6.3: informative tests.
    Informative,
    /// `CV1xx`: CVRF structure.
    Cvrf,
    /// `CL1xx`: release checks.
    Release,
}

impl Group {
    /// The group's name in listings.
    pub fn as_str(self) -> &'static str {
        match self {
            Group::Input => "input",
            Group::Lint => "lint",
            Group::Mandatory => "mandatory",
            Group::Optional => "optional",
            Group::Informative => "informative",
            Group::Cvrf => "cvrf",
            Group::Release => "release",
        }
    }
}

/// Everything known about a rule besides its check.
#[derive(Debug)]
pub struct RuleMeta {
    /// `6.1.1`, `schema`, `CL001`, …
    pub id: &'static str,
    /// Kebab-case name, e.g. `missing-definition-of-product-id`.
    pub name: &'static str,
    /// Family.
    pub group: Group,
    /// Severity unless configured otherwise.
    pub severity: Severity,
    /// One line: what it checks.
    pub summary: &'static str,
    /// The full documentation (Markdown): what, why, an invalid and a valid example.
    pub docs: &'static str,
    /// Link to the specification section (or to the README for our own rules).
    pub url: &'static str,
    /// Makes network requests: runs only with `--online`.
    pub network: bool,
}

/// A check over one document.
pub trait Rule: Sync + Send {
    /// The rule's metadata.
    fn meta(&self) -> &'static RuleMeta;
    /// Runs the check, pushing findings (their `rule` is this rule's id).
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>);
}

/// What a rule can look at.
pub struct Context<'a> {
    /// The typed model.
    pub advisory: &'a Advisory,
    /// The JSON value as parsed (CSAF input only).
    pub raw: Option<&'a Value>,
    /// Keys that occur more than once in an object (CSAF input only).
    pub duplicate_keys: &'a [DuplicateKey],
}

/// The input rules the pipeline itself reports (they have no check of their own).
pub static IO: RuleMeta = RuleMeta {
    id: "io",
    name: "io-error",
    group: Group::Input,
    severity: Severity::Error,
    summary: "the input could not be read",
    docs:
        "The file does not exist, is not a regular file, cannot be opened, or is larger than the size limit.",
    url: "https://github.com/csaflint/csaflint#rules",
    network: false,
};

/// See [`IO`].
pub static PARSE: RuleMeta = RuleMeta {
    id: "parse",
    name: "parse-error",
    group: Group::Input,
    severity: Severity::Error,
    summary: "the input is not well-formed JSON or XML, or not a CSAF or CVRF document",
    docs:
        "The file is not valid UTF-8, not well-formed JSON or XML, or its top level is not a CSAF document \
           (an object with a `document` member) or a CVRF document (a `cvrfdoc` root element). \
           The diagnostic points at the first byte that could not be read.",
    url: "https://github.com/csaflint/csaflint#rules",
    network: false,
};

/// See [`IO`].
pub static SCHEMA: RuleMeta = RuleMeta {
    id: "schema",
    name: "json-schema",
    group: Group::Input,
    severity: Severity::Error,
    summary: "the document does not conform to the CSAF JSON schema of its version",
    docs: "Validates the document against the CSAF 2.0 or 2.1 JSON schema (with FIRST's CVSS schemas, \
           the SSVC schema and the 2.1 extension schema), embedded in the tool. A document without \
           `csaf_version` is checked with the 2.0 schema. Each violation is reported at the offending value.",
    url: "https://docs.oasis-open.org/csaf/csaf/v2.0/os/csaf-v2.0-os.html#3-schema-elements",
    network: false,
};

const INPUT_RULES: &[&RuleMeta] = &[&IO, &PARSE, &SCHEMA];

/// Every rule with a check, in registry order.
pub fn registry() -> &'static [&'static dyn Rule] {
    &[&cl001_duplicate_key::DuplicateKeyRule]
}

/// Metadata of every rule (input rules first, then the registry).
pub fn all_meta() -> impl Iterator<Item = &'static RuleMeta> {
    INPUT_RULES
        .iter()
        .copied()
        .chain(registry().iter().map(|r| r.meta()))
}

/// Looks a rule up by id or name.
pub fn find(id_or_name: &str) -> Option<&'static RuleMeta> {
    all_meta().find(|m| m.id == id_or_name || m.name == id_or_name)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn ids_and_names_are_unique_and_documented() {
        let mut ids = HashSet::new();
        let mut names = HashSet::new();
        for m in all_meta() {
            assert!(ids.insert(m.id), "duplicate id {}", m.id);
            assert!(names.insert(m.name), "duplicate name {}", m.name);
            assert!(!m.docs.is_empty() && !m.summary.is_empty(), "{} lacks docs", m.id);
            assert!(
                m.name
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
                "{} is not kebab-case",
                m.name
            );
        }
    }
}
