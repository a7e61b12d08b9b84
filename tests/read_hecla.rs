//! The Hecla seed (Q3 2007, EDGAR Exhibit 99.1): every cell of every table, written by reading
//! the release (tests/fixtures/hecla-2007Q3-edgar-ex99-txt.txt), not by copying output.
//!
//! Expected rows are written as printed, "(4,828)" and "--" included; `printed_to_contract`
//! below applies the schema's rules by hand (commas dropped, parentheses negative, a dash
//! nil = "0") so the expectation does not depend on the reader's own number code.

use assay::document::{Document, RowKind, Scale, Unit};

fn doc() -> Document {
    assay::read::read_document(include_bytes!("fixtures/hecla-2007Q3-edgar-ex99-txt.txt"))
        .expect("reads")
}

fn printed_to_contract(p: &str) -> String {
    if p == "--" {
        return "0".to_string();
    }
    let plain = p.replace(',', "");
    match plain.strip_prefix('(').and_then(|s| s.strip_suffix(')')) {
        Some(inner) => format!("-{inner}"),
        None => plain,
    }
}

/// Compares a table's rows with `(section, label, printed values)`; an empty value string is
/// a heading row (no values).
fn check(doc: &Document, index: usize, expected: &[(&str, &str, &str)]) {
    let t = &doc.tables[index];
    let got: Vec<(String, String, Vec<Option<String>>)> = t
        .rows
        .iter()
        .map(|r| {
            let values = serde_json::to_value(r).unwrap()["values"]
                .as_array()
                .unwrap()
                .iter()
                .map(|v| v.as_str().map(str::to_string))
                .collect();
            (
                r.section.as_deref().unwrap_or_default().to_string(),
                r.label.to_string(),
                values,
            )
        })
        .collect();
    let want: Vec<(String, String, Vec<Option<String>>)> = expected
        .iter()
        .map(|(s, l, v)| {
            let values = if v.is_empty() {
                vec![None; t.columns.len()]
            } else {
                v.split_whitespace()
                    .map(|p| Some(printed_to_contract(p)))
                    .collect()
            };
            (s.to_string(), l.to_string(), values)
        })
        .collect();
    for (i, (g, w)) in got.iter().zip(&want).enumerate() {
        assert_eq!(g, w, "table {} row {i}", t.id);
    }
    assert_eq!(got.len(), want.len(), "table {} row count", t.id);
}

fn row<'a>(
    doc: &'a Document,
    table: usize,
    section: Option<&str>,
    label: &str,
) -> &'a assay::document::Row {
    doc.tables[table]
        .rows
        .iter()
        .find(|r| r.label == label && (section.is_none() || r.section.as_deref() == section))
        .unwrap_or_else(|| panic!("no row {label:?} in table {table}"))
}

#[test]
fn seven_tables_with_titles_and_notes() {
    let d = doc();
    let titles: Vec<Option<&str>> = d.tables.iter().map(|t| t.title.as_deref()).collect();
    assert_eq!(
        titles,
        [
            Some("HIGHLIGHTS"),
            None,
            Some("Consolidated Statements of Operations"),
            Some("Consolidated Balance Sheets"),
            Some("Consolidated Statements of Cash Flows"),
            Some("Production Data"),
            Some("Reconciliation of Cash Costs per Ounce to Generally Accepted Accounting Principles (GAAP)"),
        ]
    );
    assert_eq!(
        d.tables[0].scale_note.as_deref(),
        Some("dollars in thousands, except per share, per ounce and per pound amounts - unaudited")
    );
    assert_eq!(
        d.tables[2].scale_note.as_deref(),
        Some("dollars and shares in thousands, except per share amounts - unaudited")
    );
    assert_eq!(
        d.tables[6].scale_note.as_deref(),
        Some("dollars and ounces in thousands, except per ounce - unaudited")
    );
    assert!(d.warnings.is_empty(), "{:?}", d.warnings);
}

