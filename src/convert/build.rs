//! The model of a CVRF document → a CSAF 2.0 JSON value, with the rules of CSAF 2.0 §9.1.5.
//!
//! Quotes in the comments are from CSAF 2.0 (OASIS Standard, 18 November 2022) §9.1.5 "Conformance
//! Clause 5: CVRF CSAF converter" unless they name CSAF 2.1 (Committee Specification Draft), whose
//! converter clause settles some questions that 2.0 leaves open.

use super::known::{self, DateOut};
use super::{At, Level, Messages};
use crate::model::*;
use crate::parse::cvrf::xml::Ns;
use crate::parse::cvrf::{CvrfDocument, NodeId, XmlTree};
use crate::parse::span::LineIndex;
use serde_json::{json, Map, Value};
use std::collections::{BTreeSet, HashMap, HashSet};

/// The name of this converter in `/document/tracking/generator/engine/name`.
pub(super) const ENGINE: &str = "csaflint";

/// Placeholders written only with `--force` when the publisher is nowhere to be found.
const PLACEHOLDER_NAME: &str = "UNKNOWN PUBLISHER (placeholder written by csaflint convert --force)";
const PLACEHOLDER_NAMESPACE: &str = "https://unknown-publisher.invalid";

pub(super) struct Builder<'a> {
    adv: &'a Advisory,
    doc: &'a CvrfDocument,
    text: &'a str,
    opts: &'a super::Options,
    msgs: Messages,
    /// Output pointer of an array item (or moved object) → the model pointer it came from.
    src: HashMap<String, String>,
    /// The CSAF profile value tried for `/document/category`, when the CVRF type names one.
    pub(super) profile: Option<String>,
    /// `/document/publisher/name` as written.
    publisher_name: Option<String>,
}

fn s(v: &str) -> Value {
    Value::String(v.to_owned())
}

fn is_blank(v: &str) -> bool {
    v.trim().is_empty()
}

impl<'a> Builder<'a> {
    pub(super) fn new(
        adv: &'a Advisory,
        doc: &'a CvrfDocument,
        text: &'a str,
        opts: &'a super::Options,
    ) -> Self {
        Builder {
            adv,
            doc,
            text,
            opts,
            msgs: Messages::default(),
            src: HashMap::new(),
            profile: None,
            publisher_name: None,
        }
    }

