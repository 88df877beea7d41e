//! `csaflint convert`: CVRF → CSAF 2.0 on the developer corpus, a round-trip count, the reference
//! case of the BSI converter, and the command line.
//!
//! The corpus tests read `../shared/corpus/cvrf` next to the checkout (602 CVRF 1.1 / 1.2 documents
//! from Cisco, Fortinet, Microsoft, Oracle, Red Hat and SUSE) and are skipped, with a message, when
//! it is absent.
//!
//! # What "converts clean" means
//! Every corpus file converts; its output has no `schema` error, and no mandatory-test (6.1.x) error
//! that its CVRF source does not already have: the same validator (preset `basic`) runs on the
//! CVRF document, whose model the 6.1 tests check too, and a 6.1 rule that fails there may fail in
//! the output. Two conversion errors that §9.1.5 demands are source-caused too: a remediation, or a
//! score set, that names no product in a vulnerability that lists no affected (or fixed) product.
//! On the corpus (files per category, `cargo test --test convert -- --nocapture` prints them):
//! - `6.1.29` remediation without product reference, 104 files (Cisco advisories whose
//!   vulnerabilities list no product status, and Red Hat advisories from 2015): §9.1.5's error "no
//!   matching Product ID was found for this remediation element";
//! - score sets without products in such vulnerabilities, 61 files (openSUSE and Red Hat from
//!   2015): §9.1.5's error for score elements; the score set is dropped;
//! - `6.1.2` multiple definition of a product ID, 16 files (Microsoft and Red Hat define one ID twice
//!   with different names; identical repeats are merged by the converter);
//! - `6.1.1` missing definition of a product ID, 15 files (Microsoft);
//! - `6.1.9` invalid CVSS computation, 3 files; `6.1.23` multiple use of the same CVE, 2 files;
//!   `6.1.7` multiple scores with the same version per product, 1 file; `6.1.31` version range in
//!   product version, 1 file;
//! - 8 Fortinet documents are not valid CVRF (`CV101`: no `Status`, `Version`, `RevisionHistory`,
//!   `InitialReleaseDate`): they convert with `--force`, which writes marked placeholders.
//!
//! Any other error in an output fails the test: it would be one the converter made. The other 453
//! files convert to valid CSAF without any conversion error.

use csaflint::convert::{self, Conversion, Options};
use csaflint::rules::{Preset, Selection};
use csaflint::{Severity, Validator};
use quick_xml::events::Event;
use quick_xml::reader::Reader;
use rayon::prelude::*;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::LazyLock;

const MANIFEST_DIR: &str = env!("CARGO_MANIFEST_DIR");
const BIN: &str = env!("CARGO_BIN_EXE_csaflint");

fn shared(sub: &str) -> Option<PathBuf> {
    let dir = Path::new(MANIFEST_DIR).join("../shared").join(sub);
    if dir.exists() {
        Some(dir)
    } else {
        eprintln!(
            "SKIPPED: {} is absent (the developer corpus lives next to the checkout)",
            dir.display()
        );
        None
    }
}

fn xml_files(dir: &Path) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| e.into_path())
        .filter(|p| p.extension().is_some_and(|e| e.eq_ignore_ascii_case("xml")))
        .collect();
    out.sort();
    out
}

fn options() -> Options {
    Options {
        generator_date: Some(chrono::DateTime::parse_from_rfc3339("2024-01-01T00:00:00Z").unwrap()),
        ..Options::default()
    }
}

static BASIC: LazyLock<Validator> = LazyLock::new(|| {
    Validator::new(&csaflint::Options {
        selection: Selection {
            preset: Preset::Basic,
            ..Selection::default()
        },
    })
    .unwrap()
});

fn convert_file(path: &Path, options: &Options) -> Conversion {
    let bytes = std::fs::read(path).unwrap();
    convert::convert_bytes(&bytes, options)
        .unwrap_or_else(|m| panic!("{}: not converted: {m}", path.display()))
}

/// The 6.1 rules whose errors the CVRF document itself has (and `CV101`, a required element missing).
fn source_errors(path: &Path) -> BTreeSet<&'static str> {
    let bytes = std::fs::read(path).unwrap();
    BASIC
        .validate(&path.to_string_lossy(), &bytes)
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error && (d.rule.starts_with("6.1.") || d.rule == "CV101"))
        .map(|d| d.rule)
        .collect()
}

