//! What a sentence claims: its figures (money, per-unit amounts, percentages, ratios,
//! quantities), each with its unit, scale and qualifier, the period phrases it names, and the
//! clause and list each figure stands in. Pure reading of the text: no tables here.

use rust_decimal::Decimal;

use crate::analyze::metrics::metal_word;
use crate::analyze::tolerance::Qualifier;
use crate::analyze::{raw_word_list, raw_words};
use crate::document::Unit;
use crate::meaning::Basis;

/// Where `part`, a slice of `whole` (as [`sentences`] returns), begins in it.
pub(super) fn offset_in(whole: &str, part: &str) -> usize {
    (part.as_ptr() as usize).saturating_sub(whole.as_ptr() as usize)
}

/// Abbreviations a period does not end a sentence after.
const ABBREVIATIONS: &[&str] = &[
    "Inc", "Corp", "Co", "Ltd", "Jr", "Sr", "Mr", "Ms", "Dr", "No", "St", "U.S", "Jan", "Feb",
    "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "vs",
];

/// The sentences of a paragraph. A bullet ("•", "●", "▪", "◦", a PDF symbol font's "\u{f0b7}")
/// starts an item, whatever the item before ends with: a list copied or laid out as one
/// paragraph ("… higher mine operating earnings. • Revenue: … $560.6 million") is not one
/// sentence.
pub(super) fn sentences(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    for item in text.split(['•', '●', '▪', '◦', '\u{f0b7}']) {
        sentences_of(item, &mut out);
    }
    out
}

fn sentences_of<'t>(text: &'t str, out: &mut Vec<&'t str>) {
    let b = text.as_bytes();
    let mut push = |s: &'t str| {
        if !s.is_empty() {
            out.push(s);
        }
    };
    let mut start = 0;
    // Only the bytes that can end a sentence or start an item are looked at.
    for i in crate::analyze::positions_of(b, b"*.?!") {
        // A Markdown list run together into one paragraph: " * " starts an item.
        if b[i] == b'*' && i > 0 && b[i - 1] == b' ' && b.get(i + 1) == Some(&b' ') {
            if start < i {
                push(text[start..i].trim());
            }
            start = i + 1;
            continue;
        }
        if !matches!(b[i], b'.' | b'?' | b'!') || i + 2 >= b.len() || b[i + 1] != b' ' {
            continue;
        }
        // Typewritten releases put two spaces after a full stop.
        let gap = b[i + 1..].iter().take_while(|&&c| c == b' ').count();
        let Some(&next) = b.get(i + 1 + gap) else {
            continue;
        };
        if !(next.is_ascii_uppercase() || next == b'"' || next == b'-') {
            continue;
        }
        let word_start = text[..i].rfind([' ', '(']).map_or(0, |k| k + 1);
        if ABBREVIATIONS.contains(&&text[word_start..i]) {
            continue;
        }
        push(text[start..=i].trim());
        start = i + 1 + gap;
    }
    if start < text.len() {
        push(text[start..].trim());
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Kind {
    Money,
    PerUnit(Unit),
    Percent,
    Ratio,
    Quantity(Unit),
}

#[derive(Clone, Debug)]
pub(super) struct ProseFigure {
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) text: String,
    /// As written (sign applied for "negative"), before `factor`.
    pub(super) value: Decimal,
    pub(super) factor: Decimal,
    pub(super) kind: Kind,
    /// The prose said "negative": compare signed.
    pub(super) signed: bool,
    pub(super) qualifier: Qualifier,
}

/// The letters and hyphens after any spaces and commas (on bytes: a non-ASCII character
/// ends the word at its first byte, as it would decoded).
fn next_word(s: &str) -> &str {
    let b = s.as_bytes();
    let start = b
        .iter()
        .position(|&c| c != b' ' && c != b',')
        .unwrap_or(b.len());
    let len = b[start..]
        .iter()
        .position(|&c| !c.is_ascii_alphabetic() && c != b'-')
        .unwrap_or(b.len() - start);
    &s[start..start + len]
}

