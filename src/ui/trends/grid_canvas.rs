//! A big status grid painted on a canvas: five years of every measure are
//! 6,500 cells, which as an SVG with a focusable point per cell weighed
//! 1.8 MB and took over a second to show. Painted, it is one element; it
//! reads as the SVG did: one tab stop, the arrow keys (Home, End, Page Up
//! and Page Down too) walk the cells, and hovering reads the cell under the
//! pointer, each cell saying its measure, month, level and status.

use crate::chart::heatmap::{
    ink_css, tint_css, Layout, LABEL_WIDTH, LEGEND, NOT_LOADED, ROW_HEIGHT, TOP_Y,
};
use crate::chart::{short, Mark, FONT};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct GridCanvasProps {
    pub grid: Rc<Layout>,
}

/// The device's pixels to a CSS pixel, at least 1.
fn pixel_ratio() -> f64 {
    web_sys::window()
        .map_or(1.0, |w| w.device_pixel_ratio())
        .max(1.0)
}

/// Paints the grid at the device's pixel density.
fn paint(canvas: &HtmlCanvasElement, g: &Layout) -> Option<()> {
    let dpr = pixel_ratio();
    canvas.set_width((f64::from(g.width) * dpr) as u32);
    canvas.set_height((f64::from(g.height) * dpr) as u32);
    // Its own size where it scrolls sideways (the style sheet scales it to
    // the page's width otherwise). Set through the CSSOM, which the content
    // policy allows, unlike a style attribute.
    let _ = canvas
        .style()
        .set_property("width", &format!("{}px", g.width));
    let ctx = context(canvas)?;
    ctx.scale(dpr, dpr).ok()?;
    ctx.set_fill_style_str("#ffffff");
    ctx.fill_rect(0.0, 0.0, f64::from(g.width), f64::from(g.height));
    ctx.set_text_baseline("middle");
    ctx.set_fill_style_str("#000000");
    ctx.set_font(&format!("bold 16px {FONT}"));
    let _ = ctx.fill_text(&g.title, 12.0, 16.0);
    // The legend: each status's tint and symbol, as the SVG draws it.
    ctx.set_font(&format!("13px {FONT}"));
    let mut x = 12.0;
    for (m, words) in LEGEND {
        ctx.set_fill_style_str(&tint_css(m));
        ctx.fill_rect(x, 32.0, 18.0, 18.0);
        ctx.set_fill_style_str(&ink_css(m));
        ctx.set_text_align("center");
        let _ = ctx.fill_text(m.symbol(), x + 9.0, 41.0);
        ctx.set_text_align("left");
        ctx.set_fill_style_str("#000000");
        let _ = ctx.fill_text(words, x + 24.0, 41.0);
        x += 140.0;
    }
    ctx.set_fill_style_str("rgb(120,120,120)");
    let _ = ctx.fill_text(&format!("{NOT_LOADED} not loaded"), x, 41.0);
    // Month labels: the year over its first month, month names thinned.
    let cell = g.cell;
    let every = ((26 + cell - 1) / cell).max(1);
    ctx.set_fill_style_str("#000000");
    for (i, m) in g.months.iter().enumerate() {
        let x0 = f64::from(LABEL_WIDTH + cell * i as i32);
        if i == 0 || m.month() == 1 {
            ctx.set_font(&format!("bold 11px {FONT}"));
            let _ = ctx.fill_text(&m.year().to_string(), x0 + 2.0, f64::from(TOP_Y - 28));
        }
        if i as i32 % every == 0 {
            ctx.set_font(&format!("11px {FONT}"));
            let name = m.short_name();
            let _ = ctx.fill_text(
                name.split(' ').next().unwrap_or_default(),
                x0 + 2.0,
                f64::from(TOP_Y - 12),
            );
        }
    }
    // Rows: the label, then each run of cells of one look, stamped at once
    // (a CPM's status holds for months: a few dozen runs, not 6,500 cells).
    let tiles = Tiles::new(g, dpr, true)?;
    ctx.set_text_align("left");
    ctx.set_font(&format!("11px {FONT}"));
    ctx.set_fill_style_str("#000000");
    for (j, (label, cells)) in g.rows.iter().enumerate() {
        let y0 = f64::from(TOP_Y + ROW_HEIGHT * j as i32);
        let _ = ctx.fill_text(&short(label, 24), 8.0, y0 + f64::from(ROW_HEIGHT) / 2.0);
        let mut start = 0;
        while let Some(first) = cells.get(start) {
            let mark = first.as_ref().map(|c| c.0);
            let run = cells
                .get(start..)
                .unwrap_or_default()
                .iter()
                .take_while(|c| c.as_ref().map(|c| c.0) == mark)
                .count()
                .max(1);
            tiles.stamp_run(&ctx, g, j, start, run, mark);
            start += run;
        }
    }
    // The year lines, over the cells' white left edges.
    ctx.set_fill_style_str("rgb(120,120,120)");
    for (i, m) in g.months.iter().enumerate() {
        if m.month() == 1 && i > 0 {
            let x0 = f64::from(LABEL_WIDTH + cell * i as i32);
            ctx.fill_rect(
                x0,
                f64::from(TOP_Y - 36),
                1.0,
                f64::from(g.height - TOP_Y + 24),
            );
        }
    }
    Some(())
}

