use crate::diag::Finding;
use crate::model::ReferenceCategory;
use crate::rules::Context;

declare_rule! {
    /// ## What it checks
    /// No item of `/vulnerabilities[]/metrics` that the issuing party provides uses the qualitative
    /// severity rating (`content/qualitative_severity_rating`). A metric is the issuing party's when
    /// it has no `source`, or when its `source` is the canonical URL of the document (the URL of a
    /// document reference of category `self`). Assessments of third parties (any other `source`) are
    /// not covered; 6.3.18 reports every qualitative severity rating.
    ///
    /// ## Why
    /// A qualitative severity rating gives no information about the inputs of the assessment. The
    /// issuing party has those inputs and can give a metric that shows them, such as CVSS.
    ///
    /// ## Invalid
    /// ```json
    /// "metrics": [{"content": {"qualitative_severity_rating": "low"}, "products": ["CSAFPID-9080700"]}]
    /// ```
    /// ## Valid
    /// ```json
    /// "metrics": [{"content": {"cvss_v4": {"baseScore": 2.3, "baseSeverity": "LOW", "vectorString": "CVSS:4.0/AV:A/AC:H/AT:P/PR:N/UI:N/VC:L/VI:L/VA:L/SC:L/SI:L/SA:L", "version": "4.0"}}, "products": ["CSAFPID-9080700"]}]
    /// ```
    UseOfQualitativeSeverityRatingByIssuingParty, id = "6.2.47", name = "use-of-qualitative-severity-rating-by-issuing-party", group = Optional,
    summary = "a metric of the issuing party uses the qualitative severity rating",
    since = "2.1",
}

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    let canonical: Vec<&str> = cx
        .advisory
        .document
        .references
        .iter()
        .filter(|r| r.category == Some(ReferenceCategory::SelfRef))
        .filter_map(|r| r.url.as_deref())
        .collect();
    for (v, vuln) in cx.advisory.vulnerabilities.iter().enumerate() {
        for (m, metric) in vuln.metrics.iter().enumerate() {
            let Some(rating) = metric.qualitative_severity.as_deref() else {
                continue;
            };
            let by = match metric.source.as_deref() {
                None => "the issuing party (the metric has no `source`)".to_owned(),
                Some(s) if canonical.contains(&s) => {
                    format!("the issuing party (its `source` `{s}` is the canonical URL)")
                }
                Some(_) => continue,
            };
            out.push(
                Finding::new(
                    META.id,
                    format!("/vulnerabilities/{v}/metrics/{m}/content/qualitative_severity_rating"),
                    format!("the metric of {by} uses the qualitative severity rating `{rating}`"),
                )
                .help("give a metric that shows the assessment's inputs, such as CVSS, instead"),
            );
        }
    }
}
