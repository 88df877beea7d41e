//! What the final CVRF 1.1 and 1.2 XSDs enforce, as tables and one walk over the element tree.
//!
//! The tables follow `cvrf.xsd`, `prod.xsd`, `vuln.xsd` and `common.xsd` of both versions (they
//! differ only in the CVSS score sets and in which score set's product ids must be defined). The
//! walk runs once per document; each CV1xx rule keeps the findings of its [`Kind`]. Findings carry
//! the element path of the offending element or attribute as their pointer.

use crate::diag::Finding;
use crate::index::FastMap;
use crate::model::Version;
use crate::parse::cvrf::xml::{Known, NodeId, Sym, XmlTree};
use crate::rules::Context;
use std::borrow::Cow;
use std::collections::hash_map::Entry;
use std::sync::Mutex;

/// Which class of schema violation a rule reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A required child element is missing.
    MissingElement,
    /// A child element the schema does not allow there, one too many, or text in element-only
    /// content.
    UnexpectedElement,
    /// A child element before one the schema puts ahead of it.
    OutOfOrder,
    /// An element in another namespace than its version's.
    WrongNamespace,
    /// A required attribute is missing.
    MissingAttribute,
    /// An attribute the schema does not declare.
    UnexpectedAttribute,
    /// A value that breaks its type: enumeration, pattern, date-time, number, empty string.
    InvalidValue,
    /// A value that must be unique (`xs:unique`) occurs twice.
    DuplicateKey,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    Cvrf = 0,
    Prod = 1,
    Vuln = 2,
}

#[derive(Debug, Clone, Copy)]
enum Ty {
    /// `localizedString`: non-empty, `xml:lang` allowed.
    Str,
    /// `localizedNormalizedString`: non-empty, `xml:lang` allowed.
    NormStr,
    /// `nonEmptyNormalizedString` without `xml:lang`.
    PlainNorm,
    /// `xs:string`: anything.
    Any,
    /// `xs:token`.
    Token,
    /// `xs:anyURI` (not checked: XSD 1.0 accepts nearly any string as `anyURI`).
    Uri,
    /// `cpe-lang:namePattern` (CPE 2.2 URI): `[c][pP][eE]:/[AHOaho]?(:[A-Za-z0-9\._\-~%]*){0,6}`.
    CpeName,
    DateTime,
    /// `revisionNumber`.
    Revision,
    Cve,
    Cwe,
    /// `zeroToTenDecimalType`.
    Score,
    /// `xs:token` with a maximum length.
    Vector(usize),
    PositiveInteger,
    Enum(&'static [&'static str]),
}

impl Ty {
    fn localized(self) -> bool {
        matches!(self, Ty::Str | Ty::NormStr)
    }
}

struct AttrDecl {
    name: &'static str,
    required: bool,
    ty: Ty,
}

