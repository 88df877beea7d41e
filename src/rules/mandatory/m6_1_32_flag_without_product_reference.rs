use crate::diag::Finding;
use crate::rules::Context;

declare_rule! {
    /// ## What it checks
    /// Every flag names the products it applies to, through `product_ids` or `group_ids`.
    ///
    /// ## Why
    /// A flag that applies to nothing states nothing.
    ///
    /// ## Invalid
    /// ```json
    /// "flags": [{"label": "component_not_present"}]
    /// ```
    /// ## Valid
    /// ```json
    /// "flags": [{"label": "component_not_present", "product_ids": ["CSAFPID-1"]}]
    /// ```
    FlagWithoutProductReference, id = "6.1.32", name = "flag-without-product-reference", group = Mandatory,
    summary = "a flag names neither products nor product groups",
}

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    for (v, vuln) in cx.advisory.vulnerabilities.iter().enumerate() {
        for (f, flag) in vuln.flags.iter().enumerate() {
            if flag.product_ids.is_empty() && flag.group_ids.is_empty() {
                out.push(Finding::new(
                    META.id,
                    format!("/vulnerabilities/{v}/flags/{f}"),
                    "the flag names neither `product_ids` nor `group_ids`",
                ));
            }
        }
    }
}
