//! Every corpus file reads without panic; table counts are pinned, and a few cells per file
//! are checked against the source line, read by hand:
//!
//! | file | line | row | values as printed |
//! |---|---|---|---|
//! | NEG-avient djn | 107 | Sales | `$ 746.5`, `$ 719.0`, `$ 3,240.4`, `$ 3,142.8` |
//! | NEG-avient md | 121 | Special items, after-tax (Attachment 3) | `(18.0)`, `(0.20)`, `5.4`, `0.06` |
//! | NEG-friedman md | 63 | Earnings (loss) from operations | `(1,187 \| )`, `6,173`, `(2,809 \| )`, `17,585` |
//! | NEG-pericom 2003 001810 | 289 | Net revenues | `$11,506` … `$47,589` |
//! | NEG-pericom 2005 000371 | 318 | Net revenues | `$ 19,217` … `$ 27,922` |
//! | NEG-pericom 2006 005470 | 292 | Net revenues | `$ 30,826`, `$ 29,288`, `$ 22,473` |
//! | NEG-pericom 2007 020827 | 304 | Gross profit | `10,222` … `26,985` |
//! | NEG-walmart | 195 | Total | `$300,000,000`, `$1,800,000`, `$298,200,000` |
//! | compassminerals | 58 | Operating earnings (loss) | `0.5`, `(53.6)` |
//! | compassminerals | 121 | Total salt sales volumes (thousands of tons) | `9,400 - 10,450` (a range) |
//! | firstquantum | 141 | Treatment/refining charges (“TC/RC”) (per lb) | `($0.04 \| \| )` … |
//! | firstquantum | 164 | Net earnings (loss) attributable … | `99`, `108`, `(1,447 \| )` |
//! | russelmetals | 56 | Revenues | `$ 1,039` … `$ 4,505` |
//! | sunshinemining | 21 | Shr (Year) | `loss 2.27 dlrs`, `loss 1.66 dlrs` |
//! | coeur | 22 | Revs (Year) | `14.0 mln`, `7,034,000` |
//!
//! Warnings: every file reads without one (HTML is read since issue 7; see `read_html.rs`).

use assay::document::Document;

#[allow(dead_code)]
#[path = "support/corpus.rs"]
mod corpus;

fn read(name: &str) -> Document {
    assay::read::read_document(&corpus::read(name)).expect("reads")
}

/// The contract strings of the row on `line`.
fn values_at(doc: &Document, line: usize) -> Vec<Option<String>> {
    let row = doc
        .tables
        .iter()
        .flat_map(|t| &t.rows)
        .find(|r| r.line == line)
        .unwrap_or_else(|| panic!("no row on line {line}"));
    row.cells
        .iter()
        .map(|c| c.as_ref().map(|c| c.value.contract_string()))
        .collect()
}

fn some(v: &[&str]) -> Vec<Option<String>> {
    v.iter().map(|s| Some(s.to_string())).collect()
}

