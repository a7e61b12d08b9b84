//! The shared table builder: a grid of cell strings → a [`Table`].
//!
//! Every layout reader (fixed-width text, Markdown pipe tables, and later HTML) only finds the
//! grid: title lines, the scale statement, header pieces stacked per column, and body lines
//! (labels with their indentation, cell strings, rules, section headings). This module owns
//! what those mean in a release: continuation lines joined into one label, heading rows and
//! the rows under them, sections, totals under rules, footnote markers, units and scales, and
//! each column's period.

use crate::document::{Cell, Column, Row, RowKind, Scale, ScaleSource, Table, Text, Unit};

use super::label;
use super::period;
use super::units;

/// A table as a layout reader found it, before it is interpreted.
#[derive(Debug, Default)]
pub(crate) struct RawTable {
    /// First source line (title or header).
    pub line: usize,
    /// Title lines above the header, as printed (company name and scale note included; the
    /// builder sorts them out).
    pub title_lines: Vec<String>,
    /// Text in the header's top-left corner ("HIGHLIGHTS", "(in millions, except per").
    pub stub: Vec<String>,
    /// Header pieces per column, top to bottom. Empty when the table printed no header.
    pub headers: Vec<Vec<String>>,
    /// Number of value columns.
    pub width: usize,
    pub body: Vec<RawLine>,
}

#[derive(Debug)]
pub(crate) enum RawLine {
    Blank,
    /// A rule under values (`---`, `===`): the row below it closes a sum. `full` rules run
    /// under the labels too and frame sections rather than totals.
    Rule {
        double: bool,
        full: bool,
    },
    /// A sub-heading framed by full rules or printed in capitals ("LUCKY FRIDAY UNIT").
    Section {
        text: String,
    },
    /// A label with (possibly no) cells; `cells.len() == width` when it has any.
    Row {
        line: usize,
        indent: usize,
        label: String,
        /// Each cell's text as printed, trimmed.
        cells: Vec<Option<Text>>,
    },
}

/// What the builder knows about the document around the table.
pub(crate) struct Context<'a> {
    pub company: Option<&'a str>,
    /// The table just before, for a headerless table that continues its columns (a
    /// reconciliation printed among a table's footnotes).
    pub previous: Option<&'a Table>,
}

/// Interprets a raw table. `id` is assigned by the caller.
pub(crate) fn build(raw: RawTable, ctx: &Context) -> Table {
    let (mut title, mut scale_note) = title_and_note(&raw.title_lines, ctx.company);
    let stub = raw.stub.join(" ");
    // "(Expressed in United States Dollars, except number of shares)" in the corner says
    // what the table counts, as a scale statement does.
    let corner_note = units::is_scale_note(&stub) || super::currency::states_currency(&stub);
    if scale_note.is_none() && corner_note {
        scale_note = Some(label::strip_parens(&stub));
    } else if title.is_none() && !stub.trim().is_empty() && !corner_note {
        title = Some(stub.trim().to_string());
    }
    // "(DOLLARS IN THOUSANDS)" printed among the column headers, over the columns it
    // covers, states the table's scale: it is not part of any column's name.
    let mut headers = raw.headers;
    for pieces in &mut headers {
        pieces.retain(|p| match header_statement(p) {
            Some(n) => {
                add_statement(&mut scale_note, n);
                false
            }
            None => true,
        });
    }
    let mut columns: Vec<Column> = headers
        .iter()
        .map(|pieces| period::column(&label::without_markers(&pieces.join(" "))))
        .collect();
    if let Some(prev) = ctx
        .previous
        .filter(|p| columns.is_empty() && p.columns.len() == raw.width)
    {
        columns = prev.columns.clone();
        if scale_note.is_none() {
            scale_note = prev.scale_note.clone();
        }
    }
    if columns.len() != raw.width {
        columns = (0..raw.width).map(|_| period::column("")).collect();
    }
    // "(In millions of U.S. dollars)  2Q24  2Q25  %CHANGE …" over one table, then the same
    // headers again over the next, a few lines on, with no statement: printed once for both.
    // Only a statement of money is printed once for tables that follow: "Copper production
    // guidance (000's tonnes)" heads its own table's stub, not the cost and capital tables
    // under it with the same years.
    if let Some(prev) = ctx.previous.filter(|p| {
        scale_note.is_none()
            && p.scale_note.as_deref().is_some_and(|n| {
                let n = units::ScaleNote::parse(n);
                n.money && !(n.ounces || n.tons || n.pounds)
            })
            && p.columns.len() == columns.len()
            && columns.len() >= 2
            && p.rows.last().is_some_and(|r| raw.line <= r.line + 12)
            && p.columns
                .iter()
                .zip(&columns)
                .all(|(a, b)| !b.label.is_empty() && a.label == b.label)
    }) {
        scale_note = prev.scale_note.clone();
    }
    for c in &mut columns {
        (c.unit, c.scale) = units::column_unit(&c.label);
    }
    // "Prices in Euro" over or under a market table: its Close, Prior, Change, High and Low
    // columns are prices of one share in that money (a "% Change" column stays a percent).
    let prices = [&title, &scale_note]
        .into_iter()
        .flatten()
        .any(|t| t.to_ascii_lowercase().contains("prices in "));
    if prices {
        for c in columns.iter_mut().filter(|c| c.unit.is_none()) {
            if units::price_column(&c.label) {
                c.unit = Some(Unit::MoneyPerShare);
            }
        }
    }
    let mut body = raw.body;
    let open = |t: &str| t.matches('(').count() > t.matches(')').count();
    let stub_note =
        units::is_scale_note(&stub) && scale_note.as_deref() == Some(&*label::strip_parens(&stub));
    if stub_note && open(&stub) {
        close_note(&mut body, &stub, &mut scale_note);
    }
    lead_row_header(&mut body, &mut columns, &mut scale_note);
    statement_row(&mut body, &mut scale_note);
    closing_statement(&mut body, &mut scale_note);
    let note = scale_note
        .as_deref()
        .map(units::ScaleNote::parse)
        .unwrap_or_default();
    let source = scale_note.as_deref().map(|t| ScaleSource {
        text: t.into(),
        line: None,
    });
    let mut rows = Rows::new(note, source).build(body);
    parts_take_unit(&mut rows);
    money_rows(&mut rows, &columns);
    per_share_bridges(&mut rows);
    shares_scaled_by_eps(&mut rows);
    percent_columns(&rows, &mut columns);
    Table {
        id: Text::default(),
        title,
        line: raw.line,
        scale_note,
        document: None,
        columns,
        rows,
    }
}

