//! CVRF 1.1 / 1.2 XML front end: text → element tree ([`xml`]) → the same model as CSAF ([`fill`]).
//!
//! The version comes from the namespace of the root `cvrfdoc` element. Rules report canonical CSAF
//! 2.0 JSON pointers; [`CvrfDocument::locate`] turns them into the element path of the XML and its
//! byte range.
//!
//! # Pointer convention
//!
//! An element path names local names from the root, e.g.
//! `/cvrfdoc/Vulnerability[2]/Remediations/Remediation[1]/@Date`. A step carries a 1-based `[n]`
//! (counted among siblings of the same local name) when the CVRF 1.1/1.2 schemas allow that element
//! to repeat in its parent (`Vulnerability`, `Remediation`, `ProductID`, `Branch`, `Note`, …), always,
//! even when only one is present; and on any other step that has same-named siblings (invalid
//! documents). Steps the schemas allow only once carry no index. An attribute is a last step `@Name`.
//! A pointer that names nothing recorded falls back to its longest recorded ancestor, at worst
//! `/cvrfdoc` (the root element); the pointer `""` (the whole document) stays `""`.

mod fill;
pub mod xml;

pub use fill::{Loc, PointerMap};
pub use xml::{NodeId, XmlTree};

use crate::diag::Finding;
use crate::model::{Advisory, Version};
use std::borrow::Cow;

/// The namespace of the root element of CVRF 1.1.
pub const NS_CVRF11: &str = "http://www.icasi.org/CVRF/schema/cvrf/1.1";
/// The namespace of the root element of CVRF 1.2.
pub const NS_CVRF12: &str = "http://docs.oasis-open.org/csaf/ns/csaf-cvrf/v1.2/cvrf";

/// A parsed CVRF document: its element tree, version, and the map from model pointers to XML
/// locations (recorded while the model is filled).
#[derive(Debug)]
pub struct CvrfDocument {
    /// The element tree.
    pub tree: XmlTree,
    /// CVRF 1.1 or 1.2.
    pub version: Version,
    map: PointerMap,
}

/// Parses CVRF XML text into the model. Errors are located `parse` findings.
pub fn parse(text: &str) -> Result<(Advisory, CvrfDocument), Finding> {
    let tree = xml::parse(text, |name, ns| version_of(name, ns).map(|_| ()))
        .map_err(|e| Finding::new("parse", "", e.message).at_offset(e.offset))?;
    let root = XmlTree::ROOT;
    let version = version_of(tree.el_name(root), tree.ns_uri(root))
        .map_err(|m| Finding::new("parse", "", m).at_offset(tree.el(root).start))?;
    // Record the pointer map in the same pass: nearly every CVRF document has findings to locate
    // (filling the model a second time only for the map cost more than recording always).
    let (advisory, map) = fill::fill(&tree, version, true);
    Ok((
        advisory,
        CvrfDocument {
            tree,
            version,
            map: map.unwrap_or_default(),
        },
    ))
}

fn version_of(name: &str, ns: &str) -> Result<Version, String> {
    const EXPECTED: &str = "expected `http://www.icasi.org/CVRF/schema/cvrf/1.1` (CVRF 1.1) or \
                            `http://docs.oasis-open.org/csaf/ns/csaf-cvrf/v1.2/cvrf` (CVRF 1.2)";
    if name != "cvrfdoc" {
        return Err(format!(
            "not a CVRF document: the root element is `{name}`, not `cvrfdoc`"
        ));
    }
    match ns.trim_end_matches('/') {
        NS_CVRF11 => Ok(Version::Cvrf11),
        NS_CVRF12 => Ok(Version::Cvrf12),
        "" => Err(format!(
            "not a CVRF document: the root element `cvrfdoc` has no namespace; {EXPECTED}"
        )),
        other => Err(format!(
            "not a CVRF document: the root element `cvrfdoc` is in the unknown namespace `{other}`; {EXPECTED}"
        )),
    }
}

impl CvrfDocument {
    /// The map from canonical CSAF 2.0 pointers of the model to XML locations.
    pub fn pointer_map(&self) -> &PointerMap {
        &self.map
    }

    /// The XML location of a pointer: a model pointer (CSAF 2.0 layout; the 2.1 names `metrics`,
    /// `content` and `disclosure_date` are accepted too) or an element path starting `/cvrfdoc`.
    /// Falls back to the longest recorded ancestor, at worst the root element.
    pub fn resolve(&self, pointer: &str) -> Loc {
        if pointer == "/cvrfdoc" || pointer.starts_with("/cvrfdoc/") || pointer.starts_with("/cvrfdoc[") {
            let (node, attr) = self.tree.find_path(pointer);
            return Loc { node, attr };
        }
        let map = self.pointer_map();
        let canonical = canonical(pointer);
        let mut p = &*canonical;
        loop {
            if let Some(loc) = map.get(p) {
                return loc;
            }
            match p.rfind('/') {
                Some(i) => p = &p[..i],
                None => {
                    return Loc {
                        node: XmlTree::ROOT,
                        attr: None,
                    }
                }
            }
        }
    }

    /// The element path (see the module docs) and byte range a pointer points at.
    pub fn locate(&self, pointer: &str) -> (String, (usize, usize)) {
        let loc = self.resolve(pointer);
        let span = self.tree.span(loc.node, loc.attr);
        if pointer.is_empty() {
            return (String::new(), span);
        }
        (self.tree.path(loc.node, loc.attr), span)
    }
}

/// Rewrites the CSAF 2.1 names of model nodes to the 2.0 layout the map is keyed by.
fn canonical(pointer: &str) -> Cow<'_, str> {
    // nothing to rewrite (the loop below would give the pointer back)
    // (bytes split by a closure: a plain loop, where `str::split('/')` runs a char searcher per call)
    if (pointer.is_empty() || pointer.starts_with('/'))
        && !pointer
            .as_bytes()
            .split(|&b| b == b'/')
            .any(|s| s == b"metrics" || s == b"disclosure_date")
    {
        return Cow::Borrowed(pointer);
    }
    let segs: Vec<&str> = pointer.split('/').skip(1).collect();
    let mut out = String::with_capacity(pointer.len());
    let mut i = 0;
    while i < segs.len() {
        let seg = match segs[i] {
            "metrics" => "scores",
            "disclosure_date" => "release_date",
            s => s,
        };
        out.push('/');
        out.push_str(seg);
        // `…/metrics/j/content/cvss_v3` → `…/scores/j/cvss_v3`
        if segs[i] == "metrics" && segs.get(i + 2) == Some(&"content") {
            out.push('/');
            out.push_str(segs[i + 1]);
            i += 3;
            continue;
        }
        i += 1;
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests;
