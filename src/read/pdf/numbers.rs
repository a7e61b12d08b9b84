//! The document's number format, read from its own figures.
//!
//! Spanish, Portuguese and French releases print a decimal comma and a thousands dot or space
//! (`2,26`, `53.482`, `1 234,5`). One figure alone is often ambiguous (`53.482` is either), so
//! the document decides: figures that can only be read one way (`4,24`, `1.234.567`,
//! `2.262,3` against `0.30`, `1,234,567`, `1,234.5`) are counted, and the format with clearly
//! more of them wins. A decimal-comma document's figures are then rewritten in the point form
//! the text readers read (`53.482` → `53,482`, `2,26` → `2.26`), every figure the same way.

/// Whether the text's figures print a decimal comma: at least three figures say so and more
/// than twice as many as say the opposite.
pub fn decimal_comma(text: &str) -> bool {
    let (mut comma, mut point) = (0usize, 0usize);
    for word in text.split_whitespace() {
        let t = word.trim_start_matches(['(', '-', '$', '€', '+']);
        let t = t.trim_end_matches([')', '%', '.', ',', ';', ':']);
        match unambiguous(t) {
            Some(true) => comma += 1,
            Some(false) => point += 1,
            None => {}
        }
    }
    comma >= 3 && comma > 2 * point
}

/// `Some(true)` for a figure only a decimal comma reads, `Some(false)` for one only a decimal
/// point reads, `None` for words and ambiguous figures.
fn unambiguous(t: &str) -> Option<bool> {
    if t.is_empty()
        || !t
            .bytes()
            .all(|b| b.is_ascii_digit() || b == b'.' || b == b',')
    {
        return None;
    }
    let groups: Vec<&str> = t.split(['.', ',']).collect();
    if groups.iter().any(|g| g.is_empty()) || groups.len() < 2 {
        return None;
    }
    let seps: Vec<u8> = t.bytes().filter(|b| !b.is_ascii_digit()).collect();
    let last = groups[groups.len() - 1];
    let thousands = |sep: u8| {
        // Groups after the first, but the last, are three digits; the first one to three.
        groups[0].len() <= 3
            && groups[1..groups.len() - 1].iter().all(|g| g.len() == 3)
            && seps[..seps.len() - 1].iter().all(|&s| s == sep)
    };
    let final_sep = seps[seps.len() - 1];
    if seps.len() == 1 {
        // `4,24` or `0.30`: a last group of one, two or four and more digits is a fraction.
        return (last.len() != 3).then_some(final_sep == b',');
    }
    if seps.iter().all(|&s| s == final_sep) {
        // `1.234.567` / `1,234,567`: only thousands.
        return (thousands(final_sep) && last.len() == 3).then_some(final_sep == b'.');
    }
    // `2.262,3` / `1,234.5`: thousands one way, the fraction the other.
    let sep = seps[0];
    thousands(sep).then_some(final_sep == b',')
}

/// Rewrites a decimal-comma text's figures in point form: `53.482` → `53,482`, `2,26` → `2.26`,
/// `1 234,5` → `1,234.5`. Words with letters in them (`COVID-19`, `2.3.1`) are left alone.
pub fn to_point(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let starts_figure = c.is_ascii_digit() && (i == 0 || !is_wordy(chars[i - 1]));
        if !starts_figure {
            out.push(c);
            i += 1;
            continue;
        }
        // The figure's extent: digits and separators, with a thousands space between a group
        // of one to three digits and one of exactly three.
        let mut j = i;
        let mut figure = String::new();
        loop {
            while j < chars.len()
                && (chars[j].is_ascii_digit() || chars[j] == '.' || chars[j] == ',')
            {
                figure.push(chars[j]);
                j += 1;
            }
            if spaced_group(&chars, j, &figure) {
                figure.push('.');
                j += 1;
                continue;
            }
            break;
        }
        // Sentence punctuation after a figure is not part of it.
        let mut tail = 0;
        while figure.ends_with(['.', ',']) {
            figure.pop();
            tail += 1;
        }
        if (j < chars.len() && is_wordy(chars[j])) || !is_comma_figure(&figure) {
            // Not a figure of this format: left as printed.
            out.extend(&chars[i..j - tail]);
        } else {
            out.extend(figure.chars().map(|c| match c {
                '.' => ',',
                ',' => '.',
                c => c,
            }));
        }
        out.extend(&chars[j - tail..j]);
        i = j;
    }
    out
}

/// A letter glued to a figure makes it a word ("COVID-19", "Q2", "1T25").
fn is_wordy(c: char) -> bool {
    crate::case::is_alphabetic(c) || c == '_'
}

/// At `at` a single space, then exactly three digits not followed by another digit, after a
/// figure whose last group is one to three digits with no fraction yet.
fn spaced_group(chars: &[char], at: usize, figure: &str) -> bool {
    let last_group = figure.rsplit(['.', ',']).next().unwrap_or("");
    chars.get(at) == Some(&' ')
        && !figure.contains(',')
        && (1..=3).contains(&last_group.len())
        && chars.len() > at + 3
        && chars[at + 1..at + 4].iter().all(char::is_ascii_digit)
        && !chars
            .get(at + 4)
            .is_some_and(|c| c.is_ascii_digit() || is_wordy(*c))
}

/// A figure as a decimal-comma document prints it: `53.482`, `2,26`, `1.234.567,8`, `12`.
fn is_comma_figure(f: &str) -> bool {
    let (int, frac) = match f.split_once(',') {
        Some((a, b)) => (a, Some(b)),
        None => (f, None),
    };
    if frac.is_some_and(|b| b.is_empty() || !b.bytes().all(|d| d.is_ascii_digit())) {
        return false;
    }
    let groups: Vec<&str> = int.split('.').collect();
    groups
        .iter()
        .all(|g| !g.is_empty() && g.bytes().all(|d| d.is_ascii_digit()))
        && (groups.len() == 1 || (groups[0].len() <= 3 && groups[1..].iter().all(|g| g.len() == 3)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_format_from_the_figures() {
        assert!(decimal_comma("Cobre 4,24 3,83 11,0 % 53.482 1.234.567"));
        assert!(!decimal_comma("Copper 4.24 3.83 1,234,567 53,482"));
        // Ambiguous figures alone decide nothing.
        assert!(!decimal_comma("53.482 12.345 1,234"));
    }

    #[test]
    fn rewrites_figures_in_point_form() {
        assert_eq!(
            to_point("Ventas  53.482  2,26  (1.234,5)"),
            "Ventas  53,482  2.26  (1,234.5)"
        );
        assert_eq!(
            to_point("Total 1 234,5 et 12 345 678"),
            "Total 1,234.5 et 12,345,678"
        );
        assert_eq!(
            to_point("alza del 11,0 %, en 2024."),
            "alza del 11.0 %, en 2024."
        );
        assert_eq!(to_point("COVID-19 y Q2 2,5x"), "COVID-19 y Q2 2,5x");
        assert_eq!(to_point("Marzo 2025  Marzo 2024"), "Marzo 2025  Marzo 2024");
    }
}
