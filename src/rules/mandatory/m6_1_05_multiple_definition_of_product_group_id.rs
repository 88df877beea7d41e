use crate::diag::Finding;
use crate::rules::Context;

declare_rule! {
    /// ## What it checks
    /// No group id is defined by more than one item of `/product_tree/product_groups`.
    ///
    /// ## Why
    /// References to a group defined twice are ambiguous.
    ///
    /// ## Invalid
    /// ```json
    /// "product_groups": [{"group_id": "CSAFGID-1", "product_ids": ["CSAFPID-1", "CSAFPID-2"]},
    ///                    {"group_id": "CSAFGID-1", "product_ids": ["CSAFPID-1", "CSAFPID-3"]}]
    /// ```
    /// ## Valid
    /// ```json
    /// "product_groups": [{"group_id": "CSAFGID-1", "product_ids": ["CSAFPID-1", "CSAFPID-2"]},
    ///                    {"group_id": "CSAFGID-2", "product_ids": ["CSAFPID-1", "CSAFPID-3"]}]
    /// ```
    MultipleDefinitionOfProductGroupId, id = "6.1.5", name = "multiple-definition-of-product-group-id", group = Mandatory,
    summary = "a product group id is defined more than once",
}

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    let ix = cx.index();
    let mut dups: Vec<_> = ix.group_ids.iter().filter(|(_, g)| g.len() > 1).collect();
    dups.sort_by_key(|(_, g)| g[0]);
    for (id, groups) in dups {
        for &g in &groups[1..] {
            out.push(Finding::new(
                META.id,
                format!("/product_tree/product_groups/{g}/group_id"),
                format!(
                    "product group id `{id}` is already defined at `/product_tree/product_groups/{}`",
                    groups[0]
                ),
            ));
        }
    }
}
