//! What a reader took from the input, figure by figure, with where each
//! stood; and what it could not place.

use crate::ui::state::Pending;
use std::rc::Rc;
use yew::prelude::*;

/// How many figures or lines to list before saying "and N more": every
/// figure of a whole report (about 400), not every cell of a huge sheet.
const SHOWN: usize = 1000;

#[derive(Properties)]
pub struct ImportFiguresProps {
    pub pending: Rc<Pending>,
}

/// By pointer: a new read is a new `Pending`, and comparing 100,000
/// figures on every redraw would cost more than drawing 200.
impl PartialEq for ImportFiguresProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.pending, &other.pending)
    }
}

#[component]
pub fn ImportFigures(props: &ImportFiguresProps) -> Html {
    let p = &props.pending.import;
    // A report's text has lines; a sheet has rows.
    let at = if p.format == Some(crate::io::Format::Report) {
        "Line"
    } else {
        "Row"
    };
    let more =
        |n: usize| (n > SHOWN).then(|| html! { <p>{ format!("…and {} more.", n - SHOWN) }</p> });
    html! {
        <>
            if !p.figures.is_empty() {
                <details class="figures-read" data-testid="figures-read">
                    <summary>{ format!("The {} figures read, where each stood", p.figures.len()) }</summary>
                    <div class="table-wrap">
                        <table>
                            <thead><tr><th>{ at }</th><th>{ "Place" }</th><th>{ "Figure" }</th><th>{ "As written" }</th></tr></thead>
                            <tbody>
                                { for p.figures.iter().take(SHOWN).map(|f| html! {
                                    <tr><td class="num">{ f.line }</td><td>{ &f.place }</td><td>{ &f.subject }</td><td class="value">{ &f.text }</td></tr>
                                }) }
                            </tbody>
                        </table>
                    </div>
                    { more(p.figures.len()) }
                </details>
            }
            if !p.unplaced.is_empty() {
                <div class="unplaced" data-testid="unplaced">
                    <p class="note">{ format!("{} lines looked like data but were not read:", p.unplaced.len()) }</p>
                    <div class="table-wrap">
                        <table>
                            <thead><tr><th>{ "Line" }</th><th>{ "Text" }</th><th>{ "Why" }</th></tr></thead>
                            <tbody>
                                { for p.unplaced.iter().take(SHOWN).map(|u| html! {
                                    <tr><td class="num">{ u.line }</td><td class="value">{ &u.text }</td><td>{ &u.why }</td></tr>
                                }) }
                            </tbody>
                        </table>
                    </div>
                    { more(p.unplaced.len()) }
                </div>
            }
        </>
    }
}
