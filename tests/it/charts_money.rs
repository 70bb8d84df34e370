//! The money charts: credits by company per month (the 12-month tables'
//! figures, pending never £0) and the OPR margin kept and lost, one year and
//! two scenarios side by side; each tested on the SVG, hotspots, text and table.

use dcc_perf::chart::{credits, opr, Chart};
use dcc_perf::engine::credit_table::{year_tables, Source, YearTables};
use dcc_perf::engine::credits::{compute, Credits};
use dcc_perf::engine::margin::{self, YearMargin};
use dcc_perf::engine::opr::RegimeYear;
use dcc_perf::engine::scheme::CreditScheme;
use dcc_perf::engine::{evaluate, Dataset, Month, Settings};
use dcc_perf::io;

fn m(s: &str) -> Month {
    s.parse().unwrap()
}

fn tables(source: Source) -> YearTables {
    let data = io::sample();
    let c = compute(
        &evaluate(&data, Settings::default()),
        &CreditScheme::default(),
    );
    year_tables(&c, &data, m("2021-03"), source)
}

fn ry(name: &str) -> RegimeYear {
    io::regime::sample().year(name).unwrap().clone()
}

fn margin_of(y: &RegimeYear) -> YearMargin {
    let results = evaluate(&io::sample(), Settings::default());
    margin::compute(y, Some(&results))
}

fn labels(c: &Chart) -> Vec<&str> {
    c.hotspots.iter().map(|h| h.label.as_str()).collect()
}

/// Text drawn in the SVG: plotters escapes it, so compare escaped.
fn svg_has(c: &Chart, text: &str) -> bool {
    c.svg.contains(text)
}

#[test]
fn credits_chart_shows_march_2021_as_the_tables_do() {
    let t = tables(Source::ReportedFirst);
    let c = credits::by_provider(&t);
    let spots = labels(&c);
    for want in [
        "Arqiva, March 2021: £43,198 (reported)",
        "CGI, March 2021: £1,357 (reported)",
        "Capgemini, March 2021: £5,688 (reported)",
        // The report's £0 for Telefonica is a credit still under discussion.
        "March 2021: total £50,243 + pending (Telefonica)",
        "June 2020: total £95,496 + pending (Telefonica)",
    ] {
        assert!(spots.contains(&want), "{want} not in {spots:#?}");
    }
    // Telefonica's £0 has no segment, so no hotspot of its own in March.
    assert!(!spots
        .iter()
        .any(|l| l.starts_with("Telefonica, March 2021")));
    // One hotspot per non-zero segment, and one per month's total.
    let segments: usize = t
        .tables
        .iter()
        .flat_map(|f| f.rows.iter().flat_map(|r| r.cells.iter()))
        .filter(|c| {
            c.shown
                .and_then(|a| a.money())
                .is_some_and(|g| !g.is_zero())
        })
        .count();
    assert_eq!(c.hotspots.len(), segments + 12);
    for name in ["Arqiva", "CGI", "Telefonica", "SIE", "Capgemini"] {
        assert!(svg_has(&c, &format!("\n{name}\n</text>")), "legend {name}");
    }
    assert!(svg_has(&c, "£50,243"));
    assert!(svg_has(&c, "+ pending"));
    assert!(svg_has(&c, "Service credits (£)"));
    assert!(svg_has(&c, "£50,000"), "pound tick labels");
    // The table: month × company + total, the same words as the tooltips.
    assert_eq!(c.table.headers.first().map(String::as_str), Some("Month"));
    assert_eq!(c.table.headers.last().map(String::as_str), Some("Total"));
    let march = c.table.rows.last().unwrap();
    assert_eq!(march[0], "March 2021");
    assert_eq!(march[1], "£43,198");
    assert_eq!(march[4], "£0; computed: pending");
    assert_eq!(march.last().unwrap(), "£50,243 + pending (Telefonica)");
    assert!(
        c.description.contains("Arqiva has the most"),
        "{}",
        c.description
    );
    assert!(
        c.description.contains("August 2020: £132,866"),
        "{}",
        c.description
    );
    assert!(
        c.description.contains("June 2020, March 2021"),
        "{}",
        c.description
    );
}

#[test]
fn credits_chart_follows_the_chosen_source() {
    let c = credits::by_provider(&tables(Source::Computed));
    // Only the loaded months have computed figures.
    assert!(c.table.rows.len() < 12, "{:?}", c.table.rows);
    assert!(labels(&c)
        .iter()
        .any(|l| l.starts_with("Arqiva, March 2021: £43,198 (computed)")));
}

