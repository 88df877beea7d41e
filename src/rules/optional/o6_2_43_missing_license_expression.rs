use crate::diag::Finding;
use crate::rules::Context;
use serde_json::Value;

declare_rule! {
    /// ## What it checks
    /// `/document/license_expression` is present and has a value. The message says which: the key
    /// is missing, or it is there but has no value (`null`) or an empty (or blank) one.
    ///
    /// ## Why
    /// The license expression tells consumers under which terms they may use and pass on the
    /// document; without it, tools that decide this automatically cannot.
    ///
    /// ## Invalid
    /// ```json
    /// "document": {"category": "csaf_base", "csaf_version": "2.1", "lang": "en-US", …}  (no `license_expression`)
    /// ```
    /// ## Valid
    /// ```json
    /// "document": {"category": "csaf_base", "csaf_version": "2.1", "lang": "en-US", "license_expression": "CC-BY-4.0", …}
    /// ```
    MissingLicenseExpression, id = "6.2.43", name = "missing-license-expression", group = Optional,
    summary = "the document has no license expression",
    since = "2.1",
}

const POINTER: &str = "/document/license_expression";

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    let message = match cx.raw {
        Some(raw) => match raw.pointer(POINTER) {
            None => "the license expression `/document/license_expression` is missing",
            Some(Value::Null) => {
                "the license expression `/document/license_expression` is present but has no value"
            }
            Some(Value::String(s)) if s.trim().is_empty() => {
                "the license expression `/document/license_expression` is present but empty"
            }
            Some(_) => return,
        },
        None => match cx.advisory.document.license_expression.as_deref() {
            None => "the license expression `/document/license_expression` is missing",
            Some(s) if s.trim().is_empty() => {
                "the license expression `/document/license_expression` is present but empty"
            }
            Some(_) => return,
        },
    };
    out.push(Finding::new(META.id, POINTER, message).help(
        "set `/document/license_expression` to the SPDX license expression of the document, e.g. `CC-BY-4.0`",
    ));
}
