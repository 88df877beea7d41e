//! CSAF 2.0 / 2.1 JSON front end: fills the model from a parsed `serde_json::Value`.
//!
//! Lenient by design: a member of the wrong type is left out of the model (the JSON schema reports
//! it), so the spec tests still run on the rest of the document.

use crate::model::*;
use serde_json::{Map, Value};

/// Member lookup by a scan of the object's entries: CSAF objects have a handful of members, and a
/// scan compares a few short keys where `serde_json::Map::get` hashes the key with SipHash (its
/// `IndexMap` uses std's hasher). Larger objects are looked up in the map.
trait At {
    fn at(&self, key: &str) -> Option<&Value>;
}

impl At for Map<String, Value> {
    fn at(&self, key: &str) -> Option<&Value> {
        if self.len() > 16 {
            return self.get(key);
        }
        // the last of equal keys cannot occur: the map holds each key once
        self.iter().find(|(k, _)| k.as_str() == key).map(|(_, v)| v)
    }
}

impl At for Value {
    fn at(&self, key: &str) -> Option<&Value> {
        self.as_object().and_then(|o| o.at(key))
    }
}

/// Which CSAF version a document declares.
pub enum DeclaredVersion {
    /// `csaf_version` is `2.0`.
    V20,
    /// `csaf_version` is `2.1`.
    V21,
    /// No (string) `csaf_version`: checked as 2.0.
    Missing,
    /// Another value: only the schema error is reported.
    Unknown(String),
}

/// Reads `/document/csaf_version`.
pub fn declared_version(root: &Value) -> DeclaredVersion {
    match root.at("document").and_then(|d| d.at("csaf_version")) {
        Some(Value::String(s)) if s == "2.0" => DeclaredVersion::V20,
        Some(Value::String(s)) if s == "2.1" => DeclaredVersion::V21,
        Some(Value::String(s)) => DeclaredVersion::Unknown(s.clone()),
        Some(other) => DeclaredVersion::Unknown(other.to_string()),
        None => DeclaredVersion::Missing,
    }
}

/// Builds the model of a CSAF document.
pub fn to_model(root: &Value, version: Version) -> Advisory {
    let v21 = version == Version::Csaf21;
    Advisory {
        version,
        document: root.at("document").map(document).unwrap_or_default(),
        product_tree: root
            .at("product_tree")
            .and_then(Value::as_object)
            .map(|o| product_tree(o, v21)),
        vulnerabilities: arr(root.at("vulnerabilities"))
            .iter()
            .map(|v| vulnerability(v, v21))
            .collect(),
    }
}

fn s(v: &Value, key: &str) -> Option<String> {
    v.at(key).and_then(Value::as_str).map(str::to_owned)
}

fn ts(v: &Value, key: &str) -> Option<Timestamp> {
    v.at(key).and_then(Value::as_str).map(Timestamp::parse)
}

fn arr(v: Option<&Value>) -> &[Value] {
    v.and_then(Value::as_array).map_or(&[], Vec::as_slice)
}

fn strings(v: &Value, key: &str) -> Vec<String> {
    string_items(arr(v.at(key)))
}

/// The string items of an array, in order. Sized for all items up front: `collect` on a
/// `filter_map` grows the vector step by step (4, 8, 16, …), and the reallocations of product id
/// lists cost more than the ids themselves.
fn string_items(items: &[Value]) -> Vec<String> {
    let mut out = Vec::with_capacity(items.len());
    out.extend(items.iter().filter_map(|x| x.as_str().map(str::to_owned)));
    out
}

fn document(d: &Value) -> Document {
    let publisher = d.at("publisher").map_or_else(Publisher::default, |p| Publisher {
        category: s(p, "category").map(|c| PublisherCategory::parse(&c)),
        name: s(p, "name"),
        namespace: s(p, "namespace"),
        contact_details: s(p, "contact_details"),
        issuing_authority: s(p, "issuing_authority"),
    });
    let tracking = d.at("tracking").map_or_else(Tracking::default, |t| Tracking {
        id: s(t, "id"),
        aliases: strings(t, "aliases"),
        status: s(t, "status").map(|c| DocumentStatus::parse(&c)),
        version: s(t, "version"),
        initial_release_date: ts(t, "initial_release_date"),
        current_release_date: ts(t, "current_release_date"),
        revision_history: arr(t.at("revision_history"))
            .iter()
            .map(|r| Revision {
                date: ts(r, "date"),
                number: s(r, "number"),
                legacy_version: s(r, "legacy_version"),
                summary: s(r, "summary"),
            })
            .collect(),
        generator: t.at("generator").map(|g| Generator {
            date: ts(g, "date"),
            engine_name: g.at("engine").and_then(|e| s(e, "name")),
            engine_version: g.at("engine").and_then(|e| s(e, "version")),
        }),
    });
    Document {
        category: s(d, "category"),
        csaf_version: s(d, "csaf_version"),
        title: s(d, "title"),
        lang: s(d, "lang"),
        source_lang: s(d, "source_lang"),
        publisher,
        tracking,
        notes: notes(d),
        references: references(d),
        acknowledgments: acknowledgments(d),
        distribution: d.at("distribution").map(|x| Distribution {
            text: s(x, "text"),
            tlp_label: x
                .at("tlp")
                .and_then(|t| s(t, "label"))
                .map(|l| TlpLabel::parse(&l)),
            tlp_url: x.at("tlp").and_then(|t| s(t, "url")),
            sharing_group_id: x.at("sharing_group").and_then(|g| s(g, "id")),
            sharing_group_name: x.at("sharing_group").and_then(|g| s(g, "name")),
        }),
        aggregate_severity: d.at("aggregate_severity").map(|a| AggregateSeverity {
            namespace: s(a, "namespace"),
            text: s(a, "text"),
        }),
        license_expression: s(d, "license_expression"),
    }
}

