use crate::diag::Finding;
use crate::model::{Acknowledgment, Advisory, Note, Reference};
use crate::rules::Context;

declare_rule! {
    /// ## What it checks
    /// The prose of an English document (`/document/lang` is `en` or `en-*`) has none of the
    /// grammar mistakes below. The fields are those CSAF 2.1 lists for this test: the document
    /// title, acknowledgment and reference summaries, aggregate severity and distribution text,
    /// notes (title, text, audience), the publisher's issuing authority, revision history
    /// summaries, product group summaries, and per vulnerability its title, acknowledgment,
    /// involvement and reference summaries, notes, remediation details, entitlements and restart
    /// details, and threat details. Unlike 6.3.8, names (publisher, products, branches,
    /// acknowledged names and organizations, aliases) are not checked: they are not sentences.
    ///
    /// csaflint has no general grammar checker: it checks a few mistakes that can be told from the
    /// words alone, chosen so that they report nothing on real advisories except real mistakes
    /// (on 541 English advisories of 11 publishers: 21 findings, all of them real mistakes). A word is a run of letters (with inner hyphens and apostrophes) between white
    /// space, after opening (`(`, `[`, quotes, `*`, `_`) and closing punctuation (`.`, `,`, `;`,
    /// `:`, `!`, `?`, `)`, `]`, quotes, `*`, `_`) is taken off. Markdown code spans and fenced
    /// blocks, and HTML tags, are not text: they separate the words around them, as does any token
    /// with a digit or another symbol (`1.2`, `CVE-2021-44228`, `x86_64`, URLs).
    ///
    /// 1. **Repeated word**: one of the words in which doubling is always a mistake (articles,
    ///    prepositions, conjunctions, auxiliary and modal verbs, pronouns and determiners: `the the`,
    ///    `in in`, `to to`, `can can`, …) twice in a row, in any capitalisation, with only spaces
    ///    between and no punctuation. `that that` and `had had`, which can be right, are not
    ///    reported.
    /// 2. **`a` or `an`**: `a` before a word that starts with a vowel sound, or `an` before one that
    ///    starts with a consonant sound (`a update`, `an buffer`). The article is `a`/`an`, or
    ///    `A`/`An` at the start of the text or after `.`, `!` or `?`; the next word follows after
    ///    spaces only, is lower case or capitalised (acronyms and words such as `iOS` are not
    ///    judged), has at least two letters, and its first part (before a hyphen) decides:
    ///    - a vowel sound: a word starting with `a`, `e`, `i`, `o` (but not `one`, `once`,
    ///      `oneself`, `eu…`, `ewe`: `a one-time`, `a European`), with `un` (but not `uni…` words
    ///      such as `unique`, `unit`, `union`, `universal`, `unified`, `unix`, `unicode`, nor
    ///      `unanimous`, `unary`: `an unauthenticated`, `an uninitialized`), `up`, `ult`, `umb`,
    ///      `ugl`, or with a silent `h` (`hour`, `honest`, `honor`, `honour`, `heir`);
    ///    - a consonant sound: a word starting with a consonant letter other than `h`, `x` and
    ///      `y`, whose leading consonants form an English onset (`b`, `st`, `str`, `ch`, `ph`, …;
    ///      so lower-case acronyms such as `sql`, `rpm`, `ssh`, `nfs` and `nginx` are not judged),
    ///      an `h` word with an English onset other than those above and `herb`, `histor…`,
    ///      `hotel`, `hypo…`, `hyster…`, `heroic` (usage varies: `an historic`), or a `u` word
    ///      read `yoo` (`unique`, `unit`, `use`, `user`, `usual`, `utility`, `url`, …);
    ///    - other words are not judged. `a` before a word that cannot follow an article (`and`,
    ///      `or`, `is`, `in`, `of`, `if`, …) is a label or a variable (`option a or b`, `if a is
    ///      empty`), not an article, and is not judged.
    /// 3. **Lower-case sentence start**: a word ending with a full stop, followed after white
    ///    space by one of 74 common sentence openers in lower case (`the`, `this`, `it`,
    ///    `however`, `please`, …, never a name). The word before the stop has at least two letters
    ///    and is not an abbreviation (`etc.`, `vs.`, `approx.`, `incl.`, `Inc.`, `no.`, …;
    ///    `e.g.` and `i.e.` are not words).
    /// 4. **Modal verb before a past form**: `can`, `could`, `may`, `might`, `must`, `shall`,
    ///    `should`, `will`, `would` or `cannot` followed after spaces by a lower-case word of at
    ///    least four letters ending in `ed` that is not a base form (`need`, `feed`, `proceed`,
    ///    `exceed`, `embed`, …): `must followed` (`must be followed`), `can exploited`.
    ///
    /// Each mistake is reported at its field, once per occurrence. Other languages have no
    /// grammar rules in csaflint: for them the test reports that once, at `/document/lang`, as
    /// CSAF requires ("It SHALL fail if the given language is not supported."). Without
    /// `/document/lang` the test is skipped.
    ///
    /// ## Why
    /// Grammar mistakes make an advisory harder to read and look careless. The test is
    /// informative: a finding is to be read, and fixed or dismissed, by a person.
    ///
    /// ## Invalid
    /// ```json
    /// "lang": "en",
    /// "notes": [{"category": "summary", "text": "The security hardening guide must followed to ensure secure operations of the products."}]
    /// ```
    /// `must followed` lacks `be`.
    ///
    /// ## Valid
    /// ```json
    /// "lang": "en",
    /// "notes": [{"category": "summary", "text": "The security hardening guide must be followed to ensure secure operations of the products."}]
    /// ```
    GrammarCheck, id = "6.3.16", name = "grammar-check", group = Informative,
    summary = "a text field has a grammar mistake",
    since = "2.1",
}

