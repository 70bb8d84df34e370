//! The CPM overview: each Code Performance Measure with a figure against its
//! target over the loaded months, as small multiples in one SVG (four panels
//! a row). Each panel has its own y range, so a CPM near 99% and one near
//! 85% are both readable; the target is a solid line, the minimum dashed,
//! and the level a line marked by status (shape and colour) with gaps where
//! a month has no number.

use super::{
    from_hundredths, hundredths, nice_step, palette, short, Chart, DataTable, Hotspot, Mark, FONT,
};
use crate::engine::{Compliance, MeasureResult, Month, Provider, Results};
use plotters::coord::Shift;
use plotters::prelude::*;
use rust_decimal::Decimal;

const W: u32 = 1240;
const COLS: usize = 4;
const PANEL_H: u32 = 320;
/// Room above the panels for the title and the legend.
const HEAD: u32 = 64;

/// One CPM's rows, oldest first, with its code and name.
struct Series<'a> {
    code: String,
    name: String,
    rows: Vec<&'a MeasureResult>,
}

/// Picks a target or minimum from a row.
type Level = dyn Fn(&MeasureResult) -> Option<Decimal>;

fn y_of(r: &MeasureResult) -> Option<i64> {
    r.level.number().map(hundredths)
}

fn pct(d: Decimal) -> String {
    format!("{}%", d.normalize())
}

/// "CPM1, March 2021: 92.75%, below minimum (target 99%)".
pub fn point_label(r: &MeasureResult) -> String {
    let mut s = format!(
        "{}, {}: {}, {}",
        r.measure,
        r.period_label,
        r.display,
        r.status.label().to_lowercase()
    );
    if let Some(t) = r.target {
        s.push_str(&format!(" (target {})", pct(t)));
    }
    s
}

/// Every CPM with a number in some loaded month, in report order.
fn series<'a>(results: &'a Results, months: &[Month]) -> Vec<Series<'a>> {
    let mut out: Vec<Series> = Vec::new();
    for r in results
        .rows
        .iter()
        .filter(|r| r.provider == Provider::Dcc && r.measure.starts_with("CPM"))
        .filter(|r| months.contains(&r.period))
    {
        match out.iter_mut().find(|s| s.code == r.measure) {
            Some(s) => s.rows.push(r),
            None => out.push(Series {
                code: r.measure.clone(),
                name: r.name.clone(),
                rows: vec![r],
            }),
        }
    }
    out.retain(|s| s.rows.iter().any(|r| y_of(r).is_some()));
    for s in &mut out {
        s.rows.sort_by_key(|r| r.period);
    }
    out
}

/// A range with room for the level, the target and the minimum, on round
/// steps, never above 100% unless a figure is.
fn y_range(s: &Series) -> (i64, i64, i64) {
    let values: Vec<i64> = s
        .rows
        .iter()
        .filter_map(|r| y_of(r))
        .chain(
            s.rows
                .iter()
                .flat_map(|r| [r.target, r.minimum])
                .flatten()
                .map(hundredths),
        )
        .collect();
    let min = values.iter().copied().min().unwrap_or(0);
    let max = values.iter().copied().max().unwrap_or(10_000).max(10_000);
    let step = nice_step((max - min).max(100), 4);
    let lo = (min - step / 2).div_euclid(step) * step;
    let hi = (max + step - 1).div_euclid(step) * step;
    (lo.max(0).min(min), hi, step)
}

/// Draws every CPM against its target over the loaded months.
pub fn cpm_overview(results: &Results) -> Chart {
    cpm_overview_at(results, W)
}

/// The overview drawn for a space `width` units wide: four panels a row at
/// full width, fewer (down to one, at least 300 units) where it is narrower,
/// so the text keeps its drawn size on a phone.
pub fn cpm_overview_at(results: &Results, width: u32) -> Chart {
    let cols = ((width / 300) as usize).clamp(1, COLS);
    let w = if cols == COLS { W } else { width.max(300) };
    let narrow = w < 700;
    let head = if narrow { HEAD + 56 } else { HEAD };
    let mut months = results.months();
    months.reverse();
    let all = series(results, &months);
    let title = "Code Performance Measures against their targets".to_string();
    if all.is_empty() {
        return Chart {
            title,
            description: "No CPM figures are loaded: there is nothing to draw.".into(),
            ..Chart::default()
        };
    }
    let grid_rows = all.len().div_ceil(cols);
    let height = head + PANEL_H * grid_rows as u32;
    let n = months.len() as i64;
    let mut svg = String::new();
    let mut hotspots = Vec::new();
    {
        let root = SVGBackend::with_string(&mut svg, (w, height)).into_drawing_area();
        let _ = root.fill(&WHITE);
        if narrow {
            let bold = (FONT, 15).into_font().style(FontStyle::Bold);
            let _ = root.draw(&Text::new(
                "Code Performance Measures",
                (8, 8),
                bold.clone(),
            ));
            let _ = root.draw(&Text::new("against their targets", (8, 27), bold));
        } else {
            let _ = root.draw(&Text::new(
                title.clone(),
                (16, 8),
                (FONT, 18).into_font().style(FontStyle::Bold),
            ));
        }
        legend(&root, narrow);
        let body = root.margin(head, 0, 0, 0);
        let panels = body.split_evenly((grid_rows, cols));
        for (s, area) in all.iter().zip(panels.iter()) {
            panel(area, s, &months, n, &mut hotspots, narrow);
        }
        let _ = root.present();
    }
    Chart {
        description: describe(&all, &months),
        table: table(&all, &months),
        title,
        svg,
        width: w,
        height,
        hotspots,
    }
}