#[test]
fn metadata() {
    let d = doc();
    assert_eq!(d.schema, "assay/2");
    assert_eq!(d.company.name.as_deref(), Some("Hecla Mining Company"));
    assert_eq!(d.company.tickers, ["NYSE:HL"]);
    assert_eq!(d.date.map(|x| x.to_string()).as_deref(), Some("2007-11-08"));
    assert_eq!(
        d.period.end.map(|x| x.to_string()).as_deref(),
        Some("2007-09-30")
    );
    assert_eq!(d.period.months, Some(3));
    assert_eq!(d.title.as_deref(), Some("Hecla Reports Robust Third Quarter Results: Increased Income, Gross Profit and Cash Flow"));
    // Narrative keeps line numbers: the paragraph with the total gross profit claim starts at 9.
    let p = d
        .narrative
        .iter()
        .find(|p| p.text.contains("Total gross profit increased 46%"))
        .unwrap();
    assert_eq!(p.line, 9);
}

#[test]
fn columns_stack_headers_and_know_their_periods() {
    let d = doc();
    let cols = |i: usize| -> Vec<(String, Option<String>, Option<u8>)> {
        d.tables[i]
            .columns
            .iter()
            .map(|c| (c.label.to_string(), c.end.map(|e| e.to_string()), c.months))
            .collect()
    };
    let quarter_and_nine = vec![
        (
            "Third Quarter Ended Sept. 30, 2007".to_string(),
            Some("2007-09-30".to_string()),
            Some(3),
        ),
        (
            "Third Quarter Ended Sept. 30, 2006".to_string(),
            Some("2006-09-30".to_string()),
            Some(3),
        ),
        (
            "Nine Months Ended Sept. 30, 2007".to_string(),
            Some("2007-09-30".to_string()),
            Some(9),
        ),
        (
            "Nine Months Ended Sept. 30, 2006".to_string(),
            Some("2006-09-30".to_string()),
            Some(9),
        ),
    ];
    assert_eq!(cols(0), quarter_and_nine);
    // The footnote reconciliation prints no header: it continues the highlights' columns.
    assert_eq!(cols(1), quarter_and_nine);
    assert_eq!(cols(2), quarter_and_nine);
    assert_eq!(
        cols(3),
        [
            (
                "September 30, 2007".to_string(),
                Some("2007-09-30".to_string()),
                None
            ),
            (
                "Dec. 31, 2006".to_string(),
                Some("2006-12-31".to_string()),
                None
            )
        ]
    );
    assert_eq!(
        cols(4),
        [
            (
                "Nine Months Ended Sept. 30, 2007".to_string(),
                Some("2007-09-30".to_string()),
                Some(9)
            ),
            (
                "Nine Months Ended Sept. 30, 2006".to_string(),
                Some("2006-09-30".to_string()),
                Some(9)
            )
        ]
    );
    assert_eq!(cols(5), quarter_and_nine);
    assert_eq!(cols(6)[0].0, "Three Months Ended Sept. 30, 2007");
    assert_eq!(cols(6)[0].2, Some(3));
    assert_eq!(cols(6)[3].0, "Nine Months Ended Sept. 30, 2006");
}

const FIN: &str = "FINANCIAL DATA";
const PROD: &str = "PRODUCTION SUMMARY - TOTALS";
const PRICES: &str = "AVERAGE METAL PRICES";

#[test]
fn highlights() {
    check(
        &doc(),
        0,
        &[
            (FIN, "Sales", ""),
            (FIN, "Silver operations", "39,809 29,255 117,341 79,345"),
            (FIN, "Gold operations", "9,419 21,159 45,132 67,800"),
            (FIN, "Total sales", "49,228 50,414 162,473 147,145"),
            (FIN, "Gross Profit (Loss)", ""),
            (FIN, "Silver operations", "20,718 12,361 60,701 34,182"),
            (FIN, "Gold operations", "275 2,011 (4,828) 9,624"),
            (FIN, "Total gross profit", "20,993 14,372 55,873 43,806"),
            (FIN, "Net income", "12,485 1,001 44,965 48,610"),
            (FIN, "Income applicable to common shareholders", "12,347 863 44,551 48,196"),
            (FIN, "Basic income per common share", "0.10 0.01 0.37 0.40"),
            (FIN, "Cash flow provided by operating activities", "22,617 11,049 46,984 39,658"),
            (FIN, "Net cash provided by operating activities before exploration and pre-development expenses", "28,043 19,347 61,322 60,403"),
            (PROD, "Silver - Ounces", "1,341,395 1,496,315 4,391,176 4,000,076"),
            (PROD, "Gold - Ounces", "23,238 43,340 85,611 127,837"),
            (PROD, "Lead - Tons", "5,729 6,011 18,318 16,508"),
            (PROD, "Zinc - Tons", "6,627 6,203 19,285 16,836"),
            (PROD, "Average cost per ounce of silver produced", ""),
            (PROD, "Cash operating costs ($/oz.)", "(5.44) 0.30 (3.08) 1.19"),
            (PROD, "Total cash costs ($/oz.)", "(4.91) 0.59 (2.58) 1.48"),
            (PROD, "Total production costs ($/oz.)", "(2.40) 2.70 (0.39) 3.60"),
            (PROD, "Average cost per ounce of gold produced", ""),
            (PROD, "Cash operating costs ($/oz.)", "516 339 501 340"),
            (PROD, "Total cash costs ($/oz.)", "538 380 521 359"),
            (PROD, "Total production costs ($/oz.)", "689 571 688 527"),
            (PRICES, "Silver - London Fix ($/oz.)", "12.70 11.70 13.12 11.22"),
            (PRICES, "Gold - London Final ($/oz.)", "681 622 666 601"),
            (PRICES, "Lead - LME Cash ($/pound)", "1.43 0.54 1.07 0.53"),
            (PRICES, "Zinc - LME Cash ($/pound)", "1.46 1.53 1.56 1.35"),
        ],
    );
}

