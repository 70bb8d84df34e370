//! Properties of the OPR margin over random regulatory years: kept plus lost
//! is the margin at risk, kept never falls when a performance level rises,
//! "what would it take" keeps what it promises, and extreme figures do not
//! panic.

use dcc_perf::engine::margin::{compute, share_at};
use dcc_perf::engine::opr::{
    Combined, CurvePoint, LossCurve, OprMeasure, Part, RegimeYear, Region, Scale,
};
use dcc_perf::engine::opr_whatif::needed;
use dcc_perf::engine::Month;
use proptest::prelude::*;
use rust_decimal::Decimal;

/// A decimal from an integer count of hundredths.
fn cents(n: i64) -> Decimal {
    Decimal::new(n, 2)
}

fn tiny() -> Decimal {
    Decimal::new(1, 15)
}

fn curve() -> impl Strategy<Value = LossCurve> {
    prop_oneof![
        Just(LossCurve::Linear),
        Just(LossCurve::Step),
        prop::collection::vec((1u32..99, 0u32..=100), 0..4).prop_map(|mut pts| {
            // Rising in position, never falling in share kept.
            pts.sort();
            pts.dedup_by_key(|p| p.0);
            let mut kept = 0;
            let points = pts
                .into_iter()
                .map(|(at, k)| {
                    kept = kept.max(k);
                    CurvePoint {
                        at: Decimal::from(at),
                        kept: Decimal::from(kept),
                    }
                })
                .collect();
            LossCurve::Points { points }
        }),
    ]
}

fn scale() -> impl Strategy<Value = Scale> {
    prop_oneof![
        (0i64..9_900, 1i64..1_000).prop_map(|(mpl, gap)| Scale::Levels {
            mpl: cents(mpl),
            tpl: cents(mpl + gap)
        }),
        (1i64..10).prop_map(|m| Scale::Score {
            max: Decimal::from(m)
        }),
    ]
}

fn measure(i: usize) -> impl Strategy<Value = OprMeasure> {
    (
        scale(),
        0i64..=10_000,
        prop::option::of(0i64..1_000_000_000),
        prop::collection::vec((0u32..5, prop::option::of(0i64..11_000), 0usize..4), 1..5),
    )
        .prop_map(move |(scale, weight, margin, parts)| {
            let max = match scale {
                Scale::Levels { .. } => cents(11_000),
                Scale::Score { max } => max,
            };
            let mut parts: Vec<Part> = parts
                .into_iter()
                .map(|(share, perf, region)| Part {
                    name: None,
                    region: Region::ALL.get(region).copied(),
                    share: Decimal::from(share),
                    metrics: Vec::new(),
                    performance: perf.map(|p| cents(p).min(max)),
                    decided: None,
                })
                .collect();
            if parts.iter().all(|p| p.share.is_zero()) {
                parts[0].share = Decimal::ONE;
            }
            OprMeasure {
                code: format!("M{i}"),
                name: format!("measure {i}"),
                group: format!("group {}", i % 2),
                weight: cents(weight),
                margin: margin.map(cents),
                scale,
                parts,
                reported: None,
            }
        })
}

fn year() -> impl Strategy<Value = RegimeYear> {
    (0i64..2_000_000_000_000, curve(), 1usize..6)
        .prop_flat_map(|(risk, curve, n)| {
            let measures: Vec<_> = (0..n).map(measure).collect();
            (Just(risk), Just(curve), measures)
        })
        .prop_map(|(risk, curve, measures)| RegimeYear {
            name: "RY".into(),
            start: Month::literal(2023, 4),
            margin_at_risk: cents(risk),
            curve,
            measures,
            notes: Vec::new(),
            reported: None,
            combined: vec![Combined {
                name: "both groups".into(),
                groups: vec!["group 0".into(), "group 1".into()],
                reported: None,
            }],
        })
}

