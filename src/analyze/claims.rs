//! Narrative claims: figures in the release's sentences checked against its tables.
//!
//! A sentence is split into figures (money, per-unit amounts, percentages, ratios, quantities
//! of metal). Each figure gets, from its own words:
//! - a period: the first period phrase after it before a comparison word ("compared to"),
//!   else the nearest one before it ("third quarter", "first nine months of 2006", "a year
//!   ago", "at the end of September");
//! - an operation, when the sentence (or else its paragraph) names exactly one of the
//!   document's operations ("Lucky Friday"); otherwise the company as a whole;
//! - candidate cells by meaning: per-share figures against per-share rows, per-ounce costs
//!   against the cost rows of the metal the sentence names, prices against price rows, metal
//!   quantities against production rows, money against rows whose label words all appear in
//!   the figure's clause (the most specific label wins), the current ratio against the metric;
//! - "N% to $X" and ", a N% increase" check the change of the figure beside them against the
//!   same period a year before; "an increase of $X" checks the absolute change.
//!
//! The claim is `ok` when the figure's interval (printed precision, widened or bounded by
//! "approximately", "almost", "more than", …) meets the cells'; `mismatch` when it does not;
//! `not_checkable` when no candidate, or several that disagree, remain, when the sentence
//! looks forward (estimates, guidance), or when figures come as a list the sentence does not
//! pair with their subjects. Figures in money are compared by magnitude (a loss is printed
//! negative in a table but "losses were $6.1 million" in prose) unless the prose says
//! "negative".

use std::borrow::Cow;

use crate::meaning::concept::{stem, stems};

use rust_decimal::Decimal;

use super::metrics::{comparable_pairs, metal_in, metal_word, Metric, MetricKind, OPERATION_WORDS};
use super::tolerance::{Interval, Qualifier};
use super::{
    figure, raw_word_list, raw_words, show, words, CellRef, Check, CheckKind, ClaimRef, Status,
    Tolerance,
};
use crate::decimal::Amount;
use crate::document::{Document, RowKind, Table, Unit};
use crate::meaning::Basis;

pub fn checks(doc: &Document, metrics: &[Metric]) -> Vec<Check> {
    let mut out = Vec::new();
    checks_in(doc, metrics, &super::LabelText::of(doc).words(), &mut out);
    out
}

/// [`checks`] with the document's label words worked out.
pub(crate) fn checks_in(
    doc: &Document,
    metrics: &[Metric],
    label_words: &super::LabelWords,
    out: &mut Vec<Check>,
) {
    let ctx = Context::new(doc, metrics, label_words);
    for p in &doc.narrative {
        // A paragraph about one operation names it first ("Lucky Friday - The Lucky Friday
        // silver operation …"); its later sentences ("the unit produced …") are about it.
        // Worked out when a sentence with a figure first needs it.
        // A sentence's figures start with a digit: a paragraph without one has none.
        if !p.text.bytes().any(|c| c.is_ascii_digit()) {
            continue;
        }
        let sents = sentences(&p.text);
        let para_entity = std::cell::OnceCell::new();
        let para_entity = || {
            *para_entity.get_or_init(|| {
                let first = lower_case(sents.first()?);
                ctx.entity_in(&raw_word_list(&first))
            })
        };
        for (n, &sentence) in sents.iter().enumerate() {
            let figs = figures(sentence);
            if figs.is_empty() {
                continue;
            }
            let lower = lower_case(sentence);
            let parsed = Sentence::new(sentence, &lower);
            let entity = if n == 0 {
                ctx.entity_in(&parsed.words)
            } else {
                ctx.entity_in(&parsed.words).or_else(para_entity)
            };
            let mut matched: Vec<Option<Vec<Candidate>>> = Vec::new();
            for (i, f) in figs.iter().enumerate() {
                let claim = ClaimRef {
                    sentence: sentence.to_string(),
                    line: p.line_at(offset_in(&p.text, sentence) + f.start),
                    figure: f.text.clone(),
                };
                let (check, candidates) = ctx.check(&parsed, &figs, i, entity, &matched, claim);
                matched.push(candidates);
                out.push(check);
            }
        }
    }
}

// ---------------------------------------------------------------------------------------
// Sentences and figures.

/// Where `part`, a slice of `whole` (as [`sentences`] returns), begins in it.
fn offset_in(whole: &str, part: &str) -> usize {
    (part.as_ptr() as usize).saturating_sub(whole.as_ptr() as usize)
}

/// Abbreviations a period does not end a sentence after.
const ABBREVIATIONS: &[&str] = &[
    "Inc", "Corp", "Co", "Ltd", "Jr", "Sr", "Mr", "Ms", "Dr", "No", "St", "U.S", "Jan", "Feb",
    "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "vs",
];

