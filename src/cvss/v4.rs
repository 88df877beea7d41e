//! CVSS v4.0: metrics and scoring as the FIRST CVSS v4.0 specification and its reference calculator
//! define it.
//!
//! A vector is mapped to a MacroVector of six equivalence classes (EQ1 … EQ6); the score of the
//! MacroVector's highest-severity vectors comes from the lookup table of the specification
//! ([`macro_vector_score`]). The score of the vector is that value minus the mean, over the EQs that
//! have a lower MacroVector, of the scoring difference to that lower MacroVector, scaled by the
//! proportion of the vector's severity distance from the MacroVector's highest-severity vector to the
//! MacroVector's depth. The result is clamped to 0 – 10 and rounded half up to one decimal (after
//! adding 1e-6 against floating-point noise below a tie, as the reference implementations do). A vector
//! without any impact (all of VC, VI, VA, SC, SI, SA None after modification) scores 0.
//!
//! There is one score per vector: threat (`E`) and environmental metrics (`CR`, `IR`, `AR`, `M*`) take
//! part in it when given, and the result is named CVSS-B, CVSS-BT, CVSS-BE or CVSS-BTE
//! ([`nomenclature`]). Absent or `X` values count as `E:A` and `CR:H`/`IR:H`/`AR:H` (worst case); an
//! absent or `X` modified metric takes the base value. Supplemental metrics (`S`, `AU`, `R`, `V`, `RE`,
//! `U`) do not change the score.

use super::{MetricDef, Vector};

const IMPACT: &[(&str, &str)] = &[("H", "HIGH"), ("L", "LOW"), ("N", "NONE")];
const REQUIREMENT: &[(&str, &str)] = &[("X", "NOT_DEFINED"), ("H", "HIGH"), ("M", "MEDIUM"), ("L", "LOW")];
const MODIFIED_VULN_IMPACT: &[(&str, &str)] =
    &[("X", "NOT_DEFINED"), ("H", "HIGH"), ("L", "LOW"), ("N", "NONE")];
const MODIFIED_SUB_IMPACT: &[(&str, &str)] = &[
    ("X", "NOT_DEFINED"),
    ("H", "HIGH"),
    ("L", "LOW"),
    ("N", "NEGLIGIBLE"),
    ("S", "SAFETY"),
];

