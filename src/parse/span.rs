//! Maps JSON pointers to byte ranges of the source text, and byte offsets to line:column.
//!
//! Built only for documents that have diagnostics, and only for the pointers they name.

use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;

type Fast = foldhash::fast::RandomState;

/// A byte range in the source.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

/// Line starts of a text, to turn byte offsets into 1-based line and column (in code points).
#[derive(Debug)]
pub struct LineIndex<'a> {
    text: &'a str,
    starts: Vec<usize>,
    /// Code points that start before each byte offset `k * CHUNK`, so that a column on a long line
    /// (minified documents are one line of megabytes) costs at most `CHUNK` bytes of counting.
    /// Built on first use: columns on short lines are counted directly.
    chars_before: std::sync::OnceLock<Vec<usize>>,
}

/// Bytes between two entries of [`LineIndex::chars_before`].
const CHUNK: usize = 4096;

/// Code points that start in `bytes` (bytes that are not UTF-8 continuation bytes).
fn count_chars(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| b & 0xC0 != 0x80).count()
}

impl<'a> LineIndex<'a> {
    /// Indexes `text`.
    pub fn new(text: &'a str) -> Self {
        let mut starts = Vec::with_capacity(text.len() / 32 + 1);
        starts.push(0);
        starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1));
        LineIndex {
            text,
            starts,
            chars_before: std::sync::OnceLock::new(),
        }
    }

    /// Code points that start before byte `offset` (at most the text's length).
    fn chars_upto(&self, offset: usize) -> usize {
        let chars_before = self.chars_before.get_or_init(|| {
            let mut chars_before = vec![0];
            let mut total = 0;
            for chunk in self.text.as_bytes().chunks(CHUNK) {
                total += count_chars(chunk);
                chars_before.push(total);
            }
            chars_before
        });
        let k = offset / CHUNK;
        chars_before[k] + count_chars(&self.text.as_bytes()[k * CHUNK..offset])
    }

    /// 1-based line and column (Unicode code points) of a byte offset.
    pub fn line_col(&self, offset: usize) -> (u32, u32) {
        let offset = floor_char_boundary(self.text, offset.min(self.text.len()));
        let line = self.starts.partition_point(|&s| s <= offset) - 1;
        let start = self.starts[line];
        let col = if offset - start <= CHUNK {
            count_chars(&self.text.as_bytes()[start..offset])
        } else {
            self.chars_upto(offset) - self.chars_upto(start)
        };
        (line as u32 + 1, col as u32 + 1)
    }

    /// Byte offset of a 1-based line and a 1-based *byte* column (as serde_json reports them).
    pub fn offset_of_byte_column(&self, line: usize, column: usize) -> usize {
        let Some(&start) = self.starts.get(line.saturating_sub(1)) else {
            return self.text.len();
        };
        floor_char_boundary(self.text, (start + column.saturating_sub(1)).min(self.text.len()))
    }

    /// End of the line that holds `offset` (before the newline).
    pub fn line_end(&self, offset: usize) -> usize {
        let line = self.starts.partition_point(|&s| s <= offset);
        match self.starts.get(line) {
            Some(&next) => next - 1,
            None => self.text.len(),
        }
    }
}

