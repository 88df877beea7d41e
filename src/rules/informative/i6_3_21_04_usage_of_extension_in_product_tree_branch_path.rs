use crate::diag::Finding;
use crate::rules::Context;

declare_rule! {
    /// ## What it checks
    /// The element `x_extensions` does not exist in any path that starts with `/product_tree/branches` (in the `product` of a branch, at any depth). Each list is reported.
    ///
    /// ## Why
    /// CSAF Extensions carry information that readers and tools may not know. This informative test
    /// shows where a document uses them, so that a publisher can keep an eye on it.
    ///
    /// ## Invalid
    /// ```json
    /// "branches": [{"category": "vendor", "name": "Example Company", "product": {"name": "Example Company Product A", "product_id": "CSAFPID-9080700", "x_extensions": [{…}]}}]
    /// ```
    /// ## Valid
    /// A product tree whose branch products have no `x_extensions`.
    UsageOfExtensionInProductTreeBranchPath, id = "6.3.21.4", name = "usage-of-extension-in-product-tree-branch-path", group = Informative,
    summary = "the document uses a CSAF Extension in a product of `/product_tree/branches`",
    since = "2.1",
}

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    super::i6_3_21_03_usage_of_extension_at_document_level::report(
        cx,
        out,
        META.id,
        "$.product_tree.branches..product.x_extensions",
        "in the product tree's branches",
    );
}
