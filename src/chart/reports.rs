//! The other reports' trends, as people ask for them: forecast variance by
//! month against the 90% and 110% lines, RDP incidents still open over
//! time, and aged incidents by the month they were raised. Both are one chart shape ([`lines`]): months along, one or more
//! series of whole numbers (hundredths of a percentage point for
//! percentages) with gaps where a month has none, and level lines drawn
//! across and named at their end.

use super::{from_hundredths, hundredths, month_labels, nice_step, palette, Chart, DataTable};
use super::{Hotspot, FONT};
use crate::engine::format::thousands;
use crate::engine::reports::aged::{AgedTable, Assigned};
use crate::engine::reports::rdp::RdpBalance;
use crate::engine::reports::variance::{Report, Variance};
use crate::engine::Month;
use plotters::prelude::*;

const W: u32 = 900;
const H: u32 = 380;

/// One line: its name, colour, and value each month (or none), exact (a
/// count may be any u64).
struct Series {
    name: String,
    colour: RGBColor,
    dashed: bool,
    values: Vec<Option<i128>>,
}

/// A value where it is drawn: within a quarter of i64's range, as
/// `hundredths` keeps levels, so the axis arithmetic cannot overflow on any
/// count. Labels and the table keep the exact value.
fn drawn(v: i128) -> i64 {
    const LIMIT: i64 = i64::MAX / 4;
    v.clamp(-i128::from(LIMIT), i128::from(LIMIT)) as i64
}

/// A chart's shape: its months, series, level lines and how values read.
struct Lines {
    title: String,
    y_desc: &'static str,
    months: Vec<Month>,
    series: Vec<Series>,
    /// Level lines: (name, value).
    levels: Vec<(String, i64)>,
    percent: bool,
}

impl Lines {
    fn value(&self, v: i128) -> String {
        match self.percent {
            true => format!("{}%", from_hundredths(drawn(v))),
            false => thousands(u64::try_from(v).unwrap_or(0)),
        }
    }
}

