use crate::diag::Finding;
use crate::model::TlpLabel;
use crate::rules::Context;

declare_rule! {
    /// ## What it checks
    /// A document labeled `TLP:CLEAR` has no `/document/distribution/sharing_group`.
    ///
    /// ## Why
    /// `TLP:CLEAR` documents may be shared with everyone; a sharing group adds nothing but the question
    /// which of the two statements holds.
    ///
    /// ## Invalid
    /// ```json
    /// "distribution": {"sharing_group": {"id": "ffffffff-ffff-ffff-ffff-ffffffffffff", "name": "Public"}, "tlp": {"label": "CLEAR"}}
    /// ```
    /// ## Valid
    /// ```json
    /// "distribution": {"tlp": {"label": "CLEAR"}}
    /// ```
    UsageOfSharingGroupOnTlpClear, id = "6.2.30", name = "usage-of-sharing-group-on-tlp-clear", group = Optional,
    summary = "a TLP:CLEAR document has a sharing group",
    since = "2.1",
}

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    let Some(dist) = &cx.advisory.document.distribution else {
        return;
    };
    if dist.tlp_label != Some(TlpLabel::Clear) {
        return;
    }
    let present = match cx.raw {
        Some(raw) => raw.pointer("/document/distribution/sharing_group").is_some(),
        None => dist.sharing_group_id.is_some() || dist.sharing_group_name.is_some(),
    };
    if present {
        out.push(
            Finding::new(
                META.id,
                "/document/distribution/sharing_group",
                "the `TLP:CLEAR` document has a sharing group",
            )
            .help("remove the sharing group: `TLP:CLEAR` already allows sharing with everyone"),
        );
    }
}
