//! Offline JSON schema validation of CSAF documents.
//!
//! The CSAF 2.0 and 2.1 schemas and everything they reference (FIRST's CVSS v2.0/v3.0/v3.1/v4.0
//! schemas with FIRST's meta schema, CERT/CC's SSVC schema, the 2.1 extension schema and the 2.1
//! meta schema) are embedded at build time from `schemas/`. The strict variants that settle the
//! usual document (see [`strictly_valid`]) are Rust code generated at build time from
//! `schemas/strict/`; the others are compiled once per process, when first needed. `$ref`s resolve
//! to the embedded copies (a `?date` query suffix is ignored); any other reference fails to
//! resolve: nothing is ever fetched.

use crate::diag::Finding;
use jsonschema::error::ValidationErrorKind;
use jsonschema::{Retrieve, Uri, ValidationError, Validator};
use serde_json::Value;
use std::sync::LazyLock;

/// The embedded schemas, by the URL other schemas use to reference them.
const EMBEDDED: &[(&str, &str)] = &[
    (
        "https://docs.oasis-open.org/csaf/csaf/v2.0/csaf_json_schema.json",
        include_str!("../schemas/csaf_2.0/csaf_json_schema.json"),
    ),
    (
        "https://docs.oasis-open.org/csaf/csaf/v2.1/schema/csaf.json",
        include_str!("../schemas/csaf_2.1/csaf.json"),
    ),
    (
        "https://docs.oasis-open.org/csaf/csaf/v2.1/schema/meta.json",
        include_str!("../schemas/csaf_2.1/meta.json"),
    ),
    (
        "https://docs.oasis-open.org/csaf/csaf/v2.1/schema/extension-content.json",
        include_str!("../schemas/csaf_2.1/extension-content.json"),
    ),
    (
        "https://docs.oasis-open.org/csaf/csaf/v2.1/schema/extension-metaschema.json",
        include_str!("../schemas/csaf_2.1/extension-metaschema.json"),
    ),
    (
        "https://www.first.org/cvss/cvss-v2.0.json",
        include_str!("../schemas/first/cvss-v2.0.json"),
    ),
    (
        "https://www.first.org/cvss/cvss-v3.0.json",
        include_str!("../schemas/first/cvss-v3.0.json"),
    ),
    (
        "https://www.first.org/cvss/cvss-v3.1.json",
        include_str!("../schemas/first/cvss-v3.1.json"),
    ),
    (
        "https://www.first.org/cvss/cvss-v4.0.json",
        include_str!("../schemas/first/cvss-v4.0.json"),
    ),
    (
        "https://www.first.org/cvss/meta.json",
        include_str!("../schemas/first/meta.json"),
    ),
    (
        "https://certcc.github.io/SSVC/data/schema/v2/SelectionList_2_0_0.schema.json",
        include_str!("../schemas/certcc/SelectionList_2_0_0.schema.json"),
    ),
];

/// Serves `$ref`s from [`EMBEDDED`] and refuses everything else.
struct Embedded;

impl Retrieve for Embedded {
    fn retrieve(&self, uri: &Uri<String>) -> Result<Value, Box<dyn std::error::Error + Send + Sync>> {
        let wanted = uri.as_str();
        let wanted = wanted.split(['?', '#']).next().unwrap_or(wanted);
        embedded(wanted)
            .ok_or_else(|| format!("schema `{wanted}` is not embedded and is never fetched").into())
    }
}

fn embedded(url: &str) -> Option<Value> {
    let (_, text) = EMBEDDED.iter().find(|(u, _)| *u == url)?;
    let mut value: Value = serde_json::from_str(text).expect("embedded schemas are valid JSON");
    // FIRST's `$id`s carry a date query (`…cvss-v3.1.json?20211103`); refer to them without it.
    if let Some(Value::String(id)) = value.get_mut("$id") {
        if let Some(i) = id.find('?') {
            id.truncate(i);
        }
    }
    Some(value)
}

fn compile(url: &str) -> Validator {
    let schema = embedded(url).expect("the CSAF schemas are embedded");
    jsonschema::options()
        .with_retriever(Embedded)
        .should_validate_formats(true)
        .build(&schema)
        .unwrap_or_else(|e| panic!("embedded schema {url} compiles: {e}"))
}

static CSAF_20: LazyLock<Validator> =
    LazyLock::new(|| compile("https://docs.oasis-open.org/csaf/csaf/v2.0/csaf_json_schema.json"));