/// The CVSS v4.0 metrics in the order of the specification (which vectors must follow), with the
/// property names and enum values of the FIRST schema `cvss-v4.0.json`.
pub const METRICS: &[MetricDef] = &[
    MetricDef {
        abbrev: "AV",
        property: "attackVector",
        mandatory: true,
        values: &[
            ("N", "NETWORK"),
            ("A", "ADJACENT"),
            ("L", "LOCAL"),
            ("P", "PHYSICAL"),
        ],
    },
    MetricDef {
        abbrev: "AC",
        property: "attackComplexity",
        mandatory: true,
        values: &[("L", "LOW"), ("H", "HIGH")],
    },
    MetricDef {
        abbrev: "AT",
        property: "attackRequirements",
        mandatory: true,
        values: &[("N", "NONE"), ("P", "PRESENT")],
    },
    MetricDef {
        abbrev: "PR",
        property: "privilegesRequired",
        mandatory: true,
        values: &[("N", "NONE"), ("L", "LOW"), ("H", "HIGH")],
    },
    MetricDef {
        abbrev: "UI",
        property: "userInteraction",
        mandatory: true,
        values: &[("N", "NONE"), ("P", "PASSIVE"), ("A", "ACTIVE")],
    },
    MetricDef {
        abbrev: "VC",
        property: "vulnConfidentialityImpact",
        mandatory: true,
        values: IMPACT,
    },
    MetricDef {
        abbrev: "VI",
        property: "vulnIntegrityImpact",
        mandatory: true,
        values: IMPACT,
    },
    MetricDef {
        abbrev: "VA",
        property: "vulnAvailabilityImpact",
        mandatory: true,
        values: IMPACT,
    },
    MetricDef {
        abbrev: "SC",
        property: "subConfidentialityImpact",
        mandatory: true,
        values: IMPACT,
    },
    MetricDef {
        abbrev: "SI",
        property: "subIntegrityImpact",
        mandatory: true,
        values: IMPACT,
    },
    MetricDef {
        abbrev: "SA",
        property: "subAvailabilityImpact",
        mandatory: true,
        values: IMPACT,
    },
    MetricDef {
        abbrev: "E",
        property: "exploitMaturity",
        mandatory: false,
        values: &[
            ("X", "NOT_DEFINED"),
            ("A", "ATTACKED"),
            ("P", "PROOF_OF_CONCEPT"),
            ("U", "UNREPORTED"),
        ],
    },
    MetricDef {
        abbrev: "CR",
        property: "confidentialityRequirement",
        mandatory: false,
        values: REQUIREMENT,
    },
    MetricDef {
        abbrev: "IR",
        property: "integrityRequirement",
        mandatory: false,
        values: REQUIREMENT,
    },
    MetricDef {
        abbrev: "AR",
        property: "availabilityRequirement",
        mandatory: false,
        values: REQUIREMENT,
    },
    MetricDef {
        abbrev: "MAV",
        property: "modifiedAttackVector",
        mandatory: false,
        values: &[
            ("X", "NOT_DEFINED"),
            ("N", "NETWORK"),
            ("A", "ADJACENT"),
            ("L", "LOCAL"),
            ("P", "PHYSICAL"),
        ],
    },
    MetricDef {
        abbrev: "MAC",
        property: "modifiedAttackComplexity",
        mandatory: false,
        values: &[("X", "NOT_DEFINED"), ("L", "LOW"), ("H", "HIGH")],
    },
    MetricDef {
        abbrev: "MAT",
        property: "modifiedAttackRequirements",
        mandatory: false,
        values: &[("X", "NOT_DEFINED"), ("N", "NONE"), ("P", "PRESENT")],
    },
    MetricDef {
        abbrev: "MPR",
        property: "modifiedPrivilegesRequired",
        mandatory: false,
        values: &[("X", "NOT_DEFINED"), ("N", "NONE"), ("L", "LOW"), ("H", "HIGH")],
    },
    MetricDef {
        abbrev: "MUI",
        property: "modifiedUserInteraction",
        mandatory: false,
        values: &[
            ("X", "NOT_DEFINED"),
            ("N", "NONE"),
            ("P", "PASSIVE"),
            ("A", "ACTIVE"),
        ],
    },
    MetricDef {
        abbrev: "MVC",
        property: "modifiedVulnConfidentialityImpact",
        mandatory: false,
        values: MODIFIED_VULN_IMPACT,
    },
    MetricDef {
        abbrev: "MVI",
        property: "modifiedVulnIntegrityImpact",
        mandatory: false,
        values: MODIFIED_VULN_IMPACT,
    },
    MetricDef {
        abbrev: "MVA",
        property: "modifiedVulnAvailabilityImpact",
        mandatory: false,
        values: MODIFIED_VULN_IMPACT,
    },
    MetricDef {
        abbrev: "MSC",
        property: "modifiedSubConfidentialityImpact",
        mandatory: false,
        values: &[
            ("X", "NOT_DEFINED"),
            ("H", "HIGH"),
            ("L", "LOW"),
            ("N", "NEGLIGIBLE"),
        ],
    },
    MetricDef {
        abbrev: "MSI",
        property: "modifiedSubIntegrityImpact",
        mandatory: false,
        values: MODIFIED_SUB_IMPACT,
    },
    MetricDef {
        abbrev: "MSA",
        property: "modifiedSubAvailabilityImpact",
        mandatory: false,
        values: MODIFIED_SUB_IMPACT,
    },
    MetricDef {
        abbrev: "S",
        property: "Safety",
        mandatory: false,
        values: &[("X", "NOT_DEFINED"), ("N", "NEGLIGIBLE"), ("P", "PRESENT")],
    },
    MetricDef {
        abbrev: "AU",
        property: "Automatable",
        mandatory: false,
        values: &[("X", "NOT_DEFINED"), ("N", "NO"), ("Y", "YES")],
    },
    MetricDef {
        abbrev: "R",
        property: "Recovery",
        mandatory: false,
        values: &[
            ("X", "NOT_DEFINED"),
            ("A", "AUTOMATIC"),
            ("U", "USER"),
            ("I", "IRRECOVERABLE"),
        ],
    },
    MetricDef {
        abbrev: "V",
        property: "valueDensity",
        mandatory: false,
        values: &[("X", "NOT_DEFINED"), ("D", "DIFFUSE"), ("C", "CONCENTRATED")],
    },
    MetricDef {
        abbrev: "RE",
        property: "vulnerabilityResponseEffort",
        mandatory: false,
        values: &[
            ("X", "NOT_DEFINED"),
            ("L", "LOW"),
            ("M", "MODERATE"),
            ("H", "HIGH"),
        ],
    },
    MetricDef {
        abbrev: "U",
        property: "providerUrgency",
        mandatory: false,
        values: &[
            ("X", "NOT_DEFINED"),
            ("Clear", "CLEAR"),
            ("Green", "GREEN"),
            ("Amber", "AMBER"),
            ("Red", "RED"),
        ],
    },
];

