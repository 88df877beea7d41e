use crate::diag::Finding;
use crate::rules::Context;

declare_rule! {
    /// ## What it checks
    /// At least one item in `/document/notes` has the category `description`.
    ///
    /// Applies to documents of the categories `csaf_withdrawn` and `csaf_superseded`; skipped for all others.
    ///
    /// ## Why
    /// A withdrawn or superseded document keeps little more than the explanation why; that
    /// explanation is a `description` note.
    ///
    /// ## Invalid
    /// ```json
    /// "notes": [{"category": "legal_disclaimer", "text": "Provided AS IS.", "title": "Terms of Use"}]
    /// ```
    /// ## Valid
    /// ```json
    /// "notes": [{"category": "description", "text": "The advisory was published in error.", "title": "Reasoning for Withdrawal"}]
    /// ```
    DocumentNotesForWithdrawnAndSuperseded, id = "6.1.27.14", name = "document-notes-for-withdrawn-and-superseded",
    group = Mandatory,
    summary = "a withdrawn or superseded document has no note of category `description`",
    since = "2.1",
}

const CATEGORIES: &[&str] = &["csaf_withdrawn", "csaf_superseded"];

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    let Some(category) = cx.advisory.document.category.as_deref() else {
        return;
    };
    if !CATEGORIES.contains(&category) {
        return;
    }
    let ok = cx
        .advisory
        .document
        .notes
        .iter()
        .any(|n| n.category == Some(crate::model::NoteCategory::Description));
    if !ok {
        out.push(Finding::new(
            META.id,
            "/document/notes",
            format!("a `{category}` document needs a note of category `description`"),
        ));
    }
}
