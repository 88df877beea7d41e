//! A hand-written reader for the plain XML that advisories are written in, about twice as fast
//! as quick-xml's namespace-aware reader with its attribute iterator.
//!
//! It reads a conservative subset: the XML declaration, comments, processing instructions,
//! CDATA sections, start, end and empty tags with ASCII names (at most one `:`), quoted
//! attributes, namespace declarations and prefixes, text with the five predefined entities and
//! character references. It decides nothing about anything else: on whatever it is not sure of
//! (a `<!DOCTYPE>`, a name or an attribute it does not read, a duplicated attribute, a prefix
//! that is not declared, a reference it does not know, a mismatched end tag, content outside the
//! root, nesting too deep, an input that ends too early, a root that `check_root` refuses…) it
//! gives up, and quick-xml reads the document from the start: it gives the error, or the tree
//! when the document was well-formed after all. So it only has to agree with quick-xml on what
//! it accepts, and it does by cutting the document into the same events and handing them to the
//! same [`Builder`].

use super::{is_xml_char, is_xml_space, Builder, Known, Ns, Sym, XmlTree, MAX_DEPTH};

/// The reader gave up: quick-xml reads the document instead.
struct GiveUp;

type Read<T> = Result<T, GiveUp>;

/// Per byte: 1 if it may start a name, 2 if it may continue one (ASCII letters, digits, `_`,
/// `-`, `.`; `:` is read apart).
const NAME: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        t[b] = if c.is_ascii_alphabetic() || c == b'_' {
            3
        } else if c.is_ascii_digit() || c == b'-' || c == b'.' {
            2
        } else {
            0
        };
        b += 1;
    }
    t
};

/// A namespace declaration in scope.
struct Binding<'t> {
    /// The prefix (empty for the default namespace).
    prefix: &'t [u8],
    /// The namespace URI as written (quick-xml does not expand references in it either).
    uri: &'t [u8],
    /// The depth of the element that declares it (the root is 1).
    depth: usize,
}

/// An attribute of the start tag being read.
struct RawAttr {
    key: (usize, usize),
    value: (usize, usize),
}

/// Reads `text` into the tree quick-xml's reader would build, or gives up (`None`).
pub(super) fn parse(text: &str, check_root: &impl Fn(&str, &str) -> Result<(), String>) -> Option<XmlTree> {
    Reader {
        text,
        bytes: text.as_bytes(),
        b: Builder::new(text),
        open: Vec::new(),
        ns: Vec::new(),
        tag_attrs: Vec::new(),
        last_ns: None,
        ns_changes: 0,
    }
    .read(check_root)
    .ok()
}

struct Reader<'t> {
    text: &'t str,
    bytes: &'t [u8],
    b: Builder,
    /// The qualified names of the open elements (ranges of the input), outermost first.
    open: Vec<(usize, usize)>,
    /// The namespace declarations in scope, outermost first.
    ns: Vec<Binding<'t>>,
    /// The attributes of the start tag being read.
    tag_attrs: Vec<RawAttr>,
    /// The last namespace resolved: the prefix, the number of declarations that changed the
    /// scope before (a declaration or the end of its scope counts one) and the result. Elements
    /// mostly resolve the prefix of the one before in the same scope: no search of the scope.
    last_ns: Option<(&'t [u8], u64, (Ns, Sym))>,
    /// How many times the scope changed.
    ns_changes: u64,
}

impl<'t> Reader<'t> {
    /// The byte at `i`, 0 past the end (0 is no byte the reader accepts anywhere it looks).
    fn at(&self, i: usize) -> u8 {
        self.bytes.get(i).copied().unwrap_or(0)
    }

    fn read(mut self, check_root: &impl Fn(&str, &str) -> Result<(), String>) -> Read<XmlTree> {
        let bytes = self.bytes;
        let mut i = 0;
        loop {
            // text up to the next markup or reference: one event, as quick-xml cuts it
            let Some(k) = memchr::memchr2(b'<', b'&', &bytes[i..]) else {
                if i < bytes.len() {
                    self.text_run(i, bytes.len())?;
                }
                break;
            };
            if k > 0 {
                self.text_run(i, i + k)?;
            }
            i += k;
            i = if bytes[i] == b'&' {
                self.reference(i)?
            } else {
                match self.at(i + 1) {
                    b'/' => self.end_tag(i)?,
                    b'?' => self.pi(i)?,
                    b'!' => self.bang(i)?,
                    _ => self.start_tag(i, check_root)?,
                }
            };
        }
        if !self.open.is_empty() || self.b.elements.is_empty() {
            return Err(GiveUp);
        }
        Ok(self.b.finish())
    }