/// Takes a statement found below the title as the table's scale statement when it has none,
/// or adds it to one that names no scale ("(Unaudited)" in the corner over "(In thousands,
/// except per share data)").
fn add_statement(scale_note: &mut Option<String>, n: String) {
    match scale_note {
        None => *scale_note = Some(n),
        Some(o) if !units::states_scale(o) && units::states_scale(&n) => {
            *scale_note = Some(format!("{o}, {n}"));
        }
        Some(_) => {}
    }
}

/// A header piece that is a whole parenthesised scale statement ("(DOLLARS IN THOUSANDS)",
/// "(in millions)"), as a statement.
fn header_statement(piece: &str) -> Option<String> {
    let t = piece.trim();
    let inner = t.strip_prefix('(')?.strip_suffix(')')?;
    let l = inner.to_ascii_lowercase();
    let stated = ["in thousands", "in millions", "in billions"]
        .iter()
        .any(|w| l.starts_with(w) || l.contains(&format!(" {w}")));
    (stated && !inner.contains(['(', ')'])).then(|| label::strip_parens(t))
}

/// A financial statement prints its currency on its first and total rows only ("$ 7,935"
/// over "4,618"; any symbol the currency module reads: €, C$, RM), or in a column header ("DOLLARS IN THOUSANDS"): its other rows of plain
/// figures count money too, unless a row says it counts something else ("Number of
/// stores"). A table that counts ounces, tons or grades is an operating table, where an
/// unlabelled figure may be anything, and is left alone.
fn money_rows(rows: &mut [Row], columns: &[Column]) {
    let symbol = |r: &Row| {
        r.cells
            .iter()
            .flatten()
            .any(|c| super::currency::said(&c.printed).is_some())
    };
    let money = rows
        .iter()
        .any(|r| r.unit == Some(Unit::Money) && symbol(r))
        || columns
            .iter()
            .any(|c| c.unit.is_none() && c.scale.is_some())
        // A header row of currency signs ("| | $ | $ | % |") says its columns count money.
        || columns.iter().any(|c| {
            c.label
                .split_whitespace()
                .last()
                .is_some_and(super::number::is_currency_sign)
        });
    let physical = rows.iter().any(|r| {
        matches!(
            r.unit,
            Some(
                Unit::Oz
                    | Unit::Tons
                    | Unit::Tonnes
                    | Unit::Lbs
                    | Unit::Barrels
                    | Unit::Boe
                    | Unit::OzPerTon
                    | Unit::GramsPerTonne
            )
        )
    });
    if !money || physical {
        return;
    }
    for r in rows.iter_mut() {
        let figures = r
            .cells
            .iter()
            .flatten()
            .any(|c| matches!(c.value, crate::document::Value::Amount(_)));
        if r.unit.is_none()
            && r.kind != RowKind::Heading
            && figures
            && !units::counts_things(&r.label)
        {
            r.unit = Some(Unit::Money);
        }
    }
}

