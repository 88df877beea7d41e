//! The CVSS module against real data: every CVSS object of the OASIS examples and of the corpus of
//! real advisories must state the scores, severities and metric properties that its vector implies,
//! apart from a few known publisher errors; and the OASIS test files of 6.1.9 and 6.1.10 must be
//! inconsistent exactly where `testcases.json` says.
//!
//! Reads `../shared` next to the crate; skipped with a message when it is absent.

use csaflint::cvss::{expected_properties, is_computed_property, json_values_equal, parse_vector};
use serde_json::Value;
use std::path::{Path, PathBuf};

fn shared() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared");
    if dir.join("spec").is_dir() {
        Some(dir)
    } else {
        eprintln!("skipped: shared data not found at {}", dir.display());
        None
    }
}

/// A CVSS object found in a document: its JSON pointer and the object.
fn cvss_objects(doc: &Value) -> Vec<(String, &serde_json::Map<String, Value>)> {
    let mut out = Vec::new();
    let Some(vulns) = doc.get("vulnerabilities").and_then(Value::as_array) else {
        return out;
    };
    for (i, vuln) in vulns.iter().enumerate() {
        // CSAF 2.0: scores[].cvss_v2/cvss_v3; CSAF 2.1: metrics[].content.cvss_v2/v3/v4
        for (list, content) in [("scores", None), ("metrics", Some("content"))] {
            let Some(items) = vuln.get(list).and_then(Value::as_array) else {
                continue;
            };
            for (j, item) in items.iter().enumerate() {
                let (holder, prefix) = match content {
                    Some(c) => (item.get(c), format!("/vulnerabilities/{i}/{list}/{j}/{c}")),
                    None => (Some(item), format!("/vulnerabilities/{i}/{list}/{j}")),
                };
                for key in ["cvss_v2", "cvss_v3", "cvss_v4"] {
                    if let Some(obj) = holder.and_then(|h| h.get(key)).and_then(Value::as_object) {
                        out.push((format!("{prefix}/{key}"), obj));
                    }
                }
            }
        }
    }
    out
}

/// The problems of one CVSS object: (computed, message) pairs, `computed` true for scores and
/// severities (6.1.9), false for metric properties and `version` (6.1.10); or the vector error.
fn problems(obj: &serde_json::Map<String, Value>) -> Result<Vec<(bool, String)>, String> {
    let vector = obj
        .get("vectorString")
        .and_then(Value::as_str)
        .ok_or("no `vectorString`")?;
    let vector = parse_vector(vector).map_err(|e| format!("`{vector}`: {e}"))?;
    let mut out = Vec::new();
    for (name, expected) in expected_properties(&vector) {
        if let Some(stated) = obj.get(name) {
            if !json_values_equal(stated, &expected) {
                out.push((
                    is_computed_property(name),
                    format!(
                        "`{}`: {name} is {stated}, the vector gives {expected}",
                        vector.as_str()
                    ),
                ));
            }
        }
    }
    Ok(out)
}

fn json_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file() && e.path().extension().is_some_and(|x| x == "json"))
        .map(|e| e.into_path())
        .collect();
    files.sort();
    files
}

/// Files of the corpus with known publisher errors, each checked by hand and against an independent
/// implementation (the `cvss` Python package). Fortinet states the temporal score as `baseScore`
/// (e.g. `CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H/E:P/RL:U/RC:C`: base 7.5, temporal 7.1, stated
/// 7.1), and sometimes a value that is neither (`…/C:H/I:H/A:H/E:P/RL:O/RC:C`: base 9.8, temporal 8.8,
/// stated 9.0), with the severity of that value.
const KNOWN_PUBLISHER_ERRORS: &[&str] = &[
    "FG-IR-24-259.json",
    "FG-IR-25-454.json",
    "FG-IR-26-113.json",
    "FG-IR-26-155.json",
    "csaf_authenticated-heap-overflow-in-ssl-vpn-bookmarks.json",
];

