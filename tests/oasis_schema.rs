//! The embedded CSAF JSON schemas against the OASIS examples and test data in `../shared/spec`.
//!
//! Skipped (with a message) when `../shared` is absent.

use csaflint::{Options, Report, Selection, Validator};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn spec() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/spec");
    dir.is_dir().then_some(dir)
}

/// A validator that runs only the schema (and `io`/`parse`, which always run).
fn schema_only() -> Validator {
    Validator::new(&Options {
        selection: Selection {
            select: Some(vec!["schema".into()]),
            ..Default::default()
        },
    })
    .expect("`schema` is a rule")
}

fn json_files(dir: &Path) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = walkdir::WalkDir::new(dir)
        .into_iter()
        .map(|e| e.expect("spec directory is readable"))
        .filter(|e| e.file_type().is_file())
        .map(|e| e.into_path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    out.sort();
    out
}

fn validate(v: &Validator, path: &Path) -> Report {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    v.validate(&path.to_string_lossy(), &bytes)
}

fn examples_have_no_schema_error(version: &str, expected_version: &str) {
    let Some(spec) = spec() else {
        eprintln!("SKIPPED: ../shared is absent, so the OASIS CSAF {version} examples were not checked");
        return;
    };
    let files = json_files(&spec.join(format!("csaf_{version}/examples/csaf")));
    assert!(
        files.len() >= 10,
        "expected the OASIS CSAF {version} examples, found {}",
        files.len()
    );
    let v = schema_only();
    let mut failures = Vec::new();
    for f in &files {
        let r = validate(&v, f);
        if r.version != Some(expected_version) {
            failures.push(format!("{}: version {:?}", r.path, r.version));
        }
        for d in &r.diagnostics {
            failures.push(format!(
                "{}:{}:{}: {} at `{}`: {}",
                r.path, d.line, d.column, d.rule, d.pointer, d.message
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn oasis_csaf_2_0_examples_have_no_schema_error() {
    examples_have_no_schema_error("2.0", "2.0");
}

#[test]
fn oasis_csaf_2_1_examples_have_no_schema_error() {
    examples_have_no_schema_error("2.1", "2.1");
}

/// Errors the OASIS CSAF 2.1 examples have under `--preset basic` because they break the 2.1 text:
/// (file name, rule, the specification's words they break).
const EXAMPLE_ERRORS_2_1: &[(&str, &str, &str)] = &[
    ("rhsa-2021_5186.json", "6.1.36", VENDOR_FIX_FOR_FIXED),
    ("rhsa-2021_5217.json", "6.1.36", VENDOR_FIX_FOR_FIXED),
    ("rhsa-2022_0011.json", "6.1.36", VENDOR_FIX_FOR_FIXED),
];

/// Why the Red Hat examples (converted from CSAF 2.0, where this was common) fail 6.1.36.
const VENDOR_FIX_FOR_FIXED: &str = "CSAF 2.1, remediations `category`, Table 2 \"Product Status Remediation Category \
     Combinations\": `vendor_fix` with Fixed (and with Not Affected) is \"prohibited\"; the example's `vendor_fix` \
     remediation lists its fixed products";

/// The OASIS CSAF 2.1 examples pass `--preset basic` (schema and every mandatory test) without errors,
/// apart from the listed ones, each naming the spec text that the example breaks.
#[test]
fn oasis_csaf_2_1_examples_pass_the_basic_preset() {
    let Some(spec) = spec() else {
        eprintln!("SKIPPED: ../shared is absent, so the OASIS CSAF 2.1 examples were not checked");
        return;
    };
    let files = json_files(&spec.join("csaf_2.1/examples/csaf"));
    let v = Validator::new(&Options {
        selection: Selection {
            preset: csaflint::Preset::Basic,
            ..Default::default()
        },
    })
    .unwrap();
    let mut failures = Vec::new();
    let mut seen = BTreeSet::new();
    for f in &files {
        let r = validate(&v, f);
        let name = f.file_name().unwrap().to_string_lossy().into_owned();
        for d in r
            .diagnostics
            .iter()
            .filter(|d| d.severity == csaflint::Severity::Error)
        {
            if EXAMPLE_ERRORS_2_1
                .iter()
                .any(|(n, rule, _)| *n == name && *rule == d.rule)
            {
                seen.insert((name.clone(), d.rule));
            } else {
                failures.push(format!(
                    "{}:{}:{}: {} at `{}`: {}",
                    r.path, d.line, d.column, d.rule, d.pointer, d.message
                ));
            }
        }
    }
    for (name, rule, _) in EXAMPLE_ERRORS_2_1 {
        if !seen.contains(&(name.to_string(), *rule)) {
            failures.push(format!(
                "{name}: listed with {rule} in EXAMPLE_ERRORS_2_1 but has no such error"
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// In the CSAF 2.0 validator test data, only the three 6.1.8 cases (invalid CVSS objects) are meant to
/// fail the schema; all the other test documents are schema-valid (they fail or pass a spec test).
#[test]
fn oasis_csaf_2_0_test_data_fails_the_schema_exactly_for_6_1_8_01_to_03() {
    let Some(spec) = spec() else {
        eprintln!("SKIPPED: ../shared is absent, so the OASIS CSAF 2.0 test data was not checked");
        return;
    };
    let files: Vec<PathBuf> = json_files(&spec.join("csaf_2.0/test/validator/data"))
        .into_iter()
        .filter(|p| {
            let name = p.file_name().unwrap().to_string_lossy();
            name != "testcases.json" && !name.contains("TEMPLATE")
        })
        .collect();
    assert!(
        files.len() >= 200,
        "expected the OASIS CSAF 2.0 test data, found {} files",
        files.len()
    );

    let expected: BTreeSet<String> = (1..=3)
        .map(|n| format!("oasis_csaf_tc-csaf_2_0-2021-6-1-08-0{n}.json"))
        .collect();
    let v = schema_only();
    let mut failing = BTreeSet::new();
    for f in &files {
        let r = validate(&v, f);
        let name = f.file_name().unwrap().to_string_lossy().into_owned();
        for d in &r.diagnostics {
            assert_eq!(
                d.rule, "schema",
                "{name}: unexpected {} diagnostic: {}",
                d.rule, d.message
            );
            failing.insert(name.clone());
        }
        if !expected.contains(&name) {
            continue;
        }
        assert!(!r.diagnostics.is_empty(), "{name} is meant to fail the schema");
        // The errors point at the CVSS object itself: the `{` of `"cvss_v3": {` (or `cvss_v2`).
        let text = std::fs::read_to_string(f).unwrap();
        for d in &r.diagnostics {
            assert!(
                d.pointer == "/vulnerabilities/0/scores/0/cvss_v3"
                    || d.pointer == "/vulnerabilities/0/scores/0/cvss_v2",
                "{name}: schema error at `{}`, not at the CVSS object: {}",
                d.pointer,
                d.message
            );
            let line = text.lines().nth(d.line as usize - 1).unwrap();
            let key = d.pointer.rsplit('/').next().unwrap();
            assert!(
                line.contains(&format!("\"{key}\": {{")),
                "{name}: line {} is `{line}`",
                d.line
            );
            assert_eq!(
                line.chars().nth(d.column as usize - 1),
                Some('{'),
                "{name}: column {} of `{line}`",
                d.column
            );
        }
        // By hand: in all three files the CVSS object starts at line 41, column 22.
        assert_eq!(
            (r.diagnostics[0].line, r.diagnostics[0].column),
            (41, 22),
            "{name}"
        );
    }
    assert_eq!(failing, expected, "the files with schema errors");
}
