//! Saving files the page made (CSV, JSON, SVG, PNG) through the browser's download, from an
//! object URL: nothing is uploaded anywhere.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Blob, BlobPropertyBag, HtmlAnchorElement, HtmlCanvasElement, HtmlImageElement, Url};

fn blob_of(text: &str, mime: &str) -> Option<Blob> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = BlobPropertyBag::new();
    options.set_type(mime);
    Blob::new_with_str_sequence_and_options(&parts, &options).ok()
}

fn save_blob(blob: &Blob, filename: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Ok(url) = Url::create_object_url_with_blob(blob) else {
        return;
    };
    if let Ok(anchor) = document.create_element("a") {
        let anchor: HtmlAnchorElement = anchor.unchecked_into();
        anchor.set_href(&url);
        anchor.set_download(filename);
        anchor.click();
    }
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

/// Offers `text` as a file download.
pub fn save_text(filename: &str, mime: &str, text: &str) {
    if let Some(blob) = blob_of(text, mime) {
        save_blob(&blob, filename);
    }
}

/// Draws the SVG on a canvas at twice its size (crisp on high-density screens and in print)
/// and offers the PNG as a download.
pub fn save_svg_as_png(svg: &str, width: u32, height: u32, filename: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(blob) = blob_of(svg, "image/svg+xml") else {
        return;
    };
    let Ok(url) = Url::create_object_url_with_blob(&blob) else {
        return;
    };
    let Ok(image) = HtmlImageElement::new() else {
        return;
    };
    let Ok(canvas) = document.create_element("canvas") else {
        return;
    };
    let canvas: HtmlCanvasElement = canvas.unchecked_into();
    canvas.set_width(width * 2);
    canvas.set_height(height * 2);
    let filename = filename.to_owned();
    let loaded = image.clone();
    let source = url.clone();
    let onload = Closure::once_into_js(move || {
        let _ = Url::revoke_object_url(&source);
        let Ok(Some(context)) = canvas.get_context("2d") else {
            return;
        };
        let context: web_sys::CanvasRenderingContext2d = context.unchecked_into();
        context.set_fill_style_str("#ffffff");
        context.fill_rect(0.0, 0.0, f64::from(width * 2), f64::from(height * 2));
        let _ = context.draw_image_with_html_image_element_and_dw_and_dh(
            &loaded,
            0.0,
            0.0,
            f64::from(width * 2),
            f64::from(height * 2),
        );
        let saved = Closure::once_into_js(move |png: Option<Blob>| {
            if let Some(png) = png {
                save_blob(&png, &filename);
            }
        });
        let _ = canvas.to_blob(saved.unchecked_ref());
    });
    image.set_onload(Some(onload.unchecked_ref()));
    image.set_src(&url);
}
