//! The configuration file (`csaflint.toml`): discovery, `--config`, `--no-config`, precedence of the
//! command-line flags, `[rules.severity]`, `[per-path-ignores]`, `fail-on`, and located errors (exit 2),
//! run against the built binary in temporary directories.

use serde_json::Value;
use std::path::Path;
use std::process::{Command, Output};

const BIN: &str = env!("CARGO_BIN_EXE_csaflint");

/// A valid CSAF 2.0 `csaf_base` document without `lang`: its only finding is the optional test 6.2.12
/// (`missing-document-language`), a warning.
const WARNED: &str = r#"{
  "document": {
    "category": "csaf_base",
    "csaf_version": "2.0",
    "distribution": {
      "tlp": {
        "label": "WHITE"
      }
    },
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

fn run(dir: &Path, args: &[&str]) -> Output {
    Command::new(BIN)
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .expect("the csaflint binary runs")
}

fn exit_code(o: &Output) -> i32 {
    o.status.code().expect("exited normally")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// `validate --format jsonl` on the given paths: the exit code and one object per document.
fn validate(dir: &Path, args: &[&str]) -> (i32, Vec<Value>) {
    let mut all = vec!["validate", "--format", "jsonl"];
    all.extend_from_slice(args);
    let o = run(dir, &all);
    let docs = String::from_utf8(o.stdout.clone())
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not a JSON line ({e}): {l}")))
        .collect();
    (exit_code(&o), docs)
}

/// `(rule, severity)` of each diagnostic of a document.
fn findings(doc: &Value) -> Vec<(String, String)> {
    doc["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["rule"].as_str().unwrap().to_owned(),
                d["severity"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

fn rules(doc: &Value) -> Vec<String> {
    findings(doc).into_iter().map(|(r, _)| r).collect()
}

fn write(path: &Path, text: &str) {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).unwrap();
    }
    std::fs::write(path, text).unwrap();
}

/// A temporary directory with `warned.json`.
fn fixture() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    write(&dir.path().join("warned.json"), WARNED);
    dir
}

#[test]
fn the_document_only_warns_without_a_config() {
    let dir = fixture();
    let (code, docs) = validate(dir.path(), &["warned.json"]);
    assert_eq!(code, 0);
    assert_eq!(findings(&docs[0]), [("6.2.12".to_owned(), "warning".to_owned())]);
    assert_eq!(docs[0]["valid"], true);
}

#[test]
fn a_config_is_found_upward_and_its_ignore_silences_a_rule() {
    let dir = fixture();
    write(
        &dir.path().join("csaflint.toml"),
        "[rules]\nignore = [\"missing-document-language\"]\n",
    );
    let deep = dir.path().join("a/b");
    std::fs::create_dir_all(&deep).unwrap();
    // from the directory of the file and from two levels below it
    let (_, docs) = validate(dir.path(), &["warned.json"]);
    assert!(rules(&docs[0]).is_empty(), "{docs:?}");
    let (_, docs) = validate(&deep, &["../../warned.json"]);
    assert!(rules(&docs[0]).is_empty(), "{docs:?}");
    // --no-config ignores it
    let (_, docs) = validate(&deep, &["--no-config", "../../warned.json"]);
    assert_eq!(rules(&docs[0]), ["6.2.12"]);
}

#[test]
fn the_nearest_directory_wins_and_csaflint_toml_before_the_dot_file() {
    let dir = fixture();
    let sub = dir.path().join("sub");
    // the parent's file would make the warning fail; the nearer one does not
    write(&dir.path().join("csaflint.toml"), "fail-on = \"warning\"\n");
    write(&sub.join(".csaflint.toml"), "fail-on = \"error\"\n");
    assert_eq!(validate(&sub, &["../warned.json"]).0, 0);
    assert_eq!(validate(dir.path(), &["warned.json"]).0, 1);
    // in one directory, `csaflint.toml` before `.csaflint.toml`
    write(&sub.join("csaflint.toml"), "fail-on = \"warning\"\n");
    assert_eq!(validate(&sub, &["../warned.json"]).0, 1);
}

#[test]
fn an_explicit_config_is_used_instead_of_the_discovered_one() {
    let dir = fixture();
    write(
        &dir.path().join("csaflint.toml"),
        "[rules]\nignore = [\"6.2.12\"]\n",
    );
    write(&dir.path().join("conf/strict.toml"), "fail-on = \"warning\"\n");
    let (code, docs) = validate(dir.path(), &["--config", "conf/strict.toml", "warned.json"]);
    assert_eq!((code, rules(&docs[0])), (1, vec!["6.2.12".to_owned()]));
    // a missing --config file is an error
    let o = run(
        dir.path(),
        &["validate", "--config", "conf/missing.toml", "warned.json"],
    );
    assert_eq!(exit_code(&o), 2);
    assert!(stderr(&o).contains("conf/missing.toml"), "{}", stderr(&o));
    // --config and --no-config exclude each other
    let o = run(
        dir.path(),
        &[
            "validate",
            "--config",
            "conf/strict.toml",
            "--no-config",
            "warned.json",
        ],
    );
    assert_eq!(exit_code(&o), 2);
}

#[test]
fn fail_on_warning_fails_a_document_with_only_warnings() {
    let dir = fixture();
    write(&dir.path().join("csaflint.toml"), "fail-on = \"warning\"\n");
    let (code, docs) = validate(dir.path(), &["warned.json"]);
    assert_eq!(code, 1);
    assert_eq!(docs[0]["valid"], true, "fail-on does not change `valid`");
    // the flag overrides the file
    assert_eq!(validate(dir.path(), &["--fail-on", "error", "warned.json"]).0, 0);
}

#[test]
fn command_line_flags_override_the_file() {
    let dir = fixture();
    write(
        &dir.path().join("csaflint.toml"),
        "preset = \"basic\"\n[rules]\nselect = [\"schema\", \"6.1\"]\nignore = [\"6.2.12\"]\n",
    );
    let (_, docs) = validate(dir.path(), &["warned.json"]);
    assert!(rules(&docs[0]).is_empty());
    // --ignore replaces the file's ignore (6.2.12 is not ignored any more), but the file's select
    // still leaves 6.2 out
    let (_, docs) = validate(dir.path(), &["--ignore", "6.1.1", "warned.json"]);
    assert!(rules(&docs[0]).is_empty());
    // --select replaces the file's select; the file's ignore still applies
    let (_, docs) = validate(dir.path(), &["--select", "6.2", "warned.json"]);
    assert!(rules(&docs[0]).is_empty());
    let (_, docs) = validate(
        dir.path(),
        &["--select", "6.2", "--ignore", "6.1.1", "warned.json"],
    );
    assert_eq!(rules(&docs[0]), ["6.2.12"]);
    // --preset replaces the file's preset; --extend-select adds to the file's select
    write(
        &dir.path().join("csaflint.toml"),
        "preset = \"basic\"\n[rules]\nextend-select = [\"CL1\"]\n",
    );
    assert!(rules(&validate(dir.path(), &["warned.json"]).1[0]).is_empty());
    let (_, docs) = validate(dir.path(), &["--preset", "full", "warned.json"]);
    assert_eq!(rules(&docs[0]), ["6.2.12"]);
    let (_, docs) = validate(dir.path(), &["--extend-select", "6.2.12", "warned.json"]);
    assert_eq!(rules(&docs[0]), ["6.2.12"]);
}

#[test]
fn a_severity_override_raises_a_warning_to_an_error() {
    let dir = fixture();
    write(
        &dir.path().join("csaflint.toml"),
        "[rules.severity]\n\"missing-document-language\" = \"error\"\n",
    );
    let (code, docs) = validate(dir.path(), &["warned.json"]);
    assert_eq!(code, 1);
    assert_eq!(docs[0]["valid"], false);
    assert_eq!(findings(&docs[0]), [("6.2.12".to_owned(), "error".to_owned())]);
    // a more specific selector wins over a prefix, whatever the order in the file
    write(
        &dir.path().join("csaflint.toml"),
        "[rules.severity]\n\"6.2.12\" = \"info\"\n\"6.2\" = \"error\"\n",
    );
    let (code, docs) = validate(dir.path(), &["warned.json"]);
    assert_eq!(code, 0);
    assert_eq!(findings(&docs[0]), [("6.2.12".to_owned(), "info".to_owned())]);
    // the flags do not remove it
    let (code, _) = validate(
        dir.path(),
        &["--fail-on", "info", "--select", "6.2", "warned.json"],
    );
    assert_eq!(code, 1);
}

#[test]
fn per_path_ignores_apply_relative_to_the_config_file() {
    let dir = fixture();
    write(&dir.path().join("archive/x.json"), WARNED);
    write(&dir.path().join("current/x.json"), WARNED);
    write(
        &dir.path().join("csaflint.toml"),
        "[per-path-ignores]\n\"archive/**\" = [\"missing-document-language\"]\n",
    );
    let by_path = |docs: &[Value]| -> Vec<(String, Vec<String>)> {
        docs.iter()
            .map(|d| (d["path"].as_str().unwrap().to_owned(), rules(d)))
            .collect()
    };
    let (_, docs) = validate(dir.path(), &["archive/x.json", "current/x.json"]);
    assert_eq!(
        by_path(&docs),
        [
            ("archive/x.json".to_owned(), vec![]),
            ("current/x.json".to_owned(), vec!["6.2.12".to_owned()]),
        ]
    );
    // a directory argument, from a subdirectory: the globs stay relative to the config file
    let current = dir.path().join("current");
    let (_, docs) = validate(&current, &["..", "x.json"]);
    let got = by_path(&docs);
    assert!(got.contains(&("../archive/x.json".to_owned(), vec![])), "{got:?}");
    assert!(
        got.contains(&("../current/x.json".to_owned(), vec!["6.2.12".to_owned()])),
        "{got:?}"
    );
    assert!(
        got.contains(&("x.json".to_owned(), vec!["6.2.12".to_owned()])),
        "{got:?}"
    );
    // an explicit config: its own directory is the root
    write(
        &dir.path().join("ci.toml"),
        "[per-path-ignores]\n\"current/*.json\" = [\"6.2\"]\n",
    );
    write(
        &dir.path().join("conf/c.toml"),
        "[per-path-ignores]\n\"archive/**\" = [\"6.2\"]\n",
    );
    let both = ["archive/x.json", "current/x.json"];
    let (_, docs) = validate(dir.path(), &[&["--config", "ci.toml"][..], &both].concat());
    assert_eq!(
        by_path(&docs),
        [
            ("archive/x.json".to_owned(), vec!["6.2.12".to_owned()]),
            ("current/x.json".to_owned(), vec![]),
        ]
    );
    let (_, docs) = validate(dir.path(), &[&["--config", "conf/c.toml"][..], &both].concat());
    assert!(by_path(&docs).iter().all(|(_, r)| r == &["6.2.12"]), "{docs:?}");
    // standard input matches no glob
    write(
        &dir.path().join("csaflint.toml"),
        "[per-path-ignores]\n\"*\" = [\"6.2\"]\n",
    );
    let o = Command::new(BIN)
        .args(["validate", "--format", "jsonl", "-", "current/x.json"])
        .current_dir(dir.path())
        .stdin(std::fs::File::open(dir.path().join("warned.json")).unwrap())
        .output()
        .unwrap();
    let out = String::from_utf8(o.stdout).unwrap();
    let docs: Vec<Value> = out.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(
        by_path(&docs),
        [
            ("-".to_owned(), vec!["6.2.12".to_owned()]),
            ("current/x.json".to_owned(), vec![]),
        ]
    );
}

/// Runs `validate` with the config text in `csaflint.toml` of a subdirectory's parent, and returns the
/// exit code and standard error.
fn config_error(toml: &str) -> (i32, String) {
    let dir = fixture();
    write(&dir.path().join("csaflint.toml"), toml);
    let o = run(dir.path(), &["validate", "warned.json"]);
    assert!(o.stdout.is_empty(), "no document is validated");
    (exit_code(&o), stderr(&o))
}

#[test]
fn an_unknown_key_is_a_located_error() {
    let (code, err) = config_error("preset = \"full\"\n\n[rules]\nignored = [\"6.2.12\"]\n");
    assert_eq!(code, 2);
    assert!(err.contains("csaflint.toml:4:1: unknown key `ignored`"), "{err}");
    let (code, err) = config_error("fail_on = \"warning\"\n");
    assert_eq!(code, 2);
    assert!(err.contains("csaflint.toml:1:1: unknown key `fail_on`"), "{err}");
    // a wrong type
    let (code, err) = config_error("[rules]\nselect = \"6.1\"\n");
    assert_eq!(code, 2);
    assert!(
        err.contains("csaflint.toml:2:10: invalid type: string \"6.1\", expected a sequence"),
        "{err}"
    );
}

#[test]
fn an_unknown_rule_is_a_located_error() {
    let (code, err) = config_error(
        "# release checks\npreset = \"vendor-release\"\n\n[rules]\nselect = [\"6.1\", \"CL1\"]\n\
         ignore = [\n    \"6.3.8\",\n    \"remediation-date-mising\",\n]\n",
    );
    assert_eq!(code, 2);
    assert!(
        err.contains("csaflint.toml:8:5: unknown rule `remediation-date-mising` in `rules.ignore`"),
        "{err}"
    );
    // a key of [rules.severity], and from a subdirectory (the path is shown as found)
    let dir = fixture();
    write(
        &dir.path().join("csaflint.toml"),
        "[rules.severity]\n\"6.2.12\" = \"error\"\n\"6.9\" = \"error\"\n",
    );
    let sub = dir.path().join("sub");
    std::fs::create_dir_all(&sub).unwrap();
    let o = run(&sub, &["validate", "../warned.json"]);
    assert_eq!(exit_code(&o), 2);
    assert!(
        stderr(&o).contains("../csaflint.toml:3:1: unknown rule `6.9` in `rules.severity`"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn a_bad_severity_is_a_located_error() {
    let (code, err) = config_error("[rules.severity]\n\"missing-document-language\" = \"fatal\"\n");
    assert_eq!(code, 2);
    assert!(
        err.contains("csaflint.toml:2:31: unknown severity `fatal` in `rules.severity`"),
        "{err}"
    );
    let (code, err) = config_error("fail-on = \"warn\"\n");
    assert_eq!(code, 2);
    assert!(
        err.contains("csaflint.toml:1:11: unknown severity `warn` in `fail-on`"),
        "{err}"
    );
    let (code, err) = config_error("preset = \"fast\"\n");
    assert_eq!(code, 2);
    assert!(
        err.contains("csaflint.toml:1:10: unknown preset `fast` in `preset`"),
        "{err}"
    );
}

#[test]
fn the_convert_table_is_accepted() {
    let dir = fixture();
    write(
        &dir.path().join("csaflint.toml"),
        "[convert]\npublisher-name = \"Example\"\npublisher-namespace = \"https://example.com\"\n\
         publisher-category = \"vendor\"\n",
    );
    assert_eq!(validate(dir.path(), &["warned.json"]).0, 0);
    let config = csaflint::config::load(&dir.path().join("csaflint.toml")).unwrap();
    assert_eq!(config.convert.publisher_category.as_deref(), Some("vendor"));
}
