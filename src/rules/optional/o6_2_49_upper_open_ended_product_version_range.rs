use crate::diag::Finding;
use crate::index::{branch_pointer, walk_branches};
use crate::model::BranchCategory;
use crate::rules::Context;

declare_rule! {
    /// ## What it checks
    /// The `name` of a branch of category `product_version_range` is not an upper open ended range:
    /// one that holds every version above some version because, ignoring `!=` exclusions and single
    /// versions, its last constraint in version order is `>` or `>=` (`vers:intdot/>=4.2.0`,
    /// `<1.2.0|>=4.2.0`, `vers:intdot/<2.1.0|>4.2.0|!=5.1`). A vers is taken in the order of its type,
    /// a vls in a generic version order (numbers numerically, `1.2` = `1.2.0` < `1.10`); where no
    /// order is known (a vers type csaflint cannot order, a vls that cannot be sorted) the
    /// constraints are taken as written. `vers:all/*`, the form CSAF prescribes for "all versions",
    /// is not flagged.
    ///
    /// ## Why
    /// "The version range has no specific upper end point and states a right-open interval": it makes
    /// a statement about versions that do not exist yet. End the range at the last version known, or
    /// name the single version if the range has just one lower bound.
    ///
    /// ## Invalid
    /// ```json
    /// {"category": "product_version_range", "name": "vers:intdot/>=4.2.0", "product": {…}}
    /// ```
    /// ## Valid
    /// ```json
    /// {"category": "product_version_range", "name": "vers:intdot/>=4.2.0|<=4.9.1", "product": {…}}
    /// ```
    UpperOpenEndedProductVersionRange, id = "6.2.49", name = "upper-open-ended-product-version-range",
    group = Optional,
    summary = "a product version range has no upper end",
    since = "2.1",
}

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    let Some(tree) = &cx.advisory.product_tree else {
        return;
    };
    walk_branches(tree, |branch, path, _| {
        if branch.category != Some(BranchCategory::ProductVersionRange) {
            return;
        }
        let Some(name) = branch.name.as_deref() else {
            return;
        };
        let Ok(range) = crate::vers::parse(name) else {
            return;
        };
        if range.is_upper_open_ended() {
            out.push(
                Finding::new(
                    META.id,
                    format!("{}/name", branch_pointer(path)),
                    format!("version range `{name}` is upper open ended: it includes every later version, also future ones"),
                )
                .help("end the range with `<` or `<=` the last version known to have the status, or use a `product_version` branch if the range names one version"),
            );
        }
    });
}
