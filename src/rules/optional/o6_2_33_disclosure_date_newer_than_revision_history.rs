use crate::diag::Finding;
use crate::rules::Context;

declare_rule! {
    /// ## What it checks
    /// No vulnerability's `disclosure_date` that lies in the past (at the time the test runs) is later
    /// than the `date` of the newest item of the revision history. Dates are compared as instants, so
    /// time zones are taken into account. A disclosure date in the future passes: the result can
    /// therefore change over time, but the latest version of a document should always pass.
    ///
    /// ## Why
    /// Once a vulnerability has been disclosed, the advisory should have a revision that reflects it; a
    /// disclosure after the newest revision means the document was not updated.
    ///
    /// ## Invalid
    /// ```json
    /// "revision_history": [{"date": "2024-01-24T10:00:00.000Z", "number": "1", "summary": "Initial version."}], …
    /// "vulnerabilities": [{"disclosure_date": "2024-02-24T10:00:00.000Z"}]
    /// ```
    /// ## Valid
    /// ```json
    /// "revision_history": [{"date": "2024-01-24T10:00:00.000Z", …}, {"date": "2024-02-24T10:00:00.000Z", …}], …
    /// "vulnerabilities": [{"disclosure_date": "2024-02-24T10:00:00.000Z"}]
    /// ```
    DisclosureDateNewerThanRevisionHistory, id = "6.2.33", name = "disclosure-date-newer-than-revision-history",
    group = Optional,
    summary = "a past disclosure date is later than the newest revision",
    since = "2.1",
}

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    if cx
        .advisory
        .vulnerabilities
        .iter()
        .all(|v| v.disclosure_date.is_none())
    {
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
    let now = chrono::DateTime::<chrono::Utc>::from(std::time::SystemTime::now());
    for (v, vuln) in cx.advisory.vulnerabilities.iter().enumerate() {
        let Some(date) = &vuln.disclosure_date else {
            continue;
        };
        let Some(value) = date.value else { continue };
        if value <= now && value > newest_value {
            out.push(
                Finding::new(
                    META.id,
                    format!("/vulnerabilities/{v}/disclosure_date"),
                    format!(
                        "the disclosure date `{}` is later than `{}`, the date of the newest revision",
                        date.raw, newest.raw
                    ),
                )
                .help("publish a new revision of the document that reflects the disclosure"),
            );
        }
    }
}
