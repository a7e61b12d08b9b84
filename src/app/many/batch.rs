//! Many files at once: each file's bytes are taken one per task of the event loop, with a
//! yield to the browser between files (so it draws "7 of 20 read" and answers clicks), and
//! listed; the Web Worker (`worker.rs`) reads them off the main thread.

use wasm_bindgen_futures::JsFuture;
use yew::Callback;

use super::store;
use crate::app::next_task;
use crate::many::Action;

/// Marks for the in-browser benchmark (`tests/bench_browser.rs`): a batch from the pick to
/// its series settled by the worker and handed to the page.
const START: &str = "assay-many";
pub const MEASURE: &str = "assay-many-read";

/// The worker settled the series: a batch's measure ends (if one started).
pub fn mark_done() {
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
            // Over the PDF reader's limit, the largest file read (a text over its own is
            // refused once decoded).
            if bytes > crate::read::pdf::MAX_PDF_BYTES {
                let reason = crate::read::file_too_large(bytes);
                on_action.emit(Action::AddFailed { name, reason });
                continue;
            }
            on_action.emit(match JsFuture::from(file.array_buffer()).await {
                Ok(buffer) => {
                    let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
                    // A PDF is laid out by the PDF worker; its text is the release, listed,
                    // kept and read like any other (the worker reads it as fixed-width text).
                    if crate::read::is_pdf(&bytes) {
                        match crate::app::workers::pdf_text(&bytes).await {
                            Ok(text) => Action::AddRelease {
                                name,
                                bytes: text.into_bytes(),
                                key: None,
                            },
                            Err(reason) => Action::AddFailed { name, reason },
                        }
                    } else {
                        Action::AddRelease {
                            name,
                            bytes,
                            key: None,
                        }
                    }
                }
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
