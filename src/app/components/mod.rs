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
mod releases_panel;
mod series_view;
mod shared_chart;
mod source_view;
mod table_view;

pub use document_view::document_view;
pub use input_panel::input_panel;
pub use notice_bar::notice_bar;
pub use releases_panel::releases_panel;
pub use series_view::{SeriesView, Settled};
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

/// The handlers of a zone files can be dropped on (dragover, dragleave, drop): `drag(true)`
/// while a file hovers, dispatched only on a change (the browser repeats dragover), and
/// `drop` given the dropped files.
pub(crate) fn drop_zone<A: 'static>(
    dragging: bool,
    on_action: &Callback<A>,
    drag: fn(bool) -> A,
    drop: impl Fn(web_sys::FileList) + 'static,
) -> [Callback<web_sys::DragEvent>; 3] {
    let over = on_action.reform(move |event: web_sys::DragEvent| {
        event.prevent_default();
        drag(true)
    });
    let ondragover = Callback::from(move |event: web_sys::DragEvent| {
        if dragging {
            event.prevent_default();
        } else {
            over.emit(event);
        }
    });
    let ondragleave = on_action.reform(move |_: web_sys::DragEvent| drag(false));
    let on_action = on_action.clone();
    let ondrop = Callback::from(move |event: web_sys::DragEvent| {
        event.prevent_default();
        on_action.emit(drag(false));
        if let Some(files) = event.data_transfer().and_then(|data| data.files()) {
            drop(files);
        }
    });
    [ondragover, ondragleave, ondrop]
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
