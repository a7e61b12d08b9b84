//! The Yew shell (wasm only): it owns no logic of its own. The state and its changes are the
//! pure [`crate::session`] reducer; this module wires it to the page, remembers the paste box
//! in local storage, and draws the session through components.

mod batch;
mod components;
mod download;
pub mod links;
mod location;
mod perf;
mod sample;
mod storage;
mod store;
mod worker;

use std::rc::Rc;

use yew::prelude::*;

use crate::session::{Action, Session};
use components::{document_view, input_panel, notice_bar, shared_chart, source_view};
use components::{releases_panel, series_view};

/// Yew's reducer wrapper around the pure session.
#[derive(Default, PartialEq)]
struct SessionState(Session);

impl Reducible for SessionState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        Rc::new(SessionState(self.0.apply(action)))
    }
}

#[component]
fn App() -> Html {
    let state = use_reducer(SessionState::default);
    // One callback for the page's life, so the parts that compare their props (the document
    // view) see the same one on every render.
    let dispatch = {
        let dispatcher = state.dispatcher();
        use_callback((), move |action: Action, _| dispatcher.dispatch(action))
    };

    // Bring back what the user had in the box before a reload, then open what the address
    // names (a shared chart, a row), and follow Back and Forward from then on.
    {
        let dispatch = dispatch.clone();
        use_effect_with((), move |_| {
            if let Some(saved) = storage::load() {
                dispatch.emit(Action::Restore(saved));
            }
            dispatch.emit(Action::Navigate(location::hash()));
            batch::restore(dispatch.clone());
            location::on_change(move |hash| dispatch.emit(Action::Navigate(hash)));
        });
    }
    // The worker reads what is listed and settles the series once a batch is read.
    {
        let many = &state.0.many;
        let list: Vec<(u32, bool)> = many.releases.iter().map(|l| (l.id, l.read)).collect();
        let (releases, dispatch) = (many.releases.clone(), dispatch.clone());
        use_effect_with((list, many.progress.is_none()), move |(_, idle)| {
            worker::sync(&releases, *idle, &dispatch);
        });
    }
    // The list of releases is stored as it changes: each release as soon as it is read.
    {
        let stored = use_mut_ref(Vec::<u32>::new);
        let releases = state.0.many.releases.clone();
        let ids: Vec<u32> = releases.iter().map(|l| l.id).collect();
        use_effect_with(ids, move |ids| {
            let mut stored = stored.borrow_mut();
            let mut changes = Vec::new();
            if ids.is_empty() && !stored.is_empty() {
                changes.push(store::Change::Clear);
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
    // A share link in the address unpacks in the background (the browser's zlib answers
    // asynchronously); the session ignores the answer if the reader has moved on by then.
    {
        let (opening, dispatch) = (state.0.opening.clone(), dispatch.clone());
        use_effect_with(opening.as_ref().map(Rc::as_ptr), move |_| {
            if let Some(body) = opening {
                wasm_bindgen_futures::spawn_local(async move {
                    let result = Box::new(links::decode(&body).await);
                    dispatch.emit(Action::LinkOpened { body, result });
                });
            }
        });
    }
    // The address follows the view, unless it holds a shared chart that is open or opening.
    // Not on the first render: the session has not read the address yet (the effect above
    // asks it to), and its empty view would wipe the link the page was opened with.
    {
        let session = &state.0;
        let (view, sharing) = (
            session.view_hash(),
            session.shared.is_some() || session.opening.is_some(),
        );
        let rendered = use_mut_ref(|| false);
        use_effect_with((view, sharing), move |(view, sharing)| {
            let first = !rendered.replace(true);
            if !first && !*sharing {
                location::push(view);
            }
        });
    }
    // Remember what a reload needs whenever it changes; a Clear forgets it.
    use_effect_with(state.0.saved(), storage::save);

    // The read is complete once the page shows its result.
    {
        let drawn = state.0.document.as_ref().map(Rc::as_ptr);
        use_effect_with(drawn, |drawn| {
            if drawn.is_some() {
                perf::mark_drawn();
            }
        });
    }
    // Bring the row in focus, or the chart in view, into view (a click on a check's evidence
    // or an opened address may point far away).
    {
        let target = match (&state.0.focus, &state.0.chart_view) {
            (Some(focus), _) => Some(format!("row-{}-{}", focus.table, focus.row)),
            (None, Some(chart)) => Some(format!("chart-{chart}")),
            (None, None) => None,
        };
        use_effect_with(target, |target| {
            if let Some(id) = target {
                scroll_to(id);
            }
        });
    }

    let session = &state.0;
    html! {
        <>
            <header class="masthead">
                <h1>{"Assay"}</h1>
                <p class="tagline">{"Read a mining company's earnings release: tables, metrics, checks and charts. Everything stays in this browser tab."}</p>
            </header>
            <main>
                { input_panel(&session.input, session.dragging, &dispatch) }
                { notice_bar(session.notice.as_ref()) }
                { releases_panel(&session.many, &dispatch) }
                { series_view(&session.many.companies) }
                if let Some(chart) = &session.shared {
                    { shared_chart(chart, &dispatch) }
                }
                if let (Some(document), Some(analysis)) = (&session.document, &session.analysis) {
                    { document_view(session, document, analysis, &dispatch) }
                }
                { focused_source(session, &dispatch) }
            </main>
        </>
    }
}

fn scroll_to(id: &str) {
    let element = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id));
    if let Some(element) = element {
        let options = web_sys::ScrollIntoViewOptions::new();
        options.set_block(web_sys::ScrollLogicalPosition::Center);
        element.scroll_into_view_with_scroll_into_view_options(&options);
    }
}

/// The source lines of the row in focus, if any.
fn focused_source(session: &Session, dispatch: &Callback<Action>) -> Html {
    let Some(focus) = &session.focus else {
        return html! {};
    };
    let Some(row) = session
        .document
        .as_ref()
        .and_then(|d| d.tables.iter().find(|t| t.id == focus.table))
        .and_then(|t| t.rows.get(focus.row))
    else {
        return html! {};
    };
    source_view(
        &session.source_lines(row.line, 2),
        row.line,
        &row.label,
        dispatch,
    )
}

/// Mounts the app on the page's body.
pub fn start() {
    yew::Renderer::<App>::new().render();
}

/// Mounts the app inside `root` (used by the in-browser tests).
pub fn start_in(root: web_sys::Element) {
    yew::Renderer::<App>::with_root(root).render();
}
