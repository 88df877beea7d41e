use crate::diag::Finding;
use crate::rules::Context;

declare_rule! {
    /// ## What it checks
    /// The element `/product_tree` exists.
    ///
    /// Applies to documents of the categories `csaf_security_advisory`, `csaf_vex` and, in CSAF 2.1, also
    /// `csaf_deprecated_security_advisory`; skipped for all others.
    ///
    /// ## Why
    /// Security advisories and VEX documents speak about products, which must be defined.
    ///
    /// ## Invalid
    /// ```json
    /// {"document": {…}, "vulnerabilities": […]}
    /// ```
    /// ## Valid
    /// ```json
    /// {"document": {…}, "product_tree": {…}, "vulnerabilities": […]}
    /// ```
    ProductTree, id = "6.1.27.4", name = "product-tree", group = Mandatory,
    summary = "a security advisory or VEX document (2.1: or a deprecated security advisory) has no `/product_tree`",
}

/// The categories in CSAF 2.0.
const CATEGORIES: &[&str] = &["csaf_security_advisory", "csaf_vex"];

/// The categories in CSAF 2.1.
const CATEGORIES_21: &[&str] = &[
    "csaf_security_advisory",
    "csaf_vex",
    "csaf_deprecated_security_advisory",
];

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
    let present = cx.raw.map_or(cx.advisory.product_tree.is_some(), |r| {
        r.get("product_tree").is_some()
    });
    if !present {
        out.push(Finding::new(
            META.id,
            "/product_tree",
            format!("a `{category}` document needs a `/product_tree`"),
        ));
    }
}
