//! Presets and rule selection (contract §2).

use super::{all_meta, Group, RuleMeta};
use crate::diag::Severity;
use std::collections::HashMap;
use std::fmt;

/// A named set of rules.
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
}

impl Preset {
    /// Parses a preset name.
    pub fn parse(s: &str) -> Option<Preset> {
        Some(match s {
            "basic" => Preset::Basic,
            "extended" => Preset::Extended,
            "full" => Preset::Full,
            "vendor-release" => Preset::VendorRelease,
            _ => return None,
        })
    }

    /// The preset's name.
    pub fn as_str(self) -> &'static str {
        match self {
            Preset::Basic => "basic",
            Preset::Extended => "extended",
            Preset::Full => "full",
            Preset::VendorRelease => "vendor-release",
        }
    }

    /// Whether the preset includes rules of `group`.
    pub fn includes(self, group: Group) -> bool {
        match group {
            Group::Input | Group::Lint | Group::Mandatory | Group::Cvrf => true,
            Group::Optional => self != Preset::Basic,
            Group::Informative => matches!(self, Preset::Full | Preset::VendorRelease),
            Group::Release => self == Preset::VendorRelease,
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
                None => self.preset.includes(m.group),
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
}
