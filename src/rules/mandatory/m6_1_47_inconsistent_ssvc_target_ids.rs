use crate::diag::Finding;
use crate::rules::Context;
use serde_json::Value;

declare_rule! {
    /// ## What it checks
    /// Every item of `target_ids` of an SSVC object (`/vulnerabilities[]/metrics[]/content/ssvc_v2`)
    /// is the `cve` of its vulnerability or the `text` of one of the vulnerability's `ids`. A target ID
    /// that equals `/document/tracking/id` also fails when the document has more than one vulnerability.
    ///
    /// ## Why
    /// The SSVC decision is about the vulnerability it is given for; a target ID naming something else
    /// (another CVE, the advisory of several vulnerabilities) attaches the decision to the wrong thing.
    ///
    /// ## Invalid
    /// ```json
    /// "vulnerabilities": [{
    ///   "cve": "CVE-1900-0001",
    ///   "metrics": [{"content": {"ssvc_v2": {…, "target_ids": ["CVE-1900-0002"]}}, "products": ["CSAFPID-1"]}]
    /// }]
    /// ```
    /// ## Valid
    /// ```json
    /// "vulnerabilities": [{
    ///   "cve": "CVE-1900-0001",
    ///   "metrics": [{"content": {"ssvc_v2": {…, "target_ids": ["CVE-1900-0001"]}}, "products": ["CSAFPID-1"]}]
    /// }]
    /// ```
    InconsistentSsvcTargetIds, id = "6.1.47", name = "inconsistent-ssvc-target-ids", group = Mandatory,
    summary = "an SSVC target ID is neither the CVE nor an ID of its vulnerability",
    since = "2.1",
}

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    let tracking_id = cx.advisory.document.tracking.id.as_deref();
    let several = cx.advisory.vulnerabilities.len() > 1;
    for (v, vuln) in cx.advisory.vulnerabilities.iter().enumerate() {
        for (m, metric) in vuln.metrics.iter().enumerate() {
            let Some(targets) = metric
                .ssvc
                .as_ref()
                .and_then(|s| s.get("target_ids"))
                .and_then(Value::as_array)
            else {
                continue;
            };
            for (t, target) in targets.iter().enumerate() {
                let Some(target) = target.as_str() else {
                    continue;
                };
                let pointer = format!("/vulnerabilities/{v}/metrics/{m}/content/ssvc_v2/target_ids/{t}");
                if several && Some(target) == tracking_id {
                    out.push(
                        Finding::new(
                            META.id,
                            pointer,
                            format!(
                                "the SSVC target ID `{target}` is the document's tracking ID, but the document has {} vulnerabilities",
                                cx.advisory.vulnerabilities.len()
                            ),
                        )
                        .help("name the vulnerability (its CVE or one of its `ids`), not the advisory"),
                    );
                    continue;
                }
                let is_cve = vuln.cve.as_deref() == Some(target);
                let is_id = vuln.ids.iter().any(|id| id.text.as_deref() == Some(target));
                if !is_cve && !is_id {
                    out.push(
                        Finding::new(
                            META.id,
                            pointer,
                            format!(
                                "the SSVC target ID `{target}` is neither the `cve` nor the `text` of an item of `ids` of this vulnerability"
                            ),
                        )
                        .help(match &vuln.cve {
                            Some(cve) => format!("use `{cve}` or an ID listed in `ids`"),
                            None => "use an ID listed in `ids` of this vulnerability".to_owned(),
                        }),
                    );
                }
            }
        }
    }
}
