use crate::diag::Finding;
use crate::model::DocumentStatus;
use crate::rules::Context;

declare_rule! {
    /// ## What it checks
    /// `/document/tracking/version` equals the `number` of the last revision history item when the
    /// history is sorted ascending by `date`. Build metadata is ignored, and so is a pre-release part
    /// when the document status is `draft`.
    ///
    /// ## Why
    /// The document version must be the version of its latest revision.
    ///
    /// ## Invalid
    /// ```json
    /// "revision_history": [{"date": "2021-07-21T09:00:00.000Z", "number": "1", "summary": "Initial version."},
    ///                      {"date": "2021-07-21T10:00:00.000Z", "number": "2", "summary": "Second version."}],
    /// "version": "1"
    /// ```
    /// ## Valid
    /// The same with `"version": "2"`.
    LatestDocumentVersion, id = "6.1.16", name = "latest-document-version", group = Mandatory,
    summary = "the document version is not the number of the latest revision",
}

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    let tracking = &cx.advisory.document.tracking;
    let ix = cx.index();
    let Some(&last) = ix.revisions_by_date.last() else {
        return;
    };
    let (Some(version_text), Some(Some(latest))) = (&tracking.version, ix.revision_numbers.get(last)) else {
        return;
    };
    let Some(version) = crate::version_t::VersionNumber::parse(version_text) else {
        return;
    };
    let draft = tracking.status == Some(DocumentStatus::Draft);
    if version.normalized(draft) != latest.normalized(draft) {
        out.push(
            Finding::new(
                META.id,
                "/document/tracking/version",
                format!(
                    "the document version is `{version_text}` but the latest revision (by date) has the number `{}`",
                    tracking.revision_history[last].number.as_deref().unwrap_or_default()
                ),
            )
            .help("set the version to the number of the newest revision history item"),
        );
    }
}
