use crate::diag::Finding;
use crate::rules::Context;

declare_rule! {
    /// ## What it checks
    /// `/document/lang` and `/document/source_lang` are valid language tags: well-formed per RFC 5646
    /// (BCP 47), with every subtag registered in the IANA Language Subtag Registry (shipped with the
    /// tool).
    ///
    /// ## Why
    /// Tools choose fonts, spell checkers and translations by language tag.
    ///
    /// ## Invalid
    /// ```json
    /// "lang": "EZ"
    /// ```
    /// (`EZ` is the region subtag for the Eurozone, not a language)
    /// ## Valid
    /// ```json
    /// "lang": "en-US"
    /// ```
    Language, id = "6.1.12", name = "language", group = Mandatory,
    summary = "a language tag is not valid or not registered",
}

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    let doc = &cx.advisory.document;
    for (key, value) in [("lang", &doc.lang), ("source_lang", &doc.source_lang)] {
        let Some(tag) = value else { continue };
        if let Err(why) = crate::langtag::check(tag) {
            out.push(Finding::new(
                META.id,
                format!("/document/{key}"),
                format!("`{tag}` is not a valid language tag: {why}"),
            ));
        }
    }
}
