//! Checks and metrics on the Hecla Q3 2007 seed, asserted from a reading of the release by
//! hand: every figure below is recomputed here from the printed numbers (line numbers are the
//! fixture's).

use std::str::FromStr;

use assay::analyze::{analyze, Analysis, Check, CheckKind, Status};
use rust_decimal::Decimal;

fn seed() -> Analysis {
    let doc = assay::read::read_document(assay::SAMPLE_RELEASE.as_bytes()).expect("reads");
    analyze(&doc)
}

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

/// The checks of `kind` whose first cell is on `line` in the column labelled `column`.
fn at<'a>(a: &'a Analysis, kind: CheckKind, line: usize, column: &str) -> Vec<&'a Check> {
    a.of_kind(kind)
        .filter(|c| {
            c.cells
                .first()
                .is_some_and(|r| r.line == line && r.column_label == column)
        })
        .collect()
}

const Q3_07: &str = "Third Quarter Ended Sept. 30, 2007";
const Q3_06: &str = "Third Quarter Ended Sept. 30, 2006";
const M9_07: &str = "Nine Months Ended Sept. 30, 2007";
const M9_06: &str = "Nine Months Ended Sept. 30, 2006";

#[test]
fn highlights_totals_foot() {
    let a = seed();
    // Line 446: Total sales = silver 39,809 + gold 9,419 (lines 443-444), in thousands.
    let c = at(&a, CheckKind::Footing, 446, Q3_07);
    assert_eq!(c.len(), 1);
    assert_eq!(c[0].status, Status::Ok);
    assert_eq!(c[0].reported, Some(d("49228000")));
    assert_eq!(c[0].recomputed, Some(d("39809000") + d("9419000")));
    // Line 453, nine months 2007: 60,701 + (4,828) = 55,873.
    let c = at(&a, CheckKind::Footing, 453, M9_07);
    assert_eq!(c[0].status, Status::Ok);
    assert_eq!(c[0].recomputed, Some(d("60701000") - d("4828000")));
}

#[test]
fn income_statement_foots_through_its_subtotals() {
    let a = seed();
    // Line 565 (unlabelled): 22,288 + 5,947 = 28,235; line 567 gross profit: 49,228 - 28,235.
    let c = at(&a, CheckKind::Footing, 565, Q3_07);
    assert_eq!(c[0].recomputed, Some(d("22288000") + d("5947000")));
    let c = at(&a, CheckKind::Footing, 567, Q3_07);
    assert_eq!(c[0].status, Status::Ok);
    assert_eq!(c[0].recomputed, Some(d("49228000") - d("28235000")));
    // Line 585, nine months 2007: 55,873 - 12,383 = 43,490.
    let c = at(&a, CheckKind::Footing, 585, M9_07);
    assert_eq!(c[0].recomputed, Some(d("43490000")));
    // Line 594, nine months 2006: -- + 2,808 - 552 - 1,334 + 36,416 = 37,338.
    let c = at(&a, CheckKind::Footing, 594, M9_06);
    assert_eq!(c[0].recomputed, Some(d("37338000")));
    // Line 606: 1,001 - 138 = 863.
    let c = at(&a, CheckKind::Footing, 606, Q3_06);
    assert_eq!(c[0].recomputed, Some(d("863000")));
}

#[test]
fn balance_sheet_identities() {
    let a = seed();
    let sep = "September 30, 2007";
    // Line 687: 159,693 + 277,028 = 436,721; line 652 total assets equals it.
    let c = at(&a, CheckKind::Footing, 687, sep);
    assert_eq!(c.len(), 1);
    assert_eq!(c[0].recomputed, Some(d("159693000") + d("277028000")));
    let c = at(&a, CheckKind::Footing, 652, sep);
    assert_eq!(c.len(), 2, "generic footing and the identity");
    assert!(c.iter().all(|c| c.status == Status::Ok));
    // Line 652 generic: 261,960 + 9,242 + 15,110 + 125,602 + 24,807 = 436,721.
    assert!(c
        .iter()
        .any(|c| c.recomputed == Some(d("436721000")) && c.cells.len() == 6));
}

