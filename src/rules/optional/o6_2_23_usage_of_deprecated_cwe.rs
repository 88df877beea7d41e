use crate::diag::Finding;
use crate::rules::Context;

declare_rule! {
    /// ## What it checks
    /// No CWE given for a vulnerability is deprecated in the CWE catalogue `version` it names: its
    /// status there is `Deprecated` (or, where the status is not recorded, its name starts with
    /// `DEPRECATED:`). A CWE that does not exist in that version, or a version that does not exist, is
    /// left to test 6.1.11.
    ///
    /// ## Why
    /// MITRE deprecates weaknesses that were duplicates or badly defined; mapping a vulnerability to one
    /// hides it from everyone who filters by the weakness that replaced it.
    ///
    /// ## Invalid
    /// ```json
    /// "cwes": [{"id": "CWE-596", "name": "DEPRECATED: Incorrect Semantic Object Comparison", "version": "4.13"}]
    /// ```
    /// ## Valid
    /// ```json
    /// "cwes": [{"id": "CWE-1025", "name": "Comparison Using Wrong Factors", "version": "4.13"}]
    /// ```
    UsageOfDeprecatedCwe, id = "6.2.23", name = "usage-of-deprecated-cwe", group = Optional,
    summary = "a CWE is deprecated in the catalogue version given",
    since = "2.1",
}

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    for (v, vuln) in cx.advisory.vulnerabilities.iter().enumerate() {
        for (c, cwe) in vuln.cwes.iter().enumerate() {
            let (Some(id), Some(version)) = (cwe.id.as_deref(), cwe.version.as_deref()) else {
                continue;
            };
            let Some(entry) = crate::cwe::lookup(id, Some(version)).entry() else {
                continue;
            };
            if entry.is_deprecated() {
                out.push(
                    Finding::new(
                        META.id,
                        format!("/vulnerabilities/{v}/cwes/{c}/id"),
                        format!("`{id}` is deprecated in CWE catalogue {version}"),
                    )
                    .help("map the vulnerability to the weakness that replaces it, or to its closest equivalent"),
                );
            }
        }
    }
}
