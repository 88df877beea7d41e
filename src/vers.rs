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
//! A parsed [`Range`] is also a set of versions: [`Range::contains`] tells whether a version is
//! in it, [`Range::overlaps`] whether two ranges share a version, and
//! [`Range::is_upper_open_ended`] whether it has no upper end, following the vers section
//! "Checking if a version is contained within a range". A vers is read in the order of its type
//! (only for the supported types); a vls, on the best-effort basis CSAF allows, in the generic
//! order of [`compare_generic`]. [`is_registered`] knows the vers types the vers specification
//! names.
//!
//! ```
//! use csaflint::vers;
//! assert!(vers::check("vers:npm/>=2.2.0|<2.3.0").is_ok());
//! assert!(vers::check("<V3.1.2.2").is_ok());
//! assert!(vers::check("vers:npm/ >= 2.2.0| <2.3.0").is_err());
//! assert_eq!(vers::parse("vers:intdot/4.2.0").unwrap().single_version(), Some("4.2.0"));
//! let range = vers::parse("vers:intdot/>2.1.0|<4.2.0").unwrap();
//! assert_eq!(range.contains("3.16"), Some(true));
//! assert_eq!(range.overlaps(&vers::parse("vers:intdot/>1.2.0|<=2.1.0").unwrap()), Some(false));
//! assert!(vers::parse(">=4.2.0").unwrap().is_upper_open_ended());
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

/// The vers types the vers specification names (package-url/vers-spec, "VERS types": the package
/// ecosystem types and the general types, and the "known versioning schemes" of its earlier
/// edition). The specification keeps the registered type definitions outside the standard, "because
/// there are ongoing additions and changes"; this list is that naming, not a live registry. The
/// reserved types `example`, `invalid` and `test` are never registered.
pub fn is_registered(vers_type: &str) -> bool {
    matches!(
        vers_type,
        // general types
        "all" | "none" | "datetime" | "generic" | "intdot" | "lexicographic" | "semver"
            // package ecosystem types
            | "alpine" | "alpm" | "apk" | "cargo" | "composer" | "cpan" | "dart" | "deb" | "gem"
            | "gentoo" | "golang" | "hackage" | "maven" | "npm" | "nuget" | "pypi" | "rpm"
    )
}

