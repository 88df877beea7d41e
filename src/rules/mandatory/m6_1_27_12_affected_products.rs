use crate::diag::Finding;
use crate::rules::Context;

declare_rule! {
    /// ## What it checks
    /// Every item in `/vulnerabilities` has the element `product_status/known_affected`.
    ///
    /// Applies to documents of the category `csaf_security_advisory`; skipped for all others.
    ///
    /// ## Why
    /// A security advisory exists to tell which products a vulnerability affects; a vulnerability
    /// without known affected products belongs in another profile (e.g. VEX).
    ///
    /// ## Invalid
    /// ```json
    /// "product_status": {"under_investigation": ["CSAFPID-9080700"]}
    /// ```
    /// ## Valid
    /// ```json
    /// "product_status": {"known_affected": ["CSAFPID-9080701"], "under_investigation": ["CSAFPID-9080700"]}
    /// ```
    AffectedProducts, id = "6.1.27.12", name = "affected-products", group = Mandatory,
    summary = "a vulnerability of a security advisory has no `product_status/known_affected`",
    since = "2.1",
}

const CATEGORIES: &[&str] = &["csaf_security_advisory"];

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    let Some(category) = cx.advisory.document.category.as_deref() else {
        return;
    };
    if !CATEGORIES.contains(&category) {
        return;
    }
    for (v, vuln) in cx.advisory.vulnerabilities.iter().enumerate() {
        let present = cx
            .raw
            .and_then(|r| r.pointer(&format!("/vulnerabilities/{v}")))
            .map_or(!vuln.product_status.known_affected.is_empty(), |x| {
                x.pointer("/product_status/known_affected").is_some()
            });
        if !present {
            out.push(
                Finding::new(
                    META.id,
                    format!("/vulnerabilities/{v}/product_status/known_affected"),
                    format!(
                        "a vulnerability in a `{category}` document needs `product_status/known_affected`"
                    ),
                )
                .help(
                    "list the affected products, or use another profile (e.g. `csaf_vex`) for this document",
                ),
            );
        }
    }
}
