use crate::diag::Finding;
use crate::rules::Context;

declare_rule! {
    /// ## What it checks
    /// In a document whose status is `final` or `interim`, no SSVC `timestamp`
    /// (`/vulnerabilities[]/metrics[]/content/ssvc_v2/timestamp`) is later than the `date` of the newest
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
    /// "metrics": [{"content": {"ssvc_v2": {…, "timestamp": "2024-07-13T10:00:00.000Z"}}, "products": ["CSAFPID-1"]}]
    /// ```
    /// ## Valid
    /// ```json
    /// "metrics": [{"content": {"ssvc_v2": {…, "timestamp": "2024-01-24T10:00:00.000Z"}}, "products": ["CSAFPID-1"]}]
    /// ```
    InconsistentSsvcTimestamp, id = "6.1.49", name = "inconsistent-ssvc-timestamp", group = Mandatory,
    summary = "a final or interim document has an SSVC timestamp later than its newest revision",
    since = "2.1",
}

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    let what = super::metric_timestamps::Assessment {
        rule: META.id,
        key: "ssvc_v2",
        label: "SSVC",
        object: |m| m.ssvc.as_ref(),
    };
    super::metric_timestamps::check(cx, out, &what);
}
