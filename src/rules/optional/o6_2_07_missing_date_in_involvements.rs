use crate::diag::Finding;
use crate::rules::Context;

declare_rule! {
    /// ## What it checks
    /// Every item in `/vulnerabilities[]/involvements` has a `date`.
    ///
    /// ## Why
    /// An involvement without a date cannot be placed in the timeline of the vulnerability.
    ///
    /// ## Invalid
    /// ```json
    /// "involvements": [{"party": "vendor", "status": "in_progress"}]
    /// ```
    /// ## Valid
    /// ```json
    /// "involvements": [{"date": "2021-04-23T10:00:00.000Z", "party": "vendor", "status": "in_progress"}]
    /// ```
    MissingDateInInvolvements, id = "6.2.7", name = "missing-date-in-involvements", group = Optional,
    summary = "an involvement has no date",
}

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    for (v, vuln) in cx.advisory.vulnerabilities.iter().enumerate() {
        for (i, inv) in vuln.involvements.iter().enumerate() {
            if inv.date.is_none() {
                out.push(Finding::new(
                    META.id,
                    format!("/vulnerabilities/{v}/involvements/{i}"),
                    "the involvement has no `date`",
                ));
            }
        }
    }
}
