//! Every figure of a release as a fact: what it measures, the period it covers, its value
//! and where it was printed. The series are built from facts, and `assay facts` prints them.
//!
//! A fact needs a period: a column with an end date (and a length, or none for a point in
//! time such as a balance sheet date). Columns that name only a quarter ("Fourth Quarter")
//! are dated from the release's own quarter when they step one quarter at a time. A column
//! that reprints an earlier release ("As Previously Reported") is passed over: its figures
//! are the earlier release's, and that release speaks for itself. Ranges, ratios and "n/a"
//! are not facts, nor is a figure whose row names nothing ("Total" is what its heading
//! names).
//!
//! A release whose headers print only a month and year ("Marzo 2025 | Marzo 2024", as
//! Chilean MD&As do) states no column's length: its text says the length ("durante el
//! primer trimestre del año 2025"), and a table whose columns all end on the release's
//! period end or whole years before it is a comparison of periods of that length; a row
//! naming its own ("Utilidad (últimos 12 meses)") keeps it. A table with a column ending
//! elsewhere ("Marzo 2025 | Diciembre 2024") is a statement of position: points in time.

use rust_decimal::Decimal;

use super::calendar;
use super::measure::{self, ColumnPart, Measure};
use crate::document::{Column, Date, Document, Period, RowKind, Scale, Table, Value};
use crate::meaning;

/// One printed figure. It owns its text (no shared `Text`), so a release's facts can be
/// read on one thread and settled on another.
#[derive(Clone, Debug, PartialEq)]
pub struct Fact {
    /// Index of its table in the document.
    pub table: usize,
    pub row: usize,
    pub column: usize,
    /// The table's id ("t3") and, in an EDGAR submission, the document it is in ("EX-99.1").
    pub table_id: String,
    pub document: Option<String>,
    /// The row's label as read.
    pub label: String,
    pub measure: Measure,
    pub end: Date,
    /// 3, 6, 9, 12; `None` for a point in time.
    pub months: Option<u8>,
    /// The real amount: the number as printed times its scale.
    pub value: Decimal,
    /// The number as printed (its decimal places are its precision).
    pub number: Decimal,
    pub scale: Scale,
    /// The cell as printed.
    pub printed: String,
    pub line: usize,
}

/// The facts of a document, in reading order (table by table, row by row, column by
/// column).
pub fn of(doc: &Document) -> Vec<Fact> {
    let mut out = Vec::new();
    let release = release_period(doc);
    let lengths_unstated = release.months.is_some() && doc.period.months.is_none();
    for (ti, t) in doc.tables.iter().enumerate() {
        let mut periods = column_periods(&release, t);
        // The columns that take the release's length (see the module's header).
        let of_release = match release.end.filter(|_| lengths_unstated) {
            Some(end) => anniversaries(end, t),
            None => vec![false; t.columns.len()],
        };
        for (p, _) in periods.iter_mut().zip(&of_release).filter(|(_, &r)| r) {
            *p = p.map(|(end, _)| (end, release.months));
        }
        let parts = column_parts(t, &mut periods);
        if periods.iter().all(Option::is_none) {
            continue;
        }
        let meanings = meaning::of_table(t);
        for (ri, (r, m)) in t.rows.iter().zip(&meanings).enumerate() {
            if r.kind == RowKind::Heading {
                continue;
            }
            let mut items = measure::items(&meaning::words(&r.label));
            if items.iter().all(Vec::is_empty) {
                // "Total" under "Operating expenses": the heading names what it totals.
                let heading = r.parent.as_deref().or(r.section.as_deref());
                items = measure::items(&meaning::words(heading.unwrap_or("")));
            }
            // A label that names nothing is no measure.
            items.retain(|i| !i.is_empty());
            let own_length = of_release
                .contains(&true)
                .then(|| calendar::length_named(&r.label))
                .flatten();
            for (ci, cell) in r.cells.iter().enumerate() {
                let (Some(cell), Some((end, mut months))) =
                    (cell, periods.get(ci).copied().flatten())
                else {
                    continue;
                };
                if of_release.get(ci) == Some(&true) {
                    months = own_length.or(months);
                }
                let number = match cell.value {
                    Value::Amount(d) | Value::Percent(d) => d,
                    Value::Nil => Decimal::ZERO,
                    _ => continue,
                };
                let Some(value) = t.amount(r, ci) else {
                    continue;
                };
                let unit = t.cell_unit(r, ci);
                for item in &items {
                    out.push(Fact {
                        table: ti,
                        row: ri,
                        column: ci,
                        table_id: t.id.to_string(),
                        document: t.document.clone(),
                        label: r.label.to_string(),
                        measure: Measure::of(item, m, parts[ci].as_deref(), unit, r.currency),
                        end,
                        months,
                        value,
                        number,
                        scale: t.cell_scale(r, ci),
                        printed: cell.printed.to_string(),
                        line: r.line,
                    });
                }
            }
        }
    }
    out
}

