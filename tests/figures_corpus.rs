//! Document charts over every corpus release: no panic, every spec valid, counts pinned.

use assay::figures::{document_charts, key_figures};

#[allow(dead_code)]
#[path = "support/corpus.rs"]
mod corpus;

/// Charts per corpus file, pinned after looking at each file's charts. The two copies of the
/// Avient release chart alike since the fixed-width copy's statement rows without "$" count
/// money.
const EXPECTED: &[(&str, usize)] = &[
    ("NEG-avient-2024Q4-djn-fixedwidth.txt", 3),
    ("NEG-avient-2024Q4-md-webcopy-morningstar.txt", 3),
    // The HTML exhibit, its EDGAR envelope and the browser copy (whose wrapped header
    // cells are joined back): the income statement walk.
    ("NEG-buckle-FY2024Q3-browser-copy.txt", 1),
    ("NEG-buckle-FY2024Q3-edgar-ex99.htm", 1),
    ("NEG-buckle-FY2024Q3-edgar-submission.txt", 1),
    ("NEG-friedmanindustries-FY2025Q3-md-webcopy.txt", 1),
    ("NEG-pericom-2003-0000891092-03-001810-edgar-txt.txt", 1),
    ("NEG-pericom-2003-0000891092-03-002843-edgar-txt.txt", 0),
    ("NEG-pericom-2005-0001275287-05-000371-edgar-txt.txt", 1),
    ("NEG-pericom-2005-0001275287-05-001389-edgar-txt.txt", 1),
    ("NEG-pericom-2005-0001275287-05-003130-edgar-txt.txt", 1),
    ("NEG-pericom-2005-0001275287-05-004474-edgar-txt.txt", 1),
    ("NEG-pericom-2006-0001275287-06-002673-edgar-txt.txt", 1),
    ("NEG-pericom-2006-0001275287-06-004486-edgar-txt.txt", 1),
    ("NEG-pericom-2006-0001275287-06-005470-edgar-txt.txt", 1),
    ("NEG-pericom-2007-0001144204-07-020827-edgar-txt.txt", 1),
    ("NEG-pericom-2007-0001275287-07-000434-edgar-txt.txt", 1),
    ("NEG-walmart-1995-05-prospectus-edgar-txt.txt", 0),
    ("coeur-1986Q4-reuters21578-brief.txt", 0),
    ("compassminerals-FY2025Q1-djn-fixedwidth.txt", 0),
    ("firstquantum-2024Q4-md-webcopy-tradingview.txt", 7),
    ("hecla-2007Q3-edgar-ex99-txt.txt", 22),
    ("russelmetals-2024Q4-djn-fixedwidth.txt", 3),
    ("sunshinemining-1986Q4-reuters21578-brief.txt", 0),
];

#[test]
fn every_corpus_file_charts_without_panic_and_validly() {
    let mut counts = Vec::new();
    for (name, bytes) in corpus::first_with_bytes() {
        let Ok(doc) = assay::read::read_document(&bytes) else {
            counts.push((name, 0));
            continue;
        };
        let analysis = assay::analyze::analyze(&doc);
        let charts = document_charts(&doc, &analysis);
        let mut ids = std::collections::HashSet::new();
        for c in &charts {
            c.spec
                .validate()
                .unwrap_or_else(|e| panic!("{name} {}: {e}", c.id));
            assert!(ids.insert(c.id.clone()), "{name}: id {} twice", c.id);
            assert!(
                !c.id.is_empty() && c.id.len() <= 64,
                "{name}: id {:?}",
                c.id
            );
            assert!(!c.spec.categories.is_empty(), "{name} {}", c.id);
        }
        for k in key_figures(&doc, &analysis) {
            assert!(
                !k.unit.is_empty() && !k.period.is_empty(),
                "{name} {}",
                k.id
            );
        }
        counts.push((name, charts.len()));
    }
    let expected: Vec<(String, usize)> =
        EXPECTED.iter().map(|(n, c)| (n.to_string(), *c)).collect();
    assert_eq!(counts, expected);
}

