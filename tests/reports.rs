//! The three report formats (human, json, jsonl) for broken documents, snapshotted with insta, and the
//! locations (line:column, in code points) checked by hand.
//!
//! These tests are about reporting, not about rules: they run only the input rules (`io`, `parse`,
//! `schema`) and our own `CL0xx` findings, so that new spec tests do not change them.

use csaflint::report::{Human, Json, JsonLines, Renderer, Summary};
use csaflint::{Options, Report, Selection, Validator};
use serde_json::Value;

/// A minimal valid CSAF 2.0 `csaf_base` document; the cases below break it in one place each.
const VALID: &str = r#"{
  "document": {
    "category": "csaf_base",
    "csaf_version": "2.0",
    "publisher": {
      "category": "vendor",
      "name": "Example Company",
      "namespace": "https://example.com"
    },
    "title": "Minimal CSAF base document",
    "tracking": {
      "current_release_date": "2024-01-24T10:00:00.000Z",
      "id": "EXAMPLE-2024-0001",
      "initial_release_date": "2024-01-24T10:00:00.000Z",
      "revision_history": [
        {
          "date": "2024-01-24T10:00:00.000Z",
          "number": "1",
          "summary": "Initial version."
        }
      ],
      "status": "final",
      "version": "1"
    }
  }
}
"#;

/// `VALID` with `from` replaced by `to` (exactly once).
fn edit(from: &str, to: &str) -> String {
    assert_eq!(
        VALID.matches(from).count(),
        1,
        "`{from}` should occur once in VALID"
    );
    VALID.replacen(from, to, 1)
}

/// The broken documents, in a fixed order: (name, bytes).
fn cases() -> Vec<(&'static str, Vec<u8>)> {
    let truncated = &VALID[..VALID.find("\"current_release_date\"").unwrap() + 10];
    let vulnerabilities = r#"  },
  "vulnerabilities": [
    {
      "cve": "CVE-2024-0001",
      "notes": [
        {
          "category": "description",
          "text": 42
        }
      ]
    }
  ]
}
"#;
    let deep = format!("{}{}", VALID.strip_suffix("  }\n}\n").unwrap(), vulnerabilities);
    // A byte 0xFF (never valid in UTF-8) in the publisher's name.
    let mut invalid_utf8 = edit("\"Example Company\"", "\"Example @Company\"").into_bytes();
    let at = invalid_utf8.iter().position(|&b| b == b'@').unwrap();
    invalid_utf8[at] = 0xFF;
    vec![
        ("truncated.json", truncated.as_bytes().to_vec()),
        (
            "duplicate-key.json",
            edit(
                "    \"title\": \"Minimal",
                "    \"title\": \"Draft title\",\n    \"title\": \"Minimal",
            )
            .into_bytes(),
        ),
        (
            "missing-title.json",
            edit("    \"title\": \"Minimal CSAF base document\",\n", "").into_bytes(),
        ),
        ("deep-wrong-type.json", deep.into_bytes()),
        ("invalid-utf8.json", invalid_utf8),
        ("top-level-array.json", b"[\n  {\"document\": {}}\n]\n".to_vec()),
        (
            "unknown-version.json",
            edit("\"csaf_version\": \"2.0\"", "\"csaf_version\": \"3.0\"").into_bytes(),
        ),
        (
            "multibyte-schema.json",
            edit(
                "    \"category\": \"csaf_base\",",
                "    \"title\": \"Größe 🚀 ünïcödé\", \"category\": 7,",
            )
            .replacen("    \"title\": \"Minimal CSAF base document\",\n", "", 1)
            .into_bytes(),
        ),
        (
            "multibyte-parse.json",
            "{\"document\": {\"title\": \"日本語のタイトル ✓\" \"category\": \"csaf_base\"}}\n"
                .as_bytes()
                .to_vec(),
        ),
    ]
}

/// Runs the input rules and `CL0xx` only (see the module documentation).
fn validator() -> Validator {
    Validator::new(&Options {
        selection: Selection {
            select: Some(vec!["schema".into(), "CL0".into()]),
            ..Default::default()
        },
    })
    .unwrap()
}

