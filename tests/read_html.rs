//! HTML releases and text copied from a browser (issue 7).
//!
//! Expected cells below were read from the Buckle exhibit as a browser shows it (the rows of
//! `NEG-buckle-FY2024Q3-browser-copy.txt`, lines 111-141 and 166-206), not from the program.

use assay::document::{Document, Scale, Unit};

#[allow(dead_code)]
#[path = "support/corpus.rs"]
mod corpus;

fn fixture(name: &str) -> Vec<u8> {
    corpus::read(name)
}

fn read(name: &str) -> Document {
    assay::read::read_document(&fixture(name)).expect("reads")
}

/// (label, contract values) of every row with values.
fn rows(d: &Document, t: usize) -> Vec<(String, Vec<Option<String>>)> {
    d.tables[t]
        .rows
        .iter()
        .filter(|r| r.cells.iter().any(Option::is_some))
        .map(|r| {
            let v = r
                .cells
                .iter()
                .map(|c| c.as_ref().map(|c| c.value.contract_string()))
                .collect();
            (r.label.to_string(), v)
        })
        .collect()
}

/// Expected rows from (label, printed values separated by spaces).
fn expect(rows: &[(&str, &str)]) -> Vec<(String, Vec<Option<String>>)> {
    rows.iter()
        .map(|(l, v)| {
            let values = v
                .split_whitespace()
                .map(|p| {
                    let neg = p.starts_with('(');
                    let digits: String = p
                        .chars()
                        .filter(|c| c.is_ascii_digit() || *c == '.')
                        .collect();
                    Some(if neg { format!("-{digits}") } else { digits })
                })
                .collect();
            (l.to_string(), values)
        })
        .collect()
}

const INCOME: &[(&str, &str)] = &[
    (
        "SALES, Net of returns and allowances",
        "293,618 303,457 838,490 878,719",
    ),
    (
        "COST OF SALES (Including buying, distribution, and occupancy costs)",
        "153,547 156,242 445,188 459,835",
    ),
    ("Gross profit", "140,071 147,215 393,302 418,884"),
    ("Selling", "71,986 70,242 206,454 205,081"),
    ("General and administrative", "13,602 12,908 41,709 39,247"),
    ("", "85,588 83,150 248,163 244,328"),
    ("INCOME FROM OPERATIONS", "54,483 64,065 145,139 174,556"),
    ("OTHER INCOME, Net", "4,023 4,490 11,510 11,322"),
    (
        "INCOME BEFORE INCOME TAXES",
        "58,506 68,555 156,649 185,878",
    ),
    ("INCOME TAX EXPENSE", "14,334 16,793 38,379 45,540"),
    ("NET INCOME", "44,172 51,762 118,270 140,338"),
    ("Basic", "0.89 1.05 2.37 2.83"),
    ("Diluted", "0.88 1.04 2.35 2.81"),
    (
        "Basic weighted average shares",
        "49,854 49,513 49,854 49,513",
    ),
    (
        "Diluted weighted average shares",
        "50,297 49,937 50,230 49,891",
    ),
];

