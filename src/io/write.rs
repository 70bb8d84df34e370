//! The dataset back to text: CSV in the long import format, and reported
//! credits in the credits format, so that exporting and importing again
//! gives back exactly the same data.

use super::long_csv::COLUMNS;
use super::values::exclusions_text;
use crate::engine::{Amount, CreditScope, Dataset, Input, Observation, ReportedCredit};

/// The dataset as long-form CSV. Rows follow the dataset's order; an
/// incident measure takes one row per category plus, where the report
/// printed a level, a row carrying it.
pub fn dataset_csv(data: &Dataset) -> String {
    let mut w = csv::WriterBuilder::new().from_writer(Vec::new());
    let mut rows: Vec<[String; 10]> = Vec::new();
    for o in &data.observations {
        observation_rows(o, &mut rows);
    }
    // Writing to memory fails only on a bug in csv; an empty export says so loudly.
    let ok = w.write_record(COLUMNS).is_ok() && rows.iter().all(|r| w.write_record(r).is_ok());
    match (ok, w.into_inner()) {
        (true, Ok(bytes)) => String::from_utf8(bytes).unwrap_or_default(),
        _ => String::new(),
    }
}

/// The dataset's reported credits as a credits table
/// (`period,party,measure,points,credits,reported_in,note`), in the
/// dataset's order. Money is plain digits (`43198`, `1357.02`), with `TBC`
/// and `N/A` for the rest, so [`super::credits_csv`] reads back the same.
pub fn credits_csv(data: &Dataset) -> String {
    let mut w = csv::WriterBuilder::new().from_writer(Vec::new());
    let ok = w.write_record(super::credits_csv::COLUMNS).is_ok()
        && data
            .credits
            .iter()
            .all(|c| w.write_record(credit_row(c)).is_ok());
    match (ok, w.into_inner()) {
        (true, Ok(bytes)) => String::from_utf8(bytes).unwrap_or_default(),
        _ => String::new(),
    }
}

fn credit_row(c: &ReportedCredit) -> [String; 7] {
    let (party, measure) = match &c.scope {
        CreditScope::Measure { measure, provider } => (provider.code(), measure.as_str()),
        CreditScope::Party { party } => (party.name(), ""),
        CreditScope::Total { fleet } => (fleet.name(), ""),
    };
    let amount = match c.amount {
        Amount::Money { gbp } => gbp.to_string(),
        Amount::Pending => "TBC".into(),
        Amount::NotApplicable => "N/A".into(),
    };
    [
        c.period.to_string(),
        party.into(),
        measure.into(),
        c.points.map(|p| p.to_string()).unwrap_or_default(),
        amount,
        c.reported_in.map(|m| m.to_string()).unwrap_or_default(),
        c.note.clone().unwrap_or_default(),
    ]
}

fn observation_rows(o: &Observation, out: &mut Vec<[String; 10]>) {
    let row = |category: String, value: String, s: String, t: String, excluded: String| {
        [
            o.period.to_string(),
            o.measure.clone(),
            o.provider.code().to_string(),
            category,
            value,
            s,
            t,
            o.reported_in.map(|m| m.to_string()).unwrap_or_default(),
            o.note.clone().unwrap_or_default(),
            excluded,
        ]
    };
    // "About" rides on the printed figure, whatever the input (the reader
    // takes it from the value cell).
    let mark = if o.approximate { "~" } else { "" };
    let reported = o.reported.map(|r| format!("{mark}{r}")).unwrap_or_default();
    let e = String::new;
    match &o.input {
        Input::Level { level } => out.push(row(e(), format!("{mark}{level}"), e(), e(), e())),
        Input::Status { status } => out.push(row(e(), status.label().into(), e(), e(), e())),
        Input::Counts { successes, total } => out.push(row(
            e(),
            reported,
            successes.to_string(),
            total.to_string(),
            e(),
        )),
        Input::PowerOutage {
            delivered,
            power_loss_alerts,
        } => out.push(row(
            e(),
            reported,
            delivered.to_string(),
            power_loss_alerts.to_string(),
            e(),
        )),
        Input::Incidents { categories } => {
            // The note and printed level ride on a row without a category.
            if o.reported.is_some() || o.note.is_some() || categories.is_empty() {
                out.push(row(e(), reported, e(), e(), e()));
            }
            for c in categories {
                let mut r = row(
                    c.category.to_string(),
                    e(),
                    c.within.to_string(),
                    c.total.to_string(),
                    exclusions_text(&c.excluded),
                );
                r[8] = String::new();
                out.push(r);
            }
        }
    }
}

/// A starting point for a dataset file: the columns and one row of each kind.
pub const TEMPLATE_CSV: &str = "\
period,measure,provider,category,value,successes,total,reported_in,note,excluded
2021-03,PM2,CSPN,,23.74,56774,239128,,counts give the level; value is the printed figure to check,
2021-03,PM1.1,DSP,,99.83%,,,,a level as printed,
2021-03,PM11,DSP,,No Events,,,,a status word: No Events / N/A / Data Exempted / Not Reported,
2021-03,CPM5,DCC,3,,108,111,,,Cancelled=2
2021-03,CPM5,DCC,4,,124,131,,,
2021-03,CPM5,DCC,5,,571,649,,,
";
