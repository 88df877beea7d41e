use crate::diag::Finding;
use crate::rules::Context;

declare_rule! {
    /// ## What it checks
    /// The `name` of every branch with the category `product_version_range` conforms to the vers
    /// specification, as the spec deems sufficient: it matches `^vers:[a-z\\.\\-\\+][a-z0-9\\.\\-\\+]*/.+`.
    ///
    /// ## Why
    /// vers ranges can be evaluated by machines; free-text ranges cannot.
    ///
    /// ## Invalid
    /// ```json
    /// {"category": "product_version_range", "name": ">4.2"}
    /// ```
    /// ## Valid
    /// ```json
    /// {"category": "product_version_range", "name": "vers:generic/>4.2"}
    /// ```
    ProductVersionRangeWithoutVers, id = "6.2.18", name = "product-version-range-without-vers", group = Optional,
    summary = "a `product_version_range` branch does not use vers",
}

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    use crate::index::{branch_pointer, walk_branches};
    use crate::model::BranchCategory;
    let Some(tree) = &cx.advisory.product_tree else {
        return;
    };
    walk_branches(tree, |b, path, _| {
        if b.category != Some(BranchCategory::ProductVersionRange) {
            return;
        }
        let Some(name) = &b.name else { return };
        if !is_vers(name) {
            out.push(
                Finding::new(
                    META.id,
                    format!("{}/name", branch_pointer(path)),
                    format!("version range `{name}` does not follow the vers specification (`vers:<scheme>/<constraints>`)"),
                )
                .help("write the range in vers (e.g. `vers:generic/>=1.0|<2.0`), or list the versions as `product_version` branches"),
            );
        }
    });
}

/// `^vers:[a-z\.\-\+][a-z0-9\.\-\+]*/.+`
pub(crate) fn is_vers(s: &str) -> bool {
    let Some(rest) = s.strip_prefix("vers:") else {
        return false;
    };
    let Some((scheme, constraints)) = rest.split_once('/') else {
        return false;
    };
    let mut chars = scheme.chars();
    let first_ok = chars
        .next()
        .is_some_and(|c| c.is_ascii_lowercase() || ".-+".contains(c));
    first_ok
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || ".-+".contains(c))
        && constraints.chars().next().is_some_and(|c| c != '\n')
}
