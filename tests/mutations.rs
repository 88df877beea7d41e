//! Property tests (issue 8, "Hardening"): real advisories from `corpus/` (CSAF and CVRF), damaged at
//! random — truncated, bytes flipped, ranges deleted or duplicated, hostile tokens inserted, members
//! and elements duplicated, deleted or replaced by values of the wrong type — never make validation
//! panic, and always give located results: every diagnostic has a line and column inside the text
//! and a pointer that is `""` or starts with `/`; text that is not well-formed JSON gets a `parse`
//! error.
//!
//! The cases come from a fixed-seed generator, so a failure names its file and case number and is
//! reproduced by running the test again. `MUTATION_CASES` (default 100 per file and kind) raises the
//! count for a longer run.

use csaflint::rules::{Preset, Selection};
use csaflint::{Options, Report, Validator};
use serde_json::{Map, Number, Value};
use std::path::{Path, PathBuf};
use std::str::FromStr;

const MANIFEST_DIR: &str = env!("CARGO_MANIFEST_DIR");
/// Corpus files larger than this are left out (debug builds validate slowly).
const MAX_FILE_BYTES: u64 = 100_000;

use csaflint::testing::Rng;

fn cases_per_file() -> usize {
    std::env::var("MUTATION_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100)
}

fn corpus_files(ext: &str) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut dirs = vec![Path::new(MANIFEST_DIR).join("corpus")];
    while let Some(dir) = dirs.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        for e in entries {
            let p = e.unwrap().path();
            if p.is_dir() {
                dirs.push(p);
            } else if p.extension().is_some_and(|e| e == ext)
                && std::fs::metadata(&p).map(|m| m.len()).unwrap_or(u64::MAX) <= MAX_FILE_BYTES
            {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

fn validator() -> Validator {
    Validator::new(&Options {
        selection: Selection {
            preset: Preset::VendorRelease,
            ..Selection::default()
        },
    })
    .unwrap()
}

// ---------------------------------------------------------------------------------------------
// Checking a report

/// Validates `bytes` and checks the report; `Ok` tells whether it has a parse error, `Err` what is
/// wrong.
fn check(validator: &Validator, name: &str, bytes: &[u8]) -> Result<bool, String> {
    let report = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| validator.validate(name, bytes)))
        .map_err(|e| {
        let msg = e
            .downcast_ref::<String>()
            .cloned()
            .or_else(|| e.downcast_ref::<&str>().map(|s| (*s).to_owned()))
            .unwrap_or_default();
        format!("panicked: {msg}")
    })?;
    check_report(&report, bytes)?;
    Ok(report.diagnostics.iter().any(|d| d.rule == "parse"))
}

fn check_report(report: &Report, bytes: &[u8]) -> Result<(), String> {
    let text = csaflint::parse::decode(bytes).text;
    let lines: Vec<&str> = text.split('\n').collect();
    let mut parse_errors = 0;
    for d in &report.diagnostics {
        if d.rule == "io" {
            return Err(format!("an `io` diagnostic for bytes in memory: {d:?}"));
        }
        if d.rule == "parse" {
            parse_errors += 1;
        }
        if !(d.pointer.is_empty() || d.pointer.starts_with('/')) {
            return Err(format!("pointer is neither empty nor absolute: {d:?}"));
        }
        if d.line < 1 || d.column < 1 {
            return Err(format!("line or column below 1: {d:?}"));
        }
        let Some(line) = lines.get(d.line as usize - 1) else {
            return Err(format!(
                "line {} past the end ({} lines): {d:?}",
                d.line,
                lines.len()
            ));
        };
        let width = line.chars().count() as u32 + 1;
        if d.column > width {
            return Err(format!(
                "column {} past the end of its line ({width}): {d:?}",
                d.column
            ));
        }
    }
    if parse_errors > 1 {
        return Err(format!("{parse_errors} parse errors: {:?}", report.diagnostics));
    }
    // JSON that a JSON reader refuses must get a parse error (the oracle is serde_json itself, without
    // our duplicate-key reader)
    let trimmed = text.trim_start();
    let json = trimmed.starts_with('{') || trimmed.starts_with('[');
    if json
        && std::str::from_utf8(bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes)).is_ok()
        && serde_json::from_str::<serde::de::IgnoredAny>(&text).is_err()
        && parse_errors == 0
    {
        return Err(format!(
            "not well-formed JSON, but no parse error: {:?}",
            report.diagnostics
        ));
    }
    if parse_errors == 1 && report.version.is_some() {
        return Err(format!("a parse error, yet a version: {:?}", report.version));
    }
    Ok(())
}

