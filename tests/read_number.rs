//! The number reader: every printed style reads back to the same value, and no input panics.

use assay::document::Value;
use assay::read::number::{parse_brief_value, parse_value};
use proptest::prelude::*;
use rust_decimal::Decimal;

fn amount(s: &str) -> Option<Value> {
    Some(Value::Amount(s.parse().unwrap()))
}

#[test]
fn amounts_past_twelve_digits_or_six_decimals_are_not_numbers() {
    // The reader's limits (crate::decimal::MAX_AMOUNT_DIGITS), which keep every sum, product
    // and quotient of the analysis inside Decimal (tests/extreme_numbers.rs).
    assert_eq!(
        parse_value("999,999,999,999.999999")
            .unwrap()
            .contract_string(),
        "999999999999.999999"
    );
    // An exercise price as a warrant schedule prints it.
    assert_eq!(parse_value("1.60786"), amount("1.60786"));
    assert_eq!(parse_value("0.000001"), amount("0.000001"));
    assert_eq!(parse_value("0000000000000000000007"), amount("7"));
    assert_eq!(parse_value("1,234,567,890,123"), None);
    assert_eq!(parse_value("0.0000001"), None);
    assert_eq!(parse_value("1.234567890123456789012345678"), None);
}

#[test]
fn printed_styles() {
    assert_eq!(parse_value("1,234.5"), amount("1234.5"));
    assert_eq!(parse_value("$(1,234.5)"), amount("-1234.5"));
    assert_eq!(parse_value("$   (5.44)"), amount("-5.44"));
    assert_eq!(parse_value("($0.04)"), amount("-0.04"));
    assert_eq!(parse_value("-1234.5"), amount("-1234.5"));
    assert_eq!(parse_value("−3"), amount("-3"));
    assert_eq!(parse_value("(4,828)"), amount("-4828"));
    assert_eq!(parse_value("$   39,809"), amount("39809"));
    assert_eq!(parse_value("0.30").unwrap().contract_string(), "0.30"); // trailing zero kept
    assert_eq!(parse_value("--"), Some(Value::Nil));
    assert_eq!(parse_value("—"), Some(Value::Nil));
    assert_eq!(parse_value("$ -"), Some(Value::Nil));
    assert_eq!(parse_value("46%"), Some(Value::Percent(Decimal::from(46))));
    assert_eq!(
        parse_value("(5.3)%"),
        Some(Value::Percent("-5.3".parse().unwrap()))
    );
    assert_eq!(
        parse_value("5.3:1"),
        Some(Value::Ratio("5.3".parse().unwrap(), Decimal::ONE))
    );
    assert_eq!(
        parse_value("7,600 - 8,500"),
        Some(Value::Range(Decimal::from(7600), Decimal::from(8500)))
    );
    assert_eq!(
        parse_value("$490 to $510"),
        Some(Value::Range(Decimal::from(490), Decimal::from(510)))
    );
    assert_eq!(
        parse_value("($70) - ($61)"),
        Some(Value::Range(Decimal::from(-70), Decimal::from(-61)))
    );
    // Not numbers: prose, footnote lists, years glued to words, bad grouping.
    for s in [
        "and", "1,2", "12,34", "2007:", "Q4", "(", "$", "1.2.3", "--x", "----",
    ] {
        assert_eq!(parse_value(s), None, "{s:?}");
    }
}

#[test]
fn brief_styles() {
    assert_eq!(parse_brief_value("loss 18 cts"), amount("-0.18"));
    assert_eq!(parse_brief_value("loss one ct"), amount("-0.01"));
    assert_eq!(parse_brief_value("2.27 dlrs"), amount("2.27"));
    assert_eq!(parse_brief_value("34.9 mln"), amount("34900000.0"));
    assert_eq!(parse_brief_value("1,343,000"), amount("1343000"));
    assert_eq!(parse_brief_value("mln"), None);
}

/// "1234567.891" → "1,234,567.891".
fn grouped(d: Decimal) -> String {
    let s = d.abs().to_string();
    let (int, frac) = s
        .split_once('.')
        .map_or((s.as_str(), None), |(i, f)| (i, Some(f)));
    let mut out = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if let Some(f) = frac {
        out.push('.');
        out.push_str(f);
    }
    out
}

proptest! {
    #[test]
    fn every_style_reads_back(units in -10_000_000_000i64..10_000_000_000, scale in 0u32..4) {
        let d = Decimal::new(units, scale);
        let g = grouped(d);
        let neg = d.is_sign_negative() && !d.is_zero();
        let styles = if neg {
            vec![format!("({g})"), format!("$({g})"), format!("(${g})"), format!("$ ({g})"), format!("-{g}"), format!("-{}", d.abs()), format!("{d}")]
        } else {
            vec![g.clone(), format!("${g}"), format!("$   {g}"), format!("{d}")]
        };
        for s in styles {
            prop_assert_eq!(parse_value(&s), Some(Value::Amount(d)), "{}", s);
        }
        // Extra trailing zeros print differently but mean the same amount.
        let padded = format!("{}0", if d.scale() == 0 { format!("{g}.") } else { g.clone() });
        let back = parse_value(&padded).and_then(|v| v.number());
        prop_assert_eq!(back, Some(d.abs()));
    }

    #[test]
    fn no_input_panics(s in "\\PC{0,40}") {
        let _ = parse_value(&s);
        let _ = parse_brief_value(&s);
    }

    #[test]
    fn no_number_like_input_panics(s in "[-$()0-9,.%: —–tolsnm]{0,30}") {
        let _ = parse_value(&s);
        let _ = parse_brief_value(&s);
    }

    #[test]
    fn no_document_panics(s in "[ a-zA-Z0-9$(),.\\-=|:\\n]{0,400}") {
        let d = assay::read::read_text(&s);
        let _ = d.to_json();
    }
}

#[test]
fn not_available_multiples_and_bracketed_signs() {
    // Issue 14's cells: "N/A" and "n.m." are cells (no figure, not zero), "0.40x" a
    // multiple, "(-) 453" and "(+) 1,007" signed amounts.
    for na in ["N/A", "n/a", "NA", "n.a.", "n.m.", "nm", "NM", "NMF"] {
        assert_eq!(parse_value(na), Some(Value::NotAvailable), "{na}");
        assert_eq!(parse_value(na).unwrap().number(), None);
    }
    assert_eq!(parse_value("nmol"), None);
    assert_eq!(parse_value("Name"), None);
    let one = Decimal::ONE;
    assert_eq!(
        parse_value("0.40x"),
        Some(Value::Ratio("0.40".parse().unwrap(), one))
    );
    assert_eq!(
        parse_value("7.1x"),
        Some(Value::Ratio("7.1".parse().unwrap(), one))
    );
    assert_eq!(parse_value("0.40x").unwrap().contract_string(), "0.40");
    assert_eq!(parse_value("x"), None);
    assert_eq!(parse_value("(-) 453"), amount("-453"));
    assert_eq!(parse_value("(+) 1,007"), amount("1007"));
    assert_eq!(parse_value("(-) (453)"), None);
}
