use super::version_range_overlap::{ids_with_status, status_findings, versions_in_range_leaves, Relation};
use crate::diag::Finding;
use crate::rules::Context;

declare_rule! {
    /// ## What it checks
    /// Within one vulnerability, a product defined by a branch of category `product_version` is not
    /// in a product status group that contradicts (see 6.1.6) the group of a product defined by a
    /// sibling branch of category `product_version_range` whose range includes the version (both
    /// branches with a `product` and no `branches`). A vers range is read by the vers rules, in
    /// the order of its type (a version that is not of the type, or a type csaflint cannot order,
    /// is not compared); a vls range on a best-effort basis, in a generic version order (see
    /// 6.2.50.2). Reported at the version's entry in `product_status`.
    ///
    /// ## Why
    /// The version is stated once by itself and once through the range, with contradicting
    /// statuses. Exclude the version from the range (`!=`) or correct one of the statuses.
    ///
    /// ## Invalid
    /// ```json
    /// "branches": [
    ///   {"category": "product_version_range", "name": "vers:intdot/>2.1.0|<4.2.0", "product": {"name": "A >2.1.0|<4.2.0", "product_id": "CSAFPID-1"}},
    ///   {"category": "product_version", "name": "2.4.0", "product": {"name": "A 2.4.0", "product_id": "CSAFPID-2"}}
    /// ]
    /// "product_status": {"known_affected": ["CSAFPID-1"], "known_not_affected": ["CSAFPID-2"]}
    /// ```
    /// ## Valid
    /// ```json
    /// "branches": [
    ///   {"category": "product_version_range", "name": "vers:intdot/>2.1.0|!=2.4.0|<4.2.0", "product": {"name": "A >2.1.0|!=2.4.0|<4.2.0", "product_id": "CSAFPID-1"}},
    ///   {"category": "product_version", "name": "2.4.0", "product": {"name": "A 2.4.0", "product_id": "CSAFPID-2"}}
    /// ]
    /// "product_status": {"known_affected": ["CSAFPID-1"], "known_not_affected": ["CSAFPID-2"]}
    /// ```
    OverlappingProductVersionRangeWithProductVersionInContradictingProductStatusGroup, id = "6.2.50.3",
    name = "overlapping-product-version-range-with-product-version-in-contradicting-product-status-group",
    group = Optional,
    summary = "a product version in a range is in a product status group contradicting the range's",
    since = "2.1",
}

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    let Some(tree) = &cx.advisory.product_tree else {
        return;
    };
    let pairs = versions_in_range_leaves(tree, &ids_with_status(cx));
    status_findings(
        cx,
        META.id,
        &pairs,
        Relation::Contradicting,
        "exclude the version from the range with `!=`, or correct one of the two statuses",
        out,
    );
}