// Why not a grammar-checker crate: `harper-core` (offline, Apache-2.0) was tried on the corpus of
// real advisories. It would add about 200 crates and 18 MB to a release build, takes ~35 ms per
// document even with only two of its lints enabled (csaflint validates a document in well under
// 1 ms), and its full set reports thousands of style and formatting findings (capitalisation,
// spaces, dashes, sentence length) on that corpus. The rules below are the mistakes that can be
// told from the words alone with no false positives there.

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    let Some(lang) = cx.advisory.document.lang.as_deref().map(str::trim) else {
        return;
    };
    if lang.is_empty() {
        return;
    }
    if !is_english(lang) {
        out.push(
            Finding::new(
                META.id,
                "/document/lang",
                format!("csaflint has no grammar rules for `{lang}`, so the text was not checked"),
            )
            .help("grammar rules exist for English (`en`, `en-*`) only"),
        );
        return;
    }
    grammar_check(cx.advisory, out);
}

/// `en`, `en-US`, `EN_gb`, …
fn is_english(lang: &str) -> bool {
    let primary = lang.split(['-', '_']).next().unwrap_or("");
    primary.eq_ignore_ascii_case("en")
}

/// Checks every field of 6.3.16 of `adv`.
fn grammar_check(adv: &Advisory, out: &mut Vec<Finding>) {
    visit_fields(adv, &mut |text, pointer| {
        for_each_mistake(text, &mut |m| {
            out.push(Finding::new(META.id, pointer(), m.message()).help(m.help()));
        });
    });
}

// ---------------------------------------------------------------------------------------------
// The fields

/// Receives a field: its text and its JSON pointer (built only when needed).
type FieldVisitor<'f> = dyn FnMut(&str, &dyn Fn() -> String) + 'f;

/// Visits a field whose value is an `Option<String>`.
macro_rules! field {
    ($f:expr, $value:expr, $($pointer:tt)+) => {
        if let Some(v) = $value.as_deref() {
            $f(v, &|| format!($($pointer)+));
        }
    };
}