/// The reports of `cases()`, with the validation time set to zero so that the summary's slowest
/// files are stable.
fn reports() -> Vec<Report> {
    let v = validator();
    cases()
        .iter()
        .map(|(name, bytes)| Report {
            elapsed: std::time::Duration::ZERO,
            ..v.validate(name, bytes)
        })
        .collect()
}

fn report(name: &str) -> Report {
    let (name, bytes) = cases().into_iter().find(|(n, _)| *n == name).unwrap();
    validator().validate(name, &bytes)
}

fn render(renderer: &mut dyn Renderer, reports: &[Report]) -> String {
    let mut out = Vec::new();
    let mut summary = Summary::default();
    renderer.begin(&mut out).unwrap();
    for r in reports {
        summary.add(r);
        renderer.document(&mut out, r).unwrap();
    }
    renderer.end(&mut out, &summary).unwrap();
    String::from_utf8(out).expect("reports are UTF-8")
}

/// The code point at a 1-based line and column of the document's text.
fn char_at(r: &Report, line: u32, column: u32) -> char {
    let text = r
        .source
        .as_deref()
        .expect("a report with diagnostics keeps its source");
    let line = text.split('\n').nth(line as usize - 1).expect("line exists");
    line.chars().nth(column as usize - 1).unwrap_or('\n') // one past the end of the line: the end of the file or the line
}

/// (rule, pointer, line, column) of every diagnostic.
fn located(r: &Report) -> Vec<(&str, &str, u32, u32)> {
    r.diagnostics
        .iter()
        .map(|d| (d.rule, d.pointer.as_str(), d.line, d.column))
        .collect()
}

#[test]
fn human_output() {
    for r in reports() {
        let text = render(&mut Human::new(false, 100), std::slice::from_ref(&r));
        assert!(!text.contains('\u{1b}'), "no colour codes when colour is off");
        insta::assert_snapshot!(format!("human_{}", r.path.trim_end_matches(".json")), text);
    }
}

/// The `[path:line:column]` header of each rendered diagnostic shows the diagnostic's line and column, in
/// code points like every other output (miette itself would count bytes).
#[test]
fn human_header_shows_line_and_code_point_column() {
    let human = Human::new(false, 100);
    for r in reports() {
        for d in &r.diagnostics {
            let text = human.render(&r, d);
            let header = format!("[{}:{}:{}]", r.path, d.line, d.column);
            assert!(
                text.contains(&header),
                "{}: expected the header `{header}` in\n{text}",
                r.path
            );
        }
    }
}

#[test]
fn jsonl_output() {
    let text = render(&mut JsonLines, &reports());
    assert_eq!(text.lines().count(), cases().len(), "one line per document");
    for line in text.lines() {
        serde_json::from_str::<Value>(line).expect("each line is one JSON object");
    }
    insta::assert_snapshot!("jsonl", text);
}

#[test]
fn json_output() {
    let text = render(&mut Json::default(), &reports());
    let v: Value = serde_json::from_str(&text).expect("the json output is one JSON value");
    assert_eq!(v["documents"].as_array().unwrap().len(), cases().len());
    // the contract's counts (the summary has more: rules, publishers, slowest; see tests/formats.rs)
    let counts: serde_json::Map<String, Value> = v["summary"]
        .as_object()
        .unwrap()
        .iter()
        .filter(|(k, _)| !matches!(k.as_str(), "rules" | "publishers" | "slowest"))
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    assert_eq!(
        Value::Object(counts),
        serde_json::json!({"documents": 9, "valid": 0, "invalid": 9, "errors": 9, "warnings": 0, "infos": 0})
    );
    // The same objects as jsonl, in the same order.
    let lines: Vec<Value> = render(&mut JsonLines, &reports())
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(v["documents"].as_array().unwrap(), &lines);
    insta::assert_snapshot!("json", text);
}