/// The score of each MacroVector (EQ1 … EQ6 as six digits), from the lookup table of the CVSS v4.0
/// specification. 270 entries, sorted; a MacroVector with EQ3 = 2 and EQ6 = 0 cannot occur.
#[rustfmt::skip]
const LOOKUP: &[(&str, f64)] = &[
    ("000000", 10.0), ("000001", 9.9), ("000010", 9.8), ("000011", 9.5), ("000020", 9.5), ("000021", 9.2),
    ("000100", 10.0), ("000101", 9.6), ("000110", 9.3), ("000111", 8.7), ("000120", 9.1), ("000121", 8.1),
    ("000200", 9.3), ("000201", 9.0), ("000210", 8.9), ("000211", 8.0), ("000220", 8.1), ("000221", 6.8),
    ("001000", 9.8), ("001001", 9.5), ("001010", 9.5), ("001011", 9.2), ("001020", 9.0), ("001021", 8.4),
    ("001100", 9.3), ("001101", 9.2), ("001110", 8.9), ("001111", 8.1), ("001120", 8.1), ("001121", 6.5),
    ("001200", 8.8), ("001201", 8.0), ("001210", 7.8), ("001211", 7.0), ("001220", 6.9), ("001221", 4.8),
    ("002001", 9.2), ("002011", 8.2), ("002021", 7.2), ("002101", 7.9), ("002111", 6.9), ("002121", 5.0),
    ("002201", 6.9), ("002211", 5.5), ("002221", 2.7), ("010000", 9.9), ("010001", 9.7), ("010010", 9.5),
    ("010011", 9.2), ("010020", 9.2), ("010021", 8.5), ("010100", 9.5), ("010101", 9.1), ("010110", 9.0),
    ("010111", 8.3), ("010120", 8.4), ("010121", 7.1), ("010200", 9.2), ("010201", 8.1), ("010210", 8.2),
    ("010211", 7.1), ("010220", 7.2), ("010221", 5.3), ("011000", 9.5), ("011001", 9.3), ("011010", 9.2),
    ("011011", 8.5), ("011020", 8.5), ("011021", 7.3), ("011100", 9.2), ("011101", 8.2), ("011110", 8.0),
    ("011111", 7.2), ("011120", 7.0), ("011121", 5.9), ("011200", 8.4), ("011201", 7.0), ("011210", 7.1),
    ("011211", 5.2), ("011220", 5.0), ("011221", 3.0), ("012001", 8.6), ("012011", 7.5), ("012021", 5.2),
    ("012101", 7.1), ("012111", 5.2), ("012121", 2.9), ("012201", 6.3), ("012211", 2.9), ("012221", 1.7),
    ("100000", 9.8), ("100001", 9.5), ("100010", 9.4), ("100011", 8.7), ("100020", 9.1), ("100021", 8.1),
    ("100100", 9.4), ("100101", 8.9), ("100110", 8.6), ("100111", 7.4), ("100120", 7.7), ("100121", 6.4),
    ("100200", 8.7), ("100201", 7.5), ("100210", 7.4), ("100211", 6.3), ("100220", 6.3), ("100221", 4.9),
    ("101000", 9.4), ("101001", 8.9), ("101010", 8.8), ("101011", 7.7), ("101020", 7.6), ("101021", 6.7),
    ("101100", 8.6), ("101101", 7.6), ("101110", 7.4), ("101111", 5.8), ("101120", 5.9), ("101121", 5.0),
    ("101200", 7.2), ("101201", 5.7), ("101210", 5.7), ("101211", 5.2), ("101220", 5.2), ("101221", 2.5),
    ("102001", 8.3), ("102011", 7.0), ("102021", 5.4), ("102101", 6.5), ("102111", 5.8), ("102121", 2.6),
    ("102201", 5.3), ("102211", 2.1), ("102221", 1.3), ("110000", 9.5), ("110001", 9.0), ("110010", 8.8),
    ("110011", 7.6), ("110020", 7.6), ("110021", 7.0), ("110100", 9.0), ("110101", 7.7), ("110110", 7.5),
    ("110111", 6.2), ("110120", 6.1), ("110121", 5.3), ("110200", 7.7), ("110201", 6.6), ("110210", 6.8),
    ("110211", 5.9), ("110220", 5.2), ("110221", 3.0), ("111000", 8.9), ("111001", 7.8), ("111010", 7.6),
    ("111011", 6.7), ("111020", 6.2), ("111021", 5.8), ("111100", 7.4), ("111101", 5.9), ("111110", 5.7),
    ("111111", 5.7), ("111120", 4.7), ("111121", 2.3), ("111200", 6.1), ("111201", 5.2), ("111210", 5.7),
    ("111211", 2.9), ("111220", 2.4), ("111221", 1.6), ("112001", 7.1), ("112011", 5.9), ("112021", 3.0),
    ("112101", 5.8), ("112111", 2.6), ("112121", 1.5), ("112201", 2.3), ("112211", 1.3), ("112221", 0.6),
    ("200000", 9.3), ("200001", 8.7), ("200010", 8.6), ("200011", 7.2), ("200020", 7.5), ("200021", 5.8),
    ("200100", 8.6), ("200101", 7.4), ("200110", 7.4), ("200111", 6.1), ("200120", 5.6), ("200121", 3.4),
    ("200200", 7.0), ("200201", 5.4), ("200210", 5.2), ("200211", 4.0), ("200220", 4.0), ("200221", 2.2),
    ("201000", 8.5), ("201001", 7.5), ("201010", 7.4), ("201011", 5.5), ("201020", 6.2), ("201021", 5.1),
    ("201100", 7.2), ("201101", 5.7), ("201110", 5.5), ("201111", 4.1), ("201120", 4.6), ("201121", 1.9),
    ("201200", 5.3), ("201201", 3.6), ("201210", 3.4), ("201211", 1.9), ("201220", 1.9), ("201221", 0.8),
    ("202001", 6.4), ("202011", 5.1), ("202021", 2.0), ("202101", 4.7), ("202111", 2.1), ("202121", 1.1),
    ("202201", 2.4), ("202211", 0.9), ("202221", 0.4), ("210000", 8.8), ("210001", 7.5), ("210010", 7.3),
    ("210011", 5.3), ("210020", 6.0), ("210021", 5.0), ("210100", 7.3), ("210101", 5.5), ("210110", 5.9),
    ("210111", 4.0), ("210120", 4.1), ("210121", 2.0), ("210200", 5.4), ("210201", 4.3), ("210210", 4.5),
    ("210211", 2.2), ("210220", 2.0), ("210221", 1.1), ("211000", 7.5), ("211001", 5.5), ("211010", 5.8),
    ("211011", 4.5), ("211020", 4.0), ("211021", 2.1), ("211100", 6.1), ("211101", 5.1), ("211110", 4.8),
    ("211111", 1.8), ("211120", 2.0), ("211121", 0.9), ("211200", 4.6), ("211201", 1.8), ("211210", 1.7),
    ("211211", 0.7), ("211220", 0.8), ("211221", 0.2), ("212001", 5.3), ("212011", 2.4), ("212021", 1.4),
    ("212101", 2.4), ("212111", 1.2), ("212121", 0.5), ("212201", 1.0), ("212211", 0.3), ("212221", 0.1),
];

