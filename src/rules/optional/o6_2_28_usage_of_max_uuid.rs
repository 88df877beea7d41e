use crate::diag::Finding;
use crate::rules::Context;

declare_rule! {
    /// ## What it checks
    /// The sharing group ID `/document/distribution/sharing_group/id` is not the Max UUID
    /// `ffffffff-ffff-ffff-ffff-ffffffffffff` (compared case-insensitively).
    ///
    /// ## Why
    /// The Max UUID stands for the public sharing group, which is what `TLP:CLEAR` already says; a
    /// public document needs no sharing group at all.
    ///
    /// ## Invalid
    /// ```json
    /// "distribution": {"sharing_group": {"id": "ffffffff-ffff-ffff-ffff-ffffffffffff", "name": "Public"}, "tlp": {"label": "CLEAR"}}
    /// ```
    /// ## Valid
    /// ```json
    /// "distribution": {"tlp": {"label": "CLEAR"}}
    /// ```
    UsageOfMaxUuid, id = "6.2.28", name = "usage-of-max-uuid", group = Optional,
    summary = "the sharing group ID is the Max UUID",
    since = "2.1",
}

const MAX_UUID: &str = "ffffffff-ffff-ffff-ffff-ffffffffffff";

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    let Some(dist) = &cx.advisory.document.distribution else {
        return;
    };
    if let Some(id) = dist.sharing_group_id.as_deref() {
        if id.eq_ignore_ascii_case(MAX_UUID) {
            out.push(
                Finding::new(
                    META.id,
                    "/document/distribution/sharing_group/id",
                    format!("the sharing group ID is the Max UUID `{id}`"),
                )
                .help("remove the sharing group: `TLP:CLEAR` already makes the document public"),
            );
        }
    }
}