enum Content {
    Text(Ty),
    Seq(&'static [Particle]),
    /// `Branch`: one `FullProductName` or one or more `Branch`.
    BranchChoice,
}

struct Decl {
    name: &'static str,
    /// The namespace part when the element is declared globally; local ones inherit their parent's.
    part: Option<Part>,
    content: Content,
    attrs: &'static [AttrDecl],
}

struct Particle {
    decl: &'static Decl,
    min: u32,
    max: u32,
}

const N: u32 = u32::MAX;

const fn p(decl: &'static Decl, min: u32, max: u32) -> Particle {
    Particle { decl, min, max }
}

const fn text(name: &'static str, ty: Ty) -> Decl {
    Decl {
        name,
        part: None,
        content: Content::Text(ty),
        attrs: &[],
    }
}

const fn req(name: &'static str, ty: Ty) -> AttrDecl {
    AttrDecl {
        name,
        required: true,
        ty,
    }
}

const fn opt(name: &'static str, ty: Ty) -> AttrDecl {
    AttrDecl {
        name,
        required: false,
        ty,
    }
}

const PUBLISHER_TYPES: &[&str] = &["Vendor", "Discoverer", "Coordinator", "User", "Other"];
const DOCUMENT_STATUS: &[&str] = &["Draft", "Interim", "Final"];
const NOTE_TYPES: &[&str] = &[
    "General",
    "Details",
    "Description",
    "Summary",
    "FAQ",
    "Legal Disclaimer",
    "Other",
];
const REFERENCE_TYPES: &[&str] = &["External", "Self"];
const BRANCH_TYPES: &[&str] = &[
    "Vendor",
    "Product Family",
    "Product Name",
    "Product Version",
    "Patch Level",
    "Service Pack",
    "Architecture",
    "Language",
    "Legacy",
    "Specification",
    "Host Name",
    "Realm",
    "Resource",
];
const RELATION_TYPES: &[&str] = &[
    "Default Component Of",
    "Optional Component Of",
    "External Component Of",
    "Installed On",
    "Installed With",
];
const INVOLVEMENT_STATUS: &[&str] = &[
    "Open",
    "Disputed",
    "In Progress",
    "Completed",
    "Contact Attempted",
    "Not Contacted",
];
const STATUS_TYPES: &[&str] = &[
    "First Affected",
    "First Fixed",
    "Fixed",
    "Known Affected",
    "Known Not Affected",
    "Last Affected",
    "Recommended",
];
const THREAT_TYPES: &[&str] = &["Impact", "Exploit Status", "Target Set"];
const REMEDY_TYPES: &[&str] = &[
    "Workaround",
    "Mitigation",
    "Vendor Fix",
    "None Available",
    "Will Not Fix",
];

// ---- shared local elements ----------------------------------------------------------------
static DESCRIPTION: Decl = text("Description", Ty::Str);
static URL: Decl = text("URL", Ty::Uri);
static DATE: Decl = text("Date", Ty::DateTime);
static NOTE: Decl = Decl {
    name: "Note",
    part: None,
    content: Content::Text(Ty::Str),
    attrs: &[
        opt("Title", Ty::Any),
        opt("Audience", Ty::Any),
        req("Type", Ty::Enum(NOTE_TYPES)),
        req("Ordinal", Ty::PositiveInteger),
    ],
};
static REFERENCE: Decl = Decl {
    name: "Reference",
    part: None,
    content: Content::Seq(&[p(&URL, 1, 1), p(&DESCRIPTION, 1, 1)]),
    attrs: &[opt("Type", Ty::Enum(REFERENCE_TYPES))],
};
static NAME: Decl = text("Name", Ty::Str);
static ORGANIZATION: Decl = text("Organization", Ty::Str);
static ACKNOWLEDGMENT: Decl = Decl {
    name: "Acknowledgment",
    part: None,
    content: Content::Seq(&[
        p(&NAME, 0, N),
        p(&ORGANIZATION, 0, N),
        p(&DESCRIPTION, 0, 1),
        p(&URL, 0, N),
    ]),
    attrs: &[],
};
static ACKNOWLEDGMENTS: Decl = Decl {
    name: "Acknowledgments",
    part: None,
    content: Content::Seq(&[p(&ACKNOWLEDGMENT, 1, N)]),
    attrs: &[],
};
static PRODUCT_ID: Decl = text("ProductID", Ty::Token);
static GROUP_ID: Decl = text("GroupID", Ty::Token);

// ---- cvrf.xsd -----------------------------------------------------------------------------
static DOCUMENT_TITLE: Decl = text("DocumentTitle", Ty::NormStr);
static DOCUMENT_TYPE: Decl = text("DocumentType", Ty::NormStr);
static CONTACT_DETAILS: Decl = text("ContactDetails", Ty::Str);
static ISSUING_AUTHORITY: Decl = text("IssuingAuthority", Ty::Str);
static DOCUMENT_PUBLISHER: Decl = Decl {
    name: "DocumentPublisher",
    part: None,
    content: Content::Seq(&[p(&CONTACT_DETAILS, 0, 1), p(&ISSUING_AUTHORITY, 0, 1)]),
    attrs: &[req("Type", Ty::Enum(PUBLISHER_TYPES)), opt("VendorID", Ty::Any)],
};
static ID: Decl = text("ID", Ty::Str);
static ALIAS: Decl = text("Alias", Ty::Str);
static IDENTIFICATION: Decl = Decl {
    name: "Identification",
    part: None,
    content: Content::Seq(&[p(&ID, 1, 1), p(&ALIAS, 0, N)]),
    attrs: &[],
};
static STATUS: Decl = text("Status", Ty::Enum(DOCUMENT_STATUS));
static VERSION: Decl = text("Version", Ty::Revision);
static NUMBER: Decl = text("Number", Ty::Revision);
static REVISION: Decl = Decl {
    name: "Revision",
    part: None,
    content: Content::Seq(&[p(&NUMBER, 1, 1), p(&DATE, 1, 1), p(&DESCRIPTION, 1, 1)]),
    attrs: &[],
};
static REVISION_HISTORY: Decl = Decl {
    name: "RevisionHistory",
    part: None,
    content: Content::Seq(&[p(&REVISION, 1, N)]),
    attrs: &[],
};
static INITIAL_RELEASE_DATE: Decl = text("InitialReleaseDate", Ty::DateTime);
static CURRENT_RELEASE_DATE: Decl = text("CurrentReleaseDate", Ty::DateTime);
static ENGINE: Decl = text("Engine", Ty::Str);
static GENERATOR: Decl = Decl {
    name: "Generator",
    part: None,
    content: Content::Seq(&[p(&ENGINE, 0, 1), p(&DATE, 0, 1)]),
    attrs: &[],
};
static DOCUMENT_TRACKING: Decl = Decl {
    name: "DocumentTracking",
    part: None,
    content: Content::Seq(&[
        p(&IDENTIFICATION, 1, 1),
        p(&STATUS, 1, 1),
        p(&VERSION, 1, 1),
        p(&REVISION_HISTORY, 1, 1),
        p(&INITIAL_RELEASE_DATE, 1, 1),
        p(&CURRENT_RELEASE_DATE, 1, 1),
        p(&GENERATOR, 0, 1),
    ]),
    attrs: &[],
};
static DOCUMENT_NOTES: Decl = Decl {
    name: "DocumentNotes",
    part: None,
    content: Content::Seq(&[p(&NOTE, 1, N)]),
    attrs: &[],
};
static DOCUMENT_DISTRIBUTION: Decl = text("DocumentDistribution", Ty::Str);
static AGGREGATE_SEVERITY: Decl = Decl {
    name: "AggregateSeverity",
    part: None,
    content: Content::Text(Ty::Str),
    attrs: &[opt("Namespace", Ty::Uri)],
};
static DOCUMENT_REFERENCES: Decl = Decl {
    name: "DocumentReferences",
    part: None,
    content: Content::Seq(&[p(&REFERENCE, 1, N)]),
    attrs: &[],
};

macro_rules! cvrfdoc {
    ($name:ident, $vuln:ident) => {
        static $name: Decl = Decl {
            name: "cvrfdoc",
            part: Some(Part::Cvrf),
            content: Content::Seq(&[
                p(&DOCUMENT_TITLE, 1, 1),
                p(&DOCUMENT_TYPE, 1, 1),
                p(&DOCUMENT_PUBLISHER, 1, 1),
                p(&DOCUMENT_TRACKING, 1, 1),
                p(&DOCUMENT_NOTES, 0, 1),
                p(&DOCUMENT_DISTRIBUTION, 0, 1),
                p(&AGGREGATE_SEVERITY, 0, 1),
                p(&DOCUMENT_REFERENCES, 0, 1),
                p(&ACKNOWLEDGMENTS, 0, 1),
                p(&PRODUCT_TREE, 0, 1),
                p(&$vuln, 0, N),
            ]),
            attrs: &[],
        };
    };
}
cvrfdoc!(CVRFDOC_11, VULNERABILITY_11);
cvrfdoc!(CVRFDOC_12, VULNERABILITY_12);

// ---- prod.xsd -----------------------------------------------------------------------------
static FULL_PRODUCT_NAME: Decl = Decl {
    name: "FullProductName",
    part: Some(Part::Prod),
    content: Content::Text(Ty::PlainNorm),
    attrs: &[req("ProductID", Ty::Token), opt("CPE", Ty::CpeName)],
};
static BRANCH: Decl = Decl {
    name: "Branch",
    part: None,
    content: Content::BranchChoice,
    attrs: &[req("Type", Ty::Enum(BRANCH_TYPES)), req("Name", Ty::Any)],
};
static RELATIONSHIP: Decl = Decl {
    name: "Relationship",
    part: None,
    content: Content::Seq(&[p(&FULL_PRODUCT_NAME, 1, N)]),
    attrs: &[
        req("ProductReference", Ty::Token),
        req("RelationType", Ty::Enum(RELATION_TYPES)),
        req("RelatesToProductReference", Ty::Token),
    ],
};
static GROUP: Decl = Decl {
    name: "Group",
    part: None,
    content: Content::Seq(&[p(&DESCRIPTION, 0, 1), p(&PRODUCT_ID, 2, N)]),
    attrs: &[req("GroupID", Ty::Token)],
};
static PRODUCT_GROUPS: Decl = Decl {
    name: "ProductGroups",
    part: None,
    content: Content::Seq(&[p(&GROUP, 1, N)]),
    attrs: &[],
};
static PRODUCT_TREE: Decl = Decl {
    name: "ProductTree",
    part: Some(Part::Prod),
    content: Content::Seq(&[
        p(&BRANCH, 0, N),
        p(&FULL_PRODUCT_NAME, 0, N),
        p(&RELATIONSHIP, 0, N),
        p(&PRODUCT_GROUPS, 0, 1),
    ]),
    attrs: &[],
};

// ---- vuln.xsd -----------------------------------------------------------------------------
static TITLE: Decl = text("Title", Ty::Str);
static VULN_ID: Decl = Decl {
    name: "ID",
    part: None,
    content: Content::Text(Ty::Token),
    attrs: &[req("SystemName", Ty::Token)],
};
static NOTES: Decl = Decl {
    name: "Notes",
    part: None,
    content: Content::Seq(&[p(&NOTE, 0, N)]),
    attrs: &[],
};
static DISCOVERY_DATE: Decl = text("DiscoveryDate", Ty::DateTime);
static RELEASE_DATE: Decl = text("ReleaseDate", Ty::DateTime);
static INVOLVEMENT: Decl = Decl {
    name: "Involvement",
    part: None,
    content: Content::Seq(&[p(&DESCRIPTION, 0, 1)]),
    attrs: &[
        req("Party", Ty::Enum(PUBLISHER_TYPES)),
        req("Status", Ty::Enum(INVOLVEMENT_STATUS)),
    ],
};
static INVOLVEMENTS: Decl = Decl {
    name: "Involvements",
    part: None,
    content: Content::Seq(&[p(&INVOLVEMENT, 1, N)]),
    attrs: &[],
};
static CVE: Decl = text("CVE", Ty::Cve);
static CWE: Decl = Decl {
    name: "CWE",
    part: None,
    content: Content::Text(Ty::Str),
    attrs: &[req("ID", Ty::Cwe)],
};
static PRODUCT_STATUS: Decl = Decl {
    name: "Status",
    part: None,
    content: Content::Seq(&[p(&PRODUCT_ID, 1, N)]),
    attrs: &[req("Type", Ty::Enum(STATUS_TYPES))],
};
static PRODUCT_STATUSES: Decl = Decl {
    name: "ProductStatuses",
    part: None,
    content: Content::Seq(&[p(&PRODUCT_STATUS, 1, N)]),
    attrs: &[],
};
static THREAT: Decl = Decl {
    name: "Threat",
    part: None,
    content: Content::Seq(&[p(&DESCRIPTION, 1, 1), p(&PRODUCT_ID, 0, N), p(&GROUP_ID, 0, N)]),
    attrs: &[req("Type", Ty::Enum(THREAT_TYPES)), opt("Date", Ty::DateTime)],
};
static THREATS: Decl = Decl {
    name: "Threats",
    part: None,
    content: Content::Seq(&[p(&THREAT, 1, N)]),
    attrs: &[],
};

macro_rules! score_set {
    ($set:ident, $name:literal, $base:ident, $temporal:ident, $env:ident, $vector:ident, $suffix:literal, $len:literal) => {
        static $base: Decl = text(concat!("BaseScore", $suffix), Ty::Score);
        static $temporal: Decl = text(concat!("TemporalScore", $suffix), Ty::Score);
        static $env: Decl = text(concat!("EnvironmentalScore", $suffix), Ty::Score);
        static $vector: Decl = text(concat!("Vector", $suffix), Ty::Vector($len));
        static $set: Decl = Decl {
            name: $name,
            part: None,
            content: Content::Seq(&[
                p(&$base, 1, 1),
                p(&$temporal, 0, 1),
                p(&$env, 0, 1),
                p(&$vector, 0, 1),
                p(&PRODUCT_ID, 0, N),
            ]),
            attrs: &[],
        };
    };
}
score_set!(
    SCORE_SET,
    "ScoreSet",
    BASE,
    TEMPORAL,
    ENVIRONMENTAL,
    VECTOR,
    "",
    76
);
score_set!(
    SCORE_SET_V2,
    "ScoreSetV2",
    BASE_V2,
    TEMPORAL_V2,
    ENVIRONMENTAL_V2,
    VECTOR_V2,
    "V2",
    76
);
score_set!(
    SCORE_SET_V3,
    "ScoreSetV3",
    BASE_V3,
    TEMPORAL_V3,
    ENVIRONMENTAL_V3,
    VECTOR_V3,
    "V3",
    140
);

static CVSS_SCORE_SETS_11: Decl = Decl {
    name: "CVSSScoreSets",
    part: None,
    content: Content::Seq(&[p(&SCORE_SET, 1, N)]),
    attrs: &[],
};
static CVSS_SCORE_SETS_12: Decl = Decl {
    name: "CVSSScoreSets",
    part: None,
    content: Content::Seq(&[p(&SCORE_SET_V2, 0, N), p(&SCORE_SET_V3, 0, N)]),
    attrs: &[],
};
static ENTITLEMENT: Decl = text("Entitlement", Ty::Str);
static REMEDIATION: Decl = Decl {
    name: "Remediation",
    part: None,
    content: Content::Seq(&[
        p(&DESCRIPTION, 1, 1),
        p(&ENTITLEMENT, 0, N),
        p(&URL, 0, 1),
        p(&PRODUCT_ID, 0, N),
        p(&GROUP_ID, 0, N),
    ]),
    attrs: &[req("Type", Ty::Enum(REMEDY_TYPES)), opt("Date", Ty::DateTime)],
};
static REMEDIATIONS: Decl = Decl {
    name: "Remediations",
    part: None,
    content: Content::Seq(&[p(&REMEDIATION, 1, N)]),
    attrs: &[],
};
static REFERENCES: Decl = Decl {
    name: "References",
    part: None,
    content: Content::Seq(&[p(&REFERENCE, 1, N)]),
    attrs: &[],
};

macro_rules! vulnerability {
    ($name:ident, $cvss:ident) => {
        static $name: Decl = Decl {
            name: "Vulnerability",
            part: Some(Part::Vuln),
            content: Content::Seq(&[
                p(&TITLE, 0, 1),
                p(&VULN_ID, 0, 1),
                p(&NOTES, 0, 1),
                p(&DISCOVERY_DATE, 0, 1),
                p(&RELEASE_DATE, 0, 1),
                p(&INVOLVEMENTS, 0, 1),
                p(&CVE, 0, 1),
                p(&CWE, 0, N),
                p(&PRODUCT_STATUSES, 0, 1),
                p(&THREATS, 0, 1),
                p(&$cvss, 0, 1),
                p(&REMEDIATIONS, 0, 1),
                p(&REFERENCES, 0, 1),
                p(&ACKNOWLEDGMENTS, 0, 1),
            ]),
            attrs: &[req("Ordinal", Ty::PositiveInteger)],
        };
    };
}
vulnerability!(VULNERABILITY_11, CVSS_SCORE_SETS_11);
vulnerability!(VULNERABILITY_12, CVSS_SCORE_SETS_12);

// ---- the walk -----------------------------------------------------------------------------

fn namespace(version: Version, part: Part) -> &'static str {
    match (version, part) {
        (Version::Cvrf11, Part::Cvrf) => "http://www.icasi.org/CVRF/schema/cvrf/1.1",
        (Version::Cvrf11, Part::Prod) => "http://www.icasi.org/CVRF/schema/prod/1.1",
        (Version::Cvrf11, Part::Vuln) => "http://www.icasi.org/CVRF/schema/vuln/1.1",
        (_, Part::Cvrf) => "http://docs.oasis-open.org/csaf/ns/csaf-cvrf/v1.2/cvrf",
        (_, Part::Prod) => "http://docs.oasis-open.org/csaf/ns/csaf-cvrf/v1.2/prod",
        (_, Part::Vuln) => "http://docs.oasis-open.org/csaf/ns/csaf-cvrf/v1.2/vuln",
    }
}