const BALANCE: &[(&str, &str)] = &[
    ("Cash and cash equivalents", "301,958 268,213 311,657"),
    ("Short-term investments", "23,482 22,210 23,446"),
    ("Receivables", "7,901 8,697 10,341"),
    ("Inventory", "149,351 126,290 152,289"),
    ("Prepaid expenses and other assets", "22,236 18,846 11,206"),
    ("Total current assets", "504,928 444,256 508,939"),
    ("PROPERTY AND EQUIPMENT", "508,273 489,037 483,435"),
    ("Less accumulated depreciation and amortization", "(365,241) (360,200) (359,367)"),
    ("", "143,032 128,837 124,068"),
    ("OPERATING LEASE RIGHT-OF-USE ASSETS", "287,687 280,813 253,418"),
    ("LONG-TERM INVESTMENTS", "27,261 24,993 22,508"),
    ("OTHER ASSETS", "13,362 10,911 12,274"),
    ("Total assets", "976,270 889,810 921,207"),
    ("Accounts payable", "67,701 45,958 63,320"),
    ("Accrued employee compensation", "27,095 49,827 34,784"),
    ("Accrued store operating expenses", "25,921 19,067 26,335"),
    ("Gift certificates redeemable", "12,571 16,667 12,305"),
    ("Current portion of operating lease liabilities", "76,963 85,265 78,884"),
    ("Income taxes payable", "2,519 4,672 536"),
    ("Total current liabilities", "212,770 221,456 216,164"),
    ("DEFERRED COMPENSATION", "27,261 24,993 22,508"),
    ("NON-CURRENT OPERATING LEASE LIABILITIES", "247,850 230,141 208,517"),
    ("Total liabilities", "487,881 476,590 447,189"),
    (
        "Common stock, authorized 100,000,000 shares of $.01 par value; issued and outstanding; 50,773,796 shares at November 2, 2024, 50,445,186 shares at February 3, 2024, and 50,445,386 shares at October 28, 2023",
        "508 504 504",
    ),
    ("Additional paid-in capital", "202,895 192,686 189,297"),
    ("Retained earnings", "284,986 220,030 284,217"),
    ("Total stockholders’ equity", "488,389 413,220 474,018"),
    ("Total liabilities and stockholders’ equity", "976,270 889,810 921,207"),
];

#[test]
fn buckle_exhibit_every_table_and_cell() {
    let d = read("NEG-buckle-FY2024Q3-edgar-ex99.htm");
    // The exhibit keeps its EDGAR <DOCUMENT><TYPE>EX-99.1 lines above the <html>.
    assert_eq!(d.source.format, "edgar-txt");
    assert!(d.warnings.is_empty(), "{:?}", d.warnings);
    // Four <table>s: the letterhead and the contact box hold no figures; the two statements.
    assert_eq!(d.tables.len(), 2);
    assert_eq!(rows(&d, 0), expect(INCOME));
    assert_eq!(rows(&d, 1), expect(BALANCE));

    let inc = &d.tables[0];
    assert_eq!(
        inc.title.as_deref(),
        Some("CONSOLIDATED STATEMENTS OF INCOME")
    );
    assert_eq!(
        inc.scale_note.as_deref(),
        Some("Amounts in Thousands Except Per Share Amounts, Unaudited")
    );
    let cols: Vec<(&str, Option<String>)> = inc
        .columns
        .iter()
        .map(|c| (c.label.as_str(), c.end.map(|e| e.to_string())))
        .collect();
    assert_eq!(
        cols,
        [
            (
                "Thirteen Weeks Ended November 2, 2024",
                Some("2024-11-02".into())
            ),
            (
                "Thirteen Weeks Ended October 28, 2023",
                Some("2023-10-28".into())
            ),
            (
                "Thirty-Nine Weeks Ended November 2, 2024",
                Some("2024-11-02".into())
            ),
            (
                "Thirty-Nine Weeks Ended October 28, 2023",
                Some("2023-10-28".into())
            ),
        ]
    );
    let months: Vec<Option<u8>> = inc.columns.iter().map(|c| c.months).collect();
    assert_eq!(months, [Some(3), Some(3), Some(9), Some(9)]);
    let basic = inc.rows.iter().find(|r| r.label == "Basic").unwrap();
    assert_eq!(
        (basic.unit, basic.scale),
        (Some(Unit::MoneyPerShare), Scale::One)
    );
    let sales = &inc.rows[0];
    assert_eq!(
        (sales.unit, sales.scale),
        (Some(Unit::Money), Scale::Thousands)
    );

    let bal = &d.tables[1];
    assert_eq!(bal.title.as_deref(), Some("CONSOLIDATED BALANCE SHEETS"));
    let labels: Vec<&str> = bal.columns.iter().map(|c| c.label.as_str()).collect();
    assert_eq!(
        labels,
        ["November 2, 2024", "February 3, 2024", "October 28, 2023"]
    );
    assert!(bal.columns.iter().all(|c| c.months.is_none()));
    assert_eq!(d.company.tickers, ["NYSE:BKE"]);
}

