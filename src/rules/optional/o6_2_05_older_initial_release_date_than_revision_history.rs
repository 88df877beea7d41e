use crate::diag::Finding;
use crate::rules::Context;

declare_rule! {
    /// ## What it checks
    /// The initial release date is not older than the `date` of the oldest revision history item.
    ///
    /// ## Why
    /// The first revision is the initial release; an earlier initial release date contradicts it.
    ///
    /// ## Invalid
    /// ```json
    /// "initial_release_date": "2021-04-22T10:00:00.000Z", "revision_history": [{"date": "2021-05-06T10:00:00.000Z", "number": "1", …}]
    /// ```
    /// ## Valid
    /// ```json
    /// "initial_release_date": "2021-05-06T10:00:00.000Z", "revision_history": [{"date": "2021-05-06T10:00:00.000Z", "number": "1", …}]
    /// ```
    OlderInitialReleaseDateThanRevisionHistory, id = "6.2.5", name = "older-initial-release-date-than-revision-history", group = Optional,
    summary = "the initial release date is older than the oldest revision",
}

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    let tracking = &cx.advisory.document.tracking;
    let Some(initial) = tracking
        .initial_release_date
        .as_ref()
        .and_then(|d| d.value.map(|v| (v, &d.raw)))
    else {
        return;
    };
    let oldest = tracking
        .revision_history
        .iter()
        .filter_map(|r| r.date.as_ref().and_then(|d| d.value.map(|v| (v, &d.raw))))
        .min_by_key(|(v, _)| *v);
    if let Some((date, raw)) = oldest {
        if initial.0 < date {
            out.push(Finding::new(
                META.id,
                "/document/tracking/initial_release_date",
                format!(
                    "the initial release date `{}` is older than `{raw}`, the date of the oldest revision",
                    initial.1
                ),
            ));
        }
    }
}
