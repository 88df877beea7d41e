use crate::diag::Finding;
use crate::rules::Context;
use std::collections::HashMap;

declare_rule! {
    /// ## What it checks
    /// No CVE id is used by more than one vulnerability item.
    ///
    /// ## Why
    /// One vulnerability must be described in one place; two items for one CVE contradict or repeat each other.
    ///
    /// ## Invalid
    /// ```json
    /// "vulnerabilities": [{"cve": "CVE-2017-0145"}, {"cve": "CVE-2017-0145"}]
    /// ```
    /// ## Valid
    /// ```json
    /// "vulnerabilities": [{"cve": "CVE-2017-0145"}, {"cve": "CVE-2017-0146"}]
    /// ```
    MultipleUseOfSameCve, id = "6.1.23", name = "multiple-use-of-same-cve", group = Mandatory,
    summary = "the same CVE is used in more than one vulnerability",
}

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for (v, vuln) in cx.advisory.vulnerabilities.iter().enumerate() {
        let Some(cve) = vuln.cve.as_deref() else { continue };
        if let Some(&first) = seen.get(cve) {
            out.push(Finding::new(
                META.id,
                format!("/vulnerabilities/{v}/cve"),
                format!("`{cve}` is already used by `/vulnerabilities/{first}`"),
            ));
        } else {
            seen.insert(cve, v);
        }
    }
}
