//! The byte-level JSON parser (`parse::json_fast`) against the serde path it stands in for: on every
//! JSON document at hand and on thousands of damaged ones, whatever it takes serde_json takes too,
//! with an equal value (key order and number text included) and no duplicated key; and its positions
//! locate every pointer as the scan of the text (`span::locate_json`) does.
//!
//! Documents come from `tests/fixtures`, `corpus/` and, when present, `../shared/corpus/csaf`,
//! `../shared/corpus/malformed` and the OASIS test data in `../shared/spec` (skipped with a message
//! when missing).

use csaflint::parse::span::{clamp_to_line, locate_json};
use csaflint::parse::{decode, json_fast, json_value};
use serde_json::Value;
use std::path::{Path, PathBuf};

const MANIFEST_DIR: &str = env!("CARGO_MANIFEST_DIR");

fn json_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries {
        let p = e.unwrap().path();
        if p.is_dir() {
            json_files(&p, out);
        } else if p.extension().is_some_and(|e| e == "json") {
            out.push(p);
        }
    }
}

/// The JSON files of the repository, and of the shared corpus and specification when present.
fn all_files() -> Vec<PathBuf> {
    let root = Path::new(MANIFEST_DIR);
    let mut files = Vec::new();
    json_files(&root.join("tests/fixtures"), &mut files);
    json_files(&root.join("corpus"), &mut files);
    let local = files.len();
    assert!(
        local > 100,
        "only {local} JSON files in tests/fixtures and corpus/"
    );
    for shared in [
        "../shared/corpus/csaf",
        "../shared/corpus/malformed",
        "../shared/spec",
    ] {
        let dir = root.join(shared);
        if dir.is_dir() {
            json_files(&dir, &mut files);
        } else {
            eprintln!("{shared} is missing: skipped");
        }
    }
    files.sort();
    files
}

/// The value as text: key order and number text show (`Value`'s `==` takes objects in any order).
fn shown(v: &Value) -> String {
    serde_json::to_string(v).unwrap()
}

/// What the fast parser made of `text` agrees with the serde path; returns whether it took it.
fn agrees(text: &str) -> Result<bool, String> {
    let Some((fast, _)) = json_fast::parse(text) else {
        return Ok(false);
    };
    match json_value::parse(text) {
        Err(e) => Err(format!("taken, but serde_json says: {e}")),
        Ok((_, dups)) if !dups.is_empty() => Err(format!("taken, but keys are duplicated: {dups:?}")),
        Ok((serde, _)) if fast != serde || shown(&fast) != shown(&serde) => {
            Err("taken, with a value other than serde_json's".to_owned())
        }
        Ok(_) => Ok(true),
    }
}

/// Every JSON document at hand: the fast parser takes each one the serde path reads without a
/// duplicated key, with the same value, and gives up on the others.
#[test]
fn same_value_as_the_serde_path_on_every_document() {
    let files = all_files();
    let (mut taken, mut refused) = (0, 0);
    let mut failures = Vec::new();
    for file in &files {
        let bytes = std::fs::read(file).unwrap();
        let decoded = decode(&bytes);
        if decoded.error.is_some() {
            continue;
        }
        let text = &decoded.text;
        match agrees(text) {
            Ok(true) => taken += 1,
            Ok(false) => {
                refused += 1;
                // given up on: only what the serde path refuses or finds duplicates in
                if json_value::parse(text).is_ok_and(|(_, dups)| dups.is_empty()) {
                    failures.push(format!(
                        "{}: given up on, though serde_json reads it",
                        file.display()
                    ));
                }
            }
            Err(e) => failures.push(format!("{}: {e}", file.display())),
        }
    }
    eprintln!("{} files: {taken} taken, {refused} given up on", files.len());
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(taken > 100);
}

/// The pointer of every value of `v`, in document order.
fn pointers_of(v: &Value, at: &mut String, out: &mut Vec<String>) {
    out.push(at.clone());
    let len = at.len();
    match v {
        Value::Object(map) => {
            for (k, child) in map {
                at.push('/');
                json_value::push_escaped(at, k);
                pointers_of(child, at, out);
                at.truncate(len);
            }
        }
        Value::Array(items) => {
            for (i, child) in items.iter().enumerate() {
                at.push('/');
                at.push_str(&i.to_string());
                pointers_of(child, at, out);
                at.truncate(len);
            }
        }
        _ => {}
    }
}

