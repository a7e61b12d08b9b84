//! Each company's series over its releases: the charts the worker chose and packed
//! (`series::charts`), any other measure the reader picks, with the main page's export and
//! share (a link carries the chart's points and their sources, not the releases), and the
//! restatements with both printings. Companies are never mixed: one section each.

use std::rc::Rc;

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use super::chart_view::ChartView;
use super::document_view::plural;
use crate::many::{Action, Many};
use crate::series::charts::ShownChart;

/// A series chart, and under it where each point was read: file, line, as printed (the
/// sources a share link of it carries too).
fn chart(i: usize, chart: &ShownChart) -> Html {
    html! {
        <div class="series-chart" key={chart.id.clone()}>
            <ChartView id={format!("chart-{}-{}", i, chart.id)} spec={Rc::clone(&chart.spec)} />
            <details class="point-sources">
                <summary>{ "Where each point was read" }</summary>
                <ul>{ for chart.spec.provenance.rows.iter().map(|r| html! { <li>{ r }</li> }) }</ul>
            </details>
        </div>
    }
}

pub fn series_view(many: &Many, on_action: &Callback<Action>) -> Html {
    let companies = &many.companies;
    html! {
        { for companies.iter().enumerate().filter(|(_, c)| c.releases > 1).map(|(i, c)| {
            let (chosen, others) = c.charts.split_at(c.chosen.min(c.charts.len()));
            let picked = many.picked.iter().find(|(at, _)| *at == i)
                .and_then(|(_, id)| others.iter().find(|o| &o.id == id));
            let onchange = {
                let on_action = on_action.clone();
                Callback::from(move |event: Event| {
                    let select: HtmlSelectElement = event.target_unchecked_into();
                    on_action.emit(Action::Pick { company: i, chart: select.value() });
                })
            };
            html! {
            <section class="series-view charts" id={format!("series-{i}")} aria-label={format!("Series of {}", c.name)}>
                <h2>{ format!("{}: {} over time", c.name, plural(c.releases, "release", "releases")) }</h2>
                if chosen.is_empty() {
                    <p class="meta">{ "No revenue, income, per-share, cash, production, cost or price series is printed by two or more of these releases." }</p>
                }
                <div class="chart-grid">
                    { for chosen.iter().map(|c| chart(i, c)) }
                </div>
                if !others.is_empty() {
                    <p class="pick-measure">
                        <label for={format!("pick-{i}")}>{ "Chart another measure: " }</label>
                        <select id={format!("pick-{i}")} class="pick-select" {onchange}>
                            <option value="" selected={picked.is_none()}>{ format!("{} more series…", others.len()) }</option>
                            { for others.iter().map(|o| html! {
                                <option value={o.id.clone()} selected={picked.is_some_and(|p| p.id == o.id)}>
                                    { format!("{} ({})", o.spec.title, o.spec.unit) }
                                </option>
                            }) }
                        </select>
                    </p>
                }
                if let Some(p) = picked {
                    <div class="chart-grid picked">{ chart(i, p) }</div>
                }
                if !c.restatements.is_empty() {
                    <details class="restatements checks-panel" open={c.restatements.len() <= 10}>
                        <summary>{ plural(c.restatements.len(), "restatement", "restatements") }{ " — a later release printed a period differently" }</summary>
                        <ul>
                            { for c.restatements.iter().map(|r| html! {
                                <li class="restatement">
                                    <p><strong>{ &r.measure }</strong>{ format!(", {}", r.period) }</p>
                                    <p class="check-figures">{ format!("first printed {} → later {}", r.original, r.later) }</p>
                                </li>
                            }) }
                        </ul>
                    </details>
                }
            </section>
            }
        }) }
    }
}