/// The canvas's 2D context.
fn context(canvas: &HtmlCanvasElement) -> Option<CanvasRenderingContext2d> {
    canvas.get_context("2d").ok()??.dyn_into().ok()
}

/// Each cell's look (white ground, status tint, symbol) drawn once per
/// status on a small canvas of its own, then stamped into the grid: 6,500
/// text draws were most of a paint. A tile leaves the cell's left edge,
/// where a year's line may run.
///
/// Each look also comes as a strip of a whole row of cells (each with its
/// white left edge), so a run of cells of one look is one stamp.
struct Tiles {
    cells: Vec<HtmlCanvasElement>,
    strips: Vec<HtmlCanvasElement>,
    dpr: f64,
}

impl Tiles {
    /// The four statuses in [`Mark`] order, then "not loaded"; with the
    /// strips for a whole paint.
    fn new(g: &Layout, dpr: f64, with_strips: bool) -> Option<Tiles> {
        let doc = web_sys::window()?.document()?;
        let (w, h) = (f64::from(g.cell - 1), f64::from(ROW_HEIGHT));
        let looks = [
            Some(Mark::Circle),
            Some(Mark::Triangle),
            Some(Mark::Cross),
            Some(Mark::Hollow),
            None,
        ];
        let mut tiles = Vec::new();
        for mark in looks {
            let tile: HtmlCanvasElement = doc.create_element("canvas").ok()?.dyn_into().ok()?;
            tile.set_width((w * dpr).ceil() as u32);
            tile.set_height((h * dpr).ceil() as u32);
            let ctx = context(&tile)?;
            ctx.scale(dpr, dpr).ok()?;
            ctx.set_fill_style_str("#ffffff");
            ctx.fill_rect(0.0, 0.0, w, h);
            if let Some(m) = mark {
                ctx.set_fill_style_str(&tint_css(m));
                ctx.fill_rect(0.0, 1.0, w - 1.0, h - 2.0);
            }
            let (ink, symbol) = match mark {
                Some(m) => (ink_css(m), m.symbol()),
                None => ("rgb(120,120,120)".to_string(), NOT_LOADED),
            };
            ctx.set_text_baseline("middle");
            ctx.set_text_align("center");
            ctx.set_font(&format!("10px {FONT}"));
            ctx.set_fill_style_str(&ink);
            let _ = ctx.fill_text(symbol, (w + 1.0) / 2.0 - 1.0, h / 2.0);
            tiles.push(tile);
        }
        // The strips: the tile stamped into each cell of a row.
        let mut strips = Vec::new();
        let cols = g.months.len().max(1);
        let cell = f64::from(g.cell);
        for tile in tiles.iter().filter(|_| with_strips) {
            let strip: HtmlCanvasElement = doc.create_element("canvas").ok()?.dyn_into().ok()?;
            strip.set_width((cell * cols as f64 * dpr).ceil() as u32);
            strip.set_height((h * dpr).ceil() as u32);
            let ctx = context(&strip)?;
            ctx.scale(dpr, dpr).ok()?;
            ctx.set_fill_style_str("#ffffff");
            ctx.fill_rect(0.0, 0.0, cell * cols as f64, h);
            for k in 0..cols {
                let _ = ctx.draw_image_with_html_canvas_element_and_dw_and_dh(
                    tile,
                    cell * k as f64 + 1.0,
                    0.0,
                    w,
                    h,
                );
            }
            strips.push(strip);
        }
        Some(Tiles {
            cells: tiles,
            strips,
            dpr,
        })
    }

