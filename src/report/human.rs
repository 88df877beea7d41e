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

    fn document(&mut self, out: &mut dyn Write, report: &Report) -> io::Result<()> {
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

    /// With more than one document, the summary tables (diagnostics per rule, per publisher, the
    /// slowest files) come before the summary line.
    fn end(&mut self, out: &mut dyn Write, s: &Summary) -> io::Result<()> {
        if s.documents > 1 {
            super::summary::write_tables(out, s)?;
        }
        super::summary::write_line(out, s)
    }
}

struct Source<'a> {
    name: &'a str,
    text: &'a str,
}

impl SourceCode for Source<'_> {
    fn read_span<'a>(
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
