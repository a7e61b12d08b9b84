//! Share links round-trip: encode → decode gives back the same chart (values with their
//! printed scale) for the Hecla samples and for arbitrary chart states; and links stay short.

#[path = "chart_samples/mod.rs"]
mod chart_samples;

use assay::chart::{ChartKind, ChartSpec, Provenance, Series, Step, CHART_SPEC_VERSION};
use assay::share::{decode, encode, from_hash, from_link, link, SharePayload};
use proptest::prelude::*;
use rust_decimal::Decimal;

/// A site address of about 40 characters, as a project site on GitHub Pages would have.
const SITE: &str = "https://assay-explorer.github.io/assay/";

fn same_values(a: &ChartSpec, b: &ChartSpec) {
    // Decimal equality ignores scale; a share link must keep "1.40" as printed.
    for (sa, sb) in a.series.iter().zip(&b.series) {
        let printed = |s: &Series| {
            s.values
                .iter()
                .map(|v| v.map(|v| v.to_string()))
                .collect::<Vec<_>>()
        };
        assert_eq!(printed(sa), printed(sb));
    }
}

#[test]
fn samples_round_trip_and_fit_in_a_short_link() {
    let mut sizes = Vec::new();
    for (name, spec) in chart_samples::all() {
        let payload = SharePayload::Chart(spec.clone());
        let url = link(SITE, &payload).unwrap();
        let back = from_link(&url).expect("a share link").unwrap();
        assert_eq!(back, payload, "{name}");
        same_values(&spec, back.chart());
        println!("{name:>26}: {:>4} characters", url.len());
        sizes.push(url.len());
    }
    sizes.sort_unstable();
    let median = sizes[sizes.len() / 2];
    let largest = *sizes.last().unwrap();
    println!(
        "link length over {} sample charts: median {median}, largest {largest}",
        sizes.len()
    );
    assert!(
        largest <= 2_000,
        "every sample chart fits a 2,000-character link"
    );
    let typical = link(
        SITE,
        &SharePayload::Chart(chart_samples::sales_and_profit_four_by_four()),
    )
    .unwrap();
    println!(
        "typical 4 periods x 4 series chart: {} characters",
        typical.len()
    );
    assert!(
        typical.len() < 1_000,
        "a typical chart is well under 2,000 characters"
    );
}

/// The largest chart the app lets a user make from the seed: 24 rows (the series limit) of
/// the cash-cost reconciliation, every period, rows named with their section.
fn largest_rows_chart() -> ChartSpec {
    let sections = [
        "SILVER OPERATIONS",
        "GOLD OPERATIONS",
        "LUCKY FRIDAY UNIT",
        "GREENS CREEK UNIT (Reflects Hecla's 29.73% share)",
    ];
    let rows = [
        "Total cash costs (1)",
        "Divided by silver ounces produced",
        "Total cash cost per ounce produced",
        "Reconciliation to GAAP: Depreciation, depletion and amortization",
        "Reconciliation to GAAP: Treatment & freight costs",
        "Reconciliation to GAAP: By-product credits (1)",
    ];
    let values = [
        ["-6615", "881", "-11314", "5928"],
        ["1341", "1496", "4391", "4000"],
        ["-4.91", "0.59", "-2.58", "1.48"],
        ["3318", "3117", "9463", "8331"],
        ["-7684", "-9177", "-23792", "-24193"],
        ["30772", "21520", "82298", "54234"],
    ];
    let mut series = Vec::new();
    for section in sections {
        for (row, v) in rows.iter().zip(&values) {
            series.push(Series {
                name: format!("{row} ({section})"),
                values: chart_samples::vals(v),
            });
        }
    }
    let names: Vec<String> = series.iter().map(|s| s.name.clone()).collect();
    let mut spec = ChartSpec::new(
        ChartKind::Line,
        "Reconciliation of Cash Costs per Ounce to Generally Accepted Accounting Principles (GAAP)",
        "Three and nine months ended Sept. 30, 2007 and 2006",
        "USD thousands, except per ounce",
        [
            "Three Months Ended Sept. 30, 2006",
            "Three Months Ended Sept. 30, 2007",
            "Nine Months Ended Sept. 30, 2006",
            "Nine Months Ended Sept. 30, 2007",
        ]
        .map(String::from)
        .to_vec(),
        series,
    );
    spec.provenance = Provenance {
        company: chart_samples::COMPANY.into(),
        period: chart_samples::Q3.into(),
        table: spec.title.clone(),
        rows: names,
    };
    spec
}

#[test]
fn the_largest_rows_chart_fits_in_a_link() {
    let spec = largest_rows_chart();
    spec.validate().unwrap();
    let url = link(SITE, &SharePayload::Chart(spec)).unwrap();
    println!(
        "largest rows chart (24 series x 4 periods): {} characters",
        url.len()
    );
    assert!(url.len() <= 2_000);
}

#[test]
fn a_shared_chart_draws_the_same_svg() {
    for (name, spec) in chart_samples::all() {
        let back = decode(&encode(&SharePayload::Chart(spec.clone())).unwrap()).unwrap();
        let draw = |s: &ChartSpec| assay::chart::render_svg(s, 720, 420);
        assert_eq!(draw(&spec), draw(back.chart()), "{name}");
    }
}

