//! A light, position-keeping element tree read with quick-xml's event reader.
//!
//! Safe for hostile input: no DTD is processed (a `<!DOCTYPE>` that declares entities is refused,
//! an external subset is never fetched), the only entity references expanded are the five
//! predefined ones and numeric character references, and elements nest at most [`MAX_DEPTH`] deep.
//! The reader works on text that [`crate::parse::decode`] already decoded, so an `encoding` in the
//! XML declaration is ignored.

use hashbrown::HashTable;
use quick_xml::escape::EscapeError;
use quick_xml::events::attributes::AttrError;
use quick_xml::events::{BytesStart, Event};
use quick_xml::name::ResolveResult;
use quick_xml::reader::NsReader;
use std::borrow::Cow;
use std::hash::BuildHasher as _;
use std::sync::{LazyLock, OnceLock};

mod fast;

/// Elements nest at most this deep; deeper input is a parse error.
pub const MAX_DEPTH: usize = 256;

/// Index of an element in [`XmlTree::elements`]; the root is `0`.
pub type NodeId = u32;

/// The namespaces of CVRF 1.1 and 1.2 (document, product, vulnerability and common parts).
pub const CVRF_NAMESPACES: [&str; 8] = [
    "http://www.icasi.org/CVRF/schema/cvrf/1.1",
    "http://www.icasi.org/CVRF/schema/prod/1.1",
    "http://www.icasi.org/CVRF/schema/vuln/1.1",
    "http://www.icasi.org/CVRF/schema/common/1.1",
    "http://docs.oasis-open.org/csaf/ns/csaf-cvrf/v1.2/cvrf",
    "http://docs.oasis-open.org/csaf/ns/csaf-cvrf/v1.2/prod",
    "http://docs.oasis-open.org/csaf/ns/csaf-cvrf/v1.2/vuln",
    "http://docs.oasis-open.org/csaf/ns/csaf-cvrf/v1.2/common",
];

/// Which kind of namespace an element is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ns {
    /// One of [`CVRF_NAMESPACES`].
    Cvrf,
    /// No namespace (some vendors forget it; read like CVRF).
    None,
    /// Any other namespace (kept in the tree, ignored by the model).
    Foreign,
}

/// An interned name (element local name, attribute name or namespace URI); see [`XmlTree::name`].
pub type Sym = u32;

/// An attribute: its name, its unescaped value (in the tree's text arena, see
/// [`XmlTree::attr_value`]) and its byte range (`name="value"`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attr {
    /// The name as written, with its prefix (`Type`, `xml:lang`).
    pub name: Sym,
    /// Where the value (references expanded, literal whitespace normalized to spaces) is in the
    /// tree's text arena.
    value: Span,
    /// Byte offset of the name.
    pub start: usize,
    /// Byte offset one past the closing quote.
    pub end: usize,
}

/// A range `start..end` of the tree's text arena.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Span {
    start: usize,
    end: usize,
}

/// A range `start..start + len` of one of the tree's arrays (attributes, child lists).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Slots {
    start: u32,
    len: u32,
}

impl Slots {
    fn range(self) -> std::ops::Range<usize> {
        self.start as usize..(self.start + self.len) as usize
    }
}

/// An element with its position. Its children, attributes and text are in the tree's arenas:
/// see [`XmlTree::children`], [`XmlTree::attrs`] and [`XmlTree::text`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Element {
    /// Local name (without prefix).
    pub name: Sym,
    /// The namespace kind.
    pub ns: Ns,
    /// The namespace URI (empty when none or unknown prefix).
    pub ns_uri: Sym,
    /// The parent element (`None` for the root).
    pub parent: Option<NodeId>,
    /// Child elements in document order: a range of [`XmlTree`]'s child list.
    children: Slots,
    /// Attributes except namespace declarations, in document order: a range of the attributes.
    attrs: Slots,
    /// The element's own character data (text and CDATA, references expanded, line ends
    /// normalized), concatenated: a range of the text arena. Text of child elements is not
    /// included, nor is whitespace around child elements.
    text: Span,
    /// Byte offset of the `<` of the start tag.
    pub start: usize,
    /// Byte offset one past the `>` of the start tag.
    pub tag_end: usize,
    /// Byte offset one past the end tag (`tag_end` for an empty element).
    pub end: usize,
}

/// The element tree of a well-formed document.
///
/// Few allocations whatever the size: the elements, all attributes, all child lists and all
/// texts and attribute values live in one array (or string) each; an element holds ranges of them.
#[derive(Debug, Clone)]
pub struct XmlTree {
    /// Every element in document order; `elements[0]` is the root.
    pub elements: Vec<Element>,
    /// The attributes of every element, element after element.
    attrs: Vec<Attr>,
    /// The child lists of every element, element after element.
    children: Vec<NodeId>,
    /// Element texts and attribute values.
    texts: String,
    names: Interner,
    /// Built on first use by [`XmlTree::path`]: per element, the `[n]` of its step (0: none).
    step_indexes: OnceLock<Vec<u32>>,
    /// Built on first use by [`XmlTree::find_path`]: the child lists again, each sorted by name
    /// (document order among the same-named), so the n-th child of a name is a binary search away.
    by_name: OnceLock<Vec<NodeId>>,
}

macro_rules! known_names {
    ($($id:ident => $text:literal,)*) => {
        /// The names every CVRF document uses (element and attribute names the model is filled
        /// from, the CVRF namespaces, the empty name), interned at fixed symbols in every tree:
        /// `Known::Vulnerability as Sym` is the symbol of `Vulnerability`. Filling the model looks
        /// its elements up by these symbols instead of hashing about a million names.
        #[allow(missing_docs, clippy::upper_case_acronyms)]
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        #[repr(u32)]
        pub enum Known {
            $($id,)*
        }

        /// The texts of the [`Known`] names, by symbol.
        const KNOWN: &[&str] = &[$($text,)*];
    };
}

