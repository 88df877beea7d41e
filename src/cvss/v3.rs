//! CVSS v3.0 and v3.1: metrics and the equations of the FIRST CVSS v3.0 and v3.1 specification
//! documents.
//!
//! The two versions share their metrics, weights and Roundup, and differ in the modified impact of
//! a changed scope: v3.0 `7.52×(MISS−0.029)−3.25×(MISS−0.02)^15`, v3.1
//! `7.52×(MISS−0.029)−3.25×(MISS×0.9731−0.02)^13`.
//!
//! Roundup is "the smallest number, specified to one decimal place, that is equal to or higher than
//! its input" of the exact value. Computed naively on binary floating point (`ceil(x * 10) / 10`, as
//! the v3.0 reference calculator did), noise rounds some values up one step too far: a v3.0 temporal
//! score of 5.0 × 0.92 (`RC:U`) is 4.6000000000000005 and would become 4.7. Both versions therefore use
//! the floating-point-safe integer method of the v3.1 specification (Appendix A); for v3.0 this gives
//! the exact Roundup for every vector (checked against exact rational arithmetic over all base scores
//! and every temporal and environmental multiplier).
//!
//! Temporal and environmental scores are always computed, with Not Defined (`X`) for absent metrics.
//! Then the temporal score equals the base score, and so does the environmental score in v3.0 and for
//! an unchanged scope. A v3.1 vector with a changed scope and no environmental metrics can get an
//! environmental score that differs from its base score, because of the v3.1 modified impact formula:
//! `CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:C/C:H/I:H/A:H` has base 9.9 and environmental 10.0 (80 of the
//! 1,296 changed-scope base vectors differ by 0.1). The formulas are applied as written.

use super::{CvssVersion, MetricDef, Scores, Vector};

const IMPACT: &[(&str, &str)] = &[("H", "HIGH"), ("L", "LOW"), ("N", "NONE")];
const REQUIREMENT: &[(&str, &str)] = &[("X", "NOT_DEFINED"), ("H", "HIGH"), ("M", "MEDIUM"), ("L", "LOW")];
const MODIFIED_IMPACT: &[(&str, &str)] = &[("X", "NOT_DEFINED"), ("H", "HIGH"), ("L", "LOW"), ("N", "NONE")];

