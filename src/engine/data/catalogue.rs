//! The measure catalogue: every measure in the March 2021 Performance
//! Measurement Report (PMR), sections 3 to 13, with its levels.
//!
//! Targets and minimums come from the report's own tables (Table 1 for the
//! CPMs, Tables 12 to 28 for the providers). Targets change over time, so a
//! measure carries a list of [`Levels`] each valid from a month; the list is
//! data, not code, and a caller may add to it.

use crate::engine::period::{Cadence, Month};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::fmt;
use std::sync::OnceLock;

/// Who a measure belongs to. The CPMs belong to the DCC itself.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum Provider {
    Dcc,
    Dsp,
    Cspn,
    Cspc,
    Csps,
    Tsp,
    Sie,
    Capgemini,
    Secure,
    Dxc,
    Vodafone,
    Critical,
    Mds,
}

impl Provider {
    pub const ALL: [Provider; 13] = [
        Provider::Dcc,
        Provider::Dsp,
        Provider::Cspn,
        Provider::Cspc,
        Provider::Csps,
        Provider::Tsp,
        Provider::Sie,
        Provider::Capgemini,
        Provider::Secure,
        Provider::Dxc,
        Provider::Vodafone,
        Provider::Critical,
        Provider::Mds,
    ];

    /// The short code used in files and on screen.
    pub fn code(self) -> &'static str {
        match self {
            Provider::Dcc => "DCC",
            Provider::Dsp => "DSP",
            Provider::Cspn => "CSPN",
            Provider::Cspc => "CSPC",
            Provider::Csps => "CSPS",
            Provider::Tsp => "TSP",
            Provider::Sie => "SIE",
            Provider::Capgemini => "CAPGEMINI",
            Provider::Secure => "SECURE",
            Provider::Dxc => "DXC",
            Provider::Vodafone => "VODAFONE",
            Provider::Critical => "CRITICAL",
            Provider::Mds => "MDS",
        }
    }

    /// The role and company, as the report's section headings name them.
    pub fn name(self) -> &'static str {
        match self {
            Provider::Dcc => "DCC (Code Performance Measures)",
            Provider::Dsp => "DSP – Data Service Provider (CGI)",
            Provider::Cspn => "CSP North (Arqiva)",
            Provider::Cspc => "CSP Central (Telefonica)",
            Provider::Csps => "CSP South (Telefonica)",
            Provider::Tsp => "TSP – SMKI (BT)",
            Provider::Sie => "S1SP SIE",
            Provider::Capgemini => "S1SP Capgemini (DCO)",
            Provider::Secure => "S1SP Secure",
            Provider::Dxc => "S1SP DXC",
            Provider::Vodafone => "S1CSP Vodafone",
            Provider::Critical => "S1SP Critical Software",
            Provider::Mds => "S1SP Morrison Data Services",
        }
    }

    /// Reads a provider as reports and spreadsheets write it: `CSPN`,
    /// `CSP N`, `CSP North`, `S1SP Capgemini`, `DCO` and so on. Case, spaces,
    /// hyphens and a leading `S1SP`/`S1CSP` are ignored.
    pub fn parse(text: &str) -> Option<Provider> {
        let mut key: String = text
            .chars()
            .filter(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_uppercase();
        for prefix in ["S1SP", "S1CSP"] {
            if key.len() > prefix.len() && key.starts_with(prefix) {
                key = key[prefix.len()..].to_string();
            }
        }
        Some(match key.as_str() {
            "DCC" | "CPM" => Provider::Dcc,
            "DSP" | "CGI" => Provider::Dsp,
            "CSPN" | "CSPNORTH" | "NORTH" | "ARQIVA" => Provider::Cspn,
            "CSPC" | "CSPCENTRAL" | "CENTRAL" => Provider::Cspc,
            "CSPS" | "CSPSOUTH" | "SOUTH" => Provider::Csps,
            "TSP" | "BT" | "SMKI" => Provider::Tsp,
            "SIE" => Provider::Sie,
            "CAPGEMINI" | "DCO" => Provider::Capgemini,
            "SECURE" => Provider::Secure,
            "DXC" => Provider::Dxc,
            "VODAFONE" | "VF" => Provider::Vodafone,
            "CRITICAL" | "CRITICALSOFTWARE" => Provider::Critical,
            "MDS" | "MORRISON" | "MORRISONDATASERVICES" => Provider::Mds,
            _ => return None,
        })
    }
}

