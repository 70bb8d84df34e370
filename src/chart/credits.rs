//! Service credits by company per month, stacked, with each month's total
//! above its bar: the same figures as the 12-month tables (Tables 29 and
//! 30) under the source the reader chose, so the chart and the tables never
//! disagree. A pending (TBC) credit is not £0: its month says "+ pending".

use super::{nice_step, palette, whole_pounds, Chart, DataTable, Hotspot, FONT};
use crate::engine::credit_table::{Cell, Origin, YearTables};
use crate::engine::reported::{pounds, Amount};
use crate::engine::{Month, Party};
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use rust_decimal::Decimal;

const W: u32 = 960;
const H: u32 = 460;
/// x units per month: a bar spans `10i + 2 .. 10i + 8`.
const SLOT: i64 = 10;

/// Colours in stacking order. Okabe-Ito first; black and grey only when a
/// year has more than seven companies with credits.
const COLOURS: [RGBColor; 9] = [
    palette::BLUE,
    palette::ORANGE,
    palette::GREEN,
    palette::VERMILLION,
    palette::SKY,
    palette::PURPLE,
    palette::YELLOW,
    palette::BLACK,
    palette::GREY,
];

/// One month: each company's cell (in table order) and the month's total.
struct MonthRow<'a> {
    month: Month,
    cells: Vec<(Party, &'a Cell)>,
    total: Decimal,
    pending: Vec<Party>,
}

fn money(c: &Cell) -> Option<Decimal> {
    c.shown
        .and_then(Amount::money)
        .filter(|g| !g.is_zero() && g.is_sign_positive())
}

/// Pending as shown, or a reported £0 where the computation has a credit
/// still under discussion: either way not a settled £0.
fn is_pending(c: &Cell) -> bool {
    match c.shown {
        Some(Amount::Pending) => true,
        Some(Amount::Money { gbp }) => gbp.is_zero() && c.computed.is_some_and(|k| k.pending > 0),
        _ => false,
    }
}

/// What a cell says in a tooltip or table: "£43,198 (reported)".
fn cell_words(c: &Cell) -> String {
    let Some(shown) = c.shown else {
        return "no figure".into();
    };
    let figure = match shown {
        Amount::Pending => "pending (TBC)".to_string(),
        a => a.to_string(),
    };
    let origin = match c.origin {
        Some(Origin::Reported) => " (reported)",
        Some(Origin::Computed) => " (computed)",
        None => "",
    };
    // A reported £0 where the computation has a credit still pending.
    let pending_too = match (shown, c.computed) {
        (Amount::Money { .. }, Some(k)) if k.pending > 0 => "; computed: pending",
        _ => "",
    };
    format!("{figure}{origin}{pending_too}")
}

/// A table cell: the figure, marked only where it is computed, so a
/// column of reported figures reads as plain numbers.
fn cell_short(c: &Cell) -> String {
    let Some(shown) = c.shown else {
        return "–".into();
    };
    let mut s = match shown {
        Amount::Pending => "pending (TBC)".to_string(),
        a => a.to_string(),
    };
    if c.origin == Some(Origin::Computed) {
        s.push_str(" (computed)");
    }
    if is_pending(c) && shown != Amount::Pending {
        s.push_str("; computed: pending");
    }
    s
}

fn total_words(r: &MonthRow) -> String {
    let mut s = pounds(r.total);
    if !r.pending.is_empty() {
        let who: Vec<&str> = r.pending.iter().map(|p| p.name()).collect();
        s.push_str(&format!(" + pending ({})", who.join(", ")));
    }
    s
}

/// Draws the credits of every company in the tables, month by month.
pub fn by_provider(t: &YearTables) -> Chart {
    by_provider_at(t, W)
}

