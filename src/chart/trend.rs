//! The trend of one measure of one provider over the loaded months: its
//! level, the target and minimum as lines with the band between shaded,
//! each month marked by its status (shape and colour), gaps where there is
//! no number, and restated or approximate figures drawn hollow.

use super::{
    from_hundredths, hundredths, nice_step, palette, Chart, DataTable, Hotspot, Mark, FONT,
};
use crate::engine::catalogue::Unit;
use crate::engine::{Compliance, MeasureResult, Provider, Results};
use plotters::prelude::*;

const W: u32 = 900;
const H: u32 = 420;

/// One month of the series, oldest first.
struct Point<'a> {
    /// `2i + 1`: months sit at odd x so a month's band spans `2i..2i + 2`.
    x: i64,
    row: Option<&'a MeasureResult>,
}

fn y_of(r: &MeasureResult) -> Option<i64> {
    r.level.number().map(hundredths)
}

/// What a point says when hovered or focused, and in the table.
fn label(r: &MeasureResult) -> String {
    let mut s = format!(
        "{}: {}, {}",
        r.period_label,
        r.display,
        r.status.label().to_lowercase()
    );
    if let Some(x) = &r.restatement {
        s.push_str(&format!("; first reported as {}", x.original_display));
    }
    s
}

/// The narrowest the trend is drawn: a phone's width, less the page's margins.
pub const MIN_W: u32 = 300;

/// Draws the trend of `measure` for `provider` over every loaded month.
pub fn trend(results: &Results, measure: &str, provider: Provider) -> Chart {
    trend_at(results, measure, provider, W)
}

