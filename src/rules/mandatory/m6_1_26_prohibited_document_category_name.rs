use crate::diag::Finding;
use crate::rules::Context;

declare_rule! {
    /// ## What it checks
    /// For documents of the profile "CSAF Base" (any category other than the profile values), the
    /// category is not, ignoring case, dashes, whitespace and underscores, the name or value of another
    /// profile (`Security incident response`, `Informational Advisory`, `Security Advisory`, `VEX`,
    /// and their `csaf_…` values), and does not start with the reserved prefix `csaf_` (unless it is
    /// `csaf_base`). CSAF 2.1 adds the profiles `Withdrawn`, `Superseded` and
    /// `Deprecated Security Advisory`.
    ///
    /// ## Why
    /// A misspelt profile value would silently skip the profile's tests.
    ///
    /// ## Invalid
    /// ```json
    /// "category": "Security_Incident_Response"
    /// ```
    /// ## Valid
    /// ```json
    /// "category": "Example Company Security Notice"
    /// ```
    ProhibitedDocumentCategoryName, id = "6.1.26", name = "prohibited-document-category-name", group = Mandatory,
    summary = "the category of a CSAF Base document imitates another profile",
}

const PROFILES_20: &[(&str, &str)] = &[
    ("security incident response", "csaf_security_incident_response"),
    ("informational advisory", "csaf_informational_advisory"),
    ("security advisory", "csaf_security_advisory"),
    ("vex", "csaf_vex"),
];

const PROFILES_21: &[(&str, &str)] = &[
    ("withdrawn", "csaf_withdrawn"),
    ("superseded", "csaf_superseded"),
    (
        "deprecated security advisory",
        "csaf_deprecated_security_advisory",
    ),
];

fn squash(s: &str) -> String {
    s.chars()
        .filter(|c| !(c.is_whitespace() || *c == '-' || *c == '_'))
        .flat_map(char::to_lowercase)
        .collect()
}

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    let Some(category) = cx.advisory.document.category.as_deref() else {
        return;
    };
    let v21 = cx.version().is_csaf21();
    let profiles: Vec<_> = PROFILES_20
        .iter()
        .chain(if v21 { PROFILES_21 } else { &[] })
        .collect();
    if category == "csaf_base" || profiles.iter().any(|(_, value)| *value == category) {
        return;
    }
    let squashed = squash(category);
    let hit = profiles.iter().find(|(name, value)| {
        let bare = value.trim_start_matches("csaf_");
        squashed == squash(name) || squashed == squash(value) || squashed == squash(bare)
    });
    if let Some((_, value)) = hit {
        out.push(
            Finding::new(
                META.id,
                "/document/category",
                format!("category `{category}` imitates the profile `{value}`"),
            )
            .help(format!(
                "use `{value}` for that profile, or another name for a CSAF Base document"
            )),
        );
    } else if category.to_lowercase().starts_with("csaf_") {
        out.push(Finding::new(
            META.id,
            "/document/category",
            format!("category `{category}` uses the reserved prefix `csaf_`"),
        ));
    }
}
