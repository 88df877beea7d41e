use crate::diag::Finding;
use crate::rules::Context;

declare_rule! {
    /// ## What it checks
    /// Every product id that references a product (in product groups, relationships, product status
    /// lists, remediations, scores/metrics, threats and flags) is defined by a full product name in
    /// `/product_tree`.
    ///
    /// ## Why
    /// A reference to an undefined product cannot be resolved: readers cannot tell which product is
    /// affected, fixed or remediated.
    ///
    /// ## Invalid
    /// ```json
    /// "product_tree": {"product_groups": [{"group_id": "CSAFGID-1", "product_ids": ["CSAFPID-1", "CSAFPID-2"]}]}
    /// ```
    /// ## Valid
    /// ```json
    /// "product_tree": {"full_product_names": [{"product_id": "CSAFPID-1", "name": "Product A"}, {"product_id": "CSAFPID-2", "name": "Product B"}],
    ///                  "product_groups": [{"group_id": "CSAFGID-1", "product_ids": ["CSAFPID-1", "CSAFPID-2"]}]}
    /// ```
    MissingDefinitionOfProductId, id = "6.1.1", name = "missing-definition-of-product-id", group = Mandatory,
    summary = "a referenced product id is not defined in the product tree",
}

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    let ix = cx.index();
    for (id, loc) in &ix.product_refs {
        if !ix.is_product_defined(id) {
            out.push(
                Finding::new(
                    META.id,
                    loc.pointer(cx.version(), false),
                    format!("product id `{id}` is not defined in the product tree"),
                )
                .help("define the product in `/product_tree` or correct the id"),
            );
        }
    }
}
