use crate::diag::Finding;
use crate::rules::optional::version_range_overlap::{
    ids_with_status, overlapping_range_leaves, status_findings, Kind, Relation,
};
use crate::rules::Context;

declare_rule! {
    /// ## What it checks
    /// Within one vulnerability, no two products defined by sibling branches of category
    /// `product_version_range` (each with a `product` and no `branches`) whose vers ranges overlap
    /// are in the same product status group (affected: `first_affected`, `known_affected`,
    /// `last_affected`; not affected; fixed: `first_fixed`, `fixed`; under investigation; unknown —
    /// `recommended` is no group here). Ranges overlap as in 6.2.50.1. Reported at the second
    /// product's entry in `product_status`.
    ///
    /// ## Why
    /// A weak sign of a badly built product tree: the versions in both ranges are stated twice.
    /// Merge the ranges, or split them so that they do not overlap.
    ///
    /// ## Invalid
    /// ```json
    /// "branches": [
    ///   {"category": "product_version_range", "name": "vers:intdot/>2.1.0|<4.2.0", "product": {"name": "A >2.1.0|<4.2.0", "product_id": "CSAFPID-1"}},
    ///   {"category": "product_version_range", "name": "vers:intdot/>1.2.0|<2.4.0", "product": {"name": "A >1.2.0|<2.4.0", "product_id": "CSAFPID-2"}}
    /// ]
    /// "product_status": {"first_fixed": ["CSAFPID-2"], "fixed": ["CSAFPID-1"]}
    /// ```
    /// ## Valid
    /// ```json
    /// "branches": [
    ///   {"category": "product_version_range", "name": "vers:intdot/>2.1.0|<4.2.0", "product": {"name": "A >2.1.0|<4.2.0", "product_id": "CSAFPID-1"}},
    ///   {"category": "product_version_range", "name": "vers:intdot/>1.2.0|<=2.1.0", "product": {"name": "A >1.2.0|<=2.1.0", "product_id": "CSAFPID-2"}}
    /// ]
    /// "product_status": {"first_fixed": ["CSAFPID-2"], "fixed": ["CSAFPID-1"]}
    /// ```
    OverlappingProductVersionRangeWithVersInSameProductStatusGroup, id = "6.3.19.1",
    name = "overlapping-product-version-range-with-vers-in-same-product-status-group",
    group = Informative,
    summary = "products of overlapping vers ranges are in the same product status group",
    since = "2.1",
}

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    let Some(tree) = &cx.advisory.product_tree else {
        return;
    };
    let pairs = overlapping_range_leaves(tree, Kind::Vers, &ids_with_status(cx));
    status_findings(
        cx,
        META.id,
        &pairs,
        Relation::Same,
        "merge the ranges, or split them so that they do not overlap",
        out,
    );
}
