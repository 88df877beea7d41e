use crate::diag::Finding;
use crate::rules::Context;

declare_rule! {
    /// ## What it checks
    /// The element `/x_extensions` does not exist. Reported at the list.
    ///
    /// ## Why
    /// CSAF Extensions carry information that readers and tools may not know. This informative test
    /// shows where a document uses them, so that a publisher can keep an eye on it.
    ///
    /// ## Invalid
    /// ```json
    /// {"$schema": "https://docs.oasis-open.org/csaf/csaf/v2.1/schema/csaf.json", "document": {…}, "x_extensions": [{…}]}
    /// ```
    /// ## Valid
    /// A document without `/x_extensions`.
    UsageOfExtensionAtRootLevel, id = "6.3.21.9", name = "usage-of-extension-at-root-level", group = Informative,
    summary = "the document uses a CSAF Extension at root level (`/x_extensions`)",
    since = "2.1",
}

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    super::i6_3_21_03_usage_of_extension_at_document_level::report(
        cx,
        out,
        META.id,
        "$.x_extensions",
        "at root level",
    );
}