/// Whether the vulnerability of an element path (`/cvrfdoc/Vulnerability[3]/…`) has no product
/// status at all, read with the front end.
fn vulnerability_lists_no_product(path: &Path, element: &str) -> bool {
    let text = std::fs::read_to_string(path).unwrap();
    let (model, _) = csaflint::parse::cvrf::parse(&text).unwrap();
    let n: usize = element
        .strip_prefix("/cvrfdoc/Vulnerability[")
        .and_then(|r| r.split(']').next())
        .and_then(|n| n.parse().ok())
        .unwrap();
    model.vulnerabilities[n - 1]
        .product_status
        .lists()
        .iter()
        .all(|(_, l)| l.is_empty())
}

/// (a) Every corpus file converts; no schema error; no 6.1 error the source does not have.
#[test]
fn corpus_converts_and_validates() {
    let Some(dir) = shared("corpus/cvrf") else {
        return;
    };
    let files = xml_files(&dir);
    assert_eq!(
        files.len(),
        602,
        "../shared/corpus/cvrf should hold 602 CVRF documents"
    );
    struct Outcome {
        clean: bool,
        derived: bool,
        forced: bool,
        problems: Vec<String>,
        inherited: BTreeSet<&'static str>,
    }
    let outcomes: Vec<Outcome> = files
        .par_iter()
        .map(|path| {
            let rel = path.strip_prefix(&dir).unwrap().display().to_string();
            let source = source_errors(path);
            let mut options = options();
            let mut c = convert_file(path, &options);
            // the spec's way: publisher name and namespace from the configuration, when the document
            // does not give them away
            let derived = !c.messages.iter().any(|m| {
                m.message.contains("the publisher name is unknown")
                    || m.message.contains("the publisher namespace is unknown")
            });
            if !derived {
                let publisher = rel.split('/').next().unwrap();
                options.publisher_name = Some(publisher.to_owned());
                options.publisher_namespace = Some(format!("https://www.{publisher}.com"));
                c = convert_file(path, &options);
            }
            // a document that is not valid CVRF (`CV101`: required tracking elements missing)
            // converts only with `--force`, which writes marked placeholders for what is missing
            let invalid_cvrf = source.contains("CV101")
                && c.messages
                    .iter()
                    .any(|m| m.message.contains("`--force` writes a placeholder"));
            if invalid_cvrf {
                options.force = true;
                c = convert_file(path, &options);
            }
            let mut problems = Vec::new();
            let mut inherited = BTreeSet::new();
            for m in c.messages.iter().filter(|m| m.level == convert::Level::Error) {
                // §9.1.5 makes a remediation without products in a vulnerability without affected
                // products an error; the source fails 6.1.29 for it too
                if m.message
                    .contains("no matching product ID was found for this remediation")
                    && source.contains("6.1.29")
                {
                    inherited.insert("6.1.29");
                    continue;
                }
                // ... and a score set without products in a vulnerability that lists no product
                if m.message
                    .contains("no matching product ID was found for this score set")
                    && vulnerability_lists_no_product(path, &m.path)
                {
                    inherited.insert("score set without products");
                    continue;
                }
                problems.push(format!("{rel}: conversion error: {}", m.render(&rel)));
            }
            for m in &c.validation {
                let rule = m.rule.unwrap();
                if m.level != convert::Level::Error {
                    continue;
                }
                if rule.starts_with("6.1.") && source.contains(rule) {
                    inherited.insert(rule);
                } else {
                    problems.push(format!("{rel}: {}", m.render(&rel)));
                }
            }
            Outcome {
                clean: c.is_clean() && !invalid_cvrf,
                derived,
                forced: invalid_cvrf,
                problems,
                inherited,
            }
        })
        .collect();
    let clean = outcomes.iter().filter(|o| o.clean).count();
    let mut by_rule: BTreeMap<&str, usize> = BTreeMap::new();
    for o in &outcomes {
        for r in &o.inherited {
            *by_rule.entry(r).or_default() += 1;
        }
    }
    let derived = outcomes.iter().filter(|o| o.derived).count();
    let forced = outcomes.iter().filter(|o| o.forced).count();
    eprintln!(
        "{clean} of {} corpus files convert to valid CSAF (basic preset) without a conversion error; \
         the others only have 6.1 errors their CVRF source has too (files per rule: {by_rule:?}); \
         the publisher name and namespace were derived from {derived} documents; {forced} invalid CVRF \
         documents (CV101) were converted with --force",
        outcomes.len()
    );
    let problems: Vec<&String> = outcomes.iter().flat_map(|o| &o.problems).collect();
    assert!(
        problems.is_empty(),
        "{} problem(s) in {} file(s), e.g.:\n{}",
        problems.len(),
        outcomes.iter().filter(|o| !o.problems.is_empty()).count(),
        problems
            .iter()
            .take(30)
            .map(|p| p.as_str())
            .collect::<Vec<_>>()
            .join("\n")
    );
}

