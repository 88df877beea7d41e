//! Per-rule fixtures, ruff style: `tests/fixtures/<rule id>/invalid/NN-slug.json` must make the rule
//! report, and the report is snapshotted; `tests/fixtures/<rule id>/valid/NN-slug.json` must not.
//!
//! Each fixture is a small, complete CSAF 2.0 document (or, later, a CVRF document: `*.xml`) that is
//! valid against its schema and breaks exactly the rule of its folder, where the specification allows.
//! Snapshots: `tests/snapshots/rules__fixtures@<rule id>__<kind>__<file>.snap`, each the rendered
//! human output of every diagnostic followed by one line per diagnostic
//! (`severity rule pointer line:column message`; an empty pointer is written `""`).
//!
//! After adding a fixture: `cargo insta test --test rules --accept` (or `INSTA_UPDATE=always cargo
//! test --test rules`), then read the new `.snap` and check that each line:column points at the
//! offending value.

use csaflint::report::Human;
use csaflint::{Options, Report, Selection, Validator};
use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// The line that separates the rendered diagnostics from the one-line summaries in a snapshot
/// (`tests/registry.rs` reads the lines after it).
const SUMMARY_MARKER: &str = "# severity rule pointer line:column message";

/// A fixture: its rule id (the folder name), `invalid` or `valid`, and the stable relative path
/// used as the report's name.
struct Fixture {
    rule: String,
    kind: String,
    name: String,
}

impl Fixture {
    fn new(path: &Path) -> Fixture {
        let parts: Vec<String> = path
            .components()
            .rev()
            .take(3)
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect();
        let [file, kind, rule] = <[String; 3]>::try_from(parts).expect("fixtures/<rule>/<kind>/<file>");
        assert!(
            kind == "invalid" || kind == "valid",
            "{}: a fixture lives in `invalid/` or `valid/`, not `{kind}/`",
            path.display()
        );
        let name = format!("tests/fixtures/{rule}/{kind}/{file}");
        Fixture { rule, kind, name }
    }

    fn is_invalid(&self) -> bool {
        self.kind == "invalid"
    }
}

/// Every fixture file, sorted (for the tests that do not snapshot).
fn fixture_paths() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut out = Vec::new();
    for rule in std::fs::read_dir(&root).expect("tests/fixtures") {
        for kind in std::fs::read_dir(rule.unwrap().path()).unwrap() {
            for file in std::fs::read_dir(kind.unwrap().path()).unwrap() {
                let path = file.unwrap().path();
                if matches!(path.extension().and_then(|e| e.to_str()), Some("json" | "xml")) {
                    out.push(path);
                }
            }
        }
    }
    out.sort();
    assert!(!out.is_empty(), "no fixtures under {}", root.display());
    out
}

/// Runs the validator with `select` on one fixture.
fn run(select: &[&str], fixture: &Fixture, path: &Path) -> Result<Report, String> {
    let options = Options {
        selection: Selection {
            select: Some(select.iter().map(|s| (*s).to_owned()).collect()),
            ..Default::default()
        },
    };
    let validator = Validator::new(&options).map_err(|e| format!("cannot select {select:?}: {e}"))?;
    let bytes = std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    Ok(validator.validate(&fixture.name, &bytes))
}

fn summary_line(d: &csaflint::Diagnostic) -> String {
    let pointer = if d.pointer.is_empty() { "\"\"" } else { &d.pointer };
    format!(
        "{} {} {} {}:{} {}",
        d.severity, d.rule, pointer, d.line, d.column, d.message
    )
}

/// The snapshot text: the human rendering of every diagnostic, then one line per diagnostic.
fn snapshot_text(report: &Report) -> String {
    let human = Human::new(false, 100);
    let mut s = String::new();
    for d in &report.diagnostics {
        s.push_str(&human.render(report, d));
        if !s.ends_with('\n') {
            s.push('\n');
        }
        s.push('\n');
    }
    s.push_str(SUMMARY_MARKER);
    s.push('\n');
    for d in &report.diagnostics {
        writeln!(s, "{}", summary_line(d)).unwrap();
    }
    s
}

fn listing(report: &Report) -> String {
    if report.diagnostics.is_empty() {
        return "  (none)".to_owned();
    }
    report
        .diagnostics
        .iter()
        .map(|d| format!("  {}", summary_line(d)))
        .collect::<Vec<_>>()
        .join("\n")
}

