use crate::diag::Finding;
use crate::index::walk_branches;
use crate::model::{BranchCategory, ProductPath, RelationshipCategory};
use crate::rules::Context;
use std::collections::{HashMap, HashSet};

declare_rule! {
    /// ## What it checks
    /// For each product in the product status group Fixed (`fixed`, `first_fixed`) of a
    /// vulnerability, a corresponding version of that product is listed as affected
    /// (`known_affected`, `first_affected`, `last_affected`) in the same vulnerability.
    ///
    /// Two products correspond when:
    /// - both are defined in `branches` at the same position, the branch paths differing only in
    ///   branches of the categories `product_version` / `product_version_range`;
    /// - both are `product_paths` with the same categories, equal but for exactly one element,
    ///   and those two elements correspond;
    /// - for a product path with an `installed_with` step: the path leading up to (not including)
    ///   that step corresponds to the whole path and to the product installed with it;
    /// - one of them is only a `full_product_names` entry: its version cannot be told from the
    ///   product tree, so any affected product counts.
    ///
    /// A fixed product that is not defined at all is left to 6.1.1.
    ///
    /// Applies to documents of the category `csaf_security_advisory`; skipped for all others.
    ///
    /// ## Why
    /// A security advisory that announces a fix must say which versions the fix is for.
    ///
    /// ## Invalid
    /// ```json
    /// "branches": [{"category": "vendor", "name": "Example Company", "branches": [{"category": "product_name", "name": "Product A",
    ///   "branches": [{"category": "product_version", "name": "4.2", "product": {"name": "Product A 4.2", "product_id": "CSAFPID-1"}}]}]}],
    /// "vulnerabilities": [{"product_status": {"fixed": ["CSAFPID-1"]}}]
    /// ```
    /// ## Valid
    /// ```json
    /// "branches": [ … {"category": "product_version", "name": "4.2", …"CSAFPID-1"}, {"category": "product_version_range", "name": "vers:generic/<4.2", …"CSAFPID-2"} … ],
    /// "vulnerabilities": [{"product_status": {"fixed": ["CSAFPID-1"], "known_affected": ["CSAFPID-2"]}}]
    /// ```
    CorrespondingAffectedProducts, id = "6.1.27.13", name = "corresponding-affected-products", group = Mandatory,
    summary = "a fixed product of a security advisory has no corresponding affected version in the same vulnerability",
    since = "2.1",
}

const CATEGORIES: &[&str] = &["csaf_security_advisory"];

/// How deep nested product paths are compared before giving up (cycles are 6.1.3's business).
const MAX_DEPTH: usize = 8;

/// One level of a branch path.
type Level<'a> = (Option<&'a BranchCategory>, Option<&'a str>);

/// One step of a product path: the category that leads to it (none for the beginning) and the product.
type Step<'a> = (Option<&'a RelationshipCategory>, &'a str);

/// Which products of the product tree are corresponding versions of each other (shared with 6.2.39.1).
pub(crate) struct Tree<'a> {
    /// Product id → the branch paths (root first, leaf included) that define it.
    branches: HashMap<&'a str, Vec<Vec<Level<'a>>>>,
    /// Product id → the product paths that define it, as steps.
    paths: HashMap<&'a str, Vec<Vec<Step<'a>>>>,
    /// Product id → products that correspond to it through an `installed_with` step.
    installed_with: HashMap<&'a str, HashSet<&'a str>>,
}

fn is_version(c: Option<&BranchCategory>) -> bool {
    matches!(
        c,
        Some(BranchCategory::ProductVersion) | Some(BranchCategory::ProductVersionRange)
    )
}

fn steps(p: &ProductPath) -> Option<Vec<Step<'_>>> {
    let mut out = vec![(None, p.beginning_product_reference.as_deref()?)];
    for s in &p.subpaths {
        out.push((s.category.as_ref(), s.next_product_reference.as_deref()?));
    }
    Some(out)
}

