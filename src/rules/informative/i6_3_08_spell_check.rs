use crate::diag::Finding;
use crate::index::{branch_pointer, walk_branches};
use crate::model::{Acknowledgment, Advisory, BranchCategory, Note, Reference};
use crate::rules::Context;
use spellbook::Dictionary;
use std::collections::{HashMap, HashSet};

/// The per-document word sets and memo hash with foldhash (seeded per process): SipHash was a tenth
/// of the rule's time.
type Fast = foldhash::fast::RandomState;
use std::path::{Path, PathBuf};
use std::sync::{LazyLock, Mutex, OnceLock};

declare_rule! {
    /// ## What it checks
    /// Every word of the document's text fields is in the hunspell dictionary of the document
    /// language `/document/lang`. The fields are those CSAF lists for this test: the document title,
    /// category, publisher name and issuing authority, aliases, generator engine name, notes (title,
    /// text, audience), reference and acknowledgment summaries and names, revision history
    /// summaries, distribution and aggregate severity text, branch and product names, product group
    /// summaries, and per vulnerability its title, notes, involvement summaries, remediation details,
    /// entitlements and restart details, and threat details.
    ///
    /// A word is correct when the dictionary accepts it with hunspell's rules, including its
    /// capitalisation rules (`Receive` and `RECEIVE` are accepted because `receive` is, `linux` is
    /// not because only `Linux` is). A hyphenated word is correct as a whole or when each part is.
    /// In English, a final `'s` is dropped before checking (`Beckhoff's` is checked as `Beckhoff`).
    /// Not words, and not checked: Markdown code spans and HTML tags, URLs, e-mail addresses, paths
    /// (`/etc/passwd`, and lower-case `a/b` such as `net/http`; `Windows/Linux` is two words),
    /// command-line options, tokens with a digit, `_`, `.` or another symbol inside (`1.2.3`,
    /// `CVE-2021-44228`, `CSAFPID-0001`, `x86_64`, `example.com`, `e.g.`, hashes), all-caps
    /// acronyms of up to 6 letters (`XSS`, `CSRF`), words with an upper-case letter after the first
    /// (`OpenSSL`, `iOS`, `CVEs`), single letters, two hex digits (`ff`, from dumps), code
    /// (`sizeof(x)`, `a->b`, `a::b`), and the names of `architecture` branches (`noarch`, `src`).
    ///
    /// The names the document defines (publisher, branch and product names, acknowledged names and
    /// organizations, aliases, generator) are checked too, but a word unknown to the dictionary is
    /// reported there once per document (where it first occurs), and is not reported again, in any
    /// capitalisation, in the other text fields. Other words are reported once per field.
    ///
    /// Dictionaries: `en` and `en-US` use the `en_US` dictionary (SCOWL, from Debian's
    /// `hunspell-en-us`) built into csaflint, plus a short list of security terms it lacks
    /// (`deserialization`, `misconfiguration`, …). Other languages use the hunspell dictionaries
    /// installed on the system, looked up in the folders of `DICPATH`, then `/usr/share/hunspell`,
    /// `/usr/share/myspell`, `/usr/share/myspell/dicts`, `/usr/local/share/hunspell`,
    /// `/usr/local/share/myspell` and `/Library/Spelling`: a tag `ll-RR` uses `ll_RR`, else `ll`,
    /// else `ll_LL`, else the first other `ll_*` (`de` and `de-CH` use `de_DE` when there is no
    /// `de_CH`); other `en-*` tags use the built-in `en_US` when no `en_RR` is installed.
    /// Dictionaries in UTF-8, ISO 8859-1 and ISO 8859-15 can be read. When no dictionary is found,
    /// the test reports that once, at `/document/lang`. Without `/document/lang` the test is skipped.
    ///
    /// ## Why
    /// Spelling mistakes make an advisory look careless and can hide the meaning of a sentence or
    /// break searches for a product name. The test is informative: names and jargon that the
    /// dictionary does not know are expected findings, to be read and dismissed by a person.
    ///
    /// ## Invalid
    /// ```json
    /// "lang": "en",
    /// "notes": [{"category": "summary", "text": "Secruity researchers found multiple vulnerabilities in XYZ."}]
    /// ```
    /// `Secruity` is not in the `en_US` dictionary.
    ///
    /// ## Valid
    /// ```json
    /// "lang": "en",
    /// "notes": [{"category": "summary", "text": "Security researchers found multiple vulnerabilities in XYZ."}]
    /// ```
    SpellCheck, id = "6.3.8", name = "spell-check", group = Informative,
    summary = "a text field has a word the dictionary of the document language does not know",
}

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    let Some(lang) = cx.advisory.document.lang.as_deref().map(str::trim) else {
        return;
    };
    if lang.is_empty() {
        return;
    }
    let dict = match dictionary_for(lang) {
        Ok(dict) => dict,
        Err(problem) => {
            out.push(problem.finding(lang));
            return;
        }
    };
    spell_check(cx.advisory, dict, out);
}

// ---------------------------------------------------------------------------------------------
// The fields

/// How a field's unknown words are reported.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// A name the document defines: each unknown word once per document.
    Name,
    /// Prose: each unknown word once per field, unless it is a word of the document's names.
    Prose,
}