const COUNTS: &[(&str, usize)] = &[
    ("NEG-avient-2024Q4-djn-fixedwidth.txt", 11),
    ("NEG-avient-2024Q4-md-webcopy-morningstar.txt", 9),
    ("NEG-buckle-FY2024Q3-browser-copy.txt", 2),
    ("NEG-buckle-FY2024Q3-edgar-ex99.htm", 2),
    ("NEG-buckle-FY2024Q3-edgar-submission.txt", 2),
    ("NEG-friedmanindustries-FY2025Q3-md-webcopy.txt", 2),
    ("NEG-pericom-2003-0000891092-03-001810-edgar-txt.txt", 4),
    ("NEG-pericom-2003-0000891092-03-002843-edgar-txt.txt", 5),
    ("NEG-pericom-2005-0001275287-05-000371-edgar-txt.txt", 4),
    ("NEG-pericom-2005-0001275287-05-001389-edgar-txt.txt", 4),
    ("NEG-pericom-2005-0001275287-05-003130-edgar-txt.txt", 6),
    ("NEG-pericom-2005-0001275287-05-004474-edgar-txt.txt", 5),
    ("NEG-pericom-2006-0001275287-06-002673-edgar-txt.txt", 3),
    ("NEG-pericom-2006-0001275287-06-004486-edgar-txt.txt", 3),
    ("NEG-pericom-2006-0001275287-06-005470-edgar-txt.txt", 2),
    ("NEG-pericom-2007-0001144204-07-020827-edgar-txt.txt", 2),
    ("NEG-pericom-2007-0001275287-07-000434-edgar-txt.txt", 2),
    ("NEG-walmart-1995-05-prospectus-edgar-txt.txt", 5),
    ("coeur-1986Q4-reuters21578-brief.txt", 1),
    ("compassminerals-FY2025Q1-djn-fixedwidth.txt", 15),
    ("firstquantum-2024Q4-md-webcopy-tradingview.txt", 12),
    ("hecla-2007Q3-edgar-ex99-txt.txt", 7),
    ("russelmetals-2024Q4-djn-fixedwidth.txt", 9),
    ("sunshinemining-1986Q4-reuters21578-brief.txt", 1),
];

#[test]
fn every_file_reads_and_table_counts_hold() {
    let names = corpus::first();
    let pinned: Vec<&str> = COUNTS.iter().map(|c| c.0).collect();
    assert_eq!(names, pinned, "every fixture is pinned");
    for (name, count) in COUNTS {
        let d = read(name);
        assert_eq!(d.tables.len(), *count, "{name}");
        assert!(d.warnings.is_empty(), "{name}: {:?}", d.warnings);
        // The JSON contract round-trips for every file.
        assert_eq!(Document::from_json(&d.to_json()).unwrap(), d, "{name}");
    }
}

#[test]
fn hand_checked_cells() {
    let cases: &[(&str, usize, &[&str])] = &[
        (
            "NEG-avient-2024Q4-djn-fixedwidth.txt",
            107,
            &["746.5", "719.0", "3240.4", "3142.8"],
        ),
        (
            "NEG-avient-2024Q4-md-webcopy-morningstar.txt",
            121,
            &["-18.0", "-0.20", "5.4", "0.06"],
        ),
        (
            "NEG-friedmanindustries-FY2025Q3-md-webcopy.txt",
            63,
            &["-1187", "6173", "-2809", "17585"],
        ),
        (
            "NEG-pericom-2003-0000891092-03-001810-edgar-txt.txt",
            289,
            &["11506", "11492", "12967", "44958", "47589"],
        ),
        (
            "NEG-pericom-2005-0001275287-05-000371-edgar-txt.txt",
            318,
            &["19217", "19786", "16850", "39003", "27922"],
        ),
        (
            "NEG-pericom-2006-0001275287-06-005470-edgar-txt.txt",
            292,
            &["30826", "29288", "22473"],
        ),
        (
            "NEG-pericom-2007-0001144204-07-020827-edgar-txt.txt",
            304,
            &["10222", "10666", "9690", "31320", "26985"],
        ),
        (
            "NEG-walmart-1995-05-prospectus-edgar-txt.txt",
            195,
            &["300000000", "1800000", "298200000"],
        ),
        (
            "compassminerals-FY2025Q1-djn-fixedwidth.txt",
            58,
            &["0.5", "-53.6"],
        ),
        (
            "compassminerals-FY2025Q1-djn-fixedwidth.txt",
            121,
            &["9400..10450"],
        ),
        (
            "firstquantum-2024Q4-md-webcopy-tradingview.txt",
            141,
            &["-0.04", "-0.06", "-0.13"],
        ),
        (
            "firstquantum-2024Q4-md-webcopy-tradingview.txt",
            164,
            &["99", "108", "-1447"],
        ),
        (
            "russelmetals-2024Q4-djn-fixedwidth.txt",
            56,
            &["1039", "1089", "1019", "4261", "4505"],
        ),
        (
            "sunshinemining-1986Q4-reuters21578-brief.txt",
            21,
            &["-2.27", "-1.66"],
        ),
        (
            "coeur-1986Q4-reuters21578-brief.txt",
            22,
            &["14000000.0", "7034000"],
        ),
    ];
    for (name, line, want) in cases {
        assert_eq!(values_at(&read(name), *line), some(want), "{name}:{line}");
    }
}

