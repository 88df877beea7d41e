use crate::diag::Finding;
use crate::rules::Context;
use std::collections::HashSet;

declare_rule! {
    /// ## What it checks
    /// No item of `/product_tree/product_paths` refers (in `beginning_product_reference` or a
    /// `subpaths[]/next_product_reference`) to a product that is itself defined by a product path
    /// (in `/product_tree/product_paths[]/full_product_name`).
    ///
    /// ## Why
    /// A product defined by a product path that contains another product path is harder to match.
    /// There are cases that need such nesting; often a single, longer product path says the same.
    ///
    /// ## Invalid
    /// ```json
    /// "product_paths": [
    ///   {"beginning_product_reference": "CSAFPID-A", "subpaths": [{"category": "installed_on", "next_product_reference": "CSAFPID-B"}],
    ///    "full_product_name": {"name": "Product A installed on Product B", "product_id": "CSAFPID-AB"}},
    ///   {"beginning_product_reference": "CSAFPID-AB", "subpaths": [{"category": "installed_on", "next_product_reference": "CSAFPID-C"}],
    ///    "full_product_name": {"name": "Product A installed on Product B installed on Product C", "product_id": "CSAFPID-ABC"}}]
    /// ```
    /// ## Valid
    /// ```json
    /// "product_paths": [
    ///   {"beginning_product_reference": "CSAFPID-A", "subpaths": [{"category": "installed_on", "next_product_reference": "CSAFPID-B"},
    ///     {"category": "installed_on", "next_product_reference": "CSAFPID-C"}],
    ///    "full_product_name": {"name": "Product A installed on Product B installed on Product C", "product_id": "CSAFPID-ABC"}}]
    /// ```
    NestedProductPath, id = "6.3.22", name = "nested-product-path", group = Informative,
    summary = "a product path refers to a product that is defined by another product path",
    since = "2.1",
}

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    let Some(pt) = cx.advisory.product_tree.as_ref() else {
        return;
    };
    let by_path: HashSet<&str> = pt
        .product_paths
        .iter()
        .filter_map(|p| p.full_product_name.as_ref()?.product_id.as_deref())
        .collect();
    if by_path.is_empty() {
        return;
    }
    for (p, path) in pt.product_paths.iter().enumerate() {
        let refs = path
            .beginning_product_reference
            .as_deref()
            .map(|r| {
                (
                    format!("/product_tree/product_paths/{p}/beginning_product_reference"),
                    r,
                )
            })
            .into_iter()
            .chain(path.subpaths.iter().enumerate().filter_map(|(s, sub)| {
                Some((
                    format!("/product_tree/product_paths/{p}/subpaths/{s}/next_product_reference"),
                    sub.next_product_reference.as_deref()?,
                ))
            }));
        for (pointer, r) in refs {
            if by_path.contains(r) {
                out.push(
                    Finding::new(
                        META.id,
                        pointer,
                        format!("product `{r}` is itself defined by a product path"),
                    )
                    .help("if nothing else refers to the inner product path, write the whole path as one product path"),
                );
            }
        }
    }
}