#[test]
fn highlights_units_scales_parents() {
    let d = doc();
    let silver = row(&d, 0, Some(PROD), "Silver - Ounces");
    assert_eq!(
        (silver.unit, silver.scale, silver.line),
        (Some(Unit::Oz), Scale::One, 474)
    );
    let sales = row(&d, 0, Some(FIN), "Total sales");
    assert_eq!(
        (sales.unit, sales.scale, sales.kind, sales.parent.as_deref()),
        (
            Some(Unit::Money),
            Scale::Thousands,
            RowKind::Total,
            Some("Sales")
        )
    );
    let eps = row(&d, 0, None, "Basic income per common share");
    assert_eq!(
        (eps.unit, eps.scale),
        (Some(Unit::MoneyPerShare), Scale::One)
    );
    let cash = &d.tables[0]
        .rows
        .iter()
        .filter(|r| r.label == "Total cash costs ($/oz.)")
        .collect::<Vec<_>>()[0];
    assert_eq!(
        cash.parent.as_deref(),
        Some("Average cost per ounce of silver produced")
    );
    assert_eq!(
        (cash.unit, cash.scale, cash.line),
        (Some(Unit::MoneyPerOz), Scale::One, 483)
    );
    let lead = row(&d, 0, None, "Lead - LME Cash ($/pound)");
    assert_eq!(
        (lead.unit, lead.scale),
        (Some(Unit::MoneyPerLb), Scale::One)
    );
    let tons = row(&d, 0, None, "Lead - Tons");
    assert_eq!(tons.unit, Some(Unit::Tons));
    let heading = row(&d, 0, None, "Average cost per ounce of gold produced");
    assert_eq!(heading.kind, RowKind::Heading);
    // Printed text is kept per cell for display: the nil and the glued "$".
    let json: serde_json::Value = serde_json::from_str(&d.to_json()).unwrap();
    let fin = &json["tables"][0]["rows"][6];
    assert_eq!(fin["printed"][2], "(4,828)");
    assert_eq!(fin["values"][2], "-4828");
}

#[test]
fn non_gaap_footnote_reconciliation() {
    let d = doc();
    check(
        &d,
        1,
        &[
            ("", "Cash flow provided by operating activities", "22,617 11,049 46,984 39,658"),
            ("", "Add exploration", "5,426 6,058 13,311 15,056"),
            ("", "Add pre-development expenses", "-- 2,240 1,027 5,689"),
            // "pre-development expenses$   28,043": label and "$" glued.
            ("", "Net cash provided by operating activities before exploration and pre-development expenses", "28,043 19,347 61,322 60,403"),
        ],
    );
    let last = &d.tables[1].rows[3];
    assert_eq!(
        (last.kind, last.line, last.scale),
        (RowKind::Total, 527, Scale::Thousands)
    );
    assert_eq!(
        d.tables[1].rows[2].cells[0]
            .as_ref()
            .map(|c| c.printed.as_str()),
        Some("--")
    );
}

