//! The trend chart, tested on the SVG it produces: CSP North PM2's history
//! with its approximate months, target and minimum, status marks, gaps,
//! restatements, and the description and table that stand in for it.

use crate::helpers::d;
use dcc_perf::chart::trend::trend;
use dcc_perf::chart::Chart;
use dcc_perf::engine::{evaluate, Dataset, Input, Month, Provider, Settings};

fn m(s: &str) -> Month {
    s.parse().unwrap()
}

fn sample_trend(measure: &str, provider: Provider) -> Chart {
    trend(
        &evaluate(&dcc_perf::io::sample(), Settings::default()),
        measure,
        provider,
    )
}

/// The text of every `<text>` element, in order.
fn texts(svg: &str) -> Vec<String> {
    svg.split("<text")
        .skip(1)
        .filter_map(|t| {
            let body = t.split_once('>')?.1;
            Some(body.split_once("</text>")?.0.trim().to_string())
        })
        .collect()
}

#[test]
fn cspn_pm2_opens_with_its_history_against_target() {
    let c = sample_trend("PM2", Provider::Cspn);
    assert_eq!(
        c.title,
        "CSP North (Arqiva) PM2: Category 1 firmware payloads completed within the relevant TRT"
    );
    // One point a month, oldest first, each saying its value, month and status.
    let labels: Vec<&str> = c.hotspots.iter().map(|h| h.label.as_str()).collect();
    assert_eq!(
        labels,
        [
            "December 2020: about 50%, below minimum",
            "January 2021: about 43%, below minimum",
            "February 2021: 35.88%, below minimum",
            "March 2021: 23.74%, below minimum",
        ]
    );
    // Later months sit further right and, falling, lower down.
    assert!(c
        .hotspots
        .windows(2)
        .all(|w| w[1].x > w[0].x && w[1].y > w[0].y));
    let t = texts(&c.svg);
    for want in [
        "Dec 2020",
        "Mar 2021",
        "100%",
        "0%",
        "Service level (%)",
        "Month",
        "✖ below minimum",
    ] {
        assert!(
            t.iter().any(|x| x.contains(want)),
            "no text {want:?} in {t:?}"
        );
    }
    assert!(
        t.iter().any(|x| x.starts_with("CSP North (Arqiva) PM2")),
        "the title is in the SVG, for exports"
    );
    // Target (solid blue) and minimum (dashed vermillion) are drawn for each month.
    assert!(
        c.svg.contains("#0072B2") || c.svg.contains("rgb(0,114,178)"),
        "target colour"
    );
    assert!(
        c.svg.matches("<polyline").count() > 4 + 4,
        "target, minimum and level lines"
    );
    // Approximate months carry a ring as well as their status mark.
    assert_eq!(
        c.svg.matches("r=\"11\"").count(),
        2,
        "two approximate months ringed"
    );
    assert!(
        c.description.contains("below minimum in 4"),
        "{}",
        c.description
    );
    assert!(
        c.description.contains("Target 99%, minimum 96%"),
        "{}",
        c.description
    );
    assert!(
        c.description
            .contains("Approximate (the documents say \"about\"): December 2020, January 2021"),
        "{}",
        c.description
    );
    assert_eq!(
        c.table.headers,
        ["Month", "Level", "Status", "Target", "Minimum", "Note"]
    );
    assert_eq!(
        c.table.rows[3][..3],
        ["March 2021", "23.74%", "✖ Below minimum"]
    );
    assert_eq!(c.table.rows[0][5], "approximate");
}

#[test]
fn gaps_restatements_and_other_measures() {
    // A month with no number leaves a gap; a restated month shows both figures.
    let mut data = Dataset::default();
    let level = |v: &str| Input::Level { level: d(v) };
    for (month, v) in [("2021-01", "99.5"), ("2021-03", "98.5")] {
        data = data.with_input(m(month), "PM2.4", Provider::Dsp, level(v));
    }
    data = data.with_input(
        m("2021-02"),
        "PM2.4",
        Provider::Dsp,
        Input::Status {
            status: dcc_perf::engine::NoValue::NoEvents,
        },
    );
    let c = trend(
        &evaluate(&data, Settings::default()),
        "PM2.4",
        Provider::Dsp,
    );
    let labels: Vec<&str> = c.hotspots.iter().map(|h| h.label.as_str()).collect();
    assert_eq!(
        labels,
        [
            "January 2021: 99.50%, meets target",
            "March 2021: 98.50%, below target"
        ]
    );
    assert!(
        c.description
            .contains("1 month(s) without a number are left as gaps"),
        "{}",
        c.description
    );
    assert_eq!(c.table.rows[1][1], "No Events");
    // Two runs of one point each: no level line joins January to March.
    assert_eq!(level_lines(&c.svg), 0);
    assert_eq!(
        level_lines(&sample_trend("PM2", Provider::Cspn).svg),
        1,
        "one unbroken run"
    );

    // The sample's CSPS CH1.1 February 2021 was restated from 98.75% to 100%.
    let c = sample_trend("CH1.1", Provider::Csps);
    let feb = c
        .hotspots
        .iter()
        .find(|h| h.label.starts_with("February 2021"))
        .unwrap();
    assert!(
        feb.label.contains("first reported as 98.75%"),
        "{}",
        feb.label
    );
    assert!(c
        .table
        .rows
        .iter()
        .any(|r| r[5].contains("restated; first reported as 98.75%")));
}

