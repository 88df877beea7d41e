use crate::diag::Finding;
use crate::rules::optional::licenses::{self, Status};
use crate::rules::Context;

declare_rule! {
    /// ## What it checks
    /// Every license and exception identifier of `/document/license_expression` is listed either on
    /// the SPDX License List (or its exceptions list) or in AboutCode's ScanCode LicenseDB
    /// (`LicenseRef-scancode-…`). A `LicenseRef-…` of any other license inventoring entity, and an
    /// identifier that is on neither list, is reported once.
    ///
    /// csaflint knows the SPDX lists of its `spdx` crate and a copy of the ScanCode LicenseDB
    /// identifiers (`data/scancode/licenses.tsv`). An expression that is not a valid license
    /// expression is left to 6.1.54.
    ///
    /// ## Why
    /// Licenses from the public lists are known to tools and readers; any other license can only be
    /// understood through the license text that the document has to carry (6.1.55, 6.2.46).
    ///
    /// ## Invalid
    /// ```json
    /// "license_expression": "LicenseRef-www.example.com-no-work-pd"
    /// ```
    /// ## Valid
    /// ```json
    /// "license_expression": "MIT"
    /// ```
    UseOfUnregisteredLicense, id = "6.3.17", name = "use-of-unregistered-license", group = Informative,
    summary = "the license expression uses a license that is neither on the SPDX License List nor in the ScanCode LicenseDB",
    since = "2.1",
}

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    for term in licenses::terms(cx) {
        let status = licenses::status(&term);
        if status.listed() {
            continue;
        }
        let why = match status {
            Status::Other if term.document_ref => "it refers to a license of another SPDX document",
            Status::Other => "it is a license of another license inventoring entity",
            _ => "it is on neither list",
        };
        out.push(
            Finding::new(
                META.id,
                "/document/license_expression",
                format!(
                    "`{}` is neither listed on the SPDX License List nor in the ScanCode LicenseDB: {why}",
                    term.text
                ),
            )
            .help("prefer a license from the SPDX License List or the ScanCode LicenseDB where one fits"),
        );
    }
}
