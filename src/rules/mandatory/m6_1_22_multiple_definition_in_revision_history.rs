use crate::diag::Finding;
use crate::rules::Context;
use std::collections::HashMap;

declare_rule! {
    /// ## What it checks
    /// No two revision history items have the same `number`.
    ///
    /// ## Why
    /// Each revision must be identifiable by its number.
    ///
    /// ## Invalid
    /// ```json
    /// "revision_history": [{"date": "2021-07-20T10:00:00.000Z", "number": "1", "summary": "Initial version."},
    ///                      {"date": "2021-07-21T10:00:00.000Z", "number": "1", "summary": "Some other changes."}]
    /// ```
    /// ## Valid
    /// The same with the second item numbered `2`.
    MultipleDefinitionInRevisionHistory, id = "6.1.22", name = "multiple-definition-in-revision-history", group = Mandatory,
    summary = "two revision history items have the same number",
}

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for (i, r) in cx.advisory.document.tracking.revision_history.iter().enumerate() {
        let Some(number) = r.number.as_deref() else {
            continue;
        };
        if let Some(&first) = seen.get(number) {
            out.push(Finding::new(
                META.id,
                format!("/document/tracking/revision_history/{i}/number"),
                format!("revision number `{number}` is already used by `/document/tracking/revision_history/{first}`"),
            ));
        } else {
            seen.insert(number, i);
        }
    }
}
