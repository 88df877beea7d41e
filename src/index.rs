//! Indexes the rules share, built once per document (and only when a rule asks for them).
//!
//! Locations are kept as small index paths ([`DefLoc`], [`RefLoc`]) and turned into JSON pointers only
//! when a rule reports something, so a clean document never builds a pointer string.

use crate::model::*;
use crate::version_t::VersionNumber;
use std::collections::{HashMap, HashSet};

/// A hash map with foldhash's fast hasher. The rules' maps and sets are keyed by short strings of the
/// document (product ids, group ids, …) and looked up often; std's SipHash costs several times more
/// per key. The hasher is seeded per process, like std's.
pub type FastMap<K, V> = HashMap<K, V, foldhash::fast::RandomState>;

/// A hash set with foldhash's fast hasher (see [`FastMap`]).
pub type FastSet<K> = HashSet<K, foldhash::fast::RandomState>;

/// Where a product is defined.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DefLoc {
    /// `/product_tree/branches/i/branches/j/…/product` (the branch index path).
    Branch(Vec<usize>),
    /// `/product_tree/full_product_names/i`.
    FullProductName(usize),
    /// `/product_tree/relationships/i/full_product_name`.
    Relationship(usize),
    /// `/product_tree/product_paths/i/full_product_name` (2.1).
    ProductPath(usize),
}

impl DefLoc {
    /// JSON pointer of the full product name object. Built by hand, not with `format!`: rules
    /// that report per product (missing helpers, unused ids) make tens of thousands of them.
    pub fn pointer(&self) -> String {
        let (list, i, tail) = match self {
            DefLoc::Branch(path) => {
                let mut p = branch_pointer(path);
                p.push_str("/product");
                return p;
            }
            DefLoc::FullProductName(i) => ("/product_tree/full_product_names/", i, ""),
            DefLoc::Relationship(i) => ("/product_tree/relationships/", i, "/full_product_name"),
            DefLoc::ProductPath(i) => ("/product_tree/product_paths/", i, "/full_product_name"),
        };
        let mut digits = itoa::Buffer::new();
        let i = digits.format(*i);
        let mut p = String::with_capacity(list.len() + i.len() + tail.len());
        p.push_str(list);
        p.push_str(i);
        p.push_str(tail);
        p
    }
}

/// One product definition.
#[derive(Debug, Clone)]
pub struct ProductDef<'a> {
    /// The definition.
    pub product: &'a FullProductName,
    /// Where it is.
    pub loc: DefLoc,
}

/// Where a product id or group id is referenced (fields are indexes into the lists the pointer names).
#[allow(missing_docs)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RefLoc {
    /// `/product_tree/product_groups/g/product_ids/i`.
    GroupMember { group: usize, item: usize },
    /// `/product_tree/relationships/r/product_reference`.
    RelationshipProduct { rel: usize },
    /// `/product_tree/relationships/r/relates_to_product_reference`.
    RelationshipRelatesTo { rel: usize },
    /// `/vulnerabilities/v/product_status/<list>/i`.
    Status {
        vuln: usize,
        list: &'static str,
        item: usize,
    },
    /// `/vulnerabilities/v/remediations/r/product_ids/i` (or `group_ids`).
    Remediation { vuln: usize, rem: usize, item: usize },
    /// `/vulnerabilities/v/scores/m/products/i` (2.1: `metrics`).
    Metric { vuln: usize, metric: usize, item: usize },
    /// `/vulnerabilities/v/threats/t/product_ids/i` (or `group_ids`).
    Threat { vuln: usize, threat: usize, item: usize },
    /// `/vulnerabilities/v/flags/f/product_ids/i` (or `group_ids`).
    Flag { vuln: usize, flag: usize, item: usize },
    /// `/product_tree/product_paths/p/beginning_product_reference` (2.1).
    PathBeginning { path: usize },
    /// `/product_tree/product_paths/p/subpaths/s/next_product_reference` (2.1).
    PathNext { path: usize, sub: usize },
    /// `/document/notes/n/product_ids/i` (or `group_ids`; 2.1).
    DocumentNote { note: usize, item: usize },
    /// `/vulnerabilities/v/notes/n/product_ids/i` (or `group_ids`; 2.1).
    VulnerabilityNote { vuln: usize, note: usize, item: usize },
    /// `/vulnerabilities/v/ids/n/product_ids/i` (or `group_ids`; 2.1).
    VulnerabilityId { vuln: usize, id: usize, item: usize },
    /// `/vulnerabilities/v/involvements/n/product_ids/i` (or `group_ids`; 2.1).
    Involvement { vuln: usize, inv: usize, item: usize },
    /// `/vulnerabilities/v/first_known_exploitation_dates/n/product_ids/i` (or `group_ids`; 2.1).
    Exploitation { vuln: usize, date: usize, item: usize },
}

