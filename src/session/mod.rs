//! The session outside the UI: the work, its history and what is on show,
//! with the actions that change them ([`state::State`], [`state::Action`]).
//! Plain Rust over [`crate::engine`] and [`crate::io`], so it runs natively
//! in the tests and in the browser alike; `ui::state` makes it Yew's reducer.

mod actions;
mod parts;
pub mod saved;
pub mod state;
