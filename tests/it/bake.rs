//! The embedded sample, baked: `src/io/baked_sample.rs` is Rust that builds
//! the March 2021 sample (figures, credits, claims) and the OPR years,
//! written from the files in `data/` by this test. The app opens on it
//! without reading CSV or JSON, so neither reader is in its first load.
//!
//! The test reads the files with the app's own readers, checks the baked
//! values equal them, and checks the baked file is what it would write now.
//! After changing a file in `data/` (or a type it holds), run
//! `BAKE=1 cargo test --test it bake` to write the file again.

use dcc_perf::engine::claim::{Claim, Stated};
use dcc_perf::engine::observation::IncidentCount;
use dcc_perf::engine::opr::{
    Combined, CurvePoint, Decided, LossCurve, Metric, OprMeasure, Part, Regime, RegimeYear, Region,
    ReportedOutcome, Scale, Series,
};
use dcc_perf::engine::{Amount, CreditScope, Dataset, Input, Month, Observation, ReportedCredit};
use dcc_perf::io;
use rust_decimal::Decimal;

const BAKED: &str = "src/io/baked_sample.rs";

// The sample is baked as static tables of literals (see the baked file's
// `Fig`, `Cred`, `Said` and `Yr`), which the app turns into values in one
// loop each: far less wasm than code building each value.

/// A month in a row: `(year, month)`.
fn ym(m: &Month) -> String {
    format!("({}, {})", m.year(), m.month())
}

/// A decimal in a row: `(digits, scale)`; the sample's fit in an `i64`.
fn dec(v: &Decimal) -> String {
    let digits = i64::try_from(v.mantissa()).expect("a sample figure's digits fit in an i64");
    format!("({digits}, {})", v.scale())
}

fn opt<T>(v: &Option<T>, f: impl Fn(&T) -> String) -> String {
    v.as_ref()
        .map_or("None".into(), |v| format!("Some({})", f(v)))
}

fn fig(o: &Observation) -> String {
    let input = match &o.input {
        Input::Level { level } => format!("In::Level({})", dec(level)),
        Input::Counts { successes, total } => format!("In::Counts({successes}, {total})"),
        Input::PowerOutage {
            delivered,
            power_loss_alerts,
        } => {
            format!("In::PowerOutage({delivered}, {power_loss_alerts})")
        }
        Input::Status { status } => format!("In::Status(NoValue::{status:?})"),
        Input::Incidents { categories } => {
            let cats: Vec<String> = categories
                .iter()
                .map(|c: &IncidentCount| {
                    let excluded: Vec<String> = c
                        .excluded
                        .iter()
                        .map(|(k, v)| format!("({k:?}, {v})"))
                        .collect();
                    format!(
                        "({}, {}, {}, &[{}])",
                        c.category,
                        c.within,
                        c.total,
                        excluded.join(", ")
                    )
                })
                .collect();
            format!("In::Incidents(&[{}])", cats.join(", "))
        }
    };
    format!(
        "({}, {:?}, Provider::{:?}, {input}, {}, {}, {}, {})",
        ym(&o.period),
        o.measure,
        o.provider,
        opt(&o.reported, dec),
        opt(&o.reported_in, ym),
        opt(&o.note, |n| format!("{n:?}")),
        o.approximate
    )
}

fn cred(c: &ReportedCredit) -> String {
    let scope = match &c.scope {
        CreditScope::Measure { measure, provider } => {
            format!("Scope::Measure({measure:?}, Provider::{provider:?})")
        }
        CreditScope::Party { party } => format!("Scope::Party(Party::{party:?})"),
        CreditScope::Total { fleet } => format!("Scope::Total(Fleet::{fleet:?})"),
    };
    let amount = match &c.amount {
        Amount::Money { gbp } => format!("Amt::Money({})", dec(gbp)),
        Amount::Pending => "Amt::Pending".into(),
        Amount::NotApplicable => "Amt::NotApplicable".into(),
    };
    format!(
        "({}, {scope}, {}, {amount}, {}, {})",
        ym(&c.period),
        opt(&c.points, dec),
        opt(&c.reported_in, ym),
        opt(&c.note, |n| format!("{n:?}"))
    )
}

fn said(c: &Claim) -> String {
    let stated = match &c.stated {
        Stated::Level { level } => format!("St::Level({})", dec(level)),
        Stated::Status { status } => format!("St::Status(StatedStatus::{status:?})"),
        Stated::BelowTargetRun { months } => format!("St::BelowTargetRun({months})"),
        Stated::BelowTargetCount { below, months } => {
            format!("St::BelowTargetCount({below}, {months})")
        }
        Stated::FailuresOverAllowed { over } => format!("St::FailuresOverAllowed({over})"),
    };
    format!(
        "({}, {:?}, Provider::{:?}, {stated}, {:?}, {})",
        ym(&c.period),
        c.measure,
        c.provider,
        c.words,
        opt(&c.line, |l| l.to_string())
    )
}

/// A decimal that may not fit in an `i64` (the OPR weights have 28 digits).
fn wide(v: &Decimal) -> String {
    format!("({}, {})", v.mantissa(), v.scale())
}

fn strs(v: &[String]) -> String {
    let items: Vec<String> = v.iter().map(|t| format!("{t:?}")).collect();
    format!("&[{}]", items.join(", "))
}

fn rep(r: &ReportedOutcome) -> String {
    format!(
        "Rep {{ kept: {}, lost: {}, share_kept: {}, margin: {}, rounded_to: {}, source: {:?} }}",
        opt(&r.kept, wide),
        opt(&r.lost, wide),
        opt(&r.share_kept, wide),
        opt(&r.margin, wide),
        wide(&r.rounded_to),
        r.source
    )
}

