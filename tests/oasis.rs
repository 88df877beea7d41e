//! OASIS conformance: for every test of `testcases.json`, each file under `failures` makes that test
//! fire and each file under `valid` does not (at the level of the test id).
//!
//! Reads the OASIS data in place under `../shared/spec`; skipped with a message when it is absent.

use csaflint::rules::{self, Selection};
use csaflint::{Options, Validator};
use serde_json::Value;
use std::path::{Path, PathBuf};

/// Expected failures: (file name, reason with the spec quote / upstream issue). Should end empty.
const XFAIL: &[(&str, &str)] = &[
    (
        "mandatory/oasis_csaf_tc-csaf_2_1-2024-6-1-48-16.json",
        "listed as valid, but selects `cvss` `E` version `3.0.1`, which does not exist (Exploit Maturity has \
         1.0.0, 1.1.0, 1.2.0, 2.0.0); 6.1.48: \"it MUST be tested that the SSVC decision point exists\"; \
         upstream oasis-tcs/csaf#1489, fixed by #1546 after the commit in ../shared/spec",
    ),
    (
        "mandatory/oasis_csaf_tc-csaf_2_1-2024-6-1-48-19.json",
        "listed as valid (its title says \"failing example 9\"), but lists Safety Impact 2.0.0 values as `M`, \
         `C`, `R` where the decision point orders them `N`, `M`, `R`, `C`; 6.1.48: the values MUST be \
         \"ordered correctly\"; upstream oasis-tcs/csaf#1489, fixed by #1546 after the commit in ../shared/spec",
    ),
];

/// Result files whose expected pointers contradict their own document: (result file, test id, reason).
const RESULT_XFAIL: &[(&str, &str, &str)] = &[(
    "mandatory/oasis_csaf_tc-csaf_2_1-2024-6-1-27-08-02.result.json",
    "6.1.27.8",
    "expects `/vulnerabilities/0/product_status/known_not_affected/2` (CSAFPID-9080702), but that is the one \
     product vulnerability 0's `ids` item names; the products no `ids` item covers are 9080700 and 9080701 \
     (`known_not_affected/0` and `/1`), which we report; the other two expected pointers match",
)];

fn data_dir(version: &str) -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/spec")
        .join(format!("csaf_{version}/test/validator/data"));
    if dir.join("testcases.json").exists() {
        Some(dir)
    } else {
        eprintln!("skipped: OASIS test data not found at {}", dir.display());
        None
    }
}

/// Runs every test of `group` that the registry implements; returns the disagreements.
fn conformance(version: &str, group: &str) -> (usize, Vec<String>) {
    let Some(dir) = data_dir(version) else {
        return (0, Vec::new());
    };
    let manifest: Value =
        serde_json::from_slice(&std::fs::read(dir.join("testcases.json")).unwrap()).unwrap();
    let mut checked = 0;
    let mut problems = Vec::new();
    for test in manifest["tests"].as_array().unwrap() {
        let id = test["id"].as_str().unwrap();
        if test["group"] != group {
            continue;
        }
        let Some(meta) = rules::find(id) else {
            problems.push(format!("{id}: not implemented"));
            continue;
        };
        if meta.network {
            continue;
        }
        let validator = Validator::new(&Options {
            selection: Selection {
                select: Some(vec![meta.id.to_owned()]),
                ..Selection::default()
            },
        })
        .unwrap();
        for (key, must_fire) in [("failures", true), ("valid", false)] {
            for file in test[key].as_array().into_iter().flatten() {
                let name = file["name"].as_str().unwrap();
                let bytes = std::fs::read(dir.join(name)).unwrap();
                let report = validator.validate(name, &bytes);
                checked += 1;
                // A test fails with its own severity; a warning a mandatory test gives about something
                // it does not support (e.g. an unknown vers type) does not fail the test.
                let fired: Vec<_> = report
                    .diagnostics
                    .iter()
                    .filter(|d| d.rule == meta.id && d.severity == meta.severity)
                    .collect();
                let ok = fired.is_empty() != must_fire;
                let xfail = XFAIL.iter().any(|(f, _)| name.ends_with(f));
                if ok == xfail {
                    problems.push(if xfail {
                        format!("{id}: {name} is listed in XFAIL but now agrees with the manifest")
                    } else if must_fire {
                        format!("{id}: {name} should fail the test but passes")
                    } else {
                        format!(
                            "{id}: {name} should pass the test but fails: {}",
                            fired
                                .iter()
                                .map(|d| format!("{} {}", d.pointer, d.message))
                                .collect::<Vec<_>>()
                                .join("; ")
                        )
                    });
                }
            }
        }
    }
    (checked, problems)
}