#[test]
fn specs_survive_json_with_printed_scale() {
    // Local storage keeps specs as JSON; values travel as decimal strings.
    for (name, spec) in chart_samples::all() {
        let json = serde_json::to_string(&spec).unwrap();
        let back: ChartSpec = serde_json::from_str(&json).unwrap();
        assert_eq!(back, spec, "{name}");
        same_values(&spec, &back);
    }
    let json = serde_json::to_string(&chart_samples::silver_price_line()).unwrap();
    assert!(json.contains("\"12.70\""), "{json}");
}

#[test]
fn chart_with_release_round_trips() {
    let release = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/hecla-2007Q3-edgar-ex99-txt.txt"
    ))
    .unwrap();
    let payload = SharePayload::ChartWithRelease {
        chart: chart_samples::cash_cost_reconciliation(),
        release: release.clone(),
    };
    let url = link(SITE, &payload).unwrap();
    println!(
        "chart + Hecla release ({} bytes): {} characters",
        release.len(),
        url.len()
    );
    let back = from_link(&url).unwrap().unwrap();
    assert_eq!(back.release(), Some(release.as_str()));
    assert_eq!(back, payload);
}

#[test]
fn hash_parsing_finds_the_link_among_other_parameters() {
    let payload = SharePayload::Chart(chart_samples::silver_by_mine());
    let body = encode(&payload).unwrap();
    assert_eq!(from_hash(&format!("#c={body}")), Some(Ok(payload.clone())));
    assert_eq!(
        from_hash(&format!("view=chart-2&c={body}")),
        Some(Ok(payload.clone()))
    );
    assert_eq!(from_hash("#view=table-3"), None);
    assert_eq!(from_hash(""), None);
    // A link wrapped by a mail client still opens.
    let wrapped: String = body
        .as_bytes()
        .chunks(60)
        .map(|c| std::str::from_utf8(c).unwrap())
        .collect::<Vec<_>>()
        .join("\r\n ");
    assert_eq!(decode(&wrapped), Ok(payload.clone()));
    // The base's own fragment is replaced, not extended.
    let url = link("https://x.example/app/#view=table-1", &payload).unwrap();
    assert!(url.starts_with("https://x.example/app/#c="), "{url}");
}

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => "[ -~]{0,40}",
        1 => "\\PC{0,60}",
        1 => "[a-zé€𝄞 ]{250,300}",
    ]
    .prop_filter("no control characters", |s| {
        !s.chars().any(char::is_control) && s.chars().count() <= 300
    })
}

fn decimal() -> impl Strategy<Value = Decimal> {
    prop_oneof![
        (-10_000_000i64..10_000_000, 0u32..4).prop_map(|(m, s)| Decimal::new(m, s)),
        (any::<i64>(), 0u32..=28).prop_map(|(m, s)| Decimal::new(m, s)),
        (-(1i128 << 96) + 1..(1i128 << 96), 0u32..=28)
            .prop_map(|(m, s)| Decimal::from_i128_with_scale(m, s)),
    ]
}

prop_compose! {
    fn chart()(kind in prop::sample::select(ChartKind::ALL.to_vec()), n in 0usize..14, many in 0usize..6)
        (
            kind in Just(kind),
            title in text(), subtitle in text(), unit in text(),
            categories in prop::collection::vec(text(), n),
            series in prop::collection::vec(
                (text(), prop::collection::vec(prop::option::weighted(0.8, decimal()), n)),
                if matches!(kind, ChartKind::Bar | ChartKind::Waterfall) { many.min(1) } else { many },
            ),
            steps in prop::collection::vec(prop::bool::ANY, n),
            company in text(), period in text(), table in text(),
            rows in prop::collection::vec(text(), 0..8),
        ) -> ChartSpec {
        ChartSpec {
            version: CHART_SPEC_VERSION,
            kind,
            title, subtitle, unit, categories,
            series: series.into_iter().map(|(name, values)| Series { name, values }).collect(),
            breaks: if kind == ChartKind::Line {
                (1..steps.len()).filter(|i| steps[*i]).collect()
            } else { Vec::new() },
            steps: if kind == ChartKind::Waterfall {
                steps.into_iter().map(|t| if t { Step::Total } else { Step::Delta }).collect()
            } else { Vec::new() },
            provenance: Provenance { company, period, table, rows },
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn any_chart_round_trips(spec in chart()) {
        prop_assert!(spec.validate().is_ok());
        let payload = SharePayload::Chart(spec.clone());
        let back = decode(&encode(&payload).unwrap()).unwrap();
        prop_assert_eq!(&back, &payload);
        same_values(&spec, back.chart());
    }

    #[test]
    fn any_chart_with_release_round_trips(spec in chart(), release in "\\PC{0,2000}") {
        let payload = SharePayload::ChartWithRelease { chart: spec, release };
        let back = decode(&encode(&payload).unwrap()).unwrap();
        prop_assert_eq!(back, payload);
    }
}

#[test]
fn links_made_by_miniz_before_the_browser_packed_them_still_open() {
    // tests/web.rs opens the same bodies in the browser, whose zlib now packs the app's links.
    let chart = chart_samples::silver_by_mine();
    assert_eq!(
        decode(chart_samples::MINIZ_CHART_LINK),
        Ok(SharePayload::Chart(chart.clone()))
    );
    let with_release = SharePayload::ChartWithRelease {
        chart,
        release: chart_samples::MINIZ_RELEASE.into(),
    };
    assert_eq!(
        decode(chart_samples::MINIZ_RELEASE_LINK),
        Ok(with_release.clone())
    );
    // And the native encoder still makes exactly these.
    assert_eq!(
        encode(&with_release).unwrap(),
        chart_samples::MINIZ_RELEASE_LINK
    );
}
