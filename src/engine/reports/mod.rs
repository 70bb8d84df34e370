//! The reports the Operations Group reviews each month beside the service
//! levels: [`variance`], the forecast variance of certificate signing
//! requests (SEC L8.9) and service requests (SEC H3.24), with [`due`], when
//! such a report is due in working days; [`rdp`], the Registration Data
//! Provider incidents and their carry-over (SEC Appendix AG 2.5.10);
//! [`problems`], the problem records open against earlier reports;
//! [`exclusions`], the events excluded from measures, by reason, with the
//! totals the report states; and [`aged`], the incidents still open by
//! the month they were raised, their ages and the report's claims.

pub mod aged;
pub mod due;
pub mod excluded;
pub mod exclusions;
mod findings;
pub mod problems;
pub mod rdp;
pub mod variance;

pub use findings::findings;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// The other reports' figures, as loaded together (the app keeps them
/// apart from the service levels' work: they share no figure).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportFigures {
    #[serde(default)]
    pub variance: Vec<variance::VarianceMonth>,
    #[serde(default)]
    pub rdp: Vec<rdp::RdpMonth>,
    #[serde(default)]
    pub problems: problems::Problems,
    #[serde(default)]
    pub exclusions: Vec<exclusions::ExclusionList>,
    /// Tables 9 and 10 of each report loaded, oldest first.
    #[serde(default)]
    pub aged: Vec<aged::AgedTable>,
    /// The bank holidays due days skip, where the user has set them; the
    /// shipped England and Wales list otherwise ([`due::england_and_wales`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub holidays: Option<Vec<due::Day>>,
}

impl ReportFigures {
    /// The bank holidays in use: the user's, or the shipped list.
    pub fn holidays(&self) -> Vec<due::Day> {
        self.holidays.clone().unwrap_or_else(due::england_and_wales)
    }

    /// `incoming` variance months replace loaded ones of the same report
    /// and month; the rest are kept. Gives how many were new and replaced.
    pub fn merge_variance(&mut self, incoming: Vec<variance::VarianceMonth>) -> (usize, usize) {
        merge(&mut self.variance, incoming, |m| (m.report, m.period))
    }

    /// As [`ReportFigures::merge_variance`], by table and report month.
    pub fn merge_aged(&mut self, incoming: Vec<aged::AgedTable>) -> (usize, usize) {
        merge(&mut self.aged, incoming, |t| (t.report, t.assigned))
    }

    /// As [`ReportFigures::merge_variance`], by month.
    pub fn merge_rdp(&mut self, incoming: Vec<rdp::RdpMonth>) -> (usize, usize) {
        merge(&mut self.rdp, incoming, |m| m.period)
    }
}

/// Merges by key, kept sorted by it: (new, replaced).
fn merge<T, K: Ord>(
    loaded: &mut Vec<T>,
    incoming: Vec<T>,
    key: impl Fn(&T) -> K,
) -> (usize, usize) {
    let (mut new, mut replaced) = (0, 0);
    for x in incoming {
        match loaded.binary_search_by(|y| key(y).cmp(&key(&x))) {
            Ok(i) => {
                loaded[i] = x;
                replaced += 1;
            }
            Err(i) => {
                loaded.insert(i, x);
                new += 1;
            }
        }
    }
    (new, replaced)
}

/// `part` as a percentage of `whole`, exact to 28 digits; `None` for a zero whole.
fn percent_of(part: u64, whole: u64) -> Option<Decimal> {
    if whole == 0 {
        return None;
    }
    Decimal::from(part)
        .checked_mul(Decimal::ONE_HUNDRED)?
        .checked_div(Decimal::from(whole))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn merging_replaces_the_same_month_and_keeps_order() {
        let m = |p: &str, n: u64| rdp::RdpMonth {
            period: p.parse().unwrap(),
            open_at_start: None,
            opened: Some(n),
            resolved: None,
            reassigned: None,
            open_at_end: None,
            note: None,
        };
        let mut f = ReportFigures {
            rdp: vec![m("2021-06", 1), m("2021-08", 1)],
            ..ReportFigures::default()
        };
        assert_eq!(f.merge_rdp(vec![m("2021-08", 2), m("2021-07", 3)]), (1, 1));
        let got: Vec<(String, Option<u64>)> = f
            .rdp
            .iter()
            .map(|x| (x.period.to_string(), x.opened))
            .collect();
        assert_eq!(
            got,
            [
                ("2021-06".into(), Some(1)),
                ("2021-07".into(), Some(3)),
                ("2021-08".into(), Some(2))
            ]
        );
    }
}
