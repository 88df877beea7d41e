//! The command line: exit codes (contract §4), inputs (files, directories, `-`) and the machine output
//! (contract §3), run against the built binary.

use serde_json::Value;
use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_csaflint");

/// A small valid CSAF 2.0 `csaf_base` document that no rule objects to (with a TLP label, a language
/// and a canonical `self` URL, which optional tests ask for).
const VALID: &str = r#"{
  "document": {
    "category": "csaf_base",
    "csaf_version": "2.0",
    "distribution": {
      "tlp": {
        "label": "WHITE"
      }
    },
    "lang": "en",
    "publisher": {
      "category": "vendor",
      "name": "Example Company",
      "namespace": "https://example.com"
    },
    "references": [
      {
        "category": "self",
        "summary": "Canonical URL",
        "url": "https://example.com/.well-known/csaf/white/2024/example-2024-0001.json"
      }
    ],
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

/// `VALID` without its required `title`: a `schema` error at `/document` (line 2, column 15).
fn invalid() -> String {
    VALID.replace("    \"title\": \"Minimal CSAF base document\",\n", "")
}

/// `VALID` without its `lang`: valid, but optional test 6.2.12 (missing `/document/lang`) warns.
fn warned() -> String {
    VALID.replace("    \"lang\": \"en\",\n", "")
}

fn csaflint(dir: &Path, args: &[&str]) -> Output {
    Command::new(BIN)
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .expect("the csaflint binary runs")
}

fn with_stdin(dir: &Path, args: &[&str], input: &[u8]) -> Output {
    let mut child = Command::new(BIN)
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the csaflint binary runs");
    child.stdin.take().unwrap().write_all(input).unwrap();
    child.wait_with_output().unwrap()
}

fn code(o: &Output) -> i32 {
    o.status.code().expect("exited normally")
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).expect("stdout is UTF-8")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// The jsonl output, one object per line.
fn jsonl(o: &Output) -> Vec<Value> {
    stdout(o)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not a JSON line ({e}): {l}")))
        .collect()
}

/// The keys of an object, sorted (the contract fixes the fields, not their order).
fn keys(v: &Value) -> Vec<&str> {
    let mut keys: Vec<&str> = v
        .as_object()
        .expect("an object")
        .keys()
        .map(String::as_str)
        .collect();
    keys.sort();
    keys
}

fn paths(docs: &[Value]) -> Vec<&str> {
    docs.iter().map(|d| d["path"].as_str().unwrap()).collect()
}

/// A temporary directory with `valid.json`, `invalid.json` and `warned.json`.
fn fixture() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("valid.json"), VALID).unwrap();
    std::fs::write(dir.path().join("invalid.json"), invalid()).unwrap();
    std::fs::write(dir.path().join("warned.json"), warned()).unwrap();
    dir
}

#[test]
fn exit_0_for_a_clean_document() {
    let dir = fixture();
    let o = csaflint(dir.path(), &["validate", "valid.json"]);
    assert_eq!(code(&o), 0, "stdout: {}\nstderr: {}", stdout(&o), stderr(&o));
    assert!(
        stdout(&o).contains("1 document checked: 1 valid, 0 invalid"),
        "{}",
        stdout(&o)
    );

    let o = csaflint(dir.path(), &["validate", "--format", "jsonl", "valid.json"]);
    assert_eq!(code(&o), 0);
    let docs = jsonl(&o);
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0]["valid"], true);
    assert_eq!(docs[0]["format"], "csaf");
    assert_eq!(docs[0]["version"], "2.0");
    assert_eq!(
        docs[0]["diagnostics"],
        serde_json::json!([]),
        "VALID should be clean: if a new rule reports it, the rule is wrong or VALID needs fixing"
    );
}

