//! `version_t`: the document version and revision numbers, in integer or semantic versioning.

use std::cmp::Ordering;

/// A parsed `version_t`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum VersionNumber {
    /// Integer versioning: `0`, `1`, `2`, …
    Integer(u64),
    /// Semantic versioning 2.0.0: `1.0.0`, `1.1.0-rc.1+build.5`, …
    Semantic(semver::Version),
}

impl VersionNumber {
    /// Parses integer (`^(0|[1-9][0-9]*)$`) or semantic versioning; `None` for anything else.
    pub fn parse(s: &str) -> Option<VersionNumber> {
        if !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()) && (s == "0" || !s.starts_with('0')) {
            return s.parse().ok().map(VersionNumber::Integer);
        }
        semver::Version::parse(s).ok().map(VersionNumber::Semantic)
    }

    /// Whether this is integer versioning.
    pub fn is_integer(&self) -> bool {
        matches!(self, VersionNumber::Integer(_))
    }

    /// The integer, or the major version.
    pub fn major(&self) -> u64 {
        match self {
            VersionNumber::Integer(n) => *n,
            VersionNumber::Semantic(v) => v.major,
        }
    }

    /// `0` or `0.y.z`.
    pub fn is_zero(&self) -> bool {
        self.major() == 0
    }

    /// Whether a pre-release part is present (`1.0.0-rc`).
    pub fn has_prerelease(&self) -> bool {
        matches!(self, VersionNumber::Semantic(v) if !v.pre.is_empty())
    }

    /// Whether build metadata is present (`1.0.0+build`).
    pub fn has_build(&self) -> bool {
        matches!(self, VersionNumber::Semantic(v) if !v.build.is_empty())
    }

    /// The version without build metadata (and without the pre-release part when `drop_pre`).
    pub fn normalized(&self, drop_pre: bool) -> VersionNumber {
        match self {
            VersionNumber::Integer(n) => VersionNumber::Integer(*n),
            VersionNumber::Semantic(v) => {
                let mut v = v.clone();
                v.build = semver::BuildMetadata::EMPTY;
                if drop_pre {
                    v.pre = semver::Prerelease::EMPTY;
                }
                VersionNumber::Semantic(v)
            }
        }
    }

    /// Precedence (SemVer §11, build metadata ignored). In a mixed comparison the integer `n` counts
    /// as `n.0.0`, as CSAF 2.1 (6.1.14) prescribes for mixed histories.
    pub fn precedence(&self, other: &VersionNumber) -> Ordering {
        fn as_semver(n: u64) -> semver::Version {
            semver::Version::new(n, 0, 0)
        }
        match (self, other) {
            (VersionNumber::Integer(a), VersionNumber::Integer(b)) => a.cmp(b),
            (VersionNumber::Semantic(a), VersionNumber::Semantic(b)) => a.cmp_precedence(b),
            (VersionNumber::Integer(a), VersionNumber::Semantic(b)) => as_semver(*a).cmp_precedence(b),
            (VersionNumber::Semantic(a), VersionNumber::Integer(b)) => a.cmp_precedence(&as_semver(*b)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_both_schemes() {
        assert_eq!(VersionNumber::parse("12"), Some(VersionNumber::Integer(12)));
        assert!(VersionNumber::parse("01").is_none());
        assert!(VersionNumber::parse("1.0.0-rc.1+b").unwrap().has_prerelease());
        assert!(VersionNumber::parse("1.0").is_none());
        let a = VersionNumber::parse("1.0.0+a").unwrap();
        let b = VersionNumber::parse("1.0.0+b").unwrap();
        assert_eq!(a.precedence(&b), Ordering::Equal);
    }
}
