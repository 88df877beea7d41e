//! Version ranges of `product_version_range` branches (CSAF 2.1 section 3.1.2.3.2): the version range
//! specifier *vers* of the package-url project, and the CSAF fallback *vls* (vers-like specifier),
//! "only the `constraint` part from the vers specification … MUST NOT have a URI nor the `type` part".
//!
//! The rules are those of the vers specification (package-url/vers-spec, clause 5 and "How to parse
//! and validate VERS"), as CSAF demands them: "vers MUST be used in its canonical form" — which the
//! 2.1 draft reads as normalized — and "To convey the term 'all versions', the special string
//! `vers:all/*` MUST be used". Both forms:
//!
//! * no whitespace anywhere (a space in a version is `%20`), only ASCII;
//! * one or more constraints separated by single `|` (no leading, trailing or doubled `|`);
//! * a constraint is a comparator (`<`, `<=`, `>`, `>=`, `!=` or none for equality) followed by a
//!   non-empty version of printable ASCII in which `<`, `>`, `=`, `!`, `*`, `|` and `%` are
//!   percent-encoded and every `%` starts a valid `%XX` triplet;
//! * `*` alone stands for every version, but CSAF wants `vers:all/*` for that.
//!
//! A vers (a string starting with `vers:`, a type and `/`; see [`is_vers`]) also needs:
//!
//! * the scheme `vers` in lowercase; the type made of ASCII letters, digits, `.` and `-`, starting
//!   with a letter, in lowercase; `vers:all/*` (and `vers:none/*`) as the only form of `all` (`none`);
//! * no `=` comparator (equality is the bare version);
//! * every version at most once; for the types this module can order ([`is_supported`]: `intdot`,
//!   `semver`, `npm`, `lexicographic`, `datetime`) each version of the type and the constraints
//!   sorted ascending; for other types everything but the order, checked in the order given (sound,
//!   as a valid range is sorted);
//! * ignoring `!=`, an equality followed only by an equality, `>` or `>=`; ignoring `!=` and
//!   equalities, `<`/`<=` and `>`/`>=` alternating.
//!
//! A vls has no type, hence no version order: the vers validation rules, which start "from a
//! de-duplicated and sorted list of constraints", cannot apply, and the vls is not bound to the
//! canonical form. It is checked for the constraint syntax only, where `=` is accepted as an
//! explicit equality (as in the OASIS data, e.g. `<1.2.0|=4.2.0`; the vers rules of the version
//! CSAF cites name `=` as a comparator). Anything not written as a vers is read as a vls, so
//! `vers:/all` (no type) is the vls of the single version `vers:/all`.
//!
//! ```
//! use csaflint::vers;
//! assert!(vers::check("vers:npm/>=2.2.0|<2.3.0").is_ok());
//! assert!(vers::check("<V3.1.2.2").is_ok());
//! assert!(vers::check("vers:npm/ >= 2.2.0| <2.3.0").is_err());
//! assert_eq!(vers::parse("vers:intdot/4.2.0").unwrap().single_version(), Some("4.2.0"));
//! ```

use std::cmp::Ordering;

/// A comparator of a constraint.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Comparator {
    /// No comparator: the version itself.
    Eq,
    /// `!=`
    Ne,
    /// `<`
    Lt,
    /// `<=`
    Le,
    /// `>`
    Gt,
    /// `>=`
    Ge,
}

impl Comparator {
    /// The comparator as written (`""` for equality).
    pub fn as_str(self) -> &'static str {
        match self {
            Comparator::Eq => "",
            Comparator::Ne => "!=",
            Comparator::Lt => "<",
            Comparator::Le => "<=",
            Comparator::Gt => ">",
            Comparator::Ge => ">=",
        }
    }

    fn is_lower(self) -> bool {
        matches!(self, Comparator::Lt | Comparator::Le)
    }

    fn is_greater(self) -> bool {
        matches!(self, Comparator::Gt | Comparator::Ge)
    }
}

/// One constraint: a comparator and a version (percent-decoded).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Constraint {
    /// The comparator.
    pub comparator: Comparator,
    /// The version, percent-decoded.
    pub version: String,
}

/// The constraints of a range.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Constraints {
    /// `*`: every version.
    Star,
    /// One or more constraints, in the order given.
    List(Vec<Constraint>),
}