/// `s` without every trailing repeat of `word` (`trim_end_matches` without building a
/// searcher for each call).
fn trim_end_word<'s>(mut s: &'s str, word: &str) -> &'s str {
    while let Some(rest) = s.strip_suffix(word) {
        s = rest;
    }
    s
}

pub(super) fn figures(s: &str) -> Vec<ProseFigure> {
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    loop {
        i = crate::analyze::next_digit(b, i);
        if i >= b.len() {
            break;
        }
        let glued =
            i > 0 && (b[i - 1].is_ascii_alphanumeric() || matches!(b[i - 1], b'-' | b'.' | b','));
        if glued {
            i += 1;
            continue;
        }
        let num_start = i;
        let mut j = i;
        while j < b.len()
            && (b[j].is_ascii_digit()
                || (matches!(b[j], b',' | b'.') && j + 1 < b.len() && b[j + 1].is_ascii_digit()))
        {
            j += 1;
        }
        i = j;
        let printed = &s[num_start..j];
        let (int, frac) = printed.split_once('.').unwrap_or((printed, ""));
        if !crate::decimal::amount_fits(int, frac) {
            continue;
        }
        let parsed = if printed.contains(',') {
            crate::decimal::parse_exact(&printed.replace(',', ""))
        } else {
            crate::decimal::parse_exact(printed)
        };
        let Some(number) = parsed else {
            continue;
        };
        // "9A", "38R", "25-square-mile", "116-year-old": names and compounds, not figures.
        if j < b.len()
            && (b[j].is_ascii_alphabetic()
                || (b[j] == b'-' && j + 1 < b.len() && b[j + 1].is_ascii_alphabetic()))
        {
            continue;
        }
        let mut start = num_start;
        let dollar = start > 0 && b[start - 1] == b'$';
        if dollar {
            start -= 1;
        }
        let pre = s[..start].trim_end();
        let negative = pre.ends_with("negative") || pre.ends_with("minus");
        let pre_q = trim_end_word(trim_end_word(pre, "negative"), "minus").trim_end();
        let mut end = j;
        let rest = &s[j..];
        let mut factor = Decimal::ONE;
        let mut value = number;
        let kind;
        if rest.starts_with('%') || next_word(rest) == "percent" {
            end += if rest.starts_with('%') {
                1
            } else {
                rest.find("percent").unwrap_or(0) + 7
            };
            kind = Kind::Percent;
        } else if rest.starts_with(":1") {
            end += 2;
            kind = Kind::Ratio;
        } else {
            let mut tail = rest;
            let w = next_word(tail);
            // "$1.5 Billion" in a headline is $1.5 billion.
            let scale = match crate::case::to_lower(w).as_ref() {
                "million" => Some(1_000_000),
                "billion" => Some(1_000_000_000),
                "thousand" => Some(1_000),
                _ => None,
            };
            // `w` is a slice of `tail`: where it ends there.
            if let Some(f) = scale {
                factor = Decimal::from(f);
                let k = offset_in(tail, w) + w.len();
                end += k;
                tail = &tail[k..];
            }
            let w = next_word(tail);
            let cents = w == "cents" || w == "cent";
            if cents {
                value /= Decimal::ONE_HUNDRED;
                let k = offset_in(tail, w) + w.len();
                end += k;
                tail = &tail[k..];
            }
            let w = next_word(tail);
            kind = if dollar || cents {
                // "$538 per ounce", "$0.17 diluted loss per share": "per <unit>" within a few
                // words, before any punctuation.
                let mut ahead_end = tail
                    .find([',', ';', '(', ')', '.'])
                    .unwrap_or(tail.len())
                    .min(60);
                while !tail.is_char_boundary(ahead_end) {
                    ahead_end -= 1;
                }
                let mut ahead = [""; 6];
                for (slot, w) in ahead.iter_mut().zip(raw_words(&tail[..ahead_end])) {
                    *slot = w;
                }
                let per_after = ahead[..5]
                    .iter()
                    .position(|x| ["per", "an", "a"].iter().any(|p| x.eq_ignore_ascii_case(p)))
                    .and_then(|k| per_metal_unit(&ahead[k + 1..]));
                // "cost per ounce of silver in the third quarter of $538": the unit may come
                // first, within the figure's clause.
                let per_before = || {
                    let prev_end = out.last().map_or(0, |f: &ProseFigure| f.end).min(pre.len());
                    let clause_start = pre
                        .rfind([',', ';', '(', ')'])
                        .map_or(0, |k| k + 1)
                        .max(prev_end);
                    let mut window_start = clause_start.max(pre.len().saturating_sub(120));
                    while !pre.is_char_boundary(window_start) {
                        window_start += 1;
                    }
                    // The last twelve words, nearest first: the word after the nearest "per".
                    // A "per" right after the previous figure is that figure's ("$4,327,000 or
                    // ($0.17) per share as compared with a net loss of $5,267,000").
                    let words: Vec<&str> = raw_words(&pre[window_start..]).collect();
                    let k = words
                        .iter()
                        .enumerate()
                        .rev()
                        .take(12)
                        .find(|(_, x)| x.eq_ignore_ascii_case("per"))
                        .map(|(k, _)| k)?;
                    if k == 0 && !out.is_empty() {
                        return None;
                    }
                    per_metal_unit(&words[k + 1..])
                };
                match per_after.or_else(per_before) {
                    Some(u) => Kind::PerUnit(u),
                    None => Kind::Money,
                }
            } else {
                match w {
                    "ounces" | "ounce" if !grade(tail) => Kind::Quantity(Unit::Oz),
                    "tons" if !grade(tail) => Kind::Quantity(Unit::Tons),
                    "tonnes" if !grade(tail) => Kind::Quantity(Unit::Tonnes),
                    "pounds" => Kind::Quantity(Unit::Lbs),
                    _ => continue,
                }
            };
        }
        if negative {
            value = -value;
        }
        out.push(ProseFigure {
            start,
            end,
            text: s[if negative {
                pre.rfind("negative")
                    .or(pre.rfind("minus"))
                    .unwrap_or(start)
            } else {
                start
            }..end]
                .trim()
                .to_string(),
            value,
            factor,
            kind,
            signed: negative,
            qualifier: Qualifier::from_words(pre_q),
        });
    }
    out
}

