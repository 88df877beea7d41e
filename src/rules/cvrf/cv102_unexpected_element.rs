use super::structure::{self, Kind};
use crate::diag::Finding;
use crate::rules::Context;

declare_rule! {
    /// ## What it checks
    /// An element holds a child its schema does not declare (a vendor extension, a misspelt name, an element
    /// of another part of the document), more occurrences of a child than the schema allows (two `CVE`s in
    /// one `Vulnerability`, a `Branch` with two `FullProductName`s), or text where only elements are allowed.
    /// The diagnostic points at the unexpected element.
    ///
    /// ## Why
    /// The CVRF schemas allow no extension elements, so XSD-validating consumers reject the document, and
    /// converters silently drop what they do not know.
    ///
    /// ## Invalid
    /// ```xml
    /// <Vulnerability Ordinal="1">
    ///   <CVE>CVE-2024-0001</CVE>
    ///   <Severity>High</Severity>
    /// </Vulnerability>
    /// ```
    /// ## Valid
    /// ```xml
    /// <Vulnerability Ordinal="1">
    ///   <CVE>CVE-2024-0001</CVE>
    /// </Vulnerability>
    /// ```
    UnexpectedElement, id = "CV102", name = "cvrf-unexpected-element", group = Cvrf,
    summary = "a CVRF element holds a child element or text its schema does not allow there",
    url = "https://docs.oasis-open.org/csaf/csaf-cvrf/v1.2/csaf-cvrf-v1.2.html",
}

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    structure::check(cx, Kind::UnexpectedElement, META.id, out);
}
