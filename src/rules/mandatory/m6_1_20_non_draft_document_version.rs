use crate::diag::Finding;
use crate::model::DocumentStatus;
use crate::rules::Context;
use crate::version_t::VersionNumber;

declare_rule! {
    /// ## What it checks
    /// When the document status is `final` or `interim`, the document version has no pre-release part.
    ///
    /// ## Why
    /// A released document cannot be a pre-release.
    ///
    /// ## Invalid
    /// ```json
    /// "tracking": {"status": "interim", "version": "1.0.0-alpha"}
    /// ```
    /// ## Valid
    /// ```json
    /// "tracking": {"status": "interim", "version": "1.0.0"}
    /// ```
    NonDraftDocumentVersion, id = "6.1.20", name = "non-draft-document-version", group = Mandatory,
    summary = "a released document's version has a pre-release part",
}

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    let tracking = &cx.advisory.document.tracking;
    if !matches!(
        tracking.status,
        Some(DocumentStatus::Final) | Some(DocumentStatus::Interim)
    ) {
        return;
    }
    let Some(text) = &tracking.version else { return };
    if VersionNumber::parse(text).is_some_and(|v| v.has_prerelease()) {
        out.push(Finding::new(
            META.id,
            "/document/tracking/version",
            format!(
                "the document status is `{}` but the version `{text}` has a pre-release part",
                tracking.status.as_ref().map_or("", |s| s.as_str())
            ),
        ));
    }
}
