use crate::diag::Finding;
use crate::model::Metric;
use crate::rules::Context;
use std::collections::HashSet;

declare_rule! {
    /// ## What it checks
    /// CSAF 2.0: no item of `scores[]` has `cvss_v2` as its only score (no `cvss_v3` beside it).
    ///
    /// CSAF 2.1: every product that a `metrics[]` item with `cvss_v2` names has, in the same
    /// vulnerability, a second scoring object: some `metrics[]` item naming that product (the same
    /// item or another one, from any `source`) has under `content` a `cvss_v3`, `cvss_v4`, `epss`,
    /// `ssvc_v2` or `qualitative_severity_rating`. A product without one is reported once per
    /// vulnerability, at its first entry in the `products` of an item with `cvss_v2`. As CSAF 2.1
    /// says: "The test SHALL pass if a second scoring object is available regarding the specific
    /// product."
    ///
    /// ## Why
    /// CVSS v2 is superseded; a score in a current version lets readers compare it with other advisories.
    ///
    /// ## Invalid
    /// ```json
    /// "metrics": [
    ///   {"content": {"cvss_v2": {"version": "2.0", "vectorString": "AV:N/AC:L/Au:N/C:C/I:C/A:C", "baseScore": 10}},
    ///    "products": ["CSAFPID-1", "CSAFPID-2"]},
    ///   {"content": {"cvss_v3": {…}}, "products": ["CSAFPID-1"]}
    /// ]
    /// ```
    /// `CSAFPID-2` has only the CVSS v2 score.
    ///
    /// ## Valid
    /// ```json
    /// "metrics": [
    ///   {"content": {"cvss_v2": {…}}, "products": ["CSAFPID-1", "CSAFPID-2"]},
    ///   {"content": {"cvss_v3": {…}}, "products": ["CSAFPID-1", "CSAFPID-2"]}
    /// ]
    /// ```
    UseOfCvssV2AsTheOnlyScoringSystem, id = "6.3.1", name = "use-of-cvss-v2-as-the-only-scoring-system", group = Informative,
    summary = "a product's only score is a CVSS v2 score",
}

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    if cx.version().is_csaf21() {
        check_per_product(cx, out);
        return;
    }
    for (v, vuln) in cx.advisory.vulnerabilities.iter().enumerate() {
        for (m, metric) in vuln.metrics.iter().enumerate() {
            if metric.cvss_v2.is_some() && metric.cvss_v3.is_none() && metric.cvss_v4.is_none() {
                out.push(Finding::new(
                    META.id,
                    format!("/vulnerabilities/{v}/scores/{m}"),
                    "only a CVSS v2 score is given here",
                ));
            }
        }
    }
}

/// A scoring object other than `cvss_v2` under `content`.
fn has_other_score(metric: &Metric) -> bool {
    metric.cvss_v3.is_some()
        || metric.cvss_v4.is_some()
        || metric.epss.is_some()
        || metric.ssvc.is_some()
        || metric.qualitative_severity.is_some()
}

/// CSAF 2.1: per product of the items with `cvss_v2`, over all items of the vulnerability.
fn check_per_product(cx: &Context<'_>, out: &mut Vec<Finding>) {
    for (v, vuln) in cx.advisory.vulnerabilities.iter().enumerate() {
        if !vuln.metrics.iter().any(|m| m.cvss_v2.is_some()) {
            continue;
        }
        let scored: HashSet<&str> = vuln
            .metrics
            .iter()
            .filter(|m| has_other_score(m))
            .flat_map(|m| m.products.iter().map(String::as_str))
            .collect();
        let mut reported: HashSet<&str> = HashSet::new();
        for (m, metric) in vuln.metrics.iter().enumerate() {
            if metric.cvss_v2.is_none() {
                continue;
            }
            for (p, product) in metric.products.iter().enumerate() {
                if !scored.contains(product.as_str()) && reported.insert(product) {
                    out.push(
                        Finding::new(
                            META.id,
                            format!("/vulnerabilities/{v}/metrics/{m}/products/{p}"),
                            format!("only a CVSS v2 score is given for `{product}`"),
                        )
                        .help("also give a CVSS v4.0 (or v3.1) score for this product"),
                    );
                }
            }
        }
    }
}
