use crate::diag::Finding;
use crate::rules::Context;
use jsonschema::Validator;
use serde_json::Value;
use std::sync::LazyLock;

declare_rule! {
    /// ## What it checks
    /// Every CSAF Extension (every item of an `x_extensions` list: at the root, in `document`, in a
    /// product of `branches`, `full_product_names` or `product_paths`, in a vulnerability and in a
    /// metric's `content`) is valid against the CSAF Extension Content schema: exactly the properties
    /// `$schema` (the URL of the extension's schema, ending in `_<semantic version>.json`), `category`
    /// (`essential`, `significant` or `supplementary`), `critical` (a boolean) and `content` (an object
    /// with at least one property). Each violation is reported at the offending value.
    ///
    /// ## Why
    /// The content schema is the interface every extension shares: a tool that does not know an
    /// extension still needs its `$schema`, `category` and `critical` to decide whether it may ignore it.
    /// The CSAF schema check (`schema`) reports the same violations among all others.
    ///
    /// ## Invalid
    /// ```json
    /// "x_extensions": [{
    ///   "$schema": "https://www.example.com/csaf/extensions/schema/headquarters_1.0.0.json",
    ///   "category": "significant",
    ///   "content": {"headquarters": "Example City"}
    /// }]
    /// ```
    /// (`critical` is missing.)
    /// ## Valid
    /// ```json
    /// "x_extensions": [{
    ///   "$schema": "https://www.example.com/csaf/extensions/schema/headquarters_1.0.0.json",
    ///   "category": "significant",
    ///   "content": {"headquarters": "Example City"},
    ///   "critical": false
    /// }]
    /// ```
    ExtensionContentSchema, id = "6.1.60.1", name = "extension-content-schema", group = Mandatory,
    summary = "a CSAF Extension is invalid against the CSAF Extension Content schema",
    url = "https://github.com/oasis-tcs/csaf/blob/master/csaf_2.1/prose/share/csaf-v2.1-draft.md#mandatory-tests--extension-tests-content-schema",
    since = "2.1",
}

const CONTENT_SCHEMA: &str = "https://docs.oasis-open.org/csaf/csaf/v2.1/schema/extension-content.json";

static VALIDATOR: LazyLock<Validator> = LazyLock::new(|| crate::schema::embedded_validator(CONTENT_SCHEMA));

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    let Some(raw) = cx.raw else {
        return;
    };
    for location in locations(raw) {
        for (i, item) in location.items.iter().enumerate() {
            for mut f in crate::schema::findings(&VALIDATOR, item, META.id) {
                f.pointer = format!("{}/{i}{}", location.pointer, f.pointer);
                f.message = format!("{} (CSAF Extension Content schema)", f.message);
                out.push(f);
            }
        }
    }
}

/// One `x_extensions` list of a document.
pub(crate) struct Location<'a> {
    /// JSON pointer of the list.
    pub(crate) pointer: String,
    /// The path as the CSAF Extension Metadata names it in `requirement`, e.g. `$.x_extensions`.
    pub(crate) path: &'static str,
    pub(crate) items: &'a [Value],
}

/// Every `x_extensions` list of the document, in document order.
pub(crate) fn locations<'a>(raw: &'a Value) -> Vec<Location<'a>> {
    let mut out = Vec::new();
    let mut push = |pointer: String, path: &'static str, parent: Option<&'a Value>| {
        if let Some(items) = parent
            .and_then(|p| p.get("x_extensions"))
            .and_then(Value::as_array)
        {
            out.push(Location {
                pointer: format!("{pointer}/x_extensions"),
                path,
                items,
            });
        }
    };
    push(String::new(), "$.x_extensions", Some(raw));
    push(
        "/document".to_owned(),
        "$.document.x_extensions",
        raw.get("document"),
    );
    if let Some(tree) = raw.get("product_tree") {
        let mut branches = Vec::new();
        collect_branch_products(tree.get("branches"), "/product_tree/branches", &mut branches);
        for (pointer, product) in branches {
            push(
                pointer,
                "$.product_tree.branches..product.x_extensions",
                Some(product),
            );
        }
        for (i, fpn) in array(tree.get("full_product_names")).iter().enumerate() {
            push(
                format!("/product_tree/full_product_names/{i}"),
                "$.product_tree.full_product_names[*].x_extensions",
                Some(fpn),
            );
        }
        for (i, path) in array(tree.get("product_paths")).iter().enumerate() {
            push(
                format!("/product_tree/product_paths/{i}/full_product_name"),
                "$.product_tree.product_paths[*].full_product_name.x_extensions",
                path.get("full_product_name"),
            );
        }
    }
    for (v, vuln) in array(raw.get("vulnerabilities")).iter().enumerate() {
        push(
            format!("/vulnerabilities/{v}"),
            "$.vulnerabilities[*].x_extensions",
            Some(vuln),
        );
        for (m, metric) in array(vuln.get("metrics")).iter().enumerate() {
            push(
                format!("/vulnerabilities/{v}/metrics/{m}/content"),
                "$.vulnerabilities[*].metrics[*].content.x_extensions",
                metric.get("content"),
            );
        }
    }
    out
}

fn array(v: Option<&Value>) -> &[Value] {
    v.and_then(Value::as_array).map_or(&[], Vec::as_slice)
}

/// `(pointer, product)` of every `product` under `branches`, depth first.
fn collect_branch_products<'a>(
    branches: Option<&'a Value>,
    pointer: &str,
    out: &mut Vec<(String, &'a Value)>,
) {
    for (i, branch) in array(branches).iter().enumerate() {
        let here = format!("{pointer}/{i}");
        if let Some(product) = branch.get("product") {
            out.push((format!("{here}/product"), product));
        }
        collect_branch_products(branch.get("branches"), &format!("{here}/branches"), out);
    }
}