/// "Copper production (tonnes)  111,602" over "Kansanshi  48,139", "Sentinel  56,560",
/// "Other sites  6,903": rows that name no unit right under a quantity they add up to, in
/// every column, are its parts and count what it counts, at its scale.
fn parts_take_unit(rows: &mut [Row]) {
    use crate::document::Value;
    let number = |r: &Row, j: usize| match r.value(j) {
        Some(Value::Amount(d)) => Some(*d),
        Some(Value::Nil) | None => Some(rust_decimal::Decimal::ZERO),
        _ => None,
    };
    let mut i = 0;
    while i < rows.len() {
        let whole = &rows[i];
        let Some(unit) = whole.unit.filter(|u| u.is_quantity()) else {
            i += 1;
            continue;
        };
        let width = whole.cells.len();
        let printed = (0..width).filter(|&j| whole.value(j).is_some()).count();
        let run = rows[i + 1..]
            .iter()
            .take_while(|r| r.unit.is_none() && r.kind == RowKind::Item)
            .count();
        // The longest run of two or more rows that adds up to the whole.
        let parts = (2..=run).rev().find(|&k| {
            printed > 0
                && (0..width).all(|j| {
                    let Some(want) = whole.value(j).and_then(|_| number(whole, j)) else {
                        return whole.value(j).is_none();
                    };
                    let mut sum = rust_decimal::Decimal::ZERO;
                    for r in &rows[i + 1..=i + k] {
                        match number(r, j) {
                            Some(d) => sum = (crate::decimal::Amount(sum) + d).0,
                            None => return false,
                        }
                    }
                    sum == want
                })
        });
        if let Some(k) = parts {
            let (scale, source) = (whole.scale, whole.scale_source.clone());
            for r in &mut rows[i + 1..=i + k] {
                r.unit = Some(unit);
                r.scale = scale;
                r.scale_source.clone_from(&source);
            }
            i += k;
        }
        i += 1;
    }
}

/// A share count's scale, where the table's earnings per share say it: "Adjusted net income
/// 41,292" (thousands), "Weighted-average common shares outstanding, diluted 27,206,225",
/// "Diluted adjusted earnings per share 1.52" recompute only with the shares unscaled,
/// whatever "(in thousands, except per share data)" says; "Diluted Weighted Average
/// Outstanding ADS 175,146" under "Except Share … Data" recomputes only in thousands. The
/// scale that brings income ÷ shares near the printed per-share figure (within a tenth) in
/// every column, when exactly one does, is the count's.
fn shares_scaled_by_eps(rows: &mut [Row]) {
    use crate::decimal::Amount;
    use crate::document::Value;
    let add = |a, b| (Amount(a) + b).0;
    let sub = |a, b| (Amount(a) - b).0;
    let mul = |a, b| (Amount(a) * b).0;
    let amount = |r: &Row, j: usize| match r.value(j) {
        Some(Value::Amount(d)) if !d.is_zero() => Some(*d),
        _ => None,
    };
    let half = |x: rust_decimal::Decimal| rust_decimal::Decimal::new(5, x.scale() + 1);
    for s in 0..rows.len() {
        if rows[s].unit != Some(Unit::Shares) {
            continue;
        }
        let fits = |scale: Scale, m: usize, p: usize| {
            let mut columns = 0;
            for j in 0..rows[s].cells.len() {
                let (Some(n), Some(q), Some(e)) = (
                    amount(&rows[s], j),
                    amount(&rows[m], j),
                    amount(&rows[p], j),
                ) else {
                    continue;
                };
                let money_scale = rust_decimal::Decimal::from(rows[m].scale.factor());
                let shares = mul(n, rust_decimal::Decimal::from(scale.factor()));
                let money = mul(q, money_scale);
                // |income − eps × shares| within a tenth of the income and the roundings: the
                // scales are a thousand apart, so only one can come near, and a misprinted
                // per-share figure is left for the recompute check to find, not to the reader
                // to reject.
                let tenth = rust_decimal::Decimal::new(1, 1);
                let slack = add(
                    add(mul(half(e), shares.abs()), mul(half(q), money_scale)),
                    mul(money.abs(), tenth),
                );
                if sub(money, mul(e, shares)).abs() > slack {
                    return false;
                }
                columns += 1;
            }
            columns > 0
        };
        let window = s.saturating_sub(6)..(s + 7).min(rows.len());
        let mut found = None;
        'search: for p in window.clone() {
            if rows[p].unit != Some(Unit::MoneyPerShare) {
                continue;
            }
            for m in window.clone() {
                if rows[m].unit != Some(Unit::Money) {
                    continue;
                }
                let mut fitting = [Scale::One, Scale::Thousands, Scale::Millions]
                    .into_iter()
                    .filter(|&sc| fits(sc, m, p));
                if let (Some(one), None) = (fitting.next(), fitting.next()) {
                    found = Some(one);
                    break 'search;
                }
            }
        }
        if let Some(scale) = found.filter(|&sc| sc != rows[s].scale) {
            rows[s].scale = scale;
            rows[s].scale_source = (scale != Scale::One).then(|| ScaleSource {
                text: "the per-share figures recompute at this scale".into(),
                line: None,
            });
        }
    }
}