/// Pointers that go nowhere or have odd segments, below and next to the value at `p`.
fn odd_pointers(p: &str) -> Vec<String> {
    let mut out: Vec<String> = [
        "/x",
        "/0",
        "/00",
        "/01",
        "/-",
        "/-1",
        "/~",
        "/~2",
        "/~0",
        "/~1",
        "/",
        "//",
        "/0/0",
        "/99999999999999999999999",
        "/ ",
        "/1e1",
    ]
    .iter()
    .map(|s| format!("{p}{s}"))
    .collect();
    // the pointer without its leading `/` (the part before the first `/` is not a segment)
    if let Some(rest) = p.strip_prefix('/') {
        out.push(rest.to_owned());
        out.push(format!("junk/{rest}"));
    }
    // the last segment with `~` escapes undone or doubled
    out.push(p.replace("~1", "/"));
    out.push(p.replace('~', "~0"));
    out
}

/// Locates `pointers` both ways and compares: exactly against the full scan, and after clamping to
/// the first line (as every consumer of a span does) against the scan that stops early.
fn same_spans(text: &str, parsed: &(Value, json_fast::Positions), pointers: &[&str]) -> Result<(), String> {
    let (root, positions) = parsed;
    let fast = positions.locate(root, pointers);
    let full = locate_json(text, pointers, false);
    let early = locate_json(text, pointers, true);
    for (i, p) in pointers.iter().enumerate() {
        if fast[i] != full[i] {
            return Err(format!("{p:?}: {:?}, the scan gives {:?}", fast[i], full[i]));
        }
        let clamp = |s: csaflint::parse::span::Span| (s.start, clamp_to_line(text, s.start, s.end));
        if clamp(fast[i]) != clamp(early[i]) {
            return Err(format!(
                "{p:?}: {:?}, the early scan gives {:?}",
                fast[i], early[i]
            ));
        }
    }
    Ok(())
}

/// The values' pointers of every document (up to a size and a number of pointers, for debug builds),
/// pointers below and next to them that go nowhere, in document order, shuffled, and one at a time
/// for a few.
#[test]
fn same_spans_as_the_scan_of_the_text() {
    let mut failures = Vec::new();
    let mut checked = 0usize;
    for file in all_files() {
        let bytes = std::fs::read(&file).unwrap();
        if bytes.len() > 100_000 {
            continue;
        }
        let decoded = decode(&bytes);
        let text = &decoded.text;
        let Some(parsed) = json_fast::parse(text) else {
            continue;
        };
        let mut pointers = Vec::new();
        pointers_of(&parsed.0, &mut String::new(), &mut pointers);
        // at most about 200 values of a document (and the pointers next to a seventh of them)
        let stride = pointers.len().div_ceil(200);
        let mut pointers: Vec<String> = pointers.into_iter().step_by(stride).collect();
        let odd: Vec<String> = pointers.iter().step_by(7).flat_map(|p| odd_pointers(p)).collect();
        pointers.extend(odd);
        let mut refs: Vec<&str> = pointers.iter().map(String::as_str).collect();
        checked += refs.len();
        let mut result = same_spans(text, &parsed, &refs);
        if result.is_ok() {
            // another order (a fixed shuffle): the prefixes shared with the previous pointer differ
            let n = refs.len();
            for i in 0..n {
                refs.swap(i, (i * 7919 + 13) % n);
            }
            result = same_spans(text, &parsed, &refs);
        }
        if result.is_ok() {
            result = refs
                .iter()
                .take(20)
                .try_for_each(|p| same_spans(text, &parsed, &[p]));
        }
        if let Err(e) = result {
            failures.push(format!("{}: {e}", file.display()));
        }
    }
    eprintln!("{checked} pointers located");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(checked > 100_000, "only {checked} pointers");
}

/// Documents with keys that need escaping in pointers, empty keys, and keys that look like indexes.
#[test]
fn same_spans_for_odd_keys() {
    let text = "{\"a/b\": {\"~\": [1, {\"\": 2}], \"0\": 3, \"01\": [4], \"~0\": 5, \"~1\": \"/\"},\n \"\": {\"\": [[], {}]},\n \"é\": {\"ü\\n\": 6, \"\\u00fc\": 7}}";
    let parsed = json_fast::parse(text).unwrap();
    let mut pointers = Vec::new();
    pointers_of(&parsed.0, &mut String::new(), &mut pointers);
    let odd: Vec<String> = pointers.iter().flat_map(|p| odd_pointers(p)).collect();
    pointers.extend(odd);
    let refs: Vec<&str> = pointers.iter().map(String::as_str).collect();
    same_spans(text, &parsed, &refs).unwrap();
}

use csaflint::testing::Rng;

