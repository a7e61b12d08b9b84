//! Markdown pipe tables (releases scraped from web pages) → raw tables for the shared builder.
//!
//! Web copies keep the HTML table's cells but lose its layout: a negative splits into
//! `| ($0.04 | ) |`, a `$` gets a cell of its own (`| $ | 94,074 |`), spanning headers lose
//! their colspan, and footnote digits are glued to labels ("Net debt1", "EBITDA1,2"). Cells
//! are merged back first; value columns are the cell positions that hold values; a header
//! cell covers the value columns up to the next header cell (or an even share of them when
//! the header row has fewer cells, as a lost colspan leaves it).

use std::borrow::Cow;

use super::fixed::Line;
use super::number::{is_currency_sign, is_year, parse_value};
use super::table::{RawLine, RawTable};
use crate::document::Text;

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
    merge_cells(t.split('|').map(|c| {
        let c = c.replace("**", " ");
        let c = c.trim();
        // "*21.0%*", "_As % of sales_": italics around a whole cell.
        let c = match (c.strip_prefix('*'), c.strip_prefix('_')) {
            (Some(inner), _) if inner.ends_with('*') => &inner[..inner.len() - 1],
            (_, Some(inner)) if inner.ends_with('_') => &inner[..inner.len() - 1],
            _ => c,
        };
        // "12 040" with a no-break space: thousands grouped as Swedish and French releases
        // print them, read as "12,040".
        if c.contains(['\u{a0}', '\u{202f}']) {
            if let Some(grouped) = space_grouped(c) {
                return grouped;
            }
        }
        c.split_whitespace().collect::<Vec<_>>().join(" ")
    }))
}

/// "-15 527", "1 234 567": a number whose groups of three digits are set apart by spaces,
/// written with commas; `None` for anything else.
fn space_grouped(c: &str) -> Option<String> {
    let mut groups = c.split(|ch: char| ch.is_whitespace());
    let first = groups.next()?;
    let digits = first.trim_start_matches(['-', '−', '(', '+']);
    if digits.is_empty() || digits.len() > 3 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let mut out = first.to_string();
    let mut n = 0;
    for g in groups {
        let core = g.trim_end_matches(')');
        let (int, _) = core.split_once('.').unwrap_or((core, ""));
        if int.len() != 3 || !int.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        out.push(',');
        out.push_str(g);
        n += 1;
    }
    (n > 0).then_some(out)
}

/// Merges what a web page's table split across cells: `| ( 1,447 | ) |` (the closing
/// parenthesis joins the open value before it), `| 46 | % |`, and `| $ | 94,074 |` (the sign
/// joins the value after it). Takes each grid position's text in order; empty cells are
/// dropped, the others keep their position.
pub(crate) fn merge_cells(raw: impl Iterator<Item = String>) -> Vec<(usize, String)> {
    let mut out: Vec<(usize, String)> = Vec::new();
    let mut pending_sign: Option<(usize, String)> = None;
    for (i, c) in raw.enumerate() {
        if c.is_empty() {
            continue;
        }
        // A sign that a value follows joins it; the "$" and "%" of a header row of units
        // ("| $ | $ | % |", naming what each column counts) stay cells of their own.
        let figure = |t: &str| t.bytes().any(|b| b.is_ascii_digit());
        if pending_sign.is_none() && (c.starts_with(')') || c.starts_with('%')) {
            if let Some(last) = out.last_mut() {
                if last.1.contains('(') && !last.1.contains(')')
                    || (c.starts_with('%') && figure(&last.1))
                {
                    last.1.push_str(&c);
                    continue;
                }
            }
        }
        // `| 210 | bps |`: the unit a figure prints after it ("bps", "pts") joins it.
        if pending_sign.is_none() && !figure(&c) {
            if let Some(last) = out.last_mut() {
                if figure(&last.1)
                    && !last.1.ends_with(|x: char| x.is_ascii_alphabetic())
                    && super::number::is_unit_word(c.trim())
                {
                    last.1.push(' ');
                    last.1.push_str(&c);
                    continue;
                }
            }
        }
        if i > 0 && is_currency_sign(&c) {
            out.extend(pending_sign.replace((i, c)));
            continue;
        }
        let (at, c) = match pending_sign.take() {
            // ("$ | EPS(1)" is a header row of units: a footnote's digit makes no figure.)
            Some((_, sign))
                if figure(&c)
                    && c.starts_with(|x: char| x.is_ascii_digit() || "(-−+.".contains(x)) =>
            {
                (i, format!("{sign}{c}"))
            }
            Some(p) => {
                out.push(p);
                (i, c)
            }
            None => (i, c),
        };
        out.push((at, c));
    }
    out.extend(pending_sign);
    out
}

