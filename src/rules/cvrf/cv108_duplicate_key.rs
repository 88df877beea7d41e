use super::structure::{self, Kind};
use crate::diag::Finding;
use crate::rules::Context;

declare_rule! {
    /// ## What it checks
    /// The schemas declare these values unique: `Ordinal` of the vulnerabilities, of the document notes and
    /// of the notes of one vulnerability; `ProductID` of `FullProductName`; `GroupID` of `Group`; a
    /// `ProductID` within the product statuses of one vulnerability (a product has one status); a
    /// `ProductID` within the score sets of one kind of one vulnerability. The diagnostic points at the second
    /// occurrence.
    ///
    /// ## Why
    /// References to a duplicated key are ambiguous, and a product listed under two statuses contradicts
    /// itself.
    ///
    /// ## Invalid
    /// ```xml
    /// <ProductStatuses>
    ///   <Status Type="Known Affected"><ProductID>CVRFPID-1</ProductID></Status>
    ///   <Status Type="Fixed"><ProductID>CVRFPID-1</ProductID></Status>
    /// </ProductStatuses>
    /// ```
    /// ## Valid
    /// ```xml
    /// <ProductStatuses>
    ///   <Status Type="Fixed"><ProductID>CVRFPID-1</ProductID></Status>
    /// </ProductStatuses>
    /// ```
    DuplicateKey, id = "CV108", name = "cvrf-duplicate-key", group = Cvrf,
    summary = "a CVRF value that its schema declares unique occurs twice",
    url = "https://docs.oasis-open.org/csaf/csaf-cvrf/v1.2/csaf-cvrf-v1.2.html",
}

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    structure::check(cx, Kind::DuplicateKey, META.id, out);
}
