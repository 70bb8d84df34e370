//! Two sets of inputs side by side: what differs in the inputs (figures,
//! settings, credit scheme, OPR years) and what that changes in the results
//! (service levels, statuses, CPMs, credits, OPR margin).
//!
//! Everything is compared as the app shows it: a value is the text a user
//! would read, so "changed" means "looks different", and a difference is
//! given only where both sides are numbers. Lookups go through maps keyed by
//! identity, so a whole year of figures compares in a few milliseconds.

use super::catalogue::{Catalogue, Provider, Unit};
use super::credits::{self, CreditLine, Credits, LineState};
use super::format::{exact, level as level_text, signed};
use super::level::ServiceLevel;
use super::margin::{self, money, signed_money, YearMargin};
use super::observation::{Dataset, Input, Observation};
use super::opr::{Decided, OprMeasure, Part, Regime, RegimeYear, Scale};
use super::period::Month;
use super::reported::{pounds, CreditKey, ReportedCredit};
use super::results::{evaluate, MeasureResult, Results, Settings};
use super::scheme::{Adjustment, Cap, CreditScheme, Decision, MeasureTerms, ProviderScheme};
use rust_decimal::Decimal;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// One side of a comparison: everything results are computed from.
#[derive(Clone, Copy, Debug)]
pub struct Inputs<'a> {
    pub data: &'a Dataset,
    pub settings: Settings,
    pub scheme: &'a CreditScheme,
    pub regime: &'a Regime,
}

/// Where a change belongs. The first four are inputs; the rest results.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Section {
    Figures,
    Settings,
    Scheme,
    Regime,
    ServiceLevel,
    Status,
    Cpm,
    Credit,
    Margin,
}

impl Section {
    pub const INPUTS: [Section; 4] = [
        Section::Figures,
        Section::Settings,
        Section::Scheme,
        Section::Regime,
    ];
    pub const RESULTS: [Section; 5] = [
        Section::ServiceLevel,
        Section::Status,
        Section::Cpm,
        Section::Credit,
        Section::Margin,
    ];

    /// A heading for the section.
    pub fn label(self) -> &'static str {
        match self {
            Section::Figures => "Figures",
            Section::Settings => "Settings",
            Section::Scheme => "Credit scheme",
            Section::Regime => "OPR years",
            Section::ServiceLevel => "Service levels",
            Section::Status => "Statuses",
            Section::Cpm => "CPMs",
            Section::Credit => "Service credits",
            Section::Margin => "OPR margin",
        }
    }

    /// A stable name for files and test hooks: `service_level`.
    pub fn key(self) -> &'static str {
        match self {
            Section::Figures => "figures",
            Section::Settings => "settings",
            Section::Scheme => "scheme",
            Section::Regime => "regime",
            Section::ServiceLevel => "service_level",
            Section::Status => "status",
            Section::Cpm => "cpm",
            Section::Credit => "credit",
            Section::Margin => "margin",
        }
    }
}

/// One thing that differs: what, as each side shows it, and by how much.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Change {
    pub section: Section,
    pub item: String,
    pub left: String,
    pub right: String,
    /// Right minus left, signed, where both are numbers.
    pub difference: Option<String>,
}

/// Everything that differs, inputs first, each list in section order.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Comparison {
    pub inputs: Vec<Change>,
    pub results: Vec<Change>,
}

impl Comparison {
    pub fn is_empty(&self) -> bool {
        self.inputs.is_empty() && self.results.is_empty()
    }
}

/// What a side's inputs give: results, credits and each year's margin.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Outcome {
    pub results: Results,
    pub credits: Credits,
    pub margins: Vec<YearMargin>,
}

/// Computes one side's results, credits and margins.
pub fn outcome(inputs: &Inputs) -> Outcome {
    let results = evaluate(inputs.data, inputs.settings);
    let credits = credits::compute(&results, inputs.scheme);
    let margins = margin::compute_all(inputs.regime, &results);
    Outcome {
        results,
        credits,
        margins,
    }
}

/// Compares two sides, computing each side's outcome.
pub fn compare(left: &Inputs, right: &Inputs) -> Comparison {
    compare_outcomes(left, &outcome(left), right, &outcome(right))
}

