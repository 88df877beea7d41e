use crate::diag::Finding;
use crate::rules::Context;

declare_rule! {
    /// ## What it checks
    /// The current release date is not older than the `date` of the newest revision history item.
    ///
    /// ## Why
    /// The newest revision is the current release; an older current release date contradicts it.
    ///
    /// ## Invalid
    /// ```json
    /// "current_release_date": "2021-05-06T10:00:00.000Z", "revision_history": [… {"date": "2021-07-21T11:00:00.000Z", "number": "2", …}]
    /// ```
    /// ## Valid
    /// ```json
    /// "current_release_date": "2021-07-21T11:00:00.000Z", "revision_history": [… {"date": "2021-07-21T11:00:00.000Z", "number": "2", …}]
    /// ```
    OlderCurrentReleaseDateThanRevisionHistory, id = "6.2.6", name = "older-current-release-date-than-revision-history", group = Optional,
    summary = "the current release date is older than the newest revision",
}

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    let tracking = &cx.advisory.document.tracking;
    let Some(current) = tracking
        .current_release_date
        .as_ref()
        .and_then(|d| d.value.map(|v| (v, &d.raw)))
    else {
        return;
    };
    let newest = tracking
        .revision_history
        .iter()
        .filter_map(|r| r.date.as_ref().and_then(|d| d.value.map(|v| (v, &d.raw))))
        .max_by_key(|(v, _)| *v);
    if let Some((date, raw)) = newest {
        if current.0 < date {
            out.push(Finding::new(
                META.id,
                "/document/tracking/current_release_date",
                format!(
                    "the current release date `{}` is older than `{raw}`, the date of the newest revision",
                    current.1
                ),
            ));
        }
    }
}
