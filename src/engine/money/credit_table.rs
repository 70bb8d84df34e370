//! The report's 12-month credit tables (Tables 29 and 30: companies as
//! columns, months as rows, a "Total" column), built from computed credits,
//! reported figures, or both; and the reconciliation of every reported
//! figure against the computed one and of every reported total against its
//! parts.

use crate::engine::credits::{Credits, PartyCredits};
use crate::engine::observation::Dataset;
use crate::engine::parties::{Fleet, Party};
use crate::engine::period::Month;
use crate::engine::reported::{pounds, Amount, CreditScope, ReportedCredit};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// Which figures the table shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Source {
    /// The reported figure where there is one, else the computed one.
    #[default]
    ReportedFirst,
    /// Computed from the loaded figures and the scheme only.
    Computed,
    /// Reported figures only.
    Reported,
}

impl Source {
    pub const ALL: [Source; 3] = [Source::ReportedFirst, Source::Computed, Source::Reported];

    pub fn label(self) -> &'static str {
        match self {
            Source::ReportedFirst => "Reported where given, else computed",
            Source::Computed => "Computed from the loaded figures",
            Source::Reported => "Reported figures only",
        }
    }
}

/// Where a shown figure came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Origin {
    Reported,
    Computed,
}

/// One company in one month.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Cell {
    pub reported: Option<Amount>,
    pub computed: Option<PartyCredits>,
    /// What the table shows under the chosen source.
    pub shown: Option<Amount>,
    pub origin: Option<Origin>,
    /// Reported and computed are both present and disagree.
    pub differs: bool,
}

/// One month of one table.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Row {
    pub month: Month,
    pub cells: Vec<Cell>,
    /// The sum of the money shown in the row.
    pub total: Decimal,
    /// Cells shown as pending (TBC): the total leaves them out.
    pub pending: usize,
    /// The report's own "Total" for the row.
    pub reported_total: Option<Amount>,
    /// The reported total is not the sum of the row.
    pub total_differs: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct FleetTable {
    pub fleet: Fleet,
    pub parties: Vec<Party>,
    pub rows: Vec<Row>,
    /// Per party, over the months.
    pub column_totals: Vec<Decimal>,
    pub grand_total: Decimal,
}

/// Both tables and the monthly total over both (§15's figure).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct YearTables {
    pub source: Source,
    /// Oldest first.
    pub months: Vec<Month>,
    pub tables: Vec<FleetTable>,
    /// Per month: the sum of both tables' totals, and §15's reported figure.
    pub overall: Vec<(Month, Decimal, Option<Amount>)>,
}

/// The latest report's figure for each period and scope.
pub fn latest_reported(data: &Dataset) -> BTreeMap<(Month, CreditScope), &ReportedCredit> {
    let mut out: BTreeMap<(Month, CreditScope), &ReportedCredit> = BTreeMap::new();
    for c in &data.credits {
        let key = (c.period, c.scope.clone());
        match out.get(&key) {
            Some(old) if old.reported_in > c.reported_in => {}
            _ => {
                out.insert(key, c);
            }
        }
    }
    out
}

fn add(a: Decimal, b: Decimal) -> Decimal {
    a.checked_add(b).unwrap_or(Decimal::MAX)
}

/// The computed figure as an amount: pending when only pending lines.
fn computed_amount(c: PartyCredits) -> Amount {
    if c.pending > 0 && c.money.is_zero() {
        Amount::Pending
    } else {
        Amount::Money { gbp: c.money }
    }
}

/// Whether a reported amount agrees with a computed one.
fn agrees(reported: Amount, computed: PartyCredits) -> bool {
    match reported {
        // A credit still under discussion is not £0.
        Amount::Money { gbp } => gbp == computed.money && computed.pending == 0,
        Amount::Pending => computed.pending > 0,
        // N/A: nothing accrued (an exemption, or no regime).
        Amount::NotApplicable => computed.money.is_zero() && computed.pending == 0,
    }
}