/// What a rule's findings are made of: the element path, the message, and the element and
/// attribute the path names.
type Found = (String, String, (NodeId, Option<u32>));

/// The findings of the structure walk of one document (every kind but [`Kind::DuplicateKey`]),
/// made on the first request of one of the rules CV101–CV107 and kept in the rules' [`Context`],
/// so the walk runs once per document instead of once per rule. Each rule takes its kind's
/// findings: they are handed out once (a rule runs once per document).
#[derive(Debug, Default)]
pub struct Walked {
    by_kind: Mutex<[Vec<Found>; KINDS]>,
}

/// The number of [`Kind`]s.
const KINDS: usize = 8;

impl Kind {
    fn index(self) -> usize {
        match self {
            Kind::MissingElement => 0,
            Kind::UnexpectedElement => 1,
            Kind::OutOfOrder => 2,
            Kind::WrongNamespace => 3,
            Kind::MissingAttribute => 4,
            Kind::UnexpectedAttribute => 5,
            Kind::InvalidValue => 6,
            Kind::DuplicateKey => 7,
        }
    }
}

struct Walk<'a> {
    t: &'a XmlTree,
    version: Version,
    found: [Vec<Found>; KINDS],
    /// The interned namespace of each [`Part`] of the version, when the document uses it: an
    /// element in it is in the right namespace without comparing strings.
    part_ns: [Option<Sym>; 3],
}

