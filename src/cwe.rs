//! The CWE catalogue in every released version, for test 6.1.11 (CWE) and the CSAF 2.1 CWE tests.
//!
//! CSAF 2.0 6.1.11 reads "It MUST be tested that given CWE exists and is valid" and its example fails
//! `CWE-79` with the name `Improper Input Validation` ("The `CWE-79` exists. However, its name is …"). A
//! CSAF 2.0 `cwe` carries no catalogue version, and the text names none, so [`name_matches`] without a
//! version accepts a name that the id had in **any** catalogue version (names change: `CWE-79` had four
//! over time). Checking only against the catalogue in force at `current_release_date` — as one peer
//! validator does — flags advisories that were right when written; [`version_at`] is there for a
//! caller who wants that stricter reading. CSAF 2.1 gives each CWE a `version`: pass it, and the id must
//! exist in that version with that name.
//!
//! Only weaknesses are listed: ids of CWE categories and views (e.g. `CWE-19`, `CWE-1008`) are unknown.
//!
//! ```
//! use csaflint::cwe;
//! let hit = cwe::lookup("CWE-79", None);
//! assert!(hit.exists_in_version());
//! assert_eq!(hit.name(), Some("Improper Neutralization of Input During Web Page Generation ('Cross-site Scripting')"));
//! assert!(!cwe::name_matches("CWE-79", "Improper Input Validation", None));
//! assert!(cwe::name_matches("CWE-79", "Failure to Preserve Web Page Structure ('Cross-site Scripting')", None));
//! assert!(!cwe::name_matches("CWE-79", "Failure to Preserve Web Page Structure ('Cross-site Scripting')", Some("4.13")));
//! ```
//!
//! # Data
//! `data/cwe/catalog.tsv` (≈190 KB, embedded with `include_str!`, parsed once per process on first use)
//! holds, per weakness id, the runs of consecutive catalogue versions with the same name, status and
//! usage, plus every version with its release date. It is generated from the MITRE CWE data in
//! `../shared/spec/cwe` (per-version exports up to 4.17 and a name history up to 4.20; see its README).
//! To refresh it after a new CWE release: add the new data there (a `cwec_v<version>.json` listed in
//! `index.json`, or a newer `catalog-history-*.json`), run `python3 scripts/gen-cwe.py`, then
//! `cargo test --lib cwe`. The script documents the file format.

use std::collections::HashMap;

/// The catalogue's maps hash with foldhash: keys are our own data, not input, and SipHash made
/// loading the catalogue cost twice as much.
type Fast = foldhash::fast::RandomState;
use std::sync::LazyLock;

const DATA: &str = include_str!("../data/cwe/catalog.tsv");

/// One run of consecutive catalogue versions in which a weakness kept the same name, status and usage.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Weakness {
    id: u32,
    name: &'static str,
    status: &'static str,
    usage: &'static str,
    first: u16,
    last: u16,
}

impl Weakness {
    /// The id, e.g. `CWE-79`.
    pub fn id(&self) -> String {
        format!("CWE-{}", self.id)
    }

    /// The id's number, e.g. 79.
    pub fn number(&self) -> u32 {
        self.id
    }

    /// The weakness name in these versions (whitespace-trimmed).
    pub fn name(&self) -> &'static str {
        self.name
    }

    /// The status (`Draft`, `Incomplete`, `Stable`, `Usable`, `Deprecated`, …), or `None` where the data
    /// does not record it.
    pub fn status(&self) -> Option<&'static str> {
        Some(self.status).filter(|s| !s.is_empty())
    }

    /// The mapping usage (`Allowed`, `Allowed-with-Review`, `Discouraged`, `Prohibited`); `None` before
    /// catalogue 4.12, which introduced it, and where the data does not record it.
    pub fn usage(&self) -> Option<&'static str> {
        Some(self.usage).filter(|s| !s.is_empty())
    }

    /// Whether the weakness is deprecated in these versions: its status is `Deprecated` or, where the
    /// data does not record the status, its name starts with `DEPRECATED:` (as MITRE names them).
    pub fn is_deprecated(&self) -> bool {
        match self.status() {
            Some(status) => status == "Deprecated",
            None => self.name.starts_with("DEPRECATED:"),
        }
    }

    /// The first catalogue version of this run.
    pub fn first_version(&self) -> &'static str {
        CATALOG.versions[self.first as usize].0
    }

    /// The last catalogue version of this run.
    pub fn last_version(&self) -> &'static str {
        CATALOG.versions[self.last as usize].0
    }

    /// Whether this run includes `version` (a catalogue version such as `4.13`).
    pub fn covers(&self, version: &str) -> bool {
        CATALOG
            .index
            .get(version)
            .is_some_and(|&i| self.first <= i && i <= self.last)
    }

    /// Whether this run reaches the latest catalogue version.
    pub fn is_current(&self) -> bool {
        self.last as usize + 1 == CATALOG.versions.len()
    }
}

