//! Fixed-width text tables: lines of text → [`RawTable`]s for the shared builder.
//!
//! HOW IT WORKS (read this before changing anything)
//!
//! 1. Every line is classified on its own: blank, rule (`----`, `====`, EDGAR's `- ----`),
//!    data (a label followed by value cells), or text. Value cells are found from the right
//!    end of the line: words that read as values, a lone `$` joining the number after it, a
//!    range joining `7,600 - 8,500`. The leftmost cell must stand two spaces clear of the label
//!    (or start with `$`), otherwise it is part of the label: that keeps prose such as
//!    "2,882 and 3,366" and markers such as "Mina Isidora (5)" out of the columns.
//! 2. Data lines are grouped into tables. A table ends at a prose line (a long run of words
//!    with single spaces), at two blank lines, or where a row of years starts a new header.
//! 3. Columns come from the layout, never from splitting on spaces: the rows with the most
//!    cells give each column's extent (union of their cell spans); every other cell goes to
//!    the column it overlaps, or the nearest one. A cell left of the first column is label
//!    text ("(2)" on a continuation line).
//! 4. Above the first row, header lines are those whose text sits over the columns; their
//!    pieces are cut at the gaps between columns, so "Sept. 30, Sept. 30," becomes two
//!    headers while "Third Quarter Ended" spans two columns. Lines above the header are the
//!    title and scale statement.
//!
//! TRAPS: labels and values can be glued ("expenses$   28,043"); a footnote marker "(2)" is
//! also a valid negative number; centred titles may start exactly where the first column
//! does; a year row ("HIGHLIGHTS  2007  2006") looks like data. Columns are counted in chars,
//! not bytes, because releases contain "—" and "á".

use super::number::{is_cents_word, is_currency_sign, is_year, parse_value};
use super::table::{RawLine, RawTable};
use crate::document::Text;

/// One source line: its 1-based number in the original input and its text.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Line<'a> {
    pub no: usize,
    pub text: &'a str,
}

/// A maximal run of non-space characters, with char columns and its byte offset in the line.
#[derive(Clone, Copy, Debug)]
struct Word<'a> {
    start: usize,
    end: usize,
    byte: usize,
    text: &'a str,
}

/// A value cell found on a line: char columns and printed text (a slice of the line).
#[derive(Clone, Copy, Debug)]
struct Span<'a> {
    start: usize,
    end: usize,
    /// Byte offset of `text` in the line.
    byte: usize,
    text: &'a str,
}

enum Class<'a> {
    Blank,
    Rule {
        double: bool,
        start: usize,
    },
    Data {
        indent: usize,
        cells: Vec<Span<'a>>,
        words: Vec<Word<'a>>,
    },
    Text {
        indent: usize,
        words: Vec<Word<'a>>,
    },
}

/// A table found in the lines, with the index range of lines it covers.
pub(crate) struct Found {
    pub raw: RawTable,
    pub first: usize,
    pub last: usize,
}

/// Finds every fixed-width table in `lines`.
pub(crate) fn read(lines: &[Line]) -> Vec<Found> {
    let classes: Vec<Class> = lines.iter().map(|l| classify(l.text)).collect();
    let prose = prose_lines(lines, &classes);
    let mut found = Vec::new();
    let mut floor = 0; // first line index a new table may use
    for (start, end) in clusters(&classes, &prose) {
        if let Some(f) = build(lines, &classes, &prose, floor, start, end) {
            floor = f.last + 1;
            found.push(f);
        }
    }
    found
}

fn words(text: &str) -> Vec<Word<'_>> {
    let mut out = Vec::with_capacity(16);
    let mut col = 0;
    let mut cur: Option<(usize, usize)> = None; // (start col, start byte)
                                                // Most lines are ASCII: walk bytes, and decode chars only past a non-ASCII byte.
    let bytes = text.as_bytes();
    let mut b = 0;
    while b < bytes.len() {
        let (space, len) = match bytes[b] {
            c if c < 0x80 => (c.is_ascii_whitespace(), 1),
            _ => {
                let c = text[b..].chars().next().unwrap_or(' ');
                (c.is_whitespace(), c.len_utf8())
            }
        };
        if space {
            if let Some((s, sb)) = cur.take() {
                out.push(Word {
                    start: s,
                    end: col,
                    byte: sb,
                    text: &text[sb..b],
                });
            }
        } else if cur.is_none() {
            cur = Some((col, b));
        }
        col += 1;
        b += len;
    }
    if let Some((s, sb)) = cur {
        out.push(Word {
            start: s,
            end: col,
            byte: sb,
            text: &text[sb..],
        });
    }
    out
}

