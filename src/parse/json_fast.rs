//! A byte-level JSON parser for the usual document: it builds the same `serde_json::Value` as the
//! serde path ([`super::json_value::parse`]) and records where every value lies in the text, so that
//! the diagnostics' pointers are located by lookups ([`Positions::locate`]) instead of a second scan
//! of the text ([`super::span::locate_json`]).
//!
//! It decides nothing about unusual input: on anything it is not sure of (a syntax error, a
//! duplicated key, a lone surrogate, nesting deeper than [`MAX_DEPTH`], a number serde_json does not
//! take, a text too long for `u32` offsets) it gives up and returns `None`, and the serde path runs as
//! before — so errors, duplicate keys and their messages stay serde_json's. Whatever it accepts,
//! serde_json accepts too, with an equal value (key order and number text included): tests compare
//! the two on every document at hand and on thousands of damaged ones.

use super::json_value::NUMBER_TOKEN;
use super::span::{array_index, reused_segments, skip_ws, Span};
use serde_json::{Map, Number, Value};
use std::borrow::Cow;
use std::collections::HashMap;
use std::str::FromStr;

/// Containers nested deeper than this make the parser give up (serde_json's limit is 128; CSAF
/// documents nest a few dozen levels at most).
const MAX_DEPTH: usize = 96;

/// Where each value of a parsed document lies in its text.
///
/// Values are numbered in document order (pre-order: a container before its children), the root
/// being 0. Two `u32` per value and one per child keep it small next to the `Value` itself (which
/// takes several times the text's size).
#[derive(Debug, Clone)]
pub struct Positions {
    /// Per value: its first byte, then, for a scalar, one past its last byte, for a container, where
    /// its block in `kids` begins.
    nodes: Vec<[u32; 2]>,
    /// Per container, a block: one past its closing bracket, then its children's numbers in document
    /// order (so the `i`-th item or member is one lookup away).
    kids: Vec<u32>,
}

/// Parses `text` as JSON that holds no duplicated key, or gives up (see the module's notes).
pub fn parse(text: &str) -> Option<(Value, Positions)> {
    // offsets and block indexes are u32; `kids` holds at most 1.5 entries per byte
    if text.len() >= (u32::MAX / 2) as usize {
        return None;
    }
    let mut p = Parser {
        text,
        bytes: text.as_bytes(),
        pos: 0,
        // about one value per 24 bytes of pretty-printed CSAF
        nodes: Vec::with_capacity(text.len() / 24 + 4),
        kids: Vec::with_capacity(text.len() / 24 + 4),
        values: Vec::new(),
        keys: Vec::new(),
        open_kids: Vec::new(),
    };
    p.skip_ws();
    let root = p.value(0)?;
    p.skip_ws();
    if p.pos != p.bytes.len() {
        return None;
    }
    Some((
        root,
        Positions {
            nodes: p.nodes,
            kids: p.kids,
        },
    ))
}

struct Parser<'a> {
    text: &'a str,
    bytes: &'a [u8],
    pos: usize,
    nodes: Vec<[u32; 2]>,
    kids: Vec<u32>,
    /// The finished children of the open containers (each container takes its own off the top when
    /// it closes, into a list or map of exactly their number).
    values: Vec<Value>,
    /// The keys of the open objects' finished members.
    keys: Vec<String>,
    /// The numbers of the open containers' children.
    open_kids: Vec<u32>,
}

