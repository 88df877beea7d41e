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
    let mut pointer = String::new();
    walk(raw, &mut pointer, out);
}

fn walk(v: &serde_json::Value, pointer: &mut String, out: &mut Vec<Finding>) {
    match v {
        serde_json::Value::Object(map) => {
            let mut prev: Option<&String> = None;
            let mut reported = false;
            for (k, child) in map {
                if !reported && prev.is_some_and(|p| p > k) {
                    reported = true;
                    let len = pointer.len();
                    pointer.push('/');
                    crate::parse::json_value::push_escaped(pointer, k);
                    out.push(Finding::new(
                        META.id,
                        pointer.clone(),
                        format!("key `{k}` comes after `{}` but sorts before it", prev.unwrap()),
                    ));
                    pointer.truncate(len);
                }
                prev = Some(k);
                let len = pointer.len();
                pointer.push('/');
                crate::parse::json_value::push_escaped(pointer, k);
                walk(child, pointer, out);
                pointer.truncate(len);
            }
        }
        serde_json::Value::Array(items) => {
            for (i, child) in items.iter().enumerate() {
                let len = pointer.len();
                pointer.push('/');
                pointer.push_str(&i.to_string());
                walk(child, pointer, out);
                pointer.truncate(len);
            }
        }
        _ => {}
    }
}
