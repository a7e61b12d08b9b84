//! Hostile share links: every one returns a typed error with a plain message, none panics,
//! and none makes the decoder allocate past its caps.

#[path = "chart_samples/mod.rs"]
mod chart_samples;

use assay::chart::SpecError;
use assay::share::{
    decode, encode, ShareError, SharePayload, MAX_CHART_BYTES, MAX_CHART_LINK_CHARS,
    MAX_LINK_CHARS, WIRE_VERSION,
};
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use proptest::prelude::*;

fn good() -> String {
    encode(&SharePayload::Chart(
        chart_samples::cash_cost_reconciliation(),
    ))
    .unwrap()
}

/// A link body from a header and raw (uncompressed) wire bytes, the way `encode` builds one.
fn craft(version: u8, payload: u8, wire: &[u8]) -> String {
    let mut bytes = vec![version, payload];
    bytes.extend(miniz_oxide::deflate::compress_to_vec_zlib(wire, 9));
    URL_SAFE_NO_PAD.encode(bytes)
}

fn varint(out: &mut Vec<u8>, mut v: u64) {
    loop {
        let low = (v & 0x7F) as u8;
        v >>= 7;
        if v == 0 {
            out.push(low);
            return;
        }
        out.push(low | 0x80);
    }
}

fn str(out: &mut Vec<u8>, s: &[u8]) {
    varint(out, s.len() as u64);
    out.extend_from_slice(s);
}

/// Wire bytes of a bar chart up to its category count, which the caller writes.
fn bar_head() -> Vec<u8> {
    let mut w = vec![0u8]; // kind: bar
    for s in [&b"Title"[..], b"Q3 2007", b"ounces"] {
        str(&mut w, s);
    }
    w
}

/// The rest of a chart after the series: empty provenance.
fn empty_provenance(w: &mut Vec<u8>) {
    for _ in 0..3 {
        str(w, b"");
    }
    varint(w, 0);
}

fn assert_plain(e: &ShareError) {
    let msg = e.to_string();
    assert!(msg.starts_with("This "), "{msg}");
    assert!(msg.ends_with('.'), "{msg}");
    assert_eq!(msg.matches(". ").count(), 0, "one sentence: {msg}");
}

#[test]
fn a_crafted_valid_body_decodes() {
    // Guards the crafting helpers below: a well-formed hand-made body is accepted.
    let mut w = bar_head();
    varint(&mut w, 1); // one category
    varint(&mut w, 0);
    str(&mut w, b"Lucky Friday");
    varint(&mut w, 1); // one series
    varint(&mut w, 0);
    str(&mut w, b"Silver");
    w.push(0b1); // present
    w.extend([0x66, 0x15, 0x11, 0xF0]); // "661511" then end
    empty_provenance(&mut w);
    let p = decode(&craft(WIRE_VERSION, 0, &w)).unwrap();
    assert_eq!(p.chart().series[0].values[0].unwrap().to_string(), "661511");
}

#[test]
fn truncated_links_are_damaged() {
    let body = good();
    for n in 0..body.len() {
        let e = decode(&body[..n]).unwrap_err();
        assert!(matches!(e, ShareError::Damaged), "cut at {n}: {e:?}");
        assert_plain(&e);
    }
}

/// A changed character either is refused or, when it only touched bits nothing reads (the
/// padding after the last deflate block), decodes to the very same chart.
fn refused_or_unchanged(body: &str, original: &SharePayload) {
    match decode(body) {
        Ok(p) => assert_eq!(&p, original),
        Err(e) => assert_plain(&e),
    }
}

#[test]
fn every_single_character_change_is_refused_or_harmless() {
    let body = good();
    let original = decode(&body).unwrap();
    let alphabet = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    for i in 0..body.len() {
        for &c in [b'A', b'z', b'-', b'7', b'%'].iter() {
            let mut bytes = body.clone().into_bytes();
            if bytes[i] == c {
                continue;
            }
            bytes[i] = c;
            refused_or_unchanged(&String::from_utf8(bytes).unwrap(), &original);
        }
        // And a neighbouring character of the alphabet, the smallest change there is.
        let at = alphabet
            .iter()
            .position(|&a| a == body.as_bytes()[i])
            .unwrap();
        let mut bytes = body.clone().into_bytes();
        bytes[i] = alphabet[(at + 1) % 64];
        refused_or_unchanged(&String::from_utf8(bytes).unwrap(), &original);
    }
}

#[test]
fn a_future_version_says_so() {
    let mut w = bar_head();
    varint(&mut w, 0);
    varint(&mut w, 0);
    empty_provenance(&mut w);
    assert!(decode(&craft(WIRE_VERSION, 0, &w)).is_ok());
    let e = decode(&craft(WIRE_VERSION + 1, 0, &w)).unwrap_err();
    assert_eq!(e, ShareError::NewerVersion(WIRE_VERSION + 1));
    assert!(e.to_string().contains("newer version of Assay"));
    assert_eq!(decode(&craft(0, 0, &w)), Err(ShareError::Damaged));
    assert_eq!(
        decode(&craft(WIRE_VERSION, 7, &w)),
        Err(ShareError::Damaged)
    );
}

