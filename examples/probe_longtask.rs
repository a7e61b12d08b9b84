//! Where the series page's long tasks come from (issue 16, the 50-release benchmark): the
//! same batches as `bench_browser`, with each long animation frame's scripts (invoker, time),
//! and the settle message timed in three phases (handler: unpack and dispatch; the microtask
//! after it: Yew's render; a forced style and layout), with the DOM's size per company.
//! `cargo run --example probe_longtask -- [BATCHES]` after `make dist`; prints JSON per batch.
#[allow(dead_code)]
#[path = "../tests/support/browser.rs"]
mod browser;
#[allow(dead_code)]
#[path = "../tests/support/corpus.rs"]
mod corpus;
use browser::{Browser, Site};

fn fifty_releases() -> Vec<String> {
    let every = corpus::every();
    let folder = |name: &str| name.split_once('/').map_or("", |(f, _)| f).to_owned();
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

const RECORD: &str = "window.__long = []; window.__loaf = []; window.__phases = window.__phases || []; \
    if (!window.__patched) { window.__patched = 1; const d = Object.getOwnPropertyDescriptor(Worker.prototype, 'onmessage'); \
      Object.defineProperty(Worker.prototype, 'onmessage', {get() { return d.get.call(this); }, set(h) { d.set.call(this, function (e) { \
        const settled = e.data && e.data[0] === 'settled'; const t0 = performance.now(); h.call(this, e); const t1 = performance.now(); \
        if (settled) { queueMicrotask(() => { const t2 = performance.now(); document.body.getBoundingClientRect(); const t3 = performance.now(); \
          requestAnimationFrame(() => { const t4 = performance.now(); setTimeout(() => { window.__phases.push({handler: t1 - t0, micro: t2 - t1, styleLayout: t3 - t2, toRaf: t4 - t3, toNextTask: performance.now() - t4, nodes: document.querySelectorAll('*').length, svgNodes: document.querySelectorAll('svg *').length, perCompany: Array.from(document.querySelectorAll('section.series-view')).map(s => [s.querySelectorAll('.chart-card').length, s.querySelectorAll('*').length, s.querySelectorAll('li.restatement').length, s.querySelectorAll('option').length, s.querySelectorAll('.point-sources li').length, s.querySelectorAll('svg *').length]), releasesPanel: (document.querySelector('.releases-panel, #releases') || document.body).querySelectorAll('*').length, bytes: e.data[1].byteLength}); }, 0); }); }); } }); }}); } \
    if (!window.__observer) { window.__observer = new PerformanceObserver(list => { \
      for (const e of list.getEntries()) window.__long.push([e.startTime, e.duration]); }); \
      window.__observer.observe({type: 'longtask'}); \
      window.__o2 = new PerformanceObserver(list => { for (const e of list.getEntries()) window.__loaf.push(e.toJSON()); }); \
      window.__o2.observe({type: 'long-animation-frame'}); }";

#[tokio::main]
async fn main() {
    let batches: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(5);
    let files = fifty_releases();
    let site = Site::start();
    let browser = Browser::open().await;
    browser.goto_series(&site).await;
    for run in 0..batches {
        browser.client.execute(RECORD, vec![]).await.unwrap();
        let t0 = browser
            .client
            .execute("return performance.now();", vec![])
            .await
            .unwrap();
        let input = browser.element("#files-input").await;
        input.send_keys(&files.join("\n")).await.unwrap();
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
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }
        tokio::time::sleep(std::time::Duration::from_millis(500)).await;
        let out = browser.client.execute(
            "const m = performance.getEntriesByName('assay-many-read'); const last = m[m.length-1];
             return {phases: window.__phases[window.__phases.length-1], t0: arguments[0], measure: [last.startTime, last.duration], long: window.__long,
               loaf: window.__loaf.filter(f => f.duration > 60).map(f => ({start: f.startTime, dur: f.duration, blocking: f.blockingDuration,
                 renderStart: f.renderStart ? f.renderStart - f.startTime : 0, styleLayoutStart: f.styleAndLayoutStart ? f.styleAndLayoutStart - f.startTime : 0,
                 scripts: f.scripts.map(s => ({inv: s.invoker, type: s.invokerType, start: s.startTime - f.startTime, dur: s.duration, forced: s.forcedStyleAndLayoutDuration, fn: s.sourceFunctionName, src: s.sourceURL.split('/').pop() }))}))};",
            vec![t0]).await.unwrap();
        println!(
            "batch {run}: {}",
            serde_json::to_string_pretty(&out).unwrap()
        );
        browser.click(".clear-all").await;
        tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    }
    browser.close().await;
}
