//! `csaflint stats` on the fixture documents in `tests/data/stats` (two CSAF documents of one publisher,
//! one CVRF document, one file that is no advisory), whose numbers are worked out by hand below.

use csaflint::stats::{self, Distribution, Source};
use serde_json::{json, Value};
use std::path::Path;
use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_csaflint");

fn dir() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/stats")
}

fn run(args: &[&str]) -> String {
    let out = Command::new(BIN)
        .arg("stats")
        .args(args)
        .arg(dir())
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.stderr.is_empty(), "no progress bar on a pipe");
    String::from_utf8(out.stdout).unwrap()
}

/// a-vendor-2024.json (initial release 2024-01-10):
/// - vulnerability 1: affected P1, P2, P3; vendor fixes for P1 (2024-01-15: +5 days) and group G1 = P2, P3
///   (2024-01-08T12:00: -1.5 days); a workaround without date;
/// - vulnerability 2: affected P1 and P4, only `none_available` (dated): both without fix.
///
/// → 2 vulnerabilities, 4 affected products, 4 remediations (3 dated), time to fix [5, -1.5], 2 without
/// fix.
///
/// b-vendor-2023.json (initial release 2023-06-01): vulnerability 1: P1 fixed on 2023-06-11 (+10 days) and
/// a mitigation dated `soon` (not a date); vulnerability 2: P2 affected, no remediation.
///
/// → 2 vulnerabilities, 2 affected, 2 remediations (1 dated), time to fix [10], 1 without fix; older than
/// A, so the oldest advisory without fix of "Example Vendor".
///
/// c-cvrf-2022.xml (CVRF 1.2, no publisher name: issuing authority "Example CVRF Team"; initial release
/// 2022-03-01): 2 affected, a vendor fix for one of them on 2022-03-31 (+30 days).
#[test]
fn json_numbers_are_the_hand_computed_ones() {
    let v: Value = serde_json::from_str(&run(&["--format", "json"])).unwrap();
    assert_eq!(v["documents_not_read"], 1, "d-not-read.json");
    let publishers = v["publishers"].as_array().unwrap();
    assert_eq!(publishers.len(), 2);
    assert_eq!(
        publishers[0],
        json!({
            "publisher": "Example Vendor",
            "documents": 2, "vulnerabilities": 4, "affected_products": 6,
            "remediations": 6, "remediations_with_date": 4, "remediations_with_date_share": 0.6667,
            "time_to_fix_days": {"n": 3, "negative": 1, "median": 5.0, "p90": 10.0, "max": 10.0},
            "products_without_fix": 3,
            "oldest_without_fix": {"id": "EXAMPLE-B", "date": "2023-06-01T00:00:00Z"}
        })
    );
    assert_eq!(
        publishers[1],
        json!({
            "publisher": "Example CVRF Team",
            "documents": 1, "vulnerabilities": 1, "affected_products": 2,
            "remediations": 1, "remediations_with_date": 1, "remediations_with_date_share": 1.0,
            "time_to_fix_days": {"n": 1, "negative": 0, "median": 30.0, "p90": 30.0, "max": 30.0},
            "products_without_fix": 1,
            "oldest_without_fix": {"id": "EXAMPLE-CVRF-1", "date": "2022-03-01T00:00:00Z"}
        })
    );
    // all together: time to fix [-1.5, 5, 10, 30]
    assert_eq!(
        v["total"],
        json!({
            "documents": 3, "vulnerabilities": 5, "affected_products": 8,
            "remediations": 7, "remediations_with_date": 5, "remediations_with_date_share": 0.7143,
            "time_to_fix_days": {"n": 4, "negative": 1, "median": 7.5, "p90": 30.0, "max": 30.0},
            "products_without_fix": 4,
            "oldest_without_fix": {"id": "EXAMPLE-CVRF-1", "date": "2022-03-01T00:00:00Z"}
        })
    );
}

#[test]
fn csv_has_a_header_and_one_row_per_publisher() {
    let text = run(&["--format", "csv", "--jobs", "1"]);
    let lines: Vec<&str> = text.split("\r\n").collect();
    assert_eq!(
        lines.len(),
        4,
        "header, two rows, and the empty rest after the last CRLF: {text:?}"
    );
    assert!(lines[0].starts_with("publisher,documents,vulnerabilities,affected_products,"));
    assert_eq!(
        lines[1],
        "Example Vendor,2,4,6,6,4,0.6667,3,1,5.0,10.0,10.0,3,EXAMPLE-B,2023-06-01T00:00:00Z"
    );
    assert_eq!(
        lines[2],
        "Example CVRF Team,1,1,2,1,1,1.0000,1,0,30.0,30.0,30.0,1,EXAMPLE-CVRF-1,2022-03-01T00:00:00Z"
    );
    assert_eq!(lines[3], "");
}

#[test]
fn table_ends_with_the_total_and_the_files_not_read() {
    let text = run(&[]);
    insta::assert_snapshot!("stats_table", text);
}

#[test]
fn html_page_is_self_contained_with_two_charts() {
    let out = tempfile::tempdir().unwrap();
    let page = out.path().join("stats.html");
    let _ = run(&["--quiet", "--html", page.to_str().unwrap()]);
    let html = std::fs::read_to_string(&page).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>") && html.trim_end().ends_with("</html>"));
    assert_eq!(html.matches("<svg ").count(), 2, "box plot and distribution");
    for banned in [
        "<script",
        "src=",
        "href=",
        "@import",
        "url(",
        "@font-face",
        "<link",
    ] {
        assert!(
            !html.contains(banned),
            "the page must not load anything: `{banned}`"
        );
    }
    // every URL in the page is an SVG namespace declaration
    for (i, _) in html.match_indices("http") {
        assert!(
            html[i..].starts_with("http://www.w3.org/2000/svg"),
            "{}",
            &html[i..i + 40]
        );
    }
    assert!(html.contains("Example Vendor") && html.contains("Example CVRF Team"));
    assert!(html.contains("EXAMPLE-B<br>2023-06-01T00:00:00Z"));
}

#[test]
fn library_reduces_per_publisher_in_parallel() {
    let sources: Vec<Source> = std::fs::read_dir(dir())
        .unwrap()
        .map(|e| {
            let path = e.unwrap().path();
            Source::File {
                shown: path.file_name().unwrap().to_string_lossy().into_owned(),
                path,
            }
        })
        .chain([Source::Broken {
            shown: "gone.json".into(),
        }])
        .collect();
    let s = stats::collect(&sources, &|| {});
    assert_eq!(s.not_read, 2);
    let vendor = &s.publishers["Example Vendor"];
    let mut ttf = vendor.time_to_fix.clone();
    ttf.sort_by(f64::total_cmp);
    assert_eq!(ttf, [-1.5, 5.0, 10.0]);
    let d = Distribution::of(&ttf).unwrap();
    assert_eq!(
        (d.min, d.q1, d.median, d.q3, d.p90, d.max),
        (-1.5, -1.5, 5.0, 10.0, 10.0, 10.0)
    );
    let a = std::fs::read(dir().join("a-vendor-2024.json")).unwrap();
    let a = stats::document_stats(&stats::read_advisory("a.json", &a).unwrap());
    assert_eq!(a.publisher, "Example Vendor");
    assert_eq!(
        (
            a.stats.vulnerabilities,
            a.stats.affected_products,
            a.stats.products_without_fix
        ),
        (2, 4, 2)
    );
    assert_eq!((a.stats.remediations, a.stats.remediations_with_date), (4, 3));
}
