use super::licenses::{self, Status};
use crate::diag::Finding;
use crate::rules::Context;

declare_rule! {
    /// ## What it checks
    /// No license or exception identifier of `/document/license_expression` is deprecated: on the
    /// SPDX License List or its exceptions list (e.g. `GFDL-1.1`, deprecated since version 3.0 of the
    /// list) or in AboutCode's ScanCode LicenseDB (`LicenseRef-scancode-…`, e.g.
    /// `LicenseRef-scancode-aop-pd`).
    ///
    /// csaflint knows the SPDX lists of its `spdx` crate and a copy of the ScanCode LicenseDB
    /// identifiers (`data/scancode/licenses.tsv`). Identifiers of other license inventoring entities
    /// (any other `LicenseRef-…`) are not checked, as the specification allows. An expression that is
    /// not a valid license expression is left to 6.1.54.
    ///
    /// ## Why
    /// A deprecated identifier has been replaced because it was ambiguous or wrong; `GFDL-1.1` does
    /// not say whether later versions of the license apply.
    ///
    /// ## Invalid
    /// ```json
    /// "license_expression": "GFDL-1.1"
    /// ```
    /// ## Valid
    /// ```json
    /// "license_expression": "GFDL-1.1-only"
    /// ```
    DeprecatedLicenseIdentifier, id = "6.2.44", name = "deprecated-license-identifier", group = Optional,
    summary = "the license expression uses a deprecated SPDX or ScanCode license identifier",
    since = "2.1",
}

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    for term in licenses::terms(cx) {
        let (list, help) = match licenses::status(&term) {
            Status::Spdx { deprecated: true } => (
                licenses::List::Spdx,
                "use the current identifier (the SPDX License List names it), e.g. `GPL-2.0-only` or `GPL-2.0-or-later` for `GPL-2.0`".to_owned(),
            ),
            Status::ScanCode(entry) if entry.deprecated => (
                licenses::List::ScanCode,
                match entry.replaced_by.as_slice() {
                    [] => "use a current identifier of the ScanCode LicenseDB".to_owned(),
                    ids => format!(
                        "the ScanCode LicenseDB replaces it by {}",
                        ids.iter().map(|i| format!("`{i}`")).collect::<Vec<_>>().join(", ")
                    ),
                },
            ),
            _ => continue,
        };
        let what = if term.kind == licenses::TermKind::Exception {
            "license exception"
        } else {
            "license identifier"
        };
        out.push(
            Finding::new(
                META.id,
                "/document/license_expression",
                format!("the {what} `{}` is deprecated in {}", term.text, list.name(&term)),
            )
            .help(help),
        );
    }
}
