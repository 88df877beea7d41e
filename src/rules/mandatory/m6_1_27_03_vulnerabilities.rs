use crate::diag::Finding;
use crate::rules::Context;

declare_rule! {
    /// ## What it checks
    /// The element `/vulnerabilities` does not exist.
    ///
    /// Applies to documents of the category `csaf_informational_advisory` and, in CSAF 2.1, also
    /// `csaf_withdrawn` and `csaf_superseded`; skipped for all others.
    ///
    /// ## Why
    /// An informational advisory does not describe vulnerabilities; one that does is a security advisory (or `csaf_base`).
    /// A withdrawn or superseded document keeps only the reason and the pointer to its successor.
    ///
    /// ## Invalid
    /// ```json
    /// "vulnerabilities": [{"title": "A vulnerability item that SHALL NOT exist"}]
    /// ```
    /// ## Valid
    /// ```json
    /// (no `vulnerabilities` member)
    /// ```
    VulnerabilitiesInformational, id = "6.1.27.3", name = "vulnerabilities-for-informational-advisory", group = Mandatory,
    summary = "an informational advisory (2.1: or a withdrawn or superseded document) has `/vulnerabilities`",
}

/// The categories in CSAF 2.0.
const CATEGORIES: &[&str] = &["csaf_informational_advisory"];

/// The categories in CSAF 2.1.
const CATEGORIES_21: &[&str] = &["csaf_informational_advisory", "csaf_withdrawn", "csaf_superseded"];

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
    if cx.raw.map_or(!cx.advisory.vulnerabilities.is_empty(), |r| {
        r.get("vulnerabilities").is_some()
    }) {
        out.push(
            Finding::new(
                META.id,
                "/vulnerabilities",
                format!("a `{category}` document must not have `/vulnerabilities`"),
            )
            .help(if category == "csaf_informational_advisory" {
                "remove the vulnerabilities or change the category to `csaf_base`"
            } else {
                "a withdrawn or superseded document keeps no vulnerabilities: remove them"
            }),
        );
    }
}