fn floor_char_boundary(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Finds the spans of the given pointers in well-formed JSON `text`. A pointer that does not exist
/// maps to its longest existing ancestor (at worst the whole document), never to nothing.
/// When a key occurs twice, the last occurrence wins (as in the parsed value).
pub fn locate_json(text: &str, pointers: &[&str]) -> HashMap<String, Span> {
    // foldhash: every value in a wanted subtree looks its path up
    let mut wanted: HashSet<String, Fast> = HashSet::default();
    for p in pointers {
        let mut p = *p;
        // once a pointer is in the set, so are all its ancestors
        while !wanted.contains(p) {
            wanted.insert(p.to_owned());
            match p.rfind('/') {
                Some(i) => p = &p[..i],
                None => break,
            }
        }
    }
    let mut found: HashMap<String, Span, Fast> = HashMap::default();
    let mut scanner = Scanner {
        bytes: text.as_bytes(),
        pos: 0,
        path: String::new(),
        wanted: &wanted,
        found: &mut found,
    };
    scanner.skip_ws();
    scanner.value(0);
    let mut out = HashMap::with_capacity(pointers.len());
    for p in pointers {
        if out.contains_key(*p) {
            continue;
        }
        let mut q = *p;
        let span = loop {
            if let Some(s) = found.get(q) {
                break *s;
            }
            match q.rfind('/') {
                Some(i) => q = &q[..i],
                None => {
                    break Span {
                        start: 0,
                        end: text.len(),
                    }
                }
            }
        };
        out.insert((*p).to_owned(), span);
    }
    out
}

struct Scanner<'a> {
    bytes: &'a [u8],
    pos: usize,
    path: String,
    wanted: &'a HashSet<String, Fast>,
    found: &'a mut HashMap<String, Span, Fast>,
}

const MAX_DEPTH: usize = 512;