/// An EPS bridge: "Diluted earnings per share  2.02", then "Special items  0.03", then
/// "Adjusted diluted earnings per share  2.05". The rows between two per-share rows, all of
/// small figures that take the first to the second (2.02 + 0.03 = 2.05, within rounding, in
/// every column), are the per-share effects of the items they name, not amounts. (A
/// highlights table that prints "Adjusted net earnings (22.9)" between two per-share rows
/// does not foot, and keeps its amount.)
fn per_share_bridges(rows: &mut [Row]) {
    use rust_decimal::Decimal;
    let foots = |rows: &[Row]| {
        let (first, last) = (&rows[0], &rows[rows.len() - 1]);
        let width = first.cells.len();
        let mut checked = false;
        for j in 0..width {
            let amount = |r: &Row| match r.value(j) {
                Some(crate::document::Value::Amount(d)) => Some(*d),
                _ => None,
            };
            let (Some(a), Some(b)) = (amount(first), amount(last)) else {
                continue;
            };
            let mut sum = crate::decimal::Amount(a);
            for r in &rows[1..rows.len() - 1] {
                sum += r.value(j).and_then(|v| v.number()).unwrap_or_default();
            }
            // Half a cent for each printed term.
            let tolerance =
                (crate::decimal::Amount(Decimal::new(5, 3)) * Decimal::from(rows.len() as u64)).0;
            if (sum - b).0.abs() > tolerance {
                return false;
            }
            checked = true;
        }
        checked
    };
    let per_share =
        |r: &Row| r.unit == Some(Unit::MoneyPerShare) && r.cells.iter().any(Option::is_some);
    let small = |r: &Row| {
        r.cells.iter().any(Option::is_some)
            && r.cells.iter().flatten().all(|c| match &c.value {
                crate::document::Value::Amount(d) => d.abs() < rust_decimal::Decimal::from(50),
                // ("(100 %)" in a change column beside the per-share effects.)
                crate::document::Value::Nil
                | crate::document::Value::NotAvailable
                | crate::document::Value::Percent(_) => true,
                _ => false,
            })
    };
    let mut open: Option<usize> = None;
    for k in 0..rows.len() {
        if per_share(&rows[k]) {
            if let Some(i) = open.filter(|&i| k > i + 1 && foots(&rows[i..=k])) {
                for r in rows[i + 1..k]
                    .iter_mut()
                    .filter(|r| r.kind != RowKind::Heading)
                {
                    r.unit = Some(Unit::MoneyPerShare);
                    r.scale = Scale::One;
                    r.scale_source = None;
                }
            }
            open = Some(k);
        } else if rows[k].kind == RowKind::Heading {
            // "Adjustments:" over the items of the bridge.
        } else if !(matches!(rows[k].unit, Some(Unit::Money) | None) && small(&rows[k])) {
            open = None;
        }
    }
}

/// A column whose figures are all percentages ("6.6 %", "N/A", "8.2 %" under "Change") is a
/// column of percentages: its not-available cells ("N/A", "NM") are percentages too. So is a
/// column whose first figure prints "%" and whose others are plain figures ("7 %" over "11",
/// "(9)"): the sign is printed once for the column, as "$" is on a statement's first row.
fn percent_columns(rows: &[Row], columns: &mut [Column]) {
    use crate::document::Value;
    for (j, c) in columns.iter_mut().enumerate() {
        if c.unit.is_some() {
            continue;
        }
        let figures = || {
            // ("+15 bps" and "+76.7 MEUR" among "+13.0%" print their own unit.)
            rows.iter()
                .filter_map(|r| r.cells.get(j)?.as_ref())
                .filter(|x| !matches!(x.value, Value::Nil | Value::NotAvailable))
                .filter(|x| super::number::own_unit(&x.printed) == (None, None))
        };
        let plain = |printed: &str| {
            printed
                .chars()
                .all(|ch| ch.is_ascii_digit() || "(),.- ".contains(ch))
        };
        let first_percent = figures()
            .next()
            .is_some_and(|x| matches!(x.value, Value::Percent(_)));
        let rest_fit = figures().skip(1).all(|x| match x.value {
            Value::Percent(_) => true,
            Value::Amount(_) => plain(&x.printed),
            _ => false,
        });
        let all_percent = figures().all(|x| matches!(x.value, Value::Percent(_)));
        if first_percent && (all_percent || rest_fit) {
            c.unit = Some(Unit::Percent);
        }
    }
}

/// A scale statement whose parenthesis the stub leaves open ("(in millions of" over
/// "Canadian" / "dollars)") goes on in the label lines under it, before the first row of
/// values: they are the statement, not headings.
fn close_note(body: &mut Vec<RawLine>, stub: &str, scale_note: &mut Option<String>) {
    let mut text = stub.trim().to_string();
    let mut taken = 0;
    for l in body.iter() {
        match l {
            RawLine::Blank => taken += 1,
            RawLine::Row { label, cells, .. } if cells.iter().all(Option::is_none) => {
                text.push(' ');
                text.push_str(label.trim());
                taken += 1;
                if text.matches('(').count() <= text.matches(')').count() {
                    break;
                }
            }
            _ => return,
        }
    }
    if text.matches('(').count() > text.matches(')').count() {
        return;
    }
    body.drain(..taken);
    *scale_note = Some(label::strip_parens(&text));
}

