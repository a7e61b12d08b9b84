//! Document extraction from arbitrary bytes: any input is a document or a ReadError.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(document) = assay::read::read_document(data) {
        // The JSON contract must round-trip whatever was read.
        let json = document.to_json();
        let back = assay::document::Document::from_json(&json).expect("own JSON reads back");
        assert_eq!(back, document);
    }
});