impl Parser<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    /// Skips JSON white space (space, tab, line feed, carriage return: nothing else).
    fn skip_ws(&mut self) {
        self.pos = skip_ws(self.bytes, self.pos);
    }

    /// After a member or an item: `Some(true)` past a `,` (another one follows), `Some(false)` past
    /// the `close` bracket, `None` (give up) on anything else.
    fn more(&mut self, close: u8) -> Option<bool> {
        self.skip_ws();
        match self.peek()? {
            b',' => {
                self.pos += 1;
                self.skip_ws();
                Some(true)
            }
            b if b == close => {
                self.pos += 1;
                Some(false)
            }
            _ => None,
        }
    }

    /// The value at `pos` (which is not white space), at nesting `depth` (the root's is 0).
    fn value(&mut self, depth: usize) -> Option<Value> {
        let start = self.pos;
        let id = self.nodes.len();
        self.nodes.push([start as u32, 0]);
        let value = match *self.bytes.get(start)? {
            b'"' => Value::String(self.string()?),
            b'{' => return self.object(id, depth),
            b'[' => return self.array(id, depth),
            b't' => self.literal(b"true", Value::Bool(true))?,
            b'f' => self.literal(b"false", Value::Bool(false))?,
            b'n' => self.literal(b"null", Value::Null)?,
            b'-' | b'0'..=b'9' => self.number()?,
            _ => return None,
        };
        self.nodes[id][1] = self.pos as u32;
        Some(value)
    }

    fn literal(&mut self, word: &[u8], value: Value) -> Option<Value> {
        if self.bytes[self.pos..].starts_with(word) {
            self.pos += word.len();
            Some(value)
        } else {
            None
        }
    }

    /// A number: the longest run of bytes a number can hold, which serde_json's own `Number` parser
    /// must take whole — so the number's text is serde_json's (`1E5` becomes `1e+5`, `-0` stays).
    fn number(&mut self) -> Option<Value> {
        let start = self.pos;
        let mut end = start;
        while self
            .bytes
            .get(end)
            .is_some_and(|b| matches!(b, b'0'..=b'9' | b'-' | b'+' | b'.' | b'e' | b'E'))
        {
            end += 1;
        }
        self.pos = end;
        Number::from_str(&self.text[start..end]).ok().map(Value::Number)
    }

    /// The string whose opening quote is at `pos`, unescaped.
    fn string(&mut self) -> Option<String> {
        let start = self.pos + 1;
        let end = plain_run(self.bytes, start);
        match *self.bytes.get(end)? {
            b'"' => {
                self.pos = end + 1;
                // `start` and `end` are next to ASCII bytes: character boundaries
                Some(self.text[start..end].to_owned())
            }
            b'\\' => self.escaped_string(start, end),
            // a control character
            _ => None,
        }
    }

    /// The rest of a string from its first escape at `at` (its text starts at `start`).
    fn escaped_string(&mut self, start: usize, mut at: usize) -> Option<String> {
        let mut out = String::with_capacity(at - start + 16);
        out.push_str(&self.text[start..at]);
        loop {
            match *self.bytes.get(at)? {
                b'"' => {
                    self.pos = at + 1;
                    return Some(out);
                }
                b'\\' => {
                    let c = match *self.bytes.get(at + 1)? {
                        b'"' => '"',
                        b'\\' => '\\',
                        b'/' => '/',
                        b'b' => '\u{8}',
                        b'f' => '\u{c}',
                        b'n' => '\n',
                        b'r' => '\r',
                        b't' => '\t',
                        b'u' => {
                            let (c, len) = self.unicode_escape(at)?;
                            out.push(c);
                            at += len;
                            let end = plain_run(self.bytes, at);
                            out.push_str(&self.text[at..end]);
                            at = end;
                            continue;
                        }
                        _ => return None,
                    };
                    out.push(c);
                    at += 2;
                }
                // a control character
                _ => return None,
            }
            let end = plain_run(self.bytes, at);
            out.push_str(&self.text[at..end]);
            at = end;
        }
    }

    /// The character of the `\u` escape at `at`, and the bytes it takes: a surrogate must be a
    /// leading one followed by an escaped trailing one (serde_json rejects lone surrogates in text).
    fn unicode_escape(&self, at: usize) -> Option<(char, usize)> {
        let n = hex4(self.bytes.get(at + 2..at + 6)?)?;
        match n {
            0xD800..=0xDBFF => {
                if self.bytes.get(at + 6..at + 8)? != b"\\u" {
                    return None;
                }
                let low = hex4(self.bytes.get(at + 8..at + 12)?)?;
                if !(0xDC00..=0xDFFF).contains(&low) {
                    return None;
                }
                let c = 0x10000 + ((n - 0xD800) << 10) + (low - 0xDC00);
                Some((char::from_u32(c)?, 12))
            }
            0xDC00..=0xDFFF => None,
            _ => Some((char::from_u32(n)?, 6)),
        }
    }

    fn object(&mut self, id: usize, depth: usize) -> Option<Value> {
        if depth >= MAX_DEPTH {
            return None;
        }
        self.pos += 1;
        let (values, keys, kids) = (self.values.len(), self.keys.len(), self.open_kids.len());
        self.skip_ws();
        if self.peek() == Some(b'}') {
            self.pos += 1;
        } else {
            loop {
                if self.peek() != Some(b'"') {
                    return None;
                }
                let key = self.string()?;
                if key == NUMBER_TOKEN && self.keys.len() == keys {
                    // serde_json hands numbers to a visitor as an object with this first key, so the
                    // serde path reads such an object (with a string) as a number: left to it
                    return None;
                }
                self.skip_ws();
                if self.peek() != Some(b':') {
                    return None;
                }
                self.pos += 1;
                self.skip_ws();
                self.open_kids.push(self.nodes.len() as u32);
                let value = self.value(depth + 1)?;
                self.keys.push(key);
                self.values.push(value);
                if !self.more(b'}')? {
                    break;
                }
            }
        }
        let mut map = Map::with_capacity(self.keys.len() - keys);
        for (key, value) in self.keys.drain(keys..).zip(self.values.drain(values..)) {
            if map.insert(key, value).is_some() {
                // a duplicated key: the serde path reports it
                return None;
            }
        }
        self.close(id, kids);
        Some(Value::Object(map))
    }

    fn array(&mut self, id: usize, depth: usize) -> Option<Value> {
        if depth >= MAX_DEPTH {
            return None;
        }
        self.pos += 1;
        let (values, kids) = (self.values.len(), self.open_kids.len());
        self.skip_ws();
        if self.peek() == Some(b']') {
            self.pos += 1;
        } else {
            loop {
                self.open_kids.push(self.nodes.len() as u32);
                let value = self.value(depth + 1)?;
                self.values.push(value);
                if !self.more(b']')? {
                    break;
                }
            }
        }
        let items: Vec<Value> = self.values.drain(values..).collect();
        self.close(id, kids);
        Some(Value::Array(items))
    }

    /// Records the block of container `id` (whose closing bracket is just before `pos`), whose
    /// children's numbers are `open_kids[kids..]`.
    fn close(&mut self, id: usize, kids: usize) {
        self.nodes[id][1] = self.kids.len() as u32;
        self.kids.push(self.pos as u32);
        self.kids.extend(self.open_kids.drain(kids..));
    }
}

