use crate::diag::Finding;
use crate::rules::Context;

declare_rule! {
    /// ## What it checks
    /// Every vulnerability has a CWE (CSAF 2.0 `cwe`, 2.1 `cwes`).
    ///
    /// ## Why
    /// The CWE says what kind of weakness it is, which readers use to group and assess vulnerabilities.
    ///
    /// ## Invalid
    /// ```json
    /// "vulnerabilities": [{"cve": "CVE-2021-44228"}]
    /// ```
    /// ## Valid
    /// ```json
    /// "vulnerabilities": [{"cve": "CVE-2021-44228", "cwe": {"id": "CWE-502", "name": "Deserialization of Untrusted Data"}}]
    /// ```
    MissingCwe, id = "6.3.4", name = "missing-cwe", group = Informative,
    summary = "a vulnerability has no CWE",
}

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    for (v, vuln) in cx.advisory.vulnerabilities.iter().enumerate() {
        if vuln.cwes.is_empty() {
            out.push(Finding::new(
                META.id,
                format!("/vulnerabilities/{v}"),
                "the vulnerability has no CWE",
            ));
        }
    }
}
