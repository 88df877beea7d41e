//! CVSS v2.0, v3.0, v3.1 and v4.0: strict vector parsing, scoring, and the property names and values of
//! the FIRST CVSS JSON schemas.
//!
//! Used by the CSAF tests 6.1.8 (invalid CVSS), 6.1.9 (invalid CVSS computation) and 6.1.10
//! (inconsistent CVSS).
//!
//! - [`parse_vector`] reads a vector string; the version comes from its prefix (`CVSS:3.0/`, `CVSS:3.1/`,
//!   `CVSS:4.0/`; a CVSS v2 vector has none).
//! - [`Vector::scores`] computes the scores with the formulas of the FIRST specifications (see [`v2`],
//!   [`v3`] and [`v4`] for the details of each version).
//! - [`expected_properties`] lists every JSON property of the FIRST schema with the value the vector
//!   implies; compare values with [`json_values_equal`].
//!
//! ```
//! use csaflint::cvss::{parse_vector, Severity};
//!
//! let v = parse_vector("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H").unwrap();
//! let scores = v.scores();
//! assert_eq!(scores.base, 9.8);
//! assert_eq!(Severity::from_score(scores.base), Severity::Critical);
//! ```

pub mod v2;
pub mod v3;
pub mod v4;

use serde_json::Value;
use std::fmt;
use std::str::FromStr;
use std::sync::LazyLock;

/// A CVSS version that CSAF documents use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum CvssVersion {
    /// CVSS v2.0 (vector without prefix).
    V2,
    /// CVSS v3.0 (`CVSS:3.0/`).
    V30,
    /// CVSS v3.1 (`CVSS:3.1/`).
    V31,
    /// CVSS v4.0 (`CVSS:4.0/`).
    V40,
}

impl CvssVersion {
    /// The version as the JSON `version` property writes it: `2.0`, `3.0`, `3.1`, `4.0`.
    pub fn as_str(self) -> &'static str {
        match self {
            CvssVersion::V2 => "2.0",
            CvssVersion::V30 => "3.0",
            CvssVersion::V31 => "3.1",
            CvssVersion::V40 => "4.0",
        }
    }

    /// Reads a JSON `version` property value (`2.0`, `3.0`, `3.1`, `4.0`).
    pub fn from_version_str(s: &str) -> Option<CvssVersion> {
        match s {
            "2.0" => Some(CvssVersion::V2),
            "3.0" => Some(CvssVersion::V30),
            "3.1" => Some(CvssVersion::V31),
            "4.0" => Some(CvssVersion::V40),
            _ => None,
        }
    }

    /// The definitions of every metric of this version, in the order of the specification.
    pub fn metric_definitions(self) -> &'static [MetricDef] {
        match self {
            CvssVersion::V2 => v2::METRICS,
            CvssVersion::V30 | CvssVersion::V31 => v3::METRICS,
            CvssVersion::V40 => v4::METRICS,
        }
    }

    /// Whether the specification requires the metrics of a vector in the order of
    /// [`metric_definitions`](Self::metric_definitions): true for v2.0 ("a predetermined order") and
    /// v4.0; v3.x vectors may list metrics in any order.
    pub fn requires_order(self) -> bool {
        matches!(self, CvssVersion::V2 | CvssVersion::V40)
    }
}

impl fmt::Display for CvssVersion {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The qualitative severity rating of a score (CVSS v3.x and v4.0; v2.0 has none in its schema).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Severity {
    /// 0.0.
    None,
    /// 0.1 – 3.9.
    Low,
    /// 4.0 – 6.9.
    Medium,
    /// 7.0 – 8.9.
    High,
    /// 9.0 – 10.0.
    Critical,
}

impl Severity {
    /// The rating of a score that is already rounded to one decimal.
    pub fn from_score(score: f64) -> Severity {
        if score <= 0.0 {
            Severity::None
        } else if score < 3.95 {
            Severity::Low
        } else if score < 6.95 {
            Severity::Medium
        } else if score < 8.95 {
            Severity::High
        } else {
            Severity::Critical
        }
    }

    /// The rating as the JSON schemas write it: `NONE`, `LOW`, `MEDIUM`, `HIGH`, `CRITICAL`.
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::None => "NONE",
            Severity::Low => "LOW",
            Severity::Medium => "MEDIUM",
            Severity::High => "HIGH",
            Severity::Critical => "CRITICAL",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One metric of a CVSS version: its abbreviation in vector strings, its JSON property, and its values.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MetricDef {
    /// The abbreviation in vector strings, e.g. `AV`, `Au`, `MSI`.
    pub abbrev: &'static str,
    /// The property of the FIRST JSON schema, e.g. `attackVector`, `Automatable`.
    pub property: &'static str,
    /// Whether every vector must contain the metric (the base metrics).
    pub mandatory: bool,
    /// The allowed values: (value in vector strings, enum value of the JSON schema), e.g.
    /// (`A`, `ADJACENT_NETWORK`).
    pub values: &'static [(&'static str, &'static str)],
}

impl MetricDef {
    /// The JSON enum value of a vector value of this metric, e.g. `N` → `NETWORK`.
    pub fn json_value(&self, value: &str) -> Option<&'static str> {
        self.values.iter().find(|(v, _)| *v == value).map(|(_, j)| *j)
    }

