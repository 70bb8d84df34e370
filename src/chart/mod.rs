//! Charts drawn with plotters to SVG strings, from the engine's results.
//!
//! Each chart function returns a [`Chart`]: the SVG, the points a reader can
//! hover or focus ([`Hotspot`]), a text description and the same data as a
//! table, so every chart is readable without seeing it. The UI shows the SVG
//! as an image (crisp at any pixel density, and inert: nothing in it runs),
//! lays focusable hotspots over it, and exports it as SVG or PNG.
//!
//! Coordinates are integers (hundredths of a percentage point, whole pounds,
//! month indexes), so no figure passes through floating point: labels and
//! tooltips are formatted from the engine's exact decimals.
//!
//! - [`trend`]: one measure of one provider over the loaded months;
//! - [`cpm`]: every CPM against its target, small multiples in one SVG;
//! - [`heatmap`]: the status grid of every measure by month;
//! - [`credits`]: service credits by company per month, stacked, as the
//!   12-month tables show them;
//! - [`opr`]: a year's OPR margin kept and lost by measure, alone or two
//!   scenarios side by side;
//! - [`reports`]: the other reports' trends (forecast variance by month
//!   against its exception lines, RDP incidents open over time);
//!
//! Dependencies: chart → engine (and plotters); the UI calls chart.

pub mod cpm;
pub mod credits;
pub mod heatmap;
pub mod opr;
pub mod reports;
pub mod trend;

use crate::engine::Compliance;
use plotters::coord::types::RangedCoordi64;
use plotters::prelude::{
    Cartesian2d, ChartContext, Color, DrawingArea, DrawingBackend, FontDesc, PathElement, Text,
    TextStyle,
};
use plotters::style::RGBColor;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use serde::Serialize;

/// A drawn chart and everything needed to read it without seeing it.
// Eq lets `Rc<Chart>` props compare by pointer first, not the whole SVG.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Chart {
    pub title: String,
    /// The SVG document, `width` × `height` user units.
    pub svg: String,
    pub width: u32,
    pub height: u32,
    pub hotspots: Vec<Hotspot>,
    /// A text alternative: what the chart shows and what stands out.
    pub description: String,
    pub table: DataTable,
}

/// A point a reader can hover or focus to read its value, period and status.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Hotspot {
    /// Centre in SVG user units.
    pub x: i32,
    pub y: i32,
    /// What the point says, in full: "March 2021: 23.74%, below minimum".
    pub label: String,
}

/// The chart's data as a table.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct DataTable {
    pub headers: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

/// Okabe and Ito's palette, which readers with any common colour-vision
/// deficiency can tell apart.
pub mod palette {
    use plotters::style::RGBColor;
    pub const BLACK: RGBColor = RGBColor(0, 0, 0);
    pub const ORANGE: RGBColor = RGBColor(230, 159, 0);
    pub const SKY: RGBColor = RGBColor(86, 180, 233);
    pub const GREEN: RGBColor = RGBColor(0, 158, 115);
    pub const YELLOW: RGBColor = RGBColor(240, 228, 66);
    pub const BLUE: RGBColor = RGBColor(0, 114, 178);
    pub const VERMILLION: RGBColor = RGBColor(213, 94, 0);
    pub const PURPLE: RGBColor = RGBColor(204, 121, 167);
    pub const GREY: RGBColor = RGBColor(120, 120, 120);
    pub const LIGHT: RGBColor = RGBColor(232, 236, 240);
    /// Series colours in order, for providers or measures.
    pub const SERIES: [RGBColor; 7] = [BLUE, ORANGE, GREEN, VERMILLION, SKY, PURPLE, YELLOW];
}

/// How a status is marked: a shape as well as a colour, never colour alone.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mark {
    /// Met target: a filled circle.
    Circle,
    /// Below target: a triangle.
    Triangle,
    /// Below minimum: a cross.
    Cross,
    /// Not assessed: a hollow circle.
    Hollow,
}

impl Mark {
    pub fn of(status: Compliance) -> Mark {
        match status {
            Compliance::MeetsTarget => Mark::Circle,
            Compliance::BelowTarget => Mark::Triangle,
            Compliance::BelowMinimum => Mark::Cross,
            Compliance::NotAssessed => Mark::Hollow,
        }
    }

    pub fn colour(self) -> RGBColor {
        match self {
            Mark::Circle => palette::GREEN,
            Mark::Triangle => palette::ORANGE,
            Mark::Cross => palette::VERMILLION,
            Mark::Hollow => palette::GREY,
        }
    }

