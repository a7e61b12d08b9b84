//! Document charts over every corpus release: no panic, every spec valid, counts pinned.

use assay::figures::{document_charts, key_figures};

fn corpus() -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<_> =
        std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures"))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.file_name().unwrap().to_str().unwrap() != "SOURCES.md")
            .collect();
    files.sort();
    files
        .into_iter()
        .map(|p| {
            (
                p.file_name().unwrap().to_str().unwrap().to_owned(),
                std::fs::read(&p).unwrap(),
            )
        })
        .collect()
}

/// Charts per corpus file, pinned after looking at each file's charts.
const EXPECTED: &[(&str, usize)] = &[
    ("NEG-avient-2024Q4-djn-fixedwidth.txt", 1),
    ("NEG-avient-2024Q4-md-webcopy-morningstar.txt", 1),
    ("NEG-buckle-FY2024Q3-edgar-ex99.htm", 0),
    ("NEG-friedmanindustries-FY2025Q3-md-webcopy.txt", 0),
    ("NEG-pericom-2003-0000891092-03-001810-edgar-txt.txt", 0),
    ("NEG-pericom-2003-0000891092-03-002843-edgar-txt.txt", 0),
    ("NEG-pericom-2005-0001275287-05-000371-edgar-txt.txt", 0),
    ("NEG-pericom-2005-0001275287-05-001389-edgar-txt.txt", 0),
    ("NEG-pericom-2005-0001275287-05-003130-edgar-txt.txt", 0),
    ("NEG-pericom-2005-0001275287-05-004474-edgar-txt.txt", 0),
    ("NEG-pericom-2006-0001275287-06-002673-edgar-txt.txt", 0),
    ("NEG-pericom-2006-0001275287-06-004486-edgar-txt.txt", 0),
    ("NEG-pericom-2006-0001275287-06-005470-edgar-txt.txt", 0),
    ("NEG-pericom-2007-0001144204-07-020827-edgar-txt.txt", 0),
    ("NEG-pericom-2007-0001275287-07-000434-edgar-txt.txt", 0),
    ("NEG-walmart-1995-05-prospectus-edgar-txt.txt", 0),
    ("coeur-1986Q4-reuters21578-brief.txt", 0),
    ("compassminerals-FY2025Q1-djn-fixedwidth.txt", 0),
    ("firstquantum-2024Q4-md-webcopy-tradingview.txt", 0),
    ("hecla-2007Q3-edgar-ex99-txt.txt", 22),
    ("russelmetals-2024Q4-djn-fixedwidth.txt", 2),
    ("sunshinemining-1986Q4-reuters21578-brief.txt", 0),
];

#[test]
fn every_corpus_file_charts_without_panic_and_validly() {
    let mut counts = Vec::new();
    for (name, bytes) in corpus() {
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
            assert!(c.spec.categories.len() >= 1, "{name} {}", c.id);
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
    for (name, bytes) in corpus() {
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
