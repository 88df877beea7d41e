//! Small pure helpers of the converter: which CVRF elements and attributes it maps, CPE syntax,
//! dates, version order, and guesses from free text.

use chrono::{DateTime, SecondsFormat};
use serde_json::Value;
use std::cmp::Ordering;
use std::sync::LazyLock;

/// Whether the converter maps the child element `child` of `parent` (local names) somewhere. The
/// CVRF 1.1 and 1.2 schemas share this structure; elements outside it (vendor extensions such as
/// Microsoft's `Remediation/SubType`, or elements in foreign namespaces) are reported as dropped.
pub(super) fn known_child(parent: &str, child: &str) -> bool {
    let children: &[&str] = match parent {
        "cvrfdoc" => &[
            "DocumentTitle",
            "DocumentType",
            "DocumentPublisher",
            "DocumentTracking",
            "DocumentNotes",
            "DocumentDistribution",
            "AggregateSeverity",
            "DocumentReferences",
            "Acknowledgments",
            "ProductTree",
            "Vulnerability",
        ],
        "DocumentPublisher" => &["ContactDetails", "IssuingAuthority"],
        "DocumentTracking" => &[
            "Identification",
            "Status",
            "Version",
            "RevisionHistory",
            "InitialReleaseDate",
            "CurrentReleaseDate",
            "Generator",
        ],
        "Identification" => &["ID", "Alias"],
        "RevisionHistory" => &["Revision"],
        "Revision" => &["Number", "Date", "Description"],
        "Generator" => &["Engine", "Date"],
        "DocumentNotes" | "Notes" => &["Note"],
        "DocumentReferences" | "References" => &["Reference"],
        "Reference" => &["URL", "Description"],
        "Acknowledgments" => &["Acknowledgment"],
        "Acknowledgment" => &["Name", "Organization", "Description", "URL"],
        "ProductTree" => &["Branch", "FullProductName", "Relationship", "ProductGroups"],
        "Branch" => &["Branch", "FullProductName"],
        "Relationship" => &["FullProductName"],
        "ProductGroups" => &["Group"],
        "Group" => &["Description", "ProductID"],
        "Vulnerability" => &[
            "Title",
            "ID",
            "Notes",
            "DiscoveryDate",
            "ReleaseDate",
            "Involvements",
            "CVE",
            "CWE",
            "ProductStatuses",
            "Threats",
            "CVSSScoreSets",
            "Remediations",
            "References",
            "Acknowledgments",
        ],
        "Involvements" => &["Involvement"],
        "Involvement" => &["Description"],
        "ProductStatuses" => &["Status"],
        "Status" => &["ProductID"],
        "Threats" => &["Threat"],
        "Threat" => &["Description", "ProductID", "GroupID"],
        "CVSSScoreSets" => &["ScoreSet", "ScoreSetV2", "ScoreSetV3"],
        "ScoreSet" => &[
            "BaseScore",
            "TemporalScore",
            "EnvironmentalScore",
            "Vector",
            "ProductID",
        ],
        "ScoreSetV2" => &[
            "BaseScoreV2",
            "TemporalScoreV2",
            "EnvironmentalScoreV2",
            "VectorV2",
            "ProductID",
        ],
        "ScoreSetV3" => &[
            "BaseScoreV3",
            "TemporalScoreV3",
            "EnvironmentalScoreV3",
            "VectorV3",
            "ProductID",
        ],
        "Remediations" => &["Remediation"],
        "Remediation" => &["Description", "Entitlement", "URL", "ProductID", "GroupID"],
        _ => &[],
    };
    children.contains(&child)
}

/// Whether the front end reads every occurrence of `child` in `parent` (a list, or a container whose
/// items are all collected) although the schema allows only one; such repeats are not dropped.
pub(super) fn all_read(child: &str) -> bool {
    matches!(
        child,
        "DocumentNotes"
            | "Notes"
            | "DocumentReferences"
            | "References"
            | "Acknowledgments"
            | "Involvements"
            | "Threats"
            | "Remediations"
            | "ProductStatuses"
            | "RevisionHistory"
            | "ProductGroups"
            | "CVSSScoreSets"
            | "ID"
            | "ProductTree"
    )
}

/// Whether the converter maps attribute `attr` (as written) of element `el`. `xml:lang` is read
/// everywhere (for `/document/lang`); other prefixed attributes (`xsi:schemaLocation`, …) are
/// markup, not content.
pub(super) fn known_attr(el: &str, attr: &str) -> bool {
    if attr.contains(':') {
        return true;
    }
    let attrs: &[&str] = match el {
        "DocumentPublisher" => &["Type"],
        "Note" => &["Type", "Ordinal", "Title", "Audience"],
        "Reference" => &["Type"],
        "Branch" => &["Type", "Name"],
        "FullProductName" => &["ProductID", "CPE"],
        "Relationship" => &["ProductReference", "RelationType", "RelatesToProductReference"],
        "Group" => &["GroupID"],
        "Vulnerability" => &["Ordinal"],
        "ID" => &["SystemName"],
        "Involvement" => &["Party", "Status"],
        "CWE" => &["ID"],
        "Status" => &["Type"],
        "Threat" => &["Type", "Date"],
        "Remediation" => &["Type", "Date"],
        "AggregateSeverity" => &["Namespace"],
        _ => &[],
    };
    attrs.contains(&attr)
}

