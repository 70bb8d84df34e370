//! What only the user can say about a pasted sheet, each with a control
//! that reads the sheet again with the answer at once: which column is
//! which ([`ImportMapping`]), which provider a name means, whether figures
//! between 0 and 1 are percentages. Answers are kept per sheet shape.

use crate::io::sheet::{Choices, Fractions, Question};
use crate::ui::import_mapping::ImportMapping;
use crate::ui::mappings;
use crate::ui::state::{same_workbook, Action, Pending, Workbook};
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties)]
pub struct ImportQuestionsProps {
    pub pending: Rc<Pending>,
    pub workbook: Option<Rc<Workbook>>,
    pub on_action: Callback<Action>,
}

/// By pointer: every read is a new `Pending`.
impl PartialEq for ImportQuestionsProps {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.pending, &other.pending)
            && same_workbook(&self.workbook, &other.workbook)
            && self.on_action == other.on_action
    }
}

/// `rows 3, 5, 9 and 12 more`.
fn rows(list: &[u64]) -> String {
    let shown: Vec<String> = list.iter().take(8).map(u64::to_string).collect();
    let more = list.len().saturating_sub(8);
    let word = if list.len() == 1 { "row" } else { "rows" };
    match more {
        0 => format!("{word} {}", shown.join(", ")),
        n => format!("{word} {} and {n} more", shown.join(", ")),
    }
}

#[component]
pub fn ImportQuestions(p: &ImportQuestionsProps) -> Html {
    let Some(summary) = p.pending.import.sheet.as_deref() else {
        return Html::default();
    };
    // Read again with `choices`, from the text or the workbook's sheet.
    let reread = {
        let (out, pending, workbook) = (p.on_action.clone(), p.pending.clone(), p.workbook.clone());
        move |choices: Choices| {
            if let Some(import) = pending.reread(workbook.as_deref(), &choices) {
                out.emit(Action::Answered(pending.clone(), import, choices));
            }
        }
    };
    // Each answer is added to the answers so far, kept for the shape and read at once.
    let answer = {
        let (reread, shape, so_far) = (
            reread.clone(),
            summary.shape.clone(),
            p.pending.choices.clone(),
        );
        Rc::new(move |change: &dyn Fn(&mut Choices)| {
            let mut choices = so_far.clone();
            change(&mut choices);
            mappings::remember(&shape, &choices);
            reread(choices);
        })
    };
    let forget = {
        let shape = summary.shape.clone();
        Callback::from(move |_: MouseEvent| {
            mappings::remember(&shape, &Choices::default());
            reread(Choices::default());
        })
    };
    let question = |q: &Question| match q {
        Question::Columns {
            header_row,
            missing,
            columns,
        } => {
            let answer = answer.clone();
            let on_columns =
                Callback::from(move |mapped: Vec<(String, crate::io::sheet::Role)>| {
                    answer(&|c: &mut Choices| {
                        c.columns = mapped.iter().cloned().collect();
                    })
                });
            html! {
                <ImportMapping key={format!("{}#{header_row}", summary.shape)} header_row={*header_row} missing={missing.clone()} columns={columns.clone()} on_columns={on_columns} />
            }
        }
        Question::Provider {
            text,
            choices,
            rows: at,
        } => {
            let buttons = choices.iter().map(|&provider| {
                let (answer, text) = (answer.clone(), text.clone());
                let onclick = Callback::from(move |_: MouseEvent| {
                    answer(&|c: &mut Choices| {
                        c.providers.insert(text.clone(), provider);
                    })
                });
                html! { <button type="button" data-testid={format!("provider-{}", provider.code())} {onclick}>{ provider.name() }</button> }
            });
            html! {
                <div class="question" data-testid="question-provider">
                    <p>{ format!("Which provider is \u{201c}{text}\u{201d} in this sheet ({})?", rows(at)) }</p>
                    <div class="preview-actions">{ for buttons }</div>
                </div>
            }
        }
        Question::Fractions {
            place,
            rows: at,
            examples,
        } => {
            let choose = |f: Fractions| {
                let answer = answer.clone();
                Callback::from(move |_: MouseEvent| {
                    answer(&|c: &mut Choices| c.fractions = Some(f))
                })
            };
            html! {
                <div class="question" data-testid="question-fractions">
                    <p>{ format!("Every level in {place} is between 0 and 1 ({}, …; {}). Spreadsheets often hold percentages as fractions: is {} really {}%?",
                        examples.join(", "), rows(at), examples.first().map_or("", String::as_str),
                        examples.first().map_or("", String::as_str)) }</p>
                    <div class="preview-actions">
                        <button type="button" class="primary" data-testid="fractions-percent" onclick={choose(Fractions::Percent)}>{ "Read as percentages (×100)" }</button>
                        <button type="button" data-testid="fractions-as-printed" onclick={choose(Fractions::AsPrinted)}>{ "They are percentages as written" }</button>
                    </div>
                </div>
            }
        }
    };
    html! {
        <>
            if !summary.questions.is_empty() {
                <div class="questions" data-testid="import-questions">
                    <h3>{ "Questions about this sheet" }</h3>
                    { for summary.questions.iter().map(question) }
                </div>
            }
            if !p.pending.choices.is_empty() {
                <p class="hint">
                    { "Read with your answers for sheets laid out like this one. " }
                    <button type="button" data-testid="forget-answers" onclick={forget}>{ "Forget them and ask again" }</button>
                </p>
            }
        </>
    }
}
