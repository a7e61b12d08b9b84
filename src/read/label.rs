//! Row labels and title lines: joining, cleaning, footnote markers, and the hanging-indent
//! rule that tells a label's continuation line from the next row.

/// Collapses whitespace, removes footnote markers ("(1)", "(*)", a trailing "*") and a
/// heading's trailing colon: "Silver operations (1)" → "Silver operations".
pub(crate) fn clean(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    clean_into(&mut out, s);
    out
}

/// [`clean`] into a string kept for the purpose (emptied first).
pub(crate) fn clean_into(out: &mut String, s: &str) {
    out.clear();
    let mut push = |w: &str| {
        let w = strip_markers(w);
        if w.is_empty() {
            return;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    };
    if s.is_ascii() {
        // Most labels: the words found on bytes (the ASCII whitespace `split_whitespace`
        // splits on, vertical tab included) rather than decoded characters.
        let b = s.as_bytes();
        let space = |c: u8| matches!(c, b' ' | b'\t'..=b'\r');
        let mut i = 0;
        while i < b.len() {
            if space(b[i]) {
                i += 1;
                continue;
            }
            let start = i;
            while i < b.len() && !space(b[i]) {
                i += 1;
            }
            push(&s[start..i]);
        }
    } else {
        s.split_whitespace().for_each(push);
    }
    while out.ends_with(':') || out.ends_with('$') || out.ends_with('*') {
        out.pop();
        let t = out.trim_end().len();
        out.truncate(t);
    }
}

/// Removes footnote markers only: "February 3, 2024 (1)" → "February 3, 2024".
pub(crate) fn without_markers(s: &str) -> String {
    s.split_whitespace()
        .map(strip_markers)
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Drops footnote markers glued to or forming a word: "(1)", "GAAP)(1)", "earnings(*)", "(1):".
fn strip_markers(mut w: &str) -> &str {
    loop {
        let trimmed = w.strip_suffix(':').unwrap_or(w);
        // A marker ends the word: most words are ruled out by their last byte alone.
        if !trimmed.ends_with(')') {
            return w;
        }
        let Some(open) = trimmed.rfind('(') else {
            return w;
        };
        let inner = &trimmed[open + 1..];
        let Some(inner) = inner.strip_suffix(')') else {
            return w;
        };
        if is_marker(inner) {
            let colon = if trimmed.len() != w.len() { ":" } else { "" };
            let rest = &w[..open];
            if colon.is_empty() || rest.is_empty() {
                w = rest;
            } else {
                return rest;
            }
        } else {
            return w;
        }
    }
}

/// "1", "12", "*", "a": what releases put in parentheses to point at a footnote.
fn is_marker(s: &str) -> bool {
    (!s.is_empty() && s.len() <= 2 && s.bytes().all(|b| b.is_ascii_digit()))
        || s == "*"
        || s == "**"
        || (s.len() == 1 && s.bytes().all(|b| b.is_ascii_lowercase()))
}

/// Removes one pair of enclosing parentheses: "(dollars in thousands)" → "dollars in thousands".
pub(crate) fn strip_parens(s: &str) -> String {
    // "(In thousands, except per share data) (unaudited)" → "In thousands, except per share
    // data, unaudited".
    let s = s
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace(") (", ", ");
    let t = s.trim();
    // Only a statement that opens with its parenthesis loses the closing one.
    let t = match t.strip_prefix('(') {
        Some(inner) => inner.strip_suffix(')').unwrap_or(inner),
        None => t,
    };
    t.trim().to_string()
}

/// Case- and punctuation-insensitive name comparison ("HECLA MINING COMPANY" = "Hecla Mining
/// Company").
pub(crate) fn same_name(a: &str, b: &str) -> bool {
    let norm = |s: &str| -> String {
        s.chars()
            .filter(|&c| crate::case::is_alphanumeric(c))
            .map(crate::case::lower)
            .collect()
    };
    let (a, b) = (norm(a), norm(b));
    !a.is_empty() && a == b
}

/// An all-capitals line ending in a corporate suffix: the company name over a statement.
pub(crate) fn is_company_line(s: &str) -> bool {
    let t = s.trim().trim_end_matches('.');
    let has_lower = t.chars().any(crate::case::is_lowercase);
    let last = t.rsplit(' ').next().unwrap_or("").trim_end_matches(',');
    !has_lower
        && t.contains(' ')
        && matches!(
            last,
            "COMPANY" | "INC" | "CORP" | "CORPORATION" | "LIMITED" | "LTD" | "PLC" | "CO" | "LLC"
        )
}

/// A footnote ("(1) Per share amounts may not recalculate … due to rounding", "* Non-GAAP
/// measure"): not a heading, neither over rows nor over a statement page.
pub(crate) fn is_footnote(t: &str) -> bool {
    let marker = t
        .strip_prefix('(')
        .and_then(|r| r.split_once(')'))
        .is_some_and(|(m, _)| (1..=2).contains(&m.len()) && m.bytes().all(|b| b.is_ascii_digit()));
    marker || t.starts_with('*')
}

/// True if a label line at `indent` continues the label begun at `first_indent` whose last
/// line is `prev`. Releases wrap long labels with a hanging indent of one space, while rows
/// under a heading are indented by two or more and start with a capital.
pub(crate) fn continues(first_indent: usize, prev: &str, indent: usize, text: &str) -> bool {
    let prev = prev.trim_end();
    if prev.ends_with(':') {
        return false;
    }
    if text.trim().is_empty() || indent == first_indent + 1 {
        return true;
    }
    let starts_lower = text
        .trim_start()
        .chars()
        .next()
        .is_some_and(|c| crate::case::is_lowercase(c) || c == '(');
    if indent > first_indent && starts_lower {
        return true;
    }
    // "Weighted-average" / "shares used to" / "compute earnings": a label wrapped at the
    // margin goes on with a lower-case word (rows start with a capital).
    // (A line left inside an open parenthesis, "… outstanding (in" over "thousands):",
    // closes a statement, read as such.)
    if indent == first_indent
        && prev.matches('(').count() <= prev.matches(')').count()
        && text
            .trim_start()
            .chars()
            .next()
            .is_some_and(crate::case::is_lowercase)
    {
        return true;
    }
    let last_word = prev.rsplit(' ').next().unwrap_or("").to_ascii_lowercase();
    let dangling = prev.ends_with(',')
        || prev.ends_with('-')
        || prev.ends_with('&')
        || matches!(
            last_word.as_str(),
            "and"
                | "of"
                | "or"
                | "by"
                | "for"
                | "to"
                | "the"
                | "in"
                | "from"
                | "on"
                | "at"
                | "with"
                | "before"
                | "after"
                | "per"
        );
    dangling && indent >= first_indent
}

#[cfg(test)]
mod tests {
    /// `clean` as it was before its ASCII path and early exit.
    fn reference(s: &str) -> String {
        fn strip(mut w: &str) -> &str {
            loop {
                let trimmed = w.strip_suffix(':').unwrap_or(w);
                let Some(open) = trimmed.rfind('(') else {
                    return w;
                };
                let Some(inner) = trimmed[open + 1..].strip_suffix(')') else {
                    return w;
                };
                if !super::is_marker(inner) {
                    return w;
                }
                let rest = &w[..open];
                if trimmed.len() == w.len() || rest.is_empty() {
                    w = rest;
                } else {
                    return rest;
                }
            }
        }
        let mut out = String::new();
        for w in s.split_whitespace().map(strip).filter(|w| !w.is_empty()) {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(w);
        }
        while out.ends_with(':') || out.ends_with('$') || out.ends_with('*') {
            out.pop();
            let t = out.trim_end().len();
            out.truncate(t);
        }
        out
    }

    #[test]
    fn cleans_as_before() {
        for s in [
            "  Silver operations (1)  ",
            "a\x0Bb\x0Cc\td\r\ne \u{a0}f",
            "Total (a):",
            "GAAP)(1)",
            "earnings(*) x (**)",
            "(1):  y (12)(3): z(b)",
            "Net (loss) income $",
            "Cash: *",
            "",
            " ( ) ): (:",
        ] {
            assert_eq!(super::clean(s), reference(s), "{s:?}");
        }
    }
}