/// Compares two sides whose outcomes are already computed (the app keeps
/// them, so changing one side does not recompute the other).
pub fn compare_outcomes(left: &Inputs, lo: &Outcome, right: &Inputs, ro: &Outcome) -> Comparison {
    let mut inputs = Vec::new();
    figures(left.data, right.data, &mut inputs);
    reported_credits(left.data, right.data, &mut inputs);
    if left.settings != right.settings {
        inputs.push(change(
            Section::Settings,
            "Comparison rule".into(),
            left.settings.rule.to_string(),
            right.settings.rule.to_string(),
            None,
        ));
    }
    scheme(left.scheme, right.scheme, &mut inputs);
    regime(left.regime, right.regime, &mut inputs);
    let mut results = Vec::new();
    levels(&lo.results, &ro.results, &mut results);
    credit_changes(&lo.credits, &ro.credits, &mut results);
    margins(&lo.margins, &ro.margins, &mut results);
    // Stable: keeps the order each part added within a section.
    inputs.sort_by_key(|c| c.section);
    results.sort_by_key(|c| c.section);
    Comparison { inputs, results }
}

const ABSENT: &str = "—";

/// How a number is shown, or its difference.
type Show = fn(Decimal) -> String;

fn change(
    section: Section,
    item: String,
    left: String,
    right: String,
    difference: Option<String>,
) -> Change {
    Change {
        section,
        item,
        left,
        right,
        difference,
    }
}

/// Pushes a change when the two texts differ.
fn differ(out: &mut Vec<Change>, section: Section, item: String, l: String, r: String) {
    if l != r {
        out.push(change(section, item, l, r, None));
    }
}

/// Pushes a change of a number when the shown texts differ, with its difference.
fn number(
    out: &mut Vec<Change>,
    section: Section,
    item: String,
    (l, r): (Option<Decimal>, Option<Decimal>),
    show: Show,
    diff: Show,
) {
    let text = |v: Option<Decimal>| v.map_or_else(|| ABSENT.to_string(), show);
    let (lt, rt) = (text(l), text(r));
    if lt != rt {
        let d = match (l, r) {
            (Some(a), Some(b)) => b.checked_sub(a).map(diff),
            _ => None,
        };
        out.push(change(section, item, lt, rt, d));
    }
}

/// A plain number's difference at its own precision: `+0.5`, `-2`.
fn signed_exact(v: Decimal) -> String {
    let n = v.normalize();
    signed(n, n.scale().min(6))
}

fn percent(p: Decimal) -> String {
    format!("{}%", exact(p))
}

/// Percentage points, for levels and shares: `+1.25 pp`.
fn points_diff(v: Decimal) -> String {
    let n = v.normalize();
    format!("{} pp", signed(n, n.scale().clamp(2, 6)))
}

// ---- Inputs: figures -------------------------------------------------------

type ObsKey = (Month, String, Provider, Option<Month>);

fn obs_item(o: &Observation) -> String {
    let mut item = format!("{} {} {}", o.provider, o.measure, o.period.long_name());
    if let Some(r) = o.reported_in.filter(|r| *r != o.period) {
        item.push_str(&format!(" (report of {})", r.long_name()));
    }
    item
}

fn percent_measure(o: &Observation) -> bool {
    Catalogue::builtin()
        .get(&o.measure, o.provider)
        .is_none_or(|d| d.unit == Unit::Percent)
}

/// An observation as the table shows it: `98.56%`, `56,774 / 239,128`.
fn obs_text(o: &Observation) -> String {
    let pct = percent_measure(o);
    let mut t = match &o.input {
        Input::Level { level } => {
            let s = level_text(*level, pct);
            if pct {
                format!("{s}%")
            } else {
                s
            }
        }
        Input::Status { status } => status.label().into(),
        Input::Counts { successes, total } => format!("{successes} / {total}"),
        Input::PowerOutage {
            delivered,
            power_loss_alerts,
        } => format!("{delivered} delivered / {power_loss_alerts} alerts"),
        Input::Incidents { categories } => categories
            .iter()
            .map(|c| format!("cat. {}: {} / {}", c.category, c.within, c.total))
            .collect::<Vec<_>>()
            .join(", "),
    };
    if let Some(r) = o.reported {
        t.push_str(&format!(" (printed {})", level_text(r, pct)));
    }
    t
}

fn note_text(o: Option<&Observation>) -> String {
    o.and_then(|o| o.note.clone())
        .filter(|n| !n.is_empty())
        .unwrap_or_else(|| "no note".into())
}

