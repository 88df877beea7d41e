use super::m6_1_54_license_expression::{is_listed_exception, is_listed_license, parse, Term, TermKind};
use crate::diag::Finding;
use crate::model::NoteCategory;
use crate::rules::Context;

declare_rule! {
    /// ## What it checks
    /// If the document language is English or not given, and `/document/license_expression` uses a
    /// license or exception identifier that is neither on the SPDX License List (or its exceptions
    /// list) nor in AboutCode's ScanCode LicenseDB, then exactly one document note has the title
    /// `License`, and that note has the category `legal_disclaimer`.
    ///
    /// ScanCode LicenseDB identifiers (`LicenseRef-scancode-…`, `AdditionRef-scancode-…`) are looked
    /// up in the copy of the LicenseDB's identifiers that ships with csaflint (`data/scancode`). An
    /// expression that is not valid SPDX (6.1.54) is not checked.
    ///
    /// ## Why
    /// A license that no public list defines is only known through its text, which CSAF puts into
    /// exactly one note `legal_disclaimer` / `License`. Other languages use a translated title (6.2.46).
    ///
    /// ## Invalid
    /// ```json
    /// "license_expression": "LicenseRef-www.example.com-no-work-pd",
    /// "notes": [{"category": "other", "text": "This is not a work and therefore it can't be licensed.", "title": "License"}]
    /// ```
    /// ## Valid
    /// ```json
    /// "license_expression": "LicenseRef-www.example.com-no-work-pd",
    /// "notes": [{"category": "legal_disclaimer", "text": "This is not a work and therefore it can't be licensed.", "title": "License"}]
    /// ```
    LicenseText, id = "6.1.55", name = "license-text", group = Mandatory,
    summary = "a license from no public list lacks exactly one `License` note of category `legal_disclaimer`",
    since = "2.1",
}

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    let document = &cx.advisory.document;
    let Some(expression) = document.license_expression.as_deref() else {
        return;
    };
    if !crate::langtag::is_english_or_unspecified(document.lang.as_deref()) {
        return; // other languages: 6.2.46
    }
    let parsed = parse(expression);
    if parsed.result.is_err() {
        return; // 6.1.54
    }
    let unlisted: Vec<&Term> = parsed.terms.iter().filter(|t| !listed(t)).collect();
    let Some(first) = unlisted.first() else {
        return;
    };
    let what = format!(
        "the license expression uses `{}`, which is neither on the SPDX lists nor in the ScanCode LicenseDB",
        first.text
    );
    check_license_note(
        document,
        out,
        META.id,
        "License",
        &what,
        "give the license text in exactly one document note with `category` `legal_disclaimer` and `title` `License`",
    );
}

/// Exactly one document note has the title `title`, and its category is `legal_disclaimer`
/// (6.1.55, and 6.2.46 with the translated title); `what` says why the note is needed.
pub(crate) fn check_license_note(
    document: &crate::model::Document,
    out: &mut Vec<Finding>,
    rule: &'static str,
    title: &str,
    what: &str,
    help: impl Into<std::borrow::Cow<'static, str>>,
) {
    let help = help.into();
    let license_notes: Vec<usize> = document
        .notes
        .iter()
        .enumerate()
        .filter(|(_, n)| n.title.as_deref() == Some(title))
        .map(|(i, _)| i)
        .collect();
    match license_notes.as_slice() {
        [] => out.push(
            Finding::new(
                rule,
                if document.notes.is_empty() {
                    "/document/license_expression"
                } else {
                    "/document/notes"
                },
                format!("{what}, but no document note has the title `{title}`"),
            )
            .help(help.clone()),
        ),
        [i] => {
            let note = &document.notes[*i];
            if note.category != Some(NoteCategory::LegalDisclaimer) {
                out.push(
                    Finding::new(
                        rule,
                        format!("/document/notes/{i}/category"),
                        format!("{what}; its note `{title}` must have the category `legal_disclaimer`"),
                    )
                    .help(help.clone()),
                );
            }
        }
        [_, rest @ ..] => {
            for i in rest {
                out.push(
                    Finding::new(
                        rule,
                        format!("/document/notes/{i}/title"),
                        format!(
                            "{what}; it must have exactly one note titled `{title}`, but there are {}",
                            license_notes.len()
                        ),
                    )
                    .help(help.clone()),
                );
            }
        }
    }
}

/// The term is on the SPDX lists or in the ScanCode LicenseDB.
fn listed(term: &Term) -> bool {
    match term.kind {
        TermKind::License => is_listed_license(&term.id),
        TermKind::Exception => is_listed_exception(&term.id),
        TermKind::LicenseRef | TermKind::AdditionRef => {
            crate::rules::optional::licenses::status(term).listed()
        }
    }
}