    /// The vector value that stands for "Not Defined" (`X`; `ND` in v2.0), for an optional metric.
    pub fn not_defined(&self) -> Option<&'static str> {
        if self.mandatory {
            return None;
        }
        self.values
            .iter()
            .find(|(_, j)| *j == "NOT_DEFINED")
            .map(|(v, _)| *v)
    }
}

/// Finds the definition of a metric by its vector abbreviation (case-sensitive).
pub fn metric_definition(version: CvssVersion, abbrev: &str) -> Option<&'static MetricDef> {
    version.metric_definitions().iter().find(|d| d.abbrev == abbrev)
}

/// Finds the definition of a metric by its JSON property name (case-sensitive).
pub fn metric_definition_by_property(version: CvssVersion, property: &str) -> Option<&'static MetricDef> {
    version
        .metric_definitions()
        .iter()
        .find(|d| d.property == property)
}

/// What is wrong with a vector string.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum VectorErrorKind {
    /// The `CVSS:x.y/` prefix names no supported version, or the vector is empty.
    Version,
    /// A part of the vector is not `NAME:VALUE` (e.g. a doubled or trailing `/`).
    Syntax,
    /// A metric the version does not define.
    UnknownMetric,
    /// A metric given more than once.
    DuplicateMetric,
    /// A base metric is missing.
    MissingMetric,
    /// The metrics are not in the order the specification requires (v2.0, v4.0).
    Order,
    /// A value the metric does not allow.
    InvalidValue,
}

/// A vector string that is not valid; the message follows the project's style (lowercase start,
/// values in backticks, no final period).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VectorError {
    kind: VectorErrorKind,
    message: String,
}

impl VectorError {
    fn new(kind: VectorErrorKind, message: String) -> VectorError {
        VectorError { kind, message }
    }

    /// What kind of problem this is.
    pub fn kind(&self) -> VectorErrorKind {
        self.kind
    }

    /// The human message, e.g. ``invalid value `Q` for metric `AV` (allowed: `N`, `A`, `L`, `P`)``.
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for VectorError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for VectorError {}

/// The largest number of metrics a CVSS version defines (v4.0: 32).
const MAX_METRICS: usize = 32;

/// A parsed, valid CVSS vector string.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Vector {
    version: CvssVersion,
    text: String,
    metrics: Vec<(&'static str, &'static str)>,
    /// The value of every metric, by its position in [`CvssVersion::metric_definitions`]: the written
    /// one, or Not Defined (`X`, `ND`) for an absent optional metric. Scoring reads many metrics many
    /// times; this spares it a search through `metrics` and the definitions for each.
    values: [&'static str; MAX_METRICS],
}

impl Vector {
    /// The version, from the prefix.
    pub fn version(&self) -> CvssVersion {
        self.version
    }

    /// The vector string as given.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The metrics as written: (abbreviation, value) pairs in the order of the string, e.g.
    /// (`AV`, `N`). Metrics written with the Not Defined value (`X`, `ND`) are included.
    pub fn metrics(&self) -> &[(&'static str, &'static str)] {
        &self.metrics
    }

    /// The value written for a metric, if the vector contains it.
    pub fn get(&self, abbrev: &str) -> Option<&'static str> {
        self.metrics.iter().find(|(a, _)| *a == abbrev).map(|(_, v)| *v)
    }

    /// The value of a metric, with absent optional metrics read as Not Defined (`X`; `ND` in v2.0).
    pub fn value(&self, abbrev: &str) -> &'static str {
        match self
            .version
            .metric_definitions()
            .iter()
            .position(|d| d.abbrev == abbrev)
        {
            Some(index) => self.values[index],
            None => "X",
        }
    }

    /// The value of the metric at `index` of [`CvssVersion::metric_definitions`], as [`value`](Self::value)
    /// reads it (absent optional metrics as Not Defined).
    ///
    /// # Panics
    /// If the version defines fewer metrics.
    pub fn value_at(&self, index: usize) -> &'static str {
        assert!(index < self.version.metric_definitions().len());
        self.values[index]
    }

    /// The scores the vector computes to (see [`Scores`]).
    pub fn scores(&self) -> Scores {
        match self.version {
            CvssVersion::V2 => v2::scores(self),
            CvssVersion::V30 | CvssVersion::V31 => v3::scores(self),
            CvssVersion::V40 => Scores {
                base: v4::score(self),
                temporal: None,
                environmental: None,
            },
        }
    }
}

impl fmt::Display for Vector {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

impl FromStr for Vector {
    type Err = VectorError;

    fn from_str(s: &str) -> Result<Vector, VectorError> {
        parse_vector(s)
    }
}

/// The scores of a vector, each rounded as its specification says.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Scores {
    /// v2.0 and v3.x: the base score. v4.0: the one CVSS v4.0 score of the whole vector (CVSS-B, -BT,
    /// -BE or -BTE, whichever metrics it contains), which the FIRST v4.0 schema calls `baseScore`.
    pub base: f64,
    /// v2.0 and v3.x: the temporal score, computed with Not Defined values for absent temporal
    /// metrics (then it equals the base score). None for v4.0.
    pub temporal: Option<f64>,
    /// v2.0 and v3.x: the environmental score, computed with Not Defined values for absent metrics.
    /// Without environmental metrics it equals the temporal score, with two exceptions of the formulas:
    /// v3.1 with a changed scope (its modified impact formula differs from the base one; 80 base
    /// vectors, e.g. `CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:C/C:H/I:H/A:H`: base 9.9, environmental 10.0), and
    /// v2.0 `AV:L/AC:L/Au:N/C:C/I:C/A:C` (the adjusted impact is capped at 10: 7.2, environmental 7.1).
    /// None for v4.0.
    pub environmental: Option<f64>,
}

