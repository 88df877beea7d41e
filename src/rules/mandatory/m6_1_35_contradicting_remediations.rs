use crate::diag::Finding;
use crate::rules::remediation_tables::{remediation_products, remediations_contradict};
use crate::rules::Context;

declare_rule! {
    /// ## What it checks
    /// Within one vulnerability, no product (named directly or through a product group) has two
    /// remediations whose categories contradict each other according to the table "Remediation
    /// Combinations" of CSAF 2.1: `optional_patch` and `none_available` combine with nothing but
    /// themselves, and `vendor_fix`, `fix_planned` and `no_fix_planned` exclude each other.
    /// `workaround` and `mitigation` combine with the other categories.
    ///
    /// ## Why
    /// A product cannot have a vendor fix and no planned fix at once; one of the two statements is
    /// wrong, and a reader cannot tell which.
    ///
    /// ## Invalid
    /// ```json
    /// "remediations": [
    ///   {"category": "no_fix_planned", "details": "End of life.", "product_ids": ["CSAFPID-1"]},
    ///   {"category": "vendor_fix", "details": "Update to 14.3.", "product_ids": ["CSAFPID-1"]}
    /// ]
    /// ```
    /// ## Valid
    /// ```json
    /// "remediations": [
    ///   {"category": "mitigation", "details": "Block port 443.", "product_ids": ["CSAFPID-1"]},
    ///   {"category": "vendor_fix", "details": "Update to 14.3.", "product_ids": ["CSAFPID-1"]}
    /// ]
    /// ```
    ContradictingRemediations, id = "6.1.35", name = "contradicting-remediations", group = Mandatory,
    summary = "a product has remediations of contradicting categories",
    since = "2.1",
}

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    for (v, vuln) in cx.advisory.vulnerabilities.iter().enumerate() {
        let products = remediation_products(cx, vuln);
        for (later, rem) in vuln.remediations.iter().enumerate() {
            let Some(category) = &rem.category else {
                continue;
            };
            for (earlier, other) in vuln.remediations[..later].iter().enumerate() {
                let Some(other_category) = &other.category else {
                    continue;
                };
                if !remediations_contradict(category, other_category) {
                    continue;
                }
                let shared: Vec<&str> = products[later]
                    .iter()
                    .copied()
                    .filter(|p| products[earlier].contains(p))
                    .collect();
                if shared.is_empty() {
                    continue;
                }
                let list = shared
                    .iter()
                    .map(|p| format!("`{p}`"))
                    .collect::<Vec<_>>()
                    .join(", ");
                let noun = if shared.len() == 1 { "product" } else { "products" };
                out.push(
                    Finding::new(
                        META.id,
                        format!("/vulnerabilities/{v}/remediations/{later}/category"),
                        format!(
                            "remediation category `{category}` contradicts `{other_category}` of \
                             remediation {earlier} for {noun} {list}"
                        ),
                    )
                    .help(format!(
                        "remove the {noun} from one of the two remediations; `{category}` and \
                         `{other_category}` must not apply to the same product"
                    )),
                );
            }
        }
    }
}
