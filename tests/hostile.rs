//! Hostile inputs (issue 8, "Hardening"): files built to break a validator — empty, truncated, nested
//! 200,000 deep, invalid UTF-8, random bytes, `null` where objects belong, entity bombs, external
//! entities, UTF-16, symlink loops, FIFOs, devices, 50 MB strings, 20,000-link cycles — all generated
//! here (nothing large is committed) and validated by the binary in one batch. The run must end on
//! its own, with exit code 1, exactly one result per file, no panic, bounded memory, and a located
//! `parse` or `io` diagnostic for every file that cannot be read as an advisory, while the other
//! files validate as usual.
//!
//! Also here: the depth bounds of every recursive path, `--max-file-size`, no network request
//! without `--online`, and no command writing to its inputs.

use csaflint::{Options, Validator};
use serde_json::{json, Value};
use std::collections::{BTreeMap, HashMap};
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_csaflint");
const MANIFEST_DIR: &str = env!("CARGO_MANIFEST_DIR");
const NS12: &str = "http://docs.oasis-open.org/csaf/ns/csaf-cvrf/v1.2/cvrf";
const NS12_PROD: &str = "http://docs.oasis-open.org/csaf/ns/csaf-cvrf/v1.2/prod";

/// The whole hostile batch must end within this time (debug build, shared cores).
const BATCH_DEADLINE: Duration = Duration::from_secs(90);
/// Peak resident memory allowed for the hostile batch (it holds a 50 MB document).
const BATCH_MAX_RSS_KIB: u64 = 1536 * 1024;

// ---------------------------------------------------------------------------------------------
// Running the binary with a deadline

struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
    elapsed: Duration,
    /// Peak resident set size in KiB (`VmHWM`), when `/proc` shows it.
    peak_rss_kib: Option<u64>,
}

/// Runs the binary, killing it and failing the test when it has not ended after `deadline`.
fn run_with_deadline(args: &[&str], envs: &[(&str, &str)], deadline: Duration) -> Run {
    let mut cmd = Command::new(BIN);
    cmd.args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    for (k, v) in envs {
        cmd.env(k, v);
    }
    let started = Instant::now();
    let mut child = cmd.spawn().expect("start csaflint");
    let mut out = child.stdout.take().unwrap();
    let mut err = child.stderr.take().unwrap();
    let out_reader = std::thread::spawn(move || {
        let mut b = Vec::new();
        let _ = out.read_to_end(&mut b);
        b
    });
    let err_reader = std::thread::spawn(move || {
        let mut b = Vec::new();
        let _ = err.read_to_end(&mut b);
        b
    });
    let status_file = format!("/proc/{}/status", child.id());
    let mut peak = None;
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if let Some(kib) = vm_hwm(&status_file) {
            peak = Some(kib);
        }
        if started.elapsed() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!("`csaflint {}` did not end within {deadline:?}", args.join(" "));
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    let elapsed = started.elapsed();
    Run {
        code: status.code(),
        stdout: String::from_utf8(out_reader.join().unwrap()).expect("UTF-8 output"),
        stderr: String::from_utf8_lossy(&err_reader.join().unwrap()).into_owned(),
        elapsed,
        peak_rss_kib: peak,
    }
}

/// The peak resident set size of a running process, from its `/proc/PID/status`.
fn vm_hwm(status_file: &str) -> Option<u64> {
    let status = std::fs::read_to_string(status_file).ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

fn jsonl(run: &Run) -> Vec<Value> {
    run.stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON ({e}): {l:.300}")))
        .collect()
}

fn assert_no_panic(run: &Run) {
    for bad in [
        "panicked",
        "RUST_BACKTRACE",
        "stack overflow",
        "SIGSEGV",
        "SIGABRT",
    ] {
        assert!(!run.stderr.contains(bad), "stderr shows a crash: {}", run.stderr);
    }
}

// ---------------------------------------------------------------------------------------------
// Documents

/// A valid CSAF 2.0 security advisory with a product tree, a vulnerability, a score and a fix.
fn valid_csaf() -> Value {
    json!({
        "document": {
            "category": "csaf_security_advisory",
            "csaf_version": "2.0",
            "distribution": {"tlp": {"label": "WHITE"}},
            "lang": "en",
            "notes": [
                {"category": "summary", "text": "A buffer overflow in the example product.", "title": "Summary"}
            ],
            "publisher": {
                "category": "vendor",
                "name": "Example Company",
                "namespace": "https://example.com"
            },
            "references": [
                {
                    "category": "self",
                    "summary": "Canonical URL",
                    "url": "https://example.com/.well-known/csaf/white/2024/example-2024-0001.json"
                }
            ],
            "title": "Buffer overflow in the example product",
            "tracking": {
                "current_release_date": "2024-01-24T10:00:00.000Z",
                "id": "EXAMPLE-2024-0001",
                "initial_release_date": "2024-01-24T10:00:00.000Z",
                "revision_history": [
                    {"date": "2024-01-24T10:00:00.000Z", "number": "1", "summary": "Initial version."}
                ],
                "status": "final",
                "version": "1"
            }
        },
        "product_tree": {
            "branches": [{
                "branches": [{
                    "branches": [{
                        "category": "product_version",
                        "name": "1.0",
                        "product": {"name": "Example Product 1.0", "product_id": "CSAFPID-0001"}
                    }],
                    "category": "product_name",
                    "name": "Example Product"
                }],
                "category": "vendor",
                "name": "Example Company"
            }]
        },
        "vulnerabilities": [{
            "cve": "CVE-2024-0001",
            "notes": [
                {"category": "description", "text": "A buffer overflow.", "title": "Description"}
            ],
            "product_status": {"known_affected": ["CSAFPID-0001"]},
            "remediations": [{
                "category": "vendor_fix",
                "date": "2024-01-24T10:00:00.000Z",
                "details": "Update to version 1.1.",
                "product_ids": ["CSAFPID-0001"]
            }],
            "scores": [{
                "cvss_v3": {
                    "baseScore": 9.8,
                    "baseSeverity": "CRITICAL",
                    "vectorString": "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
                    "version": "3.1"
                },
                "products": ["CSAFPID-0001"]
            }]
        }]
    })
}

fn pretty(v: &Value) -> String {
    serde_json::to_string_pretty(v).unwrap()
}

/// A small CVRF 1.2 document.
fn valid_cvrf(declared_encoding: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="{declared_encoding}"?>
<cvrfdoc xmlns="{NS12}">
  <DocumentTitle xml:lang="en">Security update for the example product</DocumentTitle>
  <DocumentType>Security Advisory</DocumentType>
  <DocumentPublisher Type="Vendor">
    <ContactDetails>security@example.com</ContactDetails>
    <IssuingAuthority>Example Security Team</IssuingAuthority>
  </DocumentPublisher>
  <DocumentTracking>
    <Identification>
      <ID>EXAMPLE-2024-0001</ID>
    </Identification>
    <Status>Final</Status>
    <Version>1</Version>
    <RevisionHistory>
      <Revision>
        <Number>1</Number>
        <Date>2024-01-24T10:00:00Z</Date>
        <Description>Initial version</Description>
      </Revision>
    </RevisionHistory>
    <InitialReleaseDate>2024-01-24T10:00:00Z</InitialReleaseDate>
    <CurrentReleaseDate>2024-01-24T10:00:00Z</CurrentReleaseDate>
  </DocumentTracking>
  <ProductTree xmlns="{NS12_PROD}">
    <Branch Type="Product Version" Name="example-1.0">
      <FullProductName ProductID="example-1.0">Example 1.0</FullProductName>
    </Branch>
  </ProductTree>
</cvrfdoc>
"#
    )
}

/// UTF-16 with a byte order mark.
fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
    let mut out = if big_endian {
        vec![0xFE, 0xFF]
    } else {
        vec![0xFF, 0xFE]
    };
    for unit in text.encode_utf16() {
        out.extend(if big_endian {
            unit.to_be_bytes()
        } else {
            unit.to_le_bytes()
        });
    }
    out
}