fn obs_level(o: &Observation) -> Option<Decimal> {
    match o.input {
        Input::Level { level } => Some(level),
        _ => None,
    }
}

fn figures(l: &Dataset, r: &Dataset, out: &mut Vec<Change>) {
    fn index(d: &Dataset) -> BTreeMap<ObsKey, &Observation> {
        d.observations.iter().map(|o| (o.key(), o)).collect()
    }
    let (li, ri) = (index(l), index(r));
    let keys: BTreeSet<&ObsKey> = li.keys().chain(ri.keys()).collect();
    for k in keys {
        let (a, b) = (li.get(k).copied(), ri.get(k).copied());
        if a == b {
            continue;
        }
        let Some(o) = a.or(b) else { continue };
        let text = |x: Option<&Observation>| x.map_or_else(|| ABSENT.to_string(), obs_text);
        let diff = match (a.and_then(obs_level), b.and_then(obs_level)) {
            (Some(x), Some(y)) => y.checked_sub(x).map(|d| {
                if percent_measure(o) {
                    points_diff(d)
                } else {
                    signed_exact(d)
                }
            }),
            _ => None,
        };
        let (ta, tb) = (text(a), text(b));
        if ta != tb {
            out.push(change(Section::Figures, obs_item(o), ta, tb, diff));
        }
        // A note is shown only where it is what changed: notes are long.
        if a.is_some() && b.is_some() {
            differ(
                out,
                Section::Figures,
                format!("{} note", obs_item(o)),
                note_text(a),
                note_text(b),
            );
        }
    }
}

fn credit_text(c: &ReportedCredit) -> String {
    match c.points {
        Some(p) => format!("{} ({} points)", c.amount, exact(p)),
        None => c.amount.to_string(),
    }
}

fn reported_credits(l: &Dataset, r: &Dataset, out: &mut Vec<Change>) {
    fn index(d: &Dataset) -> BTreeMap<CreditKey, &ReportedCredit> {
        d.credits.iter().map(|c| (c.key(), c)).collect()
    }
    let (li, ri) = (index(l), index(r));
    let keys: BTreeSet<_> = li.keys().chain(ri.keys()).collect();
    for k in keys {
        let (a, b) = (li.get(k).copied(), ri.get(k).copied());
        if a == b {
            continue;
        }
        let Some(c) = a.or(b) else { continue };
        let mut item = format!("Reported credit {} {}", c.scope, c.period.long_name());
        if let Some(m) = c.reported_in.filter(|m| *m != c.period) {
            item.push_str(&format!(" (report of {})", m.long_name()));
        }
        let text = |x: Option<&ReportedCredit>| x.map_or_else(|| ABSENT.to_string(), credit_text);
        let diff = match (
            a.and_then(|x| x.amount.money()),
            b.and_then(|x| x.amount.money()),
        ) {
            (Some(x), Some(y)) => y.checked_sub(x).map(signed_money),
            _ => None,
        };
        out.push(change(Section::Figures, item, text(a), text(b), diff));
    }
}

// ---- Inputs: scheme --------------------------------------------------------

fn terms_text(t: Option<&MeasureTerms>) -> String {
    match t {
        None => "the provider's rule".into(),
        Some(t) if t.no_credit => "no credit".into(),
        Some(MeasureTerms { rule: None, .. }) => "the provider's rule".into(),
        Some(MeasureTerms { rule: Some(r), .. }) => r.describe(),
    }
}

fn cap_text(v: Option<Decimal>, show: fn(Decimal) -> String) -> String {
    v.map_or_else(|| "no cap".into(), show)
}

fn exemptions_text(s: &ProviderScheme) -> String {
    if s.exemptions.is_empty() {
        return "none".into();
    }
    s.exemptions
        .iter()
        .map(|e| {
            format!(
                "{} to {}: {}",
                e.from.long_name(),
                e.to.long_name(),
                e.reason
            )
        })
        .collect::<Vec<_>>()
        .join("; ")
}

