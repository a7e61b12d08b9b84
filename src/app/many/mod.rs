//! The series page (`series.html`, its own wasm: `src/bin/assay-series-web.rs`): many releases
//! at once. The state is the pure [`crate::many`] reducer; this module wires it to the page:
//! files and pastes listed (`batch.rs`), read and settled by the Web Worker (`worker.rs`),
//! kept across reloads in IndexedDB (`store.rs`). None of it is in the main page's wasm.

mod batch;
mod store;
mod worker;

use std::rc::Rc;

use web_sys::{Event, HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use super::components::{button, drop_zone, releases_panel, series_view};
use crate::many::{Action, Many};

#[derive(Default, PartialEq)]
struct State(Many);

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        Rc::new(State(self.0.apply(action)))
    }
}

/// The files of a pick or a drop; a folder's files that are not releases (by their name's
/// ending) are passed over, so a folder's worth can be opened at once.
fn take_files(files: web_sys::FileList, folder: bool, on_action: &Callback<Action>) {
    let files: Vec<web_sys::File> = (0..files.length())
        .filter_map(|i| files.get(i))
        .filter(|f| !folder || is_release_name(&f.name()))
        .collect();
    if !files.is_empty() {
        batch::read_files(files, on_action.clone());
    }
}

fn is_release_name(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    [".pdf", ".txt", ".htm", ".html", ".md"]
        .iter()
        .any(|end| lower.ends_with(end))
}

fn input_panel(many: &Many, on_action: &Callback<Action>) -> Html {
    let on_pick = |folder: bool| {
        let on_action = on_action.clone();
        Callback::from(move |event: Event| {
            let input: HtmlInputElement = event.target_unchecked_into();
            if let Some(files) = input.files() {
                take_files(files, folder, &on_action);
            }
            input.set_value("");
        })
    };
    let [ondragover, ondragleave, ondrop] = {
        let on_action = on_action.clone();
        drop_zone(
            many.dragging,
            &on_action.clone(),
            Action::Drag,
            move |files| take_files(files, false, &on_action),
        )
    };
    let oninput = {
        let on_action = on_action.clone();
        Callback::from(move |event: InputEvent| {
            let area: HtmlTextAreaElement = event.target_unchecked_into();
            on_action.emit(Action::Edit(area.value()));
        })
    };
    let emit = |action: Action| {
        let on_action = on_action.clone();
        Callback::from(move |_: MouseEvent| on_action.emit(action.clone()))
    };
    let class = if many.dragging {
        "input-panel dragging"
    } else {
        "input-panel"
    };
    html! {
        <section {class} aria-label="Releases to open" {ondragover} {ondragleave} {ondrop}>
            <p class="input-label">
                { "Drop the files of many releases here (a company's quarters, or several companies: each gets its own series), or open them. Each is read on its own; one that cannot be read is named and the rest go on." }
            </p>
            <div class="input-actions">
                <label class="file-button primary" for="files-input">{ "Open files…" }</label>
                <input id="files-input" type="file" multiple=true accept=".pdf,.txt,.htm,.html,.md,application/pdf,text/plain,text/html" onchange={on_pick(false)} />
                <label class="file-button" for="folder-input">{ "Open a folder…" }</label>
                <input id="folder-input" type="file" webkitdirectory=true onchange={on_pick(true)} />
                { button("clear-all quiet", "Clear", emit(Action::Clear)) }
            </div>
            <details class="paste-one">
                <summary>{ "Or paste one release at a time" }</summary>
                <textarea id="paste-input" rows="6" spellcheck="false"
                          placeholder="Paste the text of an earnings release, then Add…"
                          value={many.input.clone()} {oninput} />
                { button("add-pasted", "Add", emit(Action::AddPasted)) }
            </details>
        </section>
    }
}

#[component]
fn App() -> Html {
    let state = use_reducer(State::default);
    let dispatch = {
        let dispatcher = state.dispatcher();
        use_callback((), move |action: Action, _| dispatcher.dispatch(action))
    };
    // The releases stored by an earlier visit come back.
    {
        let dispatch = dispatch.clone();
        use_effect_with((), move |_| batch::restore(dispatch));
    }
    // The worker reads what is listed and settles the series once a batch is read.
    {
        let many = &state.0;
        let list: Vec<(u32, bool)> = many.releases.iter().map(|l| (l.id, l.read)).collect();
        let (releases, dispatch) = (many.releases.clone(), dispatch.clone());
        use_effect_with((list, many.progress.is_none()), move |(_, idle)| {
            worker::sync(&releases, *idle, &dispatch);
        });
    }
    // The list is stored as it changes: each release as soon as it is listed.
    {
        let stored = use_mut_ref(Vec::<u32>::new);
        let releases = state.0.releases.clone();
        let ids: Vec<u32> = releases.iter().map(|l| l.id).collect();
        use_effect_with(ids, move |ids| {
            let mut stored = stored.borrow_mut();
            let mut changes = Vec::new();
            if ids.is_empty() && !stored.is_empty() {
                let below = stored.iter().max().map_or(0, |id| id + 1);
                changes.push(store::Change::Clear { below });
            }
            for &gone in stored.iter().filter(|id| !ids.contains(id)) {
                changes.push(store::Change::Delete(gone));
            }
            for l in releases.iter().filter(|l| !stored.contains(&l.id)) {
                changes.push(store::Change::Put(l.id, l.name.clone(), l.text.clone()));
            }
            *stored = ids.clone();
            store::apply(changes);
        });
    }
    let many = &state.0;
    html! {
        <>
            <header class="masthead">
                <h1>{ "Assay: many releases" }</h1>
                <p class="tagline">{ "A company's releases side by side: each figure as a series over its quarters, and the past quarters a later release printed differently. Everything stays in this browser tab." }</p>
                <a id="one-release-link" href="./">{ "← One release in full" }</a>
            </header>
            <main>
                { input_panel(many, &dispatch) }
                if let Some(why) = &many.broken {
                    <p id="notice" class="notice error" role="alert">{ format!("The reader (a Web Worker) could not start or stopped in this browser ({why}), so no more releases can be read here. One release at a time still works on the main page.") }</p>
                }
                { releases_panel(many, &dispatch) }
                { series_view(many, &dispatch) }
            </main>
        </>
    }
}

/// Mounts the series page on the page's body.
pub fn start() {
    yew::Renderer::<App>::new().render();
}
