use crate::diag::Finding;
use crate::rules::Context;

declare_rule! {
    /// ## What it checks
    /// At least one item in `/document/references` has the category `external`.
    ///
    /// Applies to documents of the categories `csaf_informational_advisory`, `csaf_security_incident_response`; skipped for all others.
    ///
    /// ## Why
    /// These profiles point readers to further information; a document that only references itself does not.
    ///
    /// ## Invalid
    /// ```json
    /// "references": [{"category": "self", "summary": "The canonical URL.", "url": "https://example.com/advisory.json"}]
    /// ```
    /// ## Valid
    /// ```json
    /// "references": [{"category": "external", "summary": "Background.", "url": "https://example.com/background"}]
    /// ```
    DocumentReferences, id = "6.1.27.2", name = "document-references", group = Mandatory,
    summary = "a document of this profile has no `external` reference",
}

const CATEGORIES: &[&str] = &["csaf_informational_advisory", "csaf_security_incident_response"];

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    let Some(category) = cx.advisory.document.category.as_deref() else {
        return;
    };
    if !CATEGORIES.contains(&category) {
        return;
    }
    use crate::model::ReferenceCategory;
    let ok = cx
        .advisory
        .document
        .references
        .iter()
        .any(|r| r.category == Some(ReferenceCategory::External));
    if !ok {
        out.push(Finding::new(
            META.id,
            "/document/references",
            format!("a `{category}` document needs a reference of category `external`"),
        ));
    }
}