/// A first body row that holds only years, its label empty or a scale statement ("(in
/// thousands)  2024  2023", "In € millions | 2023 | 2024"), is the header the table printed
/// as a row: its years name the columns (when nothing else does) and its label is the
/// table's scale statement. It is never a row of values.
fn lead_row_header(
    body: &mut Vec<RawLine>,
    columns: &mut [Column],
    scale_note: &mut Option<String>,
) {
    let Some(at) = body
        .iter()
        .position(|l| matches!(l, RawLine::Row { cells, .. } if cells.iter().any(Option::is_some)))
    else {
        return;
    };
    let RawLine::Row { label, cells, .. } = &body[at] else {
        return;
    };
    let years = cells
        .iter()
        .all(|c| c.as_deref().is_none_or(super::number::is_year));
    let stub = label.trim().is_empty() || units::is_scale_note(label);
    if !years || !stub {
        return;
    }
    if columns.iter().all(|c| c.label.is_empty()) {
        for (c, y) in columns.iter_mut().zip(cells) {
            if let Some(y) = y {
                *c = period::column(y);
            }
        }
    }
    if units::is_scale_note(label) {
        add_statement(scale_note, label::strip_parens(label));
    }
    body.remove(at);
}

/// A row of no values above the first row of figures whose label is a parenthesised scale
/// statement ("($ in thousands, except per share data)" under the years) is the table's
/// statement, not a heading.
fn statement_row(body: &mut Vec<RawLine>, scale_note: &mut Option<String>) {
    for (at, l) in body.iter().enumerate() {
        let RawLine::Row { label, cells, .. } = l else {
            continue;
        };
        if cells.iter().any(Option::is_some) {
            return;
        }
        let mut t = label.trim().to_string();
        if !t.starts_with('(') {
            continue;
        }
        // "(UNAUDITED," over "IN MILLIONS)": a statement left open goes on in the lines
        // under it (a capitals line reads as a section).
        let mut end = at + 1;
        while t.matches('(').count() > t.matches(')').count() && end < body.len() && end < at + 3 {
            match &body[end] {
                RawLine::Row { label, cells, .. } if cells.iter().all(Option::is_none) => {
                    t.push(' ');
                    t.push_str(label.trim());
                }
                RawLine::Section { text } => {
                    t.push(' ');
                    t.push_str(text.trim());
                }
                _ => break,
            }
            end += 1;
        }
        if units::is_scale_note(&t) && units::states_scale(&t) {
            add_statement(scale_note, label::strip_parens(&t));
            body.drain(at..end);
            return;
        }
    }
}

/// A last row of no values that says what the table counts ("All numbers are kSEK" under
/// the figures) is its statement when it has none, not a heading.
fn closing_statement(body: &mut Vec<RawLine>, scale_note: &mut Option<String>) {
    let Some(at) = body
        .iter()
        .rposition(|l| matches!(l, RawLine::Row { .. } | RawLine::Section { .. }))
    else {
        return;
    };
    let text = match &body[at] {
        RawLine::Row { label, cells, .. } if cells.iter().all(Option::is_none) => label,
        RawLine::Section { text } => text,
        _ => return,
    };
    if scale_note.as_deref().is_some_and(units::states_scale) {
        return;
    }
    if let Some(statement) = units::trailing_statement(text, text) {
        add_statement(scale_note, label::strip_parens(&statement));
        body.remove(at);
    }
}

/// Where "Dollars in millions", "Amounts in thousands", "$ in millions", "Amounts in 000's"
/// starts when it ends a title line.
fn bare_statement(t: &str) -> Option<usize> {
    let l = t.to_ascii_lowercase();
    // "Amounts in 000's, except per share" says thousands as "in thousands" does.
    let at = [
        " in thousands",
        " in millions",
        " in billions",
        " in 000's",
        " in 000s",
    ]
    .iter()
    .filter_map(|w| l.rfind(w))
    .max()?;
    let tail = l[at..].trim_end_matches([')', '.', ' ']);
    if tail.contains(['(', ',']) && !tail.contains("except") {
        return None;
    }
    let head = &l[..at];
    ["dollars", "amounts", "figures", "$", "us$", "euros"]
        .iter()
        .find(|w| head.ends_with(*w))
        .map(|w| at - w.len())
}

