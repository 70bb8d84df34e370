//! Which column is which, where the sheet's headers do not say: a select
//! per column, with its header and a few values, and a button that reads
//! the sheet again with the mapping.

use crate::io::sheet::{ColumnInfo, Role};
use crate::ui::select::select_value;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct ImportMappingProps {
    pub header_row: u64,
    pub missing: Vec<Role>,
    pub columns: Vec<ColumnInfo>,
    /// Header text and role, for every column given one.
    pub on_columns: Callback<Vec<(String, Role)>>,
}

#[component]
pub fn ImportMapping(p: &ImportMappingProps) -> Html {
    let roles = use_state(|| p.columns.iter().map(|c| c.role).collect::<Vec<_>>());
    let missing: Vec<&str> = p.missing.iter().map(|r| r.label()).collect();
    let onclick = {
        let (roles, columns, out) = (roles.clone(), p.columns.clone(), p.on_columns.clone());
        Callback::from(move |_: MouseEvent| {
            let mapped = columns
                .iter()
                .zip(roles.iter())
                // Month columns are found by their headers; a column without a
                // header cannot be named again in the next sheet.
                .filter(|(c, _)| c.month.is_none() && !c.header.is_empty())
                .filter_map(|(c, r)| r.map(|r| (c.header.clone(), r)))
                .collect();
            out.emit(mapped);
        })
    };
    let row = |(i, c): (usize, &ColumnInfo)| {
        let onchange = {
            let roles = roles.clone();
            Callback::from(move |e: Event| {
                let Some(v) = select_value(&e) else { return };
                let mut next = (*roles).clone();
                if let Some(slot) = next.get_mut(i) {
                    *slot = Role::parse(&v).filter(|_| !v.is_empty());
                }
                roles.set(next);
            })
        };
        let chosen = roles.get(i).copied().flatten();
        html! {
            <tr>
                <td>{ &c.letter }</td>
                <td class="value">{ &c.header }</td>
                <td class="value">{ c.samples.join(", ") }</td>
                <td>
                    if let Some(m) = c.month {
                        { format!("month column ({})", m.short_name()) }
                    } else {
                        <select aria-label={format!("What column {} holds", c.letter)} data-testid={format!("map-{}", c.letter)} {onchange}>
                            <option value="" selected={chosen.is_none()}>{ "—" }</option>
                            { for Role::ALL.iter().map(|r| html! {
                                <option value={r.name()} selected={chosen == Some(*r)}>{ r.label() }</option>
                            }) }
                        </select>
                    }
                </td>
            </tr>
        }
    };
    html! {
        <div class="question" data-testid="question-columns">
            <p>{ format!("Which column is which? Row {} is read as the header; no column was found for: {}.", p.header_row, missing.join(", ")) }</p>
            <div class="table-wrap">
                <table>
                    <thead><tr><th>{ "Column" }</th><th>{ "Header" }</th><th>{ "Values" }</th><th>{ "Holds" }</th></tr></thead>
                    <tbody>{ for p.columns.iter().enumerate().map(row) }</tbody>
                </table>
            </div>
            <div class="preview-actions">
                <button type="button" class="primary" data-testid="apply-mapping" {onclick}>{ "Read with these columns" }</button>
            </div>
        </div>
    }
}
