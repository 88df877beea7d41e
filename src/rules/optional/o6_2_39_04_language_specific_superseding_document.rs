use super::translations::{self, Term};
use crate::diag::Finding;
use crate::rules::mandatory::m6_1_27_19_reference_to_superseding_document::check_superseding_reference;
use crate::rules::Context;

declare_rule! {
    /// ## What it checks
    /// If the document language (`/document/lang`) is given and not English, at least one item in
    /// `/document/references` has a `summary` that starts with the language specific translation
    /// of `Superseding Document`, and every such item states the `category` `external` explicitly.
    ///
    /// The translations are those the OASIS CSAF TC records (built into csaflint; `de`:
    /// `Ersetzendes Dokument`), looked up by the whole language tag, then by its primary subtag
    /// (`de-DE` uses `de`). For a language without a recorded translation the test is skipped, and
    /// says so once at `/document/lang`. English documents, and documents without a language, are
    /// the business of the mandatory test 6.1.27.19.
    ///
    /// Applies to documents of the category `csaf_superseded`; skipped for all others.
    ///
    /// ## Why
    /// A superseded document must lead its readers to the document that replaces it, which is
    /// another document: an `external` reference.
    ///
    /// ## Invalid
    /// ```json
    /// "lang": "de-DE",
    /// "references": [{"category": "self", "summary": "Ersetzendes Dokument", "url": "https://example.com/esa-2024-1234.json"}]
    /// ```
    /// ## Valid
    /// ```json
    /// "lang": "de-DE",
    /// "references": [{"category": "external", "summary": "Ersetzendes Dokument", "url": "https://example.com/esa-2024-1234.json"}]
    /// ```
    LanguageSpecificSupersedingDocument, id = "6.2.39.4", name = "language-specific-superseding-document", group = Optional,
    summary = "a superseded document in a language other than English has no `external` reference whose summary starts with the translated `Superseding Document`",
    since = "2.1",
}

const CATEGORIES: &[&str] = &["csaf_superseded"];
const TERM: Term = Term::SupersedingDocument;

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    let doc = &cx.advisory.document;
    if let Some((category, title)) = translations::non_english_term(doc, CATEGORIES, TERM, META.id, out) {
        check_superseding_reference(doc, out, META.id, category, title);
    }
}