/// Runs the structure check of `kind` on a CVRF document (nothing for CSAF input).
pub fn check(cx: &Context<'_>, kind: Kind, rule: &'static str, out: &mut Vec<Finding>) {
    let Some(t) = cx.xml else {
        return;
    };
    let version = cx.advisory.version;
    if !version.is_cvrf() {
        return;
    }
    let part_ns = [Part::Cvrf, Part::Prod, Part::Vuln].map(|p| t.sym(namespace(version, p)));
    let walk = |t| Walk {
        t,
        version,
        found: Default::default(),
        part_ns,
    };
    let found = match kind {
        Kind::DuplicateKey => {
            let mut w = walk(t);
            w.unique();
            std::mem::take(&mut w.found[kind.index()])
        }
        _ => {
            let walked = cx.cvrf_walk.get_or_init(|| {
                let mut w = walk(t);
                let root = if version == Version::Cvrf11 {
                    &CVRFDOC_11
                } else {
                    &CVRFDOC_12
                };
                w.element(XmlTree::ROOT, root, Part::Cvrf);
                Walked {
                    by_kind: Mutex::new(w.found),
                }
            });
            let mut by_kind = walked.by_kind.lock().unwrap_or_else(|e| e.into_inner());
            std::mem::take(&mut by_kind[kind.index()])
        }
    };
    out.extend(
        found
            .into_iter()
            .map(|(path, message, (node, attr))| Finding::new(rule, path, message).at_xml(node, attr)),
    );
}

impl<'a> Walk<'a> {
    /// Records a finding of `kind`.
    fn report(&mut self, kind: Kind, node: NodeId, attr: Option<u32>, message: impl FnOnce() -> String) {
        let path = self.t.path(node, attr);
        self.found[kind.index()].push((path, message(), (node, attr)));
    }