/// What the catalogue says about one id, in one version and over all versions. Made by [`lookup`].
#[derive(Debug, Clone, Copy)]
pub struct Lookup {
    version: Option<&'static str>,
    entry: Option<&'static Weakness>,
    history: &'static [Weakness],
}

impl Lookup {
    /// The catalogue version looked in: the one asked for, or the latest when none was given. `None`
    /// when the version asked for is not a known catalogue version.
    pub fn version(&self) -> Option<&'static str> {
        self.version
    }

    /// Whether the version asked for is a known catalogue version (always true when none was given).
    pub fn is_known_version(&self) -> bool {
        self.version.is_some()
    }

    /// Whether the id is a weakness in the version looked in.
    pub fn exists_in_version(&self) -> bool {
        self.entry.is_some()
    }

    /// Whether the id is a weakness in at least one catalogue version.
    pub fn exists_in_any_version(&self) -> bool {
        !self.history.is_empty()
    }

    /// The name in the version looked in.
    pub fn name(&self) -> Option<&'static str> {
        self.entry.map(|w| w.name)
    }

    /// The entry in the version looked in.
    pub fn entry(&self) -> Option<&'static Weakness> {
        self.entry
    }

    /// The newest entry of the id in any version (its last known name).
    pub fn latest(&self) -> Option<&'static Weakness> {
        self.history.last()
    }

    /// Every run of the id, oldest first; empty when the id was never a weakness.
    pub fn history(&self) -> &'static [Weakness] {
        self.history
    }
}

struct Catalog {
    /// (version, release date), oldest first.
    versions: Vec<(&'static str, &'static str)>,
    index: HashMap<&'static str, u16, Fast>,
    /// Sorted by id, then by first version.
    weaknesses: Vec<Weakness>,
    by_id: HashMap<u32, (usize, usize), Fast>,
}

static CATALOG: LazyLock<Catalog> = LazyLock::new(|| parse(DATA));

fn parse(data: &'static str) -> Catalog {
    let mut versions = Vec::new();
    let mut index = HashMap::default();
    let mut weaknesses: Vec<Weakness> = Vec::new();
    for line in split_at_byte(data, b'\n') {
        let mut f = split_at_byte(line.trim_end_matches('\r'), b'\t');
        match f.next() {
            Some("V") => {
                let (v, date) = (f.next().unwrap(), f.next().unwrap());
                index.insert(v, versions.len() as u16);
                versions.push((v, date));
            }
            Some("W") => {
                let mut next = || f.next().expect("catalog.tsv: short W line");
                let id = next().parse().expect("catalog.tsv: bad id");
                let first = index[next()];
                let last = index[next()];
                let (status, usage, name) = (next(), next(), next());
                weaknesses.push(Weakness {
                    id,
                    name,
                    status,
                    usage,
                    first,
                    last,
                });
            }
            _ => {}
        }
    }
    let mut by_id = HashMap::default();
    let mut start = 0;
    for i in 1..=weaknesses.len() {
        if i == weaknesses.len() || weaknesses[i].id != weaknesses[start].id {
            by_id.insert(weaknesses[start].id, (start, i));
            start = i;
        }
    }
    Catalog {
        versions,
        index,
        weaknesses,
        by_id,
    }
}

