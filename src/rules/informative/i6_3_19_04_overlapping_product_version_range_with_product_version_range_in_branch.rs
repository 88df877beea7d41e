use crate::diag::Finding;
use crate::rules::optional::version_range_overlap::sibling_groups;
use crate::rules::Context;

declare_rule! {
    /// ## What it checks
    /// No branch of category `product_version_range` that has `branches` (and no `product`)
    /// overlaps a sibling branch of category `product_version_range`: no version is in both
    /// ranges. Two vers are compared by the vers rules when they have the same type (one csaflint
    /// can order), two vls on a best-effort basis in a generic version order (see 6.2.50.2); a vers
    /// and a vls are not compared. Reported at the `name` of the range with branches (the later
    /// one if both have branches).
    ///
    /// ## Why
    /// A weak sign of a badly built product tree: the products below both branches describe the
    /// versions in both ranges twice. Split the ranges so that they do not overlap.
    ///
    /// ## Invalid
    /// ```json
    /// "branches": [
    ///   {"category": "product_version_range", "name": "vers:intdot/>2.1.0|<4.2.0", "branches": [{"category": "language", "name": "de", …}]},
    ///   {"category": "product_version_range", "name": "vers:intdot/>1.2.0|<2.4.0", "branches": [{"category": "language", "name": "de", …}]}
    /// ]
    /// ```
    /// ## Valid
    /// ```json
    /// "branches": [
    ///   {"category": "product_version_range", "name": "vers:intdot/>2.1.0|<4.2.0", "branches": [{"category": "language", "name": "de", …}]},
    ///   {"category": "product_version_range", "name": "vers:intdot/>1.2.0|<=2.1.0", "branches": [{"category": "language", "name": "de", …}]}
    /// ]
    /// ```
    OverlappingProductVersionRangeWithProductVersionRangeInBranch, id = "6.3.19.4",
    name = "overlapping-product-version-range-with-product-version-range-in-branch",
    group = Informative,
    summary = "a product version range with branches overlaps a sibling product version range",
    since = "2.1",
}

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    let Some(tree) = &cx.advisory.product_tree else {
        return;
    };
    for group in sibling_groups(tree) {
        let ranges: Vec<_> = group
            .iter()
            .filter_map(|s| s.range().map(|(name, range)| (s, name, range)))
            .collect();
        let sets: Vec<_> = ranges.iter().map(|(_, _, r)| r.versions()).collect();
        for (i, (a, name_a, _)) in ranges.iter().enumerate() {
            let Some(set_a) = &sets[i] else {
                continue;
            };
            for (j, (b, name_b, _)) in ranges.iter().enumerate().skip(i + 1) {
                // the range with branches that is reported, and the other one
                let (at, name, other) = if b.has_branches_only() {
                    (b, name_b, name_a)
                } else if a.has_branches_only() {
                    (a, name_a, name_b)
                } else {
                    continue;
                };
                if sets[j].as_ref().and_then(|set_b| set_a.overlaps(set_b)) == Some(true) {
                    out.push(
                        Finding::new(
                            META.id,
                            at.name_pointer(),
                            format!("version range `{name}` overlaps the sibling version range `{other}`"),
                        )
                        .help("split the ranges so that they do not overlap"),
                    );
                }
            }
        }
    }
}
