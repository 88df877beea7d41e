use super::licenses;
use super::translations::unknown_translation;
use super::translations::{self, Term};
use crate::diag::Finding;
use crate::rules::mandatory::m6_1_55_license_text::check_license_note;
use crate::rules::Context;

declare_rule! {
    /// ## What it checks
    /// If the document language (`/document/lang`) is given and not English, and
    /// `/document/license_expression` uses a license or exception identifier that is neither on the
    /// SPDX lists nor in AboutCode's ScanCode LicenseDB, then exactly one document note has the
    /// language specific translation of `License` as its title, and that note has the category
    /// `legal_disclaimer`.
    ///
    /// The translations are those the OASIS CSAF TC records (built into csaflint; `de`: `Lizenz`),
    /// looked up by the whole language tag, then by its primary subtag (`de-DE` uses `de`). For a
    /// language without a recorded translation the test is skipped, and says so once at
    /// `/document/lang`. English documents, and documents without a language, are the business of
    /// the mandatory test 6.1.55. An expression that is not a valid license expression is left to
    /// 6.1.54.
    ///
    /// ## Why
    /// A license that no public list defines is only known through its text, which CSAF puts into
    /// exactly one `legal_disclaimer` note, titled in the language of the document.
    ///
    /// ## Invalid
    /// ```json
    /// "lang": "de-DE",
    /// "license_expression": "LicenseRef-www.example.com-no-work",
    /// "notes": [{"category": "summary", "text": "Es handelt sich nicht um ein urheberrechtliches Werk, da die Schöpfungshöhe nicht erreicht ist.", "title": "Lizenz"}]
    /// ```
    /// ## Valid
    /// ```json
    /// "lang": "de-DE",
    /// "license_expression": "LicenseRef-www.example.com-no-work",
    /// "notes": [{"category": "legal_disclaimer", "text": "Es handelt sich nicht um ein urheberrechtliches Werk, da die Schöpfungshöhe nicht erreicht ist.", "title": "Lizenz"}]
    /// ```
    LanguageSpecificLicenseText, id = "6.2.46", name = "language-specific-license-text", group = Optional,
    summary = "a document in a language other than English with a license from no public list lacks exactly one `legal_disclaimer` note with the translated title `License`",
    since = "2.1",
}

const TERM: Term = Term::License;

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    let document = &cx.advisory.document;
    let Some(lang) = document.lang.as_deref() else {
        return;
    };
    if translations::english_or_unspecified(Some(lang)) {
        return; // 6.1.55
    }
    let Some(unlisted) = licenses::terms(cx)
        .into_iter()
        .find(|t| !licenses::status(t).listed())
    else {
        return;
    };
    let Some(title) = translations::translate(lang, TERM) else {
        out.push(unknown_translation(META.id, lang, TERM));
        return;
    };
    let what = format!(
        "the license expression uses `{}`, which is neither on the SPDX lists nor in the ScanCode LicenseDB",
        unlisted.text
    );
    check_license_note(
        document,
        out,
        META.id,
        title,
        &what,
        format!(
            "give the license text in exactly one document note with `category` `legal_disclaimer` and `title` `{title}` (`{}` in the language `{lang}`)",
            TERM.english()
        ),
    );
}