/// The credits chart drawn for a space `width` units wide (300 to 960), so
/// on a phone its text keeps its drawn size.
pub fn by_provider_at(t: &YearTables, width: u32) -> Chart {
    let w = width.clamp(300, W);
    let narrow = w < 640;
    let title = "Service credits by company, per month".to_string();
    let all: Vec<Party> = t.tables.iter().flat_map(|f| f.parties.clone()).collect();
    // Months with at least one figure shown: a computed table of a year
    // partly loaded has nothing to draw for the rest.
    let rows: Vec<MonthRow> = t
        .months
        .iter()
        .enumerate()
        .filter_map(|(i, &month)| {
            let cells: Vec<(Party, &Cell)> = t
                .tables
                .iter()
                .flat_map(|f| {
                    f.parties
                        .iter()
                        .copied()
                        .zip(f.rows.get(i).map(|r| r.cells.iter()).into_iter().flatten())
                })
                .collect();
            if cells.iter().all(|(_, c)| c.shown.is_none()) {
                return None;
            }
            let pending = cells
                .iter()
                .filter(|(_, c)| is_pending(c))
                .map(|(p, _)| *p)
                .collect();
            let total = t.overall.get(i).map(|(_, sum, _)| *sum).unwrap_or_default();
            Some(MonthRow {
                month,
                cells,
                total,
                pending,
            })
        })
        .collect();
    let table = table(&all, &rows);
    if rows.is_empty() {
        return Chart {
            title,
            description: "No service credits are loaded or reported for these months.".into(),
            table,
            ..Chart::default()
        };
    }
    // Companies with money in some month get a colour, in table order.
    let coloured: Vec<Party> = all
        .iter()
        .copied()
        .filter(|p| {
            rows.iter()
                .any(|r| r.cells.iter().any(|(q, c)| q == p && money(c).is_some()))
        })
        .collect();
    let colour = |p: Party| {
        let i = coloured.iter().position(|q| *q == p).unwrap_or(0);
        COLOURS[i % COLOURS.len()]
    };
    let n = rows.len() as i64;
    let top = rows
        .iter()
        .map(|r| whole_pounds(r.total))
        .max()
        .unwrap_or(0)
        .max(1);
    // Room above the tallest bar for its total and "+ pending".
    let step = nice_step(top + top / 5, 5);
    let hi = (top + top / 5 + step - 1).div_euclid(step) * step;

    let mut svg = String::new();
    let mut hotspots = Vec::new();
    {
        let root = SVGBackend::with_string(&mut svg, (w, H)).into_drawing_area();
        let _ = root.fill(&WHITE);
        // On a narrow chart the legend takes a line or two more.
        let legend_h = legend(&root, &coloured, &colour, w);
        let mut chart = match ChartBuilder::on(&root)
            .margin(if narrow { 8 } else { 16 })
            .margin_top(72.max(legend_h + 24))
            .x_label_area_size(46)
            .y_label_area_size(if narrow { 72 } else { 84 })
            .build_cartesian_2d(0..n * SLOT, 0..hi)
        {
            Ok(c) => c,
            Err(_) => return Chart::default(),
        };
        // A month label needs about 56 units: fewer labels on a narrow plot.
        let plot_w = (i64::from(w) - if narrow { 88 } else { 116 }).max(56);
        let every = ((n * 56 + plot_w - 1) / plot_w).max(1);
        let month_label = |x: &i64| {
            if x.rem_euclid(SLOT) == SLOT / 2 && (x / SLOT) % every == 0 {
                rows.get((x / SLOT) as usize)
                    .map(|r| r.month.short_name())
                    .unwrap_or_default()
            } else {
                String::new()
            }
        };
        let y_label = |v: &i64| pounds(Decimal::from(*v));
        let _ = chart
            .configure_mesh()
            .disable_x_mesh()
            .light_line_style(WHITE.mix(0.0))
            .bold_line_style(palette::LIGHT)
            .x_labels((n * SLOT) as usize)
            // One label per month, without a tick at every x unit.
            .set_tick_mark_size(LabelAreaPosition::Bottom, 0)
            .x_label_formatter(&month_label)
            .y_labels((hi / step + 1) as usize)
            .y_label_formatter(&y_label)
            .x_desc("Month")
            .y_desc("Service credits (£)")
            .label_style((FONT, 13))
            .axis_desc_style((FONT, 14))
            .draw();
        let centred = |size: i32| {
            (FONT, size)
                .into_font()
                .color(&palette::BLACK)
                .pos(Pos::new(HPos::Center, VPos::Bottom))
        };
        for (i, r) in rows.iter().enumerate() {
            let (x0, x1) = (i as i64 * SLOT + 2, i as i64 * SLOT + 8);
            let mut base = 0i64;
            for (party, cell) in &r.cells {
                let Some(gbp) = money(cell) else { continue };
                let v = whole_pounds(gbp);
                // Saturating: a file may state any amount.
                let top = base.saturating_add(v);
                let seg = Rectangle::new([(x0, base), (x1, top)], colour(*party).filled());
                let _ = chart.draw_series(std::iter::once(seg));
                // A white edge keeps neighbouring segments apart without colour.
                let edge = Rectangle::new([(x0, base), (x1, top)], WHITE.stroke_width(1));
                let _ = chart.draw_series(std::iter::once(edge));
                let (px, py) =
                    chart.backend_coord(&(i as i64 * SLOT + SLOT / 2, base.saturating_add(v / 2)));
                hotspots.push(Hotspot {
                    x: px,
                    y: py,
                    label: format!(
                        "{}, {}: {}",
                        party.name(),
                        r.month.long_name(),
                        cell_words(cell)
                    ),
                });
                base = top;
            }
            let (px, py) = chart.backend_coord(&(i as i64 * SLOT + SLOT / 2, base));
            let _ = root.draw(&Text::new(
                pounds(r.total),
                (px, py - 4),
                centred(if narrow { 13 } else { 12 }),
            ));
            if !r.pending.is_empty() {
                let _ = root.draw(&Text::new(
                    "+ pending",
                    (px, py - 19),
                    centred(if narrow { 13 } else { 11 }),
                ));
            }
            hotspots.push(Hotspot {
                x: px,
                y: py - 10,
                label: format!("{}: total {}", r.month.long_name(), total_words(r)),
            });
        }
        let _ = root.draw(&Text::new(
            title.clone(),
            (if narrow { 8 } else { 16 }, 8),
            (FONT, if narrow { 14 } else { 16 })
                .into_font()
                .style(FontStyle::Bold)
                .color(&palette::BLACK),
        ));
        let _ = root.present();
    }
    Chart {
        description: describe(t, &rows, &coloured),
        table,
        title,
        svg,
        width: w,
        height: H,
        hotspots,
    }
}