fn table(lines: &[Line], start: usize, end: usize) -> Option<RawTable> {
    let mut header_rows = 0;
    let mut rows: Vec<(usize, Vec<(usize, String)>)> = Vec::with_capacity(end - start);
    for line in &lines[start..end] {
        let c = cells(line.text);
        if !c.is_empty() && is_separator(&c.iter().map(|x| x.1.clone()).collect::<Vec<_>>()) {
            // Markdown's rule: the rows above the `| --- |` line are the header, whatever
            // they hold ("| (€ millions) | 2023 | 2024 |" is a header, not a row of values).
            if header_rows == 0 {
                header_rows = rows.len();
            }
            continue;
        }
        rows.push((line.no, c));
    }
    grid(
        lines[start].no,
        title_above(lines, start),
        rows,
        false,
        header_rows,
    )
}

/// The heading printed just above a table ("**REALIZED METAL PRICES**"), and over it the
/// statement page's other heading lines, each set apart by at most one blank line: the
/// company, the statement's name, "(in thousands, except per share amounts)",
/// "(unaudited)". Above the nearest line, only emphasised, capitals or parenthesised lines
/// count: a phone number or a sentence ends the zone.
fn title_above(lines: &[Line], start: usize) -> Vec<String> {
    let mut title = Vec::new();
    let mut i = start;
    let mut blanks = 0;
    while i > 0 && title.len() < 6 {
        i -= 1;
        let raw = lines[i].text.trim();
        if raw.is_empty() {
            blanks += 1;
            if blanks > 1 {
                break;
            }
            continue;
        }
        blanks = 0;
        let t = raw.replace("**", " ");
        let t = t.trim();
        // "**Summary Information:** (dollars in thousands, except per share data):" ends
        // with a colon but states the table's scale.
        let states = t.contains('(') && super::units::states_scale(t);
        // A web page's caption in bold runs the company, the statement's name and its scale
        // into one line: "**WATTS … INC.****CONSOLIDATED STATEMENTS OF OPERATIONS****(Amounts
        // in millions …)**".
        let bold = raw.starts_with("**") && raw.ends_with("**");
        let long = t.len() >= if bold && states { 300 } else { 100 };
        if long || t.ends_with('.') || (t.ends_with(':') && !states) || is_pipe(t) {
            break;
        }
        let heading = bold
            || (t.chars().any(crate::case::is_alphabetic)
                && !t.chars().any(crate::case::is_lowercase))
            || (t.starts_with('(') && t.ends_with(')') && super::units::is_scale_note(t));
        if !title.is_empty() && !heading {
            break;
        }
        // "**REALIZED METAL PRICES****1**": a footnote number set apart by emphasis.
        let t = match t.rsplit_once(' ') {
            Some((head, n)) if n.len() <= 2 && n.bytes().all(|b| b.is_ascii_digit()) => {
                head.trim_end()
            }
            _ => t,
        };
        title.push(strip_glued_footnotes(t));
    }
    title.reverse();
    title
}

