use crate::diag::Finding;
use crate::rules::Context;

declare_rule! {
    /// ## What it checks
    /// Sorted ascending by `date` (then by `number`), the revision history's `number`s ascend as well.
    ///
    /// ## Why
    /// A later revision with a lower number makes the history contradict itself.
    ///
    /// ## Invalid
    /// ```json
    /// "revision_history": [{"date": "2021-07-22T10:00:00.000Z", "number": "2", "summary": "Second version."},
    ///                      {"date": "2021-07-23T10:00:00.000Z", "number": "1", "summary": "Initial version."}]
    /// ```
    /// ## Valid
    /// The same with the dates swapped.
    SortedRevisionHistory, id = "6.1.14", name = "sorted-revision-history", group = Mandatory,
    summary = "sorted by date, the revision history numbers are not ascending",
}

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    let ix = cx.index();
    let history = &cx.advisory.document.tracking.revision_history;
    for pair in ix.revisions_by_date.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        if let (Some(x), Some(y)) = (&ix.revision_numbers[a], &ix.revision_numbers[b]) {
            if x.precedence(y).is_gt() {
                out.push(
                    Finding::new(
                        META.id,
                        "/document/tracking/revision_history",
                        format!(
                            "items must be in ascending order when sorted by `date`: `{}` (dated `{}`) comes before `{}` (dated `{}`)",
                            history[a].number.as_deref().unwrap_or_default(),
                            history[a].date.as_ref().map_or("", |d| &d.raw),
                            history[b].number.as_deref().unwrap_or_default(),
                            history[b].date.as_ref().map_or("", |d| &d.raw),
                        ),
                    )
                    .help("correct the dates or the numbers so that later revisions have higher numbers"),
                );
                return;
            }
        }
    }
}