fn classify(text: &str) -> Class<'_> {
    let t = text.trim();
    if t.is_empty() {
        return Class::Blank;
    }
    let dashes = t
        .chars()
        .filter(|&c| c == '-' || c == '=' || c == '_')
        .count();
    if dashes >= 3
        && t.chars()
            .all(|c| c == '-' || c == '=' || c == '_' || c == ' ')
    {
        let double = t.chars().filter(|&c| c == '=').count() * 2 > dashes;
        let start = text.chars().take_while(|c| c.is_whitespace()).count();
        return Class::Rule { double, start };
    }
    let ws = words(text);
    let indent = ws.first().map_or(0, |w| w.start);
    let cells = cells(text, &ws);
    if cells.is_empty() || marker_line(text, &cells) {
        Class::Text { indent, words: ws }
    } else {
        Class::Data {
            indent,
            cells,
            words: ws,
        }
    }
}

/// Value cells from the right end of a line (step 1 of the module header).
fn cells<'a>(text: &'a str, ws: &[Word<'a>]) -> Vec<Span<'a>> {
    // From the first byte of word `a` to the last byte of word `b`.
    let slice = |a: &Word, b: &Word| &text[a.byte..b.byte + b.text.len()];
    let mut out: Vec<Span> = Vec::new();
    let mut i = ws.len() - trailing_text(ws);
    while i > 0 {
        let w = ws[i - 1];
        let mut span = None;
        if i >= 3
            && matches!(ws[i - 2].text, "-" | "--" | "–" | "—" | "to")
            && ws[i - 1].start - ws[i - 2].end <= 2
            && ws[i - 2].start - ws[i - 3].end <= 2
        {
            let s = slice(&ws[i - 3], &w);
            if matches!(parse_value(s), Some(crate::document::Value::Range(..))) {
                span = Some((ws[i - 3].start, 3));
            }
        }
        // "8.7 %", "(100 %)": a percent sign set one space after its number.
        if span.is_none() && matches!(w.text, "%" | "%)") && i >= 2 && w.start - ws[i - 2].end <= 1
        {
            let s = slice(&ws[i - 2], &w);
            if matches!(parse_value(s), Some(crate::document::Value::Percent(_))) {
                span = Some((ws[i - 2].start, 2));
            }
        }
        // "2.17 Sen", "18 cts", "+15 bps", "-8.6 pts", "+76.7 MEUR": a figure with its unit
        // or scale word one space after it.
        let unit_word = || is_cents_word(w.text) || super::number::is_unit_word(w.text);
        if span.is_none() && i >= 2 && w.start - ws[i - 2].end <= 1 && unit_word() {
            let s = slice(&ws[i - 2], &w);
            if parse_value(s).is_some() {
                span = Some((ws[i - 2].start, 2));
            }
        }
        if span.is_none() && parse_value(w.text).is_some() {
            span = Some((w.start, 1));
            // "(-) 453": a sign printed in parentheses before the amount.
            if i >= 2 && matches!(ws[i - 2].text, "(-)" | "(+)") && w.start - ws[i - 2].end <= 2 {
                span = Some((ws[i - 2].start, 2));
            }
        }
        let Some((mut start, used)) = span else {
            // "expenses$" glued to the label: the `$` opens the cell already taken. A money's
            // name ("US$", "MUS$" in a column of units) is the label's.
            if let (Some(first), Some(pos)) = (out.last_mut(), w.text.rfind('$')) {
                let money =
                    (2..=5).contains(&pos) && w.text[..pos].bytes().all(|b| b.is_ascii_uppercase());
                if pos + 1 == w.text.len() && pos > 0 && !money {
                    first.start = w.end - 1;
                    first.text = &text[w.byte + pos..first.byte + first.text.len()];
                    first.byte = w.byte + pos;
                }
            }
            break;
        };
        i -= used;
        let mut first_word = ws[i];
        if i > 0 && is_currency_sign(ws[i - 1].text) {
            start = ws[i - 1].start;
            first_word = ws[i - 1];
            i -= 1;
        }
        out.push(Span {
            start,
            end: w.end,
            byte: first_word.byte,
            text: slice(&first_word, &w),
        });
    }
    out.reverse();
    // " (1)              $0.29": a footnote marker at the left margin, the last line of a
    // wrapped label, with the row's values far to its right, is the label's marker, not a
    // value (values of a row printed without a label stand under the columns, not at the
    // margin).
    if out.len() >= 2 && out[0].start <= 4 && out[1].start >= out[0].end + 6 {
        let t = out[0].text;
        let marker = t
            .strip_prefix('(')
            .and_then(|r| r.strip_suffix(')'))
            .is_some_and(|m| (1..=2).contains(&m.len()) && m.bytes().all(|b| b.is_ascii_digit()));
        if marker && ws.first().is_some_and(|w| w.start == out[0].start) {
            out.remove(0);
        }
    }
    // The leftmost cell must stand clear of its label (see module header).
    while let Some(first) = out.first() {
        let last_label_word = ws.iter().take_while(|w| w.end <= first.start).last();
        let label_end = last_label_word.map(|w| w.end);
        let glued_dollar = label_end == Some(first.start);
        // "Commercial paper(1)........ $ 1,795": dot leaders end the label, however close
        // the cell stands.
        let leaders = last_label_word.is_some_and(|w| w.text.ends_with(".."));
        match label_end {
            Some(e) if first.start - e < 2 && !glued_dollar && !leaders => {
                out.remove(0);
            }
            _ => break,
        }
    }
    out
}

/// How many words at the line's end are a last column of dates, times or codes standing
/// clear of a figure: "37,499   1.75   2/1/95" (a warrant's date of issuance), ".38   AMC",
/// "1.25   4:05 PM" (an earnings calendar's report time). The figures before them are the
/// row's cells; the column itself holds no figure.
fn trailing_text(ws: &[Word]) -> usize {
    let n = ws.len();
    let date = |t: &str| {
        t.split('/').count() == 3
            && t.split('/')
                .all(|p| (1..=4).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit()))
    };
    let time = |t: &str| {
        t.split_once(':').is_some_and(|(h, m)| {
            (1..=2).contains(&h.len())
                && m.len() == 2
                && h.bytes().chain(m.bytes()).all(|b| b.is_ascii_digit())
        })
    };
    let code = |t: &str| (2..=4).contains(&t.len()) && t.bytes().all(|b| b.is_ascii_uppercase());
    let used = match ws {
        [.., a, b] if time(a.text) && matches!(b.text, "AM" | "PM" | "a.m." | "p.m.") => 2,
        [.., a] if date(a.text) || time(a.text) || code(a.text) => 1,
        _ => return 0,
    };
    // A figure must stand before it, two spaces or more away.
    match n.checked_sub(used + 1).map(|k| ws[k]) {
        Some(before)
            if ws[n - used].start >= before.end + 2
                && parse_value(before.text).is_some()
                && !code(before.text) =>
        {
            used
        }
        _ => 0,
    }
}