#[test]
fn statement_of_operations() {
    check(
        &doc(),
        2,
        &[
            ("", "Sales of products", "49,228 50,414 162,473 147,145"),
            (
                "",
                "Cost of sales and other direct production costs",
                "22,288 25,696 85,312 76,322",
            ),
            (
                "",
                "Depreciation, depletion and amortization",
                "5,947 10,346 21,288 27,017",
            ),
            ("", "", "28,235 36,042 106,600 103,339"),
            ("", "Gross profit", "20,993 14,372 55,873 43,806"),
            ("", "Other operating expenses", ""),
            ("", "General and administrative", "3,117 2,601 10,753 9,482"),
            ("", "Exploration", "5,426 6,058 13,311 15,056"),
            ("", "Pre-development expenses", "-- 2,240 1,027 5,689"),
            ("", "Depreciation and amortization", "28 196 251 743"),
            ("", "Other operating expenses", "37 683 1,336 1,877"),
            (
                "",
                "Gain on sale of properties, plants and equipment",
                "(47) (31) (63,874) (4,451)",
            ),
            (
                "",
                "Provision for closed operations and environmental matters",
                "3,176 906 49,579 2,503",
            ),
            ("", "", "11,737 12,653 12,383 30,899"),
            ("", "Income from operations", "9,256 1,719 43,490 12,907"),
            ("", "Other income (expense)", ""),
            ("", "Gain on sale of investments", "-- -- -- 36,416"),
            ("", "Interest and other income", "2,183 1,117 5,840 2,808"),
            ("", "Interest expense", "(133) (189) (575) (552)"),
            (
                "",
                "Net foreign exchange loss",
                "(3) (1,264) (6,126) (1,334)",
            ),
            ("", "", "2,047 (336) (861) 37,338"),
            (
                "",
                "Income from operations before income taxes",
                "11,303 1,383 42,629 50,245",
            ),
            (
                "",
                "Income tax benefit (provision)",
                "1,182 (382) 2,336 (1,635)",
            ),
            ("", "Net income", "12,485 1,001 44,965 48,610"),
            ("", "Preferred stock dividends", "(138) (138) (414) (414)"),
            (
                "",
                "Income applicable to common shareholders",
                "12,347 863 44,551 48,196",
            ),
            (
                "",
                "Basic and diluted income per common share after preferred dividends",
                "0.10 0.01 0.37 0.40",
            ),
            (
                "",
                "Basic weighted average number of common shares outstanding",
                "120,440 119,483 120,218 119,146",
            ),
            (
                "",
                "Diluted weighted average number of common shares outstanding",
                "120,975 119,869 120,811 119,561",
            ),
        ],
    );
}

#[test]
fn statement_of_operations_kinds_and_units() {
    let d = doc();
    let kinds: Vec<RowKind> = d.tables[2].rows.iter().map(|r| r.kind).collect();
    use RowKind::{Heading as H, Item as I, Total as T};
    assert_eq!(
        kinds,
        [I, I, I, T, T, H, I, I, I, I, I, I, I, T, T, H, I, I, I, I, T, T, I, T, I, T, I, I, I]
    );
    let shares = row(
        &d,
        2,
        None,
        "Basic weighted average number of common shares outstanding",
    );
    assert_eq!(
        (shares.unit, shares.scale),
        (Some(Unit::Shares), Scale::Thousands)
    );
    let eps = row(
        &d,
        2,
        None,
        "Basic and diluted income per common share after preferred dividends",
    );
    assert_eq!(
        (eps.unit, eps.scale),
        (Some(Unit::MoneyPerShare), Scale::One)
    );
    assert_eq!(
        row(&d, 2, None, "Exploration").parent.as_deref(),
        Some("Other operating expenses")
    );
    assert_eq!(row(&d, 2, None, "Income from operations").parent, None);
}

const ASSETS: &str = "ASSETS";
const LIAB: &str = "LIABILITIES";
const EQUITY: &str = "SHAREHOLDERS' EQUITY";