#[test]
fn exit_0_for_an_oasis_example() {
    let example = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/spec/csaf_2.0/examples/csaf/bsi-2022-0001.json");
    if !example.is_file() {
        eprintln!("SKIPPED: ../shared is absent, so no OASIS example was run through the CLI");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let o = csaflint(dir.path(), &["validate", example.to_str().unwrap()]);
    assert_eq!(code(&o), 0, "stdout: {}\nstderr: {}", stdout(&o), stderr(&o));
}

#[test]
fn exit_1_for_a_document_with_an_error() {
    let dir = fixture();
    let o = csaflint(dir.path(), &["validate", "invalid.json"]);
    assert_eq!(code(&o), 1);
    let out = stdout(&o);
    assert!(out.contains("required property `title` is missing"), "{out}");
    assert!(
        out.contains("invalid.json:2:15"),
        "the human output shows path:line:column\n{out}"
    );
    assert!(
        out.contains("1 document checked: 0 valid, 1 invalid; 1 error"),
        "{out}"
    );
    assert!(stderr(&o).is_empty(), "{}", stderr(&o));
}

#[test]
fn exit_1_when_one_of_two_paths_does_not_exist() {
    let dir = fixture();
    let o = csaflint(
        dir.path(),
        &["validate", "--format", "jsonl", "valid.json", "missing/nope.json"],
    );
    assert_eq!(code(&o), 1, "stderr: {}", stderr(&o));
    let docs = jsonl(&o);
    assert_eq!(
        paths(&docs),
        ["valid.json", "missing/nope.json"],
        "in the order of the arguments"
    );
    assert_eq!(docs[0]["valid"], true);
    let broken = &docs[1];
    assert_eq!(broken["valid"], false);
    assert_eq!(broken["format"], Value::Null);
    assert_eq!(broken["version"], Value::Null);
    let diags = broken["diagnostics"].as_array().unwrap();
    assert_eq!(diags.len(), 1);
    assert_eq!(diags[0]["rule"], "io");
    assert_eq!(diags[0]["name"], "io-error");
    assert_eq!(diags[0]["severity"], "error");
    assert_eq!(diags[0]["pointer"], "");
    assert_eq!(
        (diags[0]["line"].as_u64(), diags[0]["column"].as_u64()),
        (Some(1), Some(1))
    );
    assert!(diags[0]["message"]
        .as_str()
        .unwrap()
        .contains("missing/nope.json"));
}

#[test]
fn exit_2_for_usage_errors() {
    let dir = fixture();
    let usage_errors: &[&[&str]] = &[
        &["validate", "--no-such-flag", "valid.json"],
        &["validate", "--preset", "no-such-preset", "valid.json"],
        &["validate", "--select", "no-such-rule", "valid.json"],
        &["validate", "--select", "schema,no-such-rule", "valid.json"],
        &["validate", "--extend-select", "no-such-rule", "valid.json"],
        &["validate", "--ignore", "no-such-rule", "valid.json"],
        &["validate", "--fail-on", "fatal", "valid.json"],
        &["validate", "--format", "xml", "valid.json"],
        &["validate"],
        &["no-such-command"],
    ];
    for args in usage_errors {
        let o = csaflint(dir.path(), args);
        assert_eq!(
            code(&o),
            2,
            "csaflint {}: stdout {}, stderr {}",
            args.join(" "),
            stdout(&o),
            stderr(&o)
        );
        assert!(
            o.stdout.is_empty(),
            "csaflint {}: nothing on stdout, got {}",
            args.join(" "),
            stdout(&o)
        );
        assert!(
            !o.stderr.is_empty(),
            "csaflint {}: the error is on stderr",
            args.join(" ")
        );
    }
    // The same selectors with a real rule are fine.
    let o = csaflint(
        dir.path(),
        &[
            "validate",
            "--select",
            "schema",
            "--preset",
            "basic",
            "valid.json",
        ],
    );
    assert_eq!(code(&o), 0, "{}", stderr(&o));
}

#[test]
fn exit_2_when_none_of_the_paths_exists() {
    let dir = fixture();
    let o = csaflint(dir.path(), &["validate", "nope.json", "nope/"]);
    assert_eq!(code(&o), 2);
    assert!(o.stdout.is_empty(), "{}", stdout(&o));
    assert!(
        stderr(&o).contains("none of the given paths exists"),
        "{}",
        stderr(&o)
    );
}

/// The exit code is 1 exactly when some diagnostic is at or above `--fail-on`.
#[test]
fn fail_on_sets_the_threshold() {
    let dir = fixture();
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let corpus = corpus.to_str().unwrap();
    for input in ["valid.json", "warned.json", "invalid.json", corpus] {
        let o = csaflint(dir.path(), &["validate", "--format", "jsonl", input]);
        let severities: Vec<String> = jsonl(&o)
            .iter()
            .flat_map(|d| d["diagnostics"].as_array().unwrap().clone())
            .map(|d| d["severity"].as_str().unwrap().to_owned())
            .collect();
        let has = |s: &str| severities.iter().any(|x| x == s);
        for (fail_on, failing) in [
            ("error", has("error")),
            ("warning", has("error") || has("warning")),
            ("info", !severities.is_empty()),
        ] {
            let o = csaflint(
                dir.path(),
                &["validate", "--format", "jsonl", "--fail-on", fail_on, input],
            );
            assert_eq!(
                code(&o),
                i32::from(failing),
                "{input} with --fail-on {fail_on}: {severities:?}"
            );
        }
    }

    // By hand: a document with warnings and no error fails only from `--fail-on warning` on.
    let o = csaflint(dir.path(), &["validate", "--format", "jsonl", "warned.json"]);
    let diags = jsonl(&o)[0]["diagnostics"].as_array().unwrap().clone();
    assert!(
        diags.iter().any(|d| d["severity"] == "warning") && diags.iter().all(|d| d["severity"] != "error"),
        "warned.json should have warnings and no error: {diags:?}"
    );
    assert_eq!(code(&o), 0, "warnings alone do not fail by default");
    for (fail_on, expected) in [("error", 0), ("warning", 1), ("info", 1)] {
        let o = csaflint(dir.path(), &["validate", "--fail-on", fail_on, "warned.json"]);
        assert_eq!(code(&o), expected, "warned.json with --fail-on {fail_on}");
    }
    // Errors fail at every threshold; a clean document at none.
    for fail_on in ["error", "warning", "info"] {
        let o = csaflint(dir.path(), &["validate", "--fail-on", fail_on, "invalid.json"]);
        assert_eq!(code(&o), 1, "invalid.json with --fail-on {fail_on}");
        let o = csaflint(dir.path(), &["validate", "--fail-on", fail_on, "valid.json"]);
        assert_eq!(code(&o), 0, "valid.json with --fail-on {fail_on}");
    }
}

#[test]
fn dash_reads_standard_input() {
    let dir = tempfile::tempdir().unwrap();
    let o = with_stdin(
        dir.path(),
        &["validate", "--format", "jsonl", "-"],
        VALID.as_bytes(),
    );
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    let docs = jsonl(&o);
    assert_eq!(paths(&docs), ["-"]);
    assert_eq!(docs[0]["valid"], true);

    let o = with_stdin(
        dir.path(),
        &["validate", "--format", "jsonl", "-"],
        invalid().as_bytes(),
    );
    assert_eq!(code(&o), 1);
    let docs = jsonl(&o);
    assert_eq!(paths(&docs), ["-"]);
    let schema = docs[0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["rule"] == "schema")
        .expect("a schema error");
    assert_eq!(schema["pointer"], "/document");
    assert_eq!(
        (schema["line"].as_u64(), schema["column"].as_u64()),
        (Some(2), Some(15))
    );
}

#[test]
fn directories_are_listed_recursively_and_sorted() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    for (path, content) in [
        ("d/b.json", VALID.to_owned()),
        ("d/a/z.xml", "<cvrfdoc/>".to_owned()),
        ("d/a/y.json", invalid()),
        ("d/a/deeper/x.JSON", VALID.to_owned()),
        ("d/c.txt", "not a document".to_owned()),
        ("d/README", "not a document".to_owned()),
        ("d/0.json", VALID.to_owned()),
        ("top.json", VALID.to_owned()),
    ] {
        let p = root.join(path);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, content).unwrap();
    }
    let expected = ["0.json", "a/deeper/x.JSON", "a/y.json", "a/z.xml", "b.json"];
    for arg in ["d", "./d", "d/"] {
        let o = csaflint(root, &["validate", "--format", "jsonl", "top.json", arg]);
        let docs = jsonl(&o);
        let base = arg.trim_end_matches('/');
        let mut want = vec!["top.json".to_owned()];
        want.extend(expected.iter().map(|e| format!("{base}/{e}")));
        assert_eq!(paths(&docs), want, "`validate top.json {arg}`");
        assert_eq!(code(&o), 1, "y.json has an error");
    }
    // An absolute directory argument gives absolute paths.
    let abs = root.join("d");
    let o = csaflint(root, &["validate", "--format", "jsonl", abs.to_str().unwrap()]);
    let want: Vec<String> = expected
        .iter()
        .map(|e| abs.join(e).to_string_lossy().into_owned())
        .collect();
    assert_eq!(paths(&jsonl(&o)), want);
}