fn legend<DB: DrawingBackend>(root: &DrawingArea<DB, Shift>, narrow: bool) {
    let items = [
        (Mark::Circle, "met target"),
        (Mark::Triangle, "below target"),
        (Mark::Cross, "below minimum"),
        (Mark::Hollow, "not assessed"),
    ];
    let style = (FONT, 14).into_font().color(&palette::BLACK);
    if narrow {
        // Two marks a line, then the lines' key and the scale note.
        for (i, (m, words)) in items.into_iter().enumerate() {
            let (x, y) = (8 + 150 * (i as i32 % 2), 52 + 20 * (i as i32 / 2));
            let _ = root.draw(&Text::new(
                m.symbol(),
                (x, y),
                style.clone().color(&m.colour()),
            ));
            let _ = root.draw(&Text::new(words, (x + 18, y), style.clone()));
        }
        let _ = root.draw(&Text::new(
            "—— target    - - - minimum",
            (8, 92),
            style.clone(),
        ));
        let _ = root.draw(&Text::new(
            "(each panel has its own scale)",
            (8, 112),
            style,
        ));
        return;
    }
    let mut x = 16;
    // The symbol in its colour, the words in black: orange text on white
    // would be hard to read.
    for (m, words) in items {
        let _ = root.draw(&Text::new(
            m.symbol(),
            (x, 38),
            style.clone().color(&m.colour()),
        ));
        let _ = root.draw(&Text::new(words, (x + 18, 38), style.clone()));
        x += 150;
    }
    let _ = root.draw(&Text::new(
        "—— target    - - - minimum    (each panel has its own scale)",
        (x + 10, 38),
        style,
    ));
}