known_names! {
    Empty => "",
    Cvrf11 => "http://www.icasi.org/CVRF/schema/cvrf/1.1",
    Prod11 => "http://www.icasi.org/CVRF/schema/prod/1.1",
    Vuln11 => "http://www.icasi.org/CVRF/schema/vuln/1.1",
    Common11 => "http://www.icasi.org/CVRF/schema/common/1.1",
    Cvrf12 => "http://docs.oasis-open.org/csaf/ns/csaf-cvrf/v1.2/cvrf",
    Prod12 => "http://docs.oasis-open.org/csaf/ns/csaf-cvrf/v1.2/prod",
    Vuln12 => "http://docs.oasis-open.org/csaf/ns/csaf-cvrf/v1.2/vuln",
    Common12 => "http://docs.oasis-open.org/csaf/ns/csaf-cvrf/v1.2/common",
    Cvrfdoc => "cvrfdoc",
    DocumentTitle => "DocumentTitle",
    DocumentType => "DocumentType",
    DocumentPublisher => "DocumentPublisher",
    ContactDetails => "ContactDetails",
    IssuingAuthority => "IssuingAuthority",
    DocumentTracking => "DocumentTracking",
    Identification => "Identification",
    ID => "ID",
    Alias => "Alias",
    Status => "Status",
    Version => "Version",
    RevisionHistory => "RevisionHistory",
    Revision => "Revision",
    Number => "Number",
    Date => "Date",
    Description => "Description",
    InitialReleaseDate => "InitialReleaseDate",
    CurrentReleaseDate => "CurrentReleaseDate",
    Generator => "Generator",
    Engine => "Engine",
    DocumentNotes => "DocumentNotes",
    Notes => "Notes",
    Note => "Note",
    DocumentDistribution => "DocumentDistribution",
    AggregateSeverity => "AggregateSeverity",
    DocumentReferences => "DocumentReferences",
    References => "References",
    Reference => "Reference",
    URL => "URL",
    Acknowledgments => "Acknowledgments",
    Acknowledgment => "Acknowledgment",
    Name => "Name",
    Organization => "Organization",
    ProductTree => "ProductTree",
    Branch => "Branch",
    FullProductName => "FullProductName",
    Relationship => "Relationship",
    ProductGroups => "ProductGroups",
    Group => "Group",
    ProductID => "ProductID",
    GroupID => "GroupID",
    Vulnerability => "Vulnerability",
    Title => "Title",
    DiscoveryDate => "DiscoveryDate",
    ReleaseDate => "ReleaseDate",
    Involvements => "Involvements",
    Involvement => "Involvement",
    CVE => "CVE",
    CWE => "CWE",
    ProductStatuses => "ProductStatuses",
    Threats => "Threats",
    Threat => "Threat",
    CVSSScoreSets => "CVSSScoreSets",
    ScoreSet => "ScoreSet",
    ScoreSetV2 => "ScoreSetV2",
    ScoreSetV3 => "ScoreSetV3",
    Vector => "Vector",
    VectorV2 => "VectorV2",
    VectorV3 => "VectorV3",
    BaseScore => "BaseScore",
    BaseScoreV2 => "BaseScoreV2",
    BaseScoreV3 => "BaseScoreV3",
    TemporalScore => "TemporalScore",
    TemporalScoreV2 => "TemporalScoreV2",
    TemporalScoreV3 => "TemporalScoreV3",
    EnvironmentalScore => "EnvironmentalScore",
    EnvironmentalScoreV2 => "EnvironmentalScoreV2",
    EnvironmentalScoreV3 => "EnvironmentalScoreV3",
    Remediations => "Remediations",
    Remediation => "Remediation",
    Entitlement => "Entitlement",
    XmlLang => "xml:lang",
    Type => "Type",
    Namespace => "Namespace",
    Audience => "Audience",
    Ordinal => "Ordinal",
    RelationType => "RelationType",
    ProductReference => "ProductReference",
    RelatesToProductReference => "RelatesToProductReference",
    CPE => "CPE",
    SystemName => "SystemName",
    Party => "Party",
}

impl Known {
    /// The symbol of this name in every tree.
    pub const fn sym(self) -> Sym {
        self as Sym
    }
}

/// The hasher of every name table (one random seed per process), and the table of the
/// [`Known`] names, built once.
static KNOWN_INDEX: LazyLock<(foldhash::fast::RandomState, HashTable<Sym>)> = LazyLock::new(|| {
    let state = foldhash::fast::RandomState::default();
    let mut table = HashTable::with_capacity(KNOWN.len());
    for (sym, name) in KNOWN.iter().enumerate() {
        table.insert_unique(state.hash_one(name.as_bytes()), sym as Sym, |&s| {
            state.hash_one(KNOWN[s as usize].as_bytes())
        });
    }
    (state, table)
});

/// The names of one tree: the [`Known`] ones at their fixed symbols, then the others the
/// document uses, in the order first seen.
#[derive(Debug, Clone)]
struct Interner {
    /// The names after the known ones (symbol `KNOWN.len() + i`).
    extra: Vec<Box<str>>,
    /// Symbols of `extra` by the hash of their name's bytes.
    index: HashTable<Sym>,
    /// The symbol last found per [`short_hash`] slot ([`NO_SYM`]: none): a document uses a few
    /// dozen names, so nearly every lookup is one load and one comparison, no hashing.
    recent: [Sym; 256],
    /// The last namespace URI interned and its kind (most elements share their parent's).
    last_ns: Option<(Sym, Ns)>,
}

const NO_SYM: Sym = Sym::MAX;

impl Default for Interner {
    fn default() -> Self {
        Interner {
            extra: Vec::new(),
            index: HashTable::new(),
            recent: [NO_SYM; 256],
            last_ns: None,
        }
    }
}

/// A cheap hash of a short byte string (its length, first and last bytes), well mixed in its
/// high bits: for direct-mapped caches, where a collision only costs a slower lookup.
fn short_hash(b: &[u8]) -> u64 {
    let n = b.len();
    let x = if n >= 8 {
        let head = u64::from_le_bytes(b[..8].try_into().expect("8 bytes"));
        let tail = u64::from_le_bytes(b[n - 8..].try_into().expect("8 bytes"));
        head ^ tail.rotate_left(29)
    } else if n >= 4 {
        let head = u32::from_le_bytes(b[..4].try_into().expect("4 bytes"));
        let tail = u32::from_le_bytes(b[n - 4..].try_into().expect("4 bytes"));
        (u64::from(head) << 32) | u64::from(tail)
    } else if n > 0 {
        u64::from(b[0]) | (u64::from(b[n / 2]) << 8) | (u64::from(b[n - 1]) << 16)
    } else {
        0
    };
    fold_mul(x ^ n as u64, 0x9E37_79B9_7F4A_7C15)
}

/// The 128-bit product of `a` and `b`, its halves xored: a fast mix of all bits of both.
fn fold_mul(a: u64, b: u64) -> u64 {
    let p = u128::from(a) * u128::from(b);
    (p as u64) ^ ((p >> 64) as u64)
}

impl Interner {
    fn name(&self, sym: Sym) -> &str {
        match KNOWN.get(sym as usize) {
            Some(known) => known,
            None => &self.extra[sym as usize - KNOWN.len()],
        }
    }

    fn slot(bytes: &[u8]) -> usize {
        (short_hash(bytes) >> 56) as usize
    }

