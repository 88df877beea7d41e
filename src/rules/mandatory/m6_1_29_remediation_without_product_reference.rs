use crate::diag::Finding;
use crate::rules::Context;

declare_rule! {
    /// ## What it checks
    /// Every remediation names the products it applies to, through `product_ids` or `group_ids`.
    ///
    /// ## Why
    /// A remediation that applies to nothing cannot be acted on.
    ///
    /// ## Invalid
    /// ```json
    /// "remediations": [{"category": "no_fix_planned", "details": "These products are end-of-life."}]
    /// ```
    /// ## Valid
    /// ```json
    /// "remediations": [{"category": "no_fix_planned", "details": "These products are end-of-life.", "group_ids": ["CSAFGID-1"]}]
    /// ```
    RemediationWithoutProductReference, id = "6.1.29", name = "remediation-without-product-reference", group = Mandatory,
    summary = "a remediation names neither products nor product groups",
}

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    for (v, vuln) in cx.advisory.vulnerabilities.iter().enumerate() {
        for (r, rem) in vuln.remediations.iter().enumerate() {
            if rem.product_ids.is_empty() && rem.group_ids.is_empty() {
                out.push(
                    Finding::new(
                        META.id,
                        format!("/vulnerabilities/{v}/remediations/{r}"),
                        "the remediation names neither `product_ids` nor `group_ids`",
                    )
                    .help("list the products the remediation applies to"),
                );
            }
        }
    }
}
