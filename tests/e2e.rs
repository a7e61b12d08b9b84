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
    let browser = Browser::with_sample(&site).await;
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

/// Starts recording Content-Security-Policy violations in the page.
const RECORD_VIOLATIONS: &str = "window.__violations = []; \
    document.addEventListener('securitypolicyviolation', e => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));";

#[tokio::test]
#[ignore = "needs the built site and chromedriver: run `make test`"]
async fn the_page_fetches_only_its_own_files() {
    let site = Site::start();
    let browser = Browser::open().await;
    browser.client.goto(&site.url).await.unwrap();
    browser
        .client
        .execute(RECORD_VIOLATIONS, vec![])
        .await
        .unwrap();
    browser.click("#sample-button").await;
    browser.text_of("#document-header").await;
    // Chart, download and share: none of it may reach the network.
    browser
        .xpath(&pick_box("Silver - Ounces"))
        .await
        .click()
        .await
        .unwrap();
    browser.click("#table-t1 .chart-line").await;
    browser.click("#user-chart-0 button.save-png").await;
    browser.click("#user-chart-0 button.share").await;
    browser.click("#user-chart-0 button.copy-link").await;
    let png = browser
        .downloaded_bytes("silver-ounces-production-summary-totals.png")
        .await;
    assert!(png.starts_with(b"\x89PNG"), "a PNG image");
    let violations = browser
        .client
        .execute("return window.__violations;", vec![])
        .await
        .unwrap();
    assert_eq!(
        violations,
        serde_json::json!([]),
        "the page stays within its policy"
    );
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
    // Chromium's own record of every resource the page loaded: only the site's origin.
    for url in resources(&browser).await {
        assert!(
            url.starts_with(&site.url) || url.starts_with("blob:"),
            "the page loaded {url}"
        );
    }
    browser.close().await;
}

#[tokio::test]
#[ignore = "needs the built site and chromedriver: run `make test`"]
async fn injected_markup_in_a_release_stays_text() {
    let site = Site::start();
    let browser = Browser::open().await;
    browser.client.goto(&site.url).await.unwrap();
    let hostile = [
        "Evil <img src=x onerror=\"window.__pwned=1\"> Mining Company (NYSE:EVL)",
        "",
        "<script>window.__pwned=2</script> reported results.",
        "",
        "                              Three Months Ended",
        "                              Dec. 31,    Dec. 31,",
        "                                2024        2023",
        "<svg onload=window.__pwned=3>  $ 1,000     $   900",
        "javascript:alert(1) costs          400         300",
        "                               -------     -------",
        "Total                         $ 1,400     $ 1,200",
        "",
    ]
    .join("\n");
    let area = browser.element("#release-input").await;
    browser
        .client
        .execute(
            "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('input', {bubbles: true}));",
            vec![serde_json::to_value(&area).unwrap(), serde_json::json!(hostile)],
        )
        .await
        .unwrap();
    browser.click("#read-button").await;
    let table = browser.text_of("#table-t1").await;
    assert!(
        table.contains("<svg onload=window.__pwned=3>"),
        "the label shows as text: {table}"
    );
    assert!(
        table.contains("javascript:alert costs"),
        "the footnote-like (1) is read as a marker: {table}"
    );
    // Chart the hostile rows too: chart text is escaped by the renderer.
    let boxes = browser
        .client
        .find_all(fantoccini::Locator::Css("#table-t1 input[type=checkbox]"))
        .await
        .unwrap();
    for b in &boxes {
        b.click().await.unwrap();
    }
    browser.click("#table-t1 .chart-bar").await;
    browser.text_of("#user-chart-0").await;
    let clean = browser
        .client
        .execute("return window.__pwned === undefined;", vec![])
        .await
        .unwrap();
    assert_eq!(clean, serde_json::json!(true), "no injected code ran");
    let injected = browser
        .client
        .find_all(fantoccini::Locator::Css(
            "main img, main script, main [onload], main [onerror]",
        ))
        .await
        .unwrap();
    assert!(
        injected.is_empty(),
        "no element came from the release's text"
    );
    browser.close().await;
}

/// The checkbox that picks the row labelled `label` in the first table.
fn pick_box(label: &str) -> String {
    format!(
        "//section[@id='table-t1']//tr[th[normalize-space()='{label}']]//input[@type='checkbox']"
    )
}

/// A browser on the sample with the highlights' "Silver - Ounces" row charted as bars
/// (`#user-chart-0`).
async fn sample_with_silver_chart(site: &Site) -> Browser {
    let browser = Browser::with_sample(site).await;
    browser
        .xpath(&pick_box("Silver - Ounces"))
        .await
        .click()
        .await
        .unwrap();
    browser.click("#table-t1 .chart-bar").await;
    browser
}

