use crate::diag::Finding;
use crate::rules::Context;

declare_rule! {
    /// ## What it checks
    /// The element `/vulnerabilities` exists.
    ///
    /// Applies to documents of the categories `csaf_security_advisory`, `csaf_vex` and, in CSAF 2.1, also
    /// `csaf_deprecated_security_advisory`; skipped for all others.
    ///
    /// ## Why
    /// Security advisories and VEX documents exist to describe vulnerabilities.
    ///
    /// ## Invalid
    /// ```json
    /// {"document": {…}, "product_tree": {…}}
    /// ```
    /// ## Valid
    /// ```json
    /// {"document": {…}, "product_tree": {…}, "vulnerabilities": […]}
    /// ```
    Vulnerabilities, id = "6.1.27.11", name = "vulnerabilities-for-security-advisory-or-vex", group = Mandatory,
    summary = "a security advisory or VEX document (2.1: or a deprecated security advisory) has no `/vulnerabilities`",
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
    let present = cx.raw.map_or(!cx.advisory.vulnerabilities.is_empty(), |r| {
        r.get("vulnerabilities").is_some()
    });
    if !present {
        out.push(Finding::new(
            META.id,
            "/vulnerabilities",
            format!("a `{category}` document needs `/vulnerabilities`"),
        ));
    }
}
