use super::structure::{self, Kind};
use crate::diag::Finding;
use crate::rules::Context;

declare_rule! {
    /// ## What it checks
    /// Every element belongs to the namespace of the schema part that declares it, in the version of the root:
    /// document elements to `…/cvrf`, the product tree to `…/prod`, vulnerabilities to `…/vuln`
    /// (`http://www.icasi.org/CVRF/schema/<part>/1.1` for CVRF 1.1,
    /// `http://docs.oasis-open.org/csaf/ns/csaf-cvrf/v1.2/<part>` for CVRF 1.2). The diagnostic points at an
    /// element with no namespace, another part's namespace, or the other version's.
    ///
    /// ## Why
    /// To an XML processor an element in the wrong namespace is a different element: schema validation and
    /// namespace-aware tools do not recognise it.
    ///
    /// ## Invalid
    /// ```xml
    /// <cvrfdoc xmlns="http://docs.oasis-open.org/csaf/ns/csaf-cvrf/v1.2/cvrf">
    ///   …
    ///   <Vulnerability Ordinal="1">…</Vulnerability>
    /// </cvrfdoc>
    /// ```
    /// ## Valid
    /// ```xml
    /// <cvrfdoc xmlns="http://docs.oasis-open.org/csaf/ns/csaf-cvrf/v1.2/cvrf"
    ///          xmlns:vuln="http://docs.oasis-open.org/csaf/ns/csaf-cvrf/v1.2/vuln">
    ///   …
    ///   <vuln:Vulnerability Ordinal="1">…</vuln:Vulnerability>
    /// </cvrfdoc>
    /// ```
    WrongNamespace, id = "CV104", name = "cvrf-wrong-namespace", group = Cvrf,
    summary = "a CVRF element is not in the namespace of its part and version",
    url = "https://docs.oasis-open.org/csaf/csaf-cvrf/v1.2/csaf-cvrf-v1.2.html",
}

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    structure::check(cx, Kind::WrongNamespace, META.id, out);
}