/// Panics with every failure at once, so that one broken rule does not hide the others.
fn finish(what: &str, failures: Vec<String>) {
    assert!(
        failures.is_empty(),
        "{} fixture(s) {what}:\n\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}

/// The rule of the folder, alone (plus `io` and `parse`, which always run): invalid fixtures must
/// make it report (snapshotted), valid ones must not, and no fixture may fail to parse.
#[test]
fn fixtures() {
    let mut failures = Vec::new();
    insta::glob!("fixtures/*/*/*.{json,xml}", |path| {
        let fixture = Fixture::new(path);
        let mut fail = |msg: String| {
            let msg = format!("{}: {msg}", fixture.name);
            eprintln!("{msg}");
            failures.push(msg);
        };
        let report = match run(&[&fixture.rule], &fixture, path) {
            Ok(r) => r,
            Err(e) => return fail(format!("rule `{}` is not registered? {e}", fixture.rule)),
        };
        if report
            .diagnostics
            .iter()
            .any(|d| d.rule == "parse" || d.rule == "io")
        {
            return fail(format!(
                "the fixture cannot be read or parsed:\n{}",
                listing(&report)
            ));
        }
        let hits = report
            .diagnostics
            .iter()
            .filter(|d| d.rule == fixture.rule)
            .count();
        if fixture.is_invalid() {
            if hits == 0 {
                return fail(format!(
                    "rule `{}` reports nothing on an invalid fixture",
                    fixture.rule
                ));
            }
            insta::assert_snapshot!(snapshot_text(&report));
        } else if hits > 0 {
            fail(format!(
                "rule `{}` reports on a valid fixture:\n{}",
                fixture.rule,
                listing(&report)
            ));
        }
    });
    finish("failed", failures);
}

/// Every fixture is valid against the CSAF JSON schema, so that it tests its rule and nothing else.
/// The exceptions: a CVSS object that breaks FIRST's schema (6.1.8), an SSVC object that breaks
/// CERT/CC's (6.1.46) and an extension that breaks the CSAF Extension Content schema (6.1.60.1)
/// break the CSAF schema too, which embeds those schemas.
#[test]
fn fixtures_are_schema_valid() {
    let mut failures = Vec::new();
    for path in fixture_paths() {
        let fixture = Fixture::new(&path);
        let report = run(&["schema"], &fixture, &path).unwrap();
        let schema_errors = report.diagnostics.iter().filter(|d| d.rule == "schema").count();
        let expected =
            matches!(fixture.rule.as_str(), "6.1.8" | "6.1.46" | "6.1.60.1") && fixture.is_invalid();
        if report
            .diagnostics
            .iter()
            .any(|d| d.rule == "parse" || d.rule == "io")
        {
            failures.push(format!("{}: not readable:\n{}", fixture.name, listing(&report)));
        } else if expected && schema_errors == 0 {
            failures.push(format!(
                "{}: an invalid CVSS/SSVC/extension object should also be a schema error",
                fixture.name
            ));
        } else if !expected && schema_errors > 0 {
            failures.push(format!("{}: schema errors:\n{}", fixture.name, listing(&report)));
        }
    }
    finish("are not schema-valid", failures);
}

/// Other mandatory tests that an invalid fixture cannot avoid tripping, because the specification
/// ties them together (fixture → rule ids).
const UNAVOIDABLE: &[(&str, &[&str])] = &[
    // a `0.y.z` version needs a `0.y.z` revision (6.1.16), which a final document may not have (6.1.18)
    (
        "tests/fixtures/6.1.17/invalid/01-final-with-version-0-9-5.json",
        &["6.1.18"],
    ),
    // a pre-release version is a draft (6.1.17); its revision is either the same pre-release (6.1.19)
    // or differs from the version (6.1.16)
    (
        "tests/fixtures/6.1.20/invalid/01-interim-with-alpha-version.json",
        &["6.1.16", "6.1.17"],
    ),
    // a security advisory's vulnerability needs a product status (6.1.27.6), whose products then
    // have no product tree to be defined in (6.1.1)
    (
        "tests/fixtures/6.1.27.4/invalid/01-security-advisory-without-product-tree.json",
        &["6.1.1"],
    ),
];

/// With every mandatory test and our own `CL0xx` checks on, a fixture trips only the rule of its
/// folder (valid fixtures: nothing), apart from the pairs the specification makes unavoidable.
/// Warnings of other rules do not count.
#[test]
fn fixtures_trip_no_other_rule() {
    let mut failures = Vec::new();
    for path in fixture_paths() {
        let fixture = Fixture::new(&path);
        let report = run(&["6.1", "CL0"], &fixture, &path).unwrap();
        // errors only: a mandatory test may warn about what it does not support (6.1.50, 6.1.60.x)
        let others: BTreeSet<&str> = report
            .diagnostics
            .iter()
            .filter(|d| d.severity == csaflint::Severity::Error)
            .map(|d| d.rule)
            .filter(|r| !(fixture.is_invalid() && *r == fixture.rule))
            .collect();
        let expected: BTreeSet<&str> = UNAVOIDABLE
            .iter()
            .find(|(name, _)| *name == fixture.name)
            .map(|(_, rules)| rules.iter().copied().collect())
            .unwrap_or_default();
        if others != expected {
            failures.push(format!(
                "{}: other rules report {others:?}, expected {expected:?}:\n{}",
                fixture.name,
                listing(&report)
            ));
        }
    }
    finish("trip other rules", failures);
}
