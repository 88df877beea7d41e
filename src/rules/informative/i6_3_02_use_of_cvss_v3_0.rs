use crate::diag::Finding;
use crate::rules::Context;

declare_rule! {
    /// ## What it checks
    /// No CVSS v3 score has the version `3.0`.
    ///
    /// ## Why
    /// CVSS v3.1 clarifies v3.0 and is what tools expect.
    ///
    /// ## Invalid
    /// ```json
    /// "cvss_v3": {"version": "3.0", "vectorString": "CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", …}
    /// ```
    /// ## Valid
    /// ```json
    /// "cvss_v3": {"version": "3.1", "vectorString": "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", …}
    /// ```
    UseOfCvssV30, id = "6.3.2", name = "use-of-cvss-v3-0", group = Informative,
    summary = "a score uses CVSS v3.0",
}

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    for at in crate::index::cvss_objects(cx.advisory).filter(|at| at.key == "cvss_v3") {
        let c = at.cvss;
        let v30 = c.version.as_deref() == Some("3.0")
            || c.vector.as_deref().is_some_and(|s| s.starts_with("CVSS:3.0/"));
        if v30 {
            out.push(
                Finding::new(META.id, at.pointer(cx.version()), "the score uses CVSS v3.0")
                    .help("give the score in CVSS v3.1"),
            );
        }
    }
}
