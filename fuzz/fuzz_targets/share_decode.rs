//! The share-link decoder on arbitrary fragments: an error or a valid chart, never a panic,
//! and a decoded chart encodes back to a link that decodes to the same chart.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Ok(payload) = assay::share::decode(text) {
        payload.chart().validate().expect("decoded charts are valid");
        let again = assay::share::encode(&payload).expect("a decoded chart encodes");
        assert_eq!(assay::share::decode(&again).expect("and decodes"), payload);
        let _ = assay::chart::render_svg(payload.chart(), 720, 420);
    }
});
