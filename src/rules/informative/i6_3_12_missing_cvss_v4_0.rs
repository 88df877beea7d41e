use crate::diag::Finding;
use crate::model::Metric;
use crate::rules::Context;
use std::collections::HashSet;

declare_rule! {
    /// ## What it checks
    /// Two things, per vulnerability:
    ///
    /// - every `metrics[]` item whose `content` has a CVSS object (`cvss_v2`, `cvss_v3` or
    ///   `cvss_v4`) has a `cvss_v4` object; an item without one is reported at its `content`. Items
    ///   with only other metrics (`epss`, `ssvc_v2`, `qualitative_severity_rating`) are not checked;
    /// - every product of the product status group Affected (`first_affected`, `known_affected`,
    ///   `last_affected`) is named in the `products` of a `metrics[]` item of the same vulnerability
    ///   that has a CVSS object; a product that is not is reported once per vulnerability, at its
    ///   first entry in those lists.
    ///
    /// CSAF 2.1: "For each item in the list of metrics that contains any CVSS object it MUST be
    /// tested that a `cvss_v4` object is present. The test MUST fail, if any Product ID […] in the
    /// product status group Affected […] is not covered by any CVSS object."
    ///
    /// ## Why
    /// CVSS v4.0 is the current version of CVSS; readers and tools compare advisories by it, and an
    /// affected product without any CVSS score cannot be prioritised by its severity.
    ///
    /// ## Invalid
    /// ```json
    /// "metrics": [{"content": {"cvss_v3": {"version": "3.1", "vectorString": "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H", …}},
    ///              "products": ["CSAFPID-1"]}],
    /// "product_status": {"known_affected": ["CSAFPID-1", "CSAFPID-2"]}
    /// ```
    /// The item has no `cvss_v4`, and `CSAFPID-2` has no CVSS score at all.
    ///
    /// ## Valid
    /// ```json
    /// "metrics": [{"content": {"cvss_v3": {…}, "cvss_v4": {"version": "4.0", "vectorString": "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H", …}},
    ///              "products": ["CSAFPID-1", "CSAFPID-2"]}],
    /// "product_status": {"known_affected": ["CSAFPID-1", "CSAFPID-2"]}
    /// ```
    MissingCvssV40, id = "6.3.12", name = "missing-cvss-v4-0", group = Informative,
    summary = "a CVSS score without a CVSS v4.0 score, or an affected product without a CVSS score",
    since = "2.1",
}

/// A CVSS object of any version under `content`.
fn has_cvss(metric: &Metric) -> bool {
    metric.cvss_v2.is_some() || metric.cvss_v3.is_some() || metric.cvss_v4.is_some()
}

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    for (v, vuln) in cx.advisory.vulnerabilities.iter().enumerate() {
        for (m, metric) in vuln.metrics.iter().enumerate() {
            if has_cvss(metric) && metric.cvss_v4.is_none() {
                out.push(
                    Finding::new(
                        META.id,
                        format!("/vulnerabilities/{v}/metrics/{m}/content"),
                        "the metric has a CVSS score but no CVSS v4.0 score",
                    )
                    .help("add a `cvss_v4` object"),
                );
            }
        }

        let covered: HashSet<&str> = vuln
            .metrics
            .iter()
            .filter(|m| has_cvss(m))
            .flat_map(|m| m.products.iter().map(String::as_str))
            .collect();
        let status = &vuln.product_status;
        let mut reported: HashSet<&str> = HashSet::new();
        for (key, list) in [
            ("first_affected", &status.first_affected),
            ("known_affected", &status.known_affected),
            ("last_affected", &status.last_affected),
        ] {
            for (i, product) in list.iter().enumerate() {
                if !covered.contains(product.as_str()) && reported.insert(product) {
                    out.push(
                        Finding::new(
                            META.id,
                            format!("/vulnerabilities/{v}/product_status/{key}/{i}"),
                            format!("the affected product `{product}` has no CVSS score"),
                        )
                        .help("add a `metrics` item with a `cvss_v4` object for this product"),
                    );
                }
            }
        }
    }
}
