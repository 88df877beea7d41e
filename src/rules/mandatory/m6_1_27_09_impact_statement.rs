use crate::diag::Finding;
use crate::rules::Context;

declare_rule! {
    /// ## What it checks
    /// Every product in `/vulnerabilities[]/product_status/known_not_affected` has an impact statement: a flag, or a threat of category `impact`, that names it directly or through a product group.
    ///
    /// Applies to documents of the categories `csaf_vex`; skipped for all others.
    ///
    /// ## Why
    /// VEX consumers need to know why a product is not affected.
    ///
    /// ## Invalid
    /// ```json
    /// "product_status": {"known_not_affected": ["CSAFPID-3"]}, "threats": [{"category": "impact", "details": "…", "group_ids": ["CSAFGID-1"]}]  (CSAFPID-3 not in CSAFGID-1)
    /// ```
    /// ## Valid
    /// ```json
    /// "product_status": {"known_not_affected": ["CSAFPID-1"]}, "flags": [{"label": "component_not_present", "product_ids": ["CSAFPID-1"]}]
    /// ```
    ImpactStatement, id = "6.1.27.9", name = "impact-statement", group = Mandatory,
    summary = "a known-not-affected product of a VEX document has no impact statement",
}

const CATEGORIES: &[&str] = &["csaf_vex"];

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    let Some(category) = cx.advisory.document.category.as_deref() else {
        return;
    };
    if !CATEGORIES.contains(&category) {
        return;
    }
    use crate::model::ThreatCategory;
    let ix = cx.index();
    for (v, vuln) in cx.advisory.vulnerabilities.iter().enumerate() {
        let mut covered: std::collections::HashSet<&str> = std::collections::HashSet::new();
        let statements = vuln.flags.iter().map(|f| (&f.product_ids, &f.group_ids)).chain(
            vuln.threats
                .iter()
                .filter(|t| t.category == Some(ThreatCategory::Impact))
                .map(|t| (&t.product_ids, &t.group_ids)),
        );
        for (ids, groups) in statements {
            covered.extend(ids.iter().map(String::as_str));
            for g in groups {
                covered.extend(ix.group_members(g));
            }
        }
        for (i, p) in vuln.product_status.known_not_affected.iter().enumerate() {
            if !covered.contains(p.as_str()) {
                out.push(
                    Finding::new(
                        META.id,
                        format!("/vulnerabilities/{v}/product_status/known_not_affected/{i}"),
                        format!("product `{p}` is known not affected but has no impact statement"),
                    )
                    .help("add a flag or a threat of category `impact` that names the product"),
                );
            }
        }
    }
}
