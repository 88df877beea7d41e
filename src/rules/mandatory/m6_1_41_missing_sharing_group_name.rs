use crate::diag::Finding;
use crate::rules::Context;

declare_rule! {
    /// ## What it checks
    /// A sharing group with a reserved ID has its reserved name: `Public` for the Max UUID
    /// (`ffffffff-ffff-ffff-ffff-ffffffffffff`), `No sharing allowed` for the Nil UUID
    /// (`00000000-0000-0000-0000-000000000000`). The name must be present.
    ///
    /// ## Why
    /// The reserved IDs mean nothing to a human reader; the reserved names say what they mean.
    ///
    /// ## Invalid
    /// ```json
    /// "sharing_group": {"id": "ffffffff-ffff-ffff-ffff-ffffffffffff"}
    /// ```
    /// ## Valid
    /// ```json
    /// "sharing_group": {"id": "ffffffff-ffff-ffff-ffff-ffffffffffff", "name": "Public"}
    /// ```
    MissingSharingGroupName, id = "6.1.41", name = "missing-sharing-group-name", group = Mandatory,
    summary = "a sharing group with the Max or Nil UUID lacks its reserved name",
    since = "2.1",
}

/// The reserved IDs and the name each requires.
const RESERVED: &[(&str, &str)] = &[
    ("ffffffff-ffff-ffff-ffff-ffffffffffff", "Public"),
    ("00000000-0000-0000-0000-000000000000", "No sharing allowed"),
];

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    let Some(dist) = &cx.advisory.document.distribution else {
        return;
    };
    let Some(id) = dist.sharing_group_id.as_deref() else {
        return;
    };
    let Some((_, reserved)) = RESERVED.iter().find(|(u, _)| u.eq_ignore_ascii_case(id)) else {
        return;
    };
    match dist.sharing_group_name.as_deref() {
        Some(name) if name == *reserved => {}
        Some(name) => out.push(
            Finding::new(
                META.id,
                "/document/distribution/sharing_group/name",
                format!("the sharing group ID `{id}` requires the name `{reserved}`, not `{name}`"),
            )
            .help(format!("set the name to `{reserved}`")),
        ),
        None => out.push(
            Finding::new(
                META.id,
                "/document/distribution/sharing_group",
                format!(
                    "the sharing group ID `{id}` requires the name `{reserved}`, but the name is missing"
                ),
            )
            .help(format!("add `\"name\": \"{reserved}\"`")),
        ),
    }
}