/// The period a release reports: the document's; its end, when it has none, from an opening
/// paragraph saying what the statements end ("Estados de Resultados terminados al 31 de
/// marzo de 2025"); its length, when no column states one, from the first paragraph that
/// names one ("primer semestre", "first quarter").
pub fn release_period(doc: &Document) -> Period {
    const ENDED: [&str; 3] = ["terminado", "encerrado", "clos le"];
    let mut period = doc.period.clone();
    period.end = period.end.or_else(|| {
        doc.narrative.iter().take(6).find_map(|p| {
            let l = p.text.to_ascii_lowercase();
            let at = ENDED.iter().find_map(|e| l.find(e))?;
            calendar::date_in(&p.text[at..])
        })
    });
    let columns = || doc.tables.iter().flat_map(|t| &t.columns);
    if period.end.is_some() && period.months.is_none() && columns().all(|c| column(c).1.is_none()) {
        period.months =
            (doc.narrative.iter().take(30)).find_map(|p| calendar::length_named(&p.text));
    }
    period
}

/// A column's end and length as `read` dated it, else as a report in Spanish, Portuguese or
/// French prints them ("Marzo 2025", "Ene-Mar 2025").
fn column(c: &Column) -> (Option<Date>, Option<u8>) {
    (
        c.end.or_else(|| calendar::month_end(&c.label)),
        c.months.or_else(|| calendar::length_named(&c.label)),
    )
}

/// Which of a table's columns are periods of the release's length: all of its dated columns,
/// when each ends on the release's end or whole years before it, on a different day.
fn anniversaries(release_end: Date, t: &Table) -> Vec<bool> {
    let ends: Vec<Date> = t.columns.iter().filter_map(|c| column(c).0).collect();
    let anniversary = |e: Date| {
        let years = u32::from(release_end.year.saturating_sub(e.year));
        calendar::same_end(e, calendar::months_before(release_end, 12 * years))
    };
    let distinct = ends.iter().enumerate().all(|(i, e)| !ends[..i].contains(e));
    let all = !ends.is_empty() && distinct && ends.iter().all(|&e| anniversary(e));
    t.columns
        .iter()
        .map(|c| all && column(c).0.is_some())
        .collect()
}

/// Each column's period: its own end and length; else, for a run of columns that name only
/// quarters, the quarters counted back from the release's; `None` for a column with no
/// period or one that reprints an earlier release.
fn column_periods(release: &Period, t: &Table) -> Vec<Option<(Date, Option<u8>)>> {
    let mut periods: Vec<Option<(Date, Option<u8>)>> = t
        .columns
        .iter()
        .map(|c| {
            let (end, months) = column(c);
            Some((
                end.filter(|_| !measure::reprints_earlier(&c.label))?,
                months,
            ))
        })
        .collect();
    let named: Option<Vec<u8>> = t
        .columns
        .iter()
        .map(|c| {
            (c.end.is_none() && c.months.is_none_or(|m| m == 3))
                .then(|| calendar::quarter_named(&c.label))
                .flatten()
        })
        .collect();
    let release = release.end.filter(|_| release.months == Some(3));
    if let (Some(named), Some(release)) = (named, release) {
        if let Some(ends) = calendar::date_quarter_names(&named, release) {
            periods = ends.into_iter().map(|e| Some((e, Some(3)))).collect();
        }
    }
    periods
}

/// The part of the company each column is about, when a table prints one period in several
/// columns (a segment table: "… Steel Processing", "… Consolidated"); `None` for the
/// company, and for every column of a table whose periods are all different. A column of a
/// shared period whose header names a kind of figure ("$", "EPS") loses its period: the
/// header does not say which figure it is.
fn column_parts(t: &Table, periods: &mut [Option<(Date, Option<u8>)>]) -> Vec<Option<String>> {
    let shared: Vec<bool> = (0..periods.len())
        .map(|c| {
            periods[c].is_some() && (0..periods.len()).any(|o| o != c && periods[o] == periods[c])
        })
        .collect();
    (0..t.columns.len())
        .map(|c| {
            if !shared.get(c).copied().unwrap_or(false) {
                return None;
            }
            match measure::column_part(&t.columns[c].label) {
                ColumnPart::Part(name) => Some(name),
                ColumnPart::Figure => {
                    periods[c] = None;
                    None
                }
                ColumnPart::Period | ColumnPart::Company => None,
            }
        })
        .collect()
}
