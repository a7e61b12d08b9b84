//! Metrics, checks and charts over documents read from arbitrary text.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(document) = assay::read::read_document(data) else { return };
    let analysis = assay::analyze::analyze(&document);
    for chart in assay::figures::document_charts(&document, &analysis) {
        chart.spec.validate().expect("offered charts are valid");
    }
    let _ = assay::figures::key_figures(&document, &analysis);
});