static CSAF_21: LazyLock<Validator> =
    LazyLock::new(|| compile("https://docs.oasis-open.org/csaf/csaf/v2.1/schema/csaf.json"));

/// Serves the embedded schemas made strict (see [`strictify`]), for test 6.2.20.
struct StrictEmbedded;

impl Retrieve for StrictEmbedded {
    fn retrieve(&self, uri: &Uri<String>) -> Result<Value, Box<dyn std::error::Error + Send + Sync>> {
        let mut v = Embedded.retrieve(uri)?;
        strictify(&mut v);
        Ok(v)
    }
}

/// Closes every object schema that lists `properties` (`additionalProperties: false` unless the
/// schema says otherwise), as the CSAF specification suggests for test 6.2.20. A schema that is
/// already closed with `unevaluatedProperties` (FIRST's CVSS v4.0 schema) is left as it is, and so
/// are the subschemas it combines with `allOf`/`anyOf`/`oneOf`/`if`/`then`/`else`/`not`: they
/// describe only some of the object's members (CVSS v4.0: `baseScore` with `baseSeverity`), and
/// closing them would reject every other member.
fn strictify(v: &mut Value) {
    strictify_at(v, false);
}

/// `partial`: `v` is an in-place applicator subschema of a schema closed by `unevaluatedProperties`.
fn strictify_at(v: &mut Value, partial: bool) {
    const IN_PLACE: &[&str] = &["allOf", "anyOf", "oneOf", "if", "then", "else", "not"];
    match v {
        Value::Object(map) => {
            let unevaluated = map.contains_key("unevaluatedProperties");
            if !partial
                && !unevaluated
                && map.get("properties").is_some_and(Value::is_object)
                && !map.contains_key("additionalProperties")
            {
                map.insert("additionalProperties".to_owned(), Value::Bool(false));
            }
            for (key, child) in map.iter_mut() {
                let in_place = IN_PLACE.contains(&key.as_str());
                strictify_at(child, in_place && (unevaluated || partial));
            }
        }
        Value::Array(items) => items.iter_mut().for_each(|i| strictify_at(i, partial)),
        _ => {}
    }
}

/// The strict variant checks formats like the schema itself (see [`strictly_valid`]).
fn compile_strict(url: &str) -> Validator {
    let mut schema = embedded(url).expect("the CSAF schemas are embedded");
    strictify(&mut schema);
    jsonschema::options()
        .with_retriever(StrictEmbedded)
        .should_validate_formats(true)
        .build(&schema)
        .unwrap_or_else(|e| panic!("strict variant of {url} compiles: {e}"))
}

// One per version, each compiled on first use: a run over CSAF 2.0 documents never compiles 2.1's.
static STRICT_20: LazyLock<Validator> =
    LazyLock::new(|| compile_strict("https://docs.oasis-open.org/csaf/csaf/v2.0/csaf_json_schema.json"));
static STRICT_21: LazyLock<Validator> =
    LazyLock::new(|| compile_strict("https://docs.oasis-open.org/csaf/csaf/v2.1/schema/csaf.json"));

fn strict(schema: CsafSchema) -> &'static Validator {
    match schema {
        CsafSchema::V20 => &STRICT_20,
        CsafSchema::V21 => &STRICT_21,
    }
}

/// The strict variant of the CSAF 2.0 schema as Rust code, generated when csaflint is built
/// (jsonschema's `validator` macro) from `schemas/strict/`, which holds the embedded schemas made
/// strict by [`strictify`] (the test `strict_schema_files_are_current` keeps them so). Nothing is
/// compiled at run time, and a document is checked about twice as fast as by the validator
/// compiled from the same schema at run time. Only its yes/no is used (see [`strictly_valid`]);
/// the findings of 6.2.20 come from the run-time validator, which a document that passes never
/// needs.
#[jsonschema::validator(
    path = "schemas/strict/csaf20-csaf_json_schema.json",
    resources = {
        "https://www.first.org/cvss/cvss-v2.0.json" => { path = "schemas/strict/first-cvss-v2.0.json" },
        "https://www.first.org/cvss/cvss-v3.0.json" => { path = "schemas/strict/first-cvss-v3.0.json" },
        "https://www.first.org/cvss/cvss-v3.1.json" => { path = "schemas/strict/first-cvss-v3.1.json" },
    },
    validate_formats = true
)]
struct Strict20;

