//! Reports are views: the same located diagnostics rendered as human text, JSON or JSON Lines.
//!
//! Every renderer is streaming: it writes each document's result as it comes, and keeps only
//! counters, so memory does not grow with the number of documents.

mod human;
mod json;

pub use human::Human;
pub use json::{Json, JsonLines};

use crate::diag::Severity;
use crate::validate::Report;
use serde::Serialize;
use std::io::{self, Write};

/// Counts over a run (contract §3, `summary`).
#[derive(Debug, Clone, Default, Serialize, PartialEq, Eq)]
pub struct Summary {
    /// Documents seen.
    pub documents: usize,
    /// Documents without an error.
    pub valid: usize,
    /// Documents with at least one error.
    pub invalid: usize,
    /// Diagnostics of severity error.
    pub errors: usize,
    /// Diagnostics of severity warning.
    pub warnings: usize,
    /// Diagnostics of severity info.
    pub infos: usize,
}

impl Summary {
    /// Counts one document.
    pub fn add(&mut self, report: &Report) {
        self.documents += 1;
        if report.valid() {
            self.valid += 1;
        } else {
            self.invalid += 1;
        }
        for d in &report.diagnostics {
            match d.severity {
                Severity::Error => self.errors += 1,
                Severity::Warning => self.warnings += 1,
                Severity::Info => self.infos += 1,
            }
        }
    }
}

/// A streaming renderer.
pub trait Renderer {
    /// Called once before the first document.
    fn begin(&mut self, out: &mut dyn Write) -> io::Result<()>;
    /// Called for each document, in order.
    fn document(&mut self, out: &mut dyn Write, report: &Report) -> io::Result<()>;
    /// Called once at the end, with the counts.
    fn end(&mut self, out: &mut dyn Write, summary: &Summary) -> io::Result<()>;
}

/// The object written per document in `json` and `jsonl` (contract §3).
#[derive(Serialize)]
pub struct DocumentOut<'a> {
    /// Path as given.
    pub path: &'a str,
    /// `csaf`, `cvrf` or null.
    pub format: Option<&'a str>,
    /// `2.0`, `2.1`, `1.1`, `1.2` or null.
    pub version: Option<&'a str>,
    /// No error.
    pub valid: bool,
    /// The diagnostics.
    pub diagnostics: &'a [crate::diag::Diagnostic],
}

impl<'a> From<&'a Report> for DocumentOut<'a> {
    fn from(r: &'a Report) -> Self {
        DocumentOut {
            path: &r.path,
            format: r.format,
            version: r.version,
            valid: r.valid(),
            diagnostics: &r.diagnostics,
        }
    }
}
