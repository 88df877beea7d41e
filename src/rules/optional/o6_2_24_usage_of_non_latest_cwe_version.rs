use crate::diag::Finding;
use crate::rules::Context;

declare_rule! {
    /// ## What it checks
    /// Every CWE given for a vulnerability names the CWE catalogue `version` that was the latest one at
    /// the time of the document's last revision: the newest `date` of the revision history (time zones
    /// taken into account; `current_release_date` when the history has no date), compared by its UTC
    /// day with the release dates of the catalogue versions shipped with the tool (1.0 … 4.20). An
    /// older version fails, and so does a later one, which was not released yet. Versions the
    /// catalogue does not know are left to test 6.1.11.
    ///
    /// ## Why
    /// Names, statuses and mapping guidance of weaknesses change between catalogue versions; an old
    /// version can carry a name or a mapping that MITRE has since corrected.
    ///
    /// ## Invalid
    /// ```json
    /// "tracking": {"current_release_date": "2024-01-21T10:00:00.000Z", "revision_history": [{"date": "2024-01-21T10:00:00.000Z", …}], …}
    /// …
    /// "cwes": [{"id": "CWE-256", "name": "Plaintext Storage of a Password", "version": "4.12"}]
    /// ```
    /// ## Valid
    /// ```json
    /// "cwes": [{"id": "CWE-256", "name": "Plaintext Storage of a Password", "version": "4.13"}]
    /// ```
    UsageOfNonLatestCweVersion, id = "6.2.24", name = "usage-of-non-latest-cwe-version", group = Optional,
    summary = "a CWE names another catalogue version than the latest one at the last revision",
    since = "2.1",
}

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    if cx.advisory.vulnerabilities.iter().all(|v| v.cwes.is_empty()) {
        return;
    }
    let tracking = &cx.advisory.document.tracking;
    let newest = cx
        .index()
        .revisions_by_date
        .last()
        .and_then(|&i| tracking.revision_history[i].date.as_ref())
        .filter(|d| d.value.is_some())
        .map(|d| (d, "the date of the newest revision"))
        .or_else(|| {
            tracking
                .current_release_date
                .as_ref()
                .filter(|d| d.value.is_some())
                .map(|d| (d, "the current release date"))
        });
    let Some((date, what)) = newest else { return };
    let Some(value) = date.value else { return };
    let day = value.with_timezone(&chrono::Utc).format("%Y-%m-%d").to_string();
    let Some(latest) = crate::cwe::version_at(&day) else {
        return;
    };
    let released = |v: &str| {
        crate::cwe::versions()
            .iter()
            .find(|(x, _)| *x == v)
            .map(|(_, d)| *d)
    };
    for (v, vuln) in cx.advisory.vulnerabilities.iter().enumerate() {
        for (c, cwe) in vuln.cwes.iter().enumerate() {
            let (Some(id), Some(version)) = (cwe.id.as_deref(), cwe.version.as_deref()) else {
                continue;
            };
            if version == latest {
                continue;
            }
            let Some(release) = released(version) else {
                continue;
            };
            let message = if release > day.as_str() {
                format!(
                    "`{id}` is taken from CWE catalogue {version}, which was released on {release}, after `{}` ({what}); the latest version then was {latest}",
                    date.raw
                )
            } else {
                format!(
                    "`{id}` is taken from CWE catalogue {version}, but the latest version at `{}` ({what}) was {latest}",
                    date.raw
                )
            };
            out.push(
                Finding::new(META.id, format!("/vulnerabilities/{v}/cwes/{c}/version"), message).help(
                    format!("use CWE catalogue {latest}, and check the id and name of the weakness in it"),
                ),
            );
        }
    }
}