/// Receives a field: its kind, its text, and its JSON pointer (built only when needed).
type FieldVisitor<'a, 'f> = dyn FnMut(Kind, &'a str, &dyn Fn() -> String) + 'f;

/// Visits a field whose value is an `Option<String>`.
macro_rules! field {
    ($f:expr, $kind:ident, $value:expr, $($pointer:tt)+) => {
        if let Some(v) = $value.as_deref() {
            $f(Kind::$kind, v, &|| format!($($pointer)+));
        }
    };
}

/// Calls `f` for every text field of 6.3.8, in document order.
fn visit_fields<'a>(adv: &'a Advisory, f: &mut FieldVisitor<'a, '_>) {
    let d = &adv.document;
    acknowledgments(&d.acknowledgments, &|| "/document".to_owned(), f);
    if let Some(s) = &d.aggregate_severity {
        field!(f, Prose, s.text, "/document/aggregate_severity/text");
    }
    // Only a custom category (CSAF Base) has words: the profile names are identifiers.
    field!(f, Prose, d.category, "/document/category");
    if let Some(dist) = &d.distribution {
        field!(f, Prose, dist.text, "/document/distribution/text");
    }
    notes(&d.notes, &|| "/document".to_owned(), f);
    field!(
        f,
        Prose,
        d.publisher.issuing_authority,
        "/document/publisher/issuing_authority"
    );
    field!(f, Name, d.publisher.name, "/document/publisher/name");
    references(&d.references, &|| "/document".to_owned(), f);
    field!(f, Prose, d.title, "/document/title");
    for (i, alias) in d.tracking.aliases.iter().enumerate() {
        f(Kind::Name, alias, &|| format!("/document/tracking/aliases/{i}"));
    }
    if let Some(g) = &d.tracking.generator {
        field!(f, Name, g.engine_name, "/document/tracking/generator/engine/name");
    }
    for (i, r) in d.tracking.revision_history.iter().enumerate() {
        field!(
            f,
            Prose,
            r.summary,
            "/document/tracking/revision_history/{i}/summary"
        );
    }

    if let Some(tree) = &adv.product_tree {
        walk_branches(tree, |b, path, _| {
            // Architectures are identifiers (`noarch`, `src`, `x86_64`), not words.
            if b.category != Some(BranchCategory::Architecture) {
                field!(f, Name, b.name, "{}/name", branch_pointer(path));
            }
            if let Some(p) = &b.product {
                field!(f, Name, p.name, "{}/product/name", branch_pointer(path));
            }
        });
        for (i, p) in tree.full_product_names.iter().enumerate() {
            field!(f, Name, p.name, "/product_tree/full_product_names/{i}/name");
        }
        for (i, g) in tree.product_groups.iter().enumerate() {
            field!(f, Prose, g.summary, "/product_tree/product_groups/{i}/summary");
        }
        for (i, r) in tree.relationships.iter().enumerate() {
            if let Some(p) = &r.full_product_name {
                field!(
                    f,
                    Name,
                    p.name,
                    "/product_tree/relationships/{i}/full_product_name/name"
                );
            }
        }
    }

    for (v, vuln) in adv.vulnerabilities.iter().enumerate() {
        let base = || format!("/vulnerabilities/{v}");
        acknowledgments(&vuln.acknowledgments, &base, f);
        for (i, inv) in vuln.involvements.iter().enumerate() {
            field!(f, Prose, inv.summary, "{}/involvements/{i}/summary", base());
        }
        notes(&vuln.notes, &base, f);
        references(&vuln.references, &base, f);
        for (i, r) in vuln.remediations.iter().enumerate() {
            field!(f, Prose, r.details, "{}/remediations/{i}/details", base());
            for (j, e) in r.entitlements.iter().enumerate() {
                f(Kind::Prose, e, &|| {
                    format!("{}/remediations/{i}/entitlements/{j}", base())
                });
            }
            field!(
                f,
                Prose,
                r.restart_details,
                "{}/remediations/{i}/restart_required/details",
                base()
            );
        }
        for (i, t) in vuln.threats.iter().enumerate() {
            field!(f, Prose, t.details, "{}/threats/{i}/details", base());
        }
        field!(f, Prose, vuln.title, "{}/title", base());
    }
}

fn acknowledgments<'a>(list: &'a [Acknowledgment], base: &dyn Fn() -> String, f: &mut FieldVisitor<'a, '_>) {
    for (i, a) in list.iter().enumerate() {
        for (j, name) in a.names.iter().enumerate() {
            f(Kind::Name, name, &|| {
                format!("{}/acknowledgments/{i}/names/{j}", base())
            });
        }
        field!(
            f,
            Name,
            a.organization,
            "{}/acknowledgments/{i}/organization",
            base()
        );
        field!(f, Prose, a.summary, "{}/acknowledgments/{i}/summary", base());
    }
}

fn notes<'a>(list: &'a [Note], base: &dyn Fn() -> String, f: &mut FieldVisitor<'a, '_>) {
    for (i, n) in list.iter().enumerate() {
        field!(f, Prose, n.audience, "{}/notes/{i}/audience", base());
        field!(f, Prose, n.text, "{}/notes/{i}/text", base());
        field!(f, Prose, n.title, "{}/notes/{i}/title", base());
    }
}

fn references<'a>(list: &'a [Reference], base: &dyn Fn() -> String, f: &mut FieldVisitor<'a, '_>) {
    for (i, r) in list.iter().enumerate() {
        field!(f, Prose, r.summary, "{}/references/{i}/summary", base());
    }
}

