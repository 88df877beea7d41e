//! CVSS v2.0: metrics and the equations of "A Complete Guide to the Common Vulnerability Scoring System
//! Version 2.0" (FIRST), section 3.2.
//!
//! - Base: `round_to_1_decimal(((0.6*Impact)+(0.4*Exploitability)-1.5)*f(Impact))`.
//! - Temporal: `round_to_1_decimal(BaseScore*Exploitability*RemediationLevel*ReportConfidence)`; without
//!   temporal metrics (all Not Defined, weight 1.0) it equals the base score.
//! - Environmental: `round_to_1_decimal((AdjustedTemporal+(10-AdjustedTemporal)*CollateralDamagePotential)
//!   *TargetDistribution)`. Without environmental metrics (CDP:ND = 0, TD:ND = 1.0, requirements 1.0)
//!   it equals the temporal score, except where the `min(10, …)` cap of the adjusted impact changes the
//!   result: C:C/I:C/A:C has the impact 10.0008 but the adjusted impact 10, and of the 729 base vectors
//!   `AV:L/AC:L/Au:N/C:C/I:C/A:C` then gets base 7.2 but environmental 7.1.
//!   With a low requirement the adjusted base score can come out negative
//!   (`AV:L/AC:H/Au:M/C:P/I:N/A:N/CR:L`); the environmental score is then 0 (scores are never negative),
//!   as in other implementations.
//!
//! The equations are evaluated exactly in decimal arithmetic, and `round_to_1_decimal` rounds half up,
//! so a result of exactly `x.x5` rounds up (binary floating point would sometimes land just below).

use super::{CvssVersion, MetricDef, Scores, Vector};

const IMPACT: &[(&str, &str)] = &[("N", "NONE"), ("P", "PARTIAL"), ("C", "COMPLETE")];
const REQUIREMENT: &[(&str, &str)] = &[
    ("L", "LOW"),
    ("M", "MEDIUM"),
    ("H", "HIGH"),
    ("ND", "NOT_DEFINED"),
];

