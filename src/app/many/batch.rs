//! Many files at once: each file's bytes are taken one per task of the event loop, with a
//! yield to the browser between files (so it draws "7 of 20 read" and answers clicks), and
//! listed; the Web Worker (`worker.rs`) reads them off the main thread.

use wasm_bindgen_futures::JsFuture;
use yew::Callback;

use super::store;
use crate::many::Action;

/// Marks for the in-browser benchmark (`examples/bench_browser.rs`): a batch from the pick to
/// its series settled by the worker and drawn on the page.
const START: &str = "assay-many";
pub const MEASURE: &str = "assay-many-read";

/// Waits for the next task of the event loop (`setTimeout(0)`): whatever the browser has to
/// do (draw, answer input) runs first.
pub(crate) async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0);
        }
    });
    let _ = JsFuture::from(promise).await;
}

/// The worker's series are drawn: a batch's measure ends (if one started).
pub(crate) fn mark_done() {
    mark(false);
}

fn mark(start: bool) {
    let Some(p) = web_sys::window().and_then(|w| w.performance()) else {
        return;
    };
    if start {
        let _ = p.mark(START);
    } else if p
        .get_entries_by_name_with_entry_type(START, "mark")
        .length()
        > 0
    {
        let _ = p.measure_with_start_mark(MEASURE, START);
        p.clear_marks_with_mark_name(START);
    }
}

/// Reads picked or dropped files one per task, each on its own: a file the browser cannot
/// read, or too large, is listed with its reason and the rest go on.
pub fn read_files(files: Vec<web_sys::File>, on_action: Callback<Action>) {
    mark(true);
    on_action.emit(Action::BeginReading { count: files.len() });
    yew::platform::spawn_local(async move {
        for file in files {
            next_task().await;
            let name = file.name();
            // `as` saturates: a file past 4 GiB counts as `usize::MAX` bytes.
            let bytes = file.size() as usize;
            if bytes > crate::read::MAX_INPUT_BYTES {
                let reason = crate::read::ReadError::TooLarge { bytes }.to_string();
                on_action.emit(Action::AddFailed { name, reason });
                continue;
            }
            on_action.emit(match JsFuture::from(file.array_buffer()).await {
                Ok(buffer) => Action::AddRelease {
                    name,
                    bytes: js_sys::Uint8Array::new(&buffer).to_vec(),
                    key: None,
                },
                Err(_) => Action::AddFailed {
                    name,
                    reason: "the browser could not read it (a folder? use Open a folder…)".into(),
                },
            });
        }
    });
}

/// Brings back the releases stored by an earlier visit, one per task.
pub fn restore(on_action: Callback<Action>) {
    yew::platform::spawn_local(async move {
        let stored = store::load().await;
        if stored.is_empty() {
            return;
        }
        on_action.emit(Action::BeginReading {
            count: stored.len(),
        });
        for (id, name, text) in stored {
            next_task().await;
            on_action.emit(Action::AddRelease {
                name,
                bytes: text.into_bytes(),
                key: Some(id),
            });
        }
    });
}