/// The twelve months ending with `last`, oldest first.
pub fn twelve_months(last: Month) -> Vec<Month> {
    (0..12).rev().map(|i| last.minus(i)).collect()
}

/// The periods the report states a credit for: the only ones
/// [`reconcile`] needs computed.
pub fn reported_periods(data: &Dataset) -> BTreeSet<Month> {
    data.credits.iter().map(|c| c.period).collect()
}

/// The twelve months ending with `last`, as Tables 29 and 30 lay them out.
pub fn year_tables(credits: &Credits, data: &Dataset, last: Month, source: Source) -> YearTables {
    let months = twelve_months(last);
    let reported = latest_reported(data);
    let amount = |m: Month, scope: CreditScope| reported.get(&(m, scope)).map(|c| c.amount);
    let mut tables = Vec::new();
    for fleet in [Fleet::Smets2, Fleet::Smets1] {
        let cell = |m: Month, p: Party| {
            let r = amount(m, CreditScope::Party { party: p });
            let c = credits.party(m, p);
            let (shown, origin) = match (source, r, c) {
                (Source::Computed, _, Some(c)) | (Source::ReportedFirst, None, Some(c)) => {
                    (Some(computed_amount(c)), Some(Origin::Computed))
                }
                (Source::Reported | Source::ReportedFirst, Some(r), _) => {
                    (Some(r), Some(Origin::Reported))
                }
                _ => (None, None),
            };
            Cell {
                reported: r,
                computed: c,
                shown,
                origin,
                // A month computed from some of its measures is shown, not compared.
                differs: matches!((r, c), (Some(r), Some(c)) if c.complete && !agrees(r, c)),
            }
        };
        let parties: Vec<Party> = fleet
            .parties()
            .into_iter()
            .filter(|p| {
                p.in_report_table()
                    || months.iter().any(|m| match cell(*m, *p).shown {
                        None => false,
                        Some(a) => a.money().is_none_or(|g| !g.is_zero()),
                    })
            })
            .collect();
        let mut column_totals = vec![Decimal::ZERO; parties.len()];
        let rows: Vec<Row> = months
            .iter()
            .map(|&m| {
                let cells: Vec<Cell> = parties.iter().map(|p| cell(m, *p)).collect();
                let mut total = Decimal::ZERO;
                let mut pending = 0;
                for (i, c) in cells.iter().enumerate() {
                    match c.shown {
                        Some(Amount::Money { gbp }) => {
                            total = add(total, gbp);
                            column_totals[i] = add(column_totals[i], gbp);
                        }
                        Some(Amount::Pending) => pending += 1,
                        _ => {}
                    }
                }
                let reported_total = amount(m, CreditScope::Total { fleet });
                Row {
                    month: m,
                    total_differs: matches!(reported_total, Some(Amount::Money { gbp }) if gbp != total),
                    cells,
                    total,
                    pending,
                    reported_total,
                }
            })
            .collect();
        let grand_total = column_totals.iter().fold(Decimal::ZERO, |a, b| add(a, *b));
        tables.push(FleetTable {
            fleet,
            parties,
            rows,
            column_totals,
            grand_total,
        });
    }
    let overall = months
        .iter()
        .enumerate()
        .map(|(i, &m)| {
            let sum = tables
                .iter()
                .fold(Decimal::ZERO, |a, t| add(a, t.rows[i].total));
            (m, sum, amount(m, CreditScope::Total { fleet: Fleet::All }))
        })
        .collect();
    YearTables {
        source,
        months,
        tables,
        overall,
    }
}

/// What a check compares.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CheckKind {
    /// A reported figure against the one computed from the loaded figures.
    AgainstComputed,
    /// A reported total against the sum of its reported parts.
    TotalOfParts,
}

/// One comparison, with both values.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Check {
    pub period: Month,
    pub kind: CheckKind,
    pub what: String,
    pub reported: String,
    pub other: String,
    pub agrees: bool,
    /// The difference in money (reported minus the other), where both are money.
    pub difference: Option<Decimal>,
    pub note: Option<String>,
}