proptest! {
    #[test]
    fn kept_plus_lost_is_the_margin_at_risk(y in year()) {
        prop_assert!(y.problems().is_empty(), "{:?}", y.problems());
        let m = compute(&y, None);
        for mm in &m.measures {
            prop_assert_eq!(mm.kept + mm.lost + mm.unassessed, mm.margin, "{}", mm.code);
            prop_assert!(mm.kept >= Decimal::ZERO);
            prop_assert!(mm.lost >= Decimal::ZERO, "{} lost {}", mm.code, mm.lost);
            prop_assert!(mm.kept <= mm.margin);
            let parts = mm.parts.iter().fold(Decimal::ZERO, |a, p| a + p.margin);
            prop_assert_eq!(parts, mm.margin, "parts add up to the measure");
            let weighted = y.margin_at_risk * mm.weight / Decimal::ONE_HUNDRED;
            let spec = y.measure(&mm.code).unwrap();
            let want = spec.margin.unwrap_or(weighted).round_dp_with_strategy(6, rust_decimal::RoundingStrategy::MidpointNearestEven);
            prop_assert_eq!(mm.margin, want);
        }
        prop_assert_eq!(m.kept + m.lost + m.unassessed, m.allocated);
        // Both groups together are the whole year.
        let both = &m.combined[0];
        prop_assert_eq!((both.kept, both.lost, both.margin), (m.kept, m.lost, m.allocated));
    }

    #[test]
    fn kept_never_falls_when_a_level_rises(
        y in year(),
        pick in 0usize..100,
        rise in 0i64..2_000,
    ) {
        let before = compute(&y, None);
        let mi = pick % y.measures.len();
        let pi = pick % y.measures[mi].parts.len();
        let mut up = y.clone();
        let scale = up.measures[mi].scale;
        let part = &mut up.measures[mi].parts[pi];
        let Some(p) = part.performance else { return Ok(()) };
        let raised = p + cents(rise);
        part.performance = Some(match scale {
            Scale::Score { max } => raised.min(max),
            Scale::Levels { .. } => raised,
        });
        let after = compute(&up, None);
        prop_assert!(
            after.measures[mi].kept >= before.measures[mi].kept,
            "{} → {}: kept {} → {}",
            p,
            raised,
            before.measures[mi].kept,
            after.measures[mi].kept
        );
        prop_assert!(after.kept >= before.kept);
    }

    #[test]
    fn what_it_takes_keeps_what_it_promises(s in scale(), c in curve(), k in 0u32..=100) {
        let want = Decimal::from(k);
        let n = needed(s, &c, want);
        let (kept, _) = share_at(s, &c, n.performance);
        prop_assert!(kept >= want - tiny(), "needs {} keeps {} < {}", n.performance, kept, want);
    }

    #[test]
    fn extreme_figures_do_not_panic(
        risk in prop_oneof![Just(Decimal::MAX), Just(Decimal::ZERO), Just(Decimal::new(1, 28))],
        perf in prop_oneof![Just(Decimal::MAX), Just(Decimal::ZERO), Just(Decimal::new(-1, 0))],
        c in curve(),
    ) {
        let y = RegimeYear {
            name: "RY".into(),
            start: Month::literal(2023, 4),
            margin_at_risk: risk,
            curve: c,
            measures: vec![OprMeasure {
                code: "X".into(),
                name: "x".into(),
                group: "g".into(),
                weight: Decimal::ONE_HUNDRED,
                margin: None,
                scale: Scale::Levels { tpl: Decimal::MAX, mpl: Decimal::MIN },
                parts: vec![Part {
                    name: None,
                    region: None,
                    share: Decimal::MAX,
                    metrics: Vec::new(),
                    performance: Some(perf),
                    decided: None,
                }],
                reported: None,
            }],
            notes: Vec::new(),
            reported: None,
            combined: Vec::new(),
        };
        let m = compute(&y, None);
        prop_assert_eq!(m.measures.len(), 1);
        // Saturated, never wrapped or negative: what is kept and lost stays
        // within the measure's margin, and its one part is assessed.
        let mm = &m.measures[0];
        prop_assert!(mm.margin >= Decimal::ZERO, "margin {}", mm.margin);
        prop_assert!(mm.kept >= Decimal::ZERO && mm.lost >= Decimal::ZERO, "kept {} lost {}", mm.kept, mm.lost);
        prop_assert!(mm.kept <= mm.margin && mm.lost <= mm.margin, "kept {} lost {} of {}", mm.kept, mm.lost, mm.margin);
        prop_assert_eq!(mm.unassessed, Decimal::ZERO);
        if let Some(share) = mm.share_kept {
            prop_assert!((Decimal::ZERO..=Decimal::ONE_HUNDRED).contains(&share), "share {}", share);
        }
        // No margin at risk, nothing to keep or lose.
        if risk.is_zero() {
            prop_assert_eq!((mm.margin, mm.kept, mm.lost), (Decimal::ZERO, Decimal::ZERO, Decimal::ZERO));
        }
        prop_assert!(m.kept >= Decimal::ZERO && m.lost >= Decimal::ZERO);
    }
}
