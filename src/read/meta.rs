//! Metadata where the text states it (company, tickers, release date, headline) and the
//! narrative paragraphs with their line numbers.

use crate::document::{Company, Date, Paragraph};

use super::fixed::Line;
use super::period;

/// Exchanges whose tickers releases print as `(NYSE:HL)` or `(TSX: ORV)`.
const EXCHANGES: [&str; 12] = [
    "NYSE",
    "NASDAQ",
    "Nasdaq",
    "AMEX",
    "TSX",
    "TSXV",
    "TSX-V",
    "ASX",
    "LSE",
    "NYSE American",
    "NYSE MKT",
    "OTC",
];

/// Paragraphs: runs of non-blank lines outside tables.
pub(crate) fn paragraphs(lines: &[Line], in_table: &[bool]) -> Vec<Paragraph> {
    let mut out = Vec::new();
    let mut cur: Option<Paragraph> = None;
    for (l, &skip) in lines.iter().zip(in_table) {
        let t = l.text.trim();
        if skip || t.is_empty() {
            if let Some(p) = cur.take() {
                out.push(p);
            }
            continue;
        }
        match &mut cur {
            Some(p) => {
                p.text.push(' ');
                p.text.push_str(t);
            }
            None => {
                cur = Some(Paragraph {
                    line: l.no,
                    text: t.to_string(),
                })
            }
        }
    }
    out.extend(cur);
    out
}

/// Tickers (`NYSE:HL`) and the company name printed just before the first of them.
pub(crate) fn company(paragraphs: &[Paragraph]) -> Company {
    let mut c = Company::default();
    for p in paragraphs.iter().take(12) {
        let text = &p.text;
        let mut from = 0;
        while let Some(open) = text[from..].find('(').map(|i| i + from) {
            let close = match text[open..].find(')') {
                Some(i) => open + i,
                None => break,
            };
            let inner = &text[open + 1..close];
            for part in inner.split([';', ',']) {
                if let Some((ex, tick)) = part.split_once(':') {
                    let (ex, tick) = (ex.trim(), tick.trim());
                    let tick_ok = !tick.is_empty()
                        && tick.len() <= 8
                        && tick
                            .chars()
                            .all(|ch| ch.is_ascii_uppercase() || ch == '.' || ch == '-');
                    if EXCHANGES.contains(&ex) && tick_ok {
                        let t = format!("{}:{}", ex.to_ascii_uppercase(), tick);
                        if !c.tickers.contains(&t) {
                            c.tickers.push(t);
                        }
                        if c.name.is_none() {
                            c.name = name_before(&text[..open]);
                        }
                    }
                }
            }
            from = close + 1;
        }
        if !c.tickers.is_empty() {
            break;
        }
    }
    c
}

/// The capitalised words ending right before a ticker: "…2007--Hecla Mining Company " →
/// "Hecla Mining Company".
fn name_before(text: &str) -> Option<String> {
    let tail = text.trim_end().rsplit("--").next()?;
    let mut words: Vec<&str> = Vec::new();
    for w in tail.split_whitespace().rev() {
        let cap = w
            .chars()
            .next()
            .is_some_and(|ch| ch.is_uppercase() || ch == '&');
        if cap || (matches!(w, "of" | "de" | "and") && !words.is_empty()) {
            words.push(w);
        } else {
            break;
        }
    }
    while words
        .last()
        .is_some_and(|w| matches!(*w, "of" | "de" | "and"))
    {
        words.pop();
    }
    words.reverse();
    let name = words.join(" ").trim_end_matches(',').to_string();
    (!name.is_empty()).then_some(name)
}

/// The dateline's date: "…(BUSINESS WIRE)--Nov. 8, 2007--…" or the first date in the
/// opening paragraphs.
pub(crate) fn release_date(paragraphs: &[Paragraph]) -> Option<Date> {
    for p in paragraphs.iter().take(8) {
        if let Some(i) = p
            .text
            .find("WIRE)--")
            .or_else(|| p.text.find("Newswire)--"))
        {
            if let Some((d, _)) = period::find_date(&p.text[i..]) {
                return Some(d);
            }
        }
    }
    None
}

/// The headline: the first paragraph, unless it is an exhibit marker.
pub(crate) fn headline(paragraphs: &[Paragraph]) -> Option<String> {
    paragraphs
        .iter()
        .take(3)
        .map(|p| p.text.trim())
        .find(|t| !t.to_ascii_lowercase().starts_with("exhibit") && t.len() > 10 && t.len() < 300)
        .map(str::to_string)
}

/// "For the Period Ended September 30, 2007" near the top.
pub(crate) fn period_end(paragraphs: &[Paragraph]) -> Option<Date> {
    paragraphs.iter().take(6).find_map(|p| {
        let l = p.text.to_ascii_lowercase();
        let i = l.find("period ended").or_else(|| l.find("quarter ended"))?;
        period::find_date(&p.text[i..]).map(|(d, _)| d)
    })
}
