use super::version_range_overlap::{
    ids_with_status, overlapping_range_leaves, status_findings, Kind, Relation,
};
use crate::diag::Finding;
use crate::rules::Context;

declare_rule! {
    /// ## What it checks
    /// Within one vulnerability, no two products defined by sibling branches of category
    /// `product_version_range` (each with a `product` and no `branches`) whose vls ranges (vers
    /// constraints without `vers:<type>/`) overlap are in contradicting product status groups
    /// (affected, not affected, fixed, under investigation, unknown; see 6.1.6). A vls has no
    /// version type, so this is best effort, as CSAF allows ("Tools MAY support this on best effort
    /// basis"): the versions are compared in a generic order (runs of digits as numbers, runs of
    /// letters case-insensitively and before numbers, so `1.2` = `1.2.0` < `1.10` and
    /// `2.0pre1` < `2.0`), the constraints sorted in it and read by the vers rules; a vls that then
    /// breaks the vers rules is not compared. Reported at the second product's entry in
    /// `product_status`.
    ///
    /// ## Why
    /// For the versions in both ranges it cannot be determined which product status is applicable.
    /// Split the ranges so that they do not overlap.
    ///
    /// ## Invalid
    /// ```json
    /// "branches": [
    ///   {"category": "product_version_range", "name": ">2.1.0|<4.2.0", "product": {"name": "A >2.1.0|<4.2.0", "product_id": "CSAFPID-1"}},
    ///   {"category": "product_version_range", "name": ">1.2.0|<2.4.0", "product": {"name": "A >1.2.0|<2.4.0", "product_id": "CSAFPID-2"}}
    /// ]
    /// "product_status": {"known_affected": ["CSAFPID-1"], "known_not_affected": ["CSAFPID-2"]}
    /// ```
    /// ## Valid
    /// ```json
    /// "branches": [
    ///   {"category": "product_version_range", "name": ">2.4.0|<4.2.0", "product": {"name": "A >2.4.0|<4.2.0", "product_id": "CSAFPID-1"}},
    ///   {"category": "product_version_range", "name": ">1.2.0|<2.1.0", "product": {"name": "A >1.2.0|<2.1.0", "product_id": "CSAFPID-2"}}
    /// ]
    /// "product_status": {"known_affected": ["CSAFPID-1"], "known_not_affected": ["CSAFPID-2"]}
    /// ```
    OverlappingProductVersionRangeWithVlsInContradictingProductStatusGroup, id = "6.2.50.2",
    name = "overlapping-product-version-range-with-vls-in-contradicting-product-status-group",
    group = Optional,
    summary = "products of overlapping vls ranges are in contradicting product status groups",
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
        Relation::Contradicting,
        "split the ranges so that they do not overlap; the status of the versions in both cannot be determined",
        out,
    );
}