#[tokio::test]
#[ignore = "needs the built site and chromedriver: run `make test`"]
async fn picked_rows_become_a_chart_with_exact_values() {
    let site = Site::start();
    let browser = sample_with_silver_chart(&site).await;
    let svg = browser
        .client
        .find(fantoccini::Locator::Css("#user-chart-0 svg"))
        .await
        .unwrap();
    let markup = svg.html(false).await.unwrap();
    assert!(
        markup.contains("Silver - Ounces"),
        "the chart names its row"
    );
    // One hover mark per bar, carrying the exact printed value.
    let marks = browser
        .client
        .find_all(fantoccini::Locator::Css("#user-chart-0 svg rect.hit"))
        .await
        .unwrap();
    assert_eq!(marks.len(), 4);
    assert!(
        markup.contains(r#"data-value="1341395""#),
        "Q3 2007 silver ounces"
    );
    browser.close().await;
}

#[tokio::test]
#[ignore = "needs the built site and chromedriver: run `make test`"]
async fn a_table_downloads_as_csv_with_exact_values() {
    let site = Site::start();
    let browser = Browser::with_sample(&site).await;
    let balance = "//section[.//h3[normalize-space()='Consolidated Balance Sheets']]//button[contains(@class,'save-csv')]";
    browser.xpath(balance).await.click().await.unwrap();
    let id = browser
        .xpath("//section[.//h3[normalize-space()='Consolidated Balance Sheets']]")
        .await
        .attr("id")
        .await
        .unwrap()
        .unwrap();
    // The section is `table-t5`; its CSV is saved as `table-t5.csv`.
    let csv = browser.downloaded(&format!("{id}.csv")).await;
    assert!(
        csv.contains("Accumulated deficit,SHAREHOLDERS' EQUITY,,USD thousands,-282970,-327522\r\n"),
        "{csv}"
    );
    browser.close().await;
}

#[tokio::test]
#[ignore = "needs the built site and chromedriver: run `make test`"]
async fn json_downloads_are_written_by_the_reading_worker_fetched_only_then() {
    let site = Site::start();
    let browser = Browser::with_sample(&site).await;
    let before = resources(&browser).await;
    assert!(
        !before.iter().any(|r| r.contains("assay-worker")),
        "the reading worker was fetched before a JSON download: {before:?}"
    );
    browser.click(".document-actions .save-json").await;
    // The JSON `assay extract` prints for the sample's file, byte for byte.
    let session = assay::session::Session::default().apply(assay::session::Action::LoadSample(
        assay::SAMPLE_RELEASE.into(),
    ));
    let expected = assay::export::document_json(
        session.document.as_ref().unwrap(),
        session.analysis.as_ref().unwrap(),
    );
    assert_eq!(browser.downloaded("release.json").await, expected);
    // A table's: the balance sheet, its accumulated deficit as printed.
    let balance = "//section[.//h3[normalize-space()='Consolidated Balance Sheets']]";
    let section = browser.xpath(balance).await;
    let id = section.attr("id").await.unwrap().unwrap();
    browser
        .xpath(&format!("{balance}//button[contains(@class,'save-json')]"))
        .await
        .click()
        .await
        .unwrap();
    let table = browser.downloaded(&format!("{id}.json")).await;
    assert!(table.starts_with("{\n  \"schema\": \"assay/"), "{table}");
    assert!(table.contains("\"-282970\""), "{table}");
    assert!(table.contains("\"(282,970)\""), "{table}");
    let requested = site.requested();
    assert!(
        requested
            .iter()
            .any(|p| p.contains("/assay-worker-") && p.ends_with("_loader.js")),
        "{requested:?}"
    );
    browser.close().await;
}

#[tokio::test]
#[ignore = "needs the built site and chromedriver: run `make test`"]
async fn a_reload_brings_the_document_back() {
    let site = Site::start();
    let browser = Browser::with_sample(&site).await;
    assert_eq!(browser.text_of("#table-count").await, "7 tables");
    browser.client.refresh().await.unwrap();
    assert_eq!(browser.text_of("#table-count").await, "7 tables");
    browser.click("#clear-button").await;
    browser.client.refresh().await.unwrap();
    browser.text_of("#sample-button").await;
    assert!(browser
        .client
        .find(fantoccini::Locator::Css("#table-count"))
        .await
        .is_err());
    browser.close().await;
}

/// Typing in the box after a read keeps the read text in local storage as it was written on
/// the first keystroke: later keystrokes write the box alone, and a reload brings back both.
#[tokio::test]
#[ignore = "needs the built site and chromedriver: run `make test`"]
async fn typing_after_a_read_writes_the_read_text_once() {
    let site = Site::start();
    let browser = Browser::with_sample(&site).await;
    let area = browser.element("#release-input").await;
    let read = area.prop("value").await.unwrap().unwrap();
    area.send_keys("x").await.unwrap();
    let stored = |key: &'static str| {
        let client = browser.client.clone();
        async move {
            client
                .execute(
                    "return localStorage.getItem(arguments[0]);",
                    vec![serde_json::json!(key)],
                )
                .await
                .unwrap()
                .as_str()
                .map(str::to_owned)
        }
    };
    assert_eq!(
        stored("assay.release").await.as_deref(),
        Some(read.as_str())
    );
    // Count the writes from here on.
    browser
        .client
        .execute(
            "window.__writes = [];
             const set = Storage.prototype.setItem;
             Storage.prototype.setItem = function (k, v) { window.__writes.push(k); return set.call(this, k, v); };",
            vec![],
        )
        .await
        .unwrap();
    area.send_keys("yz").await.unwrap();
    let writes = browser
        .client
        .execute("return window.__writes;", vec![])
        .await
        .unwrap();
    let writes: Vec<&str> = writes
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|w| w.as_str())
        .collect();
    assert!(writes.contains(&"assay.input"), "{writes:?}");
    assert!(!writes.contains(&"assay.release"), "{writes:?}");
    let typed = area.prop("value").await.unwrap().unwrap();
    assert_eq!(typed.len(), read.len() + 3);
    assert_eq!(stored("assay.input").await.as_deref(), Some(typed.as_str()));
    assert_eq!(
        stored("assay.release").await.as_deref(),
        Some(read.as_str())
    );
    browser.client.refresh().await.unwrap();
    assert_eq!(browser.text_of("#table-count").await, "7 tables");
    let area = browser.element("#release-input").await;
    assert_eq!(
        area.prop("value").await.unwrap().as_deref(),
        Some(typed.as_str())
    );
    browser.close().await;
}

#[tokio::test]
#[ignore = "needs the built site and chromedriver: run `make test`"]
async fn a_corpus_file_uploads_through_the_file_input() {
    let site = Site::start();
    let browser = Browser::open().await;
    browser.client.goto(&site.url).await.unwrap();
    let file = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/russelmetals-2024Q4-djn-fixedwidth.txt");
    browser.upload(&file).await;
    let header = browser.text_of("#document-header").await;
    assert!(
        header.contains("russelmetals-2024Q4-djn-fixedwidth.txt"),
        "{header}"
    );
    let count = browser.text_of("#table-count").await;
    assert!(count.ends_with("tables") && count != "0 tables", "{count}");
    browser.close().await;
}

