use crate::diag::Finding;
use crate::rules::Context;

declare_rule! {
    /// ## What it checks
    /// No revision history `number` includes build metadata (`1.0.0+exp.sha.ac00785`).
    ///
    /// ## Why
    /// Build metadata does not change the version's precedence, so it cannot tell revisions apart.
    ///
    /// ## Invalid
    /// ```json
    /// "revision_history": [{"date": "2021-04-23T10:00:00.000Z", "number": "1.0.0+exp.sha.ac00785", "summary": "Initial version."}]
    /// ```
    /// ## Valid
    /// ```json
    /// "revision_history": [{"date": "2021-04-23T10:00:00.000Z", "number": "1.0.0", "summary": "Initial version."}]
    /// ```
    BuildMetadataInRevisionHistory, id = "6.2.4", name = "build-metadata-in-revision-history", group = Optional,
    summary = "a revision history number has build metadata",
}

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    let history = &cx.advisory.document.tracking.revision_history;
    for (i, n) in cx.index().revision_numbers.iter().enumerate() {
        if n.as_ref().is_some_and(|n| n.has_build()) {
            let number = history[i].number.as_deref().unwrap_or_default();
            let build = number.split_once('+').map_or("", |(_, b)| b);
            out.push(Finding::new(
                META.id,
                format!("/document/tracking/revision_history/{i}/number"),
                format!("revision number `{number}` includes the build metadata `+{build}`"),
            ));
        }
    }
}