/// "ounces per ton", "grams per tonne": an assay grade, not a claim about the tables.
fn grade(tail: &str) -> bool {
    let mut w = [""; 3];
    for (slot, x) in w.iter_mut().zip(raw_words(tail)) {
        *slot = x;
    }
    let is = |x: &str, y: &str| x.eq_ignore_ascii_case(y);
    is(w[1], "per") || (is(w[2], "per") && is(w[1], "of"))
}

/// The unit the words after "per" name: the next word, or for an ounce, pound or ton one of
/// the two after it ("per silver ounce", "per payable pound"). A share only right after:
/// "per diluted common share" may be an adjusted measure's, not the table's earnings per
/// share.
fn per_metal_unit(after: &[&str]) -> Option<Unit> {
    let metal = |i: usize| {
        let unit = per_unit(after.get(i)?)?;
        (unit != Unit::MoneyPerShare).then_some(unit)
    };
    per_unit(after.first()?)
        .or_else(|| metal(1))
        .or_else(|| metal(2))
}

/// The unit a word after "per" names, in any ASCII case.
fn per_unit(w: &str) -> Option<Unit> {
    if w.len() > 5 {
        return None;
    }
    let mut buf = [0u8; 5];
    let lower = &mut buf[..w.len()];
    lower.copy_from_slice(w.as_bytes());
    lower.make_ascii_lowercase();
    match std::str::from_utf8(lower).unwrap_or("") {
        "ounce" | "oz" => Some(Unit::MoneyPerOz),
        "pound" | "lb" => Some(Unit::MoneyPerLb),
        "share" => Some(Unit::MoneyPerShare),
        "ton" | "tonne" => Some(Unit::MoneyPerTon),
        _ => None,
    }
}