/// Calls `f` for every text field of 6.3.16, in document order.
fn visit_fields(adv: &Advisory, f: &mut FieldVisitor<'_>) {
    let d = &adv.document;
    acknowledgments(&d.acknowledgments, &|| "/document".to_owned(), f);
    if let Some(s) = &d.aggregate_severity {
        field!(f, s.text, "/document/aggregate_severity/text");
    }
    if let Some(dist) = &d.distribution {
        field!(f, dist.text, "/document/distribution/text");
    }
    notes(&d.notes, &|| "/document".to_owned(), f);
    field!(
        f,
        d.publisher.issuing_authority,
        "/document/publisher/issuing_authority"
    );
    references(&d.references, &|| "/document".to_owned(), f);
    field!(f, d.title, "/document/title");
    for (i, r) in d.tracking.revision_history.iter().enumerate() {
        field!(f, r.summary, "/document/tracking/revision_history/{i}/summary");
    }
    if let Some(tree) = &adv.product_tree {
        for (i, g) in tree.product_groups.iter().enumerate() {
            field!(f, g.summary, "/product_tree/product_groups/{i}/summary");
        }
    }
    for (v, vuln) in adv.vulnerabilities.iter().enumerate() {
        let base = || format!("/vulnerabilities/{v}");
        acknowledgments(&vuln.acknowledgments, &base, f);
        for (i, inv) in vuln.involvements.iter().enumerate() {
            field!(f, inv.summary, "{}/involvements/{i}/summary", base());
        }
        notes(&vuln.notes, &base, f);
        references(&vuln.references, &base, f);
        for (i, r) in vuln.remediations.iter().enumerate() {
            field!(f, r.details, "{}/remediations/{i}/details", base());
            for (j, e) in r.entitlements.iter().enumerate() {
                f(e, &|| format!("{}/remediations/{i}/entitlements/{j}", base()));
            }
            field!(
                f,
                r.restart_details,
                "{}/remediations/{i}/restart_required/details",
                base()
            );
        }
        for (i, t) in vuln.threats.iter().enumerate() {
            field!(f, t.details, "{}/threats/{i}/details", base());
        }
        field!(f, vuln.title, "{}/title", base());
    }
}

fn acknowledgments(list: &[Acknowledgment], base: &dyn Fn() -> String, f: &mut FieldVisitor<'_>) {
    for (i, a) in list.iter().enumerate() {
        field!(f, a.summary, "{}/acknowledgments/{i}/summary", base());
    }
}

fn notes(list: &[Note], base: &dyn Fn() -> String, f: &mut FieldVisitor<'_>) {
    for (i, n) in list.iter().enumerate() {
        field!(f, n.audience, "{}/notes/{i}/audience", base());
        field!(f, n.text, "{}/notes/{i}/text", base());
        field!(f, n.title, "{}/notes/{i}/title", base());
    }
}

fn references(list: &[Reference], base: &dyn Fn() -> String, f: &mut FieldVisitor<'_>) {
    for (i, r) in list.iter().enumerate() {
        field!(f, r.summary, "{}/references/{i}/summary", base());
    }
}

// ---------------------------------------------------------------------------------------------
// Tokens

/// Stands for a code span, a fenced block or an HTML tag: a token that is not a word.
const MASK: char = '\u{FFFC}';

/// The text with Markdown code spans, fenced blocks and HTML tags replaced by [`MASK`].
fn mask(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let (mut start, mut i) = (0, 0);
    while i < bytes.len() {
        let end = match bytes[i] {
            b'`' => {
                let run = bytes[i..].iter().take_while(|&&b| b == b'`').count();
                match find_run(bytes, i + run, run) {
                    Some(end) => end,
                    None => {
                        i += run;
                        continue;
                    }
                }
            }
            b'<' => match html_tag_end(bytes, i) {
                Some(end) => end,
                None => {
                    i += 1;
                    continue;
                }
            },
            _ => {
                i += 1;
                continue;
            }
        };
        out.push_str(&text[start..i]);
        out.push(MASK);
        start = end;
        i = end;
    }
    out.push_str(&text[start..]);
    out
}

/// The end of the first run of exactly `run` backticks at or after `from`.
fn find_run(bytes: &[u8], mut from: usize, run: usize) -> Option<usize> {
    while from < bytes.len() {
        if bytes[from] == b'`' {
            let len = bytes[from..].iter().take_while(|&&b| b == b'`').count();
            if len == run {
                return Some(from + len);
            }
            from += len;
        } else {
            from += 1;
        }
    }
    None
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

/// What separates a token from the one before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Gap {
    /// Spaces or tabs only.
    Spaces,
    /// White space with a line break.
    Lines,
}

