//! The reports the Operations Group reviews each month beside the service
//! levels: [`variance`], the forecast variance of certificate signing
//! requests (SEC L8.9) and service requests (SEC H3.24), with [`due`], when
//! such a report is due in working days; [`rdp`], the Registration Data
//! Provider incidents and their carry-over (SEC Appendix AG 2.5.10); and
//! [`problems`], the problem records open against earlier reports.

pub mod due;
pub mod problems;
pub mod rdp;
pub mod variance;
