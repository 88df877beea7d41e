use crate::diag::Finding;
use crate::rules::Context;

declare_rule! {
    /// ## What it checks
    /// Every product listed as affected (`first_affected`, `known_affected`, `last_affected`) or
    /// `under_investigation` has a remediation that names it, directly or through a product group. The
    /// remediation may be of the category `none_available` or `no_fix_planned`.
    ///
    /// ## Why
    /// Readers of an advisory need to know what to do about each affected product, even when the answer is nothing.
    ///
    /// ## Invalid
    /// ```json
    /// "product_status": {"last_affected": ["CSAFPID-1"]}  (no remediation)
    /// ```
    /// ## Valid
    /// ```json
    /// "product_status": {"last_affected": ["CSAFPID-1"]}, "remediations": [{"category": "none_available", "details": "No fix yet.", "product_ids": ["CSAFPID-1"]}]
    /// ```
    MissingRemediation, id = "6.2.2", name = "missing-remediation", group = Optional,
    summary = "an affected or under-investigation product has no remediation",
}

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    let ix = cx.index();
    for (v, vuln) in cx.advisory.vulnerabilities.iter().enumerate() {
        let covered = ix.covered(
            vuln.remediations
                .iter()
                .map(|r| (&r.product_ids[..], &r.group_ids[..])),
        );
        super::report_uncovered_status_entries(
            META.id,
            v,
            vuln,
            &[
                "first_affected",
                "known_affected",
                "last_affected",
                "under_investigation",
            ],
            |id| covered.contains(id),
            |list| format!("` is listed in `{list}` but no remediation names it"),
            out,
        );
    }
}
