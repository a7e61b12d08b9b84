//! Each company's series over its releases: the charts the worker chose and packed
//! (`series::charts`), any other measure the reader picks, with the main page's export and
//! share (a link carries the chart's points and their sources, not the releases), and the
//! restatements with both printings. Companies are never mixed: one section each.
//!
//! A settlement can be a dozen charts and a hundred restatements at once. Drawn in one go, it
//! held the page for over 100 ms (issue 16), so the work is spread: each company's section is
//! a component that draws again only when its company changes, each chart's SVG is drawn in a
//! task of its own after its section is shown, and a long restatement list only once opened.

use std::cell::Cell;
use std::rc::Rc;

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use super::chart_view::ChartView;
use super::document_view::plural;
use crate::app::next_task;
use crate::chart::ChartSpec;
use crate::many::{Action, Many};
use crate::series::charts::{CompanyCharts, ShownChart};

/// Restatement lists longer than this start closed, and are drawn when opened.
const OPEN_RESTATEMENTS: usize = 10;

/// The companies of one settlement, compared by pointer: each settlement is a new `Rc`, so
/// a section compares its props without walking every chart.
#[derive(Clone)]
struct Settled(Rc<Vec<CompanyCharts>>);

impl PartialEq for Settled {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

pub fn series_view(many: &Many, on_action: &Callback<Action>) -> Html {
    let settled = Settled(Rc::clone(&many.companies));
    html! {
        { for many.companies.iter().enumerate().filter(|(_, c)| c.releases > 1).map(|(at, _)| {
            let picked = many.picked.iter().find(|(c, _)| *c == at).map(|(_, id)| AttrValue::from(id.clone()));
            html! {
                <CompanySeries key={at} companies={settled.clone()} {at} {picked} on_action={on_action.clone()} />
            }
        }) }
    }
}

#[derive(Properties, PartialEq)]
struct CompanyProps {
    companies: Settled,
    /// The company's place in the settlement (its section's and charts' ids say it).
    at: usize,
    /// The id of the measure the reader picked to chart, if any.
    picked: Option<AttrValue>,
    on_action: Callback<Action>,
}

#[component]
fn CompanySeries(props: &CompanyProps) -> Html {
    let (i, c) = (props.at, &props.companies.0[props.at]);
    let (chosen, others) = c.charts.split_at(c.chosen.min(c.charts.len()));
    let picked = (props.picked.as_ref()).and_then(|id| others.iter().find(|o| o.id == **id));
    let onchange = {
        let on_action = props.on_action.clone();
        Callback::from(move |event: Event| {
            let select: HtmlSelectElement = event.target_unchecked_into();
            on_action.emit(Action::Pick {
                company: i,
                chart: select.value(),
            });
        })
    };
    html! {
    <section class="series-view charts" id={format!("series-{i}")} aria-label={format!("Series of {}", c.name)}>
        <h2>{ format!("{}: {} over time", c.name, plural(c.releases, "release", "releases")) }</h2>
        if chosen.is_empty() {
            <p class="meta">{ "No revenue, income, per-share, cash, production, cost or price series is printed by two or more of these releases." }</p>
        }
        <div class="chart-grid">
            { for chosen.iter().map(|chart| html! { <SeriesChart key={chart.id.clone()} company={i} chart={chart.clone()} /> }) }
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
            <div class="chart-grid picked"><SeriesChart key={p.id.clone()} company={i} chart={p.clone()} /></div>
        }
        if !c.restatements.is_empty() {
            <Restatements companies={props.companies.clone()} at={i} />
        }
    </section>
    }
}

#[derive(Properties, PartialEq)]
struct ChartProps {
    company: usize,
    chart: ShownChart,
}

/// A series chart, and under it where each point was read: file, line, as printed (the
/// sources a share link of it carries too). Its SVG is drawn in the task after the one that
/// showed it (or changed it): until then a box of the chart's size says it is being drawn,
/// and a chart being redrawn keeps its last drawing.
#[component]
fn SeriesChart(props: &ChartProps) -> Html {
    let drawn = use_state(|| None::<Rc<ChartSpec>>);
    {
        let drawn = drawn.clone();
        use_effect_with(Rc::clone(&props.chart.spec), move |spec| {
            // A chart changed or gone before its task comes is not drawn.
            let live = Rc::new(Cell::new(true));
            let (spec, still) = (Rc::clone(spec), Rc::clone(&live));
            yew::platform::spawn_local(async move {
                next_task().await;
                if still.get() {
                    drawn.set(Some(spec));
                }
            });
            move || live.set(false)
        });
    }
    let Some(spec) = (*drawn).clone() else {
        let title = &props.chart.spec.title;
        return html! {
            <div class="series-chart">
                <figure class="chart-card">
                    <div class="chart-svg drawing" role="img" aria-busy="true" aria-label={format!("{title}, being drawn")}></div>
                </figure>
            </div>
        };
    };
    html! {
        <div class="series-chart">
            <ChartView id={format!("chart-{}-{}", props.company, props.chart.id)} spec={Rc::clone(&spec)} />
            <details class="point-sources">
                <summary>{ "Where each point was read" }</summary>
                <ul>{ for spec.provenance.rows.iter().map(|r| html! { <li>{ r }</li> }) }</ul>
            </details>
        </div>
    }
}

#[derive(Properties, PartialEq)]
struct RestatementsProps {
    companies: Settled,
    at: usize,
}

/// A company's restatements: a later release printed a period differently, with both
/// printings. A long list starts closed and its rows are drawn only once it is opened (the
/// summary's click opens it through the state, so what is drawn and what is open agree).
#[component]
fn Restatements(props: &RestatementsProps) -> Html {
    let list = &props.companies.0[props.at].restatements;
    let open = use_state_eq(|| list.len() <= OPEN_RESTATEMENTS);
    let onclick = {
        let open = open.clone();
        Callback::from(move |event: MouseEvent| {
            event.prevent_default();
            open.set(!*open);
        })
    };
    html! {
        <details class="restatements checks-panel" open={*open}>
            <summary {onclick}>{ plural(list.len(), "restatement", "restatements") }{ " — a later release printed a period differently" }</summary>
            if *open {
                <ul>
                    { for list.iter().map(|r| html! {
                        <li class="restatement">
                            <p><strong>{ &r.measure }</strong>{ format!(", {}", r.period) }</p>
                            <p class="check-figures">{ format!("first printed {} → later {}", r.original, r.later) }</p>
                        </li>
                    }) }
                </ul>
            }
        </details>
    }
}
