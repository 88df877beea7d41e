use crate::diag::Finding;
use crate::rules::Context;

declare_rule! {
    /// ## What it checks
    /// The element `x_extensions` does not exist in any path that starts with `/product_tree/full_product_names`. Each list is reported.
    ///
    /// ## Why
    /// CSAF Extensions carry information that readers and tools may not know. This informative test
    /// shows where a document uses them, so that a publisher can keep an eye on it.
    ///
    /// ## Invalid
    /// ```json
    /// "full_product_names": [{"name": "Product A", "product_id": "CSAFPID-9080700", "x_extensions": [{…}]}]
    /// ```
    /// ## Valid
    /// Full product names without `x_extensions`.
    UsageOfExtensionInProductTreeFullProductNamesPath, id = "6.3.21.5", name = "usage-of-extension-in-product-tree-full-product-names-path", group = Informative,
    summary = "the document uses a CSAF Extension in `/product_tree/full_product_names`",
    since = "2.1",
}

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    super::i6_3_21_03_usage_of_extension_at_document_level::report(
        cx,
        out,
        META.id,
        "$.product_tree.full_product_names[*].x_extensions",
        "in the product tree's full product names",
    );
}
