use super::{write_element, DocumentOut, Renderer, Summary};
use crate::diag::Severity;
use crate::validate::Report;
use std::io::{self, Write};
use std::ops::Range;
use std::sync::atomic::{AtomicBool, Ordering};

/// `--format jsonl`: one JSON object per document and line.
#[derive(Debug, Default)]
pub struct JsonLines;

impl Renderer for JsonLines {
    fn begin(&mut self, _out: &mut dyn Write) -> io::Result<()> {
        Ok(())
    }

    fn render(&self, report: &Report, buf: &mut Vec<u8>) -> io::Result<()> {
        render_document(report, buf);
        buf.push(b'\n');
        Ok(())
    }

    fn end(&mut self, _out: &mut dyn Write, _summary: &Summary) -> io::Result<()> {
        Ok(())
    }
}

/// `--format json`: `{"documents": [...], "summary": {...}}`, written as a stream.
#[derive(Debug, Default)]
pub struct Json {
    first: AtomicBool,
}

impl Renderer for Json {
    fn begin(&mut self, out: &mut dyn Write) -> io::Result<()> {
        self.first.store(true, Ordering::Relaxed);
        out.write_all(b"{\"documents\": [")
    }

    fn render(&self, report: &Report, buf: &mut Vec<u8>) -> io::Result<()> {
        render_document(report, buf);
        Ok(())
    }

    fn write_rendered(&self, out: &mut dyn Write, rendered: &[u8]) -> io::Result<()> {
        write_element(&self.first, out, b"\n  ", rendered)
    }

    fn end(&mut self, out: &mut dyn Write, summary: &Summary) -> io::Result<()> {
        out.write_all(b"\n], \"summary\": ")?;
        serde_json::to_writer(&mut *out, summary).map_err(io::Error::other)?;
        out.write_all(b"}\n")
    }
}

/// A document's object, into a buffer sized once for it: a large report's output is megabytes, and
/// growing it by doubling would hold one and a half copies at the end.
fn render_document(report: &Report, buf: &mut Vec<u8>) {
    buf.reserve(report.rendered_size_hint());
    write_document(buf, &DocumentOut::from(report));
}

/// Writes a document's object as compact JSON: byte for byte what `serde_json::to_writer` writes
/// for [`DocumentOut`], with strings escaped eight bytes at a time (nearly all of the output is
/// the diagnostics' strings, and serde_json looks at them byte by byte).
pub fn write_document(buf: &mut Vec<u8>, doc: &DocumentOut<'_>) {
    buf.extend_from_slice(b"{\"path\":");
    write_str(buf, doc.path);
    buf.extend_from_slice(b",\"format\":");
    write_opt_str(buf, doc.format);
    buf.extend_from_slice(b",\"version\":");
    write_opt_str(buf, doc.version);
    buf.extend_from_slice(if doc.valid {
        b",\"valid\":true,\"diagnostics\":["
    } else {
        b",\"valid\":false,\"diagnostics\":["
    });
    // What comes before the message is the same for every diagnostic of one rule at one
    // severity: written once per document, then copied from where it was written (a document's
    // diagnostics come from a few rules, told apart by the addresses of their static ids).
    let mut heads: Vec<(&'static str, &'static str, Severity, Range<usize>)> = Vec::new();
    for (i, d) in doc.diagnostics.iter().enumerate() {
        if i > 0 {
            buf.push(b',');
        }
        let written = heads
            .iter()
            .find(|(rule, name, severity, _)| {
                std::ptr::eq(*rule, d.rule) && std::ptr::eq(*name, d.name) && *severity == d.severity
            })
            .map(|(.., range)| range.clone());
        match written {
            Some(range) => buf.extend_from_within(range),
            None => {
                let start = buf.len();
                buf.extend_from_slice(b"{\"rule\":");
                write_str(buf, d.rule);
                buf.extend_from_slice(b",\"name\":");
                write_str(buf, d.name);
                buf.extend_from_slice(b",\"severity\":");
                write_str(buf, d.severity.as_str());
                buf.extend_from_slice(b",\"message\":");
                heads.push((d.rule, d.name, d.severity, start..buf.len()));
            }
        }
        write_str(buf, &d.message);
        buf.extend_from_slice(b",\"pointer\":");
        write_str(buf, &d.pointer);
        buf.extend_from_slice(b",\"line\":");
        buf.extend_from_slice(itoa::Buffer::new().format(d.line).as_bytes());
        buf.extend_from_slice(b",\"column\":");
        buf.extend_from_slice(itoa::Buffer::new().format(d.column).as_bytes());
        buf.push(b'}');
    }
    buf.extend_from_slice(b"]}");
}

fn write_opt_str(buf: &mut Vec<u8>, s: Option<&str>) {
    match s {
        Some(s) => write_str(buf, s),
        None => buf.extend_from_slice(b"null"),
    }
}