fn panel<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    s: &Series,
    months: &[Month],
    n: i64,
    hotspots: &mut Vec<Hotspot>,
    narrow: bool,
) {
    let (lo, hi, step) = y_range(s);
    let bold = (FONT, 13).into_font().style(FontStyle::Bold);
    for (i, line) in heading(&s.code, &s.name).iter().enumerate() {
        let _ = area.draw(&Text::new(
            line.clone(),
            (12, 4 + 17 * i as i32),
            bold.clone(),
        ));
    }
    // The latest levels, under the heading (they change over time).
    let latest = s.rows.iter().rev().find(|r| r.target.is_some());
    if let Some(r) = latest {
        let words = match (r.target, r.minimum) {
            (Some(t), Some(m)) => format!("target {}, minimum {}", pct(t), pct(m)),
            (Some(t), None) => format!("target {}", pct(t)),
            _ => String::new(),
        };
        let _ = area.draw(&Text::new(
            words,
            (12, 40),
            (FONT, if narrow { 13 } else { 12 })
                .into_font()
                .color(&palette::GREY),
        ));
    }
    let Ok(mut chart) = ChartBuilder::on(area)
        .margin(10)
        .margin_top(58)
        .margin_right(16)
        .x_label_area_size(26)
        .y_label_area_size(48)
        .build_cartesian_2d(0..2 * n, lo..hi)
    else {
        return;
    };
    // About four month labels a panel, however many months are loaded.
    let every = ((n + 3) / 4).max(1);
    let y_label = |v: &i64| format!("{}%", from_hundredths(*v));
    let _ = chart
        .configure_mesh()
        .disable_x_mesh()
        .light_line_style(WHITE.mix(0.0))
        .bold_line_style(palette::LIGHT)
        // One empty label: the months are drawn by hand (month_labels).
        .x_labels(1)
        .x_label_formatter(&|_| String::new())
        .set_tick_mark_size(LabelAreaPosition::Bottom, 0)
        .y_labels(((hi - lo) / step + 1) as usize)
        .y_label_formatter(&y_label)
        .label_style((FONT, if narrow { 14 } else { 11 }))
        .draw();
    // No ticks: one at every month would comb the axis with five years loaded.
    super::month_labels(
        area,
        &chart,
        months,
        every as usize,
        (lo, 0, 4),
        (FONT, if narrow { 14 } else { 11 }).into_font(),
    );
    let at = |r: &MeasureResult| {
        months
            .iter()
            .position(|m| *m == r.period)
            .map(|i| 2 * i as i64 + 1)
    };
    // Target and minimum: one segment per run of months at the same level.
    let target = |r: &MeasureResult| r.target;
    let minimum = |r: &MeasureResult| r.minimum;
    let picks: [(&Level, bool); 2] = [(&target, false), (&minimum, true)];
    for (pick, dashed) in picks {
        let mut runs: Vec<(i64, i64, i64)> = Vec::new();
        for r in &s.rows {
            let (Some(x), Some(v)) = (at(r), pick(r).map(hundredths)) else {
                continue;
            };
            match runs.last_mut() {
                Some(last) if last.2 == v && last.1 + 2 == x => last.1 = x,
                _ => runs.push((x, x, v)),
            }
        }
        for (a, b, v) in runs {
            let ends = [(a - 1, v), (b + 1, v)];
            let _ = if dashed {
                chart.draw_series(DashedLineSeries::new(
                    ends,
                    6,
                    4,
                    palette::VERMILLION.stroke_width(2),
                ))
            } else {
                chart.draw_series(LineSeries::new(ends, palette::BLUE.stroke_width(2)))
            };
        }
    }
    // The level, broken wherever a month has no number.
    let mut run: Vec<(i64, i64)> = Vec::new();
    let mut runs: Vec<Vec<(i64, i64)>> = Vec::new();
    for (i, m) in months.iter().enumerate() {
        match s.rows.iter().find(|r| r.period == *m).and_then(|r| y_of(r)) {
            Some(y) => run.push((2 * i as i64 + 1, y)),
            None => runs.push(std::mem::take(&mut run)),
        }
    }
    runs.push(run);
    for line in runs.into_iter().filter(|l| !l.is_empty()) {
        let _ = chart.draw_series(LineSeries::new(line, palette::BLACK.stroke_width(2)));
    }
    // Marks shrink as months crowd the panel, so neighbours stay apart.
    let size = (230 / (2 * n.max(1))).clamp(2, 5) as i32;
    for r in &s.rows {
        let (Some(x), Some(y)) = (at(r), y_of(r)) else {
            continue;
        };
        let mark = Mark::of(r.status);
        let c = mark.colour();
        let p = (x, y);
        let _ = match mark {
            Mark::Circle => chart.draw_series(std::iter::once(Circle::new(p, size, c.filled()))),
            Mark::Hollow => {
                chart.draw_series(std::iter::once(Circle::new(p, size, c.stroke_width(2))))
            }
            Mark::Triangle => chart.draw_series(std::iter::once(TriangleMarker::new(
                p,
                size + 2,
                c.filled(),
            ))),
            Mark::Cross => {
                chart.draw_series(std::iter::once(Cross::new(p, size + 1, c.stroke_width(3))))
            }
        };
        let (px, py) = chart.backend_coord(&p);
        hotspots.push(Hotspot {
            x: px,
            y: py,
            label: point_label(r),
        });
    }
}

/// The panel's heading on two lines of about 42 characters, broken between
/// words, the second shortened if it must be.
fn heading(code: &str, name: &str) -> Vec<String> {
    let mut first = code.to_string();
    let mut words = name.split_whitespace().peekable();
    while let Some(w) = words.peek() {
        if first.chars().count() + 1 + w.chars().count() > 42 {
            break;
        }
        first.push(' ');
        first.push_str(w);
        words.next();
    }
    let rest: Vec<&str> = words.collect();
    if rest.is_empty() {
        vec![first]
    } else {
        vec![first, short(&rest.join(" "), 42)]
    }
}

fn describe(all: &[Series], months: &[Month]) -> String {
    let (Some(first), Some(last)) = (months.first(), months.last()) else {
        return "No months loaded: there is nothing to draw.".into();
    };
    let mut s = format!(
        "Code Performance Measures, {} to {} ({} month(s)).",
        first.long_name(),
        last.long_name(),
        months.len()
    );
    for c in all {
        let count = |st: Compliance| c.rows.iter().filter(|r| r.status == st).count();
        s.push_str(&format!(
            " {} ({}): met target in {}, below target in {}, below minimum in {}",
            c.code,
            c.name,
            count(Compliance::MeetsTarget),
            count(Compliance::BelowTarget),
            count(Compliance::BelowMinimum),
        ));
        match c.rows.iter().rev().find(|r| y_of(r).is_some()) {
            Some(r) => s.push_str(&format!("; latest {}.", point_label(r))),
            None => s.push('.'),
        }
    }
    s
}

fn table(all: &[Series], months: &[Month]) -> DataTable {
    let headers = std::iter::once("Month".to_string())
        .chain(all.iter().map(|s| s.code.clone()))
        .collect();
    let rows = months
        .iter()
        .map(|m| {
            std::iter::once(m.long_name())
                .chain(
                    all.iter()
                        .map(|s| match s.rows.iter().find(|r| r.period == *m) {
                            Some(r) => {
                                format!("{} {}", r.display, Mark::of(r.status).symbol())
                            }
                            None => "—".into(),
                        }),
                )
                .collect()
        })
        .collect();
    DataTable { headers, rows }
}
