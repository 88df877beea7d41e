//! Fills the model from the element tree, recording (when asked) where each model node came from.
//!
//! The recorded keys are the canonical CSAF 2.0 JSON pointers of the model (`/vulnerabilities/0/
//! scores/1/cvss_v3/baseScore`, `/document/tracking/revision_history/0/number`, …); the values are the
//! element or attribute that holds the value. The same code builds the model and the map, so the
//! two cannot disagree.
//!
//! Lenient: elements are matched by local name in a CVRF namespace (or in none), whatever the
//! schema order; a missing element leaves the model field empty; several elements where the schema
//! allows one are all read where the model has a list, else the first is taken.

use super::xml::{Known as K, NodeId, XmlTree};
use crate::model::*;
use hashbrown::HashTable;
use std::hash::BuildHasher as _;
use std::sync::OnceLock;

/// Where a model node came from: an element, or one of its attributes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Loc {
    /// The element.
    pub node: NodeId,
    /// The attribute index in the element's `attrs`, when the value is an attribute.
    pub attr: Option<u32>,
}

/// The pointer → source map of one document.
///
/// Recording is cheap: every pointer is appended to one string, with its location, in the order
/// recorded. The hash table (foldhash, indexes into the entries) is built on the first lookup, at
/// its final size; a pointer recorded twice maps to its last location.
#[derive(Debug, Default)]
pub struct PointerMap {
    /// The pointers, one after the other.
    keys: String,
    /// Each recorded pointer's range of `keys` and its location.
    entries: Vec<Entry>,
    /// Indexes into `entries` (the last of each pointer) by the hash of their pointer.
    table: OnceLock<HashTable<u32>>,
    hasher: foldhash::fast::RandomState,
}

#[derive(Debug, Clone, Copy)]
struct Entry {
    start: usize,
    end: usize,
    loc: Loc,
}

impl PointerMap {
    /// The location recorded for `pointer`.
    pub fn get(&self, pointer: &str) -> Option<Loc> {
        let hash = self.hasher.hash_one(pointer);
        let &i = self.table().find(hash, |&i| self.key(i) == pointer)?;
        Some(self.entries[i as usize].loc)
    }

    /// The number of distinct pointers.
    pub fn len(&self) -> usize {
        self.table().len()
    }

    /// Whether nothing was recorded.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    fn key(&self, i: u32) -> &str {
        let e = &self.entries[i as usize];
        &self.keys[e.start..e.end]
    }

    fn record(&mut self, pointer: &str, loc: Loc) {
        let start = self.keys.len();
        self.keys.push_str(pointer);
        self.entries.push(Entry {
            start,
            end: self.keys.len(),
            loc,
        });
    }

    fn table(&self) -> &HashTable<u32> {
        self.table.get_or_init(|| {
            let mut table = HashTable::with_capacity(self.entries.len());
            for (i, e) in self.entries.iter().enumerate() {
                let key = &self.keys[e.start..e.end];
                let hash = self.hasher.hash_one(key);
                match table.find_mut(hash, |&j| self.key(j) == key) {
                    // recorded again: the last location counts
                    Some(j) => *j = i as u32,
                    None => {
                        table.insert_unique(hash, i as u32, |&j| self.hasher.hash_one(self.key(j)));
                    }
                }
            }
            table
        })
    }
}

pub(super) struct Filler<'t> {
    t: &'t XmlTree,
    p: String,
    map: Option<PointerMap>,
    /// Product definitions the model cannot hold where they are (see `first_product`).
    extra_products: Vec<NodeId>,
}

