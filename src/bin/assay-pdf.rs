//! The PDF reader's Web Worker (a wasm of its own, `data-type="worker"` in index.html): the
//! main page starts one when a PDF is opened or dropped (`assay::app::workers`), so none of the
//! PDF code is in the first load. It says `null` once it listens; the page then sends the
//! file's bytes (a `Uint8Array`) and gets back `[text, origin]`, the laid-out text
//! (`read::pdf::read`) and a nameless `session::Origin::line` holding its pages, or a
//! sentence saying why there is none. The page reads the text with `read::read_laid_out`,
//! as `assay extract FILE.pdf` does.
//!
//! A panic aborts the wasm (wasm32 does not unwind): the page sees the worker's `error` event
//! and says so. The page starts a new worker for each PDF and ends it once it answers.

// talc rather than std's dlmalloc, as in the page's wasm.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

fn main() {
    #[cfg(target_arch = "wasm32")]
    worker::start();
}

#[cfg(target_arch = "wasm32")]
mod worker {
    use assay::session::Origin;
    use js_sys::{Array, Uint8Array};
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::{JsCast, JsValue};
    use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

    fn answer(bytes: &[u8]) -> JsValue {
        match assay::read::pdf::read(bytes) {
            Ok(laid) => {
                let pages = Origin {
                    encoding: "pdf".into(),
                    pages: laid.pages,
                    decimal_comma: laid.decimal_comma,
                    ..Origin::default()
                };
                Array::of2(&laid.text.into(), &pages.line().into()).into()
            }
            Err(error) => error.to_string().into(),
        }
    }

    pub fn start() {
        let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
        let reply = scope.clone();
        let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
            let bytes = Uint8Array::new(&event.data()).to_vec();
            let _ = reply.post_message(&answer(&bytes));
        });
        scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        on_message.forget();
        let _ = scope.post_message(&JsValue::NULL);
    }
}