/// The score of a MacroVector (six digits, EQ1 … EQ6) from the lookup table of the specification; None
/// for a MacroVector that cannot occur.
pub fn macro_vector_score(macro_vector: &str) -> Option<f64> {
    LOOKUP
        .binary_search_by(|(k, _)| (*k).cmp(macro_vector))
        .ok()
        .map(|i| LOOKUP[i].1)
}

/// The values the scoring uses: modified metrics override base metrics, `E:X` counts as `E:A`, and
/// `CR`/`IR`/`AR` `X` as `H`.
struct Effective {
    av: &'static str,
    ac: &'static str,
    at: &'static str,
    pr: &'static str,
    ui: &'static str,
    vc: &'static str,
    vi: &'static str,
    va: &'static str,
    sc: &'static str,
    si: &'static str,
    sa: &'static str,
    e: &'static str,
    cr: &'static str,
    ir: &'static str,
    ar: &'static str,
}

impl Effective {
    fn of(v: &Vector) -> Effective {
        assert_eq!(v.version(), super::CvssVersion::V40, "not a CVSS v4.0 vector");
        let modified = |base: &str, modified: &str| match v.value(modified) {
            "X" => v.value(base),
            m => m,
        };
        let worst = |metric: &str, worst: &'static str| match v.value(metric) {
            "X" => worst,
            m => m,
        };
        Effective {
            av: modified("AV", "MAV"),
            ac: modified("AC", "MAC"),
            at: modified("AT", "MAT"),
            pr: modified("PR", "MPR"),
            ui: modified("UI", "MUI"),
            vc: modified("VC", "MVC"),
            vi: modified("VI", "MVI"),
            va: modified("VA", "MVA"),
            sc: modified("SC", "MSC"),
            si: modified("SI", "MSI"),
            sa: modified("SA", "MSA"),
            e: worst("E", "A"),
            cr: worst("CR", "H"),
            ir: worst("IR", "H"),
            ar: worst("AR", "H"),
        }
    }

    /// EQ1 … EQ6, the equivalence classes of the specification.
    fn macro_vector(&self) -> [u8; 6] {
        let eq1 = if self.av == "N" && self.pr == "N" && self.ui == "N" {
            0
        } else if (self.av == "N" || self.pr == "N" || self.ui == "N") && self.av != "P" {
            1
        } else {
            2
        };
        let eq2 = if self.ac == "L" && self.at == "N" { 0 } else { 1 };
        let eq3 = if self.vc == "H" && self.vi == "H" {
            0
        } else if self.vc == "H" || self.vi == "H" || self.va == "H" {
            1
        } else {
            2
        };
        // only the modified subsequent-system metrics allow Safety
        let eq4 = if self.si == "S" || self.sa == "S" {
            0
        } else if self.sc == "H" || self.si == "H" || self.sa == "H" {
            1
        } else {
            2
        };
        let eq5 = match self.e {
            "A" => 0,
            "P" => 1,
            _ => 2, // U
        };
        let eq6 = if (self.cr == "H" && self.vc == "H")
            || (self.ir == "H" && self.vi == "H")
            || (self.ar == "H" && self.va == "H")
        {
            0
        } else {
            1
        };
        [eq1, eq2, eq3, eq4, eq5, eq6]
    }
}

