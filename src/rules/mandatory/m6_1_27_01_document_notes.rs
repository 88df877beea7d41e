use crate::diag::Finding;
use crate::rules::Context;

declare_rule! {
    /// ## What it checks
    /// At least one item in `/document/notes` has the category `description`, `details`, `general` or `summary`.
    ///
    /// Applies to documents of the categories `csaf_informational_advisory`, `csaf_security_incident_response`; skipped for all others.
    ///
    /// ## Why
    /// Informational advisories and incident responses exist to describe something; without such a note they say nothing.
    ///
    /// ## Invalid
    /// ```json
    /// "notes": [{"category": "legal_disclaimer", "text": "Provided AS IS.", "title": "Terms of Use"}]
    /// ```
    /// ## Valid
    /// ```json
    /// "notes": [{"category": "summary", "text": "A summary of the incident.", "title": "Summary"}]
    /// ```
    DocumentNotes, id = "6.1.27.1", name = "document-notes", group = Mandatory,
    summary = "a document of this profile has no note of category `description`, `details`, `general` or `summary`",
}

const CATEGORIES: &[&str] = &["csaf_informational_advisory", "csaf_security_incident_response"];

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    let Some(category) = cx.advisory.document.category.as_deref() else {
        return;
    };
    if !CATEGORIES.contains(&category) {
        return;
    }
    use crate::model::NoteCategory::*;
    let ok = cx.advisory.document.notes.iter().any(|n| {
        matches!(
            n.category,
            Some(Description) | Some(Details) | Some(General) | Some(Summary)
        )
    });
    if !ok {
        out.push(Finding::new(
            META.id,
            "/document/notes",
            format!(
                "a `{category}` document needs a note of category `description`, `details`, `general` or `summary`"
            ),
        ));
    }
}
