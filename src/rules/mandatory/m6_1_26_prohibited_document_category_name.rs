use crate::diag::Finding;
use crate::rules::Context;

declare_rule! {
    /// ## What it checks
    /// For documents of the profile "CSAF Base" (any category other than the profile values), the
    /// category is not, ignoring case, dashes, whitespace and underscores, the name or value of another
    /// profile (`Security incident response`, `Informational Advisory`, `Security Advisory`, `VEX`,
    /// and their `csaf_…` values), and does not start with the reserved prefix `csaf_` (unless it is
    /// `csaf_base`). CSAF 2.1 adds the profiles `Withdrawn`, `Superseded` and
    /// `Deprecated Security Advisory`, and ignores every dash character (hyphen-minus, the Unicode
    /// dashes such as `‐`, `–`, `—`, and minus signs), not only `-`.
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

/// Whether `c` is a dash for CSAF 2.1: Unicode category Pd (dash punctuation) plus the minus signs.
fn is_dash_21(c: char) -> bool {
    matches!(
        c,
        '\u{2D}' | '\u{58A}' | '\u{5BE}' | '\u{1400}' | '\u{1806}' | '\u{2010}'
            ..='\u{2015}'
                | '\u{207B}'
                | '\u{208B}'
                | '\u{2212}'
                | '\u{2E17}'
                | '\u{2E1A}'
                | '\u{2E3A}'
                | '\u{2E3B}'
                | '\u{2E40}'
                | '\u{2E5D}'
                | '\u{301C}'
                | '\u{3030}'
                | '\u{30A0}'
                | '\u{FE31}'
                | '\u{FE32}'
                | '\u{FE58}'
                | '\u{FE63}'
                | '\u{FF0D}'
                | '\u{10EAD}'
    )
}

/// Lower case without whitespace, underscores and dashes (CSAF 2.0: only `-`; 2.1: every dash).
fn squash(s: &str, v21: bool) -> String {
    s.chars()
        .filter(|&c| !(c.is_whitespace() || c == '_' || c == '-' || (v21 && is_dash_21(c))))
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
    let squashed = squash(category, v21);
    let hit = profiles.iter().find(|(name, value)| {
        let bare = value.trim_start_matches("csaf_");
        squashed == squash(name, v21) || squashed == squash(value, v21) || squashed == squash(bare, v21)
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
