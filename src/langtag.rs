//! BCP 47 language tags for test 6.1.12 (Language): "For each element of type `/$defs/language_t` it
//! MUST be tested that the language code is valid and exists" (`/document/lang`,
//! `/document/source_lang`).
//!
//! [`check`] follows the "valid" class of RFC 5646 section 2.2.9: the tag is well-formed (the RFC 5646
//! grammar, checked by the `oxilangtag` crate), and either it is a grandfathered tag or its primary
//! language, extended language, script, region and variant subtags are all in the IANA Language
//! Subtag Registry (deprecated ones included: they stay registered), with no variant or extension
//! singleton twice. It also refuses a second extended language subtag, which RFC 5646 section 2.2.2
//! declares permanently invalid. Not checked, as the RFC makes them recommendations rather than
//! validity conditions: the `Prefix` of variants and extended languages, and canonical case. Subtags
//! of extensions (`-u-…`) and private use (`-x-…`) are not registry data.
//!
//! ```
//! use csaflint::langtag;
//! assert!(langtag::check("de-CH-1996").is_ok());
//! assert_eq!(
//!     langtag::check("EZ").unwrap_err(),
//!     "`EZ` is not a registered language subtag (it is a region subtag)"
//! );
//! ```
//!
//! # Data
//! `data/langtag/subtags.tsv` (≈40 KB, embedded, parsed once per process on first use) lists every
//! registered subtag by type, lowercase, with private-use ranges expanded. To refresh it from a newer
//! registry: `npm pack language-subtag-registry`, unpack it, run
//! `python3 scripts/gen-langtag.py package/data/json/registry.json` (or give the script the IANA
//! registry file itself), then `cargo test --lib langtag`. [`registry_date`] tells the `File-Date`.

use std::sync::LazyLock;

const DATA: &str = include_str!("../data/langtag/subtags.tsv");

/// The subtags of one type, sorted: looked up by binary search. (Loading them into hash sets cost
/// 7 M instructions per process, a few percent of validating a few hundred small advisories; the
/// file lists them sorted, so this costs a tenth of it.)
#[derive(Default)]
struct Subtags(Vec<&'static str>);

impl Subtags {
    fn contains(&self, subtag: &str) -> bool {
        self.0.binary_search(&subtag).is_ok()
    }
}

impl Extend<&'static str> for Subtags {
    fn extend<I: IntoIterator<Item = &'static str>>(&mut self, iter: I) {
        self.0.extend(iter);
        // (linear for the sorted lists of the file)
        self.0.sort_unstable();
        self.0.dedup();
    }
}

struct Registry {
    date: &'static str,
    language: Subtags,
    extlang: Subtags,
    script: Subtags,
    region: Subtags,
    variant: Subtags,
    grandfathered: Subtags,
}

static REGISTRY: LazyLock<Registry> = LazyLock::new(|| {
    let mut r = Registry {
        date: "",
        language: Subtags::default(),
        extlang: Subtags::default(),
        script: Subtags::default(),
        region: Subtags::default(),
        variant: Subtags::default(),
        grandfathered: Subtags::default(),
    };
    for line in DATA.lines().filter(|l| !l.starts_with('#')) {
        let (kind, values) = line.split_once('\t').expect("subtags.tsv: tab-separated line");
        let set = match kind {
            "date" => {
                r.date = values;
                continue;
            }
            "language" => &mut r.language,
            "extlang" => &mut r.extlang,
            "script" => &mut r.script,
            "region" => &mut r.region,
            "variant" => &mut r.variant,
            "grandfathered" => &mut r.grandfathered,
            _ => continue,
        };
        set.extend(values.split_ascii_whitespace());
    }
    r
});

/// Whether a document language is English (primary language subtag `en`, any case) or not given:
/// the condition of the tests that look for an English title or term (6.1.27.17–6.1.27.19, 6.1.55)
/// and of their language specific variants.
pub fn is_english_or_unspecified(lang: Option<&str>) -> bool {
    lang.is_none_or(|l| l.split('-').next().is_some_and(|p| p.eq_ignore_ascii_case("en")))
}

/// The `File-Date` of the embedded IANA Language Subtag Registry, e.g. `2025-08-25`.
pub fn registry_date() -> &'static str {
    REGISTRY.date
}

/// Whether `tag` is well-formed per the RFC 5646 grammar (registered or not).
pub fn is_well_formed(tag: &str) -> bool {
    oxilangtag::LanguageTag::parse(tag).is_ok()
}

