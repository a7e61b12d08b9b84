//! Case mapping and letter classes for ASCII and Latin-1, without the standard library's
//! Unicode tables (case mapping about 6 KB of the gzipped wasm; the alphabetic, numeric,
//! lower- and upper-case classes and `{:?}`'s escaping a few KB more). Releases are ASCII or
//! Latin-1: any other character is left as it is, and is not a letter or a digit here.

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

/// `char::is_alphabetic`, for Latin-1 (A–Z, a–z, ª µ º, À–ÿ except × ÷).
pub fn is_alphabetic(c: char) -> bool {
    c.is_ascii_alphabetic() || matches!(c, 'ª' | 'µ' | 'º' | 'À'..='ÿ') && c != '×' && c != '÷'
}

/// `char::is_alphanumeric`, for Latin-1: letters, digits, ² ³ ¹ ¼ ½ ¾.
pub fn is_alphanumeric(c: char) -> bool {
    is_alphabetic(c) || c.is_ascii_digit() || matches!(c, '²' | '³' | '¹' | '¼'..='¾')
}

/// `char::is_lowercase`, for Latin-1 (a–z, ª µ º, ß–ÿ except ÷).
pub fn is_lowercase(c: char) -> bool {
    c.is_ascii_lowercase() || matches!(c, 'ª' | 'µ' | 'º' | 'ß'..='ÿ') && c != '÷'
}

/// `char::is_uppercase`, for Latin-1 (A–Z, À–Þ except ×).
pub fn is_uppercase(c: char) -> bool {
    c.is_ascii_uppercase() || matches!(c, 'À'..='Þ') && c != '×'
}

/// The soft hyphen and the zero-width and direction marks, which `{:?}` escapes.
fn invisible(c: char) -> bool {
    matches!(c, '\u{ad}' | '\u{200b}'..='\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{206f}' | '\u{feff}')
}

/// `s` quoted as `{:?}` writes it (`"a \"b\""`), escaping quotes, backslashes, control
/// characters, spaces other than ' ' and the common invisible marks the same way, without
/// `Debug`'s Unicode tables (rarer unprintable characters pass through unescaped).
pub struct Quoted<'a>(pub &'a str);

impl std::fmt::Display for Quoted<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        use std::fmt::Write;
        f.write_char('"')?;
        for c in self.0.chars() {
            match c {
                '\0' => f.write_str("\\0")?,
                '\t' => f.write_str("\\t")?,
                '\r' => f.write_str("\\r")?,
                '\n' => f.write_str("\\n")?,
                '\\' | '"' => {
                    f.write_char('\\')?;
                    f.write_char(c)?;
                }
                c if c.is_control() || c.is_whitespace() && c != ' ' || invisible(c) => {
                    write!(f, "\\u{{{:x}}}", c as u32)?
                }
                c => f.write_char(c)?,
            }
        }
        f.write_char('"')
    }
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

    #[test]
    fn classes_match_std_on_latin1() {
        for c in '\0'..='\u{ff}' {
            assert_eq!(is_alphabetic(c), c.is_alphabetic(), "{c:?}");
            assert_eq!(is_alphanumeric(c), c.is_alphanumeric(), "{c:?}");
            assert_eq!(is_lowercase(c), c.is_lowercase(), "{c:?}");
            assert_eq!(is_uppercase(c), c.is_uppercase(), "{c:?}");
        }
    }

    #[test]
    fn quotes_like_debug() {
        let mut all: String = ('\0'..='\u{ff}').collect();
        all.push_str("Société “MINIÈRE” — 2 Ω 'ok' \\ \"q\" \u{2009}\u{200b}\u{202f}\u{2028}\u{feff}\u{2066}\u{3000}");
        assert_eq!(Quoted(&all).to_string(), format!("{all:?}"));
        assert_eq!(Quoted("").to_string(), "\"\"");
    }
}
