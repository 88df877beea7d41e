use super::licenses::{self, Status, TermKind};
use crate::diag::Finding;
use crate::rules::Context;

declare_rule! {
    /// ## What it checks
    /// Every license and exception identifier of `/document/license_expression` exists: an
    /// identifier that is not a `LicenseRef-`/`AdditionRef-` is on the SPDX License List (or, after
    /// `WITH`, on the SPDX License Exceptions List), and a `LicenseRef-scancode-…` (or
    /// `AdditionRef-scancode-…`) is an identifier of AboutCode's ScanCode LicenseDB. Identifiers are
    /// matched case-insensitively.
    ///
    /// csaflint knows the SPDX lists of its `spdx` crate and a copy of the ScanCode LicenseDB
    /// identifiers (`data/scancode/licenses.tsv`). Identifiers of other license inventoring entities
    /// (any other `LicenseRef-…`) are not checked, as the specification allows. An expression that is
    /// not a valid license expression is left to 6.1.54.
    ///
    /// ## Why
    /// An identifier that no list defines is most likely a typo; consumers cannot tell which license
    /// applies.
    ///
    /// ## Invalid
    /// ```json
    /// "license_expression": "A-License-Identifier-That-Does-Not-Exist"
    /// ```
    /// ## Valid
    /// ```json
    /// "license_expression": "MIT OR any-OSI"
    /// ```
    NonExistingLicenseIdentifier, id = "6.2.45", name = "non-existing-license-identifier", group = Optional,
    summary = "the license expression uses an SPDX or ScanCode license identifier that does not exist",
    since = "2.1",
}

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    for term in licenses::terms(cx) {
        let Status::Unknown(list) = licenses::status(&term) else {
            continue;
        };
        let what = match term.kind {
            TermKind::Exception | TermKind::AdditionRef => "license exception",
            TermKind::License | TermKind::LicenseRef => "license identifier",
        };
        let help = format!(
            "check the spelling against {}; a license that is on no public list is written `LicenseRef-<license-inventoring-entity>-<id>`",
            list.name(&term)
        );
        out.push(
            Finding::new(
                META.id,
                "/document/license_expression",
                format!(
                    "the {what} `{}` does not exist in {}",
                    term.text,
                    list.name(&term)
                ),
            )
            .help(help),
        );
    }
}
