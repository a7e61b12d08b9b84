//! A chart of rows the user picked from one table: any rows of any release, mining or not.
//! Columns become the categories, oldest period first; each row becomes a series.

use std::fmt;

use crate::chart::{ChartKind, ChartSpec, Provenance, Series, MAX_SERIES};
use crate::document::{Document, Row, Table};

use super::{company, document_period, unit_text};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RowsChartError {
    NoSuchTable,
    NoRows,
    TooManyRows,
    NoValues,
    /// The rows cannot be drawn as they are (e.g. a label too long for a chart).
    Unchartable(String),
}

impl fmt::Display for RowsChartError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            RowsChartError::NoSuchTable => "That table is no longer in the document.",
            RowsChartError::NoRows => "Select one or more rows with numbers to chart them.",
            RowsChartError::TooManyRows => "Too many rows for one chart: select at most 24.",
            RowsChartError::NoValues => "The selected rows have no numbers to chart.",
            RowsChartError::Unchartable(why) => {
                return write!(f, "These rows cannot be charted: {why}.")
            }
        })
    }
}

/// The label a row is known by outside its table: its heading and section add what the
/// label alone leaves out ("Total cash costs" of which mine, of which metal).
pub fn full_label(row: &Row) -> String {
    let mut label = match &row.parent {
        Some(parent) => format!("{parent}: {}", row.label),
        None => row.label.to_string(),
    };
    if let Some(section) = &row.section {
        label = format!("{label} ({section})");
    }
    label
}

/// The parts a row is named by, broadest last: heading, label, section.
fn name_parts(row: &Row) -> [Option<&str>; 3] {
    [
        row.parent.as_deref(),
        Some(row.label.as_str()),
        row.section.as_deref(),
    ]
}

/// Names for several rows that say only what tells them apart (the mine, the metal), and a
/// title made of what they share: "Total cash costs" by mine reads better than three copies of
/// "Average cost per ounce of silver produced: Total cash costs (LUCKY FRIDAY UNIT)".
fn factored_names(rows: &[&Row]) -> (Vec<String>, Option<String>) {
    let parts: Vec<[Option<&str>; 3]> = rows.iter().map(|r| name_parts(r)).collect();
    let shared = |i: usize| parts.iter().all(|p| p[i] == parts[0][i]);
    let join = |p: &[Option<&str>; 3], keep: &dyn Fn(usize) -> bool| {
        (0..3)
            .filter(|&i| keep(i))
            .filter_map(|i| p[i])
            .collect::<Vec<_>>()
            .join(" · ")
    };
    let names = parts.iter().map(|p| join(p, &|i| !shared(i))).collect();
    let title = join(&parts[0], &|i| shared(i));
    (names, (!title.is_empty()).then_some(title))
}

/// Column order for a chart: periods of the same length together (quarters, then
/// year-to-date), oldest first within each, as a time axis reads; columns without a date keep
/// their printed order after the dated ones.
fn chronological(table: &Table) -> Vec<usize> {
    let mut order: Vec<usize> = (0..table.columns.len()).collect();
    crate::sort::by_key(&mut order, |&i| {
        let c = &table.columns[i];
        (c.end.is_none(), c.months, c.end)
    });
    order
}

/// Where, in `order`, a new run of like periods begins: the length changes (quarters to nine
/// months) or the dates stop. A line chart does not join one run to the next.
fn period_breaks(table: &Table, order: &[usize]) -> Vec<usize> {
    let run = |i: usize| {
        let c = &table.columns[order[i]];
        (c.end.is_none(), c.months)
    };
    (1..order.len()).filter(|&i| run(i) != run(i - 1)).collect()
}

/// Charts `rows` (indices into the table's rows) of table `table_id` as bars or lines.
pub fn rows_chart(
    document: &Document,
    table_id: &str,
    rows: &[usize],
    kind: ChartKind,
) -> Result<ChartSpec, RowsChartError> {
    let table = document
        .tables
        .iter()
        .find(|t| t.id == table_id)
        .ok_or(RowsChartError::NoSuchTable)?;
    let picked: Vec<&Row> = rows.iter().filter_map(|&i| table.rows.get(i)).collect();
    if picked.is_empty() {
        return Err(RowsChartError::NoRows);
    }
    if picked.len() > MAX_SERIES {
        return Err(RowsChartError::TooManyRows);
    }
    let order = chronological(table);
    let categories = order
        .iter()
        .map(|&i| table.columns[i].label.to_string())
        .collect();
    let (names, shared_title) = if picked.len() > 1 {
        factored_names(&picked)
    } else {
        (vec![full_label(picked[0])], None)
    };
    let series: Vec<Series> = picked
        .iter()
        .zip(names)
        .map(|(row, name)| Series {
            name,
            values: order
                .iter()
                .map(|&i| row.value(i).and_then(|v| v.number()))
                .collect(),
        })
        .collect();
    if series.iter().all(|s| s.values.iter().all(Option::is_none)) {
        return Err(RowsChartError::NoValues);
    }
    let kind = match kind {
        ChartKind::Bar if series.len() > 1 => ChartKind::GroupedBar,
        other => other,
    };
    let mut units: Vec<String> = picked
        .iter()
        .map(|r| unit_text(r.unit, r.currency, r.scale))
        .collect();
    units.dedup();
    let unit = if units.len() == 1 {
        units.remove(0)
    } else {
        "mixed units".to_owned()
    };
    let table_title = table
        .title
        .clone()
        .unwrap_or_else(|| format!("Table {}", table.id));
    let title = match picked.as_slice() {
        [row] => full_label(row),
        _ => shared_title.unwrap_or_else(|| table_title.clone()),
    };
    // The chart spans the table's periods, so the subtitle names whose figures they are
    // rather than the release's headline period.
    let subtitle = crate::chart::text::join_present(&[&company(document), &table_title], " · ");
    let mut spec = ChartSpec::new(kind, title, subtitle, unit, categories, series);
    if kind == ChartKind::Line {
        spec.breaks = period_breaks(table, &order);
    }
    spec.provenance = Provenance {
        company: company(document),
        period: document_period(document),
        table: table_title,
        rows: picked.iter().map(|r| r.label.to_string()).collect(),
    };
    spec.validate()
        .map_err(|e| RowsChartError::Unchartable(e.to_string()))?;
    Ok(spec)
}
