use crate::diag::Finding;
use crate::index::FastMap;
use crate::rules::Context;

declare_rule! {
    /// ## What it checks
    /// Within one vulnerability, no product is in two contradicting product status groups: affected
    /// (`first_affected`, `known_affected`, `last_affected`), not affected (`known_not_affected`), fixed
    /// (`first_fixed`, `fixed`), under investigation (`under_investigation`) and, in CSAF 2.1, unknown
    /// (`unknown`). `recommended` contradicts nothing.
    ///
    /// ## Why
    /// A product cannot be affected and fixed (or not affected) by the same vulnerability at once.
    ///
    /// ## Invalid
    /// ```json
    /// "product_status": {"known_affected": ["CSAFPID-1"], "known_not_affected": ["CSAFPID-1"]}
    /// ```
    /// ## Valid
    /// ```json
    /// "product_status": {"known_affected": ["CSAFPID-1"], "recommended": ["CSAFPID-1"]}
    /// ```
    ContradictingProductStatus, id = "6.1.6", name = "contradicting-product-status", group = Mandatory,
    summary = "a product is in contradicting product status groups of one vulnerability",
}

fn group_of(list: &str, v21: bool) -> Option<&'static str> {
    Some(match list {
        "first_affected" | "known_affected" | "last_affected" => "affected",
        "known_not_affected" => "not affected",
        "first_fixed" | "fixed" => "fixed",
        "under_investigation" => "under investigation",
        "unknown" if v21 => "unknown",
        _ => return None,
    })
}

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    let v21 = cx.version().is_csaf21();
    let mut seen: FastMap<&str, (&str, &str)> = FastMap::default();
    for (v, vuln) in cx.advisory.vulnerabilities.iter().enumerate() {
        seen.clear();
        for (list, ids) in vuln.product_status.lists() {
            let Some(group) = group_of(list, v21) else {
                continue;
            };
            for (i, id) in ids.iter().enumerate() {
                match seen.get(id.as_str()) {
                    Some(&(g, first_list)) if g != group => out.push(
                        Finding::new(
                            META.id,
                            format!("/vulnerabilities/{v}/product_status/{list}/{i}"),
                            format!(
                                "product `{id}` is listed as {group} (`{list}`) and as {g} (`{first_list}`)"
                            ),
                        )
                        .help("keep the product in one status group per vulnerability"),
                    ),
                    Some(_) => {}
                    None => {
                        seen.insert(id, (group, list));
                    }
                }
            }
        }
    }
}
