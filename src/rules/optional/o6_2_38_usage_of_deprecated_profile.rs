use crate::diag::Finding;
use crate::rules::Context;

declare_rule! {
    /// ## What it checks
    /// `/document/category` does not start with `csaf_deprecated_` (case-sensitive: the spec asks
    /// for a "starts with" check; other spellings of the prefix are 6.1.26's business).
    ///
    /// ## Why
    /// CSAF marks a profile it is phasing out by this prefix. A document that still uses such a
    /// profile is valid, but the profile will disappear in a later version of the standard.
    ///
    /// ## Invalid
    /// ```json
    /// "category": "csaf_deprecated_security_advisory"
    /// ```
    /// ## Valid
    /// ```json
    /// "category": "csaf_security_advisory"
    /// ```
    UsageOfDeprecatedProfile, id = "6.2.38", name = "usage-of-deprecated-profile", group = Optional,
    summary = "the document category is a deprecated profile (`csaf_deprecated_…`)",
    since = "2.1",
}

const PREFIX: &str = "csaf_deprecated_";

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    let Some(category) = cx.advisory.document.category.as_deref() else {
        return;
    };
    if category.starts_with(PREFIX) {
        out.push(
            Finding::new(
                META.id,
                "/document/category",
                format!("deprecated profile `{category}` used"),
            )
            .help("use a current profile; the deprecated one may be removed in a later version of CSAF"),
        );
    }
}
