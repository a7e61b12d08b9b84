//! In-browser benchmark (not a test that can flake: it prints figures and asserts nothing
//! about time): the release build in headless Chromium, from a click on "Try the sample" to
//! the page showing every table and chart, read from the app's performance marks; a keystroke
//! in the box with the sample loaded; 50 releases opened at once on the series page; and the
//! 138-page First Majestic PDF, from the pick to everything drawn (`make bench-browser`, or
//! `cargo run --example bench_browser -- pdf` for the PDF alone, `-- series` for the series
//! page alone).
//! Run with `make bench-browser` (`cargo run --example bench_browser` after
//! `make dist`).

// Each tool uses part of the browser helpers the end-to-end tests share.
#[allow(dead_code)]
#[path = "../tests/support/browser.rs"]
mod browser;
#[allow(dead_code)]
#[path = "../tests/support/corpus.rs"]
mod corpus;

use browser::{Browser, Site};

const RUNS: usize = 21;

#[tokio::main]
async fn main() {
    match std::env::args().nth(1).as_deref() {
        Some("pdf") => return a_long_pdf_read_to_drawn().await,
        Some("series") => return fifty_releases_read_and_aligned().await,
        _ => {}
    }
    sample_read_to_drawn().await;
    typing_with_the_sample_loaded().await;
    fifty_releases_read_and_aligned().await;
    a_long_pdf_read_to_drawn().await;
}

const PDF_RUNS: usize = 5;

/// The 138-page First Majestic report picked in the file input, from the pick to its tables,
/// checks and charts drawn: the file read, the PDF worker started (its wasm fetched and
/// compiled each time: each PDF gets a worker of its own), the PDF laid out, then read and
/// analysed on the page.
async fn a_long_pdf_read_to_drawn() {
    let site = Site::start();
    let browser = Browser::open().await;
    browser.client.goto(&site.url).await.unwrap();
    let pdf = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/pdf/firstmajestic_2024Q4_FS_MDA.pdf");
    for run in 1..=PDF_RUNS {
        browser.upload(&pdf).await;
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(120);
        while measures(&browser, "assay-read-to-drawn").await.len() < run {
            assert!(std::time::Instant::now() < deadline, "the PDF was not read");
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        }
    }
    let mut ms = measures(&browser, "assay-read-to-drawn").await;
    let (median, least, most) = spread(&mut ms);
    println!(
        "browser: First Majestic PDF (138 pages) picked → tables, checks and charts drawn: median {median:.0} ms, min {least:.0} ms, max {most:.0} ms over {PDF_RUNS} runs ({ms:.0?})"
    );
    browser.close().await;
}

