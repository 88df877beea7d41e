use crate::diag::Finding;
use crate::model::RemediationCategory;
use crate::rules::Context;

declare_rule! {
    /// ## What it checks
    /// Every remediation of the category `vendor_fix`, `mitigation` or `workaround` (CVRF: Vendor Fix,
    /// Mitigation, Workaround) has a `date`: the date from which the remediation is available. Runs on
    /// advisories: CSAF documents other than `csaf_vex` and `csaf_informational_advisory`, and every
    /// CVRF document.
    ///
    /// ## Why
    /// The people running an affected product need to know since when they can act. CSAF leaves the
    /// remediation `date` optional, and almost every published advisory omits it.
    ///
    /// ## Invalid
    /// ```json
    /// "remediations": [{"category": "vendor_fix", "details": "Update to 2.4.1.", "product_ids": ["CSAFPID-1"]}]
    /// ```
    /// ## Valid
    /// ```json
    /// "remediations": [{"category": "vendor_fix", "date": "2024-05-02T00:00:00Z", "details": "Update to 2.4.1.", "product_ids": ["CSAFPID-1"]}]
    /// ```
    RemediationDateMissing, id = "CL101", name = "remediation-date-missing", group = Release,
    summary = "a fix, mitigation or workaround does not say from when it is available",
    severity = Warning, url = "README.md#release-checks",
}

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    if !cx.advisory.is_release_target() {
        return;
    }
    for (v, vuln) in cx.advisory.vulnerabilities.iter().enumerate() {
        for (r, rem) in vuln.remediations.iter().enumerate() {
            let actionable = matches!(
                rem.category,
                Some(
                    RemediationCategory::VendorFix
                        | RemediationCategory::Mitigation
                        | RemediationCategory::Workaround
                )
            );
            if actionable && rem.date.is_none() {
                out.push(
                    Finding::new(
                        META.id,
                        format!("/vulnerabilities/{v}/remediations/{r}"),
                        format!(
                            "this `{}` remediation does not say from when it is available",
                            rem.category.as_ref().map_or("", |c| c.as_str())
                        ),
                    )
                    .help("add `date`: the date from which the remediation is available"),
                );
            }
        }
    }
}
