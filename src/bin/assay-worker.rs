//! The Web Worker that reads many releases off the page's main thread (trunk builds it as a
//! second wasm, `data-type="worker"` in index.html; the page starts it on the first release
//! listed, see `assay::app::worker`). It holds a `series::desk::Desk` and answers messages,
//! each an array:
//!
//! - `["add", id, name, text]` → `["read", id, company, period]` or `["failed", id, reason]`
//! - `["remove", id]` → nothing
//! - `["settle"]` → `["settled", bytes]`: each company's charts and restatements packed by
//!   `share::companies::pack`
//! - `["json", text, origin, table]` → `["json", json]` or `["failed", 0, reason]`: the main
//!   page's JSON download (`assay::app::workers`), the document read from `text` as the page
//!   read it (`origin`: a `session::Origin::line`, or empty), whole as `assay extract` prints
//!   it, or its table `table` alone; so the page's first load holds no JSON writer
//!
//! It says `["ready"]` once it listens. Nothing leaves the browser.

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
    use std::cell::RefCell;

    use assay::series::desk::Desk;
    use assay::session::Origin;
    use js_sys::Array;
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::{JsCast, JsValue};
    use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

    fn answer(desk: &RefCell<Desk>, message: &Array) -> Option<Array> {
        let kind = message.get(0).as_string()?;
        let id = message.get(1).as_f64().unwrap_or(0.0) as u32;
        let id_value = JsValue::from(id);
        Some(match kind.as_str() {
            "add" => {
                let name = message.get(2).as_string().unwrap_or_default();
                let text = message.get(3).as_string().unwrap_or_default();
                match desk.borrow_mut().add(id, &name, &text) {
                    Ok(listed) => Array::of4(
                        &"read".into(),
                        &id_value,
                        &listed.company.into(),
                        &listed.period.into(),
                    ),
                    Err(error) => {
                        Array::of3(&"failed".into(), &id_value, &error.to_string().into())
                    }
                }
            }
            "remove" => {
                desk.borrow_mut().remove(id);
                return None;
            }
            "json" => {
                let text = message.get(1).as_string().unwrap_or_default();
                let origin = Origin::from_line(&message.get(2).as_string().unwrap_or_default());
                let table = message.get(3).as_string();
                match assay::export::download_json(&text, origin.as_ref(), table.as_deref()) {
                    Ok(json) => Array::of2(&"json".into(), &json.into()),
                    Err(why) => Array::of3(&"failed".into(), &id_value, &why.into()),
                }
            }
            "settle" => {
                let packed = assay::share::companies::pack(&desk.borrow().settle());
                Array::of2(
                    &"settled".into(),
                    &js_sys::Uint8Array::from(&packed[..]).into(),
                )
            }
            _ => return None,
        })
    }

    pub fn start() {
        let scope: DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
        let desk = RefCell::new(Desk::default());
        let reply = scope.clone();
        let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |event: MessageEvent| {
            let message: Array = event.data().unchecked_into();
            if let Some(out) = answer(&desk, &message) {
                let _ = reply.post_message(&out);
            }
        });
        scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        on_message.forget();
        let _ = scope.post_message(&Array::of1(&"ready".into()));
    }
}