/// A header line such as "(unaudited)   (1)": footnote markers beside a parenthetical note
/// (or nothing) are not negative ones.
fn marker_line(text: &str, cells: &[Span]) -> bool {
    let marker = |t: &str| {
        t.strip_prefix('(')
            .and_then(|t| t.strip_suffix(')'))
            .is_some_and(|d| (1..=2).contains(&d.len()) && d.bytes().all(|b| b.is_ascii_digit()))
    };
    let label = text[..cells[0].byte].trim();
    cells.iter().all(|c| marker(c.text))
        && (label.is_empty() || label.starts_with('(') && label.ends_with(')'))
}

fn is_year_row(c: &Class) -> bool {
    match c {
        Class::Data { cells, .. } => cells.iter().all(|s| is_year(s.text)),
        _ => false,
    }
}

/// A long line of single-spaced words (not a scale statement).
fn is_long_text(c: &Class, text: &str) -> bool {
    let Class::Text { words, .. } = c else {
        return false;
    };
    if words.len() < 8 || (text.trim_start().starts_with('(') && super::units::is_scale_note(text))
    {
        return false;
    }
    let span = words.last().map_or(0, |w| w.end) - words[0].start;
    let gaps_single = words
        .windows(2)
        .filter(|p| p[1].start - p[0].end == 1)
        .count();
    span >= 50 && gaps_single * 10 >= (words.len() - 1) * 9
}