/// Runs `cases` mutations of every file through `check`, on two threads; fails with every broken
/// case, naming the file and case number, and keeps the first input of each in `target/mutations`.
fn run_all(files: &[PathBuf], kind: &str, mutate: fn(&mut Rng, &[u8], &str) -> Vec<u8>) {
    assert!(!files.is_empty(), "no corpus files");
    let validator = validator();
    let cases = cases_per_file();
    let parsed = std::sync::atomic::AtomicUsize::new(0);
    let total = std::sync::atomic::AtomicUsize::new(0);
    let failures: Vec<String> = std::thread::scope(|s| {
        let workers: Vec<_> = (0..2)
            .map(|w| {
                let (validator, parsed, total) = (&validator, &parsed, &total);
                s.spawn(move || {
                    let mut failures = Vec::new();
                    for (f, file) in files.iter().enumerate().skip(w).step_by(2) {
                        let bytes = std::fs::read(file).unwrap();
                        let name = file.file_name().unwrap().to_str().unwrap();
                        for case in 0..cases {
                            let mut rng = Rng(((f as u64) << 32) ^ (case as u64) ^ seed_of(kind));
                            let mutated = mutate(&mut rng, &bytes, name);
                            total.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                            match check(validator, name, &mutated) {
                                Ok(parse_error) => {
                                    if !parse_error {
                                        parsed.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                                    }
                                }
                                Err(e) => {
                                    let kept = keep(kind, name, case, &mutated);
                                    failures
                                        .push(format!("{name} case {case} ({kind}, kept in {kept}): {e}"));
                                    break;
                                }
                            }
                        }
                    }
                    failures
                })
            })
            .collect();
        workers.into_iter().flat_map(|w| w.join().unwrap()).collect()
    });
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    eprintln!(
        "{kind}: {} damaged documents, {} of them still read as documents",
        total.into_inner(),
        parsed.into_inner()
    );
}

fn seed_of(kind: &str) -> u64 {
    kind.bytes().fold(0xCBF2_9CE4_8422_2325, |h, b| {
        (h ^ b as u64).wrapping_mul(0x100_0000_01B3)
    })
}

fn keep(kind: &str, name: &str, case: usize, bytes: &[u8]) -> String {
    let dir = Path::new(MANIFEST_DIR).join("target/mutations");
    let _ = std::fs::create_dir_all(&dir);
    let path = dir.join(format!("{kind}-{case}-{name}"));
    let _ = std::fs::write(&path, bytes);
    path.display().to_string()
}

// ---------------------------------------------------------------------------------------------
// Byte-level damage (any format)

const TOKENS: &[&str] = &[
    "null",
    "{",
    "}",
    "[",
    "]",
    ",",
    ":",
    "\"",
    "\\",
    "<",
    ">",
    "/>",
    "</",
    "&",
    "&amp;",
    "&#0;",
    "&#xD800;",
    "&unknown;",
    "]]>",
    "<![CDATA[",
    "<!--",
    "-->",
    "<?xml?>",
    "<!DOCTYPE x>",
    "\u{0}",
    "\u{FEFF}",
    "é",
    "😀",
    "\\u0000",
    "\\ud800",
    "\\uDFFF",
    "2e99999",
    "-0",
    "1e-99999",
    "-",
    "0.",
    "true",
    "\t",
    "\r\n",
    "\u{2028}",
    "\"\":",
    "{\"document\":null}",
    "xmlns=\"\"",
    " a=\"1\" a=\"2\"",
];

