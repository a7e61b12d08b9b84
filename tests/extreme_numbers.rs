//! Releases with absurd numbers: the largest and the most precise amounts the reader takes
//! must go through the analysis and the charts without an arithmetic overflow (a panic would
//! end the browser tab). Found by hand: a figure printed to 28 decimals, and three amounts of
//! 29 digits in a column that foots, each stopped the analysis.

use proptest::prelude::*;

fn run(text: &str) {
    if let Ok(doc) = assay::read::read_document(text.as_bytes()) {
        let analysis = assay::analyze::analyze(&doc);
        let _ = assay::figures::document_charts(&doc, &analysis);
        let _ = assay::figures::key_figures(&doc, &analysis);
    }
}

fn table(title: &str, scale: &str, rows: &[(&str, String, String)], sentence: &str) -> String {
    let mut t = format!("ACME MINING CORP. REPORTS RESULTS\n\n{title}\n{scale}\n\n");
    t.push_str(&format!(
        "{:<40}{:>24}{:>24}\n",
        "", "Sept. 30, 2007", "Sept. 30, 2006"
    ));
    for (label, a, b) in rows {
        t.push_str(&format!("{label:<40}{a:>24}{b:>24}\n"));
    }
    t.push_str(&format!("\n{sentence}\n"));
    t
}

#[test]
fn the_largest_and_smallest_amounts_read_go_through() {
    // Twelve digits and six decimals, the reader's limits, in every place that divides,
    // sums or compares them, in billions.
    let (max, min) = ("999999999999".to_string(), "0.000001".to_string());
    let rows = [
        ("Revenue", max.clone(), min.clone()),
        (
            "Total cash costs",
            "(999999999999.999999)".to_string(),
            "0".to_string(),
        ),
        ("Divided by gold ounces produced", min.clone(), max.clone()),
        (
            "Total cash cost per ounce",
            "999999999999.999999".to_string(),
            "(0.000001)".to_string(),
        ),
        ("Gold price per ounce", min.clone(), max.clone()),
        ("Total", max.clone(), format!("({max})")),
    ];
    let text = table(
        "GOLD OPERATIONS",
        "(in billions)",
        &rows,
        "Revenue increased 46% to $999,999,999,999 billion and the cash cost per ounce was $0.000001 in the third quarter of 2007.",
    );
    let doc = assay::read::read_document(text.as_bytes()).unwrap();
    // The extremes are read as amounts, so the analysis below really meets them.
    let revenue = doc.tables[0]
        .rows
        .iter()
        .find(|r| r.label == "Revenue")
        .unwrap();
    assert!(revenue.cells.iter().all(Option::is_some), "{revenue:?}");
    run(&text);
    // One digit or decimal place more is not an amount (the cell stays as printed).
    let over = table(
        "GOLD OPERATIONS",
        "",
        &[("Revenue", "9999999999999".into(), "0.0000001".into())],
        "",
    );
    let doc = assay::read::read_document(over.as_bytes());
    assert!(
        doc.is_err()
            || doc.unwrap().tables.iter().all(|t| t.rows.iter().all(|r| r
                .cells
                .iter()
                .all(|c| c.as_ref().is_none_or(|c| c.value.number().is_none()))))
    );
}

#[test]
fn the_hand_found_cases_do_not_panic() {
    let huge = "79228162514264337593543950335".to_string();
    let fine = "1.1234567890123456789012345678".to_string();
    for (a, b) in [
        (huge.clone(), "2.5".to_string()),
        (fine.clone(), "0.1".to_string()),
    ] {
        let rows = [
            ("Gold produced (oz)", a.clone(), b.clone()),
            ("Silver produced (oz)", a.clone(), b.clone()),
            ("Total", a.clone(), b.clone()),
        ];
        run(&table(
            "PRODUCTION",
            "",
            &rows,
            "Gold production rose 12% to 1.12 ounces in the third quarter of 2007.",
        ));
    }
}

fn amount() -> impl Strategy<Value = String> {
    (
        any::<bool>(),
        0usize..=13,
        0usize..=5,
        any::<u64>(),
        any::<bool>(),
    )
        .prop_map(|(neg, int, frac, seed, zero)| {
            let digits = |n: usize, s: u64| -> String {
                (0..n)
                    .map(|k| char::from(b'0' + ((s >> (k % 60)) as u8 % 10).max(u8::from(k == 0))))
                    .collect()
            };
            if zero {
                return "0".to_string();
            }
            let i = if int == 0 {
                "0".to_string()
            } else {
                digits(int, seed)
            };
            let v = if frac == 0 {
                i
            } else {
                format!("{i}.{}", digits(frac, seed.rotate_left(17)))
            };
            if neg {
                format!("({v})")
            } else {
                v
            }
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, failure_persistence: None, ..ProptestConfig::default() })]

    /// Any mix of the largest and smallest amounts, in tables the analysis recomputes, foots,
    /// compares across periods and charts, with a claim about them.
    #[test]
    fn extreme_amounts_do_not_panic(
        v in prop::collection::vec((amount(), amount()), 6),
        scale in prop::sample::select(vec!["", "(in thousands, except per ounce)", "(in millions)", "(in billions)"]),
    ) {
        let labels = ["Revenue", "Total cash costs", "Divided by gold ounces produced", "Total cash cost per ounce", "Gold price per ounce", "Total"];
        let rows: Vec<(&str, String, String)> = labels.iter().zip(v).map(|(l, (a, b))| (*l, a, b)).collect();
        run(&table("GOLD OPERATIONS", scale, &rows, "Revenue increased 46% to $21 million and the cash cost per ounce was $0.0001 in the third quarter of 2007."));
    }
}
