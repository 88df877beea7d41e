use crate::diag::Finding;
use crate::rules::Context;

declare_rule! {
    /// ## What it checks
    /// The element `/vulnerabilities` does not exist.
    ///
    /// Applies to documents of the categories `csaf_informational_advisory`; skipped for all others.
    ///
    /// ## Why
    /// An informational advisory does not describe vulnerabilities; one that does is a security advisory (or `csaf_base`).
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
    summary = "an informational advisory has `/vulnerabilities`",
}

const CATEGORIES: &[&str] = &["csaf_informational_advisory"];

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    let Some(category) = cx.advisory.document.category.as_deref() else {
        return;
    };
    if !CATEGORIES.contains(&category) {
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
            .help("remove the vulnerabilities or change the category to `csaf_base`"),
        );
    }
}
