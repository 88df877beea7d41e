use crate::diag::Finding;
use crate::index::FastMap;
use crate::rules::Context;

declare_rule! {
    /// ## What it checks
    /// Within one vulnerability, no product is covered by more than one CVSS score of the same CVSS
    /// version (v2.0, v3.0, v3.1, v4.0). In CSAF 2.1 two such scores clash only when their metrics
    /// have the same `source` (two metrics without `source` have the same source).
    ///
    /// ## Why
    /// Two scores of one version for the same product contradict each other.
    ///
    /// ## Invalid
    /// ```json
    /// "scores": [{"products": ["CSAFPID-1"], "cvss_v3": {"version": "3.1", "vectorString": "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H", "baseScore": 10, "baseSeverity": "CRITICAL"}},
    ///            {"products": ["CSAFPID-1"], "cvss_v3": {"version": "3.1", "vectorString": "CVSS:3.1/AV:L/AC:L/PR:H/UI:R/S:U/C:H/I:H/A:H", "baseScore": 6.5, "baseSeverity": "MEDIUM"}}]
    /// ```
    /// ## Valid
    /// The same, with the second score given as `cvss_v3` version `3.0` or for another product.
    MultipleScoresWithSameVersionPerProduct, id = "6.1.7", name = "multiple-scores-with-same-version-per-product", group = Mandatory,
    summary = "a product has more than one CVSS score of the same version in one vulnerability",
}

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    let key = if cx.version().is_csaf21() {
        "metrics"
    } else {
        "scores"
    };
    let mut seen: FastMap<(&str, &str, Option<&str>), usize> = FastMap::default();
    for (v, vuln) in cx.advisory.vulnerabilities.iter().enumerate() {
        // 2.1: only scores from the same `source` (absent counts as one source of its own) clash.
        seen.clear();
        for (m, metric) in vuln.metrics.iter().enumerate() {
            let versions = [
                metric
                    .cvss_v2
                    .as_ref()
                    .map(|c| c.version.as_deref().unwrap_or("2.0")),
                metric
                    .cvss_v3
                    .as_ref()
                    .map(|c| c.version.as_deref().unwrap_or("3")),
                metric
                    .cvss_v4
                    .as_ref()
                    .map(|c| c.version.as_deref().unwrap_or("4.0")),
            ];
            let source = if cx.version().is_csaf21() {
                metric.source.as_deref()
            } else {
                None
            };
            for version in versions.into_iter().flatten() {
                for (i, product) in metric.products.iter().enumerate() {
                    if let Some(&first) = seen.get(&(product.as_str(), version, source)) {
                        if first != m {
                            out.push(Finding::new(
                                META.id,
                                format!("/vulnerabilities/{v}/{key}/{m}/products/{i}"),
                                format!(
                                    "product `{product}` already has a CVSS v{version} score in `/vulnerabilities/{v}/{key}/{first}`"
                                ),
                            ));
                        }
                    } else {
                        seen.insert((product, version, source), m);
                    }
                }
            }
        }
    }
}