fn provider_scheme(l: &ProviderScheme, r: &ProviderScheme, out: &mut Vec<Change>) {
    let p = l.provider;
    let s = Section::Scheme;
    number(
        out,
        s,
        format!("{p} money per point"),
        (Some(l.money_per_point), Some(r.money_per_point)),
        pounds,
        signed_money,
    );
    differ(
        out,
        s,
        format!("{p} points rule"),
        l.rule.describe(),
        r.rule.describe(),
    );
    number(
        out,
        s,
        format!("{p} repeat multiplier"),
        (Some(l.repeat_multiplier), Some(r.repeat_multiplier)),
        |v| format!("× {}", exact(v)),
        signed_exact,
    );
    let caps = |c: &Cap| (c.points, c.money);
    let ((lp, lm), (rp, rm)) = (caps(&l.cap), caps(&r.cap));
    differ(
        out,
        s,
        format!("{p} cap on points"),
        cap_text(lp, exact),
        cap_text(rp, exact),
    );
    differ(
        out,
        s,
        format!("{p} cap on money"),
        cap_text(lm, pounds),
        cap_text(rm, pounds),
    );
    let codes: BTreeSet<&str> = l
        .measures
        .iter()
        .chain(&r.measures)
        .map(|t| t.measure.as_str())
        .collect();
    for code in codes {
        differ(
            out,
            s,
            format!("{p} {code} terms"),
            terms_text(l.terms(code)),
            terms_text(r.terms(code)),
        );
    }
    differ(
        out,
        s,
        format!("{p} exemptions"),
        exemptions_text(l),
        exemptions_text(r),
    );
}

fn decision_text(a: Option<&Adjustment>) -> String {
    match a {
        None => "as computed".into(),
        Some(a) => {
            let d = match a.decision {
                Decision::Points { points } => format!("{} points", exact(points)),
                Decision::Money { gbp } => pounds(gbp),
                Decision::Pending => "pending".into(),
            };
            format!("{d} ({})", a.reason)
        }
    }
}

fn scheme(l: &CreditScheme, r: &CreditScheme, out: &mut Vec<Change>) {
    if l == r {
        return;
    }
    let s = Section::Scheme;
    differ(
        out,
        s,
        "Point rounding".into(),
        l.point_rounding.label().into(),
        r.point_rounding.label().into(),
    );
    differ(
        out,
        s,
        "Money rounding".into(),
        l.money_rounding.label().into(),
        r.money_rounding.label().into(),
    );
    for p in Provider::ALL {
        match (l.provider(p), r.provider(p)) {
            (Some(a), Some(b)) if a != b => provider_scheme(a, b, out),
            (Some(_), None) => out.push(change(
                s,
                format!("{p} scheme"),
                "terms set".into(),
                "no scheme".into(),
                None,
            )),
            (None, Some(_)) => out.push(change(
                s,
                format!("{p} scheme"),
                "no scheme".into(),
                "terms set".into(),
                None,
            )),
            _ => {}
        }
    }
    let keys: BTreeSet<(Month, Provider, &str)> = l
        .adjustments
        .iter()
        .chain(&r.adjustments)
        .map(|a| (a.period, a.provider, a.measure.as_str()))
        .collect();
    for (m, p, code) in keys {
        differ(
            out,
            s,
            format!("Decision {p} {code} {}", m.long_name()),
            decision_text(l.adjustment(m, p, code)),
            decision_text(r.adjustment(m, p, code)),
        );
    }
}

// ---- Inputs: OPR years -----------------------------------------------------

fn year_summary(y: &RegimeYear) -> String {
    format!(
        "{} at risk, {} measures, from {}",
        money(y.margin_at_risk),
        y.measures.len(),
        y.start.long_name()
    )
}

fn regime(l: &Regime, r: &Regime, out: &mut Vec<Change>) {
    if l == r {
        return;
    }
    let names: Vec<&str> = {
        let mut seen = BTreeSet::new();
        l.years
            .iter()
            .chain(&r.years)
            .map(|y| y.name.as_str())
            .filter(|n| seen.insert(*n))
            .collect()
    };
    for name in names {
        let item = |what: &str| format!("{name} {what}");
        match (l.year(name), r.year(name)) {
            (Some(a), Some(b)) if a != b => year(a, b, out),
            (Some(a), None) => out.push(change(
                Section::Regime,
                item("year"),
                year_summary(a),
                "not present".into(),
                None,
            )),
            (None, Some(b)) => out.push(change(
                Section::Regime,
                item("year"),
                "not present".into(),
                year_summary(b),
                None,
            )),
            _ => {}
        }
    }
}