/// At most this many CVSS objects may be wrong in the files above (15 today).
const KNOWN_PUBLISHER_ERROR_OBJECTS: usize = 15;

#[test]
fn examples_and_real_advisories_agree_with_the_vectors() {
    let Some(shared) = shared() else {
        return;
    };
    let mut files = Vec::new();
    for dir in [
        "spec/csaf_2.0/examples/csaf",
        "spec/csaf_2.1/examples/csaf",
        "corpus/csaf",
    ] {
        files.extend(json_files(&shared.join(dir)));
    }
    let (mut objects, mut base_checked) = (0, 0);
    let mut unexpected = Vec::new();
    let mut known = 0;
    for file in &files {
        let Ok(doc) = serde_json::from_slice::<Value>(&std::fs::read(file).unwrap()) else {
            continue;
        };
        let name = file.file_name().unwrap().to_string_lossy().to_string();
        for (pointer, obj) in cvss_objects(&doc) {
            objects += 1;
            if obj.contains_key("baseScore") {
                base_checked += 1;
            }
            let found = match problems(obj) {
                Ok(p) => p.into_iter().map(|(_, m)| m).collect::<Vec<_>>(),
                Err(e) => vec![format!("invalid vector {e}")],
            };
            if found.is_empty() {
                continue;
            }
            if KNOWN_PUBLISHER_ERRORS.contains(&name.as_str()) {
                for m in &found {
                    eprintln!("known publisher error: {name}:{pointer}: {m}");
                }
                known += 1;
                continue;
            }
            for m in found {
                unexpected.push(format!(
                    "{}:{pointer}: {m}",
                    file.strip_prefix(&shared).unwrap().display()
                ));
            }
        }
    }
    for m in &unexpected {
        eprintln!("mismatch: {m}");
    }
    eprintln!(
        "{} files, {objects} CVSS objects ({base_checked} with baseScore), {known} objects with known \
         publisher errors, {} unexpected mismatches",
        files.len(),
        unexpected.len()
    );
    assert!(objects > 3000, "too few CVSS objects found: {objects}");
    assert!(
        known <= KNOWN_PUBLISHER_ERROR_OBJECTS,
        "{known} objects wrong in the known files"
    );
    assert!(
        unexpected.is_empty(),
        "{} unexpected mismatches",
        unexpected.len()
    );
}

#[test]
fn oasis_test_files_for_6_1_9_and_6_1_10() {
    let Some(shared) = shared() else {
        return;
    };
    let mut checked = 0;
    let mut wrong = Vec::new();
    for version in ["2.0", "2.1"] {
        let dir = shared.join(format!("spec/csaf_{version}/test/validator/data"));
        let manifest: Value =
            serde_json::from_slice(&std::fs::read(dir.join("testcases.json")).unwrap()).unwrap();
        for test in manifest["tests"].as_array().unwrap() {
            let computed = match test["id"].as_str().unwrap() {
                "6.1.9" => true,
                "6.1.10" => false,
                _ => continue,
            };
            for (group, should_fail) in [("failures", true), ("valid", false)] {
                for case in test[group].as_array().into_iter().flatten() {
                    let file = dir.join(case["name"].as_str().unwrap());
                    let doc: Value = serde_json::from_slice(&std::fs::read(&file).unwrap()).unwrap();
                    let mut fails = false;
                    for (pointer, obj) in cvss_objects(&doc) {
                        let found = problems(obj).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
                        for (is_computed, message) in found {
                            if is_computed == computed {
                                fails = true;
                                if !should_fail {
                                    wrong.push(format!("{}:{pointer}: {message}", file.display()));
                                }
                            }
                        }
                    }
                    if should_fail && !fails {
                        wrong.push(format!("{}: no inconsistency found", file.display()));
                    }
                    checked += 1;
                }
            }
        }
    }
    for w in &wrong {
        eprintln!("{w}");
    }
    assert!(checked >= 20, "only {checked} OASIS files checked");
    assert!(wrong.is_empty(), "{} OASIS files disagree", wrong.len());
}