// ---- (b) round-trip counts, read from the XML text independently of the converter ---------------

#[derive(Debug, Default, PartialEq)]
struct Counts {
    vulnerabilities: usize,
    /// The `CVE` texts of each vulnerability.
    cves: Vec<Vec<String>>,
    /// `ProductID` attributes of product definitions.
    defined: BTreeSet<String>,
    /// `ProductID` element texts (references).
    referenced: BTreeSet<String>,
    remediations: usize,
    /// The `Date` of each remediation that has one, as a UTC instant (seconds).
    remediation_dates: Vec<i64>,
}

fn instant(s: &str) -> i64 {
    let s = s.trim();
    chrono::DateTime::parse_from_rfc3339(s)
        .map(|d| d.timestamp())
        .or_else(|_| {
            chrono::NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%S%.f").map(|d| d.and_utc().timestamp())
        })
        .unwrap_or_else(|_| panic!("not a date: {s}"))
}

/// Counts from the XML with quick-xml events: local names only, no model.
fn xml_counts(text: &str) -> Counts {
    let mut r = Reader::from_str(text);
    let mut c = Counts::default();
    let mut stack: Vec<String> = Vec::new();
    let mut buf = String::new();
    loop {
        let ev = r.read_event().unwrap();
        let (start, empty) = match &ev {
            Event::Start(e) => (Some(e.clone()), false),
            Event::Empty(e) => (Some(e.clone()), true),
            _ => (None, false),
        };
        if let Some(e) = start {
            let name = String::from_utf8_lossy(e.local_name().as_ref()).into_owned();
            let attr = |key: &str| {
                e.attributes()
                    .filter_map(Result::ok)
                    .find(|a| a.key.as_ref() == key.as_bytes())
                    .map(|a| a.unescape_value().unwrap().into_owned())
            };
            match name.as_str() {
                "Vulnerability" if stack.len() == 1 => {
                    c.vulnerabilities += 1;
                    c.cves.push(Vec::new());
                }
                "FullProductName" => {
                    c.defined.insert(attr("ProductID").unwrap().trim().to_owned());
                }
                // remediations of the CVRF types (vendor types such as Microsoft's `Known Issue` are
                // not remediations in CVRF or CSAF; the converter reports what it does with them)
                "Remediation"
                    if attr("Type").is_some_and(|t| {
                        [
                            "Workaround",
                            "Mitigation",
                            "Vendor Fix",
                            "None Available",
                            "Will Not Fix",
                        ]
                        .contains(&t.trim())
                    }) =>
                {
                    c.remediations += 1;
                    if let Some(d) = attr("Date") {
                        c.remediation_dates.push(instant(&d));
                    }
                }
                _ => {}
            }
            if !empty {
                stack.push(name);
                buf.clear();
            }
            continue;
        }
        match ev {
            Event::Text(t) => buf.push_str(&t.xml10_content().unwrap()),
            Event::CData(t) => buf.push_str(&String::from_utf8_lossy(&t)),
            Event::GeneralRef(g) => {
                let name = String::from_utf8_lossy(&g).into_owned();
                buf.push_str(match name.as_str() {
                    "amp" => "&",
                    "lt" => "<",
                    "gt" => ">",
                    "quot" => "\"",
                    "apos" => "'",
                    _ => "",
                });
            }
            Event::End(_) => {
                let name = stack.pop().unwrap();
                match name.as_str() {
                    "CVE" if stack.last().map(String::as_str) == Some("Vulnerability") => {
                        c.cves.last_mut().unwrap().push(buf.trim().to_owned());
                    }
                    "ProductID" => {
                        c.referenced.insert(buf.trim().to_owned());
                    }
                    _ => {}
                }
                buf.clear();
            }
            Event::Eof => break,
            _ => {}
        }
    }
    c
}