/// A parsed `product_version_range` name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Range {
    /// The vers type (`npm`, `intdot`, …); `None` for a vls.
    pub vers_type: Option<String>,
    /// The constraints.
    pub constraints: Constraints,
}

impl Range {
    /// The version when the range names exactly one version and nothing else (one equality
    /// constraint, besides `!=` exclusions), e.g. `vers:intdot/4.2.0` or `4.2.0`.
    pub fn single_version(&self) -> Option<&str> {
        let Constraints::List(list) = &self.constraints else {
            return None;
        };
        let mut single = None;
        for c in list {
            match c.comparator {
                Comparator::Ne => {}
                Comparator::Eq if single.is_none() => single = Some(c.version.as_str()),
                _ => return None,
            }
        }
        single
    }
}

/// Whether `s` is written as a vers (`vers:<type>/…`, the scheme in any case, a non-empty type);
/// anything else is read as a vls.
pub fn is_vers(s: &str) -> bool {
    s.get(..5).is_some_and(|p| p.eq_ignore_ascii_case("vers:"))
        && s[5..].find('/').is_some_and(|slash| slash > 0)
}

/// The vers types whose versions this module can parse and order.
pub fn is_supported(vers_type: &str) -> bool {
    matches!(
        vers_type,
        "all" | "none" | "intdot" | "semver" | "npm" | "lexicographic" | "datetime"
    )
}

/// Checks a `product_version_range` name against the rules of the module docs. The error is a
/// lowercase reason with values in backticks.
pub fn check(s: &str) -> Result<(), String> {
    parse(s).map(|_| ())
}

/// Parses and validates a `product_version_range` name (vers or vls).
pub fn parse(s: &str) -> Result<Range, String> {
    if let Some((i, c)) = s.char_indices().find(|(_, c)| c.is_whitespace()) {
        return Err(format!(
            "contains whitespace ({} at position {}), which a canonical version range never has",
            describe(c),
            i + 1
        ));
    }
    if let Some(c) = s.chars().find(|c| !c.is_ascii()) {
        return Err(format!("contains the non-ASCII character `{c}`"));
    }
    if is_vers(s) {
        parse_vers(s)
    } else {
        let constraints = parse_constraints(s, None)?;
        if constraints == Constraints::Star {
            return Err("`*` is no version range; to convey all versions use `vers:all/*`".to_owned());
        }
        Ok(Range {
            vers_type: None,
            constraints,
        })
    }
}

fn describe(c: char) -> String {
    match c {
        ' ' => "a space".to_owned(),
        '\t' => "a tab".to_owned(),
        '\n' => "a line feed".to_owned(),
        '\r' => "a carriage return".to_owned(),
        c => format!("U+{:04X}", c as u32),
    }
}

fn parse_vers(s: &str) -> Result<Range, String> {
    let (scheme, specifier) = s.split_once(':').expect("is_vers");
    if scheme != "vers" {
        return Err(format!("the scheme `{scheme}` must be lowercase `vers`"));
    }
    let (ty, constraints) = specifier.split_once('/').expect("is_vers");
    if !ty.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return Err(format!("the type `{ty}` does not start with an ASCII letter"));
    }
    if let Some(c) = ty
        .chars()
        .find(|c| !(c.is_ascii_alphanumeric() || *c == '.' || *c == '-'))
    {
        return Err(format!(
            "the type `{ty}` contains `{c}`; a type is ASCII letters, digits, `.` and `-`"
        ));
    }
    if ty.chars().any(|c| c.is_ascii_uppercase()) {
        return Err(format!("the type `{ty}` must be lowercase"));
    }
    let constraints = parse_constraints(constraints, Some(ty))?;
    match (ty, &constraints) {
        ("all" | "none", Constraints::Star) => {}
        ("all" | "none", Constraints::List(_)) => {
            return Err(format!("`vers:{ty}/*` is the only valid form of the type `{ty}`"));
        }
        (_, Constraints::Star) => {
            return Err(format!(
                "`vers:{ty}/*` conveys all versions, for which `vers:all/*` must be used"
            ));
        }
        _ => {}
    }
    Ok(Range {
        vers_type: Some(ty.to_owned()),
        constraints,
    })
}