/// The CVSS v3.0 / v3.1 metrics in the order of the specification (Table 15 of v3.1), with the property
/// names and enum values of the FIRST schemas `cvss-v3.0.json` and `cvss-v3.1.json`.
pub const METRICS: &[MetricDef] = &[
    MetricDef {
        abbrev: "AV",
        property: "attackVector",
        mandatory: true,
        values: &[
            ("N", "NETWORK"),
            ("A", "ADJACENT_NETWORK"),
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
        abbrev: "PR",
        property: "privilegesRequired",
        mandatory: true,
        values: &[("N", "NONE"), ("L", "LOW"), ("H", "HIGH")],
    },
    MetricDef {
        abbrev: "UI",
        property: "userInteraction",
        mandatory: true,
        values: &[("N", "NONE"), ("R", "REQUIRED")],
    },
    MetricDef {
        abbrev: "S",
        property: "scope",
        mandatory: true,
        values: &[("U", "UNCHANGED"), ("C", "CHANGED")],
    },
    MetricDef {
        abbrev: "C",
        property: "confidentialityImpact",
        mandatory: true,
        values: IMPACT,
    },
    MetricDef {
        abbrev: "I",
        property: "integrityImpact",
        mandatory: true,
        values: IMPACT,
    },
    MetricDef {
        abbrev: "A",
        property: "availabilityImpact",
        mandatory: true,
        values: IMPACT,
    },
    MetricDef {
        abbrev: "E",
        property: "exploitCodeMaturity",
        mandatory: false,
        values: &[
            ("X", "NOT_DEFINED"),
            ("H", "HIGH"),
            ("F", "FUNCTIONAL"),
            ("P", "PROOF_OF_CONCEPT"),
            ("U", "UNPROVEN"),
        ],
    },
    MetricDef {
        abbrev: "RL",
        property: "remediationLevel",
        mandatory: false,
        values: &[
            ("X", "NOT_DEFINED"),
            ("U", "UNAVAILABLE"),
            ("W", "WORKAROUND"),
            ("T", "TEMPORARY_FIX"),
            ("O", "OFFICIAL_FIX"),
        ],
    },
    MetricDef {
        abbrev: "RC",
        property: "reportConfidence",
        mandatory: false,
        values: &[
            ("X", "NOT_DEFINED"),
            ("C", "CONFIRMED"),
            ("R", "REASONABLE"),
            ("U", "UNKNOWN"),
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
            ("A", "ADJACENT_NETWORK"),
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
        abbrev: "MPR",
        property: "modifiedPrivilegesRequired",
        mandatory: false,
        values: &[("X", "NOT_DEFINED"), ("N", "NONE"), ("L", "LOW"), ("H", "HIGH")],
    },
    MetricDef {
        abbrev: "MUI",
        property: "modifiedUserInteraction",
        mandatory: false,
        values: &[("X", "NOT_DEFINED"), ("N", "NONE"), ("R", "REQUIRED")],
    },
    MetricDef {
        abbrev: "MS",
        property: "modifiedScope",
        mandatory: false,
        values: &[("X", "NOT_DEFINED"), ("U", "UNCHANGED"), ("C", "CHANGED")],
    },
    MetricDef {
        abbrev: "MC",
        property: "modifiedConfidentialityImpact",
        mandatory: false,
        values: MODIFIED_IMPACT,
    },
    MetricDef {
        abbrev: "MI",
        property: "modifiedIntegrityImpact",
        mandatory: false,
        values: MODIFIED_IMPACT,
    },
    MetricDef {
        abbrev: "MA",
        property: "modifiedAvailabilityImpact",
        mandatory: false,
        values: MODIFIED_IMPACT,
    },
];

fn attack_vector(v: &str) -> f64 {
    match v {
        "N" => 0.85,
        "A" => 0.62,
        "L" => 0.55,
        _ => 0.2, // P
    }
}

fn attack_complexity(v: &str) -> f64 {
    if v == "L" {
        0.77
    } else {
        0.44
    }
}

fn privileges_required(v: &str, scope_changed: bool) -> f64 {
    match (v, scope_changed) {
        ("N", _) => 0.85,
        ("L", false) => 0.62,
        ("L", true) => 0.68,
        (_, false) => 0.27, // H
        (_, true) => 0.5,
    }
}

fn user_interaction(v: &str) -> f64 {
    if v == "N" {
        0.85
    } else {
        0.62
    }
}

fn cia(v: &str) -> f64 {
    match v {
        "H" => 0.56,
        "L" => 0.22,
        _ => 0.0, // N
    }
}

fn exploit_code_maturity(v: &str) -> f64 {
    match v {
        "F" => 0.97,
        "P" => 0.94,
        "U" => 0.91,
        _ => 1.0, // X, H
    }
}

fn remediation_level(v: &str) -> f64 {
    match v {
        "W" => 0.97,
        "T" => 0.96,
        "O" => 0.95,
        _ => 1.0, // X, U
    }
}

fn report_confidence(v: &str) -> f64 {
    match v {
        "R" => 0.96,
        "U" => 0.92,
        _ => 1.0, // X, C
    }
}

fn requirement(v: &str) -> f64 {
    match v {
        "H" => 1.5,
        "L" => 0.5,
        _ => 1.0, // X, M
    }
}

/// Roundup (v3.0 and v3.1): the smallest number with one decimal that is equal to or higher than the
/// input, computed with the integer method of the v3.1 specification (Appendix A) so that
/// floating-point noise (`4.000000000000001`, `4.6000000000000005`) is ignored.
pub fn roundup(x: f64) -> f64 {
    let int_input = (x * 100_000.0).round() as i64;
    if int_input % 10_000 == 0 {
        int_input as f64 / 100_000.0
    } else {
        ((int_input / 10_000) as f64 + 1.0) / 10.0
    }
}

/// The base, temporal and environmental scores of a v3.0 or v3.1 vector.
///
/// # Panics
/// If the vector is not a CVSS v3.0 or v3.1 vector.
pub fn scores(vector: &Vector) -> Scores {
    assert!(
        matches!(vector.version(), CvssVersion::V30 | CvssVersion::V31),
        "not a CVSS v3.x vector"
    );
    let v31 = vector.version() == CvssVersion::V31;
    let m = |abbrev: &str| vector.value(abbrev);
    // the modified value, or the base value where the modified metric is Not Defined
    let modified = |abbrev: &'static str, base: &'static str| match m(abbrev) {
        "X" => m(base),
        v => v,
    };

    // base
    let changed = m("S") == "C";
    let iss = 1.0 - ((1.0 - cia(m("C"))) * (1.0 - cia(m("I"))) * (1.0 - cia(m("A"))));
    let impact = if changed {
        7.52 * (iss - 0.029) - 3.25 * (iss - 0.02).powf(15.0)
    } else {
        6.42 * iss
    };
    let exploitability = 8.22
        * attack_vector(m("AV"))
        * attack_complexity(m("AC"))
        * privileges_required(m("PR"), changed)
        * user_interaction(m("UI"));
    let base = if impact <= 0.0 {
        0.0
    } else if changed {
        roundup((1.08 * (impact + exploitability)).min(10.0))
    } else {
        roundup((impact + exploitability).min(10.0))
    };

    // temporal
    let (e, rl, rc) = (
        exploit_code_maturity(m("E")),
        remediation_level(m("RL")),
        report_confidence(m("RC")),
    );
    let temporal = roundup(base * e * rl * rc);

    // environmental
    let m_changed = modified("MS", "S") == "C";
    let miss = (1.0
        - ((1.0 - requirement(m("CR")) * cia(modified("MC", "C")))
            * (1.0 - requirement(m("IR")) * cia(modified("MI", "I")))
            * (1.0 - requirement(m("AR")) * cia(modified("MA", "A")))))
    .min(0.915);
    let m_impact = if !m_changed {
        6.42 * miss
    } else if v31 {
        7.52 * (miss - 0.029) - 3.25 * (miss * 0.9731 - 0.02).powf(13.0)
    } else {
        7.52 * (miss - 0.029) - 3.25 * (miss - 0.02).powf(15.0)
    };
    let m_exploitability = 8.22
        * attack_vector(modified("MAV", "AV"))
        * attack_complexity(modified("MAC", "AC"))
        * privileges_required(modified("MPR", "PR"), m_changed)
        * user_interaction(modified("MUI", "UI"));
    let environmental = if m_impact <= 0.0 {
        0.0
    } else if m_changed {
        roundup(roundup((1.08 * (m_impact + m_exploitability)).min(10.0)) * e * rl * rc)
    } else {
        roundup(roundup((m_impact + m_exploitability).min(10.0)) * e * rl * rc)
    };

    Scores {
        base,
        temporal: Some(temporal),
        environmental: Some(environmental),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cvss::{parse_vector, Severity};

    fn scores(v: &str) -> (f64, f64, f64) {
        let s = parse_vector(v).unwrap().scores();
        (s.base, s.temporal.unwrap(), s.environmental.unwrap())
    }

    fn base(v: &str) -> (f64, &'static str) {
        let b = scores(v).0;
        (b, Severity::from_score(b).as_str())
    }

    #[test]
    fn base_scores_v31() {
        assert_eq!(
            base("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"),
            (9.8, "CRITICAL")
        );
        assert_eq!(
            base("CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N"),
            (6.1, "MEDIUM")
        );
        assert_eq!(
            base("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H"),
            (10.0, "CRITICAL")
        );
        assert_eq!(
            base("CVSS:3.1/AV:L/AC:L/PR:H/UI:R/S:U/C:H/I:H/A:H"),
            (6.5, "MEDIUM")
        );
        assert_eq!(
            base("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:N"),
            (0.0, "NONE")
        );
        assert_eq!(
            base("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:H"),
            (7.5, "HIGH")
        );
        assert_eq!(
            base("CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H"),
            (7.8, "HIGH")
        );
        assert_eq!(
            base("CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:N/A:N"),
            (6.5, "MEDIUM")
        );
        assert_eq!(base("CVSS:3.1/AV:P/AC:H/PR:H/UI:R/S:U/C:L/I:N/A:N"), (1.6, "LOW"));
        assert_eq!(
            base("CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:C/C:L/I:L/A:N"),
            (6.4, "MEDIUM")
        );
        assert_eq!(
            base("CVSS:3.1/AV:A/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"),
            (8.8, "HIGH")
        );
    }

    #[test]
    fn base_scores_v30() {
        assert_eq!(
            base("CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"),
            (9.8, "CRITICAL")
        );
        assert_eq!(
            base("CVSS:3.0/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N"),
            (6.1, "MEDIUM")
        );
        assert_eq!(
            base("CVSS:3.0/AV:L/AC:L/PR:H/UI:R/S:U/C:H/I:H/A:H"),
            (6.5, "MEDIUM")
        );
        assert_eq!(
            base("CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H"),
            (10.0, "CRITICAL")
        );
    }

    #[test]
    fn roundup_ignores_floating_point_noise() {
        // v3.1 Appendix A
        assert_eq!(roundup(4.000000000000001), 4.0);
        assert_eq!(roundup(4.6000000000000005), 4.6);
        assert_eq!(roundup(4.02), 4.1);
        assert_eq!(roundup(4.0), 4.0);
        assert_eq!(roundup(0.0), 0.0);
        assert_eq!(roundup(10.0), 10.0);
        assert_eq!(roundup(9.81), 9.9);
    }

    #[test]
    fn v30_roundup_is_exact() {
        // base 5.0 × RC:U 0.92 = 4.6 exactly (a naive ceil on binary floating point gives 4.7)
        let (b, t, e) = scores("CVSS:3.0/AV:N/AC:H/PR:N/UI:R/S:U/C:L/I:L/A:L/RC:U");
        assert_eq!((b, t, e), (5.0, 4.6, 4.6));
        let (b, t, _) = scores("CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H/RC:U");
        assert_eq!((b, t), (10.0, 9.2));
    }

    #[test]
    fn v30_and_v31_differ_for_a_changed_modified_scope() {
        // v3.1 changed the modified impact formula of a changed scope
        let v = "AV:N/AC:L/PR:L/UI:N/S:C/C:H/I:H/A:H";
        assert_eq!(scores(&format!("CVSS:3.0/{v}")), (9.9, 9.9, 9.9));
        assert_eq!(scores(&format!("CVSS:3.1/{v}")), (9.9, 9.9, 10.0));
        let v = "AV:N/AC:H/PR:H/UI:N/S:C/C:H/I:L/A:L";
        assert_eq!(scores(&format!("CVSS:3.0/{v}")), (7.2, 7.2, 7.2));
        assert_eq!(scores(&format!("CVSS:3.1/{v}")), (7.2, 7.2, 7.1));
    }

    #[test]
    fn temporal_scores() {
        // no temporal metric: temporal = base
        assert_eq!(scores("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H").1, 9.8);
        assert_eq!(
            scores("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:F/RL:O/RC:C").1,
            9.1
        );
        assert_eq!(
            scores("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:U/RL:O/RC:U").1,
            7.8
        );
        assert_eq!(
            scores("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:P/RL:T/RC:R").1,
            8.5
        );
        assert_eq!(
            scores("CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:P/RL:O/RC:C").1,
            8.8
        );
    }

    #[test]
    fn environmental_scores() {
        let env = |v: &str| scores(v).2;
        // no environmental metric
        assert_eq!(env("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H"), 9.8);
        // modified metrics and requirements, scope unchanged
        assert_eq!(
            env("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/CR:L/IR:L/AR:L/MAV:L/MAC:H"),
            5.5
        );
        // modified scope changed: the changed-scope impact formula and privilege weights
        assert_eq!(env("CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:L/I:L/A:N/MS:C"), 6.4);
        assert_eq!(
            env("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/MS:C/MPR:H"),
            9.1
        );
        assert_eq!(env("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H/MPR:L"), 10.0);
        // with temporal metrics and high requirements
        let v = "AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:F/RL:O/RC:C/CR:H/IR:H/AR:H/MS:C";
        assert_eq!(scores(&format!("CVSS:3.1/{v}")), (9.8, 9.1, 9.3));
        assert_eq!(scores(&format!("CVSS:3.0/{v}")), (9.8, 9.1, 9.3));
        // modified impacts all none
        assert_eq!(
            env("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/MC:N/MI:N/MA:N"),
            0.0
        );
        // explicit X values change nothing
        assert_eq!(
            scores("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/E:X/RL:X/RC:X/CR:X/IR:X/AR:X/MAV:X/MS:X"),
            (9.8, 9.8, 9.8)
        );
    }
}
