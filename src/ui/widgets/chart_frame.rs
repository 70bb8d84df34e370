//! One chart on the page: the SVG as an image (vector, so crisp at any
//! pixel density, and inert), focusable points over it that show their
//! value, period and status, the text description, the data as a table,
//! and downloads as SVG and PNG.

use crate::chart::{Chart, DataTable};
use crate::ui::chart_data::{ChartData, ChartImage};
use crate::ui::chart_points::ChartPoints;
use crate::ui::download::{click_link, download};
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ChartFrameProps {
    pub chart: Rc<Chart>,
    /// Names the figure for tests (`chart-{id}`) and the downloads (`dcc-perf-{id}`).
    pub id: AttrValue,
    /// Shown after the title: pickers and the like. Default: nothing.
    #[prop_or_default]
    pub children: Html,
    /// What the readout says before a point is chosen. Default: a hint for
    /// monthly figures.
    #[prop_or(AttrValue::from(
        "Hover over a point, or tab to it, to read its value, month and status."
    ))]
    pub hint: AttrValue,
    /// Where the width the chart has is measured (see [`use_chart_width`]).
    /// Default: not measured.
    #[prop_or_default]
    pub measure: NodeRef,
    /// Shown at its drawn size, scrolling sideways where the space is
    /// narrower, rather than scaled down to fit (a chart that cannot be
    /// drawn narrow enough, like the status grid on a phone). Default: false.
    #[prop_or_default]
    pub native: bool,
    /// Shown instead of the image and its points: a chart painted another
    /// way (the big status grid, on a canvas), with its own read-out.
    #[prop_or_default]
    pub surface: Option<Html>,
    /// Builds the SVG for the downloads, where the chart carries none.
    #[prop_or_default]
    pub make_svg: Option<Callback<(), String>>,
    /// Builds the data table, where the chart carries none (it is big, and
    /// wanted only when opened).
    #[prop_or_default]
    pub make_table: Option<Callback<(), DataTable>>,
}

/// A first guess at the width a chart has, before the page is laid out:
/// the window less the page's margins (and the chart's own padding).
fn guess_width() -> u32 {
    let inner = web_sys::window()
        .and_then(|w| w.inner_width().ok())
        .and_then(|v| v.as_f64())
        .unwrap_or(1280.0);
    let page = if inner <= 760.0 {
        inner - 38.0
    } else {
        inner.min(1600.0) - 70.0
    };
    quantise(page.max(0.0) as u32)
}

/// Widths in steps of 10 px, so a small change of layout does not redraw.
fn quantise(w: u32) -> u32 {
    w - w % 10
}

/// The width, in CSS pixels, that a chart has: measured on the element the
/// returned `NodeRef` is given to (pass it to [`ChartFrame`]'s `measure`),
/// and again whenever the window is resized. Charts are drawn for this width
/// so that on a phone their text is shown at its drawn size (≥ 10 px), not
/// scaled down to a few pixels.
#[hook]
pub fn use_chart_width() -> (NodeRef, u32) {
    let node = use_node_ref();
    let width = use_state(guess_width);
    {
        let (node, width) = (node.clone(), width.clone());
        use_effect_with((), move |_| {
            let measure = move || {
                if let Some(el) = node.cast::<web_sys::Element>() {
                    let w = quantise(el.client_width().max(0) as u32);
                    if w > 0 && w != *width {
                        width.set(w);
                    }
                }
            };
            measure();
            let listener = web_sys::window()
                .map(|w| gloo_events::EventListener::new(&w, "resize", move |_| measure()));
            move || drop(listener)
        });
    }
    (node, *width)
}

/// `data:` URL of an SVG, percent-encoded (the page's policy allows `data:`
/// images and nothing else outside the site).
pub fn svg_url(svg: &str) -> String {
    const PREFIX: &str = "data:image/svg+xml;charset=utf-8,";
    // Bytes, then one check: pushing chars one by one was most of the time
    // for a big chart.
    let mut out = Vec::with_capacity(svg.len() + svg.len() / 4 + PREFIX.len());
    out.extend_from_slice(PREFIX.as_bytes());
    for b in svg.bytes() {
        match b {
            b'A'..=b'Z'
            | b'a'..=b'z'
            | b'0'..=b'9'
            | b' '
            | b'-'
            | b'_'
            | b'.'
            | b'='
            | b':'
            | b'/'
            | b','
            | b'('
            | b')' => out.push(b),
            _ => {
                const HEX: &[u8; 16] = b"0123456789ABCDEF";
                out.push(b'%');
                out.push(HEX[usize::from(b >> 4)]);
                out.push(HEX[usize::from(b & 15)]);
            }
        }
    }
    // Only ASCII was written.
    String::from_utf8(out).unwrap_or_default()
}