/// A run of text between white space, split into opening punctuation, core and closing
/// punctuation.
#[derive(Debug, Clone, Copy)]
struct Token<'t> {
    lead: &'t str,
    core: &'t str,
    trail: &'t str,
    gap: Gap,
}

impl<'t> Token<'t> {
    fn new(chunk: &'t str, gap: Gap) -> Self {
        let core_start = chunk
            .char_indices()
            .find(|&(_, c)| !is_opening(c))
            .map_or(chunk.len(), |(i, _)| i);
        let rest = &chunk[core_start..];
        let core_len = rest
            .char_indices()
            .rev()
            .find(|&(_, c)| !is_closing(c))
            .map_or(0, |(i, c)| i + c.len_utf8());
        Token {
            lead: &chunk[..core_start],
            core: &rest[..core_len],
            trail: &rest[core_len..],
            gap,
        }
    }

    /// The core, when it is a word: letters with inner hyphens and apostrophes.
    fn word(&self) -> Option<&'t str> {
        let w = self.core;
        let first = w.chars().next()?;
        let last = w.chars().next_back()?;
        let ok = first.is_alphabetic()
            && last.is_alphabetic()
            && w.chars()
                .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’'));
        ok.then_some(w)
    }

    /// A word without punctuation on either side.
    fn bare_word(&self) -> Option<&'t str> {
        if self.lead.is_empty() && self.trail.is_empty() {
            self.word()
        } else {
            None
        }
    }
}

fn is_opening(c: char) -> bool {
    matches!(c, '(' | '[' | '{' | '"' | '\'' | '“' | '‘' | '«' | '*' | '_')
}

fn is_closing(c: char) -> bool {
    matches!(
        c,
        ')' | ']' | '}' | '"' | '\'' | '”' | '’' | '»' | '*' | '_' | '.' | ',' | ';' | ':' | '!' | '?'
    )
}

