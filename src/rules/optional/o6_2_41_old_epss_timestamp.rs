use crate::diag::Finding;
use crate::model::{DocumentStatus, Timestamp};
use crate::rules::Context;

declare_rule! {
    /// ## What it checks
    /// In a document whose status is `final` or `interim`, for each vulnerability with EPSS data,
    /// the youngest EPSS `timestamp` (`/vulnerabilities[]/metrics[]/content/epss/timestamp`) is not
    /// more than 15 days (360 hours) older than the `date` of the newest item of the revision
    /// history. The comparison is between instants, so time zones are taken into account. The
    /// finding points at the youngest timestamp.
    ///
    /// ## Why
    /// EPSS scores are recomputed every day. A score that is much older than the document's latest
    /// revision no longer says how likely exploitation is; it should be refreshed when the document
    /// is revised.
    ///
    /// ## Invalid
    /// ```json
    /// "tracking": {"status": "final", "revision_history": [{"date": "2024-01-24T10:00:00.000Z", "number": "1", "summary": "Initial version."}], …}
    /// …
    /// "metrics": [{"content": {"epss": {"percentile": "0.999980000", "probability": "0.970950000", "timestamp": "2023-01-24T10:00:00.000Z"}}, "products": ["CSAFPID-1"]}]
    /// ```
    /// ## Valid
    /// ```json
    /// "metrics": [{"content": {"epss": {"percentile": "0.999580000", "probability": "0.974660000", "timestamp": "2024-01-22T10:00:00.000Z"}}, "products": ["CSAFPID-1"]}]
    /// ```
    OldEpssTimestamp, id = "6.2.41", name = "old-epss-timestamp", group = Optional,
    summary = "the newest EPSS timestamp of a vulnerability is more than 15 days older than the newest revision",
    since = "2.1",
}

/// "not more than 15 days older".
const MAX_AGE: chrono::TimeDelta = chrono::TimeDelta::days(15);

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    if !matches!(
        cx.advisory.document.tracking.status,
        Some(DocumentStatus::Final | DocumentStatus::Interim)
    ) {
        return;
    }
    let history = &cx.advisory.document.tracking.revision_history;
    let Some(newest) = cx
        .index()
        .revisions_by_date
        .last()
        .and_then(|&i| history[i].date.as_ref())
    else {
        return;
    };
    let Some(newest_value) = newest.value else {
        return;
    };
    for (v, vuln) in cx.advisory.vulnerabilities.iter().enumerate() {
        let youngest = vuln
            .metrics
            .iter()
            .enumerate()
            .filter_map(|(m, metric)| {
                let raw = metric.epss.as_ref()?.get("timestamp")?.as_str()?;
                Some((m, raw, Timestamp::parse(raw).value?))
            })
            .max_by_key(|&(_, _, t)| t);
        let Some((m, raw, t)) = youngest else {
            continue;
        };
        let age = newest_value - t;
        if age > MAX_AGE {
            out.push(
                Finding::new(
                    META.id,
                    format!("/vulnerabilities/{v}/metrics/{m}/content/epss/timestamp"),
                    format!(
                        "the newest EPSS timestamp of this vulnerability, `{raw}`, is {} older than `{}`, the date of the newest revision (more than 15 days)",
                        duration(age),
                        newest.raw
                    ),
                )
                .help("refresh the EPSS data when revising the document"),
            );
        }
    }
}

/// `15 days, 30 minutes`: the non-zero days, hours and minutes of a (positive) duration.
fn duration(d: chrono::TimeDelta) -> String {
    let parts = [
        (d.num_days(), "day"),
        (d.num_hours() % 24, "hour"),
        (d.num_minutes() % 60, "minute"),
    ];
    let text: Vec<String> = parts
        .iter()
        .filter(|(n, _)| *n != 0)
        .map(|(n, unit)| format!("{n} {unit}{}", if *n == 1 { "" } else { "s" }))
        .collect();
    if text.is_empty() {
        "less than a minute".to_owned()
    } else {
        text.join(", ")
    }
}