    /// The symbol of a name, when it is known or the document used it.
    fn find(&self, bytes: &[u8]) -> Option<Sym> {
        let recent = self.recent[Self::slot(bytes)];
        if recent != NO_SYM && self.name(recent).as_bytes() == bytes {
            return Some(recent);
        }
        self.find_hashed(bytes, Self::hash(bytes))
    }

    fn find_hashed(&self, bytes: &[u8], hash: u64) -> Option<Sym> {
        let known = &KNOWN_INDEX.1;
        if let Some(&sym) = known.find(hash, |&s| KNOWN[s as usize].as_bytes() == bytes) {
            return Some(sym);
        }
        self.index
            .find(hash, |&s| {
                self.extra[s as usize - KNOWN.len()].as_bytes() == bytes
            })
            .copied()
    }

    fn hash(bytes: &[u8]) -> u64 {
        KNOWN_INDEX.0.hash_one(bytes)
    }

    fn intern(&mut self, bytes: &[u8]) -> Sym {
        let slot = Self::slot(bytes);
        let recent = self.recent[slot];
        if recent != NO_SYM && self.name(recent).as_bytes() == bytes {
            return recent;
        }
        let sym = self.intern_hashed(bytes);
        self.recent[slot] = sym;
        sym
    }

    fn intern_hashed(&mut self, bytes: &[u8]) -> Sym {
        let hash = Self::hash(bytes);
        if let Some(sym) = self.find_hashed(bytes, hash) {
            return sym;
        }
        let sym = (KNOWN.len() + self.extra.len()) as Sym;
        // (names are slices of a `str` cut at ASCII bytes: always UTF-8, stored as they are)
        self.extra.push(utf8(bytes).as_ref().into());
        let extra = &self.extra;
        self.index.insert_unique(hash, sym, |&s| {
            Self::hash(extra[s as usize - KNOWN.len()].as_bytes())
        });
        sym
    }

    /// The symbol and kind of a namespace URI.
    fn intern_ns(&mut self, bytes: &[u8]) -> (Ns, Sym) {
        if let Some((last, kind)) = self.last_ns {
            if self.name(last).as_bytes() == bytes {
                return (kind, last);
            }
        }
        let sym = self.intern(bytes);
        let text = self.name(sym).trim_end_matches('/');
        let kind = if CVRF_NAMESPACES.contains(&text) {
            Ns::Cvrf
        } else {
            Ns::Foreign
        };
        self.last_ns = Some((sym, kind));
        (kind, sym)
    }
}

/// The text of a slice of the (already valid UTF-8) input.
fn utf8(bytes: &[u8]) -> Cow<'_, str> {
    match std::str::from_utf8(bytes) {
        Ok(s) => Cow::Borrowed(s),
        Err(_) => String::from_utf8_lossy(bytes),
    }
}

/// Why the text is not a (safe) well-formed XML document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct XmlError {
    /// Lowercase message, values in backticks.
    pub message: String,
    /// Byte offset of the problem.
    pub offset: usize,
}

fn err(message: impl Into<String>, offset: usize) -> XmlError {
    XmlError {
        message: message.into(),
        offset,
    }
}

/// An element whose end tag is not read yet.
struct Open {
    id: NodeId,
    /// Where its text starts in the buffer of open elements' texts.
    text_at: usize,
    /// Whether a child element was read.
    has_children: bool,
}

/// Builds the tree from the reading of a document, event by event. Both readers feed it (the
/// quick-xml one in [`parse`], the hand-written one in [`fast`]), so the two build the same tree
/// by construction as long as they cut the document into the same events: the texts (split at
/// references, comments, processing instructions and CDATA sections, as quick-xml splits them),
/// the references, the tags, in the same order.
struct Builder {
    names: Interner,
    elements: Vec<Element>,
    attrs: Vec<Attr>,
    texts: String,
    stack: Vec<Open>,
    /// The texts of the open elements, outermost first: a child's text is appended after its
    /// parent's and moved to `texts` when the child ends, so the parent's text stays contiguous.
    open_text: String,
    /// Whitespace seen in an element that has no child yet (where it starts in `open_text`): its
    /// text if no child follows.
    pending: Option<usize>,
    /// Whether the root element ended.
    root_done: bool,
}

impl Builder {
    fn new(text: &str) -> Self {
        // Sized from the input: no doubling copies of the largest arrays, and no capacity left
        // unused (the documents with the most elements per byte, Microsoft's, have one per 35
        // bytes, others one per 100). An element has one `<` not followed by `/` (its start tag;
        // comments, declarations and processing instructions have one too): an upper bound read
        // at memchr speed, capped for inputs of little else than `<` (comments, CDATA), which grow
        // like before.
        let tags = start_tags(text).min(text.len() / 16 + 16);
        Builder {
            names: Interner::default(),
            elements: Vec::with_capacity(tags),
            // (about one attribute per two elements)
            attrs: Vec::with_capacity(tags / 2 + 8),
            texts: String::with_capacity(text.len() / 4),
            stack: Vec::new(),
            open_text: String::new(),
            pending: None,
            root_done: false,
        }
    }

    /// Adds an attribute of the element being started: `raw` is its value as written (between the
    /// quotes, which start at `value_at`), `start..end` its range. Fails on a `<` or an unknown
    /// entity in the value.
    fn attr(
        &mut self,
        key: &[u8],
        raw: &str,
        value_at: usize,
        start: usize,
        end: usize,
    ) -> Result<(), XmlError> {
        let value_start = self.texts.len();
        if !raw
            .bytes()
            .any(|b| matches!(b, b'<' | b'&' | b'\t' | b'\n' | b'\r'))
        {
            self.texts.push_str(raw);
        } else {
            if raw.contains('<') {
                return Err(err(
                    "not well-formed XML: `<` is not allowed in an attribute value",
                    value_at,
                ));
            }
            // attribute-value normalization of literal whitespace (XML 1.0 §3.3.3)
            let normalized = raw.replace(['\t', '\n', '\r'], " ");
            let value =
                quick_xml::escape::unescape_with(&normalized, predefined_str).map_err(|e| match e {
                    EscapeError::UnrecognizedEntity(range, name) => err(
                        format!(
                        "not well-formed XML: the entity `&{name};` is not defined \
                         (only `&lt;`, `&gt;`, `&amp;`, `&apos;`, `&quot;` and character references are read)"
                    ),
                        value_at + range.start.saturating_sub(1),
                    ),
                    other => err(format!("not well-formed XML: {other}"), value_at),
                })?;
            self.texts.push_str(&value);
        }
        self.attrs.push(Attr {
            name: self.names.intern(key),
            value: Span {
                start: value_start,
                end: self.texts.len(),
            },
            start,
            end,
        });
        Ok(())
    }

