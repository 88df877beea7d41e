use crate::diag::Finding;
use crate::rules::Context;

declare_rule! {
    /// ## What it checks
    /// The element `x_extensions` does not exist in any path that starts with `/vulnerabilities[]/metrics` (in the `content` of a metric). Each list is reported.
    ///
    /// ## Why
    /// CSAF Extensions carry information that readers and tools may not know. This informative test
    /// shows where a document uses them, so that a publisher can keep an eye on it.
    ///
    /// ## Invalid
    /// ```json
    /// "metrics": [{"content": {"cvss_v3": {…}, "x_extensions": [{…}]}, "products": ["CSAFPID-9080700"]}]
    /// ```
    /// ## Valid
    /// Metrics without `x_extensions`.
    UsageOfExtensionInVulnerabilitiesMetricsPath, id = "6.3.21.7", name = "usage-of-extension-in-vulnerabilities-metrics-path", group = Informative,
    summary = "the document uses a CSAF Extension in `/vulnerabilities[]/metrics`",
    since = "2.1",
}

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    super::i6_3_21_03_usage_of_extension_at_document_level::report(
        cx,
        out,
        META.id,
        "$.vulnerabilities[*].metrics[*].content.x_extensions",
        "in a metric",
    );
}
