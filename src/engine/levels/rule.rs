//! Comparing a service level with its target and minimum.
//!
//! Whether a level meets target can depend on precision: CSPC CH1.3 in
//! March 2021 was 99.8968% against 99.90%. Unrounded it misses; at two
//! decimals it reads 99.90% and passes. The report compared the unrounded
//! level (and printed a third decimal to show the miss), so that is the
//! default; rounding to a number of decimals is selectable.

use crate::engine::catalogue::Direction;
use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// How a level is compared with a target or minimum.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum ComparisonRule {
    /// The exact level is compared (the PMR's practice).
    #[default]
    Unrounded,
    /// The level is first rounded half away from zero to this many decimals.
    Rounded(u32),
}

impl ComparisonRule {
    /// The rules the app offers.
    pub const CHOICES: [ComparisonRule; 3] = [
        ComparisonRule::Unrounded,
        ComparisonRule::Rounded(2),
        ComparisonRule::Rounded(3),
    ];

    /// The level as this rule compares it.
    pub fn apply(self, level: Decimal) -> Decimal {
        match self {
            ComparisonRule::Unrounded => level,
            ComparisonRule::Rounded(dp) => {
                level.round_dp_with_strategy(dp, RoundingStrategy::MidpointAwayFromZero)
            }
        }
    }

    /// Whether `level` reaches `threshold` in the measure's good direction.
    pub fn reaches(self, level: Decimal, threshold: Decimal, direction: Direction) -> bool {
        let v = self.apply(level);
        match direction {
            Direction::HigherIsBetter => v >= threshold,
            Direction::LowerIsBetter => v <= threshold,
        }
    }

    /// Plain-words statement of the rule, for explanations.
    pub fn describe(self) -> String {
        match self {
            ComparisonRule::Unrounded => {
                "the unrounded level is compared with the target and minimum".into()
            }
            ComparisonRule::Rounded(dp) => {
                format!("the level is rounded half away from zero to {dp} decimal place{}, then compared", if dp == 1 { "" } else { "s" })
            }
        }
    }
}

impl fmt::Display for ComparisonRule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ComparisonRule::Unrounded => f.write_str("unrounded"),
            ComparisonRule::Rounded(dp) => write!(f, "{dp}dp"),
        }
    }
}

impl FromStr for ComparisonRule {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        let t = s.trim().to_ascii_lowercase();
        if t == "unrounded" {
            return Ok(ComparisonRule::Unrounded);
        }
        t.strip_suffix("dp")
            .and_then(|n| n.parse::<u32>().ok())
            .filter(|&n| n <= 10)
            .map(ComparisonRule::Rounded)
            .ok_or_else(|| {
                format!("expected a comparison rule: unrounded, 2dp, 3dp (0 to 10 dp); found {s:?}")
            })
    }
}

impl Serialize for ComparisonRule {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for ComparisonRule {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        String::deserialize(d)?
            .parse()
            .map_err(serde::de::Error::custom)
    }
}

/// Where a level stands against its levels.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Compliance {
    MeetsTarget,
    /// Below target but at or above minimum.
    BelowTarget,
    BelowMinimum,
    /// No number to assess (No Events, N/A, ...), or no levels known.
    NotAssessed,
}

impl Compliance {
    /// Assesses `level` under `rule`. With no minimum, a miss is "below target".
    pub fn assess(
        level: Decimal,
        target: Decimal,
        minimum: Option<Decimal>,
        direction: Direction,
        rule: ComparisonRule,
    ) -> Compliance {
        if rule.reaches(level, target, direction) {
            Compliance::MeetsTarget
        } else if minimum.is_none_or(|m| rule.reaches(level, m, direction)) {
            Compliance::BelowTarget
        } else {
            Compliance::BelowMinimum
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Compliance::MeetsTarget => "Meets target",
            Compliance::BelowTarget => "Below target",
            Compliance::BelowMinimum => "Below minimum",
            Compliance::NotAssessed => "Not assessed",
        }
    }

    /// A symbol so that status never relies on colour alone.
    pub fn symbol(self) -> &'static str {
        match self {
            Compliance::MeetsTarget => "✓",
            Compliance::BelowTarget => "▼",
            Compliance::BelowMinimum => "✗",
            Compliance::NotAssessed => "–",
        }
    }

    pub fn is_miss(self) -> bool {
        matches!(self, Compliance::BelowTarget | Compliance::BelowMinimum)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Compliance::*;
    use Direction::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn status_table() {
        let un = ComparisonRule::Unrounded;
        let r2 = ComparisonRule::Rounded(2);
        #[rustfmt::skip]
        let cases = [
            // level, target, minimum, direction, rule, expected
            ("99.8968", "99.90", Some("99.50"), HigherIsBetter, un, BelowTarget),
            ("99.8968", "99.90", Some("99.50"), HigherIsBetter, r2, MeetsTarget),
            ("99.8949", "99.90", Some("99.50"), HigherIsBetter, r2, BelowTarget),
            ("99.895", "99.90", Some("99.50"), HigherIsBetter, r2, MeetsTarget),
            ("92.75", "99", Some("96"), HigherIsBetter, un, BelowMinimum),
            ("96", "99", Some("96"), HigherIsBetter, un, BelowTarget),
            ("99", "99", Some("96"), HigherIsBetter, un, MeetsTarget),
            ("99.85", "99.90", Some("99.90"), HigherIsBetter, un, BelowMinimum),
            ("0", "0", Some("5"), LowerIsBetter, un, MeetsTarget),
            ("5", "0", Some("5"), LowerIsBetter, un, BelowTarget),
            ("6", "0", Some("5"), LowerIsBetter, un, BelowMinimum),
            ("99.44", "99.80", None, HigherIsBetter, un, BelowTarget),
            ("394.28", "99", Some("96"), HigherIsBetter, un, MeetsTarget),
        ];
        for (level, target, min, dir, rule, want) in cases {
            let got = Compliance::assess(d(level), d(target), min.map(d), dir, rule);
            assert_eq!(got, want, "{level} vs {target}/{min:?} {rule}");
        }
    }

    #[test]
    fn rules_parse_and_print() {
        for r in ComparisonRule::CHOICES {
            assert_eq!(r.to_string().parse::<ComparisonRule>(), Ok(r));
        }
        assert!("2 dp".parse::<ComparisonRule>().is_err());
        assert!("99dp".parse::<ComparisonRule>().is_err());
        assert_eq!(
            " 2DP ".parse::<ComparisonRule>(),
            Ok(ComparisonRule::Rounded(2))
        );
    }
}
