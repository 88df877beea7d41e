//! The parse-only floor of `bench/run.sh` (hidden flag `validate --parse-only`): each file is read and
//! parsed once, and nothing else, so that the benchmark can put validation next to the least work any
//! validator must do. Same inputs, thread pool, batches and output as a real run.
//!
//! - JSON: decoded as UTF-8 and parsed by serde_json into a `serde_json::Value` (as built here: keys in
//!   order, numbers kept as text).
//! - XML: decoded as UTF-8 and read by quick-xml's namespace-aware reader to the end: every event, every
//!   attribute, every text node's content, without building a tree.
//!
//! The report has no diagnostics, or one `parse` error when the parser stops.

use super::inputs::Input;
use crate::parse::{self, Sniffed};
use crate::validate::Report;
use std::io::Read;
use std::time::{Duration, Instant};

/// Reads and parses one input.
pub fn run(input: &Input, max_size: u64) -> Report {
    let (shown, bytes) = match input {
        Input::Stdin => {
            let mut bytes = Vec::new();
            if let Err(e) = std::io::stdin().lock().take(max_size + 1).read_to_end(&mut bytes) {
                return Report::io_error("-", format!("cannot read standard input: {e}"));
            }
            ("-", bytes)
        }
        Input::Broken { shown, reason } => {
            return Report::io_error(shown, format!("cannot read `{shown}`: {reason}"))
        }
        Input::File { shown, path } => match std::fs::read(path) {
            Ok(b) if b.len() as u64 <= max_size => (shown.as_str(), b),
            Ok(_) => return Report::io_error(shown, format!("`{shown}` is larger than the limit")),
            Err(e) => return Report::io_error(shown, format!("cannot read `{shown}`: {e}")),
        },
    };
    let started = Instant::now();
    let decoded = parse::decode(&bytes);
    let (format, ok) = match (decoded.error.is_none(), parse::sniff(&decoded.text, shown)) {
        (true, Some(Sniffed::Json)) => (
            "csaf",
            serde_json::from_str::<serde_json::Value>(&decoded.text).is_ok(),
        ),
        (true, Some(Sniffed::Xml)) => ("cvrf", read_xml(&decoded.text)),
        _ => ("csaf", false),
    };
    let mut report = if ok {
        Report {
            path: shown.to_owned(),
            format: Some(format),
            version: None,
            publisher: None,
            diagnostics: Vec::new(),
            source: None,
            elapsed: Duration::ZERO,
        }
    } else {
        let mut r = Report::io_error(shown, "not well-formed JSON or XML".to_owned());
        r.diagnostics[0].rule = "parse";
        r.diagnostics[0].name = "parse-error";
        r
    };
    report.elapsed = started.elapsed();
    report
}

fn read_xml(text: &str) -> bool {
    use quick_xml::events::Event;
    let mut reader = quick_xml::reader::NsReader::from_str(text);
    reader.config_mut().check_end_names = true;
    loop {
        match reader.read_resolved_event() {
            Ok((_, Event::Eof)) => return true,
            Ok((_, Event::Start(e))) | Ok((_, Event::Empty(e))) => {
                for a in e.attributes() {
                    match a {
                        Ok(a) => {
                            if a.unescape_value().is_err() {
                                return false;
                            }
                        }
                        Err(_) => return false,
                    }
                }
            }
            Ok((_, Event::Text(t))) => {
                if t.xml10_content().is_err() {
                    return false;
                }
            }
            Ok(_) => {}
            Err(_) => return false,
        }
    }
}