/// Parses a CVSS vector string strictly: the version from the prefix, every metric known and given
/// once, every base metric present, values allowed, and the order of the specification where it
/// requires one (v2.0, v4.0).
pub fn parse_vector(vector: &str) -> Result<Vector, VectorError> {
    let (version, body) = if let Some(rest) = vector.strip_prefix("CVSS:") {
        let (ver, body) = match rest.split_once('/') {
            Some((ver, body)) => (ver, Some(body)),
            None => (rest, None),
        };
        let version = match ver {
            "3.0" => CvssVersion::V30,
            "3.1" => CvssVersion::V31,
            "4.0" => CvssVersion::V40,
            "2.0" => {
                return Err(VectorError::new(
                    VectorErrorKind::Version,
                    "unsupported prefix `CVSS:2.0/`: CVSS v2 vectors have no prefix".into(),
                ))
            }
            _ => {
                return Err(VectorError::new(
                    VectorErrorKind::Version,
                    format!("unsupported CVSS version `{ver}`"),
                ))
            }
        };
        match body {
            Some(body) => (version, body),
            None => {
                return Err(VectorError::new(
                    VectorErrorKind::Syntax,
                    format!("CVSS {version} vector `{vector}` has no metrics"),
                ))
            }
        }
    } else {
        if vector.is_empty() {
            return Err(VectorError::new(
                VectorErrorKind::Syntax,
                "empty CVSS vector".into(),
            ));
        }
        (CvssVersion::V2, vector)
    };
    parse_body(version, vector, body).map_err(|mut e| {
        if version == CvssVersion::V2 && parse_body(CvssVersion::V31, vector, vector).is_ok() {
            e.message
                .push_str(" (a CVSS v3 vector needs its prefix `CVSS:3.0/` or `CVSS:3.1/`)");
        }
        e
    })
}

/// Parses a vector string of a known version, as [`parse_vector`] does, but also accepts a v3.x or v4.0
/// vector without its `CVSS:x.y/` prefix (CVRF documents often omit it in `VectorV3`). A prefix that
/// names another version is an error.
pub fn parse_vector_as(vector: &str, version: CvssVersion) -> Result<Vector, VectorError> {
    if vector.starts_with("CVSS:") || version == CvssVersion::V2 {
        let parsed = parse_vector(vector)?;
        if parsed.version() != version {
            return Err(VectorError::new(
                VectorErrorKind::Version,
                format!(
                    "expected a CVSS {version} vector, found CVSS {}",
                    parsed.version()
                ),
            ));
        }
        return Ok(parsed);
    }
    if vector.is_empty() {
        return Err(VectorError::new(
            VectorErrorKind::Syntax,
            "empty CVSS vector".into(),
        ));
    }
    parse_body(version, vector, vector)
}

fn parse_body(version: CvssVersion, text: &str, body: &str) -> Result<Vector, VectorError> {
    let defs = version.metric_definitions();
    let mut metrics: Vec<(&'static str, &'static str)> =
        Vec::with_capacity(body.split('/').count().min(MAX_METRICS));
    let mut values = not_defined_values(version);
    let mut seen = [false; MAX_METRICS];
    // index in `defs` of the metric written last, for the order check
    let mut last: Option<usize> = None;
    for part in body.split('/') {
        if part.is_empty() {
            return Err(VectorError::new(
                VectorErrorKind::Syntax,
                format!("empty metric in CVSS {version} vector `{text}` (doubled or trailing `/`)"),
            ));
        }
        let Some((name, value)) = part.split_once(':') else {
            return Err(VectorError::new(
                VectorErrorKind::Syntax,
                format!("malformed metric `{part}` in CVSS {version} vector: expected `NAME:VALUE`"),
            ));
        };
        let Some(index) = defs.iter().position(|d| d.abbrev == name) else {
            return Err(VectorError::new(
                VectorErrorKind::UnknownMetric,
                format!("unknown metric `{name}` in CVSS {version} vector"),
            ));
        };
        let def = &defs[index];
        if seen[index] {
            return Err(VectorError::new(
                VectorErrorKind::DuplicateMetric,
                format!("metric `{name}` appears more than once in CVSS {version} vector"),
            ));
        }
        seen[index] = true;
        if version.requires_order() {
            if let Some(prev) = last {
                if index < prev {
                    return Err(VectorError::new(
                        VectorErrorKind::Order,
                        format!(
                            "metric `{name}` must come before `{}`: CVSS {version} requires the order of \
                             the specification",
                            defs[prev].abbrev
                        ),
                    ));
                }
            }
        }
        last = Some(index);
        let Some(&(value, _)) = def.values.iter().find(|(v, _)| *v == value) else {
            let allowed: Vec<String> = def.values.iter().map(|(v, _)| format!("`{v}`")).collect();
            return Err(VectorError::new(
                VectorErrorKind::InvalidValue,
                format!(
                    "invalid value `{value}` for metric `{name}` (allowed: {})",
                    allowed.join(", ")
                ),
            ));
        };
        metrics.push((def.abbrev, value));
        values[index] = value;
    }
    let missing: Vec<String> = defs
        .iter()
        .zip(&seen)
        .filter(|(d, seen)| d.mandatory && !**seen)
        .map(|(d, _)| format!("`{}`", d.abbrev))
        .collect();
    if !missing.is_empty() {
        let s = if missing.len() == 1 { "" } else { "s" };
        return Err(VectorError::new(
            VectorErrorKind::MissingMetric,
            format!(
                "CVSS {version} vector lacks the base metric{s} {}",
                missing.join(", ")
            ),
        ));
    }
    Ok(Vector {
        version,
        text: text.to_string(),
        metrics,
        values,
    })
}