fn assert_conformance(version: &str, group: &str) {
    let (checked, problems) = conformance(version, group);
    eprintln!("{version} {group}: {checked} files checked");
    assert!(
        problems.is_empty(),
        "{} disagreements:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

#[test]
fn csaf_2_0_mandatory() {
    assert_conformance("2.0", "mandatory");
}

#[test]
fn csaf_2_0_optional() {
    assert_conformance("2.0", "optional");
}

#[test]
fn csaf_2_0_informative() {
    assert_conformance("2.0", "informative");
}

#[test]
fn csaf_2_1_mandatory() {
    assert_conformance("2.1", "mandatory");
}

/// For every `*.result.json` of `group`: the pointers our rule reports for the primary test (and
/// for each secondary test we implement) equal the expected `instance_path`s, as multisets.
fn result_paths(version: &str, group: &str) -> (usize, Vec<String>) {
    let Some(dir) = data_dir(version) else {
        return (0, Vec::new());
    };
    let manifest: Value =
        serde_json::from_slice(&std::fs::read(dir.join("testcases.json")).unwrap()).unwrap();
    let mut checked = 0;
    let mut problems = Vec::new();
    for test in manifest["tests"].as_array().unwrap() {
        if test["group"] != group {
            continue;
        }
        for key in ["failures", "valid"] {
            for file in test[key].as_array().into_iter().flatten() {
                let Some(result) = file["result"].as_str() else {
                    continue;
                };
                let name = file["name"].as_str().unwrap();
                let expected: Value =
                    serde_json::from_slice(&std::fs::read(dir.join(result)).unwrap()).unwrap();
                let bytes = std::fs::read(dir.join(name)).unwrap();
                let results = std::iter::once(&expected["primary_result"])
                    .chain(expected["secondary_results"].as_array().into_iter().flatten());
                for r in results {
                    let id = r["id"].as_str().unwrap();
                    let Some(meta) = rules::find(id) else {
                        problems.push(format!("{id}: {result}: rule not implemented"));
                        continue;
                    };
                    let validator = Validator::new(&Options {
                        selection: Selection {
                            select: Some(vec![meta.id.to_owned()]),
                            ..Selection::default()
                        },
                    })
                    .unwrap();
                    let report = validator.validate(name, &bytes);
                    let mut ours: Vec<&str> = report
                        .diagnostics
                        .iter()
                        .filter(|d| d.rule == meta.id)
                        .map(|d| d.pointer.as_str())
                        .collect();
                    let mut theirs: Vec<&str> = ["errors", "warnings", "infos"]
                        .iter()
                        .flat_map(|k| r[k].as_array().into_iter().flatten())
                        .map(|e| e["instance_path"].as_str().unwrap())
                        .collect();
                    ours.sort_unstable();
                    theirs.sort_unstable();
                    checked += 1;
                    let xfail = RESULT_XFAIL.iter().any(|(f, i, _)| *f == result && *i == id);
                    if xfail && ours == theirs {
                        problems.push(format!("{id}: {result} is listed in RESULT_XFAIL but now agrees"));
                    } else if !xfail && ours != theirs {
                        problems.push(format!(
                            "{id}: {result}: expected pointers {theirs:?}, reported {ours:?}"
                        ));
                    }
                }
            }
        }
    }
    (checked, problems)
}

/// The pointers of the 42 mandatory `*.result.json` files (primary and implemented secondary results).
#[test]
fn csaf_2_1_mandatory_result_paths() {
    let (checked, problems) = result_paths("2.1", "mandatory");
    eprintln!("2.1 mandatory result files: {checked} results checked");
    assert!(
        problems.is_empty(),
        "{} disagreements:\n{}",
        problems.len(),
        problems.join("\n")
    );
}

#[test]
fn csaf_2_1_recommended() {
    assert_conformance("2.1", "recommended");
}

#[test]
fn csaf_2_1_informative() {
    assert_conformance("2.1", "informative");
}

/// The pointers of the 11 recommended and informative `*.result.json` files.
#[test]
fn csaf_2_1_recommended_and_informative_result_paths() {
    for group in ["recommended", "informative"] {
        let (checked, problems) = result_paths("2.1", group);
        eprintln!("2.1 {group} result files: {checked} results checked");
        assert!(
            problems.is_empty(),
            "{} disagreements:\n{}",
            problems.len(),
            problems.join("\n")
        );
    }
}
