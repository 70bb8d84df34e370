//! The session ([`crate::session`]) as Yew's reducer: the root owns one
//! [`State`] and every component sends [`Action`]s.

pub use crate::session::state::*;
use std::rc::Rc;
use yew::Reducible;

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        match self.reduced(action) {
            Some(next) => Rc::new(next),
            // Unchanged: the same Rc, so nothing re-renders.
            None => self,
        }
    }
}