#[test]
fn cash_flow_identities() {
    let a = seed();
    // Line 731: the cash flow statement's operating total 46,989 foots: 44,965 + 21,547
    // - 63,872 + 1,091 + 46,221 + 3,149 - 3,207 - 1,617 + 2,684 + 3,562 - 447 - 1,903 - 2,855
    // - 2,329 = 46,989 (the highlights print 46,984: a cross-table finding, not a footing one).
    let sum = [
        44965, 21547, -63872, 1091, 46221, 3149, -3207, -1617, 2684, 3562, -447, -1903, -2855,
        -2329,
    ]
    .iter()
    .sum::<i64>();
    assert_eq!(sum, 46989);
    let c = at(&a, CheckKind::Footing, 731, M9_07);
    assert_eq!(c[0].status, Status::Ok);
    assert_eq!(c[0].recomputed, Some(Decimal::from(sum * 1000)));
    // Line 765: 46,989 - 4,362 + 2,420 = 45,047; line 769: 75,878 + 45,047 = 120,925.
    let c = at(&a, CheckKind::Footing, 765, M9_07);
    assert_eq!(c[0].recomputed, Some(d("45047000")));
    let c = at(&a, CheckKind::Footing, 769, M9_06);
    assert_eq!(c[0].recomputed, Some(d("6308000") + d("64498000")));
    assert_eq!(c[0].status, Status::Ok);
}

#[test]
fn every_footing_holds() {
    // Read by hand: every total in the seed's statements and reconciliations foots.
    let a = seed();
    let bad: Vec<_> = a
        .of_kind(CheckKind::Footing)
        .filter(|c| c.status != Status::Ok)
        .map(|c| &c.explanation)
        .collect();
    assert!(bad.is_empty(), "{bad:#?}");
}

#[test]
fn cash_cost_per_ounce_blocks() {
    let a = seed();
    // Line 873, Q3 2007: (6,615) / 1,341 = -4.9329...; any values those rounded figures can
    // stand for give between -6,615.5/1,340.5 = -4.9351 and -6,614.5/1,341.5 = -4.9307, so the
    // printed (4.91) cannot come from them. The release prints (4.91) in three places (lines
    // 29, 483, 873) but its own parts give (4.93): a real mismatch.
    let c = at(
        &a,
        CheckKind::Recompute,
        873,
        "Three Months Ended Sept. 30, 2007",
    );
    assert_eq!(c.len(), 1);
    assert_eq!(c[0].status, Status::Mismatch);
    assert_eq!(c[0].reported, Some(d("-4.91")));
    let t = c[0].tolerance.as_ref().unwrap();
    assert!(t.low < d("-4.935") && t.low > d("-4.936"));
    assert!(t.high > d("-4.931") && t.high < d("-4.930"));
    // Line 963, nine months 2006: (3,948) / 1,894 = -2.0845 → (2.08): ok.
    let c = at(
        &a,
        CheckKind::Recompute,
        963,
        "Nine Months Ended Sept. 30, 2006",
    );
    assert_eq!(c[0].status, Status::Ok);
    // Line 901, Q3 2007 gold: 9,681 / 18 = 537.83 → 538.
    let c = at(
        &a,
        CheckKind::Recompute,
        901,
        "Three Months Ended Sept. 30, 2007",
    );
    assert_eq!(c[0].status, Status::Ok);
    // Four blocks of four columns.
    let blocks: Vec<_> = a
        .of_kind(CheckKind::Recompute)
        .filter(|c| c.cells[0].row_label == "Total cash cost per ounce produced")
        .collect();
    assert_eq!(blocks.len(), 16);
    assert_eq!(
        blocks
            .iter()
            .filter(|c| c.status == Status::Mismatch)
            .count(),
        1
    );
}

#[test]
fn per_share() {
    let a = seed();
    // Line 611, Q3 2007: 12,347 / 120,440 = 0.1025 (basic) and 12,347 / 120,975 = 0.1021
    // (diluted), both print as 0.10.
    let c = at(&a, CheckKind::Recompute, 611, Q3_07);
    assert_eq!(c.len(), 2);
    assert!(c.iter().all(|c| c.status == Status::Ok));
    // Nine months 2006: 48,196 / 119,146 = 0.4045 → 0.40.
    let c = at(&a, CheckKind::Recompute, 611, M9_06);
    assert!(c.iter().all(|c| c.status == Status::Ok));
}