/// Draws `l`; the description says what it shows and the table gives
/// every value.
fn lines(l: Lines, description: String) -> Chart {
    // Months along without gaps closed up: two months a year apart are
    // drawn a year apart, the line broken between (up to ten years; past
    // that, the loaded months side by side).
    let span = match (l.months.first(), l.months.last()) {
        (Some(a), Some(b)) => b.months_since(*a),
        _ => 0,
    };
    let (axis, at): (Vec<Month>, Vec<i64>) = match (l.months.first(), (0..=120).contains(&span)) {
        (Some(first), true) => (
            (0..=span as u32).map(|i| first.plus(i)).collect(),
            l.months.iter().map(|m| m.months_since(*first)).collect(),
        ),
        _ => (l.months.clone(), (0..l.months.len() as i64).collect()),
    };
    let n = axis.len() as i64;
    let values: Vec<i64> = (l.series.iter())
        .flat_map(|s| s.values.iter().flatten().map(|v| drawn(*v)))
        .chain(l.levels.iter().map(|x| x.1))
        .collect();
    let lo = values.iter().copied().min().unwrap_or(0).min(0);
    let hi = values.iter().copied().max().unwrap_or(1).max(1);
    let step = nice_step(hi - lo, 5);
    let (lo, hi) = (
        lo.div_euclid(step) * step,
        (hi + step - 1).div_euclid(step) * step,
    );
    let mut svg = String::new();
    let mut hotspots = Vec::new();
    {
        let root = SVGBackend::with_string(&mut svg, (W, H)).into_drawing_area();
        let _ = root.fill(&WHITE);
        let Ok(mut chart) = ChartBuilder::on(&root)
            .margin(16)
            .margin_top(24 + 20 * l.series.len() as u32)
            .margin_right(110)
            .x_label_area_size(46)
            .y_label_area_size(80)
            .build_cartesian_2d(0..2 * n.max(1), lo..hi)
        else {
            return Chart::default();
        };
        let y_label = |v: &i64| l.value(i128::from(*v));
        let _ = chart
            .configure_mesh()
            .disable_x_mesh()
            .light_line_style(WHITE.mix(0.0))
            .bold_line_style(palette::LIGHT)
            .x_labels(1)
            .x_label_formatter(&|_| String::new())
            .y_labels(((hi - lo) / step + 1) as usize)
            .y_label_formatter(&y_label)
            .x_desc("Month")
            .y_desc(l.y_desc)
            .label_style((FONT, 15))
            .axis_desc_style((FONT, 16))
            .draw();
        let every = (n / 12 + 1) as usize;
        month_labels(
            &root,
            &chart,
            &axis,
            every,
            (lo, 5, 10),
            (FONT, 15).into_font(),
        );
        for (name, v) in &l.levels {
            let _ = chart.draw_series(DashedLineSeries::new(
                [(0, *v), (2 * n, *v)],
                6,
                4,
                palette::GREY.stroke_width(2),
            ));
            let (px, py) = chart.backend_coord(&(2 * n, *v));
            let text = format!("{name} {}", l.value(i128::from(*v)));
            let style = (FONT, 14).into_font().color(&palette::GREY);
            let _ = root.draw(&Text::new(text, (px + 6, py - 8), style));
        }
        for (k, s) in l.series.iter().enumerate() {
            let points: Vec<(i64, Option<i64>)> = (s.values.iter().zip(&at))
                .map(|(v, i)| (2 * i + 1, v.map(drawn)))
                .collect();
            // A line joins a month to the next only where both have a value.
            let mut runs: Vec<Vec<(i64, i64)>> = Vec::new();
            for (k, (x, v)) in points.iter().enumerate() {
                let joined = k > 0 && points[k - 1].1.is_some() && points[k - 1].0 + 2 == *x;
                match (v, joined, runs.last_mut()) {
                    (Some(v), true, Some(run)) => run.push((*x, *v)),
                    (Some(v), _, _) => runs.push(vec![(*x, *v)]),
                    (None, _, _) => {}
                }
            }
            for line in runs {
                let style = s.colour.stroke_width(2);
                let _ = match s.dashed {
                    true => chart.draw_series(DashedLineSeries::new(line, 5, 4, style)),
                    false => chart.draw_series(LineSeries::new(line, style)),
                };
            }
            for (i, ((x, v), exact)) in points.iter().zip(&s.values).enumerate() {
                let (Some(v), Some(exact)) = (v, exact) else {
                    continue;
                };
                let _ =
                    chart.draw_series(std::iter::once(Circle::new((*x, *v), 5, s.colour.filled())));
                let (px, py) = chart.backend_coord(&(*x, *v));
                hotspots.push(Hotspot {
                    x: px,
                    y: py,
                    label: format!(
                        "{}: {} {}",
                        l.months[i].long_name(),
                        s.name,
                        l.value(*exact)
                    ),
                });
            }
            // The key, one line per series above the plot.
            let y = 14 + 20 * k as i32;
            let _ = root.draw(&PathElement::new(
                [(90, y), (120, y)],
                s.colour.stroke_width(3),
            ));
            let style = (FONT, 14).into_font();
            let _ = root.draw(&Text::new(s.name.clone(), (128, y - 8), style));
        }
        let _ = root.present();
    }
    let mut headers = vec!["Month".to_string()];
    headers.extend(l.series.iter().map(|s| s.name.clone()));
    let rows = (l.months.iter().enumerate())
        .map(|(i, m)| {
            let mut row = vec![m.long_name()];
            row.extend((l.series.iter()).map(|s| s.values[i].map_or("–".into(), |v| l.value(v))));
            row
        })
        .collect();
    Chart {
        title: l.title,
        svg,
        width: W,
        height: H,
        hotspots,
        description,
        table: DataTable { headers, rows },
    }
}

