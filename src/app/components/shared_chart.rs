//! A chart opened from a share link: the chart, its data, and where the data came from.

use std::rc::Rc;

use yew::prelude::*;

use super::chart_view::ChartView;
use crate::chart::ChartSpec;
use crate::session::Action;

pub fn shared_chart(spec: &Rc<ChartSpec>, on_action: &Callback<Action>) -> Html {
    let on_action = on_action.clone();
    let close = Callback::from(move |_: MouseEvent| on_action.emit(Action::CloseShared));
    let source = spec.source_line();
    html! {
        <section id="shared-chart" class="shared-chart" aria-label="Shared chart">
            <header>
                <h2>{"Chart shared with you"}</h2>
                { super::button("quiet", "Close", close) }
            </header>
            <p class="shared-source">
                { if source.is_empty() { "The link does not say where its data came from.".to_owned() } else { format!("Data from: {source}") } }
            </p>
            <ChartView id="shared-chart-view" spec={Rc::clone(spec)} show_data=true />
        </section>
    }
}
