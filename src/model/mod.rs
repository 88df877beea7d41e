//! The one typed advisory model.
//!
//! Both front ends fill it: [`crate::parse::csaf`] from CSAF 2.0/2.1 JSON and the CVRF front end from
//! CVRF 1.1/1.2 XML. Names follow what things mean, not the JSON keys of one version. Every list is
//! a `Vec` (empty when absent), every optional value an `Option`, and every enumeration keeps values it
//! does not know as `Other(String)` so that rules, not the parser, report them.
//!
//! The model carries no source positions: rules report JSON pointers in the CSAF layout of the
//! document's version (see [`Advisory::version`]), and each front end maps those back to the source.

mod document;
mod enums;
mod product_tree;
mod vulnerability;

pub use document::*;
pub use enums::*;
pub use product_tree::*;
pub use vulnerability::*;

use chrono::{DateTime, FixedOffset};

/// Which format and version a document is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Version {
    /// CSAF 2.0 JSON (OASIS Standard).
    Csaf20,
    /// CSAF 2.1 JSON (Committee Specification Draft 03).
    Csaf21,
    /// CVRF 1.1 XML (ICASI).
    Cvrf11,
    /// CVRF 1.2 XML (OASIS).
    Cvrf12,
}

impl Version {
    /// `csaf` or `cvrf`.
    pub fn format(self) -> &'static str {
        match self {
            Version::Csaf20 | Version::Csaf21 => "csaf",
            Version::Cvrf11 | Version::Cvrf12 => "cvrf",
        }
    }

    /// `2.0`, `2.1`, `1.1` or `1.2`.
    pub fn number(self) -> &'static str {
        match self {
            Version::Csaf20 => "2.0",
            Version::Csaf21 => "2.1",
            Version::Cvrf11 => "1.1",
            Version::Cvrf12 => "1.2",
        }
    }

    /// Whether the CSAF 2.1 semantics of a shared test apply (CVRF documents follow 2.0).
    pub fn is_csaf21(self) -> bool {
        self == Version::Csaf21
    }

    /// Whether the document is CVRF XML.
    pub fn is_cvrf(self) -> bool {
        matches!(self, Version::Cvrf11 | Version::Cvrf12)
    }
}

/// A whole advisory: document metadata, product tree and vulnerabilities.
#[derive(Debug, Clone, PartialEq)]
pub struct Advisory {
    /// Format and version the document was read as.
    pub version: Version,
    /// `/document`: metadata about the advisory itself.
    pub document: Document,
    /// `/product_tree`, when present.
    pub product_tree: Option<ProductTree>,
    /// `/vulnerabilities`.
    pub vulnerabilities: Vec<Vulnerability>,
}

impl Advisory {
    /// Whether the release checks (`CL1xx`) apply (contract §5): every CSAF document whose category is
    /// not `csaf_vex` or `csaf_informational_advisory`, and every CVRF document.
    pub fn is_release_target(&self) -> bool {
        self.version.is_cvrf() || self.document.is_advisory()
    }
}

/// A date as written, with its parsed value when it is a valid date-time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Timestamp {
    /// The text of the document.
    pub raw: String,
    /// The parsed value: RFC 3339 date-time, or a date or date-time without offset read as UTC
    /// (CVRF allows those). `None` when it is not a date at all.
    pub value: Option<DateTime<FixedOffset>>,
}

impl Timestamp {
    /// Parses `raw` leniently; see [`Timestamp::value`].
    pub fn parse(raw: &str) -> Timestamp {
        Timestamp {
            raw: raw.to_owned(),
            value: parse_datetime(raw),
        }
    }
}

fn parse_datetime(raw: &str) -> Option<DateTime<FixedOffset>> {
    use chrono::{NaiveDate, NaiveDateTime, TimeZone};
    let s = raw.trim();
    if let Ok(d) = DateTime::parse_from_rfc3339(s) {
        return Some(d);
    }
    let utc = FixedOffset::east_opt(0)?;
    for fmt in ["%Y-%m-%dT%H:%M:%S%.f", "%Y-%m-%dT%H:%M"] {
        if let Ok(n) = NaiveDateTime::parse_from_str(s, fmt) {
            return Some(utc.from_utc_datetime(&n));
        }
    }
    for fmt in ["%Y-%m-%dT%H:%M:%S%.f%:z", "%Y-%m-%dT%H:%M:%S%.f%z"] {
        if let Ok(d) = DateTime::parse_from_str(s, fmt) {
            return Some(d);
        }
    }
    if let Ok(d) = NaiveDate::parse_from_str(s, "%Y-%m-%d") {
        return Some(utc.from_utc_datetime(&d.and_hms_opt(0, 0, 0)?));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamps_parse_leniently() {
        assert!(Timestamp::parse("2024-01-02T03:04:05Z").value.is_some());
        assert!(Timestamp::parse("2024-01-02T03:04:05.123+02:00").value.is_some());
        assert!(Timestamp::parse("2024-01-02T03:04:05").value.is_some());
        assert!(Timestamp::parse("2024-01-02").value.is_some());
        assert!(Timestamp::parse("yesterday").value.is_none());
    }
}