/// Builds the model; with `record`, also the pointer map.
pub(super) fn fill(t: &XmlTree, version: Version, record: bool) -> (Advisory, Option<PointerMap>) {
    let mut f = Filler {
        t,
        p: String::new(),
        // up to two pointers per element (Microsoft's advisories: 1.8), of some 45 bytes; sized
        // for the most, as doubling copies cost more than unused capacity (untouched pages of a
        // large allocation are never resident)
        map: record.then(|| PointerMap {
            keys: String::with_capacity(t.elements.len() * 96),
            entries: Vec::with_capacity(t.elements.len() * 2),
            ..PointerMap::default()
        }),
        extra_products: Vec::new(),
    };
    let root = XmlTree::ROOT;
    f.rec(root);
    let document = f.seg("document", |f| {
        f.rec(root);
        f.document(root)
    });
    let product_tree = t
        .kid_of(root, K::ProductTree)
        .map(|pt| f.seg("product_tree", |f| f.product_tree(pt)));
    let vulns: Vec<NodeId> = t.kids_of(root, K::Vulnerability).collect();
    let vulnerabilities = f.seg("vulnerabilities", |f| {
        vulns
            .iter()
            .enumerate()
            .map(|(i, &v)| f.idx(i, |f| f.vulnerability(v)))
            .collect()
    });
    (
        Advisory {
            version,
            document,
            product_tree,
            vulnerabilities,
        },
        f.map,
    )
}

fn trimmed(s: &str) -> String {
    s.trim().to_owned()
}