// ---------------------------------------------------------------------------------------------
// Checking

/// Checks every field of `adv` with `dict`.
fn spell_check(adv: &Advisory, dict: &'static Dict, out: &mut Vec<Finding>) {
    let base = |w| if dict.english { strip_s(w) } else { w };
    let mut speller = Speller::new(dict);
    // The unknown words of the names the document defines (lower case): reported once where they
    // are defined, accepted in the other fields.
    let mut names: HashSet<String, Fast> = HashSet::default();
    visit_fields(adv, &mut |kind, text, _| {
        if kind == Kind::Name {
            for_each_word(text, &mut |w| {
                speller.misspelt(base(w), &mut |word| {
                    names.insert(word.to_lowercase());
                })
            });
        }
    });

    let mut reported_names: HashSet<String, Fast> = HashSet::default();
    // a set: a field with many unknown words must not take quadratic time
    let mut in_field: HashSet<&str, Fast> = HashSet::default();
    visit_fields(adv, &mut |kind, text, pointer| {
        in_field.clear();
        for_each_word(text, &mut |w| {
            speller.misspelt(base(w), &mut |word| {
                let report = match kind {
                    Kind::Name => reported_names.insert(word.to_lowercase()),
                    Kind::Prose => !in_field.contains(word) && !names.contains(&word.to_lowercase()),
                };
                if report {
                    in_field.insert(word);
                    out.push(Finding::new(
                        META.id,
                        pointer(),
                        format!("`{word}` is not in the `{}` dictionary", dict.name),
                    ));
                }
            });
        });
    });
}

/// An English word without a final `'s` (possessive or contraction), when something is left.
fn strip_s(word: &str) -> &str {
    let stem = word
        .strip_suffix("'s")
        .or_else(|| word.strip_suffix("’s"))
        .unwrap_or(word);
    if stem.chars().count() >= 2 {
        stem
    } else {
        word
    }
}

/// A dictionary with a memo of the words of one document.
struct Speller<'a> {
    dict: &'static Dict,
    memo: HashMap<&'a str, bool, Fast>,
}

impl<'a> Speller<'a> {
    fn new(dict: &'static Dict) -> Self {
        Speller {
            dict,
            memo: HashMap::default(),
        }
    }

    fn is_correct(&mut self, word: &'a str) -> bool {
        let dict = &self.dict.dict;
        *self.memo.entry(word).or_insert_with(|| dict.check(word))
    }