// ---------------------------------------------------------------------------------------
// Periods.

/// What a period phrase names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct PeriodPhrase {
    /// 3, 6, 9, 12; `None` for a point in time.
    pub(super) months: Option<u8>,
    /// The quarter named (its end month is 3 × n, calendar quarters).
    pub(super) quarter: Option<u8>,
    /// Years back from the release's period (0 or 1), or an explicit year.
    pub(super) year: YearRef,
    /// For a point in time, the month and day printed ("at March 31, 2024"); `None` for the
    /// release's own end.
    pub(super) date: Option<(u8, u8)>,
}

/// A period phrase's length when it is "the same as the release's": "the comparable period
/// last year" is a quarter in a quarterly release, six months in a half-year report.
pub(super) const SAME_LENGTH: u8 = 0xFD;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum YearRef {
    Current,
    Prior,
    Year(u16),
    /// The quarter before the release's own ("$19,433,000 in the preceding quarter"),
    /// whatever its fiscal calendar calls it.
    PrecedingQuarter,
}

/// A sentence with what every figure in it needs, computed once.
pub(super) struct Sentence<'s> {
    text: &'s str,
    /// The text in lower case, byte for byte where the text is (ASCII and Latin-1).
    pub(super) lower: &'s str,
    /// [`words`] of the text, as slices of `lower`.
    pub(super) words: Vec<&'s str>,
    periods: Vec<(usize, usize, PeriodPhrase)>,
    /// Where the [`BOUNDARIES`] occur: (start, length).
    bounds: Vec<(usize, usize)>,
    /// The metals the sentence names, each once.
    pub(super) metals: Vec<&'static str>,
}

impl<'s> Sentence<'s> {
    pub(super) fn new(text: &'s str, lower: &'s str) -> Sentence<'s> {
        let words = raw_word_list(lower);
        let mut metals: Vec<&'static str> = words.iter().filter_map(|w| metal_word(w)).collect();
        crate::sort::dedup(&mut metals);
        // No boundary can overlap itself, so these are the ones `match_indices` would give.
        let bounds = occurrences(lower, BOUNDARIES, |b| b)
            .into_iter()
            .map(|(n, k)| (k, BOUNDARIES[n].len()))
            .collect();
        Sentence {
            text,
            periods: periods(lower),
            lower,
            words,
            bounds,
            metals,
        }
    }
}

/// `text` in lower case with every character the same length in bytes, so that offsets into
/// the text hold in it (ASCII and Latin-1 letters; [`crate::case`]).
pub(super) fn lower_case(text: &str) -> String {
    if text.is_ascii() {
        text.to_ascii_lowercase()
    } else {
        crate::case::to_lower(text)
    }
}

impl std::ops::Deref for Sentence<'_> {
    type Target = str;
    fn deref(&self) -> &str {
        self.text
    }
}