/// The severity level of a metric value inside its MacroVector (0.0 = most severe, steps of 0.1), used
/// for the severity distance from a highest-severity vector.
fn level(metric: &str, value: &str) -> f64 {
    match (metric, value) {
        ("AV", "N") | ("PR", "N") | ("UI", "N") | ("AC", "L") | ("AT", "N") => 0.0,
        ("AV", "A") | ("PR", "L") | ("UI", "P") | ("AC", "H") | ("AT", "P") => 0.1,
        ("AV", "L") | ("PR", "H") | ("UI", "A") => 0.2,
        ("AV", "P") => 0.3,
        ("VC" | "VI" | "VA" | "CR" | "IR" | "AR", "H") => 0.0,
        ("VC" | "VI" | "VA", "L") | ("CR" | "IR" | "AR", "M") => 0.1,
        ("VC" | "VI" | "VA", "N") | ("CR" | "IR" | "AR", "L") => 0.2,
        ("SI" | "SA", "S") => 0.0,
        ("SC" | "SI" | "SA", "H") => 0.1,
        ("SC" | "SI" | "SA", "L") => 0.2,
        ("SC" | "SI" | "SA", "N") => 0.3,
        _ => unreachable!("no CVSS v4.0 severity level for `{metric}:{value}`"),
    }
}