/// Parses and validates the constraints part; `ty` is the vers type (`None` for a vls).
fn parse_constraints(s: &str, ty: Option<&str>) -> Result<Constraints, String> {
    if s.is_empty() {
        return Err("the constraints are empty".to_owned());
    }
    if s == "*" {
        return Ok(Constraints::Star);
    }
    if s.starts_with('|') || s.ends_with('|') {
        return Err("the constraints start or end with `|`".to_owned());
    }
    let mut list = Vec::new();
    for raw in s.split('|') {
        if raw.is_empty() {
            return Err("the constraints contain an empty constraint (`||`)".to_owned());
        }
        list.push(parse_constraint(raw, ty.is_none())?);
    }
    if ty.is_some() {
        check_unique_and_sorted(&list, ty)?;
        check_sequence(&list)?;
    }
    Ok(Constraints::List(list))
}

/// Parses one constraint; a vls (`vls`) may also write equality explicitly as `=`.
fn parse_constraint(raw: &str, vls: bool) -> Result<Constraint, String> {
    let (comparator, version) = [
        (">=", Comparator::Ge),
        ("<=", Comparator::Le),
        ("!=", Comparator::Ne),
        ("<", Comparator::Lt),
        (">", Comparator::Gt),
    ]
    .into_iter()
    .find_map(|(p, c)| raw.strip_prefix(p).map(|rest| (c, rest)))
    .unwrap_or((Comparator::Eq, raw));
    let version = match version.strip_prefix('=') {
        Some(rest) if comparator == Comparator::Eq && vls => rest,
        Some(_) if comparator == Comparator::Eq => {
            return Err(format!(
                "constraint `{raw}` starts with `=`; in a vers equality is written as the bare version"
            ));
        }
        _ => version,
    };
    if version.is_empty() {
        return Err(format!("constraint `{raw}` has no version"));
    }
    if version == "*" {
        return Err(if raw == "*" {
            "`*` must be the only constraint".to_owned()
        } else {
            format!("`*` must stand alone, not in constraint `{raw}`")
        });
    }
    if let Some(c) = version.chars().find(|c| matches!(c, '<' | '>' | '=' | '!' | '*')) {
        return Err(format!(
            "version `{version}` of constraint `{raw}` contains `{c}`, which must be percent-encoded"
        ));
    }
    if let Some(c) = version.chars().find(|c| !c.is_ascii_graphic()) {
        return Err(format!(
            "version `{version}` contains the control character U+{:04X}",
            c as u32
        ));
    }
    Ok(Constraint {
        comparator,
        version: percent_decode(version)?,
    })
}

fn percent_decode(version: &str) -> Result<String, String> {
    let bytes = version.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = bytes.get(i + 1..i + 3).and_then(|h| std::str::from_utf8(h).ok());
            match hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                Some(b) if hex.is_some_and(|h| h.bytes().all(|c| c.is_ascii_hexdigit())) => {
                    out.push(b);
                    i += 3;
                    continue;
                }
                _ => {
                    return Err(format!(
                        "version `{version}` has a `%` that does not start a `%XX` triplet (a literal `%` is `%25`)"
                    ))
                }
            }
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8(out).map_err(|_| format!("version `{version}` does not percent-decode to UTF-8"))
}

/// Versions are unique; for a supported type they are valid and sorted ascending.
fn check_unique_and_sorted(list: &[Constraint], ty: Option<&str>) -> Result<(), String> {
    let duplicate = |a: &str, b: &str| {
        if a == b {
            format!("version `{a}` occurs more than once")
        } else {
            format!("versions `{a}` and `{b}` are equal")
        }
    };
    let (Some(scheme), Some(ty)) = (ty.and_then(Scheme::of), ty) else {
        let mut seen = std::collections::HashSet::new();
        return match list.iter().find(|c| !seen.insert(c.version.as_str())) {
            Some(c) => Err(duplicate(&c.version, &c.version)),
            None => Ok(()),
        };
    };
    for c in list {
        scheme.validate(&c.version)?;
    }
    // strictly ascending: sorted, and (equal neighbours being the only way to repeat) unique
    for pair in list.windows(2) {
        let (a, b) = (&pair[0].version, &pair[1].version);
        match scheme.compare(a, b) {
            Ordering::Less => {}
            Ordering::Equal => return Err(duplicate(a, b)),
            Ordering::Greater => {
                return Err(format!(
                    "the constraints are not sorted: `{b}` comes after `{a}` in `{ty}` order"
                ));
            }
        }
    }
    Ok(())
}

