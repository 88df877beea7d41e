use crate::diag::Finding;
use crate::rules::Context;

declare_rule! {
    /// ## What it checks
    /// All keys of every JSON object in the document are sorted alphabetically. Reported once per object,
    /// at the first key out of order. CSAF JSON only.
    ///
    /// ## Why
    /// Sorted keys make documents diffable and canonical.
    ///
    /// ## Invalid
    /// ```json
    /// "document": {"csaf_version": "2.0", "category": "csaf_base", …}
    /// ```
    /// ## Valid
    /// ```json
    /// "document": {"category": "csaf_base", "csaf_version": "2.0", …}
    /// ```
    Sorting, id = "6.2.13", name = "sorting", group = Optional,
    summary = "the keys of a JSON object are not sorted alphabetically",
}

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    let Some(raw) = cx.raw else { return };
    walk(raw, &mut Vec::new(), out);
}

/// One step of the path from the root to an object or array.
enum Step<'a> {
    Key(&'a str),
    Index(usize),
}

/// The JSON pointer of `path` followed by `key`. Built only for a finding: the walk keeps the path as
/// steps, so a clean document never escapes a key or formats an index.
fn pointer(path: &[Step<'_>], key: &str) -> String {
    use std::fmt::Write as _;
    let mut pointer = String::new();
    for step in path {
        pointer.push('/');
        match step {
            Step::Key(k) => crate::parse::json_value::push_escaped(&mut pointer, k),
            Step::Index(i) => {
                let _ = write!(pointer, "{i}");
            }
        }
    }
    pointer.push('/');
    crate::parse::json_value::push_escaped(&mut pointer, key);
    pointer
}

fn is_container(v: &serde_json::Value) -> bool {
    matches!(v, serde_json::Value::Object(_) | serde_json::Value::Array(_))
}

fn walk<'a>(v: &'a serde_json::Value, path: &mut Vec<Step<'a>>, out: &mut Vec<Finding>) {
    match v {
        serde_json::Value::Object(map) => {
            let mut prev: Option<&String> = None;
            let mut reported = false;
            for (k, child) in map {
                if !reported && prev.is_some_and(|p| p > k) {
                    reported = true;
                    out.push(Finding::new(
                        META.id,
                        pointer(path, k),
                        format!("key `{k}` comes after `{}` but sorts before it", prev.unwrap()),
                    ));
                }
                prev = Some(k);
                if is_container(child) {
                    path.push(Step::Key(k));
                    walk(child, path, out);
                    path.pop();
                }
            }
        }
        serde_json::Value::Array(items) => {
            for (i, child) in items.iter().enumerate() {
                if is_container(child) {
                    path.push(Step::Index(i));
                    walk(child, path, out);
                    path.pop();
                }
            }
        }
        _ => {}
    }
}
