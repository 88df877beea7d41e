//! Real advisories: the developer corpus in `../shared/corpus` (when present) and the bundled `corpus/`.
//!
//! - Every document goes through [`Validator::validate`] without an `io` or `parse` diagnostic, and every
//!   diagnostic is located (line and column ≥ 1). CSAF and CVRF are separate tests.
//! - Lintcheck: a compact summary of what the default preset reports on the bundled corpus is snapshotted,
//!   so any change of behaviour shows up as a diff to review (`cargo insta review`, or
//!   `INSTA_UPDATE=always cargo test --test corpus` and read the diff of `tests/snapshots/`).

use csaflint::{Options, Report, Validator};
use rayon::prelude::*;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

const MANIFEST_DIR: &str = env!("CARGO_MANIFEST_DIR");

/// `../shared` next to the checkout, when it exists.
fn shared() -> Option<PathBuf> {
    let dir = Path::new(MANIFEST_DIR).join("../shared");
    dir.is_dir().then_some(dir)
}

fn bundled() -> PathBuf {
    Path::new(MANIFEST_DIR).join("corpus")
}

/// Files with the extension `ext` under `dir`, sorted.
fn files(dir: &Path, ext: &str) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = walkdir::WalkDir::new(dir)
        .into_iter()
        .map(|e| e.expect("corpus directory is readable"))
        .filter(|e| e.file_type().is_file())
        .map(|e| e.into_path())
        .filter(|p| p.extension().is_some_and(|e| e.eq_ignore_ascii_case(ext)))
        .collect();
    out.sort();
    out
}

/// Validates every file with the default options; returns the reports, named relative to `root`.
fn validate_all(root: &Path, files: &[PathBuf]) -> Vec<Report> {
    let validator = Validator::new(&Options::default()).expect("the default options are valid");
    files
        .par_iter()
        .map(|p| {
            let bytes = std::fs::read(p).unwrap_or_else(|e| panic!("cannot read {}: {e}", p.display()));
            let name = p.strip_prefix(root).unwrap_or(p).to_string_lossy().into_owned();
            validator.validate(&name, &bytes)
        })
        .collect()
}

/// Every problem with the reports: `io`/`parse` diagnostics, unlocated diagnostics, wrong format.
fn problems(reports: &[Report], format: &str) -> Vec<String> {
    let mut out = Vec::new();
    for r in reports {
        if r.format != Some(format) {
            out.push(format!(
                "{}: format is {:?}, expected {format:?}",
                r.path, r.format
            ));
        }
        for d in &r.diagnostics {
            if d.rule == "io" || d.rule == "parse" {
                out.push(format!(
                    "{}:{}:{}: {} {}",
                    r.path, d.line, d.column, d.rule, d.message
                ));
            }
            if d.line < 1 || d.column < 1 {
                out.push(format!(
                    "{}: {} at {} is not located (line {}, column {})",
                    r.path, d.rule, d.pointer, d.line, d.column
                ));
            }
        }
    }
    out
}

fn assert_clean(what: &str, reports: &[Report], format: &str) {
    let problems = problems(reports, format);
    assert!(
        problems.is_empty(),
        "{what}: {} problem(s) in {} documents:\n{}",
        problems.len(),
        reports.len(),
        problems.join("\n")
    );
}

#[test]
fn shared_csaf_corpus_parses_without_io_or_parse_diagnostics() {
    let Some(shared) = shared() else {
        eprintln!(
            "SKIPPED: ../shared is absent, so the 774 CSAF files of ../shared/corpus/csaf were not checked"
        );
        return;
    };
    let root = shared.join("corpus/csaf");
    let files = files(&root, "json");
    assert_eq!(
        files.len(),
        774,
        "../shared/corpus/csaf should hold 774 CSAF documents"
    );
    let reports = validate_all(&root, &files);
    assert_clean("../shared/corpus/csaf", &reports, "csaf");
    // The corpus is CSAF 2.0 throughout; a version of `None` would mean the version was not read.
    assert!(reports.iter().all(|r| r.version == Some("2.0")));
}