#[test]
fn truncated_json_is_a_parse_error_at_the_end_of_the_file() {
    let r = report("truncated.json");
    // The file ends with line 12, `      "current_r` (16 characters): the error is at its last character.
    assert_eq!(located(&r), [("parse", "", 12, 16)]);
    assert_eq!(char_at(&r, 12, 16), 'r');
    assert_eq!(char_at(&r, 12, 17), '\n', "nothing follows");
    assert_eq!((r.format, r.version), (None, None));
    assert!(
        r.diagnostics[0].message.contains("ends in the middle of"),
        "{}",
        r.diagnostics[0].message
    );
}

#[test]
fn duplicate_key_points_at_the_duplicate() {
    let r = report("duplicate-key.json");
    assert_eq!(located(&r), [("CL001", "/document/title", 11, 14)]);
    assert_eq!(char_at(&r, 11, 14), '"');
    assert!(r.diagnostics[0].message.contains("`title`"));
    assert_eq!(r.version, Some("2.0"));
}

#[test]
fn missing_required_property_points_at_the_parent_object() {
    let r = report("missing-title.json");
    assert_eq!(located(&r), [("schema", "/document", 2, 15)]);
    assert_eq!(char_at(&r, 2, 15), '{');
    assert_eq!(r.diagnostics[0].message, "required property `title` is missing");
}

#[test]
fn wrong_type_deep_inside_a_vulnerability_points_at_the_value() {
    let r = report("deep-wrong-type.json");
    assert_eq!(
        located(&r),
        [("schema", "/vulnerabilities/0/notes/0/text", 32, 19)]
    );
    assert_eq!(char_at(&r, 32, 19), '4');
    assert!(
        r.diagnostics[0].message.contains("`42`"),
        "{}",
        r.diagnostics[0].message
    );
}

#[test]
fn invalid_utf8_points_at_the_bad_byte() {
    let r = report("invalid-utf8.json");
    // Line 7 is `      "name": "Example \xFFCompany",`: the byte 0xFF is the 24th character.
    assert_eq!(located(&r), [("parse", "", 7, 24)]);
    assert_eq!(char_at(&r, 7, 24), char::REPLACEMENT_CHARACTER);
    assert!(
        r.diagnostics[0].message.contains("UTF-8"),
        "{}",
        r.diagnostics[0].message
    );
    assert_eq!((r.format, r.version), (None, None));
}

#[test]
fn top_level_array_is_not_a_csaf_document() {
    let r = report("top-level-array.json");
    assert_eq!(located(&r), [("parse", "", 1, 1)]);
    assert!(
        r.diagnostics[0].message.contains("array"),
        "{}",
        r.diagnostics[0].message
    );
}

#[test]
fn unknown_csaf_version_gives_one_schema_error_and_no_version() {
    let (name, bytes) = cases()
        .into_iter()
        .find(|(n, _)| *n == "unknown-version.json")
        .unwrap();
    // With every rule of the default preset, too: one error, no further tests.
    for v in [validator(), Validator::new(&Options::default()).unwrap()] {
        let r = v.validate(name, &bytes);
        assert_eq!(located(&r), [("schema", "/document/csaf_version", 4, 21)]);
        assert_eq!(char_at(&r, 4, 21), '"');
        assert_eq!(r.version, None);
        assert_eq!(r.format, Some("csaf"));
        assert!(r.diagnostics[0].message.contains("`3.0`"));
    }
    let line = render(&mut JsonLines, &[validator().validate(name, &bytes)]);
    let v: Value = serde_json::from_str(&line).unwrap();
    assert_eq!(v["version"], Value::Null);
}

