//! The analysis grows with the input, not with its square: on the Hecla seed concatenated ten
//! times it takes well under 25 times as long as on the seed (about 16 times by callgrind
//! instruction counts, while the findings themselves grow about 19 times: every copy of a
//! claim matches the cells of all ten copies). A matching step that compared every figure
//! with every row of every table again would take about 100 times as long.
//!
//! Timed, not counted: the two are timed in turns (ten runs of the seed, then one of the x10
//! input) so that both see the same load on a shared machine, and the median of the ratios is
//! compared with a bound far from both the linear and the quadratic cost, so it does not flake.

use std::time::Instant;

use assay::analyze::analyze;
use assay::read::read_document;

#[test]
fn analysis_of_ten_copies_costs_about_ten_times_one() {
    let one = assay::SAMPLE_RELEASE.as_bytes();
    let mut ten = Vec::with_capacity(one.len() * 10 + 10);
    for _ in 0..10 {
        ten.extend_from_slice(one);
        ten.push(b'\n');
    }
    let (doc1, doc10) = (read_document(one).unwrap(), read_document(&ten).unwrap());
    // The findings of ten copies are those of one, ten times and more (never fewer).
    let (a1, a10) = (analyze(&doc1), analyze(&doc10));
    assert!(a10.checks.len() >= 10 * a1.checks.len());
    assert!(a10.metrics.len() >= 9 * a1.metrics.len());

    let time = |doc: &assay::document::Document, runs: u32| {
        let start = Instant::now();
        for _ in 0..runs {
            std::hint::black_box(analyze(doc));
        }
        start.elapsed().as_secs_f64() / f64::from(runs)
    };
    let mut ratios: Vec<f64> = (0..5)
        .map(|_| {
            let single = time(&doc1, 10);
            time(&doc10, 1) / single
        })
        .collect();
    ratios.sort_by(f64::total_cmp);
    let median = ratios[ratios.len() / 2];
    eprintln!("analysis x10 / x1: median {median:.1}x (ratios {ratios:.1?})");
    assert!(
        median < 25.0,
        "x10 input took {median:.1}x as long as the seed (ratios {ratios:?})"
    );
}
