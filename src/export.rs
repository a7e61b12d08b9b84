//! Downloads of what was read: a table as CSV, a table or the whole document as JSON in the
//! documented schema (`docs/schema.md`).

use serde::Serialize;

use crate::analyze::Analysis;
use crate::chart::csv_line;
use crate::document::{Document, Table, SCHEMA};
use crate::figures::unit_text;

/// The table as CSV (RFC 4180, CRLF): a label column, section, heading and unit columns, then
/// one column per period with the exact values (`-4828`, nil as `0`, empty when absent).
pub fn table_csv(table: &Table) -> String {
    let mut out = String::new();
    let mut line = |cells: Vec<(String, bool)>| csv_line(&mut out, &cells);
    let mut header: Vec<(String, bool)> = ["Label", "Section", "Heading", "Unit"]
        .iter()
        .map(|h| (h.to_string(), true))
        .collect();
    header.extend(table.columns.iter().map(|c| (c.label.to_string(), true)));
    line(header);
    for row in &table.rows {
        let mut cells = vec![
            (row.label.to_string(), true),
            (row.section.as_deref().unwrap_or_default().to_string(), true),
            (row.parent.as_deref().unwrap_or_default().to_string(), true),
            (
                if row.unit.is_some() {
                    unit_text(row.unit, row.currency, row.scale)
                } else {
                    String::new()
                },
                true,
            ),
        ];
        cells.extend((0..table.columns.len()).map(|i| {
            (
                row.value(i)
                    .map(|v| v.contract_string())
                    .unwrap_or_default(),
                false,
            )
        }));
        line(cells);
    }
    out
}

#[derive(Serialize)]
struct TableJson<'a> {
    schema: &'static str,
    table: &'a Table,
}

/// One table in the document schema, wrapped with the schema tag.
pub fn table_json(table: &Table) -> String {
    serde_json::to_string_pretty(&TableJson {
        schema: SCHEMA,
        table,
    })
    .unwrap_or_default()
}

#[derive(Serialize)]
struct DocumentJson<'a> {
    #[serde(flatten)]
    document: &'a Document,
    metrics: &'a [crate::analyze::Metric],
    checks: &'a [crate::analyze::Check],
}

/// The whole document with its metrics and checks, as `assay extract` prints it.
pub fn document_json(document: &Document, analysis: &Analysis) -> String {
    serde_json::to_string_pretty(&DocumentJson {
        document,
        metrics: &analysis.metrics,
        checks: &analysis.checks,
    })
    .unwrap_or_default()
}

/// The main page's JSON download (the reading worker writes it, `src/bin/assay-worker.rs`):
/// the document read from `text` as the page read it (`origin`: the file it came from), whole
/// with its metrics and checks, or its table `table` alone; or why there is none.
pub fn download_json(
    text: &str,
    origin: Option<&crate::session::Origin>,
    table: Option<&str>,
) -> Result<String, String> {
    let document = crate::session::read_release(text, origin).map_err(|e| e.to_string())?;
    Ok(match table {
        Some(id) => match document.tables.iter().find(|t| *t.id == *id) {
            Some(table) => table_json(table),
            None => return Err(format!("the release has no table {id}.")),
        },
        None => document_json(&document, &crate::analyze::analyze(&document)),
    })
}
