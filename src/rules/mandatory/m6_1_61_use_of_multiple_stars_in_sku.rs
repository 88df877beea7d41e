use super::m6_1_43_use_of_multiple_stars_in_model_number::multiple_stars;
use crate::diag::Finding;
use crate::rules::Context;

declare_rule! {
    /// ## What it checks
    /// No stock keeping unit (SKU) of a product identification helper contains more than one
    /// unescaped `*` (a `\` escapes the character after it, so `\*` is a literal star and `\\` a
    /// literal backslash).
    ///
    /// ## Why
    /// `*` matches zero or more characters, and "an unescaped `*` MUST be the only `*` wildcard in
    /// the string": with two of them a SKU matches ambiguously.
    ///
    /// ## Invalid
    /// ```json
    /// "product_identification_helper": {"skus": ["NL*12*"]}
    /// ```
    /// ## Valid
    /// ```json
    /// "product_identification_helper": {"skus": ["NL12*", "NL?12*", "P\\*\\*\\\\?"]}
    /// ```
    UseOfMultipleStarsInSku, id = "6.1.61", name = "use-of-multiple-stars-in-sku",
    group = Mandatory,
    summary = "a stock keeping unit contains more than one unescaped `*`",
    since = "2.1",
}

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    multiple_stars(cx, out, META.id, "skus", "stock keeping unit", |h| &h.skus);
}