/// The type of a name written as a vers (see [`is_vers`]): the text between `vers:` and the first
/// `/`, as written.
pub fn vers_type_of(s: &str) -> Option<&str> {
    if !is_vers(s) {
        return None;
    }
    s[5..].split_once('/').map(|(ty, _)| ty)
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
        check_sequence(&list.iter().collect::<Vec<_>>())?;
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
fn check_sequence(list: &[&Constraint]) -> Result<(), String> {
    let shown = |c: &Constraint| format!("{}{}", c.comparator.as_str(), c.version);
    let without_ne: Vec<&Constraint> = list
        .iter()
        .copied()
        .filter(|c| c.comparator != Comparator::Ne)
        .collect();
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
            Scheme::Intdot => compare_intdot(a, b),
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

/// Compares two `intdot` versions as [`intdot`] reads them (segments as numbers, a missing segment
/// as `0`, then the suffix), without allocating; versions that are not `intdot` compare as text.
fn compare_intdot(a: &str, b: &str) -> Ordering {
    fn split(v: &str) -> (&str, &str) {
        let end = v
            .find(|c: char| !(c.is_ascii_digit() || c == '.'))
            .unwrap_or(v.len());
        v.split_at(end)
    }
    fn number(s: Option<&str>) -> Number<'_> {
        Number(s.unwrap_or("").trim_start_matches('0'))
    }
    let ((na, sa), (nb, sb)) = (split(a), split(b));
    let valid = |n: &str| n.starts_with(|c: char| c.is_ascii_digit()) && n.split('.').all(|s| !s.is_empty());
    if !(valid(na) && valid(nb)) {
        return a.cmp(b);
    }
    let (mut x, mut y) = (na.split('.'), nb.split('.'));
    loop {
        match (x.next(), y.next()) {
            (None, None) => return sa.cmp(sb),
            (p, q) => {
                let o = number(p).cmp(&number(q));
                if o != Ordering::Equal {
                    return o;
                }
            }
        }
    }
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

// ---------------------------------------------------------------------------------------------
// Ranges as sets of versions: containment, overlap, upper end.

impl Range {
    /// Whether `version` is in the range; see [`Versions::contains`].
    pub fn contains(&self, version: &str) -> Option<bool> {
        self.versions()?.contains(version)
    }

    /// Whether the two ranges have a version in common; see [`Versions::overlaps`].
    pub fn overlaps(&self, other: &Range) -> Option<bool> {
        self.versions()?.overlaps(&other.versions()?)
    }

    /// Whether the range is upper open ended: it holds every version above some version, i.e.
    /// ignoring `!=` and equalities, its last constraint (in version order) is `>` or `>=`, as in
    /// `vers:intdot/>=4.2.0` or `<1.2.0|>=4.2.0`. `vers:all/*` is not counted: it is the form
    /// CSAF prescribes for "all versions". For a vers type this module cannot order, and for a vls
    /// that cannot be sorted, the constraints are taken in the order written.
    pub fn is_upper_open_ended(&self) -> bool {
        let Constraints::List(list) = &self.constraints else {
            return false;
        };
        let ordered = match self.versions() {
            Some(Versions {
                set: VersionSet::Constraints { sorted, .. },
                ..
            }) => sorted,
            _ => list.iter().collect(),
        };
        ordered
            .iter()
            .rev()
            .find(|c| !matches!(c.comparator, Comparator::Eq | Comparator::Ne))
            .is_some_and(|c| c.comparator.is_greater())
    }

    /// The range as a set of versions: the constraints sorted in the order of the type (a vls: the
    /// generic order of [`compare_generic`]) and validated as the vers rules demand (versions of
    /// the type, unique, the comparator sequence). `None` for a vers type this module cannot
    /// order, or constraints that break the rules. Prepare it once to test many versions or
    /// ranges against it.
    pub fn versions(&self) -> Option<Versions<'_>> {
        let vers_type = self.vers_type.as_deref();
        let versions = |set| Some(Versions { vers_type, set });
        let list = match (vers_type, &self.constraints) {
            (Some("none"), Constraints::Star) => return versions(VersionSet::Nothing),
            (_, Constraints::Star) => return versions(VersionSet::All),
            (_, Constraints::List(list)) => list,
        };
        let order = match vers_type {
            Some(ty) => Order::Scheme(Scheme::of(ty)?),
            None => Order::Generic,
        };
        if !list.iter().all(|c| order.accepts(&c.version)) {
            return None;
        }
        let mut sorted: Vec<&Constraint> = list.iter().collect();
        // a vls may name a version twice, as in `>2.1.0|<3.16.0|>3.16.0|<4.2.0` (every version
        // from 2.1.0 to 4.2.0 but 3.16.0): an upper bound then sorts before a lower bound
        let rank = |c: &Constraint| match c.comparator {
            Comparator::Lt | Comparator::Le => 0,
            Comparator::Eq | Comparator::Ne => 1,
            Comparator::Gt | Comparator::Ge => 2,
        };
        sorted.sort_by(|a, b| order.cmp(&a.version, &b.version).then(rank(a).cmp(&rank(b))));
        if order != Order::Generic
            && sorted
                .windows(2)
                .any(|w| order.cmp(&w[0].version, &w[1].version) == Ordering::Equal)
        {
            return None;
        }
        check_sequence(&sorted).ok()?;
        versions(VersionSet::Constraints { order, sorted })
    }
}

/// A range as a set of versions (see [`Range::versions`]).
#[derive(Debug)]
pub struct Versions<'a> {
    vers_type: Option<&'a str>,
    set: VersionSet<'a>,
}

#[derive(Debug)]
enum VersionSet<'a> {
    /// `vers:all/*`.
    All,
    /// `vers:none/*`.
    Nothing,
    /// Constraints, sorted and valid.
    Constraints {
        order: Order,
        sorted: Vec<&'a Constraint>,
    },
}