fn json_products(v: &Value, defined: &mut BTreeSet<String>) {
    match v {
        Value::Object(m) => {
            if let (Some(Value::String(id)), Some(_)) = (m.get("product_id"), m.get("name")) {
                defined.insert(id.clone());
            }
            m.values().for_each(|x| json_products(x, defined));
        }
        Value::Array(a) => a.iter().for_each(|x| json_products(x, defined)),
        _ => {}
    }
}

fn json_counts(j: &Value, xml: &Counts) -> Counts {
    let mut c = Counts::default();
    let empty = Vec::new();
    let vulns = j["vulnerabilities"].as_array().unwrap_or(&empty);
    c.vulnerabilities = vulns.len();
    for (i, v) in vulns.iter().enumerate() {
        // a CVE element is kept as `cve`, or (when it is no CVE id) in `ids`
        let mut texts: Vec<String> = v["cve"].as_str().map(str::to_owned).into_iter().collect();
        let ids: HashSet<&str> = v["ids"]
            .as_array()
            .unwrap_or(&empty)
            .iter()
            .filter_map(|x| x["text"].as_str())
            .collect();
        for x in xml.cves.get(i).unwrap_or(&Vec::new()) {
            if !texts.contains(x) && ids.contains(x.as_str()) {
                texts.push(x.clone());
            }
        }
        c.cves.push(texts);
        for r in v["remediations"].as_array().unwrap_or(&empty) {
            c.remediations += 1;
            if let Some(d) = r["date"].as_str() {
                c.remediation_dates.push(instant(d));
            }
        }
        for (_, list) in v["product_status"].as_object().into_iter().flatten() {
            for p in list.as_array().unwrap() {
                c.referenced.insert(p.as_str().unwrap().to_owned());
            }
        }
        for key in ["remediations", "threats"] {
            for r in v[key].as_array().unwrap_or(&empty) {
                for p in r["product_ids"].as_array().unwrap_or(&empty) {
                    c.referenced.insert(p.as_str().unwrap().to_owned());
                }
            }
        }
        for s in v["scores"].as_array().unwrap_or(&empty) {
            for p in s["products"].as_array().unwrap_or(&empty) {
                c.referenced.insert(p.as_str().unwrap().to_owned());
            }
        }
    }
    for g in j["product_tree"]["product_groups"].as_array().unwrap_or(&empty) {
        for p in g["product_ids"].as_array().unwrap_or(&empty) {
            c.referenced.insert(p.as_str().unwrap().to_owned());
        }
    }
    json_products(&j["product_tree"], &mut c.defined);
    c
}

fn assert_round_trip(path: &Path) -> Result<(), String> {
    let text = std::fs::read_to_string(path).unwrap();
    let xml = xml_counts(&text);
    let conv = convert::convert(
        &text,
        &Options {
            force: true,
            ..options()
        },
    )
    .map_err(|m| format!("{}: {m}", path.display()))?;
    let json = json_counts(&conv.json, &xml);
    let mut xml_dates = xml.remediation_dates.clone();
    let mut json_dates = json.remediation_dates.clone();
    xml_dates.sort_unstable();
    json_dates.sort_unstable();
    let checks = [
        ("vulnerabilities", xml.vulnerabilities == json.vulnerabilities),
        ("CVE ids", xml.cves == json.cves),
        ("defined product ids", xml.defined == json.defined),
        ("referenced product ids", xml.referenced == json.referenced),
        ("remediations", xml.remediations == json.remediations),
        ("remediation dates", xml_dates == json_dates),
    ];
    let failed: Vec<&str> = checks.iter().filter(|(_, ok)| !ok).map(|(n, _)| *n).collect();
    if failed.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "{}: {} differ\n  xml:  {:?}\n  json: {:?}",
            path.display(),
            failed.join(", "),
            (
                xml.vulnerabilities,
                xml.cves.len(),
                xml.defined.len(),
                xml.referenced.len(),
                xml.remediations,
                &xml_dates
            ),
            (
                json.vulnerabilities,
                json.cves.len(),
                json.defined.len(),
                json.referenced.len(),
                json.remediations,
                &json_dates
            )
        ))
    }
}