fn metric(m: &Metric) -> String {
    let series: Vec<String> = m
        .series
        .iter()
        .map(|s: &Series| format!("(Provider::{:?}, {:?})", s.provider, s.measure))
        .collect();
    format!(
        "Mt {{ name: {:?}, weight: {}, series: &[{}], annual: {} }}",
        m.name,
        wide(&m.weight),
        series.join(", "),
        opt(&m.annual, wide)
    )
}

fn part(p: &Part) -> String {
    let metrics: Vec<String> = p.metrics.iter().map(metric).collect();
    format!(
        "Pt {{ name: {}, region: {}, share: {}, metrics: &[\n                {}], performance: {}, decided: {} }}",
        opt(&p.name, |n| format!("{n:?}")),
        opt(&p.region, |r: &Region| format!("Region::{r:?}")),
        wide(&p.share),
        metrics.join(",\n                "),
        opt(&p.performance, wide),
        opt(&p.decided, |d: &Decided| format!("({}, {:?})", wide(&d.kept), d.reason))
    )
}

fn measure(m: &OprMeasure) -> String {
    let scale = match &m.scale {
        Scale::Levels { tpl, mpl } => format!("Sc::Levels({}, {})", wide(tpl), wide(mpl)),
        Scale::Score { max } => format!("Sc::Score({})", wide(max)),
    };
    let parts: Vec<String> = m.parts.iter().map(part).collect();
    format!(
        "Ms {{ code: {:?}, name: {:?}, group: {:?}, weight: {}, margin: {}, scale: {scale}, parts: &[\n            {}], reported: {} }}",
        m.code,
        m.name,
        m.group,
        wide(&m.weight),
        opt(&m.margin, wide),
        parts.join(",\n            "),
        opt(&m.reported, rep)
    )
}

fn year(y: &RegimeYear) -> String {
    let curve = match &y.curve {
        LossCurve::Linear => "Crv::Linear".to_string(),
        LossCurve::Step => "Crv::Step".to_string(),
        LossCurve::Points { points } => {
            let pts: Vec<String> = points
                .iter()
                .map(|p: &CurvePoint| format!("({}, {})", wide(&p.at), wide(&p.kept)))
                .collect();
            format!("Crv::Points(&[{}])", pts.join(", "))
        }
    };
    let measures: Vec<String> = y.measures.iter().map(measure).collect();
    let combined: Vec<String> = y
        .combined
        .iter()
        .map(|c: &Combined| {
            format!(
                "Comb {{ name: {:?}, groups: {}, reported: {} }}",
                c.name,
                strs(&c.groups),
                opt(&c.reported, rep)
            )
        })
        .collect();
    format!(
        "Yr {{\n        name: {:?}, start: {}, margin_at_risk: {}, curve: {curve},\n        measures: &[\n            {}],\n        notes: {},\n        reported: {},\n        combined: &[{}],\n    }}",
        y.name,
        ym(&y.start),
        wide(&y.margin_at_risk),
        measures.join(",\n            "),
        strs(&y.notes),
        opt(&y.reported, rep),
        combined.join(", ")
    )
}

fn table(name: &str, ty: &str, rows: impl Iterator<Item = String>) -> String {
    let mut o = format!("static {name}: &[{ty}] = &[\n");
    for r in rows {
        o.push_str("    ");
        o.push_str(&r);
        o.push_str(",\n");
    }
    o.push_str("];\n\n");
    o
}

/// The sample as the app's readers read it from `data/`.
fn read_sample() -> (Dataset, Regime) {
    let measures = io::read_dataset(io::SAMPLE_NAME, io::SAMPLE_CSV.as_bytes())
        .expect("the sample's figures read");
    let credits = io::read_dataset(io::SAMPLE_CREDITS_NAME, io::SAMPLE_CREDITS_CSV.as_bytes())
        .expect("the sample's credits read");
    let claims: Vec<Claim> =
        serde_json::from_str(io::SAMPLE_CLAIMS_JSON).expect("the sample's claims read");
    let regime = io::regime::read("opr-years.json", io::regime::SAMPLE_JSON)
        .expect("the sample's OPR years read");
    let data = Dataset {
        claims,
        credits: credits.credits,
        ..measures
    };
    (data, regime)
}

/// The baked file's fixed part: its imports, the rows' types and the
/// functions that turn rows into values.
const PREAMBLE: &str = r#"//! The embedded sample, baked (written by `tests/it/bake.rs` from the
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

"#;

fn baked_text(data: &Dataset, regime: &Regime) -> String {
    let mut o = String::from(PREAMBLE);
    o.push_str(&table("FIGURES", "Fig", data.observations.iter().map(fig)));
    o.push_str(&table("CREDITS", "Cred", data.credits.iter().map(cred)));
    o.push_str(&table("CLAIMS", "Said", data.claims.iter().map(said)));
    o.push_str(&table("YEARS", "Yr", regime.years.iter().map(year)));
    o
}

#[test]
fn the_baked_sample_is_the_files_in_data() {
    let (data, regime) = read_sample();
    assert!(data.observations.len() > 100 && !data.credits.is_empty() && !data.claims.is_empty());
    assert_eq!(regime.years.len(), 3);
    let text = baked_text(&data, &regime);
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(BAKED);
    if std::env::var_os("BAKE").is_some() {
        std::fs::write(&path, &text).expect("write the baked sample");
    }
    let on_disk = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        on_disk == text,
        "{BAKED} is not what data/ gives: run `BAKE=1 cargo test --test it bake`"
    );
    // What the app opens on is what the readers read.
    assert_eq!(io::sample(), data);
    assert_eq!(io::regime::sample(), regime);
}
