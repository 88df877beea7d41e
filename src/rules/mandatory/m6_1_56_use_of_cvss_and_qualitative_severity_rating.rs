use crate::diag::Finding;
use crate::rules::Context;
use std::collections::BTreeSet;

declare_rule! {
    /// ## What it checks
    /// Within each vulnerability, no product has both a Qualitative Severity Rating
    /// (`metrics[]/content/qualitative_severity_rating`) and CVSS values (`cvss_v2`, `cvss_v3`,
    /// `cvss_v4`) from the same `source` (metrics without `source` count as one source: the document
    /// author). The finding is at each qualitative severity rating that collides.
    ///
    /// ## Why
    /// The qualitative severity rating is for sources that do not give CVSS; next to a CVSS score of
    /// the same source it is at best redundant, at worst contradicting. Different sources may well
    /// rate the same product differently.
    ///
    /// ## Invalid
    /// ```json
    /// "metrics": [
    ///   {"content": {"cvss_v3": {…}}, "products": ["CSAFPID-1"]},
    ///   {"content": {"qualitative_severity_rating": "critical"}, "products": ["CSAFPID-1"]}
    /// ]
    /// ```
    /// ## Valid
    /// ```json
    /// "metrics": [
    ///   {"content": {"cvss_v3": {…}}, "products": ["CSAFPID-1"]},
    ///   {"content": {"qualitative_severity_rating": "critical"}, "products": ["CSAFPID-1"], "source": "https://example.com/assessment"}
    /// ]
    /// ```
    UseOfCvssAndQualitativeSeverityRating, id = "6.1.56", name = "use-of-cvss-and-qualitative-severity-rating",
    group = Mandatory,
    summary = "a product has both a qualitative severity rating and CVSS values from the same source",
    since = "2.1",
}

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    for (v, vuln) in cx.advisory.vulnerabilities.iter().enumerate() {
        // (product, source) pairs that have CVSS values
        let cvss: BTreeSet<(&str, Option<&str>)> = vuln
            .metrics
            .iter()
            .filter(|m| m.cvss_v2.is_some() || m.cvss_v3.is_some() || m.cvss_v4.is_some())
            .flat_map(|m| m.products.iter().map(move |p| (p.as_str(), m.source.as_deref())))
            .collect();
        for (m, metric) in vuln.metrics.iter().enumerate() {
            let Some(rating) = metric.qualitative_severity.as_deref() else {
                continue;
            };
            let source = metric.source.as_deref();
            let mut products: Vec<&str> = metric
                .products
                .iter()
                .map(String::as_str)
                .filter(|p| cvss.contains(&(*p, source)))
                .collect();
            products.sort_unstable();
            products.dedup();
            if products.is_empty() {
                continue;
            }
            let from = match source {
                Some(s) => format!("the source `{s}`"),
                None => "the document author (no `source`)".to_owned(),
            };
            out.push(
                Finding::new(
                    META.id,
                    format!("/vulnerabilities/{v}/metrics/{m}/content/qualitative_severity_rating"),
                    format!(
                        "the qualitative severity rating `{rating}` is given for {} that {} CVSS values from {from} as well",
                        products
                            .iter()
                            .map(|p| format!("`{p}`"))
                            .collect::<Vec<_>>()
                            .join(", "),
                        if products.len() == 1 { "has" } else { "have" }
                    ),
                )
                .help("give either CVSS values or a qualitative severity rating per product and source"),
            );
        }
    }
}
