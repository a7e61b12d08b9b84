//! One component per file; each receives what it draws through props. Parts with no state
//! of their own are plain functions returning `Html` (a component costs about 1 KB of wasm).

mod chart_view;
mod charts_panel;
mod checks_panel;
mod document_view;
mod figure_charts;
mod input_panel;
mod key_figures;
mod notice_bar;
mod shared_chart;
mod source_view;
mod table_view;

pub use document_view::document_view;
pub use input_panel::input_panel;
pub use notice_bar::notice_bar;
pub use shared_chart::shared_chart;
pub use source_view::source_view;

use yew::prelude::*;

use crate::session::{Action, Focus};

/// A button with a class and a fixed label. Each `<button>` written out in `html!` is another
/// copy of the code that builds one; through here there is one copy.
pub(crate) fn button(
    class: &'static str,
    label: &'static str,
    onclick: Callback<MouseEvent>,
) -> Html {
    html! { <button {class} {onclick}>{ label }</button> }
}

/// A button that shows or hides a part, saying which through `aria-expanded`.
pub(crate) fn expander(
    class: &'static str,
    label: &'static str,
    expanded: bool,
    onclick: Callback<MouseEvent>,
) -> Html {
    let expanded = if expanded { "true" } else { "false" };
    html! { <button {class} aria-expanded={expanded} {onclick}>{ label }</button> }
}

/// A click that puts a row in focus (a key figure's value, a check's evidence): one closure
/// for every such button, so one compiled copy.
pub(crate) fn show_row(
    on_action: &Callback<Action>,
    table: &str,
    row: usize,
) -> Callback<MouseEvent> {
    let on_action = on_action.clone();
    let focus = Focus {
        table: table.to_owned(),
        row,
    };
    Callback::from(move |_: MouseEvent| on_action.emit(Action::Focus(Some(focus.clone()))))
}