/// The CPE pattern of the CSAF 2.0 schema (`product_identification_helper/cpe`), compiled once.
static CPE: LazyLock<jsonschema::Validator> = LazyLock::new(|| {
    let schema: Value = serde_json::from_str(include_str!("../../schemas/csaf_2.0/csaf_json_schema.json"))
        .expect("the embedded CSAF 2.0 schema is JSON");
    let cpe = schema
        .pointer("/$defs/full_product_name_t/properties/product_identification_helper/properties/cpe")
        .cloned()
        .expect("the CSAF 2.0 schema defines `cpe`");
    jsonschema::validator_for(&cpe).expect("the CPE schema compiles")
});

/// Whether `cpe` is a CPE 2.2 URI or 2.3 formatted string as the CSAF 2.0 schema accepts it.
pub(super) fn cpe_is_valid(cpe: &str) -> bool {
    CPE.is_valid(&Value::String(cpe.to_owned()))
}

/// The `uri` format of the CSAF schema (RFC 3986 absolute URI), checked as the schema validation does.
static URI: LazyLock<jsonschema::Validator> = LazyLock::new(|| {
    jsonschema::options()
        .should_validate_formats(true)
        .build(&serde_json::json!({ "type": "string", "format": "uri" }))
        .expect("the URI schema compiles")
});

/// Whether `url` is an absolute URI as the CSAF schema's `format: uri` wants it.
pub(super) fn uri_is_valid(url: &str) -> bool {
    URI.is_valid(&Value::String(url.to_owned()))
}

/// A URI for text that is not one: the `href` of an HTML link written as text (Fortinet writes
/// `<a href="…">…</a>` in `URL`), else the first `http(s)://` token; `None` when neither is a URI.
pub(super) fn repair_uri(text: &str) -> Option<String> {
    let lower = text.to_ascii_lowercase();
    if let Some(i) = lower.find("href=") {
        let rest = &text[i + 5..];
        if let Some(q) = rest.chars().next().filter(|c| *c == '"' || *c == '\'') {
            if let Some(end) = rest[1..].find(q) {
                let href = rest[1..1 + end].trim();
                if uri_is_valid(href) {
                    return Some(href.to_owned());
                }
            }
        }
    }
    let start = [lower.find("https://"), lower.find("http://")]
        .into_iter()
        .flatten()
        .min()?;
    let token: String = text[start..]
        .chars()
        .take_while(|c| !c.is_whitespace() && !matches!(c, '"' | '\'' | '<' | '>'))
        .collect();
    uri_is_valid(&token).then_some(token)
}

/// How a CVRF date becomes a CSAF `date-time`.
pub(super) enum DateOut {
    /// Already RFC 3339 with a time zone: kept as written.
    Kept(String),
    /// A date or date-time without time zone, read as UTC (`Z` added).
    AssumedUtc(String),
    /// Not a date.
    Invalid,
}

/// Converts a CVRF date (`xs:dateTime`, whose time zone is optional) to RFC 3339.
pub(super) fn date(ts: &crate::model::Timestamp) -> DateOut {
    let raw = ts.raw.trim();
    let rfc3339 = matches!(raw.as_bytes().get(10), Some(b'T'))
        && DateTime::parse_from_rfc3339(raw).is_ok()
        && raw.get(17..19).is_some_and(|s| s != "60");
    if rfc3339 {
        return DateOut::Kept(raw.to_owned());
    }
    match ts.value {
        Some(v) => DateOut::AssumedUtc(v.to_rfc3339_opts(SecondsFormat::AutoSi, true)),
        None => DateOut::Invalid,
    }
}

/// Compares two CVRF version numbers (`nn` to `nn.nn.nn.nn`) numerically, component by component,
/// missing components counting as `0`; text that is not such a number sorts after every number,
/// by its characters.
pub(super) fn cvrf_version_cmp(a: &str, b: &str) -> Ordering {
    fn parts(s: &str) -> Option<Vec<u64>> {
        s.split('.').map(|p| p.parse::<u64>().ok()).collect()
    }
    match (parts(a), parts(b)) {
        (Some(x), Some(y)) => {
            let n = x.len().max(y.len());
            (0..n)
                .map(|i| {
                    x.get(i)
                        .copied()
                        .unwrap_or(0)
                        .cmp(&y.get(i).copied().unwrap_or(0))
                })
                .find(|o| o.is_ne())
                .unwrap_or(Ordering::Equal)
        }
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => a.cmp(b),
    }
}

/// `scheme://host` of the first `http(s)://` URL in `text`.
pub(super) fn first_url_origin(text: &str) -> Option<String> {
    let lower = text.to_ascii_lowercase();
    let start = [lower.find("https://"), lower.find("http://")]
        .into_iter()
        .flatten()
        .min()?;
    origin(&text[start..])
}

