use super::{DocumentOut, Renderer, Summary};
use crate::validate::Report;
use std::io::{self, Write};
use std::sync::atomic::{AtomicBool, Ordering};

/// `--format jsonl`: one JSON object per document and line.
#[derive(Debug, Default)]
pub struct JsonLines;

impl Renderer for JsonLines {
    fn begin(&mut self, _out: &mut dyn Write) -> io::Result<()> {
        Ok(())
    }

    fn render(&self, report: &Report, buf: &mut Vec<u8>) -> io::Result<()> {
        serde_json::to_writer(&mut *buf, &DocumentOut::from(report))?;
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
        serde_json::to_writer(&mut *buf, &DocumentOut::from(report)).map_err(io::Error::other)
    }

    fn write_rendered(&self, out: &mut dyn Write, rendered: &[u8]) -> io::Result<()> {
        out.write_all(if self.first.swap(false, Ordering::Relaxed) {
            b"\n  "
        } else {
            b",\n  "
        })?;
        out.write_all(rendered)
    }

    fn end(&mut self, out: &mut dyn Write, summary: &Summary) -> io::Result<()> {
        out.write_all(b"\n], \"summary\": ")?;
        serde_json::to_writer(&mut *out, summary).map_err(io::Error::other)?;
        out.write_all(b"}\n")
    }
}