/// `cargo test --test figures_corpus dump -- --ignored --nocapture` prints every chart.
#[test]
#[ignore]
fn dump() {
    for (name, bytes) in corpus::first_with_bytes() {
        let Ok(doc) = assay::read::read_document(&bytes) else {
            println!("== {name}: not read");
            continue;
        };
        let analysis = assay::analyze::analyze(&doc);
        let charts = document_charts(&doc, &analysis);
        println!("== {name}: {} charts", charts.len());
        for c in &charts {
            println!(
                "  {} [{:?}] {} | {}",
                c.id, c.spec.kind, c.spec.title, c.spec.subtitle
            );
            println!("     cats {:?}", c.spec.categories);
            for s in &c.spec.series {
                println!(
                    "     {}: {:?}",
                    s.name,
                    s.values
                        .iter()
                        .map(|v| v.map(|d| d.to_string()).unwrap_or("-".into()))
                        .collect::<Vec<_>>()
                );
            }
            if !c.spec.steps.is_empty() {
                println!("     steps {:?}", c.spec.steps);
            }
        }
        for k in key_figures(&doc, &analysis) {
            println!(
                "  KEY {} {} {} | {} vs {:?} ch {:?} {:?}% | {}",
                k.id,
                k.value,
                k.unit,
                k.period,
                k.prior,
                k.change,
                k.change_percent,
                k.source.describe()
            );
        }
    }
}

fn charts_of(name: &str) -> Vec<assay::figures::FigureChart> {
    let doc = assay::read::read_document(&corpus::read(name)).unwrap();
    document_charts(&doc, &assay::analyze::analyze(&doc))
}

fn dec(v: &[&str]) -> Vec<Option<rust_decimal::Decimal>> {
    v.iter().map(|s| Some(s.parse().unwrap())).collect()
}

#[test]
fn non_mining_statements_walk_and_mining_charts_stay_away() {
    // Friedman prints costs as positive and a gain beside them: the block from sales to
    // earnings from operations foots only with the gain added (94,074 - 95,636 + 375 = -1,187),
    // and the tax benefit (printed as a negative expense) adds back.
    let charts = charts_of("NEG-friedmanindustries-FY2025Q3-md-webcopy.txt");
    let ids: Vec<&str> = charts.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, ["income-statement"]);
    let spec = &charts[0].spec;
    assert_eq!(
        spec.series[0].values,
        dec(&["94074", "-95636", "375", "-1187", "264", "-632", "3", "-1552", "400", "-1152"])
    );
    assert_eq!(spec.categories[1], "Cost and expenses");
    // Drawn sideways with bars on both sides of zero, every bar keeps its value label.
    let svg = assay::chart::render_svg(spec, 760, 420);
    for label in ["94,074", "−95,636", "+375", "−1,152"] {
        assert!(
            svg.contains(&format!(">\n{label}\n</text>")),
            "no label {label}"
        );
    }
    // Pericom: operating expenses close under a bare "Total"; below income before taxes the
    // tax is subtracted while minority interest and equity income are added as printed.
    let charts = charts_of("NEG-pericom-2006-0001275287-06-005470-edgar-txt.txt");
    let spec = &charts[0].spec;
    assert_eq!(charts[0].id, "income-statement");
    assert_eq!(spec.categories[3], "Operating expenses");
    assert_eq!(
        spec.series[0].values,
        dec(&[
            "30826", "-20394", "10432", "-9737", "695", "1280", "-1", "1974", "-620", "-9", "280",
            "1625"
        ])
    );
    // Avient: statements only (segments, income walk, cash flow), no mining chart. Its segment
    // sales are closed by a "Sales" line they add up to (467.7 + 279.7 - 0.9 = 746.5), and
    // the title it prints is a paragraph, cut for the subtitle.
    let charts = charts_of("NEG-avient-2024Q4-md-webcopy-morningstar.txt");
    let ids: Vec<&str> = charts.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, ["segments", "income-statement", "cash-flow"]);
    let seg = &charts[0].spec;
    assert_eq!(seg.series[0].values, dec(&["467.7", "279.7", "-0.9"]));
    assert_eq!(seg.series[1].values, dec(&["152.6", "84.2", "22.7"]));
    assert!(seg.subtitle.ends_with('…'));
    // Russel Metals prints "Segment Gross" over "Margins": the two heading lines read as one.
    let charts = charts_of("russelmetals-2024Q4-djn-fixedwidth.txt");
    let seg = &charts[0].spec;
    assert_eq!(charts[0].id, "segments");
    assert_eq!(seg.series[1].name, "Segment Gross Margins");
    assert_eq!(seg.series[1].values, dec(&["131.5", "59.8", "13.8", "6.7"]));
}