    /// Adds the element whose start tag spans `start..tag_end`, its attributes being those added
    /// since `first_attr`; opens it unless `empty`. (The reader checked the depth and that it is
    /// not a second root.)
    fn start(
        &mut self,
        name: Sym,
        (ns, ns_uri): (Ns, Sym),
        first_attr: usize,
        start: usize,
        tag_end: usize,
        empty: bool,
    ) {
        let id = self.elements.len() as NodeId;
        self.elements.push(Element {
            name,
            ns,
            ns_uri,
            parent: self.stack.last().map(|o| o.id),
            children: Slots::default(),
            attrs: Slots {
                start: first_attr as u32,
                len: (self.attrs.len() - first_attr) as u32,
            },
            text: Span::default(),
            start,
            tag_end,
            end: tag_end,
        });
        if let Some(open) = self.stack.last_mut() {
            // whitespace before the first child is not text
            if let Some(at) = self.pending.take() {
                self.open_text.truncate(at);
            }
            open.has_children = true;
            self.elements[open.id as usize].children.len += 1;
        }
        if empty {
            self.root_done |= self.stack.is_empty();
        } else {
            self.stack.push(Open {
                id,
                text_at: self.open_text.len(),
                has_children: false,
            });
        }
    }

    /// Ends the innermost open element (the reader checked the end tag's name), its end tag
    /// ending before `end`.
    fn end(&mut self, end: usize) {
        // pending whitespace stays: the element has no child
        self.pending = None;
        if let Some(open) = self.stack.pop() {
            let el = &mut self.elements[open.id as usize];
            el.end = end;
            let own = &self.open_text[open.text_at..];
            if !own.is_empty() {
                let start = self.texts.len();
                self.texts.push_str(own);
                el.text = Span {
                    start,
                    end: self.texts.len(),
                };
                self.open_text.truncate(open.text_at);
            }
        }
        self.root_done |= self.stack.is_empty();
    }

    /// Adds a run of text (as written, references excepted) inside the root element.
    fn text(&mut self, raw: &str) {
        let Some(open) = self.stack.last() else {
            return;
        };
        let blank = raw.bytes().all(is_xml_space);
        if blank && open.has_children {
            // whitespace between child elements
        } else if blank && self.open_text.len() == open.text_at && self.pending.is_none() {
            self.pending = Some(self.open_text.len());
            push_normalized(&mut self.open_text, raw);
        } else {
            self.pending = None;
            push_normalized(&mut self.open_text, raw);
        }
    }

    /// Adds the content of a CDATA section inside the root element.
    fn cdata(&mut self, raw: &str) {
        self.pending = None;
        push_normalized(&mut self.open_text, raw);
    }

    /// Adds the character of a reference inside the root element.
    fn char(&mut self, c: char) {
        self.pending = None;
        self.open_text.push(c);
    }

    /// The tree, once the whole input is read and the root element ended.
    fn finish(mut self) -> XmlTree {
        let children = child_lists(&mut self.elements);
        XmlTree {
            elements: self.elements,
            attrs: self.attrs,
            children,
            texts: self.texts,
            names: self.names,
            step_indexes: OnceLock::new(),
            by_name: OnceLock::new(),
        }
    }
}

/// Reads `text` into a tree. `check_root` sees the root element's local name and namespace URI as
/// soon as its start tag is read, and may stop the parse with a message.
///
/// The hand-written reader of [`fast`] reads the documents it is sure of (nearly all real ones);
/// it gives up on anything else, which quick-xml then reads from the start: the tree, or the
/// located error, is the same either way.
pub fn parse(text: &str, check_root: impl Fn(&str, &str) -> Result<(), String>) -> Result<XmlTree, XmlError> {
    match fast::parse(text, &check_root) {
        Some(tree) => Ok(tree),
        None => parse_quick(text, check_root),
    }
}

