use crate::diag::Finding;
use crate::rules::Context;

declare_rule! {
    /// ## What it checks
    /// The element `/product_tree` does not exist.
    ///
    /// Applies to documents of the categories `csaf_withdrawn` and `csaf_superseded`; skipped for all others.
    ///
    /// ## Why
    /// A withdrawn or superseded document no longer speaks about products: a withdrawer or
    /// superseder removes the product tree, so that no tool matches the document against assets.
    ///
    /// ## Invalid
    /// ```json
    /// {"document": {"category": "csaf_withdrawn", …}, "product_tree": {…}}
    /// ```
    /// ## Valid
    /// ```json
    /// {"document": {"category": "csaf_withdrawn", …}}
    /// ```
    ProductTreeForWithdrawnAndSuperseded, id = "6.1.27.15", name = "product-tree-for-withdrawn-and-superseded",
    group = Mandatory,
    summary = "a withdrawn or superseded document has a `/product_tree`",
    since = "2.1",
}

const CATEGORIES: &[&str] = &["csaf_withdrawn", "csaf_superseded"];

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    let Some(category) = cx.advisory.document.category.as_deref() else {
        return;
    };
    if !CATEGORIES.contains(&category) {
        return;
    }
    let present = cx.raw.map_or(cx.advisory.product_tree.is_some(), |r| {
        r.get("product_tree").is_some()
    });
    if present {
        out.push(
            Finding::new(
                META.id,
                "/product_tree",
                format!("a `{category}` document must not have a `/product_tree`"),
            )
            .help("remove the product tree"),
        );
    }
}
