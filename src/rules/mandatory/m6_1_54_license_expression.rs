use crate::diag::Finding;
use crate::rules::Context;

declare_rule! {
    /// ## What it checks
    /// `/document/license_expression` is a valid SPDX license expression: the grammar (ABNF) of annex B
    /// of SPDX 3.0.1 with the restriction CSAF adds, that the `DocumentRef-` part must not be used.
    ///
    /// - Terms are license identifiers, `LicenseRef-<idstring>` and, after `WITH`, exception identifiers
    ///   or `AdditionRef-<idstring>`; an `<idstring>` has only letters, digits, `-` and `.`.
    /// - `+` directly follows a license identifier (not a `LicenseRef-`).
    /// - The operators are `AND`, `OR` and `WITH`, all in upper or all in lower case (SPDX matches
    ///   them case-sensitively); `WITH` follows a single license, and parentheses are balanced.
    /// - The prefixes `LicenseRef-`, `AdditionRef-` and `DocumentRef-` are written in exactly this case.
    /// - The expression is a single line.
    ///
    /// Whether an identifier exists is not checked here (that is 6.2.45); only an identifier from the
    /// SPDX lists used in the wrong place (an exception as a license, a license after `WITH`) fails.
    ///
    /// ## Why
    /// The license expression is read by tools that decide whether and how a document may be used; a
    /// license text or a malformed expression cannot be evaluated.
    ///
    /// ## Invalid
    /// ```json
    /// "license_expression": "This is a license text that should not be here."
    /// ```
    /// ## Valid
    /// ```json
    /// "license_expression": "CC-BY-4.0 OR LicenseRef-www.example.org-Example-CSAF-License-3.0"
    /// ```
    LicenseExpression, id = "6.1.54", name = "license-expression", group = Mandatory,
    summary = "the license expression is not a valid SPDX license expression",
    since = "2.1",
}

const POINTER: &str = "/document/license_expression";

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    let Some(expression) = cx.advisory.document.license_expression.as_deref() else {
        return;
    };
    let parsed = parse(expression);
    for term in parsed.terms.iter().filter(|t| t.document_ref) {
        out.push(
            Finding::new(
                META.id,
                POINTER,
                format!(
                    "`{}` uses a `DocumentRef-` part, which CSAF does not allow in a license expression",
                    term.text
                ),
            )
            .help("refer to the license with `LicenseRef-<license-inventoring-entity>-<id>` alone"),
        );
    }
    if let Err(e) = parsed.result {
        out.push(
            Finding::new(
                META.id,
                POINTER,
                format!("the license expression is not a valid SPDX license expression: {e}"),
            )
            .help(
                "write an SPDX license expression (annex B of SPDX 3.0.1), e.g. `CC-BY-4.0` or \
                 `LicenseRef-www.example.org-My-License-1.0`; put a license text into a document note \
                 (category `legal_disclaimer`, title `License`)",
            ),
        );
    }
}

/// What a term of a license expression refers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TermKind {
    /// A license identifier (`MIT`), listed or not.
    License,
    /// `LicenseRef-…`.
    LicenseRef,
    /// An exception identifier after `WITH`, listed or not.
    Exception,
    /// `AdditionRef-…`.
    AdditionRef,
}

/// A license or exception term of an expression.
#[derive(Debug, Clone)]
pub(crate) struct Term {
    /// The term as written, with any `DocumentRef-…:` part but without a trailing `+`.
    pub(crate) text: String,
    /// The identifier: the term without `DocumentRef-…:` and without the `LicenseRef-`/`AdditionRef-` prefix.
    pub(crate) id: String,
    pub(crate) kind: TermKind,
    /// The term has a `DocumentRef-…:` part.
    pub(crate) document_ref: bool,
}

/// The result of parsing: every term read (also when the expression is invalid further on) and
/// whether the expression is valid.
pub(crate) struct Parsed {
    pub(crate) terms: Vec<Term>,
    pub(crate) result: Result<(), String>,
}

