//! One chart on the page: the SVG as an image (vector, so crisp at any
//! pixel density, and inert), focusable points over it that show their
//! value, period and status, the text description, the data as a table,
//! and downloads as SVG and PNG.

use super::download::download;
use crate::chart::Chart;
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
}

/// `data:` URL of an SVG, percent-encoded (the page's policy allows `data:`
/// images and nothing else outside the site).
pub fn svg_url(svg: &str) -> String {
    let mut out = String::with_capacity(svg.len() + 64);
    out.push_str("data:image/svg+xml;charset=utf-8,");
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
            | b')' => out.push(b as char),
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
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
        let a = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.create_element("a").ok())
            .and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok());
        match a {
            Some(a) => {
                a.set_href(&url);
                a.set_download(&name);
                a.click();
                on_done.emit(format!("Saved {name} to your downloads."));
            }
            None => on_done.emit("no document".into()),
        }
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
    let svg_dl = {
        let (chart, said, name) = (p.chart.clone(), said.clone(), format!("{stem}.svg"));
        Callback::from(move |_: MouseEvent| {
            said.set(Some(match download(&name, "image/svg+xml", &chart.svg) {
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
            download_png(&chart.svg, name.clone(), chart.width, chart.height, done);
        })
    };
    // Hotspots live in an SVG laid over the image, placed by attributes: the
    // page's content policy forbids inline styles, so nothing is positioned
    // with `style`.
    let spot = |i: usize, h: &crate::chart::Hotspot| {
        let (on, off, focus, blur) = (
            reading.clone(),
            reading.clone(),
            reading.clone(),
            reading.clone(),
        );
        html! {
            <circle class="hotspot" data-testid="hotspot" tabindex="0" role="img" aria-label={h.label.clone()}
                cx={h.x.to_string()} cy={h.y.to_string()} r="11"
                onmouseenter={Callback::from(move |_| on.set(Some(i)))}
                onmouseleave={Callback::from(move |_| off.set(None))}
                onfocus={Callback::from(move |_| focus.set(Some(i)))}
                onblur={Callback::from(move |_| blur.set(None))}>
                <title>{ &h.label }</title>
            </circle>
        }
    };
    let current = reading.and_then(|i| c.hotspots.get(i));
    let ring = current.map(|h| {
        html! {
            <circle class="hotspot-ring" cx={h.x.to_string()} cy={h.y.to_string()} r="13" />
        }
    });
    let readout = current.map_or_else(
        || "Hover over a point, or tab to it, to read its value, month and status.".to_string(),
        |h| h.label.clone(),
    );
    html! {
        <figure class="chart" data-testid={format!("chart-{}", p.id)}>
            // The SVG carries the title (for exports); the caption names the figure for screen readers.
            <figcaption class="visually-hidden">{ &c.title }</figcaption>
            { p.children.clone() }
            <p class="chart-tip" data-testid="chart-tip" aria-live="polite">{ readout }</p>
            <div class="chart-canvas">
                <img src={svg_url(&c.svg)} alt="" width={c.width.to_string()} height={c.height.to_string()} />
                <svg class="chart-hotspots" viewBox={format!("0 0 {} {}", c.width, c.height)} aria-label="Points">
                    { for c.hotspots.iter().enumerate().map(|(i, h)| spot(i, h)) }
                    { ring }
                </svg>
            </div>
            <p class="chart-description" data-testid="chart-description">{ &c.description }</p>
            <details class="chart-data">
                <summary>{ "The data as a table" }</summary>
                <div class="table-wrap">
                    <table data-testid="chart-table">
                        <thead><tr>{ for c.table.headers.iter().map(|h| html! { <th scope="col">{ h }</th> }) }</tr></thead>
                        <tbody>{ for c.table.rows.iter().map(|r| html! { <tr>{ for r.iter().map(|v| html! { <td>{ v }</td> }) }</tr> }) }</tbody>
                    </table>
                </div>
            </details>
            <p class="chart-actions">
                <button type="button" data-testid="chart-svg" onclick={svg_dl}>{ "Download SVG" }</button>
                <button type="button" data-testid="chart-png" onclick={png_dl}>{ "Download PNG" }</button>
                if let Some(m) = &*said { <span role="status" class="chart-said">{ m }</span> }
            </p>
        </figure>
    }
}