/// The values of a vector without any metric: Not Defined (`X`, `ND`) for each optional metric, `X`
/// for the base metrics (which a valid vector always states).
fn not_defined_values(version: CvssVersion) -> [&'static str; MAX_METRICS] {
    static VALUES: LazyLock<[[&'static str; MAX_METRICS]; 3]> = LazyLock::new(|| {
        [CvssVersion::V2, CvssVersion::V31, CvssVersion::V40].map(|version| {
            let mut values = ["X"; MAX_METRICS];
            for (value, def) in values.iter_mut().zip(version.metric_definitions()) {
                *value = def.not_defined().unwrap_or("X");
            }
            values
        })
    });
    VALUES[match version {
        CvssVersion::V2 => 0,
        CvssVersion::V30 | CvssVersion::V31 => 1,
        CvssVersion::V40 => 2,
    }]
}

/// The JSON properties whose values are computed from the vector (scores and severities), as opposed
/// to the metric properties and `version`. Test 6.1.9 checks these, 6.1.10 the others.
pub const COMPUTED_PROPERTIES: &[&str] = &[
    "baseScore",
    "baseSeverity",
    "temporalScore",
    "temporalSeverity",
    "environmentalScore",
    "environmentalSeverity",
];

/// Whether a JSON property is a computed score or severity (see [`COMPUTED_PROPERTIES`]).
pub fn is_computed_property(property: &str) -> bool {
    COMPUTED_PROPERTIES.contains(&property)
}

/// Every JSON property of the FIRST CVSS schema of the vector's version, with the value the vector
/// implies:
///
/// - `version` (`2.0`, `3.0`, `3.1`, `4.0`);
/// - every metric property (absent optional metrics as `NOT_DEFINED`), with the schema's enum values;
/// - the computed scores and severities: v2.0 `baseScore`, `temporalScore`, `environmentalScore`;
///   v3.x those and `baseSeverity`, `temporalSeverity`, `environmentalSeverity`; v4.0 `baseScore` and
///   `baseSeverity` (the FIRST v4.0 schema has no other score; `baseScore` is the score of the whole
///   vector, threat and environmental metrics included).
///
/// A property absent from a CVSS object is not an inconsistency; compare only the present ones, and
/// compare values with [`json_values_equal`] (scores are numbers: `10` and `10.0` are equal).
pub fn expected_properties(vector: &Vector) -> Vec<(&'static str, Value)> {
    let version = vector.version();
    let mut out: Vec<(&'static str, Value)> = vec![("version", Value::from(version.as_str()))];
    for def in version.metric_definitions() {
        let value = vector.value(def.abbrev);
        if let Some(json) = def.json_value(value) {
            out.push((def.property, Value::from(json)));
        }
    }
    let scores = vector.scores();
    let severity = |s: f64| Value::from(Severity::from_score(s).as_str());
    match version {
        CvssVersion::V2 => {
            out.push(("baseScore", Value::from(scores.base)));
            out.extend(scores.temporal.map(|t| ("temporalScore", Value::from(t))));
            out.extend(
                scores
                    .environmental
                    .map(|e| ("environmentalScore", Value::from(e))),
            );
        }
        CvssVersion::V30 | CvssVersion::V31 => {
            out.push(("baseScore", Value::from(scores.base)));
            out.push(("baseSeverity", severity(scores.base)));
            if let Some(t) = scores.temporal {
                out.push(("temporalScore", Value::from(t)));
                out.push(("temporalSeverity", severity(t)));
            }
            if let Some(e) = scores.environmental {
                out.push(("environmentalScore", Value::from(e)));
                out.push(("environmentalSeverity", severity(e)));
            }
        }
        CvssVersion::V40 => {
            out.push(("baseScore", Value::from(scores.base)));
            out.push(("baseSeverity", severity(scores.base)));
        }
    }
    out
}

/// The value a CVSS JSON property should have (see [`expected_property`] and [`expected_score`]):
/// the allocation-free counterpart of the values of [`expected_properties`].
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Expected {
    /// A string: `version`, a metric's enum value, or a severity.
    Str(&'static str),
    /// A score.
    Number(f64),
}

impl Expected {
    /// The value as [`expected_properties`] gives it.
    pub fn to_value(self) -> Value {
        match self {
            Expected::Str(s) => Value::from(s),
            Expected::Number(n) => Value::from(n),
        }
    }

    /// Whether `actual` equals the value, as [`json_values_equal`]`(actual, &self.to_value())` says.
    pub fn matches(self, actual: &Value) -> bool {
        match self {
            Expected::Str(s) => actual.as_str() == Some(s),
            // `Value::from` gives null for a non-finite number
            Expected::Number(n) if !n.is_finite() => actual.is_null(),
            // as `json_values_equal`: a number that is not finite as f64 (`1e400`) equals no score
            Expected::Number(n) => {
                matches!(actual, Value::Number(x) if x.as_f64().is_some_and(|x| (x - n).abs() < 1e-9))
            }
        }
    }
}

/// The expected value of one `version` or metric property of a CVSS object (the properties that are
/// not [computed](is_computed_property)), with its position among [`expected_properties`]; `None` for
/// any other property.
pub fn expected_property(vector: &Vector, property: &str) -> Option<(usize, Expected)> {
    let version = vector.version();
    if property == "version" {
        return Some((0, Expected::Str(version.as_str())));
    }
    let defs = version.metric_definitions();
    let index = defs.iter().position(|d| d.property == property)?;
    let json = defs[index].json_value(vector.values[index])?;
    Some((1 + index, Expected::Str(json)))
}

/// The expected value of one [computed](is_computed_property) property of a CVSS object of `version`
/// with `scores`, with its position among the computed properties of [`expected_properties`]; `None`
/// for a property the version's schema does not compute.
pub fn expected_score(version: CvssVersion, scores: &Scores, property: &str) -> Option<(usize, Expected)> {
    let severity = |s: f64| Expected::Str(Severity::from_score(s).as_str());
    let with_severity = version != CvssVersion::V2;
    let v4 = version == CvssVersion::V40;
    let (position, expected) = match property {
        "baseScore" => (0, Expected::Number(scores.base)),
        "baseSeverity" if with_severity => (1, severity(scores.base)),
        "temporalScore" if !v4 => (2, Expected::Number(scores.temporal?)),
        "temporalSeverity" if with_severity && !v4 => (3, severity(scores.temporal?)),
        "environmentalScore" if !v4 => (4, Expected::Number(scores.environmental?)),
        "environmentalSeverity" if with_severity && !v4 => (5, severity(scores.environmental?)),
        _ => return None,
    };
    Some((position, expected))
}

/// Compares two JSON values the way the CVSS tests need: numbers by value (`10`, `10.0` and `1e1` are
/// equal, within 1e-9), everything else exactly.
pub fn json_values_equal(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Number(x), Value::Number(y)) => match (x.as_f64(), y.as_f64()) {
            (Some(x), Some(y)) => (x - y).abs() < 1e-9,
            _ => x == y,
        },
        _ => a == b,
    }
}

