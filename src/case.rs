//! Case mapping for ASCII and Latin-1 letters, without the standard library's Unicode case
//! tables (about 6 KB of the gzipped wasm). Releases are ASCII or Latin-1; any other
//! character is left as it is.

/// `c` in lower case (A–Z, À–Þ except ×).
pub fn lower(c: char) -> char {
    match c {
        'A'..='Z' | 'À'..='Þ' if c != '×' => char::from_u32(c as u32 + 32).unwrap_or(c),
        _ => c,
    }
}

/// `c` in upper case (a–z, à–þ except ÷).
pub fn upper(c: char) -> char {
    match c {
        'a'..='z' | 'à'..='þ' if c != '÷' => char::from_u32(c as u32 - 32).unwrap_or(c),
        _ => c,
    }
}

/// `s` in lower case, as [`lower`] maps each character.
pub fn to_lower(s: &str) -> String {
    s.chars().map(lower).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_ascii_and_latin1_letters_only() {
        assert_eq!(to_lower("Société MINIÈRE × 2 Ω"), "société minière × 2 Ω");
        assert_eq!(upper('é'), 'É');
        assert_eq!(upper('÷'), '÷');
        assert_eq!(upper('ß'), 'ß');
        for c in ('\0'..='\u{ff}').filter(|c| c.is_alphabetic()) {
            let expected: Vec<char> = c.to_lowercase().collect();
            if expected.len() == 1 {
                assert_eq!(lower(c), expected[0], "{c}");
            }
        }
    }
}