/// `scheme://host` of a URL (`None` unless the host has a dot).
pub(super) fn origin(url: &str) -> Option<String> {
    let url = url.trim();
    let (scheme, rest) = url.split_once("://")?;
    let scheme = scheme.to_ascii_lowercase();
    if scheme != "https" && scheme != "http" {
        return None;
    }
    let host: String = rest
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-'))
        .collect();
    let host = host.trim_end_matches('.').to_ascii_lowercase();
    (host.contains('.') && !host.starts_with('.')).then(|| format!("{scheme}://{host}"))
}

/// The domain of the first e-mail address in `text`.
pub(super) fn first_email_domain(text: &str) -> Option<String> {
    let at = text.find('@')?;
    let local_ok = text[..at]
        .chars()
        .next_back()
        .is_some_and(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-' | '+'));
    let domain: String = text[at + 1..]
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-'))
        .collect();
    let domain = domain.trim_end_matches('.').to_ascii_lowercase();
    (local_ok && domain.contains('.') && !domain.starts_with('.')).then_some(domain)
}

/// Whether free text looks like a name (of a team or company) rather than a sentence: one line, at
/// most 60 characters and 8 words, no URL or e-mail address, not ending with a period.
pub(super) fn looks_like_name(text: &str) -> bool {
    let t = text.trim();
    !t.is_empty()
        && t.chars().count() <= 60
        && t.split_whitespace().count() <= 8
        && !t.contains(['\n', '\r', '@'])
        && !t.contains("://")
        && !t.ends_with('.')
}

/// The CVSS v3 qualitative severity of a base score (CVSS v3.0/v3.1 specification, section 5).
pub(super) fn v3_severity(score: f64) -> Option<&'static str> {
    Some(match score {
        0.0 => "NONE",
        s if (0.1..4.0).contains(&s) => "LOW",
        s if (4.0..7.0).contains(&s) => "MEDIUM",
        s if (7.0..9.0).contains(&s) => "HIGH",
        s if (9.0..=10.0).contains(&s) => "CRITICAL",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cpes() {
        assert!(cpe_is_valid("cpe:/a:redhat:openshift:4.7::el8"));
        assert!(cpe_is_valid(
            "cpe:2.3:a:microsoft:internet_explorer:8.0.6001:beta:*:*:*:*:*:*"
        ));
        assert!(!cpe_is_valid("cpe:/a:vendor:product name with spaces"));
        assert!(!cpe_is_valid("Cisco IOS 15.2"));
    }

    #[test]
    fn dates() {
        use crate::model::Timestamp;
        let out = |s: &str| match date(&Timestamp::parse(s)) {
            DateOut::Kept(s) => format!("kept {s}"),
            DateOut::AssumedUtc(s) => format!("utc {s}"),
            DateOut::Invalid => "invalid".into(),
        };
        assert_eq!(out("2017-03-01T14:58:48Z"), "kept 2017-03-01T14:58:48Z");
        assert_eq!(
            out(" 2017-03-01T14:58:48-07:00 "),
            "kept 2017-03-01T14:58:48-07:00"
        );
        assert_eq!(out("2017-03-01T14:58:48"), "utc 2017-03-01T14:58:48Z");
        assert_eq!(out("2017-03-01"), "utc 2017-03-01T00:00:00Z");
        assert_eq!(out("2017-03-01 14:58:48Z"), "utc 2017-03-01T14:58:48Z");
        assert_eq!(out("yesterday"), "invalid");
    }

    #[test]
    fn uris() {
        assert!(uri_is_valid("https://example.com/a?b=c"));
        assert!(!uri_is_valid("example.com"));
        assert_eq!(
            repair_uri("<a href=\"http://archives.example.org/x.html\">Archive</a>"),
            Some("http://archives.example.org/x.html".into())
        );
        assert_eq!(
            repair_uri("see https://example.com/x for more"),
            Some("https://example.com/x".into())
        );
        assert_eq!(repair_uri("fortiguard.com/psirt"), None);
    }

    #[test]
    fn versions() {
        assert_eq!(cvrf_version_cmp("1.10", "1.9"), Ordering::Greater);
        assert_eq!(cvrf_version_cmp("1", "1.0"), Ordering::Equal);
        assert_eq!(cvrf_version_cmp("2", "x"), Ordering::Less);
    }

    #[test]
    fn guesses() {
        assert_eq!(
            first_url_origin("Website: https://fortiguard.fortinet.com/faq/psirt-contact"),
            Some("https://fortiguard.fortinet.com".into())
        );
        assert_eq!(
            first_email_domain("secalert@redhat.com"),
            Some("redhat.com".into())
        );
        assert_eq!(
            first_email_domain("mail psirt@cisco.com."),
            Some("cisco.com".into())
        );
        assert_eq!(first_email_domain("@home"), None);
        assert!(looks_like_name("Red Hat Product Security"));
        assert!(!looks_like_name(
            "The Microsoft Security Response Center (MSRC) identifies, monitors, resolves, and responds."
        ));
    }
}
