use crate::diag::Finding;
use crate::index::{branch_pointer, walk_branches};
use crate::model::BranchCategory;
use crate::rules::Context;

declare_rule! {
    /// ## What it checks
    /// Along every path of branches leading to a product, each branch category appears only once;
    /// only `product_family` may repeat. The branch that repeats a category of one of its ancestors
    /// is reported.
    ///
    /// ## Why
    /// A product has one vendor, one name, one version, one architecture…: a category stacked on
    /// itself (`vendor` below `vendor`) leaves tools guessing which value describes the product.
    ///
    /// ## Invalid
    /// ```json
    /// {"category": "vendor", "name": "Open Source",
    ///  "branches": [{"category": "vendor", "name": "ISDuBA", "branches": [/* … */]}]}
    /// ```
    /// ## Valid
    /// ```json
    /// {"category": "vendor", "name": "ISDuBA Dev",
    ///  "branches": [{"category": "product_name", "name": "ISDuBA", "branches": [/* … */]}]}
    /// ```
    StackedBranchCategories, id = "6.1.57", name = "stacked-branch-categories", group = Mandatory,
    summary = "a branch category other than `product_family` appears twice along a path to a product",
    since = "2.1",
}

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    let Some(tree) = &cx.advisory.product_tree else {
        return;
    };
    walk_branches(tree, |branch, path, ancestors| {
        let Some(category) = &branch.category else {
            return;
        };
        if *category == BranchCategory::ProductFamily {
            return;
        }
        let Some(first) = ancestors
            .iter()
            .position(|a| a.category.as_ref() == Some(category))
        else {
            return;
        };
        out.push(
            Finding::new(
                META.id,
                format!("{}/category", branch_pointer(path)),
                format!(
                    "branch category `{category}` is used again on the path to the product (first at `{}`)",
                    branch_pointer(&path[..=first])
                ),
            )
            .help("use each category once per path (only `product_family` may repeat); merge the stacked branches"),
        );
    });
}