#[tokio::test]
#[ignore = "needs the built site and chromedriver: run `make test`"]
async fn a_binary_file_gets_a_message_and_the_box_keeps_its_text() {
    let site = Site::start();
    let browser = Browser::open().await;
    browser.client.goto(&site.url).await.unwrap();
    let area = browser.element("#release-input").await;
    area.send_keys("my notes").await.unwrap();
    let dir = tempfile::tempdir().unwrap();
    let png = dir.path().join("logo.png");
    std::fs::write(&png, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01").unwrap();
    browser.upload(&png).await;
    let notice = browser.text_of("#notice").await;
    assert!(notice.starts_with("logo.png: "), "{notice}");
    assert_eq!(
        area.prop("value").await.unwrap().as_deref(),
        Some("my notes")
    );
    browser.close().await;
}

#[tokio::test]
#[ignore = "needs the built site and chromedriver: run `make test`"]
async fn a_real_mismatch_is_shown_with_its_evidence_and_source_line() {
    let site = Site::start();
    let browser = Browser::with_sample(&site).await;
    // The highlights print nine-month operating cash flow as 46,984; the cash flow statement
    // prints 46,989 (lines 462 and 731 of the release).
    let mismatch = browser
        .xpath("//section[@id='checks']//li[contains(@class,'mismatch')][.//button[contains(.,'46,984')]][.//button[contains(.,'46,989')]]")
        .await;
    let text = mismatch.text().await.unwrap();
    assert!(
        text.contains("46,989,000") && text.contains("46,984,000"),
        "{text}"
    );
    mismatch
        .find(fantoccini::Locator::XPath(
            ".//button[contains(.,'46,984')]",
        ))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    let source = browser.text_of("#source-view").await;
    assert!(source.contains("Source line 462"), "{source}");
    assert!(
        source.contains("operating activities    $   22,617  $   11,049 $   46,984"),
        "{source}"
    );
    browser.close().await;
}

#[tokio::test]
#[ignore = "needs the built site and chromedriver: run `make test`"]
async fn a_share_link_reopens_the_same_chart_in_a_fresh_browser() {
    let site = Site::start();
    let maker = sample_with_silver_chart(&site).await;
    let made = maker
        .client
        .find(fantoccini::Locator::Css("#user-chart-0 svg"))
        .await
        .unwrap();
    let made_svg = made.html(false).await.unwrap();
    maker.click("#user-chart-0 button.share").await;
    // The browser packs the link asynchronously: wait for the field.
    let field = maker.element("#user-chart-0 .share-link").await;
    let url = field.prop("value").await.unwrap().unwrap();
    assert!(url.starts_with(&site.url) && url.contains("#c="), "{url}");
    assert!(
        url.len() <= 2_000,
        "a chart link fits in 2,000 characters: {}",
        url.len()
    );
    maker.close().await;

    // A fresh profile: nothing in local storage, only the link.
    let receiver = Browser::open().await;
    receiver.client.goto(&url).await.unwrap();
    let source = receiver.text_of("#shared-chart .shared-source").await;
    assert!(
        source.contains("Hecla Mining Company") && source.contains("Silver - Ounces"),
        "{source}"
    );
    let opened = receiver
        .client
        .find(fantoccini::Locator::Css("#shared-chart svg"))
        .await
        .unwrap();
    assert_eq!(
        opened.html(false).await.unwrap(),
        made_svg,
        "the same chart, drawn the same"
    );
    let data = receiver.text_of("#shared-chart table.chart-data").await;
    assert!(data.contains("1341395"), "{data}");
    assert!(receiver
        .client
        .find(fantoccini::Locator::Css("#document-header"))
        .await
        .is_err());
    // The address keeps the link, so a reload opens the same chart again.
    let address = receiver.client.current_url().await.unwrap();
    assert_eq!(address.as_str(), url, "the address still holds the link");
    receiver.client.refresh().await.unwrap();
    let reopened = receiver
        .element("#shared-chart svg")
        .await
        .html(false)
        .await
        .unwrap();
    assert_eq!(reopened, made_svg, "the same chart after a reload");
    receiver.close().await;
}

#[tokio::test]
#[ignore = "needs the built site and chromedriver: run `make test`"]
async fn a_link_with_the_release_reopens_the_whole_explorer_over_what_was_there() {
    let site = Site::start();
    let maker = sample_with_silver_chart(&site).await;
    maker.click("#user-chart-0 button.share").await;
    let link_field = "#user-chart-0 .share-link";
    let short = maker.element(link_field).await.prop("value").await.unwrap();
    maker.click("#user-chart-0 .share-release input").await;
    // The link is packed again, with the release.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    let url = loop {
        let url = maker.element(link_field).await.prop("value").await.unwrap();
        if url != short {
            break url.unwrap();
        }
        assert!(
            std::time::Instant::now() < deadline,
            "the link never changed"
        );
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    };
    assert!(url.len() > short.unwrap().len() + 1_000, "{url}");
    maker.close().await;

    // The receiver had a text of their own in the box: the link's release replaces it, and
    // the page ends on the link's document and chart with no message left over.
    let receiver = Browser::open().await;
    receiver.client.goto(&site.url).await.unwrap();
    receiver
        .element("#release-input")
        .await
        .send_keys("Sales  10  9")
        .await
        .unwrap();
    receiver.click("#read-button").await;
    receiver.text_of("#document-header").await;
    receiver.client.goto("about:blank").await.unwrap();
    receiver.client.goto(&url).await.unwrap();
    assert_eq!(receiver.text_of("#table-count").await, "7 tables");
    receiver.element("#shared-chart svg").await;
    let source = receiver.text_of("#shared-chart .shared-source").await;
    assert!(source.contains("Silver - Ounces"), "{source}");
    assert!(receiver
        .client
        .find(fantoccini::Locator::Css("#notice"))
        .await
        .is_err());
    receiver.close().await;
}

#[tokio::test]
#[ignore = "needs the built site and chromedriver: run `make test`"]
async fn a_tampered_link_shows_a_message_and_the_page_still_works() {
    let site = Site::start();
    let browser = Browser::open().await;
    browser
        .client
        .goto(&format!("{}#c=AQB4nGNgYGBgZGRgZGBgZGRgZG", site.url))
        .await
        .unwrap();
    let notice = browser.text_of("#notice").await;
    assert!(notice.contains("link"), "{notice}");
    browser.click("#sample-button").await;
    assert_eq!(browser.text_of("#table-count").await, "7 tables");
    browser.close().await;
}

#[tokio::test]
#[ignore = "needs the built site and chromedriver: run `make test`"]
async fn the_address_follows_the_row_in_view_and_back_returns() {
    let site = Site::start();
    let browser = Browser::with_sample(&site).await;
    browser.click("#row-t1-3 button.row-label").await;
    browser.text_of("#source-view").await;
    let url = browser.client.current_url().await.unwrap();
    assert_eq!(url.fragment(), Some("v=t1.3"));
    browser.client.refresh().await.unwrap();
    let source = browser.text_of("#source-view").await;
    assert!(source.contains("Source line"), "{source}");
    browser.click("#source-view button").await;
    assert_eq!(browser.client.current_url().await.unwrap().fragment(), None);
    browser.client.back().await.unwrap();
    browser.text_of("#source-view").await;
    browser.close().await;
}

