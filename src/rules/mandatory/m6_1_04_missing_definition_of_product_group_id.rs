use crate::diag::Finding;
use crate::rules::Context;

declare_rule! {
    /// ## What it checks
    /// Every referenced group id (in remediations, threats and flags) is defined in
    /// `/product_tree/product_groups`.
    ///
    /// ## Why
    /// A reference to an undefined group cannot be resolved to products.
    ///
    /// ## Invalid
    /// ```json
    /// "threats": [{"category": "exploit_status", "details": "Exploited.", "group_ids": ["CSAFGID-404"]}]
    /// ```
    /// ## Valid
    /// ```json
    /// "product_groups": [{"group_id": "CSAFGID-1", "product_ids": ["CSAFPID-1", "CSAFPID-2"]}]
    /// "threats": [{"category": "exploit_status", "details": "Exploited.", "group_ids": ["CSAFGID-1"]}]
    /// ```
    MissingDefinitionOfProductGroupId, id = "6.1.4", name = "missing-definition-of-product-group-id", group = Mandatory,
    summary = "a referenced product group id is not defined in the product tree",
}

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    let ix = cx.index();
    for (id, loc) in &ix.group_refs {
        if !ix.group_ids.contains_key(id) {
            out.push(
                Finding::new(
                    META.id,
                    loc.pointer(cx.version(), true),
                    format!("product group id `{id}` is not defined in `/product_tree/product_groups`"),
                )
                .help("define the group or correct the id"),
            );
        }
    }
}