/// The vector completed with the metric properties of a CVSS JSON object: every metric the vector
/// leaves out but the object states (e.g. `modifiedIntegrityImpact: NONE`) is added, in the order of
/// the specification. Metrics in the vector win. `None` when the result is not a valid vector.
pub fn with_properties(vector: &Vector, fields: &serde_json::Map<String, Value>) -> Option<Vector> {
    let version = vector.version();
    let mut text = String::with_capacity(vector.as_str().len() + 16);
    if version != CvssVersion::V2 {
        text.push_str("CVSS:");
        text.push_str(version.as_str());
        text.push('/');
    }
    let start = text.len();
    for def in version.metric_definitions() {
        let value = vector
            .get(def.abbrev)
            .or_else(|| stated_value(def, fields.get(def.property)?));
        if let Some(value) = value {
            if text.len() > start {
                text.push('/');
            }
            text.push_str(def.abbrev);
            text.push(':');
            text.push_str(value);
        }
    }
    parse_vector(&text).ok()
}

/// The vector value of a metric property's JSON value (`NONE` → `N`), if it is one of the metric's.
fn stated_value(def: &MetricDef, json: &Value) -> Option<&'static str> {
    let json = json.as_str()?;
    def.values.iter().find(|(_, j)| *j == json).map(|(v, _)| *v)
}