/// [`parse`] with quick-xml's namespace-aware reader, whatever the input.
fn parse_quick(
    text: &str,
    check_root: impl Fn(&str, &str) -> Result<(), String>,
) -> Result<XmlTree, XmlError> {
    let mut reader = NsReader::from_str(text);
    {
        let config = reader.config_mut();
        config.trim_text(false);
        config.expand_empty_elements = false;
        config.check_end_names = true;
        config.check_comments = true;
        config.allow_dangling_amp = false;
        config.allow_unmatched_ends = false;
    }
    let base = text.as_ptr() as usize;
    let mut b = Builder::new(text);
    loop {
        let pos = reader.buffer_position() as usize;
        let (ns, event) = match reader.read_resolved_event() {
            // only start tags need their namespace (interning it costs a lookup)
            Ok((ns, event @ (Event::Start(_) | Event::Empty(_)))) => (namespace(&ns, &mut b.names), event),
            Ok((_, event)) => ((Ns::None, 0), event),
            Err(e) => {
                let at = (reader.error_position() as usize).min(text.len());
                let inside = b.stack.last().map(|o| b.elements[o.id as usize].name);
                return Err(err(quick_xml_message(&e, inside, &b.names), at));
            }
        };
        let empty = matches!(event, Event::Empty(_));
        match event {
            Event::Start(e) | Event::Empty(e) => {
                if b.stack.is_empty() && b.root_done {
                    let name = String::from_utf8_lossy(e.name().as_ref()).into_owned();
                    return Err(err(
                        format!("not well-formed XML: a second root element `{name}` (a document has exactly one)"),
                        pos,
                    ));
                }
                if b.stack.len() >= MAX_DEPTH {
                    let name = String::from_utf8_lossy(e.name().as_ref()).into_owned();
                    return Err(err(
                        format!("elements nest deeper than {MAX_DEPTH} levels (at `{name}`)"),
                        pos,
                    ));
                }
                let tag_end = reader.buffer_position() as usize;
                let name = b.names.intern(e.local_name().as_ref());
                if b.stack.is_empty() {
                    check_root(b.names.name(name), b.names.name(ns.1)).map_err(|m| err(m, pos))?;
                }
                let first_attr = b.attrs.len();
                attributes(&e, text, base, pos, &mut b)?;
                b.start(name, ns, first_attr, pos, tag_end, empty);
            }
            // quick-xml checked that the name matches the open element
            Event::End(_) => b.end(reader.buffer_position() as usize),
            Event::Text(t) => {
                // a slice of the input (already a `str`): no UTF-8 check again, and line ends
                // normalized only where a `\r` occurs
                let raw = match input_str(&t, text, base) {
                    Some(raw) => Cow::Borrowed(raw),
                    None => t
                        .xml10_content()
                        .map_err(|e| err(format!("not well-formed XML: {e}"), pos))?,
                };
                if !b.stack.is_empty() {
                    b.text(&raw);
                } else if !raw.bytes().all(is_xml_space) {
                    let content = normalize_eols(&raw);
                    let lead = content.len()
                        - content
                            .trim_start_matches(|c: char| c.is_ascii() && is_xml_space(c as u8))
                            .len();
                    return Err(err(outside_root(b.root_done), pos + lead));
                }
            }
            Event::CData(c) => {
                let raw = match input_str(&c, text, base) {
                    Some(raw) => Cow::Borrowed(raw),
                    None => c
                        .xml10_content()
                        .map_err(|e| err(format!("not well-formed XML: {e}"), pos))?,
                };
                if b.stack.is_empty() {
                    return Err(err(outside_root(b.root_done), pos));
                }
                b.cdata(&raw);
            }
            Event::GeneralRef(r) => {
                let name = String::from_utf8_lossy(&r).into_owned();
                if b.stack.is_empty() {
                    return Err(err(outside_root(b.root_done), pos));
                }
                let c = if r.is_char_ref() {
                    match r.resolve_char_ref() {
                        Ok(Some(c)) if is_xml_char(c) => c,
                        _ => {
                            return Err(err(
                                format!("not well-formed XML: `&{name};` is not a valid character reference"),
                                pos,
                            ))
                        }
                    }
                } else {
                    match predefined(&name) {
                        Some(c) => c,
                        None => {
                            return Err(err(
                                format!(
                                    "not well-formed XML: the entity `&{name};` is not defined \
                                     (only `&lt;`, `&gt;`, `&amp;`, `&apos;`, `&quot;` and character references are read)"
                                ),
                                pos,
                            ))
                        }
                    }
                };
                b.char(c);
            }
            Event::DocType(d) => {
                if !b.elements.is_empty() {
                    return Err(err(
                        "not well-formed XML: a `<!DOCTYPE>` after the root element",
                        pos,
                    ));
                }
                let content = String::from_utf8_lossy(&d);
                if content.contains("<!ENTITY") {
                    return Err(err(
                        "the document declares entities in its `<!DOCTYPE>`: DTD entities are refused \
                         and never expanded or fetched",
                        pos,
                    ));
                }
                // Any other DOCTYPE (a root name, an external identifier that is never fetched,
                // element or attribute declarations) is ignored.
            }
            Event::Decl(_) | Event::PI(_) | Event::Comment(_) => {}
            Event::Eof => {
                if let Some(open) = b.stack.last() {
                    let el = &b.elements[open.id as usize];
                    return Err(err(
                        format!(
                            "not well-formed XML: the file ends inside the element `{}` (no end tag)",
                            b.names.name(el.name)
                        ),
                        text.len(),
                    ));
                }
                if b.elements.is_empty() {
                    return Err(err("not well-formed XML: there is no root element", text.len()));
                }
                return Ok(b.finish());
            }
        }
    }
}

/// How many `<` of `text` are followed by neither `/`, `!` nor `?`: at least the number of
/// elements.
fn start_tags(text: &str) -> usize {
    let bytes = text.as_bytes();
    memchr::memchr_iter(b'<', bytes)
        .filter(|&i| !matches!(bytes.get(i + 1), Some(b'/' | b'!' | b'?')))
        .count()
}

/// Lays out the child lists: each element's `children.len` holds its number of children; sets
/// their starts (the lists one after the other, in document order of the parents) and fills them.
fn child_lists(elements: &mut [Element]) -> Vec<NodeId> {
    let mut next = 0u32;
    for e in elements.iter_mut() {
        e.children.start = next;
        next += e.children.len;
        e.children.len = 0;
    }
    let mut children = vec![0; next as usize];
    for id in 1..elements.len() {
        if let Some(p) = elements[id].parent {
            let slots = &mut elements[p as usize].children;
            children[(slots.start + slots.len) as usize] = id as NodeId;
            slots.len += 1;
        }
    }
    children
}

fn namespace(ns: &ResolveResult<'_>, names: &mut Interner) -> (Ns, Sym) {
    match ns {
        ResolveResult::Bound(n) => names.intern_ns(n.as_ref()),
        ResolveResult::Unbound => (Ns::None, Known::Empty.sym()),
        ResolveResult::Unknown(_) => (Ns::Foreign, Known::Empty.sym()),
    }
}

fn attributes(
    e: &BytesStart<'_>,
    text: &str,
    base: usize,
    lt: usize,
    b: &mut Builder,
) -> Result<(), XmlError> {
    // positions in AttrError are relative to the tag content, which starts after `<`
    let tag = lt + 1;
    for a in e.attributes() {
        let a = a.map_err(|e| {
            let (msg, at) = match e {
                AttrError::ExpectedEq(p) => ("an attribute name must be followed by `=`".to_owned(), p),
                AttrError::ExpectedValue(p) => {
                    ("`=` must be followed by a quoted attribute value".to_owned(), p)
                }
                AttrError::UnquotedValue(p) => ("an attribute value must be quoted".to_owned(), p),
                AttrError::ExpectedQuote(p, q) => (
                    format!("an attribute value misses its closing `{}`", q as char),
                    p,
                ),
                AttrError::Duplicated(p, _) => ("an attribute occurs twice in the same tag".to_owned(), p),
            };
            err(format!("not well-formed XML: {msg}"), tag + at)
        })?;
        let key = a.key.as_ref();
        if key == b"xmlns" || key.starts_with(b"xmlns:") {
            continue;
        }
        let value_at = offset_in(&a.value, text, base);
        let start = offset_in(key, text, base).unwrap_or(lt);
        let end = value_at.map_or(start + key.len(), |v| v + a.value.len() + 1);
        let raw = match value_at.and_then(|at| text.get(at..at + a.value.len())) {
            Some(raw) => Cow::Borrowed(raw),
            None => utf8(&a.value),
        };
        b.attr(key, &raw, value_at.unwrap_or(lt), start, end)?;
    }
    Ok(())
}

/// The text of event content that is a slice of the input `text` (always, for a reader on a
/// `str`): no second UTF-8 check.
fn input_str<'t>(content: &[u8], text: &'t str, base: usize) -> Option<&'t str> {
    let at = offset_in(content, text, base)?;
    text.get(at..at + content.len())
}

/// Appends `s` with its line ends normalized (XML 1.0 §2.11: `\r\n` and a lone `\r` become `\n`).
fn push_normalized(out: &mut String, s: &str) {
    let mut rest = s;
    while let Some(i) = memchr::memchr(b'\r', rest.as_bytes()) {
        out.push_str(&rest[..i]);
        out.push('\n');
        rest = &rest[i + 1..];
        if let Some(after) = rest.strip_prefix('\n') {
            rest = after;
        }
    }
    out.push_str(rest);
}

