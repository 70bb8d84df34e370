//! Service credit schemes: how a missed target becomes service points and
//! points become money, per provider contract.
//!
//! The contracts' Schedule 2.2 is not public, so every part is a setting.
//! The shape follows UK government model service contracts (domain brief,
//! "Service credits"): failure bands worth points, or points scaled to the
//! shortfall with a maximum; a repeat-failure multiplier; money per point; a
//! cap per period; KPIs without credit; exemption windows; and manual
//! adjustments (an override with a reason, or "pending, under discussion").
//!
//! [`CreditScheme::march_2021`] is the default. It reproduces the March 2021
//! report's three credits; [`CreditScheme::provenance`] says which parts come
//! from the report and which are assumptions.

use crate::engine::catalogue::Provider;
use crate::engine::period::Month;
use rust_decimal::{Decimal, RoundingStrategy};
use serde::{Deserialize, Serialize};

/// How fractional points (from scaling or a multiplier) become whole points.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PointRounding {
    /// Any part of a point counts as a point.
    #[default]
    Up,
    Down,
    /// Half away from zero.
    Nearest,
    /// Keep fractions.
    None,
}

impl PointRounding {
    pub const ALL: [PointRounding; 4] = [Self::Up, Self::Down, Self::Nearest, Self::None];

    pub fn apply(self, points: Decimal) -> Decimal {
        match self {
            Self::Up => points.ceil(),
            Self::Down => points.floor(),
            Self::Nearest => {
                points.round_dp_with_strategy(0, RoundingStrategy::MidpointAwayFromZero)
            }
            Self::None => points,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Up => "up to whole points",
            Self::Down => "down to whole points",
            Self::Nearest => "to the nearest whole point",
            Self::None => "not rounded",
        }
    }
}

/// How a credit in money is rounded.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MoneyRounding {
    /// Pence dropped: the provider is never charged a part pound more.
    #[default]
    DownToPound,
    NearestPound,
    NearestPenny,
}

impl MoneyRounding {
    pub const ALL: [MoneyRounding; 3] = [Self::DownToPound, Self::NearestPound, Self::NearestPenny];

    pub fn apply(self, gbp: Decimal) -> Decimal {
        match self {
            Self::DownToPound => gbp.floor(),
            Self::NearestPound => {
                gbp.round_dp_with_strategy(0, RoundingStrategy::MidpointAwayFromZero)
            }
            Self::NearestPenny => {
                gbp.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)
            }
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::DownToPound => "down to whole pounds",
            Self::NearestPound => "to the nearest pound",
            Self::NearestPenny => "to the nearest penny",
        }
    }
}

/// A custom failure band: a level short of `level` is worth `points`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Threshold {
    pub level: Decimal,
    pub points: Decimal,
}

/// How a failing measure's points are found.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum PointsRule {
    /// Fixed points by where the level falls: below target but not below
    /// minimum, or below minimum.
    Bands {
        below_target: Decimal,
        below_minimum: Decimal,
    },
    /// Custom thresholds: the most points of any threshold the level falls
    /// short of (for a lower-is-better measure, exceeds).
    Thresholds { bands: Vec<Threshold> },
    /// Points per percentage point (or count unit) of shortfall from target,
    /// rounded by the scheme's point rounding, at most `max`.
    Scaled { per_unit: Decimal, max: Decimal },
}

impl PointsRule {
    pub fn describe(&self) -> String {
        use crate::engine::format::exact;
        match self {
            PointsRule::Bands {
                below_target,
                below_minimum,
            } => format!(
                "bands: {} points below target, {} below minimum",
                exact(*below_target),
                exact(*below_minimum)
            ),
            PointsRule::Thresholds { bands } => {
                let parts: Vec<String> = bands
                    .iter()
                    .map(|b| format!("short of {}: {} points", exact(b.level), exact(b.points)))
                    .collect();
                format!("thresholds: {}", parts.join("; "))
            }
            PointsRule::Scaled { per_unit, max } => format!(
                "scaled: {} points per unit of shortfall, at most {}",
                exact(*per_unit),
                exact(*max)
            ),
        }
    }
}

