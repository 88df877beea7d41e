use crate::diag::Finding;
use crate::model::Cvss;
use crate::rules::Context;
use crate::schema::{validate_cvss, CvssSchema};

declare_rule! {
    /// ## What it checks
    /// Every CVSS object (`cvss_v2`, `cvss_v3`, and in CSAF 2.1 `cvss_v4`) is valid against FIRST's
    /// JSON schema of its version (CVSS v2.0, v3.0, v3.1, v4.0; embedded, never fetched). The version
    /// is taken from the object's `version`, or else from its vector.
    ///
    /// ## Why
    /// Tools read CVSS objects with FIRST's definitions; an object they cannot read is lost.
    ///
    /// ## Invalid
    /// ```json
    /// "cvss_v3": {"version": "3.1", "vectorString": "CVSS:3.1/AV:L/AC:L/PR:H/UI:R/S:U/C:H/I:H/A:H", "baseScore": 6.5}
    /// ```
    /// (`baseSeverity` is missing)
    /// ## Valid
    /// ```json
    /// "cvss_v3": {"version": "3.1", "vectorString": "CVSS:3.1/AV:L/AC:L/PR:H/UI:R/S:U/C:H/I:H/A:H", "baseScore": 6.5, "baseSeverity": "MEDIUM"}
    /// ```
    InvalidCvss, id = "6.1.8", name = "invalid-cvss", group = Mandatory,
    summary = "a CVSS object is not valid against FIRST's schema of its version",
}

fn schema_for(key: &str, c: &Cvss) -> Option<CvssSchema> {
    let version = c.version.as_deref().or_else(|| {
        c.vector
            .as_deref()
            .and_then(|v| v.strip_prefix("CVSS:"))
            .map(|v| v.get(..3).unwrap_or(v))
    });
    Some(match (key, version) {
        ("cvss_v2", _) => CvssSchema::V20,
        ("cvss_v3", Some("3.0")) => CvssSchema::V30,
        ("cvss_v3", _) => CvssSchema::V31,
        ("cvss_v4", _) => CvssSchema::V40,
        _ => return None,
    })
}

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    if cx.strictly_valid {
        // The strict schema admits no member it does not define, and it references FIRST's schemas
        // (made strict) at every place a CVSS object can be: every one of them is valid already.
        return;
    }
    for at in crate::index::cvss_objects(cx.advisory) {
        let Some(schema) = schema_for(at.key, at.cvss) else {
            continue;
        };
        let found = validate_cvss(at.cvss.fields.as_value(), schema, META.id);
        if found.is_empty() {
            // most objects are valid: no pointer for them
            continue;
        }
        let base = at.pointer(cx.version());
        for mut f in found {
            f.pointer.insert_str(0, &base);
            out.push(f);
        }
    }
}
