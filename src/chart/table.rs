//! "Show the data as a table": a chart's values as rows of text, and as CSV.
//!
//! Values appear exactly as the spec holds them (`-4.91`, `30892`, empty when absent), so a
//! reader can copy them into a spreadsheet; labels are the labels as printed.

use super::spec::{ChartKind, ChartSpec, Step};
use super::waterfall;

/// The chart's data as rows of cells, header row first.
///
/// Layout: one row per category, one column per series; the top-left cell holds the unit.
/// A waterfall has the columns "Step", its series, and "Running total".
pub fn chart_data_table(spec: &ChartSpec) -> Vec<Vec<String>> {
    let mut rows = Vec::with_capacity(spec.categories.len() + 1);
    if spec.kind == ChartKind::Waterfall {
        let name = spec.series.first().map_or("Amount", |s| s.name.as_str());
        rows.push(vec![
            spec.unit.clone(),
            "Step".to_string(),
            name.to_string(),
            "Running total".to_string(),
        ]);
        for (label, w) in spec.categories.iter().zip(waterfall::walk(spec)) {
            let step = match w.step {
                Step::Total => "Total",
                Step::Delta => "Change",
            };
            rows.push(vec![
                label.clone(),
                step.to_string(),
                w.value.map(|v| v.to_string()).unwrap_or_default(),
                w.to.to_string(),
            ]);
        }
        return rows;
    }
    let mut header = vec![spec.unit.clone()];
    header.extend(spec.series.iter().map(|s| s.name.clone()));
    rows.push(header);
    for (i, label) in spec.categories.iter().enumerate() {
        let mut row = vec![label.clone()];
        row.extend(spec.series.iter().map(|s| {
            s.values
                .get(i)
                .copied()
                .flatten()
                .map(|v| v.to_string())
                .unwrap_or_default()
        }));
        rows.push(row);
    }
    rows
}

/// The data table as CSV (RFC 4180, CRLF line ends), preceded by a line naming the chart
/// and a line naming its source when known.
///
/// Text cells that a spreadsheet would run as a formula (leading `=`, `+`, `-`, `@`, tab or
/// carriage return) get a leading apostrophe, because labels come from strangers' documents.
/// Value cells are exact decimals and are written bare so they stay numbers.
pub fn chart_csv(spec: &ChartSpec) -> String {
    let mut out = String::new();
    let mut line = |cells: &[(String, bool)]| csv_line(&mut out, cells);
    let caption = [spec.title.as_str(), spec.subtitle.as_str()]
        .iter()
        .filter(|s| !s.trim().is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join(", ");
    line(&[(caption, true)]);
    let source = spec.source_line();
    if !source.is_empty() {
        line(&[(format!("Source: {source}"), true)]);
    }
    let table = chart_data_table(spec);
    for (r, row) in table.iter().enumerate() {
        // The header row and the first column are text; the rest are values, except the
        // waterfall's "Step" column.
        let cells: Vec<(String, bool)> = row
            .iter()
            .enumerate()
            .map(|(c, cell)| {
                let text = r == 0 || c == 0 || (spec.kind == ChartKind::Waterfall && c == 1);
                (cell.clone(), text)
            })
            .collect();
        line(&cells);
    }
    out
}

/// One CSV line, CRLF-terminated: each cell a field (see [`csv_field`]), `true` for text.
pub fn csv_line(out: &mut String, cells: &[(String, bool)]) {
    for (i, (cell, text)) in cells.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push_str(&csv_field(cell, *text));
    }
    out.push_str("\r\n");
}

/// One CSV field: quoted when it holds a comma, quote or line break; a `text` cell that a
/// spreadsheet would run as a formula gets a leading apostrophe (see [`chart_csv`]).
pub fn csv_field(cell: &str, text: bool) -> String {
    let guarded = if text && cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}")
    } else {
        cell.to_string()
    };
    if guarded.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", guarded.replace('"', "\"\""))
    } else {
        guarded
    }
}
