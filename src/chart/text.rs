//! Text for charts: number formatting, cleaning, width estimates, ellipsis and wrapping, and
//! XML escaping for the parts of the SVG we write ourselves.
//!
//! Layout uses our own width estimate (Arial-like advance widths) instead of plotters' font
//! measurement: plotters measures through the DOM on wasm and with a crude estimator
//! natively, so leaning on it would make the same spec lay out differently in the browser
//! and in tests. The estimate errs wide so a label that "fits" really fits.

use rust_decimal::Decimal;

/// Collapses whitespace runs (tabs and newlines included) to one space, drops other control
/// characters, trims, and caps the length at `MAX_TEXT_CHARS` with an ellipsis. Builders
/// should pass document text through this: it makes any label valid for a spec.
pub fn clean_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s
        .split(|c: char| c.is_whitespace())
        .filter(|w| !w.is_empty())
    {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(word.chars().filter(|c| !c.is_control()));
    }
    let max = super::spec::MAX_TEXT_CHARS;
    if out.chars().count() > max {
        let mut cut: String = out.chars().take(max - 1).collect();
        cut.push('…');
        return cut;
    }
    out
}

/// Control characters are not allowed in XML; anything that slips through becomes a space.
/// The non-empty `parts` joined by `sep` ("Hecla Mining Company · Production Data").
pub(crate) fn join_present(parts: &[&str], sep: &str) -> String {
    let mut out = String::new();
    for part in parts.iter().filter(|p| !p.is_empty()) {
        if !out.is_empty() {
            out.push_str(sep);
        }
        out.push_str(part);
    }
    out
}

pub(crate) fn printable(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

/// Escapes text for an SVG attribute or element body that we write ourselves (plotters
/// escapes the text it writes).
pub(crate) fn xml_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// A value as a reader expects it on a chart: thousands grouped, a true minus sign, every
/// printed digit kept (`-4.91` → `−4.91`, `30892` → `30,892`, `1.40` stays `1.40`).
pub fn format_value(v: Decimal) -> String {
    let plain = v.to_string();
    let (negative, digits) = match plain.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, plain.as_str()),
    };
    let (int, frac) = match digits.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (digits, None),
    };
    let mut out = String::with_capacity(plain.len() + int.len() / 3 + 3);
    if negative && !v.is_zero() {
        out.push('−');
    }
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if let Some(f) = frac {
        out.push('.');
        out.push_str(f);
    }
    out
}

/// A change with an explicit sign: `+5,945`, `−8,314`.
pub fn format_change(v: Decimal) -> String {
    if v.is_sign_positive() && !v.is_zero() {
        format!("+{}", format_value(v))
    } else {
        format_value(v)
    }
}

/// Estimated advance width of one character, in ems, close to Arial/Helvetica and rounded up.
fn char_em(c: char) -> f64 {
    match c {
        'i' | 'j' | 'l' | '.' | ',' | '\'' | '|' | '!' | ':' | ';' | '`' => 0.28,
        'f' | 't' | 'I' | ' ' | '(' | ')' | '[' | ']' | '/' | '\\' | '-' | 'r' => 0.36,
        '0'..='9' | '$' | '#' | '_' | '?' | '+' | '=' | '<' | '>' | '~' | '−' | '–' => 0.58,
        'm' | 'M' | 'W' | '%' | '@' | '—' => 0.9,
        'w' => 0.76,
        'A'..='Z' | '&' => 0.7,
        c if c.is_ascii() => 0.56,
        // Other scripts and symbols: assume wide (CJK is a full em).
        c if (c as u32) >= 0x2E80 => 1.0,
        _ => 0.65,
    }
}

/// Estimated width in pixels of `s` at `px` font size.
pub(crate) fn text_width(s: &str, px: f64) -> f64 {
    s.chars().map(char_em).sum::<f64>() * px
}

