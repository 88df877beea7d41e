use crate::diag::Finding;
use crate::rules::Context;
use std::collections::BTreeSet;

declare_rule! {
    /// ## What it checks
    /// Sorted ascending by `date`, the revision history starts with version `0` or `1` (the major
    /// version for semantic versioning) and omits no version number in between (for semantic
    /// versioning, no major version).
    ///
    /// ## Why
    /// A gap in the history means a published revision is not described.
    ///
    /// ## Invalid
    /// ```json
    /// "revision_history": [{"date": "2021-04-22T10:00:00.000Z", "number": "1", "summary": "Initial version."},
    ///                      {"date": "2021-07-21T10:00:00.000Z", "number": "3", "summary": "Some other changes."}]
    /// ```
    /// ## Valid
    /// The same with an item numbered `2` in between.
    MissingItemInRevisionHistory, id = "6.1.21", name = "missing-item-in-revision-history", group = Mandatory,
    summary = "the revision history skips a version or does not start at `0` or `1`",
}

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    let ix = cx.index();
    let Some(first) = ix
        .revisions_by_date
        .first()
        .and_then(|&i| ix.revision_numbers[i].as_ref())
    else {
        return;
    };
    const PTR: &str = "/document/tracking/revision_history";
    let start = first.major();
    if start > 1 {
        out.push(Finding::new(
            META.id,
            PTR,
            format!(
                "sorted by date, the revision history starts with version `{start}` instead of `0` or `1`"
            ),
        ));
    }
    let majors: BTreeSet<u64> = ix.revision_numbers.iter().flatten().map(|n| n.major()).collect();
    let Some(&max) = majors.last() else { return };
    let lower = if start == 0 { 0 } else { 1 };
    // Bound the report: a history jumping to a huge number yields one finding, not millions.
    let mut missing = (lower..=max).filter(|n| !majors.contains(n));
    if let Some(n) = missing.next() {
        let more = missing.take(1000).count();
        let extra = if more == 0 {
            String::new()
        } else {
            format!(" (and {more}{} more)", if more == 1000 { "+" } else { "" })
        };
        out.push(
            Finding::new(
                META.id,
                PTR,
                format!("the revision history has no item with version `{n}`{extra}"),
            )
            .help("add the missing revision history items"),
        );
    }
}