impl<'a> Tree<'a> {
    pub(crate) fn new(cx: &Context<'a>) -> Tree<'a> {
        let mut tree = Tree {
            branches: HashMap::new(),
            paths: HashMap::new(),
            installed_with: HashMap::new(),
        };
        let Some(pt) = cx.advisory.product_tree.as_ref() else {
            return tree;
        };
        walk_branches(pt, |b, _, ancestors| {
            if let Some(id) = b.product.as_ref().and_then(|p| p.product_id.as_deref()) {
                let levels = ancestors
                    .iter()
                    .chain(std::iter::once(&b))
                    .map(|x| (x.category.as_ref(), x.name.as_deref()))
                    .collect();
                tree.branches.entry(id).or_default().push(levels);
            }
        });
        let all: Vec<(&str, Vec<Step<'a>>)> = pt
            .product_paths
            .iter()
            .filter_map(|p| Some((p.full_product_name.as_ref()?.product_id.as_deref()?, steps(p)?)))
            .collect();
        for (id, s) in &all {
            tree.paths.entry(id).or_default().push(s.clone());
        }
        // "For a product path including the `installed_with` relationship the product path leading
        // to but not including the relationship is a corresponding product."
        for (id, s) in &all {
            for k in 1..s.len() {
                if s[k].0 != Some(&RelationshipCategory::InstalledWith) {
                    continue;
                }
                let prefix = &s[..k];
                let prefix_ids: Vec<&'a str> = if k == 1 {
                    vec![prefix[0].1]
                } else {
                    all.iter()
                        .filter(|(_, t)| t.as_slice() == prefix)
                        .map(|(pid, _)| *pid)
                        .collect()
                };
                for p in prefix_ids {
                    for of in [*id, s[k].1] {
                        tree.installed_with.entry(of).or_default().insert(p);
                    }
                }
            }
        }
        tree
    }

    /// Whether the product tree says nothing about the version of `id` (a bare full product name).
    pub(crate) fn unstructured(&self, id: &str) -> bool {
        !self.branches.contains_key(id) && !self.paths.contains_key(id)
    }

    fn branch_match(&self, a: &str, b: &str) -> bool {
        let (Some(pa), Some(pb)) = (self.branches.get(a), self.branches.get(b)) else {
            return false;
        };
        pa.iter().any(|x| {
            pb.iter().any(|y| {
                x.len() == y.len()
                    && x.iter()
                        .zip(y)
                        .all(|(l, r)| l == r || (is_version(l.0) && is_version(r.0)))
            })
        })
    }

    fn path_match(&self, a: &str, b: &str, depth: usize) -> bool {
        let (Some(pa), Some(pb)) = (self.paths.get(a), self.paths.get(b)) else {
            return false;
        };
        pa.iter().any(|x| {
            pb.iter().any(|y| {
                if x.len() != y.len() || x.iter().zip(y).any(|(l, r)| l.0 != r.0) {
                    return false;
                }
                let mut diff = x.iter().zip(y).filter(|(l, r)| l.1 != r.1);
                match (diff.next(), diff.next()) {
                    (Some((l, r)), None) => self.corresponds(l.1, r.1, depth + 1),
                    _ => false,
                }
            })
        })
    }

    /// Whether `b` is a corresponding version of `a` (not the same product).
    pub(crate) fn corresponds(&self, a: &str, b: &str, depth: usize) -> bool {
        if a == b || depth > MAX_DEPTH {
            return false;
        }
        self.branch_match(a, b)
            || self.path_match(a, b, depth)
            || self.installed_with.get(a).is_some_and(|s| s.contains(b))
            || self.installed_with.get(b).is_some_and(|s| s.contains(a))
    }
}

fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    let Some(category) = cx.advisory.document.category.as_deref() else {
        return;
    };
    if !CATEGORIES.contains(&category) {
        return;
    }
    let ix = cx.index();
    let tree = Tree::new(cx);
    for (v, vuln) in cx.advisory.vulnerabilities.iter().enumerate() {
        let ps = &vuln.product_status;
        let affected: Vec<&str> = [&ps.first_affected, &ps.known_affected, &ps.last_affected]
            .into_iter()
            .flatten()
            .map(String::as_str)
            .collect();
        for (list, fixed) in [("first_fixed", &ps.first_fixed), ("fixed", &ps.fixed)] {
            for (i, f) in fixed.iter().enumerate() {
                if !ix.is_product_defined(f) {
                    continue;
                }
                let ok = affected.iter().any(|&a| {
                    a != f && (tree.unstructured(f) || tree.unstructured(a) || tree.corresponds(f, a, 0))
                });
                if !ok {
                    out.push(
                        Finding::new(
                            META.id,
                            format!("/vulnerabilities/{v}/product_status/{list}/{i}"),
                            format!(
                                "product `{f}` is fixed, but no corresponding version of it is listed as affected in this vulnerability"
                            ),
                        )
                        .help("list the affected versions (e.g. a `product_version_range` before the fix) in `known_affected`"),
                    );
                }
            }
        }
    }
}