/// The strict variant of the CSAF 2.1 schema, as [`Strict20`] is of 2.0's.
#[jsonschema::validator(
    path = "schemas/strict/csaf21-csaf.json",
    resources = {
        "https://docs.oasis-open.org/csaf/csaf/v2.1/schema/meta.json" => { path = "schemas/strict/csaf21-meta.json" },
        "https://docs.oasis-open.org/csaf/csaf/v2.1/schema/extension-content.json" => { path = "schemas/strict/csaf21-extension-content.json" },
        "https://docs.oasis-open.org/csaf/csaf/v2.1/schema/extension-metaschema.json" => { path = "schemas/strict/csaf21-extension-metaschema.json" },
        "https://www.first.org/cvss/cvss-v2.0.json" => { path = "schemas/strict/first-cvss-v2.0.json" },
        "https://www.first.org/cvss/cvss-v3.0.json" => { path = "schemas/strict/first-cvss-v3.0.json" },
        "https://www.first.org/cvss/cvss-v3.1.json" => { path = "schemas/strict/first-cvss-v3.1.json" },
        "https://www.first.org/cvss/cvss-v4.0.json" => { path = "schemas/strict/first-cvss-v4.0.json" },
        "https://www.first.org/cvss/meta.json" => { path = "schemas/strict/first-meta.json" },
        "https://certcc.github.io/SSVC/data/schema/v2/SelectionList_2_0_0.schema.json" => { path = "schemas/strict/SelectionList_2_0_0.schema.json" },
    },
    validate_formats = true
)]
struct Strict21;

/// Whether `doc` is valid against the strict variant of the schema: then it is valid against the
/// schema itself, and has no member the schema does not define (test 6.2.20). One pass answers both
/// questions for the usual document, which has neither schema errors nor unknown members.
///
/// Why strict-valid implies valid: the strict variant adds `additionalProperties: false` and nothing
/// else, compiles with the same format checks, and resolves its `$ref`s to strict variants of the
/// same schemas. Adding constraints can only shrink what a subschema accepts, and every keyword of
/// the embedded schemas keeps that direction (`allOf`, `anyOf`, `properties`, `items`, `$ref`,
/// `unevaluatedProperties`) except `oneOf`, `not` and `if`. The embedded CSAF schemas use none of
/// them but the `oneOf` of `cvss_v3` (CVSS v3.0 or v3.1), whose branches both require `version`
/// with disjoint values: they never both match, so a strict match of one is a match of exactly one.
/// The test `strict_validity_implies_validity` checks these premises on the embedded schemas.
///
/// The check runs the code generated at build time ([`Strict20`], [`Strict21`]); the test
/// `generated_validators_agree_with_the_runtime_ones` compares its answers with the run-time
/// strict validators' on thousands of documents and variants of them.
pub fn strictly_valid(doc: &Value, schema: CsafSchema) -> bool {
    match schema {
        CsafSchema::V20 => Strict20::is_valid(doc),
        CsafSchema::V21 => Strict21::is_valid(doc),
    }
}

/// Members the strict variant of the schema does not define (test 6.2.20): `(pointer of the member, name)`.
pub fn additional_properties(doc: &Value, schema: CsafSchema) -> Vec<(String, String)> {
    additional_properties_with(strict(schema), doc)
}