/// (b) What the XML holds, counted from its text, is what the JSON holds.
#[test]
fn round_trip_counts_match_on_the_corpus() {
    let mut files = Vec::new();
    if let Some(dir) = shared("corpus/cvrf") {
        files.extend(xml_files(&dir));
    }
    if let Some(dir) = shared("spec/cvrf-csaf-converter") {
        files.extend(xml_files(&dir).into_iter().filter(|p| {
            !p.to_string_lossy().contains("schemata") && !p.to_string_lossy().contains("invalid")
        }));
    }
    if files.is_empty() {
        return;
    }
    let failures: Vec<String> = files
        .par_iter()
        .filter_map(|p| {
            // skip samples that are not CVRF (well-formedness samples)
            let text = std::fs::read_to_string(p).ok()?;
            csaflint::parse::cvrf::parse(&text).ok()?;
            assert_round_trip(p).err()
        })
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} files:\n{}",
        failures.len(),
        files.len(),
        failures.iter().take(10).cloned().collect::<Vec<_>>().join("\n")
    );
}

#[test]
fn round_trip_counts_see_remediation_dates() {
    let text = r#"<cvrfdoc xmlns="http://docs.oasis-open.org/csaf/ns/csaf-cvrf/v1.2/cvrf">
<DocumentTitle>T</DocumentTitle><DocumentType>Notice</DocumentType><DocumentPublisher Type="Vendor"/>
<DocumentTracking><Identification><ID>X</ID></Identification><Status>Final</Status><Version>1</Version>
<RevisionHistory><Revision><Number>1</Number><Date>2024-01-01T00:00:00Z</Date><Description>d</Description></Revision></RevisionHistory>
<InitialReleaseDate>2024-01-01T00:00:00Z</InitialReleaseDate><CurrentReleaseDate>2024-01-01T00:00:00Z</CurrentReleaseDate></DocumentTracking>
<ProductTree xmlns="http://docs.oasis-open.org/csaf/ns/csaf-cvrf/v1.2/prod"><FullProductName ProductID="P">P 1</FullProductName></ProductTree>
<Vulnerability Ordinal="1" xmlns="http://docs.oasis-open.org/csaf/ns/csaf-cvrf/v1.2/vuln"><CVE>CVE-2024-1234</CVE>
<ProductStatuses><Status Type="Known Affected"><ProductID>P</ProductID></Status></ProductStatuses>
<Remediations><Remediation Type="Vendor Fix" Date="2024-02-03T04:05:06"><Description>fix</Description><ProductID>P</ProductID></Remediation>
<Remediation Type="Workaround" Date="2024-02-03T04:05:06+02:00"><Description>wa</Description></Remediation></Remediations>
</Vulnerability></cvrfdoc>"#;
    let xml = xml_counts(text);
    assert_eq!(xml.remediation_dates, [1706933106, 1706925906]);
    let conv = convert::convert(
        text,
        &Options {
            force: true,
            ..options()
        },
    )
    .unwrap();
    let json = json_counts(&conv.json, &xml);
    assert_eq!(json.remediation_dates, xml.remediation_dates);
    assert_eq!(json.cves, [["CVE-2024-1234"]]);
    assert_eq!(
        conv.json["vulnerabilities"][0]["remediations"][0]["date"],
        "2024-02-03T04:05:06Z"
    );
    assert_eq!(
        conv.json["vulnerabilities"][0]["remediations"][1]["date"],
        "2024-02-03T04:05:06+02:00"
    );
}

// ---- (c) the reference case of the BSI CVRF-CSAF-Converter ---------------------------------------

fn reference() -> Option<(PathBuf, Value)> {
    let dir = shared("spec/cvrf-csaf-converter/tests/test_cvrf_full")?;
    let expected: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("test_cvrf_full.json")).unwrap()).unwrap();
    Some((dir.join("test_cvrf_full.xml"), expected))
}

fn strings(v: &Value, key: &str) -> Vec<String> {
    v.as_array()
        .into_iter()
        .flatten()
        .filter_map(|x| x[key].as_str().map(str::to_owned))
        .collect()
}