/// Period phrases in a sentence: (start, end, what).
fn periods(lower: &str) -> Vec<(usize, usize, PeriodPhrase)> {
    let mut out = Vec::new();
    let phrases: &[(&str, Option<u8>, Option<u8>)] = &[
        ("first quarter", Some(3), Some(1)),
        ("q1", Some(3), Some(1)),
        ("q2", Some(3), Some(2)),
        ("q3", Some(3), Some(3)),
        ("q4", Some(3), Some(4)),
        ("three months", Some(3), None),
        ("three-month", Some(3), None),
        ("six-month", Some(6), None),
        ("twelve-month", Some(12), None),
        ("second quarter", Some(3), Some(2)),
        ("third quarter", Some(3), Some(3)),
        ("fourth quarter", Some(3), Some(4)),
        ("this quarter", Some(3), None),
        ("the quarter", Some(3), None),
        ("prior-year quarter", Some(3), None),
        ("prior year quarter", Some(3), None),
        ("year-ago quarter", Some(3), None),
        ("preceding quarter", Some(0xFE), None),
        ("previous quarter", Some(0xFE), None),
        ("sequential", Some(0xFE), None),
        ("comparable period", Some(SAME_LENGTH), None),
        ("corresponding period", Some(SAME_LENGTH), None),
        ("same period", Some(SAME_LENGTH), None),
        ("year-ago period", Some(SAME_LENGTH), None),
        ("prior-year period", Some(SAME_LENGTH), None),
        ("prior year period", Some(SAME_LENGTH), None),
        ("same quarter", Some(3), None),
        // Retailers' and other fiscal calendars: "the 13-week fiscal quarter ended …".
        ("fiscal quarter", Some(3), None),
        ("13-week", Some(3), None),
        ("26-week", Some(6), None),
        ("39-week", Some(9), None),
        ("52-week", Some(12), None),
        ("first nine months", Some(9), None),
        ("nine months", Some(9), None),
        ("nine-month", Some(9), None),
        ("nine month", Some(9), None),
        ("first three quarters", Some(9), None),
        ("year-to-date", Some(0), None),
        ("so far this year", Some(0), None),
        ("first half", Some(6), None),
        ("six months", Some(6), None),
        ("full year", Some(12), None),
        ("twelve months", Some(12), None),
        // "the previous fiscal year", "fiscal year 2024"; not "the third quarter of fiscal
        // year 2025", which the quarter's phrase covers.
        ("fiscal year", Some(12), None),
        ("half year", Some(6), None),
        ("half-year", Some(6), None),
        ("year ended", Some(12), None),
        ("at the end of", None, None),
        ("as of", None, None),
    ];
    // Every occurrence found in one pass, then taken phrase by phrase as the phrases rank.
    let hits = occurrences(lower, phrases, |p| p.0);
    for (n, &(p, months, quarter)) in phrases.iter().enumerate() {
        let mut from = 0;
        for &(_, at) in hits.iter().filter(|&&(m, _)| m == n) {
            if at < from {
                continue;
            }
            from = at + p.len();
            if out.iter().any(|&(a, b, _)| at >= a && at < b) {
                continue;
            }
            // Whole words only: "the quarter" is not "the quarterly dividend", "q4" not a
            // part number; "sequential" takes "sequentially".
            let letter = |k: usize| {
                lower
                    .as_bytes()
                    .get(k)
                    .is_some_and(u8::is_ascii_alphanumeric)
            };
            if (at > 0 && letter(at - 1)) || (letter(from) && p != "sequential") {
                continue;
            }
            let said_before = lower[..at].trim_end();
            let earlier = ["previous", "prior", "last", "preceding"]
                .iter()
                .any(|w| said_before.ends_with(w));
            if p == "fiscal year" && said_before.ends_with(" of") {
                continue;
            }
            // The words right after: "of 2006", "a year ago", "last year".
            let rest = &lower[from..];
            let after = &rest[..rest.char_indices().nth(40).map_or(rest.len(), |(k, _)| k)];
            // "in the prior year comparable period", "last year's corresponding period".
            let year_before = [
                "prior year",
                "prior-year",
                "year ago",
                "year-ago",
                "last year's",
                "previous year",
            ]
            .iter()
            .any(|w| said_before.ends_with(w));
            // "Q2 FY '24 (ending December 31, 2023)": a fiscal year's label is not the
            // calendar year its quarter ends in; only a date printed with it says which.
            let fiscal_label = months == Some(3)
                && quarter.is_some()
                && (after.trim_start().starts_with("fy")
                    || after.trim_start().starts_with("fiscal"));
            let printed_year = crate::read::find_date(after).map(|(d, _)| d.year);
            if fiscal_label && printed_year.is_none() {
                continue;
            }
            let year = if let Some(y) = printed_year.filter(|_| fiscal_label) {
                YearRef::Year(y)
            } else if months == Some(0xFE) {
                YearRef::PrecedingQuarter
            } else if p.starts_with("prior")
                || (months == Some(SAME_LENGTH) && year_before)
                || p.starts_with("year-ago")
                || (p == "fiscal year" && earlier)
            {
                YearRef::Prior
            } else if let Some(y) = raw_words(after)
                .next()
                .filter(|_| p.len() == 2 && p.starts_with('q'))
                .map(|w| w.trim_matches(['\'', '’', '‘']))
                .filter(|w| w.len() == 2)
                .and_then(|w| w.parse::<u16>().ok())
            {
                // "Q4 23’": a quarter's year in two digits.
                YearRef::Year(2000 + y)
            } else if let Some(y) = raw_words(after).take(5).find_map(|w| {
                // "Q4 24’", "FY '25": a year of two digits after an apostrophe is this century's.
                let short = w.trim_matches(['\'', '’', '‘']);
                match w.parse::<u16>() {
                    Ok(y) => Some(y).filter(|y| (1900..2100).contains(y)),
                    Err(_) if short.len() == 2 && short.len() < w.len() => {
                        short.parse::<u16>().ok().map(|y| 2000 + y)
                    }
                    Err(_) => None,
                }
            }) {
                YearRef::Year(y)
            } else if after.trim_start().starts_with("a year ago")
                || after.trim_start().starts_with("of last year")
                || after.trim_start().starts_with("last year")
                || after.trim_start().starts_with("of the prior year")
            {
                YearRef::Prior
            } else {
                YearRef::Current
            };
            // The quarter before is a quarter; its year is the calendar's to say.
            let months = if months == Some(0xFE) {
                Some(3)
            } else {
                months
            };
            // "as of March 31, 2024": the point in time printed, not the release's end.
            let date = months
                .is_none()
                .then(|| crate::read::find_date(after))
                .flatten()
                .filter(|(_, end)| after[..*end].split_whitespace().count() <= 4)
                .map(|(d, _)| (d.month, d.day));
            out.push((
                at,
                from,
                PeriodPhrase {
                    months,
                    quarter,
                    year,
                    date,
                },
            ));
        }
    }
    out.extend(bare_years(lower, &out));
    crate::sort::by_key(&mut out, |&(a, _, _)| a);
    // "the comparable period" is as long as the period named before it ("the year ended July
    // 1, 2006 … compared with … the prior year comparable period"); with none named, the
    // release's own, unless the sentence names a period this reader does not know.
    let mut last: Option<u8> = None;
    out.retain_mut(|(at, _, w)| {
        if w.months == Some(SAME_LENGTH) {
            match last {
                Some(m) => w.months = Some(m),
                None if lower[..*at].contains("ended") => return false,
                None => {}
            }
        } else if let Some(m) = w.months.filter(|m| [3, 6, 9, 12].contains(m)) {
            last = Some(m);
        }
        true
    });
    out
}

