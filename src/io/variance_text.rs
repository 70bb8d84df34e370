//! A month of forecast variance ([`crate::engine::reports::variance`]) as
//! plain text, for the command line (`dcc-perf --output variance`).

use crate::engine::format::thousands;
use crate::engine::reports::variance::{shown, Exception, Timeliness, Variance, ZeroForecast};
use std::fmt::Write;

/// The month: whether the report was on time (where its issue day is
/// known), each party against its forecast and whether it is an exception, the total both ways, the zero-forecast requests, the checks
/// and why the two percentages differ.
pub fn variance_text(v: &Variance, on_time: Option<Timeliness>) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} ({}), {}: exceptions {}",
        v.report.name(),
        v.report.section(),
        v.period.long_name(),
        v.thresholds.describe()
    );
    if let Some(t) = on_time {
        let verdict = if t.on_time { "on time" } else { "late" };
        let _ = writeln!(
            out,
            "  issued {}, due {} ({}th working day after the month): {verdict}",
            t.issued,
            t.due,
            v.report.due_working_day()
        );
    }
    for p in &v.parties {
        let mark = match p.exception {
            Some(Exception::Over) => "  over",
            Some(Exception::Under) => "  under",
            None if p.forecast == 0 => "  zero forecast: no percentage",
            None => "",
        };
        let _ = writeln!(
            out,
            "  {:<24} {:>14} of {:>14}  {:>8}{mark}",
            p.party,
            thousands(p.actual),
            thousands(p.forecast),
            shown(p.percent)
        );
    }
    let _ = writeln!(
        out,
        "  {:<24} {:>14} of {:>14}  {:>8} of all requests; {} zero forecasts excluded",
        "Total",
        thousands(v.actual),
        thousands(v.forecast),
        shown(v.percent_of_all),
        shown(v.percent_of_forecast_parties)
    );
    match v.zero_forecast {
        ZeroForecast::Known { requests } => {
            let _ = writeln!(
                out,
                "  requests from parties with a zero forecast: {}",
                thousands(requests)
            );
        }
        ZeroForecast::Implied { low, high, about } => {
            let _ = writeln!(
                out,
                "  requests from parties with a zero forecast (implied, not stated): about {} ({} to {})",
                thousands(about),
                thousands(low),
                thousands(high)
            );
        }
        ZeroForecast::Inconsistent => {
            let _ = writeln!(
                out,
                "  the stated percentage cannot come from the stated totals"
            );
        }
        ZeroForecast::Unknown => {}
    }
    for c in &v.checks {
        let verdict = if c.agrees { "agrees" } else { "DIFFERS" };
        let _ = writeln!(
            out,
            "  {}: stated {}, computed {}: {verdict}",
            c.what, c.stated, c.computed
        );
    }
    if !v.why.is_empty() {
        let _ = writeln!(out, "  {}", v.why);
    }
    for w in &v.dcc_words {
        let _ = writeln!(out, "  {w}");
    }
    out
}
