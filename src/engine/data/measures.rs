//! The measures of the March 2021 PMR with their targets and minimums, one
//! line a measure: the data the catalogue is built from.

use super::catalogue::Provider;
/// Row shapes of the table below, to keep it one line a measure.
#[derive(Clone, Copy)]
pub(super) enum Kind {
    /// monthly percent, higher is better
    Pct,
    /// quarterly percent
    Qtr,
    /// monthly count, lower is better
    Cnt,
    /// monthly percent KPI without service credit
    Kpi,
    /// PM12.2 power outage formula
    Out,
    /// derived CPM
    Der,
    /// CPM from incident counts
    Inc,
}

use Kind::*;
use Provider::*;

/// (provider, code, area, name, kind, target, minimum, feeds)
pub(super) type Row = (
    Provider,
    &'static str,
    &'static str,
    &'static str,
    Kind,
    &'static str,
    &'static str,
    &'static str,
);

#[rustfmt::skip]
pub(super) const TABLE: &[Row] = &[
    // §3 Table 1: Code Performance Measures (SEC H13.1, L8.6)
    (Dcc, "CPM1", "Code Performance Measure", "On-demand service responses delivered within the applicable TRT", Der, "99", "96", ""),
    (Dcc, "CPM2", "Code Performance Measure", "Future-dated service responses delivered within the applicable TRT", Der, "99", "96", ""),
    (Dcc, "CPM3", "Code Performance Measure", "Alerts delivered within the applicable TRT", Der, "99", "96", ""),
    (Dcc, "CPM4", "Code Performance Measure", "Category 1 and 2 incidents resolved within the Target Resolution Time", Inc, "100", "85", ""),
    (Dcc, "CPM5", "Code Performance Measure", "Category 3, 4 and 5 incidents resolved within the Target Resolution Time", Inc, "90", "80", ""),
    (Dcc, "CPM6", "Code Performance Measure", "Availability of the Self Service Interface", Der, "99.5", "98", ""),
    (Dcc, "CPM7", "Code Performance Measure", "SMKI certificates delivered within the applicable TRT", Der, "99", "96", ""),
    (Dcc, "CPM8", "Code Performance Measure", "SMKI repository documents delivered within the applicable TRT", Der, "99", "96", ""),
    // §3 and §4 Table 12: DSP
    (Dsp, "PM1.1", "Response times", "DSP service request times within relevant TRT", Pct, "99", "96", "CPM1"),
    (Dsp, "PM1.2", "Response times", "DSP service response times within relevant TRT", Pct, "99", "96", "CPM2"),
    (Dsp, "PM1.3", "Response times", "DSP service request scheduling times within relevant TRT", Pct, "99", "96", "CPM2"),
    (Dsp, "PM1.4", "Response times", "DCC service request times within relevant TRT", Pct, "99", "96", "CPM1"),
    (Dsp, "PM1.5", "Response times", "DSP alert response times within relevant TRT", Pct, "99", "96", "CPM3"),
    (Dsp, "PM2.1", "Availability", "Service availability – DCC Data Service", Pct, "99.95", "99", ""),
    (Dsp, "PM2.2", "Availability", "Service availability – DCC User Interface", Pct, "99.95", "99", ""),
    (Dsp, "PM2.3", "Availability", "Service availability – DCC Service Management", Pct, "99.5", "98", ""),
    (Dsp, "PM2.4", "Availability", "Service availability – Self Service Interface", Pct, "99.5", "98", "CPM6"),
    (Dsp, "PM2.5", "Availability", "Service availability – Average Interface (DCC internal)", Pct, "95", "90", ""),
    (Dsp, "PM2.7", "Availability", "Service availability – externally exposed test services", Pct, "99", "98", ""),
    (Dsp, "PM3", "Application management", "Category 1 or 2 incidents directly related to a change release within 30 days", Cnt, "0", "5", ""),
    (Dsp, "PM7", "Service management", "Notification of planned maintenance events", Qtr, "100", "90", ""),
    (Dsp, "PM11", "Anomaly detection", "Anomalous service requests", Pct, "99", "96", ""),
    (Dsp, "PM13", "SMKI repository", "Documents stored on the SMKI repository delivered within TRT", Pct, "99", "96", "CPM8"),
    // §3 and §5 Table 13: CSP North
    (Cspn, "PM1.1", "Communications hub connectivity", "First time SMWAN connectivity at install", Pct, "80", "70", ""),
    (Cspn, "PM1.2", "Communications hub connectivity", "First time SMWAN connectivity within 30 days", Pct, "90", "80", ""),
    (Cspn, "PM1.3", "Communications hub connectivity", "First time SMWAN connectivity within 90 days", Qtr, "99", "95", ""),
    (Cspn, "PM1.4", "Communications hub connectivity", "SMWAN connectivity level", Pct, "99.9", "99", ""),
    (Cspn, "PM2", "Firmware", "Category 1 firmware payloads completed within the relevant TRT", Pct, "99", "96", "CPM1"),
    (Cspn, "PM3.1", "HAN commands and alerts", "Category 2 HAN interface commands delivered to the WAN gateway within TRT", Pct, "99", "96", "CPM2"),
    (Cspn, "PM3.2", "HAN commands and alerts", "Category 3 alerts delivered to the WAN gateway within TRT", Pct, "99", "96", "CPM3"),
    (Cspn, "PM4.1", "Round trip times", "RTT2 test HAN interface command delivered within 22 hours", Pct, "99", "96", "CPM2"),
    (Cspn, "PM4.2", "Round trip times", "RTT3 test HAN interface command delivered within 2 hours", Pct, "99", "96", "CPM2"),
    (Cspn, "PM4.3", "Round trip times", "RTT4 test HAN interface command delivered within 25 seconds", Pct, "85", "80", "CPM1"),
    (Cspn, "PM6.2", "Availability", "Availability of the DCC WAN gateway interface", Pct, "99.98", "98.25", ""),
    (Cspn, "PM6.3", "Availability", "Access node availability (KPI, no service credit)", Kpi, "99.8", "", ""),
    (Cspn, "PM7.4", "Incidents", "Severity 3, 4 and 5 incidents resolved within requirement (KPI, no service credit)", Kpi, "99", "", ""),
    (Cspn, "PM10", "Service management", "Notification of planned maintenance events within required target", Qtr, "100", "90", ""),
    (Cspn, "PM11", "Service management", "Accuracy of the coverage database provided to Service Users", Pct, "99", "95", ""),
    (Cspn, "PM12.1", "Power outage events", "Power outage alerts delivered: 50 communications hubs or fewer", Pct, "99", "96", ""),
    (Cspn, "PM12.2", "Power outage events", "Power outage alerts delivered: more than 50 communications hubs", Out, "99", "96", ""),
    (Cspn, "CH1.1", "Communications hub delivery", "Communications hubs delivered on time", Pct, "99", "95", ""),
    (Cspn, "CH1.2", "Communications hub delivery", "Communications hubs accepted by Service Users", Pct, "99.9", "99", ""),
    (Cspn, "CH1.3", "Communications hub delivery", "Communications hubs not faulty following attempted installation", Pct, "99.9", "99.5", ""),
    (Cspn, "CH2.1", "Communications hub incidents", "Communications hub incidents resolved by remote maintenance", Pct, "99", "95", ""),
    // §3 and §6 Table 15: CSP Central (its connectivity measures are numbered differently from CSPN's)
    (Cspc, "PM1.1", "Communications hub connectivity", "First time SMWAN connectivity at install", Pct, "90", "80", ""),
    (Cspc, "PM1.2", "Communications hub connectivity", "First time SMWAN connectivity within 90 days", Qtr, "99", "90", ""),
    (Cspc, "PM1.3", "Communications hub connectivity", "SMWAN connectivity level", Pct, "99.9", "99", ""),
    (Cspc, "PM2", "Firmware", "Category 1 firmware payloads completed within the relevant TRT", Pct, "99", "96", "CPM1"),
    (Cspc, "PM3.1", "HAN commands and alerts", "Category 2 HAN interface commands delivered to the WAN gateway within TRT", Pct, "99", "96", "CPM2"),
    (Cspc, "PM3.2", "HAN commands and alerts", "Category 3 alerts delivered to the WAN gateway within TRT", Pct, "99", "96", "CPM3"),
    (Cspc, "PM4.1", "Round trip times", "RTT2 test HAN interface command delivered within 22 hours", Pct, "99", "96", "CPM2"),
    (Cspc, "PM4.2", "Round trip times", "RTT3 test HAN interface command delivered within 2 hours", Pct, "99", "96", "CPM2"),
    (Cspc, "PM4.3", "Round trip times", "RTT4 test HAN interface command delivered within 25 seconds", Pct, "96", "90", "CPM1"),
    (Cspc, "PM6.2", "Availability", "Availability of the DCC WAN gateway interface", Pct, "100", "98.25", ""),
    (Cspc, "PM10", "Service management", "Notification of planned maintenance events within required target", Qtr, "100", "90", ""),
    (Cspc, "PM11", "Service management", "Accuracy of the coverage database provided to Service Users", Pct, "95", "90", ""),
    (Cspc, "PM12.1", "Power outage events", "Power outage alerts delivered: 50 communications hubs or fewer", Pct, "98", "96", ""),
    (Cspc, "PM12.2", "Power outage events", "Power outage alerts delivered: more than 50 communications hubs", Out, "98", "96", ""),
    (Cspc, "CH1.1", "Communications hub delivery", "Communications hubs delivered on time", Pct, "99", "95", ""),
    (Cspc, "CH1.2", "Communications hub delivery", "Communications hubs accepted by Service Users", Pct, "99.9", "99", ""),
    (Cspc, "CH1.3", "Communications hub delivery", "Communications hubs not faulty following attempted installation", Pct, "99.9", "99.5", ""),
    (Cspc, "CH2.1", "Communications hub incidents", "Communications hub incidents resolved by remote maintenance", Pct, "99", "95", ""),
    // §3 and §7 Table 19: CSP South
    (Csps, "PM1.1", "Communications hub connectivity", "First time SMWAN connectivity at install", Pct, "90", "80", ""),
    (Csps, "PM1.2", "Communications hub connectivity", "First time SMWAN connectivity within 90 days", Qtr, "99", "90", ""),
    (Csps, "PM1.3", "Communications hub connectivity", "SMWAN connectivity level", Pct, "99.9", "99", ""),
    (Csps, "PM2", "Firmware", "Category 1 firmware payloads completed within the relevant TRT", Pct, "99", "96", "CPM1"),
    (Csps, "PM3.1", "HAN commands and alerts", "Category 2 HAN interface commands delivered to the WAN gateway within TRT", Pct, "99", "96", "CPM2"),
    (Csps, "PM3.2", "HAN commands and alerts", "Category 3 alerts delivered to the WAN gateway within TRT", Pct, "99", "96", "CPM3"),
    (Csps, "PM4.1", "Round trip times", "RTT2 test HAN interface command delivered within 22 hours", Pct, "99", "96", "CPM2"),
    (Csps, "PM4.2", "Round trip times", "RTT3 test HAN interface command delivered within 2 hours", Pct, "99", "96", "CPM2"),
    (Csps, "PM4.3", "Round trip times", "RTT4 test HAN interface command delivered within 25 seconds", Pct, "96", "90", "CPM1"),
    (Csps, "PM6.2", "Availability", "Availability of the DCC WAN gateway interface", Pct, "99.98", "98.25", ""),
    (Csps, "PM10", "Service management", "Notification of planned maintenance events within required target", Qtr, "100", "90", ""),
    (Csps, "PM11", "Service management", "Accuracy of the coverage database provided to Service Users", Pct, "95", "90", ""),
    (Csps, "PM12.1", "Power outage events", "Power outage alerts delivered: 50 communications hubs or fewer", Pct, "98", "96", ""),
    (Csps, "PM12.2", "Power outage events", "Power outage alerts delivered: more than 50 communications hubs", Out, "98", "96", ""),
    (Csps, "CH1.1", "Communications hub delivery", "Communications hubs delivered on time", Pct, "99", "95", ""),
    (Csps, "CH1.2", "Communications hub delivery", "Communications hubs accepted by Service Users", Pct, "99.9", "99", ""),
    (Csps, "CH1.3", "Communications hub delivery", "Communications hubs not faulty following attempted installation", Pct, "99.9", "99.5", ""),
    (Csps, "CH2.1", "Communications hub incidents", "Communications hub incidents resolved by remote maintenance", Pct, "99", "95", ""),
    // §3 Table 1: TSP (SMKI)
    (Tsp, "PM1.1", "SMKI", "Batch device certificate requests received 07:00–18:00 available by 06:59 next day", Pct, "100", "95", "CPM7"),
    (Tsp, "PM1.4", "SMKI", "Single certificate requests via RA system within 30 seconds", Pct, "100", "99", "CPM7"),
    (Tsp, "PM1.7", "SMKI", "Single certificate requests via system-to-system interface within 15 seconds", Pct, "100", "99", "CPM7"),
    (Tsp, "PM1.8", "SMKI", "Processed certificate or binding available to the PKI repository within 10 seconds", Pct, "100", "99", "CPM8"),
    // §3 and §8 Table 23: S1SP SIE
    (Sie, "PM1.1", "Response times", "S1SP countersigned service request times within relevant TRT", Pct, "99", "96", "CPM1"),
    (Sie, "PM1.5", "Response times", "S1SP SMETS1 alert response times within relevant TRT", Pct, "99", "96", "CPM3"),
    (Sie, "PM2.1", "Availability", "Service availability – S1SP Data Service (production)", Pct, "99.99", "99.17", ""),
    (Sie, "PM2.2", "Availability", "Service availability – RPS Data Service (production)", Pct, "99.99", "99.17", ""),
    (Sie, "PM2.4", "Availability", "Service availability – S1SP management interface (production)", Pct, "99.5", "98", ""),
    (Sie, "PM2.7", "Availability", "Service availability – test services", Pct, "99", "98", ""),
    (Sie, "PM3.1", "Application management", "Category 1 or 2 incidents directly related to a change release within 30 days", Cnt, "0", "1", ""),
    (Sie, "PM3.2", "Application management", "Category 3, 4 or 5 incidents directly related to a change release within 30 days", Cnt, "0", "5", ""),
    (Sie, "PM7", "Service management", "Planned maintenance events", Qtr, "100", "90", ""),
    // §3 and §9 Table 24: S1SP Capgemini (DCO)
    (Capgemini, "PM1.1", "Response times", "S1SP countersigned service request times within relevant TRT", Pct, "99", "96", "CPM1"),
    (Capgemini, "PM2.1", "Availability", "Service availability – DCO service (production)", Pct, "99.99", "99.59", ""),
    (Capgemini, "PM2.2", "Availability", "Service availability – CP service (production)", Pct, "99.95", "99.17", ""),
    (Capgemini, "PM3.1", "Application management", "Category 1 or 2 incidents directly related to a change release within 30 days", Cnt, "0", "1", ""),
    (Capgemini, "PM3.2", "Application management", "Category 3, 4 or 5 incidents directly related to a change release within 30 days", Cnt, "0", "5", ""),
    // §3 and §13 Table 28: S1SP Secure
    (Secure, "PM1.1", "Response times", "S1SP countersigned service request times within relevant TRT", Pct, "99", "96", "CPM1"),
    (Secure, "PM1.5", "Response times", "S1SP SMETS1 alert response times within relevant TRT", Pct, "99", "96", "CPM3"),
    (Secure, "PM2.1", "Availability", "Service availability – S1SP Data Service (production)", Pct, "99.3", "98", ""),
    (Secure, "PM2.4", "Availability", "Service availability – S1SP management interface (production)", Pct, "99.3", "98", ""),
    (Secure, "PM2.7", "Availability", "Service availability – test services", Pct, "99", "98", ""),
    (Secure, "PM3.1", "Application management", "Category 1 or 2 incidents directly related to a change release within 30 days", Cnt, "0", "1", ""),
    (Secure, "PM3.2", "Application management", "Category 3, 4 or 5 incidents directly related to a change release within 30 days", Cnt, "0", "5", ""),
    (Secure, "PM7", "Service management", "Planned maintenance events", Qtr, "100", "90", ""),
    // §3 Table 1: S1SP DXC
    (Dxc, "PM1.1", "Response times", "S1SP countersigned service request times within relevant TRT", Pct, "99", "96", "CPM1"),
    (Dxc, "PM1.5", "Response times", "S1SP SMETS1 alert response times within relevant TRT", Pct, "99", "96", "CPM3"),
    // §10 Table 25: S1CSP Vodafone (the report gives these no numbers; the codes are ours)
    (Vodafone, "VF-RAN", "Availability", "Monthly availability of the radio network across the VF-UK network", Pct, "99", "99", ""),
    (Vodafone, "VF-IOT-MGMT", "Availability", "Combined monthly IoT core and management service availability", Pct, "99.7", "99.7", ""),
    (Vodafone, "VF-IOT-CORE", "Availability", "Monthly IoT core availability (voice, data, SMS)", Pct, "99.9", "99.9", ""),
    (Vodafone, "VF-MGMT", "Availability", "Monthly management service availability (API, reporting, provisioning, GUI, portal)", Pct, "99.7", "99.7", ""),
    (Vodafone, "VF-LINKS", "Availability", "Monthly availability of DCC dedicated fixed links", Pct, "99.95", "99.95", ""),
    // §11 Table 26: S1SP Critical Software
    (Critical, "PM3.1", "Application management", "Category 1 or 2 incidents directly related to a change release within 30 days", Cnt, "0", "1", ""),
    (Critical, "PM3.2", "Application management", "Category 3, 4 or 5 incidents directly related to a change release within 30 days", Cnt, "0", "5", ""),
    // §12 Table 27: S1SP Morrison Data Services
    (Mds, "PM7", "Service management", "Notification of planned maintenance events within required target", Qtr, "100", "90", ""),
];