/// Swatches in stacking order, bottom of the bar first, wrapped to the
/// chart's width `w`; returns where the legend ends.
fn legend<DB: DrawingBackend>(
    root: &DrawingArea<DB, plotters::coord::Shift>,
    parties: &[Party],
    colour: &dyn Fn(Party) -> RGBColor,
    w: u32,
) -> u32 {
    let style = (FONT, 13).into_font().color(&palette::BLACK);
    let left = if w < 640 { 8 } else { 16 };
    let _ = root.draw(&Text::new(
        "Bottom to top:",
        (left, 36),
        style.clone().color(&palette::GREY),
    ));
    let (mut x, mut y) = (left + 100, 36);
    for p in parties {
        let size = 30 + 7 * p.name().chars().count() as i32;
        if x + size > w as i32 - 8 && x > left + 100 {
            (x, y) = (left, y + 20);
        }
        let _ = root.draw(&Rectangle::new(
            [(x, y), (x + 14, y + 14)],
            colour(*p).filled(),
        ));
        let _ = root.draw(&Text::new(p.name(), (x + 19, y), style.clone()));
        x += size;
    }
    (y + 14) as u32
}

fn describe(t: &YearTables, rows: &[MonthRow], coloured: &[Party]) -> String {
    let (Some(first), Some(last)) = (rows.first(), rows.last()) else {
        return "No service credits to show.".into();
    };
    let mut s = format!(
        "Service credits by company, {} to {} ({}), stacked per month with the month's total above: {} month(s).",
        first.month.long_name(),
        last.month.long_name(),
        t.source.label().to_lowercase(),
        rows.len()
    );
    let reported = rows
        .iter()
        .flat_map(|r| r.cells.iter())
        .any(|(_, c)| c.origin == Some(Origin::Reported));
    if reported {
        s.push_str(" Figures are as reported unless marked computed.");
    }
    let sum_of = |p: Party| {
        rows.iter()
            .flat_map(|r| r.cells.iter())
            .filter(|(q, _)| *q == p)
            .filter_map(|(_, c)| money(c))
            .fold(Decimal::ZERO, |a, b| a.saturating_add(b))
    };
    let overall = rows
        .iter()
        .fold(Decimal::ZERO, |a, r| a.saturating_add(r.total));
    if let Some(top) = coloured.iter().copied().max_by_key(|p| sum_of(*p)) {
        s.push_str(&format!(
            " {} has the most: {} of {} in all.",
            top.name(),
            pounds(sum_of(top)),
            pounds(overall)
        ));
    } else {
        s.push_str(" No company has a credit in money.");
    }
    if let Some(big) = rows.iter().max_by_key(|r| r.total) {
        s.push_str(&format!(
            " The largest month is {}: {}.",
            big.month.long_name(),
            total_words(big)
        ));
    }
    let pending: Vec<String> = rows
        .iter()
        .filter(|r| !r.pending.is_empty())
        .map(|r| r.month.long_name())
        .collect();
    if !pending.is_empty() {
        s.push_str(&format!(
            " Months with a credit still pending (not counted as £0): {}.",
            pending.join(", ")
        ));
    }
    s
}

fn table(parties: &[Party], rows: &[MonthRow]) -> DataTable {
    let mut headers = vec!["Month".to_string()];
    headers.extend(parties.iter().map(|p| p.name().to_string()));
    headers.push("Total".into());
    let rows = rows
        .iter()
        .map(|r| {
            let mut row = vec![r.month.long_name()];
            row.extend(parties.iter().map(|p| {
                r.cells
                    .iter()
                    .find(|(q, _)| q == p)
                    .map_or_else(|| "–".into(), |(_, c)| cell_short(c))
            }));
            row.push(total_words(r));
            row
        })
        .collect();
    DataTable { headers, rows }
}