fn notes(v: &Value) -> Vec<Note> {
    arr(v.at("notes"))
        .iter()
        .map(|n| Note {
            category: s(n, "category").map(|c| NoteCategory::parse(&c)),
            text: s(n, "text"),
            title: s(n, "title"),
            audience: s(n, "audience"),
            product_ids: strings(n, "product_ids"),
            group_ids: strings(n, "group_ids"),
        })
        .collect()
}

fn references(v: &Value) -> Vec<Reference> {
    arr(v.at("references"))
        .iter()
        .map(|r| Reference {
            category: s(r, "category").map(|c| ReferenceCategory::parse(&c)),
            url: s(r, "url"),
            summary: s(r, "summary"),
        })
        .collect()
}

fn acknowledgments(v: &Value) -> Vec<Acknowledgment> {
    arr(v.at("acknowledgments"))
        .iter()
        .map(|a| Acknowledgment {
            names: strings(a, "names"),
            organization: s(a, "organization"),
            summary: s(a, "summary"),
            urls: strings(a, "urls"),
        })
        .collect()
}

fn product_tree(o: &Map<String, Value>, v21: bool) -> ProductTree {
    let t = |k: &str| arr(o.at(k));
    ProductTree {
        branches: t("branches").iter().map(|b| branch(b, v21, 0)).collect(),
        full_product_names: t("full_product_names")
            .iter()
            .map(|p| full_product_name(p, v21))
            .collect(),
        relationships: t("relationships")
            .iter()
            .map(|r| Relationship {
                category: s(r, "category").map(|c| RelationshipCategory::parse(&c)),
                product_reference: s(r, "product_reference"),
                relates_to_product_reference: s(r, "relates_to_product_reference"),
                full_product_name: r.at("full_product_name").map(|p| full_product_name(p, v21)),
            })
            .collect(),
        product_paths: t("product_paths")
            .iter()
            .map(|p| ProductPath {
                beginning_product_reference: s(p, "beginning_product_reference"),
                subpaths: arr(p.at("subpaths"))
                    .iter()
                    .map(|x| Subpath {
                        category: s(x, "category").map(|c| RelationshipCategory::parse(&c)),
                        next_product_reference: s(x, "next_product_reference"),
                    })
                    .collect(),
                full_product_name: p.at("full_product_name").map(|f| full_product_name(f, v21)),
            })
            .collect(),
        product_groups: t("product_groups")
            .iter()
            .map(|g| ProductGroup {
                group_id: s(g, "group_id"),
                product_ids: strings(g, "product_ids"),
                summary: s(g, "summary"),
            })
            .collect(),
    }
}

/// Branches nest at most this deep in the model (serde_json already refuses deeper input).
const MAX_BRANCH_DEPTH: usize = 128;

fn branch(b: &Value, v21: bool, depth: usize) -> Branch {
    Branch {
        category: s(b, "category").map(|c| BranchCategory::parse(&c)),
        name: s(b, "name"),
        product: b.at("product").map(|p| full_product_name(p, v21)),
        branches: if depth < MAX_BRANCH_DEPTH {
            arr(b.at("branches"))
                .iter()
                .map(|c| branch(c, v21, depth + 1))
                .collect()
        } else {
            Vec::new()
        },
    }
}

fn full_product_name(p: &Value, v21: bool) -> FullProductName {
    FullProductName {
        product_id: s(p, "product_id"),
        name: s(p, "name"),
        helper: p.at("product_identification_helper").map(|h| {
            let mut purls = strings(h, "purls");
            if !v21 {
                purls.extend(s(h, "purl"));
            }
            ProductIdentificationHelper {
                cpe: s(h, "cpe"),
                purls,
                hashes: arr(h.at("hashes"))
                    .iter()
                    .map(|x| Hashes {
                        filename: s(x, "filename"),
                        file_hashes: arr(x.at("file_hashes"))
                            .iter()
                            .map(|f| (s(f, "algorithm"), s(f, "value")))
                            .collect(),
                    })
                    .collect(),
                model_numbers: strings(h, "model_numbers"),
                sbom_urls: strings(h, "sbom_urls"),
                serial_numbers: strings(h, "serial_numbers"),
                skus: strings(h, "skus"),
                generic_uris: arr(h.at("x_generic_uris"))
                    .iter()
                    .map(|u| (s(u, "namespace"), s(u, "uri")))
                    .collect(),
            }
        }),
    }
}