#[tokio::test]
#[ignore = "needs the built site and chromedriver: run `make test`"]
async fn the_sample_shows_key_figures_and_charts_with_exact_values() {
    let site = Site::start();
    let browser = Browser::with_sample(&site).await;
    // Highlights: silver 1,341,395 oz in Q3 2007 against 1,496,315: −154,920, −10.4%.
    let silver = browser.text_of("#key-production-silver").await;
    assert!(
        silver.contains("1,341,395") && silver.contains("(−10.4%)"),
        "{silver}"
    );
    // Price of silver: London Fix $12.70 against $11.70 a year before.
    let chart = browser
        .client
        .find(fantoccini::Locator::Css("#chart-price-silver svg"))
        .await
        .unwrap();
    let svg = chart.html(false).await.unwrap();
    assert!(svg.contains("Silver"), "the chart has its title");
    let bars = browser
        .client
        .find_all(fantoccini::Locator::Css("#chart-price-silver svg rect.hit"))
        .await
        .unwrap();
    assert_eq!(bars.len(), 2, "one bar per period");
    assert!(
        svg.contains(r#"data-value="12.70""#) && svg.contains(r#"data-value="11.70""#),
        "exact printed prices"
    );
    // Greens Creek's negative total cash cost is drawn below the zero line.
    let costs = browser
        .client
        .find(fantoccini::Locator::Css("#chart-cost-per-ounce-silver svg"))
        .await
        .unwrap();
    assert!(costs
        .html(false)
        .await
        .unwrap()
        .contains(r#"data-value="-7.42""#));
    browser.close().await;
}

#[tokio::test]
#[ignore = "needs the built site and chromedriver: run `make test`"]
async fn a_file_over_the_limit_and_text_without_tables_get_plain_messages() {
    let site = Site::start();
    let browser = Browser::open().await;
    browser.client.goto(&site.url).await.unwrap();
    let dir = tempfile::tempdir().unwrap();
    let huge = dir.path().join("filing.txt");
    std::fs::write(&huge, "x".repeat(6 * 1024 * 1024)).unwrap();
    browser.upload(&huge).await;
    let notice = browser.text_of("#notice.error").await;
    assert!(
        notice.starts_with("filing.txt: The input is 6291456 bytes, over the"),
        "{notice}"
    );

    let area = browser.element("#release-input").await;
    area.send_keys("Gold rose today. Analysts expect more.")
        .await
        .unwrap();
    browser.click("#read-button").await;
    let notice = browser.text_of("#notice.info").await;
    assert!(notice.starts_with("No tables were found"), "{notice}");
    assert_eq!(browser.text_of("#table-count").await, "0 tables");
    browser.close().await;
}

#[tokio::test]
#[ignore = "needs the built site and chromedriver: run `make test`"]
async fn a_paste_from_a_web_page_is_read_as_html() {
    let site = Site::start();
    let browser = Browser::open().await;
    browser.client.goto(&site.url).await.unwrap();
    let html = include_str!("fixtures/NEG-buckle-FY2024Q3-edgar-ex99.htm");
    let area = browser.element("#release-input").await;
    browser
        .client
        .execute(
            "const dt = new DataTransfer(); dt.setData('text/html', arguments[1]); dt.setData('text/plain', 'copied'); \
             arguments[0].dispatchEvent(new ClipboardEvent('paste', {clipboardData: dt, bubbles: true, cancelable: true}));",
            vec![serde_json::to_value(&area).unwrap(), serde_json::json!(html)],
        )
        .await
        .unwrap();
    let header = browser.text_of("#document-header").await;
    assert!(header.contains("Pasted from a web page (HTML)"), "{header}");
    let count = browser.text_of("#table-count").await;
    assert!(count != "0 tables", "{count}");
    // A row's source line is a line of the HTML that was read, not of the box's text.
    let source_line = || async {
        browser.click("#table-t1 button.row-label").await;
        browser.text_of("#source-view .source-line.hit").await
    };
    let hit = source_line().await;
    let number: usize = hit.split_whitespace().next().unwrap().parse().unwrap();
    let line = html.lines().nth(number - 1).unwrap();
    assert!(
        hit.trim_end().ends_with(line.trim()),
        "line {number} is {line:?}, shown {hit:?}"
    );
    // A reload brings back the same document, still read from the HTML.
    browser.client.refresh().await.unwrap();
    let header = browser.text_of("#document-header").await;
    assert!(header.contains("Pasted from a web page (HTML)"), "{header}");
    assert_eq!(browser.text_of("#table-count").await, count);
    assert_eq!(source_line().await, hit);
    browser.close().await;
}

#[tokio::test]
#[ignore = "needs the built site and chromedriver: run `make test`"]
async fn the_address_names_the_chart_in_view_and_a_reload_returns_to_it() {
    let site = Site::start();
    let browser = Browser::with_sample(&site).await;
    browser.click("#chart-price-silver button.show-data").await;
    let url = browser.client.current_url().await.unwrap();
    assert_eq!(url.fragment(), Some("v=chart.price-silver"));
    browser.client.refresh().await.unwrap();
    browser.text_of("#chart-price-silver").await;
    assert_eq!(
        browser.client.current_url().await.unwrap().fragment(),
        Some("v=chart.price-silver")
    );
    browser.close().await;
}

/// The WebDriver key codes for Tab and Enter.
const TAB: char = '\u{E004}';
const ENTER: char = '\u{E007}';

/// Presses and releases a key on whatever has the focus, as a person at a keyboard (sending
/// keys to an element would type a path into a file input instead).
async fn press(browser: &Browser, key: char) {
    use fantoccini::actions::{InputSource, KeyAction, KeyActions};
    let actions = KeyActions::new("keyboard".into())
        .then(KeyAction::Down { value: key })
        .then(KeyAction::Up { value: key });
    browser.client.perform_actions(actions).await.unwrap();
}

/// The id (or tag) of the focused element.
async fn focused(browser: &Browser) -> String {
    browser
        .client
        .execute(
            "const e = document.activeElement; return e.id || e.className || e.tagName;",
            vec![],
        )
        .await
        .unwrap()
        .as_str()
        .unwrap_or_default()
        .to_string()
}

#[tokio::test]
#[ignore = "needs the built site and chromedriver: run `make test`"]
async fn the_keyboard_reaches_every_control_and_enter_works_them() {
    let site = Site::start();
    let browser = Browser::open().await;
    browser.client.goto(&site.url).await.unwrap();
    browser.text_of("#sample-button").await;
    // Tab from the top of the page: the input controls come in reading order.
    let mut order = Vec::new();
    for _ in 0..12 {
        press(&browser, TAB).await;
        order.push(focused(&browser).await);
        if order.last().is_some_and(|id| id == "sample-button") {
            break;
        }
    }
    let at = |id: &str| order.iter().position(|o| o == id).unwrap_or(usize::MAX);
    assert!(
        at("release-input") < at("read-button")
            && at("read-button") < at("file-input")
            && at("file-input") < at("sample-button")
            && at("sample-button") < usize::MAX,
        "tab order: {order:?}"
    );
    // Enter on the focused sample button loads the release.
    press(&browser, ENTER).await;
    assert!(browser
        .text_of("#document-header")
        .await
        .contains("Hecla Mining Company"));

    // Every control on the full page is focusable and named; every chart has a text
    // alternative.
    let report = browser
        .client
        .execute(
            r#"
            const controls = [...document.querySelectorAll('button, input, textarea, select, a[href]')];
            const unreachable = controls.filter(e => e.tabIndex < 0 || e.disabled);
            const name = e => (e.getAttribute('aria-label') || e.textContent || e.title
                || (e.id && document.querySelector(`label[for="${e.id}"]`)?.textContent) || '').trim();
            const nameless = controls.filter(e => !name(e));
            const charts = [...document.querySelectorAll('svg.assay-chart')];
            const mute = charts.filter(s => !(s.getAttribute('aria-label') || '').trim());
            return [controls.length, unreachable.length, nameless.map(e => e.outerHTML.slice(0, 80)),
                    charts.length, mute.length];
            "#,
            vec![],
        )
        .await
        .unwrap();
    let report = report.as_array().unwrap();
    assert!(report[0].as_u64().unwrap() > 100, "controls: {report:?}");
    assert_eq!(report[1], 0, "controls out of the tab order: {report:?}");
    assert_eq!(
        report[2].as_array().unwrap().len(),
        0,
        "unnamed: {report:?}"
    );
    assert!(report[3].as_u64().unwrap() >= 1, "charts: {report:?}");
    assert_eq!(
        report[4], 0,
        "charts without a text alternative: {report:?}"
    );

    // A row label is a button: focused and Enter, it opens its source line.
    let label = browser
        .client
        .execute(
            "const b = document.querySelector('table.release button.row-label'); b.focus(); return b.textContent;",
            vec![],
        )
        .await
        .unwrap();
    let label = label.as_str().unwrap().trim().to_string();
    assert!(!label.is_empty());
    press(&browser, ENTER).await;
    let source = browser.text_of("#source-view").await;
    assert!(source.contains(&label), "{label:?} not in {source}");
    browser.close().await;
}

#[tokio::test]
#[ignore = "needs the built site and chromedriver: run `make test`"]
async fn on_a_390_pixel_phone_the_page_does_not_scroll_sideways() {
    let site = Site::start();
    let browser = Browser::with_sample_at(&site, Some((390, 844))).await;
    // Wide tables scroll inside their own boxes; the page itself stays within the screen.
    let widths = browser
        .client
        .execute(
            "return [document.documentElement.clientWidth, document.documentElement.scrollWidth,
                     document.querySelectorAll('.table-scroll').length];",
            vec![],
        )
        .await
        .unwrap();
    let widths = widths.as_array().unwrap();
    let (client, scroll) = (widths[0].as_u64().unwrap(), widths[1].as_u64().unwrap());
    assert!(client <= 390, "viewport {client}");
    assert!(
        scroll <= client,
        "the page is {scroll} px wide on a {client} px screen"
    );
    assert_eq!(widths[2], 7, "each of the 7 tables scrolls in its own box");
    browser.close().await;
}

/// Waits (up to 30 s) until a service worker controls the page, which it does once it has
/// kept every file of the site.
async fn wait_for_service_worker(browser: &Browser) {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    loop {
        let controlled = browser
            .client
            .execute("return !!navigator.serviceWorker.controller;", vec![])
            .await
            .unwrap();
        if controlled == serde_json::json!(true) {
            return;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "no service worker took control of the page"
        );
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    }
}

/// The names of the page's caches and the addresses each keeps.
async fn caches(browser: &Browser) -> Vec<(String, Vec<String>)> {
    let kept = browser
        .client
        .execute_async(
            "const done = arguments[arguments.length - 1];
             caches.keys().then(names => Promise.all(names.map(name =>
                 caches.open(name).then(c => c.keys()).then(rs => [name, rs.map(r => r.url)]))))
             .then(done, e => done(String(e)));",
            vec![],
        )
        .await
        .unwrap();
    serde_json::from_value(kept.clone()).unwrap_or_else(|_| panic!("caches: {kept}"))
}

/// A browser that has visited `site` once: its service worker controls the page and keeps
/// one cache, returned with the addresses it holds.
async fn visited_once(site: &Site) -> (Browser, Vec<(String, Vec<String>)>) {
    let browser = Browser::open().await;
    browser.client.goto(&site.url).await.unwrap();
    browser.text_of("#sample-button").await;
    wait_for_service_worker(&browser).await;
    let kept = caches(&browser).await;
    assert_eq!(kept.len(), 1, "one cache: {kept:?}");
    (browser, kept)
}

#[tokio::test]
#[ignore = "needs the built site and chromedriver: run `make test`"]
async fn after_one_visit_the_app_opens_and_reads_the_sample_with_the_server_gone() {
    let site = Site::start();
    let (browser, kept) = visited_once(&site).await;
    // The worker keeps the site's own files, the sample and the manifest among them, and
    // nothing else.
    let files = &kept[0].1;
    for file in files {
        assert!(
            file.starts_with(&site.url),
            "kept from outside the site: {file}"
        );
    }
    for name in ["index.html", assay::SAMPLE_FILE, "manifest.webmanifest"] {
        assert!(
            files.iter().any(|f| f.ends_with(name)),
            "{name} is not kept: {files:?}"
        );
    }
    assert!(files.iter().any(|f| f.ends_with(".wasm")), "{files:?}");
    // Chromium reads the manifest and finds nothing in the way of installing the app.
    let manifest = browser
        .devtools("Page.getAppManifest", serde_json::json!({}))
        .await;
    assert!(
        manifest["url"]
            .as_str()
            .is_some_and(|u| u.starts_with(&site.url)),
        "{manifest}"
    );
    assert_eq!(manifest["errors"], serde_json::json!([]), "{manifest}");
    let installable = browser
        .devtools("Page.getInstallabilityErrors", serde_json::json!({}))
        .await;
    assert_eq!(
        installable["installabilityErrors"],
        serde_json::json!([]),
        "{installable}"
    );

    site.stop();
    browser.client.refresh().await.unwrap();
    browser.click("#sample-button").await;
    assert_eq!(browser.text_of("#table-count").await, "7 tables");
    let header = browser.text_of("#document-header").await;
    assert!(header.contains("Hecla Mining Company"), "{header}");
    browser.close().await;
}

/// A copy of the built site (`dist/`), of the files whose name `keep` says.
/// A copy of the site served without the files whose names start with `prefix` (a file that
/// is blocked, or a broken deployment) and without its service worker; the copy lives as long
/// as the folder returned.
fn site_without(prefix: &str) -> (tempfile::TempDir, Site) {
    let root = copy_of_dist(|name| !name.starts_with(prefix) && name != "sw.js");
    let site = Site::start_at(root.path());
    (root, site)
}

fn copy_of_dist(keep: impl Fn(&str) -> bool) -> tempfile::TempDir {
    let root = tempfile::tempdir().unwrap();
    let dist = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("dist");
    for entry in std::fs::read_dir(&dist).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if keep(&name) {
            std::fs::copy(&path, root.path().join(&name)).unwrap();
        }
    }
    root
}

#[tokio::test]
#[ignore = "needs the built site and chromedriver: run `make test`"]
async fn a_new_deployment_is_picked_up_on_the_next_visit() {
    // A copy of the site, to deploy again over it.
    let root = copy_of_dist(|_| true);
    let site = Site::start_at(root.path());
    let (browser, before) = visited_once(&site).await;

    // The next deployment: another page and another worker.
    let edit = |file: &str, from: &str, to: &str| {
        let path = root.path().join(file);
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.contains(from), "{file} has no {from}");
        std::fs::write(&path, text.replacen(from, to, 1)).unwrap();
    };
    edit("index.html", "<title>Assay", "<title>Next Assay");
    edit("sw.js", "const VERSION = \"", "const VERSION = \"next-");

    browser.client.refresh().await.unwrap();
    browser.text_of("#sample-button").await;
    let title = browser.client.title().await.unwrap();
    assert!(title.starts_with("Next Assay"), "the page was {title}");
    // The new worker replaces the old one and deletes the old build's cache (once it has kept
    // every file of the new build, the series page's three wasm among them: up to 60 s on a
    // busy machine).
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    loop {
        let now = caches(&browser).await;
        if now.len() == 1 && now[0].0 != before[0].0 {
            assert!(now[0].0.contains(" next-"), "{now:?}");
            break;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "the old cache stayed: {now:?}"
        );
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    }
    browser.close().await;
}