/// (c) Key fields equal the expected output of the BSI converter. Differences by design: `ids`
/// (the BSI output predates CSAF 2.0's `ids` and writes `id`), CWE names (`aaa` is not a name of
/// `CWE-102`), and remediations without products (the BSI output leaves them without, which fails
/// 6.1.29; §9.1.5 fills in the affected products).
#[test]
fn reference_case_matches_the_bsi_converter() {
    let Some((xml, expected)) = reference() else {
        return;
    };
    let c = convert_file(&xml, &options());
    let (ours, theirs) = (&c.json, &expected);
    for p in [
        "/document/category",
        "/document/csaf_version",
        "/document/title",
        "/document/tracking/id",
        "/document/tracking/status",
        "/document/tracking/version",
        "/document/tracking/aliases",
        "/document/publisher/category",
        "/document/publisher/contact_details",
        "/document/publisher/issuing_authority",
        "/document/aggregate_severity/namespace",
        "/document/distribution/text",
    ] {
        assert_eq!(ours.pointer(p), theirs.pointer(p), "{p}");
    }
    assert_eq!(ours["document"]["category"], "TEST Security Advisory");
    assert_eq!(
        strings(&ours["document"]["tracking"]["revision_history"], "number"),
        strings(&theirs["document"]["tracking"]["revision_history"], "number")
    );
    for key in ["notes", "references", "acknowledgments"] {
        assert_eq!(
            ours["document"][key].as_array().map(Vec::len),
            theirs["document"][key].as_array().map(Vec::len),
            "{key}"
        );
    }
    assert_eq!(
        strings(&ours["document"]["notes"], "category"),
        strings(&theirs["document"]["notes"], "category")
    );
    assert_eq!(
        strings(&ours["document"]["references"], "category"),
        strings(&theirs["document"]["references"], "category")
    );
    // products
    let (mut a, mut b) = (BTreeSet::new(), BTreeSet::new());
    json_products(&ours["product_tree"], &mut a);
    json_products(&theirs["product_tree"], &mut b);
    assert_eq!(a, b);
    assert_eq!(
        strings(&ours["product_tree"]["relationships"], "category"),
        strings(&theirs["product_tree"]["relationships"], "category")
    );
    assert_eq!(
        ours["product_tree"]["product_groups"],
        theirs["product_tree"]["product_groups"]
    );
    assert_eq!(
        strings(&ours["product_tree"]["branches"], "category"),
        strings(&theirs["product_tree"]["branches"], "category")
    );
    assert_eq!(
        ours["product_tree"]["full_product_names"],
        theirs["product_tree"]["full_product_names"]
    );
    // vulnerabilities
    let (ov, tv) = (
        ours["vulnerabilities"].as_array().unwrap(),
        theirs["vulnerabilities"].as_array().unwrap(),
    );
    assert_eq!(ov.len(), tv.len());
    for (o, t) in ov.iter().zip(tv) {
        assert_eq!(o["cve"], t["cve"]);
        assert_eq!(o["title"], t["title"]);
        assert_eq!(o["product_status"], t["product_status"]);
        assert_eq!(o["ids"][0], t["id"], "`vuln:ID` is the first item of `ids`");
        assert_eq!(
            strings(&o["remediations"], "category"),
            strings(&t["remediations"], "category")
        );
        assert_eq!(
            strings(&o["remediations"], "details"),
            strings(&t["remediations"], "details")
        );
        assert_eq!(
            strings(&o["threats"], "category"),
            strings(&t["threats"], "category")
        );
        assert_eq!(
            strings(&o["involvements"], "party"),
            strings(&t["involvements"], "party")
        );
        assert_eq!(o["cwe"]["id"], t["cwe"]["id"]);
        let scores = |v: &Value| -> Vec<(Value, Value, BTreeSet<String>)> {
            v["scores"]
                .as_array()
                .into_iter()
                .flatten()
                .map(|s| {
                    let cvss = if s["cvss_v3"].is_object() {
                        &s["cvss_v3"]
                    } else {
                        &s["cvss_v2"]
                    };
                    let products = strings_of(&s["products"]);
                    (cvss["version"].clone(), cvss["vectorString"].clone(), products)
                })
                .collect()
        };
        assert_eq!(scores(o), scores(t));
        for (ro, rt) in o["remediations"]
            .as_array()
            .unwrap()
            .iter()
            .zip(t["remediations"].as_array().unwrap())
        {
            for key in ["url", "entitlements", "group_ids"] {
                assert_eq!(ro[key], rt[key], "{key}");
            }
            assert_eq!(
                ro["date"].as_str().map(instant),
                rt["date"].as_str().map(instant),
                "the remediation date survives"
            );
            if rt["product_ids"].is_array() {
                assert_eq!(ro["product_ids"], rt["product_ids"]);
            } else {
                assert!(
                    ro["product_ids"].is_array(),
                    "remediations get the affected products"
                );
            }
        }
    }
}