/// "in 2024", "during 2023", "for 2024": a whole year, when the words right before the year
/// say so and no other period phrase already covers it ("the third quarter of fiscal 2024" is
/// the quarter's).
fn bare_years(
    lower: &str,
    found: &[(usize, usize, PeriodPhrase)],
) -> Vec<(usize, usize, PeriodPhrase)> {
    let b = lower.as_bytes();
    let mut out = Vec::new();
    for lead in ["in ", "during ", "for "] {
        let mut from = 0;
        while let Some(k) = lower[from..].find(lead) {
            let at = from + k;
            from = at + lead.len();
            let y = at + lead.len();
            let year = lower.get(y..y + 4).and_then(|w| w.parse::<u16>().ok());
            let whole = b.get(y + 4).is_none_or(|c| !c.is_ascii_alphanumeric())
                && (at == 0 || !b[at - 1].is_ascii_alphanumeric());
            let covered = found.iter().any(|&(_, e, _)| e <= at && at - e < 12);
            if let Some(year) = year.filter(|y| (1990..2100).contains(y) && whole && !covered) {
                out.push((
                    at,
                    y + 4,
                    PeriodPhrase {
                        months: Some(12),
                        quarter: None,
                        year: YearRef::Year(year),
                        date: None,
                    },
                ));
            }
        }
    }
    out
}

