//! The embedded sample, baked: the files in `data/` as static tables of
//! literals (`tables.rs`, written by `tests/it/bake.rs` and checked there to
//! equal what the readers read from the files), and here the row types and
//! the functions that turn rows into values. The app opens on the sample
//! without reading CSV or JSON, so neither reader is in its first load, and
//! a table of literals is far less wasm than code building each value.
//!
//! After changing a file in `data/` (or a type it holds), run
//! `BAKE=1 cargo test --test it bake` to write `tables.rs` again.

// Written by tests/it/bake.rs, not by hand (nor by rustfmt).
#[rustfmt::skip]
mod tables;

use tables::{CLAIMS, CREDITS, FIGURES, YEARS};

use crate::engine::claim::{Claim, Stated, StatedStatus};
use crate::engine::observation::IncidentCount;
use crate::engine::opr::{
    Combined, CurvePoint, Decided, LossCurve, Metric, OprMeasure, Part, Regime, RegimeYear, Region,
    ReportedOutcome, Scale, Series,
};
use crate::engine::{
    Amount, CreditScope, Dataset, Fleet, Input, Month, NoValue, Observation, Party, Provider,
    ReportedCredit,
};
use rust_decimal::Decimal;
use std::sync::Arc;

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

/// An incident category: category, within, total, excluded by type.
type Category = (u8, u64, u64, &'static [(&'static str, u64)]);

enum In {
    Level(Dec),
    Counts(u64, u64),
    PowerOutage(u64, u64),
    Status(NoValue),
    Incidents(&'static [Category]),
}

/// A figure: period, measure, provider, input, reported level, reported
/// in, note, approximate.
type Fig = (
    Ym,
    &'static str,
    Provider,
    In,
    Option<Dec>,
    Option<Ym>,
    Option<&'static str>,
    bool,
);

fn figure(f: &Fig) -> Observation {
    let (period, measure, provider, input, reported, reported_in, note, approximate) = f;
    let input = match input {
        In::Level(l) => Input::Level { level: dec(*l) },
        In::Counts(successes, total) => Input::Counts {
            successes: *successes,
            total: *total,
        },
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
type Cred = (
    Ym,
    Scope,
    Option<Dec>,
    Amt,
    Option<Ym>,
    Option<&'static str>,
);

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

// The sample's years all lose margin in a straight line; a file may not.
#[allow(dead_code)]
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
        observations: FIGURES.iter().map(figure).map(Arc::new).collect(),
        credits: CREDITS.iter().map(credit).collect(),
        claims: CLAIMS.iter().map(claim).collect(),
    }
}