/// Which lines are paragraph text, which no table contains: long single-spaced lines that
/// have a long neighbour, end a sentence or open a footnote (a lone long line is more likely
/// a centred title), and the short last line of such a paragraph.
fn prose_lines(lines: &[Line], classes: &[Class]) -> Vec<bool> {
    let long: Vec<bool> = classes
        .iter()
        .zip(lines)
        .map(|(c, l)| is_long_text(c, l.text))
        .collect();
    let mut prose = vec![false; lines.len()];
    for i in 0..lines.len() {
        let t = lines[i].text.trim();
        let marker = t.starts_with('(')
            && t[1..]
                .split(')')
                .next()
                .is_some_and(|m| m.len() <= 2 && m.bytes().all(|b| b.is_ascii_digit()))
            || t.starts_with('*');
        let neighbour = (i > 0 && long[i - 1]) || long.get(i + 1).copied().unwrap_or(false);
        prose[i] = long[i] && (neighbour || t.ends_with('.') || marker);
        // The short last line of a paragraph starts at the paragraph's margin: a line set far
        // in from it ("                 Consolidated Statements of Operations - GAAP" right
        // under "filings.") is a centred title, not the paragraph's tail.
        let indent = |c: &Class| match c {
            Class::Text { indent, .. } => Some(*indent),
            _ => None,
        };
        if !prose[i]
            && i > 0
            && prose[i - 1]
            && indent(&classes[i])
                .is_some_and(|n| indent(&classes[i - 1]).is_none_or(|p| n <= p + 4))
        {
            prose[i] = true;
        }
    }
    prose
}

/// Step 2: (first, last) line indices of runs of data lines that form one table.
fn clusters(classes: &[Class], prose: &[bool]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut open: Option<(usize, usize, bool)> = None; // first, last data, has body rows
    let mut blanks = 0;
    // Longest run of blank lines since the last data line, and whether a header-like line
    // followed it: two blank lines then a new header start a new table; two blank lines alone
    // can sit inside one (between sections).
    let mut gap = 0;
    let mut header_after_gap = false;
    // A title set off by a blank line since the last data line ("Financial results (in
    // thousands of US dollars)"): a header under it starts a new table too.
    let mut titled = false;
    for (i, c) in classes.iter().enumerate() {
        match c {
            Class::Blank => {
                blanks += 1;
                gap = gap.max(blanks);
                if blanks >= 3 {
                    if let Some((s, e, _)) = open.take() {
                        out.push((s, e));
                    }
                }
            }
            Class::Rule { .. } => blanks = 0,
            Class::Text { words, .. } => {
                let header = two_chunks(words) && header_words(&join(words));
                if (gap >= 2 || titled) && header {
                    header_after_gap = true;
                }
                titled |= blanks > 0 && !header && !prose[i];
                blanks = 0;
                if prose[i] {
                    if let Some((s, e, _)) = open.take() {
                        out.push((s, e));
                    }
                }
            }
            Class::Data { .. } => {
                blanks = 0;
                let year = is_year_row(c);
                let new_header = header_after_gap;
                gap = 0;
                header_after_gap = false;
                titled = false;
                match &mut open {
                    Some((_, e, body)) if (!year || !*body) && !new_header => {
                        *e = i;
                        *body |= !year;
                    }
                    _ => {
                        if let Some((s, e, _)) = open.take() {
                            out.push((s, e));
                        }
                        open = Some((i, i, !year));
                    }
                }
            }
        }
    }
    if let Some((s, e, _)) = open {
        out.push((s, e));
    }
    out
}

/// A column's horizontal extent, in chars.
#[derive(Clone, Copy, Debug)]
struct Band {
    start: usize,
    end: usize,
}

fn overlap(a: (usize, usize), b: Band) -> usize {
    a.1.min(b.end).saturating_sub(a.0.max(b.start))
}

fn distance(a: (usize, usize), b: Band) -> usize {
    if a.1 <= b.start {
        b.start - a.1
    } else {
        a.0.saturating_sub(b.end)
    }
}

/// Step 3: the column extents, from the rows with the most cells.
///
/// Band `j` spans the `j`-th cells of those rows, and a row's cells run left to right, so the
/// bands' starts and ends both increase: [`touching`] relies on it.
fn bands(rows: &[&Vec<Span>]) -> Vec<Band> {
    let n = rows.len();
    let threshold = n.div_ceil(5).max(1);
    let max = rows.iter().map(|r| r.len()).max().unwrap_or(0);
    // Rows per cell count, so the choice costs one pass over the rows however wide they are.
    let mut rows_with = vec![0usize; max + 1];
    for r in rows {
        rows_with[r.len()] += 1;
    }
    let k = (1..=max)
        .rev()
        .find(|&k| rows_with[k] >= threshold)
        .unwrap_or(max);
    let mut out: Vec<Band> = Vec::new();
    for r in rows.iter().filter(|r| r.len() == k) {
        for (j, s) in r.iter().enumerate() {
            match out.get_mut(j) {
                Some(b) => {
                    b.start = b.start.min(s.start);
                    b.end = b.end.max(s.end);
                }
                None => out.push(Band {
                    start: s.start,
                    end: s.end,
                }),
            }
        }
    }
    out
}

