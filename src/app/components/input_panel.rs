//! The paste box, the file picker (which also takes drag-and-drop), and the sample button.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{DragEvent, Event, HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::app::{perf, sample};
use crate::session::Action;

/// The box holds `input`; `dragging`: a file is being dragged over the panel.
pub fn input_panel(input: &str, dragging: bool, on_action: &Callback<Action>) -> Html {
    let read_file = {
        let on_action = on_action.clone();
        move |file: web_sys::File| {
            let name = file.name();
            // Refuse an oversize file by its size, before the browser reads it into memory.
            // (`as` saturates: a file past 4 GiB counts as `usize::MAX` bytes.)
            let bytes = file.size() as usize;
            if bytes > crate::read::MAX_INPUT_BYTES {
                on_action.emit(Action::FileTooLarge { name, bytes });
                return;
            }
            let on_action = on_action.clone();
            perf::mark_read();
            yew::platform::spawn_local(async move {
                on_action.emit(match JsFuture::from(file.array_buffer()).await {
                    Ok(buffer) => Action::ReadFile {
                        name,
                        bytes: js_sys::Uint8Array::new(&buffer).to_vec(),
                    },
                    Err(_) => Action::FileFailed {
                        name,
                        reason: "the browser could not read it".into(),
                    },
                });
            });
        }
    };

    // A selection copied from a web page carries HTML beside the text: read the HTML, where
    // table cells are still apart; the box takes the plain text as usual.
    let onpaste = {
        let on_action = on_action.clone();
        Callback::from(move |event: Event| {
            let html = event
                .dyn_ref::<web_sys::ClipboardEvent>()
                .and_then(|e| e.clipboard_data())
                .and_then(|data| data.get_data("text/html").ok())
                .filter(|html| html.contains("<table") || html.contains("<TABLE"));
            if let Some(html) = html {
                perf::mark_read();
                on_action.emit(Action::ReadPastedHtml(html));
            }
        })
    };
    let oninput = {
        let on_action = on_action.clone();
        Callback::from(move |event: InputEvent| {
            let area: HtmlTextAreaElement = event.target_unchecked_into();
            on_action.emit(Action::Edit(area.value()));
        })
    };
    let onchange = {
        let read_file = read_file.clone();
        Callback::from(move |event: Event| {
            let input: HtmlInputElement = event.target_unchecked_into();
            if let Some(file) = input.files().and_then(|files| files.get(0)) {
                read_file(file);
            }
            // Picking the same file again should read it again.
            input.set_value("");
        })
    };
    // The browser repeats dragover while a file hovers: only a change is dispatched.
    let ondragover = {
        let on_action = on_action.clone();
        Callback::from(move |event: DragEvent| {
            event.prevent_default();
            if !dragging {
                on_action.emit(Action::Drag(true));
            }
        })
    };
    let ondragleave = {
        let on_action = on_action.clone();
        Callback::from(move |_: DragEvent| on_action.emit(Action::Drag(false)))
    };
    let ondrop = {
        let on_action = on_action.clone();
        Callback::from(move |event: DragEvent| {
            event.prevent_default();
            on_action.emit(Action::Drag(false));
            let file = event
                .data_transfer()
                .and_then(|data| data.files())
                .and_then(|files| files.get(0));
            if let Some(file) = file {
                read_file(file);
            }
        })
    };
    let emit = |action: fn() -> Action| {
        let on_action = on_action.clone();
        Callback::from(move |_: MouseEvent| {
            perf::mark_read();
            on_action.emit(action())
        })
    };

    let load_sample = {
        let on_action = on_action.clone();
        Callback::from(move |_: MouseEvent| {
            perf::mark_read();
            let on_action = on_action.clone();
            yew::platform::spawn_local(async move {
                on_action.emit(match sample::fetch().await {
                    Ok(text) => Action::LoadSample(text),
                    Err(reason) => Action::FileFailed {
                        name: "the sample".into(),
                        reason,
                    },
                });
            });
        })
    };

    html! {
        <section class={if dragging { "input-panel dragging" } else { "input-panel" }}
                 aria-label="Release input" {ondragover} {ondragleave} {ondrop}>
            <label for="release-input" class="input-label">
                {"Paste a release, or drop a file (SEC EDGAR text, HTML, or text copied from a web page)"}
            </label>
            <textarea id="release-input" rows="8" spellcheck="false"
                      placeholder="Paste the text of an earnings release here…"
                      value={input.to_owned()} {oninput} {onpaste} />
            <div class="input-actions">
                <button id="read-button" class="primary" onclick={emit(|| Action::ReadInput)}>{"Read release"}</button>
                <label class="file-button" for="file-input">{"Open a file…"}</label>
                <input id="file-input" type="file" accept=".txt,.htm,.html,.md,text/plain,text/html" {onchange} />
                <button id="sample-button" onclick={load_sample}>{"Try the sample"}</button>
                <button id="clear-button" class="quiet" onclick={emit(|| Action::Clear)}>{"Clear"}</button>
            </div>
        </section>
    }
}
