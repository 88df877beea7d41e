use crate::diag::Finding;
use crate::rules::Context;
use crate::version_t::VersionNumber;

declare_rule! {
    /// ## What it checks
    /// The document version and all revision history numbers follow the same scheme: all integer
    /// versioning or all semantic versioning.
    ///
    /// In CSAF 2.1 the finding is reported once at `/document/tracking/revision_history` when the
    /// history mixes both schemes, and at `/document/tracking/version` when the version's scheme is not
    /// that of the highest revision number (an integer `n` counting as `n.0.0`).
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
    if cx.version().is_csaf21() {
        return check_21(cx, out);
    }
    let tracking = &cx.advisory.document.tracking;
    let Some(reference) = tracking.version.as_deref().and_then(VersionNumber::parse) else {
        return;
    };
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

fn scheme(v: &VersionNumber) -> &'static str {
    if v.is_integer() {
        "integer"
    } else {
        "semantic"
    }
}

fn check_21(cx: &Context<'_>, out: &mut Vec<Finding>) {
    let tracking = &cx.advisory.document.tracking;
    let numbers: Vec<&VersionNumber> = cx.index().revision_numbers.iter().flatten().collect();
    let integers = numbers.iter().filter(|n| n.is_integer()).count();
    if integers > 0 && integers < numbers.len() {
        out.push(
            Finding::new(
                META.id,
                "/document/tracking/revision_history",
                format!(
                    "the revision history mixes integer versioning ({integers} items) and semantic versioning ({} items)",
                    numbers.len() - integers
                ),
            )
            .help("number every revision in one scheme; keep the old number in `legacy_version`"),
        );
    }
    let highest = numbers.iter().copied().max_by(|a, b| a.precedence(b));
    let version = tracking.version.as_deref().and_then(VersionNumber::parse);
    if let (Some(version), Some(highest)) = (version, highest) {
        if version.is_integer() != highest.is_integer() {
            out.push(Finding::new(
                META.id,
                "/document/tracking/version",
                format!(
                    "the document version `{}` uses {} versioning but the highest revision number uses {} versioning",
                    tracking.version.as_deref().unwrap_or_default(),
                    scheme(&version),
                    scheme(highest)
                ),
            ));
        }
    }
}
