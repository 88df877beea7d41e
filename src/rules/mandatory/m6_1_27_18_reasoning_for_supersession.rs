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

/// English (primary language subtag `en`) or no language given.
fn english_or_unspecified(lang: Option<&str>) -> bool {
    lang.is_none_or(|l| l.split('-').next().is_some_and(|p| p.eq_ignore_ascii_case("en")))
}

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    let doc = &cx.advisory.document;
    let Some(category) = doc.category.as_deref() else {
        return;
    };
    if !CATEGORIES.contains(&category) || !english_or_unspecified(doc.lang.as_deref()) {
        return;
    }
    let titled: Vec<usize> = doc
        .notes
        .iter()
        .enumerate()
        .filter(|(_, n)| n.title.as_deref() == Some(TITLE))
        .map(|(i, _)| i)
        .collect();
    if titled.is_empty() {
        out.push(
            Finding::new(
                META.id,
                "/document/notes",
                format!("a `{category}` document needs a note titled `{TITLE}`"),
            )
            .help(format!(
                "add a note of category `description` with the title `{TITLE}` that explains the supersession"
            )),
        );
        return;
    }
    for &i in &titled {
        let note = &doc.notes[i];
        if note.category != Some(crate::model::NoteCategory::Description) {
            let found = note.category.as_ref().map_or("none", |c| c.as_str());
            out.push(Finding::new(
                META.id,
                format!("/document/notes/{i}/category"),
                format!("the note titled `{TITLE}` has the category `{found}`, not `description`"),
            ));
        }
    }
    for &i in titled.iter().skip(1) {
        out.push(
            Finding::new(
                META.id,
                format!("/document/notes/{i}/title"),
                format!(
                    "more than one note is titled `{TITLE}` (first: `/document/notes/{}`)",
                    titled[0]
                ),
            )
            .help("keep exactly one such note"),
        );
    }
}