impl Versions<'_> {
    /// Whether `version` is in the range, by the vers algorithm "Checking if a version is contained
    /// within a range": a version equal to an equality, `<=` or `>=` constraint is in, one equal to
    /// a `!=` constraint is out, otherwise it is in when it lies below a first `<`/`<=`, above a
    /// last `>`/`>=`, or between a `>`/`>=` and the `<`/`<=` that follows it. (The algorithm as
    /// written iterates over pairs of bounds and so misses a range with a single bound such as
    /// `>=4.2.0`; its intent, and the reading here, is that such a range holds every version from
    /// `4.2.0` on.)
    ///
    /// `None` when `version` is not a version of the type. A vls is read on a best-effort basis
    /// (CSAF: "Tools MAY support this on best effort basis"), in the generic order of
    /// [`compare_generic`].
    pub fn contains(&self, version: &str) -> Option<bool> {
        match &self.set {
            VersionSet::All => Some(true),
            VersionSet::Nothing => Some(false),
            VersionSet::Constraints { order, sorted } => order
                .accepts(version)
                .then(|| member(*order, sorted, Probe::At(version))),
        }
    }

    /// Whether the two ranges have a version in common (the intersection of their sets of versions
    /// is not empty). `None` for ranges of different vers types (or a vers and a vls) —
    /// "Comparing versions from two different versioning schemes is an error" — except
    /// `vers:all/*` and `vers:none/*`, which need no order.
    pub fn overlaps(&self, other: &Versions<'_>) -> Option<bool> {
        match (&self.set, &other.set) {
            (VersionSet::Nothing, _) | (_, VersionSet::Nothing) => Some(false),
            (VersionSet::All, VersionSet::All) => Some(true),
            (VersionSet::All, _) => Some(other.is_non_empty()),
            (_, VersionSet::All) => Some(self.is_non_empty()),
            (VersionSet::Constraints { order, sorted: x }, VersionSet::Constraints { sorted: y, .. }) => {
                if self.vers_type != other.vers_type {
                    return None;
                }
                let mut points: Vec<&str> = x.iter().chain(y).map(|c| c.version.as_str()).collect();
                points.sort_by(|p, q| order.cmp(p, q));
                points.dedup_by(|p, q| order.cmp(p, q) == Ordering::Equal);
                let common = probes(&points).any(|p| member(*order, x, p) && member(*order, y, p));
                Some(common)
            }
        }
    }

    fn is_non_empty(&self) -> bool {
        match &self.set {
            VersionSet::All => true,
            VersionSet::Nothing => false,
            VersionSet::Constraints { order, sorted } => {
                let points: Vec<&str> = sorted.iter().map(|c| c.version.as_str()).collect();
                let non_empty = probes(&points).any(|p| member(*order, sorted, p));
                non_empty
            }
        }
    }
}

/// How versions are ordered: by a vers type, or (for a vls) generically.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Order {
    Scheme(Scheme),
    Generic,
}

impl Order {
    fn accepts(self, v: &str) -> bool {
        match self {
            Order::Scheme(s) => s.validate(v).is_ok(),
            Order::Generic => true,
        }
    }

    fn cmp(self, a: &str, b: &str) -> Ordering {
        match self {
            Order::Scheme(s) => s.compare(a, b),
            Order::Generic => compare_generic(a, b),
        }
    }
}

/// What is tested for membership: a version, or every version strictly between two neighbouring
/// breakpoints (`None`: unbounded). Between two breakpoints of both ranges, membership in each
/// range is the same for every version, so testing the breakpoints and the gaps between them
/// decides whether two ranges intersect. (A gap is taken to hold some version; for the orders
/// here there is one between any two distinct versions but in corner cases such as semver
/// pre-release identifiers.)
#[derive(Debug, Clone, Copy)]
enum Probe<'a> {
    At(&'a str),
    Between(Option<&'a str>, Option<&'a str>),
}

/// The probes of sorted, distinct breakpoints: the gap below the first, each point and the gap
/// after it.
fn probes<'a>(points: &'a [&'a str]) -> impl Iterator<Item = Probe<'a>> + 'a {
    std::iter::once(Probe::Between(None, points.first().copied())).chain(
        points
            .iter()
            .enumerate()
            .flat_map(move |(i, p)| [Probe::At(p), Probe::Between(Some(p), points.get(i + 1).copied())]),
    )
}

