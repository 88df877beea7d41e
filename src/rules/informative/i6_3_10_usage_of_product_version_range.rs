use crate::diag::Finding;
use crate::rules::Context;

declare_rule! {
    /// ## What it checks
    /// No branch has the category `product_version_range`.
    ///
    /// ## Why
    /// Ranges are hard to match against installed versions; listing the versions is clearer.
    ///
    /// ## Invalid
    /// ```json
    /// {"category": "product_version_range", "name": "vers:generic/>=1.0|<2.0"}
    /// ```
    /// ## Valid
    /// ```json
    /// {"category": "product_version", "name": "1.0"}
    /// ```
    UsageOfProductVersionRange, id = "6.3.10", name = "usage-of-product-version-range", group = Informative,
    summary = "a branch uses the category `product_version_range`",
}

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    use crate::index::{branch_pointer, walk_branches};
    use crate::model::BranchCategory;
    let Some(tree) = &cx.advisory.product_tree else {
        return;
    };
    walk_branches(tree, |b, path, _| {
        if b.category == Some(BranchCategory::ProductVersionRange) {
            out.push(Finding::new(
                META.id,
                format!("{}/category", branch_pointer(path)),
                "the branch uses the category `product_version_range`",
            ));
        }
    });
}
