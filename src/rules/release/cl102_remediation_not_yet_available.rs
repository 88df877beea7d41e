use crate::diag::Finding;
use crate::rules::Context;

declare_rule! {
    /// ## What it checks
    /// No remediation's `date` lies after the document's current release date: such a remediation did
    /// not exist yet when this version of the advisory went out. The finding says how many days later
    /// it became available. Runs on advisories (not on `csaf_vex` or `csaf_informational_advisory`).
    ///
    /// ## Why
    /// Readers take a listed fix as available; an announced future date deserves to be noticed, and
    /// the advisory revised when the fix ships.
    ///
    /// ## Invalid
    /// ```json
    /// "current_release_date": "2024-05-01T00:00:00Z", …
    /// "remediations": [{"category": "vendor_fix", "date": "2024-06-15T00:00:00Z", "details": "Update to 2.4.1.", "product_ids": ["CSAFPID-1"]}]
    /// ```
    /// ## Valid
    /// The same with a remediation date on or before 2024-05-01.
    RemediationNotYetAvailable, id = "CL102", name = "remediation-not-yet-available", group = Release,
    summary = "a remediation becomes available only after the document's current release",
    severity = Info, url = "README.md#release-checks",
}

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    if !cx.advisory.document.is_advisory() {
        return;
    }
    let Some(current) = cx
        .advisory
        .document
        .tracking
        .current_release_date
        .as_ref()
        .and_then(|d| d.value)
    else {
        return;
    };
    for (v, vuln) in cx.advisory.vulnerabilities.iter().enumerate() {
        for (r, rem) in vuln.remediations.iter().enumerate() {
            let Some(date) = &rem.date else { continue };
            let Some(when) = date.value else { continue };
            if when > current {
                let days = (when - current).num_days();
                let later = match days {
                    0 => "later the same day".to_owned(),
                    1 => "1 day later".to_owned(),
                    n => format!("{n} days later"),
                };
                out.push(Finding::new(
                    META.id,
                    format!("/vulnerabilities/{v}/remediations/{r}/date"),
                    format!(
                        "the remediation is available from `{}`, {later} than the document's current release",
                        date.raw
                    ),
                ));
            }
        }
    }
}
