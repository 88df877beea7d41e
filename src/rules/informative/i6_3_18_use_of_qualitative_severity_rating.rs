use crate::diag::Finding;
use crate::rules::Context;

declare_rule! {
    /// ## What it checks
    /// No item of `/vulnerabilities[]/metrics` uses the qualitative severity rating
    /// (`content/qualitative_severity_rating`), whoever provides it (6.2.47 covers the issuing
    /// party's metrics only).
    ///
    /// ## Why
    /// The qualitative severity rating is a specified property, but it gives no information about
    /// the inputs of the assessment. It can still be useful, e.g. for a supply chain vulnerability
    /// whose upstream product only gives such a rating.
    ///
    /// ## Invalid
    /// ```json
    /// "metrics": [{"content": {"qualitative_severity_rating": "low"}, "products": ["CSAFPID-9080700"], "source": "https://upstream.example/advisories/42"}]
    /// ```
    /// ## Valid
    /// ```json
    /// "metrics": [{"content": {"cvss_v4": {…}}, "products": ["CSAFPID-9080700"], "source": "https://upstream.example/advisories/42"}]
    /// ```
    UseOfQualitativeSeverityRating, id = "6.3.18", name = "use-of-qualitative-severity-rating", group = Informative,
    summary = "a metric uses the qualitative severity rating",
    since = "2.1",
}

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    for (v, vuln) in cx.advisory.vulnerabilities.iter().enumerate() {
        for (m, metric) in vuln.metrics.iter().enumerate() {
            let Some(rating) = metric.qualitative_severity.as_deref() else {
                continue;
            };
            let from = match metric.source.as_deref() {
                Some(s) => format!(" (from `{s}`)"),
                None => String::new(),
            };
            out.push(
                Finding::new(
                    META.id,
                    format!("/vulnerabilities/{v}/metrics/{m}/content/qualitative_severity_rating"),
                    format!("the metric{from} uses the qualitative severity rating `{rating}`"),
                )
                .help("where the inputs of the assessment are known, give a metric that shows them, such as CVSS"),
            );
        }
    }
}