    /// Stamps the look of `mark` into `run` cells of `row` from `col` on.
    fn stamp_run(
        &self,
        ctx: &CanvasRenderingContext2d,
        g: &Layout,
        row: usize,
        col: usize,
        run: usize,
        mark: Option<Mark>,
    ) {
        let Some(strip) = self.strips.get(look(mark)) else {
            return;
        };
        let x0 = f64::from(LABEL_WIDTH + g.cell * col as i32);
        let y0 = f64::from(TOP_Y + ROW_HEIGHT * row as i32);
        let (w, h) = (f64::from(g.cell) * run as f64, f64::from(ROW_HEIGHT));
        let _ = ctx.draw_image_with_html_canvas_element_and_sw_and_sh_and_dx_and_dy_and_dw_and_dh(
            strip,
            0.0,
            0.0,
            w * self.dpr,
            h * self.dpr,
            x0,
            y0,
            w,
            h,
        );
    }

    /// Stamps the look of `mark` into cell (`row`, `col`).
    fn stamp(
        &self,
        ctx: &CanvasRenderingContext2d,
        g: &Layout,
        row: usize,
        col: usize,
        mark: Option<Mark>,
    ) {
        let Some(tile) = self.cells.get(look(mark)) else {
            return;
        };
        let x0 = f64::from(LABEL_WIDTH + g.cell * col as i32) + 1.0;
        let y0 = f64::from(TOP_Y + ROW_HEIGHT * row as i32);
        let (w, h) = (f64::from(g.cell - 1), f64::from(ROW_HEIGHT));
        let _ = ctx.draw_image_with_html_canvas_element_and_dw_and_dh(tile, x0, y0, w, h);
    }
}

/// The index of a look among the tiles: the four statuses in [`Mark`]
/// order, then "not loaded".
fn look(mark: Option<Mark>) -> usize {
    match mark {
        Some(Mark::Circle) => 0,
        Some(Mark::Triangle) => 1,
        Some(Mark::Cross) => 2,
        Some(Mark::Hollow) => 3,
        None => 4,
    }
}

/// Whether `b` lies out as `a` did (the same size, months and rows), so
/// only the cells whose status changed need painting again.
fn same_frame(a: &Layout, b: &Layout) -> bool {
    a.width == b.width
        && a.height == b.height
        && a.cell == b.cell
        && a.months == b.months
        && a.rows.len() == b.rows.len()
        && a.rows.iter().zip(&b.rows).all(|(x, y)| x.0 == y.0)
}

/// Paints `g` over `before` where it lies out the same, cell by changed
/// cell (an undo changes one or two of 6,500); else whole. `None`: there is
/// no 2D context.
fn repaint(canvas: &HtmlCanvasElement, before: Option<&Layout>, g: &Layout) -> Option<()> {
    let Some(before) = before.filter(|b| same_frame(b, g)) else {
        return paint(canvas, g);
    };
    let ctx = context(canvas)?;
    let dpr = pixel_ratio();
    let tiles = Tiles::new(g, dpr, false)?;
    for (j, (old, new)) in before.rows.iter().zip(&g.rows).enumerate() {
        for (i, (a, b)) in old.1.iter().zip(&new.1).enumerate() {
            let (a, b) = (a.as_ref().map(|c| c.0), b.as_ref().map(|c| c.0));
            if a != b {
                tiles.stamp(&ctx, g, j, i, b);
            }
        }
    }
    Some(())
}

/// The cell a key moves to from `at` in a grid of `rows` × `cols`.
fn step(key: &str, (r, c): (usize, usize), rows: usize, cols: usize) -> Option<(usize, usize)> {
    let (last_r, last_c) = (rows.checked_sub(1)?, cols.checked_sub(1)?);
    Some(match key {
        "ArrowRight" => (r, (c + 1).min(last_c)),
        "ArrowLeft" => (r, c.saturating_sub(1)),
        "ArrowDown" => ((r + 1).min(last_r), c),
        "ArrowUp" => (r.saturating_sub(1), c),
        "Home" => (r, 0),
        "End" => (r, last_c),
        "PageDown" => ((r + 10).min(last_r), c),
        "PageUp" => (r.saturating_sub(10), c),
        _ => return None,
    })
}