/// A measure's own terms, overriding the provider's.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MeasureTerms {
    pub measure: String,
    /// A KPI: a miss is reported but carries no credit. Where a measure has
    /// terms this decides, whatever the catalogue says.
    #[serde(default)]
    pub no_credit: bool,
    /// `None`: the provider's rule.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rule: Option<PointsRule>,
}

/// Months in which a provider accrues no credits, whatever it misses.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Exemption {
    pub from: Month,
    /// Inclusive.
    pub to: Month,
    pub reason: String,
}

impl Exemption {
    pub fn covers(&self, period: Month) -> bool {
        self.from <= period && period <= self.to
    }
}

/// A limit per provider and period; `None` means no limit.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cap {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub points: Option<Decimal>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub money: Option<Decimal>,
}

/// One provider contract's scheme.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProviderScheme {
    pub provider: Provider,
    /// Pounds per service point.
    pub money_per_point: Decimal,
    /// The rule for measures without their own terms.
    pub rule: PointsRule,
    /// Points are multiplied by this when the measure also missed target in
    /// the period before (1 = no effect).
    pub repeat_multiplier: Decimal,
    #[serde(default)]
    pub cap: Cap,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub measures: Vec<MeasureTerms>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub exemptions: Vec<Exemption>,
}

impl ProviderScheme {
    pub fn terms(&self, measure: &str) -> Option<&MeasureTerms> {
        self.measures.iter().find(|t| t.measure == measure)
    }

    pub fn terms_mut(&mut self, measure: &str) -> &mut MeasureTerms {
        if let Some(i) = self.measures.iter().position(|t| t.measure == measure) {
            return &mut self.measures[i];
        }
        // New terms start from the catalogue: a KPI stays without credit.
        let kpi = crate::engine::catalogue::Catalogue::builtin()
            .get(measure, self.provider)
            .is_some_and(|d| d.kpi);
        self.measures.push(MeasureTerms {
            measure: measure.into(),
            no_credit: kpi,
            rule: None,
        });
        let last = self.measures.len() - 1;
        &mut self.measures[last]
    }
}

/// A manual decision about one measure in one period.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Decision {
    /// These points instead of the computed ones (money follows from them).
    Points { points: Decimal },
    /// This money instead of the computed credit.
    Money { gbp: Decimal },
    /// Under discussion: shown as pending, never as zero.
    Pending,
}

/// A decision with its reason.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Adjustment {
    pub period: Month,
    pub provider: Provider,
    pub measure: String,
    pub decision: Decision,
    pub reason: String,
}

/// Every provider's scheme, the rounding, and the manual adjustments.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CreditScheme {
    pub point_rounding: PointRounding,
    pub money_rounding: MoneyRounding,
    pub providers: Vec<ProviderScheme>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub adjustments: Vec<Adjustment>,
}

impl Default for CreditScheme {
    fn default() -> Self {
        CreditScheme::march_2021()
    }
}

/// Where a part of the default scheme comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Provenance {
    pub part: &'static str,
    /// Taken from the March 2021 report (otherwise an assumption).
    pub from_report: bool,
    pub why: &'static str,
}

fn d(units: i64, scale: u32) -> Decimal {
    Decimal::new(units, scale)
}

fn bands(below_target: i64, below_minimum: i64) -> PointsRule {
    PointsRule::Bands {
        below_target: d(below_target, 0),
        below_minimum: d(below_minimum, 0),
    }
}

fn terms(measure: &str, rule: PointsRule) -> MeasureTerms {
    MeasureTerms {
        measure: measure.into(),
        no_credit: false,
        rule: Some(rule),
    }
}