fn damage(rng: &mut Rng, bytes: &[u8], _name: &str) -> Vec<u8> {
    let mut out = bytes.to_vec();
    let steps = 1 + rng.below(3);
    for _ in 0..steps {
        let len = out.len().max(1);
        match rng.below(6) {
            0 => out.truncate(rng.below(len)),
            1 => {
                for _ in 0..1 + rng.below(8) {
                    if !out.is_empty() {
                        let i = rng.below(out.len());
                        out[i] = if rng.below(2) == 0 {
                            rng.next() as u8
                        } else {
                            out[i] ^ (1 << rng.below(8))
                        };
                    }
                }
            }
            2 => {
                let start = rng.below(len);
                let end = (start + 1 + rng.below(256)).min(out.len());
                if start < end {
                    out.drain(start..end);
                }
            }
            3 => {
                let start = rng.below(len);
                let end = (start + 1 + rng.below(512)).min(out.len());
                if start < end {
                    let copy = out[start..end].to_vec();
                    let at = rng.below(out.len() + 1);
                    out.splice(at..at, copy);
                }
            }
            4 => {
                let at = rng.below(out.len() + 1);
                let token = rng.pick(TOKENS).as_bytes().to_vec();
                out.splice(at..at, token);
            }
            _ => {
                // swap two ranges' order by rotating a slice
                if out.len() > 2 {
                    let start = rng.below(out.len() - 1);
                    let end = (start + 2 + rng.below(200)).min(out.len());
                    let mid = start + 1 + rng.below(end - start - 1);
                    out[start..end].rotate_left(mid - start);
                }
            }
        }
    }
    out
}

#[test]
fn damaged_csaf_documents_never_panic_and_stay_located() {
    run_all(&corpus_files("json"), "bytes-json", damage);
}

#[test]
fn damaged_cvrf_documents_never_panic_and_stay_located() {
    run_all(&corpus_files("xml"), "bytes-xml", damage);
}

// ---------------------------------------------------------------------------------------------
// Structural damage of CSAF JSON: members and elements

/// Values of the wrong type or out of range, for any place in a document.
fn hostile_value(rng: &mut Rng) -> Value {
    let number = |s: &str| Value::Number(Number::from_str(s).unwrap());
    match rng.below(16) {
        0 => Value::Null,
        1 => Value::Bool(rng.below(2) == 0),
        2 => number("0"),
        3 => number("-1"),
        4 => number("2e99999"),
        5 => number("-1e-99999"),
        6 => Value::String(String::new()),
        7 => Value::String("x".repeat(1 + rng.below(5000))),
        8 => Value::Array(Vec::new()),
        9 => Value::Object(Map::new()),
        10 => Value::String("CSAFPID-0001".into()),
        11 => Value::String("\u{0}\u{FEFF}😀\u{2028}é".into()),
        12 => Value::String("2024-13-45T25:61:61Z".into()),
        13 => Value::String("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/AV:L".into()),
        14 => {
            let mut v = Value::Null;
            for _ in 0..rng.below(100) {
                v = Value::Array(vec![v]);
            }
            v
        }
        _ => Value::Array(vec![Value::Null, Value::Object(Map::new()), number("1")]),
    }
}

/// The pointers of every value of a document (`""` first).
fn pointers(v: &Value, here: &mut Vec<String>, out: &mut Vec<Vec<String>>) {
    out.push(here.clone());
    match v {
        Value::Object(m) => {
            for (k, child) in m {
                here.push(k.clone());
                pointers(child, here, out);
                here.pop();
            }
        }
        Value::Array(items) => {
            for (i, child) in items.iter().enumerate() {
                here.push(i.to_string());
                pointers(child, here, out);
                here.pop();
            }
        }
        _ => {}
    }
}

fn get_mut<'a>(mut v: &'a mut Value, path: &[String]) -> Option<&'a mut Value> {
    for seg in path {
        v = match v {
            Value::Object(m) => m.get_mut(seg)?,
            Value::Array(items) => items.get_mut(seg.parse::<usize>().ok()?)?,
            _ => return None,
        };
    }
    Some(v)
}