/// What a cell says: its label, or that the month is not loaded.
pub fn cell_text(g: &Layout, (r, c): (usize, usize)) -> String {
    let Some((label, cells)) = g.rows.get(r) else {
        return String::new();
    };
    match (cells.get(c), g.months.get(c)) {
        (Some(Some((_, text))), _) => text.clone(),
        (_, Some(m)) => format!("{label}, {}: not loaded", m.long_name()),
        _ => String::new(),
    }
}

#[component]
pub fn GridCanvas(p: &GridCanvasProps) -> Html {
    let canvas = use_node_ref();
    let at = use_state(|| None::<(usize, usize)>);
    // How many times it has been painted (0: not yet), for tests and the bench.
    let painted = use_state(|| 0u32);
    // The grid as last painted, to paint only what changed.
    let last = use_mut_ref(|| None::<Rc<Layout>>);
    {
        let (canvas, painted) = (canvas.clone(), painted.clone());
        let at = at.clone();
        use_effect_with(p.grid.clone(), move |g| {
            // The cell being read may be gone (the filter, fewer rows).
            if let Some((r, c)) = *at {
                if r >= g.rows.len() || c >= g.months.len() {
                    at.set(None);
                }
            }
            if let Some(c) = canvas.cast::<HtmlCanvasElement>() {
                if repaint(&c, last.borrow().as_deref(), g).is_some() {
                    *last.borrow_mut() = Some(g.clone());
                    painted.set(*painted + 1);
                }
            }
        });
    }
    let g = &p.grid;
    let (rows, cols) = (g.rows.len(), g.months.len());
    let onkeydown = {
        let at = at.clone();
        Callback::from(move |e: KeyboardEvent| {
            let from = (*at).unwrap_or((0, cols.saturating_sub(1)));
            if let Some(to) = step(&e.key(), from, rows, cols) {
                e.prevent_default();
                at.set(Some(to));
            }
        })
    };
    // First focus reads the latest month of the first row.
    let onfocus = {
        let at = at.clone();
        Callback::from(move |_: FocusEvent| {
            if at.is_none() {
                at.set(Some((0, cols.saturating_sub(1))));
            }
        })
    };
    let onmousemove = {
        let (at, g) = (at.clone(), p.grid.clone());
        Callback::from(move |e: MouseEvent| {
            let Some(el) = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            else {
                return;
            };
            let shown = f64::from(el.client_width().max(1));
            let scale = f64::from(g.width) / shown;
            let x = (f64::from(e.offset_x()) * scale) as i32 - LABEL_WIDTH;
            let y = (f64::from(e.offset_y()) * scale) as i32 - TOP_Y;
            let cell = (x >= 0 && y >= 0)
                .then(|| ((y / ROW_HEIGHT) as usize, (x / g.cell.max(1)) as usize))
                .filter(|(r, c)| *r < g.rows.len() && *c < g.months.len());
            if cell != *at {
                at.set(cell);
            }
        })
    };
    let onmouseleave = {
        let at = at.clone();
        Callback::from(move |_: MouseEvent| at.set(None))
    };
    let readout = at.map_or_else(
        || "Hover over a cell, or tab to the grid and use the arrow keys, to read its measure, month, level and status.".to_string(),
        |cell| cell_text(g, cell),
    );
    let ring = at.map(|(r, c)| {
        html! {
            <rect class="hotspot-ring" x={(LABEL_WIDTH + g.cell * c as i32).to_string()} y={(TOP_Y + ROW_HEIGHT * r as i32).to_string()}
                width={g.cell.to_string()} height={ROW_HEIGHT.to_string()} />
        }
    });
    html! {
        <>
            <p class="chart-tip" data-testid="chart-tip" aria-live="polite">{ readout }</p>
            <div class="chart-canvas">
                <canvas ref={canvas} class="grid-canvas" data-testid="grid-canvas" data-painted={painted.to_string()}
                    width={g.width.to_string()} height={g.height.to_string()} tabindex="0" role="img"
                    aria-label={format!("{}: {} rows by {} months. Arrow keys read each cell.", g.title, rows, cols)}
                    {onkeydown} {onfocus} {onmousemove} {onmouseleave} />
                <svg class="chart-ring" viewBox={format!("0 0 {} {}", g.width, g.height)} aria-hidden="true">{ ring }</svg>
            </div>
        </>
    }
}
