//! The CI and summary formats: `--format sarif`, `github` and `summary`, and the summary of `json` and
//! human output, snapshotted with insta on a few fixture documents (CSAF and CVRF) and one unreadable
//! file. Times are set by hand so that "slowest files" is stable.

use csaflint::report::{GitHub, Human, Json, Renderer, Sarif, Summary, SummaryTable};
use csaflint::{Options, Report, Selection, Validator};
use serde_json::Value;
use std::path::Path;
use std::time::Duration;

/// A few rules, so that the snapshots stay small and do not change with new rules.
const SELECT: [&str; 5] = ["schema", "CL0", "6.1.1", "6.2.2", "CV101"];

fn validator() -> Validator {
    Validator::new(&Options {
        selection: Selection {
            select: Some(SELECT.iter().map(|s| s.to_string()).collect()),
            ..Default::default()
        },
    })
    .unwrap()
}

/// The documents, in order, each with a made-up validation time.
fn reports() -> Vec<Report> {
    let v = validator();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let files = [
        (
            "tests/fixtures/6.1.1/invalid/01-undefined-id-in-product-group.json",
            3,
        ),
        (
            "tests/fixtures/6.2.2/invalid/01-known-affected-without-remediation.json",
            7,
        ),
        ("tests/fixtures/CL001/invalid/01-duplicate-title.json", 1),
        (
            "tests/fixtures/CV101/invalid/01-remediation-without-description.xml",
            12,
        ),
        ("tests/fixtures/6.1.1/valid/11-all-ids-defined.json", 2),
    ];
    let mut out: Vec<Report> = files
        .iter()
        .map(|(f, ms)| {
            let mut r = v.validate(f, &std::fs::read(root.join(f)).unwrap());
            r.elapsed = Duration::from_micros(ms * 1000 + 250);
            r
        })
        .collect();
    // a path with the characters GitHub commands escape in properties
    let mut broken = Report::io_error(
        "odd dir/a,b:c%.json",
        "cannot read `odd dir/a,b:c%.json`: no such file or directory".into(),
    );
    broken.elapsed = Duration::ZERO;
    out.push(broken);
    out
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
    String::from_utf8(out).unwrap()
}

fn sarif_renderer() -> Sarif {
    let v = validator();
    Sarif::new(csaflint::rules::all_meta().filter(|m| v.enabled(m.id)))
}

#[test]
fn github_output() {
    let text = render(&mut GitHub, &reports());
    for line in text.lines().filter(|l| l.starts_with("::")) {
        let (props, _message) = line.split_once("::").unwrap().1.split_once("::").unwrap();
        assert!(
            props.starts_with("error ") || props.starts_with("warning ") || props.starts_with("notice "),
            "{line}"
        );
    }
    assert!(text.contains("file=odd dir/a%2Cb%3Ac%25.json,line=1,col=1,title=io io-error::"));
    insta::assert_snapshot!("github", text);
}

#[test]
fn summary_output() {
    let text = render(&mut SummaryTable, &reports());
    insta::assert_snapshot!("summary", text);
}

#[test]
fn sarif_output() {
    let text = render(&mut sarif_renderer(), &reports());
    let v: Value = serde_json::from_str(&text).expect("one JSON document");
    assert_eq!(v["runs"][0]["results"].as_array().unwrap().len(), {
        reports().iter().map(|r| r.diagnostics.len()).sum::<usize>()
    });
    insta::assert_snapshot!("sarif", text);
}

#[test]
fn json_summary_has_rules_publishers_and_slowest() {
    let text = render(&mut Json::default(), &reports());
    let v: Value = serde_json::from_str(&text).unwrap();
    let s = &v["summary"];
    // the contract's counts come first, unchanged
    let keys: Vec<&str> = s.as_object().unwrap().keys().map(String::as_str).collect();
    assert_eq!(
        keys,
        [
            "documents",
            "valid",
            "invalid",
            "errors",
            "warnings",
            "infos",
            "rules",
            "publishers",
            "slowest"
        ]
    );
    assert_eq!(s["documents"], 6);
    // most frequent rule first
    let counts: Vec<u64> = s["rules"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["count"].as_u64().unwrap())
        .collect();
    assert!(counts.windows(2).all(|w| w[0] >= w[1]), "{counts:?}");
    assert_eq!(
        s["rules"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["count"].as_u64().unwrap())
            .sum::<u64>(),
        s["errors"].as_u64().unwrap() + s["warnings"].as_u64().unwrap() + s["infos"].as_u64().unwrap()
    );
    // per publisher, documents add up
    let docs: u64 = s["publishers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["documents"].as_u64().unwrap())
        .sum();
    assert_eq!(docs, 6);
    // slowest first, with milliseconds
    assert_eq!(
        s["slowest"][0],
        serde_json::json!({"path": "tests/fixtures/CV101/invalid/01-remediation-without-description.xml", "ms": 12.25})
    );
    assert_eq!(s["slowest"].as_array().unwrap().len(), 6);
    insta::assert_snapshot!("json_summary", serde_json::to_string_pretty(s).unwrap());
}

#[test]
fn human_output_ends_with_the_summary_tables_for_several_documents() {
    let many = render(&mut Human::new(false, 100), &reports());
    let tables = render(&mut SummaryTable, &reports());
    assert!(
        many.ends_with(&tables),
        "human output ends with the summary:\n{many}"
    );
    let one = render(&mut Human::new(false, 100), &reports()[..1]);
    assert!(
        !one.contains("Diagnostics per rule"),
        "one document: the summary line only"
    );
    assert!(
        one.ends_with("1 document checked: 0 valid, 1 invalid; 1 error, 0 warnings, 0 infos\n"),
        "{one}"
    );
}

#[test]
fn summary_keeps_counters_not_reports() {
    // many documents: the summary keeps at most 10 slow files and one entry per rule and publisher
    let reports = reports();
    let mut summary = Summary::default();
    for i in 0..5_000 {
        let mut r = reports[i % reports.len()].clone();
        r.path = format!("doc-{i}.json");
        r.elapsed = Duration::from_nanos((i as u64 * 7919) % 10_007);
        summary.add(&r);
    }
    assert_eq!(summary.documents, 5_000);
    assert_eq!(summary.slowest().len(), csaflint::report::SLOWEST);
    assert!(summary.rules().len() <= SELECT.len() + 3);
    assert!(summary.publishers().len() <= reports.len());
    let slowest: Vec<u128> = summary.slowest().iter().map(|f| f.elapsed.as_nanos()).collect();
    assert!(slowest.windows(2).all(|w| w[0] >= w[1]));
    assert_eq!(slowest[0], 10_006);
}
