use crate::diag::Finding;
use crate::rules::Context;

declare_rule! {
    /// ## What it checks
    /// No revision history item has a `number` with a pre-release part (`1.0.0-rc`).
    ///
    /// ## Why
    /// Pre-releases are not revisions of a published document.
    ///
    /// ## Invalid
    /// ```json
    /// "revision_history": [{"date": "2021-04-22T10:00:00.000Z", "number": "1.0.0-rc", "summary": "Release candidate."},
    ///                      {"date": "2021-04-23T10:00:00.000Z", "number": "1.0.0", "summary": "Initial version."}]
    /// ```
    /// ## Valid
    /// The same without the `1.0.0-rc` item.
    RevisionHistoryEntriesForPreReleaseVersions, id = "6.1.19", name = "revision-history-entries-for-pre-release-versions", group = Mandatory,
    summary = "a revision history number has a pre-release part",
}

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    let ix = cx.index();
    for (i, number) in ix.revision_numbers.iter().enumerate() {
        if number.as_ref().is_some_and(|n| n.has_prerelease()) {
            out.push(Finding::new(
                META.id,
                format!("/document/tracking/revision_history/{i}/number"),
                format!(
                    "revision number `{}` has a pre-release part",
                    cx.advisory.document.tracking.revision_history[i]
                        .number
                        .as_deref()
                        .unwrap_or_default()
                ),
            ));
        }
    }
}
