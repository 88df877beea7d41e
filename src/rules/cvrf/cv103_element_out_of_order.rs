use super::structure::{self, Kind};
use crate::diag::Finding;
use crate::rules::Context;

declare_rule! {
    /// ## What it checks
    /// The CVRF schemas define each element's children as a sequence: in `cvrfdoc`, `DocumentTitle` comes
    /// before `DocumentType`, `ProductTree` before `Vulnerability`; in a `Vulnerability`, `CVE` before
    /// `ProductStatuses` and `Remediations` before `References`. The diagnostic points at the first child that
    /// comes after one the schema puts behind it.
    ///
    /// ## Why
    /// XSD validation fails on any reordering, even when every element is present.
    ///
    /// ## Invalid
    /// ```xml
    /// <Vulnerability Ordinal="1">
    ///   <ProductStatuses>…</ProductStatuses>
    ///   <CVE>CVE-2024-0001</CVE>
    /// </Vulnerability>
    /// ```
    /// ## Valid
    /// ```xml
    /// <Vulnerability Ordinal="1">
    ///   <CVE>CVE-2024-0001</CVE>
    ///   <ProductStatuses>…</ProductStatuses>
    /// </Vulnerability>
    /// ```
    ElementOutOfOrder, id = "CV103", name = "cvrf-element-out-of-order", group = Cvrf,
    summary = "CVRF child elements are not in the order their schema defines",
    url = "https://docs.oasis-open.org/csaf/csaf-cvrf/v1.2/csaf-cvrf-v1.2.html",
}

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    structure::check(cx, Kind::OutOfOrder, META.id, out);
}
