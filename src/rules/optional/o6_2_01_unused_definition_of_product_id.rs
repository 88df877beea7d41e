use crate::diag::Finding;
use crate::rules::Context;

declare_rule! {
    /// ## What it checks
    /// Every product id defined by a full product name is referenced somewhere in the document.
    /// Skipped for informational advisories, which need not reference their products.
    ///
    /// ## Why
    /// An unused product definition is dead weight, or a sign that a reference was forgotten.
    ///
    /// ## Invalid
    /// ```json
    /// "full_product_names": [{"product_id": "CSAFPID-1", "name": "Product A"}]  (and no reference to CSAFPID-1)
    /// ```
    /// ## Valid
    /// ```json
    /// "full_product_names": [{"product_id": "CSAFPID-1", "name": "Product A"}], … "known_affected": ["CSAFPID-1"]
    /// ```
    UnusedDefinitionOfProductId, id = "6.2.1", name = "unused-definition-of-product-id", group = Optional,
    summary = "a defined product id is never referenced",
}

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    if cx.advisory.document.category.as_deref() == Some("csaf_informational_advisory") {
        return;
    }
    let ix = cx.index();
    let used: crate::index::FastSet<&str> = ix.product_refs.iter().map(|(id, _)| *id).collect();
    for def in &ix.products {
        let Some(id) = def.product.product_id.as_deref() else {
            continue;
        };
        if !used.contains(id) {
            let mut pointer = def.loc.pointer();
            pointer.push_str("/product_id");
            let mut message = String::with_capacity(48 + id.len());
            message.push_str("product id `");
            message.push_str(id);
            message.push_str("` is defined but never referenced");
            out.push(Finding::new(META.id, pointer, message));
        }
    }
}