#[test]
fn balance_sheet() {
    let d = doc();
    check(
        &d,
        3,
        &[
            (ASSETS, "Current assets", ""),
            (ASSETS, "Cash and cash equivalents", "120,925 75,878"),
            (
                ASSETS,
                "Short-term investments and securities held for sale",
                "73,866 25,455",
            ),
            (ASSETS, "Accounts and notes receivable", "28,365 26,647"),
            (ASSETS, "Inventories", "18,273 22,305"),
            (ASSETS, "Deferred taxes", "15,029 11,822"),
            (ASSETS, "Other current assets", "5,502 3,454"),
            (ASSETS, "Total current assets", "261,960 165,561"),
            (ASSETS, "Investments", "9,242 6,213"),
            (ASSETS, "Restricted cash and investments", "15,110 21,286"),
            (
                ASSETS,
                "Properties, plants and equipment, net",
                "125,602 125,986",
            ),
            (ASSETS, "Other noncurrent assets", "24,807 27,223"),
            (ASSETS, "Total assets", "436,721 346,269"),
            (LIAB, "Current liabilities", ""),
            (
                LIAB,
                "Accounts payable and accrued expenses",
                "22,756 24,238",
            ),
            (
                LIAB,
                "Accrued payroll and related benefits",
                "12,948 15,036",
            ),
            (LIAB, "Accrued taxes", "2,822 5,678"),
            (
                LIAB,
                "Current portion of accrued reclamation and closure costs",
                "10,935 7,365",
            ),
            (LIAB, "Total current liabilities", "49,461 52,317"),
            (
                LIAB,
                "Accrued reclamation and closure costs",
                "98,257 58,539",
            ),
            (LIAB, "Other noncurrent liabilities", "11,975 10,685"),
            (LIAB, "Total liabilities", "159,693 121,541"),
            (EQUITY, "Preferred stock", "39 39"),
            (EQUITY, "Common stock", "30,166 29,957"),
            (EQUITY, "Capital surplus", "519,767 513,785"),
            (EQUITY, "Accumulated deficit", "(282,970) (327,522)"),
            (
                EQUITY,
                "Accumulated other comprehensive income",
                "10,666 8,900",
            ),
            (EQUITY, "Treasury stock", "(640) (431)"),
            (EQUITY, "Total shareholders' equity", "277,028 224,728"),
            (
                "", // the statement's closing rows are outside every section
                "Total liabilities and shareholders' equity",
                "436,721 346,269",
            ),
            (
                "",
                "Common shares outstanding at end of period",
                "120,218 119,771",
            ),
        ],
    );
    let deficit = row(&d, 3, None, "Accumulated deficit");
    assert_eq!(
        deficit.value(1),
        Some(&assay::document::Value::Amount("-327522".parse().unwrap()))
    );
    assert_eq!(d.tables[3].columns[1].months, None);
    assert_eq!(
        (deficit.unit, deficit.scale, deficit.line),
        (Some(Unit::Money), Scale::Thousands, 679)
    );
    let shares = row(&d, 3, None, "Common shares outstanding at end of period");
    assert_eq!(
        (shares.unit, shares.scale),
        (Some(Unit::Shares), Scale::Thousands)
    );
}

const OPS: &str = "OPERATING ACTIVITIES";
const INV: &str = "INVESTING ACTIVITIES";
const FINA: &str = "FINANCING ACTIVITIES";

