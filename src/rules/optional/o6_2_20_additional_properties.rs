use super::extension_class::{class_of, instances};
use crate::diag::Finding;
use crate::rules::mandatory::m6_1_60_02_extension_schema::SCHEMAS;
use crate::rules::Context;
use crate::schema::{additional_properties, additional_properties_with, compile_strict_with, CsafSchema};
use jsonschema::Validator;
use serde_json::Value;
use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

declare_rule! {
    /// ## What it checks
    /// The document has no member that the CSAF JSON schema, or a schema it references, does not
    /// define. The CSAF 2.0 schema and FIRST's CVSS v2/v3 schemas allow unknown members, so the check
    /// validates against a strict variant of the schema (every object schema that lists `properties`,
    /// including the referenced CVSS schemas, closed with `additionalProperties: false`), built once
    /// from the embedded schemas. Schemas already closed with `unevaluatedProperties` (the CSAF 2.1
    /// schema's CVSS v4.0 reference) are kept as they are. Members that a schema explicitly allows
    /// (`additionalProperties: true`, e.g. the `content` of a CSAF 2.1 extension) are not reported;
    /// CSAF 2.1 documents: the content of each CSAF Extension is checked in addition against the strict
    /// variant of the extension's own schema, if csaflint supports the extension (`data/extensions`,
    /// see 6.1.60.2). For an extension it does not support, the test gives a warning at the extension's
    /// `$schema` that names the `$schema` and the class of the extension (official, registered or
    /// experimental). Each unknown member is reported where it is. CSAF JSON only.
    ///
    /// ## Why
    /// Unknown members are usually typos of known ones, and no consumer reads them.
    ///
    /// ## Invalid
    /// ```json
    /// "document": {"category": "csaf_base", "csaf_version": "2.0", "custom_property": "any", …}
    /// ```
    /// ## Valid
    /// The same without `custom_property`.
    AdditionalProperties, id = "6.2.20", name = "additional-properties", group = Optional,
    summary = "the document has a member the CSAF schema does not define",
}

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    let Some(raw) = cx.raw else { return };
    let schema = if cx.version().is_csaf21() {
        CsafSchema::V21
    } else {
        CsafSchema::V20
    };
    let mut reported = HashSet::new();
    let unknown = if cx.strictly_valid {
        Vec::new()
    } else {
        additional_properties(raw, schema)
    };
    for (pointer, name) in unknown {
        reported.insert(pointer.clone());
        out.push(
            Finding::new(
                META.id,
                pointer,
                format!("`{name}` is not defined in the CSAF JSON schema"),
            )
            .help("remove it, or check its spelling against the schema"),
        );
    }
    if schema == CsafSchema::V21 {
        extensions(raw, &mut reported, out);
    }
}

/// The strict variants of the supported extensions' schemas, by their `$id`.
static STRICT_EXTENSIONS: LazyLock<HashMap<&'static str, Validator>> = LazyLock::new(|| {
    SCHEMAS
        .iter()
        .map(|(id, text)| {
            let schema: Value = serde_json::from_str(text).expect("embedded extension schemas are JSON");
            let validator = compile_strict_with(&schema, SCHEMAS)
                .unwrap_or_else(|e| panic!("strict variant of the extension schema {id} compiles: {e}"));
            (*id, validator)
        })
        .collect()
});

/// Checks every CSAF Extension against the strict variant of its own schema; warns about those
/// that csaflint does not support.
fn extensions(raw: &Value, reported: &mut HashSet<String>, out: &mut Vec<Finding>) {
    for instance in instances(raw) {
        let Some(schema) = instance.schema else {
            continue; // 6.1.60.1
        };
        let Some(validator) = STRICT_EXTENSIONS.get(schema) else {
            out.push(
                Finding::new(
                    META.id,
                    format!("{}/$schema", instance.pointer),
                    format!(
                        "the {} extension `{schema}` is not supported: its content was not checked for additional properties",
                        class_of(schema).as_str()
                    ),
                )
                .help("check the extension's content against its schema by other means")
                .as_warning(),
            );
            continue;
        };
        for (relative, name) in additional_properties_with(validator, instance.item) {
            let pointer = format!("{}{relative}", instance.pointer);
            if reported.insert(pointer.clone()) {
                out.push(
                    Finding::new(
                        META.id,
                        pointer,
                        format!("`{name}` is not defined in the schema of the extension `{schema}`"),
                    )
                    .help("remove it, or check its spelling against the extension's schema"),
                );
            }
        }
    }
}
