use crate::diag::Finding;
use crate::model::PublisherCategory;
use crate::rules::Context;

declare_rule! {
    /// ## What it checks
    /// When the publisher's category is `translator`, `/document/source_lang` is present and not empty.
    ///
    /// ## Why
    /// A translation must say which language it was translated from.
    ///
    /// ## Invalid
    /// ```json
    /// "publisher": {"category": "translator", "name": "CSAF TC Translator", "namespace": "https://csaf.io/translator"}
    /// ```
    /// ## Valid
    /// The same document with `"source_lang": "en-US"`.
    Translator, id = "6.1.15", name = "translator", group = Mandatory,
    summary = "a translator's document lacks `source_lang`",
}

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    let doc = &cx.advisory.document;
    if doc.publisher.category == Some(PublisherCategory::Translator)
        && doc.source_lang.as_deref().is_none_or(str::is_empty)
    {
        out.push(
            Finding::new(
                META.id,
                "/document/source_lang",
                "the publisher is a `translator` but `/document/source_lang` is missing",
            )
            .help("add `source_lang` with the language tag of the original document"),
        );
    }
}
