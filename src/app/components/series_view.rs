//! Each company's series over its releases: the charts the worker chose and packed
//! (`series::charts`), with today's export and share (a link carries the chart's points and
//! their sources, not the releases), and the restatements with both printings. Companies
//! are never mixed: one section each.

use std::rc::Rc;

use yew::prelude::*;

use super::chart_view::ChartView;
use super::document_view::plural;
use crate::series::charts::CompanyCharts;

pub fn series_view(companies: &[CompanyCharts]) -> Html {
    html! {
        { for companies.iter().enumerate().filter(|(_, c)| c.releases > 1).map(|(i, c)| html! {
            <section class="series-view charts" id={format!("series-{i}")} aria-label={format!("Series of {}", c.name)}>
                <h2>{ format!("{}: {} over time", c.name, plural(c.releases, "release", "releases")) }</h2>
                if c.charts.is_empty() {
                    <p class="meta">{ "No revenue, income, per-share, cash, production, cost or price series is printed by two or more of these releases." }</p>
                }
                <div class="chart-grid">
                    { for c.charts.iter().map(|chart| html! {
                        <ChartView key={chart.id.clone()} id={format!("chart-{}-{}", i, chart.id)}
                                   spec={Rc::clone(&chart.spec)} />
                    }) }
                </div>
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
        }) }
    }
}
