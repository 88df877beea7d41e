use crate::diag::Finding;
use crate::rules::Context;

declare_rule! {
    /// ## What it checks
    /// Every product listed as affected (`first_affected`, `known_affected`, `last_affected`) is covered
    /// by a score (CSAF 2.0 `scores`) or a metric (CSAF 2.1 `metrics`, which renamed the test
    /// "Missing Metric"): an item whose `products` lists it.
    ///
    /// ## Why
    /// Readers prioritise by severity; an affected product without a score cannot be prioritised.
    ///
    /// ## Invalid
    /// ```json
    /// "product_status": {"first_affected": ["CSAFPID-1"]}  (no score)
    /// ```
    /// ## Valid
    /// ```json
    /// "product_status": {"first_affected": ["CSAFPID-1"]}, "scores": [{"products": ["CSAFPID-1"], "cvss_v3": {…}}]
    /// ```
    MissingScore, id = "6.2.3", name = "missing-score", group = Optional,
    summary = "an affected product has no score",
}

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    let what = if cx.version().is_csaf21() {
        "metric"
    } else {
        "score"
    };
    for (v, vuln) in cx.advisory.vulnerabilities.iter().enumerate() {
        let scored: crate::index::FastSet<&str> = vuln
            .metrics
            .iter()
            .flat_map(|m| m.products.iter().map(String::as_str))
            .collect();
        super::report_uncovered_status_entries(
            META.id,
            v,
            vuln,
            &["first_affected", "known_affected", "last_affected"],
            |id| scored.contains(id),
            |list| format!("` is listed in `{list}` but no {what} covers it"),
            out,
        );
    }
}
