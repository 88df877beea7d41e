use crate::diag::Finding;
use crate::model::RemediationCategory;
use crate::rules::Context;

declare_rule! {
    /// ## What it checks
    /// No remediation that is meant to be available (`vendor_fix`, `mitigation`, `workaround`,
    /// `optional_patch`) has a `date` on a later day than the document's current release date (both
    /// compared as UTC calendar days): such a remediation did not exist yet when this version of the
    /// advisory went out. The finding says how many days later it became available. Announcements
    /// (`none_available`, `no_fix_planned`, `fix_planned`) are not checked: a planned fix is expected
    /// to lie in the future. Runs on advisories (CSAF documents other than `csaf_vex` and
    /// `csaf_informational_advisory`, and every CVRF document).
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
    if !cx.advisory.is_release_target() {
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
            let available = matches!(
                rem.category,
                Some(
                    RemediationCategory::VendorFix
                        | RemediationCategory::Mitigation
                        | RemediationCategory::Workaround
                        | RemediationCategory::OptionalPatch
                )
            );
            let Some(date) = rem.date.as_ref().filter(|_| available) else {
                continue;
            };
            let Some(when) = date.value else { continue };
            let days = (when.naive_utc().date() - current.naive_utc().date()).num_days();
            if days > 0 {
                let later = if days == 1 {
                    "1 day later".to_owned()
                } else {
                    format!("{days} days later")
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
