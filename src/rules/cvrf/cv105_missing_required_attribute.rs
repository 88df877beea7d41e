use super::structure::{self, Kind};
use crate::diag::Finding;
use crate::rules::Context;

declare_rule! {
    /// ## What it checks
    /// An element lacks a required attribute: `Type` of `DocumentPublisher`, `Note`, `Branch`, `Status`,
    /// `Threat` and `Remediation`; `Ordinal` of `Note` and `Vulnerability`; `Name` of `Branch`; `ProductID` of
    /// `FullProductName`; `GroupID` of `Group`; the three attributes of `Relationship`; `Party` and `Status` of
    /// `Involvement`; `ID` of `CWE`; `SystemName` of a vulnerability `ID`. The diagnostic points at the element.
    ///
    /// ## Why
    /// These attributes carry the meaning of their element (which status, which kind of remediation, which
    /// product): without them the element cannot be interpreted.
    ///
    /// ## Invalid
    /// ```xml
    /// <Remediation>
    ///   <Description>Update to version 2.0.</Description>
    /// </Remediation>
    /// ```
    /// ## Valid
    /// ```xml
    /// <Remediation Type="Vendor Fix">
    ///   <Description>Update to version 2.0.</Description>
    /// </Remediation>
    /// ```
    MissingRequiredAttribute, id = "CV105", name = "cvrf-missing-required-attribute", group = Cvrf,
    summary = "a CVRF element lacks an attribute its schema requires",
    url = "https://docs.oasis-open.org/csaf/csaf-cvrf/v1.2/csaf-cvrf-v1.2.html",
}

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    structure::check(cx, Kind::MissingAttribute, META.id, out);
}
