//! The two CSAF 2.1 tables on remediation categories (section "Vulnerabilities Property -
//! Remediations - Category"), shared by the tests that enforce them:
//!
//! - "Remediation Combinations" (table 3): pairs of categories that must not both apply to one
//!   product (6.1.35);
//! - "Product Status Remediation Category Combinations" (table 4): which categories are allowed,
//!   discouraged or prohibited for the products of each product status group (6.1.36 for the
//!   prohibited cells, 6.2.27 for the discouraged ones).
//!
//! Both tables apply per product, "independent from whether the product is referenced directly or
//! indirectly through a product group", so [`status_combinations`] resolves product groups.

use crate::model::{ProductStatus, RemediationCategory, Vulnerability};
use crate::rules::Context;
use std::collections::HashMap;

/// A product status group: the columns of table 4.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum StatusGroup {
    /// `first_affected`, `known_affected`, `last_affected`.
    Affected,
    /// `known_not_affected`.
    NotAffected,
    /// `first_fixed`, `fixed`.
    Fixed,
    /// `under_investigation`.
    UnderInvestigation,
    /// `unknown`.
    Unknown,
    /// `recommended`.
    Recommended,
}

impl StatusGroup {
    /// The group of a `product_status` list (by its CSAF key).
    pub(crate) fn of_list(list: &str) -> Option<StatusGroup> {
        Some(match list {
            "first_affected" | "known_affected" | "last_affected" => StatusGroup::Affected,
            "known_not_affected" => StatusGroup::NotAffected,
            "first_fixed" | "fixed" => StatusGroup::Fixed,
            "under_investigation" => StatusGroup::UnderInvestigation,
            "unknown" => StatusGroup::Unknown,
            "recommended" => StatusGroup::Recommended,
            _ => return None,
        })
    }

    /// The group's name in messages (`not affected`, …).
    pub(crate) fn label(self) -> &'static str {
        match self {
            StatusGroup::Affected => "affected",
            StatusGroup::NotAffected => "not affected",
            StatusGroup::Fixed => "fixed",
            StatusGroup::UnderInvestigation => "under investigation",
            StatusGroup::Unknown => "unknown",
            StatusGroup::Recommended => "recommended",
        }
    }
}

/// A cell of table 4.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Combination {
    /// The combination may be used.
    Allowed,
    /// The combination should not be used (6.2.27).
    Discouraged,
    /// The combination must not be used (6.1.36).
    Prohibited,
}

/// The known categories in table order; `None` for a category the specification does not define.
fn row(category: &RemediationCategory) -> Option<usize> {
    Some(match category {
        RemediationCategory::Workaround => 0,
        RemediationCategory::Mitigation => 1,
        RemediationCategory::VendorFix => 2,
        RemediationCategory::OptionalPatch => 3,
        RemediationCategory::NoneAvailable => 4,
        RemediationCategory::FixPlanned => 5,
        RemediationCategory::NoFixPlanned => 6,
        RemediationCategory::Other(_) => return None,
    })
}

/// Table 3, "Remediation Combinations": `true` where the two categories are prohibited together
/// (rows and columns: workaround, mitigation, vendor_fix, optional_patch, none_available,
/// fix_planned, no_fix_planned).
const CONTRADICTS: [[bool; 7]; 7] = {
    const A: bool = false; // allowed
    const P: bool = true; // prohibited
    [
        [A, A, A, P, P, A, A],
        [A, A, A, P, P, A, A],
        [A, A, A, P, P, P, P],
        [P, P, P, A, P, P, P],
        [P, P, P, P, A, P, P],
        [A, A, P, P, P, A, P],
        [A, A, P, P, P, P, A],
    ]
};

/// Whether table 3 prohibits the two categories for one product. Unknown categories (a schema
/// error) contradict nothing.
pub(crate) fn remediations_contradict(a: &RemediationCategory, b: &RemediationCategory) -> bool {
    match (row(a), row(b)) {
        (Some(i), Some(j)) => CONTRADICTS[i][j],
        _ => false,
    }
}

