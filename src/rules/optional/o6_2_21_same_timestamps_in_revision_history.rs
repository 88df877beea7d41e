use crate::diag::Finding;
use crate::rules::Context;
use std::collections::HashMap;

declare_rule! {
    /// ## What it checks
    /// The `date`s of the revision history items are pairwise distinct. Dates are compared as
    /// instants, so `2024-01-21T10:00:00.000Z` and `2024-01-21T11:00:00.000+01:00` are the same
    /// timestamp, while `…10:00:00.000Z` and `…10:00:00.0001Z` are not. Each item whose date equals
    /// the date of an earlier item is reported, naming that item.
    ///
    /// ## Why
    /// Revisions are ordered by their date; two revisions released at the same instant leave the order
    /// of the history to the version numbers alone, which usually means a copy-and-paste slip.
    ///
    /// ## Invalid
    /// ```json
    /// "revision_history": [
    ///   {"date": "2024-01-21T10:00:00.000Z", "number": "2.0.0", "summary": "Second version."},
    ///   {"date": "2024-01-21T10:00:00.000Z", "number": "1.0.0", "summary": "Initial version."}
    /// ]
    /// ```
    /// ## Valid
    /// ```json
    /// "revision_history": [
    ///   {"date": "2024-01-22T10:00:00.000Z", "number": "2.0.0", "summary": "Second version."},
    ///   {"date": "2024-01-21T10:00:00.000Z", "number": "1.0.0", "summary": "Initial version."}
    /// ]
    /// ```
    SameTimestampsInRevisionHistory, id = "6.2.21", name = "same-timestamps-in-revision-history", group = Optional,
    summary = "two revision history items have the same timestamp",
    since = "2.1",
}

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    let history = &cx.advisory.document.tracking.revision_history;
    // instant -> first item with it
    let mut first = HashMap::new();
    for (i, item) in history.iter().enumerate() {
        let Some(date) = &item.date else { continue };
        let Some(value) = date.value else { continue };
        match first.get(&value) {
            None => {
                first.insert(value, i);
            }
            Some(&j) => {
                let other = history[j].date.as_ref().map_or("", |d| d.raw.as_str());
                let number = history[j]
                    .number
                    .as_deref()
                    .map_or_else(String::new, |n| format!(" (number `{n}`)"));
                let same = if other == date.raw {
                    String::new()
                } else {
                    format!(" `{other}`")
                };
                out.push(
                    Finding::new(
                        META.id,
                        format!("/document/tracking/revision_history/{i}/date"),
                        format!(
                            "the date `{}` is the same timestamp as the date{same} of revision history item {j}{number}",
                            date.raw
                        ),
                    )
                    .help("give each revision the instant it was released"),
                );
            }
        }
    }
}
