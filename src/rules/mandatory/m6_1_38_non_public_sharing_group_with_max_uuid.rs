use crate::diag::Finding;
use crate::rules::Context;

declare_rule! {
    /// ## What it checks
    /// A document whose sharing group ID (`/document/distribution/sharing_group/id`) is the Max UUID
    /// (`ffffffff-ffff-ffff-ffff-ffffffffffff`) has the TLP label `CLEAR`.
    ///
    /// ## Why
    /// The Max UUID is reserved for public (`TLP:CLEAR`) documents; on a document with a restricted
    /// TLP label it contradicts the label and might let a system publish the document.
    ///
    /// ## Invalid
    /// ```json
    /// "distribution": {"sharing_group": {"id": "ffffffff-ffff-ffff-ffff-ffffffffffff", "name": "Public"}, "tlp": {"label": "RED"}}
    /// ```
    /// ## Valid
    /// ```json
    /// "distribution": {"sharing_group": {"id": "ffffffff-ffff-ffff-ffff-ffffffffffff", "name": "Public"}, "tlp": {"label": "CLEAR"}}
    /// ```
    NonPublicSharingGroupWithMaxUuid, id = "6.1.38", name = "non-public-sharing-group-with-max-uuid", group = Mandatory,
    summary = "the sharing group ID is the Max UUID but the TLP label is not `CLEAR`",
    since = "2.1",
}

const MAX_UUID: &str = "ffffffff-ffff-ffff-ffff-ffffffffffff";

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    let Some(dist) = &cx.advisory.document.distribution else {
        return;
    };
    if !dist
        .sharing_group_id
        .as_deref()
        .is_some_and(|id| id.eq_ignore_ascii_case(MAX_UUID))
    {
        return;
    }
    match &dist.tlp_label {
        None | Some(crate::model::TlpLabel::Clear) => {}
        Some(label) => out.push(
            Finding::new(
                META.id,
                "/document/distribution/tlp/label",
                format!("the sharing group ID is the Max UUID, which is reserved for `TLP:CLEAR`, but the TLP label is `{label}`"),
            )
            .help("use the ID of the sharing group, or remove the sharing group"),
        ),
    }
}
