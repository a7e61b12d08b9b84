//! The page's side of the PDF reader's Web Worker (`src/bin/assay-pdf.rs`), which keeps every
//! line of PDF code out of the first load. A PDF opened or dropped starts a worker of its own;
//! its loader, glue and wasm are files of the site, named by their hash (the page names the
//! loader in `<meta name="assay-pdf">`), kept by the service worker and allowed by the page's
//! policy like the rest. Once the worker listens (it says `null`) it gets the file's bytes and
//! answers, and is ended. Its laid-out text with its pages is read as a reload reads a kept
//! PDF ([`Action::Restore`], which reads it as `assay extract FILE.pdf` does); why there is
//! none is [`Action::FileFailed`]. A worker that cannot load, or that stops on a PDF (a panic
//! aborts its wasm), fires `error` instead, which the page says in plain words.

use std::cell::RefCell;

use js_sys::{Array, Uint8Array};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{MessageEvent, Worker};
use yew::Callback;

use crate::session::{pdf_answer, Action, Origin};

const STOPPED: &str = "the PDF reader could not start, or stopped on this file.";

thread_local! {
    /// The worker reading a PDF, and the bytes it is sent once it listens.
    static JOB: RefCell<Option<(Worker, Uint8Array)>> = const { RefCell::new(None) };
}

/// The worker's answer: `data` is `[text, pages]` or a reason (`undefined` from an `error`
/// event).
fn answer(data: &wasm_bindgen::JsValue, origin: Origin) -> Action {
    let text = |i| data.unchecked_ref::<Array>().get(i).as_string();
    pdf_answer(
        origin,
        match data.as_string() {
            Some(why) => Err(why),
            None if data.is_object() => {
                Ok((text(0).unwrap_or_default(), text(1).unwrap_or_default()))
            }
            None => Err(STOPPED.into()),
        },
    )
}

/// Reads the PDF `name` in a new worker, ending one still reading; the answer comes as an
/// action.
pub fn read(name: String, bytes: &[u8], on_action: &Callback<Action>) {
    if let Some((old, _)) = JOB.take() {
        old.terminate();
    }
    let origin = Origin {
        name,
        encoding: "pdf".into(),
        bytes: bytes.len(),
        ..Origin::default()
    };
    let loader = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.query_selector("meta[name=assay-pdf]").ok().flatten())
        .and_then(|meta| meta.get_attribute("content"))
        .unwrap_or_else(|| "./assay-pdf_loader.js".into());
    let Ok(worker) = Worker::new(&loader) else {
        return on_action.emit(answer(&wasm_bindgen::JsValue::UNDEFINED, origin));
    };
    // One listener for both: a message has `data`, an `error` event has none.
    let on_action = on_action.clone();
    let listen = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
        let data = event.data();
        // Taken out, so nothing is borrowed while the action runs.
        let Some((worker, bytes)) = JOB.take() else {
            return;
        };
        if data.is_null() {
            let _ = worker.post_message(&bytes);
            return JOB.set(Some((worker, Uint8Array::new_with_length(0))));
        }
        worker.terminate();
        on_action.emit(answer(&data, origin.clone()));
    });
    worker.set_onmessage(Some(listen.as_ref().unchecked_ref()));
    worker.set_onerror(Some(listen.as_ref().unchecked_ref()));
    listen.forget();
    JOB.set(Some((worker, Uint8Array::from(bytes))));
}