/// Serves `$ref`s like [`WithExtra`], made strict (see [`strictify`]).
struct StrictWithExtra(&'static [(&'static str, &'static str)]);

impl Retrieve for StrictWithExtra {
    fn retrieve(&self, uri: &Uri<String>) -> Result<Value, Box<dyn std::error::Error + Send + Sync>> {
        let mut v = WithExtra(self.0).retrieve(uri)?;
        strictify(&mut v);
        Ok(v)
    }
}

/// Compiles the strict variant (see [`strictify`]) of a schema that is not one of the embedded ones
/// (a CSAF Extension Schema, for test 6.2.20); its `$ref`s resolve to the strict variants of `extra`
/// and of the embedded schemas. Use it with [`additional_properties_with`].
pub fn compile_strict_with(
    schema: &Value,
    extra: &'static [(&'static str, &'static str)],
) -> Result<Validator, String> {
    let mut schema = schema.clone();
    strictify(&mut schema);
    jsonschema::options()
        .with_retriever(StrictWithExtra(extra))
        .build(&schema)
        .map_err(|e| e.to_string())
}

/// Members of `value` that the strict schema `validator` does not define: `(pointer of the member
/// relative to `value`, name)`.
pub fn additional_properties_with(validator: &Validator, doc: &Value) -> Vec<(String, String)> {
    if validator.is_valid(doc) {
        return Vec::new();
    }
    // An object that fails its schema otherwise (e.g. a CVSS v4.0 `baseScore` that does not fit its
    // `baseSeverity`) leaves the members of the failed subschemas unevaluated: those are not unknown
    // members, so `unevaluatedProperties` errors at such an object are dropped.
    let mut found = Vec::new();
    let mut broken = std::collections::HashSet::new();
    for e in validator.iter_errors(doc) {
        let mut members = Vec::new();
        let path = e.instance_path().as_str().to_owned();
        let unevaluated = matches!(e.kind(), ValidationErrorKind::UnevaluatedProperties { .. });
        if !collect_additional(&e, &mut members) {
            broken.insert(path.clone());
        }
        found.push((path, unevaluated, members));
    }
    let mut out = Vec::new();
    for (path, unevaluated, members) in found {
        if !(unevaluated && broken.contains(&path)) {
            out.extend(members);
        }
    }
    out.sort();
    out.dedup();
    out
}

/// Collects the unknown members an error reports; returns whether the error is about nothing else.
/// Inside `oneOf`/`anyOf` (e.g. `cvss_v3`: v3.0 or v3.1), the members come from the first branch that
/// fails only because of unknown members, the branch the object was meant to match.
fn collect_additional(e: &ValidationError<'_>, out: &mut Vec<(String, String)>) -> bool {
    match e.kind() {
        ValidationErrorKind::AdditionalProperties { unexpected }
        | ValidationErrorKind::UnevaluatedProperties { unexpected } => {
            for name in unexpected {
                let mut pointer = e.instance_path().as_str().to_owned();
                pointer.push('/');
                crate::parse::json_value::push_escaped(&mut pointer, name);
                out.push((pointer, name.clone()));
            }
            true
        }
        ValidationErrorKind::OneOfNotValid { context } | ValidationErrorKind::AnyOf { context } => {
            for branch in context {
                let mut found = Vec::new();
                if !branch.is_empty() && branch.iter().all(|b| collect_additional(b, &mut found)) {
                    out.extend(found);
                    return true;
                }
            }
            false
        }
        _ => false,
    }
}

/// FIRST's CVSS schemas, for test 6.1.8.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CvssSchema {
    /// CVSS v2.0.
    V20,
    /// CVSS v3.0.
    V30,
    /// CVSS v3.1.
    V31,
    /// CVSS v4.0.
    V40,
}

static CVSS: LazyLock<[Validator; 4]> = LazyLock::new(|| {
    [
        compile("https://www.first.org/cvss/cvss-v2.0.json"),
        compile("https://www.first.org/cvss/cvss-v3.0.json"),
        compile("https://www.first.org/cvss/cvss-v3.1.json"),
        compile("https://www.first.org/cvss/cvss-v4.0.json"),
    ]
});

/// Validates a CVSS object against FIRST's schema of its version; findings carry `rule` and
/// pointers relative to the object (prefix them with the object's pointer).
pub fn validate_cvss(object: &Value, schema: CvssSchema, rule: &'static str) -> Vec<Finding> {
    let validator = &CVSS[schema as usize];
    if validator.is_valid(object) {
        return Vec::new();
    }
    validator
        .iter_errors(object)
        .map(|e| {
            let mut f = to_finding(&e);
            f.rule = rule;
            f
        })
        .collect()
}

/// A validator for one of the embedded schemas by its URL (e.g. the SSVC SelectionList schema for
/// test 6.1.46, the CSAF Extension Content schema for 6.1.60.1); formats are asserted.
///
/// # Panics
/// If `url` is not one of the embedded schemas.
pub fn embedded_validator(url: &str) -> Validator {
    compile(url)
}