/// The tokens of a (masked) text.
fn tokens(text: &str) -> Vec<Token<'_>> {
    let mut out = Vec::new();
    let mut gap = Gap::Lines;
    let mut start: Option<usize> = None;
    for (i, c) in text.char_indices() {
        if c.is_whitespace() {
            if let Some(s) = start.take() {
                out.push(Token::new(&text[s..i], gap));
                gap = Gap::Spaces;
            }
            if c == '\n' || c == '\r' {
                gap = Gap::Lines;
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
    if let Some(s) = start {
        out.push(Token::new(&text[s..], gap));
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Mistakes

/// A grammar mistake: what kind, and the two words it is about.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Mistake {
    Repeated(String, String),
    AnBeforeConsonant(String, String),
    ABeforeVowel(String, String),
    LowerCaseStart(String, String),
    ModalPast(String, String),
}

impl Mistake {
    fn message(&self) -> String {
        match self {
            Mistake::Repeated(a, b) => format!("`{a} {b}`: the word is repeated"),
            Mistake::AnBeforeConsonant(a, w) => {
                format!("`{a} {w}`: `{w}` starts with a consonant sound, so the article is `a`")
            }
            Mistake::ABeforeVowel(a, w) => {
                format!("`{a} {w}`: `{w}` starts with a vowel sound, so the article is `an`")
            }
            Mistake::LowerCaseStart(prev, w) => {
                format!("`{prev}. {w}`: the sentence after the full stop starts with a lower-case letter")
            }
            Mistake::ModalPast(m, w) => {
                format!("`{m} {w}`: a modal verb takes the base form of a verb")
            }
        }
    }

    fn help(&self) -> String {
        match self {
            Mistake::Repeated(a, _) => format!("write `{a}` once"),
            Mistake::AnBeforeConsonant(a, w) => {
                let fixed = if a.starts_with('A') { "A" } else { "a" };
                format!("write `{fixed} {w}`")
            }
            Mistake::ABeforeVowel(a, w) => {
                let fixed = if a.starts_with('A') { "An" } else { "an" };
                format!("write `{fixed} {w}`")
            }
            Mistake::LowerCaseStart(_, w) => {
                let mut c = w.chars();
                let cap: String = c
                    .next()
                    .into_iter()
                    .flat_map(char::to_uppercase)
                    .chain(c)
                    .collect();
                format!("start the sentence with `{cap}`, or end the previous one with another mark")
            }
            Mistake::ModalPast(m, w) => format!("write `{m} be {w}` (passive) or `{m}` with the base form"),
        }
    }
}

/// Calls `f` with every mistake in `text`, in text order.
fn for_each_mistake(text: &str, f: &mut impl FnMut(Mistake)) {
    let masked = mask(text);
    let toks = tokens(&masked);
    for i in 1..toks.len() {
        let (prev, next) = (&toks[i - 1], &toks[i]);
        let sentence_start = i < 2 || ends_sentence(toks[i - 2].trail);
        if let Some(m) = repeated(prev, next)
            .or_else(|| article(prev, next, sentence_start))
            .or_else(|| lower_case_start(prev, next))
            .or_else(|| modal_past(prev, next))
        {
            f(m);
        }
    }
}

fn ends_sentence(trail: &str) -> bool {
    trail.contains(['.', '!', '?'])
}

/// Words whose doubling is always a mistake.
#[rustfmt::skip]
const NEVER_DOUBLED: &[&str] = &[
    "a", "an", "the", "to", "of", "in", "on", "at", "by", "for", "from", "with", "into", "onto", "via",
    "and", "or", "nor", "but", "be", "been", "being", "are", "was", "were", "will", "would", "can",
    "could", "should", "shall", "may", "might", "must", "this", "these", "those", "their", "its", "it",
    "not", "which", "who", "than", "as", "if", "when", "we", "they", "you", "our", "your", "has",
    "have", "does", "such", "some", "any", "each", "every", "all", "about", "under", "over", "after",
    "before", "between", "through", "during", "without", "within", "upon", "also",
];

fn repeated(prev: &Token<'_>, next: &Token<'_>) -> Option<Mistake> {
    if next.gap != Gap::Spaces {
        return None;
    }
    let (a, b) = (prev.bare_word()?, next.bare_word()?);
    let lower = a.to_lowercase();
    (a.eq_ignore_ascii_case(b) && NEVER_DOUBLED.contains(&lower.as_str()))
        .then(|| Mistake::Repeated(a.to_owned(), b.to_owned()))
}

/// Words that cannot follow an article: after them, `a` is a label or a variable.
#[rustfmt::skip]
const NOT_AFTER_ARTICLE: &[&str] = &[
    "and", "or", "of", "in", "on", "at", "as", "if", "is", "are", "am", "an", "a", "it", "its", "into",
    "onto", "our", "upon", "until", "unless", "up", "under", "after", "also", "each", "either", "else",
    "even", "ever", "every", "except", "over", "out", "off", "only", "than", "that", "the", "to", "was",
    "were", "will", "with", "has", "have", "had", "be",
];

fn article(prev: &Token<'_>, next: &Token<'_>, sentence_start: bool) -> Option<Mistake> {
    if next.gap != Gap::Spaces {
        return None;
    }
    let art = prev.bare_word()?;
    let an = match art {
        "a" => false,
        "an" => true,
        "A" if sentence_start => false,
        "An" if sentence_start => true,
        _ => return None,
    };
    if !next.lead.is_empty() {
        return None;
    }
    let word = next.word()?;
    let first = word.split('-').next().unwrap_or(word);
    if first.chars().count() < 2 {
        return None;
    }
    // lower case or capitalised only: acronyms and words like `iOS` are read letter by letter
    let mut chars = first.chars();
    let head = chars.next()?;
    if !chars.all(char::is_lowercase) || !head.is_alphabetic() {
        return None;
    }
    let lower = first.to_lowercase();
    if NOT_AFTER_ARTICLE.contains(&lower.as_str()) {
        return None;
    }
    match (an, vowel_sound(&lower)?) {
        (true, false) => Some(Mistake::AnBeforeConsonant(art.to_owned(), word.to_owned())),
        (false, true) => Some(Mistake::ABeforeVowel(art.to_owned(), word.to_owned())),
        _ => None,
    }
}

/// `u` words read `yoo`: they take `a`.
#[rustfmt::skip]
const U_YOO: &[&str] = &[
    "unique", "unit", "union", "univers", "uniform", "unif", "unix", "unicode", "unicast", "unilateral",
    "unidirection", "unison", "usa", "use", "usi", "usu", "uti", "ute", "uri", "url", "ura", "ure",
    "uro", "ubiq", "uku", "utopia",
];

/// `u` words read with a vowel: they take `an`.
const U_VOWEL: &[&str] = &["un", "up", "ult", "umb", "ugl"];

/// Exceptions to [`U_VOWEL`].
const UN_YOO: &[&str] = &["unanim", "unary"];

/// `h` words with a silent `h`: they take `an`.
const H_SILENT: &[&str] = &["hour", "honest", "honor", "honour", "heir"];

/// `h` words where usage varies (`an historic`, `an herb` in American English): not judged.
const H_VARIES: &[&str] = &["herb", "histor", "hotel", "hypo", "hyster", "heroic"];

/// Words with a vowel letter read as a consonant: they take `a`.
const VOWEL_LETTER_CONSONANT: &[&str] = &["one", "ones", "oneself", "once", "eu", "ewe"];

/// Consonant clusters that begin English words.
#[rustfmt::skip]
const ONSETS: &[&str] = &[
    "bl", "br", "ch", "chr", "cl", "cr", "dr", "dw", "fl", "fr", "gl", "gn", "gr", "kl", "kn", "kr",
    "ph", "phr", "pl", "pr", "ps", "sc", "sch", "scr", "sh", "shr", "sk", "sl", "sm", "sn", "sp", "sph",
    "spl", "spr", "st", "str", "sw", "th", "thr", "tr", "tw", "wh", "wr",
];

/// Whether a lower-case word starts with a vowel sound; `None` when that cannot be told from its
/// spelling.
fn vowel_sound(word: &str) -> Option<bool> {
    let starts = |list: &[&str]| list.iter().any(|p| word.starts_with(p));
    let exact_or_prefix = |list: &[&str]| {
        list.iter()
            .any(|p| word == *p || (p.len() == 2 && word.starts_with(p)))
    };
    let first = word.chars().next()?;
    match first {
        'a' | 'e' | 'i' | 'o' => Some(!exact_or_prefix(VOWEL_LETTER_CONSONANT)),
        'u' => {
            if starts(U_YOO) || starts(UN_YOO) {
                Some(false)
            } else if starts(U_VOWEL) {
                Some(true)
            } else {
                None
            }
        }
        'h' => {
            if starts(H_SILENT) {
                Some(true)
            } else if starts(H_VARIES) {
                None
            } else {
                english_onset(word).then_some(false)
            }
        }
        'x' | 'y' => None,
        c if c.is_ascii_lowercase() => english_onset(word).then_some(false),
        _ => None,
    }
}

/// Whether the consonants before the first vowel of `word` form an English onset, and a vowel
/// follows them (so the word is not an acronym such as `sql` or `nginx`).
fn english_onset(word: &str) -> bool {
    let mut onset = 0;
    for (i, c) in word.char_indices() {
        let vowel = matches!(c, 'a' | 'e' | 'i' | 'o' | 'u') || (c == 'y' && i > 0);
        if vowel {
            break;
        }
        if !c.is_ascii_lowercase() {
            return false;
        }
        onset = i + 1;
    }
    if onset >= word.len() {
        return false;
    }
    let cluster = &word[..onset];
    // `qu`: the `u` belongs to the onset
    cluster.len() == 1 || ONSETS.contains(&cluster)
}

/// Abbreviations that end with a full stop inside a sentence.
#[rustfmt::skip]
const ABBREVIATIONS: &[&str] = &[
    "etc", "vs", "cf", "approx", "incl", "excl", "esp", "resp", "ca", "al", "fig", "figs", "no", "nos",
    "nr", "sec", "sect", "ch", "chap", "vol", "ver", "vers", "rev", "ref", "refs", "pp", "pg", "min",
    "max", "avg", "dept", "est", "inc", "ltd", "co", "corp", "llc", "jr", "sr", "st", "dr", "mr", "mrs",
    "ms", "prof", "misc", "viz", "ie", "eg", "ex", "op", "cit", "ibid", "seq", "tel", "ext", "div",
    "govt", "intl", "mfg", "mgmt", "msg", "pkg", "pct", "qty", "hr", "hrs", "mins", "secs", "jan",
    "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon", "tue", "tues",
    "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "abbr", "assoc", "bros", "dist", "ed", "eds",
    "gen", "lib", "mt", "orig", "pl", "pref", "pt", "pts", "sing", "std", "ult", "univ", "usu", "var",
    "lt", "col", "gov", "maj",
    // technical abbreviations in product and menu names (`CP443-1 Adv.`)
    "adv", "opt", "sys", "sw", "hw", "fw", "mod", "prot", "cfg", "conf",
    // list numbers
    "ii", "iii", "iv", "vi", "vii", "viii", "ix", "xi", "xii",
];

/// Lower-case words that start sentences and are never names.
#[rustfmt::skip]
const SENTENCE_OPENERS: &[&str] = &[
    "the", "this", "these", "that", "those", "it", "its", "there", "they", "their", "we", "our", "you",
    "your", "he", "she", "in", "on", "at", "for", "if", "when", "while", "as", "an", "all", "some",
    "any", "however", "therefore", "thus", "also", "additionally", "furthermore", "moreover", "please",
    "to", "by", "with", "after", "before", "since", "because", "although", "though", "both", "each",
    "other", "further", "only", "note", "successful", "exploitation", "affected", "multiple", "several",
    "users", "customers", "attackers", "more", "most", "such", "then", "otherwise", "instead",
    "alternatively", "consequently", "hence", "finally", "first", "second", "currently", "no", "not",
];

fn lower_case_start(prev: &Token<'_>, next: &Token<'_>) -> Option<Mistake> {
    if prev.trail != "." || !next.lead.is_empty() {
        return None;
    }
    let before = prev.word()?;
    if before.chars().count() < 2
        || before.contains(['-', '\'', '’'])
        || ABBREVIATIONS.contains(&before.to_lowercase().as_str())
    {
        return None;
    }
    let word = next.word()?;
    if !word.starts_with(|c: char| c.is_lowercase()) || !SENTENCE_OPENERS.contains(&word) {
        return None;
    }
    Some(Mistake::LowerCaseStart(before.to_owned(), word.to_owned()))
}

#[rustfmt::skip]
const MODALS: &[&str] = &[
    "can", "could", "may", "might", "must", "shall", "should", "will", "would", "cannot",
];

/// Verbs whose base form ends in `ed`.
#[rustfmt::skip]
const ED_BASE: &[&str] = &[
    "need", "feed", "heed", "bleed", "breed", "speed", "seed", "weed", "proceed", "succeed", "exceed",
    "embed", "shed", "shred", "wed", "deed", "reed", "steed", "tweed", "greed", "unembed",
];

fn modal_past(prev: &Token<'_>, next: &Token<'_>) -> Option<Mistake> {
    if next.gap != Gap::Spaces {
        return None;
    }
    let modal = prev.bare_word()?;
    if !MODALS.contains(&modal) || !next.lead.is_empty() {
        return None;
    }
    let word = next.word()?;
    let ok = word.len() >= 4
        && word.ends_with("ed")
        && word.chars().all(|c| c.is_ascii_lowercase())
        && !ED_BASE.contains(&word);
    ok.then(|| Mistake::ModalPast(modal.to_owned(), word.to_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mistakes(text: &str) -> Vec<String> {
        let mut v = Vec::new();
        for_each_mistake(text, &mut |m| v.push(m.message()));
        v
    }

    #[test]
    fn the_oasis_example_fails() {
        assert_eq!(
            mistakes(
                "The security hardening guide must followed for ensure secure operations of a products."
            ),
            ["`must followed`: a modal verb takes the base form of a verb"]
        );
        assert!(mistakes(
            "The security hardening guide must be followed to ensure secure operations of the products."
        )
        .is_empty());
    }

    #[test]
    fn repeated_words() {
        assert_eq!(
            mistakes("fixed in the the next release"),
            ["`the the`: the word is repeated"]
        );
        assert_eq!(mistakes("The the fix"), ["`The the`: the word is repeated"]);
        assert!(mistakes("that that, had had, ff ff, the, the, the\nthe, `the` the").is_empty());
    }

    #[test]
    fn articles() {
        assert_eq!(
            mistakes("a update and an buffer"),
            [
                "`a update`: `update` starts with a vowel sound, so the article is `an`",
                "`an buffer`: `buffer` starts with a consonant sound, so the article is `a`",
            ]
        );
        assert_eq!(
            mistakes("A attacker. An user"),
            [
                "`A attacker`: `attacker` starts with a vowel sound, so the article is `an`",
                "`An user`: `user` starts with a consonant sound, so the article is `a`",
            ]
        );
        for ok in [
            "a user, a unique id, a one-time token, a European vendor, an hour, an honest mistake",
            "an unauthenticated attacker, an uninitialized pointer, a unary operator, an upgrade",
            "an SQL injection, an sql injection, a SQL injection, an rpm, an nginx, an x-ray",
            "an historic, a historic, an herb, a hotel, an iOS app, an XSS",
            "option a or b, if a is empty, Product A and B, an 8-bit value, a `exec` call",
            "a \"update\" call, a (unauthenticated) user, a\nupdate",
        ] {
            assert_eq!(mistakes(ok), Vec::<String>::new(), "{ok}");
        }
    }

    #[test]
    fn lower_case_sentence_starts() {
        assert_eq!(
            mistakes("Update now. the fix is ready."),
            ["`now. the`: the sentence after the full stop starts with a lower-case letter"]
        );
        for ok in [
            "see e.g. the manual, i.e. the file, etc. the rest, Foo Inc. the vendor",
            "version 1.2. the fix",
            "Update now. npm is affected.",
            "Update now. The fix is ready.",
        ] {
            assert_eq!(mistakes(ok), Vec::<String>::new(), "{ok}");
        }
    }

    #[test]
    fn modal_verbs() {
        assert_eq!(
            mistakes("it can exploited remotely"),
            ["`can exploited`: a modal verb takes the base form of a verb"]
        );
        assert!(mistakes("you will need, it can be exploited, it may proceed, it will embed").is_empty());
    }

    #[test]
    fn code_and_tags_are_not_text() {
        assert!(mistakes("run `a update` or ```\nthe the\n``` <a href=\"x\">the</a> the").is_empty());
    }

    /// Prints what the rule reports on the real advisories of `../shared/corpus/csaf` (English
    /// ones, whatever their CSAF version): `cargo test --lib grammar_check -- --ignored --nocapture`.
    #[test]
    #[ignore = "reads ../shared/corpus; for reviewing the rules"]
    fn corpus_report() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/csaf");
        let mut files: Vec<_> = walkdir::WalkDir::new(&dir)
            .into_iter()
            .flatten()
            .filter(|e| e.path().extension().is_some_and(|x| x == "json"))
            .map(|e| e.into_path())
            .collect();
        files.sort();
        let (mut docs, mut found) = (0, 0);
        for path in files {
            let Ok(doc) = serde_json::from_slice::<serde_json::Value>(&std::fs::read(&path).unwrap()) else {
                continue;
            };
            if !doc["document"]["lang"].as_str().is_some_and(is_english) {
                continue;
            }
            docs += 1;
            let adv = crate::parse::csaf::to_model(&doc, crate::model::Version::Csaf20);
            let mut out = Vec::new();
            grammar_check(&adv, &mut out);
            for f in out {
                found += 1;
                println!("{} {} {}", path.display(), f.pointer, f.message);
            }
        }
        println!("{docs} English documents, {found} findings");
    }

    #[test]
    fn languages() {
        assert!(is_english("en") && is_english("en-GB") && is_english("EN_us"));
        assert!(!is_english("de") && !is_english("eng") && !is_english("x-private"));
    }
}
