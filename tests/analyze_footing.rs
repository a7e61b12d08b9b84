//! Footing's structure comes from the layout and the arithmetic tests it: small statements
//! written the way releases print them, each total worked out here by hand.

use assay::analyze::{analyze, Analysis, CheckKind, Status};

fn footings(text: &str) -> Analysis {
    let doc = assay::read::read_document(text.as_bytes()).expect("reads");
    let mut a = analyze(&doc);
    a.checks.retain(|c| c.kind == CheckKind::Footing);
    a
}

/// (status, column label) of each footing check, in order.
fn statuses(a: &Analysis) -> Vec<(Status, String)> {
    a.checks
        .iter()
        .map(|c| (c.status, c.cells[0].column_label.to_string()))
        .collect()
}

const HEAD: &str = "EXAMPLE MINING CORP REPORTS RESULTS\n\nExample Mining Corp (NYSE: EXM) today reported its results.\n\n                     Condensed Consolidated Balance Sheets\n";

/// Line 16 closes the three rows under "Current assets:" (lines 12-14): 1,200 + 350 + 460 =
/// 2,010 and 1,100 + 300 + 400 = 1,800. The "% Change" column (9 + 17 + 15 is not 12) is
/// never summed.
fn balance_sheet(inventories_2023: &str) -> String {
    format!(
        "{HEAD}                           (dollars in thousands)

                                  Dec. 31,      Dec. 31,
                                    2024          2023      % Change
                                 ---------     ---------    --------
Current assets:
  Cash and cash equivalents      $   1,200     $   1,100          9
  Accounts receivable                  350           300         17
  Inventories                          460     {inventories_2023:>9}         15
                                 ---------     ---------    --------
     Total current assets            2,010         1,800         12
                                 =========     =========    ========
"
    )
}

#[test]
fn a_percent_change_column_is_never_summed() {
    let a = footings(&balance_sheet("400"));
    assert_eq!(
        statuses(&a),
        [
            (Status::Ok, "Dec. 31, 2024".to_string()),
            (Status::Ok, "Dec. 31, 2023".to_string())
        ]
    );
}

#[test]
fn a_wrong_term_fails_its_total_naming_the_line() {
    // Inventories 2023 printed 410: the rows under the heading make 1,810, not 1,800. The
    // 2024 column confirms the structure, so the check fails rather than vanishes.
    let a = footings(&balance_sheet("410"));
    assert_eq!(
        statuses(&a),
        [
            (Status::Ok, "Dec. 31, 2024".to_string()),
            (Status::Mismatch, "Dec. 31, 2023".to_string())
        ]
    );
    let m = &a.checks[1];
    assert_eq!(m.cells[0].line, 16);
    assert!(m.cells.iter().any(|c| c.line == 14 && c.printed == "410"));
    assert!(
        m.explanation.contains("a difference of -10,000"),
        "{}",
        m.explanation
    );
}

/// A statement of stockholders' equity with no scale statement: the preferred stock lines,
/// then common stock 12, paid-in capital 81,925 and 74,559, the deficit (64,027) and
/// (63,039), and the total line.
fn equity(preferred: &str, total: &str) -> String {
    format!(
        "{HEAD}
                                  Dec. 31,      Dec. 31,
                                    2024          2023
                                 ---------     ---------
Stockholders' equity:
{preferred}
  Common stock                          12            12
  Additional paid-in capital        81,925        74,559
  Accumulated deficit              (64,027)      (63,039)
                                 ---------     ---------
     Total stockholders' equity  {total}
                                 =========     =========
"
    )
}

#[test]
fn rows_that_print_no_unit_sum_with_the_money_rows() {
    // "$" only on the first row and the total: 5,000 + 12 + 81,925 + (64,027) = 22,910 and
    // 5,000 + 12 + 74,559 + (63,039) = 16,532.
    let text = equity(
        "  Preferred stock                $   5,000     $   5,000",
        "$  22,910     $  16,532",
    );
    let a = footings(&text);
    assert_eq!(a.checks.len(), 2);
    assert!(a.checks.iter().all(|c| c.status == Status::Ok));
    assert!(a.checks.iter().all(|c| c.cells.len() == 5), "all four rows");
}

