use crate::diag::Finding;
use crate::index::{walk_branches, DefLoc};
use crate::rules::Context;

/// The most `branches` levels the path to a product may have.
const MAX_DEPTH: usize = 30;

declare_rule! {
    /// ## What it checks
    /// No product defined under `/product_tree/branches` is nested more than 30 `branches` levels
    /// deep: the JSON path `/product_tree/branches[](/branches[])*/product` contains `branches` at
    /// most 30 times.
    ///
    /// ## Why
    /// Real product hierarchies are far shallower; an excessively deep tree is a mistake or an
    /// attempt to exhaust the recursion of the tools that read it.
    ///
    /// ## Invalid
    /// ```json
    /// "branches": [{"category": "vendor", "name": "Example", "branches": [ … 31 levels … {
    ///   "category": "product_name", "name": "Product", "product": {"name": "Product", "product_id": "CSAFPID-1"}} … ]}]
    /// ```
    /// ## Valid
    /// ```json
    /// "branches": [{"category": "vendor", "name": "Example", "branches": [{
    ///   "category": "product_name", "name": "Product", "product": {"name": "Product", "product_id": "CSAFPID-1"}}]}]
    /// ```
    BranchesRecursionDepth, id = "6.1.34", name = "branches-recursion-depth", group = Mandatory,
    summary = "a product is defined more than 30 `branches` levels deep",
    since = "2.1",
}

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    let Some(tree) = &cx.advisory.product_tree else {
        return;
    };
    walk_branches(tree, |branch, path, _| {
        if path.len() <= MAX_DEPTH {
            return;
        }
        let Some(product) = &branch.product else {
            return;
        };
        let id = product.product_id.as_deref().unwrap_or("");
        out.push(
            Finding::new(
                META.id,
                DefLoc::Branch(path.to_vec()).pointer(),
                format!(
                    "product `{id}` is defined {} `branches` levels deep, more than {MAX_DEPTH}",
                    path.len()
                ),
            )
            .help("flatten the product tree to at most 30 levels of `branches`"),
        );
    });
}