#[test]
fn columns_count_code_points_not_bytes() {
    let r = report("multibyte-schema.json");
    // Line 3: `    "title": "Größe 🚀 ünïcödé", "category": 7,` — `7` is the 45th code point (54th byte).
    let line = r.source.as_deref().unwrap().lines().nth(2).unwrap();
    assert_eq!(line.find('7').unwrap() + 1, 54, "the byte column differs");
    assert_eq!(located(&r), [("schema", "/document/category", 3, 45)]);
    assert_eq!(char_at(&r, 3, 45), '7');

    let r = report("multibyte-parse.json");
    // `{"document": {"title": "日本語のタイトル ✓" "category"…`: the unexpected `"` is code point 37
    // (byte 53).
    assert_eq!(located(&r), [("parse", "", 1, 37)]);
    assert_eq!(char_at(&r, 1, 36), ' ');
    assert_eq!(char_at(&r, 1, 37), '"');
    assert_eq!(char_at(&r, 1, 38), 'c');
}

/// Like clippy's message convention test: a message starts lowercase (an acronym such as `CVRF` or `UTF-8`
/// may start it) and does not end with a period.
fn message_style_problems<'a>(messages: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    let mut out = Vec::new();
    for m in messages {
        let first_word: String = m.chars().take_while(|c| !c.is_whitespace()).collect();
        let acronym = first_word.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && !first_word.chars().any(|c| c.is_lowercase());
        if m.chars().next().is_some_and(char::is_uppercase) && !acronym {
            out.push(format!("starts uppercase: {m}"));
        }
        if m.trim_end().ends_with('.') {
            out.push(format!("ends with a period: {m}"));
        }
        if m.is_empty() {
            out.push("empty message".to_owned());
        }
    }
    out
}

#[test]
fn message_style_check_catches_bad_messages() {
    let bad = ["The file is broken", "the file is broken.", ""];
    assert_eq!(message_style_problems(bad).len(), 3);
    let good = [
        "the file is broken",
        "`42` is not of type `string`",
        "CVRF documents are not supported",
    ];
    assert!(message_style_problems(good).is_empty());
}

#[test]
fn messages_start_lowercase_and_do_not_end_with_a_period() {
    let mut reports = reports();
    // The default preset over the broken documents and the bundled corpus, too.
    let all = Validator::new(&Options::default()).unwrap();
    reports.extend(cases().iter().map(|(name, bytes)| all.validate(name, bytes)));
    let corpus = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    for e in walkdir::WalkDir::new(&corpus).sort_by_file_name() {
        let e = e.unwrap();
        if e.file_type().is_file() && e.path().extension().is_some_and(|x| x == "json" || x == "xml") {
            reports.push(all.validate(&e.path().to_string_lossy(), &std::fs::read(e.path()).unwrap()));
        }
    }
    let out = render(&mut JsonLines, &reports);
    let mut messages = Vec::new();
    for line in out.lines() {
        let v: Value = serde_json::from_str(line).unwrap();
        for d in v["diagnostics"].as_array().unwrap() {
            messages.push(d["message"].as_str().unwrap().to_owned());
        }
    }
    assert!(
        messages.len() >= 20,
        "too few messages to check: {}",
        messages.len()
    );
    let problems = message_style_problems(messages.iter().map(String::as_str));
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// The capacity a document's output is rendered into ([`Report::rendered_size_hint`]) holds its
/// `jsonl` line without growing, and is not much larger, for every document of the bundled corpus.
#[test]
fn rendered_size_hint_fits_the_jsonl() {
    // the default preset: full
    let validator = Validator::new(&Options::default()).unwrap();
    let mut checked = 0;
    for entry in walkdir::WalkDir::new(concat!(env!("CARGO_MANIFEST_DIR"), "/corpus")) {
        let entry = entry.unwrap();
        if !entry.file_type().is_file() || entry.path().extension().is_some_and(|e| e == "md") {
            continue;
        }
        let bytes = std::fs::read(entry.path()).unwrap();
        let report = validator.validate(&entry.path().display().to_string(), &bytes);
        let mut line = Vec::new();
        JsonLines.render(&report, &mut line).unwrap();
        let hint = report.rendered_size_hint();
        assert!(
            hint >= line.len(),
            "{}: hint {hint} < {}",
            report.path,
            line.len()
        );
        assert!(
            hint <= 2 * line.len() + 256,
            "{}: hint {hint} for {}",
            report.path,
            line.len()
        );
        checked += 1;
    }
    assert!(checked >= 20);
}
