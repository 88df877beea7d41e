use crate::diag::Finding;
use crate::rules::optional::version_range_overlap::sibling_groups;
use crate::rules::Context;

declare_rule! {
    /// ## What it checks
    /// The version of a branch of category `product_version` that has `branches` (and no
    /// `product`) is not included in a sibling branch of category `product_version_range`. A vers
    /// range is read by the vers rules in the order of its type (a version that is not of the type,
    /// or a type csaflint cannot order, is not compared); a vls range on a best-effort basis, in a
    /// generic version order (see 6.2.50.2). Reported at the `name` of the product version.
    ///
    /// ## Why
    /// A weak sign of a badly built product tree: the products below the version branch describe
    /// a version that the range describes too. Exclude the version from the range (`!=`) or drop
    /// one of the two.
    ///
    /// ## Invalid
    /// ```json
    /// "branches": [
    ///   {"category": "product_version_range", "name": "vers:intdot/>2.1.0|<4.2.0", "branches": [{"category": "language", "name": "de", …}]},
    ///   {"category": "product_version", "name": "3.0.0", "branches": [{"category": "language", "name": "de", …}]}
    /// ]
    /// ```
    /// ## Valid
    /// ```json
    /// "branches": [
    ///   {"category": "product_version_range", "name": "vers:intdot/>2.1.0|<4.2.0", "branches": [{"category": "language", "name": "de", …}]},
    ///   {"category": "product_version", "name": "1.0.0", "branches": [{"category": "language", "name": "de", …}]}
    /// ]
    /// ```
    OverlappingProductVersionRangeWithProductVersionInBranch, id = "6.3.19.5",
    name = "overlapping-product-version-range-with-product-version-in-branch",
    group = Informative,
    summary = "a product version with branches lies in a sibling product version range",
    since = "2.1",
}

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    let Some(tree) = &cx.advisory.product_tree else {
        return;
    };
    for group in sibling_groups(tree) {
        let ranges: Vec<_> = group.iter().filter_map(|s| s.range()).collect();
        let sets: Vec<_> = ranges
            .iter()
            .filter_map(|(name, range)| Some((*name, range.versions()?)))
            .collect();
        for s in group.iter().filter(|s| s.has_branches_only()) {
            let Some(version) = s.version() else {
                continue;
            };
            for (name, set) in &sets {
                if set.contains(version) == Some(true) {
                    out.push(
                        Finding::new(
                            META.id,
                            s.name_pointer(),
                            format!("product version `{version}` lies in the sibling version range `{name}`"),
                        )
                        .help(
                            "exclude the version from the range with `!=`, or drop one of the two branches",
                        ),
                    );
                }
            }
        }
    }
}
