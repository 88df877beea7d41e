use crate::diag::Finding;
use crate::rules::Context;

declare_rule! {
    /// ## What it checks
    /// Every product in `/vulnerabilities[]/product_status/known_affected` has an action statement: a remediation that names it directly or through a product group.
    ///
    /// Applies to documents of the categories `csaf_vex`; skipped for all others.
    ///
    /// ## Why
    /// VEX consumers need to know what to do about an affected product.
    ///
    /// ## Invalid
    /// ```json
    /// "product_status": {"known_affected": ["CSAFPID-3"]}, "remediations": [{"category": "no_fix_planned", "details": "…", "group_ids": ["CSAFGID-1"]}]  (CSAFPID-3 not in CSAFGID-1)
    /// ```
    /// ## Valid
    /// ```json
    /// "product_status": {"known_affected": ["CSAFPID-1"]}, "remediations": [{"category": "vendor_fix", "details": "Update.", "product_ids": ["CSAFPID-1"]}]
    /// ```
    ActionStatement, id = "6.1.27.10", name = "action-statement", group = Mandatory,
    summary = "a known-affected product of a VEX document has no action statement",
}

const CATEGORIES: &[&str] = &["csaf_vex"];

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    let Some(category) = cx.advisory.document.category.as_deref() else {
        return;
    };
    if !CATEGORIES.contains(&category) {
        return;
    }
    let ix = cx.index();
    for (v, vuln) in cx.advisory.vulnerabilities.iter().enumerate() {
        let mut covered: std::collections::HashSet<&str> = std::collections::HashSet::new();
        for r in &vuln.remediations {
            covered.extend(r.product_ids.iter().map(String::as_str));
            for g in &r.group_ids {
                covered.extend(ix.group_members(g));
            }
        }
        for (i, p) in vuln.product_status.known_affected.iter().enumerate() {
            if !covered.contains(p.as_str()) {
                out.push(
                    Finding::new(
                        META.id,
                        format!("/vulnerabilities/{v}/product_status/known_affected/{i}"),
                        format!("product `{p}` is known affected but has no action statement"),
                    )
                    .help("add a remediation that names the product"),
                );
            }
        }
    }
}