/// The rules on contiguous comparators (vers-spec 5.4).
fn check_sequence(list: &[Constraint]) -> Result<(), String> {
    let shown = |c: &Constraint| format!("{}{}", c.comparator.as_str(), c.version);
    let without_ne: Vec<&Constraint> = list.iter().filter(|c| c.comparator != Comparator::Ne).collect();
    for pair in without_ne.windows(2) {
        if pair[0].comparator == Comparator::Eq
            && !matches!(
                pair[1].comparator,
                Comparator::Eq | Comparator::Gt | Comparator::Ge
            )
        {
            return Err(format!(
                "`{}` follows the version `{}`; after an equality only an equality, `>` or `>=` may follow",
                shown(pair[1]),
                pair[0].version
            ));
        }
    }
    let bounds: Vec<&Constraint> = without_ne
        .into_iter()
        .filter(|c| c.comparator != Comparator::Eq)
        .collect();
    for pair in bounds.windows(2) {
        let (a, b) = (pair[0].comparator, pair[1].comparator);
        if (a.is_lower() && b.is_lower()) || (a.is_greater() && b.is_greater()) {
            return Err(format!(
                "`{}` follows `{}`; `<`/`<=` and `>`/`>=` must alternate",
                shown(pair[1]),
                shown(pair[0])
            ));
        }
    }
    Ok(())
}

/// The version schemes this module orders.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Scheme {
    Intdot,
    Semver,
    Lexicographic,
    Datetime,
}

impl Scheme {
    fn of(ty: &str) -> Option<Scheme> {
        match ty {
            "intdot" => Some(Scheme::Intdot),
            "semver" | "npm" => Some(Scheme::Semver),
            "lexicographic" => Some(Scheme::Lexicographic),
            "datetime" => Some(Scheme::Datetime),
            _ => None,
        }
    }

    fn validate(self, v: &str) -> Result<(), String> {
        let ok = match self {
            Scheme::Intdot => intdot(v).is_some(),
            Scheme::Semver => semver::Version::parse(v).is_ok(),
            Scheme::Lexicographic => true,
            Scheme::Datetime => datetime(v).is_some(),
        };
        if ok {
            return Ok(());
        }
        Err(match self {
            Scheme::Intdot => format!("`{v}` is not an `intdot` version (integers separated by dots)"),
            Scheme::Semver => format!("`{v}` is not a semantic version (`MAJOR.MINOR.PATCH`)"),
            Scheme::Datetime => format!("`{v}` is not an RFC 3339 timestamp with uppercase `T` and `Z`"),
            Scheme::Lexicographic => unreachable!(),
        })
    }

    /// Compares two versions already validated.
    fn compare(self, a: &str, b: &str) -> Ordering {
        match self {
            Scheme::Intdot => match (intdot(a), intdot(b)) {
                (Some(x), Some(y)) => x.cmp(&y),
                _ => a.cmp(b),
            },
            Scheme::Semver => match (semver::Version::parse(a), semver::Version::parse(b)) {
                (Ok(x), Ok(y)) => x.cmp_precedence(&y),
                _ => a.cmp(b),
            },
            Scheme::Lexicographic => a.as_bytes().cmp(b.as_bytes()),
            Scheme::Datetime => match (datetime(a), datetime(b)) {
                (Some(x), Some(y)) => x.cmp(&y),
                _ => a.cmp(b),
            },
        }
    }
}

/// An `intdot` version: the numeric segments (leading zeros and trailing zero segments dropped, so
/// `01.2.0` equals `1.2`) and the suffix after the first character that is neither a digit nor a
/// dot (which breaks ties). `None` when it does not start with a digit or has an empty segment.
fn intdot(v: &str) -> Option<(Vec<Number<'_>>, &str)> {
    let end = v
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(v.len());
    let (numeric, suffix) = v.split_at(end);
    if !numeric.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let mut segments = Vec::new();
    for seg in numeric.split('.') {
        if seg.is_empty() {
            return None;
        }
        segments.push(Number(seg.trim_start_matches('0')));
    }
    while segments.last().is_some_and(|n| n.0.is_empty()) {
        segments.pop();
    }
    Some((segments, suffix))
}

/// A non-negative integer of any size, as its digits without leading zeros.
#[derive(Debug, PartialEq, Eq)]
struct Number<'a>(&'a str);