#[test]
fn nothing_loaded_draws_nothing_and_says_so() {
    let c = trend(
        &evaluate(&Dataset::default(), Settings::default()),
        "PM2",
        Provider::Cspn,
    );
    assert!(c.svg.is_empty());
    assert!(c.hotspots.is_empty());
    assert!(
        c.description.contains("No figures for CSPN PM2"),
        "{}",
        c.description
    );
    // A count measure (DSP PM3: incidents related to a change release) is
    // drawn on a count axis, not in percent. The sample has none, so two
    // months of it are made here.
    let count = |period: &str, n: i64| dcc_perf::engine::Observation {
        period: period.parse().unwrap(),
        measure: "PM3".into(),
        provider: Provider::Dsp,
        input: dcc_perf::engine::Input::Level { level: n.into() },
        reported: None,
        reported_in: None,
        note: None,
        approximate: false,
    };
    let data = Dataset::of([count("2021-02", 2), count("2021-03", 7)]);
    let c = trend(&evaluate(&data, Settings::default()), "PM3", Provider::Dsp);
    assert!(!c.svg.is_empty(), "{}", c.description);
    let labels = texts(&c.svg);
    assert!(labels.iter().any(|t| t == "Count"), "{labels:?}");
    assert!(
        !labels.iter().any(|t| t == "Service level (%)"),
        "{labels:?}"
    );
    assert_eq!(c.hotspots.len(), 2);
}

/// Level lines (black, 2 wide) joining two or more points.
fn level_lines(svg: &str) -> usize {
    svg.split("<polyline")
        .skip(1)
        .filter(|p| p.contains("stroke=\"#000000\" stroke-width=\"2\""))
        .filter(|p| {
            let pts = p
                .split("points=\"")
                .nth(1)
                .and_then(|x| x.split('"').next())
                .unwrap_or("");
            pts.split_whitespace().count() >= 2
        })
        .count()
}

/// The other reports' charts: every month with a value is a point to read,
/// and the description says what stands out.
#[test]
fn variance_and_rdp_charts_read_without_seeing_them() {
    use dcc_perf::chart::reports::{rdp, variance};
    use dcc_perf::engine::reports::{rdp as rdp_engine, variance as v};
    let months: Vec<v::Variance> = dcc_perf::io::variance_csv::sample()
        .iter()
        .map(|m| v::evaluate(m, m.report.thresholds()))
        .collect();
    let csr = variance(v::Report::Csr, &months);
    let labels: Vec<&str> = csr.hotspots.iter().map(|h| h.label.as_str()).collect();
    assert_eq!(
        labels,
        [
            "July 2019: zero forecasts left out 112.8%",
            "July 2019: all requests 124.56%"
        ]
    );
    assert!(
        csr.description
            .contains("1 of them outside at or above 110% of forecast"),
        "{}",
        csr.description
    );
    let balances = rdp_engine::evaluate(&dcc_perf::io::rdp_csv::sample());
    let chart = rdp(&balances);
    assert_eq!(chart.table.rows.len(), 2);
    assert_eq!(chart.table.rows[1], ["August 2021", "4", "8", "12"]);
    assert!(
        chart
            .description
            .ends_with("4 open at the end of August 2021."),
        "{}",
        chart.description
    );
    // July 2019 and August 2021 are 25 months apart on the axis, not side by side.
    let x: Vec<i32> = chart
        .hotspots
        .iter()
        .filter(|h| h.label.contains("open at the end"))
        .map(|h| h.x)
        .collect();
    assert!(x[1] - x[0] > 500, "{x:?}");
}

/// Counts near u64's limit are drawn (clamped), never overflowing the axis.
#[test]
fn huge_report_counts_draw_without_overflow() {
    let text = "period,opened,resolved,open_at_end\n2021-08,,,9000000000000000000\n2021-09,18446744073709551615,0,\n";
    let months = dcc_perf::io::rdp_csv::read("huge.csv", text).unwrap();
    let chart = dcc_perf::chart::reports::rdp(&dcc_perf::engine::reports::rdp::evaluate(&months));
    assert!(chart.svg.contains("<svg"));
    assert_eq!(chart.table.rows[0][1], "9,000,000,000,000,000,000");
}