/// The value of four hex digits (either case).
fn hex4(digits: &[u8]) -> Option<u32> {
    digits
        .iter()
        .try_fold(0u32, |n, &d| Some(n * 16 + (d as char).to_digit(16)?))
}

/// The first byte at or after `i` that ends a string's plain run: a quote, a backslash or a control
/// character (the text's length when there is none). Eight bytes at a time: the lowest flagged byte
/// of each test is exact (the borrows that flag bytes wrongly only run upwards from a true one).
fn plain_run(bytes: &[u8], mut i: usize) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    while let Some(chunk) = bytes.get(i..i + 8) {
        let w = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
        let quote = w ^ (ONES * u64::from(b'"'));
        let backslash = w ^ (ONES * u64::from(b'\\'));
        let flagged = (quote.wrapping_sub(ONES) & !quote)
            | (backslash.wrapping_sub(ONES) & !backslash)
            | (w.wrapping_sub(ONES * 0x20) & !w);
        let flagged = flagged & HIGH;
        if flagged != 0 {
            return i + (flagged.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while bytes
        .get(i)
        .is_some_and(|&b| b != b'"' && b != b'\\' && b >= 0x20)
    {
        i += 1;
    }
    i
}

/// Objects with more members than this get a key index when a pointer goes into them (fewer are
/// searched linearly, which costs less than hashing).
const FEW_MEMBERS: usize = 16;

impl Positions {
    /// The span of value `node` (which is `value`).
    fn span(&self, node: u32, value: &Value) -> Span {
        let [start, x] = self.nodes[node as usize];
        let end = match value {
            Value::Object(_) | Value::Array(_) => self.kids[x as usize],
            _ => x,
        };
        Span {
            start: start as usize,
            end: end as usize,
        }
    }

    /// The number of the `i`-th child of container `node`.
    fn child(&self, node: u32, i: usize) -> u32 {
        self.kids[self.nodes[node as usize][1] as usize + 1 + i]
    }

    /// The spans of `pointers` in the document `root` was parsed from (with these positions), as
    /// [`super::span::locate_json`] gives them: a pointer that does not exist maps to its longest
    /// existing ancestor; the part before the first `/` is not a segment; a member matches when its
    /// key, `~`-escaped, is the segment; an item when the segment is its index without leading zeros.
    ///
    /// Each segment costs one lookup, never a walk over the siblings (objects of many members get a
    /// key index on the first pointer into them), and the segments a pointer shares with the one
    /// before it are not looked up again (a rule reports the items of one list one after the other).
    #[inline(never)]
    pub fn locate(&self, root: &Value, pointers: &[&str]) -> Vec<Span> {
        let mut indexes: HashMap<u32, HashMap<&str, (usize, &Value)>> = HashMap::new();
        // the previous pointer, and the values its segments led to, with the offset where each
        // segment ends in it
        let mut prev: &str = "";
        let mut path: Vec<(usize, u32, &Value)> = Vec::new();
        pointers
            .iter()
            .map(|&p| {
                path.truncate(reused_segments(&path, |&(end, _, _)| end, prev, p));
                prev = p;
                let (from, mut node, mut value) = path.last().copied().unwrap_or((0, 0, root));
                let bytes = p.as_bytes();
                // what comes before the first separator is not a segment
                let mut at = memchr::memchr(b'/', &bytes[from..]).map_or(p.len(), |i| from + i);
                while at < p.len() {
                    let start = at + 1;
                    let end = memchr::memchr(b'/', &bytes[start..]).map_or(p.len(), |i| start + i);
                    let seg = &p[start..end];
                    let found = match value {
                        Value::Object(map) => unescape(seg).and_then(|key| {
                            if map.len() <= FEW_MEMBERS {
                                map.values()
                                    .enumerate()
                                    .zip(map.keys())
                                    .find(|(_, k)| **k == *key)
                                    .map(|(found, _)| found)
                            } else {
                                let index = indexes.entry(node).or_insert_with(|| {
                                    map.iter()
                                        .enumerate()
                                        .map(|(i, (k, v))| (k.as_str(), (i, v)))
                                        .collect()
                                });
                                index.get(&*key).copied()
                            }
                        }),
                        Value::Array(items) => array_index(seg).and_then(|i| Some((i, items.get(i)?))),
                        _ => None,
                    };
                    let Some((i, child)) = found else { break };
                    node = self.child(node, i);
                    value = child;
                    path.push((end, node, value));
                    at = end;
                }
                self.span(node, value)
            })
            .collect()
    }
}

/// The key a pointer segment names (`~0` → `~`, `~1` → `/`); `None` when a `~` is followed by
/// anything else (no key escapes to such a segment).
fn unescape(seg: &str) -> Option<Cow<'_, str>> {
    if memchr::memchr(b'~', seg.as_bytes()).is_none() {
        return Some(Cow::Borrowed(seg));
    }
    let mut out = String::with_capacity(seg.len());
    let mut chars = seg.chars();
    while let Some(c) = chars.next() {
        match c {
            '~' => match chars.next() {
                Some('0') => out.push('~'),
                Some('1') => out.push('/'),
                _ => return None,
            },
            c => out.push(c),
        }
    }
    Some(Cow::Owned(out))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::json_value;

    /// The fast parser's value and the serde path's, as text (which shows key order and number text,
    /// unlike `Value`'s `==`, for which objects are equal in any order).
    fn both(text: &str) -> (Option<String>, Option<String>) {
        let fast = parse(text).map(|(v, _)| serde_json::to_string(&v).unwrap());
        let serde = json_value::parse(text)
            .ok()
            .filter(|(_, dups)| dups.is_empty())
            .map(|(v, _)| serde_json::to_string(&v).unwrap());
        (fast, serde)
    }

    /// Taken, with the value the serde path gives.
    #[track_caller]
    fn takes(text: &str) -> String {
        let (fast, serde) = both(text);
        assert!(fast.is_some(), "gave up on {text:?}");
        assert_eq!(fast, serde, "{text:?}");
        fast.unwrap()
    }

    /// Given up on (whether or not serde_json takes it).
    #[track_caller]
    fn gives_up(text: &str) {
        assert!(parse(text).is_none(), "took {text:?}");
    }

    #[test]
    fn numbers_are_serde_json_numbers() {
        for (text, shown) in [
            ("0", "0"),
            ("-0", "-0"),
            ("1e5", "1e+5"),
            ("1E+5", "1e+5"),
            ("1e-5", "1e-5"),
            ("0.5", "0.5"),
            ("-0.0", "-0.0"),
            ("6.30", "6.30"),
            ("2e99999", "2e+99999"),
            ("18446744073709551615", "18446744073709551615"),
            ("18446744073709551616", "18446744073709551616"),
            ("-9223372036854775808", "-9223372036854775808"),
            ("-9223372036854775809", "-9223372036854775809"),
            (
                "123456789012345678901234567890.5e-7",
                "123456789012345678901234567890.5e-7",
            ),
        ] {
            assert_eq!(takes(&format!("[{text}]")), format!("[{shown}]"));
            assert_eq!(takes(text), shown);
        }
        for text in [
            "01",
            "-01",
            "1.",
            ".5",
            "+1",
            "1e",
            "1e+",
            "-",
            "--1",
            "1.5.3",
            "1e5e5",
            "0x10",
            "1 2",
            "NaN",
            "Infinity",
            "-Infinity",
            "1_000",
            "[1,]",
            "[01]",
            "[1.e5]",
            "[1-2]",
        ] {
            gives_up(text);
            gives_up(&format!("{{\"a\": {text}}}"));
        }
    }

    #[test]
    fn strings_and_escapes() {
        assert_eq!(
            takes(r#"["a\"b\\c\/d\b\f\n\r\t", "\u00e9\u20AC\uD83D\uDE00x", "é€😀", "\u0000", ""]"#),
            "[\"a\\\"b\\\\c/d\\b\\f\\n\\r\\t\",\"é€😀x\",\"é€😀\",\"\\u0000\",\"\"]"
        );
        // long strings (the eight-byte steps) with an escape or a quote at every offset of a step
        for n in 0..20 {
            let pad = "x".repeat(n);
            takes(&format!(
                "[\"{pad}\\n{pad}\", \"{pad}\", \"{pad}\\u00e9{pad}\\\"\"]"
            ));
            gives_up(&format!("[\"{pad}\u{1}{pad}\"]"));
            gives_up(&format!("[\"{pad}\t\"]"));
            gives_up(&format!("[\"{pad}"));
        }
        // bytes just outside the tested classes are plain text
        takes("[\"\u{7f} !#[]{}~ÿ\u{80}\"]");
        for bad in [
            r#"["\ud800"]"#,
            r#"["\udc00"]"#,
            r#"["\ud800x"]"#,
            r#"["\ud800\n"]"#,
            r#"["\ud800\ud800"]"#,
            r#"["\ud800\u0041"]"#,
            r#"["\udc00\ud800"]"#,
            r#"["\u12"]"#,
            r#"["\u12g4"]"#,
            r#"["\x41"]"#,
            r#"["\'"]"#,
            r#"["\"]"#,
            "[\"a\nb\"]",
            "[\"\u{0}\"]",
            "[\"\u{1f}\"]",
            "['a']",
        ] {
            gives_up(bad);
        }
        // upper- and lower-case hex digits in a pair
        assert_eq!(takes(r#"["\uD83d\udE00"]"#), "[\"😀\"]");
    }

    #[test]
    fn structure() {
        takes("{}");
        takes("[]");
        takes(" \t\r\n{ \"a\" : [ ] , \"b\" :{ } ,\"c\":[{},[],\"\"]}\n\r\t ");
        takes("{\n        \"a\": 1,\n                \"b\": [\n                        true, false, null]}");
        takes("\"top\"");
        takes("true");
        takes("null");
        // keys keep their order, in nested objects too
        assert_eq!(
            takes(r#"{"z": 1, "a": {"y": 2, "b": 3}, "m": []}"#),
            r#"{"z":1,"a":{"y":2,"b":3},"m":[]}"#
        );
        for bad in [
            "",
            " ",
            "{",
            "}",
            "[",
            "{\"a\"}",
            "{\"a\" 1}",
            "{\"a\":}",
            "{,}",
            "{\"a\":1,}",
            "[,1]",
            "[1,,2]",
            "[1 2]",
            "{\"a\":1 \"b\":2}",
            "{1:2}",
            "{a:1}",
            "[tru]",
            "[nul]",
            "[True]",
            "[truee]",
            "{} {}",
            "{}x",
            "{}\u{0}",
            "{}\u{a0}",
            "\u{feff}{}",
            "\u{a0}{}",
            "\u{b}{}",
            "{}\u{c}",
            "[1]//",
            "/*x*/[1]",
            "[\"a\"\"b\"]",
            "[nulltrue]",
            "{\"a\":1}}",
            "[1]]",
        ] {
            gives_up(bad);
        }
    }

    #[test]
    fn duplicated_keys_are_left_to_the_serde_path() {
        gives_up(r#"{"a": 1, "a": 1}"#);
        gives_up(r#"{"b": {"a": 1, "c": 2, "a": 3}}"#);
        // equal after unescaping
        gives_up(r#"{"a": 1, "\u0061": 2}"#);
        takes(r#"{"a": {"a": 1}, "b": [{"a": 1}, {"a": 2}]}"#);
    }

    /// serde_json's private number token as an object's first key is left to the serde path, which
    /// reads the object as a number (or fails); elsewhere in an object it is an ordinary key.
    #[test]
    fn the_number_token_is_left_to_the_serde_path() {
        let (serde, _) = json_value::parse(r#"{"a": {"$serde_json::private::Number": "1.5"}}"#).unwrap();
        assert!(serde["a"].is_number());
        gives_up(r#"{"a": {"$serde_json::private::Number": "1.5"}}"#);
        gives_up(r#"{"$serde_json::private::Number": "1.5"}"#);
        gives_up(r#"[{"$serde_json::private::Number": 1}]"#);
        takes(r#"{"a": 1, "$serde_json::private::Number": "1.5"}"#);
    }

    #[test]
    fn nesting_up_to_the_limit() {
        let nested = |n: usize| format!("{}1{}", "[".repeat(n), "]".repeat(n));
        takes(&nested(MAX_DEPTH));
        gives_up(&nested(MAX_DEPTH + 1));
        let objects = |n: usize| format!("{}1{}", "{\"a\":".repeat(n), "}".repeat(n));
        takes(&objects(MAX_DEPTH));
        gives_up(&objects(MAX_DEPTH + 1));
        // far beyond: no stack overflow
        gives_up(&"[".repeat(1_000_000));
    }

    /// Every value's span is the text of the value.
    #[test]
    fn spans_are_the_values_text() {
        let text = "{\"a\": [1, -2.5e3, \"x\\\"y\", {\"b\": null}], \"c~/\": {}, \"\": true, \"d\": []}";
        let (root, positions) = parse(text).unwrap();
        let pointers = [
            "", "/a", "/a/0", "/a/1", "/a/2", "/a/3", "/a/3/b", "/c~0~1", "/", "/d",
        ];
        let got: Vec<&str> = positions
            .locate(&root, &pointers)
            .iter()
            .map(|s| &text[s.start..s.end])
            .collect();
        assert_eq!(
            got,
            [
                text,
                "[1, -2.5e3, \"x\\\"y\", {\"b\": null}]",
                "1",
                "-2.5e3",
                "\"x\\\"y\"",
                "{\"b\": null}",
                "null",
                "{}",
                "true",
                "[]"
            ]
        );
    }

    #[test]
    fn pointers_that_go_nowhere_stop_at_their_last_value() {
        let text = "  {\"a\": [10, 11], \"b\": \"s\", \"~1\": 5}  ";
        let (root, positions) = parse(text).unwrap();
        let pointers = [
            "/a/2", "/a/01", "/a/-", "/a/1/x", "/b/0", "/x/y", "/~2", "/~", "/~01", "/~1", "a/0", "", "/a/",
            "/a//",
        ];
        let got: Vec<&str> = positions
            .locate(&root, &pointers)
            .iter()
            .map(|s| &text[s.start..s.end])
            .collect();
        let whole = text.trim();
        assert_eq!(
            got,
            [
                "[10, 11]", "[10, 11]", "[10, 11]", "11", "\"s\"", whole, whole, whole, "5", whole, whole,
                whole, "[10, 11]", "[10, 11]"
            ]
        );
        // and the same as the scan of the text
        let scanned = crate::parse::span::locate_json(text, &pointers, false);
        assert_eq!(positions.locate(&root, &pointers), scanned);
    }

    /// Objects of many members are searched through an index; keys that need escaping among them.
    #[test]
    fn many_members() {
        let members: Vec<String> = (0..100).map(|i| format!("\"k/{i}~\": [{i}]")).collect();
        let text = format!("{{{}}}", members.join(", "));
        let (root, positions) = parse(&text).unwrap();
        let pointers: Vec<String> = (0..100).rev().map(|i| format!("/k~1{i}~0/0")).collect();
        let refs: Vec<&str> = pointers.iter().map(String::as_str).collect();
        let spans = positions.locate(&root, &refs);
        for (i, s) in (0..100).rev().zip(&spans) {
            assert_eq!(&text[s.start..s.end], i.to_string());
        }
    }
}
