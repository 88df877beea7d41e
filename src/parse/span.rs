//! Maps JSON pointers to byte ranges of the source text, and byte offsets to line:column.
//!
//! Built only for documents that have diagnostics, and only for the pointers they name.

use std::borrow::Cow;
use std::collections::HashMap;

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

/// 1-based line and column (Unicode code points) of each byte offset, as [`LineIndex::line_col`]
/// gives them, in one sweep over the text up to the largest offset: no index of every line is built
/// (a document of a million lines with three diagnostics counts its newlines, nothing more).
///
/// Offsets in ascending order (as the located diagnostics give them) are taken as they come.
pub fn line_cols(text: &str, offsets: &[usize]) -> Vec<(u32, u32)> {
    let bytes = text.as_bytes();
    let mut order: Vec<u32> = (0..offsets.len() as u32).collect();
    if !offsets.is_sorted() {
        order.sort_unstable_by_key(|&i| offsets[i as usize]);
    }
    let mut out = vec![(1, 1); offsets.len()];
    // `pos` is on line `line` (0-based), `chars` code points after the line's start
    let (mut pos, mut line, mut chars) = (0usize, 0usize, 0usize);
    for i in order {
        let offset = floor_char_boundary(text, offsets[i as usize].min(text.len()));
        if offset > pos {
            let seg = &bytes[pos..offset];
            match memchr::memrchr(b'\n', seg) {
                Some(last) => {
                    line += memchr::memchr_iter(b'\n', seg).count();
                    chars = count_chars(&seg[last + 1..]);
                }
                None => chars += count_chars(seg),
            }
            pos = offset;
        }
        out[i as usize] = (line as u32 + 1, chars as u32 + 1);
    }
    out
}

/// `end`, or the end of the line that holds `start` (before its newline) when that comes first.
pub fn clamp_to_line(text: &str, start: usize, end: usize) -> usize {
    let s = start.min(text.len());
    let e = end.min(text.len()).max(s);
    memchr::memchr(b'\n', &text.as_bytes()[s..e])
        .map_or(e, |i| s + i)
        .max(start)
}

/// The start of the character that holds byte `offset` (the text's length past its end): the
/// offset that [`LineIndex::line_col`] and [`line_cols`] take the line and column of. Two offsets
/// have the same line and column when their character starts are equal, and the greater one comes
/// later (a greater line, or the same line and a greater column) otherwise.
pub fn char_start(text: &str, offset: usize) -> usize {
    floor_char_boundary(text, offset.min(text.len()))
}

