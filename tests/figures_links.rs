//! Share-link sizes for every chart the app offers (issue 6): every Hecla chart fits in a link
//! of at most 2,000 characters; the largest and the median over the corpus are printed
//! (`cargo test --test figures_links -- --nocapture`).

use assay::figures::document_charts;
use assay::share::{decode, link, SharePayload};

const BASE: &str = "https://example.github.io/assay/";

#[allow(dead_code)]
#[path = "support/corpus.rs"]
mod corpus;

#[test]
fn every_offered_chart_fits_in_a_link() {
    let mut sizes: Vec<(usize, String)> = Vec::new();
    for (name, bytes) in corpus::first_with_bytes() {
        let Ok(doc) = assay::read::read_document(&bytes) else {
            continue;
        };
        for c in document_charts(&doc, &assay::analyze::analyze(&doc)) {
            let payload = SharePayload::Chart(c.spec.clone());
            let url = link(BASE, &payload).unwrap_or_else(|e| panic!("{name} {}: {e}", c.id));
            // The link opens the same chart.
            let body = url.split_once("#c=").unwrap().1;
            assert_eq!(decode(body).unwrap(), payload, "{name} {}", c.id);
            if name.starts_with("hecla") {
                assert!(
                    url.len() <= 2_000,
                    "{name} {}: {} characters",
                    c.id,
                    url.len()
                );
            }
            sizes.push((url.len(), format!("{name} {}", c.id)));
        }
    }
    assert!(!sizes.is_empty());
    sizes.sort();
    let (largest, which) = sizes.last().unwrap();
    let median = if sizes.len() % 2 == 1 {
        sizes[sizes.len() / 2].0
    } else {
        (sizes[sizes.len() / 2 - 1].0 + sizes[sizes.len() / 2].0) / 2
    };
    println!(
        "share links: {} charts; largest {largest} characters ({which}); median {median}; smallest {}",
        sizes.len(),
        sizes[0].0
    );
    for (n, w) in &sizes {
        println!("  {n:5} {w}");
    }
}
