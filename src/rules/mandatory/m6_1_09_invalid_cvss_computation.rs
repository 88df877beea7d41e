use crate::cvss::{self, expected_properties, is_computed_property, json_values_equal};
use crate::diag::Finding;
use crate::rules::Context;

declare_rule! {
    /// ## What it checks
    /// The scores and severities of every CVSS object (`baseScore`, `baseSeverity`, `temporalScore`,
    /// `temporalSeverity`, `environmentalScore`, `environmentalSeverity`) are what the specification's
    /// formulas compute from its `vectorString` (CVSS v2.0, v3.0, v3.1 and, in CSAF 2.1, v4.0). The
    /// vector takes precedence. A score absent from the object is not checked: CSAF makes the temporal
    /// and environmental properties optional.
    ///
    /// ## Why
    /// Consumers sort and filter by the stated score; a wrong one misranks the vulnerability.
    ///
    /// ## Invalid
    /// ```json
    /// "cvss_v3": {"version": "3.1", "vectorString": "CVSS:3.1/AV:L/AC:L/PR:H/UI:R/S:U/C:H/I:H/A:H", "baseScore": 10.0, "baseSeverity": "LOW"}
    /// ```
    /// ## Valid
    /// ```json
    /// "cvss_v3": {"version": "3.1", "vectorString": "CVSS:3.1/AV:L/AC:L/PR:H/UI:R/S:U/C:H/I:H/A:H", "baseScore": 6.5, "baseSeverity": "MEDIUM"}
    /// ```
    InvalidCvssComputation, id = "6.1.9", name = "invalid-cvss-computation", group = Mandatory,
    summary = "a CVSS score or severity is not what its vector computes to",
}

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    compare(cx, out, META.id, true);
}

/// Shared by 6.1.9 (computed properties) and 6.1.10 (metric properties and `version`): reports every
/// present property of a CVSS object whose value differs from what the vector implies.
pub(crate) fn compare(cx: &Context<'_>, out: &mut Vec<Finding>, rule: &'static str, computed: bool) {
    for at in crate::index::cvss_objects(cx.advisory) {
        let c = at.cvss;
        let Some(vector) = c.vector.as_deref().and_then(|s| cvss::parse_vector(s).ok()) else {
            continue;
        };
        for (property, expected) in expected_properties(&vector) {
            if is_computed_property(property) != computed {
                continue;
            }
            let Some(actual) = c.fields.get(property) else {
                continue;
            };
            if !json_values_equal(actual, &expected) {
                let show = |v: &serde_json::Value| v.as_str().map_or_else(|| v.to_string(), str::to_owned);
                out.push(
                    Finding::new(
                        rule,
                        format!("{}/{property}", at.pointer(cx.version())),
                        format!(
                            "`{property}` is `{}` but the vector `{}` gives `{}`",
                            show(actual),
                            vector.as_str(),
                            show(&expected)
                        ),
                    )
                    .help(format!(
                        "set `{property}` to `{}` (the vector takes precedence)",
                        show(&expected)
                    )),
                );
            }
        }
    }
}
