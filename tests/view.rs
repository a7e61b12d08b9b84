//! View models on the seed: change columns and the checks' reading order.

use assay::analyze::{analyze, Status};
use assay::view::{
    changes, check_figures, checks_in_order, table_columns, ChangeCell, TableColumn,
};

#[test]
fn highlights_get_a_change_column_after_each_pair_of_periods() {
    let d = assay::read::read_document(include_bytes!("fixtures/hecla-2007Q3-edgar-ex99-txt.txt"))
        .unwrap();
    let a = analyze(&d);
    let t = &d.tables[0];
    assert_eq!(
        table_columns(t, &a),
        [
            TableColumn::Printed(0),
            TableColumn::Printed(1),
            TableColumn::Change {
                current: 0,
                prior: 1
            },
            TableColumn::Printed(2),
            TableColumn::Printed(3),
            TableColumn::Change {
                current: 2,
                prior: 3
            },
        ]
    );
    let all = changes(&a);
    let gross = t
        .rows
        .iter()
        .position(|r| r.label == "Total gross profit")
        .unwrap();
    // 20,993 against 14,372: +46.07%, shown to one place.
    let cell = all.get(&t.id, gross, 0, 1).unwrap();
    assert_eq!(cell.text(), "+46.1%");
    // Silver cash cost −4.91 against 0.59: percent of a sign change means nothing.
    let cost = t
        .rows
        .iter()
        .position(|r| r.label.starts_with("Total cash costs"))
        .unwrap();
    assert!(matches!(
        all.get(&t.id, cost, 0, 1).unwrap(),
        ChangeCell::NotMeaningful(_)
    ));
    assert_eq!(all.get(&t.id, cost, 0, 1).unwrap().text(), "n.m.");
}

#[test]
fn mismatches_come_first() {
    let d = assay::read::read_document(include_bytes!("fixtures/hecla-2007Q3-edgar-ex99-txt.txt"))
        .unwrap();
    let a = analyze(&d);
    let order = checks_in_order(&a);
    let first_other = order
        .iter()
        .position(|c| c.status != Status::Mismatch)
        .unwrap();
    assert!(first_other > 0);
    assert!(order[first_other..]
        .iter()
        .all(|c| c.status != Status::Mismatch));
}

/// A check's figures read as a person reads them: Hecla prints the nine months' operating
/// cash flow as 46,989 (thousands) in its cash flow statement (line 731) and as 46,984 in its
/// highlights (line 462).
#[test]
fn check_figures_are_grouped_as_printed() {
    let d = assay::read::read_document(include_bytes!("fixtures/hecla-2007Q3-edgar-ex99-txt.txt"))
        .unwrap();
    let a = analyze(&d);
    let texts: Vec<String> = a
        .checks
        .iter()
        .filter(|c| c.status == Status::Mismatch)
        .filter_map(check_figures)
        .collect();
    assert!(
        texts.iter().any(|t| t.starts_with(
            "reported 46,989,000, recomputed 46,984,000 (accepted 46,983,500 to 46,984,500:"
        )),
        "{texts:#?}"
    );
}
