use crate::diag::Finding;
use crate::rules::Context;

declare_rule! {
    /// ## What it checks
    /// Every item in `/vulnerabilities` has at least one of `fixed`, `known_affected`, `known_not_affected` or `under_investigation` in `product_status`.
    ///
    /// Applies to documents of the categories `csaf_vex`; skipped for all others.
    ///
    /// ## Why
    /// A VEX statement is exactly one of these four statuses per product.
    ///
    /// ## Invalid
    /// ```json
    /// "product_status": {"first_fixed": ["CSAFPID-1"], "recommended": ["CSAFPID-2"]}
    /// ```
    /// ## Valid
    /// ```json
    /// "product_status": {"fixed": ["CSAFPID-1"]}
    /// ```
    VexProductStatus, id = "6.1.27.7", name = "vex-product-status", group = Mandatory,
    summary = "a VEX vulnerability lists no product as fixed, known affected, known not affected or under investigation",
}

const CATEGORIES: &[&str] = &["csaf_vex"];

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    let Some(category) = cx.advisory.document.category.as_deref() else {
        return;
    };
    if !CATEGORIES.contains(&category) {
        return;
    }
    for (v, vuln) in cx.advisory.vulnerabilities.iter().enumerate() {
        let ps = &vuln.product_status;
        let present = match cx
            .raw
            .and_then(|r| r.pointer(&format!("/vulnerabilities/{v}/product_status")))
        {
            Some(x) => [
                "fixed",
                "known_affected",
                "known_not_affected",
                "under_investigation",
            ]
            .iter()
            .any(|k| x.get(k).is_some()),
            None => ![
                &ps.fixed,
                &ps.known_affected,
                &ps.known_not_affected,
                &ps.under_investigation,
            ]
            .iter()
            .all(|l| l.is_empty()),
        };
        if !present {
            out.push(Finding::new(
                META.id,
                format!("/vulnerabilities/{v}/product_status"),
                "a VEX vulnerability needs one of `fixed`, `known_affected`, `known_not_affected` or `under_investigation`",
            ));
        }
    }
}