impl fmt::Display for Provider {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// What a level counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Unit {
    Percent,
    Count,
}

/// Which way is good.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    HigherIsBetter,
    LowerIsBetter,
}

/// How a measure's level is formed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Basis {
    /// Reported as a level, or `successes / total × 100` from counts.
    Ratio,
    /// CSP PM12.2 by its Schedule 2.2 formula.
    PowerOutage,
    /// A CPM formed from its component provider measures.
    Derived,
    /// CPM4 / CPM5 from incidents closed in the month, by category.
    Incidents,
}

/// Target and minimum service levels valid from a month onwards.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Levels {
    pub from: Month,
    pub target: Decimal,
    /// `None` where the source gives no minimum (the CSPN KPIs in §14).
    pub minimum: Option<Decimal>,
}

/// One measure of one provider.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct MeasureDef {
    /// As the report numbers it: `CPM1`, `PM1.1`, `CH1.3`, `VF-CORE`.
    pub code: &'static str,
    pub provider: Provider,
    pub area: &'static str,
    pub name: &'static str,
    pub cadence: Cadence,
    pub unit: Unit,
    pub direction: Direction,
    pub basis: Basis,
    /// Oldest first.
    pub levels: Vec<Levels>,
    /// The CPM this measure is a component of.
    pub feeds: Option<&'static str>,
    /// A KPI carries no service credit.
    pub kpi: bool,
}

impl MeasureDef {
    /// The incident categories an incident measure counts (SEC H13.1):
    /// CPM4 categories 1–2, CPM5 categories 3–5. `None` for other measures.
    pub fn incident_categories(&self) -> Option<std::ops::RangeInclusive<u8>> {
        match (self.basis, self.code) {
            (Basis::Incidents, "CPM4") => Some(1..=2),
            (Basis::Incidents, _) => Some(3..=5),
            _ => None,
        }
    }

    /// Whether `category` belongs to this measure's incident categories.
    pub fn counts_category(&self, category: u8) -> bool {
        self.incident_categories()
            .is_some_and(|r| r.contains(&category))
    }

    /// The levels in force for `period`: the latest whose `from` is not after it.
    pub fn levels_at(&self, period: Month) -> Option<&Levels> {
        self.levels.iter().rev().find(|l| l.from <= period)
    }
}