/// The scale statement the table prints itself, as the builder reads it: in its title
/// lines, its header's corner, its headers, or a statement row at its top.
pub(crate) fn own_scale_statement(raw: &RawTable) -> Option<String> {
    let top_rows = raw.body.iter().take(4).filter_map(|l| match l {
        RawLine::Row { label, cells, .. } if cells.iter().all(Option::is_none) => {
            Some(label.clone())
        }
        RawLine::Section { text } => Some(text.clone()),
        _ => None,
    });
    let lines: Vec<String> = raw
        .title_lines
        .iter()
        .chain(&raw.stub)
        .chain(raw.headers.iter().flatten())
        .cloned()
        .chain(top_rows)
        .filter(|t| units::states_scale(t))
        .collect();
    title_and_note(&lines, None)
        .1
        .filter(|n| units::states_scale(n))
}

/// The last source line of the table's body.
pub(crate) fn last_line(raw: &RawTable) -> usize {
    raw.body
        .iter()
        .rev()
        .find_map(|l| match l {
            RawLine::Row { line, .. } => Some(*line),
            _ => None,
        })
        .unwrap_or(raw.line)
}

/// Splits title lines into the title proper and the scale statement, dropping the company
/// name that heads every statement page.
fn title_and_note(lines: &[String], company: Option<&str>) -> (Option<String>, Option<String>) {
    let mut title: Vec<&str> = Vec::new();
    let mut note: Vec<&str> = Vec::new();
    let mut in_note = false;
    let mut depth = 0i32;
    for l in lines {
        let t = l.trim();
        if t.is_empty() {
            continue;
        }
        if !in_note && t.starts_with('(') && units::is_scale_note(t) {
            in_note = true;
            depth = 0;
        }
        // "Figures Are In Ringgit (MYR).", "(Expressed in Canadian dollars)": a line that
        // says what money the table counts is its statement.
        if !in_note && note.is_empty() && super::currency::states_currency(t) {
            note.push(t.trim_end_matches('.'));
            continue;
        }
        if in_note {
            note.push(t);
            depth += t.matches('(').count() as i32 - t.matches(')').count() as i32;
            if depth <= 0 {
                in_note = false;
            }
            continue;
        }
        if company.is_some_and(|c| label::same_name(c, t)) || label::is_company_line(t) {
            continue;
        }
        // "Tigo Energy, Inc. Condensed Consolidated Balance Sheets (in thousands)
        // (unaudited)": a title and its statement printed on one line (a web page's table
        // caption joins them).
        if let Some((head, group, open)) = embedded_note(t) {
            if !head.is_empty() && !company.is_some_and(|c| label::same_name(c, head)) {
                title.push(head);
            }
            note.push(group);
            in_note = open;
            depth = i32::from(open);
            continue;
        }
        title.push(t);
    }
    let title = (!title.is_empty()).then(|| label::clean(&title.join(" ")));
    let note = (!note.is_empty()).then(|| label::strip_parens(&note.join(" ")));
    (title.filter(|t| !t.is_empty()), note)
}

/// A parenthesised scale statement inside a title line, not at its start: (the text
/// before it, the statement to the line's end, whether its parenthesis stays open).
fn embedded_note(t: &str) -> Option<(&str, &str, bool)> {
    let at = t.match_indices('(').map(|(i, _)| i).find(|&i| {
        let group = t[i..].split_inclusive(')').next().unwrap_or("");
        i > 0 && units::is_scale_note(group) && units::states_scale(group)
    });
    let Some(at) = at else {
        // "… Financial Highlights (preliminary and unaudited)Dollars in millions": a
        // statement without parentheses at the line's end.
        let at = bare_statement(t)?;
        return Some((t[..at].trim(), &t[at..], false));
    };
    let rest = &t[at..];
    let open = rest.matches('(').count() > rest.matches(')').count();
    Some((t[..at].trim(), rest, open))
}

/// The row-building state machine (see the module header).
struct Rows {
    /// The scale statement in force: the table's, or one printed as a heading inside it
    /// ("(in 000's, except per share amounts)"), which holds for the rows after it.
    note: units::ScaleNote,
    note_source: Option<ScaleSource>,
    out: Vec<Row>,
    /// Label lines waiting for their values or for the next line to show they are a heading.
    pending: Vec<(usize, usize, String)>,
    section: Option<Text>,
    parent: Option<Parent>,
    /// Room for a cleaned label before it becomes the row's [`Text`].
    scratch: String,
    /// Set by a rule: the next row closes a sum unless the rule underlines a lone item.
    after_rule: Option<bool>,
    rows_since_boundary: usize,
    /// The last lines were a total and the rule under it.
    total_ruled: bool,
}

struct Parent {
    label: Text,
    indent: usize,
    /// Whether its rows are indented under it; `None` until the first row shows.
    indented: Option<bool>,
}

impl Rows {
    fn new(note: units::ScaleNote, note_source: Option<ScaleSource>) -> Self {
        Rows {
            note,
            note_source,
            out: Vec::new(),
            pending: Vec::new(),
            section: None,
            parent: None,
            scratch: String::new(),
            after_rule: None,
            rows_since_boundary: 0,
            total_ruled: false,
        }
    }

