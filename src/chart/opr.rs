//! The OPR margin of a regulatory year, measure by measure: each weighted
//! measure's margin as a horizontal bar split into kept, lost and (where a
//! part has no figure) not assessed; and two scenarios' margins side by
//! side, with the difference in kept. Amounts are whole pounds for drawing;
//! every printed figure is the engine's (£m to three decimals, as the
//! submission prints, or exact pounds in tooltips).

use super::{nice_step, palette, short, whole_pounds, Chart, DataTable, Hotspot, FONT};
use crate::engine::margin::signed_money;
use crate::engine::margin::{millions, money, percent, MeasureMargin, YearMargin};
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use rust_decimal::Decimal;

const W: u32 = 960;
/// Height of one bar and the gap below it, in pixels.
const BAR: u32 = 22;
const GAP: u32 = 12;

/// The three ways a margin is split, in drawing order.
const PARTS: [(&str, RGBColor); 3] = [
    ("kept", palette::BLUE),
    ("lost", palette::VERMILLION),
    ("not assessed", palette::GREY),
];
/// The right-hand scenario's lighter shades, so the two bars of a measure
/// differ by more than their position.
const PARTS_RIGHT: [RGBColor; 3] = [palette::SKY, palette::ORANGE, palette::LIGHT];

/// One bar: a measure of one scenario.
struct Bar<'a> {
    m: &'a MeasureMargin,
    /// The scenario's name, side by side only.
    side: Option<&'a str>,
    right: bool,
    /// Space after the bar: wider after the last bar of a measure.
    gap_after: u32,
    /// Added to each of the bar's tooltips (side by side: the difference).
    note: Option<String>,
}

fn amounts(m: &MeasureMargin) -> [Decimal; 3] {
    [m.kept, m.lost, m.unassessed]
}

/// The measures worth drawing: those with a weight or a margin.
fn weighted(y: &YearMargin) -> impl Iterator<Item = &MeasureMargin> {
    y.measures
        .iter()
        .filter(|m| !(m.weight.is_zero() && m.margin.is_zero()))
}

/// `kept £2.086m, lost £0.000m` (and not assessed where there is any).
fn split_words(m: &MeasureMargin) -> String {
    let mut s = format!("kept £{}m, lost £{}m", millions(m.kept), millions(m.lost));
    if !m.unassessed.is_zero() {
        s.push_str(&format!(", not assessed £{}m", millions(m.unassessed)));
    }
    s
}

fn segment_words(m: &MeasureMargin, part: usize, side: Option<&str>) -> String {
    let (what, _) = PARTS[part];
    let v = amounts(m)[part];
    let share = match (part, m.share_kept) {
        (0, Some(s)) => format!(" ({} kept)", percent(s)),
        _ => String::new(),
    };
    let side = side.map(|s| format!("{s}: ")).unwrap_or_default();
    format!(
        "{side}{} {what}: £{}m ({}) of £{}m{share}",
        m.code,
        millions(v),
        money(v),
        millions(m.margin)
    )
}

/// The narrowest an OPR chart is drawn (a phone's width less the page's margins).
pub const MIN_W: u32 = 300;