#[test]
fn garbage_is_damaged_not_from_a_newer_assay() {
    // "zzzz" reads as version 207, and "____" as 255: no Assay wrote that many formats.
    for body in [
        "zzzz",
        "____",
        "zzzzzzzzzzzzzzzzzzzzzzzz",
        "z",
        "not a link at all",
    ] {
        assert_eq!(decode(body), Err(ShareError::Damaged), "{body}");
    }
    let mut w = bar_head();
    varint(&mut w, 0);
    varint(&mut w, 0);
    empty_provenance(&mut w);
    assert_eq!(
        decode(&craft(WIRE_VERSION + 100, 0, &w)),
        Err(ShareError::Damaged)
    );
    // The next version's header, then nothing, or then what is not base64: not a link.
    let head = URL_SAFE_NO_PAD.encode([WIRE_VERSION + 1, 0]);
    assert_eq!(decode(&head), Err(ShareError::Damaged));
    assert_eq!(
        decode(&format!("{head}!!!!!!!!!!!!!!!!")),
        Err(ShareError::Damaged)
    );
    // A whole link of the next few versions says where it comes from.
    for ahead in 1..=3 {
        let e = decode(&craft(WIRE_VERSION + ahead, 0, &w)).unwrap_err();
        assert_eq!(e, ShareError::NewerVersion(WIRE_VERSION + ahead));
    }
}

#[test]
fn decompression_bombs_stop_at_the_cap() {
    // 64 MiB of zeros deflates to about 64 KB: a chart-only body that small must not inflate.
    let zeros = vec![0u8; 10 * 1024 * 1024];
    let chart_bomb = craft(WIRE_VERSION, 0, &zeros);
    assert!(
        chart_bomb.len() < MAX_CHART_LINK_CHARS,
        "the bomb passes the length cap"
    );
    let e = decode(&chart_bomb).unwrap_err();
    assert_eq!(
        e,
        ShareError::TooLarge {
            limit: MAX_CHART_BYTES
        }
    );
    assert_plain(&e);
    let zeros = vec![0u8; 40 * 1024 * 1024];
    let release_bomb = craft(WIRE_VERSION, 1, &zeros);
    assert!(release_bomb.len() < MAX_LINK_CHARS);
    assert!(matches!(
        decode(&release_bomb),
        Err(ShareError::TooLarge { .. })
    ));
}

#[test]
fn absurd_counts_are_refused_before_allocating() {
    let mut w = bar_head();
    varint(&mut w, 1_000_000_000); // categories
    assert_eq!(
        decode(&craft(WIRE_VERSION, 0, &w)),
        Err(ShareError::Invalid(SpecError::TooManyCategories(
            1_000_000_000
        )))
    );

    let mut w = bar_head();
    varint(&mut w, 0);
    varint(&mut w, u64::MAX); // series
    assert!(matches!(
        decode(&craft(WIRE_VERSION, 0, &w)),
        Err(ShareError::Invalid(SpecError::TooManySeries(_)))
    ));

    let mut w = bar_head();
    varint(&mut w, 2);
    varint(&mut w, 0);
    varint(&mut w, u64::MAX); // a string length
    assert_eq!(
        decode(&craft(WIRE_VERSION, 0, &w)),
        Err(ShareError::Damaged)
    );

    // 25 empty series: over the series limit even though each is tiny.
    let mut w = bar_head();
    w[0] = 1; // grouped bar
    varint(&mut w, 0);
    varint(&mut w, 25);
    assert!(matches!(
        decode(&craft(WIRE_VERSION, 0, &w)),
        Err(ShareError::Invalid(SpecError::TooManySeries(25)))
    ));

    // Two series on a bar chart pass the reader and fail validation.
    let mut w = bar_head();
    varint(&mut w, 0);
    varint(&mut w, 2);
    for _ in 0..2 {
        varint(&mut w, 0);
        str(&mut w, b"S");
    }
    empty_provenance(&mut w);
    assert!(matches!(
        decode(&craft(WIRE_VERSION, 0, &w)),
        Err(ShareError::Invalid(SpecError::WrongSeriesCount { .. }))
    ));
}

#[test]
fn overlong_and_invalid_input_is_refused() {
    let long = "A".repeat(MAX_LINK_CHARS + 1);
    assert!(matches!(decode(&long), Err(ShareError::TooLong { .. })));
    // Chart-only links have a much smaller cap, read from the header before decoding.
    let mut long_chart = good();
    long_chart.push_str(&"A".repeat(MAX_CHART_LINK_CHARS));
    assert!(matches!(
        decode(&long_chart),
        Err(ShareError::TooLong { .. })
    ));
    for bad in [
        "",
        "A",
        "AQ",
        "!!!!",
        "AQA=AQA=",
        "c=AQAB",
        "\u{1F600}\u{1F600}",
        "AQA\u{e9}",
        "%41%51%41",
    ] {
        let e = decode(bad).unwrap_err();
        assert_eq!(e, ShareError::Damaged, "{bad:?}");
    }
}

