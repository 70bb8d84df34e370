//! The CPM overview and the status grid drawn from the embedded sample.

use dcc_perf::chart::cpm::cpm_overview;
use dcc_perf::chart::heatmap::{status_grid, status_grid_of};
use dcc_perf::chart::Chart;
use dcc_perf::engine::{evaluate, Compliance, Provider, Results, Settings};

fn results() -> Results {
    evaluate(&dcc_perf::io::sample(), Settings::default())
}

/// The text content of every `<text>` element in an SVG.
fn texts(svg: &str) -> Vec<String> {
    svg.split("<text")
        .skip(1)
        .filter_map(|t| {
            let body = t.split_once('>')?.1;
            Some(body.split("</text>").next()?.trim().to_string())
        })
        .collect()
}

fn write_out(name: &str, c: &Chart) {
    // Kept for looking at by eye: target/charts/*.svg.
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("target/charts");
    let _ = std::fs::create_dir_all(&dir);
    let _ = std::fs::write(dir.join(name), &c.svg);
}

#[test]
fn overview_has_a_panel_per_cpm_with_figures() {
    let r = results();
    let c = cpm_overview(&r);
    write_out("cpm-overview.svg", &c);
    let months = r.months();
    let cpms: Vec<String> = (1..=8)
        .map(|i| format!("CPM{i}"))
        .filter(|code| {
            r.rows.iter().any(|x| {
                x.provider == Provider::Dcc && x.measure == *code && x.level.number().is_some()
            })
        })
        .collect();
    assert!(cpms.len() >= 6, "the sample has most CPMs: {cpms:?}");
    let t = texts(&c.svg);
    for code in &cpms {
        assert!(
            t.iter().any(|x| x.starts_with(&format!("{code} "))),
            "a panel titled {code}: {t:?}"
        );
    }
    let points = r
        .rows
        .iter()
        .filter(|x| x.provider == Provider::Dcc && x.measure.starts_with("CPM"))
        .filter(|x| months.contains(&x.period) && x.level.number().is_some())
        .count();
    assert_eq!(c.hotspots.len(), points);
    // One level line per panel at least, and status marks.
    assert!(c.svg.matches("<polyline").count() >= cpms.len());
    assert!(c.svg.contains("<circle") || c.svg.contains("<polygon"));
    assert!(
        t.iter().any(|x| x.contains("target 99%, minimum 96%")),
        "{t:?}"
    );
    assert!(t.iter().any(|x| x.contains("met target")));
    assert_eq!(c.table.headers.len(), cpms.len() + 1);
    assert_eq!(c.table.rows.len(), months.len());
}

#[test]
fn overview_labels_say_value_status_and_target() {
    let c = cpm_overview(&results());
    let labels: Vec<&str> = c.hotspots.iter().map(|h| h.label.as_str()).collect();
    assert!(
        labels.contains(&"CPM1, March 2021: 92.75%, below minimum (target 99%)"),
        "{labels:?}"
    );
    assert!(
        labels
            .iter()
            .any(|l| l.starts_with("CPM1, February 2021: 93.95%")),
        "{labels:?}"
    );
    assert!(c.description.contains("CPM1"));
    assert!(c.description.contains("latest CPM1, March 2021: 92.75%"));
    for h in &c.hotspots {
        assert!(h.x > 0 && h.x < c.width as i32 && h.y > 0 && h.y < c.height as i32);
    }
}

#[test]
fn grid_has_a_hotspot_per_result_and_the_symbols() {
    let r = results();
    let c = status_grid(&r);
    write_out("status-grid.svg", &c);
    let months = r.months();
    let shown = r.rows.iter().filter(|x| months.contains(&x.period)).count();
    assert_eq!(c.hotspots.len(), shown);
    let t = texts(&c.svg);
    for s in ["●", "▲", "✖", "–"] {
        assert!(t.iter().any(|x| x == s), "symbol {s} drawn");
    }
    assert!(t.iter().any(|x| x == "CSPN PM2"));
    assert!(t.iter().any(|x| x == "CPM1"));
    assert!(c.svg.contains("<rect"));
    assert!(c
        .hotspots
        .iter()
        .any(|h| h.label == "CSPN PM2, March 2021: 23.74%, below minimum"));
    assert!(c.description.contains("Below minimum in March 2021"));
    assert!(c.description.contains("CSPN PM2 (23.74%)"));
    // CPMs first, then the providers' measures.
    assert_eq!(c.table.rows.first().map(|r| r[0].as_str()), Some("CPM1"));
    // Legible: the height grows with the rows.
    assert!(c.height as usize >= 16 * c.table.rows.len());
}

#[test]
fn grid_cells_carry_their_status_symbol() {
    let c = status_grid(&results());
    let cell = |label: &str, month: &str| {
        let col = c.table.headers.iter().position(|h| h == month)?;
        let row = c.table.rows.iter().find(|r| r[0] == label)?;
        row.get(col).cloned()
    };
    let cases = [
        ("CPM1", "Mar 2021", "✖ 92.75%"),
        ("CSPN PM2", "Mar 2021", "✖ 23.74%"),
        ("CSPC PM2", "Mar 2021", "● 99.17%"),
        ("DSP PM1.1", "Mar 2021", "● 99.83%"),
    ];
    for (label, month, want) in cases {
        assert_eq!(cell(label, month).as_deref(), Some(want), "{label} {month}");
    }
}

#[test]
fn grid_can_show_only_misses() {
    let r = results();
    let all = status_grid(&r);
    let some = status_grid_of(&r, true);
    assert!(some.table.rows.len() < all.table.rows.len());
    assert!(some.table.rows.iter().any(|x| x[0] == "CSPN PM2"));
    let misses = |row: &Vec<String>| row.iter().any(|v| v.starts_with('▲') || v.starts_with('✖'));
    assert!(some.table.rows.iter().all(misses));
}

#[test]
fn empty_results_draw_nothing_without_panic() {
    let empty = Results::new(Settings::default(), Vec::new(), Vec::new());
    let c = cpm_overview(&empty);
    assert!(
        c.description.contains("nothing to draw"),
        "{}",
        c.description
    );
    assert!(c.hotspots.is_empty());
    let g = status_grid(&empty);
    assert!(
        g.description.contains("nothing to draw"),
        "{}",
        g.description
    );
    assert!(g.hotspots.is_empty());
    let _ = Compliance::NotAssessed;
}
