use crate::diag::Finding;
use crate::rules::optional::version_range_overlap::{
    ids_with_status, status_findings, versions_in_range_leaves, Relation,
};
use crate::rules::Context;

declare_rule! {
    /// ## What it checks
    /// Within one vulnerability, a product defined by a branch of category `product_version` is not
    /// in the same product status group (as in 6.3.19.1) as a product defined by a sibling branch
    /// of category `product_version_range` whose range includes the version (both branches with a
    /// `product` and no `branches`). Versions are compared as in 6.2.50.3. Reported at the
    /// version's entry in `product_status`.
    ///
    /// ## Why
    /// A weak sign of a badly built product tree: the version is stated twice, once by itself and
    /// once through the range. Exclude it from the range (`!=`) or drop one of the statements.
    ///
    /// ## Invalid
    /// ```json
    /// "branches": [
    ///   {"category": "product_version_range", "name": "vers:intdot/>2.1.0|<4.2.0", "product": {"name": "A >2.1.0|<4.2.0", "product_id": "CSAFPID-1"}},
    ///   {"category": "product_version", "name": "2.4.0", "product": {"name": "A 2.4.0", "product_id": "CSAFPID-2"}}
    /// ]
    /// "product_status": {"first_fixed": ["CSAFPID-2"], "fixed": ["CSAFPID-1"]}
    /// ```
    /// ## Valid
    /// ```json
    /// "branches": [
    ///   {"category": "product_version_range", "name": "vers:intdot/>2.1.0|<4.2.0", "product": {"name": "A >2.1.0|<4.2.0", "product_id": "CSAFPID-1"}},
    ///   {"category": "product_version", "name": "2.4.0", "product": {"name": "A 2.4.0", "product_id": "CSAFPID-2"}}
    /// ]
    /// "product_status": {"fixed": ["CSAFPID-1"], "recommended": ["CSAFPID-2"]}
    /// ```
    OverlappingProductVersionRangeWithProductVersionInSameProductStatusGroup, id = "6.3.19.3",
    name = "overlapping-product-version-range-with-product-version-in-same-product-status-group",
    group = Informative,
    summary = "a product version in a range is in the same product status group as the range",
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
        Relation::Same,
        "exclude the version from the range with `!=`, or drop one of the two statements",
        out,
    );
}