/// Whether `tag` is a valid language tag; see [`check`].
pub fn is_valid(tag: &str) -> bool {
    check(tag).is_ok()
}

/// Checks that `tag` is a valid BCP 47 language tag (see the module docs). The error is a lowercase
/// message that names the offending subtag in backticks, e.g.
/// ``"`ZZZ` in `en-ZZZ` is not a registered extended language subtag"``.
pub fn check(tag: &str) -> Result<(), String> {
    if tag.is_empty() {
        return Err("the language tag is empty".to_owned());
    }
    let registry = &*REGISTRY;
    if registry.grandfathered.contains(tag.to_ascii_lowercase().as_str()) {
        return Ok(());
    }
    let parsed = match oxilangtag::LanguageTag::parse(tag) {
        Ok(parsed) => parsed,
        Err(_) => return Err(malformed(tag)),
    };
    if tag.starts_with(['x', 'X']) && tag[1..].starts_with('-') {
        return Ok(()); // a private-use tag
    }
    let unregistered = |subtag: &str, kind: &str| {
        let mut msg = if subtag == tag {
            format!("`{subtag}` is not a registered {kind} subtag")
        } else {
            format!("`{subtag}` in `{tag}` is not a registered {kind} subtag")
        };
        if let Some(other) = registered_as(registry, subtag).filter(|_| kind == "language") {
            msg.push_str(&format!(" (it is {other} subtag)"));
        }
        msg
    };
    let known = |set: &Subtags, subtag: &str| set.contains(subtag.to_ascii_lowercase().as_str());

    let language = parsed.primary_language();
    if !known(&registry.language, language) {
        return Err(unregistered(language, "language"));
    }
    let mut extlangs = parsed.extended_language_subtags();
    if let Some(extlang) = extlangs.next() {
        if !known(&registry.extlang, extlang) {
            return Err(unregistered(extlang, "extended language"));
        }
    }
    if let Some(second) = extlangs.next() {
        return Err(format!(
            "`{second}` in `{tag}` is a second extended language subtag; only one is allowed"
        ));
    }
    if let Some(script) = parsed.script() {
        if !known(&registry.script, script) {
            return Err(unregistered(script, "script"));
        }
    }
    if let Some(region) = parsed.region() {
        if !known(&registry.region, region) {
            return Err(unregistered(region, "region"));
        }
    }
    let mut seen: Vec<String> = Vec::new();
    for variant in parsed.variant_subtags() {
        if !known(&registry.variant, variant) {
            return Err(unregistered(variant, "variant"));
        }
        let lower = variant.to_ascii_lowercase();
        if seen.contains(&lower) {
            return Err(format!("variant `{variant}` appears twice in `{tag}`"));
        }
        seen.push(lower);
    }
    let mut singletons: Vec<char> = Vec::new();
    for (singleton, _) in parsed.extension_subtags() {
        let lower = singleton.to_ascii_lowercase();
        if singletons.contains(&lower) {
            return Err(format!("extension `{singleton}` appears twice in `{tag}`"));
        }
        singletons.push(lower);
    }
    Ok(())
}

/// For an unregistered primary language: the kind of subtag it is registered as instead (the spec's
/// example: `EZ` is the region "Eurozone"), with its article.
fn registered_as(registry: &Registry, subtag: &str) -> Option<&'static str> {
    let lower = subtag.to_ascii_lowercase();
    [
        ("an extended language", &registry.extlang),
        ("a script", &registry.script),
        ("a region", &registry.region),
        ("a variant", &registry.variant),
    ]
    .into_iter()
    .find(|(_, set)| set.contains(lower.as_str()))
    .map(|(phrase, _)| phrase)
}