/// The bands a span overlaps, as an index range (empty where it falls in a gap, at the index
/// of the first band right of it). A binary search, so wide tables stay linear.
fn touching(span: (usize, usize), bands: &[Band]) -> std::ops::Range<usize> {
    let lo = bands.partition_point(|b| b.end <= span.0);
    let hi = lo + bands[lo..].partition_point(|b| b.start < span.1);
    lo..hi.max(lo)
}

/// Places a row's cells into columns, keeping their order; cells left of every column are
/// returned as label text instead.
fn place(cells: &[Span], bands: &[Band]) -> (Vec<Option<Text>>, Option<usize>) {
    let mut slots: Vec<Option<Text>> = vec![None; bands.len()];
    let mut label_until = None;
    let mut next = 0;
    for s in cells {
        let sp = (s.start, s.end);
        // The band it overlaps most, else the nearest (the right one on a tie). Only the
        // bands it touches and their two neighbours can win: farther bands are farther away.
        let near = touching(sp, bands);
        let best =
            (near.start.saturating_sub(1)..(near.end + 1).min(bands.len())).max_by_key(|&j| {
                (
                    overlap(sp, bands[j]),
                    std::cmp::Reverse(distance(sp, bands[j])),
                )
            });
        let Some(mut j) = best else { break };
        if overlap(sp, bands[j]) == 0 && j == 0 && s.end <= bands[0].start {
            label_until = Some(s.end);
            continue;
        }
        if j < next {
            j = next;
        }
        if j >= bands.len() {
            break;
        }
        slots[j] = Some(s.text.trim().into());
        next = j + 1;
    }
    (slots, label_until)
}

/// Words grouped into chunks separated by two or more spaces.
fn chunks<'a>(ws: &[Word<'a>]) -> Vec<Vec<Word<'a>>> {
    let mut out: Vec<Vec<Word>> = Vec::new();
    for w in ws {
        match out.last_mut() {
            Some(c) if w.start - c.last().map_or(0, |l| l.end) < 2 => c.push(*w),
            _ => out.push(vec![*w]),
        }
    }
    out
}

/// `chunks(ws).len() >= 2`, without building the chunks.
fn two_chunks(ws: &[Word]) -> bool {
    ws.windows(2).any(|p| p[1].start - p[0].end >= 2)
}

fn join(ws: &[Word]) -> String {
    ws.iter().map(|w| w.text).collect::<Vec<_>>().join(" ")
}

fn span_of(ws: &[Word]) -> (usize, usize) {
    (
        ws.first().map_or(0, |w| w.start),
        ws.last().map_or(0, |w| w.end),
    )
}

/// Words that mark a single header piece as a column header rather than a title.
fn header_words(text: &str) -> bool {
    let l = text.to_ascii_lowercase();
    l.split(|c: char| !crate::case::is_alphanumeric(c))
        .any(|w| {
            is_year(w)
                || matches!(
                    w,
                    "ended"
                        | "ending"
                        | "months"
                        | "month"
                        | "quarter"
                        | "year"
                        | "years"
                        | "weeks"
                        | "fiscal"
                        | "q1"
                        | "q2"
                        | "q3"
                        | "q4"
                        | "range"
                        | "actual"
                        | "budget"
                        | "guidance"
                        | "change"
                        | "total"
                        | "as"
                        | "at"
                        | "jan"
                        | "feb"
                        | "mar"
                        | "apr"
                        | "may"
                        | "jun"
                        | "jul"
                        | "aug"
                        | "sep"
                        | "sept"
                        | "oct"
                        | "nov"
                        | "dec"
                        | "january"
                        | "february"
                        | "march"
                        | "april"
                        | "june"
                        | "july"
                        | "august"
                        | "september"
                        | "october"
                        | "november"
                        | "december"
                )
                || (w.starts_with("fy") && w[2..].bytes().all(|b| b.is_ascii_digit()))
        })
        || l.contains('%')
}

