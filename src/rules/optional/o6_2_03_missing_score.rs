use crate::diag::{indexed, push_index, Finding};
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
        for (list, ids) in vuln.product_status.lists() {
            if !matches!(list, "first_affected" | "known_affected" | "last_affected") {
                continue;
            }
            // the list's pointer and the message's tail, built once per list (see `diag::indexed`)
            let mut prefix = None;
            for (i, id) in ids.iter().enumerate() {
                if !scored.contains(id.as_str()) {
                    let (pointer, tail) = prefix.get_or_insert_with(|| {
                        let mut pointer = String::from("/vulnerabilities/");
                        push_index(&mut pointer, v);
                        pointer.push_str("/product_status/");
                        pointer.push_str(list);
                        pointer.push('/');
                        (
                            pointer,
                            format!("` is listed in `{list}` but no {what} covers it"),
                        )
                    });
                    let mut message = String::with_capacity(9 + id.len() + tail.len());
                    message.push_str("product `");
                    message.push_str(id);
                    message.push_str(tail);
                    out.push(Finding::new(META.id, indexed(pointer, i), message));
                }
            }
        }
    }
}