impl Filler<'_> {
    // ---- pointer bookkeeping --------------------------------------------------------------

    fn seg<T>(&mut self, seg: &str, body: impl FnOnce(&mut Self) -> T) -> T {
        let len = self.p.len();
        self.p.push('/');
        self.p.push_str(seg);
        let out = body(self);
        self.p.truncate(len);
        out
    }

    fn idx<T>(&mut self, i: usize, body: impl FnOnce(&mut Self) -> T) -> T {
        let len = self.p.len();
        self.p.push('/');
        self.p.push_str(itoa::Buffer::new().format(i));
        let out = body(self);
        self.p.truncate(len);
        out
    }

    fn rec(&mut self, node: NodeId) {
        if let Some(map) = &mut self.map {
            map.record(&self.p, Loc { node, attr: None });
        }
    }

    fn rec_attr(&mut self, node: NodeId, attr: u32) {
        if let Some(map) = &mut self.map {
            map.record(
                &self.p,
                Loc {
                    node,
                    attr: Some(attr),
                },
            );
        }
    }

    /// Records `seg` → `node`.
    fn at(&mut self, seg: &str, node: NodeId) {
        if self.map.is_some() {
            self.seg(seg, |f| f.rec(node));
        }
    }

    // ---- values ---------------------------------------------------------------------------

    /// The text of the first child `name`, recorded under `seg`; `trim` for token-like values.
    fn child_text(&mut self, parent: NodeId, name: K, seg: &str, trim: bool) -> Option<String> {
        let c = self.t.kid_of(parent, name)?;
        self.at(seg, c);
        let text = self.t.text(c);
        Some(if trim { trimmed(text) } else { text.to_owned() })
    }

    fn child_ts(&mut self, parent: NodeId, name: K, seg: &str) -> Option<Timestamp> {
        self.child_text(parent, name, seg, true)
            .map(|s| Timestamp::parse(&s))
    }

    /// The value of attribute `name` of `node`, recorded under `seg`.
    fn attr(&mut self, node: NodeId, name: K, seg: &str, trim: bool) -> Option<String> {
        let (i, v) = self.t.attr_of(node, name)?;
        let v = if trim { trimmed(v) } else { v.to_owned() };
        if self.map.is_some() {
            self.seg(seg, |f| f.rec_attr(node, i));
        }
        Some(v)
    }

    /// The trimmed texts of every child `name`, recorded under `seg/i`.
    fn id_list(&mut self, parent: NodeId, name: K, seg: &str) -> Vec<String> {
        let kids: Vec<NodeId> = self.t.kids_of(parent, name).collect();
        self.list_of(&kids, seg, true)
    }

    fn list_of(&mut self, kids: &[NodeId], seg: &str, trim: bool) -> Vec<String> {
        let t = self.t;
        self.seg(seg, |f| {
            if let Some(&first) = kids.first() {
                f.rec(first);
            }
            kids.iter()
                .enumerate()
                .map(|(i, &k)| {
                    f.idx(i, |f| f.rec(k));
                    let text = t.text(k);
                    if trim {
                        trimmed(text)
                    } else {
                        text.to_owned()
                    }
                })
                .collect()
        })
    }

    /// Children `item` of every container `container` of `parent`, with the container recorded
    /// under `seg`.
    fn items(&mut self, parent: NodeId, container: K, item: K, seg: &str) -> Vec<NodeId> {
        let t = self.t;
        let mut containers = t.kids_of(parent, container);
        let Some(first) = containers.next() else {
            return Vec::new();
        };
        self.at(seg, first);
        let mut out: Vec<NodeId> = t.kids_of(first, item).collect();
        for c in containers {
            out.extend(t.kids_of(c, item));
        }
        out
    }

    // ---- document -------------------------------------------------------------------------

    fn document(&mut self, root: NodeId) -> Document {
        let t = self.t;
        let title = self.child_text(root, K::DocumentTitle, "title", false);
        let lang = match t.kid_of(root, K::DocumentTitle) {
            Some(dt) if t.attr_of(dt, K::XmlLang).is_some() => self.attr(dt, K::XmlLang, "lang", true),
            _ => self.attr(root, K::XmlLang, "lang", true),
        };
        let category = self.child_text(root, K::DocumentType, "category", true);
        let publisher = match t.kid_of(root, K::DocumentPublisher) {
            Some(p) => self.seg("publisher", |f| {
                f.rec(p);
                Publisher {
                    category: f
                        .attr(p, K::Type, "category", true)
                        .map(|c| PublisherCategory::parse(&c)),
                    name: None,
                    namespace: None,
                    contact_details: f.child_text(p, K::ContactDetails, "contact_details", false),
                    issuing_authority: f.child_text(p, K::IssuingAuthority, "issuing_authority", false),
                }
            }),
            None => Publisher::default(),
        };
        let tracking = match t.kid_of(root, K::DocumentTracking) {
            Some(tr) => self.seg("tracking", |f| f.tracking(tr)),
            None => Tracking::default(),
        };
        let notes = self.notes(root, K::DocumentNotes);
        let distribution = t.kid_of(root, K::DocumentDistribution).map(|d| {
            self.seg("distribution", |f| {
                f.rec(d);
                f.at("text", d);
            });
            Distribution {
                text: Some(t.text(d).to_owned()),
                ..Distribution::default()
            }
        });
        let aggregate_severity = t.kid_of(root, K::AggregateSeverity).map(|a| {
            self.seg("aggregate_severity", |f| {
                f.rec(a);
                f.at("text", a);
                AggregateSeverity {
                    namespace: f.attr(a, K::Namespace, "namespace", true),
                    text: Some(t.text(a).to_owned()),
                }
            })
        });
        let references = self.references(root, K::DocumentReferences);
        let acknowledgments = self.acknowledgments(root);
        Document {
            category,
            csaf_version: None,
            title,
            lang,
            source_lang: None,
            publisher,
            tracking,
            notes,
            references,
            acknowledgments,
            distribution,
            aggregate_severity,
            license_expression: None,
        }
    }

    fn tracking(&mut self, tr: NodeId) -> Tracking {
        let t = self.t;
        self.rec(tr);
        let ident = t.kid_of(tr, K::Identification);
        let id = ident.and_then(|i| self.child_text(i, K::ID, "id", true));
        let aliases = match ident {
            Some(i) => {
                let kids: Vec<NodeId> = t.kids_of(i, K::Alias).collect();
                self.list_of(&kids, "aliases", true)
            }
            None => Vec::new(),
        };
        let status = self
            .child_text(tr, K::Status, "status", true)
            .map(|s| DocumentStatus::parse(&s));
        let version = self.child_text(tr, K::Version, "version", true);
        let revisions = self.items(tr, K::RevisionHistory, K::Revision, "revision_history");
        let revision_history = self.seg("revision_history", |f| {
            revisions
                .iter()
                .enumerate()
                .map(|(i, &r)| {
                    f.idx(i, |f| {
                        f.rec(r);
                        Revision {
                            date: f.child_ts(r, K::Date, "date"),
                            number: f.child_text(r, K::Number, "number", true),
                            legacy_version: None,
                            summary: f.child_text(r, K::Description, "summary", false),
                        }
                    })
                })
                .collect()
        });
        let initial_release_date = self.child_ts(tr, K::InitialReleaseDate, "initial_release_date");
        let current_release_date = self.child_ts(tr, K::CurrentReleaseDate, "current_release_date");
        let generator = t.kid_of(tr, K::Generator).map(|g| {
            self.seg("generator", |f| {
                f.rec(g);
                let engine_name = match t.kid_of(g, K::Engine) {
                    Some(e) => f.seg("engine", |f| {
                        f.rec(e);
                        f.child_text(g, K::Engine, "name", true)
                    }),
                    None => None,
                };
                Generator {
                    date: f.child_ts(g, K::Date, "date"),
                    engine_name,
                    engine_version: None,
                }
            })
        });
        Tracking {
            id,
            aliases,
            status,
            version,
            initial_release_date,
            current_release_date,
            revision_history,
            generator,
        }
    }

    fn notes(&mut self, parent: NodeId, container: K) -> Vec<Note> {
        let notes = self.items(parent, container, K::Note, "notes");
        let t = self.t;
        self.seg("notes", |f| {
            notes
                .iter()
                .enumerate()
                .map(|(i, &n)| {
                    f.idx(i, |f| {
                        f.rec(n);
                        f.at("text", n);
                        Note {
                            category: f
                                .attr(n, K::Type, "category", true)
                                .map(|c| NoteCategory::parse(&c)),
                            text: Some(t.text(n).to_owned()),
                            title: f.attr(n, K::Title, "title", false),
                            audience: f.attr(n, K::Audience, "audience", false),
                            product_ids: Vec::new(),
                            group_ids: Vec::new(),
                        }
                    })
                })
                .collect()
        })
    }

    fn references(&mut self, parent: NodeId, container: K) -> Vec<Reference> {
        let refs = self.items(parent, container, K::Reference, "references");
        self.seg("references", |f| {
            refs.iter()
                .enumerate()
                .map(|(i, &r)| {
                    f.idx(i, |f| {
                        f.rec(r);
                        Reference {
                            category: f
                                .attr(r, K::Type, "category", true)
                                .map(|c| ReferenceCategory::parse(&c)),
                            url: f.child_text(r, K::URL, "url", true),
                            summary: f.child_text(r, K::Description, "summary", false),
                        }
                    })
                })
                .collect()
        })
    }

    fn acknowledgments(&mut self, parent: NodeId) -> Vec<Acknowledgment> {
        let acks = self.items(parent, K::Acknowledgments, K::Acknowledgment, "acknowledgments");
        let t = self.t;
        self.seg("acknowledgments", |f| {
            acks.iter()
                .enumerate()
                .map(|(i, &a)| {
                    f.idx(i, |f| {
                        f.rec(a);
                        let names: Vec<NodeId> = t.kids_of(a, K::Name).collect();
                        let urls: Vec<NodeId> = t.kids_of(a, K::URL).collect();
                        Acknowledgment {
                            names: f.list_of(&names, "names", false),
                            // the model keeps one organization: the first
                            organization: f.child_text(a, K::Organization, "organization", false),
                            summary: f.child_text(a, K::Description, "summary", false),
                            urls: f.list_of(&urls, "urls", true),
                        }
                    })
                })
                .collect()
        })
    }

    // ---- product tree ---------------------------------------------------------------------

    fn product_tree(&mut self, pt: NodeId) -> ProductTree {
        let t = self.t;
        self.rec(pt);
        let branches: Vec<NodeId> = t.kids_of(pt, K::Branch).collect();
        let branches = self.branches(&branches);
        let rels: Vec<NodeId> = t.kids_of(pt, K::Relationship).collect();
        let relationships = self.seg("relationships", |f| {
            rels.iter()
                .enumerate()
                .map(|(i, &r)| {
                    f.idx(i, |f| {
                        f.rec(r);
                        Relationship {
                            category: f
                                .attr(r, K::RelationType, "category", true)
                                .map(|c| RelationshipCategory::parse(&c)),
                            product_reference: f.attr(r, K::ProductReference, "product_reference", true),
                            relates_to_product_reference: f.attr(
                                r,
                                K::RelatesToProductReference,
                                "relates_to_product_reference",
                                true,
                            ),
                            full_product_name: f
                                .first_product(r)
                                .map(|p| f.seg("full_product_name", |f| f.full_product_name(p))),
                        }
                    })
                })
                .collect()
        });
        // products defined at the top, then those the model cannot keep where they are
        let mut fpns: Vec<NodeId> = t.kids_of(pt, K::FullProductName).collect();
        fpns.append(&mut self.extra_products);
        let full_product_names = self.seg("full_product_names", |f| {
            fpns.iter()
                .enumerate()
                .map(|(i, &p)| f.idx(i, |f| f.full_product_name(p)))
                .collect()
        });
        let groups = self.items(pt, K::ProductGroups, K::Group, "product_groups");
        let product_groups = self.seg("product_groups", |f| {
            groups
                .iter()
                .enumerate()
                .map(|(i, &g)| {
                    f.idx(i, |f| {
                        f.rec(g);
                        let ids: Vec<NodeId> = t.kids_of(g, K::ProductID).collect();
                        ProductGroup {
                            group_id: f.attr(g, K::GroupID, "group_id", true),
                            product_ids: f.list_of(&ids, "product_ids", true),
                            summary: f.child_text(g, K::Description, "summary", false),
                        }
                    })
                })
                .collect()
        });
        ProductTree {
            branches,
            full_product_names,
            relationships,
            product_paths: Vec::new(),
            product_groups,
        }
    }

    fn branches(&mut self, nodes: &[NodeId]) -> Vec<Branch> {
        let t = self.t;
        self.seg("branches", |f| {
            nodes
                .iter()
                .enumerate()
                .map(|(i, &b)| {
                    f.idx(i, |f| {
                        f.rec(b);
                        let children: Vec<NodeId> = t.kids_of(b, K::Branch).collect();
                        Branch {
                            category: f
                                .attr(b, K::Type, "category", true)
                                .map(|c| BranchCategory::parse(&c)),
                            name: f.attr(b, K::Name, "name", false),
                            product: f
                                .first_product(b)
                                .map(|p| f.seg("product", |f| f.full_product_name(p))),
                            // the XML depth is bounded, so this recursion is too
                            branches: if children.is_empty() {
                                Vec::new()
                            } else {
                                f.branches(&children)
                            },
                        }
                    })
                })
                .collect()
        })
    }

    /// The first `FullProductName` of a branch or relationship. The model holds one there; any
    /// further ones (the schema allows several in a relationship, and Microsoft writes several in
    /// a branch) are kept as `/product_tree/full_product_names` after the top-level ones, so their
    /// product ids stay defined; their pointers still map to where they are in the XML.
    fn first_product(&mut self, parent: NodeId) -> Option<NodeId> {
        let mut products = self.t.kids_of(parent, K::FullProductName);
        let first = products.next();
        self.extra_products.extend(products);
        first
    }

    fn full_product_name(&mut self, p: NodeId) -> FullProductName {
        self.rec(p);
        self.at("name", p);
        let cpe = self.t.attr_of(p, K::CPE).map(|(i, v)| {
            if self.map.is_some() {
                self.seg("product_identification_helper", |f| {
                    f.rec_attr(p, i);
                    f.seg("cpe", |f| f.rec_attr(p, i));
                });
            }
            trimmed(v)
        });
        FullProductName {
            product_id: self.attr(p, K::ProductID, "product_id", true),
            name: Some(self.t.text(p).to_owned()),
            helper: cpe.map(|cpe| ProductIdentificationHelper {
                cpe: Some(cpe),
                ..ProductIdentificationHelper::default()
            }),
        }
    }

    // ---- vulnerabilities ------------------------------------------------------------------

    fn vulnerability(&mut self, v: NodeId) -> Vulnerability {
        let t = self.t;
        self.rec(v);
        let title = self.child_text(v, K::Title, "title", false);
        let id_nodes: Vec<NodeId> = t.kids_of(v, K::ID).collect();
        let ids = self.seg("ids", |f| {
            if let Some(&first) = id_nodes.first() {
                f.rec(first);
            }
            id_nodes
                .iter()
                .enumerate()
                .map(|(i, &n)| {
                    f.idx(i, |f| {
                        f.rec(n);
                        f.at("text", n);
                        VulnerabilityId {
                            system_name: f.attr(n, K::SystemName, "system_name", false),
                            text: Some(trimmed(t.text(n))),
                            ..VulnerabilityId::default()
                        }
                    })
                })
                .collect()
        });
        let notes = self.notes(v, K::Notes);
        let discovery_date = self.child_ts(v, K::DiscoveryDate, "discovery_date");
        let disclosure_date = self.child_ts(v, K::ReleaseDate, "release_date");
        let involvement_nodes = self.items(v, K::Involvements, K::Involvement, "involvements");
        let involvements = self.seg("involvements", |f| {
            involvement_nodes
                .iter()
                .enumerate()
                .map(|(i, &n)| {
                    f.idx(i, |f| {
                        f.rec(n);
                        Involvement {
                            party: f
                                .attr(n, K::Party, "party", true)
                                .map(|c| InvolvementParty::parse(&c)),
                            status: f
                                .attr(n, K::Status, "status", true)
                                .map(|c| InvolvementStatus::parse(&c)),
                            date: None,
                            summary: f.child_text(n, K::Description, "summary", false),
                            contact: None,
                            product_ids: Vec::new(),
                            group_ids: Vec::new(),
                        }
                    })
                })
                .collect()
        });
        let cve = self.child_text(v, K::CVE, "cve", true);
        let cwe_nodes: Vec<NodeId> = t.kids_of(v, K::CWE).collect();
        let mut cwes = Vec::new();
        for (i, &c) in cwe_nodes.iter().enumerate() {
            let read = |f: &mut Self| {
                f.rec(c);
                f.at("name", c);
                Cwe {
                    id: f.attr(c, K::ID, "id", true),
                    name: Some(t.text(c).to_owned()),
                    version: None,
                }
            };
            // CSAF 2.0 has one `cwe`; the 2.1 layout `cwes/i` is recorded for every CWE
            if i == 0 {
                self.seg("cwe", read);
            }
            cwes.push(self.seg("cwes", |f| f.idx(i, read)));
        }
        let product_status = self.product_status(v);
        let threat_nodes = self.items(v, K::Threats, K::Threat, "threats");
        let threats = self.seg("threats", |f| {
            threat_nodes
                .iter()
                .enumerate()
                .map(|(i, &n)| {
                    f.idx(i, |f| {
                        f.rec(n);
                        Threat {
                            category: f
                                .attr(n, K::Type, "category", true)
                                .map(|c| ThreatCategory::parse(&c)),
                            details: f.child_text(n, K::Description, "details", false),
                            date: f.attr(n, K::Date, "date", true).map(|d| Timestamp::parse(&d)),
                            group_ids: f.id_list(n, K::GroupID, "group_ids"),
                            product_ids: f.id_list(n, K::ProductID, "product_ids"),
                        }
                    })
                })
                .collect()
        });
        let metrics = self.scores(v);
        let remediation_nodes = self.items(v, K::Remediations, K::Remediation, "remediations");
        let remediations = self.seg("remediations", |f| {
            remediation_nodes
                .iter()
                .enumerate()
                .map(|(i, &n)| {
                    f.idx(i, |f| {
                        f.rec(n);
                        let entitlements: Vec<NodeId> = t.kids_of(n, K::Entitlement).collect();
                        Remediation {
                            category: f
                                .attr(n, K::Type, "category", true)
                                .map(|c| RemediationCategory::parse(&c)),
                            details: f.child_text(n, K::Description, "details", false),
                            date: f.attr(n, K::Date, "date", true).map(|d| Timestamp::parse(&d)),
                            product_ids: f.id_list(n, K::ProductID, "product_ids"),
                            group_ids: f.id_list(n, K::GroupID, "group_ids"),
                            url: f.child_text(n, K::URL, "url", true),
                            entitlements: f.list_of(&entitlements, "entitlements", false),
                            restart_required: None,
                            restart_details: None,
                        }
                    })
                })
                .collect()
        });
        let references = self.references(v, K::References);
        let acknowledgments = self.acknowledgments(v);
        Vulnerability {
            cve,
            ids,
            cwes,
            title,
            notes,
            references,
            acknowledgments,
            discovery_date,
            disclosure_date,
            involvements,
            flags: Vec::new(),
            threats,
            product_status,
            metrics,
            remediations,
            first_known_exploitation_dates: Vec::new(),
        }
    }

    fn product_status(&mut self, v: NodeId) -> ProductStatus {
        let t = self.t;
        let statuses = self.items(v, K::ProductStatuses, K::Status, "product_status");
        let mut out = ProductStatus::default();
        self.seg("product_status", |f| {
            for &s in &statuses {
                let Some((_, ty)) = t.attr_of(s, K::Type) else {
                    continue;
                };
                let Some(key) = status_key(ty.trim()) else {
                    continue;
                };
                let Some(list) = out.list_mut(key) else {
                    continue;
                };
                f.seg(key, |f| {
                    if list.is_empty() {
                        f.rec(s);
                    }
                    for id in t.kids_of(s, K::ProductID) {
                        f.idx(list.len(), |f| f.rec(id));
                        list.push(trimmed(t.text(id)));
                    }
                });
            }
        });
        out
    }

    fn scores(&mut self, v: NodeId) -> Vec<Metric> {
        let t = self.t;
        let sets: Vec<NodeId> = t
            .kids_of(v, K::CVSSScoreSets)
            .flat_map(|c| t.children(c).iter().copied())
            .filter(|&s| {
                t.el(s).ns != super::xml::Ns::Foreign
                    && [K::ScoreSet, K::ScoreSetV2, K::ScoreSetV3]
                        .iter()
                        .any(|k| k.sym() == t.el(s).name)
            })
            .collect();
        if let Some(c) = t.kid_of(v, K::CVSSScoreSets) {
            self.at("scores", c);
        }
        self.seg("scores", |f| {
            sets.iter()
                .enumerate()
                .map(|(i, &s)| f.idx(i, |f| f.score_set(s)))
                .collect()
        })
    }

    fn score_set(&mut self, s: NodeId) -> Metric {
        let t = self.t;
        self.rec(s);
        let name = t.el(s).name;
        let suffix = if name == K::ScoreSetV2.sym() {
            "V2"
        } else if name == K::ScoreSetV3.sym() {
            "V3"
        } else {
            ""
        };
        let text = |name: K| {
            t.kid_of(s, suffixed(name, suffix))
                .map(|n| (n, trimmed(t.text(n))))
        };
        let vector = text(K::Vector);
        let is_v3 = match suffix {
            "V3" => true,
            "V2" => false,
            // CVRF 1.1 ScoreSet is CVSS v2 by schema, but vendors (Microsoft) put v3 vectors in it
            _ => vector.as_ref().is_some_and(|(_, v)| v.starts_with("CVSS:3")),
        };
        let version = if !is_v3 {
            "2.0"
        } else if vector.as_ref().is_some_and(|(_, v)| v.starts_with("CVSS:3.1/")) {
            "3.1"
        } else {
            "3.0"
        };
        let key = if is_v3 { "cvss_v3" } else { "cvss_v2" };
        let mut cvss = Cvss {
            version: Some(version.to_owned()),
            ..Cvss::default()
        };
        cvss.fields.insert("version".into(), version.into());
        self.seg(key, |f| {
            f.rec(s);
            f.at("version", s);
            if let Some((n, v)) = &vector {
                f.at("vectorString", *n);
                cvss.vector = Some(v.clone());
                cvss.fields.insert("vectorString".into(), v.clone().into());
            }
            for (element, field) in [
                (K::BaseScore, "baseScore"),
                (K::TemporalScore, "temporalScore"),
                (K::EnvironmentalScore, "environmentalScore"),
            ] {
                if let Some((n, v)) = text(element) {
                    f.at(field, n);
                    if field == "baseScore" {
                        cvss.base_score = v.parse::<f64>().ok().filter(|x| x.is_finite());
                    }
                    let value = match v.parse::<serde_json::Number>() {
                        Ok(num) => serde_json::Value::Number(num),
                        Err(_) => serde_json::Value::String(v),
                    };
                    cvss.fields.insert(field.into(), value);
                }
            }
            // CVRF has no severity; like the CVRF-to-CSAF converter, derive the v3 one from the score
            if let (true, Some((n, _)), Some(severity)) =
                (is_v3, text(K::BaseScore), cvss.base_score.and_then(v3_severity))
            {
                f.at("baseSeverity", n);
                cvss.base_severity = Some(severity.to_owned());
                cvss.fields.insert("baseSeverity".into(), severity.into());
            }
        });
        let ids: Vec<NodeId> = t.kids_of(s, K::ProductID).collect();
        let products = self.list_of(&ids, "products", true);
        let mut metric = Metric {
            products,
            ..Metric::default()
        };
        if is_v3 {
            metric.cvss_v3 = Some(cvss);
        } else {
            metric.cvss_v2 = Some(cvss);
        }
        metric
    }
}

