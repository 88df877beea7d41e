use super::structure::{self, Kind};
use crate::diag::Finding;
use crate::rules::Context;

declare_rule! {
    /// ## What it checks
    /// An element lacks a child that the CVRF 1.1 / 1.2 schema requires: for example `DocumentTracking` without
    /// `Version`, a `Revision` without `Date`, a `Remediation` without `Description`, a `Status` without any
    /// `ProductID`, a product `Group` with fewer than two `ProductID`s, or a `Branch` with neither a
    /// `FullProductName` nor a nested `Branch`. The diagnostic points at the element that lacks the child.
    ///
    /// ## Why
    /// Consumers that validate against the XSD reject the document, and converters to CSAF cannot fill the
    /// required CSAF members.
    ///
    /// ## Invalid
    /// ```xml
    /// <Remediation Type="Vendor Fix">
    ///   <ProductID>CVRFPID-1</ProductID>
    /// </Remediation>
    /// ```
    /// ## Valid
    /// ```xml
    /// <Remediation Type="Vendor Fix">
    ///   <Description>Update to version 2.0.</Description>
    ///   <ProductID>CVRFPID-1</ProductID>
    /// </Remediation>
    /// ```
    MissingRequiredElement, id = "CV101", name = "cvrf-missing-required-element", group = Cvrf,
    summary = "a CVRF element lacks a child element its schema requires",
    url = "https://docs.oasis-open.org/csaf/csaf-cvrf/v1.2/csaf-cvrf-v1.2.html",
}

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    structure::check(cx, Kind::MissingElement, META.id, out);
}
