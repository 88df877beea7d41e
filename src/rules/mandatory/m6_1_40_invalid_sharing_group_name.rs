use crate::diag::Finding;
use crate::rules::Context;

declare_rule! {
    /// ## What it checks
    /// The sharing group name (`/document/distribution/sharing_group/name`) is not one of the reserved
    /// values unless its condition holds: `Public` only with the Max UUID
    /// (`ffffffff-ffff-ffff-ffff-ffffffffffff`) as sharing group ID, `No sharing allowed` only with
    /// the Nil UUID (`00000000-0000-0000-0000-000000000000`).
    ///
    /// ## Why
    /// Readers take these names at their word: a closed sharing group called `Public` invites
    /// leaking the document.
    ///
    /// ## Invalid
    /// ```json
    /// "sharing_group": {"id": "5868d6be-b28a-404e-a245-0b5093b31b8b", "name": "Public"}
    /// ```
    /// ## Valid
    /// ```json
    /// "sharing_group": {"id": "5868d6be-b28a-404e-a245-0b5093b31b8b", "name": "ISAC members"}
    /// ```
    InvalidSharingGroupName, id = "6.1.40", name = "invalid-sharing-group-name", group = Mandatory,
    summary = "the sharing group name is a reserved value without the reserved sharing group ID",
    since = "2.1",
}

/// The reserved names and the ID each requires.
const RESERVED: &[(&str, &str)] = &[
    ("Public", "ffffffff-ffff-ffff-ffff-ffffffffffff"),
    ("No sharing allowed", "00000000-0000-0000-0000-000000000000"),
];

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    let Some(dist) = &cx.advisory.document.distribution else {
        return;
    };
    let Some(name) = dist.sharing_group_name.as_deref() else {
        return;
    };
    let Some((_, uuid)) = RESERVED.iter().find(|(n, _)| *n == name) else {
        return;
    };
    let id = dist.sharing_group_id.as_deref().unwrap_or_default();
    if !id.eq_ignore_ascii_case(uuid) {
        out.push(
            Finding::new(
                META.id,
                "/document/distribution/sharing_group/name",
                format!("the sharing group name `{name}` is reserved for the sharing group ID `{uuid}`, but the ID is `{id}`"),
            )
            .help("choose another name for the sharing group"),
        );
    }
}