    /// Calls `f` with the misspelt words of a token of [`for_each_word`]: the token itself, or for a
    /// hyphenated token that the dictionary does not know as a whole, its misspelt parts.
    fn misspelt(&mut self, token: &'a str, f: &mut impl FnMut(&'a str)) {
        if self.is_correct(token) {
            return;
        }
        if !token.contains('-') {
            f(token);
            return;
        }
        for part in token.split('-') {
            if is_checked_word(part) && !self.is_correct(part) {
                f(part);
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Tokenizing

/// Longest token treated as a word (longer ones are data: keys, encodings, hashes).
const MAX_WORD_CHARS: usize = 64;

/// Calls `f` with every word of `text` that is checked: see the rule's documentation for what is
/// skipped. A word may contain hyphens (`zero-day`); each part passes [`is_checked_word`] or is
/// a part that is skipped (`HTTP-based`).
fn for_each_word<'t>(text: &'t str, f: &mut impl FnMut(&'t str)) {
    let bytes = text.as_bytes();
    let (mut start, mut i) = (0, 0);
    // the text's backtick runs, found once (rescanning the rest of the text for each unmatched run
    // would take quadratic time)
    let mut runs: Option<BacktickRuns> = None;
    while i < bytes.len() {
        let skip_to = match bytes[i] {
            b'`' => {
                let run = bytes[i..].iter().take_while(|&&b| b == b'`').count();
                let runs = runs.get_or_insert_with(|| backtick_runs(bytes));
                match code_span_end(runs, i + run, run) {
                    Some(end) => Some(end),
                    None => {
                        i += run;
                        continue;
                    }
                }
            }
            b'<' => html_tag_end(bytes, i),
            _ => None,
        };
        match skip_to {
            Some(end) => {
                plain_words(&text[start..i], f);
                start = end;
                i = end;
            }
            None => i += 1,
        }
    }
    plain_words(&text[start..], f);
}

/// The start of every run of backticks in a text, by the length of the run.
type BacktickRuns = HashMap<usize, Vec<usize>>;

fn backtick_runs(bytes: &[u8]) -> BacktickRuns {
    let mut runs = BacktickRuns::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'`' {
            let len = bytes[i..].iter().take_while(|&&b| b == b'`').count();
            runs.entry(len).or_default().push(i);
            i += len;
        } else {
            i += 1;
        }
    }
    runs
}

/// The end of a Markdown code span (or fenced block) opened by `run` backticks before `from`: the
/// end of the first run of exactly `run` backticks at or after `from`.
fn code_span_end(runs: &BacktickRuns, from: usize, run: usize) -> Option<usize> {
    let starts = runs.get(&run)?;
    let next = starts.partition_point(|&s| s < from);
    starts.get(next).map(|&at| at + run)
}

/// The end of an HTML tag (`<br>`, `</a>`, `<a href="…">`, `<!-- -->`) starting at `at`.
fn html_tag_end(bytes: &[u8], at: usize) -> Option<usize> {
    let next = *bytes.get(at + 1)?;
    if !(next.is_ascii_alphabetic() || next == b'/' || next == b'!') {
        return None;
    }
    let rest = &bytes[at + 1..bytes.len().min(at + 1 + 1000)];
    let end = rest.iter().position(|&b| b == b'>' || b == b'<')?;
    (rest[end] == b'>').then_some(at + 1 + end + 1)
}

/// Characters that separate words besides white space.
fn is_separator(c: char) -> bool {
    matches!(
        c,
        '(' | ')'
            | '['
            | ']'
            | '{'
            | '}'
            | '<'
            | '>'
            | '"'
            | '“'
            | '”'
            | '„'
            | '«'
            | '»'
            | ','
            | ';'
            | '!'
            | '?'
            | '|'
            | '–'
            | '—'
            | '…'
    )
}

/// Characters trimmed from both ends of a token.
fn is_trimmed(c: char) -> bool {
    matches!(c, '.' | ':' | '\'' | '’' | '‘' | '*' | '`')
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

/// Words of text outside code spans and tags.
fn plain_words<'t>(text: &'t str, f: &mut impl FnMut(&'t str)) {
    for chunk in text.split(char::is_whitespace) {
        // URLs and e-mail addresses (also inside Markdown links and angle brackets), and code:
        // `sk->sk_lock`, `std::io`, `sizeof(tmp)`.
        if chunk.is_empty() || is_not_prose(chunk) {
            continue;
        }
        for piece in chunk.split(is_separator) {
            token(piece, f);
        }
    }
}

/// Whether a chunk is a URL or e-mail address (`://`, `@`) or code (`->`, `=>`, `::`, or a `(` after a
/// letter, digit or `_`: a function call or macro such as `free(p)`, `issue(s)`). One pass over the
/// bytes (all the marks are ASCII): five substring searches per chunk were a fifth of a `full` run on
/// prose-heavy advisories.
fn is_not_prose(chunk: &str) -> bool {
    let b = chunk.as_bytes();
    b.iter().enumerate().any(|(i, &c)| {
        let next = b.get(i + 1).copied();
        match c {
            b'@' => true,
            b':' => next == Some(b':') || (next == Some(b'/') && b.get(i + 2) == Some(&b'/')),
            b'-' | b'=' => next == Some(b'>'),
            c => next == Some(b'(') && (c.is_ascii_alphanumeric() || c == b'_'),
        }
    })
}

/// One token between separators: skipped when it is not a word, else split at a slash.
fn token<'t>(piece: &'t str, f: &mut impl FnMut(&'t str)) {
    let t = piece.trim_matches(is_trimmed).trim_end_matches('-');
    if t.is_empty()
        || t.starts_with('-')
        || t.starts_with('/')
        || t.ends_with('/')
        || t.starts_with("www.")
        || t.chars().count() > MAX_WORD_CHARS
        || t.chars()
            .any(|c| !(c.is_alphabetic() || c == '-' || c == '/' || is_apostrophe(c)))
    {
        return;
    }
    // `Windows/Linux`, `TCP/IP` are words; `usr/lib/x` is a path, `net/http` a Go package.
    if t.contains('/') && (t.matches('/').count() > 1 || !t.chars().any(char::is_uppercase)) {
        return;
    }
    for word in t.split('/') {
        let word = word.trim_matches(is_apostrophe);
        if word.split('-').all(is_word_part) && word.split('-').any(is_checked_word) {
            f(word);
        }
    }
}

/// Whether a part of a hyphenated token can be part of a word: letters with inner apostrophes.
fn is_word_part(part: &str) -> bool {
    !part.is_empty() && !part.starts_with(is_apostrophe) && !part.ends_with(is_apostrophe)
}

/// Whether a word is checked: at least two letters, not an all-caps acronym of up to 6 letters, and
/// no upper-case letter after the first unless all are upper case (`OpenSSL`, `iOS`, `CVEs`).
fn is_checked_word(word: &str) -> bool {
    let mut chars = word.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    let (mut len, mut lower, mut upper_inside) = (1, first.is_lowercase(), false);
    let mut upper = first.is_uppercase();
    for c in chars {
        len += 1;
        lower |= c.is_lowercase();
        if c.is_uppercase() {
            upper = true;
            upper_inside = true;
        }
    }
    // single letters, and bytes of hex dumps (`ff`, `bb`)
    if len < 2 || (len == 2 && word.bytes().all(|b| b.is_ascii_hexdigit())) {
        return false;
    }
    if upper && !lower {
        return len > 6;
    }
    !(lower && upper_inside)
}

// ---------------------------------------------------------------------------------------------
// Dictionaries

/// A loaded dictionary and the name findings give it.
struct Dict {
    /// `en_US`, `de_DE`, … (the file name without extension).
    name: String,
    dict: Dictionary,
    /// English: a possessive or contraction `'s` is checked without it (`Beckhoff's`).
    english: bool,
}

// Dictionaries are shared by the rayon threads without a lock.
const _: fn() = || {
    fn shared<T: Send + Sync>() {}
    shared::<Dict>();
};

const EN_US_AFF: &str = include_str!("../../../data/hunspell/en_US.aff");
const EN_US_DIC: &str = include_str!("../../../data/hunspell/en_US.dic");

/// Security and software terms that SCOWL's `en_US` lacks, as `.dic` lines with its affix flags
/// (`S` plural, `D` past, `G` gerund, `M` possessive).
const EN_SECURITY_TERMS: &[&str] = &[
    "allowlist/SMDG",
    "async",
    "backend/SM",
    "bitwise",
    "blocklist/SMDG",
    "bootloader/SM",
    "changelog/SM",
    "ciphertext/SM",
    "cleartext/M",
    "clickjacking/M",
    "codebase/SM",
    "config/SM",
    "configurator/SM",
    "crypto",
    "cyber",
    "cyberattack/SM",
    "cybersecurity/M",
    "denylist/SMDG",
    "dereference/DSG",
    "deserialization/M",
    "deserialize/DSG",
    "dialog/SM",
    "ethernet/M",
    "executable/SM",
    "exfiltrate/DSG",
    "exfiltration/M",
    "exploitability/M",
    "filesystem/SM",
    "frontend/SM",
    "fuzzer/SM",
    "hardcode/DSG",
    "hostname/SM",
    "hotfix/MS",
    "html",
    "http",
    "https",
    "javascript",
    "json",
    "keylogger/SM",
    "keystore/SM",
    "lifecycle/SM",
    "localhost",
    "loopback/M",
    "metacharacter/SM",
    "microservice/SM",
    "middleware/M",
    "misconfiguration/SM",
    "misconfigure/DSG",
    "mitigation/S",
    "multipathing",
    "mutex/MS",
    "namespace/SM",
    "nonprintable",
    "overread/S",
    "oversized",
    "passwordless",
    "patchset/SM",
    "plaintext/M",
    "pre",
    "preconfigure/DSG",
    "preemptible",
    "prepend/DSG",
    "proxy/DG",
    "recurse/DSG",
    "reenable/DSG",
    "remediation/S",
    "routable",
    "runtime/S",
    "sandbox/DG",
    "sanitization/M",
    "schema/S",
    "sql",
    "ssl",
    "subnet/SM",
    "submodule/SM",
    "symlink/SMDG",
    "syscall/SM",
    "timestamp/SMDG",
    "tls",
    "toolchain/SM",
    "truststore/SM",
    "unencrypted",
    "unsanitized",
    "untrusted",
    "unvalidated",
    "uri/S",
    "url/S",
    "userspace",
    "validator/SM",
    "webserver/SM",
    "websocket/SM",
    "Wi-Fi/M",
    "wifi",
    "xml",
    "yaml",
    "zeroize/DSG",
];

/// The built-in `en_US`, parsed on first use.
static EN_US: LazyLock<Dict> = LazyLock::new(|| {
    let mut dict = Dictionary::new(EN_US_AFF, EN_US_DIC).expect("the built-in en_US dictionary parses");
    for line in EN_SECURITY_TERMS {
        dict.add(line).expect("the security terms use en_US flags");
    }
    Dict {
        name: "en_US".to_owned(),
        dict,
        english: true,
    }
});

/// Why no dictionary can be used.
#[derive(Debug, Clone, PartialEq)]
enum Problem {
    /// None is installed for the language.
    Missing,
    /// One was found but cannot be read: the reason.
    Unreadable(String),
}

impl Problem {
    fn finding(&self, lang: &str) -> Finding {
        let install = format!(
            "install a hunspell dictionary for `{lang}` (on Debian and Ubuntu: `apt-cache search hunspell-{}`) \
             or put its `.aff` and `.dic` files in a folder listed in `DICPATH`",
            primary_language(lang).unwrap_or_else(|| lang.to_ascii_lowercase())
        );
        match self {
            Problem::Missing => Finding::new(
                META.id,
                "/document/lang",
                format!("no spell-check dictionary was found for `{lang}`, so the text was not checked"),
            )
            .help(install),
            Problem::Unreadable(reason) => Finding::new(
                META.id,
                "/document/lang",
                format!("the spell-check dictionary for `{lang}` cannot be used: {reason}"),
            )
            .help(install),
        }
    }
}

/// The dictionary for a language tag: the built-in `en_US`, or a system dictionary loaded once per
/// process.
fn dictionary_for(lang: &str) -> Result<&'static Dict, Problem> {
    let tag = Tag::parse(lang).ok_or(Problem::Missing)?;
    if tag.is_en_us() {
        return Ok(&EN_US);
    }
    match resolve(&tag, &system_dictionaries().names) {
        Choice::Builtin => Ok(&EN_US),
        Choice::None => Err(Problem::Missing),
        Choice::System(name) => load_cached(&name),
    }
}

/// A language tag reduced to what dictionary file names use.
#[derive(Debug, Clone, PartialEq)]
struct Tag {
    /// Primary language, lower case (`de`).
    language: String,
    /// Region, upper case (`DE`), when given as two letters.
    region: Option<String>,
}

impl Tag {
    fn parse(tag: &str) -> Option<Tag> {
        let mut subtags = tag.split(['-', '_']);
        let language = subtags.next()?;
        if !(2..=3).contains(&language.len()) || !language.bytes().all(|b| b.is_ascii_alphabetic()) {
            return None;
        }
        let region = subtags
            .take_while(|s| s.len() > 1)
            .find(|s| s.len() == 2 && s.bytes().all(|b| b.is_ascii_alphabetic()))
            .map(str::to_ascii_uppercase);
        Some(Tag {
            language: language.to_ascii_lowercase(),
            region,
        })
    }

    fn is_en_us(&self) -> bool {
        self.language == "en" && matches!(self.region.as_deref(), None | Some("US"))
    }
}

fn primary_language(lang: &str) -> Option<String> {
    Tag::parse(lang).map(|t| t.language)
}

/// Which dictionary a tag uses.
#[derive(Debug, Clone, PartialEq)]
enum Choice {
    /// The built-in `en_US`.
    Builtin,
    /// A system dictionary, by name.
    System(String),
    /// None.
    None,
}

/// Picks the dictionary for `tag` among the names of the installed ones: `ll_RR`, `ll`, then for
/// English the built-in `en_US`, else `ll_LL`, else the first `ll_*`.
fn resolve(tag: &Tag, installed: &[String]) -> Choice {
    let has = |name: &str| installed.iter().any(|n| n == name);
    let lang = &tag.language;
    if let Some(region) = &tag.region {
        let name = format!("{lang}_{region}");
        if has(&name) {
            return Choice::System(name);
        }
    }
    if has(lang) {
        return Choice::System(lang.clone());
    }
    if lang == "en" {
        return Choice::Builtin;
    }
    let name = format!("{lang}_{}", lang.to_ascii_uppercase());
    if has(&name) {
        return Choice::System(name);
    }
    let prefix = format!("{lang}_");
    installed
        .iter()
        .filter(|n| n.starts_with(&prefix))
        .min()
        .map_or(Choice::None, |n| Choice::System(n.clone()))
}

/// The hunspell dictionaries installed on the system.
struct Installed {
    /// Names (`de_DE`), sorted.
    names: Vec<String>,
    /// Name → `.aff` and `.dic` paths with symbolic links resolved (the first folder that has the
    /// name wins).
    paths: HashMap<String, (PathBuf, PathBuf)>,
}

/// The folders searched for dictionaries, in order.
fn search_folders() -> Vec<PathBuf> {
    let mut dirs: Vec<PathBuf> = std::env::var_os("DICPATH")
        .map(|p| {
            std::env::split_paths(&p)
                .filter(|d| !d.as_os_str().is_empty())
                .collect()
        })
        .unwrap_or_default();
    for d in [
        "/usr/share/hunspell",
        "/usr/share/myspell",
        "/usr/share/myspell/dicts",
        "/usr/local/share/hunspell",
        "/usr/local/share/myspell",
        "/Library/Spelling",
    ] {
        dirs.push(PathBuf::from(d));
    }
    dirs
}

fn system_dictionaries() -> &'static Installed {
    static INSTALLED: LazyLock<Installed> = LazyLock::new(|| {
        let mut paths = HashMap::new();
        for dir in search_folders() {
            let Ok(entries) = std::fs::read_dir(&dir) else {
                continue;
            };
            let mut affs: Vec<PathBuf> = entries
                .flatten()
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|e| e == "aff") && p.with_extension("dic").is_file())
                .collect();
            affs.sort();
            for aff in affs {
                if let Some(name) = aff.file_stem().and_then(|s| s.to_str()) {
                    let real = |p: PathBuf| std::fs::canonicalize(&p).unwrap_or(p);
                    paths
                        .entry(name.to_owned())
                        .or_insert_with(|| (real(aff.clone()), real(aff.with_extension("dic"))));
                }
            }
        }
        let mut names: Vec<String> = paths.keys().cloned().collect();
        names.sort();
        Installed { names, paths }
    });
    &INSTALLED
}