fn draw(title: &str, bars: &[Bar], note: &str, w: u32) -> (String, Vec<Hotspot>, u32) {
    let narrow = w < 640;
    // Legend, title and note wrap on a narrow chart.
    let two = bars.iter().any(|b| b.right);
    let top: u32 = if narrow && two {
        112
    } else if narrow {
        80
    } else {
        76
    };
    let body: u32 = bars.iter().map(|b| BAR + b.gap_after).sum();
    let h = top + body + 84;
    let hi_raw = bars
        .iter()
        .map(|b| whole_pounds(b.m.margin))
        .max()
        .unwrap_or(0)
        .max(1);
    // Room to the right of the longest bar for its words.
    // (More room on a narrow chart, where the words are wide for the bars.)
    let room = if narrow {
        hi_raw.saturating_mul(3) / 2
    } else {
        hi_raw.saturating_mul(3) / 4
    };
    let step = nice_step(hi_raw.saturating_add(room), 6);
    let hi = (hi_raw.saturating_add(room) + step - 1).div_euclid(step) * step;
    let mut svg = String::new();
    let mut hotspots = Vec::new();
    {
        let root = SVGBackend::with_string(&mut svg, (w, h)).into_drawing_area();
        let _ = root.fill(&WHITE);
        // Bars are laid out downwards from 0; `down` turns that into plot y.
        let mut chart = match ChartBuilder::on(&root)
            .margin(if narrow { 8 } else { 16 })
            .margin_top(top)
            .margin_bottom(30)
            .x_label_area_size(44)
            .y_label_area_size(if narrow { 56 } else { 70 })
            .build_cartesian_2d(0..hi, 0..body as i64)
        {
            Ok(c) => c,
            Err(_) => return (String::new(), Vec::new(), h),
        };
        // Ticks are round steps: "£0.5m", "£2m".
        let x_label = |v: &i64| {
            let m = Decimal::from(*v) / Decimal::from(1_000_000);
            format!("£{}m", crate::engine::format::exact(m.normalize()))
        };
        // A narrow axis has room for about four labels.
        let x_labels = if narrow { 4 } else { (hi / step + 1) as usize };
        let _ = chart
            .configure_mesh()
            .disable_y_mesh()
            .light_line_style(WHITE.mix(0.0))
            .bold_line_style(palette::LIGHT)
            .x_labels(x_labels)
            .x_label_formatter(&x_label)
            .y_labels(1)
            .y_label_formatter(&|_| String::new())
            .x_desc("OPR margin (£m)")
            .label_style((FONT, 13))
            .axis_desc_style((FONT, 14))
            .draw();
        let left_text = (FONT, 13)
            .into_font()
            .color(&palette::BLACK)
            .pos(Pos::new(HPos::Right, VPos::Center));
        let after_text = (FONT, if narrow { 13 } else { 12 })
            .into_font()
            .color(&palette::BLACK)
            .pos(Pos::new(HPos::Left, VPos::Center));
        let down = |y: i64| body as i64 - y;
        let mut y = 0i64;
        let mut previous: Option<&str> = None;
        for b in bars {
            let (y0, y1) = (down(y), down(y + i64::from(BAR)));
            let mid = down(y + i64::from(BAR) / 2);
            if previous != Some(b.m.code.as_str()) {
                // A pair's code sits between its two bars.
                let at = if b.side.is_some() { y1 } else { mid };
                let (px, py) = chart.backend_coord(&(0, at));
                let _ = root.draw(&Text::new(
                    b.m.code.clone(),
                    (px - 8, py),
                    left_text.clone(),
                ));
            }
            previous = Some(b.m.code.as_str());
            let mut x = 0i64;
            for (i, v) in amounts(b.m).into_iter().enumerate() {
                let w = whole_pounds(v);
                if w <= 0 {
                    continue;
                }
                let c = if b.right { PARTS_RIGHT[i] } else { PARTS[i].1 };
                let _ = chart.draw_series(std::iter::once(Rectangle::new(
                    [(x, y0), (x + w, y1)],
                    c.filled(),
                )));
                if b.right {
                    // An outline in the left's colour ties the shades together.
                    let _ = chart.draw_series(std::iter::once(Rectangle::new(
                        [(x, y0), (x + w, y1)],
                        PARTS[i].1.stroke_width(1),
                    )));
                }
                let (px, py) = chart.backend_coord(&(x + w / 2, mid));
                hotspots.push(Hotspot {
                    x: px,
                    y: py,
                    label: match &b.note {
                        Some(n) => format!("{}; {n}", segment_words(b.m, i, b.side)),
                        None => segment_words(b.m, i, b.side),
                    },
                });
                x += w;
            }
            let (px, py) = chart.backend_coord(&(x, mid));
            let side = b
                .side
                .map(|s| format!("{}: ", short(s, 18)))
                .unwrap_or_default();
            let _ = root.draw(&Text::new(
                format!("{side}{}", split_words(b.m)),
                (px + 6, py),
                after_text.clone(),
            ));
            y += i64::from(BAR + b.gap_after);
        }
        let unassessed = bars.iter().any(|b| !b.m.unassessed.is_zero());
        legend(&root, two, unassessed, narrow);
        let _ = root.draw(&Text::new(
            short(title, if narrow { (w / 8) as usize } else { 100 }),
            (if narrow { 8 } else { 16 }, 8),
            (FONT, if narrow { 14 } else { 16 })
                .into_font()
                .style(FontStyle::Bold)
                .color(&palette::BLACK),
        ));
        let _ = root.draw(&Text::new(
            short(note, if narrow { (w / 8) as usize } else { 130 }),
            (if narrow { 8 } else { 16 }, h as i32 - 22),
            (FONT, 13).into_font().color(&palette::BLACK),
        ));
        let _ = root.present();
    }
    (svg, hotspots, h)
}

