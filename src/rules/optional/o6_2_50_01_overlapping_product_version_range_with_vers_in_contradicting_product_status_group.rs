use super::version_range_overlap::{
    ids_with_status, overlapping_range_leaves, status_findings, Kind, Relation,
};
use crate::diag::Finding;
use crate::rules::Context;

declare_rule! {
    /// ## What it checks
    /// Within one vulnerability, no two products defined by sibling branches of category
    /// `product_version_range` (each with a `product` and no `branches`) whose vers ranges overlap
    /// are in contradicting product status groups (affected, not affected, fixed, under
    /// investigation, unknown; see 6.1.6). Two ranges overlap when some version is in both, by the
    /// vers rules for checking "if a version is contained within a range"; ranges of different
    /// vers types are not compared, nor are ranges of a type csaflint cannot order (see 6.2.51).
    /// Reported at the second product's entry in `product_status`.
    ///
    /// ## Why
    /// For the versions in both ranges "it cannot be determined which product status is
    /// applicable". Split the ranges so that they do not overlap.
    ///
    /// ## Invalid
    /// ```json
    /// "branches": [
    ///   {"category": "product_version_range", "name": "vers:intdot/>2.1.0|<4.2.0", "product": {"name": "A >2.1.0|<4.2.0", "product_id": "CSAFPID-1"}},
    ///   {"category": "product_version_range", "name": "vers:intdot/>1.2.0|<2.4.0", "product": {"name": "A >1.2.0|<2.4.0", "product_id": "CSAFPID-2"}}
    /// ]
    /// "product_status": {"known_affected": ["CSAFPID-1"], "known_not_affected": ["CSAFPID-2"]}
    /// ```
    /// ## Valid
    /// ```json
    /// "branches": [
    ///   {"category": "product_version_range", "name": "vers:intdot/>2.4.0|<4.2.0", "product": {"name": "A >2.4.0|<4.2.0", "product_id": "CSAFPID-1"}},
    ///   {"category": "product_version_range", "name": "vers:intdot/>1.2.0|<2.1.0", "product": {"name": "A >1.2.0|<2.1.0", "product_id": "CSAFPID-2"}}
    /// ]
    /// "product_status": {"known_affected": ["CSAFPID-1"], "known_not_affected": ["CSAFPID-2"]}
    /// ```
    OverlappingProductVersionRangeWithVersInContradictingProductStatusGroup, id = "6.2.50.1",
    name = "overlapping-product-version-range-with-vers-in-contradicting-product-status-group",
    group = Optional,
    summary = "products of overlapping vers ranges are in contradicting product status groups",
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
        Relation::Contradicting,
        "split the ranges so that they do not overlap; the status of the versions in both cannot be determined",
        out,
    );
}