/// Loads a system dictionary once per process (once per file: `fr_FR` and `fr_CA` are often links
/// to `fr`); the threads that need it meanwhile wait for it. The lock is taken once per document.
fn load_cached(name: &str) -> Result<&'static Dict, Problem> {
    type Cell = OnceLock<Result<&'static Dict, Problem>>;
    static LOADED: LazyLock<Mutex<HashMap<PathBuf, &'static Cell>>> = LazyLock::new(Default::default);
    let (aff, dic) = system_dictionaries().paths.get(name).ok_or(Problem::Missing)?;
    let cell: &'static Cell = {
        let mut map = LOADED.lock().unwrap_or_else(|e| e.into_inner());
        map.entry(aff.clone())
            .or_insert_with(|| Box::leak(Box::default()))
    };
    cell.get_or_init(|| {
        let name = aff.file_stem().and_then(|s| s.to_str()).unwrap_or(name);
        // Leaked on purpose: a process loads a handful of dictionaries and keeps them to its end.
        load(name, aff, dic)
            .map(|d| &*Box::leak(Box::new(d)))
            .map_err(Problem::Unreadable)
    })
    .clone()
}

/// Reads a dictionary pair `<name>.aff` / `<name>.dic`.
fn load(name: &str, aff: &Path, dic: &Path) -> Result<Dict, String> {
    let read = |p: &Path| std::fs::read(p).map_err(|e| format!("cannot read `{}`: {e}", p.display()));
    let (aff_bytes, dic_bytes) = (read(aff)?, read(dic)?);
    let encoding = encoding_of(&aff_bytes);
    let decode = |bytes: &[u8], p: &Path| {
        decode(bytes, &encoding).ok_or_else(|| {
            format!(
                "`{}` uses the encoding `{encoding}`, which csaflint cannot read (UTF-8, ISO8859-1 and ISO8859-15 only)",
                p.display()
            )
        })
    };
    let (aff_text, dic_text) = (decode(&aff_bytes, aff)?, decode(&dic_bytes, dic)?);
    let dict = Dictionary::new(&aff_text, &dic_text)
        .map_err(|e| format!("cannot parse `{}`: {e}", aff.display()))?;
    Ok(Dict {
        name: name.to_owned(),
        dict,
        english: name == "en" || name.starts_with("en_"),
    })
}