fn legend<DB: DrawingBackend>(
    root: &DrawingArea<DB, plotters::coord::Shift>,
    two: bool,
    unassessed: bool,
    narrow: bool,
) {
    let style = (FONT, 13).into_font().color(&palette::BLACK);
    let mut x = if narrow { 8 } else { 16 };
    // "Not assessed" only where some part has no figure.
    let shown = if unassessed { 3 } else { 2 };
    for (i, (name, c)) in PARTS.iter().enumerate().take(shown) {
        let _ = root.draw(&Rectangle::new([(x, 36), (x + 14, 50)], c.filled()));
        if two {
            let _ = root.draw(&Rectangle::new(
                [(x + 16, 36), (x + 30, 50)],
                PARTS_RIGHT[i].filled(),
            ));
            x += 16;
        }
        let _ = root.draw(&Text::new(*name, (x + 19, 36), style.clone()));
        x += 40 + 8 * name.len() as i32;
    }
    if two && narrow {
        let _ = root.draw(&Text::new(
            "darker: left, upper bar;",
            (8, 58),
            style.clone(),
        ));
        let _ = root.draw(&Text::new("lighter: right, lower bar", (8, 76), style));
    } else if two {
        let _ = root.draw(&Text::new(
            "(darker: left, upper bar; lighter: right, lower bar)",
            (x, 36),
            style,
        ));
    }
}

fn total_words(y: &YearMargin) -> String {
    let mut s = format!("kept £{}m, lost £{}m", millions(y.kept), millions(y.lost));
    if !y.unassessed.is_zero() {
        s.push_str(&format!(", not assessed £{}m", millions(y.unassessed)));
    }
    format!("{s} of £{}m allocated", millions(y.allocated))
}

/// One year's margin, measure by measure.
pub fn year_margin(y: &YearMargin) -> Chart {
    year_margin_at(y, W)
}

/// One year's margin drawn for a space `width` units wide (from [`MIN_W`]
/// to 960), so on a phone its text keeps its drawn size.
pub fn year_margin_at(y: &YearMargin, width: u32) -> Chart {
    let w = width.clamp(MIN_W, W);
    let title = format!("OPR margin kept and lost by measure, {}", y.year);
    let measures: Vec<&MeasureMargin> = weighted(y).collect();
    let table = DataTable {
        headers: [
            "Measure",
            "Name",
            "Margin £m",
            "Kept £m",
            "Lost £m",
            "Not assessed £m",
            "Share kept",
        ]
        .iter()
        .map(|h| h.to_string())
        .collect(),
        rows: measures
            .iter()
            .map(|m| {
                vec![
                    m.code.clone(),
                    m.name.clone(),
                    millions(m.margin),
                    millions(m.kept),
                    millions(m.lost),
                    millions(m.unassessed),
                    m.share_kept.map(percent).unwrap_or_else(|| "—".into()),
                ]
            })
            .chain(std::iter::once(vec![
                "Total".into(),
                String::new(),
                millions(y.allocated),
                millions(y.kept),
                millions(y.lost),
                millions(y.unassessed),
                String::new(),
            ]))
            .collect(),
    };
    if measures.is_empty() {
        return Chart {
            title,
            description: format!("{} has no weighted measures.", y.year),
            table,
            ..Chart::default()
        };
    }
    let bars: Vec<Bar> = measures
        .iter()
        .map(|m| Bar {
            m,
            side: None,
            right: false,
            gap_after: GAP,
            note: None,
        })
        .collect();
    let note = format!("Total: {}.", total_words(y));
    let (svg, hotspots, height) = draw(&title, &bars, &note, w);
    let most_lost = measures
        .iter()
        .filter(|m| !m.lost.is_zero())
        .max_by_key(|m| m.lost);
    let mut description = format!("{title}, {} weighted measure(s). {note}", measures.len());
    match most_lost {
        Some(m) => description.push_str(&format!(
            " The most is lost on {} ({}): {}.",
            m.code,
            m.name,
            split_words(m)
        )),
        None => description.push_str(" No margin is lost."),
    }
    let full: Vec<&str> = measures
        .iter()
        .filter(|m| m.lost.is_zero() && m.unassessed.is_zero())
        .map(|m| m.code.as_str())
        .collect();
    if !full.is_empty() {
        description.push_str(&format!(" Kept in full: {}.", full.join(", ")));
    }
    Chart {
        title,
        svg,
        width: w,
        height,
        hotspots,
        description,
        table,
    }
}