#[test]
fn invalid_utf8_and_bad_decimals_inside_are_damaged() {
    let mut w = vec![0u8];
    str(&mut w, &[0xFF, 0xFE, b'x']); // title, not UTF-8
    assert_eq!(
        decode(&craft(WIRE_VERSION, 0, &w)),
        Err(ShareError::Damaged)
    );

    let value = |nibbles: &[u8]| {
        let mut w = bar_head();
        varint(&mut w, 1);
        varint(&mut w, 0);
        str(&mut w, b"A");
        varint(&mut w, 1);
        varint(&mut w, 0);
        str(&mut w, b"S");
        w.push(1);
        w.extend_from_slice(nibbles);
        empty_provenance(&mut w);
        decode(&craft(WIRE_VERSION, 0, &w))
    };
    assert!(value(&[0x1A, 0x5F]).is_ok(), "1.5");
    for bad in [
        &[0xCF][..],
        &[0xAF],
        &[0xBF],
        &[0x1A, 0xA5, 0xFF],
        &[0x11; 40],
        &[0x99; 20],
        &[0x1B, 0xB1, 0xFF],
    ] {
        assert_eq!(value(bad), Err(ShareError::Damaged), "{bad:02X?}");
    }

    // A release that is not UTF-8.
    let mut w = bar_head();
    varint(&mut w, 0);
    varint(&mut w, 0);
    empty_provenance(&mut w);
    str(&mut w, &[b'o', b'k', 0xC3]);
    assert_eq!(
        decode(&craft(WIRE_VERSION, 1, &w)),
        Err(ShareError::Damaged)
    );
    // Trailing bytes after a chart.
    let mut w = bar_head();
    varint(&mut w, 0);
    varint(&mut w, 0);
    empty_provenance(&mut w);
    w.push(0);
    assert_eq!(
        decode(&craft(WIRE_VERSION, 0, &w)),
        Err(ShareError::Damaged)
    );
}

#[test]
fn control_characters_in_labels_are_invalid() {
    let mut w = vec![0u8];
    str(&mut w, b"Title\x1b[31m");
    str(&mut w, b"");
    str(&mut w, b"");
    varint(&mut w, 0);
    varint(&mut w, 0);
    empty_provenance(&mut w);
    assert!(matches!(
        decode(&craft(WIRE_VERSION, 0, &w)),
        Err(ShareError::Invalid(SpecError::BadText("title")))
    ));
}

#[test]
fn making_a_link_refuses_what_opening_would_refuse() {
    let mut spec = chart_samples::silver_by_mine();
    spec.series[0].values.pop();
    assert!(matches!(
        encode(&SharePayload::Chart(spec)),
        Err(ShareError::Invalid(_))
    ));
    let huge = "x".repeat(assay::share::MAX_RELEASE_BYTES + 1);
    let e = encode(&SharePayload::ChartWithRelease {
        chart: chart_samples::silver_by_mine(),
        release: huge,
    })
    .unwrap_err();
    assert!(matches!(e, ShareError::ReleaseTooLarge { .. }));
    assert!(e.to_string().starts_with("The release is too large"));
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2_000, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn random_strings_never_panic(s in "\\PC{0,200}") {
        let _ = decode(&s);
    }

    #[test]
    fn random_base64_never_panics(bytes in prop::collection::vec(any::<u8>(), 0..300)) {
        let _ = decode(&URL_SAFE_NO_PAD.encode(&bytes));
        // With a valid header, so the inflater and the reader see the noise.
        let mut framed = vec![WIRE_VERSION, bytes.first().copied().unwrap_or(0) & 1];
        framed.extend(&bytes);
        let _ = decode(&URL_SAFE_NO_PAD.encode(&framed));
    }

    #[test]
    fn random_wire_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..400), code in 0u8..2) {
        let _ = decode(&craft(WIRE_VERSION, code, &bytes));
    }
}

#[test]
fn a_version_1_line_chart_still_opens_without_breaks() {
    // Version 1 links have no breaks bitmap after a line chart's series.
    let mut w = vec![3u8]; // kind: line
    for s in [&b"Silver"[..], b"", b"ounces"] {
        str(&mut w, s);
    }
    varint(&mut w, 2); // two categories
    varint(&mut w, 0);
    str(&mut w, b"Q3 2006");
    varint(&mut w, 3);
    str(&mut w, b"2007");
    varint(&mut w, 1); // one series
    varint(&mut w, 0);
    str(&mut w, b"Silver");
    w.push(0b11);
    w.extend([0x1F, 0x2F]); // 1 then 2
    empty_provenance(&mut w);
    let p = decode(&craft(1, 0, &w)).unwrap();
    assert_eq!(p.chart().categories, ["Q3 2006", "Q3 2007"]);
    assert!(p.chart().breaks.is_empty());
    // The same bytes under version 2 lack the bitmap, so the provenance reads short.
    assert!(decode(&craft(2, 0, &w)).is_err());
}
