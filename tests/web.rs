//! Tests that run inside headless Chromium through wasm-bindgen-test: the core compiled to
//! wasm gives the same answers as natively, and the app mounts, reads the sample and shows it.

#![cfg(target_arch = "wasm32")]

use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::HtmlElement;

wasm_bindgen_test_configure!(run_in_browser);

/// Lets the browser run queued work (Yew renders asynchronously).
async fn settle(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

#[wasm_bindgen_test]
fn the_sample_reads_the_same_in_wasm() {
    let document = assay::read::read_document(assay::SAMPLE_RELEASE.as_bytes()).unwrap();
    assert_eq!(document.tables.len(), 7);
}

#[wasm_bindgen_test]
async fn the_app_reads_the_sample_when_asked() {
    let page = web_sys::window().unwrap().document().unwrap();
    let root = page.create_element("div").unwrap();
    page.body().unwrap().append_child(&root).unwrap();
    // The site serves the sample as a file beside the wasm; the test runner's server does not,
    // so the page's fetch answers with it here (and records what was asked for).
    js_sys::Function::new_with_args(
        "text",
        "window.fetch = url => { window.__fetched = url; return Promise.resolve(new Response(text)); }",
    )
    .call1(&wasm_bindgen::JsValue::NULL, &assay::SAMPLE_RELEASE.into())
    .unwrap();
    assay::app::start_in(root.clone());
    settle(20).await;

    let button: HtmlElement = root
        .query_selector("#sample-button")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    button.click();
    settle(50).await;

    let count = root
        .query_selector("#table-count")
        .unwrap()
        .expect("the document header is shown");
    assert_eq!(count.text_content().unwrap(), "7 tables");
    let fetched = js_sys::Reflect::get(&web_sys::window().unwrap(), &"__fetched".into()).unwrap();
    assert_eq!(fetched.as_string().as_deref(), Some(assay::SAMPLE_FILE));
}
