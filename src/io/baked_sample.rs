//! The embedded sample, baked (written by `tests/it/bake.rs` from the
//! files in `data/`; do not edit: run `BAKE=1 cargo test --test it bake`).
//! Built from static rows and code rather than read from CSV and JSON, so
//! the app's first load carries neither reader.

#![allow(clippy::all, unused_imports, dead_code)]

use crate::engine::claim::{Claim, Stated, StatedStatus};
use crate::engine::observation::IncidentCount;
use crate::engine::opr::{
    Combined, CurvePoint, Decided, LossCurve, Metric, OprMeasure, Part, Regime, RegimeYear,
    Region, ReportedOutcome, Scale, Series,
};
use crate::engine::{
    Amount, CreditScope, Dataset, Fleet, Input, Month, NoValue, Observation, Party, Provider,
    ReportedCredit,
};
use rust_decimal::Decimal;
use std::collections::BTreeMap;

fn s(text: &str) -> String {
    text.to_string()
}

/// A decimal from its digits and scale (always at most 28 here).
fn d(digits: i128, scale: u32) -> Decimal {
    Decimal::try_from_i128_with_scale(digits, scale).unwrap_or_default()
}

type Ym = (i32, u8);
type Dec = (i64, u32);

fn ym((year, month): Ym) -> Month {
    Month::literal(year, month)
}

fn dec((digits, scale): Dec) -> Decimal {
    d(i128::from(digits), scale)
}

fn text(t: Option<&str>) -> Option<String> {
    t.map(s)
}

