//! Package URLs for test 6.1.13 (PURL): "It MUST be tested that given PURL is valid" — for each
//! `product_identification_helper/purl` (CSAF 2.0) or each item of `purls` (CSAF 2.1).
//!
//! Validity is that of the purl-spec, as implemented by the `packageurl` crate (which runs the
//! purl-spec test suite): the scheme `pkg:`, a type of ASCII letters, digits, `.`, `+` and `-` not
//! starting with a digit, a non-empty name, well-formed qualifier keys and subpath segments,
//! percent-encoding that decodes to UTF-8, and the per-type rules of the purl-spec type definitions
//! (e.g. `pkg:oci` takes no namespace, `pkg:swift` requires one). On top of the crate, a qualifier key
//! may appear only once ("Each key must be unique within the keys of the qualifiers string").
//! Unknown types are accepted, as the spec allows.
//!
//! ```
//! use csaflint::purl;
//! assert!(purl::check("pkg:rpm/redhat/openssl@3.0.7-27.el9?arch=x86_64").is_ok());
//! assert_eq!(purl::check("pkg:maven/@1.3.4").unwrap_err(), "the name is missing");
//! ```

use packageurl::{Error, PackageUrl};
use std::str::FromStr;

/// Checks that `purl` is a valid package URL (see the module docs). The error is a lowercase reason,
/// with the offending part in backticks, that does not repeat the purl itself: e.g. ``"type `pkg`
/// requires a namespace"`` or `"the name is missing"`.
pub fn check(purl: &str) -> Result<(), String> {
    if purl.is_empty() {
        return Err("the purl is empty".to_owned());
    }
    if let Err(e) = PackageUrl::from_str(purl) {
        return Err(message(purl, e));
    }
    duplicate_qualifier(purl)
}

/// Whether `purl` is a valid package URL; see [`check`].
pub fn is_valid(purl: &str) -> bool {
    check(purl).is_ok()
}

fn message(purl: &str, e: Error) -> String {
    match e {
        Error::MissingScheme => "the scheme `pkg:` is missing".to_owned(),
        Error::InvalidScheme(s) => format!("the scheme is `{s}`, not `pkg`"),
        Error::MissingType => "the type is missing".to_owned(),
        Error::InvalidType(t) if t.is_empty() => "the type is missing".to_owned(),
        Error::InvalidType(t) if t.starts_with(|c: char| c.is_ascii_digit()) => {
            format!("type `{t}` starts with a digit")
        }
        Error::InvalidType(t) => {
            format!("type `{t}` has characters other than ASCII letters, digits, `.`, `+` and `-`")
        }
        Error::MissingName => "the name is missing".to_owned(),
        Error::InvalidKey(k) => format!(
            "qualifier key `{k}` is not ASCII letters, digits, `.`, `-` and `_` (not starting with a digit)"
        ),
        Error::TypeProhibitsNamespace(t) => format!("type `{t}` does not allow a namespace"),
        Error::TypeRequiresNamespace(t) => format!("type `{t}` requires a namespace"),
        Error::MissingRequiredQualifier(t, q) => format!("type `{t}` requires the qualifier `{q}`"),
        Error::InvalidName(t, n) => format!("`{n}` is not a valid name for type `{t}`"),
        Error::InvalidVersion(t, v) => format!("`{v}` is not a valid version for type `{t}`"),
        Error::InvalidNamespaceComponent(c) => format!("namespace segment `{c}` is invalid"),
        Error::InvalidSubpathSegment(s) => format!("subpath segment `{s}` is invalid"),
        Error::DecodingError(_) => "a percent-encoded part does not decode to UTF-8".to_owned(),
        other => {
            let text = other.to_string();
            let mut chars = text.chars();
            let first = chars
                .next()
                .map(|c| c.to_lowercase().to_string())
                .unwrap_or_default();
            format!("{first}{} (in `{purl}`)", chars.as_str())
        }
    }
}

