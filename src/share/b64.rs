//! base64url (RFC 4648 §5) for link bodies: written without padding; read with or without
//! padding at the end, refusing anything else (a stray `=`, a character outside the alphabet,
//! a length no encoder makes, non-zero bits after the last byte). That is what the `base64`
//! crate's URL-safe engine does with `DecodePaddingMode::Indifferent`, in a fraction of its
//! size in the wasm.

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// `bytes` in base64url, no padding.
pub fn encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &b)| n | u32::from(b) << (16 - 8 * i));
        for i in 0..=chunk.len() {
            out.push(char::from(ALPHABET[(n >> (18 - 6 * i) & 63) as usize]));
        }
    }
    out
}

fn sextet(c: u8) -> Option<u32> {
    let v = match c {
        b'A'..=b'Z' => c - b'A',
        b'a'..=b'z' => c - b'a' + 26,
        b'0'..=b'9' => c - b'0' + 52,
        b'-' => 62,
        b'_' => 63,
        _ => return None,
    };
    Some(u32::from(v))
}

/// Decodes base64url, with or without padding; `None` when it is not base64url.
pub fn decode(text: &[u8]) -> Option<Vec<u8>> {
    let pads = text.iter().rev().take_while(|&&c| c == b'=').count();
    let body = &text[..text.len() - pads];
    // Padding may only end the last group of four, after at least two of its symbols.
    if pads > 0 && body.len() < (text.len() - 1) / 4 * 4 + 2 || body.len() % 4 == 1 {
        return None;
    }
    let mut out = Vec::with_capacity(body.len() / 4 * 3 + 2);
    for chunk in body.chunks(4) {
        let mut n = 0;
        for (i, &c) in chunk.iter().enumerate() {
            n |= sextet(c)? << (18 - 6 * i);
        }
        let bytes = chunk.len() - 1;
        // The bits after the last whole byte must be zero (a canonical encoding).
        if n & (0xff_ffff >> (8 * bytes)) != 0 {
            return None;
        }
        out.extend((0..bytes).map(|i| (n >> (16 - 8 * i)) as u8));
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use base64::engine::general_purpose::{GeneralPurpose, GeneralPurposeConfig};
    use base64::engine::DecodePaddingMode;
    use base64::{alphabet, Engine};
    use proptest::prelude::*;

    const REFERENCE: GeneralPurpose = GeneralPurpose::new(
        &alphabet::URL_SAFE,
        GeneralPurposeConfig::new()
            .with_encode_padding(false)
            .with_decode_padding_mode(DecodePaddingMode::Indifferent),
    );

    #[test]
    fn agrees_with_the_base64_crate_on_edge_cases() {
        for text in [
            "",
            "A",
            "AA",
            "AAA",
            "AAAA",
            "AB",
            "AQ",
            "AQ=",
            "AQ==",
            "AQE",
            "AQE=",
            "AQE==",
            "AQID",
            "AQID=",
            "AQID==",
            "====",
            "A===",
            "=",
            "==",
            "AA=A",
            "AAAA=",
            "AAAAA",
            "AB==",
            "AAB=",
            "-_-_",
            "+/+/",
            "AQ==AQ==",
            "AQIDBA",
            "AQIDBA==",
            "AQIDBA=",
            "AQ===",
            "AQE===",
            "AQIDBA===",
            "a b",
        ] {
            assert_eq!(
                decode(text.as_bytes()),
                REFERENCE.decode(text).ok(),
                "{text:?}"
            );
        }
    }

    proptest! {
        #[test]
        fn round_trips_like_the_base64_crate(bytes in prop::collection::vec(any::<u8>(), 0..64)) {
            let text = encode(&bytes);
            prop_assert_eq!(&text, &REFERENCE.encode(&bytes));
            prop_assert_eq!(decode(text.as_bytes()), Some(bytes));
        }

        #[test]
        fn accepts_what_the_base64_crate_accepts(text in "[A-Za-z0-9_=+/-]{0,12}") {
            prop_assert_eq!(decode(text.as_bytes()), REFERENCE.decode(&text).ok());
        }
    }
}
