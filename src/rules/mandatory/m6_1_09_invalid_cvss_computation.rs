use crate::cvss::{self, Expected};
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
///
/// The properties are looked up from the object's members (a handful) rather than the other way
/// round (every property of the version), and the findings of an object are ordered as
/// [`cvss::expected_properties`] lists the properties.
pub(crate) fn compare(cx: &Context<'_>, out: &mut Vec<Finding>, rule: &'static str, computed: bool) {
    // (position, property, stated value, expected value) of one object; empty unless something differs
    let mut wrong: Vec<(usize, &str, &serde_json::Value, Expected)> = Vec::new();
    for parsed in cx.cvss() {
        let (Some(vector), Some(scores)) = (&parsed.vector, &parsed.scores) else {
            continue;
        };
        let c = parsed.at.cvss;
        for (property, actual) in &c.fields {
            let expected = if computed {
                cvss::expected_score(vector.version(), scores, property)
            } else {
                cvss::expected_property(vector, property)
            };
            if let Some((position, expected)) = expected {
                if !expected.matches(actual) {
                    wrong.push((position, property, actual, expected));
                }
            }
        }
        wrong.sort_unstable_by_key(|w| w.0);
        for (_, property, actual, expected) in wrong.drain(..) {
            let expected = expected.to_value();
            let show = |v: &serde_json::Value| v.as_str().map_or_else(|| v.to_string(), str::to_owned);
            out.push(
                Finding::new(
                    rule,
                    format!("{}/{property}", parsed.at.pointer(cx.version())),
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
