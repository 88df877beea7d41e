use crate::diag::Finding;
use crate::rules::Context;

declare_rule! {
    /// ## What it checks
    /// The metric properties of every CVSS object (`attackVector`, `scope`, `accessComplexity`, …, and
    /// `version`) agree with its `vectorString`. A property absent from the object is not an
    /// inconsistency: CSAF 2.0 makes them optional, and most real advisories give only the vector and
    /// the base score.
    ///
    /// ## Why
    /// Tools read either the properties or the vector; when they differ, two tools see two vulnerabilities.
    ///
    /// ## Invalid
    /// ```json
    /// "cvss_v3": {"version": "3.1", "vectorString": "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", "baseScore": 9.8, "baseSeverity": "CRITICAL", "attackVector": "LOCAL"}
    /// ```
    /// ## Valid
    /// The same with `"attackVector": "NETWORK"`, or without `attackVector`.
    InconsistentCvss, id = "6.1.10", name = "inconsistent-cvss", group = Mandatory,
    summary = "a CVSS property contradicts the vector",
}

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    super::m6_1_09_invalid_cvss_computation::compare(cx, out, META.id, false);
}