impl RefLoc {
    /// JSON pointer of the reference. `groups` selects `group_ids` instead of `product_ids` where both exist.
    pub fn pointer(&self, version: Version, groups: bool) -> String {
        let ids = if groups { "group_ids" } else { "product_ids" };
        match *self {
            RefLoc::GroupMember { group, item } => {
                format!("/product_tree/product_groups/{group}/product_ids/{item}")
            }
            RefLoc::RelationshipProduct { rel } => {
                format!("/product_tree/relationships/{rel}/product_reference")
            }
            RefLoc::RelationshipRelatesTo { rel } => {
                format!("/product_tree/relationships/{rel}/relates_to_product_reference")
            }
            RefLoc::Status { vuln, list, item } => {
                format!("/vulnerabilities/{vuln}/product_status/{list}/{item}")
            }
            RefLoc::Remediation { vuln, rem, item } => {
                format!("/vulnerabilities/{vuln}/remediations/{rem}/{ids}/{item}")
            }
            RefLoc::Metric { vuln, metric, item } => {
                let key = if version.is_csaf21() { "metrics" } else { "scores" };
                format!("/vulnerabilities/{vuln}/{key}/{metric}/products/{item}")
            }
            RefLoc::Threat { vuln, threat, item } => {
                format!("/vulnerabilities/{vuln}/threats/{threat}/{ids}/{item}")
            }
            RefLoc::Flag { vuln, flag, item } => format!("/vulnerabilities/{vuln}/flags/{flag}/{ids}/{item}"),
            RefLoc::PathBeginning { path } => {
                format!("/product_tree/product_paths/{path}/beginning_product_reference")
            }
            RefLoc::PathNext { path, sub } => {
                format!("/product_tree/product_paths/{path}/subpaths/{sub}/next_product_reference")
            }
            RefLoc::DocumentNote { note, item } => format!("/document/notes/{note}/{ids}/{item}"),
            RefLoc::VulnerabilityNote { vuln, note, item } => {
                format!("/vulnerabilities/{vuln}/notes/{note}/{ids}/{item}")
            }
            RefLoc::VulnerabilityId { vuln, id, item } => {
                format!("/vulnerabilities/{vuln}/ids/{id}/{ids}/{item}")
            }
            RefLoc::Involvement { vuln, inv, item } => {
                format!("/vulnerabilities/{vuln}/involvements/{inv}/{ids}/{item}")
            }
            RefLoc::Exploitation { vuln, date, item } => {
                format!("/vulnerabilities/{vuln}/first_known_exploitation_dates/{date}/{ids}/{item}")
            }
        }
    }
}

