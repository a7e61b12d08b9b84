//! Regenerates the screenshots in docs/ (README.md shows some) from the release build in
//! headless Chromium: `make screenshots` (`cargo run --example screenshots` after `make dist`).

// Each tool uses part of the browser helpers the end-to-end tests share.
#[allow(dead_code)]
#[path = "../tests/support/browser.rs"]
mod browser;
#[path = "../tests/support/pericom.rs"]
mod pericom;

use browser::{Browser, Site};

fn docs(file: &str) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("docs")
        .join(file)
}

/// Scrolls the element `anchor` (CSS selector) to the top of the window.
async fn scroll_to_top(browser: &Browser, anchor: &str) {
    browser
        .client
        .execute(
            "document.querySelector(arguments[0]).scrollIntoView({block: 'start'});",
            vec![serde_json::json!(anchor)],
        )
        .await
        .unwrap();
}

/// Loads the sample, charts the three mines' total cash costs, and captures the page scrolled
/// to `anchor` (CSS selector) at `width` × `height`.
async fn capture(width: u32, height: u32, anchor: &str, file: &str) {
    let site = Site::start();
    let browser = Browser::with_sample_at(&site, Some((width, height))).await;
    let picks = browser
        .client
        .find_all(fantoccini::Locator::XPath(
            "//section[.//h3[normalize-space()='Production Data']]//tr[th[starts-with(normalize-space(),'Total cash costs')]]//input",
        ))
        .await
        .unwrap();
    for pick in &picks {
        pick.click().await.unwrap();
    }
    browser
        .xpath("//section[.//h3[normalize-space()='Production Data']]//button[contains(@class,'chart-bar')]")
        .await
        .click()
        .await
        .unwrap();
    scroll_to_top(&browser, anchor).await;
    let png = browser.client.screenshot().await.unwrap();
    std::fs::write(docs(file), png).unwrap();
    println!("wrote docs/{file}");
    browser.close().await;
}

/// One picture per chart kind the sample offers (`docs/chart-<kind>.png`), plus a line chart
/// of picked rows, each cut to its chart card.
async fn chart_kinds() {
    let site = Site::start();
    let browser = Browser::with_sample_at(&site, Some((1280, 1000))).await;
    browser.text_of("#charts").await;
    browser
        .xpath("//section[@id='table-t1']//tr[th[normalize-space()='Silver - London Fix ($/oz.)']]//input")
        .await
        .click()
        .await
        .unwrap();
    browser.click("#table-t1 .chart-line").await;
    let cards = browser
        .client
        .find_all(fantoccini::Locator::Css("figure.chart-card"))
        .await
        .unwrap();
    let mut seen = std::collections::BTreeSet::new();
    for card in cards {
        let Ok(svg) = card.find(fantoccini::Locator::Css("svg")).await else {
            continue;
        };
        let Some(kind) = svg.attr("data-kind").await.unwrap() else {
            continue;
        };
        if !seen.insert(kind.clone()) {
            continue;
        }
        browser
            .client
            .execute(
                "arguments[0].scrollIntoView({block: 'center'});",
                vec![serde_json::to_value(&card).unwrap()],
            )
            .await
            .unwrap();
        let png = card.screenshot().await.unwrap();
        let file = format!("chart-{kind}.png");
        std::fs::write(docs(&file), png).unwrap();
        println!("wrote docs/{file}");
    }
    browser.close().await;
}

/// A non-mining release (Avient, a wire copy with fixed-width tables) opened from a file.
async fn non_mining() {
    let site = Site::start();
    let browser = Browser::open().await;
    browser.client.set_window_size(1280, 900).await.unwrap();
    browser.client.goto(&site.url).await.unwrap();
    let file = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/NEG-avient-2024Q4-djn-fixedwidth.txt");
    browser.upload(&file).await;
    browser.text_of("#document-header").await;
    browser
        .client
        .execute(
            "document.querySelector('#document-header').scrollIntoView({block: 'start'});",
            vec![],
        )
        .await
        .unwrap();
    std::fs::write(
        docs("screenshot-non-mining.png"),
        browser.client.screenshot().await.unwrap(),
    )
    .unwrap();
    println!("wrote docs/screenshot-non-mining.png");
    browser.close().await;
}

/// The checks panel with the not-checkable reasons shown: the sample's (`release` `None`) or
/// a fixture's opened from a file.
async fn checks_panel(release: Option<&str>, file: &str) {
    let site = Site::start();
    let browser = match release {
        None => Browser::with_sample_at(&site, Some((1280, 1400))).await,
        Some(name) => {
            let browser = Browser::open().await;
            browser.client.set_window_size(1280, 1400).await.unwrap();
            browser.client.goto(&site.url).await.unwrap();
            let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(name);
            browser.upload(&path).await;
            browser
        }
    };
    browser.text_of("#checks").await;
    browser.click("#checks .show-unchecked").await;
    browser
        .client
        .execute(
            "document.querySelector('#checks').scrollIntoView({block: 'start'});",
            vec![],
        )
        .await
        .unwrap();
    std::fs::write(docs(file), browser.client.screenshot().await.unwrap()).unwrap();
    println!("wrote docs/{file}");
    browser.close().await;
}

