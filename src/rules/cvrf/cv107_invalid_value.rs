use super::structure::{self, Kind};
use crate::diag::Finding;
use crate::rules::Context;

declare_rule! {
    /// ## What it checks
    /// Each element text and attribute value has a schema type: the enumerations of `Type`, `Status`,
    /// `Party`, `RelationType`; the CPE 2.2 name pattern of `FullProductName/@CPE`; `xs:dateTime` dates;
    /// the version pattern of `Version` and `Number` (`(0|[1-9][0-9]*)(\.(0|[1-9][0-9]*)){0,3}`); `CVE-[0-9\-]+` and `CWE-[1-9]\d{0,5}`; scores from 0 to
    /// 10; vector lengths; positive `Ordinal`s; non-empty strings. Enumeration and token values are
    /// compared after XML whitespace collapsing. The diagnostic points at the element or attribute.
    ///
    /// ## Why
    /// Consumers map these values to fixed meanings (a remediation category, a date); a value outside the
    /// type is either rejected or misread.
    ///
    /// ## Invalid
    /// ```xml
    /// <Remediation Type="Patch" Date="2024-05-01">…</Remediation>
    /// ```
    /// ## Valid
    /// ```xml
    /// <Remediation Type="Vendor Fix" Date="2024-05-01T00:00:00Z">…</Remediation>
    /// ```
    InvalidValue, id = "CV107", name = "cvrf-invalid-value", group = Cvrf,
    summary = "a CVRF value breaks its schema type: enumeration, pattern, date-time, number or empty string",
    url = "https://docs.oasis-open.org/csaf/csaf-cvrf/v1.2/csaf-cvrf-v1.2.html",
}

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    structure::check(cx, Kind::InvalidValue, META.id, out);
}
