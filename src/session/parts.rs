//! What the session holds: the work by identity and its snapshots, an
//! import waiting to be accepted, and what each view is showing.

use crate::engine::credit_table::Source;
use crate::engine::opr::Regime;
use crate::engine::scheme::CreditScheme;
use crate::engine::{Dataset, Month, Provider};
use crate::io::sheet::Choices;
use crate::io::Import;
use std::rc::Rc;

/// How the measures table is grouped.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Grouping {
    /// Each CPM followed by its component measures, then the rest by provider.
    ByCpm,
    /// One section per provider, in report order.
    ByProvider,
}

/// A result's identity: period, measure code, provider.
pub type ResultKey = crate::engine::MeasureKey;

/// A value compared by identity, so memoised results recompute only when
/// it is replaced, not compared field by field on every render.
#[derive(Debug)]
pub struct ByRef<T>(pub Rc<T>);

impl<T> ByRef<T> {
    pub fn new(value: T) -> ByRef<T> {
        ByRef(Rc::new(value))
    }
}

// By hand: a derive would ask `T: Clone`, which an `Rc` does not need.
impl<T> Clone for ByRef<T> {
    fn clone(&self) -> Self {
        ByRef(Rc::clone(&self.0))
    }
}

impl<T> PartialEq for ByRef<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// The figures, by identity.
pub type DataRef = ByRef<Dataset>;
/// The credit scheme, by identity.
pub type SchemeRef = ByRef<CreditScheme>;
/// The OPR years, by identity.
pub type RegimeRef = ByRef<Regime>;

/// One side of a side-by-side comparison.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Side {
    Baseline,
    Current,
    /// A named scenario, by name.
    Named(String),
}

/// The OPR year shown when nothing else is chosen: the latest with a submission.
pub const DEFAULT_OPR_YEAR: &str = "RY23/24";

/// Which page is on show.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum View {
    /// The month on one page: the first view.
    Month,
    Levels,
    Credits,
    Opr,
    Compare,
    /// CPMs over time and the status grid.
    Trends,
    /// The other reports: forecast variance, RDP incidents, problem records.
    Reports,
}

/// Which part of the credits page is on show.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CreditTab {
    Month,
    Year,
    Checks,
    Scheme,
}

/// A credit line's identity: period, measure code, provider (one key type,
/// one field order, for results and credit lines alike).
pub type LineKey = crate::engine::MeasureKey;

/// An import checked and waiting for the user to accept or cancel it.
#[derive(Debug, PartialEq)]
pub struct Pending {
    pub import: Import,
    pub timing: Option<Timing>,
    /// The text it was read from, kept to read it again with answers
    /// (`None` for a workbook sheet: [`State::workbook`] keeps those).
    pub source: Option<Rc<Pasted>>,
    /// The answers it was read with.
    pub choices: Choices,
}

impl Pending {
    /// The import read again with `choices`: from the text it was read
    /// from, or from `workbook`'s chosen sheet if it came from there. `None`
    /// when what it came from is gone. The app calls this in the part of it
    /// that holds the readers, then dispatches [`Action::Answered`].
    ///
    /// [`Action::Answered`]: super::state::Action::Answered
    pub fn reread(&self, workbook: Option<&Workbook>, choices: &Choices) -> Option<Import> {
        match (&self.source, workbook) {
            (Some(t), _) => Some(crate::io::read_with(&t.file, &t.bytes, choices)),
            (None, Some(w)) if self.import.file.starts_with(&format!("{}, sheet ", w.file)) => {
                let grid = w.sheets.get(w.chosen)?;
                Some(crate::io::workbook::read_sheet(&w.file, grid, choices))
            }
            _ => None,
        }
    }
}

/// Whether two optional workbooks are the same one (by pointer: comparing
/// their sheets cell by cell on every draw would cost more than drawing).
pub fn same_workbook(a: &Option<Rc<Workbook>>, b: &Option<Rc<Workbook>>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => Rc::ptr_eq(a, b),
        (a, b) => a.is_none() && b.is_none(),
    }
}

/// A pasted block or uploaded text, as read.
#[derive(Debug, PartialEq)]
pub struct Pasted {
    pub file: String,
    pub bytes: Vec<u8>,
}

/// A workbook read in the sheet worker: its sheets as grids, and the one
/// chosen.
#[derive(Debug, PartialEq)]
pub struct Workbook {
    pub file: String,
    pub sheets: Rc<Vec<crate::io::sheet::Grid>>,
    pub chosen: usize,
}

/// How long an import took, in ms, as `performance.now()` measures it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Timing {
    /// From choosing the file (or pasting) to the checked result.
    pub total_ms: f64,
    /// Of which reading the file's bytes (uploads only); for a file read
    /// in parts, reading its head.
    pub read_ms: Option<f64>,
    /// Read in parts as it arrived (a big incident list).
    pub in_parts: bool,
    /// Its second half read by the import worker meanwhile, and joined:
    /// how long the page then waited for the worker after its own half, in
    /// milliseconds (to balance the halves).
    pub halves: Option<f64>,
}

/// A file being read in steps: name, bytes done, bytes in all.
pub type Progress = (String, u64, u64);

/// What each view is showing: the tab, the month, selections and choices.
/// Kept apart from the work: none of it changes a figure, and undo leaves it.
#[derive(Clone, Debug, PartialEq)]
pub struct Showing {
    /// The month on show; `None` means the latest loaded.
    pub month: Option<Month>,
    pub grouping: Grouping,
    pub only_misses: bool,
    pub selected: Option<ResultKey>,
    /// The figure being edited in the table.
    pub editing: Option<ResultKey>,
    pub view: View,
    pub credit_tab: CreditTab,
    pub credit_source: Source,
    pub credit_selected: Option<LineKey>,
    /// The OPR year on show, by name.
    pub opr_year: String,
    /// The OPR measure and part whose working is open: (code, part index).
    pub opr_selected: Option<(String, usize)>,
    /// The two sides compared, left and right.
    pub compare: (Side, Side),
    /// The measure and provider the trend chart shows: CSP North PM2
    /// (firmware within TRT) until the user picks another.
    pub trend: (String, Provider),
}