impl CreditScheme {
    /// The default: reproduces the March 2021 report's §14 credits (see
    /// [`CreditScheme::provenance`]).
    pub fn march_2021() -> CreditScheme {
        let month = Month::literal;
        let providers = Provider::ALL
            .into_iter()
            .filter(|p| *p != Provider::Dcc)
            .map(|provider| {
                let mut s = ProviderScheme {
                    provider,
                    money_per_point: d(100, 0),
                    rule: bands(10, 20),
                    repeat_multiplier: Decimal::ONE,
                    cap: Cap::default(),
                    measures: Vec::new(),
                    exemptions: Vec::new(),
                };
                match provider {
                    Provider::Cspn => {
                        s.money_per_point = d(24685, 2);
                        s.measures.push(terms("PM2", bands(88, 175)));
                    }
                    Provider::Dsp => {
                        s.money_per_point = d(15078, 2);
                        s.measures.push(terms("PM2.7", bands(9, 18)));
                    }
                    Provider::Capgemini => {
                        s.money_per_point = d(9175, 2);
                        s.measures.push(terms("PM2.1", bands(62, 124)));
                    }
                    Provider::Secure => s.exemptions.push(Exemption {
                        from: month(2020, 12),
                        to: month(2021, 5),
                        reason: "First six months of contract operation (report, Table 30 note)"
                            .into(),
                    }),
                    _ => {}
                }
                s
            })
            .collect();
        CreditScheme {
            point_rounding: PointRounding::Up,
            money_rounding: MoneyRounding::DownToPound,
            providers,
            adjustments: vec![
                Adjustment {
                    period: month(2021, 3),
                    provider: Provider::Cspc,
                    measure: "CH1.3".into(),
                    decision: Decision::Pending,
                    reason: "Report §14: still under discussion between DCC Commercial, DCC \
                             Service Delivery and Telefonica"
                        .into(),
                },
                Adjustment {
                    period: month(2021, 3),
                    provider: Provider::Vodafone,
                    measure: "VF-IOT-CORE".into(),
                    decision: Decision::Money { gbp: Decimal::ZERO },
                    reason: "Report Table 30: Vodafone £0 for March 2021; the shared platform \
                             outage did not impact DCC"
                        .into(),
                },
                Adjustment {
                    period: month(2020, 11),
                    provider: Provider::Csps,
                    measure: "PM2".into(),
                    decision: Decision::Pending,
                    reason: "Report §14 NB: CSPS invoked a contractual clause on forecast SRV \
                             volumes; DCC Commercial still reviewing"
                        .into(),
                },
            ],
        }
    }

