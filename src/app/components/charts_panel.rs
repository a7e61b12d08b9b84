//! The charts the user made from picked rows.

use std::rc::Rc;

use yew::prelude::*;

use super::chart_view::ChartView;
use crate::chart::ChartSpec;
use crate::session::Action;

pub fn charts_panel(
    charts: &[Rc<ChartSpec>],
    release: Option<&Rc<String>>,
    on_action: &Callback<Action>,
) -> Html {
    if charts.is_empty() {
        return html! {};
    }
    html! {
        <section class="charts" id="user-charts" aria-label="Your charts">
            <h2>{"Your charts"}</h2>
            { for charts.iter().enumerate().map(|(i, spec)| {
                let on_action = on_action.clone();
                let on_remove = Callback::from(move |_: MouseEvent| on_action.emit(Action::RemoveChart(i)));
                html! { <ChartView key={format!("{i}-{}", spec.title)} id={format!("user-chart-{i}")} spec={Rc::clone(spec)} on_remove={Some(on_remove)} release={release.cloned()} /> }
            }) }
        </section>
    }
}
