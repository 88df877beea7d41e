//! Presets and rule selection (contract §2).

use super::{all_meta, Group, RuleMeta};
use crate::diag::Severity;
use std::collections::HashMap;
use std::fmt;

/// A named set of rules. Besides our own presets, every official preset of CSAF 2.1 section 6.4 is
/// accepted under its name (see README, "Presets and selection").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Preset {
    /// `io`, `parse`, `schema`, the mandatory tests and the CVRF structure rules.
    Basic,
    /// `basic` plus the optional (2.0) / recommended (2.1) tests.
    Extended,
    /// `extended` plus the informative tests (the default).
    #[default]
    Full,
    /// `full` plus the release checks, with the affected-product and remediation-date checks raised to error.
    VendorRelease,
    /// CSAF 2.1 §6.4 `schema`: the JSON schema (and, for CVRF, the CVRF structure rules).
    Schema,
    /// CSAF 2.1 §6.4 `mandatory`: the tests of section 6.1.
    Mandatory,
    /// CSAF 2.1 §6.4 `recommended` (also accepted as `optional`, the CSAF 2.0 word): section 6.2.
    Recommended,
    /// CSAF 2.1 §6.4 `informative`: section 6.3.
    Informative,
    /// CSAF 2.1 §6.4 `external-request-free`: `full` without 6.3.6 and 6.3.7, even with `--online`.
    ExternalRequestFree,
    /// CSAF 2.1 §6.4 `consistent-revision-history`.
    ConsistentRevisionHistory,
    /// CSAF 2.1 §6.4 `consistent-date-times`.
    ConsistentDateTimes,
}

/// The tests of the CSAF 2.1 preset `consistent-revision-history` (§6.4).
const CONSISTENT_REVISION_HISTORY: &[&str] = &[
    "6.1.14", "6.1.18", "6.1.19", "6.1.21", "6.1.22", "6.1.37", "6.2.4", "6.2.5", "6.2.6", "6.2.21", "6.2.33",
];

/// The tests of the CSAF 2.1 preset `consistent-date-times` (§6.4).
const CONSISTENT_DATE_TIMES: &[&str] = &["6.1.37", "6.1.45", "6.1.49", "6.1.51", "6.1.52", "6.1.53"];

impl Preset {
    /// Every preset, in the order `--help` lists them.
    pub const ALL: &'static [Preset] = &[
        Preset::Basic,
        Preset::Extended,
        Preset::Full,
        Preset::VendorRelease,
        Preset::Schema,
        Preset::Mandatory,
        Preset::Recommended,
        Preset::Informative,
        Preset::ExternalRequestFree,
        Preset::ConsistentRevisionHistory,
        Preset::ConsistentDateTimes,
    ];

    /// Parses a preset name.
    pub fn parse(s: &str) -> Option<Preset> {
        if s == "optional" {
            return Some(Preset::Recommended);
        }
        Preset::ALL.iter().copied().find(|p| p.as_str() == s)
    }

    /// The preset's name.
    pub fn as_str(self) -> &'static str {
        match self {
            Preset::Basic => "basic",
            Preset::Extended => "extended",
            Preset::Full => "full",
            Preset::VendorRelease => "vendor-release",
            Preset::Schema => "schema",
            Preset::Mandatory => "mandatory",
            Preset::Recommended => "recommended",
            Preset::Informative => "informative",
            Preset::ExternalRequestFree => "external-request-free",
            Preset::ConsistentRevisionHistory => "consistent-revision-history",
            Preset::ConsistentDateTimes => "consistent-date-times",
        }
    }

    /// The names of every preset, comma-separated (for messages).
    pub fn names() -> String {
        Preset::ALL
            .iter()
            .map(|p| p.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    }

    /// Whether the preset includes `meta`. `io`, `parse` and our own `CL0xx` checks are in every
    /// preset (contract §2).
    pub fn includes(self, meta: &RuleMeta) -> bool {
        if meta.id == "io" || meta.id == "parse" || meta.group == Group::Lint {
            return true;
        }
        let schema = meta.id == "schema" || meta.group == Group::Cvrf;
        match self {
            Preset::Basic => schema || meta.group == Group::Mandatory,
            Preset::Extended => schema || matches!(meta.group, Group::Mandatory | Group::Optional),
            Preset::Full | Preset::ExternalRequestFree => {
                (schema
                    || matches!(
                        meta.group,
                        Group::Mandatory | Group::Optional | Group::Informative
                    ))
                    && !(self == Preset::ExternalRequestFree && meta.network)
            }
            Preset::VendorRelease => meta.group != Group::Input || schema,
            Preset::Schema => schema,
            Preset::Mandatory => meta.group == Group::Mandatory,
            Preset::Recommended => meta.group == Group::Optional,
            Preset::Informative => meta.group == Group::Informative,
            Preset::ConsistentRevisionHistory => CONSISTENT_REVISION_HISTORY.contains(&meta.id),
            Preset::ConsistentDateTimes => CONSISTENT_DATE_TIMES.contains(&meta.id),
        }
    }

    /// Severities the preset raises (rule names).
    fn raised(self) -> &'static [&'static str] {
        match self {
            Preset::VendorRelease => &[
                "remediation-date-missing",
                "vulnerability-without-affected-products",
                "affected-product-without-fix",
            ],
            _ => &[],
        }
    }
}

