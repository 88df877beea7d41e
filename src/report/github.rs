//! `--format github`: GitHub Actions workflow commands, one per diagnostic, which the runner turns into
//! annotations on the pull request and in the job summary.

use super::{Renderer, Summary};
use crate::diag::Severity;
use crate::validate::Report;
use std::io::{self, Write};

/// `::error file=PATH,line=L,col=C,title=RULE NAME::MESSAGE` per diagnostic (`::warning` and
/// `::notice` for the other severities), then the summary line as plain log text.
#[derive(Debug, Default)]
pub struct GitHub;

impl Renderer for GitHub {
    fn begin(&mut self, _out: &mut dyn Write) -> io::Result<()> {
        Ok(())
    }

    fn render(&self, report: &Report, out: &mut Vec<u8>) -> io::Result<()> {
        for d in &report.diagnostics {
            let command = match d.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Info => "notice",
            };
            writeln!(
                out,
                "::{command} file={},line={},col={},title={}::{}",
                property(&report.path),
                d.line,
                d.column,
                property(&format!("{} {}", d.rule, d.name)),
                data(&d.message)
            )?;
        }
        Ok(())
    }

    fn end(&mut self, out: &mut dyn Write, summary: &Summary) -> io::Result<()> {
        super::summary::write_line(out, summary)
    }
}

/// Escapes a command's message as the Actions toolkit does (`escapeData`): `%`, CR and LF.
fn data(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '%' => out.push_str("%25"),
            '\r' => out.push_str("%0D"),
            '\n' => out.push_str("%0A"),
            c => out.push(c),
        }
    }
    out
}

/// Escapes a command property's value (`escapeProperty`): as [`data`], plus `:` and `,`.
fn property(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '%' => out.push_str("%25"),
            '\r' => out.push_str("%0D"),
            '\n' => out.push_str("%0A"),
            ':' => out.push_str("%3A"),
            ',' => out.push_str("%2C"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_like_the_actions_toolkit() {
        assert_eq!(data("50% of a:b,c\r\nnext"), "50%25 of a:b,c%0D%0Anext");
        assert_eq!(property("C:\\x,y%\n"), "C%3A\\x%2Cy%25%0A");
    }
}
