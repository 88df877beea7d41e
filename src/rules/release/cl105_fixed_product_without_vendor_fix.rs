use crate::diag::Finding;
use crate::model::RemediationCategory;
use crate::rules::Context;

declare_rule! {
    /// ## What it checks
    /// Every product listed as fixed (`first_fixed`, `fixed`; CVRF: First Fixed, Fixed) is covered by a
    /// `vendor_fix` remediation, directly or through a product group. Runs on advisories.
    ///
    /// ## Why
    /// Readers on an older version need to know how to get to the fixed one; the `vendor_fix` says
    /// where and from when.
    ///
    /// ## Invalid
    /// ```json
    /// "product_status": {"fixed": ["CSAFPID-2"]}  (no vendor_fix names CSAFPID-2)
    /// ```
    /// ## Valid
    /// ```json
    /// "product_status": {"fixed": ["CSAFPID-2"]},
    /// "remediations": [{"category": "vendor_fix", "details": "Update to 2.4.1.", "product_ids": ["CSAFPID-2"]}]
    /// ```
    FixedProductWithoutVendorFix, id = "CL105", name = "fixed-product-without-vendor-fix", group = Release,
    summary = "a fixed product is not covered by a vendor fix",
    severity = Info, url = "README.md#release-checks",
}

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    if !cx.advisory.is_release_target() {
        return;
    }
    let ix = cx.index();
    for (v, vuln) in cx.advisory.vulnerabilities.iter().enumerate() {
        let fixes = ix.covered(
            vuln.remediations
                .iter()
                .filter(|r| r.category == Some(RemediationCategory::VendorFix))
                .map(|r| (&r.product_ids[..], &r.group_ids[..])),
        );
        for (list, ids) in [
            ("first_fixed", &vuln.product_status.first_fixed),
            ("fixed", &vuln.product_status.fixed),
        ] {
            for (i, id) in ids.iter().enumerate() {
                if !fixes.contains(id.as_str()) {
                    out.push(Finding::new(
                        META.id,
                        format!("/vulnerabilities/{v}/product_status/{list}/{i}"),
                        format!("fixed product `{id}` is not covered by a `vendor_fix` remediation"),
                    ));
                }
            }
        }
    }
}
