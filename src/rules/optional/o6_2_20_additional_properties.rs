use crate::diag::Finding;
use crate::rules::Context;
use crate::schema::{additional_properties, CsafSchema};

declare_rule! {
    /// ## What it checks
    /// The document has no member that the CSAF JSON schema, or a schema it references, does not
    /// define. The CSAF 2.0 schema and FIRST's CVSS v2/v3 schemas allow unknown members, so the check
    /// validates against a strict variant of the schema (every object schema that lists `properties`,
    /// including the referenced CVSS schemas, closed with `additionalProperties: false`), built once
    /// from the embedded schemas. Schemas already closed with `unevaluatedProperties` (the CSAF 2.1
    /// schema's CVSS v4.0 reference) are kept as they are. Members that a schema explicitly allows
    /// (`additionalProperties: true`, e.g. the `content` of a CSAF 2.1 extension) are not reported;
    /// the content of an extension is not checked against the extension's own schema. Each unknown
    /// member is reported where it is. CSAF JSON only.
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
    for (pointer, name) in additional_properties(raw, schema) {
        out.push(
            Finding::new(
                META.id,
                pointer,
                format!("`{name}` is not defined in the CSAF JSON schema"),
            )
            .help("remove it, or check its spelling against the schema"),
        );
    }
}