/// Parses a license expression with the grammar of SPDX 3.0.1 annex B.
pub(crate) fn parse(text: &str) -> Parsed {
    let mut parser = Parser {
        tokens: Vec::new(),
        pos: 0,
        terms: Vec::new(),
    };
    let result = tokenize(text).and_then(|tokens| {
        parser.tokens = tokens;
        parser.expression()
    });
    Parsed {
        terms: parser.terms,
        result,
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Tok {
    Open,
    Close,
    /// `+`; `true` when whitespace precedes it.
    Plus(bool),
    And,
    Or,
    With,
    Word(String),
}

/// A token and the character offset it starts at.
type Spanned = (Tok, usize);

fn tokenize(text: &str) -> Result<Vec<Spanned>, String> {
    let chars: Vec<char> = text.chars().collect();
    let mut tokens = Vec::new();
    let mut i = 0;
    let mut space_before = false;
    while i < chars.len() {
        let c = chars[i];
        if c == '\n' || c == '\r' {
            return Err(format!(
                "it has a line break at position {}; a license expression is a single line",
                i + 1
            ));
        }
        if c.is_whitespace() {
            space_before = true;
            i += 1;
            continue;
        }
        let start = i;
        let tok = match c {
            '(' => {
                i += 1;
                Tok::Open
            }
            ')' => {
                i += 1;
                Tok::Close
            }
            '+' => {
                i += 1;
                Tok::Plus(space_before)
            }
            _ => {
                while i < chars.len() && !chars[i].is_whitespace() && !matches!(chars[i], '(' | ')' | '+') {
                    i += 1;
                }
                let word: String = chars[start..i].iter().collect();
                // operators are matched case-sensitively: all upper or all lower case
                match word.as_str() {
                    "AND" | "and" => Tok::And,
                    "OR" | "or" => Tok::Or,
                    "WITH" | "with" => Tok::With,
                    w if ["and", "or", "with"].iter().any(|op| w.eq_ignore_ascii_case(op)) => {
                        return Err(format!(
                            "the operator `{w}` at position {} must be written `{}` (or `{}`)",
                            start + 1,
                            w.to_ascii_uppercase(),
                            w.to_ascii_lowercase()
                        ));
                    }
                    _ => Tok::Word(word),
                }
            }
        };
        tokens.push((tok, start));
        space_before = false;
    }
    Ok(tokens)
}

struct Parser {
    tokens: Vec<Spanned>,
    pos: usize,
    terms: Vec<Term>,
}

impl Parser {
    fn peek(&self) -> Option<&Tok> {
        self.tokens.get(self.pos).map(|(t, _)| t)
    }

    fn describe_next(&self) -> String {
        match self.tokens.get(self.pos) {
            None => "the end of the expression".to_owned(),
            Some((t, at)) => format!("`{}` at position {}", show(t), at + 1),
        }
    }

    /// license-expression = compound-expression, then nothing.
    fn expression(&mut self) -> Result<(), String> {
        if self.tokens.is_empty() {
            return Err("the expression is empty".to_owned());
        }
        self.or_expression()?;
        match self.peek() {
            None => Ok(()),
            Some(Tok::Close) => Err(format!("{} closes no `(`", self.describe_next())),
            Some(_) => Err(format!(
                "expected `AND`, `OR` or `WITH`, found {}",
                self.describe_next()
            )),
        }
    }

    fn or_expression(&mut self) -> Result<(), String> {
        self.and_expression()?;
        while self.peek() == Some(&Tok::Or) {
            self.pos += 1;
            self.and_expression()?;
        }
        Ok(())
    }

    fn and_expression(&mut self) -> Result<(), String> {
        self.with_expression()?;
        while self.peek() == Some(&Tok::And) {
            self.pos += 1;
            self.with_expression()?;
        }
        Ok(())
    }

    /// `"(" compound ")"`, or a simple expression optionally followed by `WITH` and an addition.
    fn with_expression(&mut self) -> Result<(), String> {
        if self.peek() == Some(&Tok::Open) {
            let open_at = self.tokens[self.pos].1;
            self.pos += 1;
            self.or_expression()?;
            if self.peek() != Some(&Tok::Close) {
                return Err(format!(
                    "the `(` at position {} is not closed (found {})",
                    open_at + 1,
                    self.describe_next()
                ));
            }
            self.pos += 1;
            if self.peek() == Some(&Tok::With) {
                return Err(format!(
                    "{} must follow a single license, not a parenthesized expression",
                    self.describe_next()
                ));
            }
            return Ok(());
        }
        self.simple_expression()?;
        if self.peek() == Some(&Tok::With) {
            self.pos += 1;
            self.addition_expression()?;
        }
        Ok(())
    }

    /// simple-expression = license-id / license-id "+" / license-ref
    fn simple_expression(&mut self) -> Result<(), String> {
        let Some((Tok::Word(word), at)) = self.tokens.get(self.pos).cloned() else {
            return Err(format!(
                "expected a license or `(`, found {}",
                self.describe_next()
            ));
        };
        self.pos += 1;
        let term = term(&word, at, false)?;
        let kind = term.kind;
        let id = term.id.clone();
        self.terms.push(term);
        if kind == TermKind::License && is_listed_exception(&id) && !is_listed_license(&id) {
            return Err(format!(
                "`{word}` at position {} is a license exception, which can only follow `WITH`",
                at + 1
            ));
        }
        if let Some(Tok::Plus(space)) = self.peek().cloned() {
            let plus_at = self.tokens[self.pos].1;
            if kind != TermKind::License {
                return Err(format!(
                    "the `+` at position {} follows `{word}`; only a license identifier can be followed by `+`",
                    plus_at + 1
                ));
            }
            if space {
                return Err(format!(
                    "the `+` at position {} must directly follow the license identifier, without white space",
                    plus_at + 1
                ));
            }
            self.pos += 1;
        }
        Ok(())
    }

    /// addition-expression = license-exception-id / addition-ref
    fn addition_expression(&mut self) -> Result<(), String> {
        let Some((Tok::Word(word), at)) = self.tokens.get(self.pos).cloned() else {
            return Err(format!(
                "expected a license exception after `WITH`, found {}",
                self.describe_next()
            ));
        };
        self.pos += 1;
        let term = term(&word, at, true)?;
        let (kind, id) = (term.kind, term.id.clone());
        self.terms.push(term);
        if kind == TermKind::Exception && is_listed_license(&id) && !is_listed_exception(&id) {
            return Err(format!(
                "`{word}` at position {} is a license, not a license exception, and cannot follow `WITH`",
                at + 1
            ));
        }
        if let Some((Tok::Plus(_), plus_at)) = self.tokens.get(self.pos) {
            return Err(format!(
                "the `+` at position {} follows the exception `{word}`; only a license identifier can be followed by `+`",
                plus_at + 1
            ));
        }
        Ok(())
    }
}

fn show(t: &Tok) -> String {
    match t {
        Tok::Open => "(".to_owned(),
        Tok::Close => ")".to_owned(),
        Tok::Plus(_) => "+".to_owned(),
        Tok::And => "AND".to_owned(),
        Tok::Or => "OR".to_owned(),
        Tok::With => "WITH".to_owned(),
        Tok::Word(w) => w.clone(),
    }
}

/// idstring = 1*(ALPHA / DIGIT / "-" / ".")
fn idstring(s: &str) -> bool {
    !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '.')
}

/// Reads a term: `[DocumentRef-<idstring>:]LicenseRef-<idstring>` (or `AdditionRef-` after `WITH`),
/// or an identifier.
fn term(word: &str, at: usize, addition: bool) -> Result<Term, String> {
    let position = at + 1;
    let (doc, rest) = match word.split_once(':') {
        Some((doc, rest)) => (Some(doc), rest),
        None => (None, word),
    };
    if let Some(doc) = doc {
        let id = strip_prefix_exact(doc, "DocumentRef-", position)?.ok_or_else(|| {
            format!("`{word}` at position {position} has a `:` that does not follow `DocumentRef-<id>`")
        })?;
        if !idstring(id) {
            return Err(invalid_characters(word, id, position));
        }
    }
    let (reference, other) = if addition {
        ("AdditionRef-", "LicenseRef-")
    } else {
        ("LicenseRef-", "AdditionRef-")
    };
    if let Some(id) = strip_prefix_exact(rest, reference, position)? {
        if !idstring(id) {
            return Err(invalid_characters(word, id, position));
        }
        return Ok(Term {
            text: word.to_owned(),
            id: id.to_owned(),
            kind: if addition {
                TermKind::AdditionRef
            } else {
                TermKind::LicenseRef
            },
            document_ref: doc.is_some(),
        });
    }
    if strip_prefix_exact(rest, other, position)?.is_some() {
        return Err(if addition {
            format!("`{word}` at position {position} refers to a license where a license exception (`AdditionRef-`) belongs")
        } else {
            format!("`{word}` at position {position} refers to an addition, which can only follow `WITH`")
        });
    }
    if doc.is_some() {
        return Err(format!(
            "`{word}` at position {position}: `DocumentRef-<id>:` must be followed by `{reference}<id>`"
        ));
    }
    strip_prefix_exact(rest, "DocumentRef-", position)?;
    if !idstring(rest) {
        return Err(invalid_characters(word, rest, position));
    }
    Ok(Term {
        text: word.to_owned(),
        id: rest.to_owned(),
        kind: if addition {
            TermKind::Exception
        } else {
            TermKind::License
        },
        document_ref: false,
    })
}

/// `Some(rest)` when `s` starts with `prefix` exactly; an error when it starts with it in another case.
fn strip_prefix_exact<'a>(s: &'a str, prefix: &str, position: usize) -> Result<Option<&'a str>, String> {
    if let Some(rest) = s.strip_prefix(prefix) {
        return Ok(Some(rest));
    }
    match s.get(..prefix.len()) {
        Some(head) if head.eq_ignore_ascii_case(prefix) => Err(format!(
            "`{s}` at position {position} starts with `{head}`; the prefix must be written `{prefix}`"
        )),
        _ => Ok(None),
    }
}