#[test]
fn quarters_named_without_dates_pair_by_their_labels() {
    // First Quantum heads its columns "QUARTERLY Q4 2024", "… Q3 2024", "… Q4 2023": the
    // same quarter a year before is the column whose label differs only by the year.
    let charts = charts_of("firstquantum-2024Q4-md-webcopy-tradingview.txt");
    let ids: Vec<&str> = charts.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "production-copper",
            "production-gold",
            "production-nickel",
            "unit-cost-copper",
            "price-copper",
            "price-gold",
            "price-nickel"
        ]
    );
    let copper = &charts[0].spec;
    assert_eq!(
        copper.categories,
        ["QUARTERLY Q4 2023", "QUARTERLY Q4 2024"]
    );
    assert_eq!(copper.series[0].values, dec(&["160200", "111602"]));
    // A realized price is preferred to the LME reference printed above it.
    // C1, C3 and AISC for the company, the lines "excluding Cobre Panamá" left aside.
    let costs = &charts[3].spec;
    assert_eq!(costs.unit, "USD per pound");
    assert_eq!(costs.series[0].values, dec(&["1.82", "2.77", "2.52"]));
    assert_eq!(costs.series[1].values, dec(&["1.68", "2.72", "2.58"]));
    // Key figures: production by metal and the C1 cash cost, each against Q4 2023; and,
    // since its highlights are read in millions from the text's "$405 million" (the tables
    // state no scale), sales and net earnings too.
    let doc = assay::read::read_document(&corpus::read(
        "firstquantum-2024Q4-md-webcopy-tradingview.txt",
    ))
    .unwrap();
    let keys = key_figures(&doc, &assay::analyze::analyze(&doc));
    let ids: Vec<&str> = keys.iter().map(|k| k.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "production-copper",
            "production-gold",
            "production-nickel",
            "cash-cost-copper",
            "sales",
            "net-income"
        ]
    );
    let sales = &keys[4];
    assert_eq!(
        (sales.value, sales.prior),
        (
            "1256000000".parse().unwrap(),
            Some("1218000000".parse().unwrap())
        )
    );
    // 1.68 - 1.82 = -0.14; -0.14 / 1.82 = -7.692…%
    let c1 = &keys[3];
    assert_eq!(c1.unit, "USD per pound");
    assert_eq!(
        (c1.value, c1.prior),
        ("1.68".parse().unwrap(), Some("1.82".parse().unwrap()))
    );
    assert_eq!(c1.change_percent, Some("-7.69".parse().unwrap()));
    let price = &charts[4].spec;
    assert_eq!(price.provenance.rows, ["Realized copper price (per lb)"]);
    assert_eq!(price.series[0].values, dec(&["3.62", "4.17"]));
}

#[test]
fn releases_cut_short_still_chart_validly() {
    // A paste that stops anywhere: tables lose rows, columns lose partners, walks stop
    // footing. Whatever is offered must still validate.
    for (name, bytes) in corpus::first_with_bytes() {
        let step = (bytes.len() / 12).max(1);
        for cut in (step..bytes.len()).step_by(step) {
            let Ok(doc) = assay::read::read_document(&bytes[..cut]) else {
                continue;
            };
            let analysis = assay::analyze::analyze(&doc);
            for c in document_charts(&doc, &analysis) {
                c.spec
                    .validate()
                    .unwrap_or_else(|e| panic!("{name} cut at {cut}, {}: {e}", c.id));
            }
            let _ = key_figures(&doc, &analysis);
        }
    }
}
