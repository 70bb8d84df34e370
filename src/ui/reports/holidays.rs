//! The bank holidays a report's due day skips: the shipped England and
//! Wales list, or the user's own, one day a line. Nothing changes unless
//! every line is a day.

use super::SectionProps;
use crate::engine::reports::due::Day;
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

/// Each line read as a day, or every line that is not one, located.
fn read(text: &str) -> Result<Vec<Day>, Vec<String>> {
    let mut days = Vec::new();
    let mut errors = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let t = line.trim();
        if t.is_empty() {
            continue;
        }
        match Day::parse(t) {
            Some(d) => days.push(d),
            None => errors.push(format!(
                "bank holidays, line {}: found \u{201c}{t}\u{201d}; expected a day that exists, such as 2021-12-27",
                i + 1
            )),
        }
    }
    days.sort();
    days.dedup();
    match errors.is_empty() {
        true => Ok(days),
        false => Err(errors),
    }
}

#[component]
pub fn Holidays(p: &SectionProps) -> Html {
    let area = use_node_ref();
    let errors = use_state(Vec::<String>::new);
    let days = p.figures.holidays();
    let own = p.figures.holidays.is_some();
    let text: String = days.iter().map(|d| format!("{d}\n")).collect();
    let on_use = {
        let (area, errors, figures, on_change) = (
            area.clone(),
            errors.clone(),
            p.figures.clone(),
            p.on_change.clone(),
        );
        Callback::from(move |_| {
            let Some(a) = area.cast::<HtmlTextAreaElement>() else {
                return;
            };
            match read(&a.value()) {
                Ok(days) => {
                    let mut f = (*figures).clone();
                    let said = format!("{} bank holidays in use for the due days.", days.len());
                    f.holidays = Some(days);
                    errors.set(Vec::new());
                    on_change.emit((f, said));
                }
                Err(e) => errors.set(e),
            }
        })
    };
    let on_shipped = {
        let (figures, on_change, errors, area) = (
            p.figures.clone(),
            p.on_change.clone(),
            errors.clone(),
            area.clone(),
        );
        Callback::from(move |_| {
            let mut f = (*figures).clone();
            f.holidays = None;
            if let Some(a) = area.cast::<HtmlTextAreaElement>() {
                let shipped: String = f.holidays().iter().map(|d| format!("{d}\n")).collect();
                a.set_value(&shipped);
            }
            errors.set(Vec::new());
            on_change.emit((
                f,
                "The shipped England and Wales bank holidays are in use again.".into(),
            ));
        })
    };
    html! {
        <details class="report-loader" data-testid="holidays">
            <summary>{ format!("Bank holidays for the due days: {} ({} days)", if own { "your list" } else { "England and Wales, 2019 to 2026, as shipped" }, days.len()) }</summary>
            <label for="holidays-text">{ "One day a line (YYYY-MM-DD); weekends are never working days." }</label>
            <textarea id="holidays-text" ref={area} rows="6" defaultvalue={text} data-testid="holidays-text" />
            <button type="button" onclick={on_use} data-testid="holidays-use">{ "Use these days" }</button>
            if own { <button type="button" onclick={on_shipped} data-testid="holidays-shipped">{ "Back to the shipped list" }</button> }
            { super::errors_list(&errors) }
        </details>
    }
}
