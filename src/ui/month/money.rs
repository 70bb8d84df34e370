//! The month's money: service credits computed and as the report states
//! them, what is pending, and the OPR year's margin so far.

use crate::engine::margin::money;
use crate::engine::reported::{pounds, Amount};
use crate::engine::review::Money;
use crate::ui::state::{Action, CreditTab, View};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct MoneyProps {
    pub money: Money,
    pub on_action: Callback<Action>,
}

#[component]
pub fn MoneyBox(p: &MoneyProps) -> Html {
    let m = &p.money;
    let open_credits = {
        let cb = p.on_action.clone();
        Callback::from(move |_| {
            cb.emit(Action::SetView(View::Credits));
            cb.emit(Action::SetCreditTab(CreditTab::Month));
        })
    };
    let open_opr = {
        let cb = p.on_action.clone();
        let year = m.opr.as_ref().map(|o| o.year.clone());
        Callback::from(move |_| {
            if let Some(y) = &year {
                cb.emit(Action::SetOprYear(y.clone()));
            }
            cb.emit(Action::SetView(View::Opr));
        })
    };
    let pending = match m.pending {
        0 => String::new(),
        1 => " + 1 credit pending".into(),
        n => format!(" + {n} credits pending"),
    };
    let stated = match m.stated {
        Some(Amount::Money { gbp }) if gbp == m.credits && m.pending == 0 => {
            "the report states the same".to_string()
        }
        Some(Amount::Money { gbp }) => format!("the report states {}", pounds(gbp)),
        Some(a) => format!("the report states {a}"),
        None => "no stated total loaded".into(),
    };
    html! {
        <dl class="money" data-testid="month-money" aria-label="The month's money">
            <dt>{ "Service credits" }</dt>
            <dd>
                <button type="button" class="link" onclick={open_credits}>{ format!("{}{pending}", pounds(m.credits)) }</button>
                { format!(" computed; {stated}") }
            </dd>
            <dt>{ "OPR margin" }</dt>
            <dd>
                if let Some(o) = &m.opr {
                    <button type="button" class="link" onclick={open_opr}>{ &o.year }</button>
                    { format!(" so far: {} kept, {} lost, {} not yet assessed, of {} at risk",
                        money(o.kept), money(o.lost), money(o.unassessed), money(o.margin_at_risk)) }
                } else {
                    { m.opr_note.clone().unwrap_or_default() }
                }
            </dd>
        </dl>
    }
}