fn strings_of(v: &Value) -> BTreeSet<String> {
    v.as_array()
        .into_iter()
        .flatten()
        .filter_map(|x| x.as_str().map(str::to_owned))
        .collect()
}

// ---- (d) the command line ---------------------------------------------------------------------------

fn run(args: &[&str], dir: &Path) -> Output {
    Command::new(BIN)
        .args(args)
        .current_dir(dir)
        .env_remove("SOURCE_DATE_EPOCH")
        .output()
        .unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// A small CVRF document that converts clean (given a publisher name and namespace).
const SMALL: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<cvrfdoc xmlns="http://docs.oasis-open.org/csaf/ns/csaf-cvrf/v1.2/cvrf">
  <DocumentTitle>Small</DocumentTitle>
  <DocumentType>Example Notice</DocumentType>
  <DocumentPublisher Type="Vendor"/>
  <DocumentTracking>
    <Identification><ID>SMALL-1</ID></Identification>
    <Status>Final</Status>
    <Version>1.0.0</Version>
    <RevisionHistory><Revision><Number>1.0.0</Number><Date>2024-01-02T00:00:00Z</Date><Description>Initial</Description></Revision></RevisionHistory>
    <InitialReleaseDate>2024-01-02T00:00:00Z</InitialReleaseDate>
    <CurrentReleaseDate>2024-01-02T00:00:00Z</CurrentReleaseDate>
  </DocumentTracking>
  <ProductTree xmlns="http://docs.oasis-open.org/csaf/ns/csaf-cvrf/v1.2/prod">
    <Branch Type="Vendor" Name="Example"><Branch Type="Resource" Name="Thing">
      <FullProductName ProductID="P1">Example Thing</FullProductName>
    </Branch></Branch>
  </ProductTree>
  <Vulnerability Ordinal="1" xmlns="http://docs.oasis-open.org/csaf/ns/csaf-cvrf/v1.2/vuln">
    <CVE>CVE-2024-0001</CVE>
    <ProductStatuses><Status Type="Known Affected"><ProductID>P1</ProductID></Status></ProductStatuses>
    <Remediations><Remediation Type="Vendor Fix" Date="2024-02-01T00:00:00Z"><Description>Update</Description><ProductID>P1</ProductID></Remediation></Remediations>
  </Vulnerability>
</cvrfdoc>
"#;

fn small_dir() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("in.xml"), SMALL).unwrap();
    dir
}

#[test]
fn cli_refuses_to_overwrite_its_input() {
    let dir = small_dir();
    let d = dir.path();
    let mut names = vec![
        "in.xml".to_owned(),
        "./in.xml".to_owned(),
        d.join("in.xml").display().to_string(),
    ];
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(d.join("in.xml"), d.join("link.json")).unwrap();
        std::fs::hard_link(d.join("in.xml"), d.join("hard.json")).unwrap();
        names.push("link.json".into());
        names.push("hard.json".into());
    }
    for out in &names {
        let o = run(&["convert", "in.xml", "--no-config", "--force", "-o", out], d);
        assert_eq!(o.status.code(), Some(2), "-o {out}: {}", stderr(&o));
        assert!(stderr(&o).contains("refusing to overwrite"), "{}", stderr(&o));
        assert_eq!(
            std::fs::read_to_string(d.join("in.xml")).unwrap(),
            SMALL,
            "-o {out}"
        );
    }
}