/// The purl-spec requires qualifier keys to be unique (case-insensitively, as keys are lowercased);
/// `packageurl` keeps the last one silently.
fn duplicate_qualifier(purl: &str) -> Result<(), String> {
    let without_subpath = purl.rsplit_once('#').map_or(purl, |(head, _)| head);
    let Some((_, qualifiers)) = without_subpath.rsplit_once('?') else {
        return Ok(());
    };
    let mut seen: Vec<String> = Vec::new();
    for pair in qualifiers.split('&') {
        let Some((key, value)) = pair.split_once('=') else {
            continue;
        };
        if value.is_empty() {
            continue; // an empty value is the same as no pair at all
        }
        let key = key.to_ascii_lowercase();
        if seen.contains(&key) {
            return Err(format!("qualifier key `{key}` appears twice"));
        }
        seen.push(key);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::Value;
    use std::path::Path;

    #[test]
    fn valid() {
        for purl in [
            "pkg:maven/org.apache.logging.log4j/log4j-core@2.17.1",
            "pkg:maven/com.example/product-A",
            "pkg:npm/%40angular/animation@12.3.1",
            "pkg:npm/@babel/core@7.0.0",
            "pkg:pypi/django@1.11.1",
            "pkg:rpm/redhat/openssl@3.0.7-27.el9?arch=x86_64&distro=rhel-9.2",
            "pkg:rpm/suse/kernel-default@5.14.21-150400.24.46.1?arch=x86_64&distro=sles-15",
            "pkg:deb/debian/curl@7.50.3-1?arch=i386&distro=jessie",
            "pkg:oci/product-A@sha256%3Add134261219b2?repository_url=https://registry.example.com",
            "pkg:oci/ubi9@sha256:0123abcd?arch=amd64&repository_url=registry.redhat.io/ubi9&tag=9.2",
            "pkg:golang/github.com/gorilla/context@234fd47e07d1004f0aed9c#api",
            "pkg:github/package-url/purl-spec@244fd47e07d1004#everybody/loves/dogs",
            "pkg:generic/openssl@1.1.10g?download_url=https://openssl.org/source/openssl-1.1.0g.tar.gz",
            "pkg://maven/org.apache/commons-io",
            "pkg:unknowntype/whatever",
            "pkg:rpm/redhat/foo@1?arch=x86_64&arch=",
        ] {
            assert_eq!(check(purl), Ok(()), "{purl}");
        }
    }

    #[test]
    fn invalid() {
        for (purl, reason) in [
            ("", "the purl is empty"),
            ("pkg:maven/@1.3.4", "the name is missing"),
            ("pkg:maven/org.apache/", "the name is missing"),
            ("maven/org.apache/commons-io", "the scheme `pkg:` is missing"),
            ("http:maven/org.apache/commons-io", "the scheme is `http`, not `pkg`"),
            ("PKG:maven/org.apache/commons-io", "the scheme is `PKG`, not `pkg`"),
            ("pkg:commons-io", "the type is missing"),
            ("pkg:/commons-io", "the type is missing"),
            ("pkg:ma ven/commons-io", "type `ma ven` has characters other than ASCII letters, digits, `.`, `+` and `-`"),
            ("pkg:ma_ven/commons-io", "type `ma_ven` has characters other than ASCII letters, digits, `.`, `+` and `-`"),
            ("pkg:7z/commons-io", "type `7z` starts with a digit"),
            ("pkg:oci/com.example/product-A@sha256%3Add134261219b2", "type `oci` does not allow a namespace"),
            ("pkg:swift/Alamofire@5.4.3", "type `swift` requires a namespace"),
            ("pkg:julia/Example@0.5.4", "type `julia` requires the qualifier `uuid`"),
            ("pkg:rpm/redhat/foo@1?arch=x86_64&ARCH=noarch", "qualifier key `arch` appears twice"),
            (
                "pkg:rpm/redhat/foo@1?a%20b=c",
                "qualifier key `a%20b` is not ASCII letters, digits, `.`, `-` and `_` (not starting with a digit)",
            ),
            ("pkg:rpm/redhat/foo@1?1arch=x", "qualifier key `1arch` is not ASCII letters, digits, `.`, `-` and `_` (not starting with a digit)"),
            ("pkg:maven/org%FF/x", "a percent-encoded part does not decode to UTF-8"),
        ] {
            assert_eq!(check(purl), Err(reason.to_owned()), "{purl}");
            assert!(!is_valid(purl));
        }
    }

    /// The OASIS 6.1.13 files agree with testcases.json, and every purl in the other OASIS documents
    /// is valid.
    #[test]
    fn oasis_documents() {
        let spec = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/spec");
        if !spec.is_dir() {
            eprintln!("skipped: {} not found", spec.display());
            return;
        }
        let mut cases = 0;
        for csaf in ["2.0", "2.1"] {
            let dir = spec.join(format!("csaf_{csaf}/test/validator/data"));
            let manifest: Value =
                serde_json::from_slice(&std::fs::read(dir.join("testcases.json")).unwrap()).unwrap();
            let test = manifest["tests"]
                .as_array()
                .unwrap()
                .iter()
                .find(|t| t["id"] == "6.1.13")
                .unwrap();
            for (list, expect_valid) in [("failures", false), ("valid", true)] {
                for file in test[list].as_array().into_iter().flatten() {
                    let name = file["name"].as_str().unwrap();
                    let doc: Value = serde_json::from_slice(&std::fs::read(dir.join(name)).unwrap()).unwrap();
                    let purls = collect(&doc);
                    assert!(!purls.is_empty(), "{name}");
                    let valid = purls.iter().all(|p| is_valid(p));
                    assert_eq!(valid, expect_valid, "{csaf} {name}: {purls:?}");
                    cases += 1;
                }
            }
        }
        assert_eq!(cases, 5);
        let mut others = 0;
        for entry in walkdir::WalkDir::new(&spec).into_iter().filter_map(Result::ok) {
            let path = entry.path();
            let name = path.file_name().unwrap().to_string_lossy();
            if path.extension().is_none_or(|e| e != "json") || name.contains("-6-1-13-0") {
                continue;
            }
            let Ok(doc) = serde_json::from_slice::<Value>(&std::fs::read(path).unwrap()) else {
                continue;
            };
            for purl in collect(&doc) {
                assert_eq!(check(&purl), Ok(()), "{}: {purl}", path.display());
                others += 1;
            }
        }
        assert!(others > 10, "{others}");
    }

    /// The real purls of the shared corpus (Red Hat, SUSE, Rocky, …) are all valid.
    #[test]
    fn corpus() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/csaf");
        if !dir.is_dir() {
            eprintln!("skipped: {} not found", dir.display());
            return;
        }
        let mut seen = std::collections::HashSet::new();
        let mut bad = Vec::new();
        for entry in walkdir::WalkDir::new(&dir).into_iter().filter_map(Result::ok) {
            if entry.path().extension().is_none_or(|e| e != "json") {
                continue;
            }
            let Ok(doc) = serde_json::from_slice::<Value>(&std::fs::read(entry.path()).unwrap()) else {
                continue;
            };
            for purl in collect(&doc) {
                if seen.insert(purl.clone()) {
                    if let Err(e) = check(&purl) {
                        bad.push(format!("{}: {purl}: {e}", entry.path().display()));
                    }
                }
            }
        }
        eprintln!("{} distinct purls, {} invalid", seen.len(), bad.len());
        for b in &bad {
            eprintln!("{b}");
        }
        assert!(seen.len() > 1000 && bad.is_empty());
    }

    /// Every `purl` string and `purls` item anywhere in `v`.
    fn collect(v: &Value) -> Vec<String> {
        let mut out = Vec::new();
        let mut stack = vec![v];
        while let Some(v) = stack.pop() {
            match v {
                Value::Object(map) => {
                    for (k, child) in map {
                        match (k.as_str(), child) {
                            ("purl", Value::String(s)) => out.push(s.clone()),
                            ("purls", Value::Array(items)) => {
                                out.extend(items.iter().filter_map(|i| i.as_str().map(str::to_owned)))
                            }
                            _ => stack.push(child),
                        }
                    }
                }
                Value::Array(items) => stack.extend(items),
                _ => {}
            }
        }
        out
    }
}