/// Every occurrence of every phrase in `text`, overlapping ones too, as (phrase, start) in
/// the order of the text: one pass, each phrase tried only where its first two bytes are
/// (most places a phrase's first letter is, its second is not). At most 64 phrases.
pub(super) fn occurrences<T>(
    text: &str,
    phrases: &[T],
    text_of: impl Fn(&T) -> &str,
) -> Vec<(usize, usize)> {
    let mut by_first = [0u64; 256];
    let mut by_second = [0u64; 256];
    // Phrases of one byte, which any second byte (or none) lets through.
    let mut short = 0u64;
    for (n, p) in phrases.iter().enumerate() {
        let p = text_of(p).as_bytes();
        by_first[usize::from(p[0])] |= 1 << n;
        match p.get(1) {
            Some(&c) => by_second[usize::from(c)] |= 1 << n,
            None => short |= 1 << n,
        }
    }
    let b = text.as_bytes();
    let mut out = Vec::new();
    for at in 0..b.len() {
        let mut m = by_first[usize::from(b[at])];
        if m == 0 {
            continue;
        }
        m &= short | b.get(at + 1).map_or(0, |&c| by_second[usize::from(c)]);
        while m != 0 {
            let n = m.trailing_zeros() as usize;
            m &= m - 1;
            if b[at..].starts_with(text_of(&phrases[n]).as_bytes()) {
                out.push((n, at));
            }
        }
    }
    out
}

/// Words that end the reach of a figure's period: what follows describes the comparison.
const BOUNDARIES: &[&str] = &[
    "compared",
    "versus",
    " vs",
    "against",
    "up from",
    "down from",
    "from a previous",
];

pub(super) fn period_of(s: &Sentence, figs: &[ProseFigure], i: usize) -> Option<PeriodPhrase> {
    let f = &figs[i];
    let lower = &s.lower;
    let ps = &s.periods;
    let bounds = || s.bounds.iter().map(|&(k, _)| k);
    let stop = bounds().filter(|&k| k >= f.end).min().unwrap_or(s.len());
    // Forward, the figure's period comes before the next clause: " and " or the next figure,
    // unless that figure restates this one ("$12.4 million, or 10 cents per share, for …").
    let mut reach = stop;
    if let Some(k) = lower[f.end..stop].find(" and ") {
        reach = reach.min(f.end + k);
    }
    for g in &figs[i + 1..] {
        let between = lower[f.end..g.start.min(lower.len())].trim_matches([' ', ',', '(', '$']);
        if between != "or" && between != "or a" {
            reach = reach.min(g.start);
            break;
        }
    }
    // A figure after a comparison word ("compared with net income of $1.8 million in the
    // preceding quarter") takes its period from its own part of the sentence only.
    let seg_start = bounds().filter(|&k| k < f.start).max();
    let pick = Some;
    if let Some(&(_, _, w)) = ps.iter().find(|&&(a, _, _)| a >= f.end && a < reach) {
        return pick(w);
    }
    let from = seg_start.unwrap_or(0);
    if let Some(&(_, _, w)) = ps.iter().rev().find(|&&(a, _, _)| a < f.start && a >= from) {
        return pick(w);
    }
    if seg_start.is_some() {
        return None;
    }
    // "… increased 17% to $13.12 per ounce … compared to the first nine months of 2006": the
    // compared period names the length; the figure is that length, a year later.
    ps.iter()
        .find(|&&(a, _, _)| a >= stop && stop < s.len())
        .filter(|(_, _, w)| w.months.is_some_and(|m| m < 13) && w.year != YearRef::Current)
        .map(|&(_, _, w)| PeriodPhrase {
            year: YearRef::Current,
            ..w
        })
}

