//! Numbers as releases print them: one cell's text → a typed [`Value`].
//!
//! Accepted shapes (spaces allowed after a currency sign):
//! `1,234.5`, `$ 1,234`, `(4,828)`, `$(11,314)`, `($0.04)`, `-1234.5`, `−3`, `46%`, `(5.3)%`,
//! `5.3:1`, ranges `7,600 - 8,500`, `$490 to $510`, `($70) - ($61)`, and nils `-`, `--`, `—`,
//! `$ --`, and a market table's `unch`. Commas must group thousands (`1,2` is not a number: it is how web copies glue
//! footnotes "1,2" to labels). Wire briefs add `18 cts`, `2.27 dlrs`, `14.0 mln` and a leading
//! `loss`, read by [`parse_brief_value`].
//!
//! Nothing here allocates except the decimal itself, and no input panics (see the proptests in
//! `tests/read_number.rs`).

use rust_decimal::Decimal;

use crate::document::{Scale, Unit, Value};

/// Reads one cell; `None` if the text is not a value.
pub fn parse_value(s: &str) -> Option<Value> {
    let s = s.trim();
    if s.is_empty() {
        return None;
    }
    // Most words a reader tries are label words: without a digit only a nil can be a value.
    if !s.bytes().any(|b| b.is_ascii_digit()) {
        // "unch" in a market table: the price did not move, a printed zero.
        if is_nil(s) || s.eq_ignore_ascii_case("unch") || s.eq_ignore_ascii_case("unch.") {
            return Some(Value::Nil);
        }
        return not_available(s).then_some(Value::NotAvailable);
    }
    if let Some(v) = parse_range(s) {
        return Some(v);
    }
    if let Some((a, b)) = s.contains(':').then(|| s.split_once(':')).flatten() {
        let (a, b) = (plain_decimal(a.trim())?, plain_decimal(b.trim())?);
        return Some(Value::Ratio(a, b));
    }
    parse_single(s)
}

/// `N/A`, `n/a`, `NA`, `n.a.`, `n.m.`, `nm`, `NMF`: the cell says there is no figure.
fn not_available(s: &str) -> bool {
    let mut b = [0u8; 6];
    let mut n = 0;
    for c in s.bytes() {
        if c == b'.' || c == b'/' || c == b' ' {
            continue;
        }
        if n == b.len() || !c.is_ascii_alphabetic() {
            return false;
        }
        b[n] = c.to_ascii_lowercase();
        n += 1;
    }
    matches!(&b[..n], b"na" | b"nm" | b"nmf")
}

/// `-`, `--`, `---`, `—`, `–`, optionally after a currency sign: a printed zero.
fn is_nil(s: &str) -> bool {
    let body = strip_currency(s).trim();
    let mut n = 0;
    for c in body.chars() {
        match c {
            '-' | '—' | '–' => n += 1,
            _ => return false,
        }
    }
    (1..=3).contains(&n)
}

/// Two amounts joined by a range word: `7,600 - 8,500`, `$490 to $510`, `37,000 -- 41,000`.
fn parse_range(s: &str) -> Option<Value> {
    // Cheap guard: every separator starts with a space and has a dash, a "t" or a non-ASCII
    // dash in it.
    if !s.contains(' ') || !s.bytes().any(|b| b == b'-' || b == b't' || b >= 0x80) {
        return None;
    }
    for sep in [" to ", " -- ", " - ", " – ", " — "] {
        if let Some((a, b)) = s.split_once(sep) {
            let mut lo = parse_single(a.trim())?;
            let hi = parse_single(b.trim())?;
            // "$484.0 - $500.0 million": the scale printed once covers both ends.
            if let ((_, Some(scale)), (_, None), Value::Amount(d)) =
                (own_unit(b), own_unit(a), &mut lo)
            {
                *d = crate::decimal::checked_mul(*d, Decimal::from(scale.factor()))?;
            }
            return match (lo, hi) {
                (Value::Amount(a), Value::Amount(b)) | (Value::Percent(a), Value::Percent(b)) => {
                    Some(Value::Range(a, b))
                }
                _ => None,
            };
        }
    }
    None
}

