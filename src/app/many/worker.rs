//! The page's side of the Web Worker (`src/bin/assay-worker.rs`): starts it on the first
//! release listed, sends it each release listed and each one removed, asks it to settle the
//! series once a batch is read, and turns its answers into actions. Messages wait until the
//! worker says it is ready (its wasm loads asynchronously).

use std::cell::RefCell;

use js_sys::Array;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{MessageEvent, Worker};
use yew::Callback;

use crate::many::{Action, Loaded};

#[derive(Default)]
struct Glue {
    worker: Option<Worker>,
    ready: bool,
    queue: Vec<Array>,
    /// The ids the worker holds.
    sent: Vec<u32>,
    /// The list (ids, read) the worker last settled.
    settled: Option<Vec<(u32, bool)>>,
}

thread_local! {
    static GLUE: RefCell<Glue> = RefCell::new(Glue::default());
}

fn on_message(event: MessageEvent, on_action: &Callback<Action>) {
    let message: Array = event.data().unchecked_into();
    let id = message.get(1).as_f64().unwrap_or(0.0) as u32;
    let text = |i| message.get(i).as_string().unwrap_or_default();
    match message.get(0).as_string().as_deref() {
        Some("ready") => GLUE.with_borrow_mut(|g| {
            g.ready = true;
            if let Some(worker) = &g.worker {
                for m in g.queue.drain(..) {
                    let _ = worker.post_message(&m);
                }
            }
        }),
        Some("read") => on_action.emit(Action::ReleaseRead {
            id,
            result: Ok((text(2), text(3))),
        }),
        Some("failed") => on_action.emit(Action::ReleaseRead {
            id,
            result: Err(text(2)),
        }),
        Some("settled") => {
            let bytes = js_sys::Uint8Array::new(&message.get(1)).to_vec();
            if let Ok(companies) = crate::share::companies::unpack(&bytes) {
                on_action.emit(Action::SeriesSettled(std::rc::Rc::new(companies)));
                super::batch::mark_done();
            }
        }
        _ => {}
    }
}

fn post(g: &mut Glue, message: Array) {
    match (&g.worker, g.ready) {
        (Some(worker), true) => {
            let _ = worker.post_message(&message);
        }
        _ => g.queue.push(message),
    }
}

/// Brings the worker up to date with the list; `idle`: no batch is being read, so once every
/// release is read the series are settled again.
pub fn sync(releases: &[Loaded], idle: bool, on_action: &Callback<Action>) {
    GLUE.with_borrow_mut(|g| {
        if g.worker.is_none() {
            if releases.is_empty() {
                return;
            }
            let worker = match Worker::new(&crate::app::workers::loader("assay-worker")) {
                Ok(worker) => worker,
                Err(error) => {
                    let why = js_sys::Error::from(error).message();
                    on_action.emit(Action::WorkerFailed(why.into()));
                    return;
                }
            };
            let listen = {
                let on_action = on_action.clone();
                Closure::<dyn FnMut(MessageEvent)>::new(move |e| on_message(e, &on_action))
            };
            worker.set_onmessage(Some(listen.as_ref().unchecked_ref()));
            listen.forget();
            // A worker whose script or wasm fails to load (blocked, missing) says so here:
            // a plain `Event` when its script is not there, an `ErrorEvent` when it fails.
            let failed = {
                let on_action = on_action.clone();
                Closure::<dyn FnMut(web_sys::Event)>::new(move |e: web_sys::Event| {
                    let why = js_sys::Reflect::get(&e, &"message".into())
                        .ok()
                        .and_then(|m| m.as_string())
                        .filter(|m| !m.is_empty())
                        .unwrap_or_else(|| "its script did not load".into());
                    on_action.emit(Action::WorkerFailed(why));
                })
            };
            worker.set_onerror(Some(failed.as_ref().unchecked_ref()));
            failed.forget();
            g.worker = Some(worker);
        }
        let gone: Vec<u32> = (g.sent.iter().copied())
            .filter(|id| !releases.iter().any(|l| l.id == *id))
            .collect();
        for id in gone {
            post(g, Array::of2(&"remove".into(), &JsValue::from(id)));
        }
        g.sent.retain(|id| releases.iter().any(|l| l.id == *id));
        for l in releases.iter().filter(|l| !l.read) {
            if !g.sent.contains(&l.id) {
                g.sent.push(l.id);
                let text = JsValue::from_str(&l.text);
                post(
                    g,
                    Array::of4(
                        &"add".into(),
                        &JsValue::from(l.id),
                        &l.name.as_str().into(),
                        &text,
                    ),
                );
            }
        }
        let list: Vec<(u32, bool)> = releases.iter().map(|l| (l.id, l.read)).collect();
        if idle && list.iter().all(|(_, read)| *read) && g.settled.as_ref() != Some(&list) {
            g.settled = Some(list);
            post(g, Array::of1(&"settle".into()));
        }
    });
}