/// The trend drawn for a space `width` units wide (CSS pixels where it is
/// shown at its own size), between [`MIN_W`] and the full 900: on a phone
/// its text stays at its drawn size instead of being scaled down.
pub fn trend_at(results: &Results, measure: &str, provider: Provider, width: u32) -> Chart {
    let w = width.clamp(MIN_W, W);
    let narrow = w < 640;
    let mut months = results.months();
    months.reverse();
    let rows: Vec<&MeasureResult> = results
        .series(measure, provider)
        .iter()
        .map(|r| &**r)
        .collect();
    let points: Vec<Point> = months
        .iter()
        .enumerate()
        .map(|(i, m)| Point {
            x: 2 * i as i64 + 1,
            row: rows.iter().find(|r| r.period == *m).copied(),
        })
        .collect();
    let Some(first) = rows.first() else {
        return Chart {
            title: format!("{provider} {measure}"),
            description: format!("No figures for {provider} {measure} are loaded."),
            ..Chart::default()
        };
    };
    let percent = first.unit == Unit::Percent;
    let unit = if percent { "%" } else { "" };
    let title = format!("{} {}: {}", provider.name(), measure, first.name);
    let values: Vec<i64> = rows
        .iter()
        .filter_map(|r| y_of(r))
        .chain(
            rows.iter()
                .flat_map(|r| [r.target, r.minimum])
                .flatten()
                .map(hundredths),
        )
        .chain(
            rows.iter()
                .filter_map(|r| r.restatement.as_ref()?.original.number())
                .map(hundredths),
        )
        .collect();
    let lo = values.iter().copied().min().unwrap_or(0).min(0);
    let top = if percent { 10_000 } else { 100 };
    let hi = values.iter().copied().max().unwrap_or(top).max(top);
    let step = nice_step(hi - lo, 5);
    let (lo, hi) = (
        lo.div_euclid(step) * step,
        (hi + step - 1).div_euclid(step) * step,
    );
    let n = points.len() as i64;

    let mut svg = String::new();
    let mut hotspots = Vec::new();
    {
        let root = SVGBackend::with_string(&mut svg, (w, H)).into_drawing_area();
        let _ = root.fill(&WHITE);
        let mut chart = match ChartBuilder::on(&root)
            .margin(if narrow { 8 } else { 16 })
            .margin_top(if narrow { 92 } else { 54 })
            .margin_right(if narrow { 92 } else { 96 })
            .x_label_area_size(46)
            .y_label_area_size(64)
            .build_cartesian_2d(0..2 * n, lo..hi)
        {
            Ok(c) => c,
            Err(_) => return Chart::default(),
        };
        // A month label needs about 60 units: fewer labels on a narrow plot.
        let plot_w = i64::from(w)
            .saturating_sub(if narrow { 164 } else { 176 })
            .max(60);
        let label_every = ((n / 12 + 1).max((n * 60 + plot_w - 1) / plot_w)) as usize;
        let y_label = |v: &i64| format!("{}{unit}", from_hundredths(*v));
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
            .x_desc("Month")
            .y_desc(if percent {
                "Service level (%)"
            } else {
                "Count"
            })
            .label_style((FONT, if narrow { 13 } else { 15 }))
            .axis_desc_style((FONT, if narrow { 13 } else { 16 }))
            .draw();
        super::month_labels(
            &root,
            &chart,
            &months,
            label_every,
            (lo, 5, 10),
            (FONT, if narrow { 13 } else { 15 }).into_font(),
        );
        // The band between minimum and target, and the two levels as lines:
        // one stretch per run of months at the same levels (levels can
        // change over time), not three shapes a month.
        let mut runs: Vec<(i64, i64, i64, i64)> = Vec::new();
        for p in &points {
            let Some(r) = p.row else { continue };
            let (Some(t), Some(m)) = (r.target.map(hundredths), r.minimum.map(hundredths)) else {
                continue;
            };
            match runs.last_mut() {
                Some(last) if last.1 + 2 == p.x && (last.2, last.3) == (t, m) => last.1 = p.x,
                _ => runs.push((p.x, p.x, t, m)),
            }
        }
        for (a, b, t, m) in runs {
            let band = Rectangle::new(
                [(a - 1, t.min(m)), (b + 1, t.max(m))],
                palette::YELLOW.mix(0.18).filled(),
            );
            let _ = chart.draw_series(std::iter::once(band));
            let _ = chart.draw_series(LineSeries::new(
                [(a - 1, t), (b + 1, t)],
                palette::BLUE.stroke_width(2),
            ));
            let _ = chart.draw_series(DashedLineSeries::new(
                [(a - 1, m), (b + 1, m)],
                6,
                4,
                palette::VERMILLION.stroke_width(2),
            ));
        }
        // The level, broken wherever a month has no number.
        for run in points.split(|p| p.row.and_then(y_of).is_none()) {
            let line: Vec<(i64, i64)> = run
                .iter()
                .filter_map(|p| Some((p.x, y_of(p.row?)?)))
                .collect();
            let _ = chart.draw_series(LineSeries::new(line, palette::BLACK.stroke_width(2)));
        }
        for p in &points {
            let Some(r) = p.row else { continue };
            let Some(y) = y_of(r) else { continue };
            let mark = Mark::of(r.status);
            let hollow = r.approximate;
            if let Some(orig) = r.restatement.as_ref().and_then(|x| x.original.number()) {
                let oy = hundredths(orig);
                let _ = chart.draw_series(DashedLineSeries::new(
                    [(p.x, oy), (p.x, y)],
                    3,
                    3,
                    palette::GREY.stroke_width(1),
                ));
                let _ = chart.draw_series(std::iter::once(Circle::new(
                    (p.x, oy),
                    5,
                    palette::GREY.stroke_width(2),
                )));
            }
            let c = mark.colour();
            let style = if mark == Mark::Hollow {
                c.stroke_width(2)
            } else {
                c.filled()
            };
            let at = (p.x, y);
            if hollow {
                // Approximate: a ring around the status mark.
                let ring = Circle::new(at, 11, palette::GREY.stroke_width(1));
                let _ = chart.draw_series(std::iter::once(ring));
            }
            let _ = match mark {
                Mark::Circle | Mark::Hollow => {
                    chart.draw_series(std::iter::once(Circle::new(at, 6, style)))
                }
                Mark::Triangle => {
                    chart.draw_series(std::iter::once(TriangleMarker::new(at, 8, style)))
                }
                Mark::Cross => {
                    chart.draw_series(std::iter::once(Cross::new(at, 6, c.stroke_width(3))))
                }
            };
            let (px, py) = chart.backend_coord(&(p.x, y));
            hotspots.push(Hotspot {
                x: px,
                y: py,
                label: label(r),
            });
        }
        // Name the two levels where they end, so the lines read without the legend.
        if let Some(r) = points.iter().rev().find_map(|p| p.row) {
            let small = (FONT, 14).into_font();
            for (v, word, colour, dy) in [
                (r.target, "target", palette::BLUE, -16),
                (r.minimum, "minimum", palette::VERMILLION, 2),
            ] {
                let Some(v) = v else { continue };
                let (px, py) = chart.backend_coord(&(2 * n, hundredths(v)));
                let text = format!("{word} {}{unit}", from_hundredths(hundredths(v)));
                let _ = root.draw(&Text::new(
                    text,
                    (px + 6, py + dy),
                    small.clone().color(&colour),
                ));
            }
        }
        legend(&root, narrow);
        let _ = root.draw(&Text::new(
            super::short(&title, if narrow { (w / 9) as usize } else { 110 }),
            (if narrow { 8 } else { 16 }, 8),
            (FONT, if narrow { 15 } else { 19 })
                .into_font()
                .style(FontStyle::Bold)
                .color(&palette::BLACK),
        ));
        let _ = root.present();
    }
    Chart {
        description: describe(&title, &months, &rows),
        table: table(&months, &rows),
        title,
        svg,
        width: w,
        height: H,
        hotspots,
    }
}