/// The `SET` of an `.aff` file (hunspell's default is ISO8859-1).
fn encoding_of(aff: &[u8]) -> String {
    aff.split(|&b| b == b'\n')
        .map(|l| l.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(l))
        .find_map(|l| {
            l.strip_prefix(b"SET")
                .filter(|r| r.first().is_some_and(u8::is_ascii_whitespace))
        })
        .map(|r| String::from_utf8_lossy(r).trim().to_owned())
        .unwrap_or_else(|| "ISO8859-1".to_owned())
}

/// Decodes dictionary bytes; `None` for an encoding we cannot read.
fn decode(bytes: &[u8], encoding: &str) -> Option<String> {
    let norm: String = encoding
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_uppercase())
        .collect();
    match norm.as_str() {
        "UTF8" => {
            let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
            Some(String::from_utf8_lossy(bytes).into_owned())
        }
        "ISO88591" | "LATIN1" => Some(bytes.iter().map(|&b| char::from(b)).collect()),
        "ISO885915" | "LATIN9" => Some(
            bytes
                .iter()
                .map(|&b| match b {
                    0xA4 => '€',
                    0xA6 => 'Š',
                    0xA8 => 'š',
                    0xB4 => 'Ž',
                    0xB8 => 'ž',
                    0xBC => 'Œ',
                    0xBD => 'œ',
                    0xBE => 'Ÿ',
                    _ => char::from(b),
                })
                .collect(),
        ),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`is_not_prose`] says what the five substring searches and the call test it replaced said.
    #[test]
    fn not_prose_is_the_substring_searches() {
        fn reference(chunk: &str) -> bool {
            chunk.contains("://")
                || chunk.contains('@')
                || chunk.contains("->")
                || chunk.contains("=>")
                || chunk.contains("::")
                || chunk
                    .as_bytes()
                    .windows(2)
                    .any(|w| w[1] == b'(' && (w[0].is_ascii_alphanumeric() || w[0] == b'_'))
        }
        let pieces = [
            "", "a", ":", "/", "//", "-", ">", "=", "@", "(", "_", "é", "x", "9", ".", "’", " ", "::",
        ];
        let mut rng = crate::testing::Rng(11);
        let mut checked = 0;
        for _ in 0..100_000 {
            let chunk: String = (0..rng.below(7)).map(|_| *rng.pick(&pieces)).collect();
            assert_eq!(is_not_prose(&chunk), reference(&chunk), "{chunk:?}");
            checked += usize::from(reference(&chunk));
        }
        assert!(checked > 10_000, "{checked}");
        for chunk in [
            "https://x",
            "a@b",
            "sk->sk",
            "a=>b",
            "std::io",
            "free(p)",
            "(p)",
            "plain",
            "a:/b",
        ] {
            assert_eq!(is_not_prose(chunk), reference(chunk), "{chunk}");
        }
    }

    fn words(text: &str) -> Vec<&str> {
        let mut v = Vec::new();
        for_each_word(text, &mut |w| v.push(w));
        v
    }

    fn misspelt(text: &str) -> Vec<&str> {
        let mut speller = Speller::new(&EN_US);
        let mut v = Vec::new();
        for_each_word(text, &mut |w| speller.misspelt(w, &mut |m| v.push(m)));
        v
    }

    #[test]
    fn words_are_split_at_spaces_and_punctuation() {
        assert_eq!(
            words("Security researchers (found) \"multiple\" vulnerabilities, in: XYZ."),
            [
                "Security",
                "researchers",
                "found",
                "multiple",
                "vulnerabilities",
                "in"
            ]
        );
        assert_eq!(
            words("**Note:** the vendor's fix; users’ data!"),
            ["Note", "the", "vendor's", "fix", "users", "data"]
        );
        assert_eq!(
            words("Windows/Linux read-only zero-day — done…"),
            ["Windows", "Linux", "read-only", "zero-day", "done"]
        );
    }

    #[test]
    fn tokens_that_are_not_words_are_skipped() {
        for text in [
            "CVE-2021-44228",
            "CSAFPID-9080700",
            "1.2.3",
            "v2",
            "x86_64",
            "Vu1nerability",
            "https://example.com/a",
            "<https://example.com/a>",
            "[text](https://example.com/recieve)",
            "www.example.com",
            "security@example.com",
            "mailto:psirt@example.com",
            "example.com",
            "e.g. i.e.",
            "/etc/passwd",
            "usr/lib/foo",
            "net/http crypto/tls and/or",
            r"C:\Windows\System32",
            "--enable-feature",
            "AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
            "d41d8cd98f00b204e9800998ecf8427e",
            "$HOME %APPDATA% a=b a+b",
            "sizeof(tmp) sk->sk_lock std::io x=>y",
            "`recieve` ``code ` span`` ```fenced\nblock```",
            "<br/> <a href=\"https://example.com\"> </a> <!-- x -->",
            "XSS CSRF RCE TLS",
            "OpenSSL iOS CVEs PowerShell",
            "a I x",
            "e8 bb 2a ff fc",
        ] {
            assert_eq!(words(text), Vec::<&str>::new(), "{text}");
        }
        // an unclosed backtick is punctuation
        assert_eq!(words("`word"), ["word"]);
        // a `<` that does not open a tag
        assert_eq!(words("versions < recieve"), ["versions", "recieve"]);
        // long all-caps words are checked (the dictionary accepts upper-case forms)
        assert_eq!(words("IMPORTANT"), ["IMPORTANT"]);
    }

    #[test]
    fn the_dictionary_decides() {
        assert_eq!(misspelt("recieve"), ["recieve"]);
        assert!(misspelt("receive Receive RECEIVE don't vendor's users' Linux").is_empty());
        assert_eq!(misspelt("linux"), ["linux"]);
        assert_eq!(
            misspelt("Secruity researchers found multiple vulnerabilities in XYZ."),
            ["Secruity"]
        );
        // hyphenated: whole word or each part
        assert!(misspelt("read-only denial-of-service HTTP-based OpenSSL-based").is_empty());
        assert_eq!(misspelt("well-recieved"), ["recieved"]);
        assert!(misspelt("CVE-2021-44228 https://example.com/a 1.2.3 OpenSSL").is_empty());
        // security terms SCOWL lacks
        assert!(
            misspelt("Cybersecurity: untrusted deserialization, hardcoded filesystems, Wi-Fi").is_empty()
        );
    }

    #[test]
    fn names_are_reported_once_where_they_are_defined() {
        let doc = serde_json::json!({
            "document": {
                "lang": "en",
                "title": "Zorblex Server: recieve and recieve",
                "publisher": {"name": "Zorblex Inc."},
                "notes": [{"text": "ZORBLEX fixed a bug. Zorblex's recieve"}],
            },
            "product_tree": {"full_product_names": [
                {"name": "Zorblex Server 1.0"}, {"name": "Zorblex Server 2.0"}
            ]},
            "vulnerabilities": [{"title": "Overflow in the Zorblex parser"}]
        });
        let adv = crate::parse::csaf::to_model(&doc, crate::model::Version::Csaf20);
        let mut out = Vec::new();
        spell_check(&adv, &EN_US, &mut out);
        let got: Vec<(&str, &str)> = out
            .iter()
            .map(|f| (f.pointer.as_str(), f.message.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                (
                    "/document/notes/0/text",
                    "`recieve` is not in the `en_US` dictionary"
                ),
                (
                    "/document/publisher/name",
                    "`Zorblex` is not in the `en_US` dictionary"
                ),
                ("/document/title", "`recieve` is not in the `en_US` dictionary"),
            ]
        );
    }

    #[test]
    fn language_tags_pick_a_dictionary() {
        let installed: Vec<String> = ["de_AT", "de_DE", "en_GB", "fr", "pt_BR", "pt_PT"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let pick = |lang: &str| resolve(&Tag::parse(lang).unwrap(), &installed);
        let sys = |n: &str| Choice::System(n.to_owned());
        assert_eq!(pick("de-DE"), sys("de_DE"));
        assert_eq!(pick("de-AT"), sys("de_AT"));
        assert_eq!(pick("de"), sys("de_DE"));
        assert_eq!(pick("de-CH"), sys("de_DE"));
        assert_eq!(pick("DE_at"), sys("de_AT"));
        assert_eq!(pick("fr-CA"), sys("fr"));
        assert_eq!(pick("pt"), sys("pt_PT"));
        assert_eq!(pick("pt-Latn-BR-x-private"), sys("pt_BR"));
        assert_eq!(pick("en-GB"), sys("en_GB"));
        assert_eq!(pick("en-AU"), Choice::Builtin);
        assert_eq!(pick("ja"), Choice::None);
        assert!(Tag::parse("en").unwrap().is_en_us());
        assert!(Tag::parse("en-US").unwrap().is_en_us());
        assert!(!Tag::parse("en-GB").unwrap().is_en_us());
        assert_eq!(Tag::parse("x-klingon"), None);
        assert_eq!(Tag::parse("i-klingon"), None);
    }

    #[test]
    fn english_needs_no_system_dictionary() {
        assert_eq!(dictionary_for("en").unwrap().name, "en_US");
        assert_eq!(dictionary_for("en-US").unwrap().name, "en_US");
        assert!(matches!(dictionary_for("x-private"), Err(Problem::Missing)));
    }

    #[test]
    fn dictionaries_in_latin_1_are_read() {
        let dir = tempfile::tempdir().unwrap();
        let aff = dir.path().join("xx_XX.aff");
        let dic = dir.path().join("xx_XX.dic");
        std::fs::write(&aff, b"SET ISO8859-1\nSFX S Y 1\nSFX S 0 s .\n").unwrap();
        std::fs::write(&dic, b"2\nStra\xdfe/S\ncaf\xe9\n").unwrap();
        let dict = load("xx_XX", &aff, &dic).unwrap();
        assert!(dict.dict.check("Straße") && dict.dict.check("Straßes") && dict.dict.check("café"));
        assert!(!dict.dict.check("Strasse"));

        std::fs::write(&aff, b"SET KOI8-R\n").unwrap();
        assert!(load("xx_XX", &aff, &dic).err().unwrap().contains("`KOI8-R`"));
        assert_eq!(encoding_of(b"# c\nSET  UTF-8 \r\nTRY a"), "UTF-8");
        assert_eq!(encoding_of(b"TRY a"), "ISO8859-1");
    }
}
