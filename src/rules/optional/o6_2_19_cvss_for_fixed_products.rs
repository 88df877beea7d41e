use crate::cvss;
use crate::diag::Finding;
use crate::rules::Context;
use std::collections::HashMap;

declare_rule! {
    /// ## What it checks
    /// Every CVSS score that covers a product listed as fixed (`first_fixed`, `fixed`) scores 0
    /// overall. For CVSS v2 and v3 that is the environmental score: the stated `environmentalScore`,
    /// or else the one computed from the vector completed with the environmental properties the
    /// object states (`modifiedIntegrityImpact`, …). For CVSS v4 (CSAF 2.1), whose one score covers
    /// every metric group, it is the score of the vector completed with the stated properties
    /// (`modifiedVulnIntegrityImpact`, `modifiedSubIntegrityImpact`, …), or else the stated
    /// `baseScore`. Passes when no score covers a fixed product.
    ///
    /// ## Why
    /// For a fixed product the vulnerability no longer has an impact; a non-zero score says otherwise.
    ///
    /// ## Invalid
    /// ```json
    /// "product_status": {"fixed": ["CSAFPID-1"]},
    /// "scores": [{"products": ["CSAFPID-1"], "cvss_v3": {"version": "3.1", "vectorString": "CVSS:3.1/AV:L/AC:L/PR:H/UI:R/S:U/C:H/I:H/A:H", "baseScore": 6.5, "baseSeverity": "MEDIUM"}}]
    /// ```
    /// ## Valid
    /// The same vector with `/MC:N/MI:N/MA:N` and `"environmentalScore": 0`; for CVSS v4 a vector
    /// ending in `/MVC:N/MVI:N/MVA:N/MSC:N/MSI:N/MSA:N`.
    CvssForFixedProducts, id = "6.2.19", name = "cvss-for-fixed-products", group = Optional,
    summary = "a fixed product has a CVSS score above 0",
}

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    let list = if cx.version().is_csaf21() {
        "metrics"
    } else {
        "scores"
    };
    for (v, vuln) in cx.advisory.vulnerabilities.iter().enumerate() {
        // the metrics of each product, in order (a map: thousands of fixed products and of
        // metrics must not take quadratic time)
        let mut metrics_of: HashMap<&str, Vec<usize>> = HashMap::new();
        for (m, metric) in vuln.metrics.iter().enumerate() {
            for p in &metric.products {
                let list = metrics_of.entry(p.as_str()).or_default();
                if list.last() != Some(&m) {
                    list.push(m);
                }
            }
        }
        // the overall score of each metric's CVSS objects, computed once (thousands of fixed
        // products share a few metrics)
        let mut scores: Vec<Option<[Option<f64>; 3]>> = vec![None; vuln.metrics.len()];
        for (status, ids) in [
            ("first_fixed", &vuln.product_status.first_fixed),
            ("fixed", &vuln.product_status.fixed),
        ] {
            for (i, id) in ids.iter().enumerate() {
                for &m in metrics_of.get(id.as_str()).map_or(&[][..], Vec::as_slice) {
                    let metric = &vuln.metrics[m];
                    let keys = ["cvss_v2", "cvss_v3", "cvss_v4"];
                    let computed = *scores[m].get_or_insert_with(|| {
                        let objects = [&metric.cvss_v2, &metric.cvss_v3, &metric.cvss_v4];
                        std::array::from_fn(|k| objects[k].as_ref().and_then(|c| overall_score(keys[k], c)))
                    });
                    for (key, score) in keys.into_iter().zip(computed) {
                        let Some(score) = score else {
                            continue;
                        };
                        if score != 0.0 {
                            let what = if key == "cvss_v4" {
                                "the CVSS v4.0 score"
                            } else {
                                "a CVSS score with the environmental score"
                            };
                            out.push(
                                Finding::new(
                                    META.id,
                                    format!("/vulnerabilities/{v}/product_status/{status}/{i}"),
                                    format!(
                                        "fixed product `{id}` has {what} {score} in `/vulnerabilities/{v}/{list}/{m}`"
                                    ),
                                )
                                .help(match key {
                                    "cvss_v2" => "set the target distribution to None (`TD:N`) so the environmental score is 0",
                                    "cvss_v3" => "set the modified impact metrics to None (`MC:N/MI:N/MA:N`) so the environmental score is 0",
                                    _ => "set the modified vulnerable system impacts to None and the modified subsequent system impacts to Negligible (`MVC:N/MVI:N/MVA:N/MSC:N/MSI:N/MSA:N`) so the score is 0",
                                }),
                            );
                        }
                    }
                }
            }
        }
    }
}

/// The score that must be 0 for a fixed product: v2/v3 the environmental score (stated, else
/// computed), v4 the score of the vector with the stated properties (else the stated `baseScore`).
fn overall_score(key: &str, c: &crate::model::Cvss) -> Option<f64> {
    let completed = || {
        c.vector
            .as_deref()
            .and_then(|s| cvss::parse_vector(s).ok())
            .and_then(|vec| cvss::with_properties(&vec, &c.fields))
    };
    if key == "cvss_v4" {
        return completed()
            .filter(|vec| vec.version() == cvss::CvssVersion::V40)
            .map(|vec| vec.scores().base)
            .or(c.base_score);
    }
    c.fields
        .get("environmentalScore")
        .and_then(|s| s.as_f64())
        .or_else(|| completed().and_then(|vec| vec.scores().environmental))
}