/// Shared facts about one document.
#[derive(Debug)]
pub struct Index<'a> {
    /// Every product definition, in document order (branches, then full product names, then relationships).
    pub products: Vec<ProductDef<'a>>,
    /// Product id → positions in `products`.
    pub product_ids: FastMap<&'a str, Vec<usize>>,
    /// Every product id reference, in document order.
    pub product_refs: Vec<(&'a str, RefLoc)>,
    /// Group id → positions in `/product_tree/product_groups`.
    pub group_ids: FastMap<&'a str, Vec<usize>>,
    /// Every group id reference (remediations, threats, flags), in document order.
    pub group_refs: Vec<(&'a str, RefLoc)>,
    /// `/product_tree/product_groups`.
    pub groups: &'a [ProductGroup],
    /// The parsed `number` of each revision history item, in document order.
    pub revision_numbers: Vec<Option<VersionNumber>>,
    /// Revision history item positions sorted ascending by `date`, then by `number`.
    pub revisions_by_date: Vec<usize>,
}

impl<'a> Index<'a> {
    /// Builds the index of `advisory`.
    pub fn new(advisory: &'a Advisory) -> Index<'a> {
        // sized up front: documents with thousands of references would otherwise copy the lists
        // over and over as they grow
        let (products, product_refs, group_refs) = counts(advisory);
        let mut ix = Index {
            products: Vec::with_capacity(products),
            product_ids: FastMap::with_capacity_and_hasher(products, Default::default()),
            product_refs: Vec::with_capacity(product_refs),
            group_ids: FastMap::default(),
            group_refs: Vec::with_capacity(group_refs),
            groups: advisory
                .product_tree
                .as_ref()
                .map_or(&[], |t| &t.product_groups[..]),
            revision_numbers: Vec::new(),
            revisions_by_date: Vec::new(),
        };
        let history = &advisory.document.tracking.revision_history;
        ix.revision_numbers = history
            .iter()
            .map(|r| r.number.as_deref().and_then(VersionNumber::parse))
            .collect();
        ix.revisions_by_date = (0..history.len()).collect();
        ix.revisions_by_date.sort_by(|&a, &b| {
            let date = |i: usize| history[i].date.as_ref().and_then(|d| d.value);
            date(a)
                .cmp(&date(b))
                .then_with(|| match (&ix.revision_numbers[a], &ix.revision_numbers[b]) {
                    (Some(x), Some(y)) => x.precedence(y),
                    _ => std::cmp::Ordering::Equal,
                })
        });
        if let Some(tree) = &advisory.product_tree {
            let mut path = Vec::new();
            for (i, b) in tree.branches.iter().enumerate() {
                path.push(i);
                ix.branch(b, &mut path);
                path.pop();
            }
            for (i, p) in tree.full_product_names.iter().enumerate() {
                ix.define(p, DefLoc::FullProductName(i));
            }
            for (r, rel) in tree.relationships.iter().enumerate() {
                if let Some(p) = &rel.full_product_name {
                    ix.define(p, DefLoc::Relationship(r));
                }
                if let Some(id) = &rel.product_reference {
                    ix.product_refs.push((id, RefLoc::RelationshipProduct { rel: r }));
                }
                if let Some(id) = &rel.relates_to_product_reference {
                    ix.product_refs
                        .push((id, RefLoc::RelationshipRelatesTo { rel: r }));
                }
            }
            for (p, path) in tree.product_paths.iter().enumerate() {
                if let Some(fpn) = &path.full_product_name {
                    ix.define(fpn, DefLoc::ProductPath(p));
                }
                if let Some(id) = &path.beginning_product_reference {
                    ix.product_refs.push((id, RefLoc::PathBeginning { path: p }));
                }
                for (sub, step) in path.subpaths.iter().enumerate() {
                    if let Some(id) = &step.next_product_reference {
                        ix.product_refs.push((id, RefLoc::PathNext { path: p, sub }));
                    }
                }
            }
            for (g, group) in tree.product_groups.iter().enumerate() {
                if let Some(id) = &group.group_id {
                    ix.group_ids.entry(id.as_str()).or_default().push(g);
                }
                for (item, id) in group.product_ids.iter().enumerate() {
                    ix.product_refs.push((id, RefLoc::GroupMember { group: g, item }));
                }
            }
        }
        for (note, n) in advisory.document.notes.iter().enumerate() {
            ix.refs(&n.product_ids, &n.group_ids, |item| RefLoc::DocumentNote {
                note,
                item,
            });
        }
        for (v, vuln) in advisory.vulnerabilities.iter().enumerate() {
            for (note, n) in vuln.notes.iter().enumerate() {
                ix.refs(&n.product_ids, &n.group_ids, |item| RefLoc::VulnerabilityNote {
                    vuln: v,
                    note,
                    item,
                });
            }
            for (id, x) in vuln.ids.iter().enumerate() {
                ix.refs(&x.product_ids, &x.group_ids, |item| RefLoc::VulnerabilityId {
                    vuln: v,
                    id,
                    item,
                });
            }
            for (inv, x) in vuln.involvements.iter().enumerate() {
                ix.refs(&x.product_ids, &x.group_ids, |item| RefLoc::Involvement {
                    vuln: v,
                    inv,
                    item,
                });
            }
            for (date, x) in vuln.first_known_exploitation_dates.iter().enumerate() {
                ix.refs(&x.product_ids, &x.group_ids, |item| RefLoc::Exploitation {
                    vuln: v,
                    date,
                    item,
                });
            }
            for (list, ids) in vuln.product_status.lists() {
                for (item, id) in ids.iter().enumerate() {
                    ix.product_refs.push((id, RefLoc::Status { vuln: v, list, item }));
                }
            }
            for (rem, r) in vuln.remediations.iter().enumerate() {
                for (item, id) in r.product_ids.iter().enumerate() {
                    ix.product_refs
                        .push((id, RefLoc::Remediation { vuln: v, rem, item }));
                }
                for (item, id) in r.group_ids.iter().enumerate() {
                    ix.group_refs
                        .push((id, RefLoc::Remediation { vuln: v, rem, item }));
                }
            }
            for (metric, m) in vuln.metrics.iter().enumerate() {
                for (item, id) in m.products.iter().enumerate() {
                    ix.product_refs.push((
                        id,
                        RefLoc::Metric {
                            vuln: v,
                            metric,
                            item,
                        },
                    ));
                }
            }
            for (threat, t) in vuln.threats.iter().enumerate() {
                for (item, id) in t.product_ids.iter().enumerate() {
                    ix.product_refs.push((
                        id,
                        RefLoc::Threat {
                            vuln: v,
                            threat,
                            item,
                        },
                    ));
                }
                for (item, id) in t.group_ids.iter().enumerate() {
                    ix.group_refs.push((
                        id,
                        RefLoc::Threat {
                            vuln: v,
                            threat,
                            item,
                        },
                    ));
                }
            }
            for (flag, f) in vuln.flags.iter().enumerate() {
                for (item, id) in f.product_ids.iter().enumerate() {
                    ix.product_refs.push((id, RefLoc::Flag { vuln: v, flag, item }));
                }
                for (item, id) in f.group_ids.iter().enumerate() {
                    ix.group_refs.push((id, RefLoc::Flag { vuln: v, flag, item }));
                }
            }
        }
        ix
    }

    /// Records the product and group references of one statement.
    fn refs(&mut self, products: &'a [String], groups: &'a [String], at: impl Fn(usize) -> RefLoc) {
        for (item, id) in products.iter().enumerate() {
            self.product_refs.push((id, at(item)));
        }
        for (item, id) in groups.iter().enumerate() {
            self.group_refs.push((id, at(item)));
        }
    }

    fn branch(&mut self, b: &'a Branch, path: &mut Vec<usize>) {
        if let Some(p) = &b.product {
            self.define(p, DefLoc::Branch(path.clone()));
        }
        for (i, child) in b.branches.iter().enumerate() {
            path.push(i);
            self.branch(child, path);
            path.pop();
        }
    }

    fn define(&mut self, p: &'a FullProductName, loc: DefLoc) {
        let n = self.products.len();
        self.products.push(ProductDef { product: p, loc });
        if let Some(id) = &p.product_id {
            self.product_ids.entry(id.as_str()).or_default().push(n);
        }
    }

    /// The product ids that a set of statements (each `(product_ids, group_ids)`) names, groups resolved.
    pub fn covered<'s, I>(&'s self, statements: I) -> FastSet<&'s str>
    where
        I: IntoIterator<Item = (&'s [String], &'s [String])>,
    {
        let mut set = FastSet::default();
        for (ids, groups) in statements {
            set.extend(ids.iter().map(String::as_str));
            for g in groups {
                set.extend(self.group_members(g));
            }
        }
        set
    }

    /// Whether a product id is defined.
    pub fn is_product_defined(&self, id: &str) -> bool {
        self.product_ids.contains_key(id)
    }

    /// The product ids of a group (none when the group is unknown).
    pub fn group_members<'s>(&'s self, group_id: &str) -> impl Iterator<Item = &'a str> + 's {
        self.group_ids
            .get(group_id)
            .into_iter()
            .flatten()
            .flat_map(move |&g| self.groups[g].product_ids.iter().map(String::as_str))
    }
}

