use crate::diag::Finding;
use crate::index::{branch_pointer, walk_branches};
use crate::model::BranchCategory;
use crate::rules::Context;

declare_rule! {
    /// ## What it checks
    /// The `name` of a branch with the category `product_version` contains no version range. As the
    /// specification deems sufficient, a range is recognized by the symbols `<`, `<=`, `>`, `>=`
    /// anywhere, or by one of the words `after`, `all`, `before`, `earlier`, `later`, `prior`,
    /// `versions` (case-insensitive). Words are matched as whole, whitespace-separated words, so
    /// `install` or `after-eight` contain no range, and neither do wildcards like `2.0.x` or `8.x`, which the specification does
    /// not list.
    ///
    /// ## Why
    /// `product_version` names one version; ranges belong in `product_version_range`.
    ///
    /// ## Invalid
    /// ```json
    /// {"category": "product_version", "name": "prior to 4.2"}
    /// ```
    /// ## Valid
    /// ```json
    /// {"category": "product_version", "name": "4.2"}
    /// ```
    VersionRangeInProductVersion, id = "6.1.31", name = "version-range-in-product-version", group = Mandatory,
    summary = "a `product_version` branch names a version range",
}

const WORDS: &[&str] = &["after", "all", "before", "earlier", "later", "prior", "versions"];

/// The range indicator found in `name`, if any.
pub(crate) fn range_indicator(name: &str) -> Option<String> {
    if let Some(sym) = ["<=", ">=", "<", ">"].iter().find(|s| name.contains(**s)) {
        return Some((*sym).to_owned());
    }
    let lower = name.to_lowercase();
    lower
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .find(|w| WORDS.contains(w))
        .map(str::to_owned)
}

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    let Some(tree) = &cx.advisory.product_tree else {
        return;
    };
    walk_branches(tree, |b, path, _| {
        if b.category != Some(BranchCategory::ProductVersion) {
            return;
        }
        let Some(name) = &b.name else { return };
        if let Some(found) = range_indicator(name) {
            out.push(
                Finding::new(
                    META.id,
                    format!("{}/name", branch_pointer(path)),
                    format!("product version `{name}` contains the range indicator `{found}`"),
                )
                .help(
                    "use the category `product_version_range` with a `vers` range, or name a single version",
                ),
            );
        }
    });
}

#[cfg(test)]
mod tests {
    #[test]
    fn words_are_whole_words() {
        assert_eq!(super::range_indicator("prior to 4.2").as_deref(), Some("prior"));
        assert_eq!(super::range_indicator("<=4.2").as_deref(), Some("<="));
        assert_eq!(super::range_indicator("All Versions").as_deref(), Some("all"));
        assert_eq!(super::range_indicator("2.0.x"), None);
        assert_eq!(super::range_indicator("8.x"), None);
        assert_eq!(super::range_indicator("Firewall 2.1"), None);
        assert_eq!(super::range_indicator("after-eight"), None);
        assert_eq!(
            super::range_indicator("4.2 (and later)").as_deref(),
            Some("later")
        );
    }
}