#[test]
fn briefs_read_as_current_vs_prior() {
    let d = read("coeur-1986Q4-reuters21578-brief.txt");
    assert_eq!(d.company.name.as_deref(), Some("COEUR D'ALENE MINES CORP"));
    assert_eq!(d.company.tickers, ["COUR"]);
    assert_eq!(d.date.map(|x| x.to_string()).as_deref(), Some("1987-03-02"));
    let t = &d.tables[0];
    let labels: Vec<(&str, Option<&str>)> = t
        .rows
        .iter()
        .map(|r| (r.label.as_str(), r.section.as_deref()))
        .collect();
    assert_eq!(
        labels,
        [
            ("Shr", None),
            ("Net", None),
            ("Revs", None),
            ("Shr", Some("Year")),
            ("Net", Some("Year")),
            ("Revs", Some("Year"))
        ]
    );
    // "Shr loss 18 cts vs loss one ct"
    assert_eq!(values_at(&d, 16), some(&["-0.18", "-0.01"]));
    assert_eq!(t.rows[0].unit, Some(assay::document::Unit::MoneyPerShare));
}

#[test]
fn markdown_front_matter_and_fenced_tables() {
    let d = read("compassminerals-FY2025Q1-djn-fixedwidth.txt");
    assert_eq!(
        d.title.as_deref(),
        Some("Compass Minerals Reports Fiscal 2025 First-Quarter Results")
    );
    assert_eq!(d.source.format, "markdown");
    let t = &d.tables[0];
    assert_eq!(t.title.as_deref(), Some("QUARTERLY FINANCIAL RESULTS"));
    assert_eq!(
        t.scale_note.as_deref(),
        Some("in millions, except per share data")
    );
    assert_eq!(t.columns[0].label, "Three Months Ended Dec. 31, 2024");
    assert_eq!(t.columns[0].months, Some(3));
    let rev = &t.rows[0];
    assert_eq!(
        (rev.unit, rev.scale),
        (
            Some(assay::document::Unit::Money),
            assay::document::Scale::Millions
        )
    );
}

#[test]
fn pipe_tables_merge_split_cells_and_strip_glued_footnotes() {
    let d = read("firstquantum-2024Q4-md-webcopy-tradingview.txt");
    let t = &d.tables[0];
    assert_eq!(t.title.as_deref(), Some("REALIZED METAL PRICES"));
    assert_eq!(t.rows[1].label, "Realized copper price (per lb)"); // printed "price1 (per lb)"
    assert_eq!(t.rows[1].unit, Some(assay::document::Unit::MoneyPerLb));
    let cols: Vec<&str> = t.columns.iter().map(|c| c.label.as_str()).collect();
    assert_eq!(
        cols,
        [
            "QUARTERLY Q4 2024",
            "QUARTERLY Q3 2024",
            "QUARTERLY Q4 2023"
        ]
    );
}

#[test]
fn unreadable_input_is_one_clear_error() {
    use assay::read::{read_document, ReadError, MAX_INPUT_BYTES};
    assert_eq!(read_document(b""), Err(ReadError::Empty));
    assert_eq!(
        read_document(b"\x89PNG\r\n\x1a\n\x00\x01\x02binary"),
        Err(ReadError::Binary)
    );
    // A PDF is read natively (tests/read_pdf.rs); a broken one says so.
    assert!(matches!(
        read_document(b"%PDF-1.4\x00\x01\x02binary"),
        Err(ReadError::Pdf(_))
    ));
    let big = vec![b'a'; MAX_INPUT_BYTES + 1];
    assert!(matches!(
        read_document(&big),
        Err(ReadError::TooLarge { .. })
    ));
    for e in [
        ReadError::Empty,
        ReadError::Binary,
        ReadError::TooLarge { bytes: 6_000_000 },
    ] {
        let msg = e.to_string();
        assert!(!msg.contains('\n') && msg.ends_with('.'), "{msg}");
    }
}