/// Which rules run, and at which severity.
#[derive(Debug, Clone, Default)]
pub struct Selection {
    /// Starting set.
    pub preset: Preset,
    /// Replaces the preset's set when given.
    pub select: Option<Vec<String>>,
    /// Adds to the set.
    pub extend_select: Vec<String>,
    /// Removes from the set (`io` and `parse` cannot be removed).
    pub ignore: Vec<String>,
    /// Per-rule severity (selector → severity).
    pub severity: Vec<(String, Severity)>,
    /// Run the rules that make network requests.
    pub online: bool,
}

/// A selector that matches no rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SelectionError {
    /// The selector as given.
    pub selector: String,
}

impl fmt::Display for SelectionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "no rule matches `{}`", self.selector)
    }
}

impl std::error::Error for SelectionError {}

/// Whether `selector` matches `meta` (contract §2).
pub fn matches(selector: &str, meta: &RuleMeta) -> bool {
    if selector == meta.id || selector == meta.name {
        return true;
    }
    let numeric = meta.id.starts_with(|c: char| c.is_ascii_digit());
    if numeric {
        meta.id.len() > selector.len()
            && meta.id.starts_with(selector)
            && meta.id.as_bytes()[selector.len()] == b'.'
    } else {
        selector.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
            && meta.id.starts_with(selector)
            && meta.id != "io"
            && meta.id != "parse"
            && meta.id != "schema"
    }
}

/// The resolved selection: enabled rule ids with their effective severities.
#[derive(Debug, Clone)]
pub struct Resolved {
    severity: HashMap<&'static str, Severity>,
}

impl Resolved {
    /// Whether the rule runs.
    pub fn enabled(&self, id: &str) -> bool {
        self.severity.contains_key(id)
    }

    /// The effective severity of an enabled rule.
    pub fn severity(&self, id: &str) -> Option<Severity> {
        self.severity.get(id).copied()
    }
}