/// The pieces of `s` between the bytes `sep` (an ASCII byte), found with memchr: `str::split`
/// runs a char searcher per piece, which was half the cost of loading the catalogue.
fn split_at_byte(s: &str, sep: u8) -> impl Iterator<Item = &str> {
    let mut rest = Some(s);
    std::iter::from_fn(move || {
        let r = rest?;
        match memchr::memchr(sep, r.as_bytes()) {
            Some(i) => {
                rest = Some(&r[i + 1..]);
                Some(&r[..i])
            }
            None => {
                rest = None;
                Some(r)
            }
        }
    })
}

/// The latest catalogue version, e.g. `4.20`.
pub fn latest_version() -> &'static str {
    CATALOG.versions.last().expect("catalog.tsv has versions").0
}

/// Every catalogue version with its release date (`YYYY-MM-DD`), oldest first.
pub fn versions() -> &'static [(&'static str, &'static str)] {
    &CATALOG.versions
}

/// Whether `version` is a catalogue version (`4.13`, `1.8.1`; written exactly so).
pub fn is_version(version: &str) -> bool {
    CATALOG.index.contains_key(version)
}

/// The catalogue version in force on `date` (an RFC 3339 date or date-time: its first 10 characters
/// are compared): the newest released on or before that day, or `None` before the first release.
pub fn version_at(date: &str) -> Option<&'static str> {
    let day = date.get(..10).unwrap_or(date);
    CATALOG
        .versions
        .iter()
        .rev()
        .find(|(_, released)| *released <= day)
        .map(|(v, _)| *v)
}

/// Parses `CWE-<number>` (the CSAF pattern `^CWE-[1-9]\d{0,5}$`) to its number.
pub fn parse_id(id: &str) -> Option<u32> {
    let digits = id.strip_prefix("CWE-")?;
    let ok = (1..=6).contains(&digits.len())
        && !digits.starts_with('0')
        && digits.bytes().all(|b| b.is_ascii_digit());
    ok.then(|| digits.parse().ok()).flatten()
}

fn history(id: &str) -> &'static [Weakness] {
    let catalog = &*CATALOG;
    parse_id(id)
        .and_then(|n| catalog.by_id.get(&n))
        .map_or(&[][..], |&(a, b)| &catalog.weaknesses[a..b])
}

/// Looks `id` (`CWE-79`) up in catalogue `version`, or in the latest one when `None`.
///
/// An id not of the form `CWE-<number>` is reported as never existing.
pub fn lookup(id: &str, version: Option<&str>) -> Lookup {
    let catalog = &*CATALOG;
    let history = history(id);
    let index = match version {
        Some(v) => catalog.index.get_key_value(v).map(|(&v, &i)| (v, i)),
        None => Some((latest_version(), catalog.versions.len() as u16 - 1)),
    };
    let entry = index.and_then(|(_, i)| history.iter().find(|w| w.first <= i && i <= w.last));
    Lookup {
        version: index.map(|(v, _)| v),
        entry,
        history,
    }
}

/// Compares two names exactly: a stray space or a changed letter is not the CWE's name (the reference
/// validators compare exactly too).
fn same_name(a: &str, b: &str) -> bool {
    a == b
}

/// The entry whose name `name` is for `id`: in catalogue `version` when given, else the newest run in
/// any version with that name (so the caller can tell which versions matched, and whether the name
/// is still the current one via [`Weakness::is_current`]). Whitespace runs and ends are ignored; case
/// is not.
pub fn match_name(id: &str, name: &str, version: Option<&str>) -> Option<&'static Weakness> {
    match version {
        Some(_) => lookup(id, version).entry.filter(|w| same_name(w.name, name)),
        None => history(id).iter().rev().find(|w| same_name(w.name, name)),
    }
}