enum In {
    Level(Dec),
    Counts(u64, u64),
    PowerOutage(u64, u64),
    Status(NoValue),
    /// Category, within, total, excluded by type.
    Incidents(&'static [(u8, u64, u64, &'static [(&'static str, u64)])]),
}

/// A figure: period, measure, provider, input, reported level, reported
/// in, note, approximate.
type Fig = (Ym, &'static str, Provider, In, Option<Dec>, Option<Ym>, Option<&'static str>, bool);

fn figure(f: &Fig) -> Observation {
    let (period, measure, provider, input, reported, reported_in, note, approximate) = f;
    let input = match input {
        In::Level(l) => Input::Level { level: dec(*l) },
        In::Counts(successes, total) => Input::Counts { successes: *successes, total: *total },
        In::PowerOutage(delivered, alerts) => Input::PowerOutage {
            delivered: *delivered,
            power_loss_alerts: *alerts,
        },
        In::Status(status) => Input::Status { status: *status },
        In::Incidents(cats) => Input::Incidents {
            categories: cats
                .iter()
                .map(|(category, within, total, excluded)| IncidentCount {
                    category: *category,
                    within: *within,
                    total: *total,
                    excluded: excluded.iter().map(|(k, v)| (s(k), *v)).collect(),
                })
                .collect(),
        },
    };
    Observation {
        period: ym(*period),
        measure: s(measure),
        provider: *provider,
        input,
        reported: reported.map(dec),
        reported_in: reported_in.map(ym),
        note: text(*note),
        approximate: *approximate,
    }
}

enum Scope {
    Measure(&'static str, Provider),
    Party(Party),
    Total(Fleet),
}

enum Amt {
    Money(Dec),
    Pending,
    NotApplicable,
}

/// A reported credit: period, scope, points, amount, reported in, note.
type Cred = (Ym, Scope, Option<Dec>, Amt, Option<Ym>, Option<&'static str>);

fn credit(c: &Cred) -> ReportedCredit {
    let (period, scope, points, amount, reported_in, note) = c;
    ReportedCredit {
        period: ym(*period),
        scope: match scope {
            Scope::Measure(measure, provider) => CreditScope::Measure {
                measure: s(measure),
                provider: *provider,
            },
            Scope::Party(party) => CreditScope::Party { party: *party },
            Scope::Total(fleet) => CreditScope::Total { fleet: *fleet },
        },
        points: points.map(dec),
        amount: match amount {
            Amt::Money(gbp) => Amount::Money { gbp: dec(*gbp) },
            Amt::Pending => Amount::Pending,
            Amt::NotApplicable => Amount::NotApplicable,
        },
        reported_in: reported_in.map(ym),
        note: text(*note),
    }
}

enum St {
    Level(Dec),
    Status(StatedStatus),
    BelowTargetRun(u32),
    BelowTargetCount(u32, u32),
    FailuresOverAllowed(u64),
}

/// A claim: period, measure, provider, what is stated, the words, the line.
type Said = (Ym, &'static str, Provider, St, &'static str, Option<usize>);

fn claim(c: &Said) -> Claim {
    let (period, measure, provider, stated, words, line) = c;
    Claim {
        period: ym(*period),
        measure: s(measure),
        provider: *provider,
        stated: match stated {
            St::Level(l) => Stated::Level { level: dec(*l) },
            St::Status(status) => Stated::Status { status: *status },
            St::BelowTargetRun(months) => Stated::BelowTargetRun { months: *months },
            St::BelowTargetCount(below, months) => Stated::BelowTargetCount {
                below: *below,
                months: *months,
            },
            St::FailuresOverAllowed(over) => Stated::FailuresOverAllowed { over: *over },
        },
        words: s(words),
        line: *line,
    }
}

/// A decimal that may not fit in an `i64`: (digits, scale).
type Dw = (i128, u32);

fn wide((digits, scale): Dw) -> Decimal {
    d(digits, scale)
}

/// A reported outcome: kept, lost, share kept, margin, rounded to, source.
struct Rep {
    kept: Option<Dw>,
    lost: Option<Dw>,
    share_kept: Option<Dw>,
    margin: Option<Dw>,
    rounded_to: Dw,
    source: &'static str,
}

fn reported(r: &Rep) -> ReportedOutcome {
    ReportedOutcome {
        kept: r.kept.map(wide),
        lost: r.lost.map(wide),
        share_kept: r.share_kept.map(wide),
        margin: r.margin.map(wide),
        rounded_to: wide(r.rounded_to),
        source: s(r.source),
    }
}

struct Mt {
    name: &'static str,
    weight: Dw,
    series: &'static [(Provider, &'static str)],
    annual: Option<Dw>,
}

struct Pt {
    name: Option<&'static str>,
    region: Option<Region>,
    share: Dw,
    metrics: &'static [Mt],
    performance: Option<Dw>,
    /// Kept, and why.
    decided: Option<(Dw, &'static str)>,
}

enum Sc {
    Levels(Dw, Dw),
    Score(Dw),
}

struct Ms {
    code: &'static str,
    name: &'static str,
    group: &'static str,
    weight: Dw,
    margin: Option<Dw>,
    scale: Sc,
    parts: &'static [Pt],
    reported: Option<Rep>,
}

enum Crv {
    Linear,
    Step,
    /// At, kept.
    Points(&'static [(Dw, Dw)]),
}

struct Comb {
    name: &'static str,
    groups: &'static [&'static str],
    reported: Option<Rep>,
}

struct Yr {
    name: &'static str,
    start: Ym,
    margin_at_risk: Dw,
    curve: Crv,
    measures: &'static [Ms],
    notes: &'static [&'static str],
    reported: Option<Rep>,
    combined: &'static [Comb],
}

fn part(p: &Pt) -> Part {
    Part {
        name: text(p.name),
        region: p.region,
        share: wide(p.share),
        metrics: p
            .metrics
            .iter()
            .map(|m| Metric {
                name: s(m.name),
                weight: wide(m.weight),
                series: m
                    .series
                    .iter()
                    .map(|(provider, measure)| Series {
                        provider: *provider,
                        measure: s(measure),
                    })
                    .collect(),
                annual: m.annual.map(wide),
            })
            .collect(),
        performance: p.performance.map(wide),
        decided: p.decided.map(|(kept, reason)| Decided {
            kept: wide(kept),
            reason: s(reason),
        }),
    }
}

fn measure(m: &Ms) -> OprMeasure {
    OprMeasure {
        code: s(m.code),
        name: s(m.name),
        group: s(m.group),
        weight: wide(m.weight),
        margin: m.margin.map(wide),
        scale: match m.scale {
            Sc::Levels(tpl, mpl) => Scale::Levels {
                tpl: wide(tpl),
                mpl: wide(mpl),
            },
            Sc::Score(max) => Scale::Score { max: wide(max) },
        },
        parts: m.parts.iter().map(part).collect(),
        reported: m.reported.as_ref().map(reported),
    }
}

fn year(y: &Yr) -> RegimeYear {
    RegimeYear {
        name: s(y.name),
        start: ym(y.start),
        margin_at_risk: wide(y.margin_at_risk),
        curve: match y.curve {
            Crv::Linear => LossCurve::Linear,
            Crv::Step => LossCurve::Step,
            Crv::Points(points) => LossCurve::Points {
                points: points
                    .iter()
                    .map(|(at, kept)| CurvePoint {
                        at: wide(*at),
                        kept: wide(*kept),
                    })
                    .collect(),
            },
        },
        measures: y.measures.iter().map(measure).collect(),
        notes: y.notes.iter().map(|n| s(n)).collect(),
        reported: y.reported.as_ref().map(reported),
        combined: y
            .combined
            .iter()
            .map(|c| Combined {
                name: s(c.name),
                groups: c.groups.iter().map(|g| s(g)).collect(),
                reported: c.reported.as_ref().map(reported),
            })
            .collect(),
    }
}

/// The OPR years RY22/23, RY23/24 and RY24/25.
pub fn regime() -> Regime {
    Regime {
        years: YEARS.iter().map(year).collect(),
    }
}

/// The March 2021 sample: figures, reported credits and claims.
pub fn dataset() -> Dataset {
    Dataset {
        observations: FIGURES.iter().map(figure).collect(),
        credits: CREDITS.iter().map(credit).collect(),
        claims: CLAIMS.iter().map(claim).collect(),
    }
}

static FIGURES: &[Fig] = &[
    ((2020, 10), "PM7", Provider::Dsp, In::Level((10000, 2)), None, Some((2021, 3)), Some("Previous Qtr Aug 2020 – Oct 2020"), false),
    ((2020, 12), "PM1.2", Provider::Cspc, In::Level((10000, 2)), None, Some((2021, 3)), Some("Table 15 heads this column \"Latest Qtr. Service Level 2020 Q4\"; taken as the previous quarter"), false),
    ((2020, 12), "PM1.2", Provider::Csps, In::Level((9999, 2)), None, Some((2021, 3)), None, false),
    ((2020, 12), "PM1.3", Provider::Cspn, In::Level((9997, 2)), None, Some((2021, 3)), None, false),
    ((2020, 12), "PM10", Provider::Cspn, In::Level((10000, 2)), None, Some((2021, 3)), None, false),
    ((2020, 12), "PM10", Provider::Cspc, In::Level((10000, 2)), None, Some((2021, 3)), Some("Table 15 heads this column \"Latest Qtr. Service Level 2020 Q4\"; taken as the previous quarter"), false),
    ((2020, 12), "PM10", Provider::Csps, In::Level((10000, 2)), None, Some((2021, 3)), None, false),
    ((2020, 12), "PM2", Provider::Cspn, In::Level((50, 0)), None, None, Some("Approximate: about 50%, the gains the March 2021 report (§3.1.2) says were seen in December 2020"), true),
    ((2020, 12), "PM7", Provider::Sie, In::Level((10000, 2)), None, Some((2021, 3)), None, false),
    ((2020, 12), "PM7", Provider::Secure, In::Status(NoValue::NoEvents), None, Some((2021, 3)), None, false),
    ((2020, 12), "PM7", Provider::Mds, In::Status(NoValue::NoEvents), None, Some((2021, 3)), None, false),
    ((2021, 1), "PM2", Provider::Cspn, In::Level((43, 0)), None, None, Some("Approximate: the March 2021 report (§3.1.2): \"a drop in performance to 43% from the gains we had seen in December\""), true),
    ((2021, 1), "PM7", Provider::Dsp, In::Level((10000, 2)), None, Some((2021, 3)), Some("Latest Qtr Nov 2020 – Jan 2021"), false),
    ((2021, 2), "CH1.1", Provider::Cspn, In::Level((10000, 2)), None, Some((2021, 3)), None, false),
    ((2021, 2), "CH1.1", Provider::Cspc, In::Level((10000, 2)), None, Some((2021, 3)), None, false),
    ((2021, 2), "CH1.1", Provider::Csps, In::Level((9875, 2)), None, Some((2021, 2)), Some("As first reported in the February 2021 PMR"), false),
    ((2021, 2), "CH1.1", Provider::Csps, In::Level((10000, 2)), None, Some((2021, 3)), Some("Restated in the March 2021 PMR after the February V2.0 recalculation"), false),
    ((2021, 2), "CH1.2", Provider::Cspn, In::Level((10000, 2)), None, Some((2021, 3)), None, false),
    ((2021, 2), "CH1.2", Provider::Cspc, In::Level((9921, 2)), None, Some((2021, 2)), Some("As first reported in the February 2021 PMR"), false),
    ((2021, 2), "CH1.2", Provider::Cspc, In::Level((10000, 2)), None, Some((2021, 3)), Some("Restated in the March 2021 PMR after the February V2.0 recalculation"), false),
    ((2021, 2), "CH1.2", Provider::Csps, In::Level((10000, 2)), None, Some((2021, 3)), None, false),
    ((2021, 2), "CH1.3", Provider::Cspn, In::Level((10000, 2)), None, Some((2021, 3)), None, false),
    ((2021, 2), "CH1.3", Provider::Cspc, In::Level((9997, 2)), None, Some((2021, 3)), None, false),
    ((2021, 2), "CH1.3", Provider::Csps, In::Level((10000, 2)), None, Some((2021, 3)), None, false),
    ((2021, 2), "CH2.1", Provider::Cspn, In::Level((10000, 2)), None, Some((2021, 3)), None, false),
    ((2021, 2), "CH2.1", Provider::Cspc, In::Level((10000, 2)), None, Some((2021, 3)), None, false),
    ((2021, 2), "CH2.1", Provider::Csps, In::Level((10000, 2)), None, Some((2021, 3)), None, false),
    ((2021, 2), "CPM1", Provider::Dcc, In::Level((9395, 2)), None, Some((2021, 3)), None, false),
    ((2021, 2), "CPM2", Provider::Dcc, In::Level((9992, 2)), None, Some((2021, 3)), None, false),
    ((2021, 2), "CPM3", Provider::Dcc, In::Level((9971, 2)), None, Some((2021, 3)), None, false),
    ((2021, 2), "CPM4", Provider::Dcc, In::Status(NoValue::NoEvents), None, Some((2021, 3)), None, false),
    ((2021, 2), "CPM5", Provider::Dcc, In::Level((9011, 2)), None, Some((2021, 3)), None, false),
    ((2021, 2), "CPM6", Provider::Dcc, In::Level((10000, 2)), None, Some((2021, 3)), None, false),
    ((2021, 2), "CPM7", Provider::Dcc, In::Level((10000, 2)), None, Some((2021, 3)), None, false),
    ((2021, 2), "CPM8", Provider::Dcc, In::Level((10000, 2)), None, Some((2021, 3)), None, false),
    ((2021, 2), "PM1.1", Provider::Dsp, In::Level((9991, 2)), None, Some((2021, 3)), None, false),
    ((2021, 2), "PM1.1", Provider::Cspn, In::Level((9835, 2)), None, Some((2021, 3)), None, false),
    ((2021, 2), "PM1.1", Provider::Cspc, In::Level((9998, 2)), None, Some((2021, 3)), None, false),
    ((2021, 2), "PM1.1", Provider::Csps, In::Level((9999, 2)), None, Some((2021, 3)), None, false),
    ((2021, 2), "PM1.1", Provider::Tsp, In::Level((10000, 2)), None, Some((2021, 3)), None, false),
    ((2021, 2), "PM1.1", Provider::Sie, In::Level((9998, 2)), None, Some((2021, 3)), None, false),
    ((2021, 2), "PM1.1", Provider::Capgemini, In::Level((10000, 2)), None, Some((2021, 3)), None, false),
    ((2021, 2), "PM1.1", Provider::Secure, In::Level((9981, 2)), None, Some((2021, 3)), None, false),
    ((2021, 2), "PM1.1", Provider::Dxc, In::Status(NoValue::NotApplicable), None, Some((2021, 3)), None, false),
    ((2021, 2), "PM1.2", Provider::Dsp, In::Level((10000, 2)), None, Some((2021, 3)), None, false),
    ((2021, 2), "PM1.2", Provider::Cspn, In::Level((9982, 2)), None, Some((2021, 3)), None, false),
    ((2021, 2), "PM1.3", Provider::Dsp, In::Level((10000, 2)), None, Some((2021, 3)), None, false),
    ((2021, 2), "PM1.3", Provider::Cspc, In::Level((10000, 2)), None, Some((2021, 3)), None, false),
    ((2021, 2), "PM1.3", Provider::Csps, In::Level((10000, 2)), None, Some((2021, 3)), None, false),
    ((2021, 2), "PM1.4", Provider::Dsp, In::Level((9998, 2)), None, Some((2021, 3)), None, false),
    ((2021, 2), "PM1.4", Provider::Cspn, In::Level((10000, 2)), None, Some((2021, 3)), None, false),
    ((2021, 2), "PM1.4", Provider::Tsp, In::Level((10000, 2)), None, Some((2021, 3)), None, false),
    ((2021, 2), "PM1.5", Provider::Dsp, In::Level((9993, 2)), None, Some((2021, 3)), None, false),
    ((2021, 2), "PM1.5", Provider::Sie, In::Level((10000, 2)), None, Some((2021, 3)), None, false),
    ((2021, 2), "PM1.5", Provider::Secure, In::Level((9978, 2)), None, Some((2021, 3)), None, false),
    ((2021, 2), "PM1.5", Provider::Dxc, In::Status(NoValue::NotApplicable), None, Some((2021, 3)), None, false),
    ((2021, 2), "PM1.7", Provider::Tsp, In::Level((10000, 2)), None, Some((2021, 3)), None, false),
    ((2021, 2), "PM1.8", Provider::Tsp, In::Level((10000, 2)), None, Some((2021, 3)), None, false),
    ((2021, 2), "PM11", Provider::Dsp, In::Status(NoValue::NoEvents), None, Some((2021, 3)), None, false),
    ((2021, 2), "PM11", Provider::Cspn, In::Level((9964, 2)), None, Some((2021, 3)), None, false),
    ((2021, 2), "PM11", Provider::Cspc, In::Level((9886, 2)), None, Some((2021, 3)), None, false),
    ((2021, 2), "PM11", Provider::Csps, In::Level((9888, 2)), None, Some((2021, 3)), None, false),
    ((2021, 2), "PM12.1", Provider::Cspn, In::Level((9941, 2)), None, Some((2021, 3)), None, false),
    ((2021, 2), "PM12.1", Provider::Cspc, In::Level((10000, 2)), None, Some((2021, 3)), None, false),
    ((2021, 2), "PM12.1", Provider::Csps, In::Level((10000, 2)), None, Some((2021, 3)), None, false),
    ((2021, 2), "PM12.2", Provider::Cspn, In::Level((39620, 2)), None, Some((2021, 3)), None, false),
    ((2021, 2), "PM12.2", Provider::Cspc, In::Level((39776, 2)), None, Some((2021, 3)), None, false),
    ((2021, 2), "PM12.2", Provider::Csps, In::Level((39713, 2)), None, Some((2021, 3)), None, false),
    ((2021, 2), "PM13", Provider::Dsp, In::Level((10000, 2)), None, Some((2021, 3)), None, false),
    ((2021, 2), "PM2", Provider::Cspn, In::Level((3588, 2)), None, Some((2021, 3)), None, false),
    ((2021, 2), "PM2", Provider::Cspc, In::Level((9902, 2)), None, Some((2021, 3)), None, false),
    ((2021, 2), "PM2", Provider::Csps, In::Level((9918, 2)), None, Some((2021, 3)), None, false),
    ((2021, 2), "PM2.1", Provider::Dsp, In::Level((10000, 2)), None, Some((2021, 3)), None, false),
    ((2021, 2), "PM2.1", Provider::Sie, In::Level((10000, 2)), None, Some((2021, 3)), None, false),
    ((2021, 2), "PM2.1", Provider::Capgemini, In::Level((10000, 2)), None, Some((2021, 3)), None, false),
    ((2021, 2), "PM2.1", Provider::Secure, In::Level((10000, 2)), None, Some((2021, 3)), None, false),
    ((2021, 2), "PM2.2", Provider::Dsp, In::Level((10000, 2)), None, Some((2021, 3)), None, false),
    ((2021, 2), "PM2.2", Provider::Sie, In::Level((10000, 2)), None, Some((2021, 3)), None, false),
    ((2021, 2), "PM2.2", Provider::Capgemini, In::Level((10000, 2)), None, Some((2021, 3)), None, false),
    ((2021, 2), "PM2.3", Provider::Dsp, In::Level((10000, 2)), None, Some((2021, 3)), None, false),
    ((2021, 2), "PM2.4", Provider::Dsp, In::Level((10000, 2)), None, Some((2021, 3)), None, false),
    ((2021, 2), "PM2.4", Provider::Sie, In::Level((10000, 2)), None, Some((2021, 3)), None, false),
    ((2021, 2), "PM2.4", Provider::Secure, In::Level((10000, 2)), None, Some((2021, 3)), None, false),
    ((2021, 2), "PM2.5", Provider::Dsp, In::Level((10000, 2)), None, Some((2021, 3)), None, false),
    ((2021, 2), "PM2.7", Provider::Dsp, In::Level((10000, 2)), None, Some((2021, 3)), None, false),
    ((2021, 2), "PM2.7", Provider::Sie, In::Level((10000, 2)), None, Some((2021, 3)), None, false),
    ((2021, 2), "PM2.7", Provider::Secure, In::Level((10000, 2)), None, Some((2021, 3)), None, false),
    ((2021, 2), "PM3", Provider::Dsp, In::Level((0, 0)), None, Some((2021, 3)), None, false),
    ((2021, 2), "PM3.1", Provider::Cspn, In::Level((9921, 2)), None, Some((2021, 3)), None, false),
    ((2021, 2), "PM3.1", Provider::Cspc, In::Level((9997, 2)), None, Some((2021, 3)), None, false),
    ((2021, 2), "PM3.1", Provider::Csps, In::Level((9996, 2)), None, Some((2021, 3)), None, false),
    ((2021, 2), "PM3.1", Provider::Sie, In::Level((0, 0)), None, Some((2021, 3)), None, false),
    ((2021, 2), "PM3.1", Provider::Capgemini, In::Level((0, 0)), None, Some((2021, 3)), None, false),
    ((2021, 2), "PM3.1", Provider::Secure, In::Level((0, 0)), None, Some((2021, 3)), None, false),
    ((2021, 2), "PM3.1", Provider::Critical, In::Status(NoValue::NoEvents), None, Some((2021, 3)), None, false),
    ((2021, 2), "PM3.2", Provider::Cspn, In::Level((9954, 2)), None, Some((2021, 3)), None, false),
    ((2021, 2), "PM3.2", Provider::Cspc, In::Level((9950, 2)), None, Some((2021, 3)), None, false),
    ((2021, 2), "PM3.2", Provider::Csps, In::Level((9950, 2)), None, Some((2021, 3)), None, false),
    ((2021, 2), "PM3.2", Provider::Sie, In::Level((0, 0)), None, Some((2021, 3)), None, false),
    ((2021, 2), "PM3.2", Provider::Capgemini, In::Level((0, 0)), None, Some((2021, 3)), None, false),
    ((2021, 2), "PM3.2", Provider::Secure, In::Level((0, 0)), None, Some((2021, 3)), None, false),
    ((2021, 2), "PM3.2", Provider::Critical, In::Status(NoValue::NoEvents), None, Some((2021, 3)), None, false),
    ((2021, 2), "PM4.1", Provider::Cspn, In::Level((10000, 2)), None, Some((2021, 3)), None, false),
    ((2021, 2), "PM4.1", Provider::Cspc, In::Level((10000, 2)), None, Some((2021, 3)), None, false),
    ((2021, 2), "PM4.1", Provider::Csps, In::Level((10000, 2)), None, Some((2021, 3)), None, false),
    ((2021, 2), "PM4.2", Provider::Cspn, In::Level((10000, 2)), None, Some((2021, 3)), None, false),
    ((2021, 2), "PM4.2", Provider::Cspc, In::Level((9999, 2)), None, Some((2021, 3)), None, false),
    ((2021, 2), "PM4.2", Provider::Csps, In::Level((9999, 2)), None, Some((2021, 3)), None, false),
    ((2021, 2), "PM4.3", Provider::Cspn, In::Level((10000, 2)), None, Some((2021, 3)), None, false),
    ((2021, 2), "PM4.3", Provider::Cspc, In::Level((9986, 2)), None, Some((2021, 3)), None, false),
    ((2021, 2), "PM4.3", Provider::Csps, In::Level((9984, 2)), None, Some((2021, 3)), None, false),
    ((2021, 2), "PM6.2", Provider::Cspn, In::Level((10000, 2)), None, Some((2021, 3)), None, false),
    ((2021, 2), "PM6.2", Provider::Cspc, In::Level((10000, 2)), None, Some((2021, 3)), None, false),
    ((2021, 2), "PM6.2", Provider::Csps, In::Level((10000, 2)), None, Some((2021, 3)), None, false),
    ((2021, 2), "VF-IOT-CORE", Provider::Vodafone, In::Level((9993, 2)), None, Some((2021, 3)), None, false),
    ((2021, 2), "VF-IOT-MGMT", Provider::Vodafone, In::Level((9993, 2)), None, Some((2021, 3)), None, false),
    ((2021, 2), "VF-LINKS", Provider::Vodafone, In::Status(NoValue::NoEvents), None, Some((2021, 3)), None, false),
    ((2021, 2), "VF-MGMT", Provider::Vodafone, In::Level((10000, 2)), None, Some((2021, 3)), None, false),
    ((2021, 2), "VF-RAN", Provider::Vodafone, In::Level((9954, 2)), None, Some((2021, 3)), None, false),
    ((2021, 3), "CH1.1", Provider::Cspn, In::Level((10000, 2)), None, Some((2021, 3)), None, false),
    ((2021, 3), "CH1.1", Provider::Cspc, In::Level((10000, 2)), None, Some((2021, 3)), None, false),
    ((2021, 3), "CH1.1", Provider::Csps, In::Level((10000, 2)), None, Some((2021, 3)), None, false),
    ((2021, 3), "CH1.2", Provider::Cspn, In::Level((10000, 2)), None, Some((2021, 3)), None, false),
    ((2021, 3), "CH1.2", Provider::Cspc, In::Level((10000, 2)), None, Some((2021, 3)), None, false),
    ((2021, 3), "CH1.2", Provider::Csps, In::Level((10000, 2)), None, Some((2021, 3)), None, false),
    ((2021, 3), "CH1.3", Provider::Cspn, In::Level((10000, 2)), None, Some((2021, 3)), None, false),
    ((2021, 3), "CH1.3", Provider::Cspc, In::Counts(89080, 89172), Some((99896, 3)), Some((2021, 3)), Some("Report: 92 of 89,172 deemed faulty – \"2 more than the SLA allowed\"; still under discussion with Telefonica"), false),
    ((2021, 3), "CH1.3", Provider::Csps, In::Level((9998, 2)), None, Some((2021, 3)), None, false),
    ((2021, 3), "CH2.1", Provider::Cspn, In::Level((10000, 2)), None, Some((2021, 3)), None, false),
    ((2021, 3), "CH2.1", Provider::Cspc, In::Level((10000, 2)), None, Some((2021, 3)), None, false),
    ((2021, 3), "CH2.1", Provider::Csps, In::Level((10000, 2)), None, Some((2021, 3)), None, false),
    ((2021, 3), "CPM1", Provider::Dcc, In::Level((9275, 2)), None, Some((2021, 3)), Some("Below minimum; report attributes the shortfall to CSPN PM2 (23.74%)"), false),
    ((2021, 3), "CPM2", Provider::Dcc, In::Level((9991, 2)), None, Some((2021, 3)), None, false),
    ((2021, 3), "CPM3", Provider::Dcc, In::Level((9957, 2)), None, Some((2021, 3)), None, false),
    ((2021, 3), "CPM4", Provider::Dcc, In::Incidents(&[(1, 2, 2, &[]), (2, 3, 3, &[])]), Some((10000, 2)), Some((2021, 3)), Some("Table 4: 5 of 5 Category 1-2 incidents closed in period within SLA, after PMEL exclusions (8 of 8 before)"), false),
    ((2021, 3), "CPM5", Provider::Dcc, In::Incidents(&[(3, 108, 111, &[]), (4, 124, 131, &[]), (5, 571, 649, &[])]), Some((9012, 2)), Some((2021, 3)), Some("Table 6: 803 of 891 Category 3-5 incidents closed in period within SLA, after PMEL exclusions"), false),
    ((2021, 3), "CPM6", Provider::Dcc, In::Level((9995, 2)), None, Some((2021, 3)), None, false),
    ((2021, 3), "CPM7", Provider::Dcc, In::Level((10000, 2)), None, Some((2021, 3)), None, false),
    ((2021, 3), "CPM8", Provider::Dcc, In::Level((10000, 2)), None, Some((2021, 3)), None, false),
    ((2021, 3), "PM1.1", Provider::Dsp, In::Level((9983, 2)), None, Some((2021, 3)), None, false),
    ((2021, 3), "PM1.1", Provider::Cspn, In::Level((9893, 2)), None, Some((2021, 3)), None, false),
    ((2021, 3), "PM1.1", Provider::Cspc, In::Level((9999, 2)), None, Some((2021, 3)), Some("13,662 hubs excluded in period (Table 16; CHIMSM not followed)"), false),
    ((2021, 3), "PM1.1", Provider::Csps, In::Level((9998, 2)), None, Some((2021, 3)), Some("8,561 hubs excluded in period (Table 20; CHIMSM not followed)"), false),
    ((2021, 3), "PM1.1", Provider::Tsp, In::Level((10000, 2)), None, Some((2021, 3)), None, false),
    ((2021, 3), "PM1.1", Provider::Sie, In::Level((9936, 2)), None, Some((2021, 3)), None, false),
    ((2021, 3), "PM1.1", Provider::Capgemini, In::Level((9998, 2)), None, Some((2021, 3)), None, false),
    ((2021, 3), "PM1.1", Provider::Secure, In::Level((9931, 2)), None, Some((2021, 3)), None, false),
    ((2021, 3), "PM1.1", Provider::Dxc, In::Status(NoValue::NoEvents), None, Some((2021, 3)), None, false),
    ((2021, 3), "PM1.2", Provider::Dsp, In::Level((9998, 2)), None, Some((2021, 3)), None, false),
    ((2021, 3), "PM1.2", Provider::Cspn, In::Level((9976, 2)), None, Some((2021, 3)), None, false),
    ((2021, 3), "PM1.2", Provider::Cspc, In::Level((10000, 2)), None, Some((2021, 3)), None, false),
    ((2021, 3), "PM1.2", Provider::Csps, In::Level((10000, 2)), None, Some((2021, 3)), None, false),
    ((2021, 3), "PM1.3", Provider::Dsp, In::Level((10000, 2)), None, Some((2021, 3)), None, false),
    ((2021, 3), "PM1.3", Provider::Cspn, In::Level((9998, 2)), None, Some((2021, 3)), None, false),
    ((2021, 3), "PM1.3", Provider::Cspc, In::Level((10000, 2)), None, Some((2021, 3)), Some("212,138 hubs excluded, whole estate (Table 18)"), false),
    ((2021, 3), "PM1.3", Provider::Csps, In::Level((10000, 2)), None, Some((2021, 3)), Some("200,494 hubs excluded, whole estate (Table 22, labelled \"PM1.3 (CSPC)\")"), false),
    ((2021, 3), "PM1.4", Provider::Dsp, In::Level((9998, 2)), None, Some((2021, 3)), None, false),
    ((2021, 3), "PM1.4", Provider::Cspn, In::Level((10000, 2)), None, Some((2021, 3)), Some("22,152 hubs excluded in period (Table 14; CHIMSM maintenance not followed)"), false),
    ((2021, 3), "PM1.4", Provider::Tsp, In::Level((10000, 2)), None, Some((2021, 3)), None, false),
    ((2021, 3), "PM1.5", Provider::Dsp, In::Level((9993, 2)), None, Some((2021, 3)), None, false),
    ((2021, 3), "PM1.5", Provider::Sie, In::Level((9977, 2)), None, Some((2021, 3)), None, false),
    ((2021, 3), "PM1.5", Provider::Secure, In::Level((9962, 2)), None, Some((2021, 3)), None, false),
    ((2021, 3), "PM1.5", Provider::Dxc, In::Status(NoValue::NoEvents), None, Some((2021, 3)), None, false),
    ((2021, 3), "PM1.7", Provider::Tsp, In::Level((10000, 2)), None, Some((2021, 3)), None, false),
    ((2021, 3), "PM1.8", Provider::Tsp, In::Level((10000, 2)), None, Some((2021, 3)), None, false),
    ((2021, 3), "PM10", Provider::Cspn, In::Level((10000, 2)), None, Some((2021, 3)), None, false),
    ((2021, 3), "PM10", Provider::Cspc, In::Level((10000, 2)), None, Some((2021, 3)), None, false),
    ((2021, 3), "PM10", Provider::Csps, In::Level((10000, 2)), None, Some((2021, 3)), None, false),
    ((2021, 3), "PM11", Provider::Dsp, In::Status(NoValue::NoEvents), None, Some((2021, 3)), None, false),
    ((2021, 3), "PM11", Provider::Cspn, In::Level((9940, 2)), None, Some((2021, 3)), None, false),
    ((2021, 3), "PM11", Provider::Cspc, In::Level((9905, 2)), None, Some((2021, 3)), Some("13,662 hubs excluded in period (Table 17)"), false),
    ((2021, 3), "PM11", Provider::Csps, In::Level((9906, 2)), None, Some((2021, 3)), Some("8,561 hubs excluded in period (Table 21)"), false),
    ((2021, 3), "PM12.1", Provider::Cspn, In::Level((9950, 2)), None, Some((2021, 3)), None, false),
    ((2021, 3), "PM12.1", Provider::Cspc, In::Level((9999, 2)), None, Some((2021, 3)), None, false),
    ((2021, 3), "PM12.1", Provider::Csps, In::Level((10000, 2)), None, Some((2021, 3)), None, false),
    ((2021, 3), "PM12.2", Provider::Cspn, In::PowerOutage(10343, 10343), Some((39428, 2)), Some((2021, 3)), Some("Report: 10,343 CH power outages, all sent to DSP within SLA; Schedule 2.2 formula yields >100%"), false),
    ((2021, 3), "PM12.2", Provider::Cspc, In::PowerOutage(40419, 40419), Some((39852, 2)), Some((2021, 3)), Some("Report: 40,419 CH power outages, all sent to DSP within SLA; Schedule 2.2 formula yields >100%"), false),
    ((2021, 3), "PM12.2", Provider::Csps, In::PowerOutage(31451, 31451), Some((39810, 2)), Some((2021, 3)), Some("Report: 31,451 CH power outages, all sent to DSP within SLA; Schedule 2.2 formula yields >100%"), false),
    ((2021, 3), "PM13", Provider::Dsp, In::Level((10000, 2)), None, Some((2021, 3)), None, false),
    ((2021, 3), "PM2", Provider::Cspn, In::Counts(56774, 239128), Some((2374, 2)), Some((2021, 3)), Some("Below minimum; report: two major outages (INC000000702177 & INC000000702810) dumped the firmware cache and all jobs in it failed; §3.1.2 text says \"finishing the month on 23.48%\"; §14: 175 Service Points, £43,198"), false),
    ((2021, 3), "PM2", Provider::Cspc, In::Counts(571383, 576139), Some((9917, 2)), Some((2021, 3)), None, false),
    ((2021, 3), "PM2", Provider::Csps, In::Counts(515774, 519490), Some((9928, 2)), Some((2021, 3)), None, false),
    ((2021, 3), "PM2.1", Provider::Dsp, In::Level((10000, 2)), None, Some((2021, 3)), None, false),
    ((2021, 3), "PM2.1", Provider::Sie, In::Level((10000, 2)), None, Some((2021, 3)), None, false),
    ((2021, 3), "PM2.1", Provider::Capgemini, In::Level((9984, 2)), None, Some((2021, 3)), Some("§14 quotes 99.841% against a 99.999% target (Table 24: 99.99%); Cat 1 INC000000707890 (DCO database cluster failure 23/03); §14: 62 Service Points, £5,688"), false),
    ((2021, 3), "PM2.1", Provider::Secure, In::Level((10000, 2)), None, Some((2021, 3)), None, false),
    ((2021, 3), "PM2.2", Provider::Dsp, In::Level((10000, 2)), None, Some((2021, 3)), None, false),
    ((2021, 3), "PM2.2", Provider::Sie, In::Level((10000, 2)), None, Some((2021, 3)), None, false),
    ((2021, 3), "PM2.2", Provider::Capgemini, In::Level((10000, 2)), None, Some((2021, 3)), None, false),
    ((2021, 3), "PM2.3", Provider::Dsp, In::Level((10000, 2)), None, Some((2021, 3)), None, false),
    ((2021, 3), "PM2.4", Provider::Dsp, In::Level((9995, 2)), None, Some((2021, 3)), None, false),
    ((2021, 3), "PM2.4", Provider::Sie, In::Level((10000, 2)), None, Some((2021, 3)), None, false),
    ((2021, 3), "PM2.4", Provider::Secure, In::Level((10000, 2)), None, Some((2021, 3)), None, false),
    ((2021, 3), "PM2.5", Provider::Dsp, In::Level((10000, 2)), None, Some((2021, 3)), None, false),
    ((2021, 3), "PM2.7", Provider::Dsp, In::Level((9856, 2)), None, Some((2021, 3)), Some("Below target: 558-minute outage of the UIT-B environment on 2 March 2021 (INC000000699464; network route decommissioned in error by a 3rd party); §14: 9 Service Points, £1,357"), false),
    ((2021, 3), "PM2.7", Provider::Sie, In::Level((10000, 2)), None, Some((2021, 3)), None, false),
    ((2021, 3), "PM2.7", Provider::Secure, In::Level((10000, 2)), None, Some((2021, 3)), None, false),
    ((2021, 3), "PM3", Provider::Dsp, In::Level((0, 0)), None, Some((2021, 3)), Some("Report: \"DCC are reviewing the contractual definition of this DSP Performance Measure\""), false),
    ((2021, 3), "PM3.1", Provider::Cspn, In::Level((9919, 2)), None, Some((2021, 3)), None, false),
    ((2021, 3), "PM3.1", Provider::Cspc, In::Level((9998, 2)), None, Some((2021, 3)), None, false),
    ((2021, 3), "PM3.1", Provider::Csps, In::Level((9996, 2)), None, Some((2021, 3)), None, false),
    ((2021, 3), "PM3.1", Provider::Sie, In::Level((0, 0)), None, Some((2021, 3)), None, false),
    ((2021, 3), "PM3.1", Provider::Capgemini, In::Level((0, 0)), None, Some((2021, 3)), None, false),
    ((2021, 3), "PM3.1", Provider::Secure, In::Level((0, 0)), None, Some((2021, 3)), None, false),
    ((2021, 3), "PM3.1", Provider::Critical, In::Status(NoValue::NoEvents), None, Some((2021, 3)), None, false),
    ((2021, 3), "PM3.2", Provider::Cspn, In::Level((9922, 2)), None, Some((2021, 3)), None, false),
    ((2021, 3), "PM3.2", Provider::Cspc, In::Level((9952, 2)), None, Some((2021, 3)), None, false),
    ((2021, 3), "PM3.2", Provider::Csps, In::Level((9937, 2)), None, Some((2021, 3)), None, false),
    ((2021, 3), "PM3.2", Provider::Sie, In::Level((0, 0)), None, Some((2021, 3)), None, false),
    ((2021, 3), "PM3.2", Provider::Capgemini, In::Level((0, 0)), None, Some((2021, 3)), None, false),
    ((2021, 3), "PM3.2", Provider::Secure, In::Level((0, 0)), None, Some((2021, 3)), None, false),
    ((2021, 3), "PM3.2", Provider::Critical, In::Status(NoValue::NoEvents), None, Some((2021, 3)), None, false),
    ((2021, 3), "PM4.1", Provider::Cspn, In::Level((10000, 2)), None, Some((2021, 3)), None, false),
    ((2021, 3), "PM4.1", Provider::Cspc, In::Level((10000, 2)), None, Some((2021, 3)), None, false),
    ((2021, 3), "PM4.1", Provider::Csps, In::Level((10000, 2)), None, Some((2021, 3)), None, false),
    ((2021, 3), "PM4.2", Provider::Cspn, In::Level((10000, 2)), None, Some((2021, 3)), None, false),
    ((2021, 3), "PM4.2", Provider::Cspc, In::Level((9995, 2)), None, Some((2021, 3)), None, false),
    ((2021, 3), "PM4.2", Provider::Csps, In::Level((9995, 2)), None, Some((2021, 3)), None, false),
    ((2021, 3), "PM4.3", Provider::Cspn, In::Level((10000, 2)), None, Some((2021, 3)), None, false),
    ((2021, 3), "PM4.3", Provider::Cspc, In::Level((9980, 2)), None, Some((2021, 3)), None, false),
    ((2021, 3), "PM4.3", Provider::Csps, In::Level((9981, 2)), None, Some((2021, 3)), None, false),
    ((2021, 3), "PM6.2", Provider::Cspn, In::Level((10000, 2)), None, Some((2021, 3)), None, false),
    ((2021, 3), "PM6.2", Provider::Cspc, In::Level((10000, 2)), None, Some((2021, 3)), None, false),
    ((2021, 3), "PM6.2", Provider::Csps, In::Level((10000, 2)), None, Some((2021, 3)), None, false),
    ((2021, 3), "PM6.3", Provider::Cspn, In::Level((9944, 2)), None, Some((2021, 3)), Some("From §14 text only (not in Table 13): KPI against 99.80% target, no Service Credit"), false),
    ((2021, 3), "PM7", Provider::Sie, In::Level((10000, 2)), None, Some((2021, 3)), None, false),
    ((2021, 3), "PM7", Provider::Secure, In::Level((10000, 2)), None, Some((2021, 3)), None, false),
    ((2021, 3), "PM7", Provider::Mds, In::Status(NoValue::NoEvents), None, Some((2021, 3)), None, false),
    ((2021, 3), "PM7.4", Provider::Cspn, In::Level((8844, 2)), None, Some((2021, 3)), Some("From §14 text only (not in Table 13): KPI against 99.00% target, no Service Credit"), false),
    ((2021, 3), "VF-IOT-CORE", Provider::Vodafone, In::Level((9985, 2)), None, Some((2021, 3)), Some("Below minimum; report: shared Vodafone platform outage did not impact DCC – excluding non-DCC-impacting issues \"the SLA achieved would have been 99.95%\""), false),
    ((2021, 3), "VF-IOT-MGMT", Provider::Vodafone, In::Level((9985, 2)), None, Some((2021, 3)), None, false),
    ((2021, 3), "VF-LINKS", Provider::Vodafone, In::Level((10000, 2)), None, Some((2021, 3)), Some("Report footnote: back-haul \"dedicated fixed links\" not currently live, no data available – yet 100.00% printed"), false),
    ((2021, 3), "VF-MGMT", Provider::Vodafone, In::Level((10000, 2)), None, Some((2021, 3)), None, false),
    ((2021, 3), "VF-RAN", Provider::Vodafone, In::Level((9957, 2)), None, Some((2021, 3)), None, false),
];

static CREDITS: &[Cred] = &[
    ((2020, 4), Scope::Party(Party::Arqiva), None, Amt::Money((60935, 0)), Some((2021, 3)), None),
    ((2020, 4), Scope::Party(Party::Bt), None, Amt::Money((0, 0)), Some((2021, 3)), None),
    ((2020, 4), Scope::Party(Party::Cgi), None, Amt::Money((3949, 0)), Some((2021, 3)), None),
    ((2020, 4), Scope::Party(Party::Telefonica), None, Amt::Money((0, 0)), Some((2021, 3)), None),
    ((2020, 4), Scope::Party(Party::Sie), None, Amt::Money((11, 0)), Some((2021, 3)), None),
    ((2020, 4), Scope::Party(Party::Capgemini), None, Amt::Money((0, 0)), Some((2021, 3)), None),
    ((2020, 4), Scope::Party(Party::Vodafone), None, Amt::Money((0, 0)), Some((2021, 3)), None),
    ((2020, 4), Scope::Party(Party::Critical), None, Amt::Money((0, 0)), Some((2021, 3)), None),
    ((2020, 4), Scope::Party(Party::Secure), None, Amt::NotApplicable, Some((2021, 3)), None),
    ((2020, 4), Scope::Total(Fleet::Smets2), None, Amt::Money((64884, 0)), Some((2021, 3)), None),
    ((2020, 4), Scope::Total(Fleet::Smets1), None, Amt::Money((11, 0)), Some((2021, 3)), None),
    ((2020, 5), Scope::Party(Party::Arqiva), None, Amt::Money((60935, 0)), Some((2021, 3)), None),
    ((2020, 5), Scope::Party(Party::Bt), None, Amt::Money((0, 0)), Some((2021, 3)), None),
    ((2020, 5), Scope::Party(Party::Cgi), None, Amt::Money((0, 0)), Some((2021, 3)), None),
    ((2020, 5), Scope::Party(Party::Telefonica), None, Amt::Money((0, 0)), Some((2021, 3)), None),
    ((2020, 5), Scope::Party(Party::Sie), None, Amt::Money((316, 0)), Some((2021, 3)), None),
    ((2020, 5), Scope::Party(Party::Capgemini), None, Amt::Money((9896, 0)), Some((2021, 3)), None),
    ((2020, 5), Scope::Party(Party::Vodafone), None, Amt::Money((0, 0)), Some((2021, 3)), None),
    ((2020, 5), Scope::Party(Party::Critical), None, Amt::Money((0, 0)), Some((2021, 3)), None),
    ((2020, 5), Scope::Party(Party::Secure), None, Amt::NotApplicable, Some((2021, 3)), None),
    ((2020, 5), Scope::Total(Fleet::Smets2), None, Amt::Money((60935, 0)), Some((2021, 3)), None),
    ((2020, 5), Scope::Total(Fleet::Smets1), None, Amt::Money((10212, 0)), Some((2021, 3)), None),
    ((2020, 6), Scope::Party(Party::Arqiva), None, Amt::Money((72084, 0)), Some((2021, 3)), None),
    ((2020, 6), Scope::Party(Party::Bt), None, Amt::Money((0, 0)), Some((2021, 3)), None),
    ((2020, 6), Scope::Party(Party::Cgi), None, Amt::Money((0, 0)), Some((2021, 3)), None),
    ((2020, 6), Scope::Party(Party::Telefonica), None, Amt::Pending, Some((2021, 3)), None),
    ((2020, 6), Scope::Party(Party::Sie), None, Amt::Money((4539, 0)), Some((2021, 3)), None),
    ((2020, 6), Scope::Party(Party::Capgemini), None, Amt::Money((18873, 0)), Some((2021, 3)), None),
    ((2020, 6), Scope::Party(Party::Vodafone), None, Amt::Money((0, 0)), Some((2021, 3)), None),
    ((2020, 6), Scope::Party(Party::Critical), None, Amt::Money((0, 0)), Some((2021, 3)), None),
    ((2020, 6), Scope::Party(Party::Secure), None, Amt::NotApplicable, Some((2021, 3)), None),
    ((2020, 6), Scope::Total(Fleet::Smets2), None, Amt::Money((72084, 0)), Some((2021, 3)), None),
    ((2020, 6), Scope::Total(Fleet::Smets1), None, Amt::Money((23412, 0)), Some((2021, 3)), None),
    ((2020, 7), Scope::Party(Party::Arqiva), None, Amt::Money((51859, 0)), Some((2021, 3)), None),
    ((2020, 7), Scope::Party(Party::Bt), None, Amt::Money((0, 0)), Some((2021, 3)), None),
    ((2020, 7), Scope::Party(Party::Cgi), None, Amt::Money((0, 0)), Some((2021, 3)), None),
    ((2020, 7), Scope::Party(Party::Telefonica), None, Amt::Money((0, 0)), Some((2021, 3)), None),
    ((2020, 7), Scope::Party(Party::Sie), None, Amt::Money((6704, 0)), Some((2021, 3)), None),
    ((2020, 7), Scope::Party(Party::Capgemini), None, Amt::Money((39384, 0)), Some((2021, 3)), None),
    ((2020, 7), Scope::Party(Party::Vodafone), None, Amt::Money((0, 0)), Some((2021, 3)), None),
    ((2020, 7), Scope::Party(Party::Critical), None, Amt::Money((0, 0)), Some((2021, 3)), None),
    ((2020, 7), Scope::Party(Party::Secure), None, Amt::NotApplicable, Some((2021, 3)), None),
    ((2020, 7), Scope::Total(Fleet::Smets2), None, Amt::Money((51859, 0)), Some((2021, 3)), None),
    ((2020, 7), Scope::Total(Fleet::Smets1), None, Amt::Money((46088, 0)), Some((2021, 3)), None),
    ((2020, 8), Scope::Party(Party::Arqiva), None, Amt::Money((105533, 0)), Some((2021, 3)), None),
    ((2020, 8), Scope::Party(Party::Bt), None, Amt::Money((0, 0)), Some((2021, 3)), None),
    ((2020, 8), Scope::Party(Party::Cgi), None, Amt::Money((0, 0)), Some((2021, 3)), None),
    ((2020, 8), Scope::Party(Party::Telefonica), None, Amt::Money((8111, 0)), Some((2021, 3)), None),
    ((2020, 8), Scope::Party(Party::Sie), None, Amt::Money((0, 0)), Some((2021, 3)), None),
    ((2020, 8), Scope::Party(Party::Capgemini), None, Amt::Money((19222, 0)), Some((2021, 3)), None),
    ((2020, 8), Scope::Party(Party::Vodafone), None, Amt::Money((0, 0)), Some((2021, 3)), None),
    ((2020, 8), Scope::Party(Party::Critical), None, Amt::Money((0, 0)), Some((2021, 3)), None),
    ((2020, 8), Scope::Party(Party::Secure), None, Amt::NotApplicable, Some((2021, 3)), None),
    ((2020, 8), Scope::Total(Fleet::Smets2), None, Amt::Money((113644, 0)), Some((2021, 3)), None),
    ((2020, 8), Scope::Total(Fleet::Smets1), None, Amt::Money((19222, 0)), Some((2021, 3)), None),
    ((2020, 9), Scope::Party(Party::Arqiva), None, Amt::Money((70528, 0)), Some((2021, 3)), None),
    ((2020, 9), Scope::Party(Party::Bt), None, Amt::Money((0, 0)), Some((2021, 3)), None),
    ((2020, 9), Scope::Party(Party::Cgi), None, Amt::Money((3015, 0)), Some((2021, 3)), None),
    ((2020, 9), Scope::Party(Party::Telefonica), None, Amt::Money((0, 0)), Some((2021, 3)), None),
    ((2020, 9), Scope::Party(Party::Sie), None, Amt::Money((0, 0)), Some((2021, 3)), None),
    ((2020, 9), Scope::Party(Party::Capgemini), None, Amt::Money((0, 0)), Some((2021, 3)), None),
    ((2020, 9), Scope::Party(Party::Vodafone), None, Amt::Money((0, 0)), Some((2021, 3)), None),
    ((2020, 9), Scope::Party(Party::Critical), None, Amt::Money((0, 0)), Some((2021, 3)), None),
    ((2020, 9), Scope::Party(Party::Secure), None, Amt::NotApplicable, Some((2021, 3)), None),
    ((2020, 9), Scope::Total(Fleet::Smets2), None, Amt::Money((73543, 0)), Some((2021, 3)), None),
    ((2020, 9), Scope::Total(Fleet::Smets1), None, Amt::Money((0, 0)), Some((2021, 3)), None),
    ((2020, 10), Scope::Party(Party::Arqiva), None, Amt::Money((73899, 0)), Some((2021, 3)), None),
    ((2020, 10), Scope::Party(Party::Bt), None, Amt::Money((0, 0)), Some((2021, 3)), None),
    ((2020, 10), Scope::Party(Party::Cgi), None, Amt::Money((0, 0)), Some((2021, 3)), None),
    ((2020, 10), Scope::Party(Party::Telefonica), None, Amt::Money((0, 0)), Some((2021, 3)), None),
    ((2020, 10), Scope::Party(Party::Sie), None, Amt::Money((0, 0)), Some((2021, 3)), None),
    ((2020, 10), Scope::Party(Party::Capgemini), None, Amt::Money((36000, 0)), Some((2021, 3)), None),
    ((2020, 10), Scope::Party(Party::Vodafone), None, Amt::Money((0, 0)), Some((2021, 3)), None),
    ((2020, 10), Scope::Party(Party::Critical), None, Amt::Money((0, 0)), Some((2021, 3)), None),
    ((2020, 10), Scope::Party(Party::Secure), None, Amt::NotApplicable, Some((2021, 3)), None),
    ((2020, 10), Scope::Total(Fleet::Smets2), None, Amt::Money((73899, 0)), Some((2021, 3)), None),
    ((2020, 10), Scope::Total(Fleet::Smets1), None, Amt::Money((36000, 0)), Some((2021, 3)), None),
    ((2020, 11), Scope::Party(Party::Arqiva), None, Amt::Money((48488, 0)), Some((2021, 3)), None),
    ((2020, 11), Scope::Party(Party::Bt), None, Amt::Money((0, 0)), Some((2021, 3)), None),
    ((2020, 11), Scope::Party(Party::Cgi), None, Amt::Money((0, 0)), Some((2021, 3)), None),
    ((2020, 11), Scope::Party(Party::Telefonica), None, Amt::Money((0, 0)), Some((2021, 3)), None),
    ((2020, 11), Scope::Party(Party::Sie), None, Amt::Money((0, 0)), Some((2021, 3)), None),
    ((2020, 11), Scope::Party(Party::Capgemini), None, Amt::Money((0, 0)), Some((2021, 3)), None),
    ((2020, 11), Scope::Party(Party::Vodafone), None, Amt::Money((0, 0)), Some((2021, 3)), None),
    ((2020, 11), Scope::Party(Party::Critical), None, Amt::Money((0, 0)), Some((2021, 3)), None),
    ((2020, 11), Scope::Party(Party::Secure), None, Amt::NotApplicable, Some((2021, 3)), None),
    ((2020, 11), Scope::Total(Fleet::Smets2), None, Amt::Money((48488, 0)), Some((2021, 3)), None),
    ((2020, 11), Scope::Total(Fleet::Smets1), None, Amt::Money((0, 0)), Some((2021, 3)), None),
    ((2020, 12), Scope::Party(Party::Arqiva), None, Amt::Money((45377, 0)), Some((2021, 3)), None),
    ((2020, 12), Scope::Party(Party::Bt), None, Amt::Money((0, 0)), Some((2021, 3)), None),
    ((2020, 12), Scope::Party(Party::Cgi), None, Amt::Money((0, 0)), Some((2021, 3)), None),
    ((2020, 12), Scope::Party(Party::Telefonica), None, Amt::Money((2301, 0)), Some((2021, 3)), None),
    ((2020, 12), Scope::Party(Party::Sie), None, Amt::Money((0, 0)), Some((2021, 3)), None),
    ((2020, 12), Scope::Party(Party::Capgemini), None, Amt::Money((0, 0)), Some((2021, 3)), None),
    ((2020, 12), Scope::Party(Party::Vodafone), None, Amt::Money((0, 0)), Some((2021, 3)), None),
    ((2020, 12), Scope::Party(Party::Critical), None, Amt::Money((0, 0)), Some((2021, 3)), None),
    ((2020, 12), Scope::Party(Party::Secure), None, Amt::NotApplicable, Some((2021, 3)), Some("Table 30 prints N/A*: Secure are contractually exempt Service Credits in December despite failing a single Service Measure as currently in first 6 months of contract operation")),
    ((2020, 12), Scope::Total(Fleet::Smets2), None, Amt::Money((47678, 0)), Some((2021, 3)), None),
    ((2020, 12), Scope::Total(Fleet::Smets1), None, Amt::Money((0, 0)), Some((2021, 3)), None),
    ((2021, 1), Scope::Party(Party::Arqiva), None, Amt::Money((43198, 0)), Some((2021, 3)), None),
    ((2021, 1), Scope::Party(Party::Bt), None, Amt::Money((0, 0)), Some((2021, 3)), None),
    ((2021, 1), Scope::Party(Party::Cgi), None, Amt::Money((0, 0)), Some((2021, 3)), None),
    ((2021, 1), Scope::Party(Party::Telefonica), None, Amt::Money((0, 0)), Some((2021, 3)), None),
    ((2021, 1), Scope::Party(Party::Sie), None, Amt::Money((0, 0)), Some((2021, 3)), None),
    ((2021, 1), Scope::Party(Party::Capgemini), None, Amt::Money((0, 0)), Some((2021, 3)), None),
    ((2021, 1), Scope::Party(Party::Vodafone), None, Amt::Money((0, 0)), Some((2021, 3)), None),
    ((2021, 1), Scope::Party(Party::Critical), None, Amt::Money((0, 0)), Some((2021, 3)), None),
    ((2021, 1), Scope::Party(Party::Secure), None, Amt::NotApplicable, Some((2021, 3)), None),
    ((2021, 1), Scope::Total(Fleet::Smets2), None, Amt::Money((43198, 0)), Some((2021, 3)), None),
    ((2021, 1), Scope::Total(Fleet::Smets1), None, Amt::Money((0, 0)), Some((2021, 3)), None),
    ((2021, 2), Scope::Party(Party::Arqiva), None, Amt::Money((43198, 0)), Some((2021, 3)), None),
    ((2021, 2), Scope::Party(Party::Bt), None, Amt::Money((0, 0)), Some((2021, 3)), None),
    ((2021, 2), Scope::Party(Party::Cgi), None, Amt::Money((0, 0)), Some((2021, 3)), None),
    ((2021, 2), Scope::Party(Party::Telefonica), None, Amt::Money((0, 0)), Some((2021, 3)), Some("Table 29 prints £0*: February 2021 Service Credits for Telefonica update to reflect amendments as per 202102_DCCPerformanceMeasurementReport_V2.0")),
    ((2021, 2), Scope::Party(Party::Sie), None, Amt::Money((0, 0)), Some((2021, 3)), None),
    ((2021, 2), Scope::Party(Party::Capgemini), None, Amt::Money((0, 0)), Some((2021, 3)), None),
    ((2021, 2), Scope::Party(Party::Vodafone), None, Amt::Money((0, 0)), Some((2021, 3)), None),
    ((2021, 2), Scope::Party(Party::Critical), None, Amt::Money((0, 0)), Some((2021, 3)), None),
    ((2021, 2), Scope::Party(Party::Secure), None, Amt::NotApplicable, Some((2021, 3)), None),
    ((2021, 2), Scope::Total(Fleet::Smets2), None, Amt::Money((43198, 0)), Some((2021, 3)), None),
    ((2021, 2), Scope::Total(Fleet::Smets1), None, Amt::Money((0, 0)), Some((2021, 3)), None),
    ((2021, 3), Scope::Measure("CH1.3", Provider::Cspc), None, Amt::Pending, Some((2021, 3)), Some("§14: under discussion between DCC Commercial Team, DCC Service Delivery Team and Telefonica teams; update to be provided in a future report")),
    ((2021, 3), Scope::Measure("PM2", Provider::Cspn), Some((175, 0)), Amt::Money((43198, 0)), Some((2021, 3)), Some("§14: 175 Service Points which equate to Service Credits of £43,198")),
    ((2021, 3), Scope::Measure("PM2.1", Provider::Capgemini), Some((62, 0)), Amt::Money((5688, 0)), Some((2021, 3)), Some("§14: 62 Service Points which equate to Service Credits of £5,688")),
    ((2021, 3), Scope::Measure("PM2.7", Provider::Dsp), Some((9, 0)), Amt::Money((1357, 0)), Some((2021, 3)), Some("§14: 9 Service Points which equate to Service Credits of £1,357")),
    ((2021, 3), Scope::Party(Party::Arqiva), None, Amt::Money((43198, 0)), Some((2021, 3)), None),
    ((2021, 3), Scope::Party(Party::Bt), None, Amt::Money((0, 0)), Some((2021, 3)), None),
    ((2021, 3), Scope::Party(Party::Cgi), None, Amt::Money((1357, 0)), Some((2021, 3)), None),
    ((2021, 3), Scope::Party(Party::Telefonica), None, Amt::Money((0, 0)), Some((2021, 3)), None),
    ((2021, 3), Scope::Party(Party::Sie), None, Amt::Money((0, 0)), Some((2021, 3)), None),
    ((2021, 3), Scope::Party(Party::Capgemini), None, Amt::Money((5688, 0)), Some((2021, 3)), None),
    ((2021, 3), Scope::Party(Party::Vodafone), None, Amt::Money((0, 0)), Some((2021, 3)), None),
    ((2021, 3), Scope::Party(Party::Critical), None, Amt::Money((0, 0)), Some((2021, 3)), None),
    ((2021, 3), Scope::Party(Party::Secure), None, Amt::NotApplicable, Some((2021, 3)), None),
    ((2021, 3), Scope::Total(Fleet::Smets2), None, Amt::Money((44555, 0)), Some((2021, 3)), None),
    ((2021, 3), Scope::Total(Fleet::Smets1), None, Amt::Money((5688, 0)), Some((2021, 3)), None),
    ((2021, 3), Scope::Total(Fleet::All), None, Amt::Money((50432, 0)), Some((2021, 3)), Some("§15 states it: DCC’s External Costs in the period of this report are reduced by the Service Credit total of £50,432")),
];

static CLAIMS: &[Said] = &[
    ((2021, 3), "CH1.3", Provider::Cspc, St::Level((99896, 3)), "CSPC CH1.3 The Target Service Level for this measure is 99.90%, the reported Service Level was 99.896% and is below the Target Service Level.", Some(2530)),
    ((2021, 3), "CH1.3", Provider::Cspc, St::Status(StatedStatus::BelowTarget), "CSPC CH1.3 The Target Service Level for this measure is 99.90%, the reported Service Level was 99.896% and is below the Target Service Level.", Some(2530)),
    ((2021, 3), "CH1.3", Provider::Cspc, St::FailuresOverAllowed(2), "There were 89,172 attempted installations in relation to this measure, 92 of which were deemed to be faulty – 2 more than the SLA allowed.", Some(2532)),
    ((2021, 3), "CPM1", Provider::Dcc, St::Level((9275, 2)), "Code Performance Measure (CPM) Summary CPM1 measures Percentage of On-Demand Service Responses delivered within the applicable Target Response Time, the Service Level achieved is 92.75% and is below the Minimum Service Level, further details provided in Section 3.1.2.", Some(74)),
    ((2021, 3), "CPM1", Provider::Dcc, St::Status(StatedStatus::BelowMinimum), "Code Performance Measure (CPM) Summary CPM1 measures Percentage of On-Demand Service Responses delivered within the applicable Target Response Time, the Service Level achieved is 92.75% and is below the Minimum Service Level, further details provided in Section 3.1.2.", Some(74)),
    ((2021, 3), "CPM1", Provider::Dcc, St::BelowTargetRun(21), "Reviewer's note: CPM1 has been below Target Service Level for the last 21 months; with this being the 27th instance it has been below in 28 months.", Some(797)),
    ((2021, 3), "CPM1", Provider::Dcc, St::BelowTargetCount(27, 28), "Reviewer's note: CPM1 has been below Target Service Level for the last 21 months; with this being the 27th instance it has been below in 28 months.", Some(797)),
    ((2021, 3), "CPM2", Provider::Dcc, St::Status(StatedStatus::MeetsTarget), "The Service Levels achieved for CPM2, CPM3, CPM4, CPM5, CPM6, CPM7 and CPM8 are all above the Target Service Level.", Some(78)),
    ((2021, 3), "CPM3", Provider::Dcc, St::Status(StatedStatus::MeetsTarget), "The Service Levels achieved for CPM2, CPM3, CPM4, CPM5, CPM6, CPM7 and CPM8 are all above the Target Service Level.", Some(78)),
    ((2021, 3), "CPM4", Provider::Dcc, St::Status(StatedStatus::MeetsTarget), "The Service Levels achieved for CPM2, CPM3, CPM4, CPM5, CPM6, CPM7 and CPM8 are all above the Target Service Level.", Some(78)),
    ((2021, 3), "CPM5", Provider::Dcc, St::Status(StatedStatus::MeetsTarget), "The Service Levels achieved for CPM2, CPM3, CPM4, CPM5, CPM6, CPM7 and CPM8 are all above the Target Service Level.", Some(78)),
    ((2021, 3), "CPM6", Provider::Dcc, St::Status(StatedStatus::MeetsTarget), "The Service Levels achieved for CPM2, CPM3, CPM4, CPM5, CPM6, CPM7 and CPM8 are all above the Target Service Level.", Some(78)),
    ((2021, 3), "CPM7", Provider::Dcc, St::Status(StatedStatus::MeetsTarget), "The Service Levels achieved for CPM2, CPM3, CPM4, CPM5, CPM6, CPM7 and CPM8 are all above the Target Service Level.", Some(78)),
    ((2021, 3), "CPM8", Provider::Dcc, St::Status(StatedStatus::MeetsTarget), "The Service Levels achieved for CPM2, CPM3, CPM4, CPM5, CPM6, CPM7 and CPM8 are all above the Target Service Level.", Some(78)),
    ((2021, 3), "PM2", Provider::Cspn, St::Level((2348, 2)), "This had a dramatic impact on performance, finishing the month on 23.48% which is extremely poor.", Some(1501)),
    ((2021, 3), "PM2", Provider::Cspn, St::Level((2374, 2)), "CSPN PM2 reported Service Level was 23.74% and is below Minimum Service Level.", Some(1375)),
    ((2021, 3), "PM2", Provider::Cspn, St::Status(StatedStatus::BelowMinimum), "CSPN PM2 reported Service Level was 23.74% and is below Minimum Service Level.", Some(1375)),
    ((2021, 3), "PM2.1", Provider::Capgemini, St::Level((9984, 2)), "Further Details are provided in Section 6.1.2 S1SP-CapGemini PM2.1 Percentage Service availability – DCO Service (Production Environment) Service Level is 99.84% and is below the Target Service Level.", Some(94)),
    ((2021, 3), "PM2.1", Provider::Capgemini, St::Level((99841, 3)), "(This Performance Measure does not contribute to any DCC Code Performance Measure.) Capgemini PM2.1 – Percentage Service availability – DCO Service (Production Environment.) The Target Service Level for this PM is 99.999% and the Actual Service Level achieved was 99.841%.", Some(3553)),
    ((2021, 3), "PM2.1", Provider::Capgemini, St::Status(StatedStatus::BelowTarget), "Further Details are provided in Section 6.1.2 S1SP-CapGemini PM2.1 Percentage Service availability – DCO Service (Production Environment) Service Level is 99.84% and is below the Target Service Level.", Some(94)),
    ((2021, 3), "PM2.7", Provider::Dsp, St::Level((9856, 2)), "DSP PM2.7 reported Service Level was 98.56% and is below the Target Service Level.", Some(2085)),
    ((2021, 3), "PM2.7", Provider::Dsp, St::Status(StatedStatus::BelowTarget), "DSP PM2.7 reported Service Level was 98.56% and is below the Target Service Level.", Some(2085)),
    ((2021, 3), "VF-IOT-CORE", Provider::Vodafone, St::Level((9985, 2)), "Further Details are provided in Section 9.1.1 S1CSP - Vodafone Monthly IoT Core availability (Voice/Data/SMS) reported Service Level was 99.85% and is below the Minimum Service Level.", Some(98)),
    ((2021, 3), "VF-IOT-CORE", Provider::Vodafone, St::Status(StatedStatus::BelowMinimum), "Further Details are provided in Section 9.1.1 S1CSP - Vodafone Monthly IoT Core availability (Voice/Data/SMS) reported Service Level was 99.85% and is below the Minimum Service Level.", Some(98)),
];

static YEARS: &[Yr] = &[
    Yr {
        name: "RY22/23", start: (2022, 4), margin_at_risk: (7610000, 0), curve: Crv::Linear,
        measures: &[
            Ms { code: "SUM1", name: "Service availability", group: "System performance", weight: (2333333333333333333333333333, 26), margin: None, scale: Sc::Levels((9950, 2), (9800, 2)), parts: &[
            Pt { name: None, region: None, share: (1, 0), metrics: &[
                Mt { name: "DCC User Interface", weight: (1, 0), series: &[(Provider::Dsp, "PM2.2")], annual: Some((9996, 2)) },
                Mt { name: "Registration Data Interface", weight: (1, 0), series: &[], annual: Some((10000, 2)) },
                Mt { name: "SMKI Repository Interface", weight: (1, 0), series: &[], annual: Some((10000, 2)) },
                Mt { name: "SMKI Service Interfaces", weight: (1, 0), series: &[], annual: Some((10000, 2)) },
                Mt { name: "Self-Service Interface", weight: (1, 0), series: &[(Provider::Dsp, "PM2.4")], annual: Some((10000, 2)) }], performance: Some((9999, 2)), decided: None }], reported: None },
            Ms { code: "SDM1", name: "Install and commission", group: "System performance", weight: (2333333333333333333333333333, 26), margin: None, scale: Sc::Levels((9900, 2), (9600, 2)), parts: &[
            Pt { name: None, region: Some(Region::North), share: (1, 0), metrics: &[
                Mt { name: "Comms hubs accepted by customers (IC1)", weight: (1, 0), series: &[(Provider::Cspn, "CH1.2")], annual: None },
                Mt { name: "Comms hubs not faulty (IC2)", weight: (1, 0), series: &[(Provider::Cspn, "CH1.3")], annual: None },
                Mt { name: "First-time SMWAN connectivity at install", weight: (1, 0), series: &[(Provider::Cspn, "PM1.1")], annual: None },
                Mt { name: "SMWAN connectivity level (IC4)", weight: (1, 0), series: &[(Provider::Cspn, "PM1.4")], annual: None },
                Mt { name: "SRV8.11 Update HAN Device Log (IC5)", weight: (0, 0), series: &[], annual: None }], performance: None, decided: Some(((100, 0), "Ofgem's RY22/23 decision: 100% of the £5.33m system performance margin kept (RY23/24 submission §2.2); the RPLs are not in the documents")) },
            Pt { name: None, region: Some(Region::Central), share: (1, 0), metrics: &[
                Mt { name: "Comms hubs accepted by customers (IC1)", weight: (1, 0), series: &[(Provider::Cspc, "CH1.2")], annual: None },
                Mt { name: "Comms hubs not faulty (IC2)", weight: (1, 0), series: &[(Provider::Cspc, "CH1.3")], annual: None },
                Mt { name: "First-time SMWAN connectivity at install", weight: (1, 0), series: &[(Provider::Cspc, "PM1.1")], annual: None },
                Mt { name: "SMWAN connectivity level (IC4)", weight: (1, 0), series: &[(Provider::Cspc, "PM1.3")], annual: None },
                Mt { name: "SRV8.11 Update HAN Device Log (IC5)", weight: (0, 0), series: &[], annual: None }], performance: None, decided: Some(((100, 0), "Ofgem's RY22/23 decision: 100% of the £5.33m system performance margin kept (RY23/24 submission §2.2); the RPLs are not in the documents")) },
            Pt { name: None, region: Some(Region::South), share: (1, 0), metrics: &[
                Mt { name: "Comms hubs accepted by customers (IC1)", weight: (1, 0), series: &[(Provider::Csps, "CH1.2")], annual: None },
                Mt { name: "Comms hubs not faulty (IC2)", weight: (1, 0), series: &[(Provider::Csps, "CH1.3")], annual: None },
                Mt { name: "First-time SMWAN connectivity at install", weight: (1, 0), series: &[(Provider::Csps, "PM1.1")], annual: None },
                Mt { name: "SMWAN connectivity level (IC4)", weight: (1, 0), series: &[(Provider::Csps, "PM1.3")], annual: None },
                Mt { name: "SRV8.11 Update HAN Device Log (IC5)", weight: (0, 0), series: &[], annual: None }], performance: None, decided: Some(((100, 0), "Ofgem's RY22/23 decision: 100% of the £5.33m system performance margin kept (RY23/24 submission §2.2); the RPLs are not in the documents")) }], reported: None },
            Ms { code: "SDM2", name: "Prepayment (interim response times)", group: "System performance", weight: (2333333333333333333333333333, 26), margin: None, scale: Sc::Levels((9900, 2), (9600, 2)), parts: &[
            Pt { name: None, region: None, share: (9, 0), metrics: &[
                Mt { name: "DSP PM1.1 real-time TRTs", weight: (1, 0), series: &[(Provider::Dsp, "PM1.1")], annual: None },
                Mt { name: "DSP PM1.4 real-time TRTs", weight: (1, 0), series: &[(Provider::Dsp, "PM1.4")], annual: None },
                Mt { name: "S1SP PM1.1 real-time TRTs", weight: (1, 0), series: &[(Provider::Sie, "PM1.1"), (Provider::Capgemini, "PM1.1"), (Provider::Secure, "PM1.1"), (Provider::Dxc, "PM1.1")], annual: None }], performance: None, decided: Some(((100, 0), "Ofgem's RY22/23 decision: 100% of the £5.33m system performance margin kept (RY23/24 submission §2.2); the RPLs are not in the documents")) },
            Pt { name: None, region: Some(Region::North), share: (1, 0), metrics: &[
                Mt { name: "PM4.3 test HAN interface command", weight: (1, 0), series: &[(Provider::Cspn, "PM4.3")], annual: None }], performance: None, decided: Some(((100, 0), "Ofgem's RY22/23 decision: 100% of the £5.33m system performance margin kept (RY23/24 submission §2.2); the RPLs are not in the documents")) },
            Pt { name: None, region: Some(Region::Central), share: (1, 0), metrics: &[
                Mt { name: "PM4.3 test HAN interface command", weight: (1, 0), series: &[(Provider::Cspc, "PM4.3")], annual: None }], performance: None, decided: Some(((100, 0), "Ofgem's RY22/23 decision: 100% of the £5.33m system performance margin kept (RY23/24 submission §2.2); the RPLs are not in the documents")) },
            Pt { name: None, region: Some(Region::South), share: (1, 0), metrics: &[
                Mt { name: "PM4.3 test HAN interface command", weight: (1, 0), series: &[(Provider::Csps, "PM4.3")], annual: None }], performance: None, decided: Some(((100, 0), "Ofgem's RY22/23 decision: 100% of the £5.33m system performance margin kept (RY23/24 submission §2.2); the RPLs are not in the documents")) }], reported: None },
            Ms { code: "VMM1", name: "Customer engagement", group: "Customer engagement", weight: (15, 0), margin: None, scale: Sc::Score((3, 0)), parts: &[
            Pt { name: None, region: None, share: (1, 0), metrics: &[
                ], performance: Some((2, 0)), decided: None }], reported: None },
            Ms { code: "VMM2", name: "Contract management", group: "Contract management", weight: (15, 0), margin: None, scale: Sc::Score((3, 0)), parts: &[
            Pt { name: None, region: None, share: (1, 0), metrics: &[
                ], performance: Some((171, 2)), decided: None }], reported: Some(Rep { kept: Some((650000, 0)), lost: None, share_kept: Some((57, 0)), margin: None, rounded_to: (10000, 0), source: "RY23/24 submission §5.1" }) }],
        notes: &["Margin at risk £7.61m: £5.33m for system performance plus £2.28m for customer engagement and contract management (RY23/24 submission §2.2, £m to two decimals).", "Weights as in RY23/24: 70% split equally among SUM1, SDM1 and SDM2 (23.33% each as printed), 15% each for VMM1 and VMM2; £5.33m ÷ £7.61m = 70.0% agrees.", "SUM1 99.99% is the mean of last year's interface figures given in §3.2.1 (99.96%, 100%, 100%, 100%, 100%).", "SDM1 and SDM2: the RPLs are not in the documents; the share kept is entered as decided (100%, §2.2).", "VMM1 2 of 3 (§4); VMM2 1.71 of 3, reduced by Ofgem from the auditor's 1.95 (§5.1), 57% or £0.65m kept."],
        reported: None,
        combined: &[Comb { name: "System performance", groups: &["System performance"], reported: Some(Rep { kept: None, lost: None, share_kept: Some((100, 0)), margin: Some((5330000, 0)), rounded_to: (10000, 0), source: "RY23/24 submission §2.2" }) }, Comb { name: "Customer engagement and contract management", groups: &["Customer engagement", "Contract management"], reported: Some(Rep { kept: None, lost: None, share_kept: Some((62, 0)), margin: Some((2280000, 0)), rounded_to: (10000, 0), source: "RY23/24 submission §2.2" }) }],
    },
    Yr {
        name: "RY23/24", start: (2023, 4), margin_at_risk: (8938000, 0), curve: Crv::Linear,
        measures: &[
            Ms { code: "SUM1", name: "Service availability", group: "System performance", weight: (2333333333333333333333333333, 26), margin: Some((2086000, 0)), scale: Sc::Levels((9950, 2), (9800, 2)), parts: &[
            Pt { name: None, region: None, share: (1, 0), metrics: &[
                Mt { name: "DCC User Interface", weight: (1, 0), series: &[(Provider::Dsp, "PM2.2")], annual: Some((9981, 2)) },
                Mt { name: "Registration Data Interface", weight: (1, 0), series: &[], annual: Some((10000, 2)) },
                Mt { name: "SMKI Repository Interface", weight: (1, 0), series: &[], annual: Some((9993, 2)) },
                Mt { name: "SMKI Service Interfaces", weight: (1, 0), series: &[], annual: Some((10000, 2)) },
                Mt { name: "Self-Service Interface", weight: (1, 0), series: &[(Provider::Dsp, "PM2.4")], annual: Some((9993, 2)) }], performance: Some((9993, 2)), decided: None }], reported: Some(Rep { kept: Some((2086000, 0)), lost: Some((0, 0)), share_kept: Some((100, 0)), margin: None, rounded_to: (1000, 0), source: "Table 7" }) },
            Ms { code: "SDM1", name: "Install and commission", group: "System performance", weight: (2333333333333333333333333333, 26), margin: Some((2086000, 0)), scale: Sc::Levels((9900, 2), (9600, 2)), parts: &[
            Pt { name: None, region: Some(Region::North), share: (1, 0), metrics: &[
                Mt { name: "Comms hubs accepted by customers (IC1)", weight: (1, 0), series: &[(Provider::Cspn, "CH1.2")], annual: Some((10000, 2)) },
                Mt { name: "Comms hubs not faulty (IC2)", weight: (1, 0), series: &[(Provider::Cspn, "CH1.3")], annual: Some((10000, 2)) },
                Mt { name: "First-time SMWAN connectivity at install", weight: (1, 0), series: &[(Provider::Cspn, "PM1.1")], annual: Some((9721, 2)) },
                Mt { name: "SMWAN connectivity level (IC4)", weight: (1, 0), series: &[(Provider::Cspn, "PM1.4")], annual: Some((10000, 2)) },
                Mt { name: "SRV8.11 Update HAN Device Log (IC5)", weight: (0, 0), series: &[], annual: None }], performance: Some((9930, 2)), decided: None },
            Pt { name: None, region: Some(Region::Central), share: (1, 0), metrics: &[
                Mt { name: "Comms hubs accepted by customers (IC1)", weight: (1, 0), series: &[(Provider::Cspc, "CH1.2")], annual: Some((10000, 2)) },
                Mt { name: "Comms hubs not faulty (IC2)", weight: (1, 0), series: &[(Provider::Cspc, "CH1.3")], annual: Some((9989, 2)) },
                Mt { name: "First-time SMWAN connectivity at install", weight: (1, 0), series: &[(Provider::Cspc, "PM1.1")], annual: Some((9996, 2)) },
                Mt { name: "SMWAN connectivity level (IC4)", weight: (1, 0), series: &[(Provider::Cspc, "PM1.3")], annual: Some((10000, 2)) },
                Mt { name: "SRV8.11 Update HAN Device Log (IC5)", weight: (0, 0), series: &[], annual: None }], performance: Some((9996, 2)), decided: None },
            Pt { name: None, region: Some(Region::South), share: (1, 0), metrics: &[
                Mt { name: "Comms hubs accepted by customers (IC1)", weight: (1, 0), series: &[(Provider::Csps, "CH1.2")], annual: Some((10000, 2)) },
                Mt { name: "Comms hubs not faulty (IC2)", weight: (1, 0), series: &[(Provider::Csps, "CH1.3")], annual: Some((9992, 2)) },
                Mt { name: "First-time SMWAN connectivity at install", weight: (1, 0), series: &[(Provider::Csps, "PM1.1")], annual: Some((9998, 2)) },
                Mt { name: "SMWAN connectivity level (IC4)", weight: (1, 0), series: &[(Provider::Csps, "PM1.3")], annual: Some((10000, 2)) },
                Mt { name: "SRV8.11 Update HAN Device Log (IC5)", weight: (0, 0), series: &[], annual: None }], performance: Some((9997, 2)), decided: None }], reported: Some(Rep { kept: Some((2086000, 0)), lost: Some((0, 0)), share_kept: Some((100, 0)), margin: None, rounded_to: (1000, 0), source: "Table 7" }) },
            Ms { code: "SDM2", name: "Prepayment (interim response times)", group: "System performance", weight: (2333333333333333333333333333, 26), margin: Some((2086000, 0)), scale: Sc::Levels((9900, 2), (9600, 2)), parts: &[
            Pt { name: None, region: None, share: (9, 0), metrics: &[
                Mt { name: "DSP PM1.1 real-time TRTs", weight: (1, 0), series: &[(Provider::Dsp, "PM1.1")], annual: Some((9970, 2)) },
                Mt { name: "DSP PM1.4 real-time TRTs", weight: (1, 0), series: &[(Provider::Dsp, "PM1.4")], annual: Some((9996, 2)) },
                Mt { name: "S1SP PM1.1 real-time TRTs", weight: (1, 0), series: &[(Provider::Sie, "PM1.1"), (Provider::Capgemini, "PM1.1"), (Provider::Secure, "PM1.1"), (Provider::Dxc, "PM1.1")], annual: Some((9993, 2)) }], performance: Some((9985, 2)), decided: None },
            Pt { name: None, region: Some(Region::North), share: (1, 0), metrics: &[
                Mt { name: "PM4.3 test HAN interface command", weight: (1, 0), series: &[(Provider::Cspn, "PM4.3")], annual: Some((10000, 2)) }], performance: Some((10000, 2)), decided: None },
            Pt { name: None, region: Some(Region::Central), share: (1, 0), metrics: &[
                Mt { name: "PM4.3 test HAN interface command", weight: (1, 0), series: &[(Provider::Cspc, "PM4.3")], annual: Some((9975, 2)) }], performance: Some((9975, 2)), decided: None },
            Pt { name: None, region: Some(Region::South), share: (1, 0), metrics: &[
                Mt { name: "PM4.3 test HAN interface command", weight: (1, 0), series: &[(Provider::Csps, "PM4.3")], annual: Some((9975, 2)) }], performance: Some((9975, 2)), decided: None }], reported: Some(Rep { kept: Some((2086000, 0)), lost: Some((0, 0)), share_kept: Some((100, 0)), margin: None, rounded_to: (1000, 0), source: "Table 7" }) },
            Ms { code: "VMM1", name: "Customer engagement", group: "Customer engagement", weight: (15, 0), margin: Some((1341000, 0)), scale: Sc::Score((3, 0)), parts: &[
            Pt { name: None, region: None, share: (1, 0), metrics: &[
                ], performance: Some((2416, 3)), decided: None }], reported: Some(Rep { kept: Some((1080000, 0)), lost: Some((261000, 0)), share_kept: Some((81, 0)), margin: None, rounded_to: (1000, 0), source: "Table 7" }) },
            Ms { code: "VMM2", name: "Contract management", group: "Contract management", weight: (15, 0), margin: Some((1339000, 0)), scale: Sc::Score((3, 0)), parts: &[
            Pt { name: None, region: None, share: (1, 0), metrics: &[
                ], performance: Some((2333, 3)), decided: None }], reported: Some(Rep { kept: Some((1041000, 0)), lost: Some((298000, 0)), share_kept: Some((78, 0)), margin: None, rounded_to: (1000, 0), source: "Table 7" }) },
            Ms { code: "SUM2", name: "Firmware management", group: "Zero-weighted", weight: (0, 0), margin: None, scale: Sc::Levels((9900, 2), (9600, 2)), parts: &[
            Pt { name: None, region: Some(Region::North), share: (1, 0), metrics: &[
                ], performance: Some((9817, 2)), decided: None },
            Pt { name: None, region: Some(Region::Central), share: (1, 0), metrics: &[
                ], performance: Some((9907, 2)), decided: None },
            Pt { name: None, region: Some(Region::South), share: (1, 0), metrics: &[
                ], performance: Some((9912, 2)), decided: None },
            Pt { name: Some("SMETS1"), region: None, share: (1, 0), metrics: &[
                ], performance: None, decided: None }], reported: None },
            Ms { code: "SDM3", name: "Change of supplier", group: "Zero-weighted", weight: (0, 0), margin: None, scale: Sc::Levels((9900, 2), (9600, 2)), parts: &[
            Pt { name: None, region: Some(Region::North), share: (1, 0), metrics: &[
                ], performance: Some((1464, 2)), decided: None },
            Pt { name: None, region: Some(Region::Central), share: (1, 0), metrics: &[
                ], performance: Some((6280, 2)), decided: None },
            Pt { name: None, region: Some(Region::South), share: (1, 0), metrics: &[
                ], performance: Some((6547, 2)), decided: None },
            Pt { name: Some("SMETS1"), region: None, share: (1, 0), metrics: &[
                ], performance: Some((5240, 2)), decided: None }], reported: None }],
        notes: &["From DCC's RY23/24 OPR submission (31 July 2024), Tables 2 to 7.", "Margin at risk £8.938m: the sum of Table 7's kept and lost (the submission rounds it to £8.9m).", "Each measure's margin is as Table 7 implies (kept + lost): £2.086m for each system measure, £1.341m for VMM1 and £1.339m for VMM2, although VMM1 and VMM2 both weigh 15%.", "Weights: 70% split equally among SUM1, SDM1 and SDM2 (printed 23.33%), 15% each for VMM1 and VMM2.", "VMM1's score is printed as 2.42 (81%); Table 7's £1.080m kept of £1.341m implies a score from 2.415 to 2.417, so 2.416 is entered. VMM2's 2.33 (78%): £1.041m of £1.339m implies 2.332 to 2.334; 2.333 is entered.", "SDM2: §3.4 says its four metrics are equally weighted; here the non-regional part (three metrics) carries three quarters of SDM2's margin and PM4.3's quarter is split equally among the regions. An assumption: the guidance's split is not in the documents; every part met TPL, so it does not change the outcome.", "SDM1: SRV8.11 is zero-weighted (§3.3.1).", "SUM1's DCC User Interface and Self-Service Interface read the PMR's DSP PM2.2 and PM2.4 where monthly figures for the year are loaded; the other interfaces have no PMR series.", "SUM2 and SDM3 are zero-weighted (Appendix A): reported, with no margin at risk."],
        reported: Some(Rep { kept: Some((8379000, 0)), lost: Some((559000, 0)), share_kept: None, margin: None, rounded_to: (1000, 0), source: "Table 7 total" }),
        combined: &[Comb { name: "System performance", groups: &["System performance"], reported: Some(Rep { kept: None, lost: None, share_kept: Some((100, 0)), margin: Some((6300000, 0)), rounded_to: (100000, 0), source: "§2.2" }) }, Comb { name: "Customer engagement and contract management", groups: &["Customer engagement", "Contract management"], reported: Some(Rep { kept: None, lost: None, share_kept: Some((79, 0)), margin: Some((2700000, 0)), rounded_to: (100000, 0), source: "§2.2" }) }],
    },
    Yr {
        name: "RY24/25", start: (2024, 4), margin_at_risk: (8938000, 0), curve: Crv::Linear,
        measures: &[
            Ms { code: "SUM1", name: "Service availability", group: "System performance", weight: (20, 0), margin: None, scale: Sc::Levels((9950, 2), (9800, 2)), parts: &[
            Pt { name: None, region: None, share: (1, 0), metrics: &[
                Mt { name: "DCC User Interface", weight: (1, 0), series: &[(Provider::Dsp, "PM2.2")], annual: None },
                Mt { name: "Registration Data Interface", weight: (1, 0), series: &[], annual: None },
                Mt { name: "SMKI Repository Interface", weight: (1, 0), series: &[], annual: None },
                Mt { name: "SMKI Service Interfaces", weight: (1, 0), series: &[], annual: None },
                Mt { name: "Self-Service Interface", weight: (1, 0), series: &[(Provider::Dsp, "PM2.4")], annual: None }], performance: None, decided: None }], reported: None },
            Ms { code: "SDM1", name: "Install and commission", group: "System performance", weight: (20, 0), margin: None, scale: Sc::Levels((9900, 2), (9600, 2)), parts: &[
            Pt { name: None, region: Some(Region::North), share: (1, 0), metrics: &[
                Mt { name: "Comms hubs accepted by customers (IC1)", weight: (1, 0), series: &[(Provider::Cspn, "CH1.2")], annual: None },
                Mt { name: "Comms hubs not faulty (IC2)", weight: (1, 0), series: &[(Provider::Cspn, "CH1.3")], annual: None },
                Mt { name: "First-time SMWAN connectivity at install", weight: (1, 0), series: &[(Provider::Cspn, "PM1.1")], annual: None },
                Mt { name: "SMWAN connectivity level (IC4)", weight: (1, 0), series: &[(Provider::Cspn, "PM1.4")], annual: None },
                Mt { name: "SRV8.11 Update HAN Device Log (IC5)", weight: (0, 0), series: &[], annual: None }], performance: None, decided: None },
            Pt { name: None, region: Some(Region::Central), share: (1, 0), metrics: &[
                Mt { name: "Comms hubs accepted by customers (IC1)", weight: (1, 0), series: &[(Provider::Cspc, "CH1.2")], annual: None },
                Mt { name: "Comms hubs not faulty (IC2)", weight: (1, 0), series: &[(Provider::Cspc, "CH1.3")], annual: None },
                Mt { name: "First-time SMWAN connectivity at install", weight: (1, 0), series: &[(Provider::Cspc, "PM1.1")], annual: None },
                Mt { name: "SMWAN connectivity level (IC4)", weight: (1, 0), series: &[(Provider::Cspc, "PM1.3")], annual: None },
                Mt { name: "SRV8.11 Update HAN Device Log (IC5)", weight: (0, 0), series: &[], annual: None }], performance: None, decided: None },
            Pt { name: None, region: Some(Region::South), share: (1, 0), metrics: &[
                Mt { name: "Comms hubs accepted by customers (IC1)", weight: (1, 0), series: &[(Provider::Csps, "CH1.2")], annual: None },
                Mt { name: "Comms hubs not faulty (IC2)", weight: (1, 0), series: &[(Provider::Csps, "CH1.3")], annual: None },
                Mt { name: "First-time SMWAN connectivity at install", weight: (1, 0), series: &[(Provider::Csps, "PM1.1")], annual: None },
                Mt { name: "SMWAN connectivity level (IC4)", weight: (1, 0), series: &[(Provider::Csps, "PM1.3")], annual: None },
                Mt { name: "SRV8.11 Update HAN Device Log (IC5)", weight: (0, 0), series: &[], annual: None }], performance: None, decided: None }], reported: None },
            Ms { code: "SDM2", name: "Prepayment (interim response times)", group: "System performance", weight: (20, 0), margin: None, scale: Sc::Levels((9900, 2), (9600, 2)), parts: &[
            Pt { name: None, region: None, share: (9, 0), metrics: &[
                Mt { name: "DSP PM1.1 real-time TRTs", weight: (1, 0), series: &[(Provider::Dsp, "PM1.1")], annual: None },
                Mt { name: "DSP PM1.4 real-time TRTs", weight: (1, 0), series: &[(Provider::Dsp, "PM1.4")], annual: None },
                Mt { name: "S1SP PM1.1 real-time TRTs", weight: (1, 0), series: &[(Provider::Sie, "PM1.1"), (Provider::Capgemini, "PM1.1"), (Provider::Secure, "PM1.1"), (Provider::Dxc, "PM1.1")], annual: None }], performance: None, decided: None },
            Pt { name: None, region: Some(Region::North), share: (1, 0), metrics: &[
                Mt { name: "PM4.3 test HAN interface command", weight: (1, 0), series: &[(Provider::Cspn, "PM4.3")], annual: None }], performance: None, decided: None },
            Pt { name: None, region: Some(Region::Central), share: (1, 0), metrics: &[
                Mt { name: "PM4.3 test HAN interface command", weight: (1, 0), series: &[(Provider::Cspc, "PM4.3")], annual: None }], performance: None, decided: None },
            Pt { name: None, region: Some(Region::South), share: (1, 0), metrics: &[
                Mt { name: "PM4.3 test HAN interface command", weight: (1, 0), series: &[(Provider::Csps, "PM4.3")], annual: None }], performance: None, decided: None }], reported: None },
            Ms { code: "VMM1", name: "Customer engagement", group: "Customer engagement", weight: (15, 0), margin: None, scale: Sc::Score((3, 0)), parts: &[
            Pt { name: None, region: None, share: (1, 0), metrics: &[
                ], performance: None, decided: None }], reported: None },
            Ms { code: "VMM2", name: "Contract management", group: "Contract management", weight: (25, 0), margin: None, scale: Sc::Score((3, 0)), parts: &[
            Pt { name: None, region: None, share: (1, 0), metrics: &[
                ], performance: None, decided: None }], reported: None }],
        notes: &["Weights from the RY23/24 submission §1: system performance 60% (20% each, assumed equal), customer engagement 15%, contract management 25%.", "The margin at risk is not in the documents: RY23/24's £8.938m is carried forward as a placeholder. Enter the determined figure.", "No figures yet: load monthly figures for April 2024 to March 2025, or enter the RPLs and scores."],
        reported: None,
        combined: &[Comb { name: "System performance", groups: &["System performance"], reported: None }, Comb { name: "Customer engagement and contract management", groups: &["Customer engagement", "Contract management"], reported: None }],
    },
];

