//! Rules: one check per file, each with its metadata, and the one list that registers them.
//!
//! A rule sees the document through a [`Context`] (the typed model, the raw JSON for CSAF input, and
//! indexes built once per document) and reports [`Finding`]s with JSON pointers. It never knows
//! line numbers or the input format; the report layer locates its findings.

/// Declares a rule: its unit struct, its metadata, and the `Rule` impl that calls the file's
/// `fn check(cx: &Context<'_>, out: &mut Vec<Finding>)`.
///
/// The severity defaults from the group: mandatory → error, optional → warning, informative → info.
macro_rules! declare_rule {
    (
        $(#[doc = $doc:literal])*
        $ty:ident, id = $id:literal, name = $name:literal, group = $group:ident,
        summary = $summary:literal $(, severity = $sev:ident)? $(, url = $url:expr)? $(, network = $net:literal)?
        $(, since = $since:tt)? $(,)?
    ) => {
        /// See the rule's documentation (`csaflint explain`).
        pub struct $ty;

        static META: $crate::rules::RuleMeta = $crate::rules::RuleMeta {
            id: $id,
            name: $name,
            group: $crate::rules::Group::$group,
            severity: declare_rule!(@sev $group $(, $sev)?),
            summary: $summary,
            docs: concat!($($doc, "\n"),*),
            url: declare_rule!(@url $id, $name $(, $url)?),
            network: declare_rule!(@net $($net)?),
            csaf21_only: declare_rule!(@since $($since)?),
        };

        impl $crate::rules::Rule for $ty {
            fn meta(&self) -> &'static $crate::rules::RuleMeta {
                &META
            }
            fn check(&self, cx: &$crate::rules::Context<'_>, out: &mut Vec<$crate::diag::Finding>) {
                check(cx, out)
            }
        }
    };
    (@sev $group:ident, $sev:ident) => { $crate::diag::Severity::$sev };
    (@sev Mandatory) => { $crate::diag::Severity::Error };
    (@sev Optional) => { $crate::diag::Severity::Warning };
    (@sev Informative) => { $crate::diag::Severity::Info };
    (@sev Cvrf) => { $crate::diag::Severity::Error };
    (@sev Release) => { $crate::diag::Severity::Warning };
    (@url $id:literal, $name:literal, $url:expr) => { Some($url) };
    (@url $id:literal, $name:literal) => { None };
    (@net $net:literal) => { $net };
    (@net) => { false };
    (@since "2.1") => { true };
    (@since) => { false };
}

mod cl001_duplicate_key;
pub mod cvrf;
pub mod informative;
pub mod mandatory;
pub mod optional;
pub mod release;
pub(crate) mod remediation_tables;
pub mod select;

pub use select::{Preset, Resolved, Selection, SelectionError};

use crate::diag::{Finding, Severity};
use crate::index::{Index, ParsedCvss};
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
    /// Link to the documentation; `None` for spec tests, whose link [`RuleMeta::url`] derives.
    pub url: Option<&'static str>,
    /// Makes network requests: runs only with `--online`.
    pub network: bool,
    /// A test that CSAF 2.1 introduced: runs only on CSAF 2.1 documents.
    pub csaf21_only: bool,
}

impl RuleMeta {
    /// The group's name for this rule: `recommended` (the CSAF 2.1 word) for a 6.2 test that only
    /// CSAF 2.1 has, `optional` for one CSAF 2.0 has too (the document's version selects the word).
    pub fn group_label(&self) -> &'static str {
        if self.group == Group::Optional && self.csaf21_only {
            "recommended"
        } else {
            self.group.as_str()
        }
    }

    /// Link to the specification section (spec tests) or to the rule's documentation.
    pub fn url(&self) -> String {
        match self.url {
            Some(u) => u.to_owned(),
            None if self.csaf21_only => format!(
                "https://github.com/oasis-tcs/csaf/blob/master/csaf_2.1/prose/share/csaf-v2.1-draft.md#{}",
                self.name
            ),
            None => format!(
                "https://docs.oasis-open.org/csaf/csaf/v2.0/os/csaf-v2.0-os.html#{}-{}",
                self.id.replace('.', ""),
                self.name
            ),
        }
    }
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
    /// The XML element tree (CVRF input only), for the CVRF structure rules.
    pub xml: Option<&'a crate::parse::cvrf::XmlTree>,
    index: std::sync::OnceLock<Index<'a>>,
    cvss: std::sync::OnceLock<Vec<ParsedCvss<'a>>>,
    /// The CVRF structure walk, shared by the rules CV101–CV107.
    pub(crate) cvrf_walk: std::sync::OnceLock<cvrf::Walked>,
    /// The CSAF document is known to be valid against the strict variant of its schema
    /// ([`crate::schema::strictly_valid`]); `false` when unknown.
    pub strictly_valid: bool,
}