    /// A glyph of the drawn shape, for legends, grid cells and tables.
    /// (The status badges elsewhere use `Compliance::symbol`: ✓ ▼ ✗ –.)
    pub fn symbol(self) -> &'static str {
        match self {
            Mark::Circle => "●",
            Mark::Triangle => "▲",
            Mark::Cross => "✖",
            Mark::Hollow => "○",
        }
    }
}

/// A percentage as hundredths of a point: 23.74 → 2374, saturating.
pub fn hundredths(level: Decimal) -> i64 {
    let far = if level.is_sign_negative() {
        i64::MIN / 4
    } else {
        i64::MAX / 4
    };
    level
        .checked_mul(Decimal::ONE_HUNDRED)
        .and_then(|v| v.round().to_i64())
        .map_or(far, |v| v.clamp(i64::MIN / 4, i64::MAX / 4))
}

/// Hundredths back to a label: 2374 → "23.74", 9900 → "99".
pub fn from_hundredths(v: i64) -> String {
    let d = Decimal::new(v, 2).normalize();
    crate::engine::format::exact(d)
}

/// Pounds as whole pounds for coordinates, saturating.
pub fn whole_pounds(gbp: Decimal) -> i64 {
    gbp.round().to_i64().unwrap_or(if gbp.is_sign_negative() {
        i64::MIN / 4
    } else {
        i64::MAX / 4
    })
}

/// A tick step that gives about `ticks` round steps over `span`: 1, 2 or 5
/// times a power of ten.
pub fn nice_step(span: i64, ticks: i64) -> i64 {
    let ticks = ticks.max(1);
    let raw = (span.saturating_add(ticks - 1) / ticks).max(1);
    let mut p = 1i64;
    while p.saturating_mul(10) <= raw {
        p = p.saturating_mul(10);
    }
    [1, 2, 5, 10]
        .into_iter()
        .map(|m| p.saturating_mul(m))
        .find(|s| *s >= raw)
        .unwrap_or(p)
}

/// The month names under a month axis, drawn by hand (months sit at odd
/// `x`, month `i` at `2i + 1`): every `every`th month's short name centred
/// under it, so long runs of months do not crowd the axis, `gap` pixels
/// below the plot's foot, with a tick of `tick` pixels. Plotters draws a
/// label and a tick at every position it is given, empty or not: 120 of
/// them for five years, most of a redraw's time and of the picture.
pub fn month_labels<DB: DrawingBackend>(
    area: &DrawingArea<DB, plotters::coord::Shift>,
    chart: &ChartContext<DB, Cartesian2d<RangedCoordi64, RangedCoordi64>>,
    months: &[crate::engine::Month],
    every: usize,
    (foot, tick, gap): (i64, i32, i32),
    font: FontDesc,
) {
    use plotters::style::text_anchor::{HPos, Pos, VPos};
    let (bx, by) = area.get_base_pixel();
    let style = TextStyle::from(font).pos(Pos::new(HPos::Center, VPos::Top));
    for (i, m) in months.iter().enumerate().step_by(every.max(1)) {
        let (px, py) = chart.backend_coord(&(2 * i as i64 + 1, foot));
        let (px, py) = (px - bx, py - by);
        if tick > 0 {
            let _ = area.draw(&PathElement::new(
                [(px, py), (px, py + tick)],
                palette::BLACK.stroke_width(1),
            ));
        }
        let _ = area.draw(&Text::new(m.short_name(), (px, py + gap), style.clone()));
    }
}

/// The common font for every chart's text.
pub const FONT: &str = "DejaVu Sans, Verdana, sans-serif";

/// Escapes nothing: plotters' SVG backend escapes text itself. Labels are
/// trimmed so a long name cannot push the chart apart.
pub fn short(label: &str, max: usize) -> String {
    if label.chars().count() <= max {
        label.to_string()
    } else {
        let cut: String = label.chars().take(max.saturating_sub(1)).collect();
        format!("{cut}…")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn integer_coordinates() {
        let cases = [
            ("23.74", 2374, "23.74"),
            ("99", 9900, "99"),
            ("99.896", 9990, "99.9"),
            ("-1", -100, "-1"),
        ];
        for (level, h, label) in cases {
            let d: Decimal = level.parse().unwrap();
            assert_eq!(hundredths(d), h, "{level}");
            assert_eq!(from_hundredths(h), label, "{level}");
        }
        assert!(hundredths(Decimal::MAX) > 0);
        assert_eq!(whole_pounds("43198.75".parse().unwrap()), 43199);
    }

    #[test]
    fn nice_steps() {
        let cases = [
            (10000, 5, 2000),
            (2374, 5, 500),
            (7, 5, 2),
            (0, 5, 1),
            (45000, 4, 20000),
        ];
        for (span, ticks, step) in cases {
            assert_eq!(nice_step(span, ticks), step, "{span}/{ticks}");
        }
    }
}
