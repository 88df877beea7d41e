use super::{DocumentOut, Renderer, Summary};
use crate::validate::Report;
use std::io::{self, Write};

/// `--format jsonl`: one JSON object per document and line.
#[derive(Debug, Default)]
pub struct JsonLines;

impl Renderer for JsonLines {
    fn begin(&mut self, _out: &mut dyn Write) -> io::Result<()> {
        Ok(())
    }

    fn document(&mut self, out: &mut dyn Write, report: &Report) -> io::Result<()> {
        serde_json::to_writer(&mut *out, &DocumentOut::from(report))?;
        out.write_all(b"\n")
    }

    fn end(&mut self, _out: &mut dyn Write, _summary: &Summary) -> io::Result<()> {
        Ok(())
    }
}

/// `--format json`: `{"documents": [...], "summary": {...}}`, written as a stream.
#[derive(Debug, Default)]
pub struct Json {
    first: bool,
}

impl Renderer for Json {
    fn begin(&mut self, out: &mut dyn Write) -> io::Result<()> {
        self.first = true;
        out.write_all(b"{\"documents\": [")
    }

    fn document(&mut self, out: &mut dyn Write, report: &Report) -> io::Result<()> {
        out.write_all(if self.first { b"\n  " } else { b",\n  " })?;
        self.first = false;
        serde_json::to_writer(&mut *out, &DocumentOut::from(report)).map_err(io::Error::other)
    }

    fn end(&mut self, out: &mut dyn Write, summary: &Summary) -> io::Result<()> {
        out.write_all(b"\n], \"summary\": ")?;
        serde_json::to_writer(&mut *out, summary).map_err(io::Error::other)?;
        out.write_all(b"}\n")
    }
}
