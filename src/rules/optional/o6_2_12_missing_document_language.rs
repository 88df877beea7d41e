use crate::diag::Finding;
use crate::rules::Context;

declare_rule! {
    /// ## What it checks
    /// `/document/lang` is present and not empty.
    ///
    /// ## Why
    /// Readers and tools (spell checking, translation) need to know the document's language.
    ///
    /// ## Invalid
    /// ```json
    /// "document": {"category": "csaf_base", "csaf_version": "2.0", …}  (no `lang`)
    /// ```
    /// ## Valid
    /// ```json
    /// "document": {"category": "csaf_base", "csaf_version": "2.0", "lang": "en", …}
    /// ```
    MissingDocumentLanguage, id = "6.2.12", name = "missing-document-language", group = Optional,
    summary = "the document language is not set",
}

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    let message = match cx.advisory.document.lang.as_deref() {
        None => "the document language `/document/lang` is missing",
        Some("") => "the document language `/document/lang` is empty",
        Some(_) => return,
    };
    out.push(
        Finding::new(META.id, "/document/lang", message)
            .help("set `/document/lang` to the language tag of the document, e.g. `en`"),
    );
}
