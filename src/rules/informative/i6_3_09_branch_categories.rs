use crate::diag::Finding;
use crate::rules::Context;

declare_rule! {
    /// ## What it checks
    /// Every product defined in `/product_tree/branches` has, on its path from the product tree down to
    /// it, branches of the categories `vendor`, `product_name` and `product_version`, in that order (other
    /// branches may lie in between).
    ///
    /// ## Why
    /// This path is what lets tools present and match products consistently.
    ///
    /// ## Invalid
    /// ```json
    /// {"category": "vendor", "name": "Example", "branches": [{"category": "product_version", "name": "1.0", "product": {…}}]}
    /// ```
    /// ## Valid
    /// ```json
    /// {"category": "vendor", "name": "Example", "branches": [{"category": "product_name", "name": "A", "branches": [{"category": "product_version", "name": "1.0", "product": {…}}]}]}
    /// ```
    BranchCategories, id = "6.3.9", name = "branch-categories", group = Informative,
    summary = "a product in the branches lacks the vendor, product name, product version path",
}

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    use crate::index::{branch_pointer, walk_branches};
    use crate::model::BranchCategory;
    let Some(tree) = &cx.advisory.product_tree else {
        return;
    };
    const ORDER: [BranchCategory; 3] = [
        BranchCategory::Vendor,
        BranchCategory::ProductName,
        BranchCategory::ProductVersion,
    ];
    walk_branches(tree, |b, path, ancestors| {
        if b.product.is_none() {
            return;
        }
        let mut next = 0;
        for node in ancestors.iter().copied().chain(std::iter::once(b)) {
            if next < ORDER.len() && node.category.as_ref() == Some(&ORDER[next]) {
                next += 1;
            }
        }
        if next < ORDER.len() {
            out.push(Finding::new(
                META.id,
                format!("{}/product", branch_pointer(path)),
                format!(
                    "the path to product `{}` has no branch of category `{}` after {}",
                    b.product
                        .as_ref()
                        .and_then(|p| p.product_id.as_deref())
                        .unwrap_or_default(),
                    ORDER[next].as_str(),
                    if next == 0 {
                        "the product tree".to_owned()
                    } else {
                        format!("`{}`", ORDER[next - 1].as_str())
                    }
                ),
            ));
        }
    });
}