#[test]
fn a_difference_that_is_a_left_out_row_is_not_a_mismatch() {
    // A row that reads as a per-share figure is left out of the sum; in 2023 the total is 5
    // more than the other rows (12 + 74,559 + (63,039) = 11,532), exactly that row's figure:
    // the structure is in doubt, not the total. (A par value's "per share" no longer makes
    // a row per-share, "Preferred stock, $0.01 par value per share" is an amount: the row
    // here says "per share" of itself.)
    let text = equity(
        "  Preferred dividends\n   per share                            --             5",
        "   17,910        11,537",
    );
    let a = footings(&text);
    assert_eq!(
        statuses(&a),
        [
            (Status::Ok, "Dec. 31, 2024".to_string()),
            (Status::NotCheckable, "Dec. 31, 2023".to_string())
        ]
    );
    assert!(a.checks[1].explanation.contains("left out"));
}

#[test]
fn with_one_column_a_total_named_for_its_heading_closes_the_rows_under_it() {
    // One column: nothing else to confirm a reading, but "Total current liabilities" under
    // "Current liabilities:" closes the rows under it. 6,391 + 5,478 + 0 = 11,869, printed
    // 11,896: a mismatch naming line 16. Read right, it foots.
    let statement = |total: &str| {
        format!(
            "{HEAD}                           (dollars in thousands)

                                  Dec. 31,
                                    2024
                                 ---------
Current liabilities:
  Accounts payable               $   6,391
  Accrued liabilities                5,478
  Current portion of debt               --
                                 ---------
     Total current liabilities   {total:>9}
                                 =========
"
        )
    };
    let a = footings(&statement("11,869"));
    assert_eq!(statuses(&a), [(Status::Ok, "Dec. 31, 2024".to_string())]);
    let a = footings(&statement("11,896"));
    assert_eq!(
        statuses(&a),
        [(Status::Mismatch, "Dec. 31, 2024".to_string())]
    );
    assert_eq!(a.checks[0].cells[0].line, 16);
    assert_eq!(a.checks[0].cells.len(), 4);
}

#[test]
fn totals_printed_in_turn_give_their_difference() {
    // Selected balance sheet data: the items do not foot, but total equity is total assets
    // less total liabilities: 18,223 - 7,880 = 10,343 and 16,382 - 6,298 = 10,084. Total
    // assets for 2023 printed 16,392 makes 10,094: a mismatch naming line 13. (Total assets
    // and total liabilities themselves are not checkable: their items are a selection.)
    let statement = |assets_2023: &str| {
        format!(
            "{HEAD}                           (dollars in millions)

                                  Dec. 31,      Dec. 31,
                                    2024          2023
                                 ---------     ---------
  Cash and cash equivalents            929           477
                                 ---------     ---------
  Total assets                      18,223     {assets_2023:>9}
  Long-term debt                     6,615         6,135
                                 ---------     ---------
  Total liabilities                  7,880         6,298
                                 ---------     ---------
  Total shareholders' equity        10,343        10,084
                                 =========     =========
"
        )
    };
    // The checks of total equity (line 18).
    let equity = |a: &Analysis| -> Vec<(Status, String)> {
        (a.checks.iter().zip(statuses(a)))
            .filter(|(c, _)| c.cells[0].line == 18)
            .map(|(_, s)| s)
            .collect()
    };
    let a = footings(&statement("16,382"));
    assert_eq!(
        equity(&a),
        [
            (Status::Ok, "Dec. 31, 2024".to_string()),
            (Status::Ok, "Dec. 31, 2023".to_string())
        ]
    );
    let a = footings(&statement("16,392"));
    assert_eq!(
        equity(&a),
        [
            (Status::Ok, "Dec. 31, 2024".to_string()),
            (Status::Mismatch, "Dec. 31, 2023".to_string())
        ]
    );
    let m = a
        .checks
        .iter()
        .find(|c| c.status == Status::Mismatch)
        .unwrap();
    assert!(m
        .cells
        .iter()
        .any(|c| c.line == 13 && c.printed == "16,392"));
}