/// Serves `$ref`s from a rule's own schemas first, then from [`EMBEDDED`].
struct WithExtra(&'static [(&'static str, &'static str)]);

impl Retrieve for WithExtra {
    fn retrieve(&self, uri: &Uri<String>) -> Result<Value, Box<dyn std::error::Error + Send + Sync>> {
        let wanted = uri.as_str();
        let wanted = wanted.split(['?', '#']).next().unwrap_or(wanted);
        match self.0.iter().find(|(u, _)| *u == wanted) {
            Some((_, text)) => Ok(serde_json::from_str(text)?),
            None => Embedded.retrieve(uri),
        }
    }
}

/// Compiles a schema that is not one of the embedded ones (e.g. a CSAF Extension Schema for test
/// 6.1.60.2); its `$ref`s resolve to `extra` (`(URL, JSON text)` pairs) and to the embedded schemas,
/// nothing is fetched. Formats are asserted.
pub fn compile_with(
    schema: &Value,
    extra: &'static [(&'static str, &'static str)],
) -> Result<Validator, String> {
    jsonschema::options()
        .with_retriever(WithExtra(extra))
        .should_validate_formats(true)
        .build(schema)
        .map_err(|e| e.to_string())
}

/// Validates `value` with `validator`: one finding of `rule` per violation, its pointer relative to
/// `value` (prefix it with the pointer of `value`).
pub fn findings(validator: &Validator, value: &Value, rule: &'static str) -> Vec<Finding> {
    if validator.is_valid(value) {
        return Vec::new();
    }
    validator
        .iter_errors(value)
        .map(|e| {
            let mut f = to_finding(&e);
            f.rule = rule;
            f
        })
        .collect()
}

/// Which CSAF schema to check against.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CsafSchema {
    /// CSAF 2.0 (OASIS Standard, with errata 01).
    V20,
    /// CSAF 2.1 (CSD03).
    V21,
}

/// Compiles both schemas now instead of at first use (useful before timing or forking work).
pub fn warm_up() {
    LazyLock::force(&CSAF_20);
    LazyLock::force(&CSAF_21);
}

/// Validates `doc` against the schema, returning one finding (rule `schema`) per violation.
pub fn validate(doc: &Value, schema: CsafSchema) -> Vec<Finding> {
    let validator = match schema {
        CsafSchema::V20 => &*CSAF_20,
        CsafSchema::V21 => &*CSAF_21,
    };
    if validator.is_valid(doc) {
        return Vec::new();
    }
    validator.iter_errors(doc).map(|e| to_finding(&e)).collect()
}

