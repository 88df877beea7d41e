use crate::diag::Finding;
use crate::index::{branch_pointer, walk_branches};
use crate::model::BranchCategory;
use crate::rules::Context;

declare_rule! {
    /// ## What it checks
    /// The `name` of a branch of category `product_version_range` does not identify only a single
    /// version: a vers or vls whose only constraint (besides `!=` exclusions) is one bare version,
    /// such as `vers:intdot/4.2.0` or `4.2.0`. Names that are no valid version range at all are left
    /// to 6.1.50.
    ///
    /// ## Why
    /// A single version is what the category `product_version` is for; as a range it hides the
    /// version from tools that match `product_version` exactly.
    ///
    /// ## Invalid
    /// ```json
    /// {"category": "product_version_range", "name": "vers:intdot/4.2.0"}
    /// ```
    /// ## Valid
    /// ```json
    /// {"category": "product_version", "name": "4.2.0"}
    /// ```
    SingleVersionAsProductVersionRange, id = "6.1.59", name = "single-version-as-product-version-range",
    group = Mandatory,
    summary = "a product version range identifies only a single version",
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
        let Some(name) = &branch.name else {
            return;
        };
        let Ok(range) = crate::vers::parse(name) else {
            return;
        };
        if let Some(version) = range.single_version() {
            out.push(
                Finding::new(
                    META.id,
                    format!("{}/name", branch_pointer(path)),
                    format!("version range `{name}` identifies only the single version `{version}`"),
                )
                .help(format!(
                    "use the category `product_version` with the name `{version}`"
                )),
            );
        }
    });
}
