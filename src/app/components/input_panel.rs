//! The paste box, the file picker (which also takes drag-and-drop), and the sample button.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Event, HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::app::{perf, sample};
use crate::session::Action;

/// One file is read; several are not: this page reads one release at a time, and the notice
/// points to the series page, which reads many.
fn one_or_several(
    files: &web_sys::FileList,
    read_file: &impl Fn(web_sys::File),
    on_action: &Callback<Action>,
) {
    match (files.length(), files.get(0)) {
        (1, Some(file)) => read_file(file),
        (0, _) | (_, None) => {}
        (count, _) => on_action.emit(Action::Several(count)),
    }
}

/// The box holds `input`; `dragging`: a file is being dragged over the panel.
pub fn input_panel(input: &str, dragging: bool, on_action: &Callback<Action>) -> Html {
    let read_file = {
        let on_action = on_action.clone();
        move |file: web_sys::File| {
            let name = file.name();
            // Refuse an oversize file by its size, before the browser reads it into memory: over
            // the PDF reader's limit (a text over its own is refused once decoded).
            // (`as` saturates: a file past 4 GiB counts as `usize::MAX` bytes.)
            let bytes = file.size() as usize;
            if bytes > crate::read::pdf::MAX_PDF_BYTES {
                on_action.emit(Action::FileTooLarge { name, bytes });
                return;
            }
            let on_action = on_action.clone();
            perf::mark_read();
            yew::platform::spawn_local(async move {
                on_action.emit(match JsFuture::from(file.array_buffer()).await {
                    Ok(buffer) => {
                        let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
                        // A PDF is read by the PDF worker, which answers later.
                        if crate::read::is_pdf(&bytes) {
                            crate::app::workers::read_pdf(&bytes, &on_action);
                        }
                        Action::ReadFile { name, bytes }
                    }
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
        let (read_file, on_action) = (read_file.clone(), on_action.clone());
        Callback::from(move |event: Event| {
            let input: HtmlInputElement = event.target_unchecked_into();
            if let Some(files) = input.files() {
                one_or_several(&files, &read_file, &on_action);
            }
            // Picking the same file again should read it again.
            input.set_value("");
        })
    };
    let [ondragover, ondragleave, ondrop] = {
        let on_action = on_action.clone();
        super::drop_zone(dragging, &on_action.clone(), Action::Drag, move |files| {
            one_or_several(&files, &read_file, &on_action)
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
                {"Paste a release, or drop a file (PDF, SEC EDGAR text, HTML, or text copied from a web page)"}
            </label>
            <textarea id="release-input" rows="8" spellcheck="false"
                      placeholder="Paste the text of an earnings release here…"
                      value={input.to_owned()} {oninput} {onpaste} />
            <div class="input-actions">
                <button id="read-button" class="primary" onclick={emit(|| Action::ReadInput)}>{"Read release"}</button>
                <label class="file-button" for="file-input">{"Open a file…"}</label>
                <input id="file-input" type="file" multiple=true accept=".pdf,.txt,.htm,.html,.md,application/pdf,text/plain,text/html" {onchange} />
                <button id="sample-button" onclick={load_sample}>{"Try the sample"}</button>
                <button id="clear-button" class="quiet" onclick={emit(|| Action::Clear)}>{"Clear"}</button>
            </div>
        </section>
    }
}