#[test]
fn latin1_text_and_text_without_tables() {
    // "Panamá" in Windows-1252 is not UTF-8.
    let d = assay::read::read_document(b"Cobre Panam\xe1 update\n\nNo figures here.\n").unwrap();
    assert_eq!(d.source.encoding, "windows-1252");
    assert_eq!(d.narrative[0].text, "Cobre Panamá update");
    assert!(d.tables.is_empty());
    assert_eq!(d.warnings.len(), 1);
    assert_eq!(d.warnings[0].message, "No tables were found in this text.");
}

/// Column labels of table `t`.
fn columns(doc: &Document, t: usize) -> Vec<(String, Option<u8>)> {
    doc.tables[t]
        .columns
        .iter()
        .map(|c| (c.label.to_string(), c.months))
        .collect()
}

#[test]
fn rules_under_spanning_headers_give_their_extent() {
    // Russel Metals line 52: "Three Months Ended" is printed over two of its three columns,
    // but the rule under it (line 53) runs over all three.
    let d = read("russelmetals-2024Q4-djn-fixedwidth.txt");
    let q = |l: &str| (l.to_string(), Some(3));
    let y = |l: &str| (l.to_string(), Some(12));
    assert_eq!(
        columns(&d, 0),
        [
            q("Three Months Ended Dec 31 2024"),
            q("Three Months Ended Sep 30 2024"),
            q("Three Months Ended Dec 31 2023"),
            y("Year Ended Dec 31 2024"),
            y("Year Ended Dec 31 2023"),
        ]
    );
    // Avient lines 151-159: a period over two years, each year over a "$" and an "EPS" column
    // (rules at lines 153 and 159).
    let d = read("NEG-avient-2024Q4-djn-fixedwidth.txt");
    let t = d
        .tables
        .iter()
        .position(|t| t.line == 151)
        .expect("table at 151");
    assert_eq!(
        columns(&d, t),
        [
            q("Three Months Ended December 31, 2024 $"),
            q("Three Months Ended December 31, 2024 EPS"),
            q("Three Months Ended December 31, 2023 $"),
            q("Three Months Ended December 31, 2023 EPS"),
        ]
    );
}

#[test]
fn a_footnote_marker_beside_a_note_is_not_a_value() {
    // Pericom 2007 020827 line 355: "(unaudited)   (1)" under "Jul 1, 2006" is header text.
    let d = read("NEG-pericom-2007-0001144204-07-020827-edgar-txt.txt");
    let rows = d.tables.iter().flat_map(|t| &t.rows);
    assert!(rows.clone().all(|r| r.label != "(unaudited)"));
    assert_eq!(values_at(&d, 360), some(&["8544", "12577"]));
}

#[test]
fn company_from_the_dateline_and_dow_jones_symbols() {
    let cases = [
        (
            "compassminerals-FY2025Q1-djn-fixedwidth.txt",
            "Compass Minerals",
            vec!["CMP"],
        ),
        (
            "NEG-avient-2024Q4-djn-fixedwidth.txt",
            "Avient Corporation",
            vec!["AVNT"],
        ),
        (
            "firstquantum-2024Q4-md-webcopy-tradingview.txt",
            "First Quantum Minerals Ltd.",
            vec![],
        ),
        (
            "russelmetals-2024Q4-djn-fixedwidth.txt",
            "Russel Metals Inc.",
            vec![],
        ),
        (
            "NEG-pericom-2003-0000891092-03-002843-edgar-txt.txt",
            "Pericom Semiconductor",
            vec!["NASDAQ:PSEM"],
        ),
    ];
    for (file, name, tickers) in cases {
        let d = read(file);
        assert_eq!(d.company.name.as_deref(), Some(name), "{file}");
        assert_eq!(d.company.tickers, tickers, "{file}");
    }
}