/// Two scenarios' margins for the same year, measure by measure, left bar
/// above right; differences are right minus left.
pub fn side_by_side(left: (&str, &YearMargin), right: (&str, &YearMargin)) -> Chart {
    side_by_side_at(left, right, W)
}

/// Two scenarios side by side, drawn for a space `width` units wide.
pub fn side_by_side_at(left: (&str, &YearMargin), right: (&str, &YearMargin), width: u32) -> Chart {
    let w = width.clamp(MIN_W, W);
    let (ln, ly) = left;
    let (rn, ry) = right;
    let title = format!("OPR margin, {}: {ln} and {rn}", ly.year);
    // Measures of either side, the left's order first.
    let mut codes: Vec<&str> = weighted(ly).map(|m| m.code.as_str()).collect();
    for m in weighted(ry) {
        if !codes.contains(&m.code.as_str()) {
            codes.push(m.code.as_str());
        }
    }
    let pairs: Vec<(&str, Option<&MeasureMargin>, Option<&MeasureMargin>)> = codes
        .iter()
        .map(|c| (*c, ly.measure(c), ry.measure(c)))
        .collect();
    let kept_of = |m: Option<&MeasureMargin>| m.map(|m| m.kept).unwrap_or_default();
    let diff = |a: Decimal, b: Decimal| signed_money(b.saturating_sub(a));
    let fig = |m: Option<&MeasureMargin>, f: fn(&MeasureMargin) -> Decimal| {
        m.map(|m| millions(f(m))).unwrap_or_else(|| "—".into())
    };
    let mut rows: Vec<Vec<String>> = pairs
        .iter()
        .map(|(code, l, r)| {
            vec![
                code.to_string(),
                fig(*l, |m| m.kept),
                fig(*l, |m| m.lost),
                fig(*r, |m| m.kept),
                fig(*r, |m| m.lost),
                diff(kept_of(*l), kept_of(*r)),
            ]
        })
        .collect();
    rows.push(vec![
        "Total".into(),
        millions(ly.kept),
        millions(ly.lost),
        millions(ry.kept),
        millions(ry.lost),
        diff(ly.kept, ry.kept),
    ]);
    let table = DataTable {
        headers: vec![
            "Measure".into(),
            format!("{ln} kept £m"),
            format!("{ln} lost £m"),
            format!("{rn} kept £m"),
            format!("{rn} lost £m"),
            format!("Kept, {rn} − {ln}"),
        ],
        rows,
    };
    if pairs.is_empty() {
        return Chart {
            title,
            description: format!("{} has no weighted measures on either side.", ly.year),
            table,
            ..Chart::default()
        };
    }
    let mut bars = Vec::new();
    for (_, l, r) in &pairs {
        // Every tooltip of a measure also says how kept differs between sides.
        let note = Some(format!(
            "kept, {rn} − {ln}: {}",
            diff(kept_of(*l), kept_of(*r))
        ));
        if let Some(m) = l {
            bars.push(Bar {
                m,
                side: Some(ln),
                right: false,
                gap_after: if r.is_some() { 2 } else { GAP + 6 },
                note: note.clone(),
            });
        }
        if let Some(m) = r {
            bars.push(Bar {
                m,
                side: Some(rn),
                right: true,
                gap_after: GAP + 6,
                note,
            });
        }
    }
    let note = format!(
        "Total kept: {ln} £{}m, {rn} £{}m ({rn} − {ln}: {}).",
        millions(ly.kept),
        millions(ry.kept),
        diff(ly.kept, ry.kept)
    );
    let (svg, hotspots, height) = draw(&title, &bars, &note, w);
    let changed: Vec<String> = pairs
        .iter()
        .filter(|(_, l, r)| kept_of(*l) != kept_of(*r))
        .map(|(c, l, r)| format!("{c} {}", diff(kept_of(*l), kept_of(*r))))
        .collect();
    let mut description = format!("{title}: {} measure(s). {note}", pairs.len());
    if changed.is_empty() {
        description.push_str(" No measure's kept margin differs.");
    } else {
        description.push_str(&format!(
            " Kept differs ({rn} − {ln}) on: {}.",
            changed.join(", ")
        ));
    }
    Chart {
        title,
        svg,
        width: w,
        height,
        hotspots,
        description,
        table,
    }
}
