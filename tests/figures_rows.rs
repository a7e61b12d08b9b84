//! Charting rows the user picks, on real releases.

use assay::chart::ChartKind;
use assay::document::Document;
use assay::figures::{rows_chart, RowsChartError};
use rust_decimal::Decimal;

fn hecla() -> Document {
    assay::read::read_document(include_bytes!("fixtures/hecla-2007Q3-edgar-ex99-txt.txt")).unwrap()
}

fn find_row(d: &Document, table: usize, label: &str, section: Option<&str>) -> usize {
    d.tables[table]
        .rows
        .iter()
        .position(|r| r.label == label && r.section.as_deref() == section)
        .unwrap_or_else(|| panic!("no row {label:?} in table {table}"))
}

fn dec(s: &str) -> Option<Decimal> {
    Some(s.parse().unwrap())
}

#[test]
fn one_row_is_a_bar_chart_of_its_periods_oldest_first() {
    let d = hecla();
    let row = find_row(
        &d,
        0,
        "Silver - Ounces",
        Some("PRODUCTION SUMMARY - TOTALS"),
    );
    let spec = rows_chart(&d, &d.tables[0].id, &[row], ChartKind::Bar).unwrap();
    assert_eq!(spec.kind, ChartKind::Bar);
    assert_eq!(spec.unit, "ounces");
    // Quarters first, then nine months; 2006 before 2007 within each.
    assert_eq!(
        spec.series[0].values,
        vec![
            dec("1496315"),
            dec("1341395"),
            dec("4000076"),
            dec("4391176")
        ]
    );
    assert!(spec.categories[0].contains("2006") && spec.categories[1].contains("2007"));
    assert_eq!(spec.provenance.company, "Hecla Mining Company");
    assert_eq!(spec.provenance.rows, vec!["Silver - Ounces".to_string()]);
}

#[test]
fn several_rows_are_grouped_bars_and_negative_costs_stay_negative() {
    let d = hecla();
    let t = d
        .tables
        .iter()
        .position(|t| t.title.as_deref() == Some("Production Data"))
        .unwrap();
    let rows: Vec<usize> = d.tables[t]
        .rows
        .iter()
        .enumerate()
        .filter(|(_, r)| r.label.starts_with("Total cash costs"))
        .map(|(i, _)| i)
        .collect();
    assert_eq!(rows.len(), 3, "one per mine");
    let spec = rows_chart(&d, &d.tables[t].id, &rows, ChartKind::Bar).unwrap();
    assert_eq!(spec.kind, ChartKind::GroupedBar);
    assert_eq!(spec.unit, "USD per ounce");
    // The shared label is the title; the series are named by what tells them apart.
    assert_eq!(spec.title, "Total cash costs");
    let names: Vec<&str> = spec.series.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "Average cost per ounce of silver produced · LUCKY FRIDAY UNIT",
            "Average cost per ounce of silver produced · GREENS CREEK UNIT (Reflects Hecla's 29.73% share)",
            "Average cost per ounce of gold produced · LA CAMORRA UNIT",
        ]
    );
    let greens = spec
        .series
        .iter()
        .find(|s| s.name.contains("GREENS CREEK"))
        .unwrap();
    // Q3 2006, Q3 2007, 9M 2006, 9M 2007 as printed: (2.61) (7.42) (2.08) (5.15).
    assert_eq!(
        greens.values,
        vec![dec("-2.61"), dec("-7.42"), dec("-2.08"), dec("-5.15")]
    );
}

#[test]
fn bad_selections_say_what_to_do() {
    let d = hecla();
    let id = d.tables[0].id.clone();
    assert_eq!(
        rows_chart(&d, &id, &[], ChartKind::Line),
        Err(RowsChartError::NoRows)
    );
    assert_eq!(
        rows_chart(&d, "nope", &[0], ChartKind::Line),
        Err(RowsChartError::NoSuchTable)
    );
    let heading = d.tables[0]
        .rows
        .iter()
        .position(|r| r.cells.iter().all(Option::is_none))
        .unwrap();
    assert_eq!(
        rows_chart(&d, &id, &[heading], ChartKind::Bar),
        Err(RowsChartError::NoValues)
    );
}

#[test]
fn a_line_chart_does_not_join_the_quarter_to_nine_months() {
    let d = hecla();
    let row = find_row(
        &d,
        0,
        "Silver - Ounces",
        Some("PRODUCTION SUMMARY - TOTALS"),
    );
    let line = rows_chart(&d, &d.tables[0].id, &[row], ChartKind::Line).unwrap();
    // Q3 2006, Q3 2007 | 9M 2006, 9M 2007: one break, where nine months begin.
    assert_eq!(line.breaks, vec![2]);
    assert!(line.categories[2].contains("2006"));
    let svg = assay::chart::render_svg(&line, 720, 420);
    // Two runs of two points: two polylines of the series, not one of four points.
    let runs = svg.matches("<polyline").count();
    let bar = rows_chart(&d, &d.tables[0].id, &[row], ChartKind::Bar).unwrap();
    assert!(bar.breaks.is_empty(), "bars stand apart anyway");
    let mut joined = line.clone();
    joined.breaks.clear();
    let joined_runs = assay::chart::render_svg(&joined, 720, 420)
        .matches("<polyline")
        .count();
    // The break turns the one series line into two and adds the rule between the runs.
    assert_eq!(runs, joined_runs + 2, "{svg}");
}
