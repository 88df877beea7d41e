//! The registry, the fixtures and the snapshots agree: every registered rule has fixtures, every
//! fixtures folder belongs to a registered rule, every rule is documented in the same shape, and every
//! message in the fixture snapshots follows the message convention (contract §3).

use csaflint::rules::{all_meta, registry, Group};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// The separator line `tests/rules.rs` writes before the one-line summaries of a snapshot.
const SUMMARY_MARKER: &str = "# severity rule pointer line:column message";

fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

fn names_in(dir: &Path) -> Vec<String> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut names: Vec<String> = entries
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// Fixture files (`*.json`, `*.xml`) in `fixtures/<rule>/<kind>`.
fn fixture_files(rule: &str, kind: &str) -> Vec<String> {
    names_in(&fixtures_dir().join(rule).join(kind))
        .into_iter()
        .filter(|n| n.ends_with(".json") || n.ends_with(".xml"))
        .collect()
}

/// Rules without fixtures, each with the reason.
const WITHOUT_FIXTURES: &[&str] = &[
    // network rules (run only with `--online`, which the fixture harness does not set): tested in
    // tests/online.rs against a local HTTP server
    "6.3.6", "6.3.7",
];

#[test]
fn every_rule_has_fixtures() {
    let missing: Vec<String> = registry()
        .iter()
        .map(|r| r.meta().id)
        .filter(|id| !WITHOUT_FIXTURES.contains(id))
        .filter_map(|id| {
            let invalid = fixture_files(id, "invalid").len();
            let valid = fixture_files(id, "valid").len();
            (invalid == 0 || valid == 0).then(|| {
                format!("{id}: {invalid} file(s) in tests/fixtures/{id}/invalid, {valid} in tests/fixtures/{id}/valid")
            })
        })
        .collect();
    assert!(
        missing.is_empty(),
        "every registered rule needs at least one invalid and one valid fixture:\n{}",
        missing.join("\n")
    );
}

#[test]
fn every_fixture_belongs_to_a_rule() {
    let ids: BTreeSet<&str> = registry().iter().map(|r| r.meta().id).collect();
    let mut problems = Vec::new();
    for rule in names_in(&fixtures_dir()) {
        if !ids.contains(rule.as_str()) {
            problems.push(format!(
                "tests/fixtures/{rule}: no registered rule has the id `{rule}`"
            ));
        }
        for kind in names_in(&fixtures_dir().join(&rule)) {
            if kind != "invalid" && kind != "valid" {
                problems.push(format!(
                    "tests/fixtures/{rule}/{kind}: expected only `invalid/` and `valid/`"
                ));
                continue;
            }
            for file in names_in(&fixtures_dir().join(&rule).join(&kind)) {
                let stem = file.strip_suffix(".json").or_else(|| file.strip_suffix(".xml"));
                let well_named = stem.is_some_and(|s| {
                    let b = s.as_bytes();
                    b.len() > 3
                        && b[..2].iter().all(u8::is_ascii_digit)
                        && b[2] == b'-'
                        && s[3..]
                            .chars()
                            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
                });
                if !well_named {
                    problems.push(format!(
                        "tests/fixtures/{rule}/{kind}/{file}: expected `NN-kebab-case-slug.json` (or `.xml`)"
                    ));
                }
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// The input rules (`io`, `parse`, `schema`) are reported by the pipeline, have no check of their own
/// in the registry, and need neither the headings nor fixtures.
#[test]
fn every_rule_is_documented_in_the_same_shape() {
    const HEADINGS: [&str; 4] = ["## What it checks", "## Why", "## Invalid", "## Valid"];
    let mut problems = Vec::new();
    let registered: BTreeSet<&str> = registry().iter().map(|r| r.meta().id).collect();
    for meta in all_meta() {
        if meta.group == Group::Input {
            assert!(
                !registered.contains(meta.id),
                "input rule `{}` is in the registry",
                meta.id
            );
            continue;
        }
        let lines: Vec<&str> = meta.docs.lines().map(str::trim).collect();
        let positions: Vec<Option<usize>> = HEADINGS
            .iter()
            .map(|h| lines.iter().position(|l| l == h))
            .collect();
        let missing: Vec<&str> = HEADINGS
            .iter()
            .zip(&positions)
            .filter(|(_, p)| p.is_none())
            .map(|(h, _)| *h)
            .collect();
        if !missing.is_empty() {
            problems.push(format!("{}: the docs lack {missing:?}", meta.id));
        } else if !positions.windows(2).all(|w| w[0] < w[1]) {
            problems.push(format!(
                "{}: the headings are not in the order {HEADINGS:?}",
                meta.id
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// The `rules__fixtures@…` snapshots, as (file name, text).
fn rule_snapshots() -> Vec<(String, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/snapshots");
    names_in(&dir)
        .into_iter()
        .filter(|n| n.starts_with("rules__fixtures@") && n.ends_with(".snap"))
        .map(|n| {
            let text = std::fs::read_to_string(dir.join(&n)).unwrap();
            (n, text)
        })
        .collect()
}

/// Contract §3: messages start lowercase and end without a period (clippy's
/// `lint_message_convention`).
#[test]
fn snapshot_messages_follow_the_convention() {
    let snapshots = rule_snapshots();
    assert!(
        !snapshots.is_empty(),
        "no rules__fixtures@ snapshots: run `cargo test --test rules` first"
    );
    let mut problems = Vec::new();
    for (name, text) in &snapshots {
        let Some((_, summaries)) = text.split_once(&format!("\n{SUMMARY_MARKER}\n")) else {
            problems.push(format!("{name}: no `{SUMMARY_MARKER}` line"));
            continue;
        };
        for line in summaries.lines().filter(|l| !l.is_empty()) {
            let fields: Vec<&str> = line.splitn(5, ' ').collect();
            let [severity, rule, _pointer, position, message] = fields[..] else {
                problems.push(format!("{name}: cannot read `{line}`"));
                continue;
            };
            if !matches!(severity, "error" | "warning" | "info") || rule.is_empty() || !position.contains(':')
            {
                problems.push(format!("{name}: cannot read `{line}`"));
                continue;
            }
            if message.chars().next().is_none_or(char::is_uppercase) {
                problems.push(format!(
                    "{name}: the message does not start lowercase: `{message}`"
                ));
            }
            if message.ends_with('.') {
                problems.push(format!("{name}: the message ends with a period: `{message}`"));
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// Each snapshot belongs to an invalid fixture that still exists (renamed fixtures leave none behind).
#[test]
fn no_orphan_snapshots() {
    let mut orphans = Vec::new();
    for (name, _) in rule_snapshots() {
        // rules__fixtures@<rule>__<kind>__<file>.snap
        let path = name
            .strip_prefix("rules__fixtures@")
            .and_then(|s| s.strip_suffix(".snap"))
            .map(|s| s.replace("__", "/"))
            .unwrap_or_default();
        let is_invalid = path.split('/').nth(1) == Some("invalid");
        if !is_invalid || !fixtures_dir().join(&path).is_file() {
            orphans.push(name);
        }
    }
    assert!(
        orphans.is_empty(),
        "snapshots without an invalid fixture (delete them): {orphans:?}"
    );
}