/// Step 4: is this line (at `i`) a column header line over `bands`?
fn is_header(classes: &[Class], i: usize, bands: &[Band]) -> bool {
    let value_start = bands[0].start;
    let ws = match &classes[i] {
        c @ Class::Data { .. } if is_year_row(c) => return true,
        Class::Text { words, .. } | Class::Data { words, .. } => words,
        _ => return false,
    };
    let cs = chunks(ws);
    // Header text may reach left of right-aligned values, so a chunk over any column counts.
    let over_columns =
        |c: &Vec<Word>| !touching(span_of(c), bands).is_empty() || c[0].start + 2 >= value_start;
    let (value, label): (Vec<_>, Vec<_>) = cs.iter().partition(|c| over_columns(c));
    if value.is_empty() || label.iter().any(|c| span_of(c).1 > value_start + 1) {
        return false;
    }
    if value.len() >= 2 {
        return true;
    }
    // A lone piece is a header only if it starts over the columns and reads like one; a
    // centred title ("Consolidated Statements of Operations") does not.
    let piece = value[0];
    let underlined =
        matches!(classes.get(i + 1), Some(Class::Rule { start, .. }) if *start + 2 >= value_start);
    piece[0].start + 4 >= value_start && (underlined || header_words(&join(piece)))
}

/// One piece of text, not a statement in brackets, that starts over the columns.
fn is_stacked_piece(class: &Class, value_start: usize) -> bool {
    match class {
        Class::Text { words, .. } => {
            let cs = chunks(words);
            cs.len() == 1 && cs[0][0].start + 4 >= value_start && !cs[0][0].text.starts_with('(')
        }
        _ => false,
    }
}

fn build(
    lines: &[Line],
    classes: &[Class],
    prose: &[bool],
    floor: usize,
    start: usize,
    end: usize,
) -> Option<Found> {
    // Leading year rows are header, not body.
    let body_start = (start..=end)
        .find(|&i| matches!(classes[i], Class::Data { .. }) && !is_year_row(&classes[i]))?;
    let rows: Vec<&Vec<Span>> = (body_start..=end)
        .filter_map(|i| match &classes[i] {
            Class::Data { cells, .. } => Some(cells),
            _ => None,
        })
        .collect();
    if rows.len() < 2 {
        return None;
    }
    let bands = bands(&rows);
    if bands.is_empty() {
        return None;
    }
    // The zone above the first row: header, title, leading labels.
    let mut top = start;
    let mut blanks = 0;
    while top > floor {
        let c = &classes[top - 1];
        match c {
            // Two blank lines end the zone, unless what stands above them says what the
            // table counts ("Figures Are In Ringgit (MYR)." over two blank lines, then the
            // years).
            Class::Blank => {
                blanks += 1;
                if blanks >= 2 {
                    let above = (floor..top - 1)
                        .rev()
                        .find(|&k| !matches!(classes[k], Class::Blank));
                    let statement = above.is_some_and(|k| {
                        let t = lines[k].text.trim();
                        matches!(classes[k], Class::Text { .. })
                            && (super::currency::states_currency(t)
                                || (t.starts_with('(') && super::units::is_scale_note(t)))
                    });
                    if blanks > 2 || !statement {
                        break;
                    }
                }
            }
            Class::Text { .. } if prose[top - 1] => break,
            Class::Data { .. } if !is_year_row(c) => break,
            _ => blanks = 0,
        }
        top -= 1;
    }
    while top < start && matches!(classes[top], Class::Blank) {
        top += 1;
    }
    let mut header_idx: Vec<usize> = (top..body_start)
        .filter(|&i| is_header(classes, i, &bands))
        .collect();
    // A header stacked one word or two a line ("AMOUNT OF" / "SHARES OF" / "COMMON" over
    // "STOCK ISSUABLE"): a lone piece over the columns right above a header line is header.
    while let Some(&f) = header_idx.first() {
        if f == top || !is_stacked_piece(&classes[f - 1], bands[0].start) {
            break;
        }
        header_idx.insert(0, f - 1);
    }
    let (title_end, body_from) = match (header_idx.first(), header_idx.last()) {
        (Some(&f), Some(&l)) => (f, l + 1),
        _ => {
            let last_blank = (top..start)
                .rev()
                .find(|&i| matches!(classes[i], Class::Blank));
            let from = last_blank.map_or(top, |b| b + 1);
            (from, from)
        }
    };
    let mut raw = RawTable {
        line: lines[top].no,
        width: bands.len(),
        ..RawTable::default()
    };
    raw.title_lines = (top..title_end)
        .filter(|&i| matches!(classes[i], Class::Text { .. } | Class::Data { .. }))
        .map(|i| lines[i].text.trim().to_string())
        .collect();
    let mut headers: Vec<Vec<String>> = vec![Vec::new(); bands.len()];
    // Where the row labels start: a rule from there runs under the labels too and frames the
    // table rather than spanning columns.
    let label_start = (body_start..=end)
        .filter_map(|i| match &classes[i] {
            Class::Data { indent, .. } => Some(*indent),
            _ => None,
        })
        .min()
        .unwrap_or(0);
    if let (Some(&f), Some(&l)) = (header_idx.first(), header_idx.last()) {
        for i in f..=l {
            if header_idx.contains(&i) {
                // The first rule below a header line, if any before the body, shows how far
                // each of its pieces spans ("Three Months Ended" over three columns).
                let rule = (i + 1..=l + 1)
                    .find(|&k| matches!(classes.get(k), Some(Class::Rule { .. })))
                    .map(|k| rule_segments(lines[k].text));
                let line = HeaderLine {
                    i,
                    rule: rule.as_deref(),
                    label_start,
                };
                header_pieces(classes, line, &bands, &mut headers, &mut raw.stub);
            } else if let Class::Text { .. } = classes[i] {
                // Label-area lines among the headers continue the top-left stub
                // ("($ millions," / "except" / "percentages)").
                raw.stub.push(lines[i].text.trim().to_string());
            }
        }
    }
    if header_idx.is_empty() {
        headers.clear();
    }
    raw.headers = headers;
    // Trailing rules under the last row belong to the table.
    let mut last = end;
    while matches!(classes.get(last + 1), Some(Class::Rule { .. })) {
        last += 1;
    }
    raw.body = body_lines(lines, classes, body_from, last, &bands);
    Some(Found {
        raw,
        first: top,
        last,
    })
}

