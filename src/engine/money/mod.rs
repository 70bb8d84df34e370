//! Service points and credits: the scheme, the credits it gives, and the 12-month tables with their checks.

pub mod credit_table;
pub mod credits;
pub mod scheme;