#[test]
fn shared_cvrf_corpus_parses_without_io_or_parse_diagnostics() {
    let Some(shared) = shared() else {
        eprintln!(
            "SKIPPED: ../shared is absent, so the CVRF files of ../shared/corpus/cvrf were not checked"
        );
        return;
    };
    let root = shared.join("corpus/cvrf");
    let files = files(&root, "xml");
    assert_eq!(
        files.len(),
        602,
        "../shared/corpus/cvrf should hold 602 CVRF documents"
    );
    let reports = validate_all(&root, &files);
    assert_clean("../shared/corpus/cvrf", &reports, "cvrf");
}

#[test]
fn bundled_csaf_corpus_parses_without_io_or_parse_diagnostics() {
    let root = bundled();
    let files = files(&root.join("csaf"), "json");
    assert!(
        files.len() >= 20,
        "corpus/csaf should hold at least 20 documents, found {}",
        files.len()
    );
    assert_clean("corpus/csaf", &validate_all(&root, &files), "csaf");
}

#[test]
fn bundled_cvrf_corpus_parses_without_io_or_parse_diagnostics() {
    let root = bundled();
    let files = files(&root.join("cvrf"), "xml");
    assert!(
        files.len() >= 5,
        "corpus/cvrf should hold at least 5 documents, found {}",
        files.len()
    );
    assert_clean("corpus/cvrf", &validate_all(&root, &files), "cvrf");
}

/// Orders rule ids numerically by their parts (`6.1.8` before `6.1.29`), then the others (`CL001`,
/// `parse`, `schema`) by name.
fn rule_order(id: &str) -> Vec<Result<u32, &str>> {
    id.split('.')
        .map(|part| part.parse::<u32>().map_err(|_| part))
        .collect()
}

/// One line per document: `path: {rule: count, …}` (rules in [`rule_order`]), `{}` when nothing is reported.
fn summary(reports: &[Report]) -> String {
    let mut lines = Vec::new();
    for r in reports {
        let mut counts: BTreeMap<Vec<Result<u32, &str>>, (&str, usize)> = BTreeMap::new();
        for d in &r.diagnostics {
            counts.entry(rule_order(d.rule)).or_insert((d.rule, 0)).1 += 1;
        }
        let counts: Vec<String> = counts.values().map(|(rule, n)| format!("{rule}: {n}")).collect();
        lines.push(format!("{}: {{{}}}", r.path, counts.join(", ")));
    }
    lines.sort();
    lines.join("\n") + "\n"
}

#[test]
fn rule_order_is_numeric() {
    let mut ids = [
        "schema",
        "6.1.29",
        "CL001",
        "6.1.8",
        "6.1.27.11",
        "6.1.27.3",
        "6.2.1",
        "parse",
    ];
    ids.sort_by_key(|id| rule_order(id));
    assert_eq!(
        ids,
        [
            "6.1.8",
            "6.1.27.3",
            "6.1.27.11",
            "6.1.29",
            "6.2.1",
            "CL001",
            "parse",
            "schema"
        ]
    );
}

#[test]
fn lintcheck_bundled_csaf_corpus() {
    let root = bundled();
    let reports = validate_all(&root, &files(&root.join("csaf"), "json"));
    insta::assert_snapshot!("bundled_csaf_summary", summary(&reports));
}

#[test]
fn lintcheck_bundled_cvrf_corpus() {
    let root = bundled();
    let reports = validate_all(&root, &files(&root.join("cvrf"), "xml"));
    insta::assert_snapshot!("bundled_cvrf_summary", summary(&reports));
}

/// The CSAF 2.1 examples of the specification: the 2.1 schema, model and tests, end to end.
#[test]
fn lintcheck_bundled_csaf_2_1_examples() {
    let root = bundled();
    let files = files(&root.join("csaf-2.1"), "json");
    assert_eq!(files.len(), 3, "corpus/csaf-2.1 should hold 3 documents");
    let reports = validate_all(&root, &files);
    assert!(reports.iter().all(|r| r.version == Some("2.1")));
    assert!(
        reports.iter().all(|r| r.valid()),
        "the OASIS 2.1 examples are valid CSAF 2.1 documents"
    );
    insta::assert_snapshot!("bundled_csaf_2_1_summary", summary(&reports));
}