/// Cuts a header line into pieces at the gaps between columns and files each piece under
/// the columns it covers (or in the top-left stub).
/// A header line to cut into pieces, with the segments of the rule printed under it.
struct HeaderLine<'r> {
    i: usize,
    rule: Option<&'r [(usize, usize)]>,
    label_start: usize,
}

/// The dash runs of a rule line, as char spans; a stub of one or two dashes one space from a
/// run (EDGAR's `- ----`) joins it.
fn rule_segments(text: &str) -> Vec<(usize, usize)> {
    let mut out: Vec<(usize, usize)> = Vec::new();
    for w in words(text) {
        match out.last_mut() {
            Some(last)
                if w.start == last.1 + 1 && (last.1 - last.0 <= 2 || w.end - w.start <= 2) =>
            {
                last.1 = w.end;
            }
            _ => out.push((w.start, w.end)),
        }
    }
    out
}

fn header_pieces(
    classes: &[Class],
    line: HeaderLine,
    bands: &[Band],
    headers: &mut [Vec<String>],
    stub: &mut Vec<String>,
) {
    let i = line.i;
    let value_start = bands[0].start;
    let ws = match &classes[i] {
        Class::Text { words, .. } | Class::Data { words, .. } => words,
        _ => return,
    };
    let in_gap = |col: usize| touching((col, col + 1), bands).is_empty();
    let mut all: Vec<Vec<Word>> = Vec::new();
    for chunk in chunks(ws) {
        let mut pieces: Vec<Vec<Word>> = vec![vec![chunk[0]]];
        for w in &chunk[1..] {
            let prev_end = pieces.last().and_then(|p| p.last()).map_or(0, |p| p.end);
            if (prev_end..w.start).all(in_gap) {
                pieces.push(vec![*w]);
            } else if let Some(p) = pieces.last_mut() {
                p.push(*w);
            }
        }
        // Cut only where the pieces are alike ("Sept. 30, | Sept. 30,", "2007 | 2006"): a
        // phrase such as "Three Months Ended" spans its columns whatever the gaps.
        if pieces.len() > 1 && !alike(&pieces) {
            pieces = vec![chunk.clone()];
        }
        all.extend(pieces);
    }
    // Pieces, rule segments and bands all run left to right without overlapping, so each
    // "which of these does this span touch" is a binary search ([`touching`]).
    let as_band = |(start, end): (usize, usize)| Band { start, end };
    let piece_spans: Vec<Band> = all.iter().map(|p| as_band(span_of(p))).collect();
    // A rule segment frames one piece: four years under one long rule are four headers.
    let rule: Vec<Band> = line
        .rule
        .unwrap_or(&[])
        .iter()
        .filter(|&&g| g.0 > line.label_start + 2)
        .filter(|&&g| touching(g, &piece_spans).len() == 1)
        .map(|&g| as_band(g))
        .collect();
    for p in all {
        {
            let sp = span_of(&p);
            if sp.1 <= value_start || sp.0 + 2 < value_start && sp.1 <= value_start + 1 {
                stub.push(join(&p));
                continue;
            }
            // Wholly right of the last column: it heads text the table does not keep (the
            // dates of a trailing "DATE OF ISSUANCE").
            if sp.0 >= bands[bands.len() - 1].end {
                continue;
            }
            // A rule under the header spans the columns it is drawn over; a piece over a
            // segment of it heads every column under that segment.
            let near = touching(sp, bands);
            let mut covered: Vec<usize> = near.clone().collect();
            for g in &rule[touching(sp, &rule)] {
                covered.extend(touching((g.start, g.end), bands));
            }
            crate::sort::dedup(&mut covered);
            let targets = if covered.is_empty() {
                // The nearest band, the left one on a tie: only the neighbours of the gap
                // the piece falls in can be nearest.
                let right = near.start;
                (right.saturating_sub(1)..(right + 1).min(bands.len()))
                    .min_by_key(|&j| distance(sp, bands[j]))
                    .into_iter()
                    .collect()
            } else {
                covered
            };
            let text = join(&p);
            for j in targets {
                headers[j].push(text.clone());
            }
        }
    }
}

