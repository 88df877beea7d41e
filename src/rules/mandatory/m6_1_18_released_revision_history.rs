use crate::diag::Finding;
use crate::model::DocumentStatus;
use crate::rules::Context;

declare_rule! {
    /// ## What it checks
    /// When the document status is `final` or `interim`, no revision history item has the number `0`
    /// or `0.y.z`.
    ///
    /// ## Why
    /// Released documents must not carry draft revisions in their history.
    ///
    /// ## Invalid
    /// ```json
    /// "revision_history": [{"date": "2021-05-17T10:00:00.000Z", "number": "0", "summary": "First draft"},
    ///                      {"date": "2021-07-21T10:00:00.000Z", "number": "1", "summary": "Initial version."}],
    /// "status": "final", "version": "1"
    /// ```
    /// ## Valid
    /// The same without the item numbered `0`.
    ReleasedRevisionHistory, id = "6.1.18", name = "released-revision-history", group = Mandatory,
    summary = "a released document has a revision numbered `0` or `0.y.z`",
}

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    let tracking = &cx.advisory.document.tracking;
    if !matches!(
        tracking.status,
        Some(DocumentStatus::Final) | Some(DocumentStatus::Interim)
    ) {
        return;
    }
    let ix = cx.index();
    for (i, number) in ix.revision_numbers.iter().enumerate() {
        if number.as_ref().is_some_and(|n| n.is_zero()) {
            out.push(Finding::new(
                META.id,
                format!("/document/tracking/revision_history/{i}/number"),
                format!(
                    "the document status is `{}` but this revision has the draft number `{}`",
                    tracking.status.as_ref().map_or("", |s| s.as_str()),
                    tracking.revision_history[i].number.as_deref().unwrap_or_default()
                ),
            ));
        }
    }
}
