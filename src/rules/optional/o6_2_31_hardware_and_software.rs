use crate::diag::Finding;
use crate::rules::Context;
use std::collections::HashSet;

declare_rule! {
    /// ## What it checks
    /// Every product whose product identification helper has `serial_numbers` or `model_numbers`
    /// (hardware) is referenced by a product path: as the `beginning_product_reference` or a
    /// `subpaths[].next_product_reference` of an item of `/product_tree/product_paths`.
    ///
    /// ## Why
    /// Hardware and the software that runs on it are separate products, combined by a product path
    /// (e.g. firmware `installed_on` a controller). A hardware identifier on a product that no path
    /// combines usually means hardware and software were mixed in one branch, such as a firmware
    /// version under the controller's name. A document about hardware only fails too; that is
    /// expected.
    ///
    /// ## Invalid
    /// ```json
    /// {"category": "product_version", "name": "4.1", "product": {"name": "Example Company Controller A Firmware 4.1",
    ///   "product_id": "CSAFPID-1", "product_identification_helper": {"serial_numbers": ["143-D-354"]}}}
    /// ```
    /// ## Valid
    /// ```json
    /// "product_paths": [{"beginning_product_reference": "CSAFPID-2", "subpaths": [{"category": "installed_on", "next_product_reference": "CSAFPID-1"}],
    ///   "full_product_name": {"name": "Example Company Controller A Firmware 4.1 installed on Example Company Controller A", "product_id": "CSAFPID-3"}}]
    /// ```
    HardwareAndSoftware, id = "6.2.31", name = "hardware-and-software", group = Optional,
    summary = "a product with serial or model numbers is not part of any product path",
    since = "2.1",
}

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    let Some(tree) = &cx.advisory.product_tree else {
        return;
    };
    let mut in_path: Option<HashSet<&str>> = None;
    for def in &cx.index().products {
        let Some(helper) = &def.product.helper else {
            continue;
        };
        let which = match (helper.serial_numbers.is_empty(), helper.model_numbers.is_empty()) {
            (true, true) => continue,
            (false, true) => "serial numbers",
            (true, false) => "model numbers",
            (false, false) => "serial and model numbers",
        };
        let Some(id) = def.product.product_id.as_deref() else {
            continue;
        };
        let referenced = in_path.get_or_insert_with(|| {
            tree.product_paths
                .iter()
                .flat_map(|p| {
                    p.beginning_product_reference.iter().chain(
                        p.subpaths
                            .iter()
                            .filter_map(|s| s.next_product_reference.as_ref()),
                    )
                })
                .map(String::as_str)
                .collect()
        });
        if !referenced.contains(id) {
            out.push(
                Finding::new(
                    META.id,
                    def.loc.pointer(),
                    format!("product `{id}` has {which}, so it is hardware, but no product path references it"),
                )
                .help("define the hardware and the software on it as separate products and combine them with a product path (e.g. `installed_on`)"),
            );
        }
    }
}