fn alike(pieces: &[Vec<Word>]) -> bool {
    let texts: Vec<String> = pieces.iter().map(|p| join(p)).collect();
    let has_year = |t: &String| t.split(|c: char| !c.is_ascii_digit()).any(is_year);
    texts.iter().all(|t| *t == texts[0])
        || texts.iter().all(has_year)
        || texts.iter().all(|t| super::period::find_date(t).is_some())
}

/// Body lines → raw lines: rules, sections framed by full-width rules, rows.
fn body_lines(
    lines: &[Line],
    classes: &[Class],
    from: usize,
    to: usize,
    bands: &[Band],
) -> Vec<RawLine> {
    let value_start = bands[0].start;
    let full = |i: usize| matches!(classes.get(i), Some(Class::Rule { start, .. }) if *start + 2 < value_start);
    let mut out = Vec::new();
    let mut i = from;
    while i <= to {
        match &classes[i] {
            Class::Blank => out.push(RawLine::Blank),
            Class::Rule { double, .. } => {
                // A heading framed by two full-width rules is a section.
                if full(i) {
                    let close = (i + 1..=to.min(i + 4))
                        .find(|&k| !matches!(classes[k], Class::Text { .. }));
                    if let Some(k) = close.filter(|&k| k > i + 1 && full(k)) {
                        let text: Vec<&str> = (i + 1..k).map(|j| lines[j].text.trim()).collect();
                        out.push(RawLine::Section {
                            text: text.join(" "),
                        });
                        i = k + 1;
                        continue;
                    }
                }
                out.push(RawLine::Rule {
                    double: *double,
                    full: full(i),
                });
            }
            Class::Text { indent, .. } => {
                let t = lines[i].text.trim();
                let caps = t.chars().any(crate::case::is_alphabetic)
                    && !t.chars().any(crate::case::is_lowercase);
                // A capitals line indented under a label line ("Adjusted" / " EBIT" /
                // " margin") goes on with that label: it is not a section.
                let hangs = i > from
                    && matches!(&classes[i - 1], Class::Text { indent: above, .. } if above < indent);
                // "EPS" over " (basic)," / " EUR  -0.43": a capitals line whose next line hangs
                // under it starts a label; "(EPS)" in parentheses goes on with the one above.
                let opens = matches!(
                    classes.get(i + 1),
                    Some(Class::Text { indent: below, .. } | Class::Data { indent: below, .. })
                        if below > indent
                );
                if caps
                    && !hangs
                    && !opens
                    && !t.starts_with('(')
                    && !t.ends_with(':')
                    && t.chars().filter(|&c| crate::case::is_alphabetic(c)).count() >= 3
                {
                    out.push(RawLine::Section {
                        text: t.to_string(),
                    });
                } else {
                    out.push(RawLine::Row {
                        line: lines[i].no,
                        indent: *indent,
                        label: t.to_string(),
                        cells: Vec::new(),
                    });
                }
            }
            Class::Data { indent, cells, .. } => {
                let (slots, _) = place(cells, bands);
                let first_cell = cells.iter().find(|s| {
                    !(s.end <= bands[0].start && overlap((s.start, s.end), bands[0]) == 0)
                });
                let text = lines[i].text;
                let label = &text[..first_cell.map_or(text.len(), |s| s.byte)];
                out.push(RawLine::Row {
                    line: lines[i].no,
                    indent: *indent,
                    label: label.trim().to_string(),
                    cells: slots,
                });
            }
        }
        i += 1;
    }
    out
}
