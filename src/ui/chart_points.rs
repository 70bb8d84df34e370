//! A chart's points, laid over its image as an SVG of focusable circles
//! placed by attributes (the page's content policy forbids inline styles).
//!
//! Its own component so that reading a point, which re-renders the frame,
//! leaves these elements alone: rebuilt circles would lose keyboard focus.

use crate::chart::Chart;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ChartPointsProps {
    pub chart: Rc<Chart>,
    /// The point hovered or focused, or `None` when it is left.
    pub on_read: Callback<Option<usize>>,
}

#[component]
pub fn ChartPoints(p: &ChartPointsProps) -> Html {
    let c = &p.chart;
    let spot = |i: usize, h: &crate::chart::Hotspot| {
        fn read<E>(cb: &Callback<Option<usize>>, v: Option<usize>) -> Callback<E> {
            let cb = cb.clone();
            Callback::from(move |_: E| cb.emit(v))
        }
        let cb = &p.on_read;
        html! {
            <circle key={i} class="hotspot" data-testid="hotspot" tabindex="0" role="img" aria-label={h.label.clone()}
                cx={h.x.to_string()} cy={h.y.to_string()} r="11"
                onmouseenter={read::<MouseEvent>(cb, Some(i))} onmouseleave={read::<MouseEvent>(cb, None)}
                onfocusin={read::<FocusEvent>(cb, Some(i))} onfocusout={read::<FocusEvent>(cb, None)}>
                <title>{ &h.label }</title>
            </circle>
        }
    };
    html! {
        <svg class="chart-hotspots" viewBox={format!("0 0 {} {}", c.width, c.height)} aria-label="Points">
            { for c.hotspots.iter().enumerate().map(|(i, h)| spot(i, h)) }
        </svg>
    }
}
