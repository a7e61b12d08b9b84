//! The built-in sample is a file of the site ([`crate::SAMPLE_FILE`]), fetched from the same
//! origin when asked for: it stays out of the wasm, which every visitor downloads.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::Response;

/// The sample's text, or why it could not be had.
pub async fn fetch() -> Result<String, String> {
    let failed = |_| "the page could not fetch it; check the connection and try again".to_owned();
    let window = web_sys::window().ok_or("there is no browser window")?;
    let response: Response = JsFuture::from(window.fetch_with_str(crate::SAMPLE_FILE))
        .await
        .map_err(failed)?
        .unchecked_into();
    if !response.ok() {
        return Err(format!("the site answered {}", response.status()));
    }
    let text = JsFuture::from(response.text().map_err(failed)?)
        .await
        .map_err(failed)?;
    text.as_string()
        .ok_or_else(|| "the file is not text".to_owned())
}