/// The highest-severity vectors of each EQ level (of the specification's reference implementation):
/// EQ1 as (AV, PR, UI).
const EQ1_MAX: [&[[&str; 3]]; 3] = [
    &[["N", "N", "N"]],
    &[["A", "N", "N"], ["N", "L", "N"], ["N", "N", "P"]],
    &[["P", "N", "N"], ["A", "L", "P"]],
];
/// EQ2 as (AC, AT).
const EQ2_MAX: [&[[&str; 2]]; 2] = [&[["L", "N"]], &[["H", "N"], ["L", "P"]]];
/// EQ3 and EQ6 together, indexed [EQ3][EQ6], as (VC, VI, VA, CR, IR, AR).
const EQ3_EQ6_MAX: [[&[[&str; 6]]; 2]; 3] = [
    [
        &[["H", "H", "H", "H", "H", "H"]],
        &[["H", "H", "L", "M", "M", "H"], ["H", "H", "H", "M", "M", "M"]],
    ],
    [
        &[["L", "H", "H", "H", "H", "H"], ["H", "L", "H", "H", "H", "H"]],
        &[
            ["L", "H", "L", "H", "M", "H"],
            ["L", "H", "H", "H", "M", "M"],
            ["H", "L", "H", "M", "H", "M"],
            ["H", "L", "L", "M", "H", "H"],
            ["L", "L", "H", "H", "H", "M"],
        ],
    ],
    [&[], &[["L", "L", "L", "H", "H", "H"]]],
];
/// EQ4 as (SC, SI, SA).
const EQ4_MAX: [[&str; 3]; 3] = [["H", "S", "S"], ["H", "H", "H"], ["L", "L", "L"]];

/// The depth of each MacroVector level (the maximal severity distance inside it, plus one), in steps of
/// 0.1: EQ1, EQ2, EQ3+EQ6 ([EQ3][EQ6]; 0 where impossible), EQ4.
const EQ1_DEPTH: [f64; 3] = [1.0, 4.0, 5.0];
const EQ2_DEPTH: [f64; 2] = [1.0, 2.0];
const EQ3_EQ6_DEPTH: [[f64; 2]; 3] = [[7.0, 6.0], [8.0, 8.0], [0.0, 10.0]];
const EQ4_DEPTH: [f64; 3] = [6.0, 5.0, 4.0];

fn key(mv: [u8; 6]) -> String {
    mv.iter().map(|d| char::from(b'0' + d)).collect()
}

/// The MacroVector of a CVSS v4.0 vector: six digits EQ1 … EQ6, e.g. `000200`.
///
/// # Panics
/// If the vector is not a CVSS v4.0 vector.
pub fn macro_vector(vector: &Vector) -> String {
    key(Effective::of(vector).macro_vector())
}

/// The CVSS v4.0 nomenclature of a vector's score: `CVSS-B` (base metrics only), `CVSS-BT` (with a
/// defined `E`), `CVSS-BE` (with a defined environmental metric) or `CVSS-BTE`.
pub fn nomenclature(vector: &Vector) -> &'static str {
    let defined = |m: &str| vector.get(m).is_some_and(|v| v != "X");
    let threat = defined("E");
    let environmental = METRICS
        .iter()
        .map(|d| d.abbrev)
        .skip_while(|a| *a != "CR")
        .take_while(|a| *a != "S")
        .any(defined);
    match (threat, environmental) {
        (false, false) => "CVSS-B",
        (true, false) => "CVSS-BT",
        (false, true) => "CVSS-BE",
        (true, true) => "CVSS-BTE",
    }
}

