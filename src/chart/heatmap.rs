//! The status grid: every measure (each CPM, then each provider measure, in
//! report order) by month, each cell tinted by its status and carrying the
//! status symbol, so it reads in greyscale and for readers who cannot tell
//! the tints apart. Sized from the number of rows and months, so about 120
//! measures over five years stay legible: small text, thinned month labels.

use super::{palette, short, Chart, DataTable, Hotspot, Mark, FONT};
use crate::engine::{Compliance, MeasureResult, Month, Provider, Results};
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

const LABEL_W: i32 = 150;
const TOP: i32 = 100;
const ROW_H: i32 = 16;
const MIN_W: i32 = 760;
/// Cells never narrower than this, so a symbol fits.
const MIN_CELL: i32 = 16;
const MAX_CELL: i32 = 96;

/// The legend: each status's mark and its words, as both the SVG and the
/// painted grid show it.
pub const LEGEND: [(Mark, &str); 4] = [
    (Mark::Circle, "met target"),
    (Mark::Triangle, "below target"),
    (Mark::Cross, "below minimum"),
    (Mark::Hollow, "not assessed"),
];

/// The symbol for a month with no result for a measure.
pub const NOT_LOADED: &str = "–";

/// One row of the grid: a measure of a provider and its results by month.
struct Line<'a> {
    label: String,
    cells: Vec<Option<&'a MeasureResult>>,
}

/// "CPM1" for the DCC's own measures, "CSPN PM2" for a provider's.
pub fn row_label(r: &MeasureResult) -> String {
    if r.provider == Provider::Dcc {
        r.measure.clone()
    } else {
        format!("{} {}", r.provider.code(), r.measure)
    }
}

fn cell_label(r: &MeasureResult) -> String {
    format!(
        "{}, {}: {}, {}",
        row_label(r),
        r.period_label,
        r.display,
        r.status.label().to_lowercase()
    )
}

/// A light tint of the status colour, so the black symbol on it stays legible.
fn tint(m: Mark) -> RGBColor {
    let RGBColor(r, g, b) = m.colour();
    let mix = |c: u8| ((u16::from(c) + 2 * 255) / 3) as u8;
    RGBColor(mix(r), mix(g), mix(b))
}

/// Darker symbols than the tints, so each status differs in lightness too.
fn ink(m: Mark) -> RGBColor {
    match m {
        Mark::Circle => RGBColor(0, 90, 66),
        Mark::Triangle => RGBColor(120, 80, 0),
        Mark::Cross => RGBColor(150, 40, 0),
        Mark::Hollow => RGBColor(70, 70, 70),
    }
}

fn lines<'a>(results: &'a Results, months: &[Month], only_misses: bool) -> Vec<Line<'a>> {
    let col: std::collections::HashMap<Month, usize> =
        months.iter().enumerate().map(|(i, m)| (*m, i)).collect();
    let mut at: std::collections::HashMap<(&str, Provider), usize> = Default::default();
    let mut out: Vec<Line> = Vec::new();
    // Results are in report order (CPMs first), so first sight keeps that order.
    for r in results.rows.iter() {
        let Some(&i) = col.get(&r.period) else {
            continue;
        };
        let row = *at
            .entry((r.measure.as_str(), r.provider))
            .or_insert_with(|| {
                out.push(Line {
                    label: row_label(r),
                    cells: vec![None; months.len()],
                });
                out.len() - 1
            });
        if let Some(cell) = out.get_mut(row).and_then(|l| l.cells.get_mut(i)) {
            *cell = Some(&**r);
        }
    }
    out.into_iter()
        .filter(|l| !only_misses || l.cells.iter().flatten().any(|r| r.status.is_miss()))
        .collect()
}

/// The grid laid out, without drawing it: what the page paints on a canvas
/// when the grid is too big to ship as an SVG with a point per cell.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Layout {
    pub title: String,
    pub width: i32,
    pub height: i32,
    /// A cell's width; rows are [`ROW_HEIGHT`] high, from [`TOP_Y`], after [`LABEL_WIDTH`].
    pub cell: i32,
    pub months: Vec<Month>,
    /// Each row's label ("CSPN PM2") and its cells by month.
    pub rows: Vec<(String, Vec<Cell>)>,
    pub description: String,
}

/// A cell: the status mark and what it says in full ("CSPN PM2, March
/// 2021: 23.74%, below minimum"), or `None` where the month is not loaded.
pub type Cell = Option<(Mark, String)>;

/// Rows start this far down (legend and month labels above).
pub const TOP_Y: i32 = TOP;
/// Row height.
pub const ROW_HEIGHT: i32 = ROW_H;
/// Row labels take this much on the left.
pub const LABEL_WIDTH: i32 = LABEL_W;

