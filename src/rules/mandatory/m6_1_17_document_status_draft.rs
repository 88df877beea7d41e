use crate::diag::Finding;
use crate::model::DocumentStatus;
use crate::rules::Context;
use crate::version_t::VersionNumber;

declare_rule! {
    /// ## What it checks
    /// The document status is `draft` when the document version is `0`, `0.y.z` or has a pre-release
    /// part.
    ///
    /// ## Why
    /// Versions below 1 and pre-releases are drafts by definition (CSAF 2.0 section 3.1.11).
    ///
    /// ## Invalid
    /// ```json
    /// "tracking": {"status": "final", "version": "0.9.5"}
    /// ```
    /// ## Valid
    /// ```json
    /// "tracking": {"status": "draft", "version": "0.9.5"}
    /// ```
    DocumentStatusDraft, id = "6.1.17", name = "document-status-draft", group = Mandatory,
    summary = "a `0`, `0.y.z` or pre-release document version without the status `draft`",
}

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    let tracking = &cx.advisory.document.tracking;
    let Some(text) = &tracking.version else { return };
    let Some(version) = VersionNumber::parse(text) else {
        return;
    };
    if (version.is_zero() || version.has_prerelease())
        && tracking
            .status
            .as_ref()
            .is_some_and(|s| *s != DocumentStatus::Draft)
    {
        out.push(
            Finding::new(
                META.id,
                "/document/tracking/status",
                format!(
                    "the document version `{text}` marks a draft but the status is `{}`",
                    tracking.status.as_ref().map_or("", |s| s.as_str())
                ),
            )
            .help("set the status to `draft`, or release the document with version 1 or higher"),
        );
    }
}
