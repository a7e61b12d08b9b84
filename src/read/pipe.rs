//! Markdown pipe tables (releases scraped from web pages) → raw tables for the shared builder.
//!
//! Web copies keep the HTML table's cells but lose its layout: a negative splits into
//! `| ($0.04 | ) |`, a `$` gets a cell of its own (`| $ | 94,074 |`), spanning headers lose
//! their colspan, and footnote digits are glued to labels ("Net debt1", "EBITDA1,2"). Cells
//! are merged back first; value columns are the cell positions that hold values; a header
//! cell covers the value columns up to the next header cell (or an even share of them when
//! the header row has fewer cells, as a lost colspan leaves it).

use super::fixed::Line;
use super::number::{is_currency_sign, is_year, parse_value};
use super::table::{RawLine, RawTable};

/// (first index, last index, table) for each pipe table in `lines`.
pub(crate) fn read(lines: &[Line]) -> Vec<(usize, usize, RawTable)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        if !is_pipe(lines[i].text) {
            i += 1;
            continue;
        }
        let start = i;
        while i < lines.len() && is_pipe(lines[i].text) {
            i += 1;
        }
        if let Some(raw) = table(lines, start, i) {
            out.push((start, i - 1, raw));
        }
    }
    out
}

fn is_pipe(t: &str) -> bool {
    t.trim_start().starts_with('|')
}

fn is_separator(cells: &[String]) -> bool {
    cells
        .iter()
        .all(|c| !c.is_empty() && c.chars().all(|ch| matches!(ch, '-' | ':' | ' ')))
}

