use crate::diag::Finding;
use crate::model::FlagLabel;
use crate::rules::Context;
use std::collections::HashMap;

declare_rule! {
    /// ## What it checks
    /// Within one vulnerability, no product is covered by more than one flag with a VEX justification
    /// label, directly or through product groups.
    ///
    /// ## Why
    /// A product is not affected for one reason; two justifications contradict each other.
    ///
    /// ## Invalid
    /// ```json
    /// "flags": [{"label": "component_not_present", "group_ids": ["CSAFGID-1"]},
    ///           {"label": "vulnerable_code_cannot_be_controlled_by_adversary", "product_ids": ["CSAFPID-1"]}]
    /// ```
    /// (with `CSAFPID-1` in `CSAFGID-1`)
    /// ## Valid
    /// One justification flag per product.
    MultipleFlagsWithVexJustificationCodesPerProduct, id = "6.1.33", name = "multiple-flags-with-vex-justification-codes-per-product", group = Mandatory,
    summary = "a product has more than one VEX justification flag in one vulnerability",
}

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    let ix = cx.index();
    for (v, vuln) in cx.advisory.vulnerabilities.iter().enumerate() {
        let mut first: HashMap<&str, usize> = HashMap::new();
        for (f, flag) in vuln.flags.iter().enumerate() {
            if matches!(flag.label, None | Some(FlagLabel::Other(_))) {
                continue;
            }
            let mut products: Vec<&str> = flag.product_ids.iter().map(String::as_str).collect();
            for g in &flag.group_ids {
                products.extend(ix.group_members(g));
            }
            products.sort_unstable();
            products.dedup();
            for p in products {
                match first.get(p) {
                    Some(&earlier) if earlier != f => out.push(Finding::new(
                        META.id,
                        format!("/vulnerabilities/{v}/flags/{f}"),
                        format!(
                            "product `{p}` already has a VEX justification flag in `/vulnerabilities/{v}/flags/{earlier}`"
                        ),
                    )),
                    Some(_) => {}
                    None => {
                        first.insert(p, f);
                    }
                }
            }
        }
    }
}
