//! The parts of a chart that change only with the chart: the image and the
//! description with its table. Their own components, so reading a point
//! (which re-renders the frame) neither re-encodes a megabyte of SVG nor
//! rebuilds a table of thousands of cells.

use crate::chart::{Chart, DataTable};
use crate::ui::chart_frame::svg_url;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ChartPartProps {
    pub chart: Rc<Chart>,
}

/// The SVG as an image: vector, so crisp at any pixel density, and inert.
#[component]
pub fn ChartImage(p: &ChartPartProps) -> Html {
    let src = use_memo(p.chart.clone(), |c| AttrValue::from(svg_url(&c.svg)));
    let c = &p.chart;
    html! { <img src={(*src).clone()} alt="" width={c.width.to_string()} height={c.height.to_string()} /> }
}

#[derive(Properties, PartialEq)]
pub struct ChartDataProps {
    pub chart: Rc<Chart>,
    /// Builds the table where the chart carries none (the painted status
    /// grid: 6,500 cells of text, built only when opened).
    #[prop_or_default]
    pub make_table: Option<Callback<(), DataTable>>,
}

/// The text description and the data as a table. The table's rows are put
/// in the page only while it is open: a closed table of a five-year chart
/// is hundreds or thousands of cells that every redraw would update.
#[component]
pub fn ChartData(p: &ChartDataProps) -> Html {
    let c = &p.chart;
    let open = use_state(|| false);
    let ontoggle = {
        let open = open.clone();
        Callback::from(move |e: Event| {
            if let Some(d) = e.target_dyn_into::<web_sys::HtmlDetailsElement>() {
                open.set(d.open());
            }
        })
    };
    // Built again when the chart changes, and only while open.
    let built = {
        let make = p.make_table.clone();
        use_memo((p.chart.clone(), *open), move |(_, open)| {
            make.filter(|_| *open).map(|m| m.emit(()))
        })
    };
    let table = (*built).as_ref().unwrap_or(&c.table);
    html! {
        <>
            <p class="chart-description" data-testid="chart-description">{ &c.description }</p>
            <details class="chart-data" {ontoggle}>
                <summary>{ "The data as a table" }</summary>
                <div class="table-wrap" tabindex="0" role="region" aria-label={format!("{}: the data", c.title)}>
                    <table data-testid="chart-table">
                        <thead><tr>{ for table.headers.iter().map(|h| html! { <th scope="col">{ h }</th> }) }</tr></thead>
                        <tbody>
                            if *open {
                                { for table.rows.iter().map(|r| html! { <tr>{ for r.iter().map(|v| html! { <td>{ v }</td> }) }</tr> }) }
                            }
                        </tbody>
                    </table>
                </div>
            </details>
        </>
    }
}
