//! `validate --format sarif` against the official SARIF 2.1.0 JSON schema (`tests/data/sarif-schema-2.1.0.json`,
//! see `tests/data/SOURCES.md`), run on the bundled corpus (CSAF and CVRF, with many diagnostics), a file
//! that does not exist and one that is not JSON; plus the properties code-scanning services rely on.
//!
//! With `CSAFLINT_SARIF_MULTITOOL` set to the path of Microsoft's SARIF Multitool (npm package
//! `@microsoft/sarif-multitool-linux`, file `Sarif.Multitool`), the output is also checked by its `validate`
//! command, and any result of level error fails the test.

use serde_json::Value;
use std::collections::HashSet;
use std::path::Path;
use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_csaflint");
const MANIFEST_DIR: &str = env!("CARGO_MANIFEST_DIR");

fn schema() -> jsonschema::Validator {
    let text = std::fs::read_to_string(Path::new(MANIFEST_DIR).join("tests/data/sarif-schema-2.1.0.json"))
        .expect("the SARIF schema is in tests/data");
    let schema: Value = serde_json::from_str(&text).expect("the schema is JSON");
    jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .expect("the SARIF schema compiles")
}

/// Runs `csaflint validate --format sarif` with `args` in a temporary directory holding a non-JSON file.
fn sarif(args: &[&str]) -> (String, Value) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("not json, 50%.json"), "this is: not JSON\n").unwrap();
    let out = Command::new(BIN)
        .current_dir(dir.path())
        .args(["validate", "--no-config", "--format", "sarif"])
        .args(args)
        .arg("not json, 50%.json")
        .output()
        .expect("csaflint runs");
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.stderr.is_empty(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8(out.stdout).expect("UTF-8");
    let v = serde_json::from_str(&text).expect("the output is one JSON document");
    (text, v)
}

fn corpus() -> String {
    Path::new(MANIFEST_DIR)
        .join("corpus")
        .to_string_lossy()
        .into_owned()
}

#[test]
fn sarif_output_is_valid_against_the_official_schema() {
    let validator = schema();
    for preset in ["full", "vendor-release"] {
        let (text, v) = sarif(&["--preset", preset, &corpus(), "missing.json"]);
        let errors: Vec<String> = validator
            .iter_errors(&v)
            .take(20)
            .map(|e| format!("{} at {}", e, e.instance_path()))
            .collect();
        assert!(
            errors.is_empty(),
            "{preset}: SARIF schema errors:\n{}",
            errors.join("\n")
        );
        assert!(text.lines().count() > 10, "one result per line");
        multitool(&text);
    }
}