    fn element(&mut self, id: NodeId, decl: &'static Decl, parent_part: Part) {
        let t = self.t;
        let part = decl.part.unwrap_or(parent_part);
        let name = decl.name;
        let expected = namespace(self.version, part);
        // names are interned once: the same symbol is the same text
        let in_part = self.part_ns[part as usize].is_some_and(|ns| t.el(id).ns_uri == ns);
        let actual = t.ns_uri(id);
        if !in_part && actual != expected {
            let msg = if actual.is_empty() {
                format!("`{name}` has no namespace: expected `{expected}`")
            } else {
                format!("`{name}` is in the namespace `{actual}`: expected `{expected}`")
            };
            self.report(Kind::WrongNamespace, id, None, || msg);
        }
        self.attributes(id, decl);
        match &decl.content {
            Content::Text(ty) => {
                for &c in t.children(id) {
                    let child = t.el_name(c);
                    self.report(Kind::UnexpectedElement, c, None, || {
                        cat(&["`", name, "` holds text only, not the element `", child, "`"])
                    });
                }
                if let Some(msg) = invalid(*ty, t.text(id)) {
                    self.report(Kind::InvalidValue, id, None, || cat(&["`", name, "`: ", &msg]));
                }
            }
            Content::Seq(particles) => {
                self.no_text(id, name);
                // the longest sequence has 14 particles: no allocation per element
                let mut small = [0u32; 16];
                let mut large = Vec::new();
                let counts: &mut [u32] = if particles.len() <= small.len() {
                    &mut small[..particles.len()]
                } else {
                    large.resize(particles.len(), 0);
                    &mut large
                };
                let mut last = 0usize;
                for &c in t.children(id) {
                    let child = t.el_name(c);
                    let Some(i) = particle(particles, last, child) else {
                        self.report(Kind::UnexpectedElement, c, None, || {
                            cat(&["`", name, "` does not allow the element `", child, "`"])
                        });
                        continue;
                    };
                    counts[i] += 1;
                    let pt = &particles[i];
                    if counts[i] > pt.max {
                        let msg = if pt.max == 1 {
                            format!("`{name}` allows one `{child}`, this is another")
                        } else {
                            format!("`{name}` allows at most {} `{child}`", pt.max)
                        };
                        self.report(Kind::UnexpectedElement, c, None, || msg);
                    }
                    if i < last {
                        let before = particles[last].decl.name;
                        self.report(Kind::OutOfOrder, c, None, || {
                            format!(
                                "`{child}` comes after `{before}` in `{name}`, but the schema puts it before"
                            )
                        });
                    } else {
                        last = i;
                    }
                    self.element(c, pt.decl, part);
                }
                for (pt, &n) in particles.iter().zip(counts.iter()) {
                    if n < pt.min {
                        let child = pt.decl.name;
                        let msg = if pt.min == 1 {
                            cat(&["`", name, "` lacks the required element `", child, "`"])
                        } else {
                            format!("`{name}` needs at least {} `{child}`, it has {n}", pt.min)
                        };
                        self.report(Kind::MissingElement, id, None, || msg);
                    }
                }
            }
            Content::BranchChoice => {
                self.no_text(id, name);
                let (mut products, mut branches) = (0, 0);
                for &c in t.children(id) {
                    match t.el_name(c) {
                        "FullProductName" => {
                            products += 1;
                            if products > 1 || branches > 0 {
                                self.report(Kind::UnexpectedElement, c, None, || {
                                    "`Branch` holds either one `FullProductName` or `Branch` elements, \
                                     this `FullProductName` is one too many"
                                        .to_owned()
                                });
                            }
                            self.element(c, &FULL_PRODUCT_NAME, part);
                        }
                        "Branch" => {
                            branches += 1;
                            if products > 0 {
                                self.report(
                                    Kind::UnexpectedElement,
                                    c,
                                    None,
                                    || "`Branch` holds either one `FullProductName` or `Branch` elements, not both"
                                        .to_owned(),
                                );
                            }
                            self.element(c, &BRANCH, part);
                        }
                        other => {
                            let msg = format!("`Branch` does not allow the element `{other}`");
                            self.report(Kind::UnexpectedElement, c, None, || msg);
                        }
                    }
                }
                if products == 0 && branches == 0 {
                    self.report(Kind::MissingElement, id, None, || {
                        "`Branch` lacks a `FullProductName` or a nested `Branch`".to_owned()
                    });
                }
            }
        }
    }

    fn no_text(&mut self, id: NodeId, name: &str) {
        if !self.t.text(id).trim().is_empty() {
            self.report(Kind::UnexpectedElement, id, None, || {
                format!("`{name}` holds elements only, not text")
            });
        }
    }

    fn attributes(&mut self, id: NodeId, decl: &'static Decl) {
        let t = self.t;
        let name = decl.name;
        let localized = matches!(decl.content, Content::Text(ty) if ty.localized());
        // which declared attributes occur (a declaration list is short: a bit each)
        let mut present = 0u64;
        for (i, a) in t.attrs(id).iter().enumerate() {
            let attr = t.name(a.name);
            let declared = decl.attrs.iter().position(|d| d.name == attr);
            if let Some(k) = declared.filter(|&k| k < 64) {
                present |= 1 << k;
            }
            if attr.starts_with("xsi:") || (attr == "xml:lang" && localized) {
                continue;
            }
            match declared.map(|k| &decl.attrs[k]) {
                None => self.report(Kind::UnexpectedAttribute, id, Some(i as u32), || {
                    cat(&["`", name, "` does not allow the attribute `", attr, "`"])
                }),
                Some(d) => {
                    if let Some(msg) = invalid(d.ty, t.attr_value(a)) {
                        self.report(Kind::InvalidValue, id, Some(i as u32), || {
                            cat(&["`", attr, "` of `", name, "`: ", &msg])
                        });
                    }
                }
            }
        }
        for (k, d) in decl.attrs.iter().enumerate().filter(|(_, d)| d.required) {
            let found = if k < 64 {
                present & (1 << k) != 0
            } else {
                t.attr(id, d.name).is_some()
            };
            if !found {
                let msg = cat(&["`", name, "` lacks the required attribute `", d.name, "`"]);
                self.report(Kind::MissingAttribute, id, None, || msg);
            }
        }
    }

    /// The children of `parents` named `name` (see [`XmlTree::kids_of`]), into `out` (cleared first).
    fn kids(&self, parents: &[NodeId], name: Known, out: &mut Vec<NodeId>) {
        out.clear();
        for &p in parents {
            out.extend(self.t.kids_of(p, name));
        }
    }

