use super::translations::{self, Term};
use crate::diag::Finding;
use crate::rules::mandatory::m6_1_27_17_reasoning_for_withdrawal::check_reasoning_note;
use crate::rules::Context;

declare_rule! {
    /// ## What it checks
    /// If the document language (`/document/lang`) is given and not English, exactly one item in
    /// `/document/notes` has the language specific translation of `Reasoning for Supersession` as
    /// its title, and its category is `description`.
    ///
    /// The translations are those the OASIS CSAF TC records (built into csaflint; `de`:
    /// `Begründung für die Ersetzung`), looked up by the whole language tag, then by its primary
    /// subtag (`de-DE` uses `de`). For a language without a recorded translation the test is
    /// skipped, and says so once at `/document/lang`. English documents, and documents without a
    /// language, are the business of the mandatory test 6.1.27.18.
    ///
    /// Applies to documents of the category `csaf_superseded`; skipped for all others.
    ///
    /// ## Why
    /// Readers and tools look for the reason of the supersession under this one title, in the
    /// language of the document.
    ///
    /// ## Invalid
    /// ```json
    /// "lang": "de-DE",
    /// "notes": [{"category": "summary", "text": "Das Dokument wurde in ESA-2024-1234 aufgenommen.", "title": "Begründung für die Ersetzung"}]
    /// ```
    /// ## Valid
    /// ```json
    /// "lang": "de-DE",
    /// "notes": [{"category": "description", "text": "Das Dokument wurde in ESA-2024-1234 aufgenommen.", "title": "Begründung für die Ersetzung"}]
    /// ```
    LanguageSpecificReasoningForSupersession, id = "6.2.39.3", name = "language-specific-reasoning-for-supersession", group = Optional,
    summary = "a superseded document in a language other than English has not exactly one `description` note with the translated title `Reasoning for Supersession`",
    since = "2.1",
}

const CATEGORIES: &[&str] = &["csaf_superseded"];
const TERM: Term = Term::ReasoningForSupersession;

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    let doc = &cx.advisory.document;
    if let Some((category, title)) = translations::non_english_term(doc, CATEGORIES, TERM, META.id, out) {
        check_reasoning_note(doc, out, META.id, category, title, "supersession");
    }
}
