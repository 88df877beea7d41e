use crate::diag::Finding;
use crate::index::{branch_pointer, walk_branches};
use crate::model::BranchCategory;
use crate::rules::Context;

declare_rule! {
    /// ## What it checks
    /// The `name` of every branch of category `product_version_range` is a version range as section
    /// 3.1.2.3.2 of CSAF 2.1 demands: either a vers in its canonical form (`vers:<type>/<constraints>`,
    /// `vers:all/*` for all versions) or a vls, the bare constraints of a vers. Both have no
    /// whitespace, constraints separated by single `|`, only the comparators `<`, `<=`, `>`, `>=`,
    /// `!=` (or none for one version), and `<>=!*|%` percent-encoded in versions. A vers also has a
    /// lowercase type, names every version once and follows the vers order of comparators (after
    /// an equality only `>`, `>=` or another equality; `<` and `>` alternate); for the types
    /// `intdot`, `semver`, `npm`, `lexicographic` and `datetime` its versions must be of the type and
    /// sorted, other types are checked for everything but their version order. A vls has no type,
    /// hence no order, and is checked for its syntax only. A vers of another type gives a warning
    /// that names the type, as the specification asks for unsupported version schemes (it does not
    /// fail the test).
    ///
    /// ## Why
    /// "The value of MUST obey to exactly one of the following options": vers, "used in its canonical
    /// form", or vls. Only then can a tool compute whether a given version is in the range.
    ///
    /// ## Invalid
    /// ```json
    /// {"category": "product_version_range", "name": "all versions < 4.2.0"}
    /// ```
    /// ## Valid
    /// ```json
    /// {"category": "product_version_range", "name": "vers:intdot/<4.2.0"}
    /// ```
    ProductVersionRangeRules, id = "6.1.50", name = "product-version-range-rules", group = Mandatory,
    summary = "a product version range is neither a canonical vers nor a valid vls",
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
        let pointer = format!("{}/name", branch_pointer(path));
        match crate::vers::parse(name) {
            Ok(range) => {
                if let Some(t) = range.vers_type.as_deref().filter(|t| !crate::vers::is_supported(t)) {
                    out.push(
                        Finding::new(
                            META.id,
                            pointer,
                            format!(
                                "the vers type `{t}` of `{name}` is not supported: the order of its versions was not checked"
                            ),
                        )
                        .as_warning(),
                    );
                }
            }
            Err(why) => out.push(
                Finding::new(
                    META.id,
                    pointer,
                    format!("version range `{name}` breaks the rules for product version ranges: {why}"),
                )
                .help("write a canonical vers such as `vers:intdot/>=1.2|<2.0` (`vers:all/*` for all versions), or bare vers constraints such as `<2.0`"),
            ),
        }
    });
}
