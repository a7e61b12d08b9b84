//! Table downloads: CSV with exact values, JSON in the document schema.

use assay::export::{table_csv, table_json};

#[test]
fn balance_sheet_csv_has_exact_values_and_point_in_time_columns() {
    let d = assay::read::read_document(include_bytes!("fixtures/hecla-2007Q3-edgar-ex99-txt.txt"))
        .unwrap();
    let t = d
        .tables
        .iter()
        .find(|t| t.title.as_deref() == Some("Consolidated Balance Sheets"))
        .unwrap();
    let csv = table_csv(t);
    let lines: Vec<&str> = csv.split("\r\n").collect();
    assert!(
        lines[0].starts_with("Label,Section,Heading,Unit,"),
        "{}",
        lines[0]
    );
    // Printed "(282,970)  (327,522)", dollars in thousands.
    assert!(
        lines.contains(&"Accumulated deficit,SHAREHOLDERS' EQUITY,,USD thousands,-282970,-327522"),
        "{csv}"
    );
    let json: serde_json::Value = serde_json::from_str(&table_json(t)).unwrap();
    assert_eq!(json["schema"], "assay/2");
    assert_eq!(json["table"]["title"], "Consolidated Balance Sheets");
}
