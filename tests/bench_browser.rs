//! In-browser benchmark (not a test that can flake: it prints figures and asserts nothing
//! about time): the release build in headless Chromium, from a click on "Try the sample" to
//! the page showing every table and chart, read from the app's performance marks.
//! Run with `make bench-browser`.

#![cfg(not(target_arch = "wasm32"))]

#[allow(dead_code)]
mod support;

use support::browser::{Browser, Site};

const RUNS: usize = 21;

#[tokio::test]
#[ignore = "a benchmark: run `make bench-browser`"]
async fn sample_read_to_drawn() {
    let site = Site::start();
    let browser = Browser::open().await;
    browser.client.goto(&site.url).await.unwrap();
    for _ in 0..RUNS {
        browser.click("#sample-button").await;
        browser.text_of("#document-header").await;
    }
    let durations = browser
        .client
        .execute(
            "return performance.getEntriesByName('assay-read-to-drawn').map(e => e.duration);",
            vec![],
        )
        .await
        .unwrap();
    let mut ms: Vec<f64> = durations
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|d| d.as_f64())
        .collect();
    assert_eq!(ms.len(), RUNS, "one measure per read");
    ms.sort_by(f64::total_cmp);
    println!(
        "browser: sample read → tables, checks and charts drawn: median {:.1} ms, min {:.1} ms, max {:.1} ms over {RUNS} runs",
        ms[RUNS / 2],
        ms[0],
        ms[RUNS - 1]
    );
    browser.close().await;
}
