use crate::diag::Finding;
use crate::rules::Context;

declare_rule! {
    /// ## What it checks
    /// A document with the TLP label `CLEAR` uses the Max UUID (`ffffffff-ffff-ffff-ffff-ffffffffffff`)
    /// as sharing group ID, if it has a sharing group. It passes without a sharing group, and with the
    /// Nil UUID (`00000000-0000-0000-0000-000000000000`) while the document status is `draft`.
    ///
    /// ## Why
    /// A `TLP:CLEAR` document is public: naming a closed sharing group contradicts that.
    ///
    /// ## Invalid
    /// ```json
    /// "distribution": {"sharing_group": {"id": "5868d6be-b28a-404e-a245-0b5093b31b8b"}, "tlp": {"label": "CLEAR"}}
    /// ```
    /// ## Valid
    /// ```json
    /// "distribution": {"sharing_group": {"id": "ffffffff-ffff-ffff-ffff-ffffffffffff", "name": "Public"}, "tlp": {"label": "CLEAR"}}
    /// ```
    PublicSharingGroupWithNoMaxUuid, id = "6.1.39", name = "public-sharing-group-with-no-max-uuid", group = Mandatory,
    summary = "a `TLP:CLEAR` document has a sharing group ID other than the Max UUID",
    since = "2.1",
}

const MAX_UUID: &str = "ffffffff-ffff-ffff-ffff-ffffffffffff";
const NIL_UUID: &str = "00000000-0000-0000-0000-000000000000";

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    let doc = &cx.advisory.document;
    let Some(dist) = &doc.distribution else {
        return;
    };
    if dist.tlp_label != Some(crate::model::TlpLabel::Clear) {
        return;
    }
    let Some(id) = dist.sharing_group_id.as_deref() else {
        return;
    };
    if id.eq_ignore_ascii_case(MAX_UUID) {
        return;
    }
    let draft = doc.tracking.status == Some(crate::model::DocumentStatus::Draft);
    if id.eq_ignore_ascii_case(NIL_UUID) && draft {
        return;
    }
    let msg = if id.eq_ignore_ascii_case(NIL_UUID) {
        format!("the `TLP:CLEAR` document uses the Nil UUID `{id}` as sharing group ID, which is only allowed while the status is `draft`")
    } else {
        format!("the `TLP:CLEAR` document has the sharing group ID `{id}`; only the Max UUID `{MAX_UUID}` is allowed")
    };
    out.push(
        Finding::new(META.id, "/document/distribution/sharing_group/id", msg)
            .help("remove the sharing group, or use the Max UUID with the name `Public`"),
    );
}