/// One report's percentage of forecast by month, both ways (all requests,
/// and the report's way with zero forecasts left out), against its
/// exception lines.
pub fn variance(report: Report, months: &[Variance]) -> Chart {
    let mut months: Vec<&Variance> = months.iter().filter(|v| v.report == report).collect();
    months.sort_by_key(|v| v.period);
    let thresholds = months.last().map_or(report.thresholds(), |v| v.thresholds);
    let levels = [
        ("at or below", thresholds.low),
        ("at or above", thresholds.high),
    ]
    .into_iter()
    .filter_map(|(w, v)| Some((w.to_string(), hundredths(v?))))
    .collect();
    let over = months.iter().filter(|v| {
        (v.percent_of_forecast_parties.or(v.percent_of_all))
            .and_then(|p| thresholds.exception(p))
            .is_some()
    });
    let description = match months.len() {
        0 => format!("No {} figures are loaded.", report.name().to_lowercase()),
        n => format!(
            "{} as a percentage of forecast over {n} month(s), with zero forecasts left out (the report's way) and with all requests; {} of them outside {}.",
            report.name(),
            over.count(),
            thresholds.describe()
        ),
    };
    let series =
        |name: &str, colour, dashed, f: fn(&Variance) -> Option<rust_decimal::Decimal>| Series {
            name: name.into(),
            colour,
            dashed,
            values: months
                .iter()
                .map(|v| f(v).map(|p| i128::from(hundredths(p))))
                .collect(),
        };
    let series = vec![
        series("zero forecasts left out", palette::BLUE, false, |v| {
            v.percent_of_forecast_parties
        }),
        series("all requests", palette::ORANGE, true, |v| v.percent_of_all),
    ];
    lines(
        Lines {
            title: format!(
                "{} ({}): actual against forecast",
                report.name(),
                report.code()
            ),
            y_desc: "Percentage of forecast",
            months: months.iter().map(|v| v.period).collect(),
            series,
            levels,
            percent: true,
        },
        description,
    )
}

/// RDP incidents still open at each month's end, with those opened and
/// resolved in it.
pub fn rdp(months: &[RdpBalance]) -> Chart {
    let i = |v: Option<u64>| v.map(i128::from);
    let series = |name: &str, colour, dashed, f: fn(&RdpBalance) -> Option<u64>| Series {
        name: name.into(),
        colour,
        dashed,
        values: months.iter().map(|b| i(f(b))).collect(),
    };
    let latest = months.iter().rev().find_map(|b| Some((b.period, b.end?)));
    let description = match latest {
        None => "No RDP incident figures are loaded.".to_string(),
        Some((m, end)) => format!(
            "RDP incidents open at each month's end over {} month(s), with those opened and resolved; {} open at the end of {}.",
            months.len(),
            thousands(end),
            m.long_name()
        ),
    };
    lines(
        Lines {
            title: "RDP incidents: open at the end of each month".into(),
            y_desc: "Incidents",
            months: months.iter().map(|b| b.period).collect(),
            series: vec![
                series("open at the end", palette::BLUE, false, |b| b.end),
                series("opened", palette::GREEN, true, |b| b.opened),
                series("resolved", palette::VERMILLION, true, |b| b.resolved),
            ],
            levels: vec![],
            percent: false,
        },
        description,
    )
}

/// One report's aged incidents by the month they were raised: tickets
/// still open from each month, one line per table (service users,
/// providers or the DCC).
pub fn aged(tables: &[AgedTable], report: Month) -> Chart {
    let shown: Vec<&AgedTable> = tables.iter().filter(|t| t.report == report).collect();
    let mut months: Vec<Month> = shown
        .iter()
        .flat_map(|t| t.rows.iter().map(|r| r.raised))
        .collect();
    months.sort();
    months.dedup();
    let series = (shown.iter().zip([palette::BLUE, palette::ORANGE]))
        .map(|(t, colour)| Series {
            name: t.assigned.name().to_lowercase(),
            colour,
            dashed: t.assigned == Assigned::Providers,
            values: months
                .iter()
                .map(|m| {
                    let r = t.rows.iter().find(|r| r.raised == *m)?;
                    let n = r
                        .counts
                        .iter()
                        .flatten()
                        .fold(0u64, |a, c| a.saturating_add(*c));
                    Some(i128::from(n))
                })
                .collect(),
        })
        .collect();
    let description = match months.first() {
        None => format!("No aged incidents are loaded for {}.", report.long_name()),
        Some(first) => format!(
            "Tickets not closed at the point of extract of the {} report, by the month they were raised, from {} on; the older the month, the longer they have been open.",
            report.long_name(),
            first.long_name()
        ),
    };
    lines(
        Lines {
            title: format!(
                "Aged incidents, {} report: open tickets by month raised",
                report.long_name()
            ),
            y_desc: "Tickets still open",
            months,
            series,
            levels: vec![],
            percent: false,
        },
        description,
    )
}