fn vulnerability(v: &Value, v21: bool) -> Vulnerability {
    let cwe = |c: &Value| Cwe {
        id: s(c, "id"),
        name: s(c, "name"),
        version: s(c, "version"),
    };
    let mut cwes: Vec<Cwe> = arr(v.at("cwes")).iter().map(cwe).collect();
    if !v21 {
        cwes.extend(v.at("cwe").map(cwe));
    }
    let mut product_status = ProductStatus::default();
    if let Some(ps) = v.at("product_status").and_then(Value::as_object) {
        for (key, list) in ps {
            if let Some(target) = product_status.list_mut(key) {
                *target = list.as_array().map(|a| string_items(a)).unwrap_or_default();
            }
        }
    }
    let metrics_key = if v21 { "metrics" } else { "scores" };
    let metrics = arr(v.at(metrics_key))
        .iter()
        .map(|m| {
            let content = if v21 { m.at("content") } else { Some(m) };
            let c = |k: &str| content.and_then(|c| c.at(k));
            Metric {
                products: strings(m, "products"),
                cvss_v2: c("cvss_v2").and_then(cvss),
                cvss_v3: c("cvss_v3").and_then(cvss),
                cvss_v4: c("cvss_v4").and_then(cvss),
                epss: c("epss").cloned(),
                ssvc: c("ssvc_v2").cloned(),
                qualitative_severity: c("qualitative_severity_rating")
                    .and_then(Value::as_str)
                    .map(str::to_owned),
                source: s(m, "source"),
            }
        })
        .collect();
    Vulnerability {
        cve: s(v, "cve"),
        ids: arr(v.at("ids"))
            .iter()
            .map(|i| VulnerabilityId {
                system_name: s(i, "system_name"),
                text: s(i, "text"),
                product_ids: strings(i, "product_ids"),
                group_ids: strings(i, "group_ids"),
            })
            .collect(),
        cwes,
        title: s(v, "title"),
        notes: notes(v),
        references: references(v),
        acknowledgments: acknowledgments(v),
        discovery_date: ts(v, "discovery_date"),
        disclosure_date: ts(v, if v21 { "disclosure_date" } else { "release_date" }),
        involvements: arr(v.at("involvements"))
            .iter()
            .map(|i| Involvement {
                party: s(i, "party").map(|c| InvolvementParty::parse(&c)),
                status: s(i, "status").map(|c| InvolvementStatus::parse(&c)),
                date: ts(i, "date"),
                summary: s(i, "summary"),
                contact: s(i, "contact"),
                product_ids: strings(i, "product_ids"),
                group_ids: strings(i, "group_ids"),
            })
            .collect(),
        flags: arr(v.at("flags"))
            .iter()
            .map(|f| Flag {
                label: s(f, "label").map(|c| FlagLabel::parse(&c)),
                date: ts(f, "date"),
                group_ids: strings(f, "group_ids"),
                product_ids: strings(f, "product_ids"),
            })
            .collect(),
        threats: arr(v.at("threats"))
            .iter()
            .map(|t| Threat {
                category: s(t, "category").map(|c| ThreatCategory::parse(&c)),
                details: s(t, "details"),
                date: ts(t, "date"),
                group_ids: strings(t, "group_ids"),
                product_ids: strings(t, "product_ids"),
            })
            .collect(),
        product_status,
        metrics,
        remediations: arr(v.at("remediations"))
            .iter()
            .map(|r| Remediation {
                category: s(r, "category").map(|c| RemediationCategory::parse(&c)),
                details: s(r, "details"),
                date: ts(r, "date"),
                product_ids: strings(r, "product_ids"),
                group_ids: strings(r, "group_ids"),
                url: s(r, "url"),
                entitlements: strings(r, "entitlements"),
                restart_required: r
                    .at("restart_required")
                    .and_then(|x| s(x, "category"))
                    .map(|c| RestartCategory::parse(&c)),
                restart_details: r.at("restart_required").and_then(|x| s(x, "details")),
            })
            .collect(),
        first_known_exploitation_dates: arr(v.at("first_known_exploitation_dates"))
            .iter()
            .map(|e| ExploitationDate {
                date: ts(e, "date"),
                exploitation_date: ts(e, "exploitation_date"),
                product_ids: strings(e, "product_ids"),
                group_ids: strings(e, "group_ids"),
            })
            .collect(),
    }
}

fn cvss(v: &Value) -> Option<Cvss> {
    let o = v.as_object()?;
    Some(Cvss {
        version: s(v, "version"),
        vector: s(v, "vectorString"),
        base_score: v.at("baseScore").and_then(Value::as_f64),
        base_severity: s(v, "baseSeverity"),
        fields: CvssFields::from(o.clone()),
    })
}