    /// A text event `start..end` (not empty).
    fn text_run(&mut self, start: usize, end: usize) -> Read<()> {
        let raw = &self.text[start..end];
        if self.open.is_empty() {
            // outside the root, only whitespace
            return if raw.bytes().all(is_xml_space) {
                Ok(())
            } else {
                Err(GiveUp)
            };
        }
        self.b.text(raw);
        Ok(())
    }

    /// The reference at `i` (`&`) in text; returns where the text goes on.
    fn reference(&mut self, i: usize) -> Read<usize> {
        if self.open.is_empty() {
            return Err(GiveUp);
        }
        let rest = &self.bytes[i + 1..];
        let (c, len) = if rest.first() == Some(&b'#') {
            char_ref(rest).ok_or(GiveUp)?
        } else {
            predefined(rest).ok_or(GiveUp)?
        };
        self.b.char(c);
        Ok(i + 1 + len)
    }

    /// The end tag at `i` (`</`); returns the position after it.
    fn end_tag(&mut self, i: usize) -> Read<usize> {
        let &(qs, qe) = self.open.last().ok_or(GiveUp)?;
        let name = &self.bytes[qs..qe];
        let mut j = i + 2;
        if self.bytes.get(j..j + name.len()) != Some(name) {
            return Err(GiveUp);
        }
        j += name.len();
        while is_xml_space(self.at(j)) {
            j += 1;
        }
        if self.at(j) != b'>' {
            return Err(GiveUp);
        }
        let depth = self.open.len();
        self.open.pop();
        self.pop_bindings(depth);
        self.b.end(j + 1);
        Ok(j + 1)
    }

    /// The processing instruction or XML declaration at `i` (`<?`), which the tree ignores.
    fn pi(&mut self, i: usize) -> Read<usize> {
        // a target that starts with a letter, so that the `?` of `<?` cannot end it
        if !self.at(i + 2).is_ascii_alphabetic() {
            return Err(GiveUp);
        }
        let end = memchr::memmem::find(&self.bytes[i + 3..], b"?>").ok_or(GiveUp)?;
        Ok(i + 3 + end + 2)
    }

    /// The comment or CDATA section at `i` (`<!`); gives up on anything else (a `<!DOCTYPE>`).
    fn bang(&mut self, i: usize) -> Read<usize> {
        let rest = &self.bytes[i..];
        if rest.starts_with(b"<!--") {
            // the first `--` must end the comment; a comment starting with `-` or `>` is left to
            // quick-xml (it reads `<!-->` and `<!--->` its own way)
            if matches!(self.at(i + 4), b'-' | b'>') {
                return Err(GiveUp);
            }
            let end = i + 4 + memchr::memmem::find(&rest[4..], b"--").ok_or(GiveUp)?;
            if self.at(end + 2) != b'>' {
                return Err(GiveUp);
            }
            Ok(end + 3)
        } else if rest.starts_with(b"<![CDATA[") {
            if self.open.is_empty() {
                return Err(GiveUp);
            }
            let end = i + 9 + memchr::memmem::find(&rest[9..], b"]]>").ok_or(GiveUp)?;
            self.b.cdata(&self.text[i + 9..end]);
            Ok(end + 3)
        } else {
            Err(GiveUp)
        }
    }

    /// A name at `i`: ASCII name characters with at most one `:`, not first nor last. Returns its
    /// end and where its `:` is.
    fn name(&self, i: usize) -> Read<(usize, Option<usize>)> {
        if NAME[self.at(i) as usize] & 1 == 0 {
            return Err(GiveUp);
        }
        let mut j = i + 1;
        while NAME[self.at(j) as usize] != 0 {
            j += 1;
        }
        if self.at(j) != b':' {
            return Ok((j, None));
        }
        let colon = j;
        j += 1;
        if NAME[self.at(j) as usize] & 1 == 0 {
            return Err(GiveUp);
        }
        j += 1;
        while NAME[self.at(j) as usize] != 0 {
            j += 1;
        }
        if self.at(j) == b':' {
            return Err(GiveUp);
        }
        Ok((j, Some(colon)))
    }

