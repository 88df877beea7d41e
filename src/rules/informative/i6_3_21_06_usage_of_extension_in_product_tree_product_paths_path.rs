use crate::diag::Finding;
use crate::rules::Context;

declare_rule! {
    /// ## What it checks
    /// The element `x_extensions` does not exist in any path that starts with `/product_tree/product_paths` (in the `full_product_name` of a product path). Each list is reported.
    ///
    /// ## Why
    /// CSAF Extensions carry information that readers and tools may not know. This informative test
    /// shows where a document uses them, so that a publisher can keep an eye on it.
    ///
    /// ## Invalid
    /// ```json
    /// "product_paths": [{"beginning_product_reference": "CSAFPID-9080700", "full_product_name": {"name": "Product A on Platform B", "product_id": "CSAFPID-9080702", "x_extensions": [{…}]}, "subpaths": […]}]
    /// ```
    /// ## Valid
    /// Product paths whose full product names have no `x_extensions`.
    UsageOfExtensionInProductTreeProductPathsPath, id = "6.3.21.6", name = "usage-of-extension-in-product-tree-product-paths-path", group = Informative,
    summary = "the document uses a CSAF Extension in `/product_tree/product_paths`",
    since = "2.1",
}

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    super::i6_3_21_03_usage_of_extension_at_document_level::report(
        cx,
        out,
        META.id,
        "$.product_tree.product_paths[*].full_product_name.x_extensions",
        "in the product tree's product paths",
    );
}
