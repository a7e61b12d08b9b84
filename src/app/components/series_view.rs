//! Each company's series over its releases: the charts chosen in the core
//! (`series::charts`), with today's export and share (a link carries the chart's points and
//! their sources, not the releases), and the restatements with both printings. Companies
//! are never mixed: one section each.

use yew::prelude::*;

use super::chart_view::ChartView;
use super::document_view::plural;
use crate::series::Printing;
use crate::session::CompanyView;

fn printing(p: &Printing) -> String {
    format!("{} line {}: “{}”", p.file, p.line, p.printed.trim())
}

pub fn series_view(companies: &[CompanyView]) -> Html {
    html! {
        { for companies.iter().enumerate().filter(|(_, c)| c.series.releases.len() > 1).map(|(i, c)| {
            let s = &c.series;
            let name = s.company.name.clone().unwrap_or_else(|| "Company not named".into());
            html! {
                <section class="series-view charts" id={format!("series-{i}")} aria-label={format!("Series of {name}")}>
                    <h2>{ format!("{name}: {} over time", plural(s.releases.len(), "release", "releases")) }</h2>
                    if c.charts.is_empty() {
                        <p class="meta">{ "No revenue, income, per-share, cash, production, cost or price series is printed by two or more of these releases." }</p>
                    }
                    <div class="chart-grid">
                        { for c.charts.iter().map(|chart| html! {
                            <ChartView key={chart.id.clone()} id={format!("chart-{}-{}", i, chart.id)}
                                       spec={std::rc::Rc::clone(&chart.spec)} />
                        }) }
                    </div>
                    if !s.restatements.is_empty() {
                        <details class="restatements checks-panel" open=true>
                            <summary>{ plural(s.restatements.len(), "restatement", "restatements") }{ " — a later release printed a period differently" }</summary>
                            <ul>
                                { for s.restatements.iter().map(|r| html! {
                                    <li class="restatement">
                                        <p><strong>{ &r.measure }</strong>{ r.scope.as_deref().map(|x| format!(" ({x})")).unwrap_or_default() }
                                           { format!(", {} months ended {}", r.months.map(|m| m.to_string()).unwrap_or_else(|| "–".into()), r.end) }</p>
                                        <p class="check-figures">{ format!("first printed {} → later {}", printing(&r.original), printing(&r.later)) }</p>
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
