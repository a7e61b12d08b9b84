//! The pages' one-off Web Workers, none of them in the first load: the PDF reader
//! (`src/bin/assay-pdf.rs`) when a PDF is opened (on either page), and the reading worker
//! (`src/bin/assay-worker.rs`, the series page's) when a JSON download is asked for. Each is
//! files of the site named by their hash (the page names each loader in a
//! `<meta name="assay-pdf">` or `<meta name="assay-worker">`), kept by the service worker and
//! allowed by the page's policy like the rest, and fetched only then.
//!
//! A worker's first message says it listens; it is then sent one message, answers once, and is
//! ended. A worker that cannot load, or that stops (a panic aborts its wasm), fires `error`
//! instead, which the page says in plain words.

use std::cell::RefCell;

use js_sys::{Array, Uint8Array};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{MessageEvent, Worker};
use yew::Callback;

use crate::document::Document;
use crate::session::{Action, Notice, Origin};

const STOPPED: &str = "the reader could not start, or stopped on this file.";

thread_local! {
    /// The worker reading a PDF: a new PDF ends it.
    static PDF: RefCell<Option<Worker>> = const { RefCell::new(None) };
}

/// The loader of worker `name`: the page names it (`<meta name="assay-worker">`, which the
/// build step `scripts/integrity.py` gives the loader's hashed name); trunk's own name
/// otherwise.
pub(crate) fn loader(name: &str) -> String {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| {
            d.query_selector(&format!("meta[name={name}]"))
                .ok()
                .flatten()
        })
        .and_then(|meta| meta.get_attribute("content"))
        .unwrap_or_else(|| format!("./{name}_loader.js"))
}

/// Starts the worker `name`, sends it `message` once it listens, and hands its answer to
/// `done` (`None`: it could not start, or stopped). The worker, to end it early.
fn ask(
    name: &str,
    message: JsValue,
    done: impl FnOnce(Option<JsValue>) + 'static,
) -> Option<Worker> {
    let Ok(worker) = Worker::new(&loader(name)) else {
        done(None);
        return None;
    };
    let (mut message, mut done) = (Some(message), Some(done));
    let talking = worker.clone();
    // One listener for both: a message has `data`, an `error` event has none.
    let listen = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
        let data = event.data();
        if !data.is_undefined() {
            if let Some(message) = message.take() {
                let _ = talking.post_message(&message);
                return;
            }
        }
        talking.terminate();
        if let Some(done) = done.take() {
            done((!data.is_undefined()).then_some(data));
        }
    });
    worker.set_onmessage(Some(listen.as_ref().unchecked_ref()));
    worker.set_onerror(Some(listen.as_ref().unchecked_ref()));
    listen.forget();
    Some(worker)
}

/// The PDF worker's answer: `[text, origin line]`, or why there is none.
fn pdf_answer(data: Option<JsValue>) -> Result<(String, String), String> {
    let text = |data: &JsValue, i| data.unchecked_ref::<Array>().get(i).as_string();
    match data {
        Some(data) if data.is_object() => Ok((
            text(&data, 0).unwrap_or_default(),
            text(&data, 1).unwrap_or_default(),
        )),
        Some(data) => Err(data.as_string().unwrap_or_else(|| STOPPED.into())),
        None => Err(STOPPED.into()),
    }
}

/// Reads a PDF in a new PDF worker, ending one still reading: its answer comes as
/// [`Action::PdfRead`], `[text, origin line]` or why there is none.
pub fn read_pdf(bytes: &[u8], on_action: &Callback<Action>) {
    if let Some(old) = PDF.take() {
        old.terminate();
    }
    let on_action = on_action.clone();
    let worker = ask("assay-pdf", Uint8Array::from(bytes).into(), move |data| {
        on_action.emit(Action::PdfRead(pdf_answer(data)))
    });
    PDF.set(worker);
}

/// A PDF's laid-out text, read by a PDF worker of its own (the series page reads its files
/// one after another), or why there is none.
pub async fn pdf_text(bytes: &[u8]) -> Result<String, String> {
    let message: JsValue = Uint8Array::from(bytes).into();
    let promise = js_sys::Promise::new(&mut |resolve, reject| {
        ask("assay-pdf", message.clone(), move |data| {
            let _ = match pdf_answer(data) {
                Ok((text, _)) => resolve.call1(&JsValue::NULL, &text.into()),
                Err(why) => reject.call1(&JsValue::NULL, &why.into()),
            };
        });
    });
    match wasm_bindgen_futures::JsFuture::from(promise).await {
        Ok(text) => Ok(text.as_string().unwrap_or_default()),
        Err(why) => Err(why.as_string().unwrap_or_else(|| STOPPED.into())),
    }
}

/// Offers `document` (read from `text`) as a JSON download, its table `table` alone if
/// named, as `assay extract` writes it: the reading worker reads the text again as the page
/// did ([`crate::session::read_release`]) and writes the JSON, so the first load holds no
/// JSON writer.
pub fn save_json(
    document: &Document,
    text: &str,
    table: Option<&str>,
    on_action: &Callback<Action>,
) {
    let filename = table.map_or("release.json".into(), |t| format!("table-{t}.json"));
    let origin = Origin::of(document).map(|o| o.line()).unwrap_or_default();
    let message = Array::of4(&"json".into(), &text.into(), &origin.into(), &table.into());
    let on_action = on_action.clone();
    ask("assay-worker", message.into(), move |data| {
        // `["json", text]`, or `["failed", id, why]`.
        let answer: Option<Array> = data.map(JsCast::unchecked_into);
        let part = |i| answer.as_ref().and_then(|a| a.get(i).as_string());
        match (part(0).as_deref(), part(1)) {
            (Some("json"), Some(json)) => {
                super::download::save_text(&filename, "application/json", &json)
            }
            _ => on_action.emit(Action::Tell(Notice::Error(format!(
                "Could not make {filename}: {}",
                part(2).unwrap_or_else(|| "the reading worker could not start, or stopped.".into())
            )))),
        }
    });
}