async fn sample_read_to_drawn() {
    let site = Site::start();
    let browser = Browser::open().await;
    browser.client.goto(&site.url).await.unwrap();
    for _ in 0..RUNS {
        browser.click("#sample-button").await;
        browser.text_of("#document-header").await;
    }
    let mut ms = measures(&browser, "assay-read-to-drawn").await;
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

/// The durations of the app's performance measures named `name`, in milliseconds.
async fn measures(browser: &Browser, name: &str) -> Vec<f64> {
    let durations = browser
        .client
        .execute(
            "return performance.getEntriesByName(arguments[0]).map(e => e.duration);",
            vec![serde_json::json!(name)],
        )
        .await
        .unwrap();
    durations
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|d| d.as_f64())
        .collect()
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

/// The first 50 release files of `tests/fixtures/` (top level, `edgar/`, `wire/`, by name,
/// as the corpus loader lists them; not the PDFs), as paths the file input takes.
fn fifty_releases() -> Vec<String> {
    let every = corpus::every();
    let folder = |name: &str| {
        name.split_once('/')
            .map_or("", |(folder, _)| folder)
            .to_owned()
    };
    let mut files: Vec<String> = ["", "edgar", "wire"]
        .iter()
        .flat_map(|dir| every.iter().filter(move |n| folder(n) == *dir))
        .filter(|n| {
            n.ends_with(".txt") || n.ends_with(".htm") || n.ends_with(".html") || n.ends_with(".md")
        })
        .map(|n| corpus::dir().join(n).to_string_lossy().into_owned())
        .collect();
    files.truncate(50);
    files
}

/// Records the longest main-thread task (PerformanceObserver long-task entries, ≥ 50 ms).
const RECORD_LONG_TASKS: &str = "window.__long = []; \
    if (!window.__observer) { window.__observer = new PerformanceObserver(list => { \
      for (const e of list.getEntries()) window.__long.push(e.duration); }); \
      window.__observer.observe({type: 'longtask'}); }";

/// The series page: 50 releases opened at once, read by its Web Worker, aligned and drawn,
/// five times over, with the longest main-thread task of each batch.
async fn fifty_releases_read_and_aligned() {
    const BATCHES: usize = 5;
    let files = fifty_releases();
    assert_eq!(files.len(), 50);
    let site = Site::start();
    let browser = Browser::open().await;
    browser.goto_series(&site).await;
    let (mut longest, mut over_100, mut to_drawn) = (Vec::new(), Vec::new(), Vec::new());
    for run in 0..BATCHES {
        browser
            .client
            .execute(RECORD_LONG_TASKS, vec![])
            .await
            .unwrap();
        let input = browser.element("#files-input").await;
        input.send_keys(&files.join("\n")).await.unwrap();
        // The batch is done once its measure is taken.
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(120);
        loop {
            let n = browser
                .client
                .execute(
                    "return performance.getEntriesByName('assay-many-read').length;",
                    vec![],
                )
                .await
                .unwrap();
            if n.as_u64() == Some(run as u64 + 1) {
                break;
            }
            assert!(
                std::time::Instant::now() < deadline,
                "the batch never finished"
            );
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
        // The charts are drawn after the measure, a task each: the batch's tasks end once
        // no chart is left to draw and the page has had a moment to lay them out.
        loop {
            let drawing = browser
                .client
                .execute(
                    "return document.querySelector('.series-view') !== null \
                     && document.querySelector('.chart-svg.drawing') === null;",
                    vec![],
                )
                .await
                .unwrap();
            if drawing.as_bool() == Some(true) {
                break;
            }
            assert!(
                std::time::Instant::now() < deadline,
                "the charts were never drawn"
            );
            tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        }
        let drawn = browser
            .client
            .execute(
                "const m = performance.getEntriesByName('assay-many-read').at(-1); \
                 return performance.now() - m.startTime;",
                vec![],
            )
            .await
            .unwrap();
        to_drawn.push(drawn.as_f64().unwrap_or(0.0));
        tokio::time::sleep(std::time::Duration::from_millis(500)).await;
        let long = browser
            .client
            .execute("return Math.max(0, ...window.__long);", vec![])
            .await
            .unwrap();
        longest.push(long.as_f64().unwrap_or(0.0));
        let over = browser
            .client
            .execute("return window.__long.filter(d => d > 100).length;", vec![])
            .await
            .unwrap();
        over_100.push(over.as_u64().unwrap_or(0));
        browser.click(".clear-all").await;
        tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    }
    let mut ms = measures(&browser, "assay-many-read").await;
    ms.sort_by(f64::total_cmp);
    longest.sort_by(f64::total_cmp);
    to_drawn.sort_by(f64::total_cmp);
    println!(
        "browser: 50 releases read and aligned: median {:.0} ms (min {:.0}, max {:.0}) over {BATCHES} batches; every chart drawn (polled, ±50 ms): median {:.0} ms; longest main-thread task per batch: median {:.0} ms, max {:.0} ms; tasks over 100 ms per batch: {over_100:?}",
        ms[ms.len() / 2],
        ms[0],
        ms[ms.len() - 1],
        to_drawn[BATCHES / 2],
        longest[BATCHES / 2],
        longest[BATCHES - 1],
    );
    browser.close().await;
}
