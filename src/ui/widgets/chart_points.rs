//! A chart's points, laid over its image as an SVG of focusable circles
//! placed by attributes (the page's content policy forbids inline styles).
//!
//! Its own component so that reading a point, which re-renders the frame,
//! leaves these elements alone: rebuilt circles would lose keyboard focus.
//!
//! One tab stop per chart (a status grid has thousands of points): Tab
//! reaches the first point, the arrow keys, Home and End walk the rest.

use crate::chart::Chart;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Moves focus from the point with index `from` to the one the key names,
/// by the DOM alone (a roving tab stop), so nothing re-renders.
fn walk(e: KeyboardEvent, count: usize) {
    let step: i64 = match e.key().as_str() {
        "ArrowRight" | "ArrowDown" => 1,
        "ArrowLeft" | "ArrowUp" => -1,
        "Home" => i64::MIN / 2,
        "End" => i64::MAX / 2,
        _ => return,
    };
    let Some(from) = e
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
    else {
        return;
    };
    let at = from
        .get_attribute("data-index")
        .and_then(|v| v.parse::<i64>().ok())
        .unwrap_or(0);
    let to = at
        .saturating_add(step)
        .clamp(0, count.saturating_sub(1) as i64);
    let Some(svg) = from.parent_element() else {
        return;
    };
    let next = svg
        .query_selector(&format!("[data-index=\"{to}\"]"))
        .ok()
        .flatten()
        .and_then(|n| n.dyn_into::<web_sys::SvgElement>().ok());
    if let Some(next) = next {
        e.prevent_default();
        let _ = from.set_attribute("tabindex", "-1");
        let _ = next.set_attribute("tabindex", "0");
        let _ = next.focus();
    }
}

#[derive(Properties, PartialEq)]
pub struct ChartPointsProps {
    pub chart: Rc<Chart>,
    /// The point hovered or focused, or `None` when it is left.
    pub on_read: Callback<Option<usize>>,
}

/// The index of the point an event's target (or related target) is.
fn point(target: Option<web_sys::EventTarget>) -> Option<usize> {
    target?
        .dyn_into::<web_sys::Element>()
        .ok()?
        .get_attribute("data-index")?
        .parse()
        .ok()
}

#[component]
pub fn ChartPoints(p: &ChartPointsProps) -> Html {
    let c = &p.chart;
    // The points carry no listeners of their own: the SVG reads which point
    // an event came from (a redraw of 60 or 480 points then updates their
    // places, not 4 listeners each).
    let (onmouseover, onfocusin) = {
        let (a, b) = (p.on_read.clone(), p.on_read.clone());
        (
            Callback::from(move |e: MouseEvent| {
                if let Some(i) = point(e.target()) {
                    a.emit(Some(i))
                }
            }),
            Callback::from(move |e: FocusEvent| {
                if let Some(i) = point(e.target()) {
                    b.emit(Some(i))
                }
            }),
        )
    };
    // Left for another point: that point's own event says so.
    let (onmouseout, onfocusout) = {
        let (a, b) = (p.on_read.clone(), p.on_read.clone());
        (
            Callback::from(move |e: MouseEvent| {
                if point(e.related_target()).is_none() {
                    a.emit(None)
                }
            }),
            Callback::from(move |e: FocusEvent| {
                if point(e.related_target()).is_none() {
                    b.emit(None)
                }
            }),
        )
    };
    let spot = |i: usize, h: &crate::chart::Hotspot| {
        html! {
            <circle key={i} class="hotspot" data-testid="hotspot" data-index={i.to_string()}
                tabindex={if i == 0 { "0" } else { "-1" }} role="img" aria-label={h.label.clone()}
                cx={h.x.to_string()} cy={h.y.to_string()} r="11">
                <title>{ &h.label }</title>
            </circle>
        }
    };
    let count = c.hotspots.len();
    let onkeydown = Callback::from(move |e: KeyboardEvent| walk(e, count));
    html! {
        <svg class="chart-hotspots" viewBox={format!("0 0 {} {}", c.width, c.height)}
            aria-label={format!("{count} points: Tab to the first, arrow keys for the others")}
            {onkeydown} {onmouseover} {onmouseout} {onfocusin} {onfocusout}>
            { for c.hotspots.iter().enumerate().map(|(i, h)| spot(i, h)) }
        </svg>
    }
}