/// Table 4, "Product Status Remediation Category Combinations" (rows as in [`CONTRADICTS`]; columns:
/// affected, not affected, fixed, under investigation, unknown, recommended).
const BY_STATUS: [[Combination; 6]; 7] = {
    use Combination::{Allowed as A, Discouraged as D, Prohibited as P};
    [
        [A, P, P, D, D, A], // workaround
        [A, P, P, D, D, A], // mitigation
        [A, P, P, D, D, A], // vendor_fix
        [P, A, D, A, A, A], // optional_patch
        [A, P, P, A, A, A], // none_available
        [A, D, P, D, D, A], // fix_planned
        [A, D, P, A, A, A], // no_fix_planned
    ]
};

/// The cell of table 4 for a category and a product status group; `None` for an unknown category.
pub(crate) fn status_combination(category: &RemediationCategory, group: StatusGroup) -> Option<Combination> {
    let column = match group {
        StatusGroup::Affected => 0,
        StatusGroup::NotAffected => 1,
        StatusGroup::Fixed => 2,
        StatusGroup::UnderInvestigation => 3,
        StatusGroup::Unknown => 4,
        StatusGroup::Recommended => 5,
    };
    row(category).map(|r| BY_STATUS[r][column])
}

/// One product reference of a remediation (`product_ids[i]` or `group_ids[i]`) whose products are in
/// a status group with which the remediation's category makes a given [`Combination`].
#[derive(Debug)]
pub(crate) struct StatusConflict<'a> {
    /// JSON pointer of the reference (`/vulnerabilities/v/remediations/r/product_ids/i` or `…/group_ids/i`).
    pub pointer: String,
    /// The remediation's category.
    pub category: &'a RemediationCategory,
    /// The group id when the reference is a product group.
    pub via_group: Option<&'a str>,
    /// The status group.
    pub status: StatusGroup,
    /// The products concerned, in document order, without repetition.
    pub products: Vec<&'a str>,
    /// The `product_status` lists (CSAF keys) that put them in the status group.
    pub lists: Vec<&'static str>,
}

impl StatusConflict<'_> {
    /// The message: "remediation category `X` is <verdict> for product `P`, which is fixed (`fixed`)".
    pub(crate) fn message(&self, verdict: &str) -> String {
        let products = self
            .products
            .iter()
            .map(|p| format!("`{p}`"))
            .collect::<Vec<_>>()
            .join(", ");
        let lists = self
            .lists
            .iter()
            .map(|l| format!("`{l}`"))
            .collect::<Vec<_>>()
            .join(", ");
        let (subject, verb) = match (self.via_group, self.products.len()) {
            (Some(g), 1) => (format!("product {products} of group `{g}`"), "is"),
            (Some(g), _) => (format!("products {products} of group `{g}`"), "are"),
            (None, _) => (format!("product {products}"), "is"),
        };
        format!(
            "remediation category `{}` is {verdict} for {subject}, which {verb} {} ({lists})",
            self.category,
            self.status.label()
        )
    }
}

/// Every remediation reference whose products make the combination `wanted` (table 4) with its
/// category, product groups resolved: one item per reference and status group, in document order.
pub(crate) fn status_combinations<'a>(cx: &'a Context<'_>, wanted: Combination) -> Vec<StatusConflict<'a>> {
    let ix = cx.index();
    let mut out = Vec::new();
    for (v, vuln) in cx.advisory.vulnerabilities.iter().enumerate() {
        let status = statuses(&vuln.product_status);
        if status.is_empty() {
            continue;
        }
        for (r, rem) in vuln.remediations.iter().enumerate() {
            let Some(category) = rem.category.as_ref() else {
                continue;
            };
            let refs = rem
                .product_ids
                .iter()
                .enumerate()
                .map(|(i, id)| ("product_ids", i, None, vec![id.as_str()]))
                .chain(rem.group_ids.iter().enumerate().map(|(i, g)| {
                    let members: Vec<&str> = ix.group_members(g).collect();
                    ("group_ids", i, Some(g.as_str()), members)
                }));
            for (key, i, via_group, products) in refs {
                let mut found: Vec<StatusConflict<'a>> = Vec::new();
                for p in products {
                    for &(group, list) in status.get(p).into_iter().flatten() {
                        if status_combination(category, group) != Some(wanted) {
                            continue;
                        }
                        let at = match found.iter().position(|c| c.status == group) {
                            Some(at) => at,
                            None => {
                                found.push(StatusConflict {
                                    pointer: format!("/vulnerabilities/{v}/remediations/{r}/{key}/{i}"),
                                    category,
                                    via_group,
                                    status: group,
                                    products: Vec::new(),
                                    lists: Vec::new(),
                                });
                                found.len() - 1
                            }
                        };
                        let c = &mut found[at];
                        if !c.products.contains(&p) {
                            c.products.push(p);
                        }
                        if !c.lists.contains(&list) {
                            c.lists.push(list);
                        }
                    }
                }
                out.extend(found);
            }
        }
    }
    out
}

