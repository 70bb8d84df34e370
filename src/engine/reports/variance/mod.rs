//! Forecast variance: each party's actual requests in a month against its
//! forecast, for the two reports the Operations Group reviews monthly:
//!
//! - certificate signing requests (CSR, SEC L8.9): the Authorised
//!   Subscribers at or above 110% of their forecast are named;
//! - service requests (SR, SEC H3.24): the Users at or below 90%, or at or
//!   above 110%, of their forecast are exceptions.
//!
//! A party with a zero forecast has no percentage (nothing is divided by
//! zero): it is marked as such, and the month's total is given both ways, with
//! its requests and without them. The reports print the second ("zero
//! forecasts excluded from percentage"); a reader dividing the printed
//! totals gets the first. Where a report gives totals only, the requests
//! from zero-forecast parties that its percentage implies are worked out
//! from the totals and the percentage as printed, as a range (the printed
//! percentage is rounded), and marked as implied, never as stated.

use super::due::{due, Day};
use super::percent_of;
use crate::engine::format::{decimal, thousands};
use crate::engine::period::Month;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// Which variance report.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum Report {
    /// Certificate signing requests, SEC L8.9.
    Csr,
    /// Service requests, SEC H3.24.
    Sr,
}

impl Report {
    pub const ALL: [Report; 2] = [Report::Csr, Report::Sr];

    pub fn code(self) -> &'static str {
        match self {
            Report::Csr => "CSR",
            Report::Sr => "SR",
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Report::Csr => "Certificate signing requests",
            Report::Sr => "Service requests",
        }
    }

    /// The Code's section that requires the report.
    pub fn section(self) -> &'static str {
        match self {
            Report::Csr => "SEC L8.9",
            Report::Sr => "SEC H3.24",
        }
    }

    /// The report's own rule for an exception: CSR names parties at or
    /// above 110% of forecast; SR those at or below 90% or at or above 110%.
    pub fn thresholds(self) -> Thresholds {
        let pct = |n: i64| Some(Decimal::from(n));
        match self {
            Report::Csr => Thresholds {
                low: None,
                high: pct(110),
            },
            Report::Sr => Thresholds {
                low: pct(90),
                high: pct(110),
            },
        }
    }

    /// Due on this working day after the month covered: the 10th for both
    /// (SEC L8.9, H3.24).
    pub fn due_working_day(self) -> u32 {
        10
    }

    /// The report read from its code, in any case.
    pub fn parse(s: &str) -> Option<Report> {
        Report::ALL
            .into_iter()
            .find(|r| r.code().eq_ignore_ascii_case(s.trim()))
    }
}

/// Percentages of forecast at which a party is an exception: at or below
/// `low`, or at or above `high` (either may be absent).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Thresholds {
    pub low: Option<Decimal>,
    pub high: Option<Decimal>,
}

impl Thresholds {
    /// Whether `percent` of forecast is an exception, and which.
    pub fn exception(&self, percent: Decimal) -> Option<Exception> {
        if self.high.is_some_and(|h| percent >= h) {
            Some(Exception::Over)
        } else if self.low.is_some_and(|l| percent <= l) {
            Some(Exception::Under)
        } else {
            None
        }
    }

    /// The rule in words, e.g. "at or below 90% or at or above 110% of forecast".
    pub fn describe(&self) -> String {
        let at = |word: &str, v: Decimal| format!("at or {word} {}%", v.normalize());
        let parts: Vec<String> = [
            self.low.map(|l| at("below", l)),
            self.high.map(|h| at("above", h)),
        ]
        .into_iter()
        .flatten()
        .collect();
        match parts.is_empty() {
            true => "no exceptions set".into(),
            false => format!("{} of forecast", parts.join(" or ")),
        }
    }
}

/// Which side of the forecast an exception is on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Exception {
    Under,
    Over,
}

/// One party's requests in the month. The party may be named or anonymised
/// ("User 17"): it is only ever a label.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PartyFigures {
    pub party: String,
    pub actual: u64,
    pub forecast: u64,
}

