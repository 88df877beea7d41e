use crate::diag::Finding;
use crate::rules::Context;
use crate::version_t::VersionNumber;

declare_rule! {
    /// ## What it checks
    /// The document version and all revision history numbers follow the same scheme: all integer
    /// versioning or all semantic versioning.
    ///
    /// ## Why
    /// Versions of mixed schemes cannot be ordered reliably.
    ///
    /// ## Invalid
    /// ```json
    /// "revision_history": [{"date": "2021-07-21T09:00:00.000Z", "number": "1.0.0", "summary": "Initial version."},
    ///                      {"date": "2021-07-21T10:00:00.000Z", "number": "2", "summary": "Second version."}],
    /// "version": "2"
    /// ```
    /// ## Valid
    /// The same with the first number `1`.
    MixedIntegerAndSemanticVersioning, id = "6.1.30", name = "mixed-integer-and-semantic-versioning", group = Mandatory,
    summary = "integer and semantic versioning are mixed",
}

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    let tracking = &cx.advisory.document.tracking;
    let Some(reference) = tracking.version.as_deref().and_then(VersionNumber::parse) else {
        return;
    };
    let scheme = |v: &VersionNumber| if v.is_integer() { "integer" } else { "semantic" };
    for (i, number) in cx.index().revision_numbers.iter().enumerate() {
        if let Some(n) = number {
            if n.is_integer() != reference.is_integer() {
                out.push(Finding::new(
                    META.id,
                    format!("/document/tracking/revision_history/{i}/number"),
                    format!(
                        "revision number `{}` uses {} versioning but the document version `{}` uses {} versioning",
                        tracking.revision_history[i].number.as_deref().unwrap_or_default(),
                        scheme(n),
                        tracking.version.as_deref().unwrap_or_default(),
                        scheme(&reference)
                    ),
                ));
            }
        }
    }
}