fn floor_char_boundary(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Finds the spans of the given pointers in well-formed JSON `text`, in the order of `pointers`. A
/// pointer that does not exist maps to its longest existing ancestor (at worst the whole document),
/// never to nothing. When a key occurs twice, the last occurrence wins (as in the parsed value).
///
/// The pointers become a trie of their segments; one scan of the text follows the trie and skips every
/// member and item no pointer reaches, so no path is built or hashed.
///
/// With `unique_keys` (the document repeats no key in any object), the scan ends once every pointer
/// was reached and every open value reaches past the end of its first line: a span is only ever used
/// up to the end of the line it starts on ([`clamp_to_line`]), so those spans end where the scan
/// stopped, which gives the same clamped spans as a full scan.
pub fn locate_json(text: &str, pointers: &[&str], unique_keys: bool) -> Vec<Span> {
    let whole = Span {
        start: 0,
        end: text.len(),
    };
    let (trie, at) = Trie::build(pointers);
    let mut scanner = Scanner {
        text,
        bytes: text.as_bytes(),
        pos: 0,
        unvisited: if unique_keys { trie.nodes.len() } else { usize::MAX },
        trie,
        brace: None,
        bracket: None,
        #[cfg(test)]
        searched: 0,
    };
    scanner.skip_ws();
    scanner.value(Trie::ROOT, 0);
    let trie = scanner.trie;
    at.into_iter()
        .map(|mut n| loop {
            let node = &trie.nodes[n as usize];
            if let Some(span) = node.span {
                break span;
            }
            match node.parent {
                Some(p) => n = p,
                None => break whole,
            }
        })
        .collect()
}

/// The wanted pointers as a tree of their segments.
struct Trie<'p> {
    nodes: Vec<TrieNode<'p>>,
    /// (parent, segment) → child, for the nodes with more than [`Trie::FEW`] children.
    many: HashMap<(u32, &'p str), u32, Fast>,
}

struct TrieNode<'p> {
    /// The children by segment as written in the pointer (`~`-escaped): searched linearly when
    /// there are a few (the usual case), else through [`Trie::many`].
    members: Vec<(&'p str, u32)>,
    parent: Option<u32>,
    has_children: bool,
    /// The children whose segment is an array index, by index, sorted after the build.
    items: Vec<(usize, u32)>,
    /// Where the value was found (the last occurrence, for duplicated keys).
    span: Option<Span>,
}

impl<'p> Trie<'p> {
    const ROOT: u32 = 0;

    /// The trie of `pointers`, and the node of each pointer.
    fn build(pointers: &[&'p str]) -> (Trie<'p>, Vec<u32>) {
        let mut trie = Trie {
            many: HashMap::default(),
            nodes: vec![TrieNode {
                members: Vec::new(),
                parent: None,
                has_children: false,
                items: Vec::new(),
                span: None,
            }],
        };
        // about a node per pointer (they share their parents)
        trie.nodes.reserve(pointers.len());
        // The nodes of the previous pointer's segments, with the byte offset where each segment
        // ends: consecutive pointers usually share all but their last segments (a rule reports
        // the items of one list one after the other), and the shared ones are not split and looked
        // up again.
        let mut prev: &str = "";
        let mut path: Vec<(usize, u32)> = Vec::new();
        let at = pointers
            .iter()
            .map(|&p| {
                path.truncate(reused_segments(&path, |&(end, _)| end, prev, p));
                prev = p;
                let (from, mut node) = path.last().map_or((0, Self::ROOT), |&(end, node)| (end, node));
                let mut segments = p[from..].split('/');
                // what comes before the first separator is not a segment (empty in a pointer
                // from the root, and in what follows a reused segment)
                let mut end = from + segments.next().map_or(0, str::len);
                for seg in segments {
                    end += 1 + seg.len();
                    node = trie.child_or_insert(node, seg);
                    path.push((end, node));
                }
                node
            })
            .collect();
        for node in &mut trie.nodes {
            node.items.sort_unstable();
        }
        (trie, at)
    }

    /// Up to this many children are searched linearly.
    const FEW: usize = 8;

    /// The child for pointer segment `seg` (`~`-escaped), added when there is none (one hash of
    /// the segment when the node has many children, as the items of a long list do).
    fn child_or_insert(&mut self, node: u32, seg: &'p str) -> u32 {
        let child = self.nodes.len() as u32;
        let parent = &mut self.nodes[node as usize];
        if parent.members.len() > Self::FEW {
            match self.many.entry((node, seg)) {
                std::collections::hash_map::Entry::Occupied(e) => return *e.get(),
                std::collections::hash_map::Entry::Vacant(e) => {
                    e.insert(child);
                }
            }
        } else {
            if let Some(&(_, existing)) = parent.members.iter().find(|(s, _)| *s == seg) {
                return existing;
            }
            if parent.members.len() == Self::FEW {
                for &(s, c) in &parent.members {
                    self.many.insert((node, s), c);
                }
                self.many.insert((node, seg), child);
            }
        }
        parent.members.push((seg, child));
        parent.has_children = true;
        if let Some(i) = array_index(seg) {
            parent.items.push((i, child));
        }
        self.nodes.push(TrieNode {
            members: Vec::new(),
            parent: Some(node),
            has_children: false,
            items: Vec::new(),
            span: None,
        });
        child
    }

    /// The child for pointer segment `seg` (`~`-escaped).
    fn child(&self, node: u32, seg: &str) -> Option<u32> {
        let members = &self.nodes[node as usize].members;
        if members.len() > Self::FEW {
            return self.many.get(&(node, seg)).copied();
        }
        members.iter().find(|(s, _)| *s == seg).map(|&(_, child)| child)
    }

    /// The child for object member `key` (unescaped, as read from the JSON text).
    fn member(&self, node: u32, key: &str) -> Option<u32> {
        if key.bytes().any(|b| b == b'~' || b == b'/') {
            let escaped = key.replace('~', "~0").replace('/', "~1");
            self.child(node, &escaped)
        } else {
            self.child(node, key)
        }
    }
}

/// How many of the previous pointer's segments the pointer `p` starts with, so that a batch of
/// pointers (a rule reports the items of one list one after the other) is followed from where the
/// previous one branched off, not from the root. `path` holds what `prev`'s segments led to, with
/// `end` giving the byte offset where each segment ends in `prev` (ascending). A segment is reused
/// when it ends within the bytes both pointers share and `p`'s segment ends there too (the next byte
/// of both is a separator or the end).
pub(super) fn reused_segments<T>(path: &[T], end: impl Fn(&T) -> usize, prev: &str, p: &str) -> usize {
    let shared = common_prefix(prev, p);
    let keep = path.partition_point(|t| end(t) <= shared);
    match keep.checked_sub(1) {
        Some(last) if end(&path[last]) < shared || matches!(p.as_bytes().get(shared), None | Some(b'/')) => {
            keep
        }
        Some(last) => last,
        None => 0,
    }
}

/// The length of the longest common prefix of `a` and `b`, in bytes.
fn common_prefix(a: &str, b: &str) -> usize {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let mut n = 0;
    // eight bytes at a time: pointers of one list share some forty bytes
    for (x, y) in a.chunks_exact(8).zip(b.chunks_exact(8)) {
        let x = u64::from_le_bytes(x.try_into().expect("eight bytes"));
        let y = u64::from_le_bytes(y.try_into().expect("eight bytes"));
        if x != y {
            return n + ((x ^ y).trailing_zeros() / 8) as usize;
        }
        n += 8;
    }
    n + a[n..].iter().zip(&b[n..]).take_while(|(x, y)| x == y).count()
}

/// The array index a pointer segment names: digits without a leading zero (RFC 6901).
pub(super) fn array_index(seg: &str) -> Option<usize> {
    let canonical =
        seg == "0" || (!seg.is_empty() && !seg.starts_with('0') && seg.bytes().all(|b| b.is_ascii_digit()));
    canonical.then(|| seg.parse().ok()).flatten()
}

struct Scanner<'a, 'p> {
    text: &'a str,
    bytes: &'a [u8],
    pos: usize,
    trie: Trie<'p>,
    /// Trie nodes not reached yet (`usize::MAX`: never stop early).
    unvisited: usize,
    /// Where the next `"`/`{`/`}` and the next `[`/`]` were found (see [`Scanner::skip_container`]).
    brace: Option<usize>,
    bracket: Option<usize>,
    /// Bytes looked at by the brace and bracket searches (tests check it stays linear).
    #[cfg(test)]
    searched: usize,
}

const MAX_DEPTH: usize = 512;

/// The first byte at or after `pos` that is not JSON white space (space, tab, line feed, carriage
/// return: nothing else), or the length of `bytes`.
pub(crate) fn skip_ws(bytes: &[u8], mut pos: usize) -> usize {
    while let Some(&b) = bytes.get(pos) {
        match b {
            b' ' | b'\t' | b'\r' => pos += 1,
            b'\n' => {
                pos += 1;
                // the indentation of pretty-printed JSON: eight spaces at a time
                while bytes.get(pos..pos + 8).is_some_and(|chunk| chunk == b"        ") {
                    pos += 8;
                }
            }
            _ => break,
        }
    }
    pos
}

impl<'a> Scanner<'a, '_> {
    fn skip_ws(&mut self) {
        self.pos = skip_ws(self.bytes, self.pos);
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    /// Scans the value at `pos`, which trie node `node` wants: records its span and follows the
    /// children the trie has; skips the rest.
    fn value(&mut self, node: u32, depth: usize) {
        let start = self.pos;
        if self.trie.nodes[node as usize].span.is_none() && self.unvisited != usize::MAX {
            self.unvisited -= 1;
        }
        let has_children = self.trie.nodes[node as usize].has_children;
        let mut line_end = None;
        match self.peek() {
            Some(b'{') if has_children && depth < MAX_DEPTH => {
                self.pos += 1;
                loop {
                    if self.finished(start, &mut line_end) {
                        break;
                    }
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
                            match self.trie.member(node, &key) {
                                Some(child) => self.value(child, depth + 1),
                                None => self.skip_value(),
                            }
                        }
                        _ => break,
                    }
                }
            }
            Some(b'[') if has_children && depth < MAX_DEPTH => {
                self.pos += 1;
                let items = std::mem::take(&mut self.trie.nodes[node as usize].items);
                let mut wanted = items.iter().peekable();
                let mut index = 0usize;
                loop {
                    if self.finished(start, &mut line_end) {
                        break;
                    }
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
                            while wanted.next_if(|(i, _)| *i < index).is_some() {}
                            match wanted.next_if(|(i, _)| *i == index) {
                                Some(&(_, child)) => self.value(child, depth + 1),
                                None => self.skip_value(),
                            }
                            index += 1;
                        }
                        None => break,
                    }
                }
                // an array is scanned again when its key is duplicated
                self.trie.nodes[node as usize].items = items;
            }
            _ => self.skip_value(),
        }
        self.trie.nodes[node as usize].span = Some(Span { start, end: self.pos });
    }

    /// Whether the scan of a container that starts at `start` may stop here: every trie node was
    /// reached and the scan is past the end of the container's first line.
    fn finished(&self, start: usize, line_end: &mut Option<usize>) -> bool {
        if self.unvisited != 0 {
            return false;
        }
        let end = *line_end.get_or_insert_with(|| {
            memchr::memchr(b'\n', &self.bytes[start..]).map_or(self.bytes.len(), |i| start + i)
        });
        self.pos > end
    }

    /// Skips one value at `pos` without recording anything (no path, no allocation).
    fn skip_value(&mut self) {
        match self.peek() {
            Some(b'"') => self.skip_string(),
            Some(b'{' | b'[') => self.skip_container(),
            Some(b'}' | b']' | b',' | b':') | None => {}
            Some(_) => {
                // a scalar: up to the next delimiter
                while self.pos < self.bytes.len()
                    && !matches!(
                        self.bytes[self.pos],
                        b',' | b'}' | b']' | b' ' | b'\t' | b'\n' | b'\r'
                    )
                {
                    self.pos += 1;
                }
            }
        }
    }

    /// Skips the object or array whose opening bracket is at `pos`. Only quotes and brackets matter
    /// inside it: they are found with memchr (SIMD), `"`/`{`/`}` and `[`/`]` as two searches whose
    /// next hits are kept (across calls) until the scan passes them, so each byte is searched about
    /// once however many containers are skipped.
    fn skip_container(&mut self) {
        let len = self.bytes.len();
        let mut depth = 0usize;
        loop {
            let at = self.next_brace().min(self.next_bracket());
            if at >= len {
                self.pos = len;
                return;
            }
            self.pos = at;
            match self.bytes[at] {
                b'"' => {
                    self.skip_string();
                    continue;
                }
                b'{' | b'[' => depth += 1,
                _ => depth = depth.saturating_sub(1),
            }
            self.pos = at + 1;
            if depth == 0 {
                return;
            }
        }
    }

    /// The first `"`, `{` or `}` at or after `pos` (the length of the text when there is none).
    fn next_brace(&mut self) -> usize {
        match self.brace {
            Some(at) if at >= self.pos => at,
            _ => {
                let from = self.pos.min(self.bytes.len());
                let at = memchr::memchr3(b'"', b'{', b'}', &self.bytes[from..])
                    .map_or(self.bytes.len(), |i| from + i);
                #[cfg(test)]
                {
                    self.searched += at - from;
                }
                self.brace = Some(at);
                at
            }
        }
    }

    /// The first `[` or `]` at or after `pos` (the length of the text when there is none).
    fn next_bracket(&mut self) -> usize {
        match self.bracket {
            Some(at) if at >= self.pos => at,
            _ => {
                let from = self.pos.min(self.bytes.len());
                let at =
                    memchr::memchr2(b'[', b']', &self.bytes[from..]).map_or(self.bytes.len(), |i| from + i);
                #[cfg(test)]
                {
                    self.searched += at - from;
                }
                self.bracket = Some(at);
                at
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
    fn string(&mut self) -> Cow<'a, str> {
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
        // `start` and `end` are next to ASCII quotes: char boundaries of the text
        let text: &'a str = self.text;
        let raw = text.get(start..end).unwrap_or_default();
        if simple {
            Cow::Borrowed(raw)
        } else {
            let quoted = text.get(start - 1..self.pos).unwrap_or_default();
            serde_json::from_str::<String>(quoted)
                .map(Cow::Owned)
                .unwrap_or(Cow::Borrowed(raw))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn skipped_subtrees_do_not_disturb_what_follows() {
        let text = r#"{"x": {"s": "a\"}{[", "n": [1, 2.5e3, true, null, {"k": []}]}, "y": [0, "b"]}"#;
        let spans = locate_json(text, &["/y/1"], false);
        let s = spans[0];
        assert_eq!(&text[s.start..s.end], "\"b\"");
    }

    #[test]
    fn locates_members_and_items() {
        let text = "{\n  \"a\": [1, {\"b~/\": \"x\"}],\n  \"é\": \"ü\", \"c\": 5\n}";
        let spans = locate_json(text, &["/a/1/b~0~1", "/c", "/a/7", ""], true);
        let s = spans[0];
        assert_eq!(&text[s.start..s.end], "\"x\"");
        let idx = LineIndex::new(text);
        assert_eq!(idx.line_col(spans[1].start), (3, 18));
        // missing index falls back to the array
        assert_eq!(&text[spans[2].start..spans[2].start + 1], "[");
        assert_eq!(spans[3].start, 0);
    }

    /// Skipping many small containers one after the other searches each byte about once (a search
    /// that restarted from each container ran to the far end of the array every time: quadratic).
    #[test]
    fn skipping_many_containers_is_linear() {
        // no bracket inside the first half of the items (the worst case for the bracket search),
        // then brackets in strings and nested arrays
        let items: Vec<String> = (0..2000)
            .map(|i| match i % 2 {
                _ if i < 1000 => format!("{{\"a\": {i}, \"b\": {{\"c\": \"x\"}}}}"),
                0 => format!("{{\"a\": {i}, \"b\": \"x[{i}]\", \"c\": [[{i}], {{}}]}}"),
                _ => format!("{{\"a\": {i}, \"b\": \"]{{\"}}"),
            })
            .collect();
        let text = format!("{{\"list\": [{}], \"z\": [1, 2, 3]}}", items.join(", "));
        let (trie, at) = Trie::build(&["/list/998/a", "/list/1999/a", "/z/2"]);
        let mut scanner = Scanner {
            text: &text,
            bytes: text.as_bytes(),
            pos: 0,
            unvisited: usize::MAX,
            trie,
            brace: None,
            bracket: None,
            searched: 0,
        };
        scanner.value(Trie::ROOT, 0);
        assert!(
            scanner.searched <= 2 * text.len(),
            "searched {} bytes of {}",
            scanner.searched,
            text.len()
        );
        let spans: Vec<&str> = at
            .iter()
            .map(|&n| {
                let s = scanner.trie.nodes[n as usize].span.unwrap();
                &text[s.start..s.end]
            })
            .collect();
        assert_eq!(spans, ["998", "1999", "3"]);
    }

    /// Nodes with many children (searched through the hash map, not linearly), escaped keys among them.
    #[test]
    fn locates_among_many_members_and_items() {
        let keys: Vec<String> = (0..20)
            .map(|i| {
                if i == 13 {
                    "k/~13".to_owned()
                } else {
                    format!("k{i}")
                }
            })
            .collect();
        let members: Vec<String> = keys
            .iter()
            .enumerate()
            .map(|(i, k)| format!("\"{k}\": [{i}, {{\"v\": {i}}}]"))
            .collect();
        let text = format!("{{{}}}", members.join(",\n"));
        let pointers: Vec<String> = keys
            .iter()
            .map(|k| format!("/{}/1/v", k.replace('~', "~0").replace('/', "~1")))
            .chain((0..20).map(|i| format!("/k{}/0", if i == 13 { 0 } else { i })))
            .collect();
        let refs: Vec<&str> = pointers.iter().map(String::as_str).collect();
        for unique in [true, false] {
            let spans = locate_json(&text, &refs, unique);
            for (i, span) in spans.iter().enumerate() {
                let expected = if i < 20 {
                    i
                } else if i == 33 {
                    0
                } else {
                    i - 20
                };
                assert_eq!(&text[span.start..span.end], expected.to_string(), "{}", refs[i]);
            }
        }
    }

    #[test]
    fn sibling_segments_that_sort_around_the_separator() {
        // `b!` sorts between `b` and `b/…` as a whole string: the trie must still join `/a/b` and `/a/b/c`
        let text = r#"{"a": {"b": {"c": 1}, "b!": 2, "b.x": 3, "b~": 4}, "l": [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]}"#;
        let ps = [
            "/a/b", "/a/b!", "/a/b/c", "/a/b.x", "/a/b~0", "/l/10", "/l/2", "/l/01", "/a/b/c", "/l/11/x",
        ];
        let spans = locate_json(text, &ps, false);
        let got: Vec<&str> = spans.iter().map(|s| &text[s.start..s.end]).collect();
        assert_eq!(
            got,
            [
                r#"{"c": 1}"#,
                "2",
                "1",
                "3",
                "4",
                "10",
                "2",
                &text[text.find('[').unwrap()..text.len() - 1],
                "1",
                "11"
            ]
        );
    }

    #[test]
    fn stopping_early_gives_the_same_clamped_spans() {
        let text = "{\n  \"a\": {\"b\": [1, 2], \"c\": {\"d\": 3}},\n  \"e\": [\n    {\"f\": 1}, {\"g\": 2}\n  ],\n  \"z\": 0\n}\n";
        let ps = [
            "", "/a", "/a/b/1", "/a/c", "/e", "/e/0/f", "/e/1", "/missing", "/z",
        ];
        for n in 1..=ps.len() {
            for k in 0..ps.len() {
                let subset: Vec<&str> = ps.iter().cycle().skip(k).take(n).copied().collect();
                let full = locate_json(text, &subset, false);
                let early = locate_json(text, &subset, true);
                for (a, b) in full.iter().zip(&early) {
                    assert_eq!(a.start, b.start, "{subset:?}");
                    assert_eq!(
                        clamp_to_line(text, a.start, a.end),
                        clamp_to_line(text, b.start, b.end),
                        "{subset:?}"
                    );
                }
            }
        }
    }

    /// The trie reuses the previous pointer's nodes for the segments both share: a batch of
    /// pointers (shared prefixes that end inside a segment, a pointer that is a prefix of the next,
    /// repeats, a key that is a number, one without the leading `/`) locates each one as a trie of
    /// that pointer alone does.
    #[test]
    fn pointers_sharing_prefixes_locate_as_alone() {
        let text = "{\n\t\"a\": {\"b\": [10, 11, {\"c\": 12}], \"bc\": 13, \"1\": 14},\n  \"l\": [\n                   0, 1, 2, 3, 4, 5, 6, 7, 8, 9,\n \t 10, 11, [12, [13]]]\n}";
        let ps = [
            "/a/b/2/c",
            "/a/b/2",
            "/a/bc",
            "/a/b",
            "/a/b/1",
            "/a/bc",
            "/a/1",
            "/a/b/10",
            "/l/1",
            "/l/10",
            "/l/11",
            "/l/1",
            "/l/12/1/0",
            "/l/12/1",
            "/l/12/0",
            "",
            "/l",
            "x/a/bc",
            "x/a/b",
            "/a/b/0",
            "/l/11",
            "/l/2",
            "/l/3",
            "/l/4",
            "/l/5",
            "/l/6",
            "/l/7",
            "/l/8",
            "/l/9",
            "/l/0",
            "/l/8",
            "/l/12",
            "/a/b/2/c",
            "/a//b",
            "/a/bc/",
        ];
        for unique in [true, false] {
            let batch = locate_json(text, &ps, unique);
            for (p, got) in ps.iter().zip(&batch) {
                let alone = locate_json(text, &[p], unique)[0];
                assert_eq!(got.start, alone.start, "{p}");
                assert_eq!(
                    clamp_to_line(text, got.start, got.end),
                    clamp_to_line(text, alone.start, alone.end),
                    "{p}"
                );
            }
            let got: Vec<&str> = batch[..3]
                .iter()
                .map(|s| &text[s.start..clamp_to_line(text, s.start, s.end)])
                .collect();
            assert_eq!(got, ["12", "{\"c\": 12}", "13"]);
            // white space: tabs, indentation of more than eight spaces
            let s = batch[9];
            assert_eq!(&text[s.start..s.end], "10");
            assert_eq!(LineIndex::new(text).line_col(s.start), (5, 4));
            assert_eq!(&text[batch[12].start..batch[12].end], "13");
        }
    }

    #[test]
    fn common_prefixes() {
        for (a, b) in [
            ("", ""),
            (
                "/vulnerabilities/0/product_status/fixed/12",
                "/vulnerabilities/0/product_status/fixed/13",
            ),
            (
                "/vulnerabilities/0/product_status/fixed/12",
                "/vulnerabilities/0/product_status/fixed",
            ),
            ("abcdefgh", "abcdefgh"),
            ("abcdefghi", "abcdefgX"),
            ("é", "è"),
        ] {
            let naive = a.bytes().zip(b.bytes()).take_while(|(x, y)| x == y).count();
            assert_eq!(common_prefix(a, b), naive, "{a} {b}");
            assert_eq!(common_prefix(b, a), naive, "{a} {b}");
        }
    }

    #[test]
    fn the_last_of_duplicated_keys_wins() {
        let text = r#"{"a": 1, "b": {"x": 1}, "a": [2]}"#;
        let spans = locate_json(text, &["/a", "/a/0", "/b/x"], false);
        let got: Vec<&str> = spans.iter().map(|s| &text[s.start..s.end]).collect();
        assert_eq!(got, ["[2]", "2", "1"]);
    }

    #[test]
    fn the_sweep_agrees_with_the_line_index() {
        let text = "ab\n\néü€x\n\r\n  \"k\": 1\n".repeat(50) + &"é".repeat(9_000);
        let offsets: Vec<usize> = (0..=text.len() + 3)
            .rev()
            .step_by(3)
            .chain([0, 5, 5, 2])
            .collect();
        let idx = LineIndex::new(&text);
        let want: Vec<(u32, u32)> = offsets.iter().map(|&o| idx.line_col(o)).collect();
        assert_eq!(line_cols(&text, &offsets), want);
        // offsets in order are taken as they come
        let mut sorted = offsets.clone();
        sorted.sort_unstable();
        let want: Vec<(u32, u32)> = sorted.iter().map(|&o| idx.line_col(o)).collect();
        assert_eq!(line_cols(&text, &sorted), want);
        for &o in &offsets {
            for len in [0, 1, 4, 40] {
                let o = o.min(text.len());
                assert_eq!(
                    clamp_to_line(&text, o, o + len),
                    (o + len).min(idx.line_end(o)).max(o).min(text.len())
                );
            }
        }
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
