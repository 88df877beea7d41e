use crate::diag::Finding;
use crate::rules::Context;

declare_rule! {
    /// ## What it checks
    /// The sharing group ID `/document/distribution/sharing_group/id` is not the Nil UUID
    /// `00000000-0000-0000-0000-000000000000` (compared case-insensitively).
    ///
    /// ## Why
    /// The Nil UUID stands for "no sharing allowed", a placeholder for drafts; a document that is to be
    /// shared needs the ID of its real sharing group, or none.
    ///
    /// ## Invalid
    /// ```json
    /// "distribution": {"sharing_group": {"id": "00000000-0000-0000-0000-000000000000", "name": "No sharing allowed"}, "tlp": {"label": "RED"}}
    /// ```
    /// ## Valid
    /// ```json
    /// "distribution": {"sharing_group": {"id": "86c81730-1a06-478d-82d4-978e41eb332f", "name": "Example Sharing Group 1"}, "tlp": {"label": "RED"}}
    /// ```
    UsageOfNilUuid, id = "6.2.29", name = "usage-of-nil-uuid", group = Optional,
    summary = "the sharing group ID is the Nil UUID",
    since = "2.1",
}

const NIL_UUID: &str = "00000000-0000-0000-0000-000000000000";

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    let Some(dist) = &cx.advisory.document.distribution else {
        return;
    };
    if let Some(id) = dist.sharing_group_id.as_deref() {
        if id.eq_ignore_ascii_case(NIL_UUID) {
            out.push(
                Finding::new(
                    META.id,
                    "/document/distribution/sharing_group/id",
                    format!("the sharing group ID is the Nil UUID `{id}`"),
                )
                .help(
                    "use the ID of the sharing group the document is meant for, or remove the sharing group",
                ),
            );
        }
    }
}