#[test]
fn totals_close_sums_and_quotients_do_not() {
    use assay::document::RowKind;
    let text = "\
                              2024      2023
Copper sales                   100        90
Gold sales                      50        40
Total sales                    150       130
                             -----     -----
Total cash cost per ounce     5.00      4.00
";
    let d = assay::read::read_text(text);
    let kinds: Vec<(&str, RowKind)> = d.tables[0]
        .rows
        .iter()
        .map(|r| (r.label.as_str(), r.kind))
        .collect();
    assert_eq!(
        kinds,
        [
            ("Copper sales", RowKind::Item),
            ("Gold sales", RowKind::Item),
            // Named "Total" with rows above it to close, though no rule is printed over it.
            ("Total sales", RowKind::Total),
            // Under a rule, but a quotient: not a sum.
            ("Total cash cost per ounce", RowKind::Item),
        ]
    );
}

#[test]
fn pericom_quarters_agree_where_periods_overlap() {
    // Each Pericom release repeats earlier quarters (the prior-year quarter, the previous
    // quarter, year-to-date). Net revenues for the same period must read the same in every
    // release that prints them. (Costs and expenses do not always agree: later releases
    // restate them, e.g. cost of revenues for the quarter ended March 31, 2005 is 12,262 in
    // 05-001389 and 11,982 in 05-003130, so only revenues are compared.)
    use std::collections::BTreeMap;
    let names: Vec<String> = corpus::first()
        .into_iter()
        .filter(|n| n.starts_with("NEG-pericom-"))
        .collect();
    let mut seen: BTreeMap<(String, u8), Vec<(String, String)>> = BTreeMap::new();
    for name in &names {
        let d = read(name);
        let gaap = d.tables.iter().find(|t| {
            let title = t.title.as_deref().unwrap_or("").to_ascii_lowercase();
            title.contains("statements of operations") && !title.contains("pro forma")
        });
        let Some(t) = gaap else { continue };
        let Some(rev) = t.rows.iter().find(|r| r.label == "Net revenues") else {
            continue;
        };
        for (c, v) in t.columns.iter().zip(&rev.cells) {
            if let (Some(end), Some(m), Some(v)) = (c.end, c.months, v) {
                seen.entry((end.to_string(), m))
                    .or_default()
                    .push((name.clone(), v.value.contract_string()));
            }
        }
    }
    let overlaps: Vec<_> = seen
        .iter()
        .filter(|(_, v)| {
            v.iter()
                .map(|x| &x.0)
                .collect::<std::collections::BTreeSet<_>>()
                .len()
                > 1
        })
        .collect();
    assert!(
        overlaps.len() >= 8,
        "{} overlapping periods",
        overlaps.len()
    );
    for (period, values) in overlaps {
        let first = &values[0].1;
        assert!(
            values.iter().all(|v| &v.1 == first),
            "{period:?}: {values:?}"
        );
    }
}

/// A table ends where the release's text resumes after a blank line, a title ("SOURCE Pericom
/// Semiconductor Corporation", read by hand at lines 596–597) and a line that reads like a
/// header ("-0-   04/21/2005"): the balance sheet's last row is its grand total (lines
/// 592–593), not the wire's contact lines after it.
#[test]
fn a_table_ends_before_the_text_after_it() {
    let doc = read("NEG-pericom-2005-0001275287-05-001389-edgar-txt.txt");
    let sheet = (doc.tables.iter())
        .find(|t| t.title.as_deref() == Some("Condensed Consolidated Balance Sheets"))
        .expect("the balance sheet");
    let last = sheet.rows.last().expect("rows");
    assert_eq!(
        last.label.to_string(),
        "Total liabilities and shareholders' equity"
    );
    assert!(
        sheet.rows.iter().all(|r| r.line <= 593),
        "a row past the table"
    );
}
