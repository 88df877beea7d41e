use crate::diag::Finding;
use crate::model::{DocumentStatus, TlpLabel};
use crate::rules::Context;

declare_rule! {
    /// ## What it checks
    /// In a document labeled `TLP:CLEAR` whose status is `final` or `interim`, no vulnerability's
    /// `disclosure_date` is later than the `date` of the newest item of the revision history. The
    /// comparison is between instants, so time zones are taken into account.
    ///
    /// ## Why
    /// A published TLP:CLEAR document discloses its vulnerabilities at the latest with its newest
    /// revision; a later disclosure date contradicts the document's own history.
    ///
    /// ## Invalid
    /// ```json
    /// "distribution": {"tlp": {"label": "CLEAR"}},
    /// "tracking": {"status": "final", "revision_history": [{"date": "2024-01-24T10:00:00.000Z", "number": "1", "summary": "Initial version."}], …}
    /// …
    /// "vulnerabilities": [{"disclosure_date": "2024-02-24T10:00:00.000Z"}]
    /// ```
    /// ## Valid
    /// ```json
    /// "vulnerabilities": [{"disclosure_date": "2024-01-24T10:00:00.000Z"}]
    /// ```
    InconsistentDisclosureDate, id = "6.1.45", name = "inconsistent-disclosure-date", group = Mandatory,
    summary = "a TLP:CLEAR final or interim document has a disclosure date later than its newest revision",
    since = "2.1",
}

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    let document = &cx.advisory.document;
    let clear = document
        .distribution
        .as_ref()
        .is_some_and(|d| d.tlp_label == Some(TlpLabel::Clear));
    let published = matches!(
        document.tracking.status,
        Some(DocumentStatus::Final | DocumentStatus::Interim)
    );
    if !clear || !published {
        return;
    }
    let Some((newest, newest_value)) = cx.newest_revision() else {
        return;
    };
    for (v, vuln) in cx.advisory.vulnerabilities.iter().enumerate() {
        let Some(date) = &vuln.disclosure_date else {
            continue;
        };
        if date.value.is_some_and(|d| d > newest_value) {
            out.push(
                Finding::new(
                    META.id,
                    format!("/vulnerabilities/{v}/disclosure_date"),
                    format!(
                        "the disclosure date `{}` is later than `{}`, the date of the newest revision",
                        date.raw, newest.raw
                    ),
                )
                .help("a published TLP:CLEAR document cannot disclose a vulnerability after its newest revision"),
            );
        }
    }
}