#[test]
fn cash_flows() {
    check(
        &doc(),
        4,
        &[
            (OPS, "Net income", "44,965 48,610"),
            (OPS, "Noncash elements included in net income", ""),
            (
                OPS,
                "Depreciation, depletion and amortization",
                "21,547 27,760",
            ),
            (OPS, "Gain on sale of investments", "-- (36,416)"),
            (
                OPS,
                "Gain on disposition of properties, plants and equipment",
                "(63,872) (4,451)",
            ),
            (OPS, "Gain on sale of royalty interests", "-- (341)"),
            (OPS, "Provision for inventory obsolescence", "1,091 1,342"),
            (
                OPS,
                "Provision for reclamation and closure costs",
                "46,221 261",
            ),
            (OPS, "Stock compensation", "3,149 2,202"),
            (OPS, "Provision for deferred taxes", "(3,207) --"),
            (OPS, "Other non-cash charges, net", "-- 266"),
            (OPS, "Change in assets and liabilities", ""),
            (OPS, "Accounts and notes receivable", "(1,617) (4,667)"),
            (OPS, "Inventories", "2,684 1,827"),
            (OPS, "Other current and noncurrent assets", "3,562 15"),
            (OPS, "Accounts payable and accrued expenses", "(447) 1,852"),
            (OPS, "Accrued payroll and related benefits", "(1,903) 2,984"),
            (OPS, "Accrued taxes", "(2,855) 572"),
            (
                OPS,
                "Accrued reclamation and closure costs and other noncurrent liabilities",
                "(2,329) (2,158)",
            ),
            (
                OPS,
                "Net cash provided by operating activities",
                "46,989 39,658",
            ),
            (
                INV,
                "Additions to properties, plants and equipment",
                "(28,421) (20,115)",
            ),
            (INV, "Proceeds from sale of investments", "-- 57,441"),
            (
                INV,
                "Proceeds from disposition of properties, plants and equipment",
                "45,048 4,368",
            ),
            (INV, "Purchase of equity securities", "(181) --"),
            (
                INV,
                "Purchase of short-term investments",
                "(87,959) (43,060)",
            ),
            (INV, "Maturities of short-term investments", "64,170 28,210"),
            (INV, "Increase in restricted investments", "2,981 (729)"),
            (
                INV,
                "Net cash provided by (used in) investing activities",
                "(4,362) 26,115",
            ),
            (
                FINA,
                "Common stock issued under stock option plans",
                "3,042 2,452",
            ),
            (
                FINA,
                "Dividends paid to preferred shareholders",
                "(414) (414)",
            ),
            (FINA, "Purchase of treasury shares", "(208) (313)"),
            (FINA, "Other financing activities", "-- --"),
            (FINA, "Borrowings on debt", "-- 4,060"),
            (FINA, "Repayment on debt", "-- (7,060)"),
            (
                FINA,
                "Net cash provided by (used in) financing activities",
                "2,420 (1,275)",
            ),
            (
                "", // after the financing total, rule and gap
                "Net increase in cash and cash equivalents",
                "45,047 64,498",
            ),
            (
                "",
                "Cash and cash equivalents at beginning of period",
                "75,878 6,308",
            ),
            (
                "",
                "Cash and cash equivalents at end of period",
                "120,925 70,806",
            ),
        ],
    );
}

const LF: &str = "LUCKY FRIDAY UNIT";
const GC: &str = "GREENS CREEK UNIT (Reflects Hecla's 29.73% share)";
const LC: &str = "LA CAMORRA UNIT";

#[test]
fn production_data() {
    let d = doc();
    check(
        &d,
        5,
        &[
            (LF, "Tons of ore milled", "72,592 72,713 241,011 202,140"),
            (LF, "Mining cost per ton", "56.35 57.85 52.99 53.80"),
            (LF, "Milling cost per ton", "15.30 13.45 12.19 12.35"),
            (
                LF,
                "Ore grade milled - Silver (oz./ton)",
                "9.89 10.96 10.46 11.41",
            ),
            (
                LF,
                "Silver produced (oz.)",
                "661,511 737,450 2,317,741 2,106,367",
            ),
            (LF, "Lead produced (tons)", "4,032 4,339 13,630 12,025"),
            (LF, "Zinc produced (tons)", "1,606 2,061 5,711 4,467"),
            (LF, "Average cost per ounce of silver produced", ""),
            (LF, "Cash operating costs", "(2.56) 3.78 (0.53) 4.61"),
            (LF, "Total cash costs", "(2.38) 3.88 (0.28) 4.69"),
            (LF, "Total production costs", "(0.80) 5.23 1.00 5.88"),
            (
                LF,
                "Capital additions (in thousands)",
                "8,052 2,058 16,112 6,565",
            ),
            (GC, "Tons of ore milled", "58,384 53,116 161,204 156,509"),
            (GC, "Mining cost per ton", "45.87 39.69 45.21 36.67"),
            (GC, "Milling cost per ton", "25.77 21.66 28.29 23.74"),
            (
                GC,
                "Ore grade milled - Silver (oz./ton)",
                "15.54 18.05 16.62 15.79",
            ),
            (
                GC,
                "Silver produced (oz.)",
                "679,884 758,865 2,073,435 1,893,709",
            ),
            (GC, "Gold produced (oz.)", "5,614 4,704 14,963 13,182"),
            (GC, "Lead produced (tons)", "1,697 1,672 4,688 4,483"),
            (GC, "Zinc produced (tons)", "5,021 4,142 13,574 12,369"),
            (GC, "Average cost per ounce of silver produced", ""),
            (GC, "Cash operating costs", "(8.25) (3.07) (5.94) (2.61)"),
            (GC, "Total cash costs", "(7.42) (2.61) (5.15) (2.08)"),
            (GC, "Total production costs", "(3.96) 0.24 (1.93) 1.07"),
            (
                GC,
                "Capital additions (in thousands)",
                "2,842 2,078 6,823 6,031",
            ),
            (LC, "Tons of ore processed", "21,982 57,647 120,040 173,026"),
            (LC, "Mining cost per ton", "175.05 116.75 161.00 122.91"),
            (LC, "Milling cost per ton", "41.09 20.38 31.35 17.50"),
            (
                LC,
                "Ore grade milled - Gold (oz./ton)",
                "0.834 0.684 0.611 0.695",
            ),
            (LC, "Gold produced (oz.)", "17,624 38,636 70,649 114,656"),
            (LC, "Average cost per ounce of gold produced", ""),
            (LC, "Cash operating costs", "516 339 501 340"),
            (LC, "Total cash costs", "538 380 521 359"),
            (LC, "Total production costs", "689 571 688 527"),
            (
                LC,
                "Capital additions (in thousands)",
                "2,393 2,234 6,373 7,786",
            ),
        ],
    );
    let gc = row(&d, 5, Some(GC), "Total cash costs");
    assert_eq!(
        gc.value(0),
        Some(&assay::document::Value::Amount("-7.42".parse().unwrap()))
    );
    assert_eq!(
        (gc.unit, gc.scale, gc.parent.as_deref()),
        (
            Some(Unit::MoneyPerOz),
            Scale::One,
            Some("Average cost per ounce of silver produced")
        )
    );
    let capex = row(&d, 5, Some(LF), "Capital additions (in thousands)");
    assert_eq!(
        (capex.unit, capex.scale, capex.parent.as_deref()),
        (Some(Unit::Money), Scale::Thousands, None)
    );
    assert_eq!(
        row(&d, 5, Some(LF), "Mining cost per ton").unit,
        Some(Unit::MoneyPerTon)
    );
    assert_eq!(
        row(&d, 5, Some(LF), "Ore grade milled - Silver (oz./ton)").unit,
        Some(Unit::OzPerTon)
    );
}

