//! The address bar: the fragment carries the view (`#v=t3.12`) or a shared chart (`#c=…`).
//! Fragments never reach a server, so neither does anything in them.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// The current fragment, without its `#`.
pub fn hash() -> String {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .map(|h| h.trim_start_matches('#').to_owned())
        .unwrap_or_default()
}

/// The page's address without its fragment: the base a share link is built on. A link made
/// on the series page opens on the main page (its folder), which shows shared charts.
pub fn base_url() -> String {
    web_sys::window()
        .and_then(|w| w.location().href().ok())
        .map(|href| {
            let page = href.split('#').next().unwrap_or_default();
            page.strip_suffix("series.html").unwrap_or(page).to_owned()
        })
        .unwrap_or_default()
}

/// Records a new view in the history (so Back returns to the previous one), unless the
/// address already shows it.
pub fn push(fragment: &str) {
    if fragment == hash() {
        return;
    }
    let Some(window) = web_sys::window() else {
        return;
    };
    let Ok(history) = window.history() else {
        return;
    };
    let url = if fragment.is_empty() {
        base_url()
    } else {
        format!("#{fragment}")
    };
    let _ = history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
}

/// Calls `on_change` with the new fragment whenever Back, Forward or a typed fragment
/// changes it. Lives as long as the page.
pub fn on_change(on_change: impl Fn(String) + 'static) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let handler = Closure::<dyn Fn()>::new(move || on_change(hash()));
    let _ = window.add_event_listener_with_callback("popstate", handler.as_ref().unchecked_ref());
    let _ = window.add_event_listener_with_callback("hashchange", handler.as_ref().unchecked_ref());
    handler.forget();
}

/// Puts `text` on the clipboard where the browser allows it; the link stays selectable in
/// its text field where it does not.
pub fn copy(text: &str) {
    if let Some(window) = web_sys::window() {
        let _ = window.navigator().clipboard().write_text(text);
    }
}
