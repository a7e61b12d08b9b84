//! The HTML path on arbitrary markup: tables are rebuilt or not, never a panic, and what was
//! read survives the JSON contract and the analysis.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(html) = std::str::from_utf8(data) else { return };
    let document = assay::read::read_html(html);
    let back = assay::document::Document::from_json(&document.to_json()).expect("own JSON reads back");
    assert_eq!(back, document);
    let _ = assay::analyze::analyze(&document);
});