#[test]
fn reconciliation_of_cash_costs() {
    const SO: &str = "SILVER OPERATIONS";
    const GO: &str = "GOLD OPERATIONS";
    const ALL: &str = "RECONCILIATION TO GAAP, ALL OPERATIONS";
    const COS: &str = "Costs of sales and other direct production costs and depreciation, depletion and amortization (GAAP)";
    const DDA: &str = "Depreciation, depletion and amortization";
    const REC: &str = "Reconciliation to GAAP";
    let d = doc();
    check(
        &d,
        6,
        &[
            (SO, "Total cash costs", "(6,615) 881 (11,314) 5,928"),
            (
                SO,
                "Divided by silver ounces produced",
                "1,341 1,496 4,391 4,000",
            ),
            (
                SO,
                "Total cash cost per ounce produced",
                "(4.91) 0.59 (2.58) 1.48",
            ),
            (SO, REC, ""),
            (SO, "Total cash costs", "(6,615) 881 (11,314) 5,928"),
            (SO, DDA, "3,318 3,117 9,463 8,331"),
            (
                SO,
                "Treatment & freight costs",
                "(7,684) (9,177) (23,792) (24,193)",
            ),
            (SO, "By-product credits", "30,772 21,520 82,298 54,234"),
            (SO, "Change in product inventory", "(750) 506 (161) 718"),
            (SO, "Reclamation and other costs", "50 49 145 146"),
            (SO, COS, "19,091 16,896 56,639 45,164"),
            (GO, "Total cash costs", "9,681 14,073 35,405 39,844"),
            (GO, "Divided by gold ounces produced", "18 37 68 111"),
            (GO, "Total cash cost per ounce produced", "538 380 521 359"),
            (GO, REC, ""),
            (GO, "Total cash costs", "9,681 14,073 35,405 39,844"),
            (GO, DDA, "2,627 7,229 11,824 18,686"),
            (
                GO,
                "Treatment & freight costs",
                "(630) (445) (2,130) (4,127)",
            ),
            (GO, "By-product credits", "120 555 1,849 1,980"),
            (
                GO,
                "Change in product inventory",
                "(2,363) (2,492) (899) 1,619",
            ),
            (GO, "Reduction in labor cost", "-- -- 1,280 --"),
            (
                GO,
                "Shutdown-related costs at Mina Isidora",
                "-- -- 2,708 --",
            ),
            (GO, "Reclamation and other costs", "(291) 226 (76) 173"),
            (GO, COS, "9,144 19,146 49,961 58,175"),
            (LF, "Total cash costs", "(1,575) 2,859 (641) 9,876"),
            (
                LF,
                "Divided by silver ounces produced",
                "662 737 2,318 2,106",
            ),
            (
                LF,
                "Total cash cost per ounce produced",
                "(2.38) 3.88 (0.28) 4.69",
            ),
            (LF, REC, ""),
            (LF, "Total cash costs", "(1,575) 2,859 (641) 9,876"),
            (LF, DDA, "1,016 997 2,930 2,489"),
            (
                LF,
                "Treatment & freight costs",
                "(3,251) (3,942) (10,581) (10,220)",
            ),
            (LF, "By-product credits", "13,776 8,678 37,743 20,049"),
            (LF, "Change in product inventory", "(24) (39) (195) (267)"),
            (LF, "Reclamation and other costs", "6 3 18 14"),
            (LF, COS, "9,948 8,556 29,274 21,941"),
            (GC, "Total cash costs", "(5,040) (1,978) (10,673) (3,948)"),
            (
                GC,
                "Divided by silver ounces produced",
                "679 759 2,073 1,894",
            ),
            (
                GC,
                "Total cash cost per ounce produced",
                "(7.42) (2.61) (5.15) (2.08)",
            ),
            (GC, REC, ""),
            (GC, "Total cash costs", "(5,040) (1,978) (10,673) (3,948)"),
            (GC, DDA, "2,302 2,120 6,533 5,842"),
            (
                GC,
                "Treatment & freight costs",
                "(4,433) (5,235) (13,211) (13,973)",
            ),
            (GC, "By-product credits", "16,996 12,842 44,555 34,185"),
            (GC, "Change in product inventory", "(726) 545 34 78"),
            (GC, "Reclamation and other costs", "44 46 127 132"),
            (GC, COS, "9,143 8,340 27,365 22,316"),
            (ALL, "Total cash costs", "3,066 14,954 24,091 45,772"),
            (ALL, DDA, "5,945 10,346 21,287 27,017"),
            (
                ALL,
                "Treatment & freight costs",
                "(8,314) (9,622) (25,922) (28,320)",
            ),
            (ALL, "By-product credits", "30,892 22,075 84,147 56,214"),
            (
                ALL,
                "Change in product inventory",
                "(3,113) (1,986) (1,060) 2,337",
            ),
            (ALL, "Reduction in labor cost", "-- -- 1,280 --"),
            (
                ALL,
                "Shutdown-related costs at Mina Isidora",
                "-- -- 2,708 --",
            ),
            (ALL, "Reclamation and other costs", "(241) 275 69 319"),
            (ALL, COS, "28,235 36,042 106,600 103,339"),
        ],
    );
    // "dollars and ounces in thousands, except per ounce": ounces scaled, per-ounce not.
    let oz = row(&d, 6, Some(SO), "Divided by silver ounces produced");
    assert_eq!((oz.unit, oz.scale), (Some(Unit::Oz), Scale::Thousands));
    // A quotient under a rule is not a sum: the per-ounce figure is an item.
    let per = row(&d, 6, Some(SO), "Total cash cost per ounce produced");
    assert_eq!(
        (per.unit, per.scale, per.kind),
        (Some(Unit::MoneyPerOz), Scale::One, RowKind::Item)
    );
    // "Total cash costs" opening the block restates a figure (an item); the cost of sales
    // under the rule closes the sum.
    let kinds: Vec<(RowKind, &str)> = d.tables[6]
        .rows
        .iter()
        .filter(|r| r.section.as_deref() == Some(SO))
        .map(|r| (r.kind, r.label.as_str()))
        .collect();
    assert_eq!(kinds[0], (RowKind::Item, "Total cash costs"));
    assert_eq!(kinds.last().map(|k| k.0), Some(RowKind::Total));
}

#[test]
fn json_round_trip() {
    let d = doc();
    let json = d.to_json();
    assert!(json.contains("\"schema\": \"assay/2\""));
    assert_eq!(Document::from_json(&json).unwrap(), d);
}