fn to_finding(e: &ValidationError<'_>) -> Finding {
    let pointer = e.instance_path().as_str().to_owned();
    let instance = short(e.instance());
    let message = match e.kind() {
        ValidationErrorKind::Required { property } => {
            format!(
                "required property `{}` is missing",
                property.as_str().unwrap_or_default()
            )
        }
        ValidationErrorKind::AdditionalProperties { unexpected } => format!(
            "property {} is not allowed here",
            unexpected
                .iter()
                .map(|p| format!("`{p}`"))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        ValidationErrorKind::UnevaluatedProperties { unexpected } => format!(
            "property {} is not allowed here",
            unexpected
                .iter()
                .map(|p| format!("`{p}`"))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        ValidationErrorKind::Type { kind } => format!("`{instance}` is not of type {}", type_names(kind)),
        ValidationErrorKind::Enum { options } => format!("`{instance}` is not one of {}", one_of(options)),
        ValidationErrorKind::Constant { expected_value } => {
            format!("`{instance}` must be `{}`", short(expected_value))
        }
        ValidationErrorKind::Pattern { pattern } => {
            format!("`{instance}` does not match the pattern `{pattern}`")
        }
        ValidationErrorKind::Format { format } => format!("`{instance}` is not a valid `{format}`"),
        ValidationErrorKind::MinLength { limit } => {
            format!("`{instance}` is shorter than {limit} character{}", plural(*limit))
        }
        ValidationErrorKind::MaxLength { limit } => {
            format!("`{instance}` is longer than {limit} character{}", plural(*limit))
        }
        ValidationErrorKind::MinItems { limit } => {
            format!("the list has fewer than {limit} item{}", plural(*limit))
        }
        ValidationErrorKind::MaxItems { limit } => {
            format!("the list has more than {limit} item{}", plural(*limit))
        }
        ValidationErrorKind::UniqueItems => "the list has items that are not unique".to_owned(),
        ValidationErrorKind::Minimum { limit } => format!("`{instance}` is less than the minimum `{limit}`"),
        ValidationErrorKind::Maximum { limit } => {
            format!("`{instance}` is greater than the maximum `{limit}`")
        }
        ValidationErrorKind::ExclusiveMinimum { limit } => {
            format!("`{instance}` is not greater than `{limit}`")
        }
        ValidationErrorKind::ExclusiveMaximum { limit } => format!("`{instance}` is not less than `{limit}`"),
        ValidationErrorKind::MultipleOf { .. } => {
            format!("`{instance}` is not a multiple of the allowed step")
        }
        ValidationErrorKind::OneOfNotValid { .. } | ValidationErrorKind::AnyOf { .. } => {
            "the value matches none of the allowed forms".to_owned()
        }
        ValidationErrorKind::OneOfMultipleValid { .. } => {
            "the value matches more than one of the exclusive forms".to_owned()
        }
        ValidationErrorKind::MinProperties { limit } => {
            format!(
                "the object has fewer than {limit} propert{}",
                if *limit == 1 { "y" } else { "ies" }
            )
        }
        ValidationErrorKind::Not { .. } => "the value matches a form that is not allowed".to_owned(),
        ValidationErrorKind::FalseSchema => "no value is allowed here".to_owned(),
        ValidationErrorKind::Contains => "the list contains no item of the required form".to_owned(),
        ValidationErrorKind::Referencing(err) => format!("the schema could not be resolved: {err}"),
        _ => lowercase_first(&e.to_string()),
    };
    Finding::new("schema", pointer, message)
}

/// `a`, `b` or `c` (at most 12 values).
fn one_of(options: &Value) -> String {
    let Some(list) = options.as_array() else {
        return format!("`{}`", short(options));
    };
    let mut items: Vec<String> = list.iter().take(12).map(|v| format!("`{}`", short(v))).collect();
    if list.len() > 12 {
        items.push(format!("{} more", list.len() - 12));
    }
    match items.len() {
        0 => "nothing".to_owned(),
        1 => items.remove(0),
        n => format!("{} or {}", items[..n - 1].join(", "), items[n - 1]),
    }
}

fn plural(n: u64) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

fn type_names(kind: &jsonschema::error::TypeKind) -> String {
    match kind {
        jsonschema::error::TypeKind::Single(t) => format!("`{t}`"),
        jsonschema::error::TypeKind::Multiple(ts) => ts
            .iter()
            .map(|t| format!("`{t}`"))
            .collect::<Vec<_>>()
            .join(" or "),
    }
}

/// The value as compact JSON, cut to a readable length (strings without their quotes).
fn short(v: &Value) -> String {
    let text = match v {
        Value::String(s) => s.clone(),
        Value::Object(_) => "{…}".to_owned(),
        Value::Array(a) if a.len() > 8 => "[…]".to_owned(),
        other => other.to_string(),
    };
    if text.chars().count() > 80 {
        let cut: String = text.chars().take(77).collect();
        format!("{cut}…")
    } else {
        text
    }
}

fn lowercase_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_lowercase().chain(c).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_schemas_compile_offline() {
        warm_up();
    }

    /// The premises of [`strictly_valid`]: in the embedded CSAF schemas and everything they
    /// reference, the only keywords under which a stricter subschema could accept more are the
    /// `oneOf`s of `cvss_v3`, whose two branches require disjoint `version`s.
    #[test]
    fn strict_validity_implies_validity() {
        fn walk(v: &Value, path: &str, found: &mut Vec<String>) {
            match v {
                Value::Object(map) => {
                    for (k, child) in map {
                        // property names are not keywords
                        let keyword_position = !path.ends_with("/properties")
                            && !path.ends_with("/$defs")
                            && !path.ends_with("/definitions");
                        if keyword_position
                            && ["oneOf", "not", "if", "dependentSchemas", "dependencies"]
                                .contains(&k.as_str())
                        {
                            found.push(format!("{path}/{k}"));
                        }
                        walk(child, &format!("{path}/{k}"), found);
                    }
                }
                Value::Array(items) => {
                    for (i, item) in items.iter().enumerate() {
                        walk(item, &format!("{path}/{i}"), found);
                    }
                }
                _ => {}
            }
        }
        for (url, _) in EMBEDDED {
            let mut found = Vec::new();
            walk(&embedded(url).unwrap(), "", &mut found);
            for at in &found {
                assert!(at.ends_with("/cvss_v3/oneOf"), "{url}: {at} is not monotone");
                let branches = embedded(url)
                    .unwrap()
                    .pointer(at)
                    .and_then(Value::as_array)
                    .cloned()
                    .unwrap();
                let refs: Vec<&str> = branches.iter().filter_map(|b| b["$ref"].as_str()).collect();
                assert_eq!(
                    refs,
                    [
                        "https://www.first.org/cvss/cvss-v3.0.json",
                        "https://www.first.org/cvss/cvss-v3.1.json"
                    ]
                );
            }
        }
        let version = |url: &str| {
            let s = embedded(url).unwrap();
            assert!(s["required"]
                .as_array()
                .unwrap()
                .contains(&Value::from("version")));
            s["properties"]["version"]["enum"].clone()
        };
        assert_eq!(
            version("https://www.first.org/cvss/cvss-v3.0.json"),
            serde_json::json!(["3.0"])
        );
        assert_eq!(
            version("https://www.first.org/cvss/cvss-v3.1.json"),
            serde_json::json!(["3.1"])
        );
        // and on the bundled corpus: every strictly valid document is valid, and one member more
        // makes it not strictly valid
        let mut strictly = 0;
        let mut stack = vec![std::path::PathBuf::from(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/corpus"
        ))];
        while let Some(dir) = stack.pop() {
            for entry in std::fs::read_dir(&dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    stack.push(path);
                    continue;
                }
                if path.extension().is_none_or(|e| e != "json") {
                    continue;
                }
                let mut doc: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
                for schema in [CsafSchema::V20, CsafSchema::V21] {
                    if strictly_valid(&doc, schema) {
                        strictly += 1;
                        assert!(validate(&doc, schema).is_empty(), "{}", path.display());
                    }
                }
                doc["document"]["x_unknown"] = Value::from(1);
                assert!(!strictly_valid(&doc, CsafSchema::V20) && !strictly_valid(&doc, CsafSchema::V21));
            }
        }
        assert!(
            strictly > 5,
            "only {strictly} strictly valid documents in corpus/"
        );
    }

    #[test]
    fn decimal_scores_are_multiples_of_a_tenth() {
        let v: Value = serde_json::from_str(
            r#"{"version":"3.1","vectorString":"CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:L/A:N","baseScore":6.3,"baseSeverity":"MEDIUM"}"#,
        )
        .unwrap();
        let schema = embedded("https://www.first.org/cvss/cvss-v3.1.json").unwrap();
        let validator = jsonschema::options()
            .with_retriever(Embedded)
            .build(&schema)
            .unwrap();
        assert!(validator.is_valid(&v));
    }
}

