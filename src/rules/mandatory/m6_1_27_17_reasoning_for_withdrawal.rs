use crate::diag::Finding;
use crate::rules::Context;

declare_rule! {
    /// ## What it checks
    /// If the document language (`/document/lang`) is English or not given, exactly one item in
    /// `/document/notes` has the title `Reasoning for Withdrawal`, and its category is `description`.
    ///
    /// Applies to documents of the category `csaf_withdrawn`; skipped for all others. Documents in
    /// another language are left to the recommended test 6.2.39.2 (the translated title).
    ///
    /// ## Why
    /// Readers and tools look for the reason of the withdrawal under this one title.
    ///
    /// ## Invalid
    /// ```json
    /// "notes": [{"category": "summary", "text": "The advisory was published in error.", "title": "Reasoning for Withdrawal"}]
    /// ```
    /// ## Valid
    /// ```json
    /// "notes": [{"category": "description", "text": "The advisory was published in error.", "title": "Reasoning for Withdrawal"}]
    /// ```
    ReasoningForWithdrawal, id = "6.1.27.17", name = "reasoning-for-withdrawal", group = Mandatory,
    summary = "a withdrawn document has not exactly one `description` note titled `Reasoning for Withdrawal`",
    since = "2.1",
}

const CATEGORIES: &[&str] = &["csaf_withdrawn"];
const TITLE: &str = "Reasoning for Withdrawal";

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    let doc = &cx.advisory.document;
    let Some(category) = doc.category.as_deref() else {
        return;
    };
    if !CATEGORIES.contains(&category) || !crate::langtag::is_english_or_unspecified(doc.lang.as_deref()) {
        return;
    }
    check_reasoning_note(doc, out, META.id, category, TITLE, "withdrawal");
}

/// Reports unless exactly one item of `/document/notes` has the title `title`, with the category
/// `description` (shared with 6.1.27.18's language specific variants 6.2.39.2 and 6.2.39.3, which
/// pass the translated title). `what` names the reason (`withdrawal`, `supersession`) in the help.
pub(crate) fn check_reasoning_note(
    doc: &crate::model::Document,
    out: &mut Vec<Finding>,
    rule: &'static str,
    category: &str,
    title: &str,
    what: &str,
) {
    let titled: Vec<usize> = doc
        .notes
        .iter()
        .enumerate()
        .filter(|(_, n)| n.title.as_deref() == Some(title))
        .map(|(i, _)| i)
        .collect();
    if titled.is_empty() {
        out.push(
            Finding::new(
                rule,
                "/document/notes",
                format!("a `{category}` document needs a note titled `{title}`"),
            )
            .help(format!(
                "add a note of category `description` with the title `{title}` that explains the {what}"
            )),
        );
        return;
    }
    for &i in &titled {
        let note = &doc.notes[i];
        if note.category != Some(crate::model::NoteCategory::Description) {
            let found = note.category.as_ref().map_or("none", |c| c.as_str());
            out.push(Finding::new(
                rule,
                format!("/document/notes/{i}/category"),
                format!("the note titled `{title}` has the category `{found}`, not `description`"),
            ));
        }
    }
    for &i in titled.iter().skip(1) {
        out.push(
            Finding::new(
                rule,
                format!("/document/notes/{i}/title"),
                format!(
                    "more than one note is titled `{title}` (first: `/document/notes/{}`)",
                    titled[0]
                ),
            )
            .help("keep exactly one such note"),
        );
    }
}
