//! The charts the release supports, drawn from its printed values.

use std::rc::Rc;

use yew::prelude::*;

use super::chart_view::ChartView;
use crate::figures::FigureChart;
use crate::session::Action;

pub fn figure_charts(
    figures: &[FigureChart],
    release: Option<&Rc<String>>,
    on_action: &Callback<Action>,
) -> Html {
    if figures.is_empty() {
        return html! {};
    }
    html! {
        <section id="charts" class="charts" aria-label="Charts">
            <h2>{"Charts"}</h2>
            <div class="chart-grid">
                { for figures.iter().map(|figure| {
                    let (on_action, id) = (on_action.clone(), figure.id.clone());
                    let on_view = Callback::from(move |()| on_action.emit(Action::ViewChart(Some(id.clone()))));
                    html! {
                        <ChartView key={figure.id.clone()} id={format!("chart-{}", figure.id)}
                                   spec={Rc::new(figure.spec.clone())} release={release.cloned()}
                                   on_view={Some(on_view)} />
                    }
                }) }
            </div>
        </section>
    }
}
