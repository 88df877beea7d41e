use super::extension_class::instances;
use crate::diag::Finding;
use crate::rules::Context;
use serde_json::Value;

declare_rule! {
    /// ## What it checks
    /// No CSAF Extension (item of an `x_extensions` list) is critical: its `critical` is not
    /// `true`. Reported at `critical`.
    ///
    /// ## Why
    /// A critical extension is one whose use would fail a mandatory test: the document is only valid
    /// for tools that implement the extension and its tests.
    ///
    /// ## Invalid
    /// ```json
    /// "x_extensions": [{"$schema": "https://raw.githubusercontent.com/oasis-tcs/csaf/refs/heads/master/csaf_2.1/extension/data/valid/documentation-13/documentation-13-content_1.0.0.json", "category": "essential", "content": {…}, "critical": true}]
    /// ```
    /// ## Valid
    /// ```json
    /// "x_extensions": [{"$schema": "https://raw.githubusercontent.com/oasis-tcs/csaf/refs/heads/master/csaf_2.1/extension/data/valid/documentation-11/documentation-11-content_1.0.0.json", "category": "significant", "content": {…}, "critical": false}]
    /// ```
    CriticalExtension, id = "6.2.54.3", name = "critical-extension", group = Optional,
    summary = "a CSAF Extension is critical",
    since = "2.1",
}

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    let Some(raw) = cx.raw else {
        return;
    };
    for instance in instances(raw) {
        if instance.item.get("critical") != Some(&Value::Bool(true)) {
            continue;
        }
        let name = instance
            .schema
            .map_or_else(|| "the extension".to_owned(), |s| format!("the extension `{s}`"));
        out.push(
            Finding::new(
                META.id,
                format!("{}/critical", instance.pointer),
                format!("{name} is critical: using it fails a mandatory test for tools that do not implement it"),
            )
            .help("avoid critical extensions where the document has to be processed by tools that may not implement them"),
        );
    }
}
