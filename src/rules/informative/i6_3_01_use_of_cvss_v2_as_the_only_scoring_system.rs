use crate::diag::Finding;
use crate::rules::Context;

declare_rule! {
    /// ## What it checks
    /// No score (CSAF 2.0 `scores[]`, 2.1 `metrics[]`) has `cvss_v2` as its only CVSS score.
    ///
    /// ## Why
    /// CVSS v2 is superseded; a score in a current version lets readers compare it with other advisories.
    ///
    /// ## Invalid
    /// ```json
    /// "scores": [{"products": ["CSAFPID-1"], "cvss_v2": {"version": "2.0", "vectorString": "AV:N/AC:L/Au:N/C:C/I:C/A:C", "baseScore": 10.0}}]
    /// ```
    /// ## Valid
    /// ```json
    /// "scores": [{"products": ["CSAFPID-1"], "cvss_v2": {…}, "cvss_v3": {…}}]
    /// ```
    UseOfCvssV2AsTheOnlyScoringSystem, id = "6.3.1", name = "use-of-cvss-v2-as-the-only-scoring-system", group = Informative,
    summary = "a score gives only CVSS v2",
}

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    let list = if cx.version().is_csaf21() {
        "metrics"
    } else {
        "scores"
    };
    for (v, vuln) in cx.advisory.vulnerabilities.iter().enumerate() {
        for (m, metric) in vuln.metrics.iter().enumerate() {
            if metric.cvss_v2.is_some() && metric.cvss_v3.is_none() && metric.cvss_v4.is_none() {
                out.push(Finding::new(
                    META.id,
                    format!("/vulnerabilities/{v}/{list}/{m}"),
                    "only a CVSS v2 score is given here",
                ));
            }
        }
    }
}