/// Draws the SVG onto a canvas `scale` times its size and downloads it as PNG.
fn download_png(svg: &str, name: String, w: u32, h: u32, on_done: Callback<String>) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return on_done.emit("no document".into());
    };
    let (Ok(img), Ok(canvas)) = (doc.create_element("img"), doc.create_element("canvas")) else {
        return on_done.emit("could not make an image".into());
    };
    let (Ok(img), Ok(canvas)) = (
        img.dyn_into::<web_sys::HtmlImageElement>(),
        canvas.dyn_into::<web_sys::HtmlCanvasElement>(),
    ) else {
        return on_done.emit("could not make an image".into());
    };
    // At least twice the size, more on denser screens, so the PNG is crisp.
    let dpr = web_sys::window().map_or(1.0, |w| w.device_pixel_ratio());
    let scale = dpr.max(2.0).ceil() as u32;
    canvas.set_width(w * scale);
    canvas.set_height(h * scale);
    let image = img.clone();
    let onload = Closure::once(move || {
        let ctx = canvas
            .get_context("2d")
            .ok()
            .flatten()
            .and_then(|c| c.dyn_into::<web_sys::CanvasRenderingContext2d>().ok());
        let Some(ctx) = ctx else {
            return on_done.emit("no 2D canvas".into());
        };
        ctx.set_fill_style_str("#ffffff");
        ctx.fill_rect(0.0, 0.0, f64::from(w * scale), f64::from(h * scale));
        let drawn = ctx.draw_image_with_html_image_element_and_dw_and_dh(
            &image,
            0.0,
            0.0,
            f64::from(w * scale),
            f64::from(h * scale),
        );
        let url = drawn
            .ok()
            .and_then(|_| canvas.to_data_url_with_type("image/png").ok());
        let Some(url) = url else {
            return on_done.emit("the browser would not draw the chart".into());
        };
        on_done.emit(match click_link(&name, &url) {
            Ok(()) => format!("Saved {name} to your downloads."),
            Err(e) => format!("Could not save {name}: {e}"),
        });
    });
    img.set_onload(Some(onload.as_ref().unchecked_ref()));
    onload.forget();
    img.set_src(&svg_url(svg));
}

#[component]
pub fn ChartFrame(p: &ChartFrameProps) -> Html {
    let c = &p.chart;
    // The point being read: hover or keyboard focus.
    let reading = use_state(|| None::<usize>);
    let said = use_state(|| None::<String>);
    let stem = format!("dcc-perf-{}", p.id);
    // The SVG as shown, or built now for a chart painted another way.
    let svg = {
        let (chart, make) = (p.chart.clone(), p.make_svg.clone());
        move || match &make {
            Some(m) if chart.svg.is_empty() => m.emit(()),
            _ => chart.svg.clone(),
        }
    };
    let svg_dl = {
        let (said, name, svg) = (said.clone(), format!("{stem}.svg"), svg.clone());
        Callback::from(move |_: MouseEvent| {
            said.set(Some(match download(&name, "image/svg+xml", &svg()) {
                Ok(()) => format!("Saved {name} to your downloads."),
                Err(e) => format!("Could not save {name}: {e}"),
            }))
        })
    };
    let png_dl = {
        let (chart, said, name) = (p.chart.clone(), said.clone(), format!("{stem}.png"));
        Callback::from(move |_: MouseEvent| {
            let said = said.clone();
            let done = Callback::from(move |m: String| said.set(Some(m)));
            download_png(&svg(), name.clone(), chart.width, chart.height, done);
        })
    };
    // Stable across renders, so the points component is not re-rendered
    // (and its circles not rebuilt) when a point is read.
    let on_read = {
        let reading = reading.clone();
        use_callback((), move |i: Option<usize>, _| reading.set(i))
    };
    let current = reading.and_then(|i| c.hotspots.get(i));
    let ring = current.map(|h| {
        html! {
            <circle class="hotspot-ring" cx={h.x.to_string()} cy={h.y.to_string()} r="13" />
        }
    });
    let readout = current.map_or_else(|| p.hint.to_string(), |h| h.label.clone());
    html! {
        <figure class={classes!("chart", p.native.then_some("chart-native"))} data-testid={format!("chart-{}", p.id)}>
            // The SVG carries the title (for exports); the caption names the figure for screen readers.
            <figcaption class="visually-hidden">{ &c.title }</figcaption>
            <div class="chart-measure" ref={p.measure.clone()} aria-hidden="true"></div>
            { p.children.clone() }
            if let Some(surface) = &p.surface {
                if p.native {
                    <div class="chart-scroll" tabindex="-1" role="region" aria-label={format!("{} (scrolls sideways)", c.title)}>
                        { surface.clone() }
                    </div>
                } else {
                    { surface.clone() }
                }
            } else {
            <p class="chart-tip" data-testid="chart-tip" aria-live="polite">{ readout }</p>
            if p.native {
                // Wider than the space: scrolls sideways, and takes focus so it can be scrolled by keyboard.
                <div class="chart-scroll" tabindex="0" role="region" aria-label={format!("{} (scrolls sideways)", c.title)}>
                    <div class="chart-canvas">
                        <ChartImage chart={p.chart.clone()} />
                        <ChartPoints chart={p.chart.clone()} {on_read} />
                        <svg class="chart-ring" viewBox={format!("0 0 {} {}", c.width, c.height)} aria-hidden="true">{ ring }</svg>
                    </div>
                </div>
            } else {
                <div class="chart-canvas">
                    <ChartImage chart={p.chart.clone()} />
                    <ChartPoints chart={p.chart.clone()} {on_read} />
                    <svg class="chart-ring" viewBox={format!("0 0 {} {}", c.width, c.height)} aria-hidden="true">{ ring }</svg>
                </div>
            }
            }
            <ChartData chart={p.chart.clone()} make_table={p.make_table.clone()} />
            <p class="chart-actions">
                <button type="button" data-testid="chart-svg" onclick={svg_dl}>{ "Download SVG" }</button>
                <button type="button" data-testid="chart-png" onclick={png_dl}>{ "Download PNG" }</button>
                if let Some(m) = &*said { <span role="status" class="chart-said">{ m }</span> }
            </p>
        </figure>
    }
}