    fn build(mut self, body: Vec<RawLine>) -> Vec<Row> {
        let width = body
            .iter()
            .find_map(|l| match l {
                RawLine::Row { cells, .. } if !cells.is_empty() => Some(cells.len()),
                _ => None,
            })
            .unwrap_or(0);
        for line in body {
            match line {
                RawLine::Blank => {
                    self.flush_heading(width);
                    // A section's own total ruled off and followed by a gap closes it: the rows
                    // after it ("Net increase in cash", "Total liabilities and equity")
                    // belong to the whole statement.
                    if std::mem::take(&mut self.total_ruled) {
                        self.section = None;
                        self.parent = None;
                    }
                    if self
                        .parent
                        .as_ref()
                        .is_some_and(|p| p.indented == Some(false))
                    {
                        self.parent = None;
                    }
                }
                RawLine::Rule { double, full } => {
                    self.flush_heading(width);
                    if full {
                        self.total_ruled = false;
                        continue;
                    }
                    // (A total under a heading closes the heading's group, not the section.)
                    let under_total = self.rows_since_boundary > 0
                        && self
                            .out
                            .last()
                            .is_some_and(|r| r.kind == RowKind::Total && r.parent.is_none());
                    self.total_ruled =
                        under_total || (self.rows_since_boundary == 0 && self.total_ruled);
                    if double {
                        self.after_rule = None;
                    } else {
                        // A rule under one plain item separates it, and a rule under the
                        // header or a heading closes nothing.
                        let lone_item = self.rows_since_boundary == 1
                            && self.out.last().is_some_and(|r| r.kind == RowKind::Item);
                        self.after_rule = (self.rows_since_boundary > 0).then_some(!lone_item);
                    }
                    self.rows_since_boundary = 0;
                }
                RawLine::Section { text } => {
                    self.flush_heading(width);
                    self.total_ruled = false;
                    self.section = Some(label::clean(&text).into());
                    self.parent = None;
                    self.after_rule = None;
                    self.rows_since_boundary = 0;
                }
                RawLine::Row {
                    line,
                    indent,
                    label,
                    cells,
                } => {
                    self.total_ruled = false;
                    if cells.iter().all(Option::is_none) {
                        if let (Some(first), Some(last)) =
                            (self.pending.first(), self.pending.last())
                        {
                            if !label::continues(first.1, &last.2, indent, &label) {
                                self.flush_heading(width);
                            }
                        }
                        self.pending.push((line, indent, label));
                        continue;
                    }
                    let continued = match (self.pending.first(), self.pending.last()) {
                        (Some(first), Some(last)) => {
                            label.is_empty() || label::continues(first.1, &last.2, indent, &label)
                        }
                        _ => false,
                    };
                    let (indent, label) = if continued {
                        let first = self.pending[0].1;
                        let mut parts: Vec<String> = self.pending.drain(..).map(|p| p.2).collect();
                        parts.push(label);
                        (first, parts.join(" "))
                    } else {
                        self.flush_heading(width);
                        (indent, label)
                    };
                    self.push_row(line, indent, &label, cells);
                }
            }
        }
        self.flush_heading(width);
        self.out
    }

    /// Label lines that never got values are a heading row.
    fn flush_heading(&mut self, width: usize) {
        if self.pending.is_empty() {
            return;
        }
        let line = self.pending[0].0;
        let indent = self.pending[0].1;
        let text: Vec<String> = self.pending.drain(..).map(|p| p.2).collect();
        let label = label::clean(&text.join(" "));
        if label.is_empty() {
            return;
        }
        // "(1) *Per share amounts may not recalculate … due to rounding*": a footnote among
        // the rows is neither a heading nor the parent of the rows after it.
        if label::is_footnote(text.first().map_or("", |t| t.trim_start())) {
            self.parent = None;
            return;
        }
        // A scale statement printed as a heading ("Financial Performance (in 000's," /
        // "except per share amounts)") is not a row: it scales the rows after it. One that
        // states no scale ("(unaudited)") changes nothing.
        if units::is_scale_note(&label) && units::states_scale(&label) {
            self.note = units::ScaleNote::parse(&label);
            self.note_source = Some(ScaleSource {
                text: label.into(),
                line: Some(line),
            });
            return;
        }
        if units::is_scale_note(&label) && label.starts_with('(') && label.ends_with(')') {
            return;
        }
        let label = Text::from(label);
        self.out.push(Row {
            label: label.clone(),
            section: self.section.clone(),
            parent: None,
            kind: RowKind::Heading,
            unit: None,
            currency: None,
            scale: Scale::One,
            scale_source: None,
            line,
            cells: vec![None; width],
        });
        self.parent = Some(Parent {
            label,
            indent,
            indented: None,
        });
        self.after_rule = None;
        self.rows_since_boundary = 0;
    }