/// The scores of [`with_properties`]`(vector, fields)`, given the vector's own `scores`: the completed
/// vector is only built when the object states a metric that the vector leaves out (otherwise it has
/// the vector's metrics and so its scores).
pub fn scores_with_properties(
    vector: &Vector,
    scores: &Scores,
    fields: &serde_json::Map<String, Value>,
) -> Option<Scores> {
    let defs = vector.version().metric_definitions();
    let adds_metric = fields.iter().any(|(property, json)| {
        defs.iter()
            .find(|d| d.property == property)
            .is_some_and(|def| vector.get(def.abbrev).is_none() && stated_value(def, json).is_some())
    });
    if adds_metric {
        with_properties(vector, fields).map(|v| v.scores())
    } else {
        Some(*scores)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(v: &str) -> VectorError {
        parse_vector(v).expect_err(v)
    }

    #[test]
    fn versions_from_prefix() {
        assert_eq!(
            parse_vector("AV:N/AC:L/Au:N/C:P/I:P/A:P").unwrap().version(),
            CvssVersion::V2
        );
        assert_eq!(
            parse_vector("CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H")
                .unwrap()
                .version(),
            CvssVersion::V30
        );
        assert_eq!(
            parse_vector("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H")
                .unwrap()
                .version(),
            CvssVersion::V31
        );
        assert_eq!(
            parse_vector("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N")
                .unwrap()
                .version(),
            CvssVersion::V40
        );
        assert_eq!(err("CVSS:3.2/AV:N").kind(), VectorErrorKind::Version);
        assert_eq!(err("CVSS:3.2/AV:N").message(), "unsupported CVSS version `3.2`");
        assert_eq!(
            err("CVSS:2.0/AV:N/AC:L/Au:N/C:P/I:P/A:P").kind(),
            VectorErrorKind::Version
        );
        assert_eq!(err("CVSS:3.1").kind(), VectorErrorKind::Syntax);
        assert_eq!(err("").kind(), VectorErrorKind::Syntax);
    }

    #[test]
    fn metrics_and_values() {
        let v = parse_vector("CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N/E:X").unwrap();
        assert_eq!(v.metrics()[0], ("AV", "N"));
        assert_eq!(v.metrics().len(), 9);
        assert_eq!(v.get("S"), Some("C"));
        assert_eq!(v.get("RL"), None);
        assert_eq!(v.value("RL"), "X");
        assert_eq!(v.value("E"), "X");
        assert_eq!(v.to_string(), "CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N/E:X");
        let v2: Vector = "AV:N/AC:L/Au:N/C:P/I:P/A:P".parse().unwrap();
        assert_eq!(v2.value("E"), "ND");
    }

    #[test]
    fn strict_errors() {
        let e = err("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/XX:Y");
        assert_eq!(e.kind(), VectorErrorKind::UnknownMetric);
        assert_eq!(e.message(), "unknown metric `XX` in CVSS 3.1 vector");

        let e = err("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/AV:L");
        assert_eq!(e.kind(), VectorErrorKind::DuplicateMetric);
        assert_eq!(
            e.message(),
            "metric `AV` appears more than once in CVSS 3.1 vector"
        );

        let e = err("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H");
        assert_eq!(e.kind(), VectorErrorKind::MissingMetric);
        assert_eq!(e.message(), "CVSS 3.1 vector lacks the base metric `A`");
        let e = err("CVSS:3.0/AV:N/AC:L/UI:N/C:H/I:H/A:H");
        assert_eq!(e.message(), "CVSS 3.0 vector lacks the base metrics `PR`, `S`");

        let e = err("CVSS:3.1/AV:Q/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H");
        assert_eq!(e.kind(), VectorErrorKind::InvalidValue);
        assert_eq!(
            e.message(),
            "invalid value `Q` for metric `AV` (allowed: `N`, `A`, `L`, `P`)"
        );
        // values are case-sensitive
        assert_eq!(
            err("CVSS:3.1/AV:n/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H").kind(),
            VectorErrorKind::InvalidValue
        );
        // metric names too
        assert_eq!(
            err("CVSS:3.1/av:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H").kind(),
            VectorErrorKind::UnknownMetric
        );

        for bad in [
            "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/",
            "CVSS:3.1//AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
            "CVSS:3.1/AV:N/ACL/PR:N/UI:N/S:U/C:H/I:H/A:H",
        ] {
            assert_eq!(err(bad).kind(), VectorErrorKind::Syntax, "{bad}");
        }
        assert_eq!(
            err("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/").message(),
            "empty metric in CVSS 3.1 vector `CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/` (doubled or \
             trailing `/`)"
        );
    }

    #[test]
    fn v3_vector_without_prefix() {
        let bare = "AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H";
        assert_eq!(
            err(bare).message(),
            "unknown metric `PR` in CVSS 2.0 vector (a CVSS v3 vector needs its prefix `CVSS:3.0/` or \
             `CVSS:3.1/`)"
        );
        let v = parse_vector_as(bare, CvssVersion::V30).unwrap();
        assert_eq!(
            (v.version(), v.as_str(), v.scores().base),
            (CvssVersion::V30, bare, 9.8)
        );
        let v = parse_vector_as("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", CvssVersion::V31).unwrap();
        assert_eq!(v.version(), CvssVersion::V31);
        let e =
            parse_vector_as("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H", CvssVersion::V30).unwrap_err();
        assert_eq!(e.message(), "expected a CVSS 3.0 vector, found CVSS 3.1");
        assert!(parse_vector_as("AV:N/AC:L/Au:N/C:P/I:P/A:P", CvssVersion::V2).is_ok());
        assert_eq!(
            parse_vector_as(bare, CvssVersion::V2).unwrap_err().kind(),
            VectorErrorKind::UnknownMetric
        );
    }

    #[test]
    fn order() {
        // v3.x: any order is valid
        let v = parse_vector("CVSS:3.1/S:U/C:H/I:H/A:H/AV:N/AC:L/PR:N/UI:N/E:F").unwrap();
        assert_eq!(v.scores().base, 9.8);
        // v4.0: the order of the specification
        let e = err("CVSS:4.0/AC:L/AV:N/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N");
        assert_eq!(e.kind(), VectorErrorKind::Order);
        assert_eq!(
            e.message(),
            "metric `AV` must come before `AC`: CVSS 4.0 requires the order of the specification"
        );
        assert_eq!(
            err("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/CR:H/E:A").kind(),
            VectorErrorKind::Order
        );
        // v2.0: the predetermined order
        assert_eq!(err("AC:L/AV:N/Au:N/C:P/I:P/A:P").kind(), VectorErrorKind::Order);
        assert_eq!(
            err("AV:N/AC:L/Au:N/C:P/I:P/A:P/RL:OF/E:F").kind(),
            VectorErrorKind::Order
        );
        assert!(parse_vector("AV:N/AC:L/Au:N/C:P/I:P/A:P/E:F/RC:C").is_ok());
    }

    #[test]
    fn severities() {
        assert_eq!(Severity::from_score(0.0), Severity::None);
        assert_eq!(Severity::from_score(0.1), Severity::Low);
        assert_eq!(Severity::from_score(3.9), Severity::Low);
        assert_eq!(Severity::from_score(4.0), Severity::Medium);
        assert_eq!(Severity::from_score(6.9), Severity::Medium);
        assert_eq!(Severity::from_score(7.0), Severity::High);
        assert_eq!(Severity::from_score(8.9), Severity::High);
        assert_eq!(Severity::from_score(9.0), Severity::Critical);
        assert_eq!(Severity::from_score(10.0), Severity::Critical);
        assert_eq!(Severity::High.as_str(), "HIGH");
    }

    #[test]
    fn definitions_match_schemas() {
        // every property and enum value of our tables exists in the FIRST schema files, and every
        // metric property of the schemas is in our tables
        let schemas = [
            (
                CvssVersion::V2,
                include_str!("../../schemas/first/cvss-v2.0.json"),
            ),
            (
                CvssVersion::V30,
                include_str!("../../schemas/first/cvss-v3.0.json"),
            ),
            (
                CvssVersion::V31,
                include_str!("../../schemas/first/cvss-v3.1.json"),
            ),
            (
                CvssVersion::V40,
                include_str!("../../schemas/first/cvss-v4.0.json"),
            ),
        ];
        for (version, text) in schemas {
            let schema: Value = serde_json::from_str(text).unwrap();
            let defs = schema.get("definitions").or_else(|| schema.get("$defs")).unwrap();
            let props = schema["properties"].as_object().unwrap();
            let enum_of = |prop: &str| -> Vec<String> {
                let reference = props[prop]["$ref"].as_str().unwrap();
                let name = reference.rsplit('/').next().unwrap();
                defs[name]["enum"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|v| v.as_str().unwrap().to_string())
                    .collect()
            };
            for def in version.metric_definitions() {
                assert!(props.contains_key(def.property), "{version} {}", def.property);
                let mut ours: Vec<String> = def.values.iter().map(|(_, j)| j.to_string()).collect();
                let mut theirs = enum_of(def.property);
                ours.sort();
                theirs.sort();
                assert_eq!(ours, theirs, "{version} {}", def.property);
            }
            for prop in props.keys() {
                if ["version", "vectorString"].contains(&prop.as_str()) || is_computed_property(prop) {
                    continue;
                }
                assert!(
                    metric_definition_by_property(version, prop).is_some(),
                    "{version}: schema property {prop} has no metric"
                );
            }
        }
    }

    #[test]
    fn expected_properties_v3() {
        let v = parse_vector("CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N").unwrap();
        let props = expected_properties(&v);
        let get = |name: &str| {
            props
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| v.clone())
                .unwrap()
        };
        assert_eq!(get("version"), "3.1");
        assert_eq!(get("attackVector"), "NETWORK");
        assert_eq!(get("userInteraction"), "REQUIRED");
        assert_eq!(get("scope"), "CHANGED");
        assert_eq!(get("availabilityImpact"), "NONE");
        assert_eq!(get("exploitCodeMaturity"), "NOT_DEFINED");
        assert_eq!(get("modifiedScope"), "NOT_DEFINED");
        assert!(json_values_equal(&get("baseScore"), &serde_json::json!(6.1)));
        assert_eq!(get("baseSeverity"), "MEDIUM");
        assert!(json_values_equal(&get("temporalScore"), &serde_json::json!(6.1)));
        assert_eq!(get("temporalSeverity"), "MEDIUM");
        assert!(props.iter().any(|(n, _)| *n == "environmentalScore"));
        // one entry per property
        let mut names: Vec<&str> = props.iter().map(|(n, _)| *n).collect();
        names.sort();
        names.dedup();
        assert_eq!(names.len(), props.len());
    }

    #[test]
    fn expected_properties_v2_and_v4() {
        let v = parse_vector("AV:N/AC:L/Au:N/C:C/I:C/A:C/E:POC").unwrap();
        let props = expected_properties(&v);
        let get = |name: &str| props.iter().find(|(n, _)| *n == name).map(|(_, v)| v.clone());
        assert_eq!(get("accessVector").unwrap(), "NETWORK");
        assert_eq!(get("exploitability").unwrap(), "PROOF_OF_CONCEPT");
        assert_eq!(get("targetDistribution").unwrap(), "NOT_DEFINED");
        assert!(json_values_equal(
            &get("baseScore").unwrap(),
            &serde_json::json!(10)
        ));
        assert!(json_values_equal(
            &get("temporalScore").unwrap(),
            &serde_json::json!(9.0)
        ));
        assert_eq!(get("baseSeverity"), None);

        let v =
            parse_vector("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H/E:P/MSI:N/U:Amber")
                .unwrap();
        let props = expected_properties(&v);
        let get = |name: &str| props.iter().find(|(n, _)| *n == name).map(|(_, v)| v.clone());
        assert_eq!(get("attackRequirements").unwrap(), "NONE");
        assert_eq!(get("subIntegrityImpact").unwrap(), "HIGH");
        assert_eq!(get("modifiedSubIntegrityImpact").unwrap(), "NEGLIGIBLE");
        assert_eq!(get("exploitMaturity").unwrap(), "PROOF_OF_CONCEPT");
        assert_eq!(get("providerUrgency").unwrap(), "AMBER");
        assert_eq!(get("Automatable").unwrap(), "NOT_DEFINED");
        assert_eq!(get("baseSeverity").unwrap(), "CRITICAL");
        assert_eq!(get("threatScore"), None);
    }

    #[test]
    fn single_expected_properties_agree_with_the_list() {
        let vectors = [
            "AV:N/AC:L/Au:N/C:C/I:C/A:C/E:POC",
            "AV:L/AC:H/Au:M/C:N/I:P/A:N/E:U/RL:OF/RC:UR/CDP:LM/TD:H/CR:L/IR:M/AR:H",
            "CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
            "CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:C/C:H/I:H/A:H/E:F/MS:U/MC:N",
            "CVSS:3.1/AV:P/AC:H/PR:H/UI:R/S:U/C:N/I:N/A:N",
            "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H/E:P/MSI:N/U:Amber",
        ];
        let actuals: Vec<Value> = serde_json::from_str(
            r#"[null, true, "3.1", "NETWORK", "HIGH", "NOT_DEFINED", 9.8, 10, 10.0, 1e1, 1e400, "9.8", 0, 5.3]"#,
        )
        .unwrap();
        for text in vectors {
            let v = parse_vector(text).unwrap();
            let scores = v.scores();
            let all = expected_properties(&v);
            let (mut last_plain, mut last_computed) = (None, None);
            for (name, value) in &all {
                let (single, last) = if is_computed_property(name) {
                    (expected_score(v.version(), &scores, name), &mut last_computed)
                } else {
                    (expected_property(&v, name), &mut last_plain)
                };
                let (position, expected) = single.unwrap_or_else(|| panic!("{text} {name}"));
                assert!(*last < Some(position), "{text} {name}: order");
                *last = Some(position);
                assert_eq!(&expected.to_value(), value, "{text} {name}");
                for actual in &actuals {
                    assert_eq!(
                        expected.matches(actual),
                        json_values_equal(actual, value),
                        "{text} {name} {actual}"
                    );
                }
            }
            // nothing else has an expected value
            for name in ["vectorString", "unknown", "threatScore"]
                .into_iter()
                .chain(COMPUTED_PROPERTIES.iter().copied())
                .filter(|n| !all.iter().any(|(a, _)| a == n))
            {
                assert_eq!(expected_property(&v, name), None, "{text} {name}");
                assert_eq!(expected_score(v.version(), &scores, name), None, "{text} {name}");
            }
        }
    }

    #[test]
    fn completed_scores() {
        let fields: serde_json::Map<String, Value> = serde_json::from_str(
            r#"{"modifiedConfidentialityImpact": "NONE", "modifiedIntegrityImpact": "NONE",
                "modifiedAvailabilityImpact": "NOT_A_VALUE", "attackVector": "LOCAL"}"#,
        )
        .unwrap();
        let v = parse_vector("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H").unwrap();
        let completed = with_properties(&v, &fields).unwrap();
        assert_eq!(
            completed.as_str(),
            "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/MC:N/MI:N"
        );
        assert_eq!(
            scores_with_properties(&v, &v.scores(), &fields),
            Some(completed.scores())
        );
        // nothing to add: the vector's own scores
        let v = parse_vector("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/MC:L/MI:L").unwrap();
        assert_eq!(with_properties(&v, &fields).unwrap().as_str(), v.as_str());
        assert_eq!(scores_with_properties(&v, &v.scores(), &fields), Some(v.scores()));
        let v = parse_vector("AV:N/AC:L/Au:N/C:C/I:C/A:C").unwrap();
        let fields = serde_json::from_str(r#"{"targetDistribution": "NONE"}"#).unwrap();
        let completed = with_properties(&v, &fields).unwrap();
        assert_eq!(completed.as_str(), "AV:N/AC:L/Au:N/C:C/I:C/A:C/TD:N");
        assert_eq!(completed.scores().environmental, Some(0.0));
        assert_eq!(
            scores_with_properties(&v, &v.scores(), &fields),
            Some(completed.scores())
        );
    }

    #[test]
    fn json_number_comparison() {
        let parsed: Value = serde_json::from_str("[10, 10.0, 9.8, 9.80]").unwrap();
        assert!(json_values_equal(&parsed[0], &Value::from(10.0)));
        assert!(json_values_equal(&parsed[1], &Value::from(10.0)));
        assert!(json_values_equal(&parsed[2], &Value::from(9.8)));
        assert!(json_values_equal(&parsed[3], &Value::from(9.8)));
        assert!(!json_values_equal(&parsed[2], &Value::from(9.9)));
        assert!(!json_values_equal(&Value::from("9.8"), &Value::from(9.8)));
    }
}
