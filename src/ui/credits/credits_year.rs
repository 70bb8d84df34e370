//! The report's 12-month credit tables (29 and 30): companies as columns,
//! months as rows, row and column totals; each cell says whether it is
//! reported or computed, and a mark flags where the two disagree.

use crate::engine::credit_table::{year_tables, Cell, FleetTable, Origin, Source};
use crate::engine::reported::{pounds, Amount};
use crate::engine::Month;
use crate::ui::credits_chart::CreditsChart;
use crate::ui::credits_view::{delta, CreditsRc};
use crate::ui::state::{Action, DataRef};
use crate::ui::widgets::copy_table::CopyTable;
use web_sys::HtmlSelectElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct CreditsYearProps {
    pub credits: CreditsRc,
    pub base: CreditsRc,
    pub data: DataRef,
    /// The last of the twelve months.
    pub month: Month,
    pub source: Source,
    pub on_action: Callback<Action>,
}

fn cell_html(c: &Cell) -> Html {
    let Some(shown) = c.shown else {
        return html! { <td class="num missing" title="No figure loaded or reported">{ "–" }</td> };
    };
    let partial = c.computed.is_some_and(|k| !k.complete);
    let mark = match c.origin {
        Some(Origin::Computed) if partial => "c*",
        Some(Origin::Computed) => "c",
        _ => "r",
    };
    let title = match (c.reported, c.computed) {
        (Some(r), Some(k)) => format!(
            "Reported {r}; computed {}{}",
            pounds(k.money),
            if k.pending > 0 {
                format!(" + {} pending", k.pending)
            } else {
                String::new()
            }
        ),
        (Some(r), None) => format!("Reported {r}; no figures loaded to compute it"),
        (None, Some(k)) => format!(
            "Computed {}{}",
            pounds(k.money),
            if partial {
                " from a month with some measures missing"
            } else {
                ""
            }
        ),
        (None, None) => String::new(),
    };
    html! {
        <td class={classes!("num", c.differs.then_some("differs"), matches!(shown, Amount::Pending).then_some("pending"))}
            title={title} data-differs={c.differs.to_string()}>
            { shown.to_string() }<sup class="origin">{ mark }</sup>
            if c.differs { <span class="flag" aria-label="reported and computed differ">{ " ⚠" }</span> }
        </td>
    }
}

fn table_html(t: &FleetTable) -> Html {
    let id = format!("credits-year-{}", t.fleet.name().to_lowercase());
    html! { <>
        <CopyTable target={id.clone()} label={format!("{} credits by month", t.fleet)} />
        <table {id} class="measures year-table" data-testid={format!("year-{}", t.fleet.name().to_lowercase())}>
            <caption>{ format!("{} service providers' service credits", t.fleet) }</caption>
            <thead><tr>
                <th scope="col">{ "Month" }</th>
                { for t.parties.iter().map(|p| html! { <th scope="col" class="num">{ p.name() }</th> }) }
                <th scope="col" class="num">{ "Total" }</th>
            </tr></thead>
            <tbody>
                { for t.rows.iter().map(|r| html! {
                    <tr data-month={r.month.to_string()}>
                        <th scope="row">{ r.month.short_name() }</th>
                        { for r.cells.iter().map(cell_html) }
                        <td class={classes!("num", "row-total", r.total_differs.then_some("differs"))} data-testid="row-total"
                            title={r.reported_total.map(|a| format!("Report's total: {a}")).unwrap_or_default()}>
                            { pounds(r.total) }
                            if r.pending > 0 { { format!(" + {} TBC", r.pending) } }
                            if r.total_differs {
                                <span class="flag">{ format!(" ⚠ report says {}", r.reported_total.map(|a| a.to_string()).unwrap_or_default()) }</span>
                            }
                        </td>
                    </tr>
                }) }
            </tbody>
            <tfoot><tr class="total">
                <th scope="row">{ "12 months" }</th>
                { for t.column_totals.iter().map(|v| html! { <td class="num">{ pounds(*v) }</td> }) }
                <td class="num" data-testid="grand-total">{ pounds(t.grand_total) }</td>
            </tr></tfoot>
        </table>
    </> }
}

#[component]
pub fn CreditsYear(p: &CreditsYearProps) -> Html {
    let tables = use_memo(
        (p.credits.clone(), p.data.clone(), p.month, p.source),
        |(c, d, m, s)| year_tables(c, &d.0, *m, *s),
    );
    let on_source = {
        let cb = p.on_action.clone();
        Callback::from(move |e: Event| {
            let v = e
                .target_dyn_into::<HtmlSelectElement>()
                .map(|s| s.value())
                .unwrap_or_default();
            if let Some(s) = Source::ALL.into_iter().find(|s| format!("{s:?}") == v) {
                cb.emit(Action::SetCreditSource(s));
            }
        })
    };
    html! {
        <div class="table-wrap" data-testid="credits-year" tabindex="0" role="region" aria-label="Service credits over 12 months (scrolls sideways)">
            <label class="source">{ "Figures: " }
                <select onchange={on_source} data-testid="credit-source">
                    { for Source::ALL.iter().map(|s| html! {
                        <option value={format!("{s:?}")} selected={*s == p.source}>{ s.label() }</option>
                    }) }
                </select>
            </label>
            <p class="hint">{ "r: as reported; c: computed from the loaded figures and the scheme (c*: some of the month's measures are missing, so it is not compared); ⚠: the report and the computation (or the report's own total and its parts) disagree. TBC is pending, never counted as zero." }</p>
            <CreditsChart tables={tables.clone()} />
            { for tables.tables.iter().map(table_html) }
            <CopyTable target="credits-year-overall" label="all providers' credits by month" />
            <table id="credits-year-overall" class="measures overall-table" data-testid="year-overall">
                <caption>{ "All providers: the reduction in DCC's external costs (§15)" }</caption>
                <thead><tr><th scope="col">{ "Month" }</th><th scope="col" class="num">{ "Both tables" }</th>
                    <th scope="col" class="num">{ "Report states" }</th><th scope="col" class="num">{ "Computed vs baseline" }</th></tr></thead>
                <tbody>
                    { for tables.overall.iter().map(|(m, sum, stated)| {
                        let differs = matches!(stated, Some(Amount::Money { gbp }) if gbp != sum);
                        let now = p.credits.total(*m).0;
                        let was = p.base.total(*m).0;
                        html! {
                            <tr data-month={m.to_string()}>
                                <th scope="row">{ m.short_name() }</th>
                                <td class="num">{ pounds(*sum) }</td>
                                <td class={classes!("num", differs.then_some("differs"))}>
                                    { stated.map(|a| a.to_string()).unwrap_or_else(|| "–".into()) }
                                    if differs { <span class="flag">{ format!(" ⚠ {} from the tables", delta(stated.and_then(|a| a.money()), Some(*sum))) }</span> }
                                </td>
                                <td class="num">{ delta(Some(now), Some(was)) }</td>
                            </tr>
                        }
                    }) }
                </tbody>
            </table>
        </div>
    }
}