impl Scanner<'_> {
    fn skip_ws(&mut self) {
        while self.pos < self.bytes.len() && matches!(self.bytes[self.pos], b' ' | b'\t' | b'\n' | b'\r') {
            self.pos += 1;
        }
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    /// Scans one value at `pos`, recording its span when its pointer is wanted.
    fn value(&mut self, depth: usize) {
        let start = self.pos;
        let want = self.wanted.contains(&self.path);
        if !want {
            // `wanted` holds every ancestor of a wanted pointer: nothing below is wanted either
            self.skip_value();
            return;
        }
        match self.peek() {
            Some(b'{') if depth < MAX_DEPTH => {
                self.pos += 1;
                loop {
                    self.skip_ws();
                    match self.peek() {
                        Some(b'}') => {
                            self.pos += 1;
                            break;
                        }
                        Some(b',') => {
                            self.pos += 1;
                            continue;
                        }
                        Some(b'"') => {
                            let key = self.string();
                            self.skip_ws();
                            if self.peek() == Some(b':') {
                                self.pos += 1;
                            }
                            self.skip_ws();
                            let len = self.path.len();
                            self.path.push('/');
                            super::json_value::push_escaped(&mut self.path, &key);
                            self.value(depth + 1);
                            self.path.truncate(len);
                        }
                        _ => break,
                    }
                }
            }
            Some(b'[') if depth < MAX_DEPTH => {
                self.pos += 1;
                let mut index = 0usize;
                loop {
                    self.skip_ws();
                    match self.peek() {
                        Some(b']') => {
                            self.pos += 1;
                            break;
                        }
                        Some(b',') => {
                            self.pos += 1;
                            continue;
                        }
                        Some(_) => {
                            let len = self.path.len();
                            self.path.push('/');
                            let _ = write!(self.path, "{index}");
                            self.value(depth + 1);
                            self.path.truncate(len);
                            index += 1;
                        }
                        None => break,
                    }
                }
            }
            Some(b'"') => {
                self.string();
            }
            Some(_) => {
                while self.pos < self.bytes.len()
                    && !matches!(
                        self.bytes[self.pos],
                        b',' | b'}' | b']' | b' ' | b'\t' | b'\n' | b'\r'
                    )
                {
                    self.pos += 1;
                }
            }
            None => {}
        }
        if want {
            self.found
                .insert(self.path.clone(), Span { start, end: self.pos });
        }
    }

    /// Skips one value at `pos` without recording anything (no path, no allocation).
    fn skip_value(&mut self) {
        let mut depth = 0usize;
        while let Some(b) = self.peek() {
            match b {
                b'"' => {
                    self.skip_string();
                    if depth == 0 {
                        return;
                    }
                }
                b'{' | b'[' => {
                    depth += 1;
                    self.pos += 1;
                }
                b'}' | b']' => {
                    if depth == 0 {
                        return;
                    }
                    depth -= 1;
                    self.pos += 1;
                    if depth == 0 {
                        return;
                    }
                }
                b',' | b':' | b' ' | b'\t' | b'\n' | b'\r' => {
                    if depth == 0 {
                        return;
                    }
                    self.pos += 1;
                }
                _ => {
                    // a scalar: up to the next delimiter
                    while self.pos < self.bytes.len()
                        && !matches!(
                            self.bytes[self.pos],
                            b',' | b'}' | b']' | b' ' | b'\t' | b'\n' | b'\r'
                        )
                    {
                        self.pos += 1;
                    }
                    if depth == 0 {
                        return;
                    }
                }
            }
        }
    }

    /// Skips a string at `pos` (which holds `"`).
    fn skip_string(&mut self) {
        self.pos += 1;
        while let Some(i) = memchr::memchr2(b'"', b'\\', &self.bytes[self.pos.min(self.bytes.len())..]) {
            self.pos += i;
            if self.bytes[self.pos] == b'"' {
                self.pos += 1;
                return;
            }
            self.pos += 2;
        }
        self.pos = self.bytes.len();
    }

    /// Scans a string at `pos` (which holds `"`), returning its unescaped text.
    fn string(&mut self) -> String {
        self.pos += 1;
        let start = self.pos;
        let mut simple = true;
        while self.pos < self.bytes.len() {
            match self.bytes[self.pos] {
                b'"' => break,
                b'\\' => {
                    simple = false;
                    self.pos += 2;
                }
                _ => self.pos += 1,
            }
        }
        let end = self.pos.min(self.bytes.len());
        self.pos = (self.pos + 1).min(self.bytes.len());
        let raw = &self.bytes[start..end];
        if simple {
            String::from_utf8_lossy(raw).into_owned()
        } else {
            let quoted = &self.bytes[start - 1..self.pos];
            serde_json::from_slice::<String>(quoted)
                .unwrap_or_else(|_| String::from_utf8_lossy(raw).into_owned())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn skipped_subtrees_do_not_disturb_what_follows() {
        let text = r#"{"x": {"s": "a\"}{[", "n": [1, 2.5e3, true, null, {"k": []}]}, "y": [0, "b"]}"#;
        let spans = locate_json(text, &["/y/1"]);
        let s = spans["/y/1"];
        assert_eq!(&text[s.start..s.end], "\"b\"");
    }

    #[test]
    fn locates_members_and_items() {
        let text = "{\n  \"a\": [1, {\"b~/\": \"x\"}],\n  \"é\": \"ü\", \"c\": 5\n}";
        let spans = locate_json(text, &["/a/1/b~0~1", "/c", "/a/7", ""]);
        let s = spans["/a/1/b~0~1"];
        assert_eq!(&text[s.start..s.end], "\"x\"");
        let idx = LineIndex::new(text);
        assert_eq!(idx.line_col(spans["/c"].start), (3, 18));
        // missing index falls back to the array
        assert_eq!(&text[spans["/a/7"].start..spans["/a/7"].start + 1], "[");
        assert_eq!(spans[""].start, 0);
    }

    #[test]
    fn columns_on_long_lines_count_code_points() {
        // one line of many chunks, with multi-byte characters across the chunk boundaries
        let text = format!("{}\n{}x", "é".repeat(5_000), "aé€😀".repeat(3_000));
        let idx = LineIndex::new(&text);
        assert_eq!(idx.line_col(0), (1, 1));
        assert_eq!(idx.line_col(2 * 4_999), (1, 5_000));
        let second = 2 * 5_000 + 1;
        assert_eq!(idx.line_col(second), (2, 1));
        let x = text.len() - 1;
        assert_eq!(idx.line_col(x), (2, 4 * 3_000 + 1));
        // an offset inside a character counts from the character's start
        assert_eq!(idx.line_col(second + 2), (2, 2));
        assert_eq!(idx.line_col(text.len()), (2, 4 * 3_000 + 2));
    }
}
