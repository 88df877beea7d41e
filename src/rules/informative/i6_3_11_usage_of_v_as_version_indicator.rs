use crate::diag::Finding;
use crate::rules::Context;

declare_rule! {
    /// ## What it checks
    /// The `name` of a branch with the category `product_version` does not start with `v` or `V` before the
    /// version (`v1.2`).
    ///
    /// ## Why
    /// The letter is not part of the version and breaks version comparison.
    ///
    /// ## Invalid
    /// ```json
    /// {"category": "product_version", "name": "v4.2"}
    /// ```
    /// ## Valid
    /// ```json
    /// {"category": "product_version", "name": "4.2"}
    /// ```
    UsageOfVAsVersionIndicator, id = "6.3.11", name = "usage-of-v-as-version-indicator", group = Informative,
    summary = "a product version name starts with `v` or `V`",
}

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    use crate::index::{branch_pointer, walk_branches};
    use crate::model::BranchCategory;
    let Some(tree) = &cx.advisory.product_tree else {
        return;
    };
    walk_branches(tree, |b, path, _| {
        if b.category != Some(BranchCategory::ProductVersion) {
            return;
        }
        let Some(name) = &b.name else { return };
        let mut chars = name.chars();
        if matches!(chars.next(), Some('v' | 'V')) && chars.next().is_some_and(|c| c.is_ascii_digit()) {
            out.push(
                Finding::new(
                    META.id,
                    format!("{}/name", branch_pointer(path)),
                    format!(
                        "product version `{name}` starts with `{}` before the version",
                        &name[..1]
                    ),
                )
                .help("name the version without the letter"),
            );
        }
    });
}
