use crate::diag::Finding;
use crate::rules::Context;

declare_rule! {
    /// ## What it checks
    /// The element `/product_tree` exists.
    ///
    /// Applies to documents of the categories `csaf_security_advisory`, `csaf_vex`; skipped for all others.
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
    summary = "a security advisory or VEX document has no `/product_tree`",
}

const CATEGORIES: &[&str] = &["csaf_security_advisory", "csaf_vex"];

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    let Some(category) = cx.advisory.document.category.as_deref() else {
        return;
    };
    if !CATEGORIES.contains(&category) {
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