/// `s` if it fits in `max` pixels, else the longest prefix that fits followed by "…".
pub(crate) fn fit(s: &str, px: f64, max: f64) -> String {
    if text_width(s, px) <= max {
        return s.to_string();
    }
    let budget = max - text_width("…", px);
    let mut used = 0.0;
    let mut out = String::new();
    for c in s.chars() {
        used += char_em(c) * px;
        if used > budget {
            break;
        }
        out.push(c);
    }
    let trimmed = out.trim_end();
    if trimmed.is_empty() {
        return if max >= text_width("…", px) {
            "…".to_string()
        } else {
            String::new()
        };
    }
    format!("{trimmed}…")
}

/// Wraps `s` at spaces into at most `max_lines` lines of at most `max` pixels; the last line
/// ends in "…" when text remains, and a word too long for a line is cut with "…".
pub(crate) fn wrap(s: &str, px: f64, max: f64, max_lines: usize) -> Vec<String> {
    let max_lines = max_lines.max(1);
    let mut lines: Vec<String> = Vec::new();
    let mut current = String::new();
    let words: Vec<&str> = s.split(' ').filter(|w| !w.is_empty()).collect();
    let mut i = 0;
    while i < words.len() {
        let candidate = if current.is_empty() {
            words[i].to_string()
        } else {
            format!("{current} {}", words[i])
        };
        if text_width(&candidate, px) <= max {
            current = candidate;
            i += 1;
            continue;
        }
        if current.is_empty() {
            // A single word wider than the line.
            current = fit(words[i], px, max);
            i += 1;
        }
        if lines.len() + 1 == max_lines {
            let mut rest = current;
            for w in &words[i..] {
                rest.push(' ');
                rest.push_str(w);
            }
            rest.push('…');
            lines.push(fit(&rest, px, max));
            return lines;
        }
        lines.push(std::mem::take(&mut current));
    }
    if !current.is_empty() && lines.len() < max_lines {
        lines.push(current);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn formats_as_printed() {
        assert_eq!(format_value(d("-4.91")), "−4.91");
        assert_eq!(format_value(d("30892")), "30,892");
        assert_eq!(format_value(d("-106600")), "−106,600");
        assert_eq!(format_value(d("1.40")), "1.40");
        assert_eq!(format_value(d("123")), "123");
        assert_eq!(format_value(d("1234567.5")), "1,234,567.5");
        assert_eq!(format_change(d("5945")), "+5,945");
        assert_eq!(format_change(d("-8314")), "−8,314");
        assert_eq!(format_change(d("0")), "0");
    }

    #[test]
    fn fits_and_wraps() {
        let long = "Costs of sales and other direct production costs and depreciation";
        let cut = fit(long, 12.0, 100.0);
        assert!(
            cut.ends_with('…') && text_width(&cut, 12.0) <= 100.0,
            "{cut}"
        );
        assert_eq!(fit("Gold", 12.0, 100.0), "Gold");
        let lines = wrap(long, 12.0, 120.0, 2);
        assert_eq!(lines.len(), 2);
        assert!(lines[1].ends_with('…'));
        assert!(
            lines.iter().all(|l| text_width(l, 12.0) <= 120.0),
            "{lines:?}"
        );
        assert_eq!(wrap("Lucky Friday", 12.0, 200.0, 3), vec!["Lucky Friday"]);
        assert!(wrap("", 12.0, 200.0, 3).is_empty());
        // Never panics on degenerate widths.
        let _ = wrap(long, 12.0, 0.0, 3);
        let _ = fit(long, 12.0, -5.0);
    }

    #[test]
    fn cleans_document_text() {
        assert_eq!(
            clean_text("  Total cash\tcosts\n ($/oz.)\u{7} "),
            "Total cash costs ($/oz.)"
        );
        assert_eq!(
            clean_text(&"x".repeat(500)).chars().count(),
            super::super::spec::MAX_TEXT_CHARS
        );
    }
}