#[test]
fn json_output_is_one_object_with_documents_and_summary() {
    let dir = fixture();
    let args = ["valid.json", "warned.json", "invalid.json", "gone.json"];
    let o = csaflint(
        dir.path(),
        &[&["validate", "--format", "json"][..], &args].concat(),
    );
    assert_eq!(code(&o), 1);
    let v: Value = serde_json::from_str(&stdout(&o)).expect("one JSON value");
    assert_eq!(keys(&v), ["documents", "summary"]);
    let docs = v["documents"].as_array().unwrap();
    assert_eq!(paths(docs), args, "in the order of the arguments");
    let mut count = std::collections::BTreeMap::new();
    for d in docs {
        assert_eq!(keys(d), ["diagnostics", "format", "path", "valid", "version"]);
        for diag in d["diagnostics"].as_array().unwrap() {
            assert_eq!(
                keys(diag),
                ["column", "line", "message", "name", "pointer", "rule", "severity"]
            );
            assert!(diag["line"].as_u64().unwrap() >= 1 && diag["column"].as_u64().unwrap() >= 1);
            *count
                .entry(diag["severity"].as_str().unwrap().to_owned())
                .or_insert(0u64) += 1;
        }
        let has_error = d["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .any(|x| x["severity"] == "error");
        assert_eq!(
            d["valid"], !has_error,
            "`valid` is true when no diagnostic is an error"
        );
    }
    let n = |s: &str| count.get(s).copied().unwrap_or(0);
    // the contract's counts; `rules`, `publishers` and `slowest` follow (tests/formats.rs)
    let mut summary = v["summary"].clone();
    for extra in ["rules", "publishers", "slowest"] {
        assert!(summary[extra].is_array(), "summary has `{extra}`");
        summary.as_object_mut().unwrap().remove(extra);
    }
    assert_eq!(
        summary,
        serde_json::json!({"documents": 4, "valid": 2, "invalid": 2,
                           "errors": n("error"), "warnings": n("warning"), "infos": n("info")})
    );
    assert!(n("error") >= 2 && n("warning") >= 1, "{count:?}");
    let schema = docs[2]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["rule"] == "schema")
        .expect("invalid.json has a schema error");
    assert_eq!(schema["name"], "json-schema");
    assert_eq!(schema["severity"], "error");
    assert_eq!(schema["pointer"], "/document");
    assert_eq!(
        (schema["line"].as_u64(), schema["column"].as_u64()),
        (Some(2), Some(15))
    );
    assert_eq!(docs[3]["diagnostics"][0]["rule"], "io");

    // The same documents as jsonl.
    let o = csaflint(
        dir.path(),
        &[&["validate", "--format", "jsonl"][..], &args].concat(),
    );
    assert_eq!(&jsonl(&o), docs);
}

