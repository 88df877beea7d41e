use crate::diag::Finding;
use crate::rules::Context;

declare_rule! {
    /// ## What it checks
    /// No item of `/vulnerabilities[]/ids` has a `text` that is a CVE id (`^CVE-[0-9]{4}-[0-9]{4,}$`).
    ///
    /// ## Why
    /// CVE ids belong in `cve`, where every tool looks for them.
    ///
    /// ## Invalid
    /// ```json
    /// "ids": [{"system_name": "CVE Project", "text": "CVE-2021-44228"}]
    /// ```
    /// ## Valid
    /// ```json
    /// "cve": "CVE-2021-44228"
    /// ```
    CveInFieldIds, id = "6.2.17", name = "cve-in-field-ids", group = Optional,
    summary = "a CVE id is listed in `ids` instead of `cve`",
}

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    for (v, vuln) in cx.advisory.vulnerabilities.iter().enumerate() {
        for (i, id) in vuln.ids.iter().enumerate() {
            let Some(text) = &id.text else { continue };
            if is_cve(text) {
                out.push(
                    Finding::new(
                        META.id,
                        format!("/vulnerabilities/{v}/ids/{i}"),
                        format!("`{text}` is a CVE id listed in `ids`"),
                    )
                    .help("put it in `cve`"),
                );
            }
        }
    }
}

/// `^CVE-[0-9]{4}-[0-9]{4,}$`
pub(crate) fn is_cve(s: &str) -> bool {
    let Some(rest) = s.strip_prefix("CVE-") else {
        return false;
    };
    let Some((year, num)) = rest.split_once('-') else {
        return false;
    };
    year.len() == 4
        && year.bytes().all(|b| b.is_ascii_digit())
        && num.len() >= 4
        && num.bytes().all(|b| b.is_ascii_digit())
}
