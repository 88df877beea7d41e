use crate::diag::Finding;
use crate::rules::Context;

declare_rule! {
    /// ## What it checks
    /// Every CWE given for a vulnerability exists, and its `name` is the name of that id in the CWE
    /// catalogue. CSAF 2.0 names no catalogue version, so a name is accepted when the id carried it in
    /// any version of the catalogue (1.0 … 4.20, shipped with the tool); CSAF 2.1 documents state the
    /// `version`, and the id and name are checked against exactly that version.
    ///
    /// ## Why
    /// Consumers group and filter by CWE; a wrong id or a name from another weakness misleads them.
    ///
    /// ## Invalid
    /// ```json
    /// "cwe": {"id": "CWE-79", "name": "Improper Input Validation"}
    /// ```
    /// ## Valid
    /// ```json
    /// "cwe": {"id": "CWE-79", "name": "Improper Neutralization of Input During Web Page Generation ('Cross-site Scripting')"}
    /// ```
    Cwe, id = "6.1.11", name = "cwe", group = Mandatory,
    summary = "a CWE id does not exist or its name does not match",
}

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    let v21 = cx.version().is_csaf21();
    for (v, vuln) in cx.advisory.vulnerabilities.iter().enumerate() {
        for (c, cwe) in vuln.cwes.iter().enumerate() {
            let base = if v21 {
                format!("/vulnerabilities/{v}/cwes/{c}")
            } else {
                format!("/vulnerabilities/{v}/cwe")
            };
            let Some(id) = cwe.id.as_deref() else { continue };
            let version = if v21 { cwe.version.as_deref() } else { None };
            if let Some(ver) = version {
                if !crate::cwe::is_version(ver) {
                    out.push(Finding::new(
                        META.id,
                        format!("{base}/version"),
                        format!("`{ver}` is not a version of the CWE catalogue"),
                    ));
                    continue;
                }
            }
            let lookup = crate::cwe::lookup(id, version);
            let exists = if version.is_some() {
                lookup.exists_in_version()
            } else {
                lookup.exists_in_any_version()
            };
            if !exists {
                let scope = version.map_or("the CWE catalogue".to_owned(), |v| format!("CWE catalogue {v}"));
                out.push(Finding::new(
                    META.id,
                    format!("{base}/id"),
                    format!("`{id}` does not exist in {scope}"),
                ));
                continue;
            }
            let Some(name) = cwe.name.as_deref() else { continue };
            if !crate::cwe::name_matches(id, name, version) {
                let expected = lookup
                    .name()
                    .or_else(|| lookup.latest().map(|w| w.name()))
                    .unwrap_or_default();
                out.push(
                    Finding::new(
                        META.id,
                        format!("{base}/name"),
                        format!("`{name}` is not the name of `{id}`, which is `{expected}`"),
                    )
                    .help(format!("use the name `{expected}`")),
                );
            }
        }
    }
}