fn sentences(text: &str) -> Vec<&str> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    // Only the bytes that can end a sentence or start an item are looked at.
    for i in super::positions_of(b, b"*.?!") {
        // A Markdown list run together into one paragraph: " * " starts an item.
        if b[i] == b'*' && i > 0 && b[i - 1] == b' ' && b.get(i + 1) == Some(&b' ') {
            if start < i {
                out.push(text[start..i].trim());
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
        out.push(text[start..=i].trim());
        start = i + 1 + gap;
    }
    if start < text.len() {
        out.push(text[start..].trim());
    }
    out.retain(|s| !s.is_empty());
    out
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Money,
    PerUnit(Unit),
    Percent,
    Ratio,
    Quantity(Unit),
}

#[derive(Clone, Debug)]
struct ProseFigure {
    start: usize,
    end: usize,
    text: String,
    /// As written (sign applied for "negative"), before `factor`.
    value: Decimal,
    factor: Decimal,
    kind: Kind,
    /// The prose said "negative": compare signed.
    signed: bool,
    qualifier: Qualifier,
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

fn figures(s: &str) -> Vec<ProseFigure> {
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    loop {
        i = super::next_digit(b, i);
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
                    .and_then(|k| per_unit(ahead[k + 1]));
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
                    words.get(k + 1).and_then(|w| per_unit(w))
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
struct PeriodPhrase {
    /// 3, 6, 9, 12; `None` for a point in time.
    months: Option<u8>,
    /// The quarter named (its end month is 3 × n, calendar quarters).
    quarter: Option<u8>,
    /// Years back from the release's period (0 or 1), or an explicit year.
    year: YearRef,
    /// For a point in time, the month and day printed ("at March 31, 2024"); `None` for the
    /// release's own end.
    date: Option<(u8, u8)>,
}

/// A period phrase's length when it is "the same as the release's": "the comparable period
/// last year" is a quarter in a quarterly release, six months in a half-year report.
const SAME_LENGTH: u8 = 0xFD;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum YearRef {
    Current,
    Prior,
    Year(u16),
    /// The quarter before the release's own ("$19,433,000 in the preceding quarter"),
    /// whatever its fiscal calendar calls it.
    PrecedingQuarter,
}

/// A sentence with what every figure in it needs, computed once.
struct Sentence<'s> {
    text: &'s str,
    /// The text in lower case, byte for byte where the text is (ASCII and Latin-1).
    lower: &'s str,
    /// [`words`] of the text, as slices of `lower`.
    words: Vec<&'s str>,
    periods: Vec<(usize, usize, PeriodPhrase)>,
    /// Where the [`BOUNDARIES`] occur: (start, length).
    bounds: Vec<(usize, usize)>,
    /// The metals the sentence names, each once.
    metals: Vec<&'static str>,
}

impl<'s> Sentence<'s> {
    fn new(text: &'s str, lower: &'s str) -> Sentence<'s> {
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
fn lower_case(text: &str) -> String {
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
fn occurrences<T>(text: &str, phrases: &[T], text_of: impl Fn(&T) -> &str) -> Vec<(usize, usize)> {
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

fn period_of(s: &Sentence, figs: &[ProseFigure], i: usize) -> Option<PeriodPhrase> {
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

// ---------------------------------------------------------------------------------------
// Matching.

/// A candidate: a cell, or a computed figure with its inputs.
#[derive(Clone, Debug)]
struct Candidate {
    table: usize,
    row: usize,
    column: usize,
    /// The prior-year column, for changes.
    prior: Option<usize>,
    /// More rows of the same table added to `row` ("cash, cash equivalents and short-term
    /// investments totaling …").
    also: Vec<usize>,
}

/// What matching needs to know of a row, computed once per document.
struct RowInfo<'a> {
    table: usize,
    row: usize,
    unit: Option<Unit>,
    scope: Option<&'a str>,
    metal: Option<&'static str>,
    /// The heading's stems, an index into [`Context::headings`].
    heading: Option<usize>,
    /// Which stems of the label are not filler words (indices into `label`).
    sig: Vec<usize>,
    /// Stems of the label, mostly slices of the document's label words.
    label: Vec<Cow<'a, str>>,
}

impl RowInfo<'_> {
    /// Stems of the label without filler words.
    fn sig(&self) -> impl Iterator<Item = &str> {
        self.sig.iter().map(|&n| &*self.label[n])
    }
}

struct Context<'a> {
    doc: &'a Document,
    metrics: &'a [Metric],
    rows: Vec<RowInfo<'a>>,
    /// (name words, entity) for each operation the tables name.
    entities: Vec<(Vec<String>, &'a str)>,
    /// Stems of the rows' headings, each run of rows under one heading sharing one.
    headings: Vec<Vec<String>>,
    /// Indices into `rows` by unit, in order.
    by_unit: Vec<(Option<Unit>, Vec<usize>)>,
    /// Indices into `rows` of money rows by the first word of their `sig`, in order: a
    /// money figure's candidates are among the rows whose first word its clause holds.
    /// Sorted by that word (stably, so each word's rows stay in order), not hashed: no text
    /// can choose collisions.
    by_first_word: Vec<usize>,
    /// Where each table's rows are in `rows`.
    of_table: Vec<std::ops::Range<usize>>,
    /// By table, the columns a figure may be looked up in: [`super::plain_columns`].
    plain_columns: Vec<Vec<bool>>,
    /// The release's own quarter in its fiscal year, when a column tells where the fiscal
    /// year ends (a twelve-month column, or six or nine months ending with the quarter):
    /// Pericom's quarter ended June 30 is its fourth.
    fiscal_quarter: Option<u8>,
    /// By table, each row's basis, worked out when a claim first needs the table.
    bases: Vec<std::cell::OnceCell<Vec<Basis>>>,
}

/// The first significant word of an indexed row's label ([`RowInfo::sig`]).
fn first_word<'r>(rows: &'r [RowInfo], n: usize) -> &'r str {
    let r = &rows[n];
    &r.label[r.sig[0]]
}

const STOP: &[&str] = &[
    "of", "and", "the", "for", "to", "in", "by", "on", "a", "an", "total", "provided", "&",
];

impl<'a> Context<'a> {
    fn new(
        doc: &'a Document,
        metrics: &'a [Metric],
        label_words: &'a super::LabelWords,
    ) -> Context<'a> {
        let mut rows = Vec::new();
        let mut headings: Vec<Vec<String>> = Vec::new();
        // The operations the tables name, in order of appearance.
        let mut scopes: Vec<&str> = Vec::new();
        for ((ti, t), tw) in doc.tables.iter().enumerate().zip(label_words.tables()) {
            // Consecutive rows share their heading: stem it once per run.
            let mut last_parent: Option<&str> = None;
            for (k, r) in t.rows.iter().enumerate() {
                if r.kind == RowKind::Heading {
                    continue;
                }
                let scope = tw.scope(k);
                if let Some(e) = scope {
                    if !scopes.contains(&e) {
                        scopes.push(e);
                    }
                }
                // Only money, per-unit amounts and quantities of metal are matched.
                if !matches!(
                    r.unit,
                    Some(
                        Unit::Money
                            | Unit::MoneyPerOz
                            | Unit::MoneyPerLb
                            | Unit::MoneyPerShare
                            | Unit::MoneyPerTon
                            | Unit::MoneyPerTonne
                            | Unit::Oz
                            | Unit::Tons
                            | Unit::Tonnes
                            | Unit::Lbs
                    )
                ) {
                    continue;
                }
                let label: Vec<Cow<str>> = tw[k].iter().map(|w| stem(w)).collect();
                let heading = r.parent.as_deref().map(|p| {
                    if last_parent != Some(p) {
                        last_parent = Some(p);
                        headings.push(stems(p));
                    }
                    headings.len() - 1
                });
                rows.push(RowInfo {
                    table: ti,
                    row: k,
                    unit: r.unit,
                    scope,
                    metal: tw.metal(k),
                    heading,
                    sig: (0..label.len())
                        .filter(|&n| !STOP.contains(&&*label[n]))
                        .collect(),
                    label,
                });
            }
        }
        let mut entities: Vec<(Vec<String>, &str)> = Vec::new();
        for e in scopes {
            let name_words: Vec<String> = words(e)
                .into_iter()
                .filter(|w| !OPERATION_WORDS.contains(&w.as_str()))
                .collect();
            // A name that is only a metal ("SILVER OPERATIONS") names a segment, not a place
            // a sentence would call by name.
            if name_words.is_empty() || name_words.iter().all(|w| metal_in(w).is_some()) {
                continue;
            }
            entities.push((name_words, e));
        }
        let mut by_unit: Vec<(Option<Unit>, Vec<usize>)> = Vec::new();
        let mut by_first_word: Vec<usize> = Vec::new();
        let mut of_table = vec![0..0; doc.tables.len()];
        for (n, info) in rows.iter().enumerate() {
            match by_unit.iter_mut().find(|(u, _)| *u == info.unit) {
                Some((_, v)) => v.push(n),
                None => by_unit.push((info.unit, vec![n])),
            }
            if info.unit == Some(Unit::Money) && !info.sig.is_empty() {
                by_first_word.push(n);
            }
            let r = &mut of_table[info.table];
            if r.start == r.end {
                *r = n..n + 1;
            } else {
                r.end = n + 1;
            }
        }
        crate::sort::by(&mut by_first_word, |&a, &b| {
            first_word(&rows, a).cmp(first_word(&rows, b))
        });
        Context {
            doc,
            metrics,
            rows,
            entities,
            headings,
            by_unit,
            by_first_word,
            of_table,
            plain_columns: doc.tables.iter().map(super::plain_columns).collect(),
            bases: doc
                .tables
                .iter()
                .map(|_| std::cell::OnceCell::new())
                .collect(),
            fiscal_quarter: fiscal_quarter(doc),
        }
    }

    /// The one operation a text's words name, if exactly one.
    fn entity_in<S: AsRef<str>>(&self, w: &[S]) -> Option<&'a str> {
        let mut named = (self.entities.iter())
            .filter(|(name_words, _)| contains_run(w, name_words))
            .map(|&(_, e)| e);
        let first = named.next()?;
        named.next().is_none().then_some(first)
    }

    /// The columns of a table that a period names.
    fn columns(&self, t: &Table, when: PeriodPhrase) -> Vec<usize> {
        let Some(end) = self.doc.period.end else {
            return Vec::new();
        };
        let months = match when.months {
            Some(SAME_LENGTH) => self.doc.period.months,
            m => m,
        };
        let when = PeriodPhrase { months, ..when };
        let year = match when.year {
            YearRef::Current => end.year,
            YearRef::Prior => end.year - 1,
            YearRef::Year(y) => y,
            // A fiscal quarter ends within days of three calendar months before the
            // release's (Pericom's March 26 before its June 30).
            YearRef::PrecedingQuarter => {
                let before = end.day_number() - 91;
                return (t.columns.iter().enumerate())
                    .filter(|(_, c)| {
                        c.months == Some(3)
                            && c.end
                                .is_some_and(|ce| (ce.day_number() - before).abs() <= 10)
                    })
                    .map(|(k, _)| k)
                    .collect();
            }
        };
        t.columns
            .iter()
            .enumerate()
            .filter(|(_, c)| {
                let Some(ce) = c.end else { return false };
                if ce.year != year {
                    return false;
                }
                match when.months {
                    None => {
                        c.months.is_none()
                            && Some((ce.month, ce.day)) == when.date.or(Some((end.month, end.day)))
                    }
                    Some(0) => c.months.is_some_and(|m| m > 3 && m < 12) && ce.month == end.month,
                    Some(3) => {
                        c.months == Some(3)
                            && ce.month == end.month
                            // "third quarter" names calendar quarters; a fiscal year's
                            // quarters end in other months, so the ordinal must be the
                            // release's own quarter.
                            && when.quarter.is_none_or(|q| {
                                q * 3 == end.month || Some(q) == self.fiscal_quarter
                            })
                    }
                    Some(m) => c.months == Some(m) && ce.month == end.month,
                }
            })
            .map(|(k, _)| k)
            .collect()
    }

    /// A candidate's figure in a column: its row, plus the rows it adds.
    fn value(&self, c: &Candidate, column: usize) -> Option<super::Figure> {
        let t = &self.doc.tables[c.table];
        let mut total = figure(&t.rows[c.row], column)?;
        for &r in &c.also {
            let x = figure(&t.rows[r], column)?;
            total.value = (Amount(total.value) + x.value).0;
            total.interval = total.interval + x.interval;
        }
        Some(total)
    }

    /// "cash, cash equivalents and short-term investments totaling $195 million": rows of one
    /// table that together cover every item of the list, one row per item.
    fn list_total(
        &self,
        s: &str,
        f: &ProseFigure,
        entity: Option<&str>,
    ) -> Option<(usize, usize, Vec<usize>)> {
        let lower = s[..f.start].to_ascii_lowercase();
        let mut before = lower.trim_end();
        for q in [
            "approximately",
            "about",
            "almost",
            "nearly",
            "more than",
            "over",
            "some",
            "negative",
        ] {
            before = before.strip_suffix(q).unwrap_or(before).trim_end();
        }
        let phrase = [
            "totaling",
            "totalling",
            "totaled",
            "totalled",
            "combined",
            "together",
        ]
        .iter()
        .find_map(|w| before.strip_suffix(w))?;
        let start = [" had ", " has ", " have ", " with ", "-- ", ". ", " of "]
            .iter()
            .filter_map(|m| phrase.rfind(m).map(|k| k + m.len()))
            .max()
            .unwrap_or(0);
        let mut items: Vec<Vec<String>> = Vec::new();
        for part in phrase[start..].split(',') {
            for item in part.split(" and ") {
                let w = stems(item);
                if !w.is_empty() {
                    items.push(w);
                }
            }
        }
        if items.len() < 2 {
            return None;
        }
        'tables: for ti in 0..self.doc.tables.len() {
            let rows: Vec<(usize, &[Cow<str>])> = self.rows[self.of_table[ti].clone()]
                .iter()
                .filter(|r| r.table == ti && r.unit == Some(Unit::Money) && r.scope == entity)
                .map(|r| (r.row, r.label.as_slice()))
                .collect();
            let mut chosen: Vec<usize> = Vec::new();
            for item in &items {
                let unique = |pred: &dyn Fn(&[Cow<str>]) -> bool| {
                    let m: Vec<usize> = rows
                        .iter()
                        .filter(|(_, w)| pred(w))
                        .map(|(k, _)| *k)
                        .collect();
                    (m.len() == 1).then(|| m[0])
                };
                let found =
                    unique(&|w| w.len() >= item.len() && w.iter().zip(item).all(|(a, b)| a == b))
                        .or_else(|| unique(&|w| item.iter().all(|x| w.iter().any(|y| y == x))));
                match found {
                    Some(k) => {
                        if !chosen.contains(&k) {
                            chosen.push(k);
                        }
                    }
                    None => continue 'tables,
                }
            }
            if chosen.len() >= 2 {
                return Some((ti, chosen[0], chosen[1..].to_vec()));
            }
        }
        None
    }

    fn check(
        &self,
        s: &Sentence,
        figs: &[ProseFigure],
        i: usize,
        entity: Option<&str>,
        matched: &[Option<Vec<Candidate>>],
        claim: ClaimRef,
    ) -> (Check, Option<Vec<Candidate>>) {
        let f = &figs[i];
        let not = |why: String| (unmatched(f, &claim, why), None);
        let sw = &s.words;
        let forward = [
            "estimate",
            "estimated",
            "expect",
            "expected",
            "expects",
            "anticipate",
            "anticipated",
            "guidance",
            "forecast",
            "could",
            "will",
            "would",
            "projected",
            "plans",
            "target",
        ];
        if sw.iter().any(|w| forward.contains(w)) {
            return not(super::format_in!(
                super::SENTENCE,
                "{} is in a forward-looking sentence; the tables report results, not estimates.",
                f.text
            ));
        }
        let paired = s.contains("respectively") && respective_metal(s, figs, i).is_some();
        if (in_list(s, figs, i) || s.contains("respectively")) && !paired {
            return not(super::format_in!(super::SENTENCE, "{} is one of a list of figures whose subjects the sentence does not pair with them.", f.text));
        }
        // A change ("increased 46% to $21 million in the third quarter") has the period of the
        // figure it is attached to.
        let attached = || {
            (f.kind == Kind::Percent)
                .then(|| (i + 1..figs.len()).find(|&k| figs[k].kind != Kind::Percent))
                .flatten()
                .and_then(|k| period_of(s, figs, k))
        };
        let Some(when) = period_of(s, figs, i).or_else(attached) else {
            return not(super::format_in!(
                super::SENTENCE,
                "{}: the sentence names no period to find it in.",
                f.text
            ));
        };
        // Comparisons: a percentage, or "an increase of $X", is a change of a neighbouring
        // figure's subject.
        let lower = &s.lower;
        let before = lower[..f.start].trim_end();
        let change_money = f.kind == Kind::Money
            && [
                "increase of",
                "decrease of",
                "reduction of",
                "improvement of",
            ]
            .iter()
            .any(|p| before.ends_with(p));
        if f.kind == Kind::Percent || change_money {
            return self.change(s, figs, i, matched, when, claim);
        }
        let candidates = match self.candidates(s, figs, i, entity, when, matched) {
            Ok(c) => c,
            Err(why) => return not(super::format_in!(super::SENTENCE, "{}: {why}", f.text)),
        };
        if f.kind == Kind::Ratio {
            return (self.ratio(f, when, claim), None);
        }
        (self.compare(f, &candidates, claim), Some(candidates))
    }

    /// Candidate cells for a figure that states a level.
    fn candidates(
        &self,
        s: &Sentence,
        figs: &[ProseFigure],
        i: usize,
        entity: Option<&str>,
        when: PeriodPhrase,
        matched: &[Option<Vec<Candidate>>],
    ) -> Result<Vec<Candidate>, String> {
        let f = &figs[i];
        let lower = &s.lower;
        let before = lower[..f.start].trim_end();
        // "compared to $0.9 million": the subject of the figure compared with.
        let compared = [
            "compared to",
            "compared with",
            "versus",
            "compared to a",
            "compared with a",
            "from",
        ]
        .iter()
        .any(|p| before.ends_with(p));
        let rows: Vec<(usize, usize, Vec<usize>)> = if compared {
            let prev = (0..i).rev().find(|&k| figs[k].kind == f.kind);
            match prev.and_then(|k| matched.get(k).cloned().flatten()) {
                Some(c) => {
                    let mut r: Vec<(usize, usize, Vec<usize>)> =
                        c.iter().map(|c| (c.table, c.row, c.also.clone())).collect();
                    r.dedup();
                    r
                }
                None => return Err("it is compared with a figure that could not be matched".into()),
            }
        } else if let Some((t, first, also)) = self.list_total(s, f, entity) {
            vec![(t, first, also)]
        } else {
            self.rows_for(s, figs, i, entity)?
                .into_iter()
                .map(|(t, r)| (t, r, Vec::new()))
                .collect()
        };
        if f.kind == Kind::Ratio {
            return Ok(Vec::new());
        }
        let mut out = Vec::new();
        for (t, r, also) in rows {
            let table = &self.doc.tables[t];
            // A figure in millions cannot be compared with a table that states no scale.
            if f.kind == Kind::Money
                && f.factor > Decimal::ONE
                && table.scale_note.is_none()
                && table.rows[r].scale.factor() == 1
            {
                continue;
            }
            for c in self.columns(table, when) {
                if !self.plain_columns[t][c] {
                    continue;
                }
                let cand = Candidate {
                    table: t,
                    row: r,
                    column: c,
                    prior: None,
                    also: also.clone(),
                };
                if self.value(&cand, c).is_some() {
                    out.push(cand);
                }
            }
        }
        if out.is_empty() {
            return Err("no table prints it for the period the sentence names".into());
        }
        Ok(out)
    }

    /// Rows that could hold the figure, by meaning.
    fn rows_for(
        &self,
        s: &Sentence,
        figs: &[ProseFigure],
        i: usize,
        entity: Option<&str>,
    ) -> Result<Vec<(usize, usize)>, String> {
        let f = &figs[i];
        let sw = &s.words;
        let has = |x: &str| sw.contains(&x);
        let metals = &s.metals;
        let metal = if s.contains("respectively") {
            respective_metal(s, figs, i)
        } else if metals.len() == 1 {
            Some(metals[0])
        } else {
            None
        };
        if metals.len() > 1
            && metal.is_none()
            && matches!(
                f.kind,
                Kind::PerUnit(Unit::MoneyPerOz | Unit::MoneyPerLb) | Kind::Quantity(_)
            )
        {
            return Err("the sentence names several metals".into());
        }
        // "declared and paid a $0.16 per share cash dividend": a payout, compared with payout
        // rows only, never with earnings or book value per share.
        let payout = f.kind == Kind::PerUnit(Unit::MoneyPerShare)
            && crate::meaning::concept::is_payout(
                &raw_words(clause_of(s, f)).map(stem).collect::<Vec<_>>(),
            );
        let clause: Vec<Cow<str>> = if f.kind == Kind::Money {
            raw_words(clause_of(s, f)).map(stem).collect()
        } else {
            Vec::new()
        };
        // The rows that can match, in order: of the unit, and for money, those whose first
        // significant word is in the clause (a match needs all of them there).
        let picked: Vec<usize> = match f.kind {
            Kind::Money => {
                let mut v: Vec<usize> = Vec::new();
                for w in &clause {
                    let index = &self.by_first_word;
                    let w = w.as_ref();
                    // A filler word is never a row's first significant word.
                    if STOP.contains(&w) {
                        continue;
                    }
                    let lo = index.partition_point(|&n| first_word(&self.rows, n) < w);
                    let hi = lo + index[lo..].partition_point(|&n| first_word(&self.rows, n) == w);
                    v.extend(&index[lo..hi]);
                }
                crate::sort::dedup(&mut v);
                v
            }
            Kind::PerUnit(u) | Kind::Quantity(u) => self
                .by_unit
                .iter()
                .find(|(x, _)| *x == Some(u))
                .map(|(_, v)| v.clone())
                .unwrap_or_default(),
            _ => Vec::new(),
        };
        let mut out: Vec<(usize, usize, usize)> = Vec::new();
        for info in picked.iter().map(|&n| &self.rows[n]) {
            let wanted = match f.kind {
                Kind::Money => Unit::Money,
                Kind::PerUnit(u) | Kind::Quantity(u) => u,
                _ => continue,
            };
            if info.unit != Some(wanted) || info.scope != entity {
                continue;
            }
            let rm = info.metal;
            let metal_ok = match (metal, rm) {
                (Some(a), Some(b)) => a == b,
                (Some(_), None) => false,
                (None, _) => true,
            };
            let heading: &[String] = info.heading.map_or(&[], |h| &self.headings[h]);
            let lhas =
                |x: &str| heading.iter().any(|w| w == x) || info.label.iter().any(|w| w == x);
            let ok = match f.kind {
                // "$0.17 diluted loss per share" is the diluted row, not the basic one
                // printed beside it.
                Kind::PerUnit(Unit::MoneyPerShare) => {
                    let row_payout = (lhas("dividend") || lhas("distribution")) && !lhas("after");
                    row_payout == payout
                        && !(has("diluted") && lhas("basic") && !lhas("diluted"))
                        && !(has("basic") && lhas("diluted") && !lhas("basic"))
                }
                Kind::PerUnit(Unit::MoneyPerOz | Unit::MoneyPerLb) => {
                    let price = has("price") || has("prices") || has("averaged");
                    let cost = has("cost") || has("costs");
                    metal_ok
                        && if price && !cost {
                            !lhas("cost")
                        } else if cost {
                            lhas("cost")
                                && if has("operating") {
                                    lhas("operating")
                                } else if has("production") && !has("cash") {
                                    lhas("production")
                                } else {
                                    lhas("cash") && !lhas("operating")
                                }
                        } else {
                            false
                        }
                }
                Kind::Quantity(_) => {
                    metal_ok
                        && (metal.is_some() || rm.is_some())
                        && !lhas("grade")
                        && !lhas("milled")
                        && !lhas("processed")
                }
                Kind::Money => {
                    // One generic word ("Basic", "Other") is too little to go on.
                    let enough = info.sig.len() >= 2
                        || info.sig().any(|w| {
                            ["sale", "exploration", "ebitda", "inventory", "goodwill"].contains(&w)
                        });
                    enough && info.sig().all(|w| clause.iter().any(|c| c.as_ref() == w))
                }
                _ => false,
            };
            if ok {
                out.push((info.table, info.row, info.sig.len()));
            }
        }
        if f.kind == Kind::Money {
            // The most specific labels.
            let best = out.iter().map(|x| x.2).max().unwrap_or(0);
            out.retain(|x| x.2 == best);
        }
        if f.kind == Kind::Ratio {
            return Ok(Vec::new());
        }
        if out.is_empty() {
            return Err("no row of the tables matches what the sentence says it is".into());
        }
        // "Pro forma net income … was $1,173,000, or $0.04 per share": the pro forma row, not
        // the GAAP one beside it. A sentence that states no basis means the reported figure
        // where one is printed.
        let stated = stated_basis(&s.lower[..f.start]);
        let basis_of = |&(t, k, _): &(usize, usize, usize)| {
            let bases = self.bases[t].get_or_init(|| {
                let meanings = crate::meaning::of_table(&self.doc.tables[t]);
                meanings.iter().map(|m| m.basis).collect()
            });
            bases.get(k).copied().unwrap_or(Basis::Reported)
        };
        // Where no matching row states that basis, the rows stay as they are: a measure such
        // as "Economic Earnings" is non-GAAP without saying so in its label.
        let same: Vec<(usize, usize, usize)> = out
            .iter()
            .copied()
            .filter(|x| basis_of(x) == stated)
            .collect();
        if !same.is_empty() {
            out = same;
        }
        Ok(out.into_iter().map(|(t, k, _)| (t, k)).collect())
    }

    /// Compares a level claim with its candidates: they must agree among themselves.
    fn compare(&self, f: &ProseFigure, candidates: &[Candidate], claim: ClaimRef) -> Check {
        let claimed = f.qualifier.interval(f.value, f.factor);
        let figs: Vec<(super::Figure, &Candidate)> = candidates
            .iter()
            .filter_map(|c| self.value(c, c.column).map(|x| (x, c)))
            .collect();
        let cells: Vec<CellRef> = figs
            .iter()
            .flat_map(|(_, c)| {
                let t = &self.doc.tables[c.table];
                std::iter::once(c.row)
                    .chain(c.also.iter().copied())
                    .map(move |r| CellRef::new(t, r, c.column))
            })
            .collect();
        let magnitude = |x: super::Figure| {
            let unsigned_kind = matches!(f.kind, Kind::Money | Kind::PerUnit(Unit::MoneyPerShare));
            if f.signed || !unsigned_kind || x.value >= Decimal::ZERO {
                x
            } else {
                super::Figure {
                    value: -x.value,
                    interval: -x.interval,
                }
            }
        };
        let first = magnitude(figs[0].0);
        let agree = figs
            .iter()
            .all(|(x, _)| magnitude(*x).interval.agrees(&first.interval));
        let parts = 1 + figs[0].1.also.len();
        let where_ = if parts > 1 {
            super::format_in!(
                super::PHRASE,
                "the sum of {} ({})",
                cells[..parts]
                    .iter()
                    .map(CellRef::describe)
                    .collect::<Vec<_>>()
                    .join(" and "),
                show(first.value, 4)
            )
        } else {
            cells[0].describe()
        };
        if !agree {
            return Check {
                kind: CheckKind::Claim,
                status: Status::NotCheckable,
                reported: Some((Amount(f.value) * f.factor).0),
                recomputed: None,
                tolerance: None,
                explanation: super::format_in!(super::SENTENCE, "{} could be any of {} cells that disagree with each other, so it is not matched.", f.text, cells.len()),
                cells,
                claim: Some(claim),
            };
        }
        // Printed figures one unit apart in the last digit touch only at an edge neither can
        // reach ($0.88 and $0.89): that is a difference, not rounding.
        let holds = claimed.agrees(&first.interval);
        let explanation = if holds {
            super::format_in!(
                super::SENTENCE,
                "The sentence's {} ({}) agrees with {}.",
                f.text,
                f.qualifier.words(),
                where_
            )
        } else {
            super::format_in!(
                super::SENTENCE,
                "The sentence says {} but {} ({}), which the figure's precision ({}) does not allow.",
                f.text,
                where_,
                show(first.value, 4),
                f.qualifier.words()
            )
        };
        Check {
            kind: CheckKind::Claim,
            status: if holds { Status::Ok } else { Status::Mismatch },
            reported: Some((Amount(f.value) * f.factor).0),
            recomputed: Some(first.value),
            tolerance: Some(Tolerance::new(
                claimed,
                super::format_in!(
                    super::PHRASE,
                    "the figure as written, {}",
                    f.qualifier.words()
                ),
            )),
            explanation,
            cells,
            claim: Some(claim),
        }
    }

    /// "current ratio … 5.3:1" against the current ratio metric at the period's end.
    fn ratio(&self, f: &ProseFigure, when: PeriodPhrase, claim: ClaimRef) -> Check {
        let sw = words(&claim.sentence);
        let current = sw.windows(2).any(|w| w == ["current", "ratio"]);
        let m = self.metrics.iter().find(|m| {
            m.kind == MetricKind::CurrentRatio
                && current
                && when.months.is_none()
                && m.inputs.first().is_some_and(|c| {
                    let t = self.doc.tables.iter().find(|t| t.id == c.table);
                    t.is_some_and(|t| {
                        !self.columns(t, when).is_empty()
                            && self.columns(t, when).contains(&c.column)
                    })
                })
        });
        let Some(m) = m else {
            return Check {
                kind: CheckKind::Claim,
                status: Status::NotCheckable,
                reported: Some(f.value),
                recomputed: None,
                tolerance: None,
                explanation: super::format_in!(
                    super::SENTENCE,
                    "{}: no ratio the tables allow computing matches what the sentence names.",
                    f.text
                ),
                cells: Vec::new(),
                claim: Some(claim),
            };
        };
        // Interval of the quotient of the two rounded inputs.
        let inputs: Vec<Interval> = m
            .inputs
            .iter()
            .filter_map(|c| {
                let t = self.doc.tables.iter().find(|t| t.id == c.table)?;
                figure(&t.rows[c.row], c.column).map(|x| x.interval)
            })
            .collect();
        let q = match inputs.as_slice() {
            [a, b] => a.checked_div(*b),
            _ => None,
        };
        let claimed = f.qualifier.interval(f.value, Decimal::ONE);
        let holds = q.is_some_and(|q| q.meets(&claimed));
        Check {
            kind: CheckKind::Claim,
            status: if holds { Status::Ok } else { Status::Mismatch },
            reported: Some(f.value),
            recomputed: m.value,
            tolerance: Some(Tolerance::new(claimed, "the ratio as written")),
            explanation: super::format_in!(
                super::SENTENCE,
                "The sentence's {} is the current ratio; total current assets over total current liabilities give {}{}.",
                f.text,
                m.value.map(|v| show(v, 2).to_string()).unwrap_or_default(),
                if holds { "" } else { ", which the figure does not allow" }
            ),
            cells: m.inputs.clone(),
            claim: Some(claim),
        }
    }

    /// A percentage (or "an increase of $X") against the change of its subject from the same
    /// period a year before.
    fn change(
        &self,
        s: &Sentence,
        figs: &[ProseFigure],
        i: usize,
        matched: &[Option<Vec<Candidate>>],
        when: PeriodPhrase,
        claim: ClaimRef,
    ) -> (Check, Option<Vec<Candidate>>) {
        let f = &figs[i];
        let lower = &s.lower;
        let after = &lower[f.end..];
        let before = lower[..f.start].trim_end();
        let not = |why: String| (unmatched(f, &claim, why), None);
        let up = [
            "increase",
            "increased",
            "rose",
            "up",
            "higher",
            "grew",
            "improvement",
            "improvements",
            "gain",
        ];
        let down = [
            "decrease",
            "decreased",
            "fell",
            "down",
            "lower",
            "declined",
            "reduction",
        ];
        let mut reach = (f.end + 30).min(lower.len());
        while !lower.is_char_boundary(reach) {
            reach -= 1;
        }
        let words_near = raw_word_list(&lower[..reach]);
        let is_up = words_near.iter().any(|w| up.contains(w));
        let is_down = words_near.iter().any(|w| down.contains(w));
        let share = after.trim_start().starts_with("of ");
        if f.kind == Kind::Percent && (share || (!is_up && !is_down)) {
            return not(super::format_in!(super::SENTENCE, "{} is a percentage that is not stated as a change; the tables hold no share to compare it with.", f.text));
        }
        // "up 8.7% from $19,433,000 in the preceding quarter": a sequential change, while the
        // tables pair each column with the same period a year before.
        let clause_end = after.find(" and ").unwrap_or(after.len());
        let base = &after[..clause_end];
        if [
            "preceding quarter",
            "previous quarter",
            "prior quarter",
            "last quarter",
            "sequential",
        ]
        .iter()
        .any(|p| base.contains(p))
        {
            return not(super::format_in!(
                super::SENTENCE,
                "{} is a change from the preceding quarter; the tables pair each period with the same period a year before.",
                f.text
            ));
        }
        let improvement = words_near.iter().any(|w| w.starts_with("improvement"));
        // The subject: "N% to $X" → X; ", a N% increase" → the figure before; else by words.
        let previous = (0..i).rev().find(|&k| figs[k].kind != Kind::Percent);
        let next = (i + 1..figs.len()).find(|&k| figs[k].kind != Kind::Percent);
        let tail = after
            .trim_start()
            .trim_start_matches("year over year")
            .trim_start_matches("year-over-year")
            .trim_start();
        let subject: Option<usize> =
            if after.trim_start().starts_with("to ") || tail.starts_with("to ") {
                next
            } else if f.kind == Kind::Money {
                // "losses were $6.1 million, an increase of $4.8 million"
                (0..i).rev().find(|&k| figs[k].kind == Kind::Money)
            } else if before.ends_with(" a") || before.ends_with(" an") {
                previous.or(next)
            } else {
                None
            };
        let candidates: Vec<Candidate> = match subject {
            Some(k) if k < i => match matched.get(k).cloned().flatten() {
                Some(c) => c,
                None => {
                    return not(super::format_in!(
                        super::SENTENCE,
                        "{}: the figure it describes could not be matched.",
                        f.text
                    ))
                }
            },
            Some(k) => {
                let entity = self.entity_in(&s.words);
                match self.candidates(
                    s,
                    figs,
                    k,
                    entity,
                    period_of(s, figs, k).unwrap_or(when),
                    matched,
                ) {
                    Ok(c) => c,
                    Err(why) => {
                        return not(super::format_in!(super::SENTENCE, "{}: {why}", f.text))
                    }
                }
            }
            None => {
                // By words, as money would be matched, with this figure's period.
                let mut as_money = figs.to_vec();
                as_money[i].kind = Kind::Money;
                let entity = self.entity_in(&s.words);
                match self.candidates(s, &as_money, i, entity, when, matched) {
                    Ok(c) => c,
                    Err(why) => {
                        return not(super::format_in!(super::SENTENCE, "{}: {why}", f.text))
                    }
                }
            }
        };
        // Each candidate with its prior-year column.
        let mut pairs = Vec::new();
        for c in &candidates {
            let t = &self.doc.tables[c.table];
            if let Some(&(_, b)) = comparable_pairs(&t.columns)
                .iter()
                .find(|&&(a, _)| a == c.column)
            {
                pairs.push(Candidate {
                    prior: Some(b),
                    ..c.clone()
                });
            }
        }
        if pairs.is_empty() {
            return not(super::format_in!(
                super::SENTENCE,
                "{}: the tables print no figure a year before to measure the change from.",
                f.text
            ));
        }
        let mut results = Vec::new();
        for c in &pairs {
            let row = &self.doc.tables[c.table].rows[c.row];
            let (Some(now), Some(then)) =
                (figure(row, c.column), figure(row, c.prior.unwrap_or(0)))
            else {
                continue;
            };
            let r = if f.kind == Kind::Percent {
                let delta = now.interval - then.interval;
                if then.value.is_zero() {
                    continue;
                }
                let base = Interval {
                    lo: then.interval.lo.abs().min(then.interval.hi.abs()),
                    hi: then.interval.lo.abs().max(then.interval.hi.abs()),
                };
                match delta.checked_div(base) {
                    Some(q) => (
                        q * Interval::exact(Decimal::ONE_HUNDRED),
                        ((Amount(now.value) - then.value) / then.value.abs()
                            * Decimal::ONE_HUNDRED)
                            .0,
                    ),
                    None => continue,
                }
            } else {
                let (n, t) = (now.value.abs(), then.value.abs());
                let change = (Amount(n) - t).0;
                let d = Interval::around(
                    change,
                    ((Amount(now.interval.width()) + then.interval.width()) / Decimal::TWO).0,
                );
                (d, change)
            };
            results.push((r, c.clone()));
        }
        let Some(((first_i, first_v), _)) = results.first().cloned() else {
            return not(super::format_in!(
                super::SENTENCE,
                "{}: no figures to compute the change from.",
                f.text
            ));
        };
        let agree = results.iter().all(|((iv, _), _)| iv.meets(&first_i));
        let cells: Vec<CellRef> = results
            .iter()
            .flat_map(|(_, c)| {
                let t = &self.doc.tables[c.table];
                [
                    CellRef::new(t, c.row, c.column),
                    CellRef::new(t, c.row, c.prior.unwrap_or(0)),
                ]
            })
            .collect();
        if !agree {
            return not(super::format_in!(
                super::SENTENCE,
                "{} could describe the change of several rows that disagree, so it is not matched.",
                f.text
            ));
        }
        // Direction words decide the sign; "improvement" of a cost is a fall, so only the size
        // is compared then.
        let (iv, v) = if improvement || (is_down && !is_up) {
            (
                Interval {
                    lo: first_i.hi.abs().min(first_i.lo.abs()),
                    hi: first_i.hi.abs().max(first_i.lo.abs()),
                },
                first_v.abs(),
            )
        } else {
            (first_i, first_v)
        };
        let claimed = f.qualifier.interval(f.value, f.factor);
        let rises = is_up && !is_down;
        let falls = is_down && !is_up;
        let direction_ok = improvement
            || match (rises, falls) {
                (true, _) => first_v >= Decimal::ZERO,
                (_, true) => first_v <= Decimal::ZERO,
                _ => true,
            };
        let holds = claimed.meets(&iv) && direction_ok;
        let unit = if f.kind == Kind::Percent { "%" } else { "" };
        let explanation = super::format_in!(
            super::SENTENCE,
            "The sentence's {} ({}) is the change of {} against the same period a year before, which the tables give as {}{unit}{}.",
            f.text,
            f.qualifier.words(),
            cells[0].row_label,
            show(v, 2),
            if holds { "" } else { ", which the figure does not allow" }
        );
        (
            Check {
                kind: CheckKind::Claim,
                status: if holds { Status::Ok } else { Status::Mismatch },
                reported: Some((Amount(f.value) * f.factor).0),
                recomputed: Some(v.round_dp(4)),
                tolerance: Some(Tolerance::new(
                    claimed,
                    super::format_in!(
                        super::PHRASE,
                        "the figure as written, {}",
                        f.qualifier.words()
                    ),
                )),
                explanation,
                cells,
                claim: Some(claim),
            },
            None,
        )
    }
}

