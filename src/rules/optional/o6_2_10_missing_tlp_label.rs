use crate::diag::Finding;
use crate::rules::Context;

declare_rule! {
    /// ## What it checks
    /// `/document/distribution/tlp/label` is present and one of the labels of the document's CSAF version
    /// (2.0: `AMBER`, `GREEN`, `RED`, `WHITE`). In CSAF 2.1 this test is obsolete and does not run.
    ///
    /// ## Why
    /// TLP labels make the sharing rules machine-readable and allow automated distribution.
    ///
    /// ## Invalid
    /// ```json
    /// "distribution": {"text": "Distribute freely."}
    /// ```
    /// ## Valid
    /// ```json
    /// "distribution": {"text": "Distribute freely.", "tlp": {"label": "WHITE"}}
    /// ```
    MissingTlpLabel, id = "6.2.10", name = "missing-tlp-label", group = Optional,
    summary = "the document has no valid TLP label",
}

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    use crate::model::TlpLabel;
    if cx.version().is_csaf21() {
        return;
    }
    let label = cx
        .advisory
        .document
        .distribution
        .as_ref()
        .and_then(|d| d.tlp_label.as_ref());
    match label {
        Some(TlpLabel::Amber | TlpLabel::Green | TlpLabel::Red | TlpLabel::White) => {}
        Some(other) => out.push(Finding::new(
            META.id,
            "/document/distribution/tlp/label",
            format!("`{other}` is not a TLP label of CSAF 2.0"),
        )),
        None => out.push(Finding::new(
            META.id,
            "/document/distribution/tlp/label",
            "the document has no TLP label",
        )),
    }
}