/// What the report states for the month as a whole: claims to check.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stated {
    pub actual: u64,
    pub forecast: u64,
    /// The percentage of forecast as printed ("112.8"), with its decimals.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub percent: Option<Decimal>,
    /// The DCC's own forecast of the month's requests, whose accuracy
    /// the Operations Group follows ("95% accuracy").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dcc_forecast: Option<u64>,
    /// The DCC's own count of the month's requests, which may differ from
    /// the report's actuals; the Group asked for the difference explained.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dcc_actual: Option<u64>,
}

/// One report's figures for one month: by party, or only as the report's
/// totals, or both.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct VarianceMonth {
    pub report: Report,
    pub period: Month,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub parties: Vec<PartyFigures>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stated: Option<Stated>,
    /// The day the report was issued, to check against the day it was due.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issued: Option<Day>,
}

/// A party's requests against its forecast.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct PartyVariance {
    pub party: String,
    pub actual: u64,
    pub forecast: u64,
    /// `None` for a zero forecast: shown apart, never divided by.
    pub percent: Option<Decimal>,
    pub exception: Option<Exception>,
}

/// The requests from parties with a zero forecast.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ZeroForecast {
    /// Added up from the parties' figures.
    Known { requests: u64 },
    /// Implied by the stated totals and the percentage as printed: somewhere
    /// from `low` to `high` (the printed percentage is rounded); `about` is
    /// what the printed figure gives exactly.
    Implied { low: u64, high: u64, about: u64 },
    /// The printed percentage cannot come from the stated totals: even
    /// with no such requests they give less, or no whole number of
    /// requests rounds to it.
    Inconsistent,
    /// Neither given nor implied (no parties, no stated percentage).
    Unknown,
}

/// A stated figure against the computed one.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Check {
    pub what: String,
    pub stated: String,
    pub computed: String,
    pub agrees: bool,
}

/// A month's variance, worked out.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Variance {
    pub report: Report,
    pub period: Month,
    pub thresholds: Thresholds,
    pub parties: Vec<PartyVariance>,
    /// Totals: the parties' sums, or the report's where it gives no parties.
    pub actual: u64,
    pub forecast: u64,
    pub zero_forecast: ZeroForecast,
    /// All requests over the forecast: what dividing the totals gives.
    pub percent_of_all: Option<Decimal>,
    /// The requests of parties with a forecast over the forecast: the
    /// report's way ("zero forecasts excluded from percentage"). Where the
    /// zero-forecast requests are only implied, with `about` of them.
    pub percent_of_forecast_parties: Option<Decimal>,
    pub checks: Vec<Check>,
    /// Why the two percentages differ, in words (empty when they do not).
    pub why: String,
    /// The DCC's forecast accuracy: 100% less the forecast's distance from
    /// the requests the report states as a share of them (0% at worst).
    pub dcc_accuracy: Option<Decimal>,
    /// The report's actual requests less the DCC's own count.
    pub dcc_difference: Option<i128>,
    /// Those two in words, one line each.
    pub dcc_words: Vec<String>,
}

impl Variance {
    /// The parties named under the report's rule.
    pub fn exceptions(&self) -> impl Iterator<Item = &PartyVariance> {
        self.parties.iter().filter(|p| p.exception.is_some())
    }
}

/// A report's issue against the day it was due.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Timeliness {
    pub due: Day,
    pub issued: Day,
    pub on_time: bool,
}

/// Whether the month's report was on time, where its issue day is known:
/// due on its report's working day after the month, `holidays` not
/// counted ([`due`]).
pub fn timeliness(month: &VarianceMonth, holidays: &[Day]) -> Option<Timeliness> {
    let issued = month.issued?;
    let due = due(month.period, month.report.due_working_day(), holidays)?;
    Some(Timeliness {
        due,
        issued,
        on_time: issued <= due,
    })
}

/// A percentage to one decimal place, as the reports print it; `–` for none.
pub fn shown(p: Option<Decimal>) -> String {
    p.map_or("–".into(), |p| format!("{}%", decimal(p, 1)))
}

