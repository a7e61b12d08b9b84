//! The series page's releases: the batch's progress ("7 of 20 read"), the files that could not
//! be read and why, and the list (company, period, file), each with Remove.

use yew::prelude::*;

use super::document_view::plural;
use crate::many::{Action, Many};

pub fn releases_panel(many: &Many, on_action: &Callback<Action>) -> Html {
    if many.releases.is_empty() && many.progress.is_none() && many.failures.is_empty() {
        return html! {};
    }
    let on = |action: Action| {
        let on_action = on_action.clone();
        Callback::from(move |_: MouseEvent| on_action.emit(action.clone()))
    };
    html! {
        <section id="releases" class="releases-panel" aria-label="Releases">
            <h2>{ plural(many.releases.len(), "release loaded", "releases loaded") }</h2>
            if let Some(p) = many.progress {
                <div id="read-progress" class="read-progress" role="status">
                    <progress max={p.total.to_string()} value={p.read.to_string()} />
                    <span>{ format!("{} of {} read", p.read, p.total) }</span>
                </div>
            }
            if !many.failures.is_empty() {
                <ul id="release-failures" class="release-failures" role="alert">
                    { for many.failures.iter().map(|(name, why)| html! {
                        <li><strong>{ name }</strong>{ format!(": {why}") }</li>
                    }) }
                </ul>
            }
            <ul id="release-list" class="release-list">
                { for many.releases.iter().map(|l| html! {
                    <li data-file={l.name.clone()}>
                        <span class="release-company">{ &l.company }</span>
                        <span class="release-period">{ &l.period }</span>
                        <span class="release-file">{ &l.name }</span>
                        { super::button("remove-release quiet", "Remove", on(Action::RemoveRelease(l.id))) }
                    </li>
                }) }
            </ul>
        </section>
    }
}
