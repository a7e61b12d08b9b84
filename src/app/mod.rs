//! The Yew shell (wasm only): it owns no logic of its own. The state and its changes are the
//! pure [`crate::session`] reducer; this module wires it to the page, remembers the paste box
//! in local storage, and draws the session through components.

mod components;
mod download;
mod storage;

use std::rc::Rc;

use yew::prelude::*;

use crate::session::{Action, Session};
use components::{ChartsPanel, DocumentView, InputPanel, NoticeBar};

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
    let dispatch = {
        let state = state.clone();
        Callback::from(move |action: Action| state.dispatch(action))
    };

    // Bring back what the user had in the box before a reload.
    {
        let dispatch = dispatch.clone();
        use_effect_with((), move |_| {
            if let Some((input, source)) = storage::load() {
                dispatch.emit(Action::Restore { input, source });
            }
        });
    }
    // Remember the box whenever it changes; a Clear forgets it.
    {
        let session = &state.0;
        use_effect_with(
            (session.input.clone(), session.source.clone()),
            |(input, source)| {
                storage::save(input, source);
            },
        );
    }

    let session = &state.0;
    html! {
        <>
            <header class="masthead">
                <h1>{"Assay"}</h1>
                <p class="tagline">{"Read a mining company's earnings release: tables, metrics, checks and charts. Everything stays in this browser tab."}</p>
            </header>
            <main>
                <InputPanel input={session.input.clone()} on_action={dispatch.clone()} />
                <NoticeBar notice={session.notice.clone()} />
                <ChartsPanel charts={session.charts.clone()} on_action={dispatch.clone()} />
                if let Some(document) = &session.document {
                    <DocumentView document={Rc::clone(document)} source={session.source.clone()}
                                  selection={session.selection.clone()} on_action={dispatch.clone()} />
                }
            </main>
        </>
    }
}

/// Mounts the app on the page's body.
pub fn start() {
    yew::Renderer::<App>::new().render();
}

/// Mounts the app inside `root` (used by the in-browser tests).
pub fn start_in(root: web_sys::Element) {
    yew::Renderer::<App>::with_root(root).render();
}
