use crate::diag::Finding;
use crate::rules::Context;

declare_rule! {
    /// ## What it checks
    /// The document language (`lang`) and the source language (`source_lang`) are not the same
    /// (compared without regard to case, as language tags are).
    ///
    /// ## Why
    /// A translation into its own source language is not a translation.
    ///
    /// ## Invalid
    /// ```json
    /// "lang": "en-US", "source_lang": "en-US"
    /// ```
    /// ## Valid
    /// ```json
    /// "lang": "en-GB", "source_lang": "en-US"
    /// ```
    Translation, id = "6.1.28", name = "translation", group = Mandatory,
    summary = "the document language equals the source language",
}

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    let doc = &cx.advisory.document;
    if let (Some(lang), Some(source)) = (&doc.lang, &doc.source_lang) {
        if lang.eq_ignore_ascii_case(source) {
            out.push(
                Finding::new(
                    META.id,
                    "/document/source_lang",
                    if lang == source {
                        format!("the document language and the source language are both `{lang}`")
                    } else {
                        format!("the document language `{lang}` and the source language `{source}` are the same language")
                    },
                )
                .help("remove `source_lang` unless the document is a translation"),
            );
        }
    }
}
