use super::m6_1_60_01_extension_content_schema::locations;
use crate::diag::Finding;
use crate::rules::Context;
use jsonschema::Validator;
use serde::Deserialize;
use serde_json::Value;
use std::collections::HashMap;
use std::sync::LazyLock;

declare_rule! {
    /// ## What it checks
    /// Every CSAF Extension (item of an `x_extensions` list) whose `$schema` names an extension that
    /// csaflint supports is valid against that CSAF Extension Schema. Each violation is reported at the
    /// offending value.
    ///
    /// csaflint supports the extensions whose schema and metadata it embeds (`data/extensions`). No
    /// official or registered extension exists yet; the embedded ones are the documentation extensions
    /// of the OASIS test data. The specification asks for a warning that names the `$schema` (and the
    /// class of the extension) for an extension a tool does not support; csaflint reports that as a
    /// warning at the extension's `$schema`, which does not fail the test.
    ///
    /// ## Why
    /// The content schema (6.1.60.1) only fixes the frame of an extension; what `content` holds is
    /// defined by the extension's own schema, which a tool relies on when it processes the extension.
    ///
    /// ## Invalid
    /// ```json
    /// "x_extensions": [{
    ///   "$schema": "https://raw.githubusercontent.com/oasis-tcs/csaf/refs/heads/master/csaf_2.1/extension/data/valid/documentation-12/documentation-12-content_1.0.0.json",
    ///   "category": "supplementary",
    ///   "content": {"notes": ["The property `documentation`, which the extension requires, is missing."]},
    ///   "critical": false
    /// }]
    /// ```
    /// ## Valid
    /// ```json
    /// "x_extensions": [{
    ///   "$schema": "https://raw.githubusercontent.com/oasis-tcs/csaf/refs/heads/master/csaf_2.1/extension/data/valid/documentation-12/documentation-12-content_1.0.0.json",
    ///   "category": "supplementary",
    ///   "content": {"documentation": "This extension is for documentation and test purposed only. It is valid. It is not allowed to be used in a production CSAF."},
    ///   "critical": false
    /// }]
    /// ```
    ExtensionSchema, id = "6.1.60.2", name = "extension-schema", group = Mandatory,
    summary = "a CSAF Extension is invalid against its own CSAF Extension Schema",
    url = "https://github.com/oasis-tcs/csaf/blob/master/csaf_2.1/prose/share/csaf-v2.1-draft.md#mandatory-tests--extension-tests-extension-schema",
    since = "2.1",
}

/// The supported extensions' content schemas: `($id, schema)`.
pub(crate) const SCHEMAS: &[(&str, &str)] = &[
    (
        "https://raw.githubusercontent.com/oasis-tcs/csaf/refs/heads/master/csaf_2.1/extension/data/valid/documentation-11/documentation-11-content_1.0.0.json",
        include_str!("../../../data/extensions/documentation-11-content_1.0.0.json"),
    ),
    (
        "https://raw.githubusercontent.com/oasis-tcs/csaf/refs/heads/master/csaf_2.1/extension/data/valid/documentation-12/documentation-12-content_1.0.0.json",
        include_str!("../../../data/extensions/documentation-12-content_1.0.0.json"),
    ),
    (
        "https://raw.githubusercontent.com/oasis-tcs/csaf/refs/heads/master/csaf_2.1/extension/data/valid/documentation-13/documentation-13-content_1.0.0.json",
        include_str!("../../../data/extensions/documentation-13-content_1.0.0.json"),
    ),
];

/// The CSAF Extension Metadata of the supported extensions, in the order of [`SCHEMAS`].
const METADATA: &[&str] = &[
    include_str!("../../../data/extensions/documentation-11-metadata_1.0.0.json"),
    include_str!("../../../data/extensions/documentation-12-metadata_1.0.0.json"),
    include_str!("../../../data/extensions/documentation-13-metadata_1.0.0.json"),
];

/// A supported extension.
pub(super) struct Extension {
    validator: Validator,
    pub(super) metadata: Metadata,
}

/// The CSAF Extension Metadata of an extension (the parts the tests use).
#[derive(Deserialize)]
pub(super) struct Metadata {
    #[serde(default)]
    pub(super) incompatible_extensions: Vec<String>,
    /// By path (`$.x_extensions`, …).
    pub(super) requirement: HashMap<String, Requirement>,
}

#[derive(Deserialize)]
pub(super) struct Requirement {
    pub(super) max_occurrence: u64,
}

/// The supported extensions by the `$id` of their content schema.
pub(super) static EXTENSIONS: LazyLock<HashMap<&'static str, Extension>> = LazyLock::new(|| {
    SCHEMAS
        .iter()
        .zip(METADATA)
        .map(|((id, schema), metadata)| {
            let schema: Value = serde_json::from_str(schema).expect("embedded extension schemas are JSON");
            let validator = crate::schema::compile_with(&schema, SCHEMAS)
                .unwrap_or_else(|e| panic!("embedded extension schema {id} compiles: {e}"));
            let metadata: Metadata =
                serde_json::from_str(metadata).expect("embedded extension metadata is valid");
            (*id, Extension { validator, metadata })
        })
        .collect()
});

/// The warning the specification asks for when an extension is not supported: it names the
/// extension's `$schema` and class (official, registered, experimental). `None` when the item has no `$schema` (6.1.60.1 reports that).
pub(super) fn unsupported(item: &Value, pointer: &str, rule: &'static str, what: &str) -> Option<Finding> {
    let schema = schema_of(item)?;
    let class = crate::rules::optional::extension_class::class_of(schema).as_str();
    Some(
        Finding::new(
            rule,
            format!("{pointer}/$schema"),
            format!("the {class} extension `{schema}` is not supported: its {what} was not checked"),
        )
        .as_warning(),
    )
}

/// The `$schema` of an extension instance.
pub(crate) fn schema_of(item: &Value) -> Option<&str> {
    item.get("$schema").and_then(Value::as_str)
}

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    let Some(raw) = cx.raw else {
        return;
    };
    for location in locations(raw) {
        for (i, item) in location.items.iter().enumerate() {
            let Some(extension) = schema_of(item).and_then(|s| EXTENSIONS.get(s)) else {
                if let Some(w) = unsupported(item, &format!("{}/{i}", location.pointer), META.id, "schema") {
                    out.push(w);
                }
                continue;
            };
            for mut f in crate::schema::findings(&extension.validator, item, META.id) {
                f.pointer = format!("{}/{i}{}", location.pointer, f.pointer);
                f.message = format!("{} (the extension's schema)", f.message);
                out.push(f);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn supported_extensions_load() {
        assert_eq!(super::EXTENSIONS.len(), super::SCHEMAS.len());
        assert_eq!(super::METADATA.len(), super::SCHEMAS.len());
    }
}