#[test]
fn cli_writes_atomically_and_only_when_clean() {
    let dir = small_dir();
    let d = dir.path();
    // no publisher name or namespace anywhere: errors, nothing written, the old output untouched
    std::fs::write(d.join("out.json"), "keep").unwrap();
    let o = run(&["convert", "in.xml", "--no-config", "-o", "out.json"], d);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(stderr(&o).contains("nothing written"), "{}", stderr(&o));
    assert_eq!(std::fs::read_to_string(d.join("out.json")).unwrap(), "keep");
    // with the publisher given: written, valid, generator date injectable
    let o = run(
        &[
            "convert",
            "in.xml",
            "--no-config",
            "--publisher-name",
            "Example",
            "--publisher-namespace",
            "https://example.com",
            "--generator-date",
            "2024-03-04T05:06:07Z",
            "-o",
            "out.json",
        ],
        d,
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let json: Value = serde_json::from_str(&std::fs::read_to_string(d.join("out.json")).unwrap()).unwrap();
    assert_eq!(json["document"]["publisher"]["name"], "Example");
    assert_eq!(
        json["document"]["tracking"]["generator"]["date"],
        "2024-03-04T05:06:07Z"
    );
    assert_eq!(
        json["vulnerabilities"][0]["remediations"][0]["date"],
        "2024-02-01T00:00:00Z"
    );
    assert!(
        stderr(&o).contains("in.xml:15:50: warning: branch type `Resource`"),
        "{}",
        stderr(&o)
    );
    // a directory that does not exist: usage error, nothing left behind
    let o = run(
        &[
            "convert",
            "in.xml",
            "--no-config",
            "--force",
            "-o",
            "missing/out.json",
        ],
        d,
    );
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    let leftovers: Vec<String> = std::fs::read_dir(d)
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn cli_config_and_flags() {
    let dir = small_dir();
    let d = dir.path();
    std::fs::write(
        d.join("csaflint.toml"),
        "[convert]\npublisher-name = \"From Config\"\npublisher-namespace = \"https://config.example\"\n",
    )
    .unwrap();
    let o = run(&["convert", "in.xml"], d);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let json: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(json["document"]["publisher"]["name"], "From Config");
    let o = run(&["convert", "in.xml", "--publisher-name", "From Flag"], d);
    let json: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(json["document"]["publisher"]["name"], "From Flag");
    assert_eq!(
        json["document"]["publisher"]["namespace"],
        "https://config.example"
    );
    // SOURCE_DATE_EPOCH sets the generator date
    let o = Command::new(BIN)
        .args(["convert", "in.xml"])
        .current_dir(d)
        .env("SOURCE_DATE_EPOCH", "1700000000")
        .output()
        .unwrap();
    let json: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(
        json["document"]["tracking"]["generator"]["date"],
        "2023-11-14T22:13:20Z"
    );
    // usage errors
    assert_eq!(run(&["convert", "nope.xml"], d).status.code(), Some(2));
    assert_eq!(
        run(&["convert", "in.xml", "--publisher-category", "boss"], d)
            .status
            .code(),
        Some(2)
    );
    std::fs::write(
        d.join("csaflint.toml"),
        "[convert]\npublisher-category = \"boss\"\n",
    )
    .unwrap();
    let o = run(&["convert", "in.xml"], d);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    // not CVRF: exit 1, located
    std::fs::write(d.join("x.json"), "{\"document\": {}}").unwrap();
    let o = run(&["convert", "x.json", "--no-config", "--force"], d);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).starts_with("x.json:1:1: error: not a CVRF document"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn cli_force_writes_despite_errors_and_warnings_are_located() {
    let Some((xml, _)) = reference() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let input = xml.display().to_string();
    // the reference input has scores that do not match their vectors (6.1.9): invalid output
    let o = run(&["convert", &input, "--no-config", "-o", "out.json"], d);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(!d.join("out.json").exists());
    let o = run(
        &["convert", &input, "--no-config", "--force", "-o", "out.json"],
        d,
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let json: Value = serde_json::from_str(&std::fs::read_to_string(d.join("out.json")).unwrap()).unwrap();
    assert_eq!(json["document"]["tracking"]["id"], "vendorix-sa-20170301-abc");
    let err = stderr(&o);
    assert!(err.contains("written despite"), "{err}");
    let mut located = 0;
    for line in err
        .lines()
        .filter(|l| l.contains(": warning: ") || l.contains(": error: "))
    {
        if line.starts_with("warning: written despite") {
            continue;
        }
        let rest = line
            .strip_prefix(&format!("{input}:"))
            .unwrap_or_else(|| panic!("not located in the input: {line}"));
        let mut parts = rest.splitn(3, ':');
        let (l, c) = (parts.next().unwrap(), parts.next().unwrap());
        assert!(l.parse::<u32>().is_ok() && c.parse::<u32>().is_ok(), "{line}");
        located += 1;
    }
    assert!(located >= 10, "{err}");
    assert!(
        err.contains(":180:5: warning: `aaa` is not a name of `CWE-102`"),
        "{err}"
    );
    assert!(err.contains("[/cvrfdoc/Vulnerability[2]/CWE[1]]"), "{err}");
    assert!(err.contains("fails `6.1.9`"), "{err}");
}