/// `s` with its line ends normalized (see [`push_normalized`]).
fn normalize_eols(s: &str) -> Cow<'_, str> {
    if memchr::memchr(b'\r', s.as_bytes()).is_none() {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    push_normalized(&mut out, s);
    Cow::Owned(out)
}

fn offset_in(slice: &[u8], text: &str, base: usize) -> Option<usize> {
    let p = slice.as_ptr() as usize;
    (p >= base && p + slice.len() <= base + text.len()).then(|| p - base)
}

fn predefined_str(name: &str) -> Option<&'static str> {
    Some(match name {
        "lt" => "<",
        "gt" => ">",
        "amp" => "&",
        "apos" => "'",
        "quot" => "\"",
        _ => return None,
    })
}

fn predefined(name: &str) -> Option<char> {
    Some(match name {
        "lt" => '<',
        "gt" => '>',
        "amp" => '&',
        "apos" => '\'',
        "quot" => '"',
        _ => return None,
    })
}

fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r') || (c >= ' ' && c != '\u{FFFE}' && c != '\u{FFFF}')
}

fn is_xml_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r')
}

fn outside_root(root_done: bool) -> &'static str {
    if root_done {
        "not well-formed XML: content after the end of the root element"
    } else {
        "not well-formed XML: content before the root element"
    }
}

fn quick_xml_message(e: &quick_xml::Error, inside: Option<Sym>, names: &Interner) -> String {
    use quick_xml::errors::{Error, IllFormedError, SyntaxError};
    let detail = match e {
        Error::Syntax(SyntaxError::UnclosedTag) => "a tag is not closed with `>`".to_owned(),
        Error::Syntax(SyntaxError::UnclosedComment) => "a comment is not closed with `-->`".to_owned(),
        Error::Syntax(SyntaxError::UnclosedCData) => "a CDATA section is not closed with `]]>`".to_owned(),
        Error::Syntax(SyntaxError::UnclosedDoctype) => "a `<!DOCTYPE` is not closed".to_owned(),
        Error::Syntax(SyntaxError::UnclosedPIOrXmlDecl) => {
            "a processing instruction or XML declaration is not closed with `?>`".to_owned()
        }
        Error::Syntax(SyntaxError::InvalidBangMarkup) => {
            "`<!` starts neither a comment, a CDATA section nor a DOCTYPE".to_owned()
        }
        Error::IllFormed(IllFormedError::MismatchedEndTag { expected, found }) => {
            format!("the end tag `</{found}>` does not match the open element `<{expected}>`")
        }
        Error::IllFormed(IllFormedError::UnmatchedEndTag(found)) => {
            format!("the end tag `</{found}>` has no matching start tag")
        }
        Error::IllFormed(IllFormedError::UnclosedReference) => {
            "a `&` does not start a reference ending in `;` (write `&amp;`)".to_owned()
        }
        Error::IllFormed(IllFormedError::DoubleHyphenInComment) => "a comment contains `--`".to_owned(),
        Error::Namespace(n) => format!("namespace error: {n}"),
        other => other.to_string(),
    };
    let inside = inside
        .map(|name| format!(" (inside `{}`)", names.name(name)))
        .unwrap_or_default();
    format!("not well-formed XML: {detail}{inside}")
}

impl XmlTree {
    /// The root element's id.
    pub const ROOT: NodeId = 0;

    /// The element with this id.
    pub fn el(&self, id: NodeId) -> &Element {
        &self.elements[id as usize]
    }

    /// The child elements of an element, in document order.
    pub fn children(&self, id: NodeId) -> &[NodeId] {
        &self.children[self.el(id).children.range()]
    }

    /// The attributes of an element (namespace declarations excepted), in document order.
    pub fn attrs(&self, id: NodeId) -> &[Attr] {
        &self.attrs[self.el(id).attrs.range()]
    }

    /// The character data of an element (see [`Element`]).
    pub fn text(&self, id: NodeId) -> &str {
        let Span { start, end } = self.el(id).text;
        &self.texts[start..end]
    }

    /// The value of an attribute of this tree: references expanded, literal whitespace
    /// normalized to spaces.
    pub fn attr_value(&self, a: &Attr) -> &str {
        &self.texts[a.value.start..a.value.end]
    }

    /// The text of an interned name.
    pub fn name(&self, sym: Sym) -> &str {
        self.names.name(sym)
    }

    /// The local name of an element.
    pub fn el_name(&self, id: NodeId) -> &str {
        self.name(self.el(id).name)
    }

    /// The namespace URI of an element (empty when it has none).
    pub fn ns_uri(&self, id: NodeId) -> &str {
        self.name(self.el(id).ns_uri)
    }

    /// The interned name of `name`, when the document uses it.
    pub fn sym(&self, name: &str) -> Option<Sym> {
        self.names.find(name.as_bytes())
    }