/// The message for a tag that `oxilangtag` finds malformed: walks the RFC 5646 `langtag` production
/// to name the first subtag that does not fit.
fn malformed(tag: &str) -> String {
    let head = format!("`{tag}` is not a well-formed language tag");
    let subtags: Vec<&str> = tag.split('-').collect();
    if let Some(bad) = subtags
        .iter()
        .find(|s| !s.bytes().all(|b| b.is_ascii_alphanumeric()))
    {
        let hint = if bad.contains('_') {
            " (subtags are separated by `-`, not `_`)"
        } else {
            ""
        };
        return format!("{head}: `{bad}` has characters other than ASCII letters and digits{hint}");
    }
    if subtags.iter().any(|s| s.is_empty()) {
        return format!("{head}: it has an empty subtag");
    }
    if let Some(bad) = subtags.iter().find(|s| s.len() > 8) {
        return format!("{head}: `{bad}` is longer than 8 characters");
    }
    let alpha = |s: &str| s.bytes().all(|b| b.is_ascii_alphabetic());
    let digit = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    let first = subtags[0];
    if !(2..=8).contains(&first.len()) || !alpha(first) {
        return format!("{head}: `{first}` is not a primary language subtag (2 to 8 letters)");
    }
    // 1 = after language (extlang allowed), 2 = after extlang(s) or a long language,
    // 3 = after script, 4 = after region or variants, 5 = in extension, 6 = in private use
    let mut state = if first.len() <= 3 { 1 } else { 2 };
    let mut extlangs = 0;
    let mut open: Option<&str> = None; // a singleton still waiting for its first subtag
    for (i, &s) in subtags.iter().enumerate().skip(1) {
        let before = subtags[..i].join("-");
        let ok = if state == 6 {
            true
        } else if s.len() == 1 {
            if let Some(single) = open {
                return format!("{head}: singleton `{single}` is not followed by a subtag");
            }
            open = Some(s);
            state = if s.eq_ignore_ascii_case("x") { 6 } else { 5 };
            continue;
        } else if state == 5 {
            true
        } else if state == 1 && s.len() == 3 && alpha(s) {
            extlangs += 1;
            extlangs <= 3
        } else if state <= 2 && s.len() == 4 && alpha(s) {
            state = 3;
            true
        } else if state <= 3 && (s.len() == 2 && alpha(s) || s.len() == 3 && digit(s))
            || s.len() >= 5
            || s.len() == 4 && s.as_bytes()[0].is_ascii_digit()
        {
            state = 4; // a region, or a variant
            true
        } else {
            false
        };
        if !ok {
            return format!("{head}: `{s}` does not fit after `{before}`");
        }
        open = None;
    }
    match open {
        Some(single) => format!("{head}: singleton `{single}` is not followed by a subtag"),
        None => head,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::Value;
    use std::path::Path;

    #[test]
    fn valid_tags() {
        for tag in [
            "en",
            "en-US",
            "de",
            "de-CH-1996",
            "zh-Hant-TW",
            "i-default",
            "I-DEFAULT",
            "en-us",
            "EN-us",
            "sr-Latn-RS",
            "es-419",
            "zh-yue-HK",
            "sl-rozaj-biske",
            "de-DE-u-co-phonebk",
            "en-a-bbb-x-a-ccc",
            "x-whatever",
            "qaa",
            "en-Qaaa-XA",
            "art-lojban",
            "zh-min-nan",
            "en-GB-oed",
            "iw", // deprecated, still registered
            "ja-Latn-hepburn-heploc",
        ] {
            assert_eq!(check(tag), Ok(()), "{tag}");
        }
        assert!(registry_date() >= "2025-08-25");
    }

    #[test]
    fn invalid_tags() {
        let cases = [
            ("", "the language tag is empty"),
            ("EZ", "`EZ` is not a registered language subtag (it is a region subtag)"),
            ("xx", "`xx` is not a registered language subtag (it is a region subtag)"),
            ("qzz", "`qzz` is not a registered language subtag"),
            ("en-ZZZ", "`ZZZ` in `en-ZZZ` is not a registered extended language subtag"),
            ("en-UK", "`UK` in `en-UK` is not a registered region subtag"),
            ("en-Abcd", "`Abcd` in `en-Abcd` is not a registered script subtag"),
            ("de-DE-abcdef", "`abcdef` in `de-DE-abcdef` is not a registered variant subtag"),
            ("de-1996-1996", "variant `1996` appears twice in `de-1996-1996`"),
            ("de-u-co-u-ca", "extension `u` appears twice in `de-u-co-u-ca`"),
            ("zh-yue-cmn", "`cmn` in `zh-yue-cmn` is a second extended language subtag; only one is allowed"),
            (
                "en_US",
                "`en_US` is not a well-formed language tag: `en_US` has characters other than ASCII letters \
                 and digits (subtags are separated by `-`, not `_`)",
            ),
            ("en--US", "`en--US` is not a well-formed language tag: it has an empty subtag"),
            ("en-", "`en-` is not a well-formed language tag: it has an empty subtag"),
            (" en", "` en` is not a well-formed language tag: ` en` has characters other than ASCII letters and digits"),
            ("e", "`e` is not a well-formed language tag: `e` is not a primary language subtag (2 to 8 letters)"),
            ("1996", "`1996` is not a well-formed language tag: `1996` is not a primary language subtag (2 to 8 letters)"),
            ("english-language", "`english` in `english-language` is not a registered language subtag"),
            ("en-US-abc", "`en-US-abc` is not a well-formed language tag: `abc` does not fit after `en-US`"),
            ("en-a", "`en-a` is not a well-formed language tag: singleton `a` is not followed by a subtag"),
            ("en-a-x-b", "`en-a-x-b` is not a well-formed language tag: singleton `a` is not followed by a subtag"),
            ("en-x", "`en-x` is not a well-formed language tag: singleton `x` is not followed by a subtag"),
            ("en-abcdefghi", "`en-abcdefghi` is not a well-formed language tag: `abcdefghi` is longer than 8 characters"),
            ("i-foo", "`i-foo` is not a well-formed language tag: `i` is not a primary language subtag (2 to 8 letters)"),
        ];
        for (tag, message) in cases {
            assert_eq!(check(tag), Err(message.to_owned()), "{tag}");
            assert!(!is_valid(tag));
        }
        assert!(is_well_formed("xx") && !is_well_formed("en_US"));
    }

    /// Every `lang` and `source_lang` of the shared corpus of real advisories is valid.
    #[test]
    fn corpus() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/csaf");
        if !dir.is_dir() {
            eprintln!("skipped: {} not found", dir.display());
            return;
        }
        let mut seen = 0;
        for entry in walkdir::WalkDir::new(&dir).into_iter().filter_map(Result::ok) {
            if entry.path().extension().is_none_or(|e| e != "json") {
                continue;
            }
            let Ok(doc) = serde_json::from_slice::<Value>(&std::fs::read(entry.path()).unwrap()) else {
                continue;
            };
            for key in ["lang", "source_lang"] {
                if let Some(lang) = doc["document"][key].as_str() {
                    assert_eq!(check(lang), Ok(()), "{}", entry.path().display());
                    seen += 1;
                }
            }
        }
        assert!(seen > 100, "{seen}");
    }

    /// The OASIS 6.1.12 files (all expected to fail) fail, and the other OASIS documents' languages pass.
    #[test]
    fn oasis_documents() {
        let spec = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/spec");
        if !spec.is_dir() {
            eprintln!("skipped: {} not found", spec.display());
            return;
        }
        let mut failing = 0;
        let mut passing = 0;
        for csaf in ["2.0", "2.1"] {
            let dir = spec.join(format!("csaf_{csaf}/test/validator/data"));
            let manifest: Value =
                serde_json::from_slice(&std::fs::read(dir.join("testcases.json")).unwrap()).unwrap();
            let test = manifest["tests"]
                .as_array()
                .unwrap()
                .iter()
                .find(|t| t["id"] == "6.1.12")
                .unwrap();
            for (list, expect_valid) in [("failures", false), ("valid", true)] {
                for file in test[list].as_array().into_iter().flatten() {
                    let name = file["name"].as_str().unwrap();
                    let doc: Value = serde_json::from_slice(&std::fs::read(dir.join(name)).unwrap()).unwrap();
                    let langs = ["lang", "source_lang"].map(|k| doc["document"][k].as_str());
                    let valid = langs.iter().flatten().all(|l| is_valid(l));
                    assert_eq!(valid, expect_valid, "{csaf} {name}: {langs:?}");
                    failing += 1;
                }
            }
        }
        assert_eq!(failing, 2);
        for entry in walkdir::WalkDir::new(&spec).into_iter().filter_map(Result::ok) {
            let path = entry.path();
            let name = path.file_name().unwrap().to_string_lossy();
            if path.extension().is_none_or(|e| e != "json") || name.contains("-6-1-12-0") {
                continue;
            }
            let Ok(doc) = serde_json::from_slice::<Value>(&std::fs::read(path).unwrap()) else {
                continue;
            };
            for key in ["lang", "source_lang"] {
                if let Some(lang) = doc["document"][key].as_str() {
                    assert_eq!(check(lang), Ok(()), "{}", path.display());
                    passing += 1;
                }
            }
        }
        assert!(passing >= 100, "{passing}");
    }
}
