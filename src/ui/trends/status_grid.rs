//! The status grid of every measure by month, with a switch to show only the
//! measures that missed their target in some month.

use super::grid_canvas::GridCanvas;
use crate::chart::heatmap::{draw, layout, table_of};
use crate::chart::Chart;
use crate::engine::Results;
use crate::ui::chart_frame::{use_chart_width, ChartFrame};
use crate::ui::widgets::copy_table::CopyTable;
use std::rc::Rc;
use yew::prelude::*;

/// Above this many cells the grid is painted on a canvas: as points, each
/// a focusable element in the page, five years (6,500) took over a second.
pub const MOST_POINTS: usize = 1_500;

#[derive(Properties, PartialEq)]
pub struct StatusGridProps {
    pub results: Rc<Results>,
}

#[component]
pub fn StatusGrid(p: &StatusGridProps) -> Html {
    // Local: the filter is a way of reading, not part of the work to save.
    let only_misses = use_state(|| false);
    // Too many months to draw narrow: on a phone it keeps its size and scrolls.
    let (measure, width) = use_chart_width();
    let grid = use_memo((p.results.clone(), *only_misses), |(r, only)| {
        Rc::new(layout(r, *only))
    });
    let cells: usize = grid.rows.len() * grid.months.len();
    // Up to a couple of years of the sample's measures, an SVG with a point
    // per cell; more is painted on a canvas, its SVG built only to download.
    let painted = cells > MOST_POINTS;
    let only = *only_misses;
    let chart = use_memo(
        ((*grid).clone(), width, painted, p.results.clone(), only),
        |(g, w, painted, r, only)| {
            if *painted {
                // Its data table is built when opened or copied (`make_table`).
                Chart {
                    title: g.title.clone(),
                    width: g.width as u32,
                    height: g.height as u32,
                    description: g.description.clone(),
                    ..Chart::default()
                }
            } else {
                draw(g, *w, table_of(r, *only))
            }
        },
    );
    let make_svg = {
        let grid = (*grid).clone();
        Callback::from(move |_: ()| draw(&grid, u32::MAX, Default::default()).svg)
    };
    // The whole data table, for the painted grid whose chart carries none.
    let make_table = {
        let results = p.results.clone();
        painted.then(|| Callback::from(move |()| table_of(&results, only)))
    };
    let surface = painted.then(|| html! { <GridCanvas grid={(*grid).clone()} /> });
    let native = chart.width > width;
    let toggle = {
        let only_misses = only_misses.clone();
        Callback::from(move |_: Event| only_misses.set(!*only_misses))
    };
    // A few months draw a narrow grid: kept near its own size rather than
    // stretched (no inline style: the content policy forbids it).
    let class = classes!("status-grid", (chart.width <= 800).then_some("narrow"));
    // The grid's data table, whole, whether or not it is open on the page.
    let copy_rows = {
        let results = p.results.clone();
        Callback::from(move |()| {
            let t = table_of(&results, only);
            std::iter::once(t.headers).chain(t.rows).collect()
        })
    };
    html! {
        <div {class} id="status-grid-data">
            <CopyTable target="status-grid-data" label="status grid" rows={copy_rows} />
            <ChartFrame chart={chart.clone()} id="status-grid" {measure} {native} {surface} {make_svg} {make_table}>
                <label class="chart-pick">
                    <input type="checkbox" data-testid="grid-only-misses" checked={*only_misses} onchange={toggle} />
                    { " Only measures below target in some month" }
                </label>
            </ChartFrame>
        </div>
    }
}
