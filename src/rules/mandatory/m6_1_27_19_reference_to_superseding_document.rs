use crate::diag::Finding;
use crate::rules::Context;

declare_rule! {
    /// ## What it checks
    /// If the document language (`/document/lang`) is English or not given, at least one item in
    /// `/document/references` has a `summary` that starts with `Superseding Document`, and every
    /// such item states the `category` `external` explicitly.
    ///
    /// Applies to documents of the category `csaf_superseded`; skipped for all others. Documents in
    /// another language are left to the recommended test 6.2.39.4 (the translated summary).
    ///
    /// ## Why
    /// A superseded document must lead its readers to the document that replaces it, which is
    /// another document: an `external` reference.
    ///
    /// ## Invalid
    /// ```json
    /// "references": [{"category": "self", "summary": "Superseding Document", "url": "https://example.com/esa-2024-1234.json"}]
    /// ```
    /// ## Valid
    /// ```json
    /// "references": [{"category": "external", "summary": "Superseding Document", "url": "https://example.com/esa-2024-1234.json"}]
    /// ```
    ReferenceToSupersedingDocument, id = "6.1.27.19", name = "reference-to-superseding-document", group = Mandatory,
    summary = "a superseded document has no `external` reference whose summary starts with `Superseding Document`",
    since = "2.1",
}

const CATEGORIES: &[&str] = &["csaf_superseded"];
const PREFIX: &str = "Superseding Document";

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    let doc = &cx.advisory.document;
    let Some(category) = doc.category.as_deref() else {
        return;
    };
    if !CATEGORIES.contains(&category) || !crate::langtag::is_english_or_unspecified(doc.lang.as_deref()) {
        return;
    }
    check_superseding_reference(doc, out, META.id, category, PREFIX);
}

/// Reports unless at least one item of `/document/references` has a `summary` starting with
/// `prefix`, and every such item states the category `external` (shared with the language
/// specific variant 6.2.39.4, which passes the translated prefix).
pub(crate) fn check_superseding_reference(
    doc: &crate::model::Document,
    out: &mut Vec<Finding>,
    rule: &'static str,
    category: &str,
    prefix: &str,
) {
    let mut any = false;
    for (i, r) in doc.references.iter().enumerate() {
        if !r.summary.as_deref().is_some_and(|s| s.starts_with(prefix)) {
            continue;
        }
        any = true;
        match &r.category {
            Some(crate::model::ReferenceCategory::External) => {}
            Some(c) => out.push(
                Finding::new(
                    rule,
                    format!("/document/references/{i}/category"),
                    format!(
                        "the reference to the superseding document has the category `{c}`, not `external`"
                    ),
                )
                .help("use the category `external`"),
            ),
            None => out.push(
                Finding::new(
                    rule,
                    format!("/document/references/{i}"),
                    "the reference to the superseding document does not state its category",
                )
                .help("add `\"category\": \"external\"` (the default does not count here)"),
            ),
        }
    }
    if !any {
        out.push(
            Finding::new(
                rule,
                "/document/references",
                format!("a `{category}` document needs a reference whose summary starts with `{prefix}`"),
            )
            .help(format!(
                "add an `external` reference to the superseding document with a summary starting with `{prefix}`"
            )),
        );
    }
}