    /// Child elements named `name` in a CVRF namespace or in none, in document order.
    pub fn kids(&self, id: NodeId, name: &str) -> impl Iterator<Item = NodeId> + '_ {
        let sym = self.sym(name);
        let children: &[NodeId] = if sym.is_some() { self.children(id) } else { &[] };
        children.iter().copied().filter(move |&c| {
            let e = self.el(c);
            Some(e.name) == sym && e.ns != Ns::Foreign
        })
    }

    /// [`XmlTree::kids`] of a [`Known`] name: no name lookup.
    pub fn kids_of(&self, id: NodeId, name: Known) -> impl Iterator<Item = NodeId> + '_ {
        let sym = name.sym();
        self.children(id).iter().copied().filter(move |&c| {
            let e = self.el(c);
            e.name == sym && e.ns != Ns::Foreign
        })
    }

    /// The first child element named `name` (see [`XmlTree::kids`]).
    pub fn kid(&self, id: NodeId, name: &str) -> Option<NodeId> {
        self.kids(id, name).next()
    }

    /// [`XmlTree::kid`] of a [`Known`] name: no name lookup.
    pub fn kid_of(&self, id: NodeId, name: Known) -> Option<NodeId> {
        self.kids_of(id, name).next()
    }

    /// The index and value of the attribute named `name` (as written, e.g. `xml:lang`).
    pub fn attr(&self, id: NodeId, name: &str) -> Option<(u32, &str)> {
        self.attr_sym(id, self.sym(name)?)
    }

    /// [`XmlTree::attr`] of a [`Known`] name: no name lookup.
    pub fn attr_of(&self, id: NodeId, name: Known) -> Option<(u32, &str)> {
        self.attr_sym(id, name.sym())
    }

    fn attr_sym(&self, id: NodeId, sym: Sym) -> Option<(u32, &str)> {
        self.attrs(id)
            .iter()
            .enumerate()
            .find(|(_, a)| a.name == sym)
            .map(|(i, a)| (i as u32, self.attr_value(a)))
    }

    /// The attribute with this index of an element.
    fn attr_at(&self, id: NodeId, a: u32) -> Option<&Attr> {
        self.attrs(id).get(a as usize)
    }

    /// The element path of an element (or of one of its attributes) as the contract writes it:
    /// local names from the root, `[n]` (1-based among same-named siblings) on every step whose
    /// element the CVRF schemas let repeat, and on any step that has same-named siblings.
    pub fn path(&self, id: NodeId, attr: Option<u32>) -> String {
        let mut out = String::with_capacity(128);
        self.write_steps(&mut out, id, self.step_indexes());
        if let Some(a) = attr.and_then(|a| self.attr_at(id, a)) {
            out.push_str("/@");
            out.push_str(self.name(a.name));
        }
        out
    }

    /// Writes the steps from the root to `id` (recursion as deep as the tree: at most
    /// [`MAX_DEPTH`]).
    fn write_steps(&self, out: &mut String, id: NodeId, indexes: &[u32]) {
        let e = self.el(id);
        if let Some(p) = e.parent {
            self.write_steps(out, p, indexes);
        }
        out.push('/');
        out.push_str(self.name(e.name));
        let n = indexes[id as usize];
        if n > 0 {
            out.push('[');
            out.push_str(itoa::Buffer::new().format(n));
            out.push(']');
        }
    }

    /// Resolves an element path (see [`XmlTree::path`]; a step without `[n]` means the first) to
    /// the element and attribute it names, or to its longest existing ancestor.
    pub fn find_path(&self, path: &str) -> (NodeId, Option<u32>) {
        let mut steps = path.split('/').filter(|s| !s.is_empty());
        let root = Self::ROOT;
        match steps.next() {
            Some(s) if split_step(s).0 == self.el_name(root) => {}
            _ => return (root, None),
        }
        let mut cur = root;
        for step in steps {
            if let Some(attr) = step.strip_prefix('@') {
                return (cur, self.attr(cur, attr).map(|(i, _)| i));
            }
            let (name, n) = split_step(step);
            let next = self.sym(name).and_then(|sym| {
                // `cur`'s children sorted by name, document order among the same-named
                let sorted = &self.by_name()[self.el(cur).children.range()];
                let first = sorted.partition_point(|&c| self.el(c).name < sym);
                let c = *sorted.get(first + n.saturating_sub(1))?;
                (self.el(c).name == sym).then_some(c)
            });
            match next {
                Some(c) => cur = c,
                None => break,
            }
        }
        (cur, None)
    }

    /// Per element: the `[n]` its step carries in an element path (its 1-based position among
    /// the same-named children of its parent), or 0 when the step carries none: the root, and an
    /// element without same-named siblings that the schemas do not let repeat (see
    /// [`XmlTree::path`]). One pass over each parent's children, no hashing.
    fn step_indexes(&self) -> &[u32] {
        self.step_indexes.get_or_init(|| {
            let mut indexes = vec![0; self.elements.len()];
            // (name, count, repeatable) of one parent's children: few distinct names, a short
            // linear list
            let mut counts: Vec<(Sym, u32, bool)> = Vec::new();
            for e in &self.elements {
                if e.children.len == 0 {
                    continue;
                }
                let children = &self.children[e.children.range()];
                let parent = self.name(e.name);
                counts.clear();
                for &c in children {
                    let name = self.el(c).name;
                    let n = match counts.iter_mut().find(|(s, _, _)| *s == name) {
                        Some((_, n, _)) => {
                            *n += 1;
                            *n
                        }
                        None => {
                            counts.push((name, 1, repeatable(parent, self.name(name))));
                            1
                        }
                    };
                    indexes[c as usize] = n;
                }
                for &c in children {
                    let name = self.el(c).name;
                    if let Some(&(_, same, rep)) = counts.iter().find(|(s, _, _)| *s == name) {
                        if same == 1 && !rep {
                            indexes[c as usize] = 0;
                        }
                    }
                }
            }
            indexes
        })
    }

    /// The child lists with each one sorted by name, document order kept among the same-named
    /// (for [`XmlTree::find_path`]).
    fn by_name(&self) -> &[NodeId] {
        self.by_name.get_or_init(|| {
            let mut sorted = self.children.clone();
            for e in &self.elements {
                if e.children.len > 1 {
                    sorted[e.children.range()].sort_by_key(|&c| self.el(c).name);
                }
            }
            sorted
        })
    }

    /// The byte range a location points at: the attribute, or the element's start tag.
    pub fn span(&self, id: NodeId, attr: Option<u32>) -> (usize, usize) {
        let e = self.el(id);
        match attr.and_then(|a| self.attr_at(id, a)) {
            Some(a) => (a.start, a.end),
            None => (e.start, e.tag_end),
        }
    }
}

fn split_step(step: &str) -> (&str, usize) {
    match step.split_once('[') {
        Some((name, rest)) => (name, rest.trim_end_matches(']').parse().unwrap_or(1)),
        None => (step, 1),
    }
}

