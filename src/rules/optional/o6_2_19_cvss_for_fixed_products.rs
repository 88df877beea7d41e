use crate::cvss;
use crate::diag::Finding;
use crate::rules::Context;
use std::collections::HashMap;

declare_rule! {
    /// ## What it checks
    /// Every CVSS score that covers a product listed as fixed (`first_fixed`, `fixed`) has an
    /// environmental score of 0: the stated `environmentalScore`, or else the one computed from its
    /// vector completed with the environmental properties the object states (`modifiedIntegrityImpact`, …). Passes when no score covers a fixed product.
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
    /// The same vector with `/MC:N/MI:N/MA:N` and `"environmentalScore": 0`.
    CvssForFixedProducts, id = "6.2.19", name = "cvss-for-fixed-products", group = Optional,
    summary = "a fixed product has a CVSS score with an environmental score above 0",
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
        for (status, ids) in [
            ("first_fixed", &vuln.product_status.first_fixed),
            ("fixed", &vuln.product_status.fixed),
        ] {
            for (i, id) in ids.iter().enumerate() {
                for &m in metrics_of.get(id.as_str()).map_or(&[][..], Vec::as_slice) {
                    let metric = &vuln.metrics[m];
                    for (key, cvss) in [("cvss_v2", &metric.cvss_v2), ("cvss_v3", &metric.cvss_v3)] {
                        let Some(c) = cvss else { continue };
                        let stated = c.fields.get("environmentalScore").and_then(|s| s.as_f64());
                        let computed = || {
                            c.vector
                                .as_deref()
                                .and_then(|s| cvss::parse_vector(s).ok())
                                .and_then(|vec| cvss::with_properties(&vec, &c.fields))
                                .and_then(|vec| vec.scores().environmental)
                        };
                        let Some(score) = stated.or_else(computed) else {
                            continue;
                        };
                        if score != 0.0 {
                            out.push(
                                Finding::new(
                                    META.id,
                                    format!("/vulnerabilities/{v}/product_status/{status}/{i}"),
                                    format!(
                                        "fixed product `{id}` has a CVSS score with the environmental score {score} in `/vulnerabilities/{v}/{list}/{m}`"
                                    ),
                                )
                                .help(if key == "cvss_v2" {
                                    "set the target distribution to None (`TD:N`) so the environmental score is 0"
                                } else {
                                    "set the modified impact metrics to None (`MC:N/MI:N/MA:N`) so the environmental score is 0"
                                }),
                            );
                        }
                    }
                }
            }
        }
    }
}