/// Whether `name` is the name of `id` in catalogue `version`, or in any catalogue version when `None`
/// (the CSAF 2.0 reading; see the module docs). See [`match_name`] for which version matched.
pub fn name_matches(id: &str, name: &str, version: Option<&str>) -> bool {
    match_name(id, name, version).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::Value;
    use std::path::{Path, PathBuf};

    const XSS: &str = "Improper Neutralization of Input During Web Page Generation ('Cross-site Scripting')";

    #[test]
    fn versions_and_dates() {
        let vs = versions();
        assert_eq!(vs.first(), Some(&("1.0", "2008-09-09")));
        assert_eq!(latest_version(), "4.20");
        assert_eq!(vs.len(), 57);
        assert!(vs.iter().any(|&(v, d)| v == "4.13" && d == "2023-10-26"));
        assert!(vs.windows(2).all(|w| w[0].1 <= w[1].1), "release dates ascend");
        assert!(is_version("1.8.1") && is_version("4.19.1") && !is_version("4.13.0") && !is_version("v4.13"));
        assert_eq!(version_at("2023-11-01T00:00:00Z"), Some("4.13"));
        assert_eq!(version_at("2023-10-26"), Some("4.13"));
        assert_eq!(
            version_at("2017-11-08T10:00:00.000Z"),
            Some("3.0"),
            "2.12 and 3.0 share a day"
        );
        assert_eq!(version_at("2001-01-01"), None);
        assert_eq!(version_at("2099-01-01"), Some("4.20"));
    }

    #[test]
    fn ids() {
        assert_eq!(parse_id("CWE-79"), Some(79));
        assert_eq!(parse_id("CWE-1434"), Some(1434));
        for bad in [
            "CWE-079",
            "CWE-",
            "cwe-79",
            "79",
            "CWE-79 ",
            "CWE-1234567",
            "CWE-+7",
        ] {
            assert_eq!(parse_id(bad), None, "{bad}");
            assert!(!lookup(bad, None).exists_in_any_version(), "{bad}");
        }
    }

    #[test]
    fn lookup_latest_and_versions() {
        let l = lookup("CWE-79", None);
        assert_eq!((l.version(), l.name()), (Some("4.20"), Some(XSS)));
        assert_eq!(l.entry().unwrap().usage(), Some("Allowed"));
        assert_eq!(l.entry().unwrap().id(), "CWE-79");
        assert_eq!(l.history().len(), 7);
        let old = lookup("CWE-79", Some("1.0"));
        assert_eq!(
            old.name(),
            Some("Failure to Sanitize Directives in a Web Page (aka 'Cross-site scripting' (XSS))")
        );
        assert_eq!(old.entry().unwrap().usage(), None);
        // unknown version: the id still exists somewhere
        let unknown = lookup("CWE-79", Some("9.9"));
        assert!(
            !unknown.is_known_version() && !unknown.exists_in_version() && unknown.exists_in_any_version()
        );
        // removed in 2.12: exists in old versions only
        let removed = lookup("CWE-398", None);
        assert!(!removed.exists_in_version() && removed.exists_in_any_version());
        assert_eq!(removed.latest().unwrap().last_version(), "2.11");
        assert!(lookup("CWE-398", Some("2.11")).exists_in_version());
        // gap: CWE-61 is absent from 2.12 only
        assert!(lookup("CWE-61", Some("2.11")).exists_in_version());
        assert!(!lookup("CWE-61", Some("2.12")).exists_in_version());
        assert!(lookup("CWE-61", Some("3.0")).exists_in_version());
        // new in 4.18, from the name history
        assert!(lookup("CWE-1434", None).exists_in_version());
        assert!(!lookup("CWE-1434", Some("4.17")).exists_in_version());
        // categories and views are not weaknesses
        for id in ["CWE-19", "CWE-1008", "CWE-1000", "CWE-999999"] {
            assert!(!lookup(id, None).exists_in_any_version(), "{id}");
        }
    }

    #[test]
    fn names() {
        // the CSAF 2.0 spec example
        assert!(!name_matches("CWE-79", "Improper Input Validation", None));
        assert!(name_matches("CWE-79", XSS, None));
        // exact: a stray space is not the name
        assert!(!name_matches("CWE-79", &format!("{XSS} "), None));
        assert!(!name_matches("CWE-79", &XSS.to_lowercase(), None));
        assert!(name_matches("CWE-20", "Improper Input Validation", None));
        // an old name matches without version, with the range that matched
        let w = match_name(
            "CWE-79",
            "Failure to Preserve Web Page Structure ('Cross-site Scripting')",
            None,
        )
        .unwrap();
        assert_eq!(
            (w.first_version(), w.last_version(), w.is_current()),
            ("1.6", "1.8.1", false)
        );
        assert!(w.covers("1.7") && !w.covers("1.9"));
        assert!(match_name("CWE-79", XSS, None).unwrap().is_current());
        // trailing space in the 1.3 .. 4.19.1 name of CWE-600, fixed in 4.20: trimmed
        assert!(name_matches(
            "CWE-600",
            "Uncaught Exception in Servlet",
            Some("4.13")
        ));
        // versioned
        assert!(name_matches(
            "CWE-1192",
            "Improper Identifier for IP Block used in System-On-Chip (SOC)",
            Some("4.14")
        ));
        assert!(!name_matches(
            "CWE-1192",
            "Improper Identifier for IP Block used in System-On-Chip (SOC)",
            Some("4.13")
        ));
        assert!(!name_matches("CWE-79", XSS, Some("nope")));
        assert!(!name_matches("CWE-19", "Data Processing Errors", None));
    }

    #[test]
    fn deprecation_and_mapping_usage_per_version() {
        let entry = |id, v| lookup(id, Some(v)).entry().unwrap();
        // CWE-596 was deprecated in 3.1
        assert!(!entry("CWE-596", "3.0").is_deprecated());
        assert!(entry("CWE-596", "4.13").is_deprecated());
        assert_eq!(entry("CWE-596", "4.13").usage(), Some("Prohibited"));
        // the mapping usage exists from 4.12 on
        assert_eq!(entry("CWE-20", "4.11").usage(), None);
        assert_eq!(entry("CWE-20", "4.13").usage(), Some("Discouraged"));
        assert_eq!(entry("CWE-1023", "4.13").usage(), Some("Allowed-with-Review"));
        assert_eq!(entry("CWE-79", "4.13").usage(), Some("Allowed"));
        // the latest catalogue at the time of a revision
        assert_eq!(version_at("2024-01-21"), Some("4.13"));
        assert_eq!(version_at("2024-02-29"), Some("4.14"));
    }

    #[test]
    fn data_file_is_consistent() {
        let c = &*CATALOG;
        assert!(c.weaknesses.len() > 2000 && c.by_id.len() > 950);
        for w in &c.weaknesses {
            assert!(
                w.first <= w.last && !w.name.is_empty() && w.name.trim() == w.name,
                "{w:?}"
            );
        }
        for pair in c.weaknesses.windows(2) {
            if pair[0].id == pair[1].id {
                assert!(pair[0].last < pair[1].first, "runs overlap: {pair:?}");
            } else {
                assert!(pair[0].id < pair[1].id, "not sorted: {pair:?}");
            }
        }
    }

    fn spec_dir() -> Option<PathBuf> {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/spec");
        if dir.is_dir() {
            Some(dir)
        } else {
            eprintln!("skipped: {} not found", dir.display());
            None
        }
    }

    /// The OASIS test files of 6.1.11 agree with testcases.json: a document is invalid iff one of its
    /// CWEs is unknown or misnamed (2.0: in any version; 2.1: in the given version).
    #[test]
    fn oasis_6_1_11() {
        let Some(spec) = spec_dir() else { return };
        let mut checked = 0;
        for (csaf, key) in [("2.0", "cwe"), ("2.1", "cwes")] {
            let dir = spec.join(format!("csaf_{csaf}/test/validator/data"));
            let manifest: Value =
                serde_json::from_slice(&std::fs::read(dir.join("testcases.json")).unwrap()).unwrap();
            let test = manifest["tests"]
                .as_array()
                .unwrap()
                .iter()
                .find(|t| t["id"] == "6.1.11")
                .unwrap();
            for (list, expect_valid) in [("failures", false), ("valid", true)] {
                for file in test[list].as_array().into_iter().flatten() {
                    let name = file["name"].as_str().unwrap();
                    let doc: Value = serde_json::from_slice(&std::fs::read(dir.join(name)).unwrap()).unwrap();
                    let mut valid = true;
                    for vuln in doc["vulnerabilities"].as_array().into_iter().flatten() {
                        let cwes = match &vuln[key] {
                            Value::Array(a) => a.clone(),
                            Value::Null => vec![],
                            one => vec![one.clone()],
                        };
                        for cwe in cwes {
                            let (id, nm) = (cwe["id"].as_str().unwrap(), cwe["name"].as_str().unwrap());
                            valid &= name_matches(id, nm, cwe["version"].as_str());
                        }
                    }
                    assert_eq!(valid, expect_valid, "{csaf} {name}");
                    checked += 1;
                }
            }
        }
        assert_eq!(checked, 15);
    }

    /// The real advisories of the shared corpus: every CWE id exists and every name matches in some
    /// version, except one vendor's that gives CWE-1395's description as its name (a true finding).
    /// (Checking names against the catalogue in force at `current_release_date` instead would flag 14
    /// more, all right in an older catalogue.)
    #[test]
    fn corpus() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/csaf");
        if !dir.is_dir() {
            eprintln!("skipped: {} not found", dir.display());
            return;
        }
        let (mut seen, mut bad) = (0, Vec::new());
        for entry in walkdir::WalkDir::new(&dir).into_iter().filter_map(Result::ok) {
            if entry.path().extension().is_none_or(|e| e != "json") {
                continue;
            }
            let Ok(doc) = serde_json::from_slice::<Value>(&std::fs::read(entry.path()).unwrap()) else {
                continue;
            };
            for vuln in doc["vulnerabilities"].as_array().into_iter().flatten() {
                let cwes = match (&vuln["cwe"], &vuln["cwes"]) {
                    (Value::Object(_), _) => vec![vuln["cwe"].clone()],
                    (_, Value::Array(a)) => a.clone(),
                    _ => vec![],
                };
                for cwe in cwes {
                    let (Some(id), Some(nm)) = (cwe["id"].as_str(), cwe["name"].as_str()) else {
                        continue;
                    };
                    seen += 1;
                    assert!(
                        lookup(id, None).exists_in_any_version(),
                        "{}: {id}",
                        entry.path().display()
                    );
                    if !name_matches(id, nm, cwe["version"].as_str()) {
                        bad.push((id.to_owned(), nm.to_owned()));
                    }
                }
            }
        }
        assert!(seen > 1000, "{seen}");
        for (id, nm) in bad {
            // Known publisher errors: Fortinet uses CWE-1395's description as its name; CISA's
            // icsa-21-259-01 ends the name of CWE-280 with a space.
            assert!(
                (id == "CWE-1395" && nm.starts_with("The product has a dependency"))
                    || (id == "CWE-280" && nm.ends_with(' ')),
                "{id} {nm:?}"
            );
        }
    }

    /// Every CWE in the OASIS documents that no 6.1.11 case expects to fail is known and well named.
    #[test]
    fn oasis_valid_documents() {
        let Some(spec) = spec_dir() else { return };
        let mut seen = 0;
        for csaf in ["2.0", "2.1"] {
            let dir = spec.join(format!("csaf_{csaf}"));
            for entry in walkdir::WalkDir::new(&dir).into_iter().filter_map(Result::ok) {
                let path = entry.path();
                let name = path.file_name().unwrap().to_string_lossy();
                if path.extension().is_none_or(|e| e != "json") || name.contains("-6-1-11-0") {
                    continue;
                }
                let Ok(doc) = serde_json::from_slice::<Value>(&std::fs::read(path).unwrap()) else {
                    continue;
                };
                for vuln in doc["vulnerabilities"].as_array().into_iter().flatten() {
                    let cwes = match (&vuln["cwe"], &vuln["cwes"]) {
                        (Value::Object(_), _) => vec![vuln["cwe"].clone()],
                        (_, Value::Array(a)) => a.clone(),
                        _ => vec![],
                    };
                    for cwe in cwes {
                        let (Some(id), Some(nm)) = (cwe["id"].as_str(), cwe["name"].as_str()) else {
                            continue;
                        };
                        seen += 1;
                        let version = cwe["version"].as_str();
                        assert!(
                            name_matches(id, nm, version),
                            "{}: {id} {nm:?} {version:?}",
                            path.display()
                        );
                    }
                }
            }
        }
        assert!(seen > 50, "{seen}");
    }
}
