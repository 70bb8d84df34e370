//! What the report gets wrong, gathered from every check the calculator
//! already makes: printed levels against computed, restatements, reported
//! credits against computed and against their parts, the OPR submission's
//! totals, and claims made in words. Each finding names what to open to see
//! its working.

use super::claims::{ClaimCheck, Verdict};
use super::Computed;
use crate::engine::catalogue::Provider;
use crate::engine::credit_table::{reconcile, CheckKind};
use crate::engine::format::decimal;
use crate::engine::margin::{Agreement, YearMargin};
use crate::engine::period::Month;
use crate::engine::results::MeasureResult;
use serde::Serialize;

/// Where a finding's explanation is.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Subject {
    /// A measure's result: its explanation panel.
    Measure {
        period: Month,
        measure: String,
        provider: Provider,
    },
    /// The credits checks.
    Credits,
    /// The claim at this index of the review's claims.
    Claim { index: usize },
    /// An OPR year's checks.
    Opr { year: String },
}

/// What kind of discrepancy.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FindingKind {
    /// A printed level differs from the level computed from its counts.
    PrintedLevel,
    /// A later report gives a period another figure.
    Restatement,
    /// A reported credit differs from the computed one.
    Credit,
    /// A reported total differs from the sum of its reported parts.
    TotalOfParts,
    /// A statement in words differs from the figures.
    Claim,
    /// The OPR submission's figure differs from the computed one.
    Opr,
}

impl FindingKind {
    pub fn label(self) -> &'static str {
        match self {
            FindingKind::PrintedLevel => "Printed level",
            FindingKind::Restatement => "Restated",
            FindingKind::Credit => "Service credit",
            FindingKind::TotalOfParts => "Total of parts",
            FindingKind::Claim => "Claim in words",
            FindingKind::Opr => "OPR margin",
        }
    }
}

/// One discrepancy.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub kind: FindingKind,
    /// What is compared: "CSPC CH1.3, March 2021".
    pub what: String,
    pub stated: String,
    pub computed: String,
    pub note: Option<String>,
    pub subject: Subject,
}

fn measure_subject(r: &MeasureResult) -> Subject {
    Subject::Measure {
        period: r.period,
        measure: r.measure.clone(),
        provider: r.provider,
    }
}

/// Every discrepancy about `month`'s report.
pub(crate) fn gather(
    c: &Computed,
    month: Month,
    shown: &[&MeasureResult],
    claims: &[ClaimCheck],
    year: Option<&YearMargin>,
) -> Vec<Finding> {
    let mut out = Vec::new();
    for r in shown {
        if let Some(k) = r.reported_check.as_ref().filter(|k| !k.agrees) {
            out.push(Finding {
                kind: FindingKind::PrintedLevel,
                what: format!("{} {}, {}", r.provider, r.measure, r.period_label),
                stated: format!("{}%", decimal(k.reported, k.decimals)),
                computed: format!("{}%", decimal(k.computed_rounded, k.decimals)),
                note: k.matches_truncation.then(|| {
                    "the printed figure is the computed level truncated, not rounded".into()
                }),
                subject: measure_subject(r),
            });
        }
    }
    // Restated in this month's report: the row is an earlier period's.
    let restated = c.results.rows.iter().filter_map(|r| {
        let x = r.restatement.as_ref()?;
        (x.restated_report == Some(month)).then_some((r, x))
    });
    for (r, x) in restated {
        out.push(Finding {
            kind: FindingKind::Restatement,
            what: format!("{} {}, {}", r.provider, r.measure, r.period_label),
            stated: x.original_display.clone(),
            computed: r.display.clone(),
            note: Some(format!(
                "first reported {}{}; restated in the {} report",
                x.original_display,
                x.original_report.map_or(String::new(), |m| format!(
                    " in the {} report",
                    m.long_name()
                )),
                month.long_name()
            )),
            subject: measure_subject(r),
        });
    }
    for k in reconcile(c.credits, c.data)
        .into_iter()
        .filter(|k| k.period == month && !k.agrees)
    {
        out.push(Finding {
            kind: match k.kind {
                CheckKind::AgainstComputed => FindingKind::Credit,
                CheckKind::TotalOfParts => FindingKind::TotalOfParts,
            },
            what: k.what,
            stated: k.reported,
            computed: k.other,
            note: k.note,
            subject: Subject::Credits,
        });
    }
    for (i, k) in claims.iter().enumerate() {
        if let Verdict::Differs { by } = &k.verdict {
            out.push(Finding {
                kind: FindingKind::Claim,
                what: format!(
                    "{} {}: \u{201c}{}\u{201d}",
                    k.claim.provider, k.claim.measure, k.claim.stated
                ),
                stated: k.claim.stated.to_string(),
                computed: k.computed.clone(),
                note: Some(by.clone()),
                subject: Subject::Claim { index: i },
            });
        }
    }
    if let Some(y) = year {
        for k in y
            .checks
            .iter()
            .filter(|k| k.agreement == Agreement::Differs)
        {
            out.push(Finding {
                kind: FindingKind::Opr,
                what: format!("{}: {}", y.year, k.what),
                stated: k.stated.clone(),
                computed: k.computed.clone(),
                note: Some(k.note.clone()).filter(|n| !n.is_empty()),
                subject: Subject::Opr {
                    year: y.year.clone(),
                },
            });
        }
    }
    out
}
