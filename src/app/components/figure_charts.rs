//! The charts the release supports, drawn from its printed values.

use std::rc::Rc;

use yew::prelude::*;

use super::chart_view::ChartView;
use crate::figures::FigureChart;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub figures: Rc<Vec<FigureChart>>,
    pub release: Option<Rc<String>>,
}

#[component]
pub fn FigureCharts(props: &Props) -> Html {
    if props.figures.is_empty() {
        return html! {};
    }
    html! {
        <section id="charts" class="charts" aria-label="Charts">
            <h2>{"Charts"}</h2>
            <div class="chart-grid">
                { for props.figures.iter().map(|figure| html! {
                    <ChartView key={figure.id.clone()} id={format!("chart-{}", figure.id)}
                               spec={Rc::new(figure.spec.clone())} release={props.release.clone()} />
                }) }
            </div>
        </section>
    }
}
