use crate::diag::Finding;
use crate::rules::Context;

declare_rule! {
    /// ## What it checks
    /// No product id is defined by more than one full product name (in branches, `full_product_names`
    /// and relationships).
    ///
    /// ## Why
    /// References to a product id defined twice are ambiguous.
    ///
    /// ## Invalid
    /// ```json
    /// "full_product_names": [{"product_id": "CSAFPID-1", "name": "Product A"}, {"product_id": "CSAFPID-1", "name": "Product B"}]
    /// ```
    /// ## Valid
    /// ```json
    /// "full_product_names": [{"product_id": "CSAFPID-1", "name": "Product A"}, {"product_id": "CSAFPID-2", "name": "Product B"}]
    /// ```
    MultipleDefinitionOfProductId, id = "6.1.2", name = "multiple-definition-of-product-id", group = Mandatory,
    summary = "a product id is defined more than once",
}

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    let ix = cx.index();
    let mut dups: Vec<_> = ix.product_ids.iter().filter(|(_, defs)| defs.len() > 1).collect();
    dups.sort_by_key(|(_, defs)| defs[0]);
    for (id, defs) in dups {
        let first = ix.products[defs[0]].loc.pointer();
        for &d in &defs[1..] {
            out.push(
                Finding::new(
                    META.id,
                    format!("{}/product_id", ix.products[d].loc.pointer()),
                    format!("product id `{id}` is already defined at `{first}`"),
                )
                .help("give each product its own id"),
            );
        }
    }
}
