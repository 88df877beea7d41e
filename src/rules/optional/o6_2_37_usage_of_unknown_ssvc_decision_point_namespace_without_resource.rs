use crate::diag::Finding;
use crate::rules::optional::ssvc_namespaces::{self, BaseKind};
use crate::rules::Context;
use serde_json::Value;
use std::collections::HashSet;

declare_rule! {
    /// ## What it checks
    /// For every SSVC object (`/vulnerabilities[]/metrics[]/content/ssvc_v2`) and every namespace
    /// of its `selections` whose base namespace is not registered, one of its
    /// `decision_point_resources` mentions the full `namespace`, extensions included, in its
    /// `summary` (case-sensitive substring; the spec deems this sufficient).
    ///
    /// Not registered: base namespaces starting with `x_`, and those without `x_` that csaflint's
    /// SSVC registry does not know (see 6.2.34). The registered namespaces, with or without
    /// extensions, need no resource: an extension cannot add values, so its decision points are
    /// those of the registered base namespace. Nor do the reserved ones: `example` and `test` are
    /// registered for documentation and tests, and `invalid` must never be used at all (6.1.48).
    ///
    /// ## Why
    /// The definitions of the decision points of an unregistered namespace are only available where
    /// their owner publishes them; the decision point resource tells the reader where.
    ///
    /// ## Invalid
    /// ```json
    /// "decision_point_resources": [{"summary": "Specification for Decision Points within 'x_example.test#other'", "uri": "https://test.example/ssvc/other"}],
    /// "selections": [{"key": "TI", "namespace": "x_example.test#without-resource/de-DE", "version": "1.0.0", …}]
    /// ```
    /// ## Valid
    /// ```json
    /// "decision_point_resources": [{"summary": "Specification for Decision Points within 'x_example.test#with-resource/de-DE'", "uri": "https://test.example/de-DE/ssvc/with-resource"}],
    /// "selections": [{"key": "TI", "namespace": "x_example.test#with-resource/de-DE", "version": "1.0.0", …}]
    /// ```
    UsageOfUnknownSsvcDecisionPointNamespaceWithoutResource, id = "6.2.37",
    name = "usage-of-unknown-ssvc-decision-point-namespace-without-resource", group = Optional,
    summary = "no decision point resource mentions an unregistered SSVC namespace",
    since = "2.1",
}

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    // each SSVC object once per namespace: (SSVC object pointer, namespace)
    let mut reported: HashSet<(String, &str)> = HashSet::new();
    for selection in ssvc_namespaces::selections(cx) {
        let ns = &selection.namespace;
        if !matches!(ns.kind(), BaseKind::Unregistered | BaseKind::Unknown) {
            continue;
        }
        let summaries = selection
            .ssvc
            .get("decision_point_resources")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .filter_map(|r| r.get("summary").and_then(Value::as_str));
        let mut summaries = summaries.peekable();
        let none = summaries.peek().is_none();
        if summaries.any(|s| s.contains(ns.full)) {
            continue;
        }
        if !reported.insert((selection.ssvc_pointer.clone(), ns.full)) {
            continue;
        }
        out.push(
            Finding::new(
                META.id,
                selection.namespace_pointer(),
                if none {
                    format!("the SSVC namespace `{}` is not registered, and this SSVC object has no decision point resources", ns.full)
                } else {
                    format!("the SSVC namespace `{}` is not registered, and no decision point resource mentions it in its `summary`", ns.full)
                },
            )
            .help(format!(
                "add a `decision_point_resources` item whose `summary` names `{}` and whose `uri` points to the definitions of its decision points",
                ns.full
            )),
        );
    }
}