/// Row shapes of the table below, to keep it one line a measure.
#[derive(Clone, Copy)]
enum Kind {
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
type Row = (
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
const TABLE: &[Row] = &[
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

/// The earliest month the built-in levels are taken to apply from. The
/// report gives levels as in force in March 2021; nothing older is claimed.
pub const LEVELS_FROM: (i32, u8) = (2018, 1);

/// All measures, looked up by code and provider.
#[derive(Debug)]
pub struct Catalogue {
    measures: Vec<MeasureDef>,
    /// By code, then provider: looked up without allocating, since every
    /// result of every month asks (a five-year dataset asks ~13,000 times).
    index: HashMap<&'static str, Vec<(Provider, usize)>>,
}

impl Catalogue {
    /// The built-in catalogue of the March 2021 PMR.
    pub fn builtin() -> &'static Catalogue {
        static CAT: OnceLock<Catalogue> = OnceLock::new();
        CAT.get_or_init(|| Catalogue::from_table(TABLE))
    }

    fn from_table(rows: &[Row]) -> Catalogue {
        // A row the table gets wrong is left out rather than panicking at
        // start-up; a test checks that every row makes a measure.
        let from = Month::new(LEVELS_FROM.0, LEVELS_FROM.1);
        let dec = |s: &str| s.parse::<Decimal>().ok();
        let measures: Vec<MeasureDef> = rows
            .iter()
            .filter_map(
                |&(provider, code, area, name, kind, target, minimum, feeds)| {
                    let minimum = match minimum {
                        "" => None,
                        m => Some(dec(m)?),
                    };
                    let levels = vec![Levels {
                        from: from?,
                        target: dec(target)?,
                        minimum,
                    }];
                    let (cadence, unit, direction, basis, kpi) = match kind {
                        Pct => (
                            Cadence::Monthly,
                            Unit::Percent,
                            Direction::HigherIsBetter,
                            Basis::Ratio,
                            false,
                        ),
                        Qtr => (
                            Cadence::Quarterly,
                            Unit::Percent,
                            Direction::HigherIsBetter,
                            Basis::Ratio,
                            false,
                        ),
                        Cnt => (
                            Cadence::Monthly,
                            Unit::Count,
                            Direction::LowerIsBetter,
                            Basis::Ratio,
                            false,
                        ),
                        Kpi => (
                            Cadence::Monthly,
                            Unit::Percent,
                            Direction::HigherIsBetter,
                            Basis::Ratio,
                            true,
                        ),
                        Out => (
                            Cadence::Monthly,
                            Unit::Percent,
                            Direction::HigherIsBetter,
                            Basis::PowerOutage,
                            false,
                        ),
                        Der => (
                            Cadence::Monthly,
                            Unit::Percent,
                            Direction::HigherIsBetter,
                            Basis::Derived,
                            false,
                        ),
                        Inc => (
                            Cadence::Monthly,
                            Unit::Percent,
                            Direction::HigherIsBetter,
                            Basis::Incidents,
                            false,
                        ),
                    };
                    Some(MeasureDef {
                        code,
                        provider,
                        area,
                        name,
                        cadence,
                        unit,
                        direction,
                        basis,
                        levels,
                        feeds: (!feeds.is_empty()).then_some(feeds),
                        kpi,
                    })
                },
            )
            .collect();
        let mut index: HashMap<&'static str, Vec<(Provider, usize)>> = HashMap::new();
        for (i, m) in measures.iter().enumerate() {
            index.entry(m.code).or_default().push((m.provider, i));
        }
        Catalogue { measures, index }
    }

    pub fn measures(&self) -> &[MeasureDef] {
        &self.measures
    }

    pub fn get(&self, code: &str, provider: Provider) -> Option<&MeasureDef> {
        let (_, i) = self.index.get(code)?.iter().find(|(p, _)| *p == provider)?;
        self.measures.get(*i)
    }

    /// Normalises a measure code as reports write it (`PM 1.1`, `pm2`,
    /// `CH PM1.1`, `PM CH1.3`, `1.1` under a provider heading) to the
    /// catalogue's code for `provider`, if there is such a measure.
    pub fn resolve_code(&self, text: &str, provider: Provider) -> Option<&'static str> {
        let compact: String = text
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect::<String>()
            .to_ascii_uppercase();
        let mut candidates = vec![compact.clone()];
        if let Some(rest) = compact
            .strip_prefix("CHPM")
            .or_else(|| compact.strip_prefix("PMCH"))
        {
            candidates.push(format!("CH{rest}"));
        }
        if compact.starts_with(|c: char| c.is_ascii_digit()) {
            candidates.push(format!("PM{compact}"));
        }
        candidates
            .iter()
            .find_map(|c| self.get(c, provider).map(|m| m.code))
    }

    /// Components of a derived CPM, in catalogue order.
    pub fn components_of(&self, cpm: &str) -> Vec<&MeasureDef> {
        self.measures
            .iter()
            .filter(|m| m.feeds == Some(cpm))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_measure_is_unique_and_has_levels() {
        let cat = Catalogue::builtin();
        assert_eq!(
            cat.measures().len(),
            TABLE.len(),
            "every table row makes a measure"
        );
        assert_eq!(
            cat.index.values().map(Vec::len).sum::<usize>(),
            cat.measures().len(),
            "every measure indexed"
        );
        let pairs: std::collections::HashSet<_> = cat
            .measures()
            .iter()
            .map(|m| (m.code, m.provider))
            .collect();
        assert_eq!(pairs.len(), cat.measures().len(), "duplicate code/provider");
        for m in cat.measures() {
            let l = &m.levels[0];
            if let Some(min) = l.minimum {
                match m.direction {
                    Direction::HigherIsBetter => {
                        assert!(min <= l.target, "{} {}", m.provider, m.code)
                    }
                    Direction::LowerIsBetter => {
                        assert!(min >= l.target, "{} {}", m.provider, m.code)
                    }
                }
            }
        }
    }

    #[test]
    fn cpm_components_match_the_domain_brief() {
        let cat = Catalogue::builtin();
        let count = |c| cat.components_of(c).len();
        for (cpm, n) in [
            ("CPM1", 12),
            ("CPM2", 11),
            ("CPM3", 7),
            ("CPM6", 1),
            ("CPM7", 3),
            ("CPM8", 2),
        ] {
            assert_eq!(count(cpm), n, "{cpm}");
        }
        assert_eq!(count("CPM4"), 0);
    }

    #[test]
    fn targets_differ_by_provider() {
        let cat = Catalogue::builtin();
        let t = |p| {
            cat.get("PM4.3", p)
                .map(|m| (m.levels[0].target, m.levels[0].minimum))
        };
        let d = |s: &str| s.parse::<Decimal>().unwrap();
        assert_eq!(t(Cspn), Some((d("85"), Some(d("80")))));
        assert_eq!(t(Cspc), Some((d("96"), Some(d("90")))));
        assert_eq!(t(Csps), Some((d("96"), Some(d("90")))));
    }

    #[test]
    fn names_as_reports_write_them() {
        let cat = Catalogue::builtin();
        for (text, want) in [
            ("CSP N", Some(Cspn)),
            ("CSPN", Some(Cspn)),
            ("CSP North", Some(Cspn)),
            ("csp-central", Some(Cspc)),
            ("S1SP Capgemini", Some(Capgemini)),
            ("S1SP-DXC", Some(Dxc)),
            ("S1CSP Vodafone", Some(Vodafone)),
            ("CSP East", None),
            ("", None),
        ] {
            assert_eq!(Provider::parse(text), want, "{text}");
        }
        for (text, p, want) in [
            ("PM1.1", Dsp, Some("PM1.1")),
            ("pm 2", Cspn, Some("PM2")),
            ("CH PM1.1", Csps, Some("CH1.1")),
            ("PM CH1.3", Cspc, Some("CH1.3")),
            ("12.2", Cspn, Some("PM12.2")),
            ("PM1.4", Cspc, None),
            ("PM99", Dsp, None),
        ] {
            assert_eq!(cat.resolve_code(text, p), want, "{text} {p}");
        }
    }

    #[test]
    fn levels_are_chosen_by_period() {
        let mut m = Catalogue::builtin().get("PM2", Cspn).unwrap().clone();
        let d = |s: &str| s.parse::<Decimal>().unwrap();
        m.levels.push(Levels {
            from: Month::new(2022, 4).unwrap(),
            target: d("98"),
            minimum: Some(d("95")),
        });
        assert_eq!(
            m.levels_at(Month::new(2021, 3).unwrap()).unwrap().target,
            d("99")
        );
        assert_eq!(
            m.levels_at(Month::new(2022, 4).unwrap()).unwrap().target,
            d("98")
        );
        assert!(m.levels_at(Month::new(2017, 12).unwrap()).is_none());
    }
}