/// The status grid laid out: its size, months, rows and cells (the sizes
/// [`draw`] draws at, and the page paints at).
pub fn layout(results: &Results, only_misses: bool) -> Layout {
    let mut months = results.months();
    months.reverse();
    let grid = lines(results, &months, only_misses);
    let title = if only_misses {
        "Status by month: measures below target in some month"
    } else {
        "Status by month: every measure"
    }
    .to_string();
    if grid.is_empty() || months.is_empty() {
        return Layout {
            title,
            description: "No results are loaded for these measures: there is nothing to draw."
                .into(),
            ..Layout::default()
        };
    }
    let n = months.len() as i32;
    let cell = ((MIN_W - LABEL_W - 16) / n).clamp(MIN_CELL, MAX_CELL);
    Layout {
        width: (LABEL_W + cell * n + 16).max(MIN_W),
        height: TOP + ROW_H * grid.len() as i32 + 12,
        cell,
        description: describe(&grid, &months),
        rows: grid
            .iter()
            .map(|l| {
                let cells = l
                    .cells
                    .iter()
                    .map(|c| c.map(|r| (Mark::of(r.status), cell_label(r))))
                    .collect();
                (l.label.clone(), cells)
            })
            .collect(),
        months,
        title,
    }
}

/// The tint a status cell is filled with, as CSS `rgb()` (for the canvas).
pub fn tint_css(m: Mark) -> String {
    let RGBColor(r, g, b) = tint(m);
    format!("rgb({r},{g},{b})")
}

/// The colour of a status cell's symbol, as CSS `rgb()`.
pub fn ink_css(m: Mark) -> String {
    let RGBColor(r, g, b) = ink(m);
    format!("rgb({r},{g},{b})")
}

/// The grid of every measure's status by month.
pub fn status_grid(results: &Results) -> Chart {
    status_grid_of(results, false)
}

/// The grid, optionally only the measures below target in some month.
pub fn status_grid_of(results: &Results, only_misses: bool) -> Chart {
    status_grid_for(results, only_misses, u32::MAX)
}

/// The grid for a space `width` units wide. The grid is never drawn narrower
/// than 760 units (a phone shows it at its drawn size, scrolling sideways);
/// for a narrow space its text is drawn at least 13 units (10.5 px in the
/// SVG), so it reads at 10 px or more.
pub fn status_grid_for(results: &Results, only_misses: bool, width: u32) -> Chart {
    draw(
        &layout(results, only_misses),
        width,
        table_of(results, only_misses),
    )
}

/// The grid's data as a table: a row per measure, a column per month. Not
/// part of [`Layout`]: five years are 6,500 cells of text, built only when
/// the table is opened, copied or drawn with the chart.
pub fn table_of(results: &Results, only_misses: bool) -> DataTable {
    let mut months = results.months();
    months.reverse();
    table(&lines(results, &months, only_misses), &months)
}