/// The number of product definitions, product id references and group id references of a
/// document, as [`Index::new`] collects them.
fn counts(advisory: &Advisory) -> (usize, usize, usize) {
    fn branch_products(b: &Branch) -> usize {
        usize::from(b.product.is_some()) + b.branches.iter().map(branch_products).sum::<usize>()
    }
    let (mut products, mut product_refs, mut group_refs) = (0, 0, 0);
    let mut statement = |ids: &[String], groups: &[String]| {
        product_refs += ids.len();
        group_refs += groups.len();
    };
    for n in &advisory.document.notes {
        statement(&n.product_ids, &n.group_ids);
    }
    for v in &advisory.vulnerabilities {
        for n in &v.notes {
            statement(&n.product_ids, &n.group_ids);
        }
        for x in &v.ids {
            statement(&x.product_ids, &x.group_ids);
        }
        for x in &v.involvements {
            statement(&x.product_ids, &x.group_ids);
        }
        for x in &v.first_known_exploitation_dates {
            statement(&x.product_ids, &x.group_ids);
        }
        for (_, ids) in v.product_status.lists() {
            statement(ids, &[]);
        }
        for r in &v.remediations {
            statement(&r.product_ids, &r.group_ids);
        }
        for m in &v.metrics {
            statement(&m.products, &[]);
        }
        for t in &v.threats {
            statement(&t.product_ids, &t.group_ids);
        }
        for f in &v.flags {
            statement(&f.product_ids, &f.group_ids);
        }
    }
    if let Some(tree) = &advisory.product_tree {
        products += tree.branches.iter().map(branch_products).sum::<usize>() + tree.full_product_names.len();
        products += tree
            .relationships
            .iter()
            .filter(|r| r.full_product_name.is_some())
            .count();
        products += tree
            .product_paths
            .iter()
            .filter(|p| p.full_product_name.is_some())
            .count();
        product_refs += 2 * tree.relationships.len();
        product_refs += tree
            .product_paths
            .iter()
            .map(|p| 1 + p.subpaths.len())
            .sum::<usize>();
        product_refs += tree
            .product_groups
            .iter()
            .map(|g| g.product_ids.len())
            .sum::<usize>();
    }
    (products, product_refs, group_refs)
}

