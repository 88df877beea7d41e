//! The network tests 6.3.6 and 6.3.7, against an HTTP server that each test starts on 127.0.0.1.
//!
//! No test here reaches anything but the loopback address: the server answers a few fixed paths,
//! handles a bounded number of connections within a bounded time, and stops by itself (or when the
//! test drops it). A closed port on 127.0.0.1 stands for an unreachable host.

use csaflint::rules::Selection;
use csaflint::{Options, Validator};
use serde_json::{json, Value};
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::Path;
use std::process::{Command, Output};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_csaflint");

/// The server stops by itself after this long, or after this many connections.
const SERVER_LIFETIME: Duration = Duration::from_secs(120);
const SERVER_MAX_CONNECTIONS: usize = 1_000;

/// One request as the server saw it.
#[derive(Debug, Clone)]
struct Seen {
    method: String,
    path: String,
    user_agent: Option<String>,
}

/// A minimal HTTP/1.1 server on 127.0.0.1 (one connection at a time, `Connection: close`):
/// `/ok…` → 200, `/moved` → 301 to `/ok`, `/loop` → 301 to itself, `/missing` → 404, `/boom` → 500,
/// `/head-refused` → 405 for `HEAD` and 200 for `GET`.
struct Server {
    port: u16,
    connections: Arc<Mutex<usize>>,
    seen: Arc<Mutex<Vec<Seen>>>,
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

impl Server {
    fn start() -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        listener.set_nonblocking(true).unwrap();
        let port = listener.local_addr().unwrap().port();
        let connections = Arc::new(Mutex::new(0));
        let seen = Arc::new(Mutex::new(Vec::new()));
        let stop = Arc::new(AtomicBool::new(false));
        let thread = {
            let (connections, seen, stop) = (connections.clone(), seen.clone(), stop.clone());
            std::thread::spawn(move || {
                let started = Instant::now();
                let mut handled = 0;
                while !stop.load(Ordering::Relaxed)
                    && started.elapsed() < SERVER_LIFETIME
                    && handled < SERVER_MAX_CONNECTIONS
                {
                    match listener.accept() {
                        Ok((stream, _)) => {
                            handled += 1;
                            *connections.lock().unwrap() += 1;
                            answer(stream, &seen);
                        }
                        Err(_) => std::thread::sleep(Duration::from_millis(5)),
                    }
                }
            })
        };
        Server {
            port,
            connections,
            seen,
            stop,
            thread: Some(thread),
        }
    }

    fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{path}", self.port)
    }

    fn connections(&self) -> usize {
        *self.connections.lock().unwrap()
    }

    fn seen(&self) -> Vec<Seen> {
        self.seen.lock().unwrap().clone()
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

/// Reads one request head (bounded), records it, and writes the answer (recorded first, so that a
/// client that has its answer finds its request recorded).
fn answer(mut stream: TcpStream, seen: &Mutex<Vec<Seen>>) -> Option<()> {
    stream.set_nonblocking(false).ok()?;
    stream.set_read_timeout(Some(Duration::from_secs(5))).ok()?;
    stream.set_write_timeout(Some(Duration::from_secs(5))).ok()?;
    let mut head = Vec::new();
    let mut buf = [0u8; 1024];
    while !head.windows(4).any(|w| w == b"\r\n\r\n") && head.len() < 16 * 1024 {
        let n = stream.read(&mut buf).ok()?;
        if n == 0 {
            break;
        }
        head.extend_from_slice(&buf[..n]);
    }
    let head = String::from_utf8_lossy(&head).into_owned();
    let mut lines = head.split("\r\n");
    let mut first = lines.next()?.split(' ');
    let method = first.next()?.to_owned();
    let path = first.next()?.to_owned();
    let user_agent = lines
        .filter_map(|l| l.split_once(':'))
        .find(|(k, _)| k.eq_ignore_ascii_case("user-agent"))
        .map(|(_, v)| v.trim().to_owned());
    seen.lock().unwrap().push(Seen {
        method: method.clone(),
        path: path.clone(),
        user_agent,
    });
    let (status, location) = match path.as_str() {
        p if p.starts_with("/ok") => ("200 OK", None),
        "/moved" => ("301 Moved Permanently", Some("/ok")),
        "/loop" => ("301 Moved Permanently", Some("/loop")),
        "/missing" => ("404 Not Found", None),
        "/boom" => ("500 Internal Server Error", None),
        "/head-refused" if method == "HEAD" => ("405 Method Not Allowed", None),
        "/head-refused" => ("200 OK", None),
        _ => ("404 Not Found", None),
    };
    let mut response = format!("HTTP/1.1 {status}\r\nContent-Length: 0\r\nConnection: close\r\n");
    if let Some(l) = location {
        response.push_str(&format!("Location: {l}\r\n"));
    }
    response.push_str("\r\n");
    stream.write_all(response.as_bytes()).ok()?;
    let _ = stream.flush();
    Some(())
}

/// A port on 127.0.0.1 that nothing listens on.
fn closed_port() -> u16 {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    listener.local_addr().unwrap().port()
}

/// A valid CSAF 2.0 document with the given document references, acknowledgment URLs and one
/// vulnerability with a remediation URL; the publisher namespace is `/ok-publisher` on the server.
fn document(server: &Server, references: Value, ack_urls: Value, remediation_url: &str) -> Value {
    json!({
        "document": {
            "acknowledgments": [{"summary": "Thanks", "urls": ack_urls}],
            "category": "csaf_base",
            "csaf_version": "2.0",
            "distribution": {"tlp": {"label": "WHITE"}},
            "lang": "en",
            "publisher": {"category": "vendor", "name": "Example Company", "namespace": server.url("/ok-publisher")},
            "references": references,
            "title": "URLs",
            "tracking": {
                "current_release_date": "2024-01-24T10:00:00.000Z",
                "id": "EXAMPLE-2024-0001",
                "initial_release_date": "2024-01-24T10:00:00.000Z",
                "revision_history": [{"date": "2024-01-24T10:00:00.000Z", "number": "1", "summary": "Initial version."}],
                "status": "final",
                "version": "1"
            }
        },
        "vulnerabilities": [{
            "cve": "CVE-2024-0001",
            "remediations": [{"category": "vendor_fix", "details": "Update.", "url": remediation_url}]
        }]
    })
}

/// Runs the binary without any proxy settings from the environment.
fn run(args: &[&str]) -> Output {
    let mut cmd = Command::new(BIN);
    for var in [
        "HTTP_PROXY",
        "http_proxy",
        "HTTPS_PROXY",
        "https_proxy",
        "ALL_PROXY",
        "all_proxy",
    ] {
        cmd.env_remove(var);
    }
    cmd.args(args).output().unwrap()
}

/// The diagnostics of the single document of a `--format jsonl` run.
fn diagnostics(out: &Output) -> Vec<Value> {
    let stdout = String::from_utf8_lossy(&out.stdout);
    let line = stdout
        .lines()
        .next()
        .unwrap_or_else(|| panic!("no output; stderr: {}", String::from_utf8_lossy(&out.stderr)));
    let doc: Value = serde_json::from_str(line).unwrap();
    doc["diagnostics"].as_array().unwrap().clone()
}

fn write(dir: &Path, name: &str, doc: &Value) -> String {
    let path = dir.join(name);
    std::fs::write(&path, serde_json::to_vec_pretty(doc).unwrap()).unwrap();
    path.to_str().unwrap().to_owned()
}

#[test]
fn without_online_no_request_is_made_whatever_the_preset_or_selection() {
    let server = Server::start();
    let dir = tempfile::tempdir().unwrap();
    let refs = json!([
        {"category": "self", "summary": "Canonical URL", "url": server.url("/missing")},
        {"category": "external", "summary": "Details", "url": server.url("/ok")}
    ]);
    let file = write(
        dir.path(),
        "doc.json",
        &document(&server, refs, json!([server.url("/boom")]), &server.url("/ok")),
    );
    for args in [
        &["validate", "--format", "jsonl", "--preset", "full", &file][..],
        &[
            "validate",
            "--format",
            "jsonl",
            "--preset",
            "vendor-release",
            &file,
        ][..],
        &["validate", "--format", "jsonl", &file][..],
        &["validate", "--format", "jsonl", "--select", "6.3.6,6.3.7", &file][..],
        &["validate", "--format", "jsonl", "--extend-select", "6.3", &file][..],
    ] {
        let out = run(args);
        let fired: Vec<_> = diagnostics(&out)
            .into_iter()
            .filter(|d| d["rule"] == "6.3.6" || d["rule"] == "6.3.7")
            .collect();
        assert!(fired.is_empty(), "{args:?}: {fired:?}");
    }
    // Give a late connection a moment to show up, then check that none came.
    std::thread::sleep(Duration::from_millis(200));
    assert_eq!(
        server.connections(),
        0,
        "a run without --online connected to the server"
    );

    // Control: with --online the same document does reach the server.
    let out = run(&[
        "validate", "--format", "jsonl", "--preset", "full", "--online", &file,
    ]);
    let fired: Vec<_> = diagnostics(&out)
        .into_iter()
        .filter(|d| d["rule"] == "6.3.6" || d["rule"] == "6.3.7")
        .collect();
    assert_eq!(fired.len(), 2, "{fired:?}");
    assert!(server.connections() > 0);
}

#[test]
fn online_reports_failing_urls_at_their_pointers() {
    let server = Server::start();
    let refused = format!("http://127.0.0.1:{}/ok", closed_port());
    let dir = tempfile::tempdir().unwrap();
    let refs = json!([
        {"category": "self", "summary": "Canonical URL", "url": server.url("/missing")},
        {"summary": "ok", "url": server.url("/ok")},
        {"summary": "moved", "url": server.url("/moved")},
        {"summary": "missing", "url": server.url("/missing")},
        {"summary": "boom", "url": server.url("/boom")},
        {"summary": "refused", "url": refused},
        {"summary": "loop", "url": server.url("/loop")},
        {"summary": "not http", "url": "urn:example:not-requested"},
        {"summary": "fragment and space", "url": format!("{}#section 2", server.url("/ok-frag x"))}
    ]);
    let acks = json!([
        server.url("/head-refused"),
        server.url("/ok-dup"),
        server.url("/ok-dup")
    ]);
    let file = write(
        dir.path(),
        "doc.json",
        &document(&server, refs, acks, &server.url("/ok-dup")),
    );
    let out = run(&[
        "validate",
        "--format",
        "jsonl",
        "--online",
        "--select",
        "6.3.6,6.3.7",
        &file,
    ]);
    assert!(out.status.success(), "info findings do not fail the run: {out:?}");
    let got: Vec<(String, String, String, String)> = diagnostics(&out)
        .iter()
        .map(|d| {
            (
                d["rule"].as_str().unwrap().to_owned(),
                d["pointer"].as_str().unwrap().to_owned(),
                d["severity"].as_str().unwrap().to_owned(),
                d["message"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    let info = |rule: &str, pointer: &str, message: String| {
        (rule.to_owned(), pointer.to_owned(), "info".to_owned(), message)
    };
    let mut expected = vec![
        info(
            "6.3.6",
            "/document/references/3/url",
            format!("`{}` answered `404 Not Found`", server.url("/missing")),
        ),
        info(
            "6.3.6",
            "/document/references/4/url",
            format!("`{}` answered `500 Internal Server Error`", server.url("/boom")),
        ),
        info(
            "6.3.6",
            "/document/references/5/url",
            format!("`{refused}` could not be reached: connection refused"),
        ),
        info(
            "6.3.6",
            "/document/references/6/url",
            format!(
                "`{}` could not be reached: more than 5 redirects",
                server.url("/loop")
            ),
        ),
        info(
            "6.3.7",
            "/document/references/0/url",
            format!("`{}` answered `404 Not Found`", server.url("/missing")),
        ),
    ];
    let mut got_sorted = got.clone();
    got_sorted.sort();
    expected.sort();
    assert_eq!(got_sorted, expected);

    let seen = server.seen();
    // Every request names the tool.
    let ua = format!("csaflint/{}", env!("CARGO_PKG_VERSION"));
    assert!(
        seen.iter().all(|s| s.user_agent.as_deref() == Some(ua.as_str())),
        "{seen:?}"
    );
    // HEAD first; GET only where HEAD was refused or failed.
    let count = |method: &str, path: &str| {
        seen.iter()
            .filter(|s| s.method == method && s.path == path)
            .count()
    };
    assert_eq!(count("HEAD", "/head-refused"), 1);
    assert_eq!(count("GET", "/head-refused"), 1);
    assert_eq!(count("HEAD", "/moved"), 1);
    assert_eq!(count("GET", "/moved"), 0);
    // The fragment stays local; the space is percent-encoded.
    assert_eq!(count("HEAD", "/ok-frag%20x"), 1);
    // A URL that occurs three times (and in both rules' documents) is requested once.
    assert_eq!(count("HEAD", "/ok-dup"), 1);
    assert_eq!(count("GET", "/ok-dup"), 0);
    // `/missing` is both a self and a non-self URL: one HEAD and one confirming GET, shared by both rules.
    assert_eq!(count("HEAD", "/missing"), 1);
    assert_eq!(count("GET", "/missing"), 1);
    // Redirects are bounded: the initial request plus at most 5 redirects, for HEAD and for GET.
    assert!(
        count("HEAD", "/loop") <= 6 && count("GET", "/loop") <= 6,
        "{seen:?}"
    );
}

#[test]
fn requests_per_document_are_bounded() {
    let server = Server::start();
    let urls: Vec<String> = (0..205).map(|i| server.url(&format!("/ok-{i}"))).collect();
    let doc = document(&server, json!([]), json!(urls), &server.url("/ok-0"));
    let validator = Validator::new(&Options {
        selection: Selection {
            select: Some(vec!["6.3.6".to_owned()]),
            online: true,
            ..Selection::default()
        },
    })
    .unwrap();
    let report = validator.validate("doc.json", &serde_json::to_vec_pretty(&doc).unwrap());
    let fired: Vec<_> = report.diagnostics.iter().filter(|d| d.rule == "6.3.6").collect();
    assert_eq!(fired.len(), 1, "{fired:?}");
    assert_eq!(fired[0].pointer, "/document/acknowledgments/0/urls/200");
    assert_eq!(
        fired[0].message,
        "`6` further distinct URLs were not requested: at most `200` are checked per document"
    );
    assert_eq!(server.seen().len(), 200);
}

/// CVRF documents are checked too, and located at their XML elements.
#[test]
fn cvrf_urls_are_checked_and_located_in_the_xml() {
    let server = Server::start();
    let fixture =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/CV104/valid/11-complete-document.xml");
    let text = std::fs::read_to_string(fixture)
        .unwrap()
        .replace(
            "https://example.com/advisories/EXAMPLE-2024-001",
            &server.url("/missing"),
        )
        .replace("https://example.com/downloads/", &server.url("/ok-cvrf/"));
    assert!(!text.contains("https://"), "every URL points at the local server");
    let validator = Validator::new(&Options {
        selection: Selection {
            select: Some(vec!["6.3.6".to_owned(), "6.3.7".to_owned()]),
            online: true,
            ..Selection::default()
        },
    })
    .unwrap();
    let report = validator.validate("doc.xml", text.as_bytes());
    let got: Vec<_> = report
        .diagnostics
        .iter()
        .map(|d| (d.rule, d.pointer.as_str(), d.message.as_str()))
        .collect();
    let message = format!("`{}` answered `404 Not Found`", server.url("/missing"));
    assert_eq!(
        got,
        [(
            "6.3.7",
            "/cvrfdoc/DocumentReferences/Reference[1]/URL",
            message.as_str()
        )]
    );
    let seen = server.seen();
    assert!(seen.iter().any(|s| s.path == "/ok-cvrf/widget-2.0"), "{seen:?}");
}

/// CSAF 2.1 product paths carry product identification helpers whose SBOM URLs are checked.
#[test]
fn csaf_2_1_product_path_urls_are_checked() {
    let server = Server::start();
    let doc = json!({
        "document": {
            "category": "csaf_base",
            "csaf_version": "2.1",
            "distribution": {"tlp": {"label": "CLEAR"}},
            "publisher": {"category": "other", "name": "Example", "namespace": server.url("/ok-publisher")},
            "title": "Product paths",
            "tracking": {
                "current_release_date": "2024-01-24T10:00:00.000Z",
                "id": "EXAMPLE-2024-0002",
                "initial_release_date": "2024-01-24T10:00:00.000Z",
                "revision_history": [{"date": "2024-01-24T10:00:00.000Z", "number": "1", "summary": "Initial version."}],
                "status": "final",
                "version": "1"
            }
        },
        "product_tree": {
            "full_product_names": [{"name": "A", "product_id": "A"}, {"name": "B", "product_id": "B"}],
            "product_paths": [{
                "beginning_product_reference": "A",
                "subpaths": [{"category": "default_component_of", "next_product_reference": "B"}],
                "full_product_name": {
                    "name": "B in A",
                    "product_id": "AB",
                    "product_identification_helper": {
                        "sbom_urls": [server.url("/ok-sbom"), server.url("/missing")],
                        "x_generic_uris": [{"namespace": server.url("/boom"), "uri": "urn:example:ab"}]
                    }
                }
            }]
        }
    });
    let validator = Validator::new(&Options {
        selection: Selection {
            select: Some(vec!["6.3.6".to_owned()]),
            online: true,
            ..Selection::default()
        },
    })
    .unwrap();
    let report = validator.validate("doc.json", &serde_json::to_vec_pretty(&doc).unwrap());
    let got: Vec<_> = report
        .diagnostics
        .iter()
        .filter(|d| d.rule == "6.3.6")
        .map(|d| d.pointer.as_str())
        .collect();
    let base = "/product_tree/product_paths/0/full_product_name/product_identification_helper";
    assert_eq!(
        got,
        [
            format!("{base}/sbom_urls/1"),
            format!("{base}/x_generic_uris/0/namespace")
        ]
    );
}

/// The OASIS files for 6.3.6 and 6.3.7 point at hosts on the internet (`example.invalid`,
/// `example.net`, `github.com`, `csaf.io`). Their URLs are rewritten to the local server: the URL each
/// failing example is about (`example.invalid`, the GitHub page that does not exist) to `/missing`,
/// every other URL to `/ok`. The verdicts must then agree with `testcases.json`.
#[test]
fn oasis_examples_agree_with_the_manifest_against_a_local_server() {
    let server = Server::start();
    let mut checked = 0;
    for version in ["2.0", "2.1"] {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../shared/spec")
            .join(format!("csaf_{version}/test/validator/data"));
        let Ok(manifest) = std::fs::read(dir.join("testcases.json")) else {
            eprintln!("skipped: OASIS test data not found at {}", dir.display());
            continue;
        };
        let manifest: Value = serde_json::from_slice(&manifest).unwrap();
        for test in manifest["tests"].as_array().unwrap() {
            let id = test["id"].as_str().unwrap();
            if id != "6.3.6" && id != "6.3.7" {
                continue;
            }
            let validator = Validator::new(&Options {
                selection: Selection {
                    select: Some(vec![id.to_owned()]),
                    online: true,
                    ..Selection::default()
                },
            })
            .unwrap();
            for (key, must_fire) in [("failures", true), ("valid", false)] {
                for file in test[key].as_array().into_iter().flatten() {
                    let name = file["name"].as_str().unwrap();
                    let mut doc: Value =
                        serde_json::from_slice(&std::fs::read(dir.join(name)).unwrap()).unwrap();
                    let rewritten = rewrite_urls(&mut doc, &server);
                    assert!(rewritten > 0, "{name}: no URL to rewrite");
                    let report = validator.validate(name, &serde_json::to_vec_pretty(&doc).unwrap());
                    let fired: Vec<_> = report.diagnostics.iter().filter(|d| d.rule == id).collect();
                    assert_eq!(
                        !fired.is_empty(),
                        must_fire,
                        "{version} {id} {name}: {:?}",
                        fired.iter().map(|d| (&d.pointer, &d.message)).collect::<Vec<_>>()
                    );
                    for d in &fired {
                        assert!(
                            d.message.contains("answered `404 Not Found`"),
                            "{name}: {}",
                            d.message
                        );
                    }
                    checked += 1;
                }
            }
        }
    }
    eprintln!("{checked} OASIS files checked");
    // Nothing but the local server was asked.
    assert!(server
        .seen()
        .iter()
        .all(|s| s.path == "/ok" || s.path == "/missing"));
}

/// Points every `http(s)` string of the document (but `$schema`) at the local server; returns how many.
fn rewrite_urls(v: &mut Value, server: &Server) -> usize {
    match v {
        Value::Object(map) => map
            .iter_mut()
            .filter(|(k, _)| k.as_str() != "$schema")
            .map(|(_, x)| rewrite_urls(x, server))
            .sum(),
        Value::Array(items) => items.iter_mut().map(|x| rewrite_urls(x, server)).sum(),
        Value::String(s) if s.starts_with("http://") || s.starts_with("https://") => {
            let failing = s.contains("example.invalid") || s.contains("/not-available");
            *s = server.url(if failing { "/missing" } else { "/ok" });
            1
        }
        _ => 0,
    }
}
