use super::{Renderer, Summary};
use crate::diag::{Diagnostic, Severity};
use crate::validate::Report;
use miette::{
    GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteSpanContents, SourceCode, SourceSpan,
};
use std::fmt;
use std::io::{self, Write};

/// Human output: each diagnostic with its source snippet (miette), then the summary: tables when more
/// than one document was checked, and a summary line.
pub struct Human {
    handler: GraphicalReportHandler,
    quiet_valid: bool,
}

impl Human {
    /// `color` switches ANSI colours on; `width` is the terminal width to wrap at.
    pub fn new(color: bool, width: usize) -> Self {
        let theme = if color {
            GraphicalTheme::unicode()
        } else {
            GraphicalTheme::unicode_nocolor()
        };
        Human {
            handler: GraphicalReportHandler::new_themed(theme)
                .with_width(width)
                .with_links(false)
                .with_context_lines(1),
            quiet_valid: true,
        }
    }

    /// Renders one diagnostic of `report` to a string (used by snapshots and `explain`).
    pub fn render(&self, report: &Report, d: &Diagnostic) -> String {
        let src = Source {
            name: &report.path,
            text: report.source.as_deref().unwrap_or(""),
            at: Some((
                d.span.0,
                (d.line as usize).saturating_sub(1),
                (d.column as usize).saturating_sub(1),
            )),
        };
        let item = Item { d, src: &src };
        let mut s = String::new();
        if self.handler.render_report(&mut s, &item).is_err() {
            s = format!("{}: {}\n", d.rule, d.message);
        }
        s
    }
}

impl Renderer for Human {
    fn begin(&mut self, _out: &mut dyn Write) -> io::Result<()> {
        Ok(())
    }

    fn render(&self, report: &Report, out: &mut Vec<u8>) -> io::Result<()> {
        if report.diagnostics.is_empty() && self.quiet_valid {
            return Ok(());
        }
        for d in &report.diagnostics {
            if report.source.is_some() {
                out.write_all(self.render(report, d).as_bytes())?;
            } else {
                writeln!(
                    out,
                    "{}:{}:{}: {}[{} {}] {}",
                    report.path, d.line, d.column, d.severity, d.rule, d.name, d.message
                )?;
            }
        }
        Ok(())
    }

    fn needs_source(&self) -> bool {
        true
    }

    /// With more than one document, the summary tables (diagnostics per rule, per publisher, the
    /// slowest files) come before the summary line.
    fn end(&mut self, out: &mut dyn Write, s: &Summary) -> io::Result<()> {
        if s.documents > 1 {
            super::summary::write_tables(out, s)?;
        }
        super::summary::write_line(out, s)
    }
}

/// Lines longer than this many bytes (minified documents are one line of megabytes) are shown as a
/// window around the diagnostic, without context lines; no label is longer.
const LONG_LINE: usize = 400;
/// Bytes shown before and after the label on a long line.
const WINDOW: usize = 80;

struct Source<'a> {
    name: &'a str,
    text: &'a str,
    /// The diagnostic's byte offset and its 0-based line and column (code points), known from the
    /// report: a snippet then costs the time of its own lines, not of all the text before it.
    at: Option<(usize, usize, usize)>,
}

/// The start of the line that holds byte `i`, when it is at most `LONG_LINE` bytes before `i`.
fn line_start_near(text: &str, i: usize) -> Option<usize> {
    let from = i.saturating_sub(LONG_LINE);
    match text.as_bytes()[from..i].iter().rposition(|&b| b == b'\n') {
        Some(p) => Some(from + p + 1),
        None => (from == 0).then_some(0),
    }
}

/// The end of the line that holds byte `i` (its `\n`, or the end of the text), when it is at most
/// `LONG_LINE` bytes after `i`.
fn line_end_near(text: &str, i: usize) -> Option<usize> {
    let to = (i + LONG_LINE).min(text.len());
    match text.as_bytes()[i..to].iter().position(|&b| b == b'\n') {
        Some(p) => Some(i + p),
        None => (to == text.len()).then_some(to),
    }
}