/// Works out one month of one report under `thresholds`.
pub fn evaluate(month: &VarianceMonth, thresholds: Thresholds) -> Variance {
    let parties: Vec<PartyVariance> = month
        .parties
        .iter()
        .map(|p| {
            let percent = percent_of(p.actual, p.forecast);
            PartyVariance {
                party: p.party.clone(),
                actual: p.actual,
                forecast: p.forecast,
                percent,
                exception: percent.and_then(|x| thresholds.exception(x)),
            }
        })
        .collect();
    let sum =
        |f: fn(&PartyFigures) -> u64| (month.parties.iter().map(f)).fold(0u64, u64::saturating_add);
    let by_party = !month.parties.is_empty();
    let stated = month.stated.as_ref();
    let (actual, forecast) = match (by_party, stated) {
        (false, Some(s)) => (s.actual, s.forecast),
        _ => (sum(|p| p.actual), sum(|p| p.forecast)),
    };
    let zero_forecast = match (by_party, stated.and_then(|s| s.percent.map(|p| (s, p)))) {
        (true, _) => ZeroForecast::Known {
            requests: (month.parties.iter())
                .filter(|p| p.forecast == 0)
                .map(|p| p.actual)
                .fold(0u64, u64::saturating_add),
        },
        (false, Some((s, p))) => implied(s.actual, s.forecast, p),
        (false, None) => ZeroForecast::Unknown,
    };
    let percent_of_all = percent_of(actual, forecast);
    let percent_of_forecast_parties = match zero_forecast {
        ZeroForecast::Known { requests } => percent_of(actual.saturating_sub(requests), forecast),
        ZeroForecast::Implied { about, .. } => percent_of(actual.saturating_sub(about), forecast),
        ZeroForecast::Inconsistent | ZeroForecast::Unknown => None,
    };
    let checks = stated
        .map(|s| checks(s, by_party, actual, forecast, percent_of_forecast_parties))
        .unwrap_or_default();
    let why = why(zero_forecast, percent_of_all, percent_of_forecast_parties);
    // The DCC's figures are set against what the report states.
    let dcc = stated.map(|s| dcc(s, s.actual)).unwrap_or_default();
    Variance {
        report: month.report,
        period: month.period,
        thresholds,
        parties,
        actual,
        forecast,
        zero_forecast,
        percent_of_all,
        percent_of_forecast_parties,
        checks,
        why,
        dcc_accuracy: dcc.0,
        dcc_difference: dcc.1,
        dcc_words: dcc.2,
    }
}

/// The DCC's forecast accuracy against `actual`, and the difference
/// between `actual` and the DCC's own count, with words for each.
fn dcc(s: &Stated, actual: u64) -> (Option<Decimal>, Option<i128>, Vec<String>) {
    let mut words = Vec::new();
    // Accuracy = 100% − |actual − forecast| ÷ actual: the usual measure of
    // a volume forecast (absolute percentage error); none for no requests.
    let accuracy = s.dcc_forecast.and_then(|f| {
        let miss = percent_of(actual.abs_diff(f), actual)?;
        // A forecast off by more than the requests made is 0% accurate,
        // not negative.
        let a = (Decimal::ONE_HUNDRED - miss).max(Decimal::ZERO);
        words.push(format!(
            "The DCC forecast {} requests against {} made: {} accurate (100% less the {} it missed by, as a share of the requests made).",
            thousands(f),
            thousands(actual),
            shown(Some(a)),
            thousands(actual.abs_diff(f)),
        ));
        Some(a)
    });
    let difference = s.dcc_actual.map(|d| {
        let diff = i128::from(actual) - i128::from(d);
        words.push(match diff {
            0 => format!("The DCC's own count agrees: {} requests.", thousands(d)),
            _ => format!(
                "The DCC's own count is {}: {} {} than the report's {}, a difference the report should explain.",
                thousands(d),
                thousands(diff.unsigned_abs() as u64),
                if diff > 0 { "fewer" } else { "more" },
                thousands(actual),
            ),
        });
        diff
    });
    (accuracy, difference, words)
}

