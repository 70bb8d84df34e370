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

use super::measures::{Kind::*, Row, TABLE};

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

    /// The measures not in `have`, named "CSPN PM2", in catalogue order.
    pub fn missing(&self, have: &std::collections::HashSet<(&str, Provider)>) -> Vec<String> {
        self.measures
            .iter()
            .filter(|m| !have.contains(&(m.code, m.provider)))
            .map(|m| format!("{} {}", m.provider, m.code))
            .collect()
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
    use Provider::*;

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
