use crate::diag::Finding;
use crate::rules::Context;

declare_rule! {
    /// ## What it checks
    /// One item of `/document/references` has the category `self`, a `url` starting with `https://`, and
    /// ends with the document's file name as section 5.1 derives it from `/document/tracking/id` (lower
    /// case, every character other than `+`, `-`, `a-z`, `0-9` replaced by `_`, then `.json`).
    ///
    /// ## Why
    /// The canonical URL tells readers where the authoritative copy of the document lives.
    ///
    /// ## Invalid
    /// ```json
    /// "references": [{"category": "self", "summary": "A non-canonical URL.", "url": "https://example.com/csaf/2021/oasis_csaf_tc-csaf_2_0-2021-6-2-11-01_1.json"}], "tracking": {"id": "OASIS_CSAF_TC-CSAF_2.0-2021-6-2-11-01", …}
    /// ```
    /// ## Valid
    /// ```json
    /// "references": [{"category": "self", "summary": "The canonical URL.", "url": "https://example.com/csaf/2021/oasis_csaf_tc-csaf_2_0-2021-6-2-11-01.json"}]
    /// ```
    MissingCanonicalUrl, id = "6.2.11", name = "missing-canonical-url", group = Optional,
    summary = "the document has no canonical URL",
}

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    use crate::model::ReferenceCategory;
    let Some(id) = cx.advisory.document.tracking.id.as_deref() else {
        return;
    };
    let file = crate::rules::csaf_filename(id);
    let ok = cx.advisory.document.references.iter().any(|r| {
        r.category == Some(ReferenceCategory::SelfRef)
            && r.url
                .as_deref()
                .is_some_and(|u| u.starts_with("https://") && u.ends_with(&file))
    });
    if !ok {
        out.push(
            Finding::new(
                META.id,
                "/document/references",
                format!("no reference of category `self` has an `https://` URL ending in `{file}`"),
            )
            .help("add the canonical URL of the document as a `self` reference"),
        );
    }
}