    /// The start or empty tag at `i` (`<`); returns the position after it.
    fn start_tag(&mut self, i: usize, check_root: &impl Fn(&str, &str) -> Result<(), String>) -> Read<usize> {
        let bytes = self.bytes;
        let (name_end, colon) = self.name(i + 1)?;
        let depth = self.open.len() + 1;
        if depth > MAX_DEPTH || (self.open.is_empty() && self.b.root_done) {
            return Err(GiveUp);
        }
        // the attributes: ((whitespace, name, `=`, quoted value)*, whitespace, `>` or `/>`
        self.tag_attrs.clear();
        let mut j = name_end;
        let empty = loop {
            let before = j;
            while is_xml_space(self.at(j)) {
                j += 1;
            }
            match self.at(j) {
                b'>' => {
                    j += 1;
                    break false;
                }
                b'/' if self.at(j + 1) == b'>' => {
                    j += 2;
                    break true;
                }
                _ if j == before => return Err(GiveUp),
                _ => {}
            }
            let key_start = j;
            let (key_end, key_colon) = self.name(j)?;
            j = key_end;
            while is_xml_space(self.at(j)) {
                j += 1;
            }
            if self.at(j) != b'=' {
                return Err(GiveUp);
            }
            j += 1;
            while is_xml_space(self.at(j)) {
                j += 1;
            }
            let quote = self.at(j);
            if quote != b'"' && quote != b'\'' {
                return Err(GiveUp);
            }
            let value_start = j + 1;
            let value_end = value_start + memchr::memchr(quote, &bytes[value_start..]).ok_or(GiveUp)?;
            j = value_end + 1;
            let key = &bytes[key_start..key_end];
            if self.tag_attrs.iter().any(|a| &bytes[a.key.0..a.key.1] == key) {
                return Err(GiveUp);
            }
            if key.starts_with(b"xmlns") && (key.len() == 5 || key_colon == Some(key_start + 5)) {
                self.declare(
                    key_colon.map_or(&[][..], |c| &bytes[c + 1..key_end]),
                    value_start,
                    value_end,
                    depth,
                )?;
            }
            self.tag_attrs.push(RawAttr {
                key: (key_start, key_end),
                value: (value_start, value_end),
            });
        };
        // the namespace first, the local name next, then the attributes' names: interned in the
        // order quick-xml's reader interns them
        let ns = self.resolve(i + 1, colon)?;
        let local = colon.map_or(i + 1, |c| c + 1);
        let name = self.b.names.intern(&bytes[local..name_end]);
        if self.open.is_empty() {
            check_root(self.b.names.name(name), self.b.names.name(ns.1)).map_err(|_| GiveUp)?;
        }
        let first_attr = self.b.attrs.len();
        for a in &self.tag_attrs {
            let key = &bytes[a.key.0..a.key.1];
            if key == b"xmlns" || key.starts_with(b"xmlns:") {
                continue;
            }
            let (vs, ve) = a.value;
            self.b
                .attr(key, &self.text[vs..ve], vs, a.key.0, ve + 1)
                .map_err(|_| GiveUp)?;
        }
        self.b.start(name, ns, first_attr, i, j, empty);
        if empty {
            self.pop_bindings(depth);
        } else {
            self.open.push((i + 1, name_end));
        }
        Ok(j)
    }

    /// Declares the namespace `value_start..value_end` for `prefix` (empty: the default one) on
    /// the element at `depth`.
    fn declare(&mut self, prefix: &'t [u8], value_start: usize, value_end: usize, depth: usize) -> Read<()> {
        let uri = &self.bytes[value_start..value_end];
        // quick-xml refuses some of these and reads the others in ways not worth repeating here
        if prefix == b"xml"
            || prefix == b"xmlns"
            || (!prefix.is_empty() && uri.is_empty())
            || uri == b"http://www.w3.org/XML/1998/namespace"
            || uri == b"http://www.w3.org/2000/xmlns/"
            || uri.iter().any(|&c| matches!(c, b'<' | b'&'))
        {
            return Err(GiveUp);
        }
        self.ns.push(Binding { prefix, uri, depth });
        self.ns_changes += 1;
        Ok(())
    }

