//! Shared by the tests for overlapping product version ranges (CSAF 2.1 sections 6.2.50.x and
//! 6.3.19.x). Section 6.2.50 defines: for each branch of category `product_version_range` (the
//! "currently tested product version range", CTPVR), "all sibling elements on the same level form
//! the group of sibling elements of the product version range (GSEPVR)", split into ranges (PVRSS),
//! versions (PVSS) and the rest; ranges are vers, vls or invalid, and "with branches" (`branches` as
//! only optional property, `+b`), "with leaf" (`product` as only optional property, `+l`) or
//! invalid. Two ranges overlap if "the intersection of their sets of product versions" is not
//! empty; a version overlaps a range if it "is included in" it (see [`crate::vers::Range`]).
//!
//! The status tests compare the products of two sibling leaves (`+l`): the CTPVR's own product
//! and the sibling's. Ranges of different kinds (a vers and a vls, or vers of different types)
//! are not compared: "Comparing versions from two different versioning schemes is an error".
//! Each unordered pair is tested once ("As the intersect operation is commutative it is
//! sufficient to test one order").

use crate::diag::Finding;
use crate::index::{branch_pointer, walk_branches};
use crate::model::{Branch, BranchCategory, ProductTree};
use crate::rules::remediation_tables::StatusGroup;
use crate::rules::Context;
use crate::vers::Range;
use std::collections::{HashMap, HashSet};

/// A branch among its siblings.
pub(crate) struct Sibling<'a> {
    /// Index path of the branch.
    pub path: Vec<usize>,
    /// The branch.
    pub branch: &'a Branch,
}

impl<'a> Sibling<'a> {
    /// JSON pointer of the branch's `name`.
    pub fn name_pointer(&self) -> String {
        format!("{}/name", branch_pointer(&self.path))
    }

    /// The Product ID of a leaf (`product` and no `branches`).
    pub fn leaf_id(&self) -> Option<&'a str> {
        if !self.branch.branches.is_empty() {
            return None;
        }
        self.branch.product.as_ref()?.product_id.as_deref()
    }

    /// Whether the branch has `branches` and no `product`.
    pub fn has_branches_only(&self) -> bool {
        !self.branch.branches.is_empty() && self.branch.product.is_none()
    }

    /// The range of a `product_version_range` branch whose name is a valid vers or vls.
    pub fn range(&self) -> Option<(&'a str, Range)> {
        if self.branch.category != Some(BranchCategory::ProductVersionRange) {
            return None;
        }
        let name = self.branch.name.as_deref()?;
        crate::vers::parse(name).ok().map(|r| (name, r))
    }

    /// The version of a `product_version` branch.
    pub fn version(&self) -> Option<&'a str> {
        if self.branch.category != Some(BranchCategory::ProductVersion) {
            return None;
        }
        self.branch.name.as_deref()
    }
}

/// Every group of siblings: the top-level branches, and the children of each branch.
pub(crate) fn sibling_groups(tree: &ProductTree) -> Vec<Vec<Sibling<'_>>> {
    fn group<'a>(parent: &[usize], branches: &'a [Branch]) -> Vec<Sibling<'a>> {
        branches
            .iter()
            .enumerate()
            .map(|(i, branch)| {
                let mut path = parent.to_vec();
                path.push(i);
                Sibling { path, branch }
            })
            .collect()
    }
    let mut groups = vec![group(&[], &tree.branches)];
    walk_branches(tree, |b, path, _| {
        if !b.branches.is_empty() {
            groups.push(group(path, &b.branches));
        }
    });
    groups
}

/// The kind of a range: a vers or a vls.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Vers,
    Vls,
}

impl Kind {
    fn of(range: &Range) -> Kind {
        if range.vers_type.is_some() {
            Kind::Vers
        } else {
            Kind::Vls
        }
    }
}

/// A product in a pair: its Product ID and the name of its branch (a range or a version).
pub(crate) struct Member<'a> {
    id: &'a str,
    name: &'a str,
    version: bool,
}

impl Member<'_> {
    /// `` `CSAFPID-1` (range `>1.0|<2.0`) ``
    fn describe(&self) -> String {
        let kind = if self.version { "version" } else { "range" };
        format!("`{}` ({kind} `{}`)", self.id, self.name)
    }

    /// How `other` relates to this product: `` overlaps `CSAFPID-1` (range `>1.0|<2.0`) ``, or for
    /// a version in a range `` lies in the range `>1.0|<2.0` of `CSAFPID-1` ``.
    fn related(&self, other: &Member<'_>) -> String {
        if other.version {
            format!("lies in the range `{}` of `{}`", self.name, self.id)
        } else {
            format!("overlaps {}", self.describe())
        }
    }
}

/// The Product IDs listed in a product status group (not `recommended`) of some vulnerability:
/// the only products the status tests need to pair.
pub(crate) fn ids_with_status<'a>(cx: &Context<'a>) -> HashSet<&'a str> {
    cx.advisory
        .vulnerabilities
        .iter()
        .flat_map(|v| v.product_status.lists())
        .filter(|(list, _)| StatusGroup::of_list(list).is_some_and(|g| g != StatusGroup::Recommended))
        .flat_map(|(_, ids)| ids.iter().map(String::as_str))
        .collect()
}