/// A grid of cells (each row: its source line and its non-empty cells with their column
/// positions) → a raw table: the rows before the first one holding a value are header rows,
/// value columns are the positions that hold values, and a header cell covers the value
/// columns from its position up to the next header cell's (`spans_known`: positions count
/// spanned columns, as HTML's colspan does; otherwise a header row with fewer cells than
/// columns, as a lost colspan leaves it, shares them out evenly). Shared by pipe tables, HTML
/// tables and tab-separated text copied from a browser.
pub(crate) fn grid(
    line: usize,
    title: Vec<String>,
    rows: Vec<(usize, Vec<(usize, String)>)>,
    spans_known: bool,
    header_rows: usize,
) -> Option<RawTable> {
    let is_value = |(i, c): &(usize, String)| *i > 0 && parse_value(c).is_some();
    // A row of years with no label ("|  | 2024 |  | 2023 |") is header, not data.
    let year_row =
        |c: &[(usize, String)]| c.iter().all(|x| x.0 > 0 && is_year(&x.1)) && !c.is_empty();
    // The rows a layout marks as header (Markdown's, above its separator) never hold data;
    // a header row that is all empty leaves the header to the rows below, as web copies do.
    let marked = if rows[..header_rows.min(rows.len())]
        .iter()
        .all(|(_, c)| c.is_empty())
    {
        0
    } else {
        header_rows.min(rows.len())
    };
    let first_data = marked
        + rows[marked..]
            .iter()
            .position(|(_, c)| c.iter().any(is_value) && !year_row(c))?;
    // Each data row's value positions; the value columns are all of them, in order.
    let rows_values: Vec<Vec<usize>> = rows[first_data..]
        .iter()
        .map(|(_, c)| c.iter().filter(|x| is_value(x)).map(|x| x.0).collect())
        .collect();
    let mut cols: Vec<usize> = rows_values.concat();
    crate::sort::dedup(&mut cols);
    if cols.is_empty() {
        return None;
    }
    // Adjacent positions never filled in the same row are one column printed two ways: HTML
    // puts "$" and the amount in two cells on some rows and one cell spanning both on others.
    let mut groups: Vec<(usize, usize)> = Vec::with_capacity(cols.len());
    for &p in &cols {
        match groups.last_mut() {
            Some(g)
                if p == g.1 + 1
                    && !rows_values
                        .iter()
                        .any(|r| r.contains(&p) && r.iter().any(|&q| q >= g.0 && q <= g.1)) =>
            {
                g.1 = p;
            }
            _ => groups.push((p, p)),
        }
    }
    let mut cols: Vec<usize> = groups.iter().map(|g| g.0).collect();
    let ordinal = ordinal_width(&rows[first_data..], &rows_values, cols.len(), spans_known);
    if let Some(w) = ordinal {
        cols = (0..w).collect();
    }
    // The last header row that names every column, cell for cell: where its cells stand
    // places a header piece repeated over some of them ("% of Net" over each "Revenues").
    let full_header: Option<Vec<usize>> = (!spans_known)
        .then(|| {
            rows[..first_data].iter().rev().find_map(|(_, c)| {
                let at: Vec<usize> = c.iter().filter(|x| x.0 > 0).map(|x| x.0).collect();
                (at.len() == cols.len()).then_some(at)
            })
        })
        .flatten();
    let nearest = |i: usize| {
        groups
            .iter()
            .position(|g| i >= g.0 && i <= g.1)
            .or_else(|| (0..cols.len()).min_by_key(|&j| cols[j].abs_diff(i)))
            .unwrap_or(0)
    };
    let mut raw = RawTable {
        line,
        width: cols.len(),
        ..RawTable::default()
    };
    raw.title_lines.extend(title);
    // A column of units between the labels and the figures ("Unit": "tonnes", "g/t", "Moz",
    // "$/oz"): each row's unit is part of its label, as a fixed-width layout prints it beside
    // the label, and the column's header heads no figures. (Not a lone "$" before a figure,
    // nor a column of names, "Biogen", that reads as no unit.)
    let first_value = groups[0].0;
    let unit_cell = |x: &(usize, String)| {
        ordinal.is_none()
            && x.0 > 0
            && x.0 < first_value
            && parse_value(&x.1).is_none()
            && super::units::is_unit_text(&x.1)
    };
    let unit_at: Vec<usize> = rows[first_data..]
        .iter()
        .flat_map(|(_, c)| c.iter().filter(|x| unit_cell(x)).map(|x| x.0))
        .collect();
    let mut headers: Vec<Vec<String>> = vec![Vec::new(); cols.len()];
    for (line_no, c) in &rows[..first_data] {
        let label = c.iter().find(|x| x.0 == 0).map(|x| x.1.clone());
        let rest: Vec<&(usize, String)> = c
            .iter()
            .filter(|x| x.0 > 0 && !unit_at.contains(&x.0))
            .collect();
        if rest.is_empty() {
            // Above the header a lone label is a title; below it, a heading of the body.
            match (label, headers.iter().any(|h| !h.is_empty())) {
                (Some(l), false) => raw.title_lines.push(l),
                (Some(l), true) => raw.body.push(RawLine::Row {
                    line: *line_no,
                    indent: 0,
                    label: strip_glued_footnotes(&l),
                    cells: Vec::new(),
                }),
                (None, _) => {}
            }
            continue;
        }
        raw.stub.extend(label);
        // One piece repeated over some columns ("% of Net" ×4 over eight) heads the columns
        // whose full header cells stand where it stands.
        let repeated = rest.len() > 1 && rest.iter().all(|x| x.1 == rest[0].1);
        let placed: Option<Vec<usize>> = full_header
            .as_ref()
            .filter(|_| repeated && ordinal.is_some())
            .and_then(|at| {
                rest.iter()
                    .map(|x| at.iter().position(|&p| p == x.0))
                    .collect()
            });
        // "% of" over "GWP", "%" over "Change": a percentage's header piece heads the one
        // column whose full header cell stands nearest, not a share of the row.
        let placed = placed.or_else(|| {
            let at = full_header.as_ref()?;
            (rest.len() < cols.len() && rest.iter().all(|x| x.1.starts_with('%'))).then(|| {
                rest.iter()
                    .map(|x| {
                        (0..at.len())
                            .min_by_key(|&j| at[j].abs_diff(x.0))
                            .unwrap_or(0)
                    })
                    .collect()
            })
        });
        if let Some(placed) = placed {
            for (j, (_, text)) in placed.into_iter().zip(&rest) {
                headers[j].push(text.clone());
            }
            continue;
        }
        let even = !spans_known && rest.len() < cols.len() && cols.len().is_multiple_of(rest.len());
        // A header row naming as many columns as hold values names them in order, wherever
        // a lost colspan left its cells.
        let one_each = !spans_known && rest.len() == cols.len();
        for (k, (i, text)) in rest.iter().enumerate() {
            let targets: Vec<usize> = if one_each {
                vec![k]
            } else if even {
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
        let mut label = c
            .iter()
            .find(|x| x.0 == 0)
            .map_or(String::new(), |x| strip_glued_footnotes(&x.1));
        for (_, unit) in c.iter().filter(|x| unit_cell(x)) {
            label = format!("{label} ({unit})");
        }
        let mut slots: Vec<Option<Text>> = vec![None; cols.len()];
        let values: Vec<&String> = c
            .iter()
            .filter(|x| x.0 > 0 && parse_value(&x.1).is_some())
            .map(|x| &x.1)
            .collect();
        if ordinal.is_some() {
            // Cell for cell: a full row fills the columns in order; a row of half as many
            // ("$ (0.15)" under "Amount | % of Net Revenues") fills the first of each pair.
            // (A whole fraction of them spreads the same way.)
            let step = cols.len() / values.len().max(1);
            for (k, text) in values.iter().enumerate() {
                if let Some(slot) = slots.get_mut(k * step) {
                    *slot = Some(text.as_str().into());
                }
            }
        } else {
            for (j, text) in c.iter().filter(|x| x.0 > 0) {
                if parse_value(text).is_some() {
                    slots[nearest(*j)] = Some(text.as_str().into());
                }
            }
        }
        if label.is_empty() && slots.iter().all(Option::is_none) {
            // "|  | ($ in thousands, except per share data) | | |": a scale statement set in
            // a value column under the header is kept for the builder to read.
            let statement = c.iter().find(|x| {
                x.1.starts_with('(')
                    && super::units::is_scale_note(&x.1)
                    && super::units::states_scale(&x.1)
            });
            raw.body.push(match statement {
                Some((_, text)) => RawLine::Row {
                    line: *i,
                    indent: 0,
                    label: text.clone(),
                    cells: Vec::new(),
                },
                None => RawLine::Blank,
            });
            continue;
        }
        let cells = if slots.iter().any(Option::is_some) {
            slots
        } else {
            Vec::new()
        };
        raw.body.push(RawLine::Row {
            line: *i,
            indent: 0,
            label,
            cells,
        });
    }
    Some(raw)
}

/// A web copy whose rows place their values at positions that disagree (a lost colspan
/// shifts each group of columns differently from row to row), but that prints the same
/// number of values on its full rows, pairing an amount with a percentage ("7,935 | 100.0%"),
/// and on the others a whole fraction of it ("(0.15)" alone for each pair): the rows are read
/// cell for cell, and the table has that many columns. `None` when positions agree.
fn ordinal_width(
    data: &[(usize, Vec<(usize, String)>)],
    rows_values: &[Vec<usize>],
    positions: usize,
    spans_known: bool,
) -> Option<usize> {
    if spans_known {
        return None;
    }
    let counts: Vec<usize> = rows_values
        .iter()
        .map(Vec::len)
        .filter(|&n| n > 0)
        .collect();
    let w = *counts.iter().max()?;
    let full = counts.iter().filter(|&&n| n == w).count();
    if w < 4 || w % 2 != 0 || positions <= w || full < 2 {
        return None;
    }
    if counts.iter().any(|&n| w % n != 0) {
        return None;
    }
    // The full rows alternate an amount and a percentage.
    let alternate = data.iter().all(|(_, c)| {
        let v: Vec<crate::document::Value> = c
            .iter()
            .filter(|x| x.0 > 0)
            .filter_map(|x| parse_value(&x.1))
            .collect();
        v.len() != w
            || v.iter().enumerate().all(|(k, v)| {
                let percent = matches!(v, crate::document::Value::Percent(_));
                let blank = matches!(
                    v,
                    crate::document::Value::Nil | crate::document::Value::NotAvailable
                );
                blank || percent == (k % 2 == 1)
            })
    });
    alternate.then_some(w)
}

/// Tab-separated tables, as a browser copies an HTML table (`innerText`): runs of lines
/// holding tabs, each tab a cell boundary. A copy loses `colspan` (a "$" cell on one row
/// stands where the amount's cell starts on the next), so a row's cells are taken in order,
/// empty ones dropped; a line break inside a cell splits it, so a line without tabs right
/// before a row that starts with a tab is that row's label. Blank and tab-less lines may sit
/// inside a table when a row with tabs follows within two lines. (first index, last index,
/// table) as [`read`].
pub(crate) fn read_tabs(lines: &[Line]) -> Vec<(usize, usize, RawTable)> {
    let tabbed = |k: usize| lines.get(k).is_some_and(|l| l.text.contains('\t'));
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        if !tabbed(i) {
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i;
        while end + 1 < lines.len() && (1..=3).any(|d| tabbed(end + d)) {
            end += 1;
        }
        let mut rows: Vec<(usize, Vec<(usize, String)>)> = Vec::new();
        let mut label: Option<(usize, String)> = None;
        for (mut no, joined) in join_wrapped_header_cells(&lines[start..=end]) {
            let text: &str = &joined;
            if !text.contains('\t') {
                let t = clean_cell(text);
                label = (!t.is_empty() && text.starts_with(|c: char| !c.is_whitespace()))
                    .then_some((no, t));
                continue;
            }
            let mut cells: Vec<String> = text.split('\t').map(clean_cell).collect();
            if let (Some((l, t)), true) = (label.take(), cells[0].is_empty()) {
                cells[0] = t;
                no = l;
            }
            let merged = merge_cells(cells.into_iter());
            // Spacer rows (tabs only) carry no meaning, as in the HTML they were copied from.
            if merged.is_empty() {
                continue;
            }
            // Renumber: the label keeps 0, the other cells count from 1 in order.
            let has_label = merged.first().is_some_and(|c| c.0 == 0);
            let dense = merged
                .into_iter()
                .enumerate()
                .map(|(n, (pos, c))| {
                    let at = if pos == 0 {
                        0
                    } else {
                        n + usize::from(!has_label)
                    };
                    (at, c)
                })
                .collect();
            rows.push((no, dense));
        }
        // The short lines just above name the table (company, title, scale statement), as
        // the headings above an HTML table do.
        let mut title: Vec<String> = (start.saturating_sub(6)..start)
            .rev()
            .map(|k| lines[k].text.trim())
            .filter(|t| !t.is_empty())
            .take_while(|t| is_title(t) && !t.contains('\t'))
            .take(4)
            .map(strip_glued_footnotes)
            .collect();
        title.reverse();
        if let Some(raw) = grid(lines[start].no, title, rows, false, 0) {
            out.push((start, end, raw));
        }
        i = end + 1;
    }
    out
}

/// A browser copy breaks a header cell that wraps ("November 2," then "2024") across two
/// lines: the first line ends inside the cell (text, no tab, after its last tab) and the next
/// starts inside it (text before its first tab). Above the first row of amounts, where such
/// headers sit, those lines are joined back into one row, the cell's parts by a space. The
/// last line of such a row may hold no tab at all ("2023"): it is joined when the line before
/// was itself a continuation, since a tab-less line otherwise names the row below it. Below
/// the first amounts a line that ends in text is a row of its own.
fn join_wrapped_header_cells<'a>(block: &[Line<'a>]) -> Vec<(usize, Cow<'a, str>)> {
    let text_at = |c: Option<&str>| c.is_some_and(|c| !clean_cell(c).is_empty());
    let has_amounts = |t: &str| {
        t.split('\t').skip(1).any(|c| {
            let c = clean_cell(c);
            !is_year(&c) && parse_value(&c).is_some()
        })
    };
    let mut out: Vec<(usize, Cow<'a, str>)> = Vec::with_capacity(block.len());
    let mut amounts_seen = false;
    let mut prev_continued = false;
    for l in block {
        amounts_seen |= has_amounts(l.text);
        let starts_in_cell =
            text_at(l.text.split('\t').next()) && (l.text.contains('\t') || prev_continued);
        let continues = !amounts_seen
            && starts_in_cell
            && out
                .last()
                .is_some_and(|(_, p)| p.contains('\t') && text_at(p.rsplit('\t').next()));
        match out.last_mut() {
            Some((_, prev)) if continues => {
                let joined = prev.to_mut();
                joined.push(' ');
                joined.push_str(l.text);
            }
            _ => out.push((l.no, Cow::Borrowed(l.text))),
        }
        prev_continued = continues;
    }
    out
}

/// Whitespace collapsed (non-breaking spaces included).
pub(crate) fn clean_cell(c: &str) -> String {
    c.split(|ch: char| ch.is_whitespace() || ch == '\u{a0}')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// A short line that can head a table: not a sentence, not a lead-in ending in a colon.
pub(crate) fn is_title(t: &str) -> bool {
    t.len() < 100 && !t.ends_with('.') && !t.ends_with(':')
}

/// "Net debt1" → "Net debt", "EBITDA1,2" → "EBITDA", "(per lb)3,4" → "(per lb)"; "(C1)", "Q4"
/// and "FY2025" are kept (a footnote digit follows a word of two or more letters).
pub(crate) fn strip_glued_footnotes(s: &str) -> String {
    s.split_whitespace()
        .map(|w| {
            let body = w.trim_end_matches(|c: char| c.is_ascii_digit() || c == ',');
            let tail = &w[body.len()..];
            let digits_ok = !tail.is_empty() && tail.split(',').all(|d| (1..=2).contains(&d.len()));
            let letters = body
                .chars()
                .rev()
                .take_while(|&c| crate::case::is_alphabetic(c))
                .count();
            if digits_ok && (letters >= 2 || body.ends_with(')')) && !tail.starts_with(',') {
                body.to_string()
            } else {
                w.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn joined(texts: &[&'static str]) -> Vec<String> {
        let lines: Vec<Line> = texts
            .iter()
            .enumerate()
            .map(|(no, text)| Line { no, text })
            .collect();
        join_wrapped_header_cells(&lines)
            .into_iter()
            .map(|(_, t)| t.into_owned())
            .collect()
    }

    #[test]
    fn wrapped_header_cells_are_joined_back() {
        let rows = joined(&[
            "\tNovember 2,",
            "2024\t\tOctober 28,",
            "2023",
            "Sales\t293,618\t303,457",
        ]);
        assert_eq!(
            rows,
            [
                "\tNovember 2, 2024\t\tOctober 28, 2023",
                "Sales\t293,618\t303,457"
            ]
        );
    }

    #[test]
    fn a_label_line_under_a_header_stays_a_label() {
        // A tab-less line after a header ending in text names the row below it.
        let rows = joined(&["\tQ3 2024\tQ3 2023", "Revenue", "\t100\t200"]);
        assert_eq!(rows.len(), 3);
        // Below the first amounts, a row ending in text is not a wrapped header.
        let rows = joined(&["\t2024\t2023", "Sales\t100\tnote", "Costs\t90\t80"]);
        assert_eq!(rows.len(), 3);
    }
}