    /// `xs:unique` constraints (those of product and group ids are the tests 6.1.2 and 6.1.5).
    fn unique(&mut self) {
        let sets = [
            ("ScoreSet", Known::ScoreSet),
            ("ScoreSetV2", Known::ScoreSetV2),
            ("ScoreSetV3", Known::ScoreSetV3),
        ];
        let mut seen = Seen::default();
        let (mut a, mut b) = (Vec::new(), Vec::new());
        let root = [XmlTree::ROOT];
        let mut vulns = Vec::new();
        self.kids(&root, Known::Vulnerability, &mut vulns);
        self.distinct_ordinals(&vulns, "vulnerability ordinal", &mut seen);
        self.kids(&root, Known::DocumentNotes, &mut a);
        self.kids(&a, Known::Note, &mut b);
        self.distinct_ordinals(&b, "note ordinal", &mut seen);
        for &v in &vulns {
            let v = [v];
            self.kids(&v, Known::Notes, &mut a);
            self.kids(&a, Known::Note, &mut b);
            self.distinct_ordinals(&b, "note ordinal", &mut seen);
            self.kids(&v, Known::ProductStatuses, &mut a);
            self.kids(&a, Known::Status, &mut b);
            self.kids(&b, Known::ProductID, &mut a);
            self.distinct_text(
                &a,
                "product id",
                &["in the product statuses of this vulnerability"],
                &mut seen,
            );
            for (set_name, set) in sets {
                self.kids(&v, Known::CVSSScoreSets, &mut a);
                self.kids(&a, set, &mut b);
                self.kids(&b, Known::ProductID, &mut a);
                self.distinct_text(
                    &a,
                    "product id",
                    &["in a `", set_name, "` of this vulnerability"],
                    &mut seen,
                );
            }
        }
    }

    /// `Ordinal`s compare as numbers (`01` is `1`).
    fn distinct_ordinals(&mut self, nodes: &[NodeId], what: &str, seen: &mut Seen<'a>) {
        let t: &'a XmlTree = self.t;
        seen.clear();
        for &n in nodes {
            let Some((i, value)) = t.attr_of(n, Known::Ordinal) else {
                continue;
            };
            let key = value.trim().trim_start_matches('+').trim_start_matches('0');
            match seen.entry(Cow::Borrowed(key)) {
                Entry::Occupied(first) => {
                    let first = t.path(*first.get(), None);
                    let msg = cat(&[what, " `", value.trim(), "` is already used by `", &first, "`"]);
                    self.report(Kind::DuplicateKey, n, Some(i), || msg);
                }
                Entry::Vacant(e) => {
                    e.insert(n);
                }
            }
        }
    }

    /// Product ids compare as `xs:token`s (whitespace collapsed). `scope` is the end of the
    /// message, in pieces.
    fn distinct_text(&mut self, nodes: &[NodeId], what: &str, scope: &[&str], seen: &mut Seen<'a>) {
        let t: &'a XmlTree = self.t;
        seen.clear();
        seen.reserve(nodes.len());
        for &n in nodes {
            match seen.entry(collapse(t.text(n))) {
                Entry::Occupied(first) => {
                    let path = t.path(*first.get(), None);
                    let mut msg = cat(&[what, " `", first.key(), "` occurs twice "]);
                    scope.iter().for_each(|p| msg.push_str(p));
                    msg.push_str(" (first at `");
                    msg.push_str(&path);
                    msg.push_str("`)");
                    self.report(Kind::DuplicateKey, n, None, || msg);
                }
                Entry::Vacant(e) => {
                    e.insert(n);
                }
            }
        }
    }
}

/// The values seen so far of one `xs:unique` constraint, with the element of each (one map for
/// all constraints of a document, cleared between them).
type Seen<'t> = FastMap<Cow<'t, str>, NodeId>;

/// `xs:token` whitespace handling: trimmed, inner runs collapsed to one space (borrowed when
/// there is nothing to collapse).
fn collapse(s: &str) -> Cow<'_, str> {
    let b = s.as_bytes();
    // one pass: no tab, line feed, form feed or carriage return, no two spaces in a row
    let mut space = false;
    let inner = b.iter().all(|&c| match c {
        b'\t' | b'\n' | b'\x0C' | b'\r' => false,
        b' ' => !std::mem::replace(&mut space, true),
        _ => {
            space = false;
            true
        }
    });
    let collapsed = inner && b.first() != Some(&b' ') && b.last() != Some(&b' ');
    if collapsed {
        return Cow::Borrowed(s);
    }
    Cow::Owned(s.split_ascii_whitespace().collect::<Vec<_>>().join(" "))
}

/// Why `value` is not of type `ty`, if it is not. Inline: most values are strings, checked here
/// in a few instructions, or enumeration values written as the schema writes them.
#[inline]
fn invalid(ty: Ty, value: &str) -> Option<Cow<'static, str>> {
    match ty {
        Ty::Str | Ty::NormStr | Ty::PlainNorm => {
            value.is_empty().then_some(Cow::Borrowed("the value is empty"))
        }
        Ty::Any | Ty::Token | Ty::Uri => None,
        // the enumerations' values have no whitespace to collapse (see the test
        // `enumeration_values_are_tokens`): one written as such is valid as it stands
        Ty::Enum(values) if values.contains(&value) => None,
        _ => invalid_token(ty, value).map(Cow::Owned),
    }
}

/// [`invalid`] for the types whose value is an `xs:token` (whitespace collapsed).
fn invalid_token(ty: Ty, value: &str) -> Option<String> {
    let token = collapse(value);
    let token = &*token;
    match ty {
        Ty::DateTime if !is_date_time(token) => Some(format!(
            "`{token}` is not an `xs:dateTime` (`YYYY-MM-DDThh:mm:ss` with an optional fraction and zone)"
        )),
        Ty::Revision if !is_revision(token) => Some(format!(
            "`{token}` is not a version number (one to four dot-separated integers without leading zeros)"
        )),
        Ty::Cve if !is_cve(token) => Some(format!("`{token}` does not match `CVE-[0-9\\-]+`")),
        Ty::Cwe if !is_cwe(token) => Some(format!("`{token}` does not match `CWE-[1-9]\\d{{0,5}}`")),
        Ty::CpeName if !is_cpe22(token) => Some(format!(
            "`{token}` is not a CPE 2.2 name (`cpe:/` followed by at most 6 components of `[A-Za-z0-9._-~%]`)"
        )),
        Ty::Score if !is_score(token) => Some(format!("`{token}` is not a decimal from 0 to 10")),
        Ty::Vector(max) if token.chars().count() > max => Some(format!(
            "the vector has {} characters, more than the {max} allowed",
            token.chars().count()
        )),
        Ty::PositiveInteger if !is_positive_integer(token) => {
            Some(cat(&["`", token, "` is not a positive integer"]))
        }
        Ty::Enum(values) if !values.contains(&token) => {
            // many documents use their own values (CV107 finds thousands): one allocation each
            let len = token.len() + 16 + values.iter().map(|v| v.len() + 4).sum::<usize>();
            let mut msg = String::with_capacity(len);
            msg.push('`');
            msg.push_str(token);
            msg.push_str("` is not one of ");
            for (i, v) in values.iter().enumerate() {
                if i > 0 {
                    msg.push_str(", ");
                }
                msg.push('`');
                msg.push_str(v);
                msg.push('`');
            }
            Some(msg)
        }
        _ => None,
    }
}