/// A column that restates or adjusts ("As Previously Reported", "Pro Forma", "Restated").
pub(crate) fn restated_column(label: &str) -> bool {
    let l = label.to_ascii_lowercase();
    [
        "previously reported",
        "restated",
        "pro forma",
        "adjusted",
        "non-gaap",
    ]
    .iter()
    .any(|w| l.contains(w))
}

/// A column whose header names a measure of its own ("EPS", "%", "per share"), which the
/// row's unit does not describe.
pub(crate) fn other_measure(label: &str) -> bool {
    if label.contains('%') {
        return true;
    }
    let mut after_per = false;
    raw_words(label).any(|x| {
        let is = |w: &str| x.eq_ignore_ascii_case(w);
        let found = is("eps") || is("percent") || (after_per && is("share"));
        after_per = is("per");
        found
    })
}

/// A claim that could not be matched, and why.
fn unmatched(f: &ProseFigure, claim: &ClaimRef, why: String) -> Check {
    Check {
        kind: CheckKind::Claim,
        status: Status::NotCheckable,
        reported: Some((Amount(f.value) * f.factor).0),
        recomputed: None,
        tolerance: None,
        explanation: why,
        cells: Vec::new(),
        claim: Some(claim.clone()),
    }
}

/// Whether `phrase` occurs as a run of consecutive words in `w`.
fn contains_run<S: AsRef<str>>(w: &[S], phrase: &[String]) -> bool {
    !phrase.is_empty()
        && w.windows(phrase.len())
            .any(|x| x.iter().zip(phrase).all(|(a, b)| a.as_ref() == b))
}