impl<'a> Context<'a> {
    /// A context over one document.
    pub fn new(advisory: &'a Advisory, raw: Option<&'a Value>, duplicate_keys: &'a [DuplicateKey]) -> Self {
        Context {
            advisory,
            raw,
            duplicate_keys,
            xml: None,
            index: std::sync::OnceLock::new(),
            cvss: std::sync::OnceLock::new(),
            cvrf_walk: std::sync::OnceLock::new(),
            strictly_valid: false,
        }
    }

    /// The same context with the XML element tree of a CVRF document.
    pub fn with_xml(mut self, xml: Option<&'a crate::parse::cvrf::XmlTree>) -> Self {
        self.xml = xml;
        self
    }

    /// The shared index, built on first use.
    pub fn index(&self) -> &Index<'a> {
        self.index.get_or_init(|| Index::new(self.advisory))
    }

    /// Every CVSS object of the document with its vector parsed and scored, in document order (as
    /// [`cvss_objects`](crate::index::cvss_objects)); built on first use.
    pub fn cvss(&self) -> &[ParsedCvss<'a>] {
        self.cvss
            .get_or_init(|| crate::index::parsed_cvss_objects(self.advisory))
    }

    /// The document's format and version.
    pub fn version(&self) -> crate::model::Version {
        self.advisory.version
    }

    /// The `date` of the newest revision history item (latest by date, time zones taken into
    /// account) with its parsed value; `None` when it has no valid date.
    pub fn newest_revision(
        &self,
    ) -> Option<(&'a crate::model::Timestamp, chrono::DateTime<chrono::FixedOffset>)> {
        let history = &self.advisory.document.tracking.revision_history;
        let &last = self.index().revisions_by_date.last()?;
        let date = history[last].date.as_ref()?;
        Some((date, date.value?))
    }
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
    url: Some("README.md#rules"),
    network: false,
    csaf21_only: false,
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
    url: Some("README.md#rules"),
    network: false,
    csaf21_only: false,
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
    url: Some("https://docs.oasis-open.org/csaf/csaf/v2.0/os/csaf-v2.0-os.html#3-schema-elements"),
    network: false,
    csaf21_only: false,
};

const INPUT_RULES: &[&RuleMeta] = &[&IO, &PARSE, &SCHEMA];

/// Every rule with a check, in registry order.
pub fn registry() -> &'static [&'static dyn Rule] {
    static ALL: std::sync::LazyLock<Vec<&'static dyn Rule>> = std::sync::LazyLock::new(|| {
        let mut all: Vec<&'static dyn Rule> = vec![&cl001_duplicate_key::DuplicateKeyRule];
        all.extend(mandatory::rules());
        all.extend(optional::rules());
        all.extend(informative::rules());
        all.extend(release::rules());
        all.extend(cvrf::rules());
        all
    });
    &ALL
}

/// Metadata of every rule (input rules first, then the registry).
pub fn all_meta() -> impl Iterator<Item = &'static RuleMeta> {
    INPUT_RULES
        .iter()
        .copied()
        .chain(registry().iter().map(|r| r.meta()))
}

/// The file name CSAF section 5.1 derives from `/document/tracking/id`: lower case, every character
/// other than `+`, `-`, `a-z`, `0-9` replaced by `_`, then `.json`.
pub fn csaf_filename(tracking_id: &str) -> String {
    let mut name: String = tracking_id
        .to_lowercase()
        .chars()
        .map(|c| {
            if c.is_ascii_lowercase() || c.is_ascii_digit() || c == '+' || c == '-' {
                c
            } else {
                '_'
            }
        })
        .collect();
    name.push_str(".json");
    name
}

/// The rule table as Markdown (for README.md between `<!-- rules:begin -->` and `<!-- rules:end -->`).
pub fn markdown_table() -> String {
    let mut t = String::from("| id | name | group | severity | what it checks |\n|---|---|---|---|---|\n");
    for m in all_meta() {
        t.push_str(&format!(
            "| `{}` | [`{}`]({}) | {} | {} | {} |\n",
            m.id,
            m.name,
            m.url(),
            m.group_label(),
            m.severity.as_str(),
            m.summary.replace('|', "\\|")
        ));
    }
    t
}

/// Looks a rule up by id or name.
pub fn find(id_or_name: &str) -> Option<&'static RuleMeta> {
    static BY_KEY: std::sync::LazyLock<std::collections::HashMap<&'static str, &'static RuleMeta>> =
        std::sync::LazyLock::new(|| all_meta().flat_map(|m| [(m.id, m), (m.name, m)]).collect());
    BY_KEY.get(id_or_name).copied()
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
