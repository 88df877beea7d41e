use crate::diag::Finding;
use crate::rules::Context;
use std::collections::BTreeSet;

declare_rule! {
    /// ## What it checks
    /// Sorted ascending by `date`, the revision history starts with version `0` or `1` (the major
    /// version for semantic versioning) and omits no version number in between (for semantic
    /// versioning, no major version).
    ///
    /// CSAF 2.1 sorts by `date` (time-zone aware) and then by `number`, walks the sorted list, and
    /// reports every number that is skipped at its place in that list, saying whether the number is
    /// not present at all or only missing at that place (it comes later in the list).
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
    if cx.version().is_csaf21() {
        return check_sorted(cx, out);
    }
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

/// At most this many findings for one gap; the rest are counted in the last one.
const MAX_PER_GAP: u64 = 20;

/// CSAF 2.1: walks the history sorted by date and number and reports each skipped major version.
fn check_sorted(cx: &Context<'_>, out: &mut Vec<Finding>) {
    const PTR: &str = "/document/tracking/revision_history";
    let ix = cx.index();
    let history = &cx.advisory.document.tracking.revision_history;
    let majors: BTreeSet<u64> = ix.revision_numbers.iter().flatten().map(|n| n.major()).collect();
    let date = |i: usize| history[i].date.as_ref().map_or("", |d| d.raw.as_str());
    // (highest major so far, the item that has it)
    let mut prev: Option<(u64, usize)> = None;
    for &i in &ix.revisions_by_date {
        let Some(number) = &ix.revision_numbers[i] else {
            continue;
        };
        let n = number.major();
        let (from, place) = match prev {
            None => {
                if n > 1 {
                    out.push(Finding::new(
                        META.id,
                        PTR,
                        format!(
                            "sorted by date, the revision history starts with version `{n}` instead of `0` or `1`"
                        ),
                    ));
                }
                (n.min(1), format!("before `{}`", date(i)))
            }
            Some((p, at)) => (p + 1, format!("between `{}` and `{}`", date(at), date(i))),
        };
        let mut missing = from..n;
        for m in missing.by_ref().take(MAX_PER_GAP as usize) {
            let how = if majors.contains(&m) {
                "is not at its place in the list sorted by date"
            } else {
                "is missing"
            };
            out.push(
                Finding::new(
                    META.id,
                    PTR,
                    format!("the revision history item with version `{m}` {how}: expected {place}"),
                )
                .help("add the missing revision history item, or correct the dates and numbers"),
            );
        }
        let rest = missing.count();
        if rest > 0 {
            out.push(Finding::new(
                META.id,
                PTR,
                format!("{rest} more versions are missing {place}"),
            ));
        }
        if prev.is_none_or(|(p, _)| n > p) {
            prev = Some((n, i));
        }
    }
}