/// Product id → the status groups (and lists) it is listed in.
fn statuses(ps: &ProductStatus) -> HashMap<&str, Vec<(StatusGroup, &'static str)>> {
    let mut map: HashMap<&str, Vec<(StatusGroup, &'static str)>> = HashMap::new();
    for (list, ids) in ps.lists() {
        let Some(group) = StatusGroup::of_list(list) else {
            continue;
        };
        for id in ids {
            let entry = map.entry(id.as_str()).or_default();
            if !entry.contains(&(group, list)) {
                entry.push((group, list));
            }
        }
    }
    map
}

/// The products each remediation of `vuln` applies to (groups resolved), in document order without
/// repetition, by remediation position.
pub(crate) fn remediation_products<'a>(cx: &'a Context<'_>, vuln: &'a Vulnerability) -> Vec<Vec<&'a str>> {
    let ix = cx.index();
    vuln.remediations
        .iter()
        .map(|rem| {
            let mut products: Vec<&'a str> = Vec::new();
            let all = rem
                .product_ids
                .iter()
                .map(String::as_str)
                .chain(rem.group_ids.iter().flat_map(|g| ix.group_members(g)));
            for p in all {
                if !products.contains(&p) {
                    products.push(p);
                }
            }
            products
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const ALL: [RemediationCategory; 7] = [
        RemediationCategory::Workaround,
        RemediationCategory::Mitigation,
        RemediationCategory::VendorFix,
        RemediationCategory::OptionalPatch,
        RemediationCategory::NoneAvailable,
        RemediationCategory::FixPlanned,
        RemediationCategory::NoFixPlanned,
    ];

    #[test]
    fn table_3_is_symmetric_and_each_category_combines_with_itself() {
        for a in &ALL {
            assert!(!remediations_contradict(a, a), "{a}");
            for b in &ALL {
                assert_eq!(
                    remediations_contradict(a, b),
                    remediations_contradict(b, a),
                    "{a} {b}"
                );
            }
        }
        assert!(remediations_contradict(
            &RemediationCategory::VendorFix,
            &RemediationCategory::NoFixPlanned
        ));
        assert!(!remediations_contradict(
            &RemediationCategory::Workaround,
            &RemediationCategory::FixPlanned
        ));
    }

    #[test]
    fn table_4_cells() {
        use Combination::*;
        use RemediationCategory as C;
        assert_eq!(
            status_combination(&C::VendorFix, StatusGroup::NotAffected),
            Some(Prohibited)
        );
        assert_eq!(
            status_combination(&C::OptionalPatch, StatusGroup::Affected),
            Some(Prohibited)
        );
        assert_eq!(
            status_combination(&C::OptionalPatch, StatusGroup::Fixed),
            Some(Discouraged)
        );
        assert_eq!(
            status_combination(&C::NoFixPlanned, StatusGroup::Fixed),
            Some(Prohibited)
        );
        assert_eq!(
            status_combination(&C::NoFixPlanned, StatusGroup::Unknown),
            Some(Allowed)
        );
        assert_eq!(
            status_combination(&C::FixPlanned, StatusGroup::NotAffected),
            Some(Discouraged)
        );
        assert_eq!(
            status_combination(&C::Other("x".into()), StatusGroup::Fixed),
            None
        );
        for c in &ALL {
            assert_eq!(
                status_combination(c, StatusGroup::Recommended),
                Some(Allowed),
                "{c}"
            );
        }
    }
}