/// How the probe compares with the version `b` (a breakpoint when the probe is a gap).
fn probe_cmp(order: Order, probe: Probe<'_>, b: &str) -> Ordering {
    match probe {
        Probe::At(v) => order.cmp(v, b),
        Probe::Between(lo, hi) => {
            if hi.is_some_and(|h| order.cmp(h, b) != Ordering::Greater) {
                Ordering::Less
            } else if lo.is_some_and(|l| order.cmp(l, b) != Ordering::Less) {
                Ordering::Greater
            } else {
                Ordering::Equal
            }
        }
    }
}

/// Whether the probe is in the range of the sorted, valid constraints (see [`Range::contains`]).
fn member(order: Order, sorted: &[&Constraint], probe: Probe<'_>) -> bool {
    if let Probe::At(v) = probe {
        let equal = |c: &&&Constraint| order.cmp(v, &c.version) == Ordering::Equal;
        if sorted
            .iter()
            .filter(equal)
            .any(|c| matches!(c.comparator, Comparator::Eq | Comparator::Le | Comparator::Ge))
        {
            return true;
        }
        if sorted
            .iter()
            .filter(equal)
            .any(|c| c.comparator == Comparator::Ne)
        {
            return false;
        }
    }
    let cmp = |c: &Constraint| probe_cmp(order, probe, &c.version);
    let mut bounds = sorted
        .iter()
        .copied()
        .filter(|c| !matches!(c.comparator, Comparator::Eq | Comparator::Ne));
    let Some(first) = bounds.next() else {
        return false;
    };
    if first.comparator.is_lower() && cmp(first) == Ordering::Less {
        return true;
    }
    let mut last = first;
    for next in bounds {
        if last.comparator.is_greater()
            && next.comparator.is_lower()
            && cmp(last) == Ordering::Greater
            && cmp(next) == Ordering::Less
        {
            return true;
        }
        last = next;
    }
    last.comparator.is_greater() && cmp(last) == Ordering::Greater
}

/// A generic, best-effort version order for versions of no known scheme (a vls, and a product
/// version compared with one): a leading `v`/`V` before a digit is ignored; the version is split
/// into runs of digits (compared as numbers) and runs of letters (compared case-insensitively),
/// everything else separating them; runs are compared in turn, a missing run counting as `0`, and
/// letters sorting before numbers. So `1.2` = `1.2.0` < `1.10`, `2.0pre1` < `2.0` < `2.0.1` and
/// `V3.0.29` = `3.0.29`.
pub fn compare_generic(a: &str, b: &str) -> Ordering {
    let (x, y) = (generic_runs(a), generic_runs(b));
    let zero = Run::Number(Number(""));
    for i in 0..x.len().max(y.len()) {
        let o = match (x.get(i).unwrap_or(&zero), y.get(i).unwrap_or(&zero)) {
            (Run::Number(p), Run::Number(q)) => p.cmp(q),
            (Run::Letters(p), Run::Letters(q)) => p
                .bytes()
                .map(|c| c.to_ascii_lowercase())
                .cmp(q.bytes().map(|c| c.to_ascii_lowercase())),
            (Run::Letters(_), Run::Number(_)) => Ordering::Less,
            (Run::Number(_), Run::Letters(_)) => Ordering::Greater,
        };
        if o != Ordering::Equal {
            return o;
        }
    }
    Ordering::Equal
}

