//! The embedded sample, baked: `src/io/baked/tables.rs` holds the March 2021
//! sample (figures, credits, claims) and the OPR years as static tables,
//! written from the files in `data/` by this test (`src/io/baked/mod.rs`
//! turns the rows into values). The app opens on it
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

const BAKED: &str = "src/io/baked/tables.rs";

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
    let mut o = format!("pub(super) static {name}: &[{ty}] = &[\n");
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

/// The tables file's header (the rows' types and the functions that turn
/// them into values are in `src/io/baked/mod.rs`).
const HEADER: &str = "//! The sample's tables (written by `tests/it/bake.rs` from the files in
//! `data/`; do not edit: run `BAKE=1 cargo test --test it bake`). The rows'
//! types and what turns them into values are in `mod.rs`.

use super::*;

";

fn baked_text(data: &Dataset, regime: &Regime) -> String {
    let mut o = String::from(HEADER);
    o.push_str(&table(
        "FIGURES",
        "Fig",
        data.observations.iter().map(|o| fig(o)),
    ));
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