fn floor_boundary(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil_boundary(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

impl Source<'_> {
    /// The snippet of the diagnostic's own span, read near it: on short lines the same contents as
    /// [`Source::read_anywhere`] gives (context lines that are long are left out); on a long line a
    /// window around the span. `None` when the span is not the diagnostic's or crosses a line end.
    fn read_near<'a>(
        &'a self,
        span: &SourceSpan,
        before: usize,
        after: usize,
    ) -> Option<Box<dyn miette::SpanContents<'a> + 'a>> {
        let (at, line, column) = self.at?;
        let text = self.text;
        let (start, end) = (span.offset(), span.offset() + span.len());
        if start != at || end > text.len() || !text.is_char_boundary(start) {
            return None;
        }
        let (ls, le) = (line_start_near(text, start), line_end_near(text, start));
        if let (Some(ls), Some(le)) = (ls, le) {
            if end > le {
                return None;
            }
            // a short line: read a slice from `before` (short) lines earlier to `after` lines later
            let mut base = ls;
            let mut first_line = line;
            for _ in 0..before {
                match (base > 0).then(|| line_start_near(text, base - 1)).flatten() {
                    Some(p) => {
                        base = p;
                        first_line = first_line.saturating_sub(1);
                    }
                    None => break,
                }
            }
            let mut stop = (le + 1).min(text.len());
            for _ in 0..after {
                match (stop < text.len()).then(|| line_end_near(text, stop)).flatten() {
                    Some(e) => stop = (e + 1).min(text.len()),
                    None => break,
                }
            }
            let c = text[base..stop]
                .read_span(&SourceSpan::new((start - base).into(), span.len()), before, after)
                .ok()?;
            let data_start = base + c.span().offset();
            // miette counts columns in bytes; the contract counts Unicode code points.
            let data_column = if data_start == start {
                column
            } else {
                let line_start = text[..data_start].rfind('\n').map_or(0, |i| i + 1);
                text[line_start..data_start].chars().count()
            };
            return Some(Box::new(MietteSpanContents::new_named(
                self.name.to_owned(),
                c.data(),
                SourceSpan::new(data_start.into(), c.span().len()),
                first_line + c.line(),
                data_column,
                first_line + c.line_count(),
            )));
        }
        // a long line: a window around the span, no context lines
        if text[start..end].contains('\n') {
            return None;
        }
        if before == 0 && after == 0 {
            return Some(Box::new(MietteSpanContents::new_named(
                self.name.to_owned(),
                &text.as_bytes()[start..end],
                *span,
                line,
                column,
                line + 1,
            )));
        }
        let ws = floor_boundary(text, ls.unwrap_or(0).max(start.saturating_sub(WINDOW)));
        let limit = (end + WINDOW).min(text.len());
        let we = match text.as_bytes()[end..limit].iter().position(|&b| b == b'\n') {
            Some(p) => end + p,
            None => ceil_boundary(text, limit),
        };
        Some(Box::new(MietteSpanContents::new_named(
            self.name.to_owned(),
            &text.as_bytes()[ws..we],
            SourceSpan::new(ws.into(), we - ws),
            line,
            column.saturating_sub(text[ws..start].chars().count()),
            line + 1,
        )))
    }

    /// The snippet of any span, found by reading the text from its start.
    fn read_anywhere<'a>(
        &'a self,
        span: &SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<Box<dyn miette::SpanContents<'a> + 'a>, miette::MietteError> {
        let c = self
            .text
            .read_span(span, context_lines_before, context_lines_after)?;
        // miette counts columns in bytes; the contract counts Unicode code points.
        let start = c.span().offset().min(self.text.len());
        let line_start = self.text[..start].rfind('\n').map_or(0, |i| i + 1);
        let column = self
            .text
            .get(line_start..start)
            .map_or(c.column(), |s| s.chars().count());
        Ok(Box::new(MietteSpanContents::new_named(
            self.name.to_owned(),
            c.data(),
            *c.span(),
            c.line(),
            column,
            c.line_count(),
        )))
    }
}

impl SourceCode for Source<'_> {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<Box<dyn miette::SpanContents<'a> + 'a>, miette::MietteError> {
        match self.read_near(span, context_lines_before, context_lines_after) {
            Some(c) => Ok(c),
            None => self.read_anywhere(span, context_lines_before, context_lines_after),
        }
    }
}

struct Item<'a> {
    d: &'a Diagnostic,
    src: &'a Source<'a>,
}

impl fmt::Debug for Item<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.d.message)
    }
}

impl fmt::Display for Item<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.d.message)
    }
}

impl std::error::Error for Item<'_> {}

impl miette::Diagnostic for Item<'_> {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        Some(Box::new(format!("{} {}", self.d.rule, self.d.name)))
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.d.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
            Severity::Info => miette::Severity::Advice,
        })
    }

    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.d.help.as_ref().map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        Some(self.src)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let (start, end) = self.d.span;
        // no longer than a short line (a value can fill a line of megabytes)
        let text = self.src.text;
        let end = if end > start + LONG_LINE && start + LONG_LINE <= text.len() {
            floor_boundary(text, start + LONG_LINE)
        } else {
            end
        };
        let label = if self.d.pointer.is_empty() {
            "here".to_owned()
        } else {
            self.d.pointer.clone()
        };
        Some(Box::new(std::iter::once(LabeledSpan::new(
            Some(label),
            start,
            end.saturating_sub(start),
        ))))
    }
}