fn year(l: &RegimeYear, r: &RegimeYear, out: &mut Vec<Change>) {
    let s = Section::Regime;
    let y = &l.name;
    differ(
        out,
        s,
        format!("{y} first month"),
        l.start.long_name(),
        r.start.long_name(),
    );
    number(
        out,
        s,
        format!("{y} margin at risk"),
        (Some(l.margin_at_risk), Some(r.margin_at_risk)),
        money,
        signed_money,
    );
    differ(
        out,
        s,
        format!("{y} loss curve"),
        l.curve.describe(),
        r.curve.describe(),
    );
    let mut seen = BTreeSet::new();
    let codes: Vec<&str> = l
        .measures
        .iter()
        .chain(&r.measures)
        .map(|m| m.code.as_str())
        .filter(|c| seen.insert(*c))
        .collect();
    for code in codes {
        match (l.measure(code), r.measure(code)) {
            (Some(a), Some(b)) if a != b => measure(y, a, b, out),
            (Some(a), None) => out.push(change(
                s,
                format!("{y} {code}"),
                percent(a.weight),
                "not present".into(),
                None,
            )),
            (None, Some(b)) => out.push(change(
                s,
                format!("{y} {code}"),
                "not present".into(),
                percent(b.weight),
                None,
            )),
            _ => {}
        }
    }
}

fn scale_parts(s: Scale) -> (Option<Decimal>, Option<Decimal>, Option<Decimal>) {
    match s {
        Scale::Levels { tpl, mpl } => (Some(tpl), Some(mpl), None),
        Scale::Score { max } => (None, None, Some(max)),
    }
}

fn measure(y: &str, l: &OprMeasure, r: &OprMeasure, out: &mut Vec<Change>) {
    let s = Section::Regime;
    let c = format!("{y} {}", l.code);
    number(
        out,
        s,
        format!("{c} weight"),
        (Some(l.weight), Some(r.weight)),
        percent,
        points_diff,
    );
    number(
        out,
        s,
        format!("{c} stated margin"),
        (l.margin, r.margin),
        money,
        signed_money,
    );
    let ((lt, lm, lx), (rt, rm, rx)) = (scale_parts(l.scale), scale_parts(r.scale));
    number(out, s, format!("{c} TPL"), (lt, rt), percent, points_diff);
    number(out, s, format!("{c} MPL"), (lm, rm), percent, points_diff);
    number(
        out,
        s,
        format!("{c} maximum score"),
        (lx, rx),
        exact,
        signed_exact,
    );
    let n = l.parts.len().max(r.parts.len());
    for i in 0..n {
        match (l.parts.get(i), r.parts.get(i)) {
            (Some(a), Some(b)) if a != b => part(&c, l.scale, a, b, out),
            (Some(a), None) => differ(
                out,
                s,
                format!("{c} {}", a.label()),
                "a part".into(),
                ABSENT.into(),
            ),
            (None, Some(b)) => differ(
                out,
                s,
                format!("{c} {}", b.label()),
                ABSENT.into(),
                "a part".into(),
            ),
            _ => {}
        }
    }
}

fn decided_text(d: Option<&Decided>) -> String {
    d.map_or_else(
        || "not decided".into(),
        |d| format!("{} kept ({})", percent(d.kept), d.reason),
    )
}

fn part(c: &str, scale: Scale, l: &Part, r: &Part, out: &mut Vec<Change>) {
    let s = Section::Regime;
    let p = format!("{c} {}", l.label());
    if l.label() != r.label() {
        differ(out, s, format!("{p} name"), l.label(), r.label());
    }
    let (show, diff): (Show, Show) = match scale {
        Scale::Levels { .. } => (|v| format!("{}%", level_text(v, true)), points_diff),
        Scale::Score { .. } => (exact, signed_exact),
    };
    number(
        out,
        s,
        format!("{p} performance"),
        (l.performance, r.performance),
        show,
        diff,
    );
    differ(
        out,
        s,
        format!("{p} decided"),
        decided_text(l.decided.as_ref()),
        decided_text(r.decided.as_ref()),
    );
    number(
        out,
        s,
        format!("{p} share"),
        (Some(l.share), Some(r.share)),
        exact,
        signed_exact,
    );
    let mut seen = BTreeSet::new();
    let names: Vec<&str> = l
        .metrics
        .iter()
        .chain(&r.metrics)
        .map(|m| m.name.as_str())
        .filter(|n| seen.insert(*n))
        .collect();
    for name in names {
        let find = |x: &Part| x.metrics.iter().find(|m| m.name == name).cloned();
        let (a, b) = (find(l), find(r));
        number(
            out,
            s,
            format!("{p} {name} annual figure"),
            (
                a.as_ref().and_then(|m| m.annual),
                b.as_ref().and_then(|m| m.annual),
            ),
            |v| format!("{}%", level_text(v, true)),
            points_diff,
        );
        number(
            out,
            s,
            format!("{p} {name} weight"),
            (a.map(|m| m.weight), b.map(|m| m.weight)),
            exact,
            signed_exact,
        );
    }
}

