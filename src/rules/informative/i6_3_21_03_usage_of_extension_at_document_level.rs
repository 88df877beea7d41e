use crate::diag::Finding;
use crate::rules::mandatory::m6_1_60_01_extension_content_schema::locations;
use crate::rules::mandatory::m6_1_60_02_extension_schema::schema_of;
use crate::rules::Context;

declare_rule! {
    /// ## What it checks
    /// The element `/document/x_extensions` does not exist. Reported at the list.
    ///
    /// ## Why
    /// CSAF Extensions carry information that readers and tools may not know. This informative test
    /// shows where a document uses them, so that a publisher can keep an eye on it.
    ///
    /// ## Invalid
    /// ```json
    /// "document": {…, "x_extensions": [{"$schema": "https://www.example.com/csaf/extensions/schema/headquarters_1.0.0.json", …}]}
    /// ```
    /// ## Valid
    /// A document without `/document/x_extensions`.
    UsageOfExtensionAtDocumentLevel, id = "6.3.21.3", name = "usage-of-extension-at-document-level", group = Informative,
    summary = "the document uses a CSAF Extension at document level (`/document/x_extensions`)",
    since = "2.1",
}

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    report(cx, out, META.id, "$.document.x_extensions", "at document level");
}

/// Reports every `x_extensions` list at `path` (the path as `locations` names it, e.g.
/// `$.document.x_extensions`) at the list's pointer (6.3.21.3–6.3.21.9).
pub(super) fn report(cx: &Context<'_>, out: &mut Vec<Finding>, rule: &'static str, path: &str, place: &str) {
    let Some(raw) = cx.raw else {
        return;
    };
    for location in locations(raw).into_iter().filter(|l| l.path == path) {
        let schemas: Vec<String> = location
            .items
            .iter()
            .filter_map(schema_of)
            .map(|s| format!("`{s}`"))
            .collect();
        let what = match schemas.len() {
            0 => "a CSAF Extension".to_owned(),
            1 => format!("the CSAF Extension {}", schemas[0]),
            _ => format!("the CSAF Extensions {}", schemas.join(", ")),
        };
        out.push(
            Finding::new(
                rule,
                location.pointer,
                format!("the document uses {what} {place}"),
            )
            .help("make sure the readers of the document know the extension"),
        );
    }
}
