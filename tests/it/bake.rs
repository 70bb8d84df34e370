//! The embedded sample, baked: `src/io/baked_sample.rs` is Rust that builds
//! the March 2021 sample (figures, credits, claims) and the OPR years,
//! written from the files in `data/` by this test. The app opens on it
//! without reading CSV or JSON, so neither reader is in its first load.
//!
//! The test reads the files with the app's own readers, checks the baked
//! values equal them, and checks the baked file is what it would write now.
//! After changing a file in `data/` (or a type it holds), run
//! `BAKE=1 cargo test --test it bake` to write the file again.

use dcc_perf::engine::claim::{Claim, Stated, StatedStatus};
use dcc_perf::engine::observation::IncidentCount;
use dcc_perf::engine::opr::{
    Combined, CurvePoint, Decided, LossCurve, Metric, OprMeasure, Part, Regime, RegimeYear, Region,
    ReportedOutcome, Scale, Series,
};
use dcc_perf::engine::{
    Amount, CreditScope, Dataset, Fleet, Input, Month, NoValue, Observation, Party, Provider,
    ReportedCredit,
};
use dcc_perf::io;
use rust_decimal::Decimal;
use std::collections::BTreeMap;

const BAKED: &str = "src/io/baked_sample.rs";

/// Writes a value as a Rust expression that builds it.
trait Bake {
    fn bake(&self, o: &mut String);
}

impl Bake for String {
    fn bake(&self, o: &mut String) {
        // A str's Debug form is a valid Rust string literal.
        o.push_str(&format!("s({self:?})"));
    }
}

impl Bake for Decimal {
    fn bake(&self, o: &mut String) {
        o.push_str(&format!("d({}, {})", self.mantissa(), self.scale()));
    }
}

impl Bake for Month {
    fn bake(&self, o: &mut String) {
        o.push_str(&format!("m({}, {})", self.year(), self.month()));
    }
}

macro_rules! bake_display {
    ($($t:ty),*) => {$(
        impl Bake for $t {
            fn bake(&self, o: &mut String) {
                o.push_str(&self.to_string());
            }
        }
    )*};
}
bake_display!(bool, u8, u32, u64, usize);

/// Enums without fields, by their variant's name.
macro_rules! bake_unit_enum {
    ($($t:ident),*) => {$(
        impl Bake for $t {
            fn bake(&self, o: &mut String) {
                o.push_str(&format!(concat!(stringify!($t), "::{:?}"), self));
            }
        }
    )*};
}
bake_unit_enum!(Provider, Party, Fleet, NoValue, StatedStatus, Region);

impl<T: Bake> Bake for Option<T> {
    fn bake(&self, o: &mut String) {
        match self {
            Some(v) => {
                o.push_str("Some(");
                v.bake(o);
                o.push(')');
            }
            None => o.push_str("None"),
        }
    }
}

impl<T: Bake> Bake for Vec<T> {
    fn bake(&self, o: &mut String) {
        o.push_str("vec![");
        for v in self {
            v.bake(o);
            o.push_str(",\n");
        }
        o.push(']');
    }
}

impl Bake for BTreeMap<String, u64> {
    fn bake(&self, o: &mut String) {
        o.push_str("BTreeMap::from([");
        for (k, v) in self {
            o.push('(');
            k.bake(o);
            o.push_str(&format!(", {v}), "));
        }
        o.push_str("])");
    }
}

/// Structs, field by field: a field added to the type and not here makes
/// the baked file fail to compile, so nothing is silently left out.
macro_rules! bake_struct {
    ($($t:ident { $($f:ident),* })*) => {$(
        impl Bake for $t {
            fn bake(&self, o: &mut String) {
                o.push_str(concat!(stringify!($t), " {"));
                $(
                    o.push_str(concat!(stringify!($f), ": "));
                    self.$f.bake(o);
                    o.push_str(", ");
                )*
                o.push('}');
            }
        }
    )*};
}
bake_struct! {
    Regime { years }
    RegimeYear { name, start, margin_at_risk, curve, measures, notes, reported, combined }
    Combined { name, groups, reported }
    OprMeasure { code, name, group, weight, margin, scale, parts, reported }
    Part { name, region, share, metrics, performance, decided }
    Decided { kept, reason }
    Metric { name, weight, series, annual }
    Series { provider, measure }
    ReportedOutcome { kept, lost, share_kept, margin, rounded_to, source }
    CurvePoint { at, kept }
}

/// Enums whose variants have fields (a variant without is written `V {}`).
macro_rules! bake_enum {
    ($($t:ident { $($v:ident { $($f:ident),* }),* })*) => {$(
        impl Bake for $t {
            fn bake(&self, o: &mut String) {
                match self {
                    $($t::$v { $($f),* } => {
                        o.push_str(concat!(stringify!($t), "::", stringify!($v), " {"));
                        $(
                            o.push_str(concat!(stringify!($f), ": "));
                            $f.bake(o);
                            o.push_str(", ");
                        )*
                        o.push('}');
                    })*
                }
            }
        }
    )*};
}
bake_enum! {
    Scale { Levels { tpl, mpl }, Score { max } }
    LossCurve { Linear {}, Step {}, Points { points } }
}

// The sample's figures, credits and claims are many small records: they
// are baked as rows of a static table (tuples of literals, see the baked
// file's `Fig`, `Cred` and `Said`), which the app turns into values in one
// loop each, rather than as code building each one.

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

#![allow(clippy::all, unused_imports)]

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

fn m(year: i32, month: u8) -> Month {
    Month::literal(year, month)
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
    o.push_str("/// The OPR years RY22/23, RY23/24 and RY24/25.\n");
    o.push_str("pub fn regime() -> Regime {\n");
    regime.bake(&mut o);
    o.push_str("\n}\n");
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