/// Bytes and snippets that make or break JSON.
const TOKENS: &[&str] = &[
    "\"",
    "\\",
    "{",
    "}",
    "[",
    "]",
    ",",
    ":",
    " ",
    "\t",
    "\n",
    "\r",
    "\u{0}",
    "\u{1f}",
    "\u{b}",
    "\u{c}",
    "\u{a0}",
    "\u{feff}",
    "0",
    "1",
    "9",
    "-",
    "+",
    ".",
    "e",
    "E",
    "01",
    "1.",
    ".5",
    "-0",
    "1e5",
    "1E+5",
    "2e99999",
    "NaN",
    "true",
    "false",
    "null",
    "nul",
    "\\u",
    "\\ud800",
    "\\udc00",
    "\\ud83d\\ude00",
    "\\uD83D",
    "\\u00e9",
    "\\x",
    "\\'",
    "\\/",
    "//",
    "/*",
    "*/",
    "\"a\":1,",
    "\"a\":",
    ",,",
    "[]",
    "{}",
    "é",
    "😀",
    "'",
];

/// One damaged copy of `text`: a few edits of random kinds at random places.
fn mutate(rng: &mut Rng, text: &str) -> String {
    let mut bytes = text.as_bytes().to_vec();
    for _ in 0..1 + rng.below(3) {
        let at = rng.below(bytes.len() + 1);
        match rng.below(6) {
            0 => bytes.truncate(at),
            1 => {
                let end = (at + 1 + rng.below(8)).min(bytes.len());
                bytes.drain(at.min(end)..end);
            }
            2 | 3 => {
                let token = TOKENS[rng.below(TOKENS.len())];
                bytes.splice(at..at, token.bytes());
            }
            4 => {
                let token = TOKENS[rng.below(TOKENS.len())].as_bytes();
                if at < bytes.len() {
                    bytes[at] = token[0];
                }
            }
            _ => {
                // a range copied elsewhere (members and items duplicated, brackets unbalanced)
                let len = rng.below(64);
                let from = rng.below(bytes.len().saturating_sub(len) + 1);
                let copy = bytes[from..(from + len).min(bytes.len())].to_vec();
                bytes.splice(at..at, copy);
            }
        }
    }
    String::from_utf8_lossy(&bytes).into_owned()
}

/// Thousands of damaged documents: whatever the fast parser takes, serde_json takes with an equal
/// value and no duplicated key, and its spans are the scan's.
#[test]
fn damaged_documents() {
    let root = Path::new(MANIFEST_DIR);
    let mut sources: Vec<String> = [
        "corpus/csaf/beckhoff/vde-2020-005.json",
        "corpus/csaf/redhat/CVE-2024-34507.json",
    ]
    .iter()
    .filter_map(|p| std::fs::read_to_string(root.join(p)).ok())
    .collect();
    // small hand-written documents, where every edit lands near something interesting
    sources.push(r#"{"a": [1, -2.5e3, "x\"y\u00e9\ud83d\ude00", {"b": null, "c": true}], "d": {}, "e": [], "f": false}"#.to_owned());
    sources.push(
        "{\n  \"k\": \"v\",\n  \"n\": [0, 1.5, -0, 1E+2],\n  \"o\": {\"~/\": \"\\n\\t\"}\n}\n".to_owned(),
    );
    if sources.len() < 4 {
        // the corpus files moved: take the smallest CSAF documents there are
        let mut files = Vec::new();
        json_files(&root.join("corpus/csaf"), &mut files);
        files.sort_by_key(|f| std::fs::metadata(f).map(|m| m.len()).unwrap_or(u64::MAX));
        sources.extend(
            files
                .iter()
                .take(2)
                .filter_map(|f| std::fs::read_to_string(f).ok()),
        );
    }
    assert!(sources.len() >= 4, "corpus documents missing");
    let cases = 3_000;
    let (mut taken, mut failures) = (0usize, Vec::new());
    for (s, source) in sources.iter().enumerate() {
        for case in 0..cases {
            let mut rng = Rng(((s as u64) << 32) ^ case as u64);
            let text = mutate(&mut rng, source);
            match agrees(&text) {
                Ok(true) => {
                    taken += 1;
                    // the spans of a few pointers, for the small documents
                    if text.len() < 1_000 {
                        let parsed = json_fast::parse(&text).unwrap();
                        let mut pointers = Vec::new();
                        pointers_of(&parsed.0, &mut String::new(), &mut pointers);
                        let refs: Vec<&str> = pointers.iter().map(String::as_str).collect();
                        if let Err(e) = same_spans(&text, &parsed, &refs) {
                            failures.push(format!("source {s} case {case}: {e}"));
                        }
                    }
                }
                Ok(false) => {}
                Err(e) => failures.push(format!("source {s} case {case}: {e}\n{text:?}")),
            }
            if failures.len() > 5 {
                break;
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    // some damage leaves well-formed JSON (a changed digit or letter, white space): those are taken
    assert!(taken > 100, "only {taken} damaged documents taken");
}
