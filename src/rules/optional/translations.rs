//! The language specific translations of CSAF terms, as the OASIS CSAF TC keeps them
//! (`data/translations/translations.json`), for the tests that look for a note or reference by a
//! translated term in documents that are not in English (6.2.39.2–6.2.39.4, 6.2.40, 6.2.46).

use crate::diag::Finding;
use serde_json::Value;
use std::collections::HashMap;
use std::sync::LazyLock;

/// A term of the specification that has language specific translations.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Term {
    /// `License` (title of the `legal_disclaimer` note with the license text; for 6.2.46).
    License,
    /// `Product Description` (title of a `description` note).
    ProductDescription,
    /// `Reasoning for Supersession` (title of a `description` note).
    ReasoningForSupersession,
    /// `Reasoning for Withdrawal` (title of a `description` note).
    ReasoningForWithdrawal,
    /// `Superseding Document` (start of the summary of an `external` reference).
    SupersedingDocument,
}

impl Term {
    /// The key in `translations.json`.
    fn key(self) -> &'static str {
        match self {
            Term::License => "license",
            Term::ProductDescription => "product_description",
            Term::ReasoningForSupersession => "reasoning_for_supersession",
            Term::ReasoningForWithdrawal => "reasoning_for_withdrawal",
            Term::SupersedingDocument => "superseding_document",
        }
    }

    /// The English term.
    pub(crate) fn english(self) -> &'static str {
        match self {
            Term::License => "License",
            Term::ProductDescription => "Product Description",
            Term::ReasoningForSupersession => "Reasoning for Supersession",
            Term::ReasoningForWithdrawal => "Reasoning for Withdrawal",
            Term::SupersedingDocument => "Superseding Document",
        }
    }
}

/// Language tag (lower case) → term key → translation.
static TRANSLATIONS: LazyLock<HashMap<String, HashMap<String, String>>> = LazyLock::new(|| {
    let json: Value = serde_json::from_str(include_str!("../../../data/translations/translations.json"))
        .expect("data/translations/translations.json is JSON");
    let mut map = HashMap::new();
    for (lang, terms) in json["translation"].as_object().into_iter().flatten() {
        let terms = terms
            .as_object()
            .into_iter()
            .flatten()
            .filter_map(|(k, v)| Some((k.clone(), v.as_str()?.to_owned())))
            .collect();
        map.insert(lang.to_ascii_lowercase(), terms);
    }
    map
});

pub(crate) use crate::langtag::is_english_or_unspecified as english_or_unspecified;

/// The information that a test was skipped because no translation of `term` is recorded for `lang`
/// (shared by the language specific tests).
pub(crate) fn unknown_translation(rule: &'static str, lang: &str, term: Term) -> Finding {
    Finding::new(
        rule,
        "/document/lang",
        format!(
            "no translation of `{}` is known for the language `{lang}`, so the test was skipped",
            term.english()
        ),
    )
    .help("csaflint uses the translations the OASIS CSAF TC records; check this part of the document by hand")
}

/// The common start of the language specific profile tests (6.2.39.2–6.2.39.4): for a document of
/// one of `categories` in a language other than English, its category and the translation of
/// `term`; when no translation is recorded, reports that the test was skipped and gives `None`.
pub(crate) fn non_english_term<'a>(
    doc: &'a crate::model::Document,
    categories: &[&str],
    term: Term,
    rule: &'static str,
    out: &mut Vec<Finding>,
) -> Option<(&'a str, &'static str)> {
    let category = doc.category.as_deref()?;
    let lang = doc.lang.as_deref()?;
    if !categories.contains(&category) || english_or_unspecified(Some(lang)) {
        return None;
    }
    match translate(lang, term) {
        Some(translated) => Some((category, translated)),
        None => {
            out.push(unknown_translation(rule, lang, term));
            None
        }
    }
}

/// The translation of `term` into the language `lang` (a language tag): the whole tag is looked up
/// first, then its primary language subtag (`de-DE` finds `de`). `None` if none is recorded.
pub(crate) fn translate(lang: &str, term: Term) -> Option<&'static str> {
    let lang = lang.to_ascii_lowercase();
    let primary = lang.split('-').next().unwrap_or_default();
    let found = [lang.as_str(), primary]
        .into_iter()
        .find_map(|l| TRANSLATIONS.get(l)?.get(term.key()));
    found.map(String::as_str)
}

/// The term to look for in a document of language `lang`: the English term for English or an
/// unspecified language, else the translation. `Err(lang)` when no translation is recorded.
pub(crate) fn term_for(lang: Option<&str>, term: Term) -> Result<&'static str, &str> {
    match lang {
        _ if english_or_unspecified(lang) => Ok(term.english()),
        Some(l) => translate(l, term).ok_or(l),
        None => Ok(term.english()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn looks_up_by_tag_then_primary_subtag() {
        assert_eq!(
            translate("de", Term::ReasoningForWithdrawal),
            Some("Begründung für die Zurückziehung")
        );
        assert_eq!(
            translate("de-DE", Term::SupersedingDocument),
            Some("Ersetzendes Dokument")
        );
        assert_eq!(
            translate("DE-at", Term::ProductDescription),
            Some("Produktbeschreibung")
        );
        assert_eq!(translate("fr", Term::License), None);
        assert_eq!(term_for(Some("en-GB"), Term::License), Ok("License"));
        assert_eq!(term_for(None, Term::License), Ok("License"));
        assert_eq!(term_for(Some("de"), Term::License), Ok("Lizenz"));
        assert_eq!(term_for(Some("fr-FR"), Term::License), Err("fr-FR"));
    }
}