/// Writes `s` as a JSON string escaped as serde_json escapes: `"`, `\\` and the control characters
/// below U+0020 (`\b`, `\t`, `\n`, `\f`, `\r`, else `\u00xx` in lowercase hex); nothing else.
fn write_str(buf: &mut Vec<u8>, s: &str) {
    let bytes = s.as_bytes();
    buf.reserve(bytes.len() + 2);
    buf.push(b'"');
    // the usual string needs no escape: one pass without early exit (which the compiler turns into
    // SIMD) tells, and the string is copied whole
    if !bytes.iter().fold(false, |any, &b| any | must_escape(b)) {
        buf.extend_from_slice(bytes);
        buf.push(b'"');
        return;
    }
    let mut start = 0;
    while let Some(i) = next_escape(bytes, start) {
        buf.extend_from_slice(&bytes[start..i]);
        let b = bytes[i];
        match b {
            b'"' => buf.extend_from_slice(b"\\\""),
            b'\\' => buf.extend_from_slice(b"\\\\"),
            0x08 => buf.extend_from_slice(b"\\b"),
            b'\t' => buf.extend_from_slice(b"\\t"),
            b'\n' => buf.extend_from_slice(b"\\n"),
            0x0C => buf.extend_from_slice(b"\\f"),
            b'\r' => buf.extend_from_slice(b"\\r"),
            _ => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                buf.extend_from_slice(b"\\u00");
                buf.push(HEX[(b >> 4) as usize]);
                buf.push(HEX[(b & 0xF) as usize]);
            }
        }
        start = i + 1;
    }
    buf.extend_from_slice(&bytes[start..]);
    buf.push(b'"');
}

fn must_escape(b: u8) -> bool {
    b < 0x20 || b == b'"' || b == b'\\'
}

/// The index of the first byte at or after `from` that [`must_escape`].
fn next_escape(bytes: &[u8], mut from: usize) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // whether a byte of `w` is zero (exact as to whether there is one)
    fn zero_byte(w: u64) -> bool {
        w.wrapping_sub(ONES) & !w & HIGH != 0
    }
    loop {
        // eight bytes at a time while none is below 0x20, a quote or a backslash
        while let Some(chunk) = bytes.get(from..from + 8) {
            let w = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
            let control = w.wrapping_sub(ONES * 0x20) & !w & HIGH != 0;
            if control || zero_byte(w ^ (ONES * u64::from(b'"'))) || zero_byte(w ^ (ONES * u64::from(b'\\')))
            {
                break;
            }
            from += 8;
        }
        let end = (from + 8).min(bytes.len());
        if let Some(p) = bytes[from..end].iter().position(|&b| must_escape(b)) {
            return Some(from + p);
        }
        if end == bytes.len() {
            return None;
        }
        from = end;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::{Diagnostic, Severity};

    #[test]
    fn written_as_serde_json_writes() {
        let mut texts: Vec<String> = vec![
            String::new(),
            "plain".into(),
            "a \"quoted\" \\ path/with/slashes".into(),
            "tab\tnew\nline\r\u{8}\u{c}\u{0}\u{1f}\u{7f} end".into(),
            "ünïcödé 🦀 and \"more\" text that is longer than eight bytes\n".into(),
        ];
        // every byte below 0x80 at every position of an eight-byte chunk
        for b in 0u8..0x80 {
            for pad in 0..9 {
                texts.push(format!("{}{}{}", "x".repeat(pad), b as char, "yz".repeat(5)));
            }
        }
        let diagnostics: Vec<Diagnostic> = texts
            .iter()
            .enumerate()
            .map(|(i, t)| Diagnostic {
                // two rules, three severities: the heads written once and copied
                rule: ["6.1.1", "6.2.16"][i % 2],
                name: [
                    "missing-definition-of-product-id",
                    "missing-product-identification-helper",
                ][i % 2],
                severity: [Severity::Error, Severity::Warning, Severity::Info][i % 3],
                message: t.clone(),
                pointer: format!("/cvrfdoc/x[{i}]/{t}"),
                line: i as u32 * 1000,
                column: u32::MAX - i as u32,
                help: None,
                span: (0, 0),
            })
            .collect();
        for (valid, format, diagnostics) in [
            (false, Some("cvrf"), &diagnostics[..]),
            (true, None, &[][..]),
            (true, Some("csaf"), &diagnostics[..1]),
        ] {
            let doc = DocumentOut {
                path: "dir/\"odd\"\tname.xml",
                format,
                version: format.map(|_| "1.2"),
                valid,
                diagnostics,
            };
            let mut ours = Vec::new();
            write_document(&mut ours, &doc);
            let theirs = serde_json::to_vec(&doc).unwrap();
            assert_eq!(
                String::from_utf8(ours).unwrap(),
                String::from_utf8(theirs).unwrap()
            );
        }
    }
}
