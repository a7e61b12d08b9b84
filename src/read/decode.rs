//! Bytes → text: UTF-8, else Windows-1252 (which covers Latin-1's printable range), after
//! refusing what is not text at all.

use super::{ReadError, MAX_INPUT_BYTES};

/// The decoded text and the name of the encoding used.
pub(crate) fn decode(input: &[u8]) -> Result<(String, &'static str), ReadError> {
    if input.len() > MAX_INPUT_BYTES {
        return Err(ReadError::TooLarge { bytes: input.len() });
    }
    if input.is_empty() || input.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(ReadError::Empty);
    }
    // NUL bytes and other control codes never occur in a release's text; a few (form feeds,
    // the SGML markers of old wire feeds) do, so allow a small share.
    let controls = input
        .iter()
        .filter(|&&b| b == 0 || (b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c)))
        .count();
    if input.contains(&0) || controls * 100 > input.len() {
        return Err(ReadError::Binary);
    }
    let text = input.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(input);
    match std::str::from_utf8(text) {
        Ok(s) => Ok((s.to_string(), "utf-8")),
        Err(_) => Ok((
            text.iter().map(|&b| windows_1252(b)).collect(),
            "windows-1252",
        )),
    }
}

fn windows_1252(b: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž',
        '\u{8f}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}',
        'ž', 'Ÿ',
    ];
    match b {
        0x80..=0x9f => HIGH[(b - 0x80) as usize],
        _ => b as char,
    }
}
