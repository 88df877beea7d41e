use crate::diag::Finding;
use crate::model::{DocumentStatus, Timestamp};
use crate::rules::Context;
use serde_json::Value;

declare_rule! {
    /// ## What it checks
    /// In a document whose status is `final` or `interim`, no EPSS `timestamp`
    /// (`/vulnerabilities[]/metrics[]/content/epss/timestamp`) is later than the `date` of the newest
    /// item of the revision history. The comparison is between instants, so time zones are taken into
    /// account.
    ///
    /// ## Why
    /// A published document cannot contain an assessment made after its newest revision; the
    /// timestamp or the revision history is wrong.
    ///
    /// ## Invalid
    /// ```json
    /// "tracking": {"status": "final", "revision_history": [{"date": "2024-01-24T10:00:00.000Z", "number": "1", "summary": "Initial version."}], …}
    /// …
    /// "metrics": [{"content": {"epss": {"percentile": "0.999990000", "probability": "0.975570000", "timestamp": "2024-07-13T10:00:00.000Z"}}, "products": ["CSAFPID-1"]}]
    /// ```
    /// ## Valid
    /// ```json
    /// "metrics": [{"content": {"epss": {"percentile": "0.999990000", "probability": "0.975570000", "timestamp": "2024-01-24T10:00:00.000Z"}}, "products": ["CSAFPID-1"]}]
    /// ```
    InconsistentEpssTimestamp, id = "6.1.51", name = "inconsistent-epss-timestamp", group = Mandatory,
    summary = "a final or interim document has an EPSS timestamp later than its newest revision",
    since = "2.1",
}

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    if !matches!(
        cx.advisory.document.tracking.status,
        Some(DocumentStatus::Final | DocumentStatus::Interim)
    ) {
        return;
    }
    let Some((newest, newest_value)) = newest_revision(cx) else {
        return;
    };
    for (v, vuln) in cx.advisory.vulnerabilities.iter().enumerate() {
        for (m, metric) in vuln.metrics.iter().enumerate() {
            let Some(raw) = metric
                .epss
                .as_ref()
                .and_then(|o| o.get("timestamp"))
                .and_then(Value::as_str)
            else {
                continue;
            };
            let timestamp = Timestamp::parse(raw);
            if timestamp.value.is_some_and(|t| t > newest_value) {
                out.push(
                    Finding::new(
                        META.id,
                        format!("/vulnerabilities/{v}/metrics/{m}/content/epss/timestamp"),
                        format!(
                            "the EPSS timestamp `{raw}` is later than `{}`, the date of the newest revision",
                            newest.raw
                        ),
                    )
                    .help("a final or interim document cannot contain an EPSS assessment newer than its newest revision"),
                );
            }
        }
    }
}

/// The revision history item with the latest `date` (time zones taken into account).
fn newest_revision<'a>(cx: &Context<'a>) -> Option<(&'a Timestamp, chrono::DateTime<chrono::FixedOffset>)> {
    let history = &cx.advisory.document.tracking.revision_history;
    let &last = cx.index().revisions_by_date.last()?;
    let date = history[last].date.as_ref()?;
    Some((date, date.value?))
}