/// A visitor of [`walk_branches`]: the branch, its index path, its ancestors (root first).
pub type BranchVisitor<'a, 'f> = dyn FnMut(&'a Branch, &[usize], &[&'a Branch]) + 'f;

/// Walks every branch with its index path (depth first, document order).
pub fn walk_branches<'a>(tree: &'a ProductTree, mut f: impl FnMut(&'a Branch, &[usize], &[&'a Branch])) {
    fn go<'a>(
        b: &'a Branch,
        path: &mut Vec<usize>,
        ancestors: &mut Vec<&'a Branch>,
        f: &mut BranchVisitor<'a, '_>,
    ) {
        f(b, path, ancestors);
        ancestors.push(b);
        for (i, c) in b.branches.iter().enumerate() {
            path.push(i);
            go(c, path, ancestors, f);
            path.pop();
        }
        ancestors.pop();
    }
    let mut path = Vec::new();
    let mut ancestors = Vec::new();
    for (i, b) in tree.branches.iter().enumerate() {
        path.push(i);
        go(b, &mut path, &mut ancestors, &mut f);
        path.pop();
    }
}

/// JSON pointer of a branch from its index path (built by hand: see [`DefLoc::pointer`]).
pub fn branch_pointer(path: &[usize]) -> String {
    // room for `/product` or `/name` after it, as most callers append
    let mut p = String::with_capacity(21 + 14 * path.len());
    p.push_str("/product_tree");
    let mut digits = itoa::Buffer::new();
    for &i in path {
        p.push_str("/branches/");
        p.push_str(digits.format(i));
    }
    p
}

/// One CVSS object of a vulnerability's scores (2.0) / metrics (2.1).
#[derive(Debug, Clone, Copy)]
pub struct CvssAt<'a> {
    /// Position of the vulnerability.
    pub vuln: usize,
    /// Position of the score / metric.
    pub metric: usize,
    /// `cvss_v2`, `cvss_v3` or `cvss_v4`.
    pub key: &'static str,
    /// The object.
    pub cvss: &'a Cvss,
    /// The score / metric it belongs to.
    pub owner: &'a Metric,
}

impl CvssAt<'_> {
    /// JSON pointer of the CVSS object (`/vulnerabilities/0/scores/1/cvss_v3`, 2.1:
    /// `/vulnerabilities/0/metrics/1/content/cvss_v3`).
    pub fn pointer(&self, version: Version) -> String {
        if version.is_csaf21() {
            format!(
                "/vulnerabilities/{}/metrics/{}/content/{}",
                self.vuln, self.metric, self.key
            )
        } else {
            format!(
                "/vulnerabilities/{}/scores/{}/{}",
                self.vuln, self.metric, self.key
            )
        }
    }
}