/// The name of a score set's child element `name` (`Vector`, `BaseScore`, `TemporalScore` or
/// `EnvironmentalScore`) in a `ScoreSet` (suffix ``), `ScoreSetV2` (`V2`) or `ScoreSetV3` (`V3`),
/// without formatting it each time.
fn suffixed(name: K, suffix: &str) -> K {
    let names = match name {
        K::Vector => [K::Vector, K::VectorV2, K::VectorV3],
        K::BaseScore => [K::BaseScore, K::BaseScoreV2, K::BaseScoreV3],
        K::TemporalScore => [K::TemporalScore, K::TemporalScoreV2, K::TemporalScoreV3],
        _ => [
            K::EnvironmentalScore,
            K::EnvironmentalScoreV2,
            K::EnvironmentalScoreV3,
        ],
    };
    match suffix {
        "V2" => names[1],
        "V3" => names[2],
        _ => names[0],
    }
}

/// The CVSS v3 qualitative severity of a base score.
fn v3_severity(score: f64) -> Option<&'static str> {
    Some(match score {
        0.0 => "NONE",
        s if (0.1..4.0).contains(&s) => "LOW",
        s if (4.0..7.0).contains(&s) => "MEDIUM",
        s if (7.0..9.0).contains(&s) => "HIGH",
        s if (9.0..=10.0).contains(&s) => "CRITICAL",
        _ => return None,
    })
}

/// The CSAF product status list of a CVRF `Status/@Type` (CSAF spellings accepted too).
fn status_key(ty: &str) -> Option<&'static str> {
    Some(match ty {
        "First Affected" | "first_affected" => "first_affected",
        "Known Affected" | "known_affected" => "known_affected",
        "Known Not Affected" | "known_not_affected" => "known_not_affected",
        "First Fixed" | "first_fixed" => "first_fixed",
        "Fixed" | "fixed" => "fixed",
        "Recommended" | "recommended" => "recommended",
        "Last Affected" | "last_affected" => "last_affected",
        "Under Investigation" | "under_investigation" => "under_investigation",
        _ => return None,
    })
}