fn show(c: PartyCredits) -> String {
    match (c.money.is_zero(), c.pending) {
        (true, n) if n > 0 => format!("pending ({n})"),
        (_, 0) => pounds(c.money),
        (_, n) => format!("{} + {n} pending", pounds(c.money)),
    }
}

fn difference(r: Amount, other: Decimal) -> Option<Decimal> {
    r.money().and_then(|g| g.checked_sub(other))
}

/// A reported figure against the computed one: the computed figure, and
/// whether they agree (with the reason, when the money alone does not say).
struct Verdict {
    computed: PartyCredits,
    agrees: bool,
    note: Option<Note>,
}

/// Why a reported figure that looks right, or wrong, is not.
enum Note {
    PendingShownAsZero,
    Points {
        reported: Decimal,
        computed: Decimal,
    },
}

impl Note {
    fn words(&self) -> String {
        match self {
            Note::PendingShownAsZero => {
                "the report shows as £0 a credit still under discussion".to_string()
            }
            Note::Points { reported, computed } => format!(
                "points: reported {}, computed {}",
                crate::engine::format::exact(*reported),
                crate::engine::format::exact(*computed)
            ),
        }
    }
}

/// The computed figure for a reported one, where its month is loaded and
/// complete, and the verdict.
fn verdict(
    credits: &Credits,
    period: Month,
    scope: &CreditScope,
    rc: &ReportedCredit,
) -> Option<Verdict> {
    let computed: Option<PartyCredits> = match scope {
        CreditScope::Measure { measure, provider } => {
            if credits.loaded.contains(&(period, *provider)) {
                let line = credits.line(period, *provider, measure);
                Some(PartyCredits {
                    money: line.and_then(|l| l.money).unwrap_or(Decimal::ZERO),
                    points: line.and_then(|l| l.points).unwrap_or(Decimal::ZERO),
                    pending: usize::from(line.is_some_and(|l| l.money.is_none())),
                    // One measure's own figure is all it needs.
                    complete: true,
                })
            } else {
                None
            }
        }
        CreditScope::Party { party } => credits.party(period, *party),
        CreditScope::Total { fleet } => fleet_computed(credits, period, *fleet),
    };
    let c = computed.filter(|c| c.complete)?;
    let mut agrees = agrees(rc.amount, c);
    let mut note =
        (rc.amount.money() == Some(c.money) && c.pending > 0).then_some(Note::PendingShownAsZero);
    if let (Some(p), CreditScope::Measure { .. }) = (rc.points, scope) {
        if c.pending == 0 && p != c.points {
            agrees = false;
            note = Some(Note::Points {
                reported: p,
                computed: c.points,
            });
        }
    }
    Some(Verdict {
        computed: c,
        agrees,
        note,
    })
}

/// What checking the reported figures finds, one check at a time: a
/// reported figure against the computed one, or a reported total against
/// its reported parts (already a [`Check`]).
enum Found<'r> {
    Computed(Month, &'r CreditScope, &'r ReportedCredit, Verdict),
    Parts(Check),
}

impl Found<'_> {
    fn agrees(&self) -> bool {
        match self {
            Found::Computed(.., v) => v.agrees,
            Found::Parts(c) => c.agrees,
        }
    }
}

/// Walks every check of the latest reported figures, in `reported`'s order:
/// the one walk [`reconcile`] writes out and [`differences`] counts.
fn each_check<'r>(
    reported: &'r BTreeMap<(Month, CreditScope), &'r ReportedCredit>,
    credits: &Credits,
    mut found: impl FnMut(Found<'r>),
) {
    for ((period, scope), rc) in reported {
        if let Some(v) = verdict(credits, *period, scope, rc) {
            found(Found::Computed(*period, scope, rc, v));
        }
        if let CreditScope::Total { fleet } = scope {
            if let Some(check) = total_of_parts(reported, *period, *fleet, rc) {
                found(Found::Parts(check));
            }
        }
    }
}

