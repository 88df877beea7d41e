use super::structure::{self, Kind};
use crate::diag::Finding;
use crate::rules::Context;

declare_rule! {
    /// ## What it checks
    /// An element has an attribute its schema does not declare, such as `Type` on `References` or `xml:lang`
    /// on an element whose type is not localized. `xsi:` attributes (for example `xsi:schemaLocation`) are
    /// always allowed. The diagnostic points at the attribute.
    ///
    /// ## Why
    /// The CVRF schemas declare no attribute wildcards, so XSD validation fails, and the information is lost
    /// to consumers.
    ///
    /// ## Invalid
    /// ```xml
    /// <References Type="External">…</References>
    /// ```
    /// ## Valid
    /// ```xml
    /// <References>
    ///   <Reference Type="External">…</Reference>
    /// </References>
    /// ```
    UnexpectedAttribute, id = "CV106", name = "cvrf-unexpected-attribute", group = Cvrf,
    summary = "a CVRF element has an attribute its schema does not declare",
    url = "https://docs.oasis-open.org/csaf/csaf-cvrf/v1.2/csaf-cvrf-v1.2.html",
}

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    structure::check(cx, Kind::UnexpectedAttribute, META.id, out);
}
