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

use rust_decimal::Decimal;

use super::calendar;
use super::measure::{self, ColumnPart, Measure};
use crate::document::{Date, Document, RowKind, Scale, Table, Value};
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
    for (ti, t) in doc.tables.iter().enumerate() {
        let mut periods = column_periods(doc, t);
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
            for (ci, cell) in r.cells.iter().enumerate() {
                let (Some(cell), Some((end, months))) = (cell, periods.get(ci).copied().flatten())
                else {
                    continue;
                };
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

/// Each column's period: its own end and length; else, for a run of columns that name only
/// quarters, the quarters counted back from the release's; `None` for a column with no
/// period or one that reprints an earlier release.
fn column_periods(doc: &Document, t: &Table) -> Vec<Option<(Date, Option<u8>)>> {
    let mut periods: Vec<Option<(Date, Option<u8>)>> = t
        .columns
        .iter()
        .map(|c| {
            let end = c.end.filter(|_| !measure::reprints_earlier(&c.label))?;
            Some((end, c.months))
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
    let release = doc.period.end.filter(|_| doc.period.months == Some(3));
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
