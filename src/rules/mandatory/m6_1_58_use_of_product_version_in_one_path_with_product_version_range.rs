use crate::diag::Finding;
use crate::index::{branch_pointer, walk_branches};
use crate::model::BranchCategory;
use crate::rules::Context;

declare_rule! {
    /// ## What it checks
    /// No path of branches leading to a product uses both the categories `product_version` and
    /// `product_version_range`. The lower of the two branches is reported.
    ///
    /// ## Why
    /// A product is identified either by one version or by a range of versions; a range below a
    /// version (or a version below a range) contradicts itself.
    ///
    /// ## Invalid
    /// ```json
    /// {"category": "product_version", "name": "1.1",
    ///  "branches": [{"category": "product_version_range", "name": "vers:intdot/<1.1.1", "product": {/* … */}}]}
    /// ```
    /// ## Valid
    /// ```json
    /// {"category": "product_name", "name": "A 1.1",
    ///  "branches": [{"category": "product_version_range", "name": "vers:intdot/>=1.1.0|<1.1.1", "product": {/* … */}}]}
    /// ```
    UseOfProductVersionInOnePathWithProductVersionRange, id = "6.1.58",
    name = "use-of-product-version-in-one-path-with-product-version-range", group = Mandatory,
    summary = "a path to a product uses both `product_version` and `product_version_range`",
    since = "2.1",
}

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    let Some(tree) = &cx.advisory.product_tree else {
        return;
    };
    walk_branches(tree, |branch, path, ancestors| {
        let other = match branch.category {
            Some(BranchCategory::ProductVersion) => BranchCategory::ProductVersionRange,
            Some(BranchCategory::ProductVersionRange) => BranchCategory::ProductVersion,
            _ => return,
        };
        let Some(at) = ancestors.iter().position(|a| a.category.as_ref() == Some(&other)) else {
            return;
        };
        out.push(
            Finding::new(
                META.id,
                format!("{}/category", branch_pointer(path)),
                format!(
                    "branch category `{}` is used on the same path as `{other}` (at `{}`)",
                    branch.category.as_ref().expect("matched above"),
                    branch_pointer(&path[..=at])
                ),
            )
            .help("use either `product_version` or `product_version_range` on a path; e.g. fold the version into the `product_name`"),
        );
    });
}