fn invalid_characters(word: &str, id: &str, position: usize) -> String {
    match id.chars().find(|c| !(c.is_ascii_alphanumeric() || *c == '-' || *c == '.')) {
        Some(c) => format!(
            "`{word}` at position {position} contains `{c}`; identifiers consist of letters, digits, `-` and `.` only"
        ),
        None => format!("`{word}` at position {position} has an empty identifier"),
    }
}

/// The identifier is on the SPDX License List (case-insensitively, as SPDX matches identifiers).
pub(crate) fn is_listed_license(id: &str) -> bool {
    spdx::identifiers::LICENSES
        .iter()
        .any(|l| l.name.eq_ignore_ascii_case(id))
}

/// The identifier is on the SPDX License Exceptions List (case-insensitively).
pub(crate) fn is_listed_exception(id: &str) -> bool {
    spdx::identifiers::EXCEPTIONS
        .iter()
        .any(|e| e.name.eq_ignore_ascii_case(id))
}

#[cfg(test)]
mod tests {
    use super::parse;

    fn valid(s: &str) -> bool {
        parse(s).result.is_ok()
    }

    #[test]
    fn grammar() {
        for ok in [
            "CC-BY-4.0",
            "MIT OR any-OSI",
            "LicenseRef-www.example.org-Example-CSAF-License-3.0",
            "A.SPDX-License-ID-that.technically.could.exist-but-obviously-does-not",
            "(MIT OR Apache-2.0) AND LicenseRef-x",
            "GPL-2.0-only WITH Classpath-exception-2.0",
            "Apache-2.0+",
            "Unknown-1.0+ WITH AdditionRef-y",
            "MIT AND (Apache-2.0 OR (BSD-3-Clause AND ISC))",
            "MIT and Apache-2.0 with LLVM-exception",
        ] {
            assert!(valid(ok), "{ok} should be valid: {:?}", parse(ok).result);
        }
        for bad in [
            "",
            "This is a license text that should not be here.",
            "LicenseRef-www.example.org-Example-CSAF-License-3.0+",
            "LicenseRef-www.example.org/Example-CSAF-License-3.0",
            "LicenseRef-www.example.org%20Example-CSAF-License-3.0",
            "LicenseRef-www.example.org#Example-CSAF-License-3.0",
            "licenseref-www.example.org-Example-CSAF-License-3.0",
            "licenseREF-www.example.org-Example-CSAF-License-3.0",
            "MIT And Apache-2.0",
            "MIT AND",
            "(MIT",
            "MIT)",
            "MIT +",
            "(MIT) WITH Classpath-exception-2.0",
            "Apache-2.0 WITH MIT",
            "Classpath-exception-2.0",
            "MIT WITH LicenseRef-x",
            "LicenseRef-",
            "MIT OR\nApache-2.0",
        ] {
            assert!(!valid(bad), "{bad} should be invalid");
        }
    }

    #[test]
    fn document_ref_is_read_but_flagged() {
        let p =
            parse("DocumentRef-some-document-reference:LicenseRef-www.example.org-Example-CSAF-License-2.0");
        assert!(p.result.is_ok());
        assert!(p.terms[0].document_ref);
    }
}