#[test]
fn sarif_run_has_the_tool_the_rules_and_located_results() {
    let (_, v) = sarif(&[&corpus(), "missing.json"]);
    assert_eq!(v["version"], "2.1.0");
    let runs = v["runs"].as_array().unwrap();
    assert_eq!(runs.len(), 1, "one run");
    let run = &runs[0];
    assert_eq!(run["columnKind"], "unicodeCodePoints");
    let driver = &run["tool"]["driver"];
    assert_eq!(driver["name"], "csaflint");
    assert_eq!(driver["version"], env!("CARGO_PKG_VERSION"));
    let rules = driver["rules"].as_array().unwrap();
    let ids: Vec<&str> = rules.iter().map(|r| r["id"].as_str().unwrap()).collect();
    // the rules of the default preset (`full`): no release checks, no network tests
    assert!(
        ids.contains(&"io") && ids.contains(&"parse") && ids.contains(&"6.1.1") && ids.contains(&"6.3.8")
    );
    assert!(!ids.contains(&"CL101") && !ids.contains(&"6.3.6"), "{ids:?}");
    assert_eq!(ids.iter().collect::<HashSet<_>>().len(), ids.len(), "unique ids");
    for r in rules {
        for key in [
            "name",
            "shortDescription",
            "fullDescription",
            "help",
            "defaultConfiguration",
        ] {
            assert!(!r[key].is_null(), "{} lacks {key}", r["id"]);
        }
        if let Some(uri) = r["helpUri"].as_str() {
            assert!(uri.starts_with("https://"), "absolute helpUri: {uri}");
        }
    }
    let results = run["results"].as_array().unwrap();
    assert!(results.len() > 100, "the bundled corpus has many diagnostics");
    let mut levels = HashSet::new();
    for r in results {
        let i = r["ruleIndex"].as_u64().expect("ruleIndex") as usize;
        assert_eq!(rules[i]["id"], r["ruleId"], "ruleIndex points at the rule");
        levels.insert(r["level"].as_str().unwrap());
        let loc = &r["locations"][0]["physicalLocation"];
        assert!(loc["region"]["startLine"].as_u64().unwrap() >= 1);
        assert!(loc["region"]["startColumn"].as_u64().unwrap() >= 1);
        assert!(r["properties"]["pointer"].is_string());
    }
    assert_eq!(levels, HashSet::from(["error", "warning", "note"]));
    let uri = |r: &Value| r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].clone();
    let missing = results
        .iter()
        .find(|r| r["ruleId"] == "io")
        .expect("an io result");
    assert_eq!(uri(missing), "missing.json");
    let parse = results
        .iter()
        .find(|r| r["ruleId"] == "parse")
        .expect("a parse result");
    assert_eq!(uri(parse), "not%20json,%2050%25.json", "percent-encoded");
    let cvrf = results
        .iter()
        .find(|r| uri(r).as_str().is_some_and(|u| u.ends_with(".xml")))
        .expect("a CVRF result");
    assert!(cvrf["properties"]["pointer"]
        .as_str()
        .unwrap()
        .starts_with("/cvrfdoc"));
    assert_eq!(
        cvrf["locations"][0]["logicalLocations"][0]["fullyQualifiedName"],
        cvrf["properties"]["pointer"]
    );
}

#[test]
fn sarif_without_results_is_valid() {
    let dir = tempfile::tempdir().unwrap();
    let out = Command::new(BIN)
        .args([
            "validate",
            "--no-config",
            "--format",
            "sarif",
            "--select",
            "6.1.1",
        ])
        .arg(Path::new(MANIFEST_DIR).join("corpus/csaf/cisa/icsma-17-017-01.json"))
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    let v: Value = serde_json::from_str(&text).unwrap();
    assert!(schema().is_valid(&v));
    // the validator does reject what the schema forbids, formats included
    let mut bad = v.clone();
    bad["runs"][0]["columnKind"] = "bytes".into();
    assert!(!schema().is_valid(&bad), "columnKind is an enumeration");
    let mut bad = v.clone();
    bad["runs"][0]["tool"]["driver"]["rules"][2]["helpUri"] = "README.md#rules and more".into();
    assert!(!schema().is_valid(&bad), "helpUri must be a URI");
    assert_eq!(v["runs"][0]["results"], serde_json::json!([]));
    let ids: Vec<&str> = v["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["io", "parse", "6.1.1"], "the rules that ran");
    multitool(&text);
}

/// Checks `text` with the SARIF Multitool when `CSAFLINT_SARIF_MULTITOOL` names it.
fn multitool(text: &str) {
    let Some(tool) = std::env::var_os("CSAFLINT_SARIF_MULTITOOL") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let log = dir.path().join("out.sarif");
    let report = dir.path().join("validation.sarif");
    std::fs::write(&log, text).unwrap();
    let out = Command::new(tool)
        .arg("validate")
        .arg(&log)
        .arg("--output")
        .arg(&report)
        .env("DOTNET_SYSTEM_GLOBALIZATION_INVARIANT", "1")
        .output()
        .expect("the SARIF Multitool runs");
    let v: Value = serde_json::from_str(&std::fs::read_to_string(&report).unwrap_or_else(|_| {
        panic!(
            "the Multitool wrote no report: {}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    }))
    .unwrap();
    let errors: Vec<String> = v["runs"][0]["results"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|r| r["level"] == "error")
        .map(|r| format!("{}: {}", r["ruleId"], r["message"]))
        .collect();
    assert!(
        errors.is_empty(),
        "SARIF Multitool errors:\n{}",
        errors.join("\n")
    );
}
