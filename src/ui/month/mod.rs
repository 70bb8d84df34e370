//! The month on one page, the first view: how the DCC did and whether the
//! report is right, from [`crate::engine::review`].
//!
//! - [`month_view::MonthView`]: computes the review and lays it out;
//! - [`scorecard::Scorecard`]: each CPM with a small trend;
//! - [`misses::Misses`]: every measure below target, and what would bring
//!   a CPM back;
//! - [`money::MoneyBox`]: the month's service credits and the OPR year;
//! - [`findings::Findings`]: what the report gets wrong, and
//!   [`claims::Claims`]: its statements in words, checked.

pub mod claims;
pub mod findings;
pub mod misses;
pub mod money;
pub mod month_view;
pub mod scorecard;

use crate::ui::state::{Action, View};
use yew::Callback;

/// A callback opening a measure's explanation on the levels view.
pub fn open_measure(
    on_action: &Callback<Action>,
    period: crate::engine::Month,
    measure: &str,
    provider: crate::engine::Provider,
) -> Callback<yew::MouseEvent> {
    let cb = on_action.clone();
    let key = crate::engine::MeasureKey::new(period, measure, provider);
    Callback::from(move |_| {
        cb.emit(Action::SetView(View::Levels));
        cb.emit(Action::Select(Some(key.clone())));
    })
}