impl Selection {
    /// Resolves the selection against the registry.
    pub fn resolve(&self) -> Result<Resolved, SelectionError> {
        for s in self
            .select
            .iter()
            .flatten()
            .chain(&self.extend_select)
            .chain(&self.ignore)
            .chain(self.severity.iter().map(|(s, _)| s))
        {
            if !all_meta().any(|m| matches(s, m)) {
                return Err(SelectionError { selector: s.clone() });
            }
        }
        let mut severity = HashMap::new();
        for m in all_meta() {
            let hit = |list: &[String]| list.iter().any(|s| matches(s, m));
            let mut on = match &self.select {
                Some(sel) => hit(sel),
                None => self.preset.includes(m),
            };
            on |= hit(&self.extend_select);
            if m.network && !self.online {
                on = false;
            }
            if hit(&self.ignore) {
                on = false;
            }
            if m.id == "io" || m.id == "parse" {
                on = true;
            }
            if on {
                let mut sev = m.severity;
                if self.preset.raised().contains(&m.name) {
                    sev = Severity::Error;
                }
                if let Some((_, s)) = self.severity.iter().rev().find(|(sel, _)| matches(sel, m)) {
                    sev = *s;
                }
                severity.insert(m.id, sev);
            }
        }
        Ok(Resolved { severity })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta(id: &'static str) -> RuleMeta {
        RuleMeta {
            id,
            name: "x",
            group: Group::Mandatory,
            severity: Severity::Error,
            summary: "",
            docs: "",
            url: None,
            network: false,
            csaf21_only: false,
        }
    }

    #[test]
    fn selectors_follow_the_contract() {
        assert!(matches("6.1", &meta("6.1.27.3")));
        assert!(matches("6.1.1", &meta("6.1.1")));
        assert!(!matches("6.1.1", &meta("6.1.10")));
        assert!(matches("6.1.27", &meta("6.1.27.3")));
        assert!(matches("CL1", &meta("CL101")));
        assert!(!matches("CL1", &meta("CL001")));
        assert!(matches("x", &meta("6.2.1")));
    }

    #[test]
    fn io_and_parse_cannot_be_ignored() {
        let sel = Selection {
            ignore: vec!["io".into(), "parse".into(), "schema".into()],
            ..Selection::default()
        };
        let r = sel.resolve().unwrap();
        assert!(r.enabled("io") && r.enabled("parse") && !r.enabled("schema"));
    }

    #[test]
    fn unknown_selectors_are_errors() {
        let sel = Selection {
            ignore: vec!["no-such-rule".into()],
            ..Selection::default()
        };
        assert!(sel.resolve().is_err());
    }

    fn enabled(preset: &str) -> Vec<&'static str> {
        let sel = Selection {
            preset: Preset::parse(preset).unwrap(),
            online: true,
            ..Selection::default()
        };
        let r = sel.resolve().unwrap();
        all_meta().map(|m| m.id).filter(|id| r.enabled(id)).collect()
    }

    #[test]
    fn csaf_2_1_presets() {
        for p in Preset::ALL {
            assert_eq!(Preset::parse(p.as_str()), Some(*p));
        }
        assert_eq!(Preset::parse("optional"), Some(Preset::Recommended));
        let always = ["io", "parse", "CL001"];
        let schema = enabled("schema");
        assert!(schema.contains(&"schema") && schema.contains(&"CV101"));
        assert!(!schema.iter().any(|id| id.starts_with("6.")));
        let mandatory = enabled("mandatory");
        assert!(always.iter().all(|id| mandatory.contains(id)));
        assert!(!mandatory.contains(&"schema"));
        assert!(mandatory
            .iter()
            .filter(|id| id.starts_with('6'))
            .all(|id| id.starts_with("6.1.")));
        assert!(enabled("recommended").contains(&"6.2.1"));
        assert!(enabled("informative").contains(&"6.3.1"));
        // `full` with --online runs the network tests; `external-request-free` never does
        assert!(enabled("full").contains(&"6.3.6"));
        let free = enabled("external-request-free");
        assert!(!free.contains(&"6.3.6") && !free.contains(&"6.3.7") && free.contains(&"6.3.8"));
        let history: Vec<_> = enabled("consistent-revision-history")
            .into_iter()
            .filter(|id| !always.contains(id))
            .collect();
        assert_eq!(
            history,
            CONSISTENT_REVISION_HISTORY
                .iter()
                .copied()
                .filter(|id| { all_meta().any(|m| m.id == *id) })
                .collect::<Vec<_>>()
        );
        assert!(enabled("consistent-date-times").contains(&"6.1.37"));
    }
}