/// The position of the particle named `name` in a sequence. The particles of a sequence have
/// distinct names (see the test `sequence_names_differ`), so the search may start anywhere: it
/// starts at `from`, the particle of the last child in order, where the next child (often one
/// more of the same) usually is.
fn particle(particles: &[Particle], from: usize, name: &str) -> Option<usize> {
    let (before, after) = particles.split_at(from.min(particles.len()));
    match after.iter().position(|p| p.decl.name == name) {
        Some(i) => Some(from + i),
        None => before.iter().position(|p| p.decl.name == name),
    }
}

/// Joins the pieces of a message into one string of the exact size. Some documents have tens of
/// thousands of findings (vendor elements the schema does not know, values outside an
/// enumeration), and `format!` costs several times as much per message.
fn cat(pieces: &[&str]) -> String {
    let mut s = String::with_capacity(pieces.iter().map(|p| p.len()).sum());
    for p in pieces {
        s.push_str(p);
    }
    s
}

fn digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

fn is_revision(s: &str) -> bool {
    let parts: Vec<&str> = s.split('.').collect();
    parts.len() <= 4
        && parts
            .iter()
            .all(|p| digits(p) && (p.len() == 1 || !p.starts_with('0')))
}

fn is_cve(s: &str) -> bool {
    s.strip_prefix("CVE-")
        .is_some_and(|r| !r.is_empty() && r.bytes().all(|b| b.is_ascii_digit() || b == b'-'))
}

fn is_cwe(s: &str) -> bool {
    s.strip_prefix("CWE-")
        .is_some_and(|r| digits(r) && r.len() <= 6 && !r.starts_with('0'))
}

/// `[c][pP][eE]:/[AHOaho]?(:[A-Za-z0-9\._\-~%]*){0,6}`, anchored as XSD patterns are.
fn is_cpe22(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() < 5 || b[0] != b'c' || !b"pP".contains(&b[1]) || !b"eE".contains(&b[2]) || &b[3..5] != b":/" {
        return false;
    }
    let mut rest = &s[5..];
    if rest.starts_with(['A', 'H', 'O', 'a', 'h', 'o']) {
        rest = &rest[1..];
    }
    if rest.is_empty() {
        return true;
    }
    let Some(rest) = rest.strip_prefix(':') else {
        return false;
    };
    let parts: Vec<&str> = rest.split(':').collect();
    parts.len() <= 6
        && parts.iter().all(|p| {
            p.bytes()
                .all(|c| c.is_ascii_alphanumeric() || b"._-~%".contains(&c))
        })
}

fn is_positive_integer(s: &str) -> bool {
    let s = s.strip_prefix('+').unwrap_or(s);
    digits(s) && s.bytes().any(|b| b != b'0')
}

fn is_score(s: &str) -> bool {
    // xs:decimal: optional sign, digits with an optional fraction (at least one digit in all)
    let unsigned = s.strip_prefix(['+', '-']).unwrap_or(s);
    let (int, frac) = unsigned.split_once('.').unwrap_or((unsigned, ""));
    let lexical = !(int.is_empty() && frac.is_empty())
        && int.bytes().all(|b| b.is_ascii_digit())
        && frac.bytes().all(|b| b.is_ascii_digit());
    lexical && s.parse::<f64>().is_ok_and(|v| (0.0..=10.0).contains(&v))
}