// ---- Results ---------------------------------------------------------------

type RowKey<'a> = (Month, &'a str, Provider);

fn levels(l: &Results, r: &Results, out: &mut Vec<Change>) {
    let index = |x: &'_ Results| -> HashMap<(Month, String, Provider), usize> {
        x.rows
            .iter()
            .enumerate()
            .map(|(i, row)| ((row.period, row.measure.clone(), row.provider), i))
            .collect()
    };
    let ri = index(r);
    // Left's rows in report order, then rows only the right has.
    let mut pairs: Vec<(Option<&MeasureResult>, Option<&MeasureResult>)> = Vec::new();
    let mut matched = vec![false; r.rows.len()];
    for row in &l.rows {
        let other = ri
            .get(&(row.period, row.measure.clone(), row.provider))
            .and_then(|&i| {
                matched[i] = true;
                r.rows.get(i)
            });
        pairs.push((Some(&**row), other.map(|r| &**r)));
    }
    for (i, row) in r.rows.iter().enumerate() {
        if !matched[i] {
            pairs.push((None, Some(row)));
        }
    }
    for (a, b) in pairs {
        let Some(row) = a.or(b) else { continue };
        let key: RowKey = (row.period, &row.measure, row.provider);
        result_row(key, &row.period_label, a, b, out);
    }
}

fn result_row(
    (_, code, provider): RowKey,
    period: &str,
    a: Option<&MeasureResult>,
    b: Option<&MeasureResult>,
    out: &mut Vec<Change>,
) {
    let cpm = provider == Provider::Dcc;
    let item = format!("{provider} {code} {period}");
    let display =
        |x: Option<&MeasureResult>| x.map_or_else(|| ABSENT.to_string(), |x| x.display.clone());
    let (ld, rd) = (display(a), display(b));
    if ld != rd {
        let number = |x: Option<&MeasureResult>| match x.map(|x| x.level) {
            Some(ServiceLevel::Number(n)) => Some(n),
            _ => None,
        };
        let percent = a.or(b).is_some_and(|x| x.unit == Unit::Percent);
        let diff = match (number(a), number(b)) {
            (Some(x), Some(y)) => y.checked_sub(x).map(|d| {
                if percent {
                    points_diff(d)
                } else {
                    signed_exact(d)
                }
            }),
            _ => None,
        };
        let section = if cpm {
            Section::Cpm
        } else {
            Section::ServiceLevel
        };
        out.push(change(section, item.clone(), ld, rd, diff));
    }
    let status = |x: Option<&MeasureResult>| {
        x.map_or_else(|| ABSENT.to_string(), |x| x.status.label().to_string())
    };
    let (ls, rs) = (status(a), status(b));
    if ls != rs {
        let (section, item) = if cpm {
            (Section::Cpm, format!("{item} status"))
        } else {
            (Section::Status, item)
        };
        out.push(change(section, item, ls, rs, None));
    }
}

/// A credit line as the credits table shows its amount.
fn line_text(l: &CreditLine) -> String {
    match (l.state, l.money) {
        (LineState::NoCredit | LineState::Exempt | LineState::NoScheme, _) => {
            l.state.label().into()
        }
        (_, Some(m)) => pounds(m),
        (_, None) => "Pending".into(),
    }
}

/// A line's money, with a missing line (no miss, no decision) as £0.
fn line_money(l: Option<&CreditLine>) -> Option<Decimal> {
    match l {
        None => Some(Decimal::ZERO),
        Some(l) if l.state == LineState::Pending => None,
        Some(l) => l.money,
    }
}

fn total_text(money: Decimal, pending: usize) -> String {
    match pending {
        0 => pounds(money),
        n => format!("{} + {n} pending", pounds(money)),
    }
}