    fn tree(&self) -> &'a XmlTree {
        &self.doc.tree
    }

    // ---- messages -------------------------------------------------------------------------

    fn warn(&mut self, ptr: &str, message: String) {
        self.msgs
            .push(Level::Warning, None, At::Model(ptr.to_owned()), message);
    }

    /// A warning counted once per `key` (the first occurrence is located).
    fn warn_agg(&mut self, key: &str, ptr: &str, message: String) {
        self.msgs.push(
            Level::Warning,
            Some(key.to_owned()),
            At::Model(ptr.to_owned()),
            message,
        );
    }

    fn error(&mut self, ptr: &str, message: String) {
        self.msgs
            .push(Level::Error, None, At::Model(ptr.to_owned()), message);
    }

    fn node_of(&self, ptr: &str) -> NodeId {
        self.doc.resolve(ptr).node
    }

    /// Reports what became of a `DocumentType` that names a CSAF profile (see [`Self::category`]).
    pub(super) fn warn_profile(&mut self, profile: &str, failing: &[&str]) {
        let ty = self.adv.document.category.clone().unwrap_or_default();
        let ty = ty.trim();
        if failing.is_empty() {
            if ty != profile {
                self.warn(
                    "/document/category",
                    format!(
                        "the document type `{ty}` names a CSAF profile, and the converted document passes its \
                         tests: `category` is `{profile}`"
                    ),
                );
            }
            return;
        }
        self.warn(
            "/document/category",
            format!(
                "the document type `{ty}` names the CSAF profile `{profile}`, but the converted document \
                 fails its test(s) {}: `category` is `csaf_base` instead",
                failing
                    .iter()
                    .map(|t| format!("`{t}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        );
    }

    /// The messages, located in the source.
    pub(super) fn finish(&mut self, lines: &LineIndex<'_>) -> Vec<super::Message> {
        std::mem::take(&mut self.msgs).resolve(self.doc, lines)
    }

    /// The model pointer (of the CVRF source) that an output pointer came from: the longest
    /// recorded prefix is replaced, the rest kept.
    pub(super) fn source_pointer(&self, out: &str) -> String {
        let mut end = out.len();
        loop {
            if let Some(src) = self.src.get(&out[..end]) {
                return format!("{src}{}", &out[end..]);
            }
            match out[..end].rfind('/') {
                Some(i) => end = i,
                None => return out.to_owned(),
            }
        }
    }

    fn map(&mut self, out: String, src: String) {
        self.src.insert(out, src);
    }

    // ---- values ---------------------------------------------------------------------------

    /// A string property: `None` (and a message) when absent or blank. Text is kept as written
    /// (CVRF keeps whitespace in prose; the CSAF schema only needs one character).
    fn text(&mut self, v: &Option<String>, ptr: &str, what: &str, required: bool) -> Option<Value> {
        match v {
            Some(t) if !is_blank(t) => Some(s(t)),
            Some(_) if required => {
                self.error(ptr, format!("{what} is empty; CSAF requires one"));
                None
            }
            Some(_) => {
                self.warn_agg(
                    &format!("empty:{what}"),
                    ptr,
                    format!("empty {what} dropped (CSAF strings are not empty)"),
                );
                None
            }
            None if required => {
                self.error(ptr, format!("{what} is missing; CSAF requires one"));
                None
            }
            None => None,
        }
    }

    /// A date-time property. CVRF's `xs:dateTime` may omit the time zone; CSAF's `date-time` may not.
    /// Such dates are read as UTC (the front end does the same for the tests), with one warning.
    fn date(&mut self, ts: &Option<Timestamp>, ptr: &str, what: &str, required: bool) -> Option<Value> {
        let Some(ts) = ts else {
            if required {
                self.error(ptr, format!("{what} is missing; CSAF requires one"));
            }
            return None;
        };
        match known::date(ts) {
            DateOut::Kept(d) => Some(s(&d)),
            DateOut::AssumedUtc(d) => {
                self.warn_agg(
                    "date-utc",
                    ptr,
                    format!(
                        "`{}` has no time zone, which CSAF requires: read as UTC, `{d}`",
                        ts.raw.trim()
                    ),
                );
                Some(s(&d))
            }
            DateOut::Invalid if required => {
                // kept as written so that nothing is lost; the validation reports it
                self.error(ptr, format!("{what} `{}` is not a date", ts.raw.trim()));
                Some(s(ts.raw.trim()))
            }
            DateOut::Invalid => {
                self.warn(ptr, format!("{what} `{}` is not a date: dropped", ts.raw.trim()));
                None
            }
        }
    }

    /// A URL: kept when it is a URI, repaired when a URI can be read out of it (a warning), else
    /// `None` (and a warning: the caller drops what needs it).
    fn url(&mut self, raw: &str, ptr: &str, what: &str) -> Option<String> {
        let url = raw.trim();
        if known::uri_is_valid(url) {
            return Some(url.to_owned());
        }
        match known::repair_uri(url) {
            Some(fixed) => {
                self.warn(
                    ptr,
                    format!("{what} `{url}` is not a URI: `{fixed}` read out of it"),
                );
                Some(fixed)
            }
            None => {
                self.warn(ptr, format!("{what} `{url}` is not a URI: dropped"));
                None
            }
        }
    }

    fn id_list(&mut self, ids: &[String], ptr: &str) -> Option<Value> {
        let list: Vec<Value> = ids.iter().filter(|i| !is_blank(i)).map(|i| s(i)).collect();
        if list.len() < ids.len() {
            self.warn_agg(
                "empty-id",
                ptr,
                "an empty `ProductID` or `GroupID` dropped".into(),
            );
        }
        (!list.is_empty()).then_some(Value::Array(list))
    }

    // ---- the whole document ---------------------------------------------------------------

    pub(super) fn build(&mut self) -> Value {
        self.scan_unmapped();
        let mut root = Map::new();
        let document = self.document();
        root.insert("document".into(), document);
        if let Some(pt) = &self.adv.product_tree {
            if let Some(v) = self.product_tree(pt) {
                root.insert("product_tree".into(), v);
            }
        }
        let vulns: Vec<Value> = self
            .adv
            .vulnerabilities
            .iter()
            .enumerate()
            .filter_map(|(i, v)| self.vulnerability(i, v))
            .collect();
        if !vulns.is_empty() {
            root.insert("vulnerabilities".into(), Value::Array(vulns));
        }
        if !root.contains_key("product_tree") && !root.contains_key("vulnerabilities") {
            self.error(
                "",
                "the document has neither a product tree nor vulnerabilities: there is nothing to convert \
                 but its metadata"
                    .into(),
            );
        }
        Value::Object(root)
    }

    /// Reports elements and attributes that have no place in the model (vendor extensions, foreign
    /// namespaces, a second occurrence of a single element): one warning per element path.
    fn scan_unmapped(&mut self) {
        let t = self.tree();
        let mut stack: Vec<NodeId> = vec![XmlTree::ROOT];
        while let Some(id) = stack.pop() {
            let name = t.el_name(id);
            for (i, a) in t.attrs(id).iter().enumerate() {
                let attr = t.name(a.name);
                if !known::known_attr(name, attr) {
                    let path = strip_indexes(&t.path(id, Some(i as u32)));
                    self.msgs.push(
                        Level::Warning,
                        Some(format!("drop:{path}")),
                        At::Node(id, Some(i as u32)),
                        format!("the attribute `{path}` has no place in CSAF: dropped"),
                    );
                }
            }
            let mut seen: HashSet<&str> = HashSet::new();
            let mut keep: Vec<NodeId> = Vec::new();
            for &c in t.children(id) {
                let child = t.el(c);
                let cname = t.el_name(c);
                let first = seen.insert(cname);
                let why = if child.ns == Ns::Foreign {
                    Some(format!("is in the namespace `{}`, not CVRF", t.ns_uri(c)))
                } else if !known::known_child(name, cname) {
                    Some("is not part of CVRF".to_owned())
                } else if !(first
                    || crate::parse::cvrf::xml::repeatable(name, cname)
                    || known::all_read(cname)
                    || (cname == "FullProductName" && name == "Branch"))
                {
                    Some("occurs again where CVRF allows it once; only the first is read".to_owned())
                } else {
                    None
                };
                match why {
                    // its subtree is not walked: one message says it all
                    Some(why) => {
                        let path = strip_indexes(&t.path(c, None));
                        self.msgs.push(
                            Level::Warning,
                            Some(format!("drop:{path}")),
                            At::Node(c, None),
                            format!("the element `{path}` {why}: dropped with its content"),
                        );
                    }
                    None => keep.push(c),
                }
            }
            stack.extend(keep.into_iter().rev());
        }
    }

    // ---- document -------------------------------------------------------------------------

    fn document(&mut self) -> Value {
        let d = &self.adv.document;
        let mut m = Map::new();
        m.insert("csaf_version".into(), s("2.0"));
        let category = self.category();
        m.insert("category".into(), s(&category));
        if let Some(v) = self.text(&d.title, "/document/title", "`DocumentTitle`", true) {
            m.insert("title".into(), v);
        }
        if let Some(lang) = self.lang() {
            m.insert("lang".into(), s(&lang));
        }
        let publisher = self.publisher();
        m.insert("publisher".into(), publisher);
        let tracking = self.tracking();
        m.insert("tracking".into(), tracking);
        if let Some(v) = self.notes(&d.notes, "/document/notes") {
            m.insert("notes".into(), v);
        }
        if let Some(dist) = &d.distribution {
            if let Some(v) = self.text(
                &dist.text,
                "/document/distribution",
                "`DocumentDistribution`",
                false,
            ) {
                self.tlp_hint(dist.text.as_deref().unwrap_or(""));
                m.insert("distribution".into(), json!({ "text": v }));
            }
        }
        if let Some(a) = &d.aggregate_severity {
            if let Some(text) = self.text(
                &a.text,
                "/document/aggregate_severity",
                "`AggregateSeverity`",
                false,
            ) {
                let mut o = Map::new();
                o.insert("text".into(), text);
                if let Some(ns) = a.namespace.as_deref().filter(|n| !is_blank(n)) {
                    o.insert("namespace".into(), s(ns));
                }
                m.insert("aggregate_severity".into(), Value::Object(o));
            }
        }
        if let Some(v) = self.references(&d.references, "/document/references") {
            m.insert("references".into(), v);
        }
        if let Some(v) = self.acknowledgments(&d.acknowledgments, "/document/acknowledgments") {
            m.insert("acknowledgments".into(), v);
        }
        Value::Object(m)
    }

    /// `/document/category` from `DocumentType`.
    ///
    /// CSAF 2.0 names no rule. A type that, ignoring case, spaces, dashes and underscores, is the name
    /// or value of a CSAF profile (`Security Advisory`, `VEX`, …) would fail test 6.1.26 as a free
    /// category, so it becomes the profile's value, kept only when the converted document passes
    /// the profile's tests (6.1.27.x), else `csaf_base` (see [`super::convert`]). CSAF 2.1 §9.1.5
    /// settles the main case the same way: "If the `cvrf:DocumentType` is Security Advisory
    /// (case-insensitive), the CVRF CSAF Converter MUST try to convert the data into a valid CSAF
    /// Document in this profile" (2.1 falls back to a profile 2.0 does not have). Any other type
    /// (`Cisco Security Advisory`, `SUSE Patch`) is kept verbatim: a CSAF Base document.
    fn category(&mut self) -> String {
        let ty = self.adv.document.category.clone().unwrap_or_default();
        let ty = ty.trim();
        if ty.is_empty() {
            self.error(
                "/document/category",
                "`DocumentType` is missing or empty: `category` is `csaf_base`".into(),
            );
            return "csaf_base".into();
        }
        const PROFILES: &[(&str, &str)] = &[
            ("securityadvisory", "csaf_security_advisory"),
            ("vex", "csaf_vex"),
            ("securityincidentresponse", "csaf_security_incident_response"),
            ("informationaladvisory", "csaf_informational_advisory"),
            ("base", "csaf_base"),
        ];
        let squashed: String = ty
            .chars()
            .filter(|c| !(c.is_whitespace() || *c == '-' || *c == '_'))
            .flat_map(char::to_lowercase)
            .collect();
        let squashed = squashed.strip_prefix("csaf").unwrap_or(&squashed);
        match PROFILES.iter().find(|(name, _)| *name == squashed) {
            Some((_, "csaf_base")) => "csaf_base".into(),
            Some((_, value)) => {
                self.profile = Some((*value).to_owned());
                (*value).to_owned()
            }
            None => ty.to_owned(),
        }
    }

    /// `/document/lang`: "If one or more CVRF element containing an `xml:lang` attribute exist and
    /// contain the exact same value, the CVRF CSAF converter converts this value into `lang`. If the
    /// values of `xml:lang` attributes are not equal, the CVRF CSAF converter outputs a warning that
    /// the language could not be determined [...] it SHOULD also present all values of `xml:lang`
    /// attributes as a set in the warning."
    fn lang(&mut self) -> Option<String> {
        let t = self.tree();
        let mut values: BTreeSet<String> = BTreeSet::new();
        let mut first: Option<(NodeId, u32)> = None;
        for id in 0..t.elements.len() as NodeId {
            for (i, a) in t.attrs(id).iter().enumerate() {
                if t.name(a.name) == "xml:lang" {
                    values.insert(t.attr_value(a).trim().to_owned());
                    first.get_or_insert((id, i as u32));
                }
            }
        }
        match values.len() {
            0 => None,
            1 => values.into_iter().next().filter(|v| !v.is_empty()),
            _ => {
                let (n, a) = first.expect("a value was seen");
                let set: Vec<String> = values.iter().map(|v| format!("`{v}`")).collect();
                self.msgs.push(
                    Level::Warning,
                    None,
                    At::Node(n, Some(a)),
                    format!(
                        "the language could not be determined (the document may mix languages): `xml:lang` \
                         has the values {{{}}}; `/document/lang` is left out",
                        set.join(", ")
                    ),
                );
                None
            }
        }
    }

    /// CSAF 2.0 §9.1.5 says nothing about TLP, and CVRF has none: `DocumentDistribution` stays text.
    /// A label named in that text is pointed out, not guessed into `tlp`.
    fn tlp_hint(&mut self, text: &str) {
        let upper = text.to_ascii_uppercase();
        if let Some(i) = upper.find("TLP") {
            let label: String = upper[i + 3..]
                .trim_start_matches([':', ' ', '-'])
                .chars()
                .take_while(|c| c.is_ascii_alphabetic())
                .collect();
            if ["WHITE", "GREEN", "AMBER", "RED", "CLEAR"].contains(&label.as_str()) {
                self.warn(
                    "/document/distribution",
                    format!(
                        "the distribution text names `TLP:{label}`; CVRF has no TLP element, so \
                         `/document/distribution/tlp` is not set: add it if the label applies"
                    ),
                );
            }
        }
    }

    /// `/document/publisher`. "`/document/publisher/name` and `/document/publisher/namespace`: Sets the
    /// value as given in the configuration of the program or the corresponding argument the program
    /// was invoked with. If values from both sources are present, the program SHOULD prefer the latter
    /// one. The program SHALL NOT use hard-coded values." When neither gives a value, it is derived from
    /// the document (with a warning) and, only with `--force`, a marked placeholder is written.
    fn publisher(&mut self) -> Value {
        let p = &self.adv.document.publisher;
        let mut m = Map::new();
        // category: option, else `DocumentPublisher/@Type` (lowercase)
        const CATEGORIES: [&str; 6] = [
            "coordinator",
            "discoverer",
            "other",
            "translator",
            "user",
            "vendor",
        ];
        let category = match &self.opts.publisher_category {
            Some(c) if CATEGORIES.contains(&c.trim().to_ascii_lowercase().as_str()) => {
                Some(c.trim().to_ascii_lowercase())
            }
            Some(c) => {
                self.error(
                    "/document/publisher/category",
                    format!(
                        "the publisher category `{c}` given is not one of {}",
                        CATEGORIES.map(|c| format!("`{c}`")).join(", ")
                    ),
                );
                None
            }
            None => match &p.category {
                Some(PublisherCategory::Other(c)) => {
                    let lower = c.trim().to_ascii_lowercase();
                    if CATEGORIES.contains(&lower.as_str()) {
                        Some(lower)
                    } else {
                        self.error(
                            "/document/publisher/category",
                            format!(
                                "`DocumentPublisher/@Type` `{c}` is not a publisher category; give one with \
                                 `--publisher-category`"
                            ),
                        );
                        None
                    }
                }
                Some(c) => Some(c.as_str().to_owned()),
                None => None,
            },
        };
        let category = category.or_else(|| {
            if self.opts.force {
                self.warn(
                    "/document/publisher",
                    "the publisher category is unknown: placeholder `other` written (--force)".into(),
                );
                Some("other".into())
            } else if self.opts.publisher_category.is_none() {
                self.error(
                    "/document/publisher",
                    "the publisher category is unknown: give `--publisher-category` or `[convert] \
                     publisher-category`"
                        .into(),
                );
                None
            } else {
                None
            }
        });
        if let Some(c) = category {
            m.insert("category".into(), s(&c));
        }
        let name = match self.opts.publisher_name.clone().filter(|n| !is_blank(n)) {
            Some(n) => Some(n),
            None => self.guess_publisher_name(),
        };
        let name = name.or_else(|| self.placeholder("name", PLACEHOLDER_NAME));
        if let Some(n) = &name {
            m.insert("name".into(), s(n));
        }
        self.publisher_name = name;
        let namespace = match self.opts.publisher_namespace.clone().filter(|n| !is_blank(n)) {
            Some(n) => Some(n),
            None => self.guess_publisher_namespace(),
        };
        if let Some(n) = namespace.or_else(|| self.placeholder("namespace", PLACEHOLDER_NAMESPACE)) {
            m.insert("namespace".into(), s(&n));
        }
        if let Some(v) = self.text(
            &p.contact_details,
            "/document/publisher/contact_details",
            "`ContactDetails`",
            false,
        ) {
            m.insert("contact_details".into(), v);
        }
        if let Some(v) = self.text(
            &p.issuing_authority,
            "/document/publisher/issuing_authority",
            "`IssuingAuthority`",
            false,
        ) {
            m.insert("issuing_authority".into(), v);
        }
        Value::Object(m)
    }

    /// A required value the CVRF document does not give: an error, or with `--force` a warning and
    /// the placeholder.
    fn placeholder_for(&mut self, ptr: &str, problem: String, placeholder: &str) -> Option<String> {
        if self.opts.force {
            self.warn(
                ptr,
                format!("{problem}: placeholder {placeholder} written (--force)"),
            );
            Some(placeholder.to_owned())
        } else {
            self.error(
                ptr,
                format!("{problem}; CSAF requires one (`--force` writes a placeholder)"),
            );
            None
        }
    }

    fn placeholder(&mut self, what: &str, value: &str) -> Option<String> {
        if self.opts.force {
            self.warn(
                "/document/publisher",
                format!("the publisher {what} is unknown: placeholder `{value}` written (--force)"),
            );
            Some(value.to_owned())
        } else {
            self.error(
                "/document/publisher",
                format!(
                    "the publisher {what} is unknown and CVRF has no such element: give \
                     `--publisher-{what}` or `[convert] publisher-{what}` in csaflint.toml"
                ),
            );
            None
        }
    }

    /// A short `IssuingAuthority` (`Red Hat Product Security`), else the one name of the `Vendor`
    /// branches (`Cisco`).
    fn guess_publisher_name(&mut self) -> Option<String> {
        let p = &self.adv.document.publisher;
        if let Some(ia) = p
            .issuing_authority
            .as_deref()
            .filter(|t| known::looks_like_name(t))
        {
            let ia = ia.trim().to_owned();
            self.warn(
                "/document/publisher/issuing_authority",
                format!(
                    "publisher name `{ia}` taken from `IssuingAuthority`; set `--publisher-name` or \
                     `[convert] publisher-name` to choose it"
                ),
            );
            return Some(ia);
        }
        let mut vendors: BTreeSet<String> = BTreeSet::new();
        if let Some(pt) = &self.adv.product_tree {
            collect_vendors(&pt.branches, &mut vendors);
        }
        if vendors.len() == 1 {
            let v = vendors.into_iter().next().expect("one vendor");
            self.warn(
                "/product_tree/branches/0",
                format!(
                    "publisher name `{v}` taken from the `Vendor` branch; set `--publisher-name` or \
                     `[convert] publisher-name` to choose it"
                ),
            );
            return Some(v);
        }
        None
    }

    /// The origin of a URL in `ContactDetails` / `IssuingAuthority`, else `https://` and the domain
    /// of an e-mail address there, else the origin of the `Self` reference.
    fn guess_publisher_namespace(&mut self) -> Option<String> {
        let p = &self.adv.document.publisher;
        let sources = [
            (
                "/document/publisher/contact_details",
                "ContactDetails",
                &p.contact_details,
            ),
            (
                "/document/publisher/issuing_authority",
                "IssuingAuthority",
                &p.issuing_authority,
            ),
        ];
        let mut guess: Option<(String, String, &str)> = None;
        for (ptr, name, text) in sources {
            if let Some(o) = text.as_deref().and_then(known::first_url_origin) {
                guess = Some((o, format!("a URL in `{name}`"), ptr));
                break;
            }
        }
        if guess.is_none() {
            for (ptr, name, text) in sources {
                if let Some(d) = text.as_deref().and_then(known::first_email_domain) {
                    guess = Some((
                        format!("https://{d}"),
                        format!("the e-mail domain in `{name}`"),
                        ptr,
                    ));
                    break;
                }
            }
        }
        if guess.is_none() {
            let refs = &self.adv.document.references;
            let pick = refs
                .iter()
                .position(|r| r.category == Some(ReferenceCategory::SelfRef))
                .into_iter()
                .chain(0..refs.len())
                .find_map(|i| refs[i].url.as_deref().and_then(known::origin).map(|o| (i, o)));
            if let Some((i, o)) = pick {
                let ptr = format!("/document/references/{i}/url");
                let source = if refs[i].category == Some(ReferenceCategory::SelfRef) {
                    "the `Self` reference"
                } else {
                    "a document reference"
                };
                self.warn(
                    &ptr,
                    format!(
                        "publisher namespace `{o}` taken from {source}; set `--publisher-namespace` or \
                         `[convert] publisher-namespace` to choose it"
                    ),
                );
                return Some(o);
            }
        }
        let (o, from, ptr) = guess?;
        self.warn(
            ptr,
            format!(
                "publisher namespace `{o}` taken from {from}; set `--publisher-namespace` or `[convert] \
                 publisher-namespace` to choose it"
            ),
        );
        Some(o)
    }

    fn tracking(&mut self) -> Value {
        let tr = &self.adv.document.tracking;
        let mut m = Map::new();
        // id: "If the element `cvrf:ID` contains any line breaks or leading or trailing white space, the
        // CVRF CSAF converter removes those characters. In addition, the converter outputs a warning
        // that the ID was changed."
        let raw_id = self.raw_tracking_id();
        match raw_id {
            Some(raw) => {
                let clean: String = raw.chars().filter(|c| *c != '\n' && *c != '\r').collect();
                let clean = clean.trim().to_owned();
                if clean != raw {
                    self.warn(
                        "/document/tracking/id",
                        format!("the tracking ID `{}` was changed to `{clean}`: line breaks and surrounding white space removed", raw.escape_debug()),
                    );
                }
                if clean.is_empty() {
                    self.error("/document/tracking/id", "the tracking ID is empty".into());
                } else {
                    m.insert("id".into(), s(&clean));
                }
            }
            None => self.error(
                "/document/tracking",
                "`DocumentTracking/Identification/ID` is missing; CSAF requires a tracking ID".into(),
            ),
        }
        let aliases: Vec<Value> = tr.aliases.iter().filter(|a| !is_blank(a)).map(|a| s(a)).collect();
        if !aliases.is_empty() {
            m.insert("aliases".into(), Value::Array(aliases));
        }
        let status = match &tr.status {
            Some(DocumentStatus::Other(v)) => self.placeholder_for(
                "/document/tracking/status",
                format!("document status `{v}` is not `Draft`, `Interim` or `Final`"),
                "`draft`",
            ),
            Some(st) => Some(st.as_str().to_owned()),
            None => self.placeholder_for(
                "/document/tracking",
                "`DocumentTracking/Status` is missing".into(),
                "`draft`",
            ),
        };
        if let Some(st) = status {
            m.insert("status".into(), s(st.trim_matches('`')));
        }
        // a missing release date is read from the other one and the revision dates (CVRF requires
        // both; some vendors write only `CurrentReleaseDate`)
        let revision_dates: Vec<&Timestamp> = tr
            .revision_history
            .iter()
            .filter_map(|r| r.date.as_ref())
            .filter(|d| d.value.is_some())
            .collect();
        let earliest = revision_dates.iter().min_by_key(|d| d.value).copied();
        let latest = revision_dates.iter().max_by_key(|d| d.value).copied();
        for (key, element, own, first, second) in [
            (
                "initial_release_date",
                "InitialReleaseDate",
                &tr.initial_release_date,
                earliest,
                tr.current_release_date.as_ref(),
            ),
            (
                "current_release_date",
                "CurrentReleaseDate",
                &tr.current_release_date,
                latest,
                tr.initial_release_date.as_ref(),
            ),
        ] {
            let ptr = format!("/document/tracking/{key}");
            let value = match own {
                Some(_) => self.date(own, &ptr, &format!("`{element}`"), true),
                None => match first.or(second.filter(|d| d.value.is_some())) {
                    Some(d) => {
                        self.warn(
                            "/document/tracking",
                            format!(
                                "`{element}` is missing: `{key}` is `{}`, read from the {}",
                                d.raw.trim(),
                                if first.is_some() {
                                    "revision history"
                                } else {
                                    "other release date"
                                }
                            ),
                        );
                        self.date(&Some(d.clone()), &ptr, &format!("`{element}`"), true)
                    }
                    None => {
                        self.error(
                            "/document/tracking",
                            format!("`{element}` is missing; CSAF requires one"),
                        );
                        None
                    }
                },
            };
            if let Some(v) = value {
                m.insert(key.into(), v);
            }
        }
        let (version, history) = self.versions();
        if let Some(v) = version {
            m.insert("version".into(), v);
        }
        m.insert("revision_history".into(), history);
        m.insert("generator".into(), self.generator());
        Value::Object(m)
    }

    fn raw_tracking_id(&self) -> Option<String> {
        let t = self.tree();
        let tr = t.kid(XmlTree::ROOT, "DocumentTracking")?;
        let ident = t.kid(tr, "Identification")?;
        let id = t.kid(ident, "ID")?;
        Some(t.text(id).to_owned())
    }

    /// `version` and `revision_history`. "If any element doesn't match the semantic versioning,
    /// replace the all elements of type `/$defs/version_t` with the corresponding integer version.
    /// For that, CVRF CSAF converter sorts the items of `/document/tracking/revision_history` by
    /// `number` ascending according to the rules of CVRF. Then, it replaces the value of `number`
    /// with the index number in the array (starting with 1). The value of
    /// `/document/tracking/version` is replaced by value of `number` of the corresponding revision
    /// item. The match MUST be calculated by the original values used in the CVRF document. If this
    /// conversion was applied, for each Revision the original value of `cvrf:Number` MUST be set as
    /// `legacy_version` in the converted document." Integer versions (`1`) are not semantic versions,
    /// so they are renumbered too (which keeps `1`, `2`, … in order as they are, with `legacy_version`).
    fn versions(&mut self) -> (Option<Value>, Value) {
        let tr = &self.adv.document.tracking;
        let mut revisions = tr.revision_history.clone();
        let numbers: Vec<Option<String>> = revisions
            .iter()
            .map(|r| r.number.clone().filter(|n| !is_blank(n)))
            .collect();
        let mut version = tr.version.clone().filter(|v| !is_blank(v));
        // values the CVRF document gives (placeholders are not renumbered or kept as legacy versions)
        let mut real: Vec<String> = version.iter().chain(numbers.iter().flatten()).cloned().collect();
        let given_revisions = revisions.len();
        if version.is_none() {
            // the latest revision's number, else (--force) a placeholder
            let latest = numbers
                .iter()
                .flatten()
                .max_by(|a, b| known::cvrf_version_cmp(a, b))
                .cloned();
            version = match latest {
                Some(n) => {
                    self.warn(
                        "/document/tracking",
                        format!("`DocumentTracking/Version` is missing: `{n}`, the latest revision number"),
                    );
                    real.push(n.clone());
                    Some(n)
                }
                None => self
                    .placeholder_for(
                        "/document/tracking",
                        "`DocumentTracking/Version` is missing".into(),
                        "`1`",
                    )
                    .map(|v| v.trim_matches('`').to_owned()),
            };
        }
        if revisions.is_empty() {
            let date = tr
                .current_release_date
                .clone()
                .or_else(|| tr.initial_release_date.clone());
            let placeholder = self.placeholder_for(
                "/document/tracking",
                "`RevisionHistory` has no `Revision`".into(),
                "revision (the document version, the release date and a marked summary)",
            );
            if placeholder.is_some() {
                revisions.push(Revision {
                    date,
                    number: version.clone(),
                    legacy_version: None,
                    summary: Some(
                        "Placeholder written by csaflint convert --force: the CVRF document has no revision history."
                            .into(),
                    ),
                });
            }
        }
        let numbers: Vec<Option<String>> = revisions
            .iter()
            .map(|r| r.number.clone().filter(|n| !is_blank(n)))
            .collect();
        let all_semver = real.iter().all(|v| semver::Version::parse(v).is_ok());
        let mut order: Vec<usize> = (0..numbers.len()).collect();
        let renumber = !all_semver;
        if renumber {
            // equal numbers (which CVRF does not forbid) keep the order of their dates
            let when = |i: usize| revisions[i].date.as_ref().and_then(|d| d.value);
            order.sort_by(|&a, &b| {
                match (&numbers[a], &numbers[b]) {
                    (Some(x), Some(y)) => known::cvrf_version_cmp(x, y),
                    (Some(_), None) => std::cmp::Ordering::Less,
                    (None, Some(_)) => std::cmp::Ordering::Greater,
                    (None, None) => std::cmp::Ordering::Equal,
                }
                .then_with(|| when(a).cmp(&when(b)))
            });
        }
        let mut items = Vec::new();
        for (k, &i) in order.iter().enumerate() {
            let r = &revisions[i];
            let ptr = format!("/document/tracking/revision_history/{i}");
            self.map(format!("/document/tracking/revision_history/{k}"), ptr.clone());
            let mut o = Map::new();
            if let Some(d) = self.date(&r.date, &format!("{ptr}/date"), "the revision `Date`", true) {
                o.insert("date".into(), d);
            }
            if renumber {
                o.insert("number".into(), s(&(k + 1).to_string()));
                if let Some(n) = numbers[i].as_ref().filter(|_| i < given_revisions) {
                    o.insert("legacy_version".into(), s(n));
                }
            } else if let Some(n) = &numbers[i] {
                o.insert("number".into(), s(n));
            } else {
                self.error(&ptr, "the revision has no `Number`".into());
            }
            match self.text(
                &r.summary,
                &format!("{ptr}/summary"),
                "the revision `Description`",
                false,
            ) {
                Some(v) => {
                    o.insert("summary".into(), v);
                }
                None => {
                    // `summary` is required in CSAF; CVRF requires `Description` too
                    self.error(
                        &ptr,
                        "the revision has no `Description`; CSAF requires a summary".into(),
                    );
                }
            }
            items.push(Value::Object(o));
        }
        let version_out = match (&version, renumber) {
            (None, _) => None,
            (Some(v), false) => Some(s(v)),
            (Some(v), true) => {
                // the latest revision with that number
                let exact = order
                    .iter()
                    .rposition(|&i| numbers[i].as_deref() == Some(v.as_str()));
                let equal = exact.or_else(|| {
                    order.iter().rposition(|&i| {
                        numbers[i]
                            .as_deref()
                            .is_some_and(|n| known::cvrf_version_cmp(n, v).is_eq())
                    })
                });
                let n = match equal {
                    Some(k) => k + 1,
                    None => {
                        let n = order.len().max(1);
                        self.warn(
                            "/document/tracking/version",
                            format!(
                                "the version `{v}` matches no revision `Number`: `version` is `{n}`, the \
                                 latest revision"
                            ),
                        );
                        n
                    }
                };
                self.warn(
                    "/document/tracking/version",
                    format!(
                        "the version `{v}` and the revision numbers are not all semantic versions: renumbered \
                         `1`…`{}` by CVRF order, `version` is `{n}`, and each original `Number` is kept as \
                         `legacy_version` (CSAF 2.0 §9.1.5)",
                        order.len()
                    ),
                );
                Some(s(&n.to_string()))
            }
        };
        (version_out, Value::Array(items))
    }

    /// `generator` describes the tool that wrote this document: csaflint. The CVRF generator (the
    /// tool that wrote the CVRF document) has no place left and is reported.
    fn generator(&mut self) -> Value {
        if let Some(g) = &self.adv.document.tracking.generator {
            let what = match (&g.engine_name, &g.date) {
                (Some(e), Some(d)) => format!("`{e}`, `{}`", d.raw.trim()),
                (Some(e), None) => format!("`{e}`"),
                (None, Some(d)) => format!("`{}`", d.raw.trim()),
                (None, None) => "empty".into(),
            };
            self.warn(
                "/document/tracking/generator",
                format!(
                    "the CVRF generator ({what}) is replaced: `generator` names the tool that wrote the CSAF \
                     document"
                ),
            );
        }
        let date = match self.opts.generator_date {
            Some(d) => d.to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true),
            None => chrono::DateTime::<chrono::Utc>::from(std::time::SystemTime::now())
                .to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        };
        json!({
            "date": date,
            "engine": { "name": ENGINE, "version": env!("CARGO_PKG_VERSION") },
        })
    }

    // ---- shared lists ---------------------------------------------------------------------

    fn notes(&mut self, notes: &[Note], base: &str) -> Option<Value> {
        let mut out = Vec::new();
        for (i, n) in notes.iter().enumerate() {
            let ptr = format!("{base}/{i}");
            let Some(text) = n.text.as_deref().filter(|t| !is_blank(t)) else {
                self.warn_agg(
                    "note-empty",
                    &ptr,
                    "a note without text dropped (CSAF notes need text)".into(),
                );
                continue;
            };
            let mut o = Map::new();
            o.insert("text".into(), s(text));
            let mut title = n.title.clone().filter(|t| !is_blank(t));
            let category = match &n.category {
                Some(NoteCategory::Other(c)) => {
                    // not a CVRF note type (Microsoft writes `Tag`): `other`, the type kept as title
                    self.warn_agg(
                        &format!("note-type:{c}"),
                        &format!("{ptr}/category"),
                        format!(
                            "note type `{c}` does not exist in CSAF: category `other`{}",
                            if title.is_none() {
                                ", the type kept as `title`"
                            } else {
                                ""
                            }
                        ),
                    );
                    title.get_or_insert_with(|| c.clone());
                    "other".to_owned()
                }
                Some(c) => c.as_str().to_owned(),
                None => {
                    self.warn_agg(
                        "note-type-missing",
                        &ptr,
                        "a note without `Type`: category `other`".into(),
                    );
                    "other".to_owned()
                }
            };
            o.insert("category".into(), s(&category));
            if let Some(t) = title {
                o.insert("title".into(), s(&t));
            }
            if let Some(a) = n.audience.as_deref().filter(|a| !is_blank(a)) {
                o.insert("audience".into(), s(a));
            }
            self.map(format!("{base}/{}", out.len()), ptr);
            out.push(Value::Object(o));
        }
        (!out.is_empty()).then_some(Value::Array(out))
    }

    fn references(&mut self, refs: &[Reference], base: &str) -> Option<Value> {
        let mut out = Vec::new();
        for (i, r) in refs.iter().enumerate() {
            let ptr = format!("{base}/{i}");
            let Some(raw) = r.url.as_deref().filter(|u| !is_blank(u)) else {
                self.warn(
                    &ptr,
                    "a reference without `URL` dropped (CSAF references need one)".into(),
                );
                continue;
            };
            let Some(url) = self.url(raw, &format!("{ptr}/url"), "the reference URL") else {
                continue;
            };
            let url = url.as_str();
            let mut o = Map::new();
            o.insert("url".into(), s(url));
            let summary = match r.summary.as_deref().filter(|t| !is_blank(t)) {
                Some(t) => t.to_owned(),
                None => {
                    self.warn_agg(
                        "ref-summary",
                        &ptr,
                        "a reference without `Description`: its URL is the summary".into(),
                    );
                    url.to_owned()
                }
            };
            o.insert("summary".into(), s(&summary));
            // CVRF's `Type` defaults to `External`
            let category = match &r.category {
                Some(ReferenceCategory::Other(c)) => {
                    self.warn(
                        &format!("{ptr}/category"),
                        format!("reference type `{c}` is neither `Self` nor `External`: `external`"),
                    );
                    "external"
                }
                Some(c) => c.as_str(),
                None => "external",
            };
            o.insert("category".into(), s(category));
            self.map(format!("{base}/{}", out.len()), ptr);
            out.push(Value::Object(o));
        }
        (!out.is_empty()).then_some(Value::Array(out))
    }

    /// "If more than one `cvrf:Organization` instance is given, the CVRF CSAF converter converts the
    /// first one into the `organization`. In addition, the converter outputs a warning that
    /// information might be lost during conversion of document or vulnerability acknowledgment."
    fn acknowledgments(&mut self, acks: &[Acknowledgment], base: &str) -> Option<Value> {
        let mut out = Vec::new();
        for (i, a) in acks.iter().enumerate() {
            let ptr = format!("{base}/{i}");
            let node = self.node_of(&ptr);
            let orgs: Vec<String> = self
                .tree()
                .kids(node, "Organization")
                .map(|o| self.tree().text(o).trim().to_owned())
                .collect();
            if orgs.len() > 1 {
                self.warn(
                    &format!("{ptr}/organization"),
                    format!(
                        "the acknowledgment has {} organizations; CSAF keeps one, `{}`: information lost ({})",
                        orgs.len(),
                        orgs[0],
                        orgs[1..].iter().map(|o| format!("`{o}`")).collect::<Vec<_>>().join(", ")
                    ),
                );
            }
            let mut o = Map::new();
            let names: Vec<Value> = a.names.iter().filter(|n| !is_blank(n)).map(|n| s(n)).collect();
            if !names.is_empty() {
                o.insert("names".into(), Value::Array(names));
            }
            if let Some(org) = a.organization.as_deref().filter(|t| !is_blank(t)) {
                o.insert("organization".into(), s(org));
            }
            if let Some(t) = a.summary.as_deref().filter(|t| !is_blank(t)) {
                o.insert("summary".into(), s(t));
            }
            let mut urls: Vec<Value> = Vec::new();
            for (k, u) in a.urls.iter().enumerate().filter(|(_, u)| !is_blank(u)) {
                if let Some(u) = self.url(u, &format!("{ptr}/urls/{k}"), "the acknowledgment URL") {
                    urls.push(s(&u));
                }
            }
            if !urls.is_empty() {
                o.insert("urls".into(), Value::Array(urls));
            }
            if o.is_empty() {
                self.warn(&ptr, "an empty acknowledgment dropped".into());
                continue;
            }
            self.map(format!("{base}/{}", out.len()), ptr);
            out.push(Value::Object(o));
        }
        (!out.is_empty()).then_some(Value::Array(out))
    }

    // ---- product tree ---------------------------------------------------------------------

    fn product_tree(&mut self, pt: &ProductTree) -> Option<Value> {
        let mut m = Map::new();
        // products that cannot stay where they are: (model pointer, product)
        let mut moved: Vec<(String, FullProductName)> = Vec::new();
        let branches = self.branches(&pt.branches, "/product_tree/branches", &mut moved);
        if !branches.is_empty() {
            m.insert("branches".into(), Value::Array(branches));
        }

        // top-level products: those defined there, then the extra ones of branches (Microsoft
        // writes several `FullProductName`s in a branch; CSAF has one `product` per branch). The
        // extra ones of relationships make relationships of their own (below).
        let mut rel_extras: HashMap<usize, Vec<usize>> = HashMap::new();
        let mut fpns: Vec<(String, FullProductName)> = Vec::new();
        for (i, p) in pt.full_product_names.iter().enumerate() {
            let ptr = format!("/product_tree/full_product_names/{i}");
            let node = self.node_of(&ptr);
            let parent = self.tree().el(node).parent;
            let parent_name = parent.map(|p| self.tree().el_name(p)).unwrap_or("");
            match parent_name {
                "Relationship" => {
                    let rel = parent.expect("a parent");
                    let j = (0..pt.relationships.len())
                        .find(|&j| self.node_of(&format!("/product_tree/relationships/{j}")) == rel);
                    match j {
                        Some(j) => rel_extras.entry(j).or_default().push(i),
                        None => fpns.push((ptr, p.clone())),
                    }
                }
                "Branch" => {
                    self.warn_agg(
                        "branch-extra-product",
                        &ptr,
                        "a branch defines more than one product; CSAF allows one per branch: the others \
                         are kept in `/product_tree/full_product_names`"
                            .into(),
                    );
                    fpns.push((ptr, p.clone()));
                }
                _ => fpns.push((ptr, p.clone())),
            }
        }
        fpns.extend(moved);
        // Microsoft defines many products twice, at the top and in a branch: an identical second
        // definition (same ID, name and CPE) is kept once instead of failing 6.1.2
        let mut defined: HashSet<(String, String, String)> = HashSet::new();
        if let Some(Value::Array(b)) = m.get("branches") {
            collect_defined(b, &mut defined);
        }
        let mut list = Vec::new();
        for (ptr, p) in &fpns {
            let out = format!("/product_tree/full_product_names/{}", list.len());
            if let Some(v) = self.full_product_name(p, ptr) {
                if !defined.insert(signature(&v)) {
                    self.warn_agg(
                        "product-twice",
                        ptr,
                        format!(
                            "the product `{}` is defined again, identically: kept once",
                            v["product_id"].as_str().unwrap_or_default()
                        ),
                    );
                    continue;
                }
                self.map(out, ptr.clone());
                list.push(v);
            }
        }
        if !list.is_empty() {
            m.insert("full_product_names".into(), Value::Array(list));
        }

        let mut rels = Vec::new();
        for (j, r) in pt.relationships.iter().enumerate() {
            let ptr = format!("/product_tree/relationships/{j}");
            let mut products: Vec<(String, &FullProductName)> = Vec::new();
            if let Some(p) = &r.full_product_name {
                products.push((format!("{ptr}/full_product_name"), p));
            }
            for &i in rel_extras.get(&j).map(Vec::as_slice).unwrap_or(&[]) {
                products.push((
                    format!("/product_tree/full_product_names/{i}"),
                    &pt.full_product_names[i],
                ));
            }
            // CSAF 2.0 §9.1.5: "If more than one `prod:FullProductName` instance is given, the CVRF
            // CSAF converter converts the first one into the `full_product_name`. In addition, the
            // converter outputs a warning that information might be lost". Nothing need be lost: each
            // further product becomes a relationship of its own with the same references.
            if products.len() > 1 {
                self.warn(
                    &ptr,
                    format!(
                        "the relationship defines {} products; CSAF has one `full_product_name` per \
                         relationship: split into {} relationships with the same references",
                        products.len(),
                        products.len()
                    ),
                );
            }
            if products.is_empty() {
                self.error(&ptr, "the relationship defines no `FullProductName`".into());
                continue;
            }
            let category = match &r.category {
                Some(RelationshipCategory::Other(c)) => {
                    self.error(
                        &format!("{ptr}/category"),
                        format!("relation type `{c}` does not exist in CSAF: relationship dropped"),
                    );
                    continue;
                }
                Some(c) => c.as_str().to_owned(),
                None => {
                    self.error(&ptr, "the relationship has no `RelationType`: dropped".into());
                    continue;
                }
            };
            for (fptr, p) in products {
                let Some(fpn) = self.full_product_name(p, &fptr) else {
                    continue;
                };
                let out = format!("/product_tree/relationships/{}", rels.len());
                self.map(out.clone(), ptr.clone());
                self.map(format!("{out}/full_product_name"), fptr.clone());
                let mut o = Map::new();
                o.insert("category".into(), s(&category));
                o.insert("full_product_name".into(), fpn);
                for (key, v) in [
                    ("product_reference", &r.product_reference),
                    ("relates_to_product_reference", &r.relates_to_product_reference),
                ] {
                    match v.as_deref().filter(|v| !is_blank(v)) {
                        Some(v) => {
                            o.insert(key.into(), s(v));
                        }
                        None => self.error(&ptr, format!("the relationship has no `{key}`")),
                    }
                }
                rels.push(Value::Object(o));
            }
        }
        if !rels.is_empty() {
            m.insert("relationships".into(), Value::Array(rels));
        }

        let mut groups = Vec::new();
        for (i, g) in pt.product_groups.iter().enumerate() {
            let ptr = format!("/product_tree/product_groups/{i}");
            let Some(id) = g.group_id.as_deref().filter(|v| !is_blank(v)) else {
                self.error(&ptr, "a product group without `GroupID` dropped".into());
                continue;
            };
            let mut o = Map::new();
            o.insert("group_id".into(), s(id));
            if let Some(ids) = self.id_list(&g.product_ids, &format!("{ptr}/product_ids")) {
                o.insert("product_ids".into(), ids);
            }
            if let Some(t) = g.summary.as_deref().filter(|t| !is_blank(t)) {
                o.insert("summary".into(), s(t));
            }
            self.map(format!("/product_tree/product_groups/{}", groups.len()), ptr);
            groups.push(Value::Object(o));
        }
        if !groups.is_empty() {
            m.insert("product_groups".into(), Value::Array(groups));
        }
        (!m.is_empty()).then_some(Value::Object(m))
    }

    /// Branches, recursively. A CSAF branch has exactly one of `branches` and `product`: a CVRF branch
    /// with both keeps its children and its product moves to `full_product_names`; one with neither
    /// (it names no product) is dropped.
    fn branches(
        &mut self,
        branches: &[Branch],
        base: &str,
        moved: &mut Vec<(String, FullProductName)>,
    ) -> Vec<Value> {
        let mut out = Vec::new();
        for (i, b) in branches.iter().enumerate() {
            let ptr = format!("{base}/{i}");
            let out_ptr_index = out.len();
            let children = self.branches(&b.branches, &format!("{ptr}/branches"), moved);
            let mut o = Map::new();
            // "If any `prod:Branch` instance has the type `Realm` or `Resource`, the CVRF CSAF
            // converter replaces those with the category `product_name`. In addition, the converter
            // outputs a warning that those types do not exist in CSAF and have been replaced with the
            // category `product_name`."
            let category = match &b.category {
                Some(BranchCategory::Other(c)) if c == "Realm" || c == "Resource" => {
                    self.warn_agg(
                        &format!("branch-type:{c}"),
                        &format!("{ptr}/category"),
                        format!(
                            "branch type `{c}` does not exist in CSAF and has been replaced with the category \
                             `product_name`"
                        ),
                    );
                    "product_name".to_owned()
                }
                Some(BranchCategory::Other(c)) => {
                    self.warn_agg(
                        &format!("branch-type:{c}"),
                        &format!("{ptr}/category"),
                        format!(
                            "branch type `{c}` is not a CVRF branch type and does not exist in CSAF: replaced \
                             with the category `product_name`"
                        ),
                    );
                    "product_name".to_owned()
                }
                Some(c) => c.as_str().to_owned(),
                None => {
                    self.warn_agg(
                        "branch-type-missing",
                        &ptr,
                        "a branch without `Type`: category `product_name`".into(),
                    );
                    "product_name".to_owned()
                }
            };
            o.insert("category".into(), s(&category));
            match b.name.as_deref().filter(|n| !is_blank(n)) {
                Some(n) => {
                    o.insert("name".into(), s(n));
                }
                None => self.error(&ptr, "a branch without `Name`; CSAF requires one".into()),
            }
            let product = b.product.as_ref();
            if !children.is_empty() {
                o.insert("branches".into(), Value::Array(children));
                if let Some(p) = product {
                    self.warn(
                        &format!("{ptr}/product"),
                        "a branch with both sub-branches and a product; a CSAF branch has one or the other: \
                         the product is kept in `/product_tree/full_product_names`"
                            .into(),
                    );
                    moved.push((format!("{ptr}/product"), p.clone()));
                }
            } else if let Some(p) = product {
                match self.full_product_name(p, &format!("{ptr}/product")) {
                    Some(v) => {
                        o.insert("product".into(), v);
                    }
                    None => continue,
                }
            } else {
                self.warn_agg(
                    "branch-empty",
                    &ptr,
                    "a branch without product or sub-branches names no product: dropped".into(),
                );
                continue;
            }
            self.map(format!("{base}/{out_ptr_index}"), ptr);
            out.push(Value::Object(o));
        }
        out
    }

    fn full_product_name(&mut self, p: &FullProductName, ptr: &str) -> Option<Value> {
        let Some(id) = p.product_id.as_deref().filter(|v| !is_blank(v)) else {
            self.error(ptr, "a `FullProductName` without `ProductID` dropped".into());
            return None;
        };
        let mut o = Map::new();
        o.insert("product_id".into(), s(id));
        let name = match p.name.as_deref().filter(|n| !is_blank(n)) {
            Some(n) => n.to_owned(),
            None => {
                self.warn(
                    ptr,
                    format!("the product `{id}` has no name: its product ID is the name"),
                );
                id.to_owned()
            }
        };
        o.insert("name".into(), s(&name));
        if let Some(cpe) = p
            .helper
            .as_ref()
            .and_then(|h| h.cpe.as_deref())
            .filter(|c| !is_blank(c))
        {
            // CSAF 2.0 is silent; CSAF 2.1 §9.1.5 removes a CPE that does not match the schema's
            // pattern, with a warning, rather than produce an invalid document.
            if known::cpe_is_valid(cpe) {
                o.insert("product_identification_helper".into(), json!({ "cpe": cpe }));
            } else {
                self.warn(
                    &format!("{ptr}/product_identification_helper/cpe"),
                    format!("the CPE `{cpe}` of `{id}` is not a valid CPE 2.2 or 2.3 name: removed"),
                );
            }
        }
        Some(Value::Object(o))
    }

    // ---- vulnerabilities ------------------------------------------------------------------

    fn vulnerability(&mut self, i: usize, v: &Vulnerability) -> Option<Value> {
        let base = format!("/vulnerabilities/{i}");
        let mut m = Map::new();
        if let Some(t) = v.title.as_deref().filter(|t| !is_blank(t)) {
            m.insert("title".into(), s(t));
        }
        let mut ids: Vec<Value> = Vec::new();
        // "If a `vuln:ID` element is given, the CVRF CSAF converter converts it into the first item
        // of the `ids` array."
        for (k, id) in v.ids.iter().enumerate() {
            let ptr = format!("{base}/ids/{k}");
            match (
                id.system_name.as_deref().filter(|x| !is_blank(x)),
                id.text.as_deref().filter(|x| !is_blank(x)),
            ) {
                (Some(sys), Some(t)) => {
                    self.map(format!("{base}/ids/{}", ids.len()), ptr);
                    ids.push(json!({ "system_name": sys, "text": t }));
                }
                (None, Some(t)) => self.error(
                    &ptr,
                    format!("the vulnerability ID `{t}` has no `SystemName`; CSAF requires one: dropped"),
                ),
                _ => self.warn(&ptr, "an empty vulnerability `ID` dropped".into()),
            }
        }
        if let Some(cve) = v.cve.as_deref().filter(|c| !is_blank(c)) {
            if is_cve(cve) {
                m.insert("cve".into(), s(cve));
            } else {
                // Microsoft writes advisory numbers (`ADV160002`) in `CVE`; CSAF's `cve` has a pattern
                let system = self
                    .publisher_name
                    .clone()
                    .unwrap_or_else(|| "CVRF CVE element".to_owned());
                self.warn(
                    &format!("{base}/cve"),
                    format!("`{cve}` is not a CVE ID: kept in `ids` with the system name `{system}`"),
                );
                self.map(format!("{base}/ids/{}", ids.len()), format!("{base}/cve"));
                ids.push(json!({ "system_name": system, "text": cve }));
            }
        }
        if !ids.is_empty() {
            m.insert("ids".into(), Value::Array(ids));
        }
        if let Some(cwe) = self.cwe(v, &base) {
            m.insert("cwe".into(), cwe);
        }
        if let Some(n) = self.notes(&v.notes, &format!("{base}/notes")) {
            m.insert("notes".into(), n);
        }
        if let Some(d) = self.date(
            &v.discovery_date,
            &format!("{base}/discovery_date"),
            "`DiscoveryDate`",
            false,
        ) {
            m.insert("discovery_date".into(), d);
        }
        if let Some(d) = self.date(
            &v.disclosure_date,
            &format!("{base}/release_date"),
            "`ReleaseDate`",
            false,
        ) {
            m.insert("release_date".into(), d);
        }
        if let Some(x) = self.involvements(v, &base) {
            m.insert("involvements".into(), x);
        }
        let mut status = Map::new();
        for (key, list) in v.product_status.lists() {
            if let Some(ids) = self.id_list(list, &format!("{base}/product_status/{key}")) {
                status.insert(key.into(), ids);
            }
        }
        self.unknown_statuses(&base);
        if !status.is_empty() {
            m.insert("product_status".into(), Value::Object(status));
        }
        if let Some(x) = self.threats(v, &base) {
            m.insert("threats".into(), x);
        }
        if let Some(x) = self.scores(v, &base) {
            m.insert("scores".into(), x);
        }
        let mut extra_refs = Vec::new();
        if let Some(x) = self.remediations(v, &base, &mut extra_refs) {
            m.insert("remediations".into(), x);
        }
        let mut refs = match self.references(&v.references, &format!("{base}/references")) {
            Some(Value::Array(a)) => a,
            _ => Vec::new(),
        };
        for (ptr, r) in extra_refs {
            self.map(format!("{base}/references/{}", refs.len()), ptr);
            refs.push(r);
        }
        if !refs.is_empty() {
            m.insert("references".into(), Value::Array(refs));
        }
        if let Some(x) = self.acknowledgments(&v.acknowledgments, &format!("{base}/acknowledgments")) {
            m.insert("acknowledgments".into(), x);
        }
        if m.is_empty() {
            self.warn(&base, "an empty vulnerability dropped".into());
            return None;
        }
        Some(Value::Object(m))
    }

    /// `Status` elements whose `Type` is not a CVRF product status (the front end skips them).
    fn unknown_statuses(&mut self, base: &str) {
        let t = self.tree();
        let v = self.node_of(base);
        for ps in t.kids(v, "ProductStatuses") {
            for st in t.kids(ps, "Status") {
                let ty = t.attr(st, "Type").map(|(_, v)| v.trim().to_owned());
                let known = ty.as_deref().is_some_and(|ty| {
                    [
                        "First Affected",
                        "Known Affected",
                        "Known Not Affected",
                        "First Fixed",
                        "Fixed",
                        "Recommended",
                        "Last Affected",
                        "Under Investigation",
                    ]
                    .contains(&ty)
                        || crate::model::ProductStatus::default()
                            .lists()
                            .iter()
                            .any(|(k, _)| *k == ty)
                });
                if !known {
                    let n = t.kids(st, "ProductID").count();
                    self.msgs.push(
                        Level::Error,
                        None,
                        At::Node(st, t.attr(st, "Type").map(|(i, _)| i)),
                        format!(
                            "product status `{}` does not exist in CVRF or CSAF: its {n} product(s) dropped",
                            ty.unwrap_or_default()
                        ),
                    );
                }
            }
        }
    }

    /// `cwe`. CSAF 2.0: "If more than one `vuln:CWE` instance is given, the CVRF CSAF converter
    /// converts the first one into `cwe`. In addition, the converter outputs a warning that
    /// information might be lost during conversion of the CWE." Following CSAF 2.1 §9.1.5, an id that
    /// is no weakness in any CWE version ("a CWE category or view", or unknown) is removed with a
    /// warning; a name that the id never had is replaced by its name in the catalogue in force at
    /// `current_release_date` (else the latest), with a warning that shows the original.
    fn cwe(&mut self, v: &Vulnerability, base: &str) -> Option<Value> {
        let release = self
            .adv
            .document
            .tracking
            .current_release_date
            .as_ref()
            .map(|d| d.raw.trim().to_owned());
        let mut chosen: Option<(usize, Value)> = None;
        let mut lost: Vec<String> = Vec::new();
        for (k, c) in v.cwes.iter().enumerate() {
            let ptr = if k == 0 {
                format!("{base}/cwe")
            } else {
                format!("{base}/cwes/{k}")
            };
            let Some(id) = c.id.as_deref().filter(|x| !is_blank(x)) else {
                self.warn(&ptr, "a CWE without `ID` dropped".into());
                continue;
            };
            let lookup = crate::cwe::lookup(id, None);
            if !lookup.exists_in_any_version() {
                self.warn(
                    &ptr,
                    format!(
                        "`{id}` is not a CWE weakness (unknown, or a category or view, whose use is not allowed \
                         in vulnerability mappings): removed"
                    ),
                );
                continue;
            }
            if chosen.is_some() {
                lost.push(id.to_owned());
                continue;
            }
            let name = c.name.as_deref().map(str::trim).unwrap_or("");
            let name = if crate::cwe::name_matches(id, name, None) {
                name.to_owned()
            } else {
                let version = release.as_deref().and_then(crate::cwe::version_at);
                let catalogue = crate::cwe::lookup(id, version)
                    .name()
                    .or_else(|| lookup.latest().map(|w| w.name()))
                    .unwrap_or(name)
                    .to_owned();
                if name.is_empty() {
                    self.warn(
                        &ptr,
                        format!("`{id}` has no name: `{catalogue}` from the CWE catalogue"),
                    );
                } else {
                    self.warn(
                        &ptr,
                        format!("`{name}` is not a name of `{id}`: replaced with `{catalogue}` from the CWE catalogue"),
                    );
                }
                catalogue
            };
            chosen = Some((k, json!({ "id": id, "name": name })));
        }
        if !lost.is_empty() {
            self.warn(
                &format!("{base}/cwe"),
                format!(
                    "CSAF 2.0 has one `cwe` per vulnerability: {} lost",
                    lost.iter()
                        .map(|l| format!("`{l}`"))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            );
        }
        let (k, value) = chosen?;
        if k > 0 {
            self.map(format!("{base}/cwe"), format!("{base}/cwes/{k}"));
        }
        Some(value)
    }

    fn involvements(&mut self, v: &Vulnerability, base: &str) -> Option<Value> {
        let mut out = Vec::new();
        for (k, inv) in v.involvements.iter().enumerate() {
            let ptr = format!("{base}/involvements/{k}");
            let party = match &inv.party {
                Some(InvolvementParty::Other(p)) => {
                    self.warn(
                        &format!("{ptr}/party"),
                        format!("involvement party `{p}` does not exist in CSAF: `other`"),
                    );
                    "other".to_owned()
                }
                Some(p) => p.as_str().to_owned(),
                None => {
                    self.warn(&ptr, "an involvement without `Party`: `other`".into());
                    "other".to_owned()
                }
            };
            let status = match &inv.status {
                Some(InvolvementStatus::Other(st)) => {
                    self.warn(
                        &format!("{ptr}/status"),
                        format!("involvement status `{st}` does not exist in CSAF: involvement dropped"),
                    );
                    continue;
                }
                Some(st) => st.as_str().to_owned(),
                None => {
                    self.warn(&ptr, "an involvement without `Status` dropped".into());
                    continue;
                }
            };
            let mut o = Map::new();
            o.insert("party".into(), s(&party));
            o.insert("status".into(), s(&status));
            if let Some(t) = inv.summary.as_deref().filter(|t| !is_blank(t)) {
                o.insert("summary".into(), s(t));
            }
            self.map(format!("{base}/involvements/{}", out.len()), ptr);
            out.push(Value::Object(o));
        }
        (!out.is_empty()).then_some(Value::Array(out))
    }

    fn threats(&mut self, v: &Vulnerability, base: &str) -> Option<Value> {
        let mut out = Vec::new();
        for (k, th) in v.threats.iter().enumerate() {
            let ptr = format!("{base}/threats/{k}");
            let mut details = th.details.clone().filter(|d| !is_blank(d));
            let category = match &th.category {
                Some(ThreatCategory::Other(c)) => {
                    // Microsoft writes `Severity` threats; CSAF has no such category. `impact` keeps the
                    // products, and the type is kept in front of the details.
                    self.warn_agg(
                        &format!("threat-type:{c}"),
                        &format!("{ptr}/category"),
                        format!(
                            "threat type `{c}` does not exist in CSAF: category `impact`, details prefixed with `{c}: `"
                        ),
                    );
                    details = Some(format!("{c}: {}", details.unwrap_or_default()));
                    "impact".to_owned()
                }
                Some(c) => c.as_str().to_owned(),
                None => {
                    self.warn(&ptr, "a threat without `Type`: category `impact`".into());
                    "impact".to_owned()
                }
            };
            let Some(details) = details else {
                self.warn_agg(
                    "threat-empty",
                    &ptr,
                    "a threat without `Description` dropped (CSAF threats need details)".into(),
                );
                continue;
            };
            let mut o = Map::new();
            o.insert("category".into(), s(&category));
            o.insert("details".into(), s(&details));
            if let Some(d) = self.date(&th.date, &format!("{ptr}/date"), "the threat `Date`", false) {
                o.insert("date".into(), d);
            }
            if let Some(ids) = self.id_list(&th.product_ids, &format!("{ptr}/product_ids")) {
                o.insert("product_ids".into(), ids);
            }
            if let Some(ids) = self.id_list(&th.group_ids, &format!("{ptr}/group_ids")) {
                o.insert("group_ids".into(), ids);
            }
            self.map(format!("{base}/threats/{}", out.len()), ptr);
            out.push(Value::Object(o));
        }
        (!out.is_empty()).then_some(Value::Array(out))
    }

    /// Product IDs for a remediation or score set that names none. CSAF 2.0 §9.1.5: "the CVRF CSAF
    /// converter appends all Product IDs which are listed under `../product_status` in the arrays
    /// `known_affected`, `first_affected` and `last_affected` [...] If none of these arrays exist, the
    /// CVRF CSAF converter outputs an error that no matching Product ID was found". Red Hat and SUSE
    /// list only `Fixed` products and give their fixes and scores no product IDs; rather than throw
    /// those away, the converter takes the `first_fixed` and `fixed` products then, with a warning
    /// (what Red Hat's own CSAF advisories reference); the error remains for a vulnerability that
    /// lists no affected or fixed product at all.
    fn fill_products(&mut self, v: &Vulnerability, ptr: &str, what: &str) -> Vec<String> {
        let ps = &v.product_status;
        let mut seen = HashSet::new();
        let affected: Vec<String> = ps
            .known_affected
            .iter()
            .chain(&ps.first_affected)
            .chain(&ps.last_affected)
            .filter(|p| !is_blank(p) && seen.insert(p.as_str()))
            .cloned()
            .collect();
        if !affected.is_empty() {
            self.warn_agg(
                &format!("fill-affected:{what}"),
                ptr,
                format!(
                    "a {what} without product IDs gets the vulnerability's affected products (CSAF 2.0 §9.1.5)"
                ),
            );
            return affected;
        }
        let mut seen = HashSet::new();
        let fixed: Vec<String> = ps
            .first_fixed
            .iter()
            .chain(&ps.fixed)
            .filter(|p| !is_blank(p) && seen.insert(p.as_str()))
            .cloned()
            .collect();
        if !fixed.is_empty() {
            self.warn_agg(
                &format!("fill-fixed:{what}"),
                ptr,
                format!(
                    "a {what} without product IDs, in a vulnerability without affected products: it gets \
                     the vulnerability's fixed products (a guess; CSAF 2.0 §9.1.5 knows only affected ones)"
                ),
            );
            return fixed;
        }
        self.error(
            ptr,
            format!(
                "no matching product ID was found for this {what}: it names none, and the vulnerability lists \
                 no affected or fixed product; {}",
                if what == "score set" { "score set dropped" } else { "left without product IDs" }
            ),
        );
        Vec::new()
    }

    /// `scores`. "For any CVSS v3 element, the CVRF CSAF converter MUST compute the `baseSeverity`
    /// from the `baseScore`"; "If a `vectorString` is missing, the CVRF CSAF converter outputs an
    /// error that the CVSS element could not be converted"; "If there are CVSS v3.0 and CVSS v3.1
    /// Vectors available for the same product, the CVRF CSAF converter discards the CVSS v3.0
    /// information"; and the v3 minor version comes from the vector, the element's namespace, the
    /// root's CVSS namespace, or `3.0`.
    fn scores(&mut self, v: &Vulnerability, base: &str) -> Option<Value> {
        // (model index, products, cvss key, cvss object)
        let mut sets: Vec<ScoreSetOut> = Vec::new();
        for (k, metric) in v.metrics.iter().enumerate() {
            let ptr = format!("{base}/scores/{k}");
            let (key, cvss) = match (&metric.cvss_v3, &metric.cvss_v2) {
                (Some(c), _) => ("cvss_v3", c),
                (None, Some(c)) => ("cvss_v2", c),
                (None, None) => continue,
            };
            let Some((key, obj)) = self.cvss(cvss, key, &format!("{ptr}/{key}")) else {
                continue;
            };
            let products = if metric.products.iter().any(|p| !is_blank(p)) {
                metric.products.iter().filter(|p| !is_blank(p)).cloned().collect()
            } else {
                self.fill_products(v, &ptr, "score set")
            };
            if products.is_empty() {
                continue;
            }
            sets.push((k, products, key, obj));
        }
        // CVSS v3.0 and v3.1 for the same product: keep v3.1
        let v31: HashSet<String> = sets
            .iter()
            .filter(|(_, _, key, o)| *key == "cvss_v3" && o.get("version") == Some(&s("3.1")))
            .flat_map(|(_, p, _, _)| p.iter().cloned())
            .collect();
        let mut out = Vec::new();
        for (k, mut products, key, obj) in sets {
            let ptr = format!("{base}/scores/{k}");
            if key == "cvss_v3" && obj.get("version") == Some(&s("3.0")) {
                let before = products.len();
                let dropped: Vec<String> = products.iter().filter(|p| v31.contains(*p)).cloned().collect();
                products.retain(|p| !v31.contains(p));
                if products.len() < before {
                    self.warn(
                        &ptr,
                        format!(
                            "CVSS v3.0 and v3.1 are both given for {}: the v3.0 score is discarded for {} (CSAF 2.0 \
                             §9.1.5){}",
                            dropped.iter().map(|p| format!("`{p}`")).collect::<Vec<_>>().join(", "),
                            if dropped.len() == 1 { "it" } else { "them" },
                            if products.is_empty() { "; the score set is left without products and dropped" } else { "" }
                        ),
                    );
                    if products.is_empty() {
                        continue;
                    }
                }
            }
            let mut o = Map::new();
            o.insert(key.into(), Value::Object(obj));
            if !products.is_empty() {
                o.insert(
                    "products".into(),
                    Value::Array(products.iter().map(|p| s(p)).collect()),
                );
            }
            self.map(format!("{base}/scores/{}", out.len()), ptr);
            out.push(Value::Object(o));
        }
        (!out.is_empty()).then_some(Value::Array(out))
    }

    fn cvss(&mut self, c: &Cvss, key: &'static str, ptr: &str) -> Option<(&'static str, Map<String, Value>)> {
        let Some(mut vector) = c.vector.clone().filter(|v| !is_blank(v)) else {
            self.error(
                ptr,
                "the CVSS element could not be converted as the CVSS vector was missing: dropped".into(),
            );
            return None;
        };
        let mut o = Map::new();
        let mut version = c.version.clone().unwrap_or_else(|| "2.0".into());
        let mut key = key;
        // CVRF 1.1 has only (v2) `ScoreSet`; vendors (Oracle) put v3 vectors without `CVSS:3.x/` in
        // it. v3's `PR`, `UI` and `S` metrics do not exist in v2.
        if key == "cvss_v2"
            && vector
                .split('/')
                .any(|m| ["PR", "UI", "S"].contains(&m.split(':').next().unwrap_or("")))
        {
            key = "cvss_v3";
        }
        if key == "cvss_v2" {
            if let Some(inner) = vector.strip_prefix('(').and_then(|v| v.strip_suffix(')')) {
                vector = inner.to_owned();
            }
        } else if !vector.starts_with("CVSS:3.") {
            let (v, how) = self.v3_version_without_prefix(ptr);
            self.warn(
                ptr,
                format!("the CVSS v3 vector `{vector}` names no version: {how}, so `CVSS:{v}/` is prepended"),
            );
            version = v.to_owned();
            vector = format!("CVSS:{v}/{vector}");
        }
        o.insert("version".into(), s(&version));
        o.insert("vectorString".into(), s(&vector));
        for field in ["baseScore", "temporalScore", "environmentalScore"] {
            match c.fields.get(field) {
                Some(Value::Number(n)) => {
                    o.insert(field.into(), Value::Number(n.clone()));
                }
                Some(other) => {
                    let text = other.as_str().unwrap_or_default();
                    if field == "baseScore" {
                        self.error(
                            &format!("{ptr}/{field}"),
                            format!("the base score `{text}` is not a number: score dropped"),
                        );
                        return None;
                    }
                    self.warn(
                        &format!("{ptr}/{field}"),
                        format!("the {field} `{text}` is not a number: dropped"),
                    );
                }
                None if field == "baseScore" => {
                    self.error(ptr, "the score has no base score: dropped".into());
                    return None;
                }
                None => {}
            }
        }
        if key == "cvss_v3" {
            let score = c
                .base_score
                .or_else(|| c.fields.get("baseScore").and_then(|v| v.as_f64()));
            match score.and_then(known::v3_severity) {
                Some(sev) => {
                    o.insert("baseSeverity".into(), s(sev));
                }
                None => self.error(
                    &format!("{ptr}/baseScore"),
                    "the base score is outside 0–10: no base severity".into(),
                ),
            }
        }
        Some((key, o))
    }

    /// The CVSS v3 minor version of a vector without `CVSS:3.x/`: the element's namespace, the CVSS v3
    /// namespace declared on the root (when exactly one), else `3.0` ("As CSAF CVRF v1.2 predates
    /// CVSS v3.1").
    fn v3_version_without_prefix(&self, ptr: &str) -> (&'static str, &'static str) {
        let node = self.node_of(ptr);
        let ns = self.tree().ns_uri(node);
        if ns.contains("cvss-v3.1") {
            return ("3.1", "the version was guessed from the element's namespace");
        }
        if ns.contains("cvss-v3.0") {
            return ("3.0", "the version was guessed from the element's namespace");
        }
        let root = self.tree().el(XmlTree::ROOT);
        let tag = self.text.get(root.start..root.tag_end).unwrap_or("");
        let has31 = tag.contains("cvss-v3.1");
        let has30 = tag.contains("cvss-v3.0");
        match (has30, has31) {
            (false, true) => ("3.1", "the version was guessed from the global namespace"),
            (true, false) => ("3.0", "the version was guessed from the global namespace"),
            _ => ("3.0", "the version was taken from the default `3.0`"),
        }
    }

    /// A remediation whose type is not CVRF's (`Known Issue`, `Release Notes`, …) has no CSAF
    /// category: with a URL it becomes a vulnerability reference (`Type: Description`), else it is
    /// dropped; either way its product IDs are lost, which the warning says.
    fn unknown_remediation(
        &mut self,
        ty: &str,
        r: &Remediation,
        ptr: &str,
        references: &mut Vec<(String, Value)>,
    ) {
        let details = r.details.as_deref().map(str::trim).filter(|d| !d.is_empty());
        let url = r
            .url
            .as_deref()
            .filter(|u| !is_blank(u))
            .and_then(|u| self.url(u, &format!("{ptr}/url"), "the remediation URL"));
        match url {
            Some(url) => {
                let summary = match details {
                    Some(d) => format!("{ty}: {d}"),
                    None => ty.to_owned(),
                };
                self.warn_agg(
                    &format!("remediation-type:{ty}"),
                    &format!("{ptr}/category"),
                    format!(
                        "remediation type `{ty}` is not CVRF and has no CSAF category: kept as a vulnerability \
                         reference (`{summary}`), without its product IDs"
                    ),
                );
                references.push((
                    ptr.to_owned(),
                    json!({ "category": "external", "summary": summary, "url": url }),
                ));
            }
            None => self.warn_agg(
                &format!("remediation-type:{ty}"),
                &format!("{ptr}/category"),
                format!("remediation type `{ty}` is not CVRF and has no CSAF category: remediation dropped"),
            ),
        }
    }

    /// `remediations`. Remediation types map to categories as their definitions match: `Workaround`
    /// → `workaround`, `Mitigation` → `mitigation`, `Vendor Fix` → `vendor_fix`, `None Available` →
    /// `none_available`, `Will Not Fix` → `no_fix_planned`. The `Date` (from when the remediation is
    /// available) becomes `date`.
    fn remediations(
        &mut self,
        v: &Vulnerability,
        base: &str,
        references: &mut Vec<(String, Value)>,
    ) -> Option<Value> {
        let mut out = Vec::new();
        for (k, r) in v.remediations.iter().enumerate() {
            let ptr = format!("{base}/remediations/{k}");
            let category = match &r.category {
                Some(RemediationCategory::Other(c)) => {
                    // a vendor extension (Microsoft's `Known Issue`): not a remediation in CSAF
                    self.unknown_remediation(c, r, &ptr, references);
                    continue;
                }
                Some(c @ (RemediationCategory::FixPlanned | RemediationCategory::OptionalPatch)) => {
                    self.error(
                        &format!("{ptr}/category"),
                        format!("remediation category `{c}` exists only in CSAF 2.1: remediation dropped"),
                    );
                    continue;
                }
                Some(c) => c.as_str().to_owned(),
                None => {
                    self.error(&ptr, "a remediation without `Type` dropped".into());
                    continue;
                }
            };
            let mut o = Map::new();
            o.insert("category".into(), s(&category));
            match r.details.as_deref().filter(|d| !is_blank(d)) {
                Some(d) => {
                    o.insert("details".into(), s(d));
                }
                None => {
                    self.warn(
                        &ptr,
                        format!("a remediation without `Description`: its type `{category}` is the details"),
                    );
                    o.insert("details".into(), s(&category));
                }
            }
            if let Some(d) = self.date(&r.date, &format!("{ptr}/date"), "the remediation `Date`", false) {
                o.insert("date".into(), d);
            }
            let product_ids = self.id_list(&r.product_ids, &format!("{ptr}/product_ids"));
            let group_ids = self.id_list(&r.group_ids, &format!("{ptr}/group_ids"));
            match (product_ids, group_ids) {
                (None, None) => {
                    let filled = self.fill_products(v, &ptr, "remediation");
                    if !filled.is_empty() {
                        o.insert(
                            "product_ids".into(),
                            Value::Array(filled.iter().map(|p| s(p)).collect()),
                        );
                    }
                }
                (p, g) => {
                    if let Some(p) = p {
                        o.insert("product_ids".into(), p);
                    }
                    if let Some(g) = g {
                        o.insert("group_ids".into(), g);
                    }
                }
            }
            if let Some(u) = r.url.as_deref().filter(|u| !is_blank(u)) {
                if let Some(u) = self.url(u, &format!("{ptr}/url"), "the remediation URL") {
                    o.insert("url".into(), s(&u));
                }
            }
            let ents: Vec<Value> = r
                .entitlements
                .iter()
                .filter(|e| !is_blank(e))
                .map(|e| s(e))
                .collect();
            if !ents.is_empty() {
                o.insert("entitlements".into(), Value::Array(ents));
            }
            self.map(format!("{base}/remediations/{}", out.len()), ptr);
            out.push(Value::Object(o));
        }
        (!out.is_empty()).then_some(Value::Array(out))
    }
}

/// A converted score set: (model index, products, `cvss_v2` or `cvss_v3`, the CVSS object).
type ScoreSetOut = (usize, Vec<String>, &'static str, Map<String, Value>);

/// `(product_id, name, cpe)` of a produced `full_product_name`.
fn signature(p: &Value) -> (String, String, String) {
    let text = |v: &Value| v.as_str().unwrap_or_default().to_owned();
    (
        text(&p["product_id"]),
        text(&p["name"]),
        text(&p["product_identification_helper"]["cpe"]),
    )
}

/// The signatures of the products of produced branches.
fn collect_defined(branches: &[Value], out: &mut HashSet<(String, String, String)>) {
    for b in branches {
        if b["product"].is_object() {
            out.insert(signature(&b["product"]));
        }
        if let Value::Array(children) = &b["branches"] {
            collect_defined(children, out);
        }
    }
}

fn collect_vendors(branches: &[Branch], out: &mut BTreeSet<String>) {
    for b in branches {
        if b.category == Some(BranchCategory::Vendor) {
            if let Some(n) = b.name.as_deref().map(str::trim).filter(|n| !n.is_empty()) {
                out.insert(n.to_owned());
            }
        }
        collect_vendors(&b.branches, out);
    }
}

/// `^CVE-[0-9]{4}-[0-9]{4,}$`, the CSAF 2.0 pattern of `cve`.
fn is_cve(s: &str) -> bool {
    let Some(rest) = s.strip_prefix("CVE-") else {
        return false;
    };
    let Some((year, num)) = rest.split_once('-') else {
        return false;
    };
    year.len() == 4
        && num.len() >= 4
        && year.bytes().all(|b| b.is_ascii_digit())
        && num.bytes().all(|b| b.is_ascii_digit())
}

/// An element path without its `[n]` indexes: the key that aggregates messages.
fn strip_indexes(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    let mut skip = false;
    for c in path.chars() {
        match c {
            '[' => skip = true,
            ']' => skip = false,
            c if !skip => out.push(c),
            _ => {}
        }
    }
    out
}
