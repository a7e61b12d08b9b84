//! Tests that run inside headless Chromium through wasm-bindgen-test: the core compiled to
//! wasm gives the same answers as natively, the app mounts, reads the sample and shows it,
//! and share links pack and unpack with the browser's own zlib as they did with miniz_oxide.

#![cfg(target_arch = "wasm32")]

#[path = "chart_samples/mod.rs"]
mod chart_samples;

use assay::app::links::{decode, encode};
use assay::share::{ShareError, SharePayload, MAX_CHART_BYTES, MAX_RELEASE_BYTES};

use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::HtmlElement;

wasm_bindgen_test_configure!(run_in_browser);

/// Lets the browser run queued work (Yew renders asynchronously).
async fn settle(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

#[macro_use]
#[path = "support/parity.rs"]
mod parity;

/// Each release of `parity_releases!` with `assay extract`'s JSON of it, as
/// `tests/wasm_parity.rs` wrote it natively into `target/tmp/wasm-parity/` (this build's
/// `CARGO_TARGET_TMPDIR` is `target/wasm32-unknown-unknown/tmp`). `make test-wasm` runs that
/// first; when its file is missing, this test does not compile.
macro_rules! with_native_json {
    ($($name:literal),*) => {
        [$((
            $name,
            include_bytes!(concat!("fixtures/", $name)).as_slice(),
            include_str!(concat!(
                env!("CARGO_TARGET_TMPDIR"),
                "/../../tmp/wasm-parity/",
                $name,
                ".json"
            )),
        )),*]
    };
}

/// The document JSON the wasm build makes is the native one, byte for byte: what `assay
/// extract FILE` prints (the document named after its file, with its metrics and checks).
#[wasm_bindgen_test]
fn releases_read_to_the_same_json_in_wasm() {
    for (name, bytes, native) in parity_releases!(with_native_json) {
        let mut document = assay::read::read_document(bytes).unwrap();
        document.source.name = Some(name.to_string());
        let analysis = assay::analyze::analyze(&document);
        let wasm = assay::export::document_json(&document, &analysis) + "\n";
        if wasm != native {
            let line = wasm
                .lines()
                .zip(native.lines())
                .position(|(w, n)| w != n)
                .unwrap_or_else(|| wasm.lines().count().min(native.lines().count()));
            panic!(
                "{name}: the wasm JSON differs from the native one at line {}: wasm {:?}, native {:?}",
                line + 1,
                wasm.lines().nth(line),
                native.lines().nth(line),
            );
        }
    }
}

#[wasm_bindgen_test]
async fn the_app_reads_the_sample_when_asked() {
    let page = web_sys::window().unwrap().document().unwrap();
    let root = page.create_element("div").unwrap();
    page.body().unwrap().append_child(&root).unwrap();
    // The site serves the sample as a file beside the wasm; the test runner's server does not,
    // so the page's fetch answers with it here (and records what was asked for).
    js_sys::Function::new_with_args(
        "text",
        "window.fetch = url => { window.__fetched = url; return Promise.resolve(new Response(text)); }",
    )
    .call1(&wasm_bindgen::JsValue::NULL, &assay::SAMPLE_RELEASE.into())
    .unwrap();
    assay::app::start_in(root.clone());
    settle(20).await;

    let button: HtmlElement = root
        .query_selector("#sample-button")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    button.click();
    settle(50).await;

    let count = root
        .query_selector("#table-count")
        .unwrap()
        .expect("the document header is shown");
    assert_eq!(count.text_content().unwrap(), "7 tables");
    let fetched = js_sys::Reflect::get(&web_sys::window().unwrap(), &"__fetched".into()).unwrap();
    assert_eq!(fetched.as_string().as_deref(), Some(assay::SAMPLE_FILE));
}

#[wasm_bindgen_test]
async fn links_made_natively_by_miniz_open_in_the_browser() {
    let chart = chart_samples::silver_by_mine();
    assert_eq!(
        decode(chart_samples::MINIZ_CHART_LINK).await,
        Ok(SharePayload::Chart(chart.clone()))
    );
    assert_eq!(
        decode(chart_samples::MINIZ_RELEASE_LINK).await,
        Ok(SharePayload::ChartWithRelease {
            chart,
            release: chart_samples::MINIZ_RELEASE.into(),
        })
    );
}

#[wasm_bindgen_test]
async fn links_round_trip_through_the_browsers_zlib() {
    for (name, chart) in chart_samples::all() {
        let payload = SharePayload::Chart(chart);
        let body = encode(&payload).await.unwrap();
        assert_eq!(decode(&body).await, Ok(payload), "{name}");
    }
    let payload = SharePayload::ChartWithRelease {
        chart: chart_samples::silver_by_mine(),
        release: assay::SAMPLE_RELEASE.into(),
    };
    let body = encode(&payload).await.unwrap();
    assert!(
        body.len() < assay::SAMPLE_RELEASE.len() / 2,
        "it compresses"
    );
    // Mail clients wrap long links: the whitespace is ignored, as natively.
    let wrapped: String = body
        .as_bytes()
        .chunks(76)
        .map(|line| format!("{}\n", std::str::from_utf8(line).unwrap()))
        .collect();
    assert_eq!(decode(&wrapped).await, Ok(payload));
}

#[wasm_bindgen_test]
async fn making_a_link_keeps_the_core_checks() {
    let huge = "x".repeat(MAX_RELEASE_BYTES + 1);
    let e = encode(&SharePayload::ChartWithRelease {
        chart: chart_samples::silver_by_mine(),
        release: huge,
    })
    .await
    .unwrap_err();
    assert_eq!(
        e,
        ShareError::ReleaseTooLarge {
            bytes: MAX_RELEASE_BYTES + 1
        }
    );
}

/// Bits into bytes, least significant first, as deflate packs them.
struct Bits {
    bytes: Vec<u8>,
    acc: u32,
    count: u32,
}

impl Bits {
    fn put(&mut self, value: u32, count: u32) {
        self.acc |= value << self.count;
        self.count += count;
        while self.count >= 8 {
            self.bytes.push(self.acc as u8);
            self.acc >>= 8;
            self.count -= 8;
        }
    }

    /// A Huffman code, which deflate sends most significant bit first.
    fn code(&mut self, code: u32, count: u32) {
        self.put(code.reverse_bits() >> (32 - count), count);
    }
}

/// A link body whose zlib stream would inflate to `copies * 258 + 1` zero bytes, in one
/// fixed-Huffman block (a literal 0, then "258 bytes from 1 back" over and over, 13 bits
/// each), and is cut off before its end: inflating it to the end fails as damaged, so
/// `TooLarge` says the reader stopped early.
fn bomb(with_release: bool, copies: usize) -> String {
    let mut bits = Bits {
        bytes: vec![0x78, 0x01],
        acc: 0,
        count: 0,
    };
    bits.put(1, 1); // the last block
    bits.put(1, 2); // fixed Huffman codes
    bits.code(0x30, 8); // literal 0
    for _ in 0..copies {
        bits.code(0xC5, 8); // length 258 (symbol 285)
        bits.code(0, 5); // distance 1
    }
    link_body(with_release, &bits.bytes)
}

/// A link body around `zlib` as the app makes one: a chart alone, or a chart with a release.
fn link_body(with_release: bool, zlib: &[u8]) -> String {
    let chart = chart_samples::silver_by_mine();
    let payload = if with_release {
        SharePayload::ChartWithRelease {
            chart,
            release: String::new(),
        }
    } else {
        SharePayload::Chart(chart)
    };
    assay::share::frame(&payload).unwrap().finish(zlib).unwrap()
}

#[wasm_bindgen_test]
async fn a_deflate_bomb_is_refused_without_unpacking_it_all() {
    // A chart link of 43,000 characters that would unpack to 5 MB, ten times the cap.
    let chart_bomb = bomb(false, 20_000);
    assert!(chart_bomb.len() < assay::share::MAX_CHART_LINK_CHARS);
    assert_eq!(
        decode(&chart_bomb).await,
        Err(ShareError::TooLarge {
            limit: MAX_CHART_BYTES
        })
    );
    // A link with a release, of 2.2 million characters, that would unpack to 258 MB.
    let release_bomb = bomb(true, 1_000_000);
    assert!(release_bomb.len() < assay::share::MAX_LINK_CHARS);
    let e = decode(&release_bomb).await.unwrap_err();
    assert!(matches!(e, ShareError::TooLarge { .. }), "{e:?}");
    assert_eq!(
        e.to_string(),
        "This link unpacks into more data than Assay accepts, so it was not opened."
    );
    // The same stream, short enough to unpack to the end, is damaged: it has no end.
    assert_eq!(decode(&bomb(false, 10)).await, Err(ShareError::Damaged));
}

#[wasm_bindgen_test]
async fn a_damaged_link_is_refused_as_damaged() {
    let body = encode(&SharePayload::Chart(
        chart_samples::cash_cost_reconciliation(),
    ))
    .await
    .unwrap();
    let damaged = "This link is damaged or incomplete; copy the whole link again or ask the sender for a new one.";
    // Cut short.
    let e = decode(&body[..body.len() - 8]).await.unwrap_err();
    assert_eq!(e, ShareError::Damaged);
    assert_eq!(e.to_string(), damaged);
    // One character changed inside the compressed data: the checksum no longer agrees.
    let mut changed = body.clone().into_bytes();
    let at = body.len() / 2;
    changed[at] = if changed[at] == b'A' { b'B' } else { b'A' };
    let changed = String::from_utf8(changed).unwrap();
    assert_eq!(decode(&changed).await, Err(ShareError::Damaged));
    // Not zlib at all; an empty stream with junk after its end.
    assert_eq!(
        decode("AgBtotallyNotAChart").await,
        Err(ShareError::Damaged)
    );
    let empty_then_junk = [0x78, 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01, 0xFF];
    assert_eq!(
        decode(&link_body(false, &empty_then_junk)).await,
        Err(ShareError::Damaged)
    );
}

/// The worker's part in wasm: two Pericom releases read by its desk, settled, packed for the
/// page, unpacked there, and recorded by the series page's reducer (Mar 2005 net income restated, 134 →
/// 100, marked on the chart).
#[wasm_bindgen_test]
fn the_worker_desk_settles_pericom_and_the_page_unpacks_it() {
    use assay::many::{Action, Many};
    use assay::series::desk::Desk;
    const Q3: &str = include_str!("fixtures/NEG-pericom-2005-0001275287-05-001389-edgar-txt.txt");
    const Q4: &str = include_str!("fixtures/NEG-pericom-2005-0001275287-05-003130-edgar-txt.txt");
    let mut s = Many::default().apply(Action::BeginReading { count: 2 });
    for (name, text) in [("q3.txt", Q3), ("q4.txt", Q4)] {
        s = s.apply(Action::AddRelease {
            name: name.into(),
            bytes: text.as_bytes().to_vec(),
            key: None,
        });
    }
    let mut desk = Desk::default();
    for l in s.releases.clone() {
        let listed = desk.add(l.id, &l.name, &l.text).unwrap();
        s = s.apply(Action::ReleaseRead {
            id: l.id,
            result: Ok((listed.company, listed.period)),
        });
    }
    assert!(s.progress.is_none());
    let packed = assay::share::companies::pack(&desk.settle());
    let companies = assay::share::companies::unpack(&packed).unwrap();
    s = s.apply(Action::SeriesSettled(std::rc::Rc::new(companies)));
    let c = &s.companies[0];
    assert_eq!(c.name, "Pericom Semiconductor Corporation");
    let income = c
        .charts
        .iter()
        .find(|c| c.id == "series-net-income-usd")
        .unwrap();
    let at = income
        .spec
        .categories
        .iter()
        .position(|c| c == "Mar* 2005")
        .unwrap();
    assert_eq!(
        income.spec.series[0].values[at].map(|v| v.to_string()),
        Some("100".into())
    );
    assert!(assay::share::companies::unpack(&packed[..packed.len() - 1]).is_err());
}
