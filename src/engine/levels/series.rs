//! Where the rows of [`Results`] are: each key's position, each series' run
//! of rows, the months with a monthly result, and the series with a number.
//!
//! Rows are sorted by catalogue order, then period, so one measure of one
//! provider (a series) is one run of rows, oldest first. An edit in place
//! moves no row ([`Results::after`]), so the layout is shared by the results
//! before and after it; what a view asks of one month or one series is then
//! found without walking five years of rows.

use super::results::{Key, MeasureResult, Results};
use crate::engine::catalogue::{Catalogue, Provider};
use crate::engine::period::{Cadence, Month};
use std::collections::HashMap;
use std::ops::Range;
use std::rc::Rc;

/// Positions in `rows`, worked out once when the rows are set.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(super) struct Layout {
    /// Where each key's row is.
    index: HashMap<Key, usize>,
    /// Each series' rows, in row order (catalogue order).
    runs: Vec<Range<usize>>,
    /// Which run is each catalogued series'.
    run_of: HashMap<(&'static str, Provider), usize>,
    /// Months with a monthly result, newest first.
    months: Vec<Month>,
}

impl Layout {
    pub(super) fn of(rows: &[Rc<MeasureResult>]) -> Layout {
        let cat = Catalogue::builtin();
        let mut layout = Layout::default();
        for (i, r) in rows.iter().enumerate() {
            let code = cat.get(&r.measure, r.provider).map(|d| d.code);
            if let Some(code) = code {
                layout.index.insert((r.period, code, r.provider), i);
            }
            let same = i > 0 && {
                let p = &rows[i - 1];
                p.provider == r.provider && p.measure == r.measure
            };
            match layout.runs.last_mut() {
                Some(run) if same => run.end = i + 1,
                _ => {
                    if let Some(code) = code {
                        layout
                            .run_of
                            .entry((code, r.provider))
                            .or_insert(layout.runs.len());
                    }
                    layout.runs.push(i..i + 1);
                }
            }
            if r.cadence == Cadence::Monthly {
                layout.months.push(r.period);
            }
        }
        crate::engine::order::sort_by(&mut layout.months, |a, b| b.cmp(a));
        layout.months.dedup();
        layout
    }

    pub(super) fn position(&self, key: &Key) -> Option<usize> {
        self.index.get(key).copied()
    }

    pub(super) fn months(&self) -> &[Month] {
        &self.months
    }
}

impl Results {
    /// One measure's rows for one provider, oldest first (empty if it has
    /// none).
    pub fn series(&self, measure: &str, provider: Provider) -> &[Rc<MeasureResult>] {
        Catalogue::builtin()
            .get(measure, provider)
            .and_then(|d| self.layout.run_of.get(&(d.code, provider)))
            .and_then(|&run| self.rows.get(self.layout.runs[run].clone()))
            .unwrap_or_default()
    }

    /// The rows of `periods` with their places in [`Results::rows`], in
    /// row order: found in each series by bisecting its months (a series is
    /// oldest first), so the cost is the number of series, not the years
    /// loaded.
    pub fn rows_of(&self, periods: &[Month]) -> Vec<(usize, &MeasureResult)> {
        let mut wanted = periods.to_vec();
        crate::engine::order::sort(&mut wanted);
        wanted.dedup();
        let mut out = Vec::new();
        for run in &self.layout.runs {
            let rows = &self.rows[run.clone()];
            for m in &wanted {
                let from = rows.partition_point(|r| r.period < *m);
                let to = from + rows[from..].partition_point(|r| r.period == *m);
                out.extend((from..to).map(|i| (run.start + i, &*rows[i])));
            }
        }
        out
    }

    /// Rows shown in the monthly report for `view`: monthly measures of that
    /// month and the latest quarter of quarterly ones
    /// ([`Cadence::shows_in`]), in row order.
    pub fn for_month(&self, view: Month) -> Vec<&MeasureResult> {
        let mut out = Vec::new();
        for run in &self.layout.runs {
            let rows = &self.rows[run.clone()];
            // The rows up to `view` (a series is oldest first); those on
            // show are the last few of them.
            let upto = rows.partition_point(|r| r.period <= view);
            let first = rows[..upto]
                .iter()
                .rposition(|r| !r.cadence.shows_in(r.period, view))
                .map_or(0, |i| i + 1);
            out.extend(rows[first..upto].iter().map(|r| &**r));
        }
        out
    }

    /// Where in `rows` is the first row with a number of each series that
    /// has one, in row order: what a trend can be drawn of. The same `Rc`
    /// until an edit gives a row a number or takes one away (a level
    /// changed keeps it), so a view can keep what it made of it.
    pub fn charted(&self) -> Rc<Vec<usize>> {
        self.charted.clone()
    }
}

/// [`Results::charted`] worked out from the rows.
pub(super) fn charted(rows: &[Rc<MeasureResult>], layout: &Layout) -> Rc<Vec<usize>> {
    Rc::new(
        layout
            .runs
            .iter()
            .filter_map(|run| {
                let first = rows[run.clone()]
                    .iter()
                    .position(|r| r.level.number().is_some())?;
                Some(run.start + first)
            })
            .collect(),
    )
}
