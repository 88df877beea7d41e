use crate::diag::Finding;
use crate::rules::Context;

declare_rule! {
    /// ## What it checks
    /// `/document/title` does not contain `/document/tracking/id` (compared exactly, as a substring).
    ///
    /// ## Why
    /// The tracking ID is shown next to the title anyway; repeating it in the title clutters lists of
    /// advisories and makes the title differ between documents that describe the same issue.
    ///
    /// ## Invalid
    /// ```json
    /// "title": "EXAMPLE-2024-0001: Buffer overflow in Example Product",
    /// "tracking": {"id": "EXAMPLE-2024-0001", …}
    /// ```
    /// ## Valid
    /// ```json
    /// "title": "Buffer overflow in Example Product",
    /// "tracking": {"id": "EXAMPLE-2024-0001", …}
    /// ```
    DocumentTrackingIdInTitle, id = "6.2.22", name = "document-tracking-id-in-title", group = Optional,
    summary = "the document title contains the tracking ID",
    since = "2.1",
}

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    let document = &cx.advisory.document;
    let (Some(title), Some(id)) = (document.title.as_deref(), document.tracking.id.as_deref()) else {
        return;
    };
    if !id.is_empty() && title.contains(id) {
        out.push(
            Finding::new(
                META.id,
                "/document/title",
                format!("the document title contains the tracking ID `{id}`"),
            )
            .help("remove the tracking ID and the separators around it (whitespace, colon, dash, brackets) from the title"),
        );
    }
}
