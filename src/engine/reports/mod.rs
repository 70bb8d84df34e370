//! The reports the Operations Group reviews each month beside the service
//! levels: so far [`variance`], the forecast variance of certificate
//! signing requests (SEC L8.9) and service requests (SEC H3.24), and
//! [`due`], when such a report is due in working days.

pub mod due;
pub mod variance;