/// Draws a laid-out grid as an SVG with a point per cell, with its data
/// table ([`table_of`]).
pub fn draw(g: &Layout, width: u32, table: DataTable) -> Chart {
    let narrow = width < 640;
    let fs = |n: i32| if narrow { n.max(13) } else { n };
    if g.rows.is_empty() {
        return Chart {
            title: g.title.clone(),
            description: g.description.clone(),
            ..Chart::default()
        };
    }
    let (months, cell, title) = (&g.months, g.cell, g.title.clone());
    let (width, height) = (g.width, g.height);
    let mut svg = String::new();
    let mut hotspots = Vec::new();
    {
        let root =
            SVGBackend::with_string(&mut svg, (width as u32, height as u32)).into_drawing_area();
        let _ = root.fill(&WHITE);
        let _ = root.draw(&Text::new(
            title.clone(),
            (12, 8),
            (FONT, 16).into_font().style(FontStyle::Bold),
        ));
        let mut x = 12;
        for (m, words) in LEGEND {
            let _ = root.draw(&Rectangle::new([(x, 32), (x + 18, 50)], tint(m).filled()));
            let _ = root.draw(&Text::new(
                m.symbol(),
                (x + 9, 41),
                (FONT, fs(12))
                    .into_font()
                    .color(&ink(m))
                    .pos(Pos::new(HPos::Center, VPos::Center)),
            ));
            let _ = root.draw(&Text::new(words, (x + 24, 35), (FONT, 13)));
            x += 140;
        }
        let _ = root.draw(&Text::new(
            format!("{NOT_LOADED} not loaded"),
            (x, 35),
            (FONT, 13).into_font().color(&palette::GREY),
        ));
        // Month labels: the year over its first month, then month names
        // thinned so that they never touch (about 26 px each).
        let every = ((26 + cell - 1) / cell).max(1);
        let small = (FONT, fs(11)).into_font();
        for (i, m) in months.iter().enumerate() {
            let x0 = LABEL_W + cell * i as i32;
            if i == 0 || m.month() == 1 {
                let _ = root.draw(&Text::new(
                    m.year().to_string(),
                    (x0 + 2, TOP - 34),
                    small.clone().style(FontStyle::Bold),
                ));
            }
            if i as i32 % every == 0 {
                let name = m.short_name();
                let _ = root.draw(&Text::new(
                    name.split(' ').next().unwrap_or_default().to_string(),
                    (x0 + 2, TOP - 18),
                    small.clone(),
                ));
            }
            if m.month() == 1 && i > 0 {
                let _ = root.draw(&PathElement::new(
                    [(x0, TOP - 36), (x0, height - 12)],
                    palette::GREY.stroke_width(1),
                ));
            }
        }
        let symbol = |m: Mark| {
            (FONT, fs(10))
                .into_font()
                .color(&ink(m))
                .pos(Pos::new(HPos::Center, VPos::Center))
        };
        let missing = (FONT, fs(10))
            .into_font()
            .color(&palette::GREY)
            .pos(Pos::new(HPos::Center, VPos::Center));
        for (j, (label, cells)) in g.rows.iter().enumerate() {
            let y0 = TOP + ROW_H * j as i32;
            let _ = root.draw(&Text::new(
                short(label, 24),
                (8, y0 + 2),
                (FONT, fs(11)).into_font(),
            ));
            for (i, c) in cells.iter().enumerate() {
                let x0 = LABEL_W + cell * i as i32;
                let centre = (x0 + cell / 2, y0 + ROW_H / 2);
                match c {
                    Some((m, label)) => {
                        let _ = root.draw(&Rectangle::new(
                            [(x0 + 1, y0 + 1), (x0 + cell - 1, y0 + ROW_H - 1)],
                            tint(*m).filled(),
                        ));
                        let _ = root.draw(&Text::new(m.symbol(), centre, symbol(*m)));
                        hotspots.push(Hotspot {
                            x: centre.0,
                            y: centre.1,
                            label: label.clone(),
                        });
                    }
                    None => {
                        let _ = root.draw(&Text::new(NOT_LOADED, centre, missing.clone()));
                    }
                }
            }
        }
        let _ = root.present();
    }
    Chart {
        description: g.description.clone(),
        table,
        title,
        svg,
        width: width as u32,
        height: height as u32,
        hotspots,
    }
}

fn describe(grid: &[Line], months: &[Month]) -> String {
    let all: Vec<&MeasureResult> = grid
        .iter()
        .flat_map(|l| l.cells.iter().flatten().copied())
        .collect();
    let count = |s: Compliance| all.iter().filter(|r| r.status == s).count();
    let (Some(first), Some(last)) = (months.first(), months.last()) else {
        return "No months loaded: there is nothing to draw.".into();
    };
    let mut s = format!(
        "{} measure(s) by month, {} to {}: {} result(s); met target {}, below target {}, below minimum {}, not assessed {}.",
        grid.len(),
        first.long_name(),
        last.long_name(),
        all.len(),
        count(Compliance::MeetsTarget),
        count(Compliance::BelowTarget),
        count(Compliance::BelowMinimum),
        count(Compliance::NotAssessed),
    );
    let below: Vec<String> = grid
        .iter()
        .filter_map(|l| l.cells.last().copied().flatten())
        .filter(|r| r.status == Compliance::BelowMinimum)
        .map(|r| format!("{} ({})", row_label(r), r.display))
        .collect();
    if below.is_empty() {
        s.push_str(&format!(
            " Nothing was below minimum in {}.",
            last.long_name()
        ));
    } else {
        s.push_str(&format!(
            " Below minimum in {}: {}.",
            last.long_name(),
            below.join(", ")
        ));
    }
    s
}

fn table(grid: &[Line], months: &[Month]) -> DataTable {
    let headers = std::iter::once("Measure".to_string())
        .chain(months.iter().map(|m| m.short_name()))
        .collect();
    let rows = grid
        .iter()
        .map(|l| {
            std::iter::once(l.label.clone())
                .chain(l.cells.iter().map(|c| match c {
                    Some(r) => format!("{} {}", Mark::of(r.status).symbol(), r.display),
                    None => NOT_LOADED.to_string(),
                }))
                .collect()
        })
        .collect();
    DataTable { headers, rows }
}