/// The release's quarter in its fiscal year ([`Context::fiscal_quarter`]).
fn fiscal_quarter(doc: &Document) -> Option<u8> {
    let end = doc.period.end?;
    let year_end = doc.tables.iter().flat_map(|t| &t.columns).find_map(|c| {
        let ce = c.end?;
        match c.months? {
            12 => Some(ce.month),
            m @ (6 | 9) if ce == end => Some((end.month + 12 - m - 1) % 12 + 1),
            _ => None,
        }
    })?;
    let ahead = (year_end + 12 - end.month) % 12;
    (ahead % 3 == 0).then(|| 4 - ahead / 3)
}

/// The basis the words before a figure last state ("pro forma net income … was", "GAAP
/// net income", "adjusted EBITDA of"): it carries over commas and comparisons until another
/// basis is named. Only "adjusted" stands for the adjusted basis here: "core" and
/// "underlying" are everyday words in a sentence.
fn stated_basis(before: &str) -> Basis {
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
fn clause_of<'s>(s: &Sentence<'s>, f: &ProseFigure) -> &'s str {
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
fn in_list(s: &str, figs: &[ProseFigure], i: usize) -> bool {
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
fn respective_metal(s: &str, figs: &[ProseFigure], i: usize) -> Option<&'static str> {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn occurrences_are_every_match_in_order() {
        let phrases = ["aa", "a", "ab", " vs", "third quarter", "the quarter", "b"];
        for text in [
            "aaab vs the quarter",
            "third quarter, the quarter",
            "a",
            "",
            "ba aa",
        ] {
            // Every place each phrase starts, overlapping ones included.
            let mut slow: Vec<(usize, usize)> = Vec::new();
            for (n, p) in phrases.iter().enumerate() {
                for at in 0..text.len() {
                    if text[at..].starts_with(p) {
                        slow.push((n, at));
                    }
                }
            }
            crate::sort::by_key(&mut slow, |&(n, at)| (at, n));
            assert_eq!(occurrences(text, &phrases, |p| p), slow, "{text:?}");
        }
    }

    #[test]
    fn figures_and_their_periods() {
        let s = "The average prices of silver, gold and zinc also increased 17% to $13.12 per ounce, 11% to $666 per ounce and 16% to $1.56 per pound, respectively, compared to the first nine months of 2006.";
        let figs = figures(s);
        let kinds: Vec<Kind> = figs.iter().map(|f| f.kind).collect();
        assert_eq!(
            kinds,
            [
                Kind::Percent,
                Kind::PerUnit(Unit::MoneyPerOz),
                Kind::Percent,
                Kind::PerUnit(Unit::MoneyPerOz),
                Kind::Percent,
                Kind::PerUnit(Unit::MoneyPerLb)
            ]
        );
        // The compared period gives the length; the figures are a year later.
        let lower = lower_case(s);
        let when = period_of(&Sentence::new(s, &lower), &figs, 1).unwrap();
        assert_eq!((when.months, when.year), (Some(9), YearRef::Current));
        assert_eq!(respective_metal(s, &figs, 3), Some("gold"));

        let s = "-- Record low average total cash cost per ounce of silver in the third quarter of negative $4.91, with production of 1.3 million ounces";
        let figs = figures(s);
        assert_eq!(figs[0].kind, Kind::PerUnit(Unit::MoneyPerOz));
        assert_eq!(figs[0].value.to_string(), "-4.91");
        assert_eq!(figs[1].kind, Kind::Quantity(Unit::Oz));
        assert_eq!(figs[1].value * figs[1].factor, Decimal::from(1_300_000));

        // Grades, compounds and years are not claims.
        let s = "silver intercepts of 301.1 grams per tonne (8.8 ounces per ton) over 1.93 meters on its 25-square-mile property in 2007";
        assert!(figures(s).is_empty());
    }

    #[test]
    fn sentences_keep_abbreviations() {
        let t = "Hecla Mining Company (NYSE:HL) reported on Nov. 8. Total gross profit increased 46% to $21 million.";
        assert_eq!(sentences(t).len(), 2);
    }

    #[test]
    fn two_spaces_after_a_full_stop_end_a_sentence() {
        let t = "a net loss of $694,000 in the comparable period a year ago.  For the twelve months ended June 30, 2003 net revenues were $44,958,000.";
        assert_eq!(
            sentences(t),
            [
                "a net loss of $694,000 in the comparable period a year ago.",
                "For the twelve months ended June 30, 2003 net revenues were $44,958,000."
            ]
        );
    }

    #[test]
    fn the_basis_a_sentence_states_carries_to_its_later_figures() {
        let b = |t: &str| stated_basis(t);
        assert_eq!(
            b("pro forma net income in the quarter ended june 30, 2005 was $1,173,000, or "),
            Basis::ProForma
        );
        assert_eq!(b("non-gaap economic earnings of $3.4 million, or $0.39 per share, compared to $2.8 million, or "), Basis::NonGaap);
        assert_eq!(
            b("pro forma net income of $5 million compared to a gaap net income of "),
            Basis::Reported
        );
        assert_eq!(b("net income was "), Basis::Reported);
        assert_eq!(b("gaap eps of $0.10 and adjusted eps of "), Basis::Adjusted);
    }
}
