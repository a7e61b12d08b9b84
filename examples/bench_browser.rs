//! In-browser benchmark (not a test that can flake: it prints figures and asserts nothing
//! about time): the release build in headless Chromium, from a click on "Try the sample" to
//! the page showing every table and chart, read from the app's performance marks.
//! Run with `make bench-browser` (`cargo run --example bench_browser` after
//! `make dist`).

// Each tool uses part of the browser helpers the end-to-end tests share.
#[allow(dead_code)]
#[path = "../tests/support/browser.rs"]
mod browser;

use browser::{Browser, Site};

const RUNS: usize = 21;

#[tokio::main]
async fn main() {
    sample_read_to_drawn().await;
    typing_with_the_sample_loaded().await;
}

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

const KEYSTROKES: usize = 101;

/// The median, least and most of `values`, sorted in place.
fn spread(values: &mut [f64]) -> (f64, f64, f64) {
    values.sort_by(f64::total_cmp);
    (
        values[values.len() / 2],
        values[0],
        values[values.len() - 1],
    )
}

/// Typing in the box with the sample loaded, per keystroke: the input event's handling (the
/// update and its render, which Yew runs before the event returns) and from the event to the
/// page laid out again, in milliseconds.
async fn typing_with_the_sample_loaded() {
    let site = Site::start();
    let browser = Browser::with_sample(&site).await;
    let times = browser
        .client
        .execute_async(
            "const [count, done] = [arguments[0], arguments[arguments.length - 1]];
             const area = document.querySelector('#release-input');
             const channel = new MessageChannel();
             const task = () => new Promise(r => { channel.port1.onmessage = () => r(); channel.port2.postMessage(0); });
             const frame = () => new Promise(r => requestAnimationFrame(() => setTimeout(r, 0)));
             (async () => {
               const handled = [], laid = [];
               for (let i = 0; i < count; i++) {
                 area.value += 'x';
                 const start = performance.now();
                 area.dispatchEvent(new InputEvent('input', { bubbles: true, data: 'x', inputType: 'insertText' }));
                 handled.push(performance.now() - start);
                 await task();
                 document.body.offsetHeight;
                 laid.push(performance.now() - start);
                 await frame();
               }
               done([handled, laid]);
             })();",
            vec![serde_json::json!(KEYSTROKES)],
        )
        .await
        .unwrap();
    let ms = |i: usize| -> Vec<f64> {
        times[i]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|d| d.as_f64())
            .collect()
    };
    for (i, what) in [(0, "handled"), (1, "page laid out")].into_iter() {
        let mut values = ms(i);
        assert_eq!(values.len(), KEYSTROKES, "one measure per keystroke");
        let (median, min, max) = spread(&mut values);
        println!(
            "browser: a keystroke in the box with the sample loaded, {what}: median {median:.2} ms, min {min:.2} ms, max {max:.2} ms over {KEYSTROKES} keystrokes"
        );
    }
    browser.close().await;
}