#[test]
fn html_inside_an_edgar_submission_reads_the_same() {
    let htm = read("NEG-buckle-FY2024Q3-edgar-ex99.htm");
    let sub = read("NEG-buckle-FY2024Q3-edgar-submission.txt");
    assert_eq!(sub.source.format, "edgar-txt");
    assert_eq!(sub.tables.len(), htm.tables.len());
    for t in 0..htm.tables.len() {
        assert_eq!(rows(&sub, t), rows(&htm, t));
        assert_eq!(sub.tables[t].columns, htm.tables[t].columns);
    }
    // Line numbers count from the submission's first line.
    assert!(sub.tables[0].line > htm.tables[0].line);
}

#[test]
fn browser_copied_text_gives_the_same_tables_and_values() {
    let pairs = [(
        "NEG-buckle-FY2024Q3-edgar-ex99.htm",
        "NEG-buckle-FY2024Q3-browser-copy.txt",
    )];
    for (html, copy) in pairs {
        let h = read(html);
        let c = read(copy);
        assert_eq!(c.tables.len(), h.tables.len(), "{copy}");
        for t in 0..h.tables.len() {
            assert_eq!(rows(&c, t), rows(&h, t), "{copy} table {t}");
            assert_eq!(c.tables[t].title, h.tables[t].title, "{copy} table {t}");
            // Header cells that wrapped in the page ("November 2," / "2024") are whole again.
            assert_eq!(c.tables[t].columns, h.tables[t].columns, "{copy} table {t}");
            assert_eq!(
                c.tables[t].scale_note, h.tables[t].scale_note,
                "{copy} table {t}"
            );
            let units = |d: &Document| -> Vec<(Option<Unit>, Scale)> {
                d.tables[t]
                    .rows
                    .iter()
                    .filter(|r| r.cells.iter().any(Option::is_some))
                    .map(|r| (r.unit, r.scale))
                    .collect()
            };
            assert_eq!(units(&c), units(&h), "{copy} table {t}");
        }
    }
}

#[test]
fn read_html_takes_a_paste_as_html() {
    let html = "<p>Results</p><table><tr><td></td><td>2024</td><td>2023</td></tr>\
                <tr><td>Net sales</td><td>$</td><td>1,200</td><td>$</td><td>1,100</td></tr>\
                <tr><td>Net loss</td><td colspan=2>(40</td><td>)</td><td colspan=2>12</td></tr></table>";
    let d = assay::read::read_html(html);
    assert_eq!(d.tables.len(), 1);
    assert_eq!(
        rows(&d, 0),
        expect(&[("Net sales", "1,200 1,100"), ("Net loss", "(40) 12")])
    );
}

#[test]
fn broken_html_warns_and_never_panics() {
    // Unclosed cells, rows and table.
    let d = assay::read::read_html(
        "<table><tr><td>Revenue<td>1,000<td>900<tr><td>Cost<td>(400)<td>(350)",
    );
    assert_eq!(
        rows(&d, 0),
        expect(&[("Revenue", "1,000 900"), ("Cost", "(400) (350)")])
    );
    assert!(
        d.warnings.iter().any(|w| w.message.contains("unclosed")),
        "{:?}",
        d.warnings
    );

    // Tables without rows.
    let d =
        assay::read::read_html("<html><body><table></table><table><tr></tr></table></body></html>");
    assert!(d.tables.is_empty());
    assert!(!d.warnings.is_empty());

    // 10,000 nested tables, closed and unclosed: read iteratively, no stack overflow.
    let deep = "<table><tr><td>".repeat(10_000) + "Sales</td><td>5</td></tr></table>";
    let d = assay::read::read_html(&deep);
    assert!(
        d.warnings.iter().any(|w| w.message.contains("deep")),
        "{:?}",
        d.warnings
    );
    let closed = "<table><tr><td>".repeat(10_000) + &"</td></tr></table>".repeat(10_000);
    let d = assay::read::read_html(&closed);
    assert!(!d.warnings.is_empty());

    // Garbage.
    for s in [
        "<",
        "<<<>>>",
        "<table <tr",
        "</td></tr></table>",
        "<td>1</td>",
        "&#99999999;&;",
    ] {
        let _ = assay::read::read_html(s);
        let _ = assay::read::read_text(s);
    }
}
