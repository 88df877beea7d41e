use crate::diag::Finding;
use crate::rules::remediation_tables::{status_combinations, Combination};
use crate::rules::Context;

declare_rule! {
    /// ## What it checks
    /// Within one vulnerability, no remediation applies to a product (named directly or through a
    /// product group) whose product status group the table "Product Status Remediation Category
    /// Combinations" of CSAF 2.1 prohibits for the remediation's category:
    ///
    /// - `workaround`, `mitigation`, `vendor_fix` and `none_available` for not affected or fixed products;
    /// - `optional_patch` for affected products;
    /// - `fix_planned` and `no_fix_planned` for fixed products.
    ///
    /// The discouraged combinations are test 6.2.27.
    ///
    /// ## Why
    /// A vendor fix for a product that was never affected, or an optional patch for an affected
    /// product, contradicts the product status; one of the two statements is wrong.
    ///
    /// ## Invalid
    /// ```json
    /// "product_status": {"known_not_affected": ["CSAFPID-1"]},
    /// "remediations": [{"category": "vendor_fix", "details": "Update to 14.3.", "product_ids": ["CSAFPID-1"]}]
    /// ```
    /// ## Valid
    /// ```json
    /// "product_status": {"known_not_affected": ["CSAFPID-1"]},
    /// "remediations": [{"category": "optional_patch", "details": "Update to 14.3.", "product_ids": ["CSAFPID-1"]}]
    /// ```
    ContradictingProductStatusRemediationCombination, id = "6.1.36",
    name = "contradicting-product-status-remediation-combination", group = Mandatory,
    summary = "a remediation's category is prohibited for the product status of a product it applies to",
    since = "2.1",
}

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    for c in status_combinations(cx, Combination::Prohibited) {
        out.push(
            Finding::new(META.id, c.pointer.clone(), c.message("prohibited")).help(format!(
                "a `{}` remediation must not be given for {} products; correct the product status or \
                 the remediation",
                c.category,
                c.status.label()
            )),
        );
    }
}
