//! What the reader could not decide alone, and the user's answers.
//!
//! A sheet whose columns say nothing known, a provider name that means two
//! contracts, figures that look like fractions of 1: each becomes a
//! [`Question`] on the import (which is then not clean, so cannot be
//! accepted), and reading again with [`Choices`] holding the answer settles
//! it. Choices are plain data, so the app can keep them per sheet
//! [shape](super::SheetSummary::shape) and the command line can give them
//! as options.

use super::layout::{key, ColumnInfo, Role};
use crate::engine::Provider;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The user's answers for one sheet (or every sheet of its shape).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Choices {
    /// Header text, as the sheet writes it, and what that column holds.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub columns: BTreeMap<String, Role>,
    /// A provider name as the sheet writes it (`Telefonica`) and the
    /// provider it means in this sheet.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub providers: BTreeMap<String, Provider>,
    /// What figures between 0 and 1 are, where a sheet has only such.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fractions: Option<Fractions>,
}

impl Choices {
    pub fn is_empty(&self) -> bool {
        self.columns.is_empty() && self.providers.is_empty() && self.fractions.is_none()
    }

    /// The answer for a provider name, compared as [`key`] compares.
    pub fn provider(&self, text: &str) -> Option<Provider> {
        let k = key(text);
        self.providers
            .iter()
            .find(|(t, _)| key(t) == k)
            .map(|(_, p)| *p)
    }
}

/// How to read a column of figures that are all between 0 and 1 for
/// measures whose targets are percentages such as 99.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Fractions {
    /// Spreadsheet percentages: 0.991 is 99.1%.
    Percent,
    /// As printed: 0.991 is 0.991%.
    AsPrinted,
}

/// Something only the user can say.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Question {
    /// No row names every column a table needs: which column is which?
    Columns {
        /// 1-based row taken as the header (the one closest to one).
        header_row: u64,
        /// The roles no column was found for.
        missing: Vec<Role>,
        columns: Vec<ColumnInfo>,
    },
    /// A provider name that means more than one contract.
    Provider {
        text: String,
        choices: Vec<Provider>,
        /// 1-based rows that name it.
        rows: Vec<u64>,
    },
    /// Every level is between 0 and 1: fractions (×100) or as printed?
    Fractions {
        /// The column (or `the month columns`).
        place: String,
        rows: Vec<u64>,
        /// The first few figures, as written.
        examples: Vec<String>,
    },
}

/// The providers a name could mean, where it means more than one: a
/// company that holds several contracts (Telefonica: CSP Central and CSP
/// South) or a role several hold.
pub fn ambiguous(text: &str) -> Option<&'static [Provider]> {
    use Provider::*;
    Some(match key(text).as_str() {
        "telefonica" | "telefonicauk" | "telefonicao2" | "tef" | "o2" | "virginmediao2"
        | "vmo2" | "cspct" => &[Cspc, Csps],
        "csp" | "csps1" | "commsserviceprovider" | "communicationsserviceprovider" => {
            &[Cspn, Cspc, Csps]
        }
        "s1sp" | "smets1serviceprovider" | "smets1sp" => {
            &[Sie, Capgemini, Secure, Dxc, Critical, Mds]
        }
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn choices_keep_as_json_and_find_names_loosely() {
        let mut c = Choices::default();
        assert!(c.is_empty());
        c.columns.insert("Achieved %".into(), Role::Value);
        c.providers.insert("Telefonica".into(), Provider::Csps);
        c.fractions = Some(Fractions::Percent);
        let json = serde_json::to_string(&c).unwrap();
        assert_eq!(
            json,
            r#"{"columns":{"Achieved %":"value"},"providers":{"Telefonica":"CSPS"},"fractions":"percent"}"#
        );
        assert_eq!(serde_json::from_str::<Choices>(&json).unwrap(), c);
        assert_eq!(
            serde_json::from_str::<Choices>("{}").unwrap(),
            Choices::default()
        );
        assert_eq!(c.provider(" TELEFONICA "), Some(Provider::Csps));
        assert_eq!(c.provider("Arqiva"), None);
    }

    #[test]
    fn names_that_mean_more_than_one_provider() {
        assert_eq!(
            ambiguous("Telefónica"),
            Some(&[Provider::Cspc, Provider::Csps][..])
        );
        assert_eq!(ambiguous("CSP").map(<[_]>::len), Some(3));
        assert_eq!(ambiguous("CSP North"), None);
        assert_eq!(ambiguous("Arqiva"), None);
    }
}