/// The basis the words before a figure last state ("pro forma net income … was", "GAAP
/// net income", "adjusted EBITDA of"): it carries over commas and comparisons until another
/// basis is named. Only "adjusted" stands for the adjusted basis here: "core" and
/// "underlying" are everyday words in a sentence.
pub(super) fn stated_basis(before: &str) -> Basis {
    let w = raw_word_list(before);
    let mut basis = Basis::Reported;
    for (k, &x) in w.iter().enumerate() {
        let prev = k.checked_sub(1).map(|p| w[p]);
        basis = match x {
            "gaap" if prev == Some("non") => Basis::NonGaap,
            "gaap" | "reported" => Basis::Reported,
            "nongaap" => Basis::NonGaap,
            "forma" if prev == Some("pro") => Basis::ProForma,
            "adjusted" => Basis::Adjusted,
            _ => continue,
        };
    }
    basis
}

/// The clause holding a figure: between the punctuation (commas, semicolons, brackets) and
/// comparison words around it.
pub(super) fn clause_of<'s>(s: &Sentence<'s>, f: &ProseFigure) -> &'s str {
    // The offsets hold in the lower-case text, which is what is returned.
    let text = s.text;
    let marks = [',', ';', '(', ')'];
    let mut start = text[..f.start].rfind(marks).map_or(0, |k| k + 1);
    let mut end = text[f.end..].find(marks).map_or(text.len(), |k| f.end + k);
    for &(k, len) in &s.bounds {
        if k + len <= f.start {
            start = start.max(k + len);
        } else if k >= f.end {
            end = end.min(k);
        }
    }
    &s.lower[start..end]
}

/// "46% and 184%", "$13.12, $666 and $1.56": figures of one kind joined only by "and" or a
/// comma, which the sentence does not pair with their subjects one by one.
pub(super) fn in_list(s: &str, figs: &[ProseFigure], i: usize) -> bool {
    let joined = |a: &ProseFigure, b: &ProseFigure| {
        a.kind == b.kind && {
            let between = s[a.end..b.start].trim().trim_start_matches(',').trim();
            let between = between.trim_start_matches('$');
            matches!(between, "" | "and" | "or" | "and $" | "or $")
                || between.chars().all(|c| c == ',' || c == ' ')
        }
    };
    (i > 0 && joined(&figs[i - 1], &figs[i]))
        || (i + 1 < figs.len() && joined(&figs[i], &figs[i + 1]))
}

/// For "… silver, gold and zinc … 17% to $13.12 per ounce, 11% to $666 … respectively": the
/// metal in the same position as the figure among figures of its kind.
pub(super) fn respective_metal(s: &str, figs: &[ProseFigure], i: usize) -> Option<&'static str> {
    let first_fig = figs.first()?.start;
    let mut metals: Vec<&'static str> = Vec::new();
    for w in raw_words(&s[..first_fig]) {
        if let Some(m) = metal_word(w) {
            if !metals.contains(&m) {
                metals.push(m);
            }
        }
    }
    let same: Vec<usize> = (0..figs.len())
        .filter(|&k| figs[k].kind.same_family(&figs[i].kind))
        .collect();
    if same.len() != metals.len() {
        return None;
    }
    same.iter().position(|&k| k == i).map(|p| metals[p])
}

impl Kind {
    fn same_family(&self, o: &Kind) -> bool {
        match (self, o) {
            (Kind::PerUnit(_), Kind::PerUnit(_)) => true,
            (a, b) => a == b,
        }
    }
}