    fn push_row(&mut self, line: usize, indent: usize, raw_label: &str, cells: Vec<Option<Text>>) {
        let parent = match &mut self.parent {
            Some(p) => {
                let indented = *p.indented.get_or_insert(indent > p.indent);
                // "Total Salt." back at the heading's margin closes the heading's rows and
                // still measures what they measure.
                if indented && indent <= p.indent && starts_with_total(raw_label.trim_start()) {
                    let label = p.label.clone();
                    self.parent = None;
                    Some(label)
                } else if indented && indent <= p.indent {
                    self.parent = None;
                    None
                } else {
                    Some(p.label.clone())
                }
            }
            None => None,
        };
        label::clean_into(&mut self.scratch, raw_label);
        let label = Text::from(self.scratch.as_str());
        let cells: Vec<Option<Cell>> = cells
            .into_iter()
            .map(|c| {
                c.and_then(|p| {
                    let value = super::number::parse_value(&p)?;
                    Some(Cell { value, printed: p })
                })
            })
            .collect();
        let unit = units::row_unit(
            raw_label,
            parent.as_deref(),
            self.section.as_deref(),
            &self.note,
            &cells,
        );
        // "- Diluted" under "Net income per share - Basic": a dash-led row goes on measuring
        // what the row above measures.
        let unit = match (unit, self.out.last()) {
            (None | Some(Unit::Money), Some(above))
                if label.starts_with(['-', '–'])
                    && above.unit.is_some_and(Unit::is_quotient)
                    && above.kind != RowKind::Heading =>
            {
                above.unit
            }
            _ => unit,
        };
        // "RASM (US$ Cents)", "Operating Costs per ASM (in US$ Cents)": figures in cents of
        // a money per something, read in the money's main unit as "2.17 Sen" is.
        let (unit, cells) = if units::label_in_cents(raw_label) {
            let hundredth = rust_decimal::Decimal::new(1, 2);
            let cells = cells
                .into_iter()
                .map(|c| {
                    c.map(|mut c| {
                        if let crate::document::Value::Amount(d) = c.value {
                            c.value = crate::document::Value::Amount(
                                crate::decimal::checked_mul(d, hundredth).unwrap_or(d),
                            );
                        }
                        c
                    })
                })
                .collect();
            let unit = match unit {
                Some(Unit::MoneyPerShare) => unit,
                _ => Some(Unit::MoneyPerUnit),
            };
            (unit, cells)
        } else {
            (unit, cells)
        };
        let mut scale = units::row_scale(raw_label, unit, &self.note);
        // The scale the label states for its own row ("Capital additions (in thousands)").
        let own_scale = units::label_scale(raw_label);
        // "Sales volumes (in thousands of tons):": a heading that states its rows' unit
        // states their scale with it.
        let heading_scale = parent
            .as_deref()
            .filter(|_| own_scale.is_none() && unit.is_some_and(Unit::is_quantity))
            .filter(|p| units::states_unit(&p.to_ascii_lowercase()))
            .and_then(units::label_scale);
        if let Some(s) = heading_scale {
            scale = s;
        }
        // "Shares outstanding at period end  239.0" under "$ millions": a share count with a
        // decimal part is not a count of whole shares, it is in the table's scale.
        if unit == Some(Unit::Shares)
            && scale == Scale::One
            && own_scale.is_none()
            && cells.iter().flatten().any(|c| {
                c.printed.contains('.') && matches!(c.value, crate::document::Value::Amount(_))
            })
        {
            scale = self.note.scale;
        }
        let scale_source = if scale == Scale::One {
            None
        } else if let (Some(_), Some(p)) = (heading_scale, &parent) {
            Some(ScaleSource {
                text: p.clone(),
                line: None,
            })
        } else if own_scale.is_some() {
            Some(ScaleSource {
                text: label.clone(),
                line: Some(line),
            })
        } else {
            self.note_source.clone()
        };
        // A row closes a sum when it sits under a rule, or when it is named "Total …" and
        // has rows above it to close (a first row named so restates a figure). A quotient
        // (per ounce, per share, a percentage or ratio) never closes a sum, ruled or not.
        let quotient = unit.is_some_and(Unit::is_quotient);
        let named = self.rows_since_boundary > 0 && starts_with_total(&label);
        let total = !quotient && (self.after_rule == Some(true) || named);
        let kind = if total { RowKind::Total } else { RowKind::Item };
        self.out.push(Row {
            label,
            section: self.section.clone(),
            parent,
            kind,
            unit,
            currency: None,
            scale,
            scale_source,
            line,
            cells,
        });
        self.after_rule = None;
        self.rows_since_boundary += 1;
    }
}

/// "Total assets", "TOTAL REVENUES", but not "Totalizer".
fn starts_with_total(label: &str) -> bool {
    label
        .get(..5)
        .is_some_and(|w| w.eq_ignore_ascii_case("total"))
        && label[5..]
            .chars()
            .next()
            .is_none_or(|c| !crate::case::is_alphanumeric(c))
}
