//! The companies that owe service credits, as the PMR's credit tables name
//! them (§14, Tables 29 and 30), and the fleet each table covers.
//!
//! A company may hold several contracts: Telefonica runs both CSP Central
//! and CSP South, and its column in Table 29 is the sum of the two.

use crate::engine::catalogue::Provider;
use serde::{Deserialize, Serialize};
use std::fmt;

/// A column of the report's 12-month credit tables.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Party {
    Arqiva,
    Bt,
    Cgi,
    Telefonica,
    Sie,
    Capgemini,
    Vodafone,
    Critical,
    Secure,
    Dxc,
    Mds,
}

/// One of the report's two credit tables, or both together (§15's total).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Fleet {
    Smets2,
    Smets1,
    All,
}

impl Party {
    /// In the report's column order: Table 29, then Table 30, then the
    /// SMETS1 providers the tables leave out.
    pub const ALL: [Party; 11] = [
        Party::Arqiva,
        Party::Bt,
        Party::Cgi,
        Party::Telefonica,
        Party::Sie,
        Party::Capgemini,
        Party::Vodafone,
        Party::Critical,
        Party::Secure,
        Party::Dxc,
        Party::Mds,
    ];

    /// Who owes credits on a provider's measures; `None` for the DCC's own CPMs.
    pub fn of(provider: Provider) -> Option<Party> {
        Some(match provider {
            Provider::Dcc => return None,
            Provider::Dsp => Party::Cgi,
            Provider::Cspn => Party::Arqiva,
            Provider::Cspc | Provider::Csps => Party::Telefonica,
            Provider::Tsp => Party::Bt,
            Provider::Sie => Party::Sie,
            Provider::Capgemini => Party::Capgemini,
            Provider::Secure => Party::Secure,
            Provider::Dxc => Party::Dxc,
            Provider::Vodafone => Party::Vodafone,
            Provider::Critical => Party::Critical,
            Provider::Mds => Party::Mds,
        })
    }

    /// The contracts a party holds.
    pub fn providers(self) -> Vec<Provider> {
        Provider::ALL
            .into_iter()
            .filter(|p| Party::of(*p) == Some(self))
            .collect()
    }

    pub fn fleet(self) -> Fleet {
        match self {
            Party::Arqiva | Party::Bt | Party::Cgi | Party::Telefonica => Fleet::Smets2,
            _ => Fleet::Smets1,
        }
    }

    /// Whether the report's table has a column for it (DXC and MDS have none).
    pub fn in_report_table(self) -> bool {
        !matches!(self, Party::Dxc | Party::Mds)
    }

    /// As the report's column heads spell it.
    pub fn name(self) -> &'static str {
        match self {
            Party::Arqiva => "Arqiva",
            Party::Bt => "BT",
            Party::Cgi => "CGI",
            Party::Telefonica => "Telefonica",
            Party::Sie => "SIE",
            Party::Capgemini => "Capgemini",
            Party::Vodafone => "Vodafone",
            Party::Critical => "Critical",
            Party::Secure => "Secure",
            Party::Dxc => "DXC",
            Party::Mds => "MDS",
        }
    }

    /// Reads a column head or a provider code: `Arqiva`, `BT`, `CSPN`,
    /// `Telefonica`, `Critical Software`. A provider code maps to its party.
    pub fn parse(text: &str) -> Option<Party> {
        let key = key(text);
        let named = Party::ALL
            .into_iter()
            .find(|p| p.name().eq_ignore_ascii_case(&key));
        named.or(match key.as_str() {
            "TELEFONICAO2" | "O2" => Some(Party::Telefonica),
            "CRITICALSOFTWARE" => Some(Party::Critical),
            _ => Provider::parse(text).and_then(Party::of),
        })
    }
}

impl fmt::Display for Party {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl Fleet {
    pub fn parties(self) -> Vec<Party> {
        Party::ALL
            .into_iter()
            .filter(|p| self == Fleet::All || p.fleet() == self)
            .collect()
    }

    pub fn name(self) -> &'static str {
        match self {
            Fleet::Smets2 => "SMETS2",
            Fleet::Smets1 => "SMETS1",
            Fleet::All => "All",
        }
    }

    /// `SMETS2`, `SMETS1`, `All` / `Total`, ignoring case and spacing.
    pub fn parse(text: &str) -> Option<Fleet> {
        let key = key(text);
        match key.as_str() {
            "SMETS2" => Some(Fleet::Smets2),
            "SMETS1" => Some(Fleet::Smets1),
            "ALL" | "TOTAL" | "DCC" => Some(Fleet::All),
            _ => None,
        }
    }
}

/// Letters and digits only, upper case: how names are compared.
fn key(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .collect::<String>()
        .to_ascii_uppercase()
}

impl fmt::Display for Fleet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_read_back() {
        for (text, want) in [
            ("Arqiva", Some(Party::Arqiva)),
            ("CSPN", Some(Party::Arqiva)),
            ("CSP South", Some(Party::Telefonica)),
            ("Telefonica", Some(Party::Telefonica)),
            ("BT", Some(Party::Bt)),
            ("DSP", Some(Party::Cgi)),
            ("Critical Software", Some(Party::Critical)),
            ("DCC", None),
            ("nobody", None),
        ] {
            assert_eq!(Party::parse(text), want, "{text}");
        }
        for p in Party::ALL {
            assert_eq!(Party::parse(p.name()), Some(p));
        }
    }

    #[test]
    fn telefonica_holds_two_contracts() {
        assert_eq!(
            Party::Telefonica.providers(),
            vec![Provider::Cspc, Provider::Csps]
        );
        assert_eq!(Fleet::Smets2.parties().len(), 4);
        assert_eq!(Fleet::Smets1.parties().len(), 7);
    }
}
