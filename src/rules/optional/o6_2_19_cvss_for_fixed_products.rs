use crate::cvss;
use crate::diag::{push_index, Finding};
use crate::index::{FastMap, ParsedCvss};
use crate::rules::Context;

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

/// What 6.2.19 reports for one CVSS object whose overall score is not 0: the message after the
/// product id, and the help.
struct NonZero {
    tail: String,
    help: &'static str,
}

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    let list = if cx.version().is_csaf21() {
        "metrics"
    } else {
        "scores"
    };
    let parsed = cx.cvss();
    let mut metrics_of: FastMap<&str, Vec<usize>> = FastMap::default();
    for (v, vuln) in cx.advisory.vulnerabilities.iter().enumerate() {
        if vuln.product_status.first_fixed.is_empty() && vuln.product_status.fixed.is_empty() {
            continue;
        }
        // the metrics of each product, in order (a map: thousands of fixed products and of
        // metrics must not take quadratic time)
        metrics_of.clear();
        for (m, metric) in vuln.metrics.iter().enumerate() {
            for p in &metric.products {
                let list = metrics_of.entry(p.as_str()).or_default();
                if list.last() != Some(&m) {
                    list.push(m);
                }
            }
        }
        // the parsed CVSS objects of this vulnerability (in document order, so one run)
        let start = parsed.partition_point(|p| p.at.vuln < v);
        let end = start + parsed[start..].partition_point(|p| p.at.vuln == v);
        let parsed = &parsed[start..end];
        // what each metric's CVSS objects report, computed once (thousands of fixed products share a
        // few metrics)
        let mut reports: Vec<Option<[Option<NonZero>; 3]>> = Vec::new();
        reports.resize_with(vuln.metrics.len(), || None);
        for (status, ids) in [
            ("first_fixed", &vuln.product_status.first_fixed),
            ("fixed", &vuln.product_status.fixed),
        ] {
            for (i, id) in ids.iter().enumerate() {
                for &m in metrics_of.get(id.as_str()).map_or(&[][..], Vec::as_slice) {
                    let reports = reports[m].get_or_insert_with(|| {
                        let first = parsed.partition_point(|p| p.at.metric < m);
                        let objects = parsed[first..].iter().take_while(|p| p.at.metric == m);
                        let mut reports: [Option<NonZero>; 3] = [None, None, None];
                        for p in objects {
                            let k = KEYS.iter().position(|k| *k == p.at.key).expect("a CVSS key");
                            reports[k] = overall_score(p)
                                .filter(|&score| score != 0.0)
                                .map(|score| non_zero(p.at.key, score, v, list, m));
                        }
                        reports
                    });
                    for report in reports.iter().flatten() {
                        let mut message = String::with_capacity(16 + id.len() + report.tail.len());
                        message.push_str("fixed product `");
                        message.push_str(id);
                        message.push_str(&report.tail);
                        let mut pointer = String::with_capacity(64);
                        pointer.push_str("/vulnerabilities/");
                        push_index(&mut pointer, v);
                        pointer.push_str("/product_status/");
                        pointer.push_str(status);
                        pointer.push('/');
                        push_index(&mut pointer, i);
                        out.push(Finding::new(META.id, pointer, message).help(report.help));
                    }
                }
            }
        }
    }
}

/// The keys of the CVSS objects of a metric, in the order of the findings.
const KEYS: [&str; 3] = ["cvss_v2", "cvss_v3", "cvss_v4"];

fn non_zero(key: &str, score: f64, v: usize, list: &str, m: usize) -> NonZero {
    let what = if key == "cvss_v4" {
        "the CVSS v4.0 score"
    } else {
        "a CVSS score with the environmental score"
    };
    NonZero {
        tail: format!("` has {what} {score} in `/vulnerabilities/{v}/{list}/{m}`"),
        help: match key {
            "cvss_v2" => "set the target distribution to None (`TD:N`) so the environmental score is 0",
            "cvss_v3" => "set the modified impact metrics to None (`MC:N/MI:N/MA:N`) so the environmental score is 0",
            _ => "set the modified vulnerable system impacts to None and the modified subsequent system impacts to Negligible (`MVC:N/MVI:N/MVA:N/MSC:N/MSI:N/MSA:N`) so the score is 0",
        },
    }
}

fn overall_score(p: &ParsedCvss<'_>) -> Option<f64> {
    let c = p.at.cvss;
    let completed = || {
        let (vector, scores) = (p.vector.as_ref()?, p.scores.as_ref()?);
        Some((
            vector.version(),
            cvss::scores_with_properties(vector, scores, &c.fields)?,
        ))
    };
    if p.at.key == "cvss_v4" {
        return completed()
            .filter(|(version, _)| *version == cvss::CvssVersion::V40)
            .map(|(_, scores)| scores.base)
            .or(c.base_score);
    }
    c.fields
        .get("environmentalScore")
        .and_then(|s| s.as_f64())
        .or_else(|| completed().and_then(|(_, scores)| scores.environmental))
}