/// Pairs of sibling leaves (`+l`) of category `product_version_range`, both of `kind` and with a
/// Product ID in `ids`, whose ranges overlap; in document order.
pub(crate) fn overlapping_range_leaves<'a>(
    tree: &'a ProductTree,
    kind: Kind,
    ids: &HashSet<&str>,
) -> Vec<(Member<'a>, Member<'a>)> {
    let mut pairs = Vec::new();
    for group in sibling_groups(tree) {
        let leaves: Vec<(&str, &str, Range)> = group
            .iter()
            .filter_map(|s| {
                let id = s.leaf_id().filter(|id| ids.contains(id))?;
                let (name, range) = s.range()?;
                (Kind::of(&range) == kind).then_some((id, name, range))
            })
            .collect();
        let sets: Vec<_> = leaves.iter().map(|(_, _, r)| r.versions()).collect();
        for (i, (id_a, name_a, _)) in leaves.iter().enumerate() {
            let Some(a) = &sets[i] else {
                continue;
            };
            for (j, (id_b, name_b, _)) in leaves.iter().enumerate().skip(i + 1) {
                if id_a != id_b && sets[j].as_ref().and_then(|b| a.overlaps(b)) == Some(true) {
                    pairs.push((
                        Member {
                            id: id_a,
                            name: name_a,
                            version: false,
                        },
                        Member {
                            id: id_b,
                            name: name_b,
                            version: false,
                        },
                    ));
                }
            }
        }
    }
    pairs
}

/// Pairs of a sibling leaf (`+l`) of category `product_version_range` (vers or vls) and a sibling
/// leaf of category `product_version` whose version is in the range, both with a Product ID in
/// `ids`.
pub(crate) fn versions_in_range_leaves<'a>(
    tree: &'a ProductTree,
    ids: &HashSet<&str>,
) -> Vec<(Member<'a>, Member<'a>)> {
    let mut pairs = Vec::new();
    let leaf_id = |s: &Sibling<'a>| s.leaf_id().filter(|id| ids.contains(id));
    for group in sibling_groups(tree) {
        let ranges: Vec<(&str, &str, Range)> = group
            .iter()
            .filter_map(|s| {
                let id = leaf_id(s)?;
                let (name, range) = s.range()?;
                Some((id, name, range))
            })
            .collect();
        let versions: Vec<(&str, &str)> = group
            .iter()
            .filter_map(|s| Some((leaf_id(s)?, s.version()?)))
            .collect();
        for (id_r, name, range) in &ranges {
            let Some(set) = range.versions() else {
                continue;
            };
            for (id_v, version) in &versions {
                if id_r != id_v && set.contains(version) == Some(true) {
                    pairs.push((
                        Member {
                            id: id_r,
                            name,
                            version: false,
                        },
                        Member {
                            id: id_v,
                            name: version,
                            version: true,
                        },
                    ));
                }
            }
        }
    }
    pairs
}

/// How the status groups of the two products of a pair are tested.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Relation {
    /// The pair must not be in contradicting groups (6.1.6's groups: affected, not affected,
    /// fixed, under investigation, unknown; `recommended` contradicts nothing).
    Contradicting,
    /// The pair must not be in the same group (`first_fixed` and `fixed` are both "fixed").
    Same,
}

/// Reports, per vulnerability, each pair whose products are listed in status groups of the
/// `relation`, at the second product's entry in `/vulnerabilities[]/product_status`.
pub(crate) fn status_findings(
    cx: &Context<'_>,
    rule: &'static str,
    pairs: &[(Member<'_>, Member<'_>)],
    relation: Relation,
    help: &str,
    out: &mut Vec<Finding>,
) {
    if pairs.is_empty() {
        return;
    }
    for (v, vuln) in cx.advisory.vulnerabilities.iter().enumerate() {
        let mut entries: HashMap<&str, Vec<(&str, usize, StatusGroup)>> = HashMap::new();
        for (list, ids) in vuln.product_status.lists() {
            let Some(group) = StatusGroup::of_list(list).filter(|g| *g != StatusGroup::Recommended) else {
                continue;
            };
            for (i, id) in ids.iter().enumerate() {
                entries.entry(id.as_str()).or_default().push((list, i, group));
            }
        }
        for (a, b) in pairs {
            let (Some(in_a), Some(in_b)) = (entries.get(a.id), entries.get(b.id)) else {
                continue;
            };
            for &(list_b, i, group_b) in in_b {
                for &(list_a, _, group_a) in in_a {
                    let hit = match relation {
                        Relation::Contradicting => group_a != group_b,
                        Relation::Same => group_a == group_b,
                    };
                    if !hit {
                        continue;
                    }
                    let message = match relation {
                        Relation::Contradicting => format!(
                            "{} is listed as {} (`{list_b}`), but {}, listed as {} (`{list_a}`)",
                            b.describe(),
                            group_b.label(),
                            a.related(b),
                            group_a.label()
                        ),
                        Relation::Same => format!(
                            "{} is listed as {} (`{list_b}`) and {}, also listed as {} (`{list_a}`)",
                            b.describe(),
                            group_b.label(),
                            a.related(b),
                            group_a.label()
                        ),
                    };
                    out.push(
                        Finding::new(
                            rule,
                            format!("/vulnerabilities/{v}/product_status/{list_b}/{i}"),
                            message,
                        )
                        .help(help.to_owned()),
                    );
                }
            }
        }
    }
}