#[cfg(test)]
mod generated {
    use super::*;

    /// JSON files to compare the validators on: the bundled corpus and fixtures, and when present
    /// the OASIS material and the developer corpus's smaller files.
    fn documents() -> Vec<(String, Value)> {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut out = Vec::new();
        let mut stack = vec![
            root.join("corpus"),
            root.join("tests/fixtures"),
            root.join("../shared/spec"),
            root.join("../shared/corpus/csaf"),
        ];
        while let Some(dir) = stack.pop() {
            let Ok(entries) = std::fs::read_dir(&dir) else {
                continue;
            };
            for entry in entries {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    stack.push(path);
                } else if path.extension().is_some_and(|e| e == "json")
                    && std::fs::metadata(&path).is_ok_and(|m| m.len() < 200_000)
                {
                    let Ok(text) = std::fs::read_to_string(&path) else {
                        continue;
                    };
                    if let Ok(v) = serde_json::from_str::<Value>(&text) {
                        out.push((path.display().to_string(), v));
                    }
                }
            }
        }
        out
    }

    /// Every node's pointer.
    fn pointers(v: &Value, at: String, out: &mut Vec<String>) {
        match v {
            Value::Object(m) => {
                for (k, c) in m {
                    pointers(
                        c,
                        format!("{at}/{}", k.replace('~', "~0").replace('/', "~1")),
                        out,
                    );
                }
            }
            Value::Array(a) => {
                for (i, c) in a.iter().enumerate() {
                    pointers(c, format!("{at}/{i}"), out);
                }
            }
            _ => {}
        }
        out.push(at);
    }

    /// Variants of `doc`, each with one node changed in a way a schema may reject.
    fn mutations(doc: &Value, seed: u64) -> Vec<Value> {
        let mut all = Vec::new();
        pointers(doc, String::new(), &mut all);
        let mut state = seed | 1;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        let replacements = [
            Value::Null,
            Value::from(""),
            Value::from(0),
            Value::from(-1.5),
            Value::from("x"),
            Value::from("2024-13-45T00:00:00Z"),
            Value::from("2024-01-01T00:00:00Z"),
            Value::from("not a uri"),
            Value::from("https://example.com/a b"),
            Value::from("CVE-2024-1"),
            Value::from("CWE-79"),
            serde_json::json!([]),
            serde_json::json!({}),
            serde_json::json!(["a", "a"]),
        ];
        let mut out = Vec::new();
        for _ in 0..40 {
            let at = &all[(next() % all.len() as u64) as usize];
            let mut d = doc.clone();
            let node = d.pointer_mut(at).unwrap();
            match next() % 4 {
                0 => match node {
                    Value::Object(m) => {
                        m.insert("x_unknown".to_owned(), Value::from(1));
                    }
                    Value::Array(a) if !a.is_empty() => {
                        let first = a[0].clone();
                        a.push(first);
                    }
                    other => *other = Value::from(true),
                },
                1 => match node {
                    Value::Object(m) if !m.is_empty() => {
                        let k = m.keys().nth((next() % m.len() as u64) as usize).unwrap().clone();
                        m.shift_remove(&k);
                    }
                    Value::Array(a) => a.clear(),
                    Value::String(s) => s.push(' '),
                    other => *other = Value::Null,
                },
                _ => *node = replacements[(next() % replacements.len() as u64) as usize].clone(),
            }
            out.push(d);
        }
        out
    }

    /// The file under `schemas/strict/` of each embedded schema (the names the validator macros use).
    fn strict_file(url: &str) -> String {
        let name = url.rsplit('/').next().unwrap();
        if url.contains("first.org") {
            format!("first-{name}")
        } else if url.contains("/v2.0/") {
            format!("csaf20-{name}")
        } else if url.contains("/v2.1/") {
            format!("csaf21-{name}")
        } else {
            name.to_owned()
        }
    }

    /// The generated validators are built from `schemas/strict/`: each file is its embedded
    /// schema made strict by [`strictify`], as the run-time strict validators see it.
    /// `UPDATE_SCHEMAS=1 cargo test` rewrites them.
    #[test]
    fn strict_schema_files_are_current() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("schemas/strict");
        let update = std::env::var_os("UPDATE_SCHEMAS").is_some();
        let mut files: Vec<String> = EMBEDDED.iter().map(|(url, _)| strict_file(url)).collect();
        for (url, _) in EMBEDDED {
            let mut v = embedded(url).unwrap();
            strictify(&mut v);
            let text = serde_json::to_string_pretty(&v).unwrap() + "\n";
            let path = dir.join(strict_file(url));
            if update {
                std::fs::create_dir_all(&dir).unwrap();
                std::fs::write(&path, &text).unwrap();
            }
            let on_disk = std::fs::read_to_string(&path).unwrap_or_default();
            assert!(
                on_disk == text,
                "{} is not current: run UPDATE_SCHEMAS=1 cargo test",
                path.display()
            );
        }
        // and nothing else there
        let mut present: Vec<String> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        present.sort();
        files.sort();
        assert_eq!(present, files);
    }

    /// The validators generated at build time judge every document as the ones compiled at run
    /// time from the same strict schemas do. (Only their yes/no is used: their error lists differ,
    /// e.g. a number where a string enumeration is expected gives one error, not two.)
    #[test]
    fn generated_validators_agree_with_the_runtime_ones() {
        let docs = documents();
        assert!(docs.len() > 20, "only {} documents", docs.len());
        let mut compared = 0;
        let mut invalid = 0;
        for (i, (path, doc)) in docs.iter().enumerate() {
            let mut variants = mutations(doc, i as u64 * 7919 + 1);
            variants.push(doc.clone());
            for v in &variants {
                for schema in [CsafSchema::V20, CsafSchema::V21] {
                    let runtime = strict(schema);
                    let generated = match schema {
                        CsafSchema::V20 => Strict20::is_valid(v),
                        CsafSchema::V21 => Strict21::is_valid(v),
                    };
                    let expected = runtime.is_valid(v);
                    assert_eq!(generated, expected, "{path}: {v}");
                    invalid += usize::from(!expected);
                    compared += 1;
                }
            }
        }
        assert!(invalid > compared / 4, "{invalid} of {compared}");
    }
}
