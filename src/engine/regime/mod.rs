//! Ofgem's Operational Performance Regime: the years, the margin kept and lost, the checks of stated figures, and what-ifs.

mod amounts;
pub mod margin;
pub mod margin_checks;
pub mod opr;
pub mod opr_whatif;
mod outcome;
