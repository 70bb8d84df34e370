//! One month's credits: each failing measure with its level, band, points,
//! multiplier, cap and credit, by provider, with totals and the reduction in
//! the DCC's external costs; and the difference from the baseline.

use crate::engine::credits::CreditLine;
use crate::engine::explain::Explanation;
use crate::engine::format::exact;
use crate::engine::reported::pounds;
use crate::engine::{Month, Provider};
use crate::ui::credit_line::CreditLineRow;
use crate::ui::credit_panel::CreditPanel;
use crate::ui::credits_view::{delta, CreditsRc};
use crate::ui::state::{Action, LineKey, SchemeRef};
use crate::ui::widgets::copy_table::CopyTable;
use rust_decimal::Decimal;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct CreditsMonthProps {
    pub credits: CreditsRc,
    /// The baseline's credits.
    pub base: CreditsRc,
    pub month: Month,
    pub selected: Option<LineKey>,
    /// The selected line's explanation, written when it was opened.
    pub explanation: Rc<Option<Explanation>>,
    pub scheme: SchemeRef,
    pub on_action: Callback<Action>,
}

fn total_text(money: Decimal, pending: usize) -> String {
    match pending {
        0 => pounds(money),
        n => format!("{} + {n} pending", pounds(money)),
    }
}

#[component]
pub fn CreditsMonth(p: &CreditsMonthProps) -> Html {
    let lines: Vec<&CreditLine> = p.credits.lines_in(p.month).collect();
    let providers: Vec<Provider> = {
        let mut v: Vec<Provider> = lines.iter().map(|l| l.provider).collect();
        v.dedup();
        v
    };
    // Lines the baseline had that are gone now (a what-if lifted the level to target).
    let gone: Vec<&CreditLine> = p
        .base
        .lines_in(p.month)
        .filter(|b| p.credits.line(b.period, b.provider, &b.measure).is_none())
        .collect();
    let (total, pending) = p.credits.total(p.month);
    let (base_total, _) = p.base.total(p.month);
    let pending_names: Vec<String> = lines
        .iter()
        .filter(|l| l.money.is_none())
        .map(|l| format!("{} {}", l.provider, l.measure))
        .collect();
    let selected_line = p
        .selected
        .as_ref()
        .and_then(|k| p.credits.line(k.period, k.provider, &k.measure));
    let on_select = {
        let cb = p.on_action.clone();
        Callback::from(move |k: Option<LineKey>| cb.emit(Action::SelectLine(k)))
    };
    html! {
        <div class={classes!("workspace", selected_line.is_some().then_some("with-panel"))}>
            <div class="table-wrap" tabindex="0" role="region" aria-label="The month's credit lines (scrolls sideways)">
                <p class="credit-statement" data-testid="credit-statement">
                    { format!("DCC's external costs for {} are reduced by the service credit total of ", p.month.long_name()) }
                    <strong data-testid="credit-total">{ pounds(total) }</strong>
                    if pending > 0 {
                        { format!(", with {} still pending ({}), not counted as zero", pending, pending_names.join(", ")) }
                    }
                    { format!(". Baseline: {} ({}).", pounds(base_total), delta(Some(total), Some(base_total))) }
                </p>
                if lines.is_empty() && gone.is_empty() {
                    <p data-testid="no-credits">{ "No provider measure missed its target this month, so no service points accrued." }</p>
                } else {
                    <CopyTable target="credits-month-table" label="the month's service credits" />
                    <table id="credits-month-table" class="measures credits-table" data-testid="credits-table">
                        <thead><tr>
                            <th scope="col">{ "Measure" }</th><th scope="col">{ "Level" }</th>
                            <th scope="col">{ "Target" }</th><th scope="col">{ "Minimum" }</th>
                            <th scope="col">{ "Band" }</th><th scope="col" class="num">{ "Points" }</th>
                            <th scope="col" class="num">{ "× repeat" }</th><th scope="col">{ "Cap" }</th>
                            <th scope="col" class="num">{ "Credit" }</th><th scope="col" class="num">{ "vs baseline" }</th>
                        </tr></thead>
                        { for providers.iter().map(|prov| {
                            let mine: Vec<&CreditLine> = lines.iter().copied().filter(|l| l.provider == *prov).collect();
                            let t = p.credits.totals.iter().find(|t| t.period == p.month && t.provider == *prov);
                            let bt = p.base.totals.iter().find(|t| t.period == p.month && t.provider == *prov);
                            html! {
                                <tbody data-provider={prov.code()}>
                                    <tr class="group"><th colspan="10" scope="rowgroup">{ prov.name() }</th></tr>
                                    { for mine.iter().map(|l| {
                                        let key = LineKey::new(l.period, &l.measure, l.provider);
                                        let before = p.base.line(l.period, l.provider, &l.measure);
                                        html! {
                                            <CreditLineRow line={(*l).clone()} before={before.cloned()}
                                                selected={p.selected.as_ref() == Some(&key)} on_select={on_select.clone()} />
                                        }
                                    }) }
                                    if let Some(t) = t {
                                        <tr class="subtotal" data-testid="provider-total">
                                            <th scope="row" colspan="5">{ format!("{} total", prov.code()) }</th>
                                            <td class="num">{ exact(t.points) }</td><td></td><td></td>
                                            <td class="num">{ total_text(t.money, t.pending) }</td>
                                            <td class="num">{ delta(Some(t.money), Some(bt.map_or(Decimal::ZERO, |b| b.money))) }</td>
                                        </tr>
                                    }
                                </tbody>
                            }
                        }) }
                        if !gone.is_empty() {
                            <tbody class="gone">
                                <tr class="group"><th colspan="10" scope="rowgroup">{ "In the baseline, not failing now" }</th></tr>
                                { for gone.iter().map(|b| html! {
                                    <tr data-testid="gone-line">
                                        <th scope="row">{ format!("{} {}", b.provider, b.measure) }</th>
                                        <td colspan="7">{ format!("was {} ({})", b.display, b.band) }</td>
                                        <td class="num">{ pounds(Decimal::ZERO) }</td>
                                        <td class="num">{ delta(Some(Decimal::ZERO), b.money) }</td>
                                    </tr>
                                }) }
                            </tbody>
                        }
                        <tfoot><tr class="total">
                            <th scope="row" colspan="8">{ "All providers" }</th>
                            <td class="num" data-testid="month-total">{ total_text(total, pending) }</td>
                            <td class="num">{ delta(Some(total), Some(base_total)) }</td>
                        </tr></tfoot>
                    </table>
                }
            </div>
            if let Some(l) = selected_line {
                <CreditPanel line={l.clone()} explanation={(*p.explanation).clone().unwrap_or_default()}
                    scheme={p.scheme.clone()} on_action={p.on_action.clone()} />
            }
        </div>
    }
}