    /// The namespace of the element named at `start`, its `:` at `colon`: the nearest declaration
    /// of its prefix (gives up on a prefix not declared).
    fn resolve(&mut self, start: usize, colon: Option<usize>) -> Read<(Ns, Sym)> {
        let prefix = colon.map_or(&[][..], |c| &self.bytes[start..c]);
        if let Some((last, changes, ns)) = self.last_ns {
            if changes == self.ns_changes && last == prefix {
                return Ok(ns);
            }
        }
        let ns = match self.ns.iter().rev().find(|n| n.prefix == prefix) {
            Some(n) if !n.uri.is_empty() => self.b.names.intern_ns(n.uri),
            // `xmlns=""`, or none: no namespace
            _ if colon.is_none() => (Ns::None, Known::Empty.sym()),
            _ => return Err(GiveUp),
        };
        self.last_ns = Some((prefix, self.ns_changes, ns));
        Ok(ns)
    }

    /// Ends the scope of the declarations of the element at `depth`.
    fn pop_bindings(&mut self, depth: usize) {
        while self.ns.last().is_some_and(|n| n.depth >= depth) {
            self.ns.pop();
            self.ns_changes += 1;
        }
    }
}

/// The character reference at the start of `rest` (`#…;`, after the `&`) and its length with the
/// `;`: digits only (hexadecimal after `x`), a character XML allows.
fn char_ref(rest: &[u8]) -> Option<(char, usize)> {
    let (radix, digits_at) = if rest.get(1) == Some(&b'x') {
        (16, 2)
    } else {
        (10, 1)
    };
    let mut code: u32 = 0;
    let mut j = digits_at;
    while let Some(d) = rest.get(j).and_then(|&b| (b as char).to_digit(radix)) {
        code = code.checked_mul(radix)?.checked_add(d)?;
        j += 1;
    }
    if j == digits_at || rest.get(j) != Some(&b';') || code == 0 {
        return None;
    }
    let c = char::from_u32(code).filter(|&c| is_xml_char(c))?;
    Some((c, j + 1))
}

