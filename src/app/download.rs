//! Saving files the page made (CSV, JSON, SVG, PNG) through the browser's download, from an
//! object URL or a data URL: nothing is uploaded anywhere.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, BlobPropertyBag, HtmlAnchorElement, HtmlCanvasElement, HtmlImageElement, Url};

fn blob_of(text: &str, mime: &str) -> Option<Blob> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = BlobPropertyBag::new();
    options.set_type(mime);
    Blob::new_with_str_sequence_and_options(&parts, &options).ok()
}

/// Clicks a download link to `url`.
fn save_url(url: &str, filename: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if let Ok(anchor) = document.create_element("a") {
        let anchor: HtmlAnchorElement = anchor.unchecked_into();
        anchor.set_href(url);
        anchor.set_download(filename);
        anchor.click();
    }
}

/// Offers `text` as a file download.
pub fn save_text(filename: &str, mime: &str, text: &str) {
    let Some(url) = blob_of(text, mime).and_then(|b| Url::create_object_url_with_blob(&b).ok())
    else {
        return;
    };
    save_url(&url, filename);
    // The browser reads the blob after the click returns: revoking at once can cancel the
    // download, so the URL is released a minute later.
    if let Some(window) = web_sys::window() {
        let release = Closure::once_into_js(move || {
            let _ = Url::revoke_object_url(&url);
        });
        let _ = window
            .set_timeout_with_callback_and_timeout_and_arguments_0(release.unchecked_ref(), 60_000);
    }
}

/// Draws the SVG on a canvas at twice its size (crisp on high-density screens and in print)
/// and offers the PNG as a download.
pub fn save_svg_as_png(svg: &str, width: u32, height: u32, filename: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(url) =
        blob_of(svg, "image/svg+xml").and_then(|b| Url::create_object_url_with_blob(&b).ok())
    else {
        return;
    };
    let (Ok(image), Ok(canvas)) = (HtmlImageElement::new(), document.create_element("canvas"))
    else {
        return;
    };
    image.set_src(&url);
    let filename = filename.to_owned();
    yew::platform::spawn_local(async move {
        let decoded = JsFuture::from(image.decode()).await;
        let _ = Url::revoke_object_url(&url);
        let canvas: HtmlCanvasElement = canvas.unchecked_into();
        canvas.set_width(width * 2);
        canvas.set_height(height * 2);
        let Ok(Some(context)) = decoded.and_then(|_| canvas.get_context("2d")) else {
            return;
        };
        let context: web_sys::CanvasRenderingContext2d = context.unchecked_into();
        let (w, h) = (f64::from(width * 2), f64::from(height * 2));
        context.set_fill_style_str("#ffffff");
        context.fill_rect(0.0, 0.0, w, h);
        let _ = context.draw_image_with_html_image_element_and_dw_and_dh(&image, 0.0, 0.0, w, h);
        if let Ok(png) = canvas.to_data_url() {
            save_url(&png, &filename);
        }
    });
}
