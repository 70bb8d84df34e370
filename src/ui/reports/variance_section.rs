//! Forecast variance: every report and month loaded, both percentages
//! and why they differ, each party against its forecast with the
//! exceptions named under the report's rule (thresholds editable), the
//! DCC's own forecast and count, whether the report was on time, the
//! trend by month against the exception lines, import and export.

use super::loader::Loader;
use super::{errors_list, verdict, SectionProps};
use crate::chart::reports::variance as variance_chart;
use crate::engine::format::thousands;
use crate::engine::reports::variance::{
    evaluate, shown, timeliness, Exception, Report, Thresholds, Variance, ZeroForecast,
};
use crate::engine::reports::ReportFigures;
use crate::io::variance_csv;
use crate::ui::widgets::chart_frame::ChartFrame;
use crate::ui::widgets::decimal_field::DecimalField;
use rust_decimal::Decimal;
use std::rc::Rc;
use yew::prelude::*;

fn zero_forecast(z: ZeroForecast) -> String {
    match z {
        ZeroForecast::Known { requests } => thousands(requests),
        ZeroForecast::Implied { low, high, about } => format!(
            "about {} (implied, not stated: {} to {})",
            thousands(about),
            thousands(low),
            thousands(high)
        ),
        ZeroForecast::Inconsistent => "cannot be worked out: the stated figures disagree".into(),
        ZeroForecast::Unknown => "not given".into(),
    }
}

fn parties(v: &Variance) -> Html {
    if v.parties.is_empty() {
        return html! { <p>{ "The report gives totals only, no party's figures." }</p> };
    }
    html! {
        <table class="measures" data-testid="variance-parties">
            <caption class="visually-hidden">{ format!("{} {} by party", v.report.code(), v.period.long_name()) }</caption>
            <thead><tr>
                <th scope="col">{ "Party" }</th><th scope="col" class="num">{ "Actual" }</th>
                <th scope="col" class="num">{ "Forecast" }</th><th scope="col" class="num">{ "% of forecast" }</th>
                <th scope="col">{ "Exception" }</th>
            </tr></thead>
            <tbody>{ for v.parties.iter().map(|p| html! {
                <tr class={classes!(p.exception.is_some().then_some("differs"))}>
                    <th scope="row">{ &p.party }</th>
                    <td class="num">{ thousands(p.actual) }</td>
                    <td class="num">{ thousands(p.forecast) }</td>
                    <td class="num">{ shown(p.percent) }</td>
                    <td>{ match (p.exception, p.forecast) {
                        (Some(Exception::Over), _) => "over forecast",
                        (Some(Exception::Under), _) => "under forecast",
                        (None, 0) => "zero forecast: shown apart, no percentage",
                        (None, _) => "",
                    } }</td>
                </tr>
            }) }</tbody>
        </table>
    }
}

/// One report's month in full.
fn month(v: &Variance, on_time: Option<String>) -> Html {
    html! {
        <details class="report-month" data-testid="variance-month">
            <summary>{ format!("{} {}: {} of forecast with zero forecasts left out, {} of all requests",
                v.report.code(), v.period.long_name(), shown(v.percent_of_forecast_parties), shown(v.percent_of_all)) }</summary>
            if !v.why.is_empty() { <p data-testid="variance-why">{ &v.why }</p> }
            <p>{ format!("Requests from parties with a zero forecast: {}.", zero_forecast(v.zero_forecast)) }</p>
            if let Some(t) = on_time { <p>{ t }</p> }
            { for v.dcc_words.iter().map(|w| html! { <p>{ w }</p> }) }
            { parties(v) }
            if !v.checks.is_empty() {
                <table class="measures checks-table">
                    <caption>{ "What the report states, checked" }</caption>
                    <thead><tr><th scope="col">{ "Figure" }</th><th scope="col" class="num">{ "Stated" }</th>
                        <th scope="col" class="num">{ "Computed" }</th><th scope="col">{ "Verdict" }</th></tr></thead>
                    <tbody>{ for v.checks.iter().map(|c| html! {
                        <tr><th scope="row">{ &c.what }</th><td class="num">{ &c.stated }</td>
                            <td class="num">{ &c.computed }</td>{ verdict(c.agrees) }</tr>
                    }) }</tbody>
                </table>
            }
        </details>
    }
}

