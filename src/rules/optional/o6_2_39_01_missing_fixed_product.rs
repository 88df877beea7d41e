use crate::diag::Finding;
use crate::model::RemediationCategory;
use crate::rules::mandatory::m6_1_27_13_corresponding_affected_products::Tree;
use crate::rules::Context;

declare_rule! {
    /// ## What it checks
    /// For each product in the product status group Affected (`first_affected`, `known_affected`,
    /// `last_affected`) of a vulnerability, a corresponding version of that product is listed as
    /// fixed (`first_fixed`, `fixed`) in the same vulnerability.
    ///
    /// The product is skipped when "there is a clear indication, that such a version of the product
    /// does not exist": a remediation of the vulnerability with the category `fix_planned`,
    /// `no_fix_planned` or `none_available` refers to it (through `product_ids` or a group in
    /// `group_ids`). Other remediations (e.g. `vendor_fix`) do not skip it.
    ///
    /// Two products correspond as in the mandatory test 6.1.27.13 (which checks the other direction):
    /// branch paths that differ only in `product_version` / `product_version_range` branches,
    /// product paths equal but for one corresponding element, the part of a product path before an
    /// `installed_with` step, and any product that is only a `full_product_names` entry (its version
    /// cannot be told from the product tree). A product that is not defined is left to 6.1.1.
    ///
    /// Applies to documents of the category `csaf_security_advisory`; skipped for all others.
    ///
    /// ## Why
    /// A security advisory that says a product is affected should say which version fixes it, or
    /// say that there is no fix.
    ///
    /// ## Invalid
    /// ```json
    /// "branches": [ … {"category": "product_version", "name": "4.1", "product": {"name": "Product A 4.1", "product_id": "CSAFPID-1"}} … ],
    /// "vulnerabilities": [{"product_status": {"known_affected": ["CSAFPID-1"]},
    ///   "remediations": [{"category": "vendor_fix", "details": "Update to version 4.2.", "product_ids": ["CSAFPID-1"]}]}]
    /// ```
    /// ## Valid
    /// ```json
    /// "branches": [ … {"category": "product_version", "name": "4.1", …"CSAFPID-1"}, {"category": "product_version", "name": "4.2", …"CSAFPID-2"} … ],
    /// "vulnerabilities": [{"product_status": {"known_affected": ["CSAFPID-1"], "fixed": ["CSAFPID-2"]}, …}]
    /// ```
    MissingFixedProduct, id = "6.2.39.1", name = "missing-fixed-product", group = Optional,
    summary = "an affected product of a security advisory has no corresponding fixed version in the same vulnerability",
    since = "2.1",
}

const CATEGORIES: &[&str] = &["csaf_security_advisory"];

/// Remediation categories that say there is no fixed version (yet).
fn no_fixed_version(c: Option<&RemediationCategory>) -> bool {
    matches!(
        c,
        Some(
            RemediationCategory::FixPlanned
                | RemediationCategory::NoFixPlanned
                | RemediationCategory::NoneAvailable
        )
    )
}

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    let Some(category) = cx.advisory.document.category.as_deref() else {
        return;
    };
    if !CATEGORIES.contains(&category) {
        return;
    }
    let ix = cx.index();
    let tree = Tree::new(cx);
    for (v, vuln) in cx.advisory.vulnerabilities.iter().enumerate() {
        let ps = &vuln.product_status;
        let fixed: Vec<&str> = [&ps.first_fixed, &ps.fixed]
            .into_iter()
            .flatten()
            .map(String::as_str)
            .collect();
        let without_fix = ix.covered(
            vuln.remediations
                .iter()
                .filter(|r| no_fixed_version(r.category.as_ref()))
                .map(|r| (&r.product_ids[..], &r.group_ids[..])),
        );
        for (list, affected) in [
            ("first_affected", &ps.first_affected),
            ("known_affected", &ps.known_affected),
            ("last_affected", &ps.last_affected),
        ] {
            for (i, a) in affected.iter().enumerate() {
                if !ix.is_product_defined(a) || without_fix.contains(a.as_str()) {
                    continue;
                }
                let ok = fixed.iter().any(|&f| {
                    f != a && (tree.unstructured(a) || tree.unstructured(f) || tree.corresponds(a, f, 0))
                });
                if !ok {
                    out.push(
                        Finding::new(
                            META.id,
                            format!("/vulnerabilities/{v}/product_status/{list}/{i}"),
                            format!(
                                "product `{a}` is affected, but no corresponding fixed version of it is listed in this vulnerability"
                            ),
                        )
                        .help("list the version that fixes it in `fixed`, or add a `fix_planned`, `no_fix_planned` or `none_available` remediation for it"),
                    );
                }
            }
        }
    }
}