/// Whether the CVRF 1.1/1.2 schemas allow more than one `child` in `parent`.
pub fn repeatable(parent: &str, child: &str) -> bool {
    match child {
        "Vulnerability" | "Alias" | "Revision" | "Note" | "Reference" | "Acknowledgment" | "Name"
        | "Organization" | "Branch" | "Relationship" | "Group" | "ProductID" | "GroupID" | "CWE"
        | "Involvement" | "Threat" | "ScoreSet" | "ScoreSetV2" | "ScoreSetV3" | "Remediation"
        | "Entitlement" => true,
        "Status" => parent == "ProductStatuses",
        "FullProductName" => parent == "ProductTree" || parent == "Relationship",
        "URL" => parent == "Acknowledgment",
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tree(s: &str) -> Result<XmlTree, XmlError> {
        parse(s, |_, _| Ok(()))
    }

    #[test]
    fn positions_and_text() {
        let s = "<?xml version=\"1.0\"?>\n<a x=\"1 &amp; 2\">\n  <b y='q'>t&lt;&#65;<![CDATA[<c>]]></b><b/>\n</a>";
        let t = tree(s).unwrap();
        assert_eq!(t.elements.len(), 3);
        let a = t.el(0);
        assert_eq!(&s[a.start..a.tag_end], "<a x=\"1 &amp; 2\">");
        let x = &t.attrs(0)[0];
        assert_eq!(t.attr_value(x), "1 & 2");
        assert_eq!(t.text(0), "");
        assert_eq!(&s[x.start..x.end], "x=\"1 &amp; 2\"");
        let b = t.el(1);
        assert_eq!(&s[b.start..b.tag_end], "<b y='q'>");
        assert_eq!(t.text(1), "t<A<c>");
        assert_eq!(&s[b.start..b.end], "<b y='q'>t&lt;&#65;<![CDATA[<c>]]></b>");
        assert_eq!(t.path(2, None), "/a/b[2]");
        assert_eq!(t.path(1, Some(0)), "/a/b[1]/@y");
        assert_eq!(t.find_path("/a/b[2]"), (2, None));
        assert_eq!(t.find_path("/a/b/@y"), (1, Some(0)));
        assert_eq!(t.find_path("/a/b[7]/c"), (0, None));
    }

    /// The element path as the contract writes it, step by step from the root (the reference
    /// for [`XmlTree::path`], which writes it back to front).
    fn reference_path(t: &XmlTree, id: NodeId, attr: Option<u32>) -> String {
        let mut steps = Vec::new();
        let mut cur = Some(id);
        while let Some(c) = cur {
            let e = t.el(c);
            let parent = e.parent;
            let same: Vec<NodeId> = match parent {
                Some(p) => t
                    .children(p)
                    .iter()
                    .copied()
                    .filter(|&s| t.el(s).name == e.name)
                    .collect(),
                None => vec![c],
            };
            let n = same.iter().position(|&s| s == c).unwrap() + 1;
            let indexed =
                parent.is_some() && (same.len() > 1 || repeatable(t.el_name(parent.unwrap()), t.el_name(c)));
            steps.push(if indexed {
                format!("/{}[{n}]", t.el_name(c))
            } else {
                format!("/{}", t.el_name(c))
            });
            cur = parent;
        }
        steps.reverse();
        let mut out = steps.concat();
        if let Some(a) = attr.and_then(|a| t.attrs(id).get(a as usize)) {
            out.push_str("/@");
            out.push_str(t.name(a.name));
        }
        out
    }

    #[test]
    fn paths_match_the_reference() {
        let mut s = String::from("<cvrfdoc xmlns=\"urn:x\"><ProductTree>");
        for i in 0..12 {
            s.push_str(&format!(
                "<Branch Name=\"b{i}\"><FullProductName ProductID=\"P{i}\">p</FullProductName></Branch>"
            ));
        }
        s.push_str("<Extra/><Extra/><One a=\"1\" b=\"2\"/></ProductTree><Vulnerability><Notes><Note/></Notes></Vulnerability></cvrfdoc>");
        let t = tree(&s).unwrap();
        for id in 0..t.elements.len() as NodeId {
            assert_eq!(t.path(id, None), reference_path(&t, id, None));
            for a in 0..=t.attrs(id).len() as u32 {
                assert_eq!(t.path(id, Some(a)), reference_path(&t, id, Some(a)), "{id} {a}");
            }
        }
        assert_eq!(
            t.path(25, None),
            "/cvrfdoc/ProductTree/Branch[12]/FullProductName"
        );
        assert_eq!(t.path(27, None), "/cvrfdoc/ProductTree/Extra[2]");
    }

    #[test]
    fn names_are_interned_once_whatever_their_slot() {
        // many names, so that the direct-mapped cache of recent symbols collides
        let mut names = Interner::default();
        let words: Vec<String> = (0..2000)
            .map(|i| format!("n{i}"))
            .chain(KNOWN.iter().map(|k| k.to_string()))
            .collect();
        let syms: Vec<Sym> = words.iter().map(|w| names.intern(w.as_bytes())).collect();
        for (w, &sym) in words.iter().zip(&syms) {
            assert_eq!(names.name(sym), w);
            assert_eq!(names.intern(w.as_bytes()), sym);
            assert_eq!(names.find(w.as_bytes()), Some(sym));
        }
        for (i, k) in KNOWN.iter().enumerate() {
            assert_eq!(names.find(k.as_bytes()), Some(i as Sym));
        }
        assert_eq!(names.find(b"never-used"), None);
        let distinct: std::collections::HashSet<Sym> = syms.iter().copied().collect();
        assert_eq!(distinct.len(), words.len());
        let t = tree("<Vulnerability><ProductID/><Foo/></Vulnerability>").unwrap();
        assert_eq!(t.el(0).name, Known::Vulnerability.sym());
        assert_eq!(t.sym("Foo"), Some(t.el(2).name));
        assert_eq!(t.kid_of(0, Known::ProductID), t.kid(0, "ProductID"));
    }

    #[test]
    fn start_tags_bound_the_elements() {
        for s in [
            "<a/>",
            "<?xml version=\"1.0\"?><!-- < --><a><b>x</b><![CDATA[<c>]]><d/></a>",
            "<a>\n<b></b>\n</a>",
        ] {
            let t = tree(s).unwrap();
            assert!(start_tags(s) >= t.elements.len(), "{s}");
        }
        assert_eq!(start_tags("<a><b/></a>"), 2);
    }

    #[test]
    fn refuses_entities_and_depth() {
        let e = tree("<!DOCTYPE a [<!ENTITY x \"y\">]><a>&x;</a>").unwrap_err();
        assert!(e.message.contains("declares entities"), "{e:?}");
        let e = tree("<a>&x;</a>").unwrap_err();
        assert!(e.message.contains("`&x;` is not defined"), "{e:?}");
        assert_eq!(e.offset, 3);
        let e = tree("<a b=\"&x;\"/>").unwrap_err();
        assert!(e.message.contains("not well-formed"), "{e:?}");
        let deep = "<a>".repeat(MAX_DEPTH + 1);
        let e = tree(&deep).unwrap_err();
        assert!(e.message.contains("nest deeper"), "{e:?}");
        assert_eq!(e.offset, 3 * MAX_DEPTH);
    }

    #[test]
    fn located_well_formedness_errors() {
        let e = tree("<a>\n<b></c></a>").unwrap_err();
        assert!(e.message.contains("`</c>`"), "{e:?}");
        let e = tree("<a>").unwrap_err();
        assert!(e.message.contains("ends inside"), "{e:?}");
        let e = tree("<a/><b/>").unwrap_err();
        assert!(e.message.contains("second root"), "{e:?}");
        assert_eq!(e.offset, 4);
        let e = tree("<a x=\"1\" x=\"2\"/>").unwrap_err();
        assert_eq!(e.offset, 9, "{e:?}");
        let e = tree("<a/> x").unwrap_err();
        assert_eq!(e.offset, 5, "{e:?}");
        let e = tree("").unwrap_err();
        assert!(e.message.contains("no root"), "{e:?}");
    }
}
