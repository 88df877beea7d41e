use crate::diag::Finding;
use crate::model::ProductIdentificationHelper;
use crate::rules::Context;
use std::collections::HashMap;

declare_rule! {
    /// ## What it checks
    /// No value of a product identification helper category is used for two different products (two
    /// different product IDs): the same `cpe`, or an item shared by the `purls`, `model_numbers`,
    /// `serial_numbers`, `skus`, `sbom_urls`, `hashes` or `x_generic_uris` of two products. Arrays are
    /// compared as sets, items exactly; a `hashes` item is the same when its `filename` and its set of
    /// `file_hashes` are. Values of different categories are never compared (a serial number that
    /// equals a model number is fine). Each later use is reported, naming the product that used the
    /// value first.
    ///
    /// ## Why
    /// A helper identifies one product; two products with the same identifier usually mean a wrongly
    /// built product tree. Listing the old and the new name of a renamed product also fails, which is
    /// expected.
    ///
    /// ## Invalid
    /// ```json
    /// {"name": "Example Company Product A 1.0", "product_id": "CSAFPID-1", "product_identification_helper": {"serial_numbers": ["143-D-354"]}},
    /// {"name": "Example Company Product A 2.0", "product_id": "CSAFPID-2", "product_identification_helper": {"serial_numbers": ["143-D-354"]}}
    /// ```
    /// ## Valid
    /// ```json
    /// {"name": "Example Company Product A 1.0", "product_id": "CSAFPID-1", "product_identification_helper": {"serial_numbers": ["143-D-354"]}},
    /// {"name": "Example Company Product A 2.0", "product_id": "CSAFPID-2", "product_identification_helper": {"serial_numbers": ["354-D-354"]}}
    /// ```
    UseOfSameProductIdentificationHelperForDifferentProducts, id = "6.2.32",
    name = "use-of-same-product-identification-helper-for-different-products", group = Optional,
    summary = "the same product identification helper value is used for different products",
    since = "2.1",
}

/// One helper value: (JSON key of its category, position in the array or `None` for `cpe`, its
/// comparison key, how to show it).
type Value = (&'static str, Option<usize>, String, String);

fn values(helper: &ProductIdentificationHelper) -> Vec<Value> {
    let mut out: Vec<Value> = Vec::new();
    if let Some(cpe) = &helper.cpe {
        out.push(("cpe", None, cpe.clone(), format!("the CPE `{cpe}`")));
    }
    let lists: [(&'static str, &'static str, &Vec<String>); 5] = [
        ("purls", "PURL", &helper.purls),
        ("model_numbers", "model number", &helper.model_numbers),
        ("serial_numbers", "serial number", &helper.serial_numbers),
        ("skus", "SKU", &helper.skus),
        ("sbom_urls", "SBOM URL", &helper.sbom_urls),
    ];
    for (key, label, items) in lists {
        for (i, item) in items.iter().enumerate() {
            out.push((key, Some(i), item.clone(), format!("the {label} `{item}`")));
        }
    }
    for (i, hashes) in helper.hashes.iter().enumerate() {
        let mut pairs: Vec<String> = hashes
            .file_hashes
            .iter()
            .map(|(a, v)| {
                format!(
                    "{}\u{1}{}",
                    a.as_deref().unwrap_or(""),
                    v.as_deref().unwrap_or("")
                )
            })
            .collect();
        pairs.sort();
        pairs.dedup();
        let filename = hashes.filename.as_deref().unwrap_or("");
        let key = format!("{filename}\u{0}{}", pairs.join("\u{2}"));
        out.push(("hashes", Some(i), key, format!("the hashes of `{filename}`")));
    }
    for (i, (namespace, uri)) in helper.generic_uris.iter().enumerate() {
        let (ns, uri) = (namespace.as_deref().unwrap_or(""), uri.as_deref().unwrap_or(""));
        out.push((
            "x_generic_uris",
            Some(i),
            format!("{ns}\u{0}{uri}"),
            format!("the generic URI `{uri}` (namespace `{ns}`)"),
        ));
    }
    out
}

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    // (category, key) -> (product id, pointer) of the first use
    let mut first: HashMap<(&'static str, String), (&str, String)> = HashMap::new();
    for def in &cx.index().products {
        let (Some(helper), Some(id)) = (&def.product.helper, def.product.product_id.as_deref()) else {
            continue;
        };
        let base = format!("{}/product_identification_helper/", def.loc.pointer());
        for (category, position, key, shown) in values(helper) {
            let mut pointer = format!("{base}{category}");
            if let Some(i) = position {
                pointer.push_str(&format!("/{i}"));
            }
            match first.get(&(category, key.clone())) {
                None => {
                    first.insert((category, key), (id, pointer));
                }
                Some((other, _)) if *other == id => {}
                Some((other, at)) => out.push(
                    Finding::new(
                        META.id,
                        pointer,
                        format!("product `{id}` uses {shown}, as product `{other}` does (`{at}`)"),
                    )
                    .help(
                        "check that the product tree is built right: a helper value identifies one product",
                    ),
                ),
            }
        }
    }
}
