//! End-to-end tests: the release build of the site, served from a sub-path on 127.0.0.1, driven
//! in headless Chromium through chromedriver. `make test` builds the site and runs these with
//! `--include-ignored`; plain `cargo test` skips them because they need `dist/` and a browser.

#![cfg(not(target_arch = "wasm32"))]

mod support;

use support::browser::{Browser, Site};

#[tokio::test]
#[ignore = "needs the built site and chromedriver: run `make test`"]
async fn sample_button_loads_the_hecla_release() {
    let site = Site::start();
    let browser = Browser::open().await;
    browser.client.goto(&site.url).await.unwrap();
    browser.click("#sample-button").await;
    let header = browser.text_of("#document-header").await;
    assert!(
        header.contains("Hecla Mining Company"),
        "header was: {header}"
    );
    let count = browser.text_of("#table-count").await;
    assert_eq!(count, "7 tables");
    browser.close().await;
}

#[tokio::test]
#[ignore = "needs the built site and chromedriver: run `make test`"]
async fn empty_input_gets_a_clear_message() {
    let site = Site::start();
    let browser = Browser::open().await;
    browser.client.goto(&site.url).await.unwrap();
    browser.click("#read-button").await;
    let notice = browser.text_of("#notice").await;
    assert!(
        notice.starts_with("There is nothing to read yet"),
        "notice was: {notice}"
    );
    browser.close().await;
}

#[tokio::test]
#[ignore = "needs the built site and chromedriver: run `make test`"]
async fn the_page_fetches_only_its_own_files() {
    let site = Site::start();
    let browser = Browser::open().await;
    browser.client.goto(&site.url).await.unwrap();
    browser.click("#sample-button").await;
    browser.text_of("#document-header").await;
    let requested = site.requested();
    assert!(
        requested.iter().any(|path| path.ends_with(".wasm")),
        "{requested:?}"
    );
    for path in &requested {
        assert!(
            path.starts_with(support::browser::SUB_PATH),
            "request outside the site: {path}"
        );
    }
    browser.close().await;
}