impl Ord for Number<'_> {
    fn cmp(&self, other: &Self) -> Ordering {
        self.0.len().cmp(&other.0.len()).then_with(|| self.0.cmp(other.0))
    }
}

impl PartialOrd for Number<'_> {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// A `datetime` version: RFC 3339, canonical with uppercase `T` and `Z`.
fn datetime(v: &str) -> Option<chrono::DateTime<chrono::FixedOffset>> {
    if v.contains(['t', 'z']) {
        return None;
    }
    chrono::DateTime::parse_from_rfc3339(v).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn valid() {
        for s in [
            "vers:all/*",
            "vers:none/*",
            "vers:intdot/<4.2.0",
            "vers:intdot/>=7.80|<9.40",
            "vers:intdot/1.2|1.10",
            "vers:npm/>=2.2.0|<2.3.0",
            "vers:npm/1.2.3|>=2.0.0|<5.0.0",
            "vers:gem/>=2.2.0|!=2.2.1|<2.3.0",
            "vers:pypi/0.0.0|0.0.1|0.0.2|0.0.3|1.0|2.0pre1",
            "vers:tomee/>=8.0.0-M1|<=8.0.1",
            "vers:semver/>=1.0.0-alpha|<1.0.0",
            "vers:lexicographic/>=a|<b",
            "vers:datetime/>=2024-01-01T00:00:00Z|<2025-01-01T00:00:00Z",
            "vers:someweirdunknownversionscheme/<4.2.0|>3.91.1|!=3.2.0|<1.2",
            "vers:somecoolunknownversionscheme/>Jo_3,16|<=2.Ko_5,20",
            "vers:generic/1.0%20beta",
            "<=2",
            "<4.2",
            "<V3.0.29",
            ">=8.1.5",
            ">10.9a|!=10.9c|!=10.9f|<=10.9k",
            "<2024-4-pabc0019|>2024-10-pefd0010|<2024-12-pjkl2010|>2024-12-pjkl5010|<=2025-1-pghi1001",
            ">abc|<=def",
            "<1.2.0|=4.2.0",
            ">2.1.0|<3.16.0|>3.16.0|<4.2.0",
            "<1|<2",
            "vers:intdot/<2.1.0|>4.2.0|!=5.1|!=6.3.0|!=9.17.4|<=10.3.1",
            "vers:semver/<2.1.0|>4.2.0|<=5.4.18",
            "vers:datetime/>=2012-06-30T23:59:60Z|<=2016-12-31T23:59:60Z",
            "vers:/all",
        ] {
            assert_eq!(check(s), Ok(()), "{s}");
        }
    }

    #[test]
    fn invalid() {
        for (s, reason) in [
            (
                "all versions < 4.2.0",
                "contains whitespace (a space at position 4), which a canonical version range never has",
            ),
            (
                "vers:npm/ >= 2.2.0| <2.3.0",
                "contains whitespace (a space at position 10), which a canonical version range never has",
            ),
            (
                "vers:all/<V3.1.2.2",
                "`vers:all/*` is the only valid form of the type `all`",
            ),
            (
                "vers:npm/*",
                "`vers:npm/*` conveys all versions, for which `vers:all/*` must be used",
            ),
            (
                "*",
                "`*` is no version range; to convey all versions use `vers:all/*`",
            ),
            ("VERS:npm/1.0.0", "the scheme `VERS` must be lowercase `vers`"),
            ("vers:NPM/1.0.0", "the type `NPM` must be lowercase"),
            (
                "vers:1npm/1.0.0",
                "the type `1npm` does not start with an ASCII letter",
            ),
            (
                "vers:n_pm/1.0.0",
                "the type `n_pm` contains `_`; a type is ASCII letters, digits, `.` and `-`",
            ),
            ("vers:npm/", "the constraints are empty"),
            (
                "vers:x/<4.2.0|>3.91.1|<>3.2.0|<1.2",
                "version `>3.2.0` of constraint `<>3.2.0` contains `>`, which must be percent-encoded",
            ),
            (
                "vers:x/||>Jo_3,16|<=2.Ko_5,20",
                "the constraints start or end with `|`",
            ),
            ("<1|", "the constraints start or end with `|`"),
            ("<1||>2", "the constraints contain an empty constraint (`||`)"),
            (
                "vers:x/=1.0",
                "constraint `=1.0` starts with `=`; in a vers equality is written as the bare version",
            ),
            (
                "==1.0",
                "version `=1.0` of constraint `==1.0` contains `=`, which must be percent-encoded",
            ),
            ("<", "constraint `<` has no version"),
            ("<*", "`*` must stand alone, not in constraint `<*`"),
            ("vers:x/*|<1", "`*` must be the only constraint"),
            (
                "1.0%2",
                "version `1.0%2` has a `%` that does not start a `%XX` triplet (a literal `%` is `%25`)",
            ),
            ("vers:x/<1.0|<1.0", "version `1.0` occurs more than once"),
            ("vers:intdot/<1.0|>1", "versions `1.0` and `1` are equal"),
            (
                "vers:intdot/<2.0|>1.0",
                "the constraints are not sorted: `1.0` comes after `2.0` in `intdot` order",
            ),
            (
                "vers:intdot/<V3",
                "`V3` is not an `intdot` version (integers separated by dots)",
            ),
            (
                "vers:npm/<1.0",
                "`1.0` is not a semantic version (`MAJOR.MINOR.PATCH`)",
            ),
            (
                "vers:datetime/<2024-01-01",
                "`2024-01-01` is not an RFC 3339 timestamp with uppercase `T` and `Z`",
            ),
            (
                "vers:x/<1|<2",
                "`<2` follows `<1`; `<`/`<=` and `>`/`>=` must alternate",
            ),
            (
                "vers:x/>1|!=2|>=3",
                "`>=3` follows `>1`; `<`/`<=` and `>`/`>=` must alternate",
            ),
            (
                "vers:x/1|<2",
                "`<2` follows the version `1`; after an equality only an equality, `>` or `>=` may follow",
            ),
            ("<1.0é", "contains the non-ASCII character `é`"),
        ] {
            assert_eq!(check(s), Err(reason.to_owned()), "{s}");
        }
    }

    #[test]
    fn ordering() {
        let order = |ty: &str, a: &str, b: &str| Scheme::of(ty).unwrap().compare(a, b);
        assert_eq!(order("intdot", "1.2", "1.10"), Ordering::Less);
        assert_eq!(order("intdot", "01.002.0003", "1.2.3"), Ordering::Equal);
        assert_eq!(order("intdot", "1.2", "1.2.0"), Ordering::Equal);
        assert_eq!(order("intdot", "1.2", "1.2.1"), Ordering::Less);
        assert_eq!(order("intdot", "1.2beta", "1.10alpha"), Ordering::Less);
        assert_eq!(order("intdot", "1.2", "1.2beta"), Ordering::Less);
        assert_eq!(order("intdot", "1.2beta", "1.2rc1"), Ordering::Less);
        assert_eq!(
            order("intdot", "99999999999999999999999", "100000000000000000000000"),
            Ordering::Less
        );
        assert_eq!(order("npm", "1.0.0-rc.1", "1.0.0"), Ordering::Less);
        assert_eq!(order("semver", "1.0.0+a", "1.0.0+b"), Ordering::Equal);
        assert_eq!(order("lexicographic", "B", "a"), Ordering::Less);
        assert_eq!(
            order("datetime", "2024-01-01T01:00:00+02:00", "2024-01-01T00:00:00Z"),
            Ordering::Less
        );
    }

    #[test]
    fn single_version() {
        for (s, single) in [
            ("vers:intdot/4.2.0", Some("4.2.0")),
            ("4.2.0", Some("4.2.0")),
            ("4.2.0|!=4.3", Some("4.2.0")),
            ("=4.2.0", Some("4.2.0")),
            ("vers:/all", Some("vers:/all")),
            ("vers:generic/1.0%20beta", Some("1.0 beta")),
            ("vers:intdot/<4.2.0", None),
            ("<4.2.0", None),
            ("1.0|2.0", None),
            ("1.0|>=2.0", None),
            ("vers:all/*", None),
            ("!=1.0", None),
        ] {
            assert_eq!(parse(s).unwrap().single_version(), single, "{s}");
        }
    }

    #[test]
    fn vers_or_vls() {
        assert!(is_vers("vers:npm/1.0.0"));
        assert!(is_vers("VERS:npm/1.0.0"));
        assert!(!is_vers("vers:/all"));
        assert!(!is_vers("vers:npm"));
        assert!(!is_vers("<1.0"));
        assert!(is_supported("intdot") && !is_supported("maven"));
    }
}