#[test]
fn cross_table_findings() {
    let a = seed();
    // Line 731 (cash flow statement) prints 46,989 for nine months 2007; the highlights (line
    // 462) and the footnote reconciliation (line 519) print 46,984. The statement foots to
    // 46,989 (see cash_flow_identities), so the highlights carry the odd figure.
    let c = at(&a, CheckKind::CrossTable, 731, M9_07);
    assert_eq!(c.len(), 1);
    assert_eq!(c[0].status, Status::Mismatch);
    assert_eq!(c[0].reported, Some(d("46989000")));
    assert_eq!(c[0].recomputed, Some(d("46984000")));
    // Nine months 2006 agree: 39,658 in both.
    assert_eq!(
        at(&a, CheckKind::CrossTable, 731, M9_06)[0].status,
        Status::Ok
    );
    // Line 988: the all-operations reconciliation's DD&A is 5,945 (Q3 2007) and 21,287 (nine
    // months) against the income statement's 5,947 and 21,288 (line 563); 2006 agrees.
    let q3 = "Three Months Ended Sept. 30, 2007";
    let c = at(&a, CheckKind::CrossTable, 988, q3);
    assert_eq!(c[0].status, Status::Mismatch);
    assert_eq!(
        c[0].reported.unwrap() - c[0].recomputed.unwrap(),
        d("-2000")
    );
    let c = at(
        &a,
        CheckKind::CrossTable,
        988,
        "Nine Months Ended Sept. 30, 2006",
    );
    assert_eq!(c[0].status, Status::Ok);
    // Line 960: Greens Creek's Q3 2007 ounces print as 679 (thousand) against 679,884 in the
    // production data (line 813), which rounds to 680; the other three columns agree
    // (758,865 → 759, 2,073,435 → 2,073, 1,893,709 → 1,894).
    let c: Vec<_> = a
        .of_kind(CheckKind::CrossTable)
        .filter(|c| c.cells[0].line == 960)
        .collect();
    assert_eq!(c.len(), 4);
    assert_eq!(c.iter().filter(|c| c.status == Status::Mismatch).count(), 1);
    // Everything else printed twice agrees: highlights vs statements, balance sheet cash vs
    // the cash flow statement's beginning (Dec. 31, 2006: 75,878) and end (120,925).
    let bad: Vec<_> = a
        .of_kind(CheckKind::CrossTable)
        .filter(|c| c.status == Status::Mismatch)
        .map(|c| c.cells[0].line)
        .collect();
    assert_eq!(bad, [731, 988, 988, 960]);
    for line in [766, 769] {
        let c: Vec<_> = a
            .of_kind(CheckKind::CrossTable)
            .filter(|c| c.cells[0].line == line)
            .collect();
        assert_eq!(c.len(), 1, "line {line}");
        assert_eq!(c[0].cells[1].line, 637);
        assert_eq!(c[0].status, Status::Ok);
    }
}

fn claim<'a>(a: &'a Analysis, figure: &str, sentence_has: &str) -> Vec<&'a Check> {
    a.of_kind(CheckKind::Claim)
        .filter(|c| {
            c.claim
                .as_ref()
                .is_some_and(|r| r.figure == figure && r.sentence.contains(sentence_has))
        })
        .collect()
}