fn strip_currency(s: &str) -> &str {
    for p in ["US$", "C$", "CDN$", "CAD$", "A$", "$", "€", "£"] {
        if let Some(rest) = s.strip_prefix(p) {
            return rest;
        }
    }
    s
}

/// One amount or percentage, sign applied.
fn parse_single(s: &str) -> Option<Value> {
    // "(-) 453" and "(+) 1,007": a sign printed in parentheses before the amount.
    if let Some(r) = s.strip_prefix("(-)") {
        return match parse_single(r.trim_start())? {
            Value::Amount(d) if d.is_sign_positive() => Some(Value::Amount(-d)),
            Value::Percent(d) if d.is_sign_positive() => Some(Value::Percent(-d)),
            _ => None,
        };
    }
    if let Some(r) = s.strip_prefix("(+)") {
        return match parse_single(r.trim_start())? {
            v @ (Value::Amount(d) | Value::Percent(d)) if d.is_sign_positive() => Some(v),
            _ => None,
        };
    }
    // "0.40x", "7.1x", "1.5 x": a multiple.
    if let Some(r) = s.strip_suffix(['x', 'X']) {
        let r = r.trim_end();
        if r.bytes().last().is_some_and(|b| b.is_ascii_digit()) {
            if let Some(d) = plain_decimal(r) {
                return Some(Value::Ratio(d, Decimal::ONE));
            }
        }
    }
    let mut rest = s;
    let mut negative = false;
    let mut paren = false;
    // Sign, parenthesis and currency may come in any order before the digits:
    // `$(5)`, `($5)`, `-$5`, `$-5`, `$ (5)`.
    loop {
        let before = rest;
        rest = rest.trim_start();
        let stripped = strip_currency(rest);
        if stripped.len() != rest.len() {
            rest = stripped;
        } else if let Some(r) = rest.strip_prefix('(') {
            if paren {
                return None;
            }
            paren = true;
            rest = r;
        } else if let Some(r) = rest.strip_prefix('-').or_else(|| rest.strip_prefix('−')) {
            if negative {
                return None;
            }
            negative = true;
            rest = r;
        } else if let Some(r) = rest.strip_prefix('+') {
            rest = r;
        }
        if rest.len() == before.len() {
            break;
        }
    }
    let digits_end = rest
        .find(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.'))
        .unwrap_or(rest.len());
    let (num, mut tail) = rest.split_at(digits_end);
    let mut value = plain_decimal(num)?;
    let mut percent = false;
    tail = tail.trim_start();
    if let Some(t) = tail.strip_prefix('%') {
        percent = true;
        tail = t.trim_start();
    }
    // "2.17 Sen", "18 cts": a figure printed in the currency's hundredth part, read in its
    // main unit (0.0217), as the brief reader reads "18 cts".
    let cents = is_cents_word(tail.trim());
    if cents {
        tail = "";
    }
    if paren {
        tail = tail.strip_prefix(')')?.trim_start();
        if let Some(t) = tail.strip_prefix('%') {
            if percent {
                return None;
            }
            percent = true;
            tail = t;
        }
        negative = !negative;
    }
    // "375 bps", "-8.6 pts", "+76.7 MEUR", "$503.5 million", "751,000 dwt": a figure that
    // prints its own unit or scale ([`own_unit`] reads it for the table).
    let own = suffix_of(tail.trim(), s);
    let known = own != (None, None) || is_plain_suffix(tail.trim());
    if !tail.is_empty() && (percent || cents || !known) {
        return None;
    }
    // A figure that prints its scale is read in whole units, as a wire brief's "14.0 mln".
    if let (_, Some(scale)) = own {
        value = crate::decimal::checked_mul(value, Decimal::from(scale.factor()))?;
    }
    if cents {
        if percent {
            return None;
        }
        value = crate::decimal::checked_mul(value, Decimal::new(1, 2))?;
    }
    if negative && !value.is_zero() {
        value.set_sign_negative(true);
    }
    Some(if percent {
        Value::Percent(value)
    } else {
        Value::Amount(value)
    })
}

/// The unit and the scale a cell prints after its figure: "(300) bps" (basis points), "-8.6
/// pts" and "-0.4 p.p" (percentage points), "751,000 dwt" (tonnes), "$503.5 million" and
/// "+76.7 MEUR" (millions, read in whole units: the cell is not scaled again), "0.1 years"
/// (neither). These stand over the row's and the column's, and the JSON keeps them in the
/// printed text.
#[inline(never)]
pub fn own_unit(printed: &str) -> (Option<Unit>, Option<Scale>) {
    let p = printed.trim_end();
    // Most cells end in a digit, a parenthesis or "%": no word to read.
    if !p
        .bytes()
        .last()
        .is_some_and(|b| b.is_ascii_alphabetic() || b == b'.')
    {
        return (None, None);
    }
    let Some(at) = p.find(|c: char| c.is_ascii_digit()) else {
        return (None, None);
    };
    let after = p[at..].trim_start_matches(|c: char| c.is_ascii_digit() || c == ',' || c == '.');
    let word = after.trim_start_matches([')', '%']).trim();
    suffix_of(word, p)
}

/// A word a figure may print after it, whatever the figure: "bps", "pts", "million", "MEUR".
pub(crate) fn is_unit_word(word: &str) -> bool {
    word.bytes().all(|b| b.is_ascii_alphabetic() || b == b'.') && suffix(word, "")
}

/// Whether `word` is a unit or scale a figure may print after it (in the cell `cell`).
fn suffix(word: &str, cell: &str) -> bool {
    !matches!(suffix_of(word, cell), (None, None)) || is_plain_suffix(word)
}

/// Words after a figure that say what it counts without a unit of the model: "0.1 years".
fn is_plain_suffix(word: &str) -> bool {
    ["years", "year", "yrs"]
        .iter()
        .any(|w| word.eq_ignore_ascii_case(w))
}

fn suffix_of(word: &str, cell: &str) -> (Option<Unit>, Option<Scale>) {
    let w = word.trim_end_matches('.');
    let is = |xs: &[&str]| xs.iter().any(|x| w.eq_ignore_ascii_case(x));
    if is(&["bp", "bps", "bpts", "basis points", "basis point"]) {
        return (Some(Unit::BasisPoints), None);
    }
    if is(&[
        "pp",
        "ppt",
        "ppts",
        "p.p",
        "pt",
        "pts",
        "points",
        "percentage points",
        "percentage point",
    ]) {
        return (Some(Unit::PercentagePoints), None);
    }
    if is(&["dwt"]) {
        return (Some(Unit::Tonnes), None);
    }
    // "$260 million" is an amount of money, whatever its column holds; "60.1 mln" (shares in
    // a wire brief) is whatever its row counts.
    let sign = cell.trim_start_matches(['+', '-', '(', ' ']);
    let money = sign.starts_with(['$', '€', '£']) || cell.contains("US$") || cell.contains("C$");
    let unit = money.then_some(Unit::Money);
    if is(&["million", "mln", "mn"]) {
        return (unit, Some(Scale::Millions));
    }
    if is(&["billion", "bln", "bn"]) {
        return (unit, Some(Scale::Billions));
    }
    // "£12.3m", "$1.2bn", "€450k": a letter for the scale only after a currency sign.
    if money && w == "m" {
        return (unit, Some(Scale::Millions));
    }
    if money && w == "k" {
        return (unit, Some(Scale::Thousands));
    }
    // "76.7 MEUR", "12 MSEK": millions of the currency its code names.
    let b = w.as_bytes();
    if b.len() == 4 && b[0] == b'M' && b[1..].iter().all(u8::is_ascii_uppercase) {
        return (Some(Unit::Money), Some(Scale::Millions));
    }
    (None, None)
}

/// True when a word names the hundredth part of a currency: "Sen", "cts", "cents".
pub(crate) fn is_cents_word(w: &str) -> bool {
    ["sen", "ct", "cts", "cent", "cents"]
        .iter()
        .any(|c| w.eq_ignore_ascii_case(c))
}

/// True when a printed cell is a figure in cents or sen ("2.17 Sen", "18 cts").
pub(crate) fn printed_in_cents(printed: &str) -> bool {
    printed
        .trim()
        .rsplit(char::is_whitespace)
        .next()
        .is_some_and(is_cents_word)
        && printed.bytes().any(|b| b.is_ascii_digit())
}

/// Digits with thousands commas and an optional decimal part; nothing else.
pub(crate) fn plain_decimal(s: &str) -> Option<Decimal> {
    let (int, frac) = match s.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (s, None),
    };
    if let Some(f) = frac {
        if f.is_empty() || !f.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
    }
    // "52,,818,225": a comma printed twice is one comma (a typesetting slip in old filings).
    let doubled;
    let int = if int.contains(",,") {
        doubled = int.replace(",,", ",");
        doubled.as_str()
    } else {
        int
    };
    let mut groups = int.split(',');
    let first = groups.next()?;
    if first.is_empty() && frac.is_none() {
        return None;
    }
    if !first.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let mut grouped = false;
    for g in groups {
        grouped = true;
        if g.len() != 3 || !g.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
    }
    if grouped && (first.is_empty() || first.len() > 3) {
        return None;
    }
    // Past twelve digits or six decimal places it is not an amount a release prints, and
    // arithmetic on it could overflow (crate::decimal::MAX_AMOUNT_DIGITS).
    if !crate::decimal::amount_fits(int, frac.unwrap_or("")) {
        return None;
    }
    // Leading zeros aside, at most twelve digits: a long run of zeros is not an amount either.
    if s.len() > 40 {
        return None;
    }
    // The digits, commas dropped, as an integer mantissa and a scale: within the limits
    // above the mantissa is below 10^16, so it fits a u64.
    let mut m: u64 = 0;
    for b in s.bytes().filter(u8::is_ascii_digit) {
        m = m * 10 + u64::from(b - b'0');
    }
    let scale = frac.map_or(0, str::len) as u32;
    Some(Decimal::from_parts(
        m as u32,
        (m >> 32) as u32,
        0,
        false,
        scale,
    ))
}