/// 1-based line and column (in code points) of a byte offset.
fn line_col(text: &str, offset: usize) -> (u64, u64) {
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line as u64, before[line_start..].chars().count() as u64 + 1)
}

/// The byte offset of the `nth` (0-based) occurrence of `needle`, plus `shift`.
fn offset_of(text: &str, needle: &str, nth: usize, shift: usize) -> usize {
    text.match_indices(needle)
        .nth(nth)
        .unwrap_or_else(|| panic!("`{needle}` not found"))
        .0
        + shift
}

use csaflint::testing::Rng;

// ---------------------------------------------------------------------------------------------
// What each file must give

#[derive(Debug)]
enum Want {
    /// A diagnostic of this rule at this line and column, whose message contains the text.
    At(&'static str, (u64, u64), String),
    /// A diagnostic of this rule with this pointer, at this line and column.
    Pointer(&'static str, String, (u64, u64)),
    /// A `parse` or `io` diagnostic whose message contains the text (anywhere in the file).
    Refused(&'static str, String),
    /// Read and parsed as this format: no `io` and no `parse` diagnostic.
    Parsed(&'static str),
    /// No diagnostic of severity `error`.
    Valid,
    /// This many diagnostics of this rule.
    Count(&'static str, usize),
    /// An `io` or a `parse` diagnostic (for links out of the folder: followed today, refused maybe
    /// tomorrow).
    Rejected,
}

struct Batch {
    dir: PathBuf,
    /// Shown path → what it must give.
    cases: BTreeMap<String, Vec<Want>>,
}

impl Batch {
    fn shown(&self, rel: &str) -> String {
        self.dir.join(rel).to_str().unwrap().to_owned()
    }

    fn file(&mut self, rel: &str, bytes: impl AsRef<[u8]>, wants: Vec<Want>) {
        let path = self.dir.join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, bytes).unwrap();
        self.expect(rel, wants);
    }

    fn expect(&mut self, rel: &str, wants: Vec<Want>) {
        let shown = self.shown(rel);
        assert!(self.cases.insert(shown, wants).is_none(), "{rel} twice");
    }
}

fn at(rule: &'static str, lc: (u64, u64), text: &str) -> Want {
    Want::At(rule, lc, text.to_owned())
}

fn pointer(rule: &'static str, p: &str, lc: (u64, u64)) -> Want {
    Want::Pointer(rule, p.to_owned(), lc)
}

fn refused(rule: &'static str, text: &str) -> Want {
    Want::Refused(rule, text.to_owned())
}

fn check_doc(doc: &Value, wants: &[Want]) -> Result<(), String> {
    let diags = doc["diagnostics"].as_array().ok_or("no diagnostics array")?;
    let has = |pred: &dyn Fn(&Value) -> bool| diags.iter().any(pred);
    let lc = |d: &Value| (d["line"].as_u64().unwrap(), d["column"].as_u64().unwrap());
    for want in wants {
        let ok = match want {
            Want::At(rule, pos, text) => has(&|d| {
                d["rule"] == *rule && lc(d) == *pos && d["message"].as_str().unwrap().contains(text.as_str())
            }),
            Want::Pointer(rule, p, pos) => {
                has(&|d| d["rule"] == *rule && d["pointer"] == *p && lc(d) == *pos)
            }
            Want::Refused(rule, text) => {
                has(&|d| d["rule"] == *rule && d["message"].as_str().unwrap().contains(text.as_str()))
            }
            Want::Parsed(format) => {
                doc["format"] == *format && !has(&|d| d["rule"] == "parse" || d["rule"] == "io")
            }
            Want::Valid => doc["valid"] == true,
            Want::Count(rule, n) => diags.iter().filter(|d| d["rule"] == *rule).count() == *n,
            Want::Rejected => has(&|d| d["rule"] == "io" || d["rule"] == "parse"),
        };
        if !ok {
            return Err(format!("{want:?} does not hold"));
        }
    }
    Ok(())
}

/// Whether the current user can read a file whose permissions forbid it (root can).
fn can_read_unreadable(path: &Path) -> bool {
    std::fs::File::open(path).is_ok()
}

fn symlink(target: impl AsRef<Path>, link: impl AsRef<Path>) {
    std::os::unix::fs::symlink(target, link).unwrap();
}

fn mkfifo(path: &Path) {
    let status = Command::new("mkfifo").arg(path).status().expect("run mkfifo");
    assert!(status.success());
}

/// The hostile folder. Files whose name starts with `ok-` are ordinary documents that must still
/// validate among the hostile ones. `big`: with the 50 MB document.
fn hostile_batch(root: &Path, big: bool) -> Batch {
    let mut b = Batch {
        dir: root.join("hostile"),
        cases: BTreeMap::new(),
    };
    std::fs::create_dir_all(&b.dir).unwrap();
    let valid = pretty(&valid_csaf());

    // ordinary documents among the hostile ones
    b.file("ok-valid.json", &valid, vec![Want::Parsed("csaf"), Want::Valid]);
    b.file("ok-valid.xml", valid_cvrf("UTF-8"), vec![Want::Parsed("cvrf")]);

    // empty and blank files
    b.file("empty.json", "", vec![at("parse", (1, 1), "")]);
    b.file("empty.xml", "", vec![at("parse", (1, 1), "")]);
    b.file(
        "blank.xml",
        " \n\t\n",
        vec![at("parse", (1, 1), "the file holds only white space")],
    );
    b.file(
        "blank.json",
        "\n\n   ",
        vec![at("parse", (1, 1), "the file holds only white space")],
    );

    // a UTF-8 byte order mark is accepted
    let mut bom = b"\xEF\xBB\xBF".to_vec();
    bom.extend(valid.as_bytes());
    b.file("bom.json", bom, vec![Want::Parsed("csaf"), Want::Valid]);

    // invalid UTF-8 in a string, located at the bad byte
    let bad = valid.replace(
        "Example Company\",\n      \"namespace",
        "Example\u{1}Company\",\n      \"namespace",
    );
    let at_bad = offset_of(&bad, "\u{1}", 0, 0);
    let mut bytes = bad.into_bytes();
    bytes[at_bad] = 0xFF;
    let lc = line_col(std::str::from_utf8(&bytes[..at_bad]).unwrap(), at_bad);
    b.file(
        "invalid-utf8.json",
        bytes,
        vec![at("parse", lc, "not valid UTF-8")],
    );

    // truncated JSON: the error is at the end of the text
    let cut = &valid[..valid.len() / 2];
    let end = line_col(cut, cut.len());
    b.file(
        "truncated.json",
        cut,
        vec![at("parse", (end.0, end.1 - 1), "the file ends in the middle of")],
    );

    // 200,000 levels of nesting
    b.file(
        "deep-array.json",
        "[".repeat(200_000),
        vec![at(
            "parse",
            (1, 128),
            "the document nests 128 levels deep or more",
        )],
    );
    b.file(
        "deep-object.json",
        "{\"a\":".repeat(200_000),
        vec![at(
            "parse",
            (1, 5 * 127 + 1),
            "the document nests 128 levels deep or more",
        )],
    );
    let deep_xml = format!("<cvrfdoc xmlns=\"{NS12}\">\n{}", "<a>".repeat(200_000));
    let nested_at = line_col(&deep_xml, offset_of(&deep_xml, "<a>", 255, 0));
    b.file(
        "deep.xml",
        &deep_xml,
        vec![at("parse", nested_at, "nest deeper than 256 levels")],
    );
    b.file(
        "deep-a.xml",
        "<a>".repeat(200_000),
        vec![at("parse", (1, 1), "not a CVRF document")],
    );

    // random bytes named .json and .xml
    let mut rng = Rng(0x5EED);
    let mut random: Vec<u8> = (0..64 * 1024).map(|_| rng.next() as u8).collect();
    random[0] = b'x'; // no byte order mark
    let want = match std::str::from_utf8(&random) {
        Err(e) => {
            let lc = line_col(
                std::str::from_utf8(&random[..e.valid_up_to()]).unwrap(),
                e.valid_up_to(),
            );
            at("parse", lc, "not valid UTF-8")
        }
        Ok(_) => refused("parse", ""),
    };
    b.file("random.json", &random, vec![want]);
    let printable: String = (0..64 * 1024)
        .map(|_| b"<>/=\"' \n&;!?-abcAB[]"[(rng.next() % 20) as usize] as char)
        .collect();
    b.file("random.xml", format!("<{printable}"), vec![refused("parse", "")]);

    // JSON that is not a CSAF document
    b.file(
        "top-level-array.json",
        "\n  [{\"document\": {}}]",
        vec![at("parse", (2, 3), "the top level is an array")],
    );
    b.file(
        "top-level-string.json",
        "\"document\"",
        vec![at("parse", (1, 1), "the top level is not an object")],
    );
    b.file(
        "document-null.json",
        "{\"document\": null}",
        vec![at("parse", (1, 1), "`document` member is not an object")],
    );

    // `null` where objects belong, deeper: schema errors at the `null`
    let mut doc = valid_csaf();
    doc["product_tree"] = Value::Null;
    let text = pretty(&doc);
    let lc = line_col(&text, offset_of(&text, "\"product_tree\": null", 0, 16));
    b.file(
        "product-tree-null.json",
        &text,
        vec![Want::Parsed("csaf"), pointer("schema", "/product_tree", lc)],
    );
    let mut doc = valid_csaf();
    doc["vulnerabilities"] = json!([null]);
    doc["document"]["publisher"] = Value::Null;
    doc["document"]["tracking"]["revision_history"] = json!([null, {"number": null}]);
    let text = pretty(&doc);
    let lc = line_col(&text, offset_of(&text, "\"vulnerabilities\": [\n    null", 0, 25));
    b.file(
        "nulls.json",
        &text,
        vec![Want::Parsed("csaf"), pointer("schema", "/vulnerabilities/0", lc)],
    );

    // duplicate keys: located at the last occurrence
    let text = valid.replacen(
        "    \"title\": \"Buffer",
        "    \"title\": \"First title\",\n    \"title\": \"Buffer",
        1,
    );
    let lc = line_col(&text, offset_of(&text, "\"title\": \"Buffer", 0, 9));
    b.file(
        "duplicate-keys.json",
        &text,
        vec![Want::Parsed("csaf"), pointer("CL001", "/document/title", lc)],
    );

    // numbers beyond every floating-point range
    let text = valid
        .replace("\"baseScore\": 9.8", "\"baseScore\": 2e99999")
        .replace("\"version\": \"1\"", "\"version\": 1e-99999999999999999999");
    let lc = line_col(&text, offset_of(&text, "2e99999", 0, 0));
    let version = line_col(&text, offset_of(&text, "1e-9999", 0, 0));
    b.file(
        "huge-number.json",
        &text,
        vec![
            Want::Parsed("csaf"),
            pointer("6.1.8", "/vulnerabilities/0/scores/0/cvss_v3/baseScore", lc),
            pointer("schema", "/document/tracking/version", version),
        ],
    );

    // a 50 MB string inside a valid document
    if big {
        let mut doc = valid_csaf();
        doc["vulnerabilities"][0]["notes"][0]["text"] = Value::String("A".repeat(50 * 1024 * 1024));
        b.file(
            "big-string.json",
            pretty(&doc),
            vec![Want::Parsed("csaf"), Want::Valid],
        );
    }

    // 20,000 relationships in one cycle (6.1.3 must stay linear), minified to one line
    let n = 20_000;
    let mut doc = valid_csaf();
    doc["product_tree"]["relationships"] = (0..n)
        .map(|i| {
            json!({
                "category": "installed_on",
                "full_product_name": {"name": format!("Part {i}"), "product_id": format!("REL-{i}")},
                "product_reference": format!("REL-{}", (i + 1) % n),
                "relates_to_product_reference": "CSAFPID-0001"
            })
        })
        .collect();
    let text = serde_json::to_string(&doc).unwrap();
    let first = line_col(&text, offset_of(&text, "\"REL-0\"", 0, 0));
    let last = line_col(&text, offset_of(&text, &format!("\"REL-{}\"", n - 1), 1, 0));
    b.file(
        "cycle.json",
        &text,
        vec![
            Want::Parsed("csaf"),
            Want::Count("6.1.3", n),
            pointer(
                "6.1.3",
                "/product_tree/relationships/0/full_product_name/product_id",
                first,
            ),
            pointer(
                "6.1.3",
                &format!(
                    "/product_tree/relationships/{}/full_product_name/product_id",
                    n - 1
                ),
                last,
            ),
        ],
    );

    // the deepest product tree JSON allows (branches[] and its objects: 2 levels each)
    let mut branch = json!({"category": "product_version", "name": "1.0",
                            "product": {"name": "Deep product", "product_id": "CSAFPID-0001"}});
    for _ in 0..61 {
        branch = json!({"branches": [branch], "category": "product_family", "name": "Family"});
    }
    let mut doc = valid_csaf();
    doc["product_tree"] = json!({ "branches": [branch] });
    b.file("deep-branches.json", pretty(&doc), vec![Want::Parsed("csaf")]);

    // the deepest product tree XML allows: cvrfdoc > ProductTree > 253 Branch > FullProductName
    let product = "<FullProductName ProductID=\"deep\">Deep</FullProductName>";
    let branches = format!(
        "{}{product}{}",
        "<Branch Type=\"Product Family\" Name=\"f\">".repeat(253),
        "</Branch>".repeat(253)
    );
    let text = valid_cvrf("UTF-8").replace(
        "<Branch Type=\"Product Version\" Name=\"example-1.0\">",
        &format!("{branches}<Branch Type=\"Product Version\" Name=\"example-1.0\">"),
    );
    b.file("deep-branches.xml", &text, vec![Want::Parsed("cvrf")]);
    // one level more
    let too_deep = text.replacen(
        product,
        &format!("<Branch Type=\"Product Version\" Name=\"x\">{product}</Branch>"),
        1,
    );
    let lc = line_col(&too_deep, offset_of(&too_deep, product, 0, 0));
    b.file(
        "too-deep-branches.xml",
        &too_deep,
        vec![at("parse", lc, "nest deeper than 256 levels")],
    );

    // entity expansion (billion laughs) is refused at the DOCTYPE, without expanding anything
    let mut dtd = String::from("<!DOCTYPE cvrfdoc [\n  <!ENTITY lol0 \"lol\">\n");
    for i in 1..=12 {
        dtd.push_str(&format!(
            "  <!ENTITY lol{i} \"{}\">\n",
            format!("&lol{};", i - 1).repeat(10)
        ));
    }
    dtd.push_str("]>\n");
    let text = valid_cvrf("UTF-8").replacen("<cvrfdoc", &format!("{dtd}<cvrfdoc"), 1);
    let text = text.replace("Security update for the example product", "&lol12;");
    b.file(
        "billion-laughs.xml",
        &text,
        vec![at("parse", (2, 1), "declares entities")],
    );

    // external entities are never read
    let text = valid_cvrf("UTF-8")
        .replacen(
            "<cvrfdoc",
            "<!DOCTYPE cvrfdoc [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n<cvrfdoc",
            1,
        )
        .replace("Security update for the example product", "&xxe;");
    b.file("xxe.xml", &text, vec![at("parse", (2, 1), "declares entities")]);
    let text = valid_cvrf("UTF-8")
        .replacen(
            "<cvrfdoc",
            "<!DOCTYPE cvrfdoc SYSTEM \"file:///etc/passwd\">\n<cvrfdoc",
            1,
        )
        .replace("Security update for the example product", "&passwd;");
    let lc = line_col(&text, offset_of(&text, "&passwd;", 0, 0));
    b.file(
        "xxe-dtd.xml",
        &text,
        vec![at("parse", lc, "`&passwd;` is not defined")],
    );
    let text = valid_cvrf("UTF-8").replacen(
        "<cvrfdoc",
        "<!DOCTYPE cvrfdoc [<!ENTITY % ext SYSTEM \"file:///etc/passwd\"> %ext;]>\n<cvrfdoc",
        1,
    );
    b.file(
        "xxe-parameter.xml",
        &text,
        vec![at("parse", (2, 1), "declares entities")],
    );

    // UTF-16 with a byte order mark: read as CVRF
    b.file(
        "utf16le.xml",
        utf16(&valid_cvrf("UTF-16"), false),
        vec![Want::Parsed("cvrf")],
    );
    b.file(
        "utf16be.xml",
        utf16(&valid_cvrf("UTF-16"), true),
        vec![Want::Parsed("cvrf")],
    );
    let mut odd = utf16(&valid_cvrf("UTF-16"), false);
    odd.push(b'<');
    b.file(
        "utf16-odd.xml",
        odd,
        vec![at("parse", (1, 1), "not valid UTF-16")],
    );
    // UTF-16 without a byte order mark: a clear error, not a crash
    let no_bom: Vec<u8> = valid_cvrf("UTF-16")
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    b.file("utf16-no-bom.xml", no_bom, vec![refused("parse", "")]);

    // XML that is not CVRF
    b.file(
        "not-cvrf.xml",
        "<?xml version=\"1.0\"?>\n<html><body>hello</body></html>",
        vec![at(
            "parse",
            (2, 1),
            "not a CVRF document: the root element is `html`",
        )],
    );
    b.file(
        "svg.json",
        "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
        vec![at("parse", (1, 1), "not a CVRF document")],
    );

    // a raw control character inside a string
    let text = valid.replace("Initial version.", "Initial\u{0}version.");
    let lc = line_col(&text, offset_of(&text, "\u{0}", 0, 0));
    b.file(
        "control-char.json",
        &text,
        vec![at("parse", lc, "control character")],
    );

    // a directory named like a document, inside the walked folder: walked as a directory
    b.file(
        "folder.json/ok-inner.json",
        &valid,
        vec![Want::Parsed("csaf"), Want::Valid],
    );

    // a directory symlink loop: one `io` result, no hang
    std::fs::create_dir_all(b.dir.join("loop")).unwrap();
    symlink("..", b.dir.join("loop/parent"));
    b.expect("loop/parent", vec![at("io", (1, 1), "symlink loop")]);

    // a FIFO and a device are never opened
    mkfifo(&b.dir.join("fifo.json"));
    b.expect("fifo.json", vec![at("io", (1, 1), "not a regular file")]);
    symlink("/dev/zero", b.dir.join("zero.json"));
    b.expect("zero.json", vec![refused("io", "")]);
    symlink("/dev/stdin", b.dir.join("stdin.xml"));
    b.expect("stdin.xml", vec![refused("io", "")]);

    // a dangling symlink
    symlink(b.dir.join("no-such-file"), b.dir.join("dangling.json"));
    b.expect(
        "dangling.json",
        vec![at("io", (1, 1), "no such file or directory")],
    );

    // a symlink out of the folder to a file that is not an advisory: a parse error today (the
    // walker follows it), an `io` error if links out of the folder are refused; jsonl shows nothing of it
    if Path::new("/etc/passwd").exists() {
        symlink("/etc/passwd", b.dir.join("passwd.json"));
        b.expect("passwd.json", vec![Want::Rejected]);
    }

    // a file without read permission (root can read it anyway: then only no crash is required)
    let unreadable = b.dir.join("unreadable.json");
    std::fs::write(&unreadable, &valid).unwrap();
    std::fs::set_permissions(&unreadable, std::os::unix::fs::PermissionsExt::from_mode(0o000)).unwrap();
    if can_read_unreadable(&unreadable) {
        b.expect("unreadable.json", vec![Want::Parsed("csaf")]);
    } else {
        b.expect("unreadable.json", vec![at("io", (1, 1), "permission denied")]);
    }
    b
}

#[test]
fn a_folder_of_hostile_files_is_validated_in_one_batch() {
    let tmp = tempfile::tempdir().unwrap();
    let mut batch = hostile_batch(tmp.path(), true);

    // given explicitly besides the folder: a FIFO, and a directory named like a document
    let extra = tmp.path().join("extra");
    std::fs::create_dir_all(extra.join("given.json")).unwrap();
    std::fs::write(extra.join("given.json/ok-a.json"), pretty(&valid_csaf())).unwrap();
    mkfifo(&extra.join("x.json"));
    let fifo = extra.join("x.json").to_str().unwrap().to_owned();
    let dir_arg = extra.join("given.json").to_str().unwrap().to_owned();
    batch
        .cases
        .insert(fifo.clone(), vec![at("io", (1, 1), "not a regular file")]);
    batch.cases.insert(
        format!("{dir_arg}/ok-a.json"),
        vec![Want::Parsed("csaf"), Want::Valid],
    );

    let dir = batch.dir.to_str().unwrap().to_owned();
    let run = run_with_deadline(
        &["validate", "--format", "jsonl", &dir, &fifo, &dir_arg],
        &[],
        BATCH_DEADLINE,
    );
    assert_no_panic(&run);
    assert_eq!(run.code, Some(1), "stderr: {}", run.stderr);
    assert!(!run.stdout.contains("root:"), "the output shows /etc/passwd");
    assert!(!run.stdout.contains("lollollol"), "an entity was expanded");
    let docs = jsonl(&run);

    // exactly one result per file
    let mut seen: HashMap<String, usize> = HashMap::new();
    for d in &docs {
        *seen.entry(d["path"].as_str().unwrap().to_owned()).or_default() += 1;
    }
    let twice: Vec<_> = seen.iter().filter(|(_, &n)| n > 1).collect();
    assert!(twice.is_empty(), "more than one result: {twice:?}");
    let expected: Vec<&String> = batch.cases.keys().collect();
    let mut got: Vec<&String> = seen.keys().collect();
    got.sort();
    assert_eq!(got, expected, "results and files differ");

    // each result is what the file calls for, and every diagnostic is located
    let mut failures = Vec::new();
    for d in &docs {
        let path = d["path"].as_str().unwrap();
        for diag in d["diagnostics"].as_array().unwrap() {
            let p = diag["pointer"].as_str().unwrap();
            assert!(p.is_empty() || p.starts_with('/'), "{path}: {diag}");
            assert!(diag["line"].as_u64().unwrap() >= 1, "{path}: {diag}");
            assert!(diag["column"].as_u64().unwrap() >= 1, "{path}: {diag}");
        }
        let name = Path::new(path).file_name().unwrap().to_str().unwrap();
        let wants = &batch.cases[path];
        if !name.starts_with("ok-") && !wants.iter().any(|w| matches!(w, Want::Parsed(_))) {
            // files that cannot be read as an advisory are invalid, with a located `parse` or `io`
            // diagnostic
            let refused = d["diagnostics"]
                .as_array()
                .unwrap()
                .iter()
                .any(|x| x["rule"] == "parse" || x["rule"] == "io");
            if !refused || d["valid"] != false {
                failures.push(format!("{path}: no parse or io error: {d:.400}"));
            }
        }
        if let Err(e) = check_doc(d, wants) {
            let mut shown = d.to_string();
            shown.truncate(1500);
            failures.push(format!("{path}: {e}: {shown}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));

    if let Some(kib) = run.peak_rss_kib {
        assert!(
            kib < BATCH_MAX_RSS_KIB,
            "peak memory {} MiB for the hostile batch",
            kib / 1024
        );
    }
    eprintln!(
        "hostile batch: {} files in {:?}, peak memory {:?} MiB",
        docs.len(),
        run.elapsed,
        run.peak_rss_kib.map(|k| k / 1024)
    );
}

/// Every output format on the hostile folder (without its 50 MB file, for time): no crash, exit
/// code 1, output of a sensible size. The human format shows a window of long lines (the one-line
/// cycle document has 20,000 diagnostics on a line of megabytes).
#[test]
fn every_output_format_survives_the_hostile_folder() {
    let tmp = tempfile::tempdir().unwrap();
    let batch = hostile_batch(tmp.path(), false);
    let dir = batch.dir.to_str().unwrap();
    for format in ["human", "json", "sarif", "github", "summary"] {
        let run = run_with_deadline(
            &["validate", "--format", format, "--color", "never", dir],
            &[],
            BATCH_DEADLINE,
        );
        assert_no_panic(&run);
        assert_eq!(run.code, Some(1), "{format}: {}", run.stderr);
        assert!(
            run.stdout.len() < 64 << 20,
            "{format}: {} bytes",
            run.stdout.len()
        );
        // (the human and SARIF formats show source snippets, and the folder's `passwd.json` is a
        // symlink to /etc/passwd, which the walker follows)
        if !["human", "sarif"].contains(&format) {
            assert!(!run.stdout.contains("root:"), "{format} shows /etc/passwd");
        }
    }
}

/// A diagnostic far along a long line (a minified document) is shown in a window of that line:
/// miette would otherwise print the whole line for each diagnostic, and panics on columns beyond
/// 65,535.
#[test]
fn human_output_shows_a_window_of_long_lines() {
    let mut doc = valid_csaf();
    doc["document"]["notes"][0]["text"] = Value::String("x".repeat(100_000));
    doc["vulnerabilities"][0]["product_status"]["known_affected"] = json!(["CSAFPID-0001", "CSAFPID-404"]);
    let text = serde_json::to_string(&doc).unwrap();
    let (line, column) = line_col(&text, offset_of(&text, "\"CSAFPID-404\"", 0, 0));
    assert!(column > 100_000);
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("minified.json");
    std::fs::write(&path, &text).unwrap();
    let path = path.to_str().unwrap();
    let run = run_with_deadline(
        &["validate", "--color", "never", "--select", "6.1.1", path],
        &[],
        Duration::from_secs(60),
    );
    assert_no_panic(&run);
    assert_eq!(run.code, Some(1), "{}", run.stderr);
    assert!(
        run.stdout.contains(&format!("{path}:{line}:{column}]")),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("\"CSAFPID-404\""), "{}", run.stdout);
    assert!(
        run.stdout.len() < 4_000,
        "the whole line is shown: {} bytes",
        run.stdout.len()
    );
}

/// 6.1.3 finds cycles in linear time: 20,000 relationships in one cycle take a moment, not minutes.
#[test]
fn a_long_relationship_cycle_validates_quickly() {
    let n = 20_000;
    let mut doc = valid_csaf();
    doc["product_tree"]["relationships"] = (0..n)
        .map(|i| {
            json!({
                "category": "default_component_of",
                "full_product_name": {"name": format!("Part {i}"), "product_id": format!("REL-{i}")},
                "product_reference": format!("REL-{}", (i + 1) % n),
                "relates_to_product_reference": "CSAFPID-0001"
            })
        })
        .collect();
    let tmp = tempfile::tempdir().unwrap();
    let path = tmp.path().join("cycle.json");
    std::fs::write(&path, serde_json::to_vec(&doc).unwrap()).unwrap();
    let run = run_with_deadline(
        &[
            "validate",
            "--format",
            "jsonl",
            "--select",
            "6.1.3",
            path.to_str().unwrap(),
        ],
        &[],
        Duration::from_secs(60),
    );
    assert_no_panic(&run);
    let docs = jsonl(&run);
    assert_eq!(docs[0]["diagnostics"].as_array().unwrap().len(), n);
    // a debug build on a shared machine; a release build takes well under a second
    assert!(run.elapsed < Duration::from_secs(20), "took {:?}", run.elapsed);
}

// ---------------------------------------------------------------------------------------------
// Depth bounds of the recursive paths

fn validator() -> Validator {
    Validator::new(&Options::default()).unwrap()
}

/// Validates on a thread with the stack of a worker thread (2 MiB), as the command line does.
fn validate_on_small_stack(path: &'static str, text: String) -> csaflint::Report {
    std::thread::Builder::new()
        .stack_size(2 * 1024 * 1024)
        .spawn(move || validator().validate(path, text.as_bytes()))
        .unwrap()
        .join()
        .expect("validation crashed")
}

fn parse_error(r: &csaflint::Report) -> Option<&csaflint::Diagnostic> {
    r.diagnostics.iter().find(|d| d.rule == "parse")
}

/// serde_json's recursion limit of 128: 127 nested arrays and objects are read, 128 are a parse
/// error at the 128th opening bracket.
#[test]
fn json_nesting_is_bounded_by_the_recursion_limit_of_128() {
    let nested = |levels: usize| {
        // `{"document": {...}, "x": [[...]]}`: the top object and `x`'s arrays
        format!(
            "{{\"document\": {{}}, \"x\": {}{}}}",
            "[".repeat(levels - 1),
            "]".repeat(levels - 1)
        )
    };
    let r = validate_on_small_stack("deep.json", nested(127));
    assert!(parse_error(&r).is_none(), "{:?}", r.diagnostics);
    let text = nested(128);
    let r = validate_on_small_stack("deep.json", text.clone());
    let d = parse_error(&r).expect("a parse error");
    assert!(
        d.message.contains("the document nests 128 levels deep or more"),
        "{d:?}"
    );
    // the 127th `[` opens the 128th level
    let column = text.find('[').unwrap() + 126 + 1;
    assert_eq!((d.line, d.column), (1, column as u32));
}

/// Branches nest as deep as JSON allows; every rule that walks them (model building, the product
/// index, the span locator) copes, on a worker thread's stack.
#[test]
fn branches_as_deep_as_json_allows_are_walked() {
    // the document object, `product_tree`, then `branches` arrays and branch objects, the product
    // object at the 127th level
    let levels = (128 - 2) / 2;
    let mut branch = json!({"category": "product_version", "name": "1.0",
                            "product": {"name": "Deep", "product_id": "CSAFPID-0001"}});
    for _ in 1..levels - 1 {
        branch = json!({"branches": [branch], "category": "product_family", "name": "F"});
    }
    let mut doc = valid_csaf();
    doc["product_tree"] = json!({ "branches": [branch] });
    // an undefined product: 6.1.1 reports it, located by the span locator deep inside
    doc["vulnerabilities"][0]["product_status"]["known_affected"] = json!(["CSAFPID-0001", "CSAFPID-9"]);
    let text = pretty(&doc);
    let r = validate_on_small_stack("deep.json", text.clone());
    assert!(parse_error(&r).is_none(), "{:?}", r.diagnostics);
    assert!(
        r.diagnostics.iter().any(|d| d.rule == "6.1.1"),
        "{:?}",
        r.diagnostics
    );
    // one level more is a parse error, not a crash
    let mut deeper = doc.clone();
    deeper["product_tree"] =
        json!({ "branches": [{"branches": [branch], "category": "vendor", "name": "V"}] });
    let r = validate_on_small_stack("deeper.json", serde_json::to_string(&deeper).unwrap());
    let d = parse_error(&r).expect("a parse error");
    assert!(
        d.message.contains("the document nests 128 levels deep or more"),
        "{d:?}"
    );
}

/// The span locator stops descending at its own depth limit, whatever the input.
#[test]
fn the_span_locator_is_bounded() {
    std::thread::Builder::new()
        .stack_size(2 * 1024 * 1024)
        .spawn(|| {
            let text = "[".repeat(200_000);
            let spans = csaflint::parse::span::locate_json(&text, &["/0/0/0/0", ""], true);
            assert_eq!(spans[0].start, 4);
            let text = "{\"a\":".repeat(200_000);
            let spans = csaflint::parse::span::locate_json(&text, &["/a/a/a"], true);
            assert_eq!(spans[0].start, 15);
        })
        .unwrap()
        .join()
        .expect("the span locator crashed");
}

/// XML elements nest at most 256 deep: 256 are read, 257 are a parse error at the 257th start tag.
#[test]
fn xml_nesting_is_bounded_at_256_levels() {
    let nested = |levels: usize| {
        format!(
            "<cvrfdoc xmlns=\"{NS12}\">{}{}</cvrfdoc>",
            "<a>".repeat(levels - 1),
            "</a>".repeat(levels - 1)
        )
    };
    let r = validate_on_small_stack("deep.xml", nested(256));
    assert!(parse_error(&r).is_none(), "{:?}", r.diagnostics);
    assert_eq!(r.format, Some("cvrf"));
    let text = nested(257);
    let r = validate_on_small_stack("deep.xml", text.clone());
    let d = parse_error(&r).expect("a parse error");
    assert!(d.message.contains("nest deeper than 256 levels"), "{d:?}");
    let at = offset_of(&text, "<a>", 255, 0);
    assert_eq!((d.line as u64, d.column as u64), line_col(&text, at));
}

/// CVRF branches as deep as the XML limit allows are filled into the model and walked by the
/// rules on a worker thread's stack; their element paths locate findings.
#[test]
fn cvrf_branches_as_deep_as_xml_allows_are_walked() {
    let depth = 253; // cvrfdoc > ProductTree > 253 Branch > FullProductName
    let text = format!(
        "<cvrfdoc xmlns=\"{NS12}\"><DocumentTitle>t</DocumentTitle><DocumentType>x</DocumentType>\
         <ProductTree xmlns=\"{NS12_PROD}\">{}<FullProductName ProductID=\"p\">P</FullProductName>{}</ProductTree>\
         <Vulnerability xmlns=\"http://docs.oasis-open.org/csaf/ns/csaf-cvrf/v1.2/vuln\" Ordinal=\"1\">\
         <ProductStatuses><Status Type=\"Known Affected\"><ProductID>p</ProductID><ProductID>undefined</ProductID></Status>\
         </ProductStatuses></Vulnerability></cvrfdoc>",
        "<Branch Type=\"Product Family\" Name=\"f\">".repeat(depth),
        "</Branch>".repeat(depth)
    );
    let r = validate_on_small_stack("deep.xml", text);
    assert!(parse_error(&r).is_none(), "{:?}", r.diagnostics);
    assert_eq!(r.format, Some("cvrf"));
    let undefined = r
        .diagnostics
        .iter()
        .find(|d| d.rule == "6.1.1")
        .expect("6.1.1 for the undefined product");
    assert!(
        undefined.pointer.starts_with("/cvrfdoc/Vulnerability[1]/"),
        "{undefined:?}"
    );
}

// ---------------------------------------------------------------------------------------------
// --max-file-size

#[test]
fn files_over_the_size_limit_are_refused_with_an_io_error() {
    let tmp = tempfile::tempdir().unwrap();
    let small = tmp.path().join("small.json");
    let large = tmp.path().join("large.json");
    std::fs::write(&small, pretty(&valid_csaf())).unwrap();
    let mut doc = valid_csaf();
    doc["document"]["notes"][0]["text"] = Value::String("x".repeat(20_000));
    std::fs::write(&large, pretty(&doc)).unwrap();
    let run = run_with_deadline(
        &[
            "validate",
            "--format",
            "jsonl",
            "--max-file-size",
            "10000",
            small.to_str().unwrap(),
            large.to_str().unwrap(),
        ],
        &[],
        Duration::from_secs(60),
    );
    assert_no_panic(&run);
    assert_eq!(run.code, Some(1));
    let docs = jsonl(&run);
    assert_eq!(docs.len(), 2);
    assert_eq!(docs[0]["valid"], true, "{}", docs[0]);
    let d = &docs[1]["diagnostics"][0];
    assert_eq!(d["rule"], "io", "{d}");
    assert_eq!((d["line"].as_u64(), d["column"].as_u64()), (Some(1), Some(1)));
    let message = d["message"].as_str().unwrap();
    assert!(
        message.contains("10000"),
        "the message names the limit: {message}"
    );
    assert!(message.contains("--max-file-size"), "{message}");
    assert_eq!(docs[1]["diagnostics"].as_array().unwrap().len(), 1);

    // standard input too
    let mut child = Command::new(BIN)
        .args(["validate", "--format", "jsonl", "--max-file-size", "10000", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let body = pretty(&doc);
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(body.as_bytes());
    });
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let line: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(line["diagnostics"][0]["rule"], "io");
    assert!(line["diagnostics"][0]["message"]
        .as_str()
        .unwrap()
        .contains("10000"));
}

/// The default limit admits the largest real advisories (20+ MB), kept in the shared corpus.
#[test]
fn the_default_size_limit_admits_the_largest_real_advisories() {
    let dir = Path::new(MANIFEST_DIR).join("../shared/corpus/large");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        eprintln!("SKIPPED: {} is absent", dir.display());
        return;
    };
    let mut files: Vec<PathBuf> = entries.map(|e| e.unwrap().path()).collect();
    files.sort_by_key(|p| std::cmp::Reverse(std::fs::metadata(p).map(|m| m.len()).unwrap_or(0)));
    let Some(largest) = files.first() else {
        eprintln!("SKIPPED: {} is empty", dir.display());
        return;
    };
    let run = run_with_deadline(
        &[
            "validate",
            "--format",
            "jsonl",
            "--select",
            "schema",
            largest.to_str().unwrap(),
        ],
        &[],
        Duration::from_secs(300),
    );
    assert_no_panic(&run);
    let docs = jsonl(&run);
    assert_eq!(docs.len(), 1);
    let io: Vec<_> = docs[0]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["rule"] == "io" || d["rule"] == "parse")
        .collect();
    assert!(io.is_empty(), "{}: {io:?}", largest.display());
}

// ---------------------------------------------------------------------------------------------
// No network without --online

/// A listener on 127.0.0.1 that answers every connection with `404` and counts them; it stops by
/// itself after a bounded time or number of connections, or when dropped.
struct Listener {
    port: u16,
    connections: Arc<AtomicUsize>,
    stop: Arc<AtomicBool>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Listener {
    fn start() -> Listener {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        listener.set_nonblocking(true).unwrap();
        let port = listener.local_addr().unwrap().port();
        let connections = Arc::new(AtomicUsize::new(0));
        let stop = Arc::new(AtomicBool::new(false));
        let thread = {
            let (connections, stop) = (connections.clone(), stop.clone());
            std::thread::spawn(move || {
                let started = Instant::now();
                while !stop.load(Ordering::Relaxed)
                    && started.elapsed() < Duration::from_secs(300)
                    && connections.load(Ordering::Relaxed) < 1_000
                {
                    match listener.accept() {
                        Ok((stream, _)) => {
                            connections.fetch_add(1, Ordering::Relaxed);
                            answer_404(stream);
                        }
                        Err(_) => std::thread::sleep(Duration::from_millis(5)),
                    }
                }
            })
        };
        Listener {
            port,
            connections,
            stop,
            thread: Some(thread),
        }
    }

    fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{path}", self.port)
    }
}

impl Drop for Listener {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

fn answer_404(mut stream: TcpStream) {
    let _ = stream.set_nonblocking(false);
    let _ = stream.set_read_timeout(Some(Duration::from_secs(2)));
    let mut buf = [0u8; 4096];
    let _ = stream.read(&mut buf);
    let _ = stream.write_all(b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
}

/// Every command, on real advisories full of URLs and on documents pointing at a local server,
/// with every proxy variable pointing at that server too: not one connection without `--online`.
#[test]
fn no_network_request_without_online() {
    let server = Listener::start();
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let mut doc = valid_csaf();
    doc["document"]["references"] = json!([
        {"category": "self", "summary": "Canonical URL", "url": server.url("/self.json")},
        {"category": "external", "summary": "Details", "url": server.url("/details")}
    ]);
    doc["document"]["acknowledgments"] = json!([{"names": ["A"], "urls": [server.url("/ack")]}]);
    doc["vulnerabilities"][0]["remediations"][0]["url"] = json!(server.url("/fix"));
    let local = dir.join("local.json");
    std::fs::write(&local, pretty(&doc)).unwrap();
    let dtd = dir.join("dtd.xml");
    std::fs::write(
        &dtd,
        valid_cvrf("UTF-8").replacen(
            "<cvrfdoc",
            &format!(
                "<!DOCTYPE cvrfdoc SYSTEM \"{}\">\n<cvrfdoc",
                server.url("/cvrf.dtd")
            ),
            1,
        ),
    )
    .unwrap();
    let entity = dir.join("entity.xml");
    std::fs::write(
        &entity,
        valid_cvrf("UTF-8").replacen(
            "<cvrfdoc",
            &format!(
                "<!DOCTYPE cvrfdoc [<!ENTITY % ext SYSTEM \"{}\"> %ext;]>\n<cvrfdoc",
                server.url("/ext.dtd")
            ),
            1,
        ),
    )
    .unwrap();
    let proxy = server.url("");
    let envs = [
        ("HTTP_PROXY", proxy.as_str()),
        ("HTTPS_PROXY", proxy.as_str()),
        ("ALL_PROXY", proxy.as_str()),
        ("http_proxy", proxy.as_str()),
        ("https_proxy", proxy.as_str()),
        ("all_proxy", proxy.as_str()),
        ("NO_PROXY", ""),
        ("no_proxy", ""),
    ];
    let corpus = Path::new(MANIFEST_DIR).join("corpus");
    let corpus = corpus.to_str().unwrap();
    let (local, dtd, entity) = (
        local.to_str().unwrap(),
        dtd.to_str().unwrap(),
        entity.to_str().unwrap(),
    );
    let converted = dir.join("out.json");
    let html = dir.join("stats.html");
    let mut runs: Vec<Vec<&str>> = Vec::new();
    for preset in ["basic", "extended", "full", "vendor-release"] {
        runs.push(vec![
            "validate", "--format", "jsonl", "--preset", preset, local, dtd, entity,
        ]);
    }
    runs.push(vec![
        "validate",
        "--format",
        "jsonl",
        "--extend-select",
        "6.3",
        corpus,
        local,
    ]);
    runs.push(vec![
        "validate",
        "--format",
        "jsonl",
        "--select",
        "6.3.6,6.3.7",
        corpus,
        local,
    ]);
    runs.push(vec!["stats", "--format", "json", "--quiet", corpus, local, dtd]);
    runs.push(vec!["stats", "--quiet", "--html", html.to_str().unwrap(), local]);
    let cvrf_sample = Path::new(MANIFEST_DIR).join("corpus/cvrf/suse/cvrf-opensuse-su-2016_3A0441-1.xml");
    let cvrf_sample = cvrf_sample.to_str().unwrap();
    runs.push(vec!["convert", "--force", "--no-config", cvrf_sample]);
    runs.push(vec![
        "convert",
        "--force",
        "--no-config",
        "-o",
        converted.to_str().unwrap(),
        dtd,
    ]);
    for args in &runs {
        let run = run_with_deadline(args, &envs, Duration::from_secs(120));
        assert_no_panic(&run);
        assert_ne!(run.code, Some(101), "{args:?}: {}", run.stderr);
    }
    std::thread::sleep(Duration::from_millis(200));
    assert_eq!(
        server.connections.load(Ordering::Relaxed),
        0,
        "a command without --online connected to the network"
    );

    // control: with --online, the same document does reach the server
    let run = run_with_deadline(
        &[
            "validate", "--format", "jsonl", "--online", "--select", "6.3.6", local,
        ],
        &[("NO_PROXY", "127.0.0.1"), ("no_proxy", "127.0.0.1")],
        Duration::from_secs(120),
    );
    assert_no_panic(&run);
    assert!(
        server.connections.load(Ordering::Relaxed) > 0,
        "the control reached no server"
    );
}

// ---------------------------------------------------------------------------------------------
// Inputs are never modified

/// Everything that identifies a file's state: content, length, permissions, modification time.
fn snapshot(dir: &Path) -> BTreeMap<PathBuf, (Vec<u8>, u64, u32, std::time::SystemTime)> {
    let mut out = BTreeMap::new();
    for entry in walkdir(dir) {
        let meta = std::fs::symlink_metadata(&entry).unwrap();
        let content = if meta.is_file() {
            std::fs::read(&entry).unwrap()
        } else {
            Vec::new()
        };
        use std::os::unix::fs::PermissionsExt;
        out.insert(
            entry,
            (
                content,
                meta.len(),
                meta.permissions().mode(),
                meta.modified().unwrap(),
            ),
        );
    }
    out
}

/// Every path under `dir` (without following symlinks).
fn walkdir(dir: &Path) -> Vec<PathBuf> {
    let mut out = vec![dir.to_owned()];
    let mut i = 0;
    while i < out.len() {
        let p = out[i].clone();
        i += 1;
        if std::fs::symlink_metadata(&p).unwrap().is_dir() {
            let mut children: Vec<PathBuf> = std::fs::read_dir(&p)
                .unwrap()
                .map(|e| e.unwrap().path())
                .collect();
            children.sort();
            out.extend(children);
        }
    }
    out
}

#[test]
fn no_command_writes_to_an_input_file() {
    let tmp = tempfile::tempdir().unwrap();
    let inputs = tmp.path().join("inputs");
    let outputs = tmp.path().join("outputs");
    std::fs::create_dir_all(&outputs).unwrap();
    // real advisories of both formats, and documents with errors
    for sub in ["csaf/cisa", "csaf/redhat", "cvrf/suse", "cvrf/cisco"] {
        let from = Path::new(MANIFEST_DIR).join("corpus").join(sub);
        let Ok(entries) = std::fs::read_dir(&from) else {
            continue;
        };
        std::fs::create_dir_all(inputs.join(sub)).unwrap();
        for e in entries {
            let p = e.unwrap().path();
            std::fs::copy(&p, inputs.join(sub).join(p.file_name().unwrap())).unwrap();
        }
    }
    let mut broken = valid_csaf();
    broken["document"]["title"] = Value::Null;
    std::fs::write(inputs.join("broken.json"), pretty(&broken)).unwrap();
    std::fs::write(inputs.join("valid.json"), pretty(&valid_csaf())).unwrap();
    std::fs::write(inputs.join("valid.xml"), valid_cvrf("UTF-8")).unwrap();
    std::fs::write(inputs.join("truncated.json"), "{\"document\": {").unwrap();
    // a read-only input, and a config file in the folder (read by the commands run from there)
    std::fs::write(inputs.join("readonly.json"), pretty(&valid_csaf())).unwrap();
    std::fs::set_permissions(
        inputs.join("readonly.json"),
        std::os::unix::fs::PermissionsExt::from_mode(0o444),
    )
    .unwrap();
    std::fs::write(inputs.join("csaflint.toml"), "preset = \"full\"\n").unwrap();
    let before = snapshot(&inputs);

    let dir = inputs.to_str().unwrap();
    let xml = inputs.join("valid.xml");
    let xml = xml.to_str().unwrap();
    let out = |name: &str| outputs.join(name).to_str().unwrap().to_owned();
    let (o1, o2, html) = (out("converted.json"), out("forced.json"), out("stats.html"));
    let mut runs: Vec<Vec<&str>> = Vec::new();
    for format in ["human", "json", "jsonl", "summary", "sarif", "github"] {
        runs.push(vec!["validate", "--format", format, dir]);
    }
    runs.push(vec![
        "validate",
        "--preset",
        "vendor-release",
        "--format",
        "jsonl",
        dir,
    ]);
    runs.push(vec!["stats", "--quiet", dir]);
    runs.push(vec!["stats", "--quiet", "--format", "csv", "--html", &html, dir]);
    runs.push(vec!["convert", "--force", xml]);
    runs.push(vec!["convert", "-o", &o1, xml]);
    runs.push(vec!["convert", "--force", "-o", &o2, xml]);
    runs.push(vec!["rules"]);
    runs.push(vec!["explain", "6.1.1"]);
    for args in &runs {
        let mut cmd = Command::new(BIN);
        // from inside the input folder, where the config file is found
        cmd.args(args).current_dir(&inputs).stdin(Stdio::null());
        let output = cmd.output().unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
        assert_ne!(output.status.code(), Some(2), "{args:?}: usage error: {stderr}");
    }
    // converting onto its own input is refused, and leaves the input as it was
    let output = Command::new(BIN)
        .args(["convert", "--force", "-o", xml, xml])
        .output()
        .unwrap();
    assert_ne!(output.status.code(), Some(0), "convert -o wrote over its input");

    let after = snapshot(&inputs);
    let before_paths: Vec<_> = before.keys().collect();
    let after_paths: Vec<_> = after.keys().collect();
    assert_eq!(
        after_paths, before_paths,
        "files were created or removed among the inputs"
    );
    for (path, state) in &before {
        assert!(after[path] == *state, "{} changed", path.display());
    }
}

// ---------------------------------------------------------------------------------------------
// Inputs that made a check take quadratic time (each found while hardening, each fixed)

/// Validates in-process with the `full` preset; fails when it takes longer than `limit` (a debug
/// build on a shared machine: the limits are far above the linear time and far below the
/// quadratic one).
fn validate_within(name: &str, text: &str, limit: Duration) -> csaflint::Report {
    let started = Instant::now();
    let report = validator().validate(name, text.as_bytes());
    let elapsed = started.elapsed();
    eprintln!("{name}: {elapsed:?}");
    assert!(elapsed < limit, "{name}: took {elapsed:?}");
    report
}

/// 20,000 distinct keys, each twice, in one object (the duplicate-key reader looked each one up
/// among all the duplicates of the object).
#[test]
fn many_duplicate_keys_are_read_in_linear_time() {
    let members: Vec<String> = (0..20_000)
        .flat_map(|i| [format!("\"k{i}\": 1"), format!("\"k{i}\": 2")])
        .collect();
    let text = format!("{{\"document\": {{\"x\": {{{}}}}}}}", members.join(","));
    let r = validate_within("dups.json", &text, Duration::from_secs(15));
    assert_eq!(r.diagnostics.iter().filter(|d| d.rule == "CL001").count(), 20_000);
}

/// 5,000 CVRF vulnerabilities, each with a finding (element paths counted all same-named siblings).
#[test]
fn findings_on_thousands_of_cvrf_siblings_are_located_in_linear_time() {
    let vulns: String = (1..=5_000)
        .map(|i| {
            format!(
                "<Vulnerability xmlns=\"http://docs.oasis-open.org/csaf/ns/csaf-cvrf/v1.2/vuln\" Ordinal=\"{i}\">\
                 <ProductStatuses><Status Type=\"Known Affected\"><ProductID>undefined-{i}</ProductID></Status>\
                 </ProductStatuses></Vulnerability>\n"
            )
        })
        .collect();
    let text = format!(
        "<cvrfdoc xmlns=\"{NS12}\"><DocumentTitle>t</DocumentTitle><DocumentType>x</DocumentType>\n{vulns}</cvrfdoc>"
    );
    let r = validate_within("many.xml", &text, Duration::from_secs(30));
    let undefined: Vec<_> = r.diagnostics.iter().filter(|d| d.rule == "6.1.1").collect();
    assert_eq!(undefined.len(), 5_000);
    let last = undefined
        .iter()
        .find(|d| d.pointer.contains("Vulnerability[5000]"))
        .unwrap();
    assert_eq!(last.line, 5_001);
}

/// A note with backtick runs of 1, 2, …, 2,000 (each unmatched run made the spell check scan the
/// rest of the text again).
#[test]
fn unmatched_backtick_runs_are_tokenized_in_linear_time() {
    let mut doc = valid_csaf();
    let runs: Vec<String> = (1..2_000).map(|n| "`".repeat(n)).collect();
    doc["document"]["notes"][0]["text"] = Value::String(runs.join(" word ")); // about 2 MB
    validate_within("ticks.json", &pretty(&doc), Duration::from_secs(15));
}

/// A note with 100,000 distinct unknown words (each was looked up among the words already reported).
#[test]
fn many_unknown_words_are_reported_in_linear_time() {
    let mut rng = Rng(7);
    let words: Vec<String> = (0..100_000)
        .map(|_| (0..8).map(|_| (b'a' + (rng.next() % 26) as u8) as char).collect())
        .collect();
    let mut doc = valid_csaf();
    doc["document"]["notes"][0]["text"] = Value::String(words.join(" "));
    let r = validate_within("words.json", &pretty(&doc), Duration::from_secs(30));
    assert!(r.diagnostics.iter().filter(|d| d.rule == "6.3.8").count() > 90_000);
}

/// 3,000 fixed products and 3,000 scores (6.2.19 compared every pair).
#[test]
fn fixed_products_and_scores_are_matched_in_linear_time() {
    let n = 3_000;
    let mut doc = valid_csaf();
    doc["product_tree"] = json!({"full_product_names": (0..n)
        .map(|i| json!({"name": format!("P{i}"), "product_id": format!("P-{i}")}))
        .collect::<Vec<_>>()});
    let v = &mut doc["vulnerabilities"][0];
    v["product_status"] = json!({"fixed": (0..n).map(|i| format!("P-{i}")).collect::<Vec<_>>()});
    v["remediations"] = json!([]);
    v["scores"] = (0..n)
        .map(|i| {
            json!({"cvss_v3": {"baseScore": 9.8, "baseSeverity": "CRITICAL", "version": "3.1",
                    "vectorString": "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/MC:H"},
                   "products": [format!("P-{i}")]})
        })
        .collect();
    let r = validate_within("fixed.json", &pretty(&doc), Duration::from_secs(20));
    assert_eq!(r.diagnostics.iter().filter(|d| d.rule == "6.2.19").count(), n);
}

/// Nothing is read outside the given paths: a symbolic link inside a given folder that leads out of
/// it (to a file or to a directory such as `/usr`) should be one `io` result, not followed.
///
/// Ignored: the walker (`src/cli/inputs.rs`, walkdir with `follow_links(true)`) follows such links
/// today, so a folder with a link to `/usr` reads tens of thousands of files from outside it, and the
/// human and SARIF outputs show the content of a linked `/etc/passwd`.
#[test]
fn symlinks_leading_out_of_a_folder_are_not_followed() {
    let tmp = tempfile::tempdir().unwrap();
    let inside = tmp.path().join("inside");
    let outside = tmp.path().join("outside");
    std::fs::create_dir_all(&inside).unwrap();
    std::fs::create_dir_all(&outside).unwrap();
    std::fs::write(outside.join("secret.json"), "{\"secret\": \"root:x:0:0\"}").unwrap();
    std::fs::write(inside.join("ok.json"), pretty(&valid_csaf())).unwrap();
    symlink(&outside, inside.join("dir"));
    symlink(outside.join("secret.json"), inside.join("file.json"));
    let dir = inside.to_str().unwrap();
    let run = run_with_deadline(
        &["validate", "--format", "human", "--color", "never", dir],
        &[],
        Duration::from_secs(60),
    );
    assert_no_panic(&run);
    assert!(!run.stdout.contains("root:x"), "{}", run.stdout);
    let run = run_with_deadline(
        &["validate", "--format", "jsonl", dir],
        &[],
        Duration::from_secs(60),
    );
    let docs = jsonl(&run);
    assert_eq!(docs.len(), 3, "{}", run.stdout);
    for d in &docs {
        let path = d["path"].as_str().unwrap();
        if !path.ends_with("ok.json") {
            assert_eq!(d["diagnostics"][0]["rule"], "io", "{d}");
        }
    }
}
