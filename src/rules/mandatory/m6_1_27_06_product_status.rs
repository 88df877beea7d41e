use crate::diag::Finding;
use crate::rules::Context;

declare_rule! {
    /// ## What it checks
    /// Every item in `/vulnerabilities` has the element `product_status`.
    ///
    /// Applies to documents of the category `csaf_security_advisory` and, in CSAF 2.1, also
    /// `csaf_deprecated_security_advisory`; skipped for all others.
    ///
    /// ## Why
    /// A security advisory must say which products are affected, fixed or not affected.
    ///
    /// ## Invalid
    /// ```json
    /// "vulnerabilities": [{"title": "A vulnerability item without a product status"}]
    /// ```
    /// ## Valid
    /// ```json
    /// "vulnerabilities": [{"product_status": {"known_affected": ["CSAFPID-1"]}}]
    /// ```
    ProductStatus, id = "6.1.27.6", name = "product-status", group = Mandatory,
    summary = "a vulnerability of a security advisory (2.1: or a deprecated security advisory) has no `product_status`",
}

/// The categories in CSAF 2.0.
const CATEGORIES: &[&str] = &["csaf_security_advisory"];

/// The categories in CSAF 2.1.
const CATEGORIES_21: &[&str] = &["csaf_security_advisory", "csaf_deprecated_security_advisory"];

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    let Some(category) = cx.advisory.document.category.as_deref() else {
        return;
    };
    let categories = if cx.version().is_csaf21() {
        CATEGORIES_21
    } else {
        CATEGORIES
    };
    if !categories.contains(&category) {
        return;
    }
    for (v, vuln) in cx.advisory.vulnerabilities.iter().enumerate() {
        let present = cx
            .raw
            .and_then(|r| r.pointer(&format!("/vulnerabilities/{v}")))
            .map_or(
                vuln.product_status.lists().iter().any(|(_, l)| !l.is_empty()),
                |x| x.get("product_status").is_some(),
            );
        if !present {
            out.push(Finding::new(
                META.id,
                format!("/vulnerabilities/{v}/product_status"),
                format!("a vulnerability in a `{category}` document needs `product_status`"),
            ));
        }
    }
}
