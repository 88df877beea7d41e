use crate::diag::Finding;
use crate::rules::Context;

declare_rule! {
    /// ## What it checks
    /// `/document/lang` and `/document/source_lang` are not `i-default`.
    ///
    /// ## Why
    /// `i-default` says the language is unknown; a document should state its real language.
    ///
    /// ## Invalid
    /// ```json
    /// "lang": "i-default"
    /// ```
    /// ## Valid
    /// ```json
    /// "lang": "en"
    /// ```
    UseOfDefaultLanguage, id = "6.2.15", name = "use-of-default-language", group = Optional,
    summary = "a language tag is `i-default`",
}

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    let doc = &cx.advisory.document;
    for (key, value) in [("lang", &doc.lang), ("source_lang", &doc.source_lang)] {
        if value
            .as_deref()
            .is_some_and(|t| t.eq_ignore_ascii_case("i-default"))
        {
            out.push(Finding::new(
                META.id,
                format!("/document/{key}"),
                "the language tag is `i-default`",
            ));
        }
    }
}