/// Reads a wire-brief figure: `18 cts`, `loss one ct`, `2.27 dlrs`, `34.9 mln`, `1.2 billion
/// dlrs`, `1,343,000`, `profit 5 cts`. Amounts come back in whole units (dollars, shares).
pub fn parse_brief_value(s: &str) -> Option<Value> {
    let mut words: Vec<&str> = s.split_whitespace().collect();
    let mut negative = false;
    match words.first().map(|w| w.to_ascii_lowercase()) {
        Some(w) if w == "loss" => {
            negative = true;
            words.remove(0);
        }
        Some(w) if w == "profit" => {
            words.remove(0);
        }
        _ => {}
    }
    let number = *words.first()?;
    let mut value = match plain_decimal(number) {
        Some(d) => d,
        None => Decimal::from(small_number_word(number)?),
    };
    for w in &words[1..] {
        let factor: Option<Decimal> = match w.to_ascii_lowercase().as_str() {
            "ct" | "cts" | "cent" | "cents" => Some(Decimal::new(1, 2)),
            "dlr" | "dlrs" | "dollars" => None,
            "mln" | "million" => Some(Decimal::from(1_000_000)),
            "bln" | "billion" => Some(Decimal::from(1_000_000_000)),
            _ => return None,
        };
        if let Some(f) = factor {
            value = crate::decimal::checked_mul(value, f)?;
        }
    }
    if negative && !value.is_zero() {
        value.set_sign_negative(true);
    }
    Some(Value::Amount(value))
}

/// Wire briefs spell small counts: "loss one ct", "ten cts".
fn small_number_word(w: &str) -> Option<u32> {
    const WORDS: [&str; 13] = [
        "nil", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve",
    ];
    let w = w.to_ascii_lowercase();
    WORDS.iter().position(|x| *x == w).map(|i| i as u32)
}

/// A four-digit year as printed in a column header (`2007`), not an amount.
pub(crate) fn is_year(s: &str) -> bool {
    let s = s.trim();
    s.len() == 4
        && s.bytes().all(|b| b.is_ascii_digit())
        && (s.starts_with("19") || s.starts_with("20"))
}

/// True if the word is a currency sign standing alone before its number (`$   39,809`).
pub(crate) fn is_currency_sign(s: &str) -> bool {
    matches!(s, "$" | "US$" | "C$" | "CDN$" | "CAD$" | "A$" | "€" | "£")
}
