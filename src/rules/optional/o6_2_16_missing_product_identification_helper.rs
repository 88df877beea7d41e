use crate::diag::Finding;
use crate::rules::Context;

declare_rule! {
    /// ## What it checks
    /// Every full product name has a `product_identification_helper`.
    ///
    /// ## Why
    /// Without a CPE, PURL, hash or model number, tools cannot match the product to an asset inventory.
    ///
    /// ## Invalid
    /// ```json
    /// "full_product_names": [{"product_id": "CSAFPID-1", "name": "Product A"}]
    /// ```
    /// ## Valid
    /// ```json
    /// "full_product_names": [{"product_id": "CSAFPID-1", "name": "Product A", "product_identification_helper": {"cpe": "cpe:2.3:a:example:product_a:1.0:*:*:*:*:*:*:*"}}]
    /// ```
    MissingProductIdentificationHelper, id = "6.2.16", name = "missing-product-identification-helper", group = Optional,
    summary = "a product has no product identification helper",
}

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    for def in &cx.index().products {
        if def.product.helper.is_none() {
            let id = def.product.product_id.as_deref().unwrap_or_default();
            let mut message = String::with_capacity(50 + id.len());
            message.push_str("product `");
            message.push_str(id);
            message.push_str("` has no product identification helper");
            out.push(Finding::new(META.id, def.loc.pointer(), message));
        }
    }
}