/// The lexical space of `xs:dateTime` (XSD 1.0), with the calendar checked.
fn is_date_time(s: &str) -> bool {
    let s = s.strip_prefix('-').unwrap_or(s);
    let Some((date, time)) = s.split_once('T') else {
        return false;
    };
    let mut d = date.rsplitn(3, '-');
    let (Some(day), Some(month), Some(year)) = (d.next(), d.next(), d.next()) else {
        return false;
    };
    if !(digits(year) && year.len() >= 4 && (year.len() == 4 || !year.starts_with('0')))
        || !(digits(month) && month.len() == 2)
        || !(digits(day) && day.len() == 2)
    {
        return false;
    }
    let (y, m, dd): (u64, u32, u32) = match (year.parse(), month.parse(), day.parse()) {
        (Ok(y), Ok(m), Ok(d)) => (y, m, d),
        _ => return false,
    };
    if y == 0 || !(1..=12).contains(&m) {
        return false;
    }
    let leap = y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
    let days = match m {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    if !(1..=days).contains(&dd) {
        return false;
    }
    // zone
    let (clock, zone) = if let Some(c) = time.strip_suffix('Z') {
        (c, None)
    } else if time.len() > 6 && matches!(time.as_bytes()[time.len() - 6], b'+' | b'-') {
        (&time[..time.len() - 6], Some(&time[time.len() - 5..]))
    } else {
        (time, None)
    };
    if let Some(z) = zone {
        let Some((h, mm)) = z.split_once(':') else {
            return false;
        };
        if !(digits(h) && h.len() == 2 && digits(mm) && mm.len() == 2) {
            return false;
        }
        let (h, mm): (u32, u32) = (h.parse().unwrap_or(99), mm.parse().unwrap_or(99));
        if h > 14 || mm > 59 || (h == 14 && mm != 0) {
            return false;
        }
    }
    let mut c = clock.splitn(3, ':');
    let (Some(h), Some(mi), Some(sec)) = (c.next(), c.next(), c.next()) else {
        return false;
    };
    let (sec, frac) = sec.split_once('.').unwrap_or((sec, "0"));
    if !(digits(h)
        && h.len() == 2
        && digits(mi)
        && mi.len() == 2
        && digits(sec)
        && sec.len() == 2
        && digits(frac))
    {
        return false;
    }
    let (h, mi, sec): (u32, u32, u32) = (
        h.parse().unwrap_or(99),
        mi.parse().unwrap_or(99),
        sec.parse().unwrap_or(99),
    );
    let midnight = h == 24 && mi == 0 && sec == 0 && frac.bytes().all(|b| b == b'0');
    (h < 24 || midnight) && mi < 60 && sec < 60
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn collapse_is_split_and_join() {
        for s in [
            "", " ", "a", "a b", " a", "a ", "a  b", "a\tb", "a\nb", "a\r\n b", "\u{c}a", "a\u{a0}b", "é  ü",
        ] {
            let expected = s.split_ascii_whitespace().collect::<Vec<_>>().join(" ");
            assert_eq!(collapse(s), expected, "{s:?}");
        }
    }

    /// Every declaration reachable from the roots, each once.
    fn decls() -> Vec<&'static Decl> {
        let mut all: Vec<&'static Decl> = Vec::new();
        let mut todo: Vec<&'static Decl> = vec![&CVRFDOC_11, &CVRFDOC_12];
        while let Some(d) = todo.pop() {
            if all.iter().any(|&x| std::ptr::eq(x, d)) {
                continue;
            }
            all.push(d);
            match &d.content {
                Content::Seq(particles) => todo.extend(particles.iter().map(|p| p.decl)),
                Content::BranchChoice => todo.extend([&BRANCH, &FULL_PRODUCT_NAME]),
                Content::Text(_) => {}
            }
        }
        all
    }

    #[test]
    fn sequence_names_differ() {
        let all = decls();
        assert!(all.len() > 70, "{}", all.len());
        for d in all {
            if let Content::Seq(particles) = &d.content {
                for (i, p) in particles.iter().enumerate() {
                    // the search from any start finds the one particle of the name
                    for from in 0..=particles.len() {
                        assert_eq!(particle(particles, from, p.decl.name), Some(i), "{}", d.name);
                    }
                    assert!(
                        particles[i + 1..].iter().all(|q| q.decl.name != p.decl.name),
                        "{}",
                        d.name
                    );
                }
                assert_eq!(particle(particles, 0, "Nothing"), None);
                assert_eq!(particle(particles, particles.len(), "Nothing"), None);
            }
        }
    }

    #[test]
    fn enumeration_values_are_tokens() {
        for values in [
            PUBLISHER_TYPES,
            DOCUMENT_STATUS,
            NOTE_TYPES,
            REFERENCE_TYPES,
            BRANCH_TYPES,
            RELATION_TYPES,
            INVOLVEMENT_STATUS,
            STATUS_TYPES,
            THREAT_TYPES,
            REMEDY_TYPES,
        ] {
            for v in values {
                assert_eq!(collapse(v), *v);
                assert_eq!(invalid(Ty::Enum(values), v), None);
                assert_eq!(invalid_token(Ty::Enum(values), &format!(" {v} ")), None);
            }
        }
        // every enumeration of the tables is one of those above
        for d in decls() {
            for ty in d.attrs.iter().map(|a| a.ty).chain(match d.content {
                Content::Text(ty) => Some(ty),
                _ => None,
            }) {
                if let Ty::Enum(values) = ty {
                    assert!(values.iter().all(|v| collapse(v) == *v), "{}", d.name);
                }
            }
        }
    }

    #[test]
    fn value_types() {
        for ok in [
            "2024-01-02T03:04:05",
            "2024-01-02T03:04:05Z",
            "2024-01-02T03:04:05.123+02:00",
            "2024-02-29T00:00:00-14:00",
            "2024-01-02T24:00:00",
        ] {
            assert!(is_date_time(ok), "{ok}");
        }
        for bad in [
            "2024-01-02",
            "2023-02-29T00:00:00",
            "2024-01-02T03:04",
            "2024-01-02T03:04:60",
            "2024-01-02 03:04:05",
            "2024-1-02T03:04:05",
            "2024-01-02T03:04:05+15:00",
            "",
        ] {
            assert!(!is_date_time(bad), "{bad}");
        }
        assert!(is_revision("1") && is_revision("1.0.2.3") && is_revision("0.10"));
        assert!(!is_revision("01") && !is_revision("1.0.0.0.0") && !is_revision("1.") && !is_revision("v1"));
        assert!(is_cve("CVE-2024-1234") && !is_cve("CVE-") && !is_cve("cve-2024-1"));
        assert!(is_cwe("CWE-79") && !is_cwe("CWE-079") && !is_cwe("CWE-1234567"));
        assert!(
            is_score("7.5") && is_score("10") && is_score("0.0") && !is_score("10.1") && !is_score("7,5")
        );
        assert!(is_positive_integer("1") && is_positive_integer("007") && !is_positive_integer("0"));
        assert_eq!(invalid(Ty::Enum(REMEDY_TYPES), " Vendor  Fix "), None);
        assert_eq!(
            invalid(Ty::Enum(REFERENCE_TYPES), "x").as_deref(),
            Some("`x` is not one of `External`, `Self`")
        );
        assert!(invalid(Ty::Enum(REMEDY_TYPES), "vendor_fix").is_some());
        assert!(invalid(Ty::Str, "").is_some());
    }
}

#[cfg(test)]
mod cpe_tests {
    #[test]
    fn cpe22_names() {
        for ok in [
            "cpe:/a:redhat:enterprise_linux:8::appstream",
            "cpe:/o:cisco:ios",
            "cpe:/",
            "cpE:/h",
        ] {
            assert!(super::is_cpe22(ok), "{ok}");
        }
        for bad in [
            "cpe:2.3:a:x:y:1:*:*:*:*:*:*:*",
            "CPE:/a:x",
            "cpe:/a:x y",
            "cpe:/x",
            "cpe:/a:1:2:3:4:5:6:7",
        ] {
            assert!(!super::is_cpe22(bad), "{bad}");
        }
    }
}
