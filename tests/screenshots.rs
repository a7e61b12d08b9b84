//! Regenerates the README's screenshots from the release build in headless Chromium:
//! `make screenshots` (ignored by `cargo test`: it writes files under docs/).

#![cfg(not(target_arch = "wasm32"))]

// Each test binary uses part of the shared support module.
#[allow(dead_code)]
mod support;

use support::browser::{Browser, Site};

async fn capture(width: u32, height: u32, file: &str) {
    let site = Site::start();
    let browser = Browser::open().await;
    browser.client.set_window_size(width, height).await.unwrap();
    browser.client.goto(&site.url).await.unwrap();
    browser.click("#sample-button").await;
    browser.text_of("#document-header").await;
    let png = browser.client.screenshot().await.unwrap();
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("docs")
        .join(file);
    std::fs::write(&path, png).unwrap();
    println!("wrote {}", path.display());
    browser.close().await;
}

#[tokio::test]
#[ignore = "writes docs/*.png: run `make screenshots`"]
async fn screenshots() {
    capture(1280, 900, "screenshot.png").await;
    capture(390, 844, "screenshot-phone.png").await;
}
