use crate::diag::Finding;
use crate::model::RemediationCategory;
use crate::rules::Context;
use std::collections::HashMap;

declare_rule! {
    /// ## What it checks
    /// No affected product (`first_affected`, `known_affected`, `last_affected`) is left with nothing to
    /// do: its remediations (directly or through product groups) are all `none_available`,
    /// `no_fix_planned` or, in CSAF 2.1, `fix_planned` (CVRF: None Available, Will Not Fix), with no
    /// `vendor_fix`, `mitigation`, `workaround` or `optional_patch`. Products without any remediation are
    /// left to test 6.2.2. Runs on advisories. Raised to error by the `vendor-release` preset.
    ///
    /// ## Why
    /// An advisory that confirms a product is vulnerable and offers neither a fix nor a way to reduce
    /// the risk leaves the people running it with nothing to do; a vendor should at least give a
    /// mitigation or workaround.
    ///
    /// ## Invalid
    /// ```json
    /// "product_status": {"known_affected": ["CSAFPID-1"]},
    /// "remediations": [{"category": "none_available", "details": "No fix is available.", "product_ids": ["CSAFPID-1"]}]
    /// ```
    /// ## Valid
    /// The same plus `{"category": "workaround", "details": "Disable the service.", "product_ids": ["CSAFPID-1"]}`.
    AffectedProductWithoutFix, id = "CL104", name = "affected-product-without-fix", group = Release,
    summary = "an affected product has no fix, mitigation or workaround",
    severity = Warning, url = "README.md#release-checks",
}

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    if !cx.advisory.is_release_target() {
        return;
    }
    let ix = cx.index();
    for (v, vuln) in cx.advisory.vulnerabilities.iter().enumerate() {
        // Per product: (has any remediation, has an actionable one).
        let mut state: HashMap<&str, (bool, bool)> = HashMap::new();
        for rem in &vuln.remediations {
            let actionable = !matches!(
                rem.category,
                Some(
                    RemediationCategory::NoneAvailable
                        | RemediationCategory::NoFixPlanned
                        | RemediationCategory::FixPlanned
                )
            );
            for p in ix.covered([(&rem.product_ids[..], &rem.group_ids[..])]) {
                let e = state.entry(p).or_default();
                e.0 = true;
                e.1 |= actionable;
            }
        }
        for (list, ids) in vuln.product_status.lists() {
            if !matches!(list, "first_affected" | "known_affected" | "last_affected") {
                continue;
            }
            for (i, id) in ids.iter().enumerate() {
                if state.get(id.as_str()) == Some(&(true, false)) {
                    out.push(
                        Finding::new(
                            META.id,
                            format!("/vulnerabilities/{v}/product_status/{list}/{i}"),
                            format!("affected product `{id}` has no fix, mitigation or workaround"),
                        )
                        .help("add a `vendor_fix`, `mitigation` or `workaround` remediation for it"),
                    );
                }
            }
        }
    }
}