/// The predefined entity at the start of `rest` (after the `&`) and its length with the `;`.
fn predefined(rest: &[u8]) -> Option<(char, usize)> {
    for (name, c) in [
        (&b"lt;"[..], '<'),
        (b"gt;", '>'),
        (b"amp;", '&'),
        (b"quot;", '"'),
        (b"apos;", '\''),
    ] {
        if rest.starts_with(name) {
            return Some((c, name.len()));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::super::{parse_quick, XmlError};
    use super::*;
    use std::path::{Path, PathBuf};

    fn quick(s: &str) -> Result<XmlTree, XmlError> {
        parse_quick(s, |_, _| Ok(()))
    }

    fn fast(s: &str) -> Option<XmlTree> {
        parse(s, &|_, _| Ok(()))
    }

    /// Panics unless the two trees are equal in everything they store (the names compared by
    /// symbol and by the order they were interned in).
    fn assert_same(a: &XmlTree, b: &XmlTree, what: &str) {
        assert_eq!(a.elements, b.elements, "elements of {what}");
        assert_eq!(a.attrs, b.attrs, "attributes of {what}");
        assert_eq!(a.children, b.children, "child lists of {what}");
        assert_eq!(a.texts, b.texts, "texts of {what}");
        assert_eq!(a.names.extra, b.names.extra, "names of {what}");
    }

    /// Whether the fast reader read `s`; when it did, quick-xml reads it too, into the same tree.
    fn agrees(s: &str, what: &str) -> bool {
        let Some(t) = fast(s) else {
            return false;
        };
        let q = quick(s)
            .unwrap_or_else(|e| panic!("the fast reader read what quick-xml refuses ({e:?}): {what}"));
        assert_same(&t, &q, what);
        true
    }

    #[test]
    fn reads_the_common_subset_like_quick_xml() {
        let deep = format!("{}{}", "<a>".repeat(MAX_DEPTH), "</a>".repeat(MAX_DEPTH));
        let docs = [
            "<a/>",
            "<a></a>",
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!-- c -->\n<a>x</a>\n<!-- after -->\n<?pi after?>\n",
            // entities and character references in text and attributes
            "<a x=\"1 &amp; 2 &lt;&gt;&quot;&apos; &#65;&#x42;&#x10FFFF;\">t&lt;&amp;&gt;&quot;&apos;&#65;&#x4a;&#0000066;</a>",
            // a character reference quick-xml reads in attributes only
            "<a x=\"&#1;\"/>",
            // CDATA, comments and processing instructions among texts
            "<a>x<![CDATA[<b>&amp;]]>y<!-- c - d -->z<?p q?>w<![CDATA[]]></a>",
            // whitespace before children, between them, in leaves; split by a comment or a reference
            "<a>\n  <b>  </b>\n  <c>\t</c>\n  <d/> \n</a>",
            "<a> <!-- c --> <b/></a>",
            "<a> &#32; <b/> </a>",
            "<a> <![CDATA[ ]]> <b/></a>",
            "<a> x <b/> y <c/> </a>",
            // line ends in text, CDATA and attribute values
            "<a x=\"1\r\n2\t3\">l1\r\nl2\rl3\n<![CDATA[c\r\nd]]></a>\r\n",
            "<a\r\n  x = 'single \"q\"'\r\n  y=\"double 'q' >\"\r\n/>",
            // namespaces: default, prefixed, redeclared, undeclared again, on empty elements
            "<cvrfdoc xmlns=\"http://www.icasi.org/CVRF/schema/cvrf/1.1\" xmlns:p=\"urn:p\" xml:lang=\"en\">\
             <p:x p:a=\"1\"/><y xmlns=\"http://www.icasi.org/CVRF/schema/vuln/1.1\"><z/></y>\
             <y xmlns=\"\"><z/></y><p:x xmlns:p=\"urn:q\"/><p:x/>\
             <w xmlns=\"urn:w/\"/><w/></cvrfdoc>",
            "<p:a xmlns:p=\"http://docs.oasis-open.org/csaf/ns/csaf-cvrf/v1.2/cvrf/\"><p:b/></p:a>",
            // end tags with whitespace, names with `-`, `.`, `_` and digits
            "<a-b.c_1 ><d_2\n></d_2\n></a-b.c_1  >",
            &deep,
        ];
        for d in docs {
            assert!(agrees(d, d), "the fast reader gave up on {d:?}");
        }
        let t = fast(docs[3]).unwrap();
        assert_eq!(t.text(0), "t<&>\"'AJB");
        assert_eq!(t.attr_value(&t.attrs(0)[0]), "1 & 2 <>\"' AB\u{10FFFF}");
        assert_eq!(fast(docs[7]).unwrap().text(0), "  ");
        assert_eq!(fast(docs[11]).unwrap().text(0), "l1\nl2\nl3\nc\nd");
    }

    #[test]
    fn gives_up_on_the_rest() {
        let deep = "<a>".repeat(MAX_DEPTH + 1) + &"</a>".repeat(MAX_DEPTH + 1);
        let docs = [
            "",
            "  ",
            "text",
            "<a>",
            "<a></b>",
            "<a></a ",
            "<a><b></a></b>",
            "</a>",
            "<a/><b/>",
            "<a/>x",
            "x<a/>",
            "&amp;<a/>",
            "<a/><![CDATA[x]]>",
            "<!DOCTYPE a><a/>",
            "<!DOCTYPE a [<!ENTITY x \"y\">]><a>&x;</a>",
            "<a>&x;</a>",
            "<a>&amp</a>",
            "<a>& amp;</a>",
            "<a>&#0;</a>",
            "<a>&#1;</a>",
            "<a>&#xD800;</a>",
            "<a>&#x110000;</a>",
            "<a>&#99999999999;</a>",
            "<a>&#X41;</a>",
            "<a>&#;</a>",
            "<a>&#x;</a>",
            "<a>&#-1;</a>",
            "<a x=\"&x;\"/>",
            "<a x=\"a<b\"/>",
            "<a x=\"1\" x=\"2\"/>",
            "<a x=\"1\"y=\"2\"/>",
            "<a x=1/>",
            "<a x/>",
            "<a x=\"1/>",
            "<a/ >",
            "< a/>",
            "<1a/>",
            "<a:b:c/>",
            "<p:a/>",
            "<p:a xmlns:p=\"\"/>",
            "<xml:a/>",
            "<a xmlns:xml=\"urn:x\"/>",
            "<a xmlns:p=\"http://www.w3.org/XML/1998/namespace\"/>",
            "<a xmlns=\"a&amp;b\"/>",
            "<a><p:b xmlns:p=\"urn:p\"/><p:b/></a>",
            "<é/>",
            "<a><!-- a -- b --></a>",
            "<a><!-- a ---></a>",
            "<a><!----></a>",
            "<a><!-- x</a>",
            "<a><![CDATA[x</a>",
            "<a><?pi</a>",
            "<a><??></a>",
            "<a><?></a>",
            "<a><? x?></a>",
            "<a><!X></a>",
            &deep,
        ];
        for d in docs {
            assert!(fast(d).is_none(), "the fast reader read {d:?}");
            // and the answer is quick-xml's
            assert_eq!(
                super::super::parse(d, |_, _| Ok(())).map(|t| t.elements),
                quick(d).map(|t| t.elements),
                "{d:?}"
            );
        }
    }

    #[test]
    fn check_root_sees_the_root_and_may_refuse_it() {
        let seen = std::cell::RefCell::new(Vec::new());
        let doc = "<c:cvrfdoc xmlns:c=\"urn:c\"><c:x/></c:cvrfdoc>";
        let t = parse(doc, &|name: &str, ns: &str| {
            seen.borrow_mut().push((name.to_owned(), ns.to_owned()));
            Ok(())
        });
        assert!(t.is_some());
        assert_eq!(*seen.borrow(), [("cvrfdoc".to_owned(), "urn:c".to_owned())]);
        assert!(parse(doc, &|_: &str, _: &str| Err("no".to_owned())).is_none());
        let e = super::super::parse(doc, |_, _| Err("not this root".to_owned())).unwrap_err();
        assert_eq!((e.message.as_str(), e.offset), ("not this root", 0));
    }

    /// The XML files below `dir` (none when it does not exist).
    fn xml_files(dir: &Path) -> Vec<PathBuf> {
        let mut out = Vec::new();
        let Ok(entries) = std::fs::read_dir(dir) else {
            return out;
        };
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                out.extend(xml_files(&p));
            } else if p.extension().is_some_and(|x| x.eq_ignore_ascii_case("xml")) {
                out.push(p);
            }
        }
        out.sort();
        out
    }

    /// Reads every file with both readers; returns how many files there were and how many the
    /// fast reader read.
    fn agree_on(dir: &Path) -> (usize, usize) {
        let files = xml_files(dir);
        let mut read = 0;
        for f in &files {
            let bytes = std::fs::read(f).unwrap();
            let text = crate::parse::decode(&bytes).text;
            if agrees(&text, &f.display().to_string()) {
                read += 1;
            } else {
                eprintln!("the fast reader gave up on {}", f.display());
            }
        }
        (files.len(), read)
    }

    #[test]
    fn agrees_with_quick_xml_on_the_bundled_files() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let (n, read) = agree_on(&root.join("corpus"));
        assert!(n >= 10, "corpus/ should hold CVRF documents");
        // real advisories: the fast reader reads them all
        assert_eq!(read, n, "the fast reader gave up on bundled advisories");
        let (n, read) = agree_on(&root.join("tests/fixtures"));
        assert!(n > 0 && read > 0, "{read} of {n} fixtures");
    }

    #[test]
    fn agrees_with_quick_xml_on_the_shared_corpus() {
        let shared = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared");
        if !shared.join("corpus/cvrf").is_dir() {
            eprintln!("SKIPPED: ../shared/corpus/cvrf is absent, so the readers were not compared on it");
            return;
        }
        let (n, read) = agree_on(&shared.join("corpus/cvrf"));
        assert!(n >= 600, "../shared/corpus/cvrf should hold 602 CVRF documents");
        assert_eq!(read, n, "the fast reader gave up on real advisories");
        for sub in ["corpus/malformed", "spec"] {
            let (n, read) = agree_on(&shared.join(sub));
            eprintln!("../shared/{sub}: the fast reader read {read} of {n} XML files");
        }
    }

    use crate::testing::Rng;

    /// A small document with every construct the fast reader reads.
    const SAMPLE: &str = "<?xml version=\"1.0\"?>\r\n<!-- head -->\n\
        <cvrfdoc xmlns=\"http://www.icasi.org/CVRF/schema/cvrf/1.1\" xmlns:v=\"urn:v\" xml:lang='en'>\n  \
        <DocumentTitle>T &amp; &#65;&#x42; <![CDATA[<c>]]></DocumentTitle>\r\n  \
        <v:Vulnerability Ordinal=\"1\" v:x = 'a&lt;b&#9;c'>\n    <v:Note/>\n    <v:CVE>CVE-1</v:CVE>\n  \
        <Inner xmlns=\"\"><X> </X></Inner><?pi x?></v:Vulnerability>\n</cvrfdoc>\n";

    /// Damages `doc` at random in `cases` ways and checks that whatever the fast reader reads,
    /// quick-xml reads the same. Returns how many the fast reader read and how many quick-xml
    /// refused.
    fn mutate(doc: &str, cases: usize, seed: u64) -> (usize, usize) {
        const SNIPPETS: &[&str] = &[
            "<",
            ">",
            "&",
            "/",
            "\"",
            "'",
            "=",
            ":",
            "!",
            "?",
            "-",
            "[",
            "]",
            "#",
            ";",
            " ",
            "\r",
            "\r\n",
            "\t",
            "&amp;",
            "&#0;",
            "&#x41;",
            "&#65;",
            "&lt",
            "&#xD800;",
            "<!--",
            "-->",
            "--",
            "<![CDATA[",
            "]]>",
            "<?p x?>",
            "<!DOCTYPE a>",
            "</a>",
            "<b/>",
            "<b>",
            "</b>",
            " xmlns:p=\"urn:p\"",
            " xmlns=\"\"",
            "p:",
            " x=\"1\"",
            "&quot;",
            "é",
            "xmlns",
            "v:",
            "<v:b/>",
            "a",
        ];
        let mut rng = Rng(seed);
        let (mut read, mut refused) = (0, 0);
        for case in 0..cases {
            let mut b = doc.as_bytes().to_vec();
            for _ in 0..1 + rng.below(3) {
                let at = rng.below(b.len() + 1);
                match rng.below(5) {
                    0 if at < b.len() => b[at] = SNIPPETS[rng.below(SNIPPETS.len())].as_bytes()[0],
                    1 => {
                        let end = (at + 1 + rng.below(8)).min(b.len());
                        b.drain(at..end);
                    }
                    2 => {
                        let s = SNIPPETS[rng.below(SNIPPETS.len())].as_bytes();
                        b.splice(at..at, s.iter().copied());
                    }
                    3 => b.truncate(at),
                    _ => {
                        let from = rng.below(b.len() + 1);
                        let end = (from + rng.below(40)).min(b.len());
                        let piece = b[from..end].to_vec();
                        b.splice(at..at, piece);
                    }
                }
            }
            let text = String::from_utf8_lossy(&b);
            if agrees(&text, &format!("case {case} (seed {seed}): {text:?}")) {
                read += 1;
            }
            if quick(&text).is_err() {
                refused += 1;
            }
        }
        (read, refused)
    }

    #[test]
    fn damaged_documents_read_fast_only_as_quick_xml_reads_them() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let small = std::fs::read_to_string(root.join("corpus/cvrf/fortinet/FG-IR-21-158.xml")).unwrap();
        for (doc, cases, seed) in [(SAMPLE, 4000, 1), (small.as_str(), 1500, 2)] {
            let (read, refused) = mutate(doc, cases, seed);
            // both sides of the comparison are exercised (most damage makes a document the fast
            // reader gives up on)
            eprintln!(
                "seed {seed}: the fast reader read {read} of {cases} cases, quick-xml refused {refused}"
            );
            assert!(
                read > cases / 20,
                "the fast reader read only {read} of {cases} cases"
            );
            assert!(
                refused > cases / 10,
                "quick-xml refused only {refused} of {cases} cases"
            );
        }
    }
}