/// The zero-forecast requests a printed percentage implies: the whole
/// numbers `z` with `(actual − z) / forecast` rounding (half away from
/// zero) to the printed figure, i.e. within `(lo, hi]` where `lo` and `hi`
/// are where the percentage is half a unit of its last decimal above and
/// below it; and within 0 and `actual`.
fn implied(actual: u64, forecast: u64, printed: Decimal) -> ZeroForecast {
    use rust_decimal::RoundingStrategy::MidpointAwayFromZero;
    let Ok(half) = Decimal::try_new(5, printed.scale() + 1) else {
        return ZeroForecast::Unknown;
    };
    let (a, f) = (Decimal::from(actual), Decimal::from(forecast));
    let z = |p: Option<Decimal>| -> Option<Decimal> {
        a.checked_sub(p?.checked_mul(f)?.checked_div(Decimal::ONE_HUNDRED)?)
    };
    let (Some(lo), Some(hi), Some(mid)) = (
        z(printed.checked_add(half)),
        z(printed.checked_sub(half)),
        z(Some(printed)),
    ) else {
        return ZeroForecast::Unknown;
    };
    // The range's whole numbers: above `lo`, up to `hi`, within 0 and `actual`.
    let low = (lo.floor() + Decimal::ONE).max(Decimal::ZERO);
    let high = hi.floor().min(a);
    if high < low {
        return ZeroForecast::Inconsistent;
    }
    let whole = |d: Decimal| u64::try_from(d).unwrap_or(0);
    let about = mid
        .round_dp_with_strategy(0, MidpointAwayFromZero)
        .max(low)
        .min(high);
    ZeroForecast::Implied {
        low: whole(low),
        high: whole(high),
        about: whole(about),
    }
}

fn checks(
    s: &Stated,
    by_party: bool,
    actual: u64,
    forecast: u64,
    of_forecast_parties: Option<Decimal>,
) -> Vec<Check> {
    let mut out = Vec::new();
    if by_party {
        for (what, stated, computed) in [
            ("Requests in total", s.actual, actual),
            ("Forecast in total", s.forecast, forecast),
        ] {
            out.push(Check {
                what: what.into(),
                stated: thousands(stated),
                computed: format!("{} (the parties' sum)", thousands(computed)),
                agrees: stated == computed,
            });
        }
    }
    // The printed percentage against the same percentage worked out from
    // the parties, to the printed figure's decimals. (From totals alone the
    // printed figure is what the implied split is taken from: no check.)
    if let (Some(p), Some(c), true) = (s.percent, of_forecast_parties, by_party) {
        let dp = p.scale();
        out.push(Check {
            what: "Percentage of forecast (zero forecasts excluded)".into(),
            stated: format!("{}%", decimal(p, dp)),
            computed: format!("{}%", decimal(c, dp)),
            agrees: decimal(p, dp) == decimal(c, dp),
        });
    }
    out
}

fn why(zero: ZeroForecast, all: Option<Decimal>, excluding: Option<Decimal>) -> String {
    let (Some(all), Some(excl)) = (all, excluding.or(all)) else {
        return String::new();
    };
    match zero {
        ZeroForecast::Known { requests: 0 } | ZeroForecast::Unknown => String::new(),
        ZeroForecast::Inconsistent => format!(
            "Dividing the stated totals gives {}; the stated percentage cannot come from them, however many of the requests came from parties with a zero forecast.",
            shown(Some(all)),
        ),
        ZeroForecast::Known { requests } => format!(
            "All requests are {} of the forecast; the {} requests from parties with a zero forecast are left out of the report's percentage, which gives {}.",
            shown(Some(all)),
            thousands(requests),
            shown(Some(excl)),
        ),
        ZeroForecast::Implied { low: 0, high, about: 0 } => format!(
            "Dividing the stated totals gives {}, which the stated percentage agrees with once rounded: no requests from parties with a zero forecast are needed to explain it (up to {} could hide in the rounding).",
            shown(Some(all)),
            thousands(high),
        ),
        ZeroForecast::Implied { low, high, about } => format!(
            "Dividing the stated totals gives {}; the stated percentage leaves out the requests of parties with a zero forecast, which it implies were about {} (between {} and {}, as the percentage is rounded). Implied by the report's figures, not stated in it.",
            shown(Some(all)),
            thousands(about),
            thousands(low),
            thousands(high),
        ),
    }
}

#[cfg(test)]
mod tests;
