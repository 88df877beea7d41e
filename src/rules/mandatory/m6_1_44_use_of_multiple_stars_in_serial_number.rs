use super::m6_1_43_use_of_multiple_stars_in_model_number::multiple_stars;
use crate::diag::Finding;
use crate::rules::Context;

declare_rule! {
    /// ## What it checks
    /// No serial number of a product identification helper contains more than one unescaped `*`
    /// (a `\` escapes the character after it, so `\*` is a literal star and `\\` a literal
    /// backslash).
    ///
    /// ## Why
    /// `*` matches zero or more characters, and "an unescaped `*` MUST be the only `*` wildcard in
    /// the string": with two of them a serial number matches ambiguously.
    ///
    /// ## Invalid
    /// ```json
    /// "product_identification_helper": {"serial_numbers": ["P*A*"]}
    /// ```
    /// ## Valid
    /// ```json
    /// "product_identification_helper": {"serial_numbers": ["PA*", "P?A*", "P\\*\\*\\\\?"]}
    /// ```
    UseOfMultipleStarsInSerialNumber, id = "6.1.44", name = "use-of-multiple-stars-in-serial-number",
    group = Mandatory,
    summary = "a serial number contains more than one unescaped `*`",
    since = "2.1",
}

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    multiple_stars(cx, out, META.id, "serial_numbers", "serial number", |h| {
        &h.serial_numbers
    });
}