/// Cells of one row, markdown emphasis removed, split cells merged back, with their index.
fn cells(text: &str) -> Vec<(usize, String)> {
    let t = text.trim();
    let t = t.strip_prefix('|').unwrap_or(t);
    let t = t.strip_suffix('|').unwrap_or(t);
    let raw: Vec<String> = t
        .split('|')
        .map(|c| {
            c.replace("**", " ")
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect();
    let mut out: Vec<(usize, String)> = Vec::new();
    let mut pending_sign: Option<String> = None;
    for (i, c) in raw.into_iter().enumerate() {
        if c.is_empty() {
            continue;
        }
        // `| ( 1,447 | ) |`: the closing parenthesis joins the open value before it.
        if c.starts_with(')') || c.starts_with('%') {
            if let Some(last) = out.last_mut() {
                if last.1.contains('(') && !last.1.contains(')') || c.starts_with('%') {
                    last.1.push_str(&c);
                    continue;
                }
            }
        }
        if i > 0 && is_currency_sign(&c) {
            pending_sign = Some(c);
            continue;
        }
        let c = match pending_sign.take() {
            Some(sign) => format!("{sign}{c}"),
            None => c,
        };
        out.push((i, c));
    }
    out
}

fn table(lines: &[Line], start: usize, end: usize) -> Option<RawTable> {
    let rows: Vec<(usize, Vec<(usize, String)>)> = (start..end)
        .map(|i| (i, cells(lines[i].text)))
        .filter(|(_, c)| {
            !is_separator(&c.iter().map(|x| x.1.clone()).collect::<Vec<_>>()) || c.is_empty()
        })
        .collect();
    let is_value = |(i, c): &(usize, String)| *i > 0 && parse_value(c).is_some();
    // A row of years with no label ("|  | 2024 |  | 2023 |") is header, not data.
    let year_row =
        |c: &[(usize, String)]| c.iter().all(|x| x.0 > 0 && is_year(&x.1)) && !c.is_empty();
    let first_data = rows
        .iter()
        .position(|(_, c)| c.iter().any(is_value) && !year_row(c))?;
    // Value columns: positions holding values, in order.
    let mut cols: Vec<usize> = rows[first_data..]
        .iter()
        .flat_map(|(_, c)| c.iter().filter(|x| is_value(x)).map(|x| x.0))
        .collect();
    crate::sort::dedup(&mut cols);
    if cols.is_empty() {
        return None;
    }
    let nearest = |i: usize| {
        (0..cols.len())
            .min_by_key(|&j| cols[j].abs_diff(i))
            .unwrap_or(0)
    };
    let mut raw = RawTable {
        line: lines[start].no,
        width: cols.len(),
        ..RawTable::default()
    };
    if start > 0 {
        // A short heading line just above the table names it ("**REALIZED METAL PRICES**").
        let above = (start.saturating_sub(2)..start)
            .rev()
            .find(|&i| !lines[i].text.trim().is_empty());
        if let Some(i) = above {
            let t = lines[i].text.replace("**", " ");
            let t = t.trim();
            if t.len() < 100 && !t.ends_with('.') && !t.ends_with(':') && !is_pipe(t) {
                // "**REALIZED METAL PRICES****1**": a footnote number set apart by emphasis.
                let t = match t.rsplit_once(' ') {
                    Some((head, n)) if n.len() <= 2 && n.bytes().all(|b| b.is_ascii_digit()) => {
                        head.trim_end()
                    }
                    _ => t,
                };
                raw.title_lines.push(strip_glued_footnotes(t));
            }
        }
    }
    let mut headers: Vec<Vec<String>> = vec![Vec::new(); cols.len()];
    for (_, c) in &rows[..first_data] {
        let label = c.iter().find(|x| x.0 == 0).map(|x| x.1.clone());
        let rest: Vec<&(usize, String)> = c.iter().filter(|x| x.0 > 0).collect();
        if rest.is_empty() {
            if let Some(l) = label {
                raw.title_lines.push(l);
            }
            continue;
        }
        raw.stub.extend(label);
        let even = rest.len() < cols.len() && cols.len().is_multiple_of(rest.len());
        for (k, (i, text)) in rest.iter().enumerate() {
            let targets: Vec<usize> = if even {
                let n = cols.len() / rest.len();
                (k * n..(k + 1) * n).collect()
            } else {
                let next = rest.get(k + 1).map_or(usize::MAX, |x| x.0);
                let spanned: Vec<usize> = (0..cols.len())
                    .filter(|&j| cols[j] >= *i && cols[j] < next)
                    .collect();
                if spanned.is_empty() {
                    vec![nearest(*i)]
                } else {
                    spanned
                }
            };
            for j in targets {
                headers[j].push(text.clone());
            }
        }
    }
    if headers.iter().any(|h| !h.is_empty()) {
        raw.headers = headers;
    }
    for (i, c) in &rows[first_data..] {
        let label = c
            .iter()
            .find(|x| x.0 == 0)
            .map_or(String::new(), |x| strip_glued_footnotes(&x.1));
        let mut slots: Vec<Option<String>> = vec![None; cols.len()];
        for (j, text) in c.iter().filter(|x| x.0 > 0) {
            if parse_value(text).is_some() {
                slots[nearest(*j)] = Some(text.clone());
            }
        }
        if label.is_empty() && slots.iter().all(Option::is_none) {
            raw.body.push(RawLine::Blank);
            continue;
        }
        let cells = if slots.iter().any(Option::is_some) {
            slots
        } else {
            Vec::new()
        };
        raw.body.push(RawLine::Row {
            line: lines[*i].no,
            indent: 0,
            label,
            cells,
        });
    }
    Some(raw)
}

/// "Net debt1" → "Net debt", "EBITDA1,2" → "EBITDA", "(per lb)3,4" → "(per lb)"; "(C1)", "Q4"
/// and "FY2025" are kept (a footnote digit follows a word of two or more letters).
pub(crate) fn strip_glued_footnotes(s: &str) -> String {
    s.split_whitespace()
        .map(|w| {
            let body = w.trim_end_matches(|c: char| c.is_ascii_digit() || c == ',');
            let tail = &w[body.len()..];
            let digits_ok = !tail.is_empty() && tail.split(',').all(|d| (1..=2).contains(&d.len()));
            let letters = body.chars().rev().take_while(|c| c.is_alphabetic()).count();
            if digits_ok && (letters >= 2 || body.ends_with(')')) && !tail.starts_with(',') {
                body.to_string()
            } else {
                w.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}
