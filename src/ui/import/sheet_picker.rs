//! Which sheet of a workbook to read, when several hold data. The preview
//! below shows the sheet read; choosing another reads that one instead.
//! (The app keeps every workbook's sheets while its preview is open, so a
//! sheet can be read again, with answers, by [`read_sheet`]; the picker shows
//! only when there is a choice.)

use crate::io::sheet::Grid;
use crate::io::workbook::{has_data, read_sheet};
use crate::ui::file_reading::{now, timing};
use crate::ui::select::{select_value, use_shown_value};
use crate::ui::state::Action;
use std::rc::Rc;
use yew::prelude::*;

pub use crate::session::state::Workbook;

#[derive(Properties, PartialEq, Clone)]
pub struct SheetPickerProps {
    pub workbook: Rc<Workbook>,
    pub on_action: Callback<Action>,
}

#[component]
pub fn SheetPicker(p: &SheetPickerProps) -> Html {
    let w = &p.workbook;
    let node = use_shown_value(w.chosen.to_string(), w.file.clone());
    let onchange = {
        let (w, out) = (w.clone(), p.on_action.clone());
        Callback::from(move |e: Event| {
            let Some(i) = select_value(&e).and_then(|v| v.parse::<usize>().ok()) else {
                return;
            };
            let Some(grid) = w.sheets.get(i) else {
                return;
            };
            let started = now();
            let first = read_sheet(&w.file, grid, &Default::default());
            let (import, choices) =
                crate::ui::mappings::with_remembered(first, |c| read_sheet(&w.file, grid, c));
            let timing = timing(started, None, false);
            out.emit(Action::Sheets(Some(Rc::new(Workbook {
                file: w.file.clone(),
                sheets: w.sheets.clone(),
                chosen: i,
            }))));
            out.emit(Action::CheckedText(import, timing, None, choices));
        })
    };
    let with_data: Vec<(usize, &Grid)> = w
        .sheets
        .iter()
        .enumerate()
        .filter(|(_, g)| has_data(g))
        .collect();
    if with_data.len() < 2 {
        return Html::default();
    }
    let chosen = w.sheets.get(w.chosen).map_or("", |g| g.name.as_str());
    html! {
        <div class="sheet-picker" data-testid="sheet-picker">
            <label>
                { format!("Sheet of {} ", w.file) }
                <select data-testid="sheet-select" ref={node} {onchange}>
                    { for with_data.iter().map(|(i, g)| html! {
                        <option value={i.to_string()} selected={*i == w.chosen}>
                            { format!("{} ({} rows)", g.name, g.rows.len()) }
                        </option>
                    }) }
                </select>
            </label>
            <span class="hint">
                { format!("{} of its {} sheets hold data; the preview shows \u{201c}{chosen}\u{201d}.", with_data.len(), w.sheets.len()) }
            </span>
        </div>
    }
}
