use crate::diag::Finding;
use crate::rules::optional::version_range_overlap::{
    ids_with_status, overlapping_range_leaves, status_findings, Kind, Relation,
};
use crate::rules::Context;

declare_rule! {
    /// ## What it checks
    /// Within one vulnerability, no two products defined by sibling branches of category
    /// `product_version_range` (each with a `product` and no `branches`) whose vls ranges overlap
    /// are in the same product status group (as in 6.3.19.1). vls ranges are compared on a
    /// best-effort basis, in a generic version order (see 6.2.50.2). Reported at the second
    /// product's entry in `product_status`.
    ///
    /// ## Why
    /// A weak sign of a badly built product tree: the versions in both ranges are stated twice.
    /// Merge the ranges, or split them so that they do not overlap.
    ///
    /// ## Invalid
    /// ```json
    /// "branches": [
    ///   {"category": "product_version_range", "name": ">2.1.0|<4.2.0", "product": {"name": "A >2.1.0|<4.2.0", "product_id": "CSAFPID-1"}},
    ///   {"category": "product_version_range", "name": ">1.2.0|<2.4.0", "product": {"name": "A >1.2.0|<2.4.0", "product_id": "CSAFPID-2"}}
    /// ]
    /// "product_status": {"first_fixed": ["CSAFPID-2"], "fixed": ["CSAFPID-1"]}
    /// ```
    /// ## Valid
    /// ```json
    /// "branches": [
    ///   {"category": "product_version_range", "name": ">2.1.0|<4.2.0", "product": {"name": "A >2.1.0|<4.2.0", "product_id": "CSAFPID-1"}},
    ///   {"category": "product_version_range", "name": ">1.2.0|<=2.1.0", "product": {"name": "A >1.2.0|<=2.1.0", "product_id": "CSAFPID-2"}}
    /// ]
    /// "product_status": {"first_fixed": ["CSAFPID-2"], "fixed": ["CSAFPID-1"]}
    /// ```
    OverlappingProductVersionRangeWithVlsInSameProductStatusGroup, id = "6.3.19.2",
    name = "overlapping-product-version-range-with-vls-in-same-product-status-group",
    group = Informative,
    summary = "products of overlapping vls ranges are in the same product status group",
    since = "2.1",
}

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    let Some(tree) = &cx.advisory.product_tree else {
        return;
    };
    let pairs = overlapping_range_leaves(tree, Kind::Vls, &ids_with_status(cx));
    status_findings(
        cx,
        META.id,
        &pairs,
        Relation::Same,
        "merge the ranges, or split them so that they do not overlap",
        out,
    );
}