#[test]
fn opr_year_chart_reproduces_table_7() {
    let c = opr::year_margin(&margin_of(&ry("RY23/24")));
    for code in ["SUM1", "SDM1", "SDM2"] {
        let row = c.table.rows.iter().find(|r| r[0] == code).unwrap();
        assert_eq!((row[3].as_str(), row[4].as_str()), ("2.086", "0.000"));
        assert!(labels(&c).contains(
            &format!("{code} kept: £2.086m (£2,086,000) of £2.086m (100% kept)").as_str()
        ));
    }
    let vmm1 = c.table.rows.iter().find(|r| r[0] == "VMM1").unwrap();
    assert_eq!((vmm1[3].as_str(), vmm1[4].as_str()), ("1.080", "0.261"));
    assert!(svg_has(&c, "kept £1.080m, lost £0.261m"));
    assert!(labels(&c)
        .iter()
        .any(|l| l.starts_with("VMM1 lost: £0.261m (£261,048)")));
    let total = c.table.rows.last().unwrap();
    assert_eq!(&total[..5], ["Total", "", "8.938", "8.379", "0.559"]);
    assert!(
        c.description.contains("kept £8.379m, lost £0.559m"),
        "{}",
        c.description
    );
    // Zero-weighted measures carry no margin and are not drawn.
    assert!(!c.table.rows.iter().any(|r| r[0] == "SUM2"));
    // Every non-zero segment has a hotspot: 3 full bars, 2 split.
    assert_eq!(c.hotspots.len(), 7);
}

#[test]
fn opr_side_by_side_shows_the_difference() {
    let base = margin_of(&ry("RY23/24"));
    let mut y = ry("RY23/24");
    y.measure_mut("SDM1").unwrap().parts[0].performance = Some("97.5".parse().unwrap());
    let what_if = margin_of(&y);
    let c = opr::side_by_side(("Baseline", &base), ("SDM1 at 97.5", &what_if));
    let sdm1 = c.table.rows.iter().find(|r| r[0] == "SDM1").unwrap();
    assert_eq!(
        sdm1,
        &["SDM1", "2.086", "0.000", "1.738", "0.348", "−£347,666.67"]
    );
    assert_eq!(c.table.rows.last().unwrap()[5], "−£347,666.67");
    assert!(labels(&c)
        .iter()
        .any(|l| l.starts_with("SDM1 at 97.5: SDM1 lost: £0.348m") && l.ends_with("−£347,666.67")));
    assert!(svg_has(&c, "SDM1 at 97.5: kept £1.738m, lost £0.348m"));
    assert!(svg_has(&c, "Baseline: kept £2.086m, lost £0.000m"));
    assert!(
        c.description.contains("SDM1 −£347,666.67"),
        "{}",
        c.description
    );
    // The same year on both sides differs in nothing.
    let same = opr::side_by_side(("A", &base), ("B", &base));
    assert!(same
        .description
        .contains("No measure's kept margin differs"));
}

#[test]
fn empty_inputs_do_not_panic() {
    let data = Dataset::default();
    let t = year_tables(&Credits::default(), &data, m("2021-03"), Source::Computed);
    let c = credits::by_provider(&t);
    assert!(c.hotspots.is_empty());
    assert!(c.description.contains("No service credits"));
    let mut y = ry("RY23/24");
    y.measures.clear();
    let empty = margin::compute(&y, None);
    let c = opr::year_margin(&empty);
    assert!(c.hotspots.is_empty() && c.description.contains("no weighted measures"));
    let c = opr::side_by_side(("A", &empty), ("B", &empty));
    assert!(c.hotspots.is_empty());
    // One side empty: the other's bars still drawn.
    let full = margin_of(&ry("RY23/24"));
    let c = opr::side_by_side(("A", &empty), ("B", &full));
    assert!(!c.hotspots.is_empty() && c.svg.contains("<svg"));
}

/// A credits file may state any amount: five companies at £10²² each in one
/// month stacked past i64 and panicked the chart (found in review).
#[test]
fn huge_stated_credits_stack_without_panic() {
    let mut csv = String::from("period,party,measure,points,credits,reported_in,note\n");
    for company in ["Arqiva", "BT", "CGI", "Telefonica", "SIE"] {
        csv.push_str(&format!(
            "2021-03,{company},,,10000000000000000000000,2021-05,\n"
        ));
    }
    let import = io::read("huge.csv", csv.as_bytes());
    assert!(import.is_clean(), "{:?}", import.errors);
    let data = import.dataset;
    let results = evaluate(&data, Settings::default());
    let c = compute(&results, &CreditScheme::default());
    let t = year_tables(&c, &data, m("2021-03"), Source::Reported);
    let chart = credits::by_provider(&t);
    assert_eq!(chart.hotspots.len(), 5 + 1, "five segments and the total");
}
