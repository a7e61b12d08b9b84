//! Each company's series over its releases: the charts the worker chose and packed
//! (`series::charts`), any other measure the reader picks, with the main page's export and
//! share (a link carries the chart's points and their sources, not the releases), and the
//! restatements with both printings. Companies are never mixed: one section each.
//!
//! Drawn a piece per task of the event loop (each chosen chart, then the rest of its company:
//! the measure picker and the restatements), with a yield to the browser between: 50
//! releases settle into a dozen charts and a hundred restatements, which in one task held the
//! main thread for 100-200 ms (the SVGs made and parsed, then styled and laid out at once).

use std::cell::Cell;
use std::rc::Rc;

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use super::chart_view::ChartView;
use super::document_view::plural;
use crate::app::many::{mark_done, next_task};
use crate::many::Action;
use crate::series::charts::{CompanyCharts, ShownChart};

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

/// The companies as the worker settled them, compared by identity: a new settlement is drawn
/// anew, piece by piece (comparing the charts by value on every render would cost more).
#[derive(Clone)]
pub struct Settled(pub Rc<Vec<CompanyCharts>>);

impl PartialEq for Settled {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

#[derive(Properties, PartialEq)]
pub struct Props {
    pub companies: Settled,
    /// The measure the user picked to chart, per company (the chart's id).
    pub picked: Vec<(usize, String)>,
    pub on_action: Callback<Action>,
}

/// The companies drawn (those of two releases or more).
fn drawn_companies(companies: &[CompanyCharts]) -> impl Iterator<Item = (usize, &CompanyCharts)> {
    companies.iter().enumerate().filter(|(_, c)| c.releases > 1)
}

/// How many pieces the companies are drawn in: each chosen chart, and the rest of each company.
fn pieces(companies: &[CompanyCharts]) -> usize {
    drawn_companies(companies)
        .map(|(_, c)| c.chosen.min(c.charts.len()) + 1)
        .sum()
}

#[component]
pub fn SeriesView(props: &Props) -> Html {
    // The settlement drawn and how many of its pieces are: a new one starts with none.
    let drawn = use_state(|| (None::<Settled>, 0usize));
    {
        let drawn = drawn.clone();
        use_effect_with(props.companies.clone(), move |companies| {
            let current = Rc::new(Cell::new(true));
            let (companies, still) = (companies.clone(), Rc::clone(&current));
            yew::platform::spawn_local(async move {
                for n in 1..=pieces(&companies.0) {
                    next_task().await;
                    if !still.get() {
                        return;
                    }
                    drawn.set((Some(companies.clone()), n));
                }
                // The batch's measure ends once everything is drawn.
                next_task().await;
                if still.get() {
                    mark_done();
                }
            });
            move || current.set(false)
        });
    }
    let limit = match &drawn.0 {
        Some(settled) if *settled == props.companies => drawn.1,
        _ => 0,
    };
    series_view(&props.companies.0, limit, &props.picked, &props.on_action)
}

/// The first `limit` pieces of the companies' series (see [`pieces`]).
fn series_view(
    companies: &[CompanyCharts],
    limit: usize,
    picked: &[(usize, String)],
    on_action: &Callback<Action>,
) -> Html {
    let mut left = limit;
    html! {
        { for drawn_companies(companies).map_while(|(i, c)| {
            if left == 0 {
                return None;
            }
            let (chosen, others) = c.charts.split_at(c.chosen.min(c.charts.len()));
            let shown = chosen.len().min(left);
            left -= shown;
            let whole = left > 0;
            left = left.saturating_sub(1);
            let picked = picked.iter().find(|(at, _)| *at == i)
                .and_then(|(_, id)| others.iter().find(|o| &o.id == id));
            let onchange = {
                let on_action = on_action.clone();
                Callback::from(move |event: Event| {
                    let select: HtmlSelectElement = event.target_unchecked_into();
                    on_action.emit(Action::Pick { company: i, chart: select.value() });
                })
            };
            Some(html! {
            <section class="series-view charts" id={format!("series-{i}")} aria-label={format!("Series of {}", c.name)}>
                <h2>{ format!("{}: {} over time", c.name, plural(c.releases, "release", "releases")) }</h2>
                if chosen.is_empty() && whole {
                    <p class="meta">{ "No revenue, income, per-share, cash, production, cost or price series is printed by two or more of these releases." }</p>
                }
                <div class="chart-grid">
                    { for chosen[..shown].iter().map(|c| chart(i, c)) }
                </div>
                if whole && !others.is_empty() {
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
                if let Some(p) = picked.filter(|_| whole) {
                    <div class="chart-grid picked">{ chart(i, p) }</div>
                }
                if whole && !c.restatements.is_empty() {
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
            })
        }) }
    }
}