#[test]
fn jsonl_has_one_line_per_document() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let files = walkdir::WalkDir::new(root.join("corpus"))
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "json" || x == "xml"))
        .count();
    let o = csaflint(root, &["validate", "--format", "jsonl", "corpus"]);
    let docs = jsonl(&o);
    assert_eq!(docs.len(), files, "one line per file under corpus/");
    let mut sorted = paths(&docs);
    sorted.sort_by(|a, b| Path::new(a).cmp(Path::new(b)));
    assert_eq!(
        paths(&docs),
        sorted,
        "sorted by path (component by component: `ciq/` before `ciq-vex/`)"
    );
    assert!(paths(&docs).iter().all(|p| p.starts_with("corpus/")));
    // Every line is complete: a document object with every field.
    for d in &docs {
        assert!(d["valid"].is_boolean() && d["diagnostics"].is_array(), "{d}");
    }
}

/// `--csaf-version` reads a document as the given CSAF version whatever it declares: its schema (so
/// the declared `csaf_version` itself becomes a schema error), its model and its tests.
#[test]
fn csaf_version_forces_the_version() {
    let dir = fixture();
    let plain = jsonl(&csaflint(
        dir.path(),
        &["validate", "--format", "jsonl", "valid.json"],
    ));
    assert_eq!(plain[0]["version"], "2.0");
    assert_eq!(plain[0]["valid"], true);

    let o = csaflint(
        dir.path(),
        &[
            "validate",
            "--format",
            "jsonl",
            "--csaf-version",
            "2.1",
            "valid.json",
        ],
    );
    assert_eq!(code(&o), 1, "{}", stdout(&o));
    let forced = jsonl(&o);
    assert_eq!(forced[0]["version"], "2.1");
    let schema: Vec<&str> = forced[0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["rule"] == "schema")
        .map(|d| d["pointer"].as_str().unwrap())
        .collect();
    // 2.1 requires `$schema` at the top and allows only `2.1` as `csaf_version`.
    assert!(schema.contains(&""), "{schema:?}");
    assert!(schema.contains(&"/document/csaf_version"), "{schema:?}");

    let o = csaflint(dir.path(), &["validate", "--csaf-version", "3.0", "valid.json"]);
    assert_eq!(code(&o), 2, "an unknown version is a usage error");
}