/// The Pericom filings' paths, for a file input that takes several at once (chromedriver
/// takes them one per line).
fn pericom_paths(extra: &[&std::path::Path]) -> String {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut paths: Vec<String> = support::pericom::PERICOM
        .iter()
        .map(|n| dir.join(n).to_string_lossy().into_owned())
        .collect();
    paths.extend(extra.iter().map(|p| p.to_string_lossy().into_owned()));
    paths.join("\n")
}

/// Records every "N of M read" the page shows (the batch may outrun the test's polling).
const RECORD_PROGRESS: &str = "window.__progress = []; \
    new MutationObserver(() => { const p = document.querySelector('#read-progress span'); \
      if (p && !window.__progress.includes(p.textContent)) window.__progress.push(p.textContent); }) \
    .observe(document.body, {subtree: true, childList: true, characterData: true});";

/// The values of a chart's data table, by category.
async fn chart_data(browser: &Browser, chart: &str) -> Vec<(String, String)> {
    browser.click(&format!("{chart} button.show-data")).await;
    let table = browser.text_of(&format!("{chart} table.chart-data")).await;
    table
        .lines()
        .skip(1)
        .filter_map(|l| {
            let (category, value) = l.rsplit_once(' ')?;
            Some((category.to_string(), value.to_string()))
        })
        .collect()
}

