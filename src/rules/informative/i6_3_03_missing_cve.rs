use crate::diag::Finding;
use crate::rules::Context;

declare_rule! {
    /// ## What it checks
    /// Every vulnerability has a `cve`.
    ///
    /// ## Why
    /// The CVE id is how most tools and readers identify a vulnerability.
    ///
    /// ## Invalid
    /// ```json
    /// "vulnerabilities": [{"title": "A vulnerability without CVE"}]
    /// ```
    /// ## Valid
    /// ```json
    /// "vulnerabilities": [{"cve": "CVE-2021-44228"}]
    /// ```
    MissingCve, id = "6.3.3", name = "missing-cve", group = Informative,
    summary = "a vulnerability has no CVE",
}

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    for (v, vuln) in cx.advisory.vulnerabilities.iter().enumerate() {
        if vuln.cve.is_none() {
            out.push(Finding::new(
                META.id,
                format!("/vulnerabilities/{v}"),
                "the vulnerability has no CVE",
            ));
        }
    }
}
