//! The share-link decoder on arbitrary fragments: an error or a valid chart, never a panic,
//! and a decoded chart encodes back to a link that decodes to the same chart.
//!
//! Random text rarely survives the base64 and zlib checksum, so two crafted modes, picked by
//! the first byte, build a well-formed body around the fuzzer's bytes: 0xFE deflates them as
//! the wire layout itself (tampered counts, lengths, values); 0xFF makes them a
//! decompression bomb (the bytes repeated to a length the input chooses, up to 6.8 MB: past
//! the 5.5 MiB a link with a release may inflate to; larger bombs only time the harness's own
//! deflate, which is what the first crafted run's one timeout was).
#![no_main]
use base64::{engine::general_purpose::URL_SAFE_NO_PAD, Engine};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| match data {
    [0xFE, version, kind, wire @ ..] => check(&craft(*version, *kind, wire)),
    [0xFF, version, kind, a, b, seed @ ..] if !seed.is_empty() => {
        let len = usize::from(u16::from_le_bytes([*a, *b])) * 104; // up to 6.8 MB
        let wire: Vec<u8> = seed.iter().copied().cycle().take(len).collect();
        check(&craft(*version, *kind, &wire));
    }
    _ => {
        if let Ok(text) = std::str::from_utf8(data) {
            check(text);
        }
    }
});

/// A link body: the two header bytes (mostly the current version and a known kind), then
/// the zlib of `wire`.
fn craft(version: u8, kind: u8, wire: &[u8]) -> String {
    // Mostly a version this build reads (every one from 1 up), sometimes a stranger one.
    let version = if version < 0xF0 { 1 + version % assay::share::WIRE_VERSION } else { version };
    let mut bytes = vec![version, kind % 3];
    bytes.extend(miniz_oxide::deflate::compress_to_vec_zlib(wire, 1));
    URL_SAFE_NO_PAD.encode(bytes)
}

fn check(body: &str) {
    if let Ok(payload) = assay::share::decode(body) {
        payload.chart().validate().expect("decoded charts are valid");
        let again = assay::share::encode(&payload).expect("a decoded chart encodes");
        assert_eq!(assay::share::decode(&again).expect("and decodes"), payload);
        let _ = assay::chart::render_svg(payload.chart(), 720, 420);
    }
}