async fn wait_for_text(browser: &Browser, css: &str, expected: &str) -> String {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    loop {
        let text = browser.text_of(css).await;
        if text.contains(expected) {
            return text;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "{css} never said {expected:?}; it says {text:?}"
        );
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
}

/// How many releases the series page's store (IndexedDB `assay`, `releases`) holds.
async fn stored_releases(browser: &Browser) -> u64 {
    let count = browser
        .client
        .execute_async(
            "const done = arguments[0];
             const open = indexedDB.open('assay', 1);
             open.onsuccess = () => {
               const r = open.result.transaction('releases').objectStore('releases').count();
               r.onsuccess = () => done(r.result);
               r.onerror = () => done(-1);
             };
             open.onerror = () => done(-1);",
            vec![],
        )
        .await
        .unwrap();
    count.as_u64().unwrap_or(u64::MAX)
}

/// Opens the series page from the main page's link, as a reader does.
async fn series_page(site: &Site) -> Browser {
    let browser = Browser::open().await;
    browser.client.goto(&site.url).await.unwrap();
    browser.click("#series-link").await;
    browser.element("#files-input").await;
    let url = browser.client.current_url().await.unwrap();
    assert!(url.as_str().ends_with("/series.html"), "{url}");
    browser
}

#[tokio::test]
#[ignore = "needs the built site and chromedriver: run `make test`"]
async fn many_pericom_releases_make_series_that_survive_a_reload() {
    let site = Site::start();
    let browser = series_page(&site).await;
    browser
        .client
        .execute(RECORD_PROGRESS, vec![])
        .await
        .unwrap();
    browser
        .client
        .execute(RECORD_VIOLATIONS, vec![])
        .await
        .unwrap();
    let input = browser.element("#files-input").await;
    input.send_keys(&pericom_paths(&[])).await.unwrap();
    wait_for_text(&browser, "#releases h2", "12 releases loaded").await;
    browser.element("#chart-0-series-net-income-usd").await;
    let progress = browser
        .client
        .execute("return window.__progress;", vec![])
        .await
        .unwrap();
    let progress: Vec<String> = serde_json::from_value(progress).unwrap();
    assert!(
        progress.iter().any(|p| p.ends_with("of 12 read")),
        "the progress was shown: {progress:?}"
    );
    let list = browser.text_of("#release-list").await;
    assert!(list.contains("NEG-pericom-2005-0001275287-05-003130-edgar-txt.txt"));
    assert!(list.contains("Pericom Semiconductor"));
    // They were read by the Web Worker, whose wasm came from the site; the main page's wasm
    // never held the series page's code.
    let requested = site.requested();
    // Each named by its hash, so a new build never starts an old build's worker.
    for (stem, end) in [
        ("/assay-worker-", "_bg.wasm"),
        ("/assay-worker-", "_loader.js"),
        ("/assay-series-web-", "_bg.wasm"),
    ] {
        assert!(
            requested
                .iter()
                .any(|p| p.contains(stem) && p.ends_with(end)),
            "{stem}…{end}: {requested:?}"
        );
    }

    // Net revenues 19,433 thousand for the quarter ended March 2005 (05-001389 line 334);
    // net income 134 then restated to 100 (05-003130 line 382), marked.
    let revenue = chart_data(&browser, "#chart-0-series-net-revenues-usd").await;
    assert!(
        revenue.contains(&("Mar 2005".into(), "19433".into())),
        "{revenue:?}"
    );
    assert!(revenue.contains(&("Mar 2007".into(), "30182".into())));
    let income = chart_data(&browser, "#chart-0-series-net-income-usd").await;
    assert!(
        income.contains(&("Mar* 2005".into(), "100".into())),
        "{income:?}"
    );
    // Where each point was read: both printings of the restated quarter.
    let sources = browser
        .xpath("//div[@class='series-chart'][.//*[@id='chart-0-series-net-income-usd']]/details")
        .await;
    sources.click().await.unwrap();
    let sources = sources.text().await.unwrap();
    assert!(
        sources.contains("line 370 \"$ 134\"") || sources.contains("line 370 \"$      134\""),
        "{sources}"
    );
    assert!(sources.contains("line 382"), "{sources}");
    // 101 restatements: the list waits behind its summary.
    browser.click("#series-0 .restatements summary").await;
    let restatements = browser.text_of("#series-0 .restatements").await;
    assert!(
        restatements.contains("line 370: “$ 134”")
            || restatements.contains("line 370: “$      134”"),
        "{restatements}"
    );
    // A measure the reader picks: gross profit, Mar 2007 10,222 thousand (07-020827 line 304).
    browser
        .element("#pick-0 option[value='series-gross-profit-usd']")
        .await
        .click()
        .await
        .unwrap();
    let gross = chart_data(&browser, "#chart-0-series-gross-profit-usd").await;
    assert!(
        gross.contains(&("Mar 2007".into(), "10222".into())),
        "{gross:?}"
    );

    // A series chart's link carries its points and their sources, not the releases, and
    // opens on the main page.
    browser
        .click("#chart-0-series-net-income-usd button.share")
        .await;
    let field = browser
        .element("#chart-0-series-net-income-usd .share-link")
        .await;
    let url = field.prop("value").await.unwrap().unwrap();
    assert!(url.starts_with(&format!("{}#c=", site.url)), "{url}");
    assert!(browser
        .client
        .find(fantoccini::Locator::Css(
            "#chart-0-series-net-income-usd .share-release"
        ))
        .await
        .is_err());
    let receiver = Browser::open().await;
    receiver.client.goto(&url).await.unwrap();
    let data = receiver.text_of("#shared-chart table.chart-data").await;
    assert!(data.contains("Mar* 2005 100"), "{data}");
    let source = receiver.text_of("#shared-chart .shared-source").await;
    assert!(source.contains("Pericom Semiconductor"), "{source}");
    receiver.close().await;

    // Nothing but the site's own files, and the page kept within its policy.
    let violations = browser
        .client
        .execute("return window.__violations;", vec![])
        .await
        .unwrap();
    assert_eq!(violations, serde_json::json!([]), "within its policy");
    for path in site.requested() {
        assert!(
            path.starts_with(support::browser::SUB_PATH),
            "request outside the site: {path}"
        );
    }

    // A reload brings the set back (IndexedDB).
    browser.client.refresh().await.unwrap();
    wait_for_text(&browser, "#releases h2", "12 releases loaded").await;
    browser.element("#chart-0-series-net-income-usd").await;
    let income = chart_data(&browser, "#chart-0-series-net-income-usd").await;
    assert!(income.contains(&("Mar* 2005".into(), "100".into())));

    // Removing one takes it off the list, and a reload keeps it off.
    browser
        .xpath("//ul[@id='release-list']/li[1]/button[contains(@class,'remove-release')]")
        .await
        .click()
        .await
        .unwrap();
    wait_for_text(&browser, "#releases h2", "11 releases loaded").await;
    browser.client.refresh().await.unwrap();
    wait_for_text(&browser, "#releases h2", "11 releases loaded").await;

    // Clear forgets all, also after a reload at once: the store's transaction may not have
    // committed by then, but the Clear was noted before the click's task ended. The store's
    // clear and delete are made to do nothing here, as when the reload comes first.
    browser
        .client
        .execute(
            "IDBObjectStore.prototype.clear = IDBObjectStore.prototype.delete = \
             function () { return this.count(); };",
            vec![],
        )
        .await
        .unwrap();
    browser.click(".clear-all").await;
    browser.client.refresh().await.unwrap();
    browser.element("#files-input").await;
    tokio::time::sleep(std::time::Duration::from_millis(1500)).await;
    let panels = browser
        .client
        .find_all(fantoccini::Locator::Css("#releases"))
        .await
        .unwrap();
    assert!(panels.is_empty(), "nothing is listed after a Clear");
    let mut stored = 1;
    for _ in 0..50 {
        stored = stored_releases(&browser).await;
        if stored == 0 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert_eq!(stored, 0, "a Clear empties the store");
    browser.close().await;
}

#[tokio::test]
#[ignore = "needs the built site and chromedriver: run `make test`"]
async fn a_damaged_file_among_many_is_named_and_the_others_load() {
    let dir = tempfile::tempdir().unwrap();
    let damaged = dir.path().join("damaged.txt");
    std::fs::write(&damaged, b"\x00\x9f\x92\x96\x00\x01\x02 not a release").unwrap();
    let site = Site::start();
    let browser = series_page(&site).await;
    let input = browser.element("#files-input").await;
    input.send_keys(&pericom_paths(&[&damaged])).await.unwrap();
    wait_for_text(&browser, "#releases h2", "12 releases loaded").await;
    let failures = browser.text_of("#release-failures").await;
    assert!(failures.starts_with("damaged.txt: "), "{failures}");
    browser.element("#chart-0-series-net-income-usd").await;
    browser.close().await;
}

#[tokio::test]
#[ignore = "needs the built site and chromedriver: run `make test`"]
async fn pdfs_among_many_are_laid_out_by_the_pdf_reader_and_make_series() {
    let site = Site::start();
    let browser = series_page(&site).await;
    let before = resources(&browser).await;
    assert!(
        !before.iter().any(|r| r.contains("assay-pdf")),
        "the PDF reader was fetched before any PDF: {before:?}"
    );
    // Pucobre's first quarter and half year of 2025 (Spanish, decimal commas): one company.
    let names = [
        "pucobre_analisis_razonado_2025Q1.pdf",
        "pucobre_analisis_razonado_2025Q2.pdf",
    ];
    let paths: Vec<String> = (names.iter())
        .map(|n| pdf_fixture(n).display().to_string())
        .collect();
    let input = browser.element("#files-input").await;
    input.send_keys(&paths.join("\n")).await.unwrap();
    wait_for_text(&browser, "#releases h2", "2 releases loaded").await;
    // Listed with the company each names, once the reading worker has read it.
    let list = wait_for_text(&browser, "#release-list", "Sociedad Punta del Cobre S.A.").await;
    for name in names {
        assert!(list.contains(name), "{list}");
    }
    let failures = browser
        .client
        .find_all(fantoccini::Locator::Css("#release-failures"))
        .await
        .unwrap();
    assert!(failures.is_empty(), "both PDFs read");
    // Their series: one company of two releases (tests/series.rs checks the points by hand):
    // its revenue, "Ingresos operacionales", charted unasked, its other measures offered.
    wait_for_text(
        &browser,
        "#series-0 h2",
        "Sociedad Punta del Cobre S.A.: 2 releases over time",
    )
    .await;
    browser
        .element("#series-0 .chart-grid .chart-svg[aria-label*='Ingresos operacionales']")
        .await;
    browser.element("#pick-0").await;
    assert!(site
        .requested()
        .iter()
        .any(|p| p.contains("/assay-pdf-") && p.ends_with("_bg.wasm")));
    // The laid-out texts are what is kept: a reload lists both again, without the PDFs.
    browser.client.refresh().await.unwrap();
    wait_for_text(&browser, "#releases h2", "2 releases loaded").await;
    browser.close().await;
}

#[tokio::test]
#[ignore = "needs the built site and chromedriver: run `make test`"]
async fn several_files_on_the_main_page_point_to_the_series_page() {
    let site = Site::start();
    let browser = Browser::open().await;
    browser.client.goto(&site.url).await.unwrap();
    let input = browser.element("#file-input").await;
    input.send_keys(&pericom_paths(&[])).await.unwrap();
    let notice = browser.text_of("#notice").await;
    assert!(
        notice.starts_with("12 files: this page reads one release at a time")
            && notice.contains("series page"),
        "{notice}"
    );
    let link = browser.element("#series-link").await;
    assert_eq!(
        link.attr("href").await.unwrap().as_deref(),
        Some("series.html")
    );
    browser.close().await;
}

#[tokio::test]
#[ignore = "needs the built site and chromedriver: run `make test`"]
async fn after_one_visit_the_series_page_reads_many_releases_with_the_server_gone() {
    let site = Site::start();
    // One visit to the main page: its service worker keeps every file of the site, the
    // series page, its app and its Web Worker among them.
    let (browser, kept) = visited_once(&site).await;
    let files = &kept[0].1;
    assert!(
        files.iter().any(|f| f.ends_with("/series.html")),
        "{files:?}"
    );
    for (stem, end) in [
        ("/assay-worker-", "_loader.js"),
        ("/assay-worker-", ".js"),
        ("/assay-worker-", "_bg.wasm"),
        ("/assay-series-web-", "_bg.wasm"),
    ] {
        assert!(
            files.iter().any(|f| f.contains(stem) && f.ends_with(end)),
            "{stem}…{end} is not kept: {files:?}"
        );
    }
    site.stop();
    browser.goto_series(&site).await;
    let input = browser.element("#files-input").await;
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let two: Vec<String> = support::pericom::PERICOM[3..=5]
        .iter()
        .map(|n| dir.join(n).to_string_lossy().into_owned())
        .collect();
    input.send_keys(&two.join("\n")).await.unwrap();
    wait_for_text(&browser, "#releases h2", "3 releases loaded").await;
    // Net income for the quarter ended March 2005: 134, restated to 100 (05-003130 line 382).
    let income = chart_data(&browser, "#chart-0-series-net-income-usd").await;
    assert!(
        income.contains(&("Mar* 2005".into(), "100".into())),
        "{income:?}"
    );
    browser.close().await;
}

#[tokio::test]
#[ignore = "needs the built site and chromedriver: run `make test`"]
async fn the_series_page_says_so_when_its_worker_cannot_start() {
    // A copy of the site whose Web Worker is missing (blocked, or a broken deployment).
    let (_root, site) = site_without("assay-worker");
    let browser = Browser::open().await;
    browser.goto_series(&site).await;
    let input = browser.element("#files-input").await;
    input.send_keys(&pericom_paths(&[])).await.unwrap();
    let notice = wait_for_text(&browser, "#notice", "could not start or stopped").await;
    assert!(notice.contains("main page"), "{notice}");
    // The page still answers: Clear empties the list.
    browser.click(".clear-all").await;
    browser.close().await;
}

#[tokio::test]
#[ignore = "needs the built site and chromedriver: run `make test`"]
async fn on_a_390_pixel_phone_the_series_page_does_not_scroll_sideways() {
    let site = Site::start();
    let browser = Browser::open().await;
    browser.client.set_window_size(390, 844).await.unwrap();
    browser.goto_series(&site).await;
    let input = browser.element("#files-input").await;
    input.send_keys(&pericom_paths(&[])).await.unwrap();
    browser.element("#chart-0-series-net-income-usd").await;
    // Long file names, each point's sources and the restatements open: still within the screen.
    browser.click("#series-0 .point-sources summary").await;
    browser.click("#series-0 .restatements summary").await;
    let widths = browser
        .client
        .execute(
            "return [document.documentElement.clientWidth, document.documentElement.scrollWidth];",
            vec![],
        )
        .await
        .unwrap();
    let (client, scroll) = (widths[0].as_u64().unwrap(), widths[1].as_u64().unwrap());
    assert!(client <= 390, "viewport {client}");
    assert!(
        scroll <= client,
        "the series page is {scroll} px wide on a {client} px screen"
    );
    browser.close().await;
}

/// A PDF of the corpus (`tests/fixtures/pdf/`).
fn pdf_fixture(name: &str) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/pdf")
        .join(name)
}

/// Every resource the page has fetched, by Chromium's own record.
async fn resources(browser: &Browser) -> Vec<String> {
    let entries = browser
        .client
        .execute(
            "return performance.getEntriesByType('resource').map(e => e.name);",
            vec![],
        )
        .await
        .unwrap();
    serde_json::from_value(entries).unwrap()
}

#[tokio::test]
#[ignore = "needs the built site and chromedriver: run `make test`"]
async fn a_pdf_is_read_by_a_reader_fetched_only_when_a_pdf_is_opened() {
    let site = Site::start();
    let browser = Browser::open().await;
    browser.client.goto(&site.url).await.unwrap();
    browser.text_of("#sample-button").await;
    browser
        .client
        .execute(RECORD_VIOLATIONS, vec![])
        .await
        .unwrap();
    let before = resources(&browser).await;
    assert!(before.iter().any(|r| r.ends_with("_bg.wasm")), "{before:?}");
    assert!(
        !before.iter().any(|r| r.contains("assay-pdf")),
        "the PDF reader was fetched before any PDF: {before:?}"
    );

    let name = "mcdonalds_2023Q2_earnings_release.pdf";
    browser.upload(&pdf_fixture(name)).await;
    wait_for_text(&browser, "#document-header", name).await;
    // Page 5, the condensed consolidated statement of income: total revenues 6,497.5 for the
    // quarter ended June 30, 2023 (tests/read_pdf.rs, read by hand from the page).
    let row = browser.row("TOTAL REVENUES").await;
    let cells = row.text().await.unwrap();
    assert!(cells.contains("6,497.5"), "{cells}");
    // Its source line is named page:line, as `assay text` prints it.
    browser.show_source(&row).await;
    let source = browser.text_of("#source-view header").await;
    assert!(source.starts_with("Source line 5:"), "{source}");
    // Two lines either side, each on a line of its own, numbered on from the row's.
    let pre = browser.text_of("#source-view pre").await;
    let lines: Vec<&str> = pre.lines().collect();
    let hit = lines.iter().position(|l| l.contains("6,497.5")).unwrap();
    let at: Vec<usize> = (source["Source line ".len()..].split(':').take(2))
        .map(|n| n.parse().unwrap())
        .collect();
    assert_eq!((lines.len(), hit), (5, 2), "{pre}");
    let next = format!("{}:{}", at[0], at[1] + 1);
    assert!(lines[hit + 1].trim_start().starts_with(&next), "{pre}");

    // The reader came from the site, in files named by their hash, within the policy.
    let after = resources(&browser).await;
    let requested = site.requested();
    for (stem, end) in [("/assay-pdf-", "_loader.js"), ("/assay-pdf-", "_bg.wasm")] {
        assert!(
            requested
                .iter()
                .any(|p| p.contains(stem) && p.ends_with(end)),
            "{stem}…{end}: {requested:?}"
        );
    }
    for url in &after {
        assert!(url.starts_with(&site.url), "the page loaded {url}");
    }
    let violations = browser
        .client
        .execute("return window.__violations;", vec![])
        .await
        .unwrap();
    assert_eq!(violations, serde_json::json!([]));

    // A reload reads the laid-out text kept in the box again, pages and all.
    let tables = browser.text_of("#table-count").await;
    browser.client.refresh().await.unwrap();
    wait_for_text(&browser, "#document-header", name).await;
    assert_eq!(browser.text_of("#table-count").await, tables);
    browser.close().await;
}

#[tokio::test]
#[ignore = "needs the built site and chromedriver: run `make test`"]
async fn a_damaged_pdf_gets_a_message_and_the_page_keeps_working() {
    let site = Site::start();
    let browser = Browser::with_sample(&site).await;
    let dir = tempfile::tempdir().unwrap();
    let cut = dir.path().join("cut.pdf");
    let bytes = std::fs::read(pdf_fixture("mcdonalds_2023Q2_earnings_release.pdf")).unwrap();
    std::fs::write(&cut, &bytes[..bytes.len() / 3]).unwrap();
    browser.upload(&cut).await;
    let notice = wait_for_text(&browser, "#notice", "cut.pdf: The PDF is damaged").await;
    assert!(notice.contains("truncated"), "{notice}");
    // What was read before stays, and the page still reads.
    assert!(browser
        .text_of("#document-header")
        .await
        .contains("Hecla Mining Company"));
    browser
        .upload(&pdf_fixture("pucobre_analisis_razonado_2025Q1.pdf"))
        .await;
    wait_for_text(
        &browser,
        "#document-header",
        "pucobre_analisis_razonado_2025Q1.pdf",
    )
    .await;
    browser.close().await;
}

#[tokio::test]
#[ignore = "needs the built site and chromedriver: run `make test`"]
async fn the_page_says_so_when_the_pdf_reader_cannot_load() {
    // A copy of the site without the PDF reader's files (blocked, or a broken deployment).
    let (_root, site) = site_without("assay-pdf");
    let browser = Browser::with_sample(&site).await;
    browser
        .upload(&pdf_fixture("mcdonalds_2023Q2_earnings_release.pdf"))
        .await;
    let notice = wait_for_text(&browser, "#notice", "could not start").await;
    assert!(
        notice.starts_with("Could not open mcdonalds_2023Q2_earnings_release.pdf: "),
        "{notice}"
    );
    // The rest of the app works: a text file reads.
    browser
        .upload(
            &std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("tests/fixtures/russelmetals-2024Q4-djn-fixedwidth.txt"),
        )
        .await;
    wait_for_text(
        &browser,
        "#document-header",
        "russelmetals-2024Q4-djn-fixedwidth.txt",
    )
    .await;
    browser.close().await;
}
