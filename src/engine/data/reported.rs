//! Service credits as a report states them: per measure (§14's text), per
//! company and month (Tables 29 and 30), per table and month (their "Total"
//! column), and overall (§15). They are claims to check against the
//! computed credits and against their own parts, never inputs to trust.

use crate::engine::catalogue::Provider;
use crate::engine::parties::{Fleet, Party};
use crate::engine::period::Month;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::fmt;

/// What a reported credit figure is about.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum CreditScope {
    /// One measure of one provider (§14: "175 Service Points … £43,198").
    Measure { measure: String, provider: Provider },
    /// A company's cell in Table 29 or 30.
    Party { party: Party },
    /// A table's "Total" column (`smets2`, `smets1`), or §15's overall total (`all`).
    Total { fleet: Fleet },
}

impl fmt::Display for CreditScope {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CreditScope::Measure { measure, provider } => write!(f, "{provider} {measure}"),
            CreditScope::Party { party } => write!(f, "{party}"),
            CreditScope::Total { fleet: Fleet::All } => f.write_str("Total, all providers"),
            CreditScope::Total { fleet } => write!(f, "{fleet} total"),
        }
    }
}

/// A credit figure as printed: money, "TBC", or "N/A".
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Amount {
    /// Pounds sterling.
    Money { gbp: Decimal },
    /// "TBC" or "under discussion": not settled, never zero.
    Pending,
    /// "N/A": no credit regime applied (Secure in its first six months).
    NotApplicable,
}

impl Amount {
    pub fn money(self) -> Option<Decimal> {
        match self {
            Amount::Money { gbp } => Some(gbp),
            _ => None,
        }
    }

    /// Reads `£43,198`, `43198`, `TBC`, `pending`, `under discussion`, `N/A`.
    pub fn parse(text: &str) -> Option<Amount> {
        let t = text.trim().trim_end_matches('*').trim();
        let key: String = t
            .chars()
            .filter(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        match key.as_str() {
            "tbc" | "pending" | "underdiscussion" | "tbd" => return Some(Amount::Pending),
            "na" | "notapplicable" | "exempt" => return Some(Amount::NotApplicable),
            _ => {}
        }
        let digits: String = t
            .chars()
            .filter(|c| !matches!(c, '£' | ',' | ' ' | '\u{a0}'))
            .collect();
        let digits = digits.strip_prefix("GBP").unwrap_or(&digits);
        let gbp: Decimal = digits.parse().ok()?;
        (gbp >= Decimal::ZERO).then_some(Amount::Money { gbp })
    }
}

impl fmt::Display for Amount {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Amount::Money { gbp } => f.write_str(&pounds(*gbp)),
            Amount::Pending => f.write_str("TBC"),
            Amount::NotApplicable => f.write_str("N/A"),
        }
    }
}

pub use crate::engine::format::pounds;

/// One credit figure from one report.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReportedCredit {
    pub period: Month,
    pub scope: CreditScope,
    /// Service points, where the report gives them (§14 only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub points: Option<Decimal>,
    pub amount: Amount,
    /// The report that gave the figure.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reported_in: Option<Month>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// What identifies a reported credit: period, scope, report.
pub type CreditKey = (Month, CreditScope, Option<Month>);

impl ReportedCredit {
    pub fn key(&self) -> CreditKey {
        (self.period, self.scope.clone(), self.reported_in)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_as_printed() {
        let money = |s: &str| {
            Some(Amount::Money {
                gbp: s.parse().unwrap(),
            })
        };
        for (text, want) in [
            ("£43,198", money("43198")),
            ("43198", money("43198")),
            ("£0", money("0")),
            ("£0*", money("0")),
            ("GBP 1,357", money("1357")),
            ("1357.02", money("1357.02")),
            ("TBC", Some(Amount::Pending)),
            ("under discussion", Some(Amount::Pending)),
            ("N/A*", Some(Amount::NotApplicable)),
            ("-5", None),
            ("lots", None),
            ("", None),
        ] {
            assert_eq!(Amount::parse(text), want, "{text}");
        }
    }

    #[test]
    fn pounds_show_pence_only_when_there_are_some() {
        assert_eq!(pounds("43198".parse().unwrap()), "£43,198");
        assert_eq!(pounds("1357.025".parse().unwrap()), "£1,357.03");
        assert_eq!(pounds("-189".parse().unwrap()), "−£189");
    }
}
