//! The loss curve between MPL and TPL: a straight line, all or nothing, or
//! points typed as `at%:kept%` pairs (`25:10, 50:40`). Bad text is refused
//! in place and changes nothing.

use crate::engine::format::exact;
use crate::engine::opr::{CurvePoint, LossCurve};
use crate::io::values::decimal;
use crate::ui::opr_view::change_year;
use crate::ui::select::{select_value, use_shown_value};
use crate::ui::state::{Action, RegimeRef};
use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct OprCurveProps {
    pub regime: RegimeRef,
    pub year: String,
    pub on_action: Callback<Action>,
}

/// `25:10, 50:40` → points; or why not, naming the piece that is wrong.
pub fn parse_points(text: &str) -> Result<Vec<CurvePoint>, String> {
    text.split([',', ';'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|piece| {
            let (at, kept) = piece
                .split_once(':')
                .ok_or_else(|| format!("“{piece}” is not at%:kept% (such as 25:10)"))?;
            match (decimal(at), decimal(kept)) {
                (Some(at), Some(kept)) => Ok(CurvePoint { at, kept }),
                _ => Err(format!("“{piece}” is not two numbers such as 25:10")),
            }
        })
        .collect()
}

pub fn points_text(points: &[CurvePoint]) -> String {
    let pts: Vec<String> = points
        .iter()
        .map(|p| format!("{}:{}", exact(p.at), exact(p.kept)))
        .collect();
    pts.join(", ")
}

#[component]
pub fn OprCurve(p: &OprCurveProps) -> Html {
    let error = use_state(|| None::<String>);
    let kind = match p.regime.0.year(&p.year).map(|y| &y.curve) {
        Some(LossCurve::Step) => "step",
        Some(LossCurve::Points { .. }) => "points",
        _ => "linear",
    };
    let shown = use_shown_value(kind.to_string(), ());
    let Some(y) = p.regime.0.year(&p.year) else {
        return html! {};
    };
    let set = {
        let (cb, regime, year, error) = (
            p.on_action.clone(),
            p.regime.clone(),
            p.year.clone(),
            error.clone(),
        );
        move |curve: LossCurve| {
            // Checked here as the reducer would, so the reason shows by the box.
            let mut trial = regime.0.year(&year).cloned();
            if let Some(t) = trial.as_mut() {
                t.curve = curve.clone();
                if let Some(problem) = t.problems().into_iter().find(|x| x.contains("curve")) {
                    return error.set(Some(problem));
                }
            }
            error.set(None);
            let what = format!("{year} loss curve set to {}", curve.describe());
            change_year(&cb, &regime, &year, what, |y| y.curve = curve);
        }
    };
    let on_kind = {
        let set = set.clone();
        Callback::from(move |e: Event| {
            let Some(v) = select_value(&e) else {
                return;
            };
            set(match v.as_str() {
                "step" => LossCurve::Step,
                "points" => LossCurve::Points { points: Vec::new() },
                _ => LossCurve::Linear,
            })
        })
    };
    let on_points = {
        let error = error.clone();
        Callback::from(move |e: Event| {
            let Some(input) = e.target_dyn_into::<HtmlInputElement>() else {
                return;
            };
            match parse_points(&input.value()) {
                Ok(points) => set(LossCurve::Points { points }),
                Err(why) => error.set(Some(why)),
            }
        })
    };
    html! {
        <div class={classes!("opr-curve", error.is_some().then_some("invalid"))}>
            <label class="field">
                <span>{ "Loss curve between MPL and TPL" }</span>
                <select ref={shown} data-testid="opr-curve" onchange={on_kind}>
                    <option value="linear" selected={kind == "linear"}>{ "Straight line" }</option>
                    <option value="step" selected={kind == "step"}>{ "All or nothing" }</option>
                    <option value="points" selected={kind == "points"}>{ "Through points" }</option>
                </select>
            </label>
            if let LossCurve::Points { points } = &y.curve {
                <label class="field">
                    <span>{ "Points, at%:kept% (e.g. 25:10, 50:40)" }</span>
                    <input data-testid="opr-curve-points" size="28" value={points_text(points)}
                        aria-invalid={error.is_some().to_string()} onchange={on_points} />
                </label>
            }
            if let Some(e) = &*error {
                <span class="error" role="alert" data-testid="opr-curve-error">{ e }</span>
            }
        </div>
    }
}