fn credit_changes(l: &Credits, r: &Credits, out: &mut Vec<Change>) {
    let s = Section::Credit;
    let index = |c: &Credits| -> BTreeMap<(Month, Provider, String), usize> {
        c.lines
            .iter()
            .enumerate()
            .map(|(i, x)| ((x.period, x.provider, x.measure.clone()), i))
            .collect()
    };
    let (li, ri) = (index(l), index(r));
    let keys: BTreeSet<&(Month, Provider, String)> = li.keys().chain(ri.keys()).collect();
    let totals = |c: &Credits| -> BTreeMap<(Month, Provider), (Decimal, usize)> {
        c.totals
            .iter()
            .map(|t| ((t.period, t.provider), (t.money, t.pending)))
            .collect()
    };
    let (lt, rt) = (totals(l), totals(r));
    let months: BTreeSet<Month> = keys
        .iter()
        .map(|k| k.0)
        .chain(lt.keys().map(|k| k.0))
        .chain(rt.keys().map(|k| k.0))
        .collect();
    for m in months {
        // Lines of the month, then each provider's total, then the month's.
        let mut providers: BTreeSet<Provider> = BTreeSet::new();
        for k in keys.iter().filter(|k| k.0 == m) {
            let a = li.get(*k).and_then(|&i| l.lines.get(i));
            let b = ri.get(*k).and_then(|&i| r.lines.get(i));
            let text =
                |x: Option<&CreditLine>| x.map_or_else(|| "no credit".to_string(), line_text);
            let (ta, tb) = (text(a), text(b));
            if ta != tb {
                let diff = match (line_money(a), line_money(b)) {
                    (Some(x), Some(y)) => y.checked_sub(x).map(signed_money),
                    _ => None,
                };
                let item = format!("{} {} {} credit", k.1, k.2, m.long_name());
                out.push(change(s, item, ta, tb, diff));
                providers.insert(k.1);
            }
        }
        for p in Provider::ALL {
            let (a, b) = (lt.get(&(m, p)), rt.get(&(m, p)));
            if a == b && !providers.contains(&p) {
                continue;
            }
            let (am, ap) = a.copied().unwrap_or((Decimal::ZERO, 0));
            let (bm, bp) = b.copied().unwrap_or((Decimal::ZERO, 0));
            let (ta, tb) = (total_text(am, ap), total_text(bm, bp));
            if ta != tb {
                let item = format!("{p} {} total", m.long_name());
                let diff = bm.checked_sub(am).map(signed_money);
                out.push(change(s, item, ta, tb, diff));
            }
        }
        let ((am, ap), (bm, bp)) = (l.total(m), r.total(m));
        let (ta, tb) = (total_text(am, ap), total_text(bm, bp));
        if ta != tb {
            let item = format!("{} total, all providers", m.long_name());
            let diff = bm.checked_sub(am).map(signed_money);
            out.push(change(s, item, ta, tb, diff));
        }
    }
}

fn margins(l: &[YearMargin], r: &[YearMargin], out: &mut Vec<Change>) {
    let s = Section::Margin;
    let mut seen = BTreeSet::new();
    let names: Vec<&str> = l
        .iter()
        .chain(r)
        .map(|y| y.year.as_str())
        .filter(|n| seen.insert(*n))
        .collect();
    for name in names {
        let (a, b) = (
            l.iter().find(|y| y.year == name),
            r.iter().find(|y| y.year == name),
        );
        let mut seen = BTreeSet::new();
        let codes: Vec<&str> = a
            .iter()
            .chain(b.iter())
            .flat_map(|y| y.measures.iter().map(|m| m.code.as_str()))
            .filter(|c| seen.insert(*c))
            .collect();
        for code in codes {
            let (ma, mb) = (
                a.and_then(|y| y.measure(code)),
                b.and_then(|y| y.measure(code)),
            );
            number(
                out,
                s,
                format!("{name} {code} kept"),
                (ma.map(|m| m.kept), mb.map(|m| m.kept)),
                money,
                signed_money,
            );
            number(
                out,
                s,
                format!("{name} {code} lost"),
                (ma.map(|m| m.lost), mb.map(|m| m.lost)),
                money,
                signed_money,
            );
        }
        number(
            out,
            s,
            format!("{name} total kept"),
            (a.map(|y| y.kept), b.map(|y| y.kept)),
            money,
            signed_money,
        );
        number(
            out,
            s,
            format!("{name} total lost"),
            (a.map(|y| y.lost), b.map(|y| y.lost)),
            money,
            signed_money,
        );
    }
}