/// The CVSS v4.0 score of a vector (threat and environmental metrics included when given), rounded to
/// one decimal.
///
/// # Panics
/// If the vector is not a CVSS v4.0 vector.
pub fn score(vector: &Vector) -> f64 {
    let m = Effective::of(vector);
    if [m.vc, m.vi, m.va, m.sc, m.si, m.sa].iter().all(|v| *v == "N") {
        return 0.0;
    }
    let mv = m.macro_vector();
    let [eq1, eq2, eq3, eq4, _, eq6] = mv.map(usize::from);
    let value = macro_vector_score(&key(mv)).expect("every reachable MacroVector is in the table");

    // 1a. the score of the next lower MacroVector of each EQ, where there is one
    let lower = |i: usize| {
        let mut next = mv;
        next[i] += 1;
        macro_vector_score(&key(next))
    };
    let lower_eq3_eq6 = match (eq3, eq6) {
        // 00 → 01 or 10: the higher of the two
        (0, 0) => lower(5).zip(lower(2)).map(|(left, right)| left.max(right)),
        (1, 0) => lower(5), // 10 → 11
        _ => lower(2),      // 01 → 11, 11 → 21, 21 → none
    };
    let lower_scores = [lower(0), lower(1), lower_eq3_eq6, lower(3), lower(4)];

    // 1b. the severity distance from the first highest-severity vector that is not below this vector
    let mut distances = [0.0; 14];
    'search: for e1 in EQ1_MAX[eq1] {
        for e2 in EQ2_MAX[eq2] {
            for e36 in EQ3_EQ6_MAX[eq3][eq6] {
                let e4 = EQ4_MAX[eq4];
                let pairs = [
                    ("AV", m.av, e1[0]),
                    ("PR", m.pr, e1[1]),
                    ("UI", m.ui, e1[2]),
                    ("AC", m.ac, e2[0]),
                    ("AT", m.at, e2[1]),
                    ("VC", m.vc, e36[0]),
                    ("VI", m.vi, e36[1]),
                    ("VA", m.va, e36[2]),
                    ("CR", m.cr, e36[3]),
                    ("IR", m.ir, e36[4]),
                    ("AR", m.ar, e36[5]),
                    ("SC", m.sc, e4[0]),
                    ("SI", m.si, e4[1]),
                    ("SA", m.sa, e4[2]),
                ];
                for (d, (metric, value, max)) in distances.iter_mut().zip(pairs) {
                    *d = level(metric, value) - level(metric, max);
                }
                if distances.iter().all(|d| *d >= 0.0) {
                    break 'search;
                }
            }
        }
    }
    let [d_av, d_pr, d_ui, d_ac, d_at, d_vc, d_vi, d_va, d_cr, d_ir, d_ar, d_sc, d_si, d_sa] = distances;
    let current = [
        d_av + d_pr + d_ui,
        d_ac + d_at,
        d_vc + d_vi + d_va + d_cr + d_ir + d_ar,
        d_sc + d_si + d_sa,
        0.0, // EQ5: each value of E is its own MacroVector
    ];
    let step = 0.1;
    let depth = [
        EQ1_DEPTH[eq1] * step,
        EQ2_DEPTH[eq2] * step,
        EQ3_EQ6_DEPTH[eq3][eq6] * step,
        EQ4_DEPTH[eq4] * step,
        step,
    ];

    // 1c, 1d, 2. the mean of the proportional distances over the EQs that have a lower MacroVector
    let mut existing = 0;
    let mut normalized = [0.0; 5];
    for i in 0..5 {
        if let Some(lower) = lower_scores[i] {
            existing += 1;
            let available = value - lower;
            let proportion = if i == 4 { 0.0 } else { current[i] / depth[i] };
            normalized[i] = available * proportion;
        }
    }
    let mean = if existing == 0 {
        0.0
    } else {
        normalized.iter().sum::<f64>() / f64::from(existing)
    };
    // 3. the MacroVector score minus the mean distance, rounded half up to one decimal; lifted by 1e-6
    // first, as the reference implementations do, because the arithmetic can land one ulp below an
    // x.x5 tie (5.6499999999999995 for 5.65)
    let value = (value - mean).clamp(0.0, 10.0);
    ((value + 1e-6) * 10.0).round() / 10.0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cvss::{parse_vector, Severity};

    fn score_of(v: &str) -> f64 {
        parse_vector(v).unwrap().scores().base
    }

    #[test]
    fn lookup_table() {
        assert_eq!(LOOKUP.len(), 270);
        assert!(LOOKUP.windows(2).all(|w| w[0].0 < w[1].0));
        assert!(LOOKUP
            .iter()
            .all(|(k, v)| k.len() == 6 && (0.0..=10.0).contains(v)));
        // every reachable MacroVector is there, and only those
        for i in 0..324 {
            let d = [i / 108 % 3, i / 54 % 2, i / 18 % 3, i / 6 % 3, i / 2 % 3, i % 2];
            let k: String = d.iter().map(|d| char::from(b'0' + *d as u8)).collect();
            let reachable = !(d[2] == 2 && d[5] == 0);
            assert_eq!(macro_vector_score(&k).is_some(), reachable, "{k}");
        }
        assert_eq!(macro_vector_score("000000"), Some(10.0));
        assert_eq!(macro_vector_score("111111"), Some(5.7));
        assert_eq!(macro_vector_score("212221"), Some(0.1));
        assert_eq!(macro_vector_score("002000"), None);
    }

    #[test]
    fn specification_examples() {
        let cases = [
            (
                "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N",
                9.3,
            ),
            (
                "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H",
                10.0,
            ),
            (
                "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:L/VI:L/VA:L/SC:N/SI:N/SA:N",
                6.9,
            ),
            (
                "CVSS:4.0/AV:L/AC:L/AT:P/PR:H/UI:A/VC:H/VI:H/VA:H/SC:L/SI:L/SA:L",
                5.4,
            ),
            (
                "CVSS:4.0/AV:N/AC:L/AT:N/PR:L/UI:N/VC:L/VI:L/VA:N/SC:N/SI:N/SA:N",
                5.3,
            ),
            (
                "CVSS:4.0/AV:N/AC:L/AT:N/PR:L/UI:N/VC:N/VI:L/VA:N/SC:N/SI:N/SA:N",
                5.3,
            ),
            (
                "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:N/SC:N/SI:N/SA:N",
                0.0,
            ),
        ];
        for (v, expected) in cases {
            assert_eq!(score_of(v), expected, "{v}");
        }
    }

    #[test]
    fn threat_and_environmental() {
        let cases = [
            // threat: E:P lowers 10.0 to 9.3 (OASIS CSAF 2.1 test 6.1.9-15)
            (
                "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H/E:P",
                9.3,
            ),
            (
                "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H/E:X",
                10.0,
            ),
            // environmental (OASIS CSAF 2.1 test 6.1.8-17)
            (
                concat!(
                    "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H",
                    "/E:P/MAV:A/MPR:L/MUI:P/MVI:N/MVA:N"
                ),
                5.4,
            ),
            // the reference calculator's example
            (
                "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:L/SC:N/SI:N/SA:N/E:A/MAV:A",
                8.7,
            ),
        ];
        for (v, expected) in cases {
            assert_eq!(score_of(v), expected, "{v}");
        }
    }

    #[test]
    fn supplemental_metrics_do_not_score() {
        let base = "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N";
        let with = format!("{base}/S:P/AU:Y/R:I/V:C/RE:H/U:Red");
        assert_eq!(score_of(&with), 9.3);
        assert_eq!(nomenclature(&parse_vector(&with).unwrap()), "CVSS-B");
    }

    #[test]
    fn macro_vectors_and_nomenclature() {
        let v = parse_vector("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N").unwrap();
        assert_eq!(macro_vector(&v), "000200");
        assert_eq!(nomenclature(&v), "CVSS-B");
        let v = parse_vector(
            "CVSS:4.0/AV:P/AC:H/AT:P/PR:H/UI:A/VC:L/VI:N/VA:N/SC:N/SI:N/SA:N/E:U/CR:L/IR:L/AR:L",
        )
        .unwrap();
        assert_eq!(macro_vector(&v), "212221");
        assert_eq!(nomenclature(&v), "CVSS-BTE");
        let v =
            parse_vector("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/MSI:S").unwrap();
        assert_eq!(macro_vector(&v), "000000");
        assert_eq!(nomenclature(&v), "CVSS-BE");
        let v = parse_vector("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:A").unwrap();
        assert_eq!(nomenclature(&v), "CVSS-BT");
    }

    #[test]
    fn severities() {
        let v = "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N";
        assert_eq!(Severity::from_score(score_of(v)), Severity::Critical);
        let v = "CVSS:4.0/AV:L/AC:L/AT:P/PR:H/UI:A/VC:H/VI:H/VA:H/SC:L/SI:L/SA:L";
        assert_eq!(Severity::from_score(score_of(v)), Severity::Medium);
    }

    #[test]
    fn parsing_is_strict() {
        use crate::cvss::VectorErrorKind;
        let base = "CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N";
        // base values do not allow Safety; only MSI/MSA do
        let e = parse_vector("CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:S/SA:N").unwrap_err();
        assert_eq!(e.kind(), VectorErrorKind::InvalidValue);
        assert_eq!(
            parse_vector(&format!("{base}/MSC:S")).unwrap_err().kind(),
            VectorErrorKind::InvalidValue
        );
        assert!(parse_vector(&format!("{base}/MSA:S")).is_ok());
        // `U` values are capitalised words
        assert!(parse_vector(&format!("{base}/U:Clear")).is_ok());
        assert_eq!(
            parse_vector(&format!("{base}/U:CLEAR")).unwrap_err().kind(),
            VectorErrorKind::InvalidValue
        );
        // missing base metric
        let e = parse_vector("CVSS:4.0/AV:N/AC:L/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N").unwrap_err();
        assert_eq!(e.message(), "CVSS 4.0 vector lacks the base metric `AT`");
        // supplemental before environmental
        let e = parse_vector(&format!("{base}/S:N/MAV:N")).unwrap_err();
        assert_eq!(e.kind(), VectorErrorKind::Order);
    }
}
