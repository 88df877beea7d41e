use crate::diag::Finding;
use crate::model::Timestamp;
use crate::rules::mandatory::m6_1_48_ssvc_decision_points::{DecisionPoint, REGISTRY};
use crate::rules::optional::ssvc_namespaces::{self, BaseKind};
use crate::rules::Context;
use chrono::{DateTime, FixedOffset};
use serde_json::Value;

declare_rule! {
    /// ## What it checks
    /// Every SSVC selection (`/vulnerabilities[]/metrics[]/content/ssvc_v2/selections[]`) in a
    /// registered namespace (`ssvc`, `cvss`, `cisa`, `basic`, `nist`; extensions included, as they
    /// keep the version of their base decision point) uses the latest `version` of its decision
    /// point that was available at the `timestamp` of its SSVC object. It fails when a later version
    /// of the decision point (by semantic version precedence) was already available then.
    ///
    /// This follows the CSAF 2.1 draft csaflint implements (OASIS commit `27af37f5`): "it MUST be
    /// tested the latest decision point `version` available at the time of the `timestamp` was
    /// used". Its next sentence, "The test SHALL fail if a later `version` was used", is read as
    /// the spec's example reads it: a later version was available. A version first published after
    /// the timestamp is not reported, as only upper bounds of publication dates are known (below).
    /// The TC is discussing a change: compare with the registry at the time of the test, not at the
    /// timestamp (oasis-tcs/csaf#1624, pull request #1618).
    ///
    /// The versions come from csaflint's SSVC registry (`data/ssvc`, certcc-ssvc 2026.10.0). SSVC
    /// does not publish when a version became available (CERTCC/SSVC#1219): versions already in the
    /// first release of CERT/CC's `certcc-ssvc` package (2025-09-13) are taken as available at any
    /// time; later ones from the upload of the first package release that contains them (Safety
    /// Impact 2.0.1: 2025-09-17). Versions the registry does not know are left to 6.1.48; the
    /// reserved namespaces `example` and `test` define no decision points; unregistered (`x_…`)
    /// namespaces are not looked at.
    ///
    /// ## Why
    /// Later versions of a decision point fix its values or their definitions; an assessment made
    /// with a superseded version is harder to compare with current ones.
    ///
    /// ## Invalid
    /// ```json
    /// "ssvc_v2": {
    ///   "selections": [{"key": "MI", "name": "Mission Impact", "namespace": "ssvc", "version": "1.0.0", …}],
    ///   "timestamp": "2024-01-24T10:00:00.000Z", …
    /// }
    /// ```
    /// (Mission Impact 2.0.0 was available.)
    /// ## Valid
    /// ```json
    /// "ssvc_v2": {
    ///   "selections": [{"key": "MI", "name": "Mission Impact", "namespace": "ssvc", "version": "2.0.0", …}],
    ///   "timestamp": "2024-01-24T10:00:00.000Z", …
    /// }
    /// ```
    UsageOfNonLatestSsvcDecisionPointVersion, id = "6.3.13",
    name = "usage-of-non-latest-ssvc-decision-point-version", group = Informative,
    summary = "an SSVC decision point is used in a version that was no longer the latest at its timestamp",
    since = "2.1",
}

/// When the decision point versions that are not in the first release of CERT/CC's `certcc-ssvc`
/// package (2025.9.131446, uploaded 2025-09-13T18:49:38Z) were first published: the upload time of
/// the first release on PyPI that contains them (an upper bound: they may have been in the SSVC
/// repository before). `(namespace, key, version, RFC 3339 time)`.
///
/// When `data/ssvc` is regenerated from a newer `certcc-ssvc`, add the versions it brings (the
/// test `every_new_version_has_a_date` counts them).
const FIRST_PUBLISHED: &[(&str, &str, &str, &str)] = &[
    ("cisa", "BOD2604", "1.0.0", "2026-06-18T19:18:34Z"), // certcc-ssvc 2026.6.172048
    ("cisa", "PE", "1.0.0", "2026-06-18T19:18:34Z"),      // certcc-ssvc 2026.6.172048
    ("ssvc", "SI", "2.0.1", "2025-09-17T22:16:01Z"),      // certcc-ssvc 2025.9.171811
];

fn first_published(dp: &DecisionPoint) -> Option<DateTime<FixedOffset>> {
    FIRST_PUBLISHED
        .iter()
        .find(|(ns, key, version, _)| *ns == dp.namespace && *key == dp.key && *version == dp.version)
        .and_then(|(.., at)| DateTime::parse_from_rfc3339(at).ok())
}

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    for selection in ssvc_namespaces::selections(cx) {
        let ns = &selection.namespace;
        if ns.kind() != BaseKind::Registered {
            continue;
        }
        let field = |name: &str| selection.value.get(name).and_then(Value::as_str);
        let (Some(key), Some(version)) = (field("key"), field("version")) else {
            continue;
        };
        let Some(versions) = REGISTRY.get(&(ns.base.to_owned(), key.to_owned())) else {
            continue; // 6.1.48
        };
        let Ok(used) = semver::Version::parse(version) else {
            continue;
        };
        let Some(used_dp) = versions.iter().find(|dp| dp.version == version) else {
            continue; // 6.1.48
        };
        let Some(raw) = selection.ssvc.get("timestamp").and_then(Value::as_str) else {
            continue;
        };
        let Some(at) = Timestamp::parse(raw).value else {
            continue;
        };
        let latest = versions
            .iter()
            .filter(|dp| first_published(dp).is_none_or(|p| p <= at))
            .filter_map(|dp| semver::Version::parse(&dp.version).ok())
            .max_by(semver::Version::cmp_precedence);
        let Some(latest) = latest else {
            continue;
        };
        if latest.cmp_precedence(&used).is_gt() {
            out.push(
                Finding::new(
                    META.id,
                    format!("{}/version", selection.pointer),
                    format!(
                        "version `{version}` of the SSVC decision point `{}` (`{}` `{key}`) is not the latest: version `{latest}` was available at the SSVC timestamp `{raw}`",
                        used_dp.name, ns.base
                    ),
                )
                .help(format!("assess with version `{latest}` of the decision point")),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_new_version_has_a_date() {
        // 144 versions were in certcc-ssvc 2025.9.131446; every later one needs its date above
        let versions: usize = REGISTRY.values().map(Vec::len).sum();
        assert_eq!(
            versions,
            144 + FIRST_PUBLISHED.len(),
            "data/ssvc changed: add the first publication dates of its new versions to FIRST_PUBLISHED"
        );
        for (ns, key, version, at) in FIRST_PUBLISHED {
            assert!(DateTime::parse_from_rfc3339(at).is_ok(), "{at}");
            let dps = REGISTRY
                .get(&((*ns).to_owned(), (*key).to_owned()))
                .expect("in the registry");
            assert!(
                dps.iter().any(|dp| dp.version == *version),
                "{ns} {key} {version}"
            );
        }
    }
}
