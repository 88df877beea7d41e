use crate::diag::Finding;
use crate::rules::Context;

declare_rule! {
    /// ## What it checks
    /// If the document language (`/document/lang`) is English or not given, exactly one item in
    /// `/document/notes` has the title `Reasoning for Supersession`, and its category is `description`.
    ///
    /// Applies to documents of the category `csaf_superseded`; skipped for all others. Documents in
    /// another language are left to the recommended test 6.2.39.3 (the translated title).
    ///
    /// ## Why
    /// Readers and tools look for the reason of the supersession under this one title.
    ///
    /// ## Invalid
    /// ```json
    /// "notes": [{"category": "summary", "text": "The advisory was merged into ESA-2024-1234.", "title": "Reasoning for Supersession"}]
    /// ```
    /// ## Valid
    /// ```json
    /// "notes": [{"category": "description", "text": "The advisory was merged into ESA-2024-1234.", "title": "Reasoning for Supersession"}]
    /// ```
    ReasoningForSupersession, id = "6.1.27.18", name = "reasoning-for-supersession", group = Mandatory,
    summary = "a superseded document has not exactly one `description` note titled `Reasoning for Supersession`",
    since = "2.1",
}

const CATEGORIES: &[&str] = &["csaf_superseded"];
const TITLE: &str = "Reasoning for Supersession";

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    let doc = &cx.advisory.document;
    let Some(category) = doc.category.as_deref() else {
        return;
    };
    if !CATEGORIES.contains(&category) || !crate::langtag::is_english_or_unspecified(doc.lang.as_deref()) {
        return;
    }
    super::m6_1_27_17_reasoning_for_withdrawal::check_reasoning_note(
        doc,
        out,
        META.id,
        category,
        TITLE,
        "supersession",
    );
}