#[test]
fn narrative_claims() {
    let a = seed();
    // Line 12: "$12.4 million" of income applicable to common shareholders in Q3 2007; the
    // tables print 12,347 (lines 458, 606), which is $12.3 million: a real mismatch.
    let c = claim(&a, "$12.4 million", "income applicable");
    assert_eq!(c.len(), 1);
    assert_eq!(c[0].status, Status::Mismatch);
    assert_eq!(c[0].recomputed, Some(d("12347000")));
    // Line 15: "increased 46% to $21 million": 20,993 / 14,372 - 1 = 46.07%.
    let c = claim(&a, "46%", "Total gross profit");
    assert_eq!(c[0].status, Status::Ok);
    assert_eq!(c[0].recomputed, Some(d("46.0687")));
    assert_eq!(
        claim(&a, "$21 million", "Total gross profit")[0].status,
        Status::Ok
    );
    // Line 366: "current ratio ... 5.3:1": 261,960 / 49,461 = 5.296.
    let c = claim(&a, "5.3:1", "current ratio");
    assert_eq!(c[0].status, Status::Ok);
    // Lines 57 and 368: "cash, cash equivalents and short-term investments totaling
    // approximately $195 million": 120,925 + 73,866 = 194,791 (lines 637, 639).
    let c = claim(&a, "$195 million", "short-term investments");
    assert_eq!(c.len(), 2);
    assert!(c
        .iter()
        .all(|c| c.status == Status::Ok && c.recomputed == Some(d("120925000") + d("73866000"))));
    // Line 88: lead averaged $1.43 per pound in Q3 2007 and 54 cents in Q3 2006 (line 503).
    assert_eq!(claim(&a, "$1.43", "price of lead")[0].status, Status::Ok);
    assert_eq!(claim(&a, "54 cents", "price of lead")[0].status, Status::Ok);
    // Line 86: a 100% increase of lead, 1.07 / 0.53 - 1 = 101.9%, within what the rounded
    // prices allow (1.065 / 0.535 - 1 = 99.1% at the least).
    assert_eq!(claim(&a, "100%", "price of lead")[0].status, Status::Ok);
    // Line 95: "increased 17% to $13.12 ... 11% to $666 ... 16% to $1.56 ..., respectively":
    // 13.12 / 11.22 = 1.169, 666 / 601 = 1.108, 1.56 / 1.35 = 1.156.
    for f in ["17%", "$13.12", "11%", "$666", "16%", "$1.56"] {
        assert_eq!(claim(&a, f, "respectively")[0].status, Status::Ok, "{f}");
    }
    // Line 140: Lucky Friday's "negative $2.38 per ounce, a 161% improvement": from 3.88,
    // (3.88 + 2.38) / 3.88 = 161.3%.
    assert_eq!(claim(&a, "161%", "Lucky Friday")[0].status, Status::Ok);
    // Line 372: FX losses of $6.1 million (6,126), up $4.8 million (6,126 - 1,334 = 4,792).
    assert_eq!(
        claim(&a, "$4.8 million", "foreign exchange")[0].status,
        Status::Ok
    );
    // Guidance is not checked; "148% and 184%" are not paired with their periods; Greens
    // Creek's "2.1 million ounces" names no metal (silver and gold both fit).
    for (f, s) in [
        ("$490", "estimated"),
        ("148%", "improvements"),
        ("2.1 million", "Greens Creek"),
    ] {
        assert_eq!(claim(&a, f, s)[0].status, Status::NotCheckable, "{f}");
    }
}

#[test]
fn the_seed_findings_are_exactly_these() {
    // Every mismatch in the seed, each confirmed by reading the release (see above).
    let a = seed();
    let mut found: Vec<(CheckKind, usize)> = a
        .checks
        .iter()
        .filter(|c| c.status == Status::Mismatch)
        .map(|c| {
            let line = c.claim.as_ref().map_or(c.cells[0].line, |r| r.line);
            (c.kind, line)
        })
        .collect();
    found.sort_by_key(|&(k, l)| (format!("{k:?}"), l));
    assert_eq!(
        found,
        [
            // "$12.4 million" is printed on line 13; its paragraph starts on line 9.
            (CheckKind::Claim, 13),
            (CheckKind::CrossTable, 731),
            (CheckKind::CrossTable, 960),
            (CheckKind::CrossTable, 988),
            (CheckKind::CrossTable, 988),
            (CheckKind::Recompute, 873),
        ]
    );
}

#[test]
fn operations_add_up_to_the_company() {
    let a = seed();
    let sums: Vec<_> = a
        .of_kind(CheckKind::Footing)
        .filter(|c| c.explanation.contains("the operations'"))
        .collect();
    // Silver, gold, lead and zinc, four periods each, all ok.
    assert_eq!(sums.len(), 16);
    assert!(sums.iter().all(|c| c.status == Status::Ok));
    // Line 474, Q3 2007: Lucky Friday 661,511 (line 792) + Greens Creek 679,884 (line 813).
    let c = at(&a, CheckKind::Footing, 474, Q3_07);
    assert_eq!(c[0].recomputed, Some(d("661511") + d("679884")));
    // Line 475, nine months 2006: Greens Creek 13,182 + La Camorra 114,656 = 127,837.
    let c = at(&a, CheckKind::Footing, 475, M9_06);
    assert_eq!(c[0].recomputed, Some(d("127838")));
    assert_eq!(c[0].reported, Some(d("127837")));
    assert_eq!(
        c[0].status,
        Status::Ok,
        "one ounce apart, within two roundings"
    );
    // Line 476, Q3 2007 lead tons: 4,032 + 1,697 = 5,729.
    let c = at(&a, CheckKind::Footing, 476, Q3_07);
    assert_eq!(c[0].recomputed, Some(d("5729")));
}
