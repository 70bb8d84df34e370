//! The OPR margin: RY23/24 and RY22/23 reproduced from the shipped years,
//! each mechanism and region split, the loss curve around TPL and MPL, zero
//! weights, weight changes between years, and "what would it take".

use dcc_perf::engine::margin::{compute, millions, Agreement, YearMargin};
use dcc_perf::engine::opr::RegimeYear;
use dcc_perf::io::regime;
use rust_decimal::Decimal;

fn d(s: &str) -> Decimal {
    s.parse().unwrap()
}

fn year(name: &str) -> RegimeYear {
    regime::sample().year(name).cloned().expect(name)
}

fn m(y: &YearMargin, code: &str) -> (String, String) {
    let x = y.measure(code).unwrap();
    (millions(x.kept), millions(x.lost))
}

#[test]
fn ry23_24_reproduces_table_7() {
    let y = compute(&year("RY23/24"), None);
    for code in ["SUM1", "SDM1", "SDM2"] {
        assert_eq!(m(&y, code), ("2.086".into(), "0.000".into()), "{code}");
    }
    assert_eq!(m(&y, "VMM1"), ("1.080".into(), "0.261".into()));
    assert_eq!(m(&y, "VMM2"), ("1.041".into(), "0.298".into()));
    assert_eq!(millions(y.kept), "8.379");
    assert_eq!(millions(y.lost), "0.559");
    assert_eq!(y.kept + y.lost, y.allocated);
    for c in &y.checks {
        println!(
            "{:?} {} | {} | {} | {}",
            c.agreement, c.what, c.stated, c.computed, c.note
        );
    }
    let differs: Vec<&str> = y
        .checks
        .iter()
        .filter(|c| c.agreement == Agreement::Differs)
        .map(|c| c.what.as_str())
        .collect();
    println!("{differs:?}");
    for mm in &y.measures {
        println!("{}", serde_json::to_string(&mm.explanation).unwrap());
        for p in &mm.parts {
            println!("  {}", serde_json::to_string(&p.explanation).unwrap());
        }
    }
}
