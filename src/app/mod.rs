//! The Yew shell (wasm only): it owns no logic of its own. The state and its changes are the
//! pure [`crate::session`] reducer; this module wires it to the page, remembers the paste box
//! in local storage, and draws the session through components.

mod components;
mod download;
pub mod links;
mod location;
pub mod many;
mod perf;
mod sample;
mod storage;
pub(crate) mod workers;

use std::rc::Rc;

use yew::prelude::*;

use crate::session::{Action, Session};
use components::{document_view, input_panel, notice_bar, shared_chart, source_view};

/// Waits for the next task of the event loop (`setTimeout(0)`): whatever the browser has to
/// do first (draw, answer input) runs before what follows.
pub(crate) async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

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
            location::on_change(move |hash| dispatch.emit(Action::Navigate(hash)));
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
                <a id="series-link" class="series-link" href="series.html">{"Many releases: a company's quarters →"}</a>
            </header>
            <main>
                { input_panel(&session.input, session.dragging, &dispatch) }
                { notice_bar(session.notice.as_ref()) }
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
    let Some(document) = &session.document else {
        return html! {};
    };
    let Some(row) =
        (document.tables.iter().find(|t| t.id == focus.table)).and_then(|t| t.rows.get(focus.row))
    else {
        return html! {};
    };
    source_view(
        &session.source_lines(row.line, 2),
        row.line,
        &row.label,
        &document.source,
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