fn legend<DB: DrawingBackend>(root: &DrawingArea<DB, plotters::coord::Shift>, narrow: bool) {
    let items = [
        (Mark::Circle, "met target"),
        (Mark::Triangle, "below target"),
        (Mark::Cross, "below minimum"),
    ];
    if narrow {
        // Three short lines under the title.
        let style = (FONT, 13).into_font().color(&palette::BLACK);
        let mut x = 8;
        for (m, words) in items {
            let words = words.replace("minimum", "min.");
            let _ = root.draw(&Text::new(
                format!("{} {words}", m.symbol()),
                (x, 32),
                style.clone().color(&m.colour()),
            ));
            x += 8 * (words.chars().count() as i32 + 3);
        }
        let _ = root.draw(&Text::new("— target   - - minimum", (8, 50), style.clone()));
        let _ = root.draw(&Text::new(
            "◯ approximate   ○ first reported",
            (8, 68),
            style,
        ));
        return;
    }
    let style = (FONT, 15).into_font().color(&palette::BLACK);
    let mut x = 60;
    for (m, words) in items {
        let _ = root.draw(&Text::new(
            format!("{} {words}", m.symbol()),
            (x, 32),
            style.clone().color(&m.colour()),
        ));
        x += 140;
    }
    let _ = root.draw(&Text::new(
        "— target   - - minimum   ◯ approximate   ○ first reported",
        (x, 32),
        style,
    ));
}

fn describe(title: &str, months: &[crate::engine::Month], rows: &[&MeasureResult]) -> String {
    let count = |s: Compliance| rows.iter().filter(|r| r.status == s).count();
    let with_number = rows.iter().filter(|r| r.level.number().is_some()).count();
    let (Some(first), Some(last)) = (months.first(), months.last()) else {
        return format!("{title}: no months loaded.");
    };
    let mut s = format!(
        "{title}, {} to {}: {with_number} month(s) with a figure of {}; met target in {}, below target in {}, below minimum in {}.",
        first.long_name(),
        last.long_name(),
        months.len(),
        count(Compliance::MeetsTarget),
        count(Compliance::BelowTarget),
        count(Compliance::BelowMinimum),
    );
    if let Some(latest) = rows.iter().max_by_key(|r| r.period) {
        s.push_str(&format!(" Latest: {}.", label(latest)));
        if let (Some(t), Some(m)) = (latest.target, latest.minimum) {
            let u = if latest.unit == Unit::Percent {
                "%"
            } else {
                ""
            };
            s.push_str(&format!(
                " Target {}{u}, minimum {}{u}.",
                t.normalize(),
                m.normalize()
            ));
        }
    }
    let approx: Vec<String> = rows
        .iter()
        .filter(|r| r.approximate)
        .map(|r| r.period_label.clone())
        .collect();
    if !approx.is_empty() {
        s.push_str(&format!(
            " Approximate (the documents say \"about\"): {}.",
            approx.join(", ")
        ));
    }
    let gaps = months.len().saturating_sub(with_number);
    if gaps > 0 {
        s.push_str(&format!(
            " {gaps} month(s) without a number are left as gaps."
        ));
    }
    s
}

fn table(months: &[crate::engine::Month], rows: &[&MeasureResult]) -> DataTable {
    let headers = ["Month", "Level", "Status", "Target", "Minimum", "Note"];
    let rows = months
        .iter()
        .map(|m| match rows.iter().find(|r| r.period == *m) {
            Some(r) => {
                let mut note = Vec::new();
                if r.approximate {
                    note.push("approximate".to_string());
                }
                if let Some(x) = &r.restatement {
                    note.push(format!(
                        "restated; first reported as {}",
                        x.original_display
                    ));
                }
                vec![
                    r.period_label.clone(),
                    r.display.clone(),
                    format!("{} {}", Mark::of(r.status).symbol(), r.status.label()),
                    r.target
                        .map(|t| t.normalize().to_string())
                        .unwrap_or_default(),
                    r.minimum
                        .map(|t| t.normalize().to_string())
                        .unwrap_or_default(),
                    note.join("; "),
                ]
            }
            None => vec![
                m.long_name(),
                "—".into(),
                "not loaded".into(),
                String::new(),
                String::new(),
                String::new(),
            ],
        })
        .collect();
    DataTable {
        headers: headers.iter().map(|h| h.to_string()).collect(),
        rows,
    }
}