/// Every reported figure checked against the computed one (where the month
/// is loaded) and every reported total against its reported parts. The
/// credits need hold only the periods reported ([`reported_periods`]).
pub fn reconcile(credits: &Credits, data: &Dataset) -> Vec<Check> {
    let reported = latest_reported(data);
    let mut checks = Vec::new();
    each_check(&reported, credits, |found| {
        checks.push(match found {
            Found::Computed(period, scope, rc, v) => Check {
                period,
                kind: CheckKind::AgainstComputed,
                what: scope.to_string(),
                reported: rc.amount.to_string(),
                other: show(v.computed),
                agrees: v.agrees,
                difference: difference(rc.amount, v.computed.money).filter(|d| !d.is_zero()),
                note: v.note.as_ref().map(Note::words),
            },
            Found::Parts(check) => check,
        })
    });
    crate::engine::order::sort_by(&mut checks, |a, b| {
        (b.period, a.kind as u8, &a.what).cmp(&(a.period, b.kind as u8, &b.what))
    });
    checks
}

/// How many of [`reconcile`]'s checks disagree, without writing them: what
/// a tab's label shows after every what-if, the words waiting until the
/// checks are opened.
pub fn differences(credits: &Credits, data: &Dataset) -> usize {
    let reported = latest_reported(data);
    let mut n = 0;
    each_check(&reported, credits, |found| {
        n += usize::from(!found.agrees())
    });
    n
}

fn fleet_computed(credits: &Credits, period: Month, fleet: Fleet) -> Option<PartyCredits> {
    let parts: Vec<PartyCredits> = fleet
        .parties()
        .into_iter()
        .filter_map(|p| credits.party(period, p))
        .collect();
    (!parts.is_empty()).then(|| {
        parts
            .into_iter()
            .fold(PartyCredits::NONE, PartyCredits::plus)
    })
}

/// A reported total against the sum of its reported parts: a table's
/// companies, or for the overall total the two tables' totals (their
/// companies where a table total is missing).
fn total_of_parts(
    reported: &BTreeMap<(Month, CreditScope), &ReportedCredit>,
    period: Month,
    fleet: Fleet,
    total: &ReportedCredit,
) -> Option<Check> {
    let get = |scope: CreditScope| reported.get(&(period, scope)).map(|c| c.amount);
    let party_parts = |f: Fleet| -> Vec<(String, Amount)> {
        f.parties()
            .into_iter()
            .filter_map(|p| get(CreditScope::Party { party: p }).map(|a| (p.to_string(), a)))
            .collect()
    };
    let parts: Vec<(String, Amount)> = match fleet {
        Fleet::All => [Fleet::Smets2, Fleet::Smets1]
            .into_iter()
            .flat_map(|f| match get(CreditScope::Total { fleet: f }) {
                Some(a) => vec![(format!("{f} total"), a)],
                None => party_parts(f),
            })
            .collect(),
        f => party_parts(f),
    };
    if parts.is_empty() {
        return None;
    }
    let sum = parts
        .iter()
        .filter_map(|(_, a)| a.money())
        .fold(Decimal::ZERO, add);
    let left_out: Vec<String> = parts
        .iter()
        .filter(|(_, a)| a.money().is_none())
        .map(|(n, a)| format!("{n} {a}"))
        .collect();
    let words: Vec<String> = parts.iter().map(|(n, a)| format!("{n} {a}")).collect();
    let mut note = format!("Parts: {}", words.join(" + "));
    if !left_out.is_empty() {
        note.push_str(&format!(" (left out of the sum: {})", left_out.join(", ")));
    }
    Some(Check {
        period,
        kind: CheckKind::TotalOfParts,
        what: CreditScope::Total { fleet }.to_string(),
        reported: total.amount.to_string(),
        other: pounds(sum),
        agrees: total.amount.money() == Some(sum),
        difference: difference(total.amount, sum).filter(|d| !d.is_zero()),
        note: Some(note),
    })
}
