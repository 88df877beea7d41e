//! The CVRF 1.1 / 1.2 front end: the developer corpus, malformed and hostile input, and located
//! diagnostics.
//!
//! The corpus tests read `../shared/corpus` next to the checkout and are skipped (with a message)
//! when it is absent.

use csaflint::parse::cvrf;
use csaflint::{Options, Report, Validator};
use rayon::prelude::*;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

const MANIFEST_DIR: &str = env!("CARGO_MANIFEST_DIR");
const NS12: &str = "http://docs.oasis-open.org/csaf/ns/csaf-cvrf/v1.2/cvrf";
const NS11: &str = "http://www.icasi.org/CVRF/schema/cvrf/1.1";

fn shared_dir(sub: &str) -> Option<PathBuf> {
    let dir = Path::new(MANIFEST_DIR).join("../shared").join(sub);
    if dir.is_dir() {
        Some(dir)
    } else {
        eprintln!(
            "skipped: {} is absent (the developer corpus lives next to the checkout)",
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

fn validator() -> Validator {
    Validator::new(&Options::default()).expect("the default options are valid")
}

fn validate(text: &str) -> Report {
    validator().validate("test.xml", text.as_bytes())
}

fn parse_diag(r: &Report) -> Option<&csaflint::Diagnostic> {
    r.diagnostics.iter().find(|d| d.rule == "parse")
}

/// Byte offset of a 1-based line and column (code points).
fn offset_of(text: &str, line: u32, column: u32) -> usize {
    offset_in_lines(text, &line_starts(text), line, column)
}

fn line_starts(text: &str) -> Vec<usize> {
    std::iter::once(0)
        .chain(text.match_indices('\n').map(|(i, _)| i + 1))
        .collect()
}

fn offset_in_lines(text: &str, starts: &[usize], line: u32, column: u32) -> usize {
    let start = starts[line as usize - 1];
    text[start..]
        .char_indices()
        .nth(column as usize - 1)
        .map_or(text.len(), |(i, _)| start + i)
}

/// Checks that a diagnostic with an element path points at that element's start tag or attribute.
fn check_points_into_xml(text: &str, d: &csaflint::Diagnostic) -> Result<(), String> {
    check_in_lines(text, &line_starts(text), d)
}

fn check_in_lines(text: &str, starts: &[usize], d: &csaflint::Diagnostic) -> Result<(), String> {
    if d.pointer.is_empty() {
        return Ok(());
    }
    if !d.pointer.starts_with("/cvrfdoc") {
        return Err(format!("pointer `{}` is not an element path", d.pointer));
    }
    let at = offset_in_lines(text, starts, d.line, d.column);
    let last = d.pointer.rsplit('/').next().unwrap_or_default();
    let ok = match last.strip_prefix('@') {
        Some(attr) => {
            text[at..].starts_with(&format!("{attr}=")) || text[at..].starts_with(&format!("{attr} "))
        }
        None => {
            let name = last.split('[').next().unwrap_or_default();
            let tag = text[at..].strip_prefix('<').unwrap_or("");
            let local = tag
                .split(|c: char| c.is_whitespace() || c == '>' || c == '/')
                .next()
                .unwrap_or("");
            local.rsplit(':').next() == Some(name)
        }
    };
    if ok {
        Ok(())
    } else {
        Err(format!(
            "{} `{}` at {}:{} points at `{}`",
            d.rule,
            d.pointer,
            d.line,
            d.column,
            &text[at..(at + 40).min(text.len())]
        ))
    }
}

#[test]
fn every_corpus_file_parses_with_its_version_and_located_diagnostics() {
    let Some(dir) = shared_dir("corpus/cvrf") else {
        return;
    };
    let files = xml_files(&dir);
    assert!(
        files.len() >= 600,
        "expected the 602 corpus files, found {}",
        files.len()
    );
    let validator = validator();
    let problems: Vec<String> = files
        .par_iter()
        .flat_map_iter(|p| {
            let text = std::fs::read_to_string(p).expect("corpus files are UTF-8");
            let r = validator.validate(&p.display().to_string(), text.as_bytes());
            let mut out = Vec::new();
            if let Some(d) = parse_diag(&r) {
                out.push(format!(
                    "{}: parse error {}:{} {}",
                    r.path, d.line, d.column, d.message
                ));
            }
            // the namespace test here is deliberately naive: the root's namespace is the first
            // CVRF document namespace the file mentions
            let first11 = text.find(NS11);
            let first12 = text.find(NS12);
            let expected = match (first11, first12) {
                (Some(a), Some(b)) if a < b => "1.1",
                (Some(_), None) => "1.1",
                _ => "1.2",
            };
            if r.format != Some("cvrf") || r.version != Some(expected) {
                out.push(format!(
                    "{}: format {:?} version {:?}, expected cvrf {expected}",
                    r.path, r.format, r.version
                ));
            }
            let starts = line_starts(&text);
            for d in &r.diagnostics {
                if let Err(e) = check_in_lines(&text, &starts, d) {
                    out.push(format!("{}: {e}", r.path));
                }
            }
            out
        })
        .collect();
    assert!(
        problems.is_empty(),
        "{} problems:\n{}",
        problems.len(),
        problems.iter().take(30).cloned().collect::<Vec<_>>().join("\n")
    );
}

#[test]
fn malformed_corpus_files_give_a_located_parse_error() {
    let Some(dir) = shared_dir("corpus/malformed/cvrf") else {
        return;
    };
    let files = xml_files(&dir);
    assert_eq!(files.len(), 2, "{files:?}");
    let validator = validator();
    for p in files {
        let bytes = std::fs::read(&p).unwrap();
        let r = validator.validate(&p.display().to_string(), &bytes);
        let d = parse_diag(&r).unwrap_or_else(|| panic!("{}: no parse error: {:?}", r.path, r.diagnostics));
        assert!(d.line >= 1 && d.column >= 1);
        let name = p.file_name().unwrap().to_string_lossy();
        if name == "cvrf-opensuse-su-2016-0874-1.xml" {
            // a Latin-1 byte in a UTF-8 file, in the middle of line 83
            assert_eq!(d.line, 83, "{d:?}");
            assert!(d.column > 1, "{d:?}");
        }
        if bytes.is_empty() {
            assert_eq!((d.line, d.column), (1, 1));
        }
    }
}

fn minimal(ns: &str, body: &str) -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<cvrfdoc xmlns=\"{ns}\">\n\
         <DocumentTitle>t</DocumentTitle>\n<DocumentType>Security Advisory</DocumentType>\n{body}\n</cvrfdoc>\n"
    )
}

fn assert_quick_parse_error(text: &str, expected: &str) -> csaflint::Diagnostic {
    let started = Instant::now();
    let r = validate(text);
    let elapsed = started.elapsed();
    assert!(elapsed < Duration::from_secs(2), "took {elapsed:?}");
    let d = parse_diag(&r).unwrap_or_else(|| panic!("no parse error: {:?}", r.diagnostics));
    assert!(
        d.message.contains(expected),
        "message `{}` lacks `{expected}`",
        d.message
    );
    assert!(r.diagnostics.len() == 1, "{:?}", r.diagnostics);
    d.clone()
}

#[test]
fn billion_laughs_is_refused_without_expansion() {
    let mut dtd = String::from("<!DOCTYPE cvrfdoc [\n<!ENTITY lol0 \"lol\">\n");
    for i in 1..=10 {
        let prev = format!("&lol{};", i - 1);
        dtd.push_str(&format!("<!ENTITY lol{i} \"{}\">\n", prev.repeat(10)));
    }
    dtd.push_str("]>\n");
    let text = format!(
        "<?xml version=\"1.0\"?>\n{dtd}<cvrfdoc xmlns=\"{NS12}\"><DocumentTitle>&lol10;</DocumentTitle></cvrfdoc>"
    );
    let d = assert_quick_parse_error(&text, "declares entities");
    assert_eq!((d.line, d.column), (2, 1));
}

#[test]
fn external_entities_are_never_read() {
    // with an entity declaration: refused at the DOCTYPE
    let text = format!(
        "<?xml version=\"1.0\"?>\n<!DOCTYPE cvrfdoc [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n\
         <cvrfdoc xmlns=\"{NS12}\"><DocumentTitle>&xxe;</DocumentTitle></cvrfdoc>"
    );
    let d = assert_quick_parse_error(&text, "declares entities");
    assert!(!d.message.contains("root:"));
    // a parameter entity pulling in an external DTD
    let text = format!(
        "<!DOCTYPE cvrfdoc [<!ENTITY % ext SYSTEM \"file:///etc/passwd\"> %ext;]>\n<cvrfdoc xmlns=\"{NS12}\"/>"
    );
    assert_quick_parse_error(&text, "declares entities");
    // an external DTD is never fetched, so its entities are undefined
    let text = format!(
        "<!DOCTYPE cvrfdoc SYSTEM \"file:///etc/passwd\">\n<cvrfdoc xmlns=\"{NS12}\">\n<DocumentTitle>&xxe;</DocumentTitle></cvrfdoc>"
    );
    let d = assert_quick_parse_error(&text, "`&xxe;` is not defined");
    assert_eq!((d.line, d.column), (3, 16));
    // also in an attribute value
    let text = format!("<cvrfdoc xmlns=\"{NS12}\"><DocumentPublisher Type=\"&xxe;\"/></cvrfdoc>");
    assert_quick_parse_error(&text, "`&xxe;` is not defined");
}

#[test]
fn deep_nesting_is_refused_quickly() {
    let n = 200_000;
    let text = format!(
        "<cvrfdoc xmlns=\"{NS12}\">{}{}</cvrfdoc>",
        "<a>".repeat(n),
        "</a>".repeat(n)
    );
    let d = assert_quick_parse_error(&text, "nest deeper than 256");
    assert_eq!(d.line, 1);
    let at = offset_of(&text, d.line, d.column);
    assert!(text[at..].starts_with("<a>"), "{d:?}");
}

#[test]
fn non_cvrf_roots_are_refused() {
    let d = assert_quick_parse_error(
        "<?xml version=\"1.0\"?>\n<advisory/>",
        "not a CVRF document: the root element is `advisory`",
    );
    assert_eq!((d.line, d.column), (2, 1));
    assert_quick_parse_error("<cvrfdoc/>", "has no namespace");
    assert_quick_parse_error(
        "<cvrfdoc xmlns=\"urn:example\"/>",
        "unknown namespace `urn:example`",
    );
    assert_quick_parse_error(
        "<x:cvrfdoc xmlns:x=\"http://docs.oasis-open.org/csaf/ns/csaf-cvrf/v1.2/vuln\"/>",
        "unknown namespace",
    );
    let r = validate("<?xml version=\"1.0\"?>\n<cvrfdoc xmlns=\"urn:example\"/>");
    assert_eq!(r.format, None);
    assert_eq!(r.version, None);
}

#[test]
fn malformed_xml_is_located() {
    let text = minimal(
        NS12,
        "<DocumentNotes>\n  <Note Type=\"General\">x</Notes>\n</DocumentNotes>",
    );
    let d = assert_quick_parse_error(&text, "does not match");
    assert_eq!(d.line, 6, "{d:?}");
    let d = assert_quick_parse_error(
        &format!("<cvrfdoc xmlns=\"{NS12}\">\n<DocumentTitle>"),
        "ends inside",
    );
    assert_eq!(d.line, 2);
    assert_quick_parse_error(
        &format!("<cvrfdoc xmlns=\"{NS12}\">a & b</cvrfdoc>"),
        "not well-formed XML",
    );
    assert_quick_parse_error(
        &format!("<cvrfdoc xmlns=\"{NS12}\"/><cvrfdoc xmlns=\"{NS12}\"/>"),
        "second root",
    );
}

#[test]
fn utf16_cvrf_with_bom_parses() {
    let text = minimal(
        NS11,
        "<DocumentTracking><Identification><ID>X-1</ID></Identification></DocumentTracking>",
    )
    .replace("encoding=\"UTF-8\"", "encoding=\"UTF-16\"");
    for big_endian in [false, true] {
        let mut bytes = if big_endian {
            vec![0xFE, 0xFF]
        } else {
            vec![0xFF, 0xFE]
        };
        for unit in text.encode_utf16() {
            bytes.extend(if big_endian {
                unit.to_be_bytes()
            } else {
                unit.to_le_bytes()
            });
        }
        let r = validator().validate("utf16.xml", &bytes);
        assert!(parse_diag(&r).is_none(), "{:?}", r.diagnostics);
        assert_eq!((r.format, r.version), (Some("cvrf"), Some("1.1")));
    }
}

const SAMPLE: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<cvrfdoc xmlns="http://docs.oasis-open.org/csaf/ns/csaf-cvrf/v1.2/cvrf"
         xmlns:prod="http://docs.oasis-open.org/csaf/ns/csaf-cvrf/v1.2/prod"
         xmlns:vuln="http://docs.oasis-open.org/csaf/ns/csaf-cvrf/v1.2/vuln">
  <DocumentTitle>Example</DocumentTitle>
  <DocumentType>Security Advisory</DocumentType>
  <DocumentPublisher Type="Vendor"/>
  <prod:ProductTree>
    <prod:FullProductName ProductID="P1">Product 1</prod:FullProductName>
  </prod:ProductTree>
  <vuln:Vulnerability Ordinal="1">
    <vuln:CVE>CVE-2024-0001</vuln:CVE>
  </vuln:Vulnerability>
  <vuln:Vulnerability Ordinal="2">
    <vuln:ProductStatuses>
      <vuln:Status Type="Known Affected"><vuln:ProductID>P1</vuln:ProductID></vuln:Status>
    </vuln:ProductStatuses>
    <vuln:Remediations>
      <vuln:Remediation Type="Vendor Fix" Date="2024-05-01T00:00:00Z">
        <vuln:Description>Update</vuln:Description>
      </vuln:Remediation>
    </vuln:Remediations>
  </vuln:Vulnerability>
</cvrfdoc>
"#;

#[test]
fn model_pointers_become_element_paths_in_the_xml() {
    let (advisory, doc) = cvrf::parse(SAMPLE).expect("the sample is CVRF");
    assert_eq!(advisory.vulnerabilities.len(), 2);
    let rem = &advisory.vulnerabilities[1].remediations[0];
    assert_eq!(
        rem.date.as_ref().map(|d| d.raw.as_str()),
        Some("2024-05-01T00:00:00Z")
    );
    let (path, (start, _)) = doc.locate("/vulnerabilities/1/remediations/0/date");
    assert_eq!(
        path,
        "/cvrfdoc/Vulnerability[2]/Remediations/Remediation[1]/@Date"
    );
    assert!(SAMPLE[start..].starts_with("Date=\"2024-05-01"));
    // no such node: the longest recorded ancestor
    let (path, _) = doc.locate("/vulnerabilities/1/remediations/0/product_ids");
    assert_eq!(path, "/cvrfdoc/Vulnerability[2]/Remediations/Remediation[1]");
    let (path, _) = doc.locate("/vulnerabilities/0/product_status/known_affected/0");
    assert_eq!(path, "/cvrfdoc/Vulnerability[1]");
    let (path, _) = doc.locate("/vulnerabilities/1/product_status/known_affected/0");
    assert_eq!(
        path,
        "/cvrfdoc/Vulnerability[2]/ProductStatuses/Status[1]/ProductID[1]"
    );
    let (path, _) = doc.locate("/product_tree/full_product_names/0/product_id");
    assert_eq!(path, "/cvrfdoc/ProductTree/FullProductName[1]/@ProductID");
    let (path, (start, _)) = doc.locate("/document/publisher/name");
    assert_eq!(path, "/cvrfdoc/DocumentPublisher");
    assert!(SAMPLE[start..].starts_with("<DocumentPublisher"));
    assert_eq!(doc.locate("/no/such/thing").0, "/cvrfdoc");
    assert_eq!(doc.locate("").0, "");
}

#[test]
fn a_cvrf_diagnostic_points_into_the_xml() {
    // the remediation names no product (6.1.29 when that test is registered); whatever the rules
    // report, every diagnostic carries an element path and a position on that element
    let r = validate(SAMPLE);
    assert_eq!((r.format, r.version), (Some("cvrf"), Some("1.2")));
    assert!(parse_diag(&r).is_none(), "{:?}", r.diagnostics);
    for d in &r.diagnostics {
        check_points_into_xml(SAMPLE, d).unwrap();
    }
    if csaflint::rules::find("6.1.29").is_some() {
        let d = r
            .diagnostics
            .iter()
            .find(|d| d.rule == "6.1.29")
            .expect("6.1.29 reports the remediation without products");
        assert_eq!(d.pointer, "/cvrfdoc/Vulnerability[2]/Remediations/Remediation[1]");
        assert_eq!((d.line, d.column), (19, 7));
    }
}