/// Writes JSON compactly, writing the member `dup.1` of the object at `dup.0` twice (the first time
/// with `dup.2` as its value), so that the text has a duplicate key.
fn write_json(
    v: &Value,
    here: &mut Vec<String>,
    dup: Option<&(Vec<String>, String, Value)>,
    out: &mut String,
) {
    match v {
        Value::Object(m) => {
            out.push('{');
            let mut first = true;
            for (k, child) in m {
                let mut member = |value: &Value, here: &mut Vec<String>, out: &mut String| {
                    if !first {
                        out.push(',');
                    }
                    first = false;
                    out.push_str(&serde_json::to_string(k).unwrap());
                    out.push(':');
                    here.push(k.clone());
                    write_json(value, here, dup, out);
                    here.pop();
                };
                if let Some((at, key, earlier)) = dup {
                    if at == here && key == k {
                        member(earlier, here, out);
                    }
                }
                member(child, here, out);
            }
            out.push('}');
        }
        Value::Array(items) => {
            out.push('[');
            for (i, child) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                here.push(i.to_string());
                write_json(child, here, dup, out);
                here.pop();
            }
            out.push(']');
        }
        other => out.push_str(&other.to_string()),
    }
}

fn restructure_json(rng: &mut Rng, bytes: &[u8], name: &str) -> Vec<u8> {
    let Ok(mut doc) = serde_json::from_slice::<Value>(bytes) else {
        return damage(rng, bytes, name);
    };
    let mut dup = None;
    for _ in 0..1 + rng.below(3) {
        let mut all = Vec::new();
        pointers(&doc, &mut Vec::new(), &mut all);
        let path = rng.pick(&all).clone();
        match rng.below(6) {
            // replace a value by one of the wrong type
            0 | 1 => {
                let value = hostile_value(rng);
                if let Some(v) = get_mut(&mut doc, &path) {
                    *v = value;
                }
            }
            // delete a member or an element
            2 => {
                if let Some((last, parent)) = path.split_last() {
                    match get_mut(&mut doc, parent) {
                        Some(Value::Object(m)) => {
                            m.shift_remove(last);
                        }
                        Some(Value::Array(items)) => {
                            if let Ok(i) = last.parse::<usize>() {
                                if i < items.len() {
                                    items.remove(i);
                                }
                            }
                        }
                        _ => {}
                    }
                }
            }
            // duplicate an element (same value: repeated ids, repeated products, …)
            3 => {
                if let Some((last, parent)) = path.split_last() {
                    if let Some(Value::Array(items)) = get_mut(&mut doc, parent) {
                        if let Ok(i) = last.parse::<usize>() {
                            if i < items.len() {
                                let copy = items[i].clone();
                                let times = 1 + rng.below(3);
                                for _ in 0..times {
                                    items.insert(i, copy.clone());
                                }
                            }
                        }
                    }
                }
            }
            // duplicate a member: the text gets the same key twice
            4 => {
                if let Some((last, parent)) = path.split_last() {
                    if let Some(Value::Object(_)) = get_mut(&mut doc, parent) {
                        dup = Some((parent.to_vec(), last.clone(), hostile_value(rng)));
                    }
                }
            }
            // move a value somewhere else (a product id list into a note, a branch into a score, …)
            _ => {
                let from = get_mut(&mut doc, &path).cloned().unwrap_or(Value::Null);
                let to = rng.pick(&all).clone();
                if let Some(v) = get_mut(&mut doc, &to) {
                    *v = from;
                }
            }
        }
    }
    let mut out = String::new();
    // a member chosen for duplication may have been removed since: then nothing is duplicated
    write_json(&doc, &mut Vec::new(), dup.as_ref(), &mut out);
    out.into_bytes()
}

#[test]
fn restructured_csaf_documents_never_panic_and_stay_located() {
    run_all(&corpus_files("json"), "members-json", restructure_json);
}

// ---------------------------------------------------------------------------------------------
// Structural damage of CVRF XML: elements and attributes

/// The byte offsets of every start tag (`<` followed by a name).
fn start_tags(text: &str) -> Vec<usize> {
    let b = text.as_bytes();
    (0..b.len().saturating_sub(1))
        .filter(|&i| b[i] == b'<' && (b[i + 1].is_ascii_alphabetic() || b[i + 1] == b'_'))
        .collect()
}

/// The end of the element whose start tag is at `start` (a rough scan: enough for damage).
fn element_end(text: &str, start: usize) -> Option<usize> {
    let mut depth = 0usize;
    let mut i = start;
    loop {
        let lt = text[i..].find('<')? + i;
        let gt = text[lt..].find('>')? + lt;
        let tag = &text[lt..=gt];
        if tag.starts_with("</") {
            depth = depth.checked_sub(1)?;
            if depth == 0 {
                return Some(gt + 1);
            }
        } else if tag.starts_with("<!") || tag.starts_with("<?") {
        } else if tag.ends_with("/>") {
            if depth == 0 {
                return Some(gt + 1);
            }
        } else {
            depth += 1;
        }
        i = gt + 1;
    }
}

