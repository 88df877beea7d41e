use crate::diag::Finding;
use crate::rules::optional::extension_class::instances;
use crate::rules::Context;
use serde_json::Value;

declare_rule! {
    /// ## What it checks
    /// No CSAF Extension (item of an `x_extensions` list) has the extension category `essential`.
    /// Reported at `category`.
    ///
    /// ## Why
    /// The content of an `essential` extension is crucial to understand the document: a reader that
    /// does not know the extension might miss it.
    ///
    /// ## Invalid
    /// ```json
    /// "x_extensions": [{"$schema": "https://raw.githubusercontent.com/oasis-tcs/csaf/refs/heads/master/csaf_2.1/extension/data/valid/documentation-11/documentation-11-content_1.0.0.json", "category": "essential", "content": {…}, "critical": false}]
    /// ```
    /// ## Valid
    /// ```json
    /// "x_extensions": [{"$schema": "https://raw.githubusercontent.com/oasis-tcs/csaf/refs/heads/master/csaf_2.1/extension/data/valid/documentation-11/documentation-11-content_1.0.0.json", "category": "supplementary", "content": {…}, "critical": false}]
    /// ```
    ExtensionCategoryEssential, id = "6.3.21.1", name = "extension-category-essential", group = Informative,
    summary = "a CSAF Extension has the category `essential`",
    since = "2.1",
}

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    let Some(raw) = cx.raw else {
        return;
    };
    for instance in instances(raw) {
        if instance.item.get("category").and_then(Value::as_str) != Some("essential") {
            continue;
        }
        let name = instance
            .schema
            .map_or_else(|| "the extension".to_owned(), |s| format!("the extension `{s}`"));
        out.push(
            Finding::new(
                META.id,
                format!("{}/category", instance.pointer),
                format!("{name} has the category `essential`: a reader that does not know it might miss information crucial to understand the document"),
            )
            .help("make sure the readers of the document know this extension"),
        );
    }
}
