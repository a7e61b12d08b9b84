//! The figures an analyst reads first, each with its change against a year before and a link
//! to the cell it came from.

use rust_decimal::Decimal;
use yew::prelude::*;

use crate::chart::{format_change, format_value};
use crate::figures::{KeyFigure, Tone};
use crate::session::Action;

/// Money in millions reads as analysts write it ("746.5" USD million), exact: the value is
/// divided, never rounded; other units are shown whole. Money's unit text is its currency
/// code ("USD", "CAD") or "money" when the release does not say.
fn scaled(value: Decimal, unit: &str) -> (Decimal, String) {
    let million = Decimal::from(1_000_000);
    let money =
        unit == "money" || (unit.len() == 3 && unit.bytes().all(|b| b.is_ascii_uppercase()));
    if money && value.abs() >= million {
        ((value / million).normalize(), format!("{unit} million"))
    } else {
        (value.normalize(), unit.to_owned())
    }
}

fn change_html(figure: &KeyFigure) -> Html {
    let Some(change) = figure.change else {
        return html! {};
    };
    let (change, _) = scaled(change, &figure.unit);
    let prior = figure
        .prior
        .map(|p| format_value(scaled(p, &figure.unit).0))
        .unwrap_or_default();
    // Coloured by what the change means for the company (a falling cost is good news), not
    // by its sign; a figure whose better direction is unknown stays uncoloured.
    let class = match figure.tone() {
        Tone::Good => "key-change good",
        Tone::Bad => "key-change bad",
        Tone::Neutral => "key-change",
    };
    let percent = match figure.change_percent {
        Some(p) => format!(" ({}%)", format_change(p.round_dp(1))),
        None => " (n.m.)".to_owned(),
    };
    let prior_period = figure.prior_period.clone().unwrap_or_default();
    html! {
        <p {class} title={format!("against {prior_period}")}>
            { format!("{}{percent} vs {prior}", format_change(change)) }
        </p>
    }
}

pub fn key_figures(figures: &[KeyFigure], on_action: &Callback<Action>) -> Html {
    if figures.is_empty() {
        return html! {};
    }
    html! {
        <section id="key-figures" class="key-figures" aria-label="Key figures">
            { for figures.iter().map(|figure| {
                let onclick = super::show_row(on_action, &figure.source.table, figure.source.row);
                let (value, unit) = scaled(figure.value, &figure.unit);
                html! {
                    <div class="key-figure" id={format!("key-{}", figure.id)}>
                        <p class="key-label">{ &figure.label }</p>
                        <p class="key-value">
                            <button class="row-label" title="Show where this figure was read" {onclick}>
                                { format_value(value) }
                            </button>
                            <span class="key-unit">{ format!(" {unit}") }</span>
                        </p>
                        { change_html(figure) }
                        <p class="key-period">{ &figure.period }</p>
                    </div>
                }
            }) }
        </section>
    }
}