const XML_VALUES: &[&str] = &[
    "",
    "0",
    "-1",
    "2e99999",
    "Known Affected",
    "Vendor Fix",
    "Fixed",
    "2024-13-45T25:61:61Z",
    "2024-01-01T00:00:00Z",
    "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
    "AV:N/AC:L/Au:N/C:C/I:C/A:C",
    "10.5",
    "NaN",
    "CVE-2024-0001",
    "CWE-79",
    "&amp;&lt;&gt;",
    "&#x1F600;",
    "é😀",
    "pkg:npm/%40scope/name@1.0",
    "cpe:2.3:a:v:p:1.0:*:*:*:*:*:*:*",
];

fn restructure_xml(rng: &mut Rng, bytes: &[u8], name: &str) -> Vec<u8> {
    let Ok(text) = std::str::from_utf8(bytes) else {
        return damage(rng, bytes, name);
    };
    let mut text = text.to_owned();
    for _ in 0..1 + rng.below(3) {
        let tags = start_tags(&text);
        if tags.len() < 2 {
            break;
        }
        // not the root element
        let start = tags[1 + rng.below(tags.len() - 1)];
        let Some(end) = element_end(&text, start) else {
            continue;
        };
        let tag_end = text[start..].find('>').map_or(end, |i| start + i + 1);
        match rng.below(6) {
            // delete the element
            0 => {
                text.replace_range(start..end, "");
            }
            // duplicate it (repeated ids, repeated statuses, repeated single elements)
            1 => {
                let copy = text[start..end].to_owned();
                let times = 1 + rng.below(3);
                text.insert_str(end, &copy.repeat(times));
            }
            // replace its content with a hostile value
            2 => {
                if tag_end < end && !text[start..tag_end].ends_with("/>") {
                    let close = text[..end].rfind("</").unwrap_or(end);
                    if tag_end <= close {
                        let value = rng.pick(XML_VALUES).to_string();
                        text.replace_range(tag_end..close, &value);
                    }
                }
            }
            // change an attribute value
            3 => {
                let tag = &text[start..tag_end];
                if let Some(q) = tag.find("=\"") {
                    let vstart = start + q + 2;
                    if let Some(len) = text[vstart..tag_end].find('"') {
                        let value = rng.pick(XML_VALUES).replace('"', "");
                        text.replace_range(vstart..vstart + len, &value);
                    }
                }
            }
            // move the element into another one (wrong parent)
            4 => {
                let moved = text[start..end].to_owned();
                text.replace_range(start..end, "");
                let tags = start_tags(&text);
                if let Some(&target) = tags.get(1 + rng.below(tags.len().max(2) - 1)) {
                    if let Some(gt) = text[target..].find('>') {
                        let at = target + gt + 1;
                        if !text[..at].ends_with("/>") {
                            text.insert_str(at, &moved);
                        }
                    }
                }
            }
            // empty it
            _ => {
                if tag_end <= end {
                    let name_end = text[start + 1..tag_end]
                        .find(|c: char| c.is_whitespace() || c == '>' || c == '/')
                        .map_or(tag_end, |i| start + 1 + i);
                    let element_name = text[start + 1..name_end].to_owned();
                    text.replace_range(start..end, &format!("<{element_name}/>"));
                }
            }
        }
    }
    text.into_bytes()
}

#[test]
fn restructured_cvrf_documents_never_panic_and_stay_located() {
    run_all(&corpus_files("xml"), "elements-xml", restructure_xml);
}

/// The checks themselves hold for the undamaged corpus.
#[test]
fn the_undamaged_corpus_passes_the_same_checks() {
    let validator = validator();
    for file in corpus_files("json").into_iter().chain(corpus_files("xml")) {
        let bytes = std::fs::read(&file).unwrap();
        let name = file.file_name().unwrap().to_str().unwrap();
        let parse_error =
            check(&validator, name, &bytes).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        assert!(!parse_error, "{}", file.display());
    }
}
