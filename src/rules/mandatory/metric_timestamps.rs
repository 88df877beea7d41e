//! Shared by 6.1.49 and 6.1.51: no assessment in `metrics[].content` of a final or interim document
//! is timestamped later than the newest revision.

use crate::diag::Finding;
use crate::model::{DocumentStatus, Metric, Timestamp};
use crate::rules::Context;
use serde_json::Value;

/// One kind of timestamped metric content.
pub(super) struct Assessment {
    /// The rule reporting it.
    pub rule: &'static str,
    /// Its key in `metrics[].content` (`ssvc_v2`, `epss`).
    pub key: &'static str,
    /// Its name in messages (`SSVC`, `EPSS`).
    pub label: &'static str,
    /// The object in the model.
    pub object: fn(&Metric) -> Option<&Value>,
}

/// Reports every `timestamp` of `what` later than the newest revision's `date`.
pub(super) fn check(cx: &Context<'_>, out: &mut Vec<Finding>, what: &Assessment) {
    if !matches!(
        cx.advisory.document.tracking.status,
        Some(DocumentStatus::Final | DocumentStatus::Interim)
    ) {
        return;
    }
    let Some((newest, newest_value)) = cx.newest_revision() else {
        return;
    };
    for (v, vuln) in cx.advisory.vulnerabilities.iter().enumerate() {
        for (m, metric) in vuln.metrics.iter().enumerate() {
            let Some(raw) = (what.object)(metric)
                .and_then(|o| o.get("timestamp"))
                .and_then(Value::as_str)
            else {
                continue;
            };
            if Timestamp::parse(raw).value.is_some_and(|t| t > newest_value) {
                out.push(
                    Finding::new(
                        what.rule,
                        format!("/vulnerabilities/{v}/metrics/{m}/content/{}/timestamp", what.key),
                        format!(
                            "the {} timestamp `{raw}` is later than `{}`, the date of the newest revision",
                            what.label, newest.raw
                        ),
                    )
                    .help(format!(
                        "a final or interim document cannot contain an {} assessment newer than its newest revision",
                        what.label
                    )),
                );
            }
        }
    }
}