/// The CVSS v2.0 metrics in the order of the specification, with the property names and enum values
/// of the FIRST schema `cvss-v2.0.json`.
pub const METRICS: &[MetricDef] = &[
    MetricDef {
        abbrev: "AV",
        property: "accessVector",
        mandatory: true,
        values: &[("L", "LOCAL"), ("A", "ADJACENT_NETWORK"), ("N", "NETWORK")],
    },
    MetricDef {
        abbrev: "AC",
        property: "accessComplexity",
        mandatory: true,
        values: &[("H", "HIGH"), ("M", "MEDIUM"), ("L", "LOW")],
    },
    MetricDef {
        abbrev: "Au",
        property: "authentication",
        mandatory: true,
        values: &[("M", "MULTIPLE"), ("S", "SINGLE"), ("N", "NONE")],
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
        property: "exploitability",
        mandatory: false,
        values: &[
            ("U", "UNPROVEN"),
            ("POC", "PROOF_OF_CONCEPT"),
            ("F", "FUNCTIONAL"),
            ("H", "HIGH"),
            ("ND", "NOT_DEFINED"),
        ],
    },
    MetricDef {
        abbrev: "RL",
        property: "remediationLevel",
        mandatory: false,
        values: &[
            ("OF", "OFFICIAL_FIX"),
            ("TF", "TEMPORARY_FIX"),
            ("W", "WORKAROUND"),
            ("U", "UNAVAILABLE"),
            ("ND", "NOT_DEFINED"),
        ],
    },
    MetricDef {
        abbrev: "RC",
        property: "reportConfidence",
        mandatory: false,
        values: &[
            ("UC", "UNCONFIRMED"),
            ("UR", "UNCORROBORATED"),
            ("C", "CONFIRMED"),
            ("ND", "NOT_DEFINED"),
        ],
    },
    MetricDef {
        abbrev: "CDP",
        property: "collateralDamagePotential",
        mandatory: false,
        values: &[
            ("N", "NONE"),
            ("L", "LOW"),
            ("LM", "LOW_MEDIUM"),
            ("MH", "MEDIUM_HIGH"),
            ("H", "HIGH"),
            ("ND", "NOT_DEFINED"),
        ],
    },
    MetricDef {
        abbrev: "TD",
        property: "targetDistribution",
        mandatory: false,
        values: &[
            ("N", "NONE"),
            ("L", "LOW"),
            ("M", "MEDIUM"),
            ("H", "HIGH"),
            ("ND", "NOT_DEFINED"),
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
];

/// A decimal number `mantissa × 10^-scale`. The v2.0 equations only multiply, add and subtract
/// decimals of a few digits, so they are evaluated exactly (at most 22 significant digits here); the
/// rounding then sees the true value, e.g. `6.6 × 0.75 = 4.95` rounds to 5.0, where binary floating
/// point (4.949999…) would give 4.9.
#[derive(Debug, Clone, Copy)]
struct Dec {
    mantissa: i128,
    scale: u32,
}

impl Dec {
    const fn new(mantissa: i128, scale: u32) -> Dec {
        Dec { mantissa, scale }
    }

    fn int(n: i128) -> Dec {
        Dec::new(n, 0)
    }

    fn rescale(self, scale: u32) -> i128 {
        self.mantissa * 10i128.pow(scale - self.scale)
    }

    fn mul(self, other: Dec) -> Dec {
        Dec::new(self.mantissa * other.mantissa, self.scale + other.scale)
    }

    fn add(self, other: Dec) -> Dec {
        let scale = self.scale.max(other.scale);
        Dec::new(self.rescale(scale) + other.rescale(scale), scale)
    }

    fn sub(self, other: Dec) -> Dec {
        let scale = self.scale.max(other.scale);
        Dec::new(self.rescale(scale) - other.rescale(scale), scale)
    }

    fn min(self, other: Dec) -> Dec {
        let scale = self.scale.max(other.scale);
        if self.rescale(scale) <= other.rescale(scale) {
            self
        } else {
            other
        }
    }

    /// The value, or 0 where it is negative.
    fn at_least_zero(self) -> Dec {
        if self.mantissa < 0 {
            Dec::int(0)
        } else {
            self
        }
    }

    fn is_zero(self) -> bool {
        self.mantissa == 0
    }

    /// `round_to_1_decimal`: half up (away from zero for the non-negative values of the equations).
    fn round1(self) -> Dec {
        if self.scale <= 1 {
            return Dec::new(self.rescale(1), 1);
        }
        let unit = 10i128.pow(self.scale - 1);
        let q = (self.mantissa.abs() + unit / 2) / unit;
        Dec::new(if self.mantissa < 0 { -q } else { q }, 1)
    }

    fn to_f64(self) -> f64 {
        // exact for the one-decimal results: k / 10 is the double nearest to the decimal
        self.mantissa as f64 / 10f64.powi(self.scale as i32)
    }
}

/// The numeric weight of a metric value (Not Defined included), from section 3.2.
fn weight(metric: &str, value: &str) -> Dec {
    let (mantissa, scale) = match (metric, value) {
        ("AV", "L") => (395, 3),
        ("AV", "A") => (646, 3),
        ("AV", _) => (1, 0),
        ("AC", "H") => (35, 2),
        ("AC", "M") => (61, 2),
        ("AC", _) => (71, 2),
        ("Au", "M") => (45, 2),
        ("Au", "S") => (56, 2),
        ("Au", _) => (704, 3),
        ("C" | "I" | "A", "N") => (0, 0),
        ("C" | "I" | "A", "P") => (275, 3),
        ("C" | "I" | "A", _) => (660, 3),
        ("E", "U") => (85, 2),
        ("E", "POC") => (90, 2),
        ("E", "F") => (95, 2),
        ("E", _) => (1, 0),
        ("RL", "OF") => (87, 2),
        ("RL", "TF") => (90, 2),
        ("RL", "W") => (95, 2),
        ("RL", _) => (1, 0),
        ("RC", "UC") => (90, 2),
        ("RC", "UR") => (95, 2),
        ("RC", _) => (1, 0),
        ("CDP", "L") => (1, 1),
        ("CDP", "LM") => (3, 1),
        ("CDP", "MH") => (4, 1),
        ("CDP", "H") => (5, 1),
        ("CDP", _) => (0, 0),
        ("TD", "N") => (0, 0),
        ("TD", "L") => (25, 2),
        ("TD", "M") => (75, 2),
        ("TD", _) => (1, 0),
        ("CR" | "IR" | "AR", "L") => (5, 1),
        ("CR" | "IR" | "AR", "H") => (151, 2),
        ("CR" | "IR" | "AR", _) => (1, 0),
        _ => unreachable!("no CVSS v2 metric `{metric}`"),
    };
    Dec::new(mantissa, scale)
}

/// `((0.6*Impact)+(0.4*Exploitability)-1.5)*f(Impact)`, rounded.
fn base_equation(impact: Dec, exploitability: Dec) -> Dec {
    let f_impact = if impact.is_zero() {
        Dec::int(0)
    } else {
        Dec::new(1176, 3)
    };
    Dec::new(6, 1)
        .mul(impact)
        .add(Dec::new(4, 1).mul(exploitability))
        .sub(Dec::new(15, 1))
        .mul(f_impact)
        .round1()
}

/// `10.41*(1-(1-C)*(1-I)*(1-A))` with the impacts already multiplied by their requirements.
fn impact_equation(c: Dec, i: Dec, a: Dec) -> Dec {
    let one = Dec::int(1);
    let unaffected = one.sub(c).mul(one.sub(i)).mul(one.sub(a));
    Dec::new(1041, 2).mul(one.sub(unaffected))
}

/// The base, temporal and environmental scores of a v2.0 vector (temporal and environmental always
/// computed, with Not Defined for absent metrics), evaluated exactly in decimal.
///
/// # Panics
/// If the vector is not a CVSS v2.0 vector.
pub fn scores(vector: &Vector) -> Scores {
    assert_eq!(vector.version(), CvssVersion::V2, "not a CVSS v2.0 vector");
    let w = |m: &str| weight(m, vector.value(m));
    let (c, i, a) = (w("C"), w("I"), w("A"));
    let impact = impact_equation(c, i, a);
    let exploitability = Dec::int(20).mul(w("AV")).mul(w("AC")).mul(w("Au"));
    let base = base_equation(impact, exploitability);
    let temporal_equation = |score: Dec| score.mul(w("E")).mul(w("RL")).mul(w("RC")).round1();
    let temporal = temporal_equation(base);

    let adjusted_impact = impact_equation(c.mul(w("CR")), i.mul(w("IR")), a.mul(w("AR"))).min(Dec::int(10));
    let adjusted_temporal = temporal_equation(base_equation(adjusted_impact, exploitability));
    let environmental = adjusted_temporal
        .add(Dec::int(10).sub(adjusted_temporal).mul(w("CDP")))
        .mul(w("TD"))
        .round1()
        // a low requirement can make the adjusted base negative; scores are never below 0
        .at_least_zero();
    Scores {
        base: base.to_f64(),
        temporal: Some(temporal.to_f64()),
        environmental: Some(environmental.to_f64()),
    }
}

#[cfg(test)]
mod tests {
    use crate::cvss::parse_vector;

    fn scores(v: &str) -> (f64, f64, f64) {
        let s = parse_vector(v).unwrap().scores();
        (s.base, s.temporal.unwrap(), s.environmental.unwrap())
    }

    #[test]
    fn base_scores() {
        // examples of the v2.0 guide and NVD
        assert_eq!(scores("AV:N/AC:L/Au:N/C:C/I:C/A:C").0, 10.0);
        assert_eq!(scores("AV:N/AC:M/Au:N/C:P/I:P/A:P").0, 6.8);
        assert_eq!(scores("AV:N/AC:L/Au:N/C:P/I:P/A:P").0, 7.5);
        assert_eq!(scores("AV:N/AC:L/Au:N/C:N/I:N/A:C").0, 7.8);
        assert_eq!(scores("AV:L/AC:H/Au:N/C:C/I:C/A:C").0, 6.2);
        assert_eq!(scores("AV:N/AC:M/Au:N/C:N/I:P/A:N").0, 4.3);
        assert_eq!(scores("AV:L/AC:L/Au:M/C:C/I:C/A:C").0, 6.5);
        assert_eq!(scores("AV:N/AC:L/Au:N/C:N/I:N/A:N").0, 0.0);
    }

    #[test]
    fn guide_examples() {
        // CVE-2002-0392 (guide 3.3.1): base 7.8, temporal 6.4
        let (b, t, _) = scores("AV:N/AC:L/Au:N/C:N/I:N/A:C/E:F/RL:OF/RC:C");
        assert_eq!((b, t), (7.8, 6.4));
        // with the guide's environmental metrics: 9.2 (CDP:H, TD:H, AR:H)
        let (_, _, e) = scores("AV:N/AC:L/Au:N/C:N/I:N/A:C/E:F/RL:OF/RC:C/CDP:H/TD:H/CR:M/IR:M/AR:H");
        assert_eq!(e, 9.2);
        // CVE-2003-0818 (guide 3.3.2): base 10.0, temporal 8.3, environmental 9.0
        let (b, t, e) = scores("AV:N/AC:L/Au:N/C:C/I:C/A:C/E:F/RL:OF/RC:C/CDP:H/TD:H/CR:M/IR:M/AR:L");
        assert_eq!((b, t, e), (10.0, 8.3, 9.0));
        // CVE-2003-0062 (guide 3.3.3): base 6.2, temporal 4.9, environmental 7.5
        let (b, t, e) = scores("AV:L/AC:H/Au:N/C:C/I:C/A:C/E:POC/RL:OF/RC:C/CDP:H/TD:H/CR:M/IR:M/AR:M");
        assert_eq!((b, t, e), (6.2, 4.9, 7.5));
    }

    #[test]
    fn absent_temporal_and_environmental_metrics() {
        // temporal = base, environmental = temporal
        assert_eq!(scores("AV:N/AC:M/Au:N/C:P/I:P/A:P"), (6.8, 6.8, 6.8));
        assert_eq!(
            scores("AV:N/AC:M/Au:N/C:P/I:P/A:P/E:U/RL:OF/RC:UC"),
            (6.8, 4.5, 4.5)
        );
        // the only base vector where the cap of the adjusted impact at 10 shows
        assert_eq!(scores("AV:L/AC:L/Au:N/C:C/I:C/A:C"), (7.2, 7.2, 7.1));
        // explicit ND values give the same
        assert_eq!(
            scores("AV:N/AC:M/Au:N/C:P/I:P/A:P/E:ND/RL:ND/RC:ND/CDP:ND/TD:ND/CR:ND/IR:ND/AR:ND"),
            (6.8, 6.8, 6.8)
        );
        // target distribution none: environmental 0
        assert_eq!(scores("AV:N/AC:L/Au:N/C:C/I:C/A:C/TD:N").2, 0.0);
    }

    #[test]
    fn exact_decimal_rounding() {
        // 6.6 × 0.75 = 4.95 → 5.0 (binary floating point: 4.949999… → 4.9)
        assert_eq!(scores("AV:N/AC:H/Au:S/C:N/I:C/A:C/TD:M"), (6.6, 6.6, 5.0));
        // 9.0 × 0.95 = 8.55 → 8.6
        assert_eq!(scores("AV:N/AC:L/Au:N/C:P/I:C/A:P/RC:UR").1, 8.6);
    }

    #[test]
    fn negative_adjusted_base_gives_zero() {
        assert_eq!(scores("AV:L/AC:H/Au:M/C:P/I:N/A:N/CR:L"), (0.8, 0.8, 0.0));
    }
}
