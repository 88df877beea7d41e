use crate::diag::Finding;
use crate::rules::remediation_tables::{status_combinations, Combination};
use crate::rules::Context;

declare_rule! {
    /// ## What it checks
    /// Within one vulnerability, no remediation applies to a product (named directly or through a
    /// product group) whose product status group the table "Product Status Remediation Category
    /// Combinations" of CSAF 2.1 marks as discouraged for the remediation's category:
    ///
    /// - `workaround`, `mitigation` and `vendor_fix` for products under investigation or with unknown status;
    /// - `optional_patch` for fixed products;
    /// - `fix_planned` for not affected products, products under investigation or with unknown status;
    /// - `no_fix_planned` for not affected products.
    ///
    /// The prohibited combinations are test 6.1.36.
    ///
    /// ## Why
    /// A planned fix for a product that was never affected, or a vendor fix for a product whose status
    /// is still being investigated, is at least surprising; one of the two statements is probably
    /// outdated.
    ///
    /// ## Invalid
    /// ```json
    /// "product_status": {"known_not_affected": ["CSAFPID-1"]},
    /// "remediations": [{"category": "fix_planned", "details": "The fix should be available in Q4 2024.", "product_ids": ["CSAFPID-1"]}]
    /// ```
    /// ## Valid
    /// ```json
    /// "product_status": {"known_affected": ["CSAFPID-1"]},
    /// "remediations": [{"category": "fix_planned", "details": "The fix should be available in Q4 2024.", "product_ids": ["CSAFPID-1"]}]
    /// ```
    DiscouragedProductStatusRemediationCombination, id = "6.2.27",
    name = "discouraged-product-status-remediation-combination", group = Optional,
    summary = "a remediation's category is discouraged for the product status of a product it applies to",
    since = "2.1",
}

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    for c in status_combinations(cx, Combination::Discouraged) {
        out.push(
            Finding::new(META.id, c.pointer.clone(), c.message("discouraged"))
            .help(format!(
                "a `{}` remediation should not be given for {} products; check the product status and the remediation",
                c.category,
                c.status.label()
            )),
        );
    }
}
