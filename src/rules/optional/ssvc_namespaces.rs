//! SSVC namespaces for the 2.1 tests 6.2.34–6.2.37 and 6.3.13–6.3.15: the selections of every
//! `ssvc_v2` object, and what their `namespace` is made of.
//!
//! SSVC namespace syntax (SSVC documentation, "SSVC Namespaces"): `base-namespace [ "/" extensions ]`.
//! The base namespace is either registered (`ssvc`, `cvss`, …, optionally followed by `#fragment`)
//! or unregistered (`x_` + reverse domain name + `#fragment`). Everything after the first `/` is
//! the extensions (a language tag or nothing, then further segments). Reserved: `example` /
//! `x_example` for documentation, `test` / `x_test` for tests, and `invalid` / `x_invalid`, which
//! must never be used.

use crate::model::TlpLabel;
use crate::rules::mandatory::m6_1_48_ssvc_decision_points::{REGISTERED, RESERVED_INVALID};
use crate::rules::Context;
use serde_json::Value;

/// Registered base namespaces reserved by SSVC for examples and tests: they are registered ones, and
/// no decision points are defined in them.
const RESERVED_REGISTERED: &[&str] = &["example", "test"];

/// One item of `/vulnerabilities[]/metrics[]/content/ssvc_v2/selections[]`.
pub(crate) struct Selection<'a> {
    /// JSON pointer of the `ssvc_v2` object.
    pub ssvc_pointer: String,
    /// The `ssvc_v2` object.
    pub ssvc: &'a Value,
    /// JSON pointer of the selection.
    pub pointer: String,
    /// The selection.
    pub value: &'a Value,
    /// Its `namespace`, split into its parts.
    pub namespace: Namespace<'a>,
}

impl Selection<'_> {
    /// JSON pointer of the selection's `namespace`.
    pub fn namespace_pointer(&self) -> String {
        format!("{}/namespace", self.pointer)
    }
}

/// Every SSVC selection with a string `namespace`, in document order.
pub(crate) fn selections<'a>(cx: &Context<'a>) -> Vec<Selection<'a>> {
    let mut out = Vec::new();
    for (v, vuln) in cx.advisory.vulnerabilities.iter().enumerate() {
        for (m, metric) in vuln.metrics.iter().enumerate() {
            let Some(ssvc) = metric.ssvc.as_ref() else {
                continue;
            };
            let Some(items) = ssvc.get("selections").and_then(Value::as_array) else {
                continue;
            };
            let ssvc_pointer = format!("/vulnerabilities/{v}/metrics/{m}/content/ssvc_v2");
            for (s, value) in items.iter().enumerate() {
                let Some(namespace) = value.get("namespace").and_then(Value::as_str) else {
                    continue;
                };
                out.push(Selection {
                    pointer: format!("{ssvc_pointer}/selections/{s}"),
                    ssvc_pointer: ssvc_pointer.clone(),
                    ssvc,
                    value,
                    namespace: Namespace::parse(namespace),
                });
            }
        }
    }
    out
}

/// What kind of base namespace a selection uses.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum BaseKind {
    /// Registered, with its decision points in csaflint's registry (`ssvc`, `cvss`, `cisa`,
    /// `basic`, `nist`).
    Registered,
    /// Registered, reserved for examples and tests (`example`, `test`).
    ReservedRegistered,
    /// Reserved, never to be used (`invalid`, `x_invalid`).
    Invalid,
    /// Unregistered: starts with `x_`.
    Unregistered,
    /// Neither `x_` nor a namespace registered when csaflint's registry was taken.
    Unknown,
}

/// A `namespace` split at its first `/`.
pub(crate) struct Namespace<'a> {
    /// The whole value.
    pub full: &'a str,
    /// The base namespace, with its `#fragment`.
    pub base: &'a str,
    /// The base namespace without its `#fragment`.
    pub core: &'a str,
    /// The extensions after the first `/` (possibly empty), if there is a `/`.
    pub extensions: Option<&'a str>,
}

impl<'a> Namespace<'a> {
    pub fn parse(full: &'a str) -> Self {
        let (base, extensions) = match full.split_once('/') {
            Some((b, e)) => (b, Some(e)),
            None => (full, None),
        };
        let core = base.split_once('#').map_or(base, |(c, _)| c);
        Namespace {
            full,
            base,
            core,
            extensions,
        }
    }

    pub fn kind(&self) -> BaseKind {
        if RESERVED_INVALID.contains(&self.core) {
            BaseKind::Invalid
        } else if REGISTERED.contains(&self.core) {
            BaseKind::Registered
        } else if RESERVED_REGISTERED.contains(&self.core) {
            BaseKind::ReservedRegistered
        } else if self.core.starts_with("x_") {
            BaseKind::Unregistered
        } else {
            BaseKind::Unknown
        }
    }
}

/// Whether `/document/distribution/tlp/label` is `CLEAR`.
pub(crate) fn tlp_clear(cx: &Context<'_>) -> bool {
    cx.advisory
        .document
        .distribution
        .as_ref()
        .is_some_and(|d| d.tlp_label == Some(TlpLabel::Clear))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_base_fragment_and_extensions() {
        let ns = Namespace::parse("x_example.test#a-b//.example.other#c/de-DE");
        assert_eq!(ns.base, "x_example.test#a-b");
        assert_eq!(ns.core, "x_example.test");
        assert_eq!(ns.extensions, Some("/.example.other#c/de-DE"));
        assert_eq!(ns.kind(), BaseKind::Unregistered);
        let ns = Namespace::parse("nist#800-30");
        assert_eq!((ns.base, ns.core, ns.extensions), ("nist#800-30", "nist", None));
        assert_eq!(ns.kind(), BaseKind::Registered);
        assert_eq!(Namespace::parse("ssvc/").extensions, Some(""));
        assert_eq!(
            Namespace::parse("test//.example.test#x").kind(),
            BaseKind::ReservedRegistered
        );
        assert_eq!(Namespace::parse("example").kind(), BaseKind::ReservedRegistered);
        assert_eq!(Namespace::parse("invalid").kind(), BaseKind::Invalid);
        assert_eq!(Namespace::parse("nciss").kind(), BaseKind::Unknown);
    }
}