/// A PDF read in the app: Pucobre's first quarter of 2025 (Spanish, decimal comma), its
/// income by product on page 5, with a row's source lines named `page:line`.
async fn a_pdf(file: &str) {
    let site = Site::start();
    let browser = Browser::open().await;
    browser.client.set_window_size(1280, 900).await.unwrap();
    browser.client.goto(&site.url).await.unwrap();
    let name = "pucobre_analisis_razonado_2025Q1.pdf";
    let pdf = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/pdf")
        .join(name);
    browser.upload(&pdf).await;
    browser
        .xpath(&format!(
            "//*[@id='document-header'][contains(., '{name}')]"
        ))
        .await;
    let row = browser.row("Total Ingresos operacionales MUS").await;
    browser.show_source(&row).await;
    std::fs::write(docs(file), browser.client.screenshot().await.unwrap()).unwrap();
    println!("wrote docs/{file}");
    browser.close().await;
}

#[tokio::main]
async fn main() {
    // `cargo run --example screenshots -- pdf`: the PDF's picture alone.
    // `-- series`: the series page's pictures alone.
    match std::env::args().nth(1).as_deref() {
        Some("pdf") => return a_pdf("screenshot-pdf.png").await,
        Some("series") => {
            many_releases(1280, 900, "screenshot-series.png").await;
            return many_releases(390, 844, "screenshot-series-phone.png").await;
        }
        _ => {}
    }
    a_pdf("screenshot-pdf.png").await;
    checks_panel(None, "screenshot-checks.png").await;
    checks_panel(
        Some("tests/fixtures/NEG-pericom-2005-0001275287-05-003130-edgar-txt.txt"),
        "screenshot-checks-pericom.png",
    )
    .await;
    non_mining().await;
    chart_kinds().await;
    capture(1280, 900, "#document-header", "screenshot.png").await;
    capture(1280, 900, "#table-t1", "screenshot-table.png").await;
    capture(1280, 900, "#user-charts", "screenshot-chart.png").await;
    capture(1280, 900, "#charts", "screenshot-charts.png").await;
    capture(390, 844, "#user-charts", "screenshot-phone.png").await;
    main_page_pointer(1280, 900, "screenshot-series-link.png").await;
    main_page_pointer(390, 844, "screenshot-series-link-phone.png").await;
    many_releases(1280, 900, "screenshot-series.png").await;
    many_releases(390, 844, "screenshot-series-phone.png").await;
}

/// The twelve Pericom filings opened at once: the list of releases, then the series (net
/// income with its restated quarters marked) and the restatements.
async fn many_releases(width: u32, height: u32, file: &str) {
    let site = Site::start();
    let browser = Browser::open().await;
    browser.client.set_window_size(width, height).await.unwrap();
    browser.goto_series(&site).await;
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let paths: Vec<String> = pericom::PERICOM
        .iter()
        .map(|n| dir.join(n).to_string_lossy().into_owned())
        .collect();
    let input = browser.element("#files-input").await;
    input.send_keys(&paths.join("\n")).await.unwrap();
    browser.element("#chart-0-series-net-income-usd").await;
    // Let the charts settle before the pictures are taken.
    tokio::time::sleep(std::time::Duration::from_millis(800)).await;
    browser.click("#series-0 .restatements summary").await;
    // Where net income's points were read, and a measure picked (gross profit).
    browser
        .xpath("//div[@class='series-chart'][.//*[@id='chart-0-series-net-income-usd']]/details/summary")
        .await
        .click()
        .await
        .unwrap();
    browser
        .element("#pick-0 option[value='series-gross-profit-usd']")
        .await
        .click()
        .await
        .unwrap();
    browser.element("#chart-0-series-gross-profit-usd").await;
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    for (anchor, suffix) in [
        ("body", ""),
        ("#series-0", "-charts"),
        ("#series-0 .pick-measure", "-picked"),
        ("#series-0 .restatements", "-restatements"),
    ] {
        scroll_to_top(&browser, anchor).await;
        let name = file.replace(".png", &format!("{suffix}.png"));
        std::fs::write(docs(&name), browser.client.screenshot().await.unwrap()).unwrap();
        println!("wrote docs/{name}");
    }
    browser.close().await;
}

/// The main page's top after several files were dropped on it: the link to the series page
/// and the notice pointing there.
async fn main_page_pointer(width: u32, height: u32, file: &str) {
    let site = Site::start();
    let browser = Browser::open().await;
    browser.client.set_window_size(width, height).await.unwrap();
    browser.client.goto(&site.url).await.unwrap();
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let paths: Vec<String> = pericom::PERICOM
        .iter()
        .map(|n| dir.join(n).to_string_lossy().into_owned())
        .collect();
    let input = browser.element("#file-input").await;
    input.send_keys(&paths.join("\n")).await.unwrap();
    browser.element("#notice").await;
    std::fs::write(docs(file), browser.client.screenshot().await.unwrap()).unwrap();
    println!("wrote docs/{file}");
    browser.close().await;
}
