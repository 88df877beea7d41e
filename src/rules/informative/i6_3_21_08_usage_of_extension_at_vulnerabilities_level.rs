use crate::diag::Finding;
use crate::rules::Context;

declare_rule! {
    /// ## What it checks
    /// No item of `/vulnerabilities` has the element `x_extensions`. Each list is reported.
    ///
    /// ## Why
    /// CSAF Extensions carry information that readers and tools may not know. This informative test
    /// shows where a document uses them, so that a publisher can keep an eye on it.
    ///
    /// ## Invalid
    /// ```json
    /// "vulnerabilities": [{"cve": "CVE-2024-0001", …, "x_extensions": [{…}]}]
    /// ```
    /// ## Valid
    /// Vulnerabilities without `x_extensions`.
    UsageOfExtensionAtVulnerabilitiesLevel, id = "6.3.21.8", name = "usage-of-extension-at-vulnerabilities-level", group = Informative,
    summary = "the document uses a CSAF Extension in a vulnerability (`/vulnerabilities[]/x_extensions`)",
    since = "2.1",
}

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    super::i6_3_21_03_usage_of_extension_at_document_level::report(
        cx,
        out,
        META.id,
        "$.vulnerabilities[*].x_extensions",
        "in a vulnerability",
    );
}