    /// Which parts of [`CreditScheme::march_2021`] come from the report.
    pub fn provenance() -> &'static [Provenance] {
        &[
            Provenance { part: "CSPN PM2 below minimum: 175 points", from_report: true, why: "§14: 23.74% against 99% accrued 175 Service Points. Arqiva's credits were £43,198 in each of January, February and March 2021 while PM2 moved from about 43% to 23.74%, which fits fixed points for the band." },
            Provenance { part: "DSP PM2.7 below target: 9 points", from_report: true, why: "§14: 98.56% against 99% (minimum 98%) accrued 9 Service Points." },
            Provenance { part: "Capgemini PM2.1 below target: 62 points", from_report: true, why: "§14: 99.841% accrued 62 Service Points; Table 24 puts 99.84% between target 99.99% and minimum 99.59%. (§14's text gives the target as 99.999%.)" },
            Provenance { part: "Money per point: Arqiva £246.85, CGI £150.78, Capgemini £91.75", from_report: false, why: "Not printed. Derived from §14's points and pounds (£43,198 ÷ 175 = £246.85…): with credits rounded down to whole pounds these give exactly £43,198, £1,357 and £5,688." },
            Provenance { part: "Credits rounded down to whole pounds", from_report: false, why: "The report prints whole pounds; rounding down is the one rule under which all three per-point values above reproduce its figures." },
            Provenance { part: "Repeat multiplier 1 (no effect)", from_report: true, why: "Arqiva's credits stayed £43,198 in January–March 2021 although PM2 missed target every month, so a repeat failure did not multiply points." },
            Provenance { part: "KPIs carry no credit (CSPN PM6.3, PM7.4)", from_report: true, why: "§14: \"This is a KPI and therefore has no associated Service Credit attached.\"" },
            Provenance { part: "CSPC CH1.3 March 2021 pending", from_report: true, why: "§14: \"still under discussion\"; update to follow in a future report." },
            Provenance { part: "CSPS PM2 November 2020 pending", from_report: true, why: "§14 NB: CSPS invoked a contractual clause; any credits due will be reported later." },
            Provenance { part: "Vodafone VF-IOT-CORE March 2021: £0", from_report: true, why: "Table 30 shows Vodafone £0; the report says the shared platform outage did not impact DCC." },
            Provenance { part: "Secure exempt December 2020 to May 2021", from_report: false, why: "Table 30: exempt in December 2020 as in its first six months. The window's start (December 2020) is an assumption." },
            Provenance { part: "Other bands: 10 points below target, 20 below minimum; the other band of the three measures above (88, 18, 124); £100 a point elsewhere", from_report: false, why: "Not in the report. Placeholders to edit; they produce credits only for misses the report does not price." },
            Provenance { part: "No cap on points or money", from_report: false, why: "The report shows none." },
        ]
    }

    pub fn provider(&self, provider: Provider) -> Option<&ProviderScheme> {
        self.providers.iter().find(|s| s.provider == provider)
    }

    pub fn provider_mut(&mut self, provider: Provider) -> Option<&mut ProviderScheme> {
        self.providers.iter_mut().find(|s| s.provider == provider)
    }

    pub fn adjustment(
        &self,
        period: Month,
        provider: Provider,
        measure: &str,
    ) -> Option<&Adjustment> {
        self.adjustments
            .iter()
            .rev()
            .find(|a| a.period == period && a.provider == provider && a.measure == measure)
    }

    /// Sets (or with `None` removes) the decision for one measure and period.
    pub fn set_adjustment(
        &mut self,
        period: Month,
        provider: Provider,
        measure: &str,
        decision: Option<(Decision, String)>,
    ) {
        self.adjustments
            .retain(|a| !(a.period == period && a.provider == provider && a.measure == measure));
        if let Some((decision, reason)) = decision {
            self.adjustments.push(Adjustment {
                period,
                provider,
                measure: measure.into(),
                decision,
                reason,
            });
        }
    }

    /// Every figure that must not be negative, named, for checking a scheme
    /// read from a file or typed into the editor.
    pub fn problems(&self) -> Vec<String> {
        let mut out = Vec::new();
        let mut check = |what: String, v: Decimal| {
            if v.is_sign_negative() && !v.is_zero() {
                out.push(format!("{what} is {v}; it must not be negative"));
            }
        };
        for s in &self.providers {
            let p = s.provider;
            check(format!("{p} money per point"), s.money_per_point);
            check(format!("{p} repeat multiplier"), s.repeat_multiplier);
            if let Some(v) = s.cap.points {
                check(format!("{p} cap on points"), v);
            }
            if let Some(v) = s.cap.money {
                check(format!("{p} cap on money"), v);
            }
            let rules = std::iter::once(("default".to_string(), &s.rule)).chain(
                s.measures
                    .iter()
                    .filter_map(|t| t.rule.as_ref().map(|r| (t.measure.clone(), r))),
            );
            for (m, r) in rules {
                match r {
                    PointsRule::Bands {
                        below_target,
                        below_minimum,
                    } => {
                        check(format!("{p} {m} points below target"), *below_target);
                        check(format!("{p} {m} points below minimum"), *below_minimum);
                    }
                    PointsRule::Thresholds { bands } => {
                        for b in bands {
                            check(format!("{p} {m} points short of {}", b.level), b.points);
                        }
                    }
                    PointsRule::Scaled { per_unit, max } => {
                        check(format!("{p} {m} points per unit"), *per_unit);
                        check(format!("{p} {m} maximum points"), *max);
                    }
                }
            }
        }
        for a in &self.adjustments {
            match a.decision {
                Decision::Points { points } => check(
                    format!("{} {} override points", a.provider, a.measure),
                    points,
                ),
                Decision::Money { gbp } => {
                    check(format!("{} {} override money", a.provider, a.measure), gbp)
                }
                Decision::Pending => {}
            }
        }
        out
    }
}