/// A CVSS object with its vector parsed and scored, once per document (see
/// [`Context::cvss`](crate::rules::Context::cvss)).
#[derive(Debug)]
pub struct ParsedCvss<'a> {
    /// The object and where it is.
    pub at: CvssAt<'a>,
    /// The `vectorString`, when it is a valid vector.
    pub vector: Option<crate::cvss::Vector>,
    /// The scores of `vector`.
    pub scores: Option<crate::cvss::Scores>,
}

/// Every CVSS object of the document (as [`cvss_objects`]) with its vector parsed and scored. A vector
/// string that occurs more than once (documents often score many vulnerabilities alike) is parsed and
/// scored once.
pub fn parsed_cvss_objects(advisory: &Advisory) -> Vec<ParsedCvss<'_>> {
    let mut out: Vec<ParsedCvss<'_>> = Vec::new();
    // vector string → position in `out` of its first object
    let mut first: FastMap<&str, usize> = FastMap::default();
    for at in cvss_objects(advisory) {
        let Some(text) = at.cvss.vector.as_deref() else {
            out.push(ParsedCvss {
                at,
                vector: None,
                scores: None,
            });
            continue;
        };
        let (vector, scores) = match first.entry(text) {
            std::collections::hash_map::Entry::Occupied(e) => {
                let seen = &out[*e.get()];
                (seen.vector.clone(), seen.scores)
            }
            std::collections::hash_map::Entry::Vacant(e) => {
                e.insert(out.len());
                let vector = crate::cvss::parse_vector(text).ok();
                let scores = vector.as_ref().map(crate::cvss::Vector::scores);
                (vector, scores)
            }
        };
        out.push(ParsedCvss { at, vector, scores });
    }
    out
}

/// Every CVSS object of the document, in document order.
pub fn cvss_objects(advisory: &Advisory) -> impl Iterator<Item = CvssAt<'_>> {
    advisory.vulnerabilities.iter().enumerate().flat_map(|(vuln, v)| {
        v.metrics.iter().enumerate().flat_map(move |(metric, m)| {
            [
                ("cvss_v2", &m.cvss_v2),
                ("cvss_v3", &m.cvss_v3),
                ("cvss_v4", &m.cvss_v4),
            ]
            .into_iter()
            .filter_map(move |(key, c)| {
                c.as_ref().map(|cvss| CvssAt {
                    vuln,
                    metric,
                    key,
                    cvss,
                    owner: m,
                })
            })
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pointers_as_format_writes_them() {
        assert_eq!(branch_pointer(&[]), "/product_tree");
        assert_eq!(
            branch_pointer(&[0, 12, 3]),
            "/product_tree/branches/0/branches/12/branches/3"
        );
        assert_eq!(
            DefLoc::Branch(vec![1, 0]).pointer(),
            "/product_tree/branches/1/branches/0/product"
        );
        for i in [0, 7, 10, 123_456] {
            assert_eq!(
                DefLoc::FullProductName(i).pointer(),
                format!("/product_tree/full_product_names/{i}")
            );
            assert_eq!(
                DefLoc::Relationship(i).pointer(),
                format!("/product_tree/relationships/{i}/full_product_name")
            );
            assert_eq!(
                DefLoc::ProductPath(i).pointer(),
                format!("/product_tree/product_paths/{i}/full_product_name")
            );
        }
    }

    /// [`counts`] sizes the lists of [`Index::new`]: it must count what `new` collects, on every
    /// CSAF fixture.
    #[test]
    fn counts_match_the_index() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
        let mut checked = 0;
        for entry in walkdir::WalkDir::new(dir) {
            let entry = entry.unwrap();
            if entry.path().extension().is_none_or(|e| e != "json") {
                continue;
            }
            let Ok(text) = std::fs::read_to_string(entry.path()) else {
                continue;
            };
            let Ok(root) = serde_json::from_str::<serde_json::Value>(&text) else {
                continue;
            };
            for version in [Version::Csaf20, Version::Csaf21] {
                let advisory = crate::parse::csaf::to_model(&root, version);
                let ix = Index::new(&advisory);
                let expected = (ix.products.len(), ix.product_refs.len(), ix.group_refs.len());
                assert_eq!(counts(&advisory), expected, "{}", entry.path().display());
            }
            checked += 1;
        }
        assert!(checked > 100, "{checked}");
    }
}