/// A run of a version in the generic order.
#[derive(Debug)]
enum Run<'a> {
    Number(Number<'a>),
    Letters(&'a str),
}

fn generic_runs(v: &str) -> Vec<Run<'_>> {
    let v = match v.strip_prefix(['v', 'V']) {
        Some(rest) if rest.starts_with(|c: char| c.is_ascii_digit()) => rest,
        _ => v,
    };
    let mut runs = Vec::new();
    let mut rest = v;
    while let Some(start) = rest.find(|c: char| c.is_ascii_alphanumeric()) {
        rest = &rest[start..];
        let digits = rest.starts_with(|c: char| c.is_ascii_digit());
        let end = rest
            .find(|c: char| {
                if digits {
                    !c.is_ascii_digit()
                } else {
                    !c.is_ascii_alphabetic()
                }
            })
            .unwrap_or(rest.len());
        let run = &rest[..end];
        runs.push(if digits {
            Run::Number(Number(run.trim_start_matches('0')))
        } else {
            Run::Letters(run)
        });
        rest = &rest[end..];
    }
    runs
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

    #[test]
    fn contains() {
        let r = |s: &str| parse(s).unwrap();
        for (range, version, expected) in [
            ("vers:intdot/>2.1.0|<4.2.0", "3.16.0", Some(true)),
            ("vers:intdot/>2.1.0|<4.2.0", "2.1", Some(false)),
            ("vers:intdot/>2.1.0|<4.2.0", "4.2.0", Some(false)),
            ("vers:intdot/>2.1.0|<4.2.0", "1.0", Some(false)),
            ("vers:intdot/>2.1.0|<4.2.0", "17.4.0", Some(false)),
            ("vers:intdot/>=4.2.0", "4.2.0", Some(true)),
            ("vers:intdot/>=4.2.0", "5", Some(true)),
            ("vers:intdot/>=4.2.0", "4.1.9", Some(false)),
            ("vers:intdot/<=4.2.0", "4.2", Some(true)),
            ("vers:intdot/<=4.2.0", "0.1", Some(true)),
            ("vers:intdot/4.2.0", "4.2", Some(true)),
            ("vers:intdot/4.2.0", "4.2.1", Some(false)),
            ("vers:intdot/>2.1.0|!=2.4.0|<4.2.0", "2.4.0", Some(false)),
            ("vers:intdot/>2.1.0|!=2.4.0|<4.2.0", "2.4.1", Some(true)),
            ("vers:intdot/1.0|>=2.0|<3.0|>4.0", "1.0", Some(true)),
            ("vers:intdot/1.0|>=2.0|<3.0|>4.0", "1.5", Some(false)),
            ("vers:intdot/1.0|>=2.0|<3.0|>4.0", "3.5", Some(false)),
            ("vers:intdot/1.0|>=2.0|<3.0|>4.0", "4.1", Some(true)),
            ("vers:intdot/!=1.0", "2.0", Some(false)),
            ("vers:npm/>=1.0.0-alpha|<1.0.0", "1.0.0-rc.1", Some(true)),
            ("vers:all/*", "anything", Some(true)),
            ("vers:none/*", "1.0", Some(false)),
            ("vers:maven/<1.0", "0.9", None),
            ("vers:intdot/<1.0", "v0.9", None),
            (">2.1.0|<3.16.0|>3.16.0|<4.2.0", "3.16.0", Some(false)),
            (">2.1.0|<3.16.0|>3.16.0|<4.2.0", "3.15", Some(true)),
            (">2.1.0|<4.2.0", "V3.0", Some(true)),
            ("<1.2.0|=4.2.0", "4.2", Some(true)),
            ("<1.2.0|=4.2.0", "1.0", Some(true)),
            ("<1.2.0|=4.2.0", "2.0", Some(false)),
            (">=4.2.0|<1.2.0", "5.0", Some(true)),
            ("<1|<2", "0.5", None),
            ("<1|1.0", "1", Some(true)),
            ("<=1|>1.0", "1", Some(true)),
        ] {
            assert_eq!(r(range).contains(version), expected, "{version} in {range}");
        }
    }

    #[test]
    fn overlaps() {
        let r = |s: &str| parse(s).unwrap();
        for (a, b, expected) in [
            (
                "vers:intdot/>2.1.0|<4.2.0",
                "vers:intdot/>1.2.0|<2.4.0",
                Some(true),
            ),
            (
                "vers:intdot/>2.1.0|<4.2.0",
                "vers:intdot/>1.2.0|<=2.1.0",
                Some(false),
            ),
            (
                "vers:intdot/>=2.1.0|<4.2.0",
                "vers:intdot/>1.2.0|<=2.1.0",
                Some(true),
            ),
            (
                "vers:intdot/>2.4.0|<4.2.0",
                "vers:intdot/>1.2.0|<2.1.0",
                Some(false),
            ),
            ("vers:intdot/>=4.2.0", "vers:intdot/<1.0|>=7.0", Some(true)),
            ("vers:intdot/<1.0|>=7.0", "vers:intdot/>=1.0|<7.0", Some(false)),
            ("vers:intdot/2.0", "vers:intdot/>1.0|!=2.0|<3.0", Some(false)),
            ("vers:intdot/2.0", "vers:intdot/>1.0|<3.0", Some(true)),
            ("vers:intdot/2.0", "vers:intdot/2.0.0", Some(true)),
            ("vers:intdot/<2.0", "vers:npm/<2.0.0", None),
            ("vers:intdot/<2.0", "<2.0", None),
            ("vers:maven/<2.0", "vers:maven/<1.0", None),
            ("vers:all/*", "vers:intdot/>1.0|<3.0", Some(true)),
            ("vers:all/*", "vers:intdot/!=1.0", Some(false)),
            ("vers:none/*", "vers:all/*", Some(false)),
            ("vers:all/*", "<1.0", Some(true)),
            (">2.1.0|<4.2.0", ">1.2.0|<2.4.0", Some(true)),
            (">2.1.0|<4.2.0", ">1.2.0|<=2.1.0", Some(false)),
            (">=2.4.0|<4.2.0", ">1.2.0|<2.4.0", Some(false)),
            (">2.4.0|<4.2.0", ">1.2.0|<2.1.0", Some(false)),
        ] {
            assert_eq!(r(a).overlaps(&r(b)), expected, "{a} and {b}");
            assert_eq!(r(b).overlaps(&r(a)), expected, "{b} and {a}");
        }
    }

    #[test]
    fn upper_open_ended() {
        for (s, open) in [
            ("vers:intdot/>=4.2.0", true),
            (">=4.2.0", true),
            ("vers:semver/<2.1.0|>4.2.0", true),
            ("<1.2.0|>=4.2.0", true),
            ("vers:intdot/<2.1.0|>4.2.0|!=5.1|!=6.3.0|!=9.17.4", true),
            ("vers:intdot/>1.0|5.0", true),
            ("vers:someweirdunknownverstype/<4.2.0|>3.91.1|!=3.2.0|<1.2", false),
            ("vers:x/<4.2.0|>5.0", true),
            (">=2|<1", true),
            ("vers:semver/<2.1.0|>4.2.0|<=5.4.18", false),
            ("<1.2.0|=4.2.0", false),
            ("vers:intdot/<2.1.0|>4.2.0|!=5.1|!=6.3.0|!=9.17.4|<=10.3.1", false),
            ("vers:intdot/4.2.0", false),
            ("vers:all/*", false),
            ("vers:none/*", false),
        ] {
            assert_eq!(parse(s).unwrap().is_upper_open_ended(), open, "{s}");
        }
    }

    #[test]
    fn generic_order() {
        for (a, b, o) in [
            ("1.2", "1.10", Ordering::Less),
            ("1.2", "1.2.0", Ordering::Equal),
            ("1.2.0", "1.2.1", Ordering::Less),
            ("2.0pre1", "2.0", Ordering::Less),
            ("2.0", "2.0.1", Ordering::Less),
            ("10.9a", "10.9c", Ordering::Less),
            ("V3.0.29", "3.0.29", Ordering::Equal),
            ("v3.0.29", "3.0.30", Ordering::Less),
            ("1.0-RC1", "1.0-rc1", Ordering::Equal),
            ("2024-4-pabc0019", "2024-10-pefd0010", Ordering::Less),
            ("001.02", "1.2", Ordering::Equal),
            (
                "99999999999999999999999",
                "100000000000000000000000",
                Ordering::Less,
            ),
            ("1.0é", "1.0", Ordering::Equal),
            ("", "0", Ordering::Equal),
        ] {
            assert_eq!(compare_generic(a, b), o, "{a} vs {b}");
            assert_eq!(compare_generic(b, a), o.reverse(), "{b} vs {a}");
        }
    }

    #[test]
    fn registered_types() {
        for t in [
            "npm", "pypi", "maven", "deb", "intdot", "semver", "generic", "all", "none",
        ] {
            assert!(is_registered(t), "{t}");
        }
        for t in [
            "someweirdunknownverstype",
            "example",
            "test",
            "invalid",
            "tomee",
            "demo",
        ] {
            assert!(!is_registered(t), "{t}");
        }
        assert_eq!(vers_type_of("vers:npm/1.0.0"), Some("npm"));
        assert_eq!(vers_type_of("VERS:NPM/1.0.0"), Some("NPM"));
        assert_eq!(vers_type_of("vers:/all"), None);
        assert_eq!(vers_type_of("<1.0"), None);
    }
}
