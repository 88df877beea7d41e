use crate::diag::Finding;
use crate::rules::Context;

declare_rule! {
    /// ## What it checks
    /// The revision history (`/document/tracking/revision_history`) has at least two items.
    ///
    /// Applies to documents of the categories `csaf_withdrawn` and `csaf_superseded`; skipped for all others.
    ///
    /// ## Why
    /// A document is withdrawn or superseded after it was published: the withdrawal or supersession
    /// is a revision of its own, after at least the initial one.
    ///
    /// ## Invalid
    /// ```json
    /// "revision_history": [{"date": "2024-01-24T10:00:00.000Z", "number": "1", "summary": "Initial version."}]
    /// ```
    /// ## Valid
    /// ```json
    /// "revision_history": [
    ///   {"date": "2024-01-24T10:00:00.000Z", "number": "1", "summary": "Initial version."},
    ///   {"date": "2024-02-24T10:00:00.000Z", "number": "2", "summary": "Withdrawn."}
    /// ]
    /// ```
    RevisionHistoryForWithdrawnAndSuperseded, id = "6.1.27.16", name = "revision-history-for-withdrawn-and-superseded",
    group = Mandatory,
    summary = "the revision history of a withdrawn or superseded document has fewer than two items",
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
    let n = cx.advisory.document.tracking.revision_history.len();
    if n < 2 {
        out.push(
            Finding::new(
                META.id,
                "/document/tracking/revision_history",
                format!(
                    "the revision history of a `{category}` document has {n} item(s), it needs at least 2"
                ),
            )
            .help("add the revision that withdrew or superseded the document"),
        );
    }
}