/// The exception lines of one report, editable.
fn threshold_fields(report: Report, t: Thresholds, on: Callback<(Report, Thresholds)>) -> Html {
    let set_low = {
        let on = on.clone();
        Callback::from(move |v: Option<Decimal>| on.emit((report, Thresholds { low: v, ..t })))
    };
    let set_high =
        Callback::from(move |v: Option<Decimal>| on.emit((report, Thresholds { high: v, ..t })));
    let id = report.code().to_lowercase();
    html! {
        <fieldset class="thresholds">
            <legend>{ format!("{} exceptions (%): {}", report.code(), t.describe()) }</legend>
            <DecimalField testid={format!("{id}-low")} label="at or below" value={t.low} optional=true on_change={set_low} />
            <DecimalField testid={format!("{id}-high")} label="at or above" value={t.high} optional=true on_change={set_high} />
        </fieldset>
    }
}

fn apply(mut f: ReportFigures, name: &str, text: &str) -> super::Applied {
    let (new, replaced) = f.merge_variance(variance_csv::read(name, text)?);
    Ok((
        f,
        format!("Read {name}: {new} new month(s) of variance, {replaced} replaced."),
    ))
}

#[component]
pub fn VarianceSection(p: &SectionProps) -> Html {
    let errors = use_state(Vec::<String>::new);
    let thresholds = use_state(|| Report::ALL.map(|r| (r, r.thresholds())));
    let holidays = use_memo(p.figures.clone(), |f| f.holidays());
    let evaluated = use_memo((p.figures.clone(), *thresholds), |(f, t)| {
        let rule = |r: Report| t.iter().find(|x| x.0 == r).map_or(r.thresholds(), |x| x.1);
        Rc::new(
            f.variance
                .iter()
                .map(|m| evaluate(m, rule(m.report)))
                .collect::<Vec<_>>(),
        )
    });
    // Drawn when the months or thresholds change, not on every render.
    let charts = use_memo(evaluated.clone(), |months| {
        (Report::ALL.iter())
            .filter(|r| months.iter().any(|v| v.report == **r))
            .map(|r| (*r, Rc::new(variance_chart(*r, months))))
            .collect::<Vec<_>>()
    });
    let on_text = super::on_text(p, &errors, apply);
    let on_threshold = {
        let thresholds = thresholds.clone();
        Callback::from(move |(r, t): (Report, Thresholds)| {
            let mut all = *thresholds;
            for x in all.iter_mut().filter(|x| x.0 == r) {
                x.1 = t;
            }
            thresholds.set(all);
        })
    };
    let export = super::on_export(p, "dcc-perf-variance.csv", |f| {
        variance_csv::write(&f.variance)
    });
    let on_time = |v: &Variance| {
        let m = p
            .figures
            .variance
            .iter()
            .find(|m| (m.report, m.period) == (v.report, v.period))?;
        let t = timeliness(m, &holidays)?;
        Some(format!("Issued {}, due {} (the {}th working day after the month, weekends and the bank holidays below not counted): {}.",
            t.issued, t.due, v.report.due_working_day(), if t.on_time { "on time" } else { "late" }))
    };
    html! {
        <section class="report-section" aria-labelledby="variance-title" data-testid="variance-section">
            <h2 id="variance-title">{ "Forecast variance" }</h2>
            <p class="hint">{ "Certificate signing requests (SEC L8.9) and service requests (SEC H3.24): each party's actual requests against its forecast. A zero forecast is shown apart and never divided by; the total is given both ways." }</p>
            <div class="thresholds-row">{ for thresholds.iter().map(|(r, t)| threshold_fields(*r, *t, on_threshold.clone())) }</div>
            { for evaluated.iter().map(|v| month(v, on_time(v))) }
            { for charts.iter().map(|(r, c)| html! {
                <ChartFrame chart={c.clone()} id={format!("variance-{}", r.code().to_lowercase())}
                    hint="Hover over a point, or tab to it, to read the month and percentage." />
            }) }
            <super::holidays::Holidays figures={p.figures.clone()} on_change={p.on_change.clone()} />
            <Loader id="variance" what="a variance table (CSV: report, period, party, actual, forecast…)" {on_text} />
            { errors_list(&errors) }
            <button type="button" onclick={export} data-testid="variance-export">{ "Export the variance table (CSV)" }</button>
        </section>
    }
}
