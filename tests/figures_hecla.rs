//! The charts and key figures of the Hecla seed, checked against the release as printed.

use assay::analyze::analyze;
use assay::chart::{ChartKind, Step};
use assay::document::Document;
use assay::figures::{document_charts, key_figures, FigureChart, KeyFigure, Tone};
use rust_decimal::Decimal;

fn hecla() -> Document {
    assay::read::read_document(include_bytes!("fixtures/hecla-2007Q3-edgar-ex99-txt.txt")).unwrap()
}

fn d(s: &str) -> Decimal {
    s.parse().unwrap()
}

fn values(s: &[&str]) -> Vec<Option<Decimal>> {
    s.iter().map(|v| Some(d(v))).collect()
}

fn chart<'a>(charts: &'a [FigureChart], id: &str) -> &'a FigureChart {
    charts
        .iter()
        .find(|c| c.id == id)
        .unwrap_or_else(|| panic!("no chart {id}"))
}

const Q3_2006: &str = "Third Quarter Ended Sept. 30, 2006";
const Q3_2007: &str = "Third Quarter Ended Sept. 30, 2007";

#[test]
fn offers_exactly_these_charts() {
    let doc = hecla();
    let charts = document_charts(&doc, &analyze(&doc));
    let ids: Vec<&str> = charts.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "production-silver",
            "production-silver-by-operation",
            "production-gold",
            "production-gold-by-operation",
            "production-lead",
            "production-lead-by-operation",
            "production-zinc",
            "production-zinc-by-operation",
            "cost-per-ounce-silver",
            "cost-per-ounce-gold",
            "price-silver",
            "price-gold",
            "price-lead",
            "price-zinc",
            "segments",
            "cash-cost-reconciliation-silver-operations",
            "cash-cost-reconciliation-gold-operations",
            "cash-cost-reconciliation-lucky-friday-unit",
            "cash-cost-reconciliation-greens-creek-unit",
            "cash-cost-reconciliation",
            "income-statement",
            "cash-flow",
        ]
    );
    for c in &charts {
        c.spec.validate().unwrap();
        assert_eq!(
            c.spec.provenance.company, "Hecla Mining Company",
            "{}",
            c.id
        );
        assert!(!c.spec.provenance.rows.is_empty(), "{}", c.id);
        assert!(
            c.spec.subtitle.starts_with("Hecla Mining Company · "),
            "{}",
            c.id
        );
    }
}

#[test]
fn production_by_metal_and_by_operation() {
    let doc = hecla();
    let charts = document_charts(&doc, &analyze(&doc));
    let silver = &chart(&charts, "production-silver").spec;
    assert_eq!(silver.kind, ChartKind::Bar);
    assert_eq!(silver.unit, "ounces");
    assert_eq!(silver.categories, [Q3_2006, Q3_2007]);
    assert_eq!(silver.series[0].values, values(&["1496315", "1341395"]));
    assert!(silver.title.contains("Silver production") && silver.title.contains("2007"));
    assert_eq!(silver.provenance.table, "HIGHLIGHTS");
    assert_eq!(silver.provenance.rows, ["Silver - Ounces"]);

    let gold = &chart(&charts, "production-gold-by-operation").spec;
    assert_eq!(gold.kind, ChartKind::GroupedBar);
    assert_eq!(gold.categories, ["Greens Creek Unit", "La Camorra Unit"]);
    assert_eq!(gold.series[0].name, Q3_2006);
    assert_eq!(gold.series[0].values, values(&["4704", "38636"]));
    assert_eq!(gold.series[1].values, values(&["5614", "17624"]));

    let zinc = &chart(&charts, "production-zinc-by-operation").spec;
    assert_eq!(zinc.unit, "tons");
    assert_eq!(zinc.series[1].values, values(&["1606", "5021"]));
}

#[test]
fn cost_per_ounce_by_mine_keeps_negative_costs() {
    let doc = hecla();
    let charts = document_charts(&doc, &analyze(&doc));
    let silver = &chart(&charts, "cost-per-ounce-silver").spec;
    assert_eq!(silver.unit, "USD per ounce");
    assert_eq!(
        silver.categories,
        [
            "Lucky Friday Unit",
            "Greens Creek Unit",
            "All silver operations"
        ]
    );
    let names: Vec<&str> = silver.series.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "Cash operating cost",
            "Total cash cost",
            "Total production cost"
        ]
    );
    assert_eq!(
        silver.series[0].values,
        values(&["-2.56", "-8.25", "-5.44"])
    );
    assert_eq!(
        silver.series[1].values,
        values(&["-2.38", "-7.42", "-4.91"])
    );
    assert_eq!(
        silver.series[2].values,
        values(&["-0.80", "-3.96", "-2.40"])
    );
    let gold = &chart(&charts, "cost-per-ounce-gold").spec;
    assert_eq!(gold.categories, ["La Camorra Unit"]);
    assert_eq!(gold.series[1].values, values(&["538"]));
}

#[test]
fn metal_prices_against_the_prior_quarter() {
    let doc = hecla();
    let charts = document_charts(&doc, &analyze(&doc));
    let expect = [
        ("price-silver", "USD per ounce", ["11.70", "12.70"]),
        ("price-gold", "USD per ounce", ["622", "681"]),
        ("price-lead", "USD per pound", ["0.54", "1.43"]),
        ("price-zinc", "USD per pound", ["1.53", "1.46"]),
    ];
    for (id, unit, v) in expect {
        let spec = &chart(&charts, id).spec;
        assert_eq!(spec.unit, unit, "{id}");
        assert_eq!(spec.categories, [Q3_2006, Q3_2007], "{id}");
        assert_eq!(spec.series[0].values, values(&v), "{id}");
    }
}

#[test]
fn sales_and_gross_profit_by_segment() {
    let doc = hecla();
    let charts = document_charts(&doc, &analyze(&doc));
    let spec = &chart(&charts, "segments").spec;
    assert_eq!(spec.unit, "USD thousands");
    assert_eq!(spec.categories, ["Silver operations", "Gold operations"]);
    assert_eq!(spec.series[0].values, values(&["39809", "9419"]));
    assert_eq!(spec.series[1].values, values(&["20718", "275"]));
}

#[test]
fn reconciliation_walks_from_total_cash_costs_to_gaap() {
    let doc = hecla();
    let charts = document_charts(&doc, &analyze(&doc));
    let spec = &chart(&charts, "cash-cost-reconciliation").spec;
    assert_eq!(spec.kind, ChartKind::Waterfall);
    assert_eq!(
        spec.categories,
        [
            "Total cash costs",
            "Depreciation, depletion and amortization",
            "Treatment & freight costs",
            "By-product credits",
            "Change in product inventory",
            "Reclamation and other costs",
            "Cost of sales (GAAP)",
        ]
    );
    // The nil lines of the quarter (labor cost reduction, Mina Isidora shutdown) are left out.
    assert_eq!(
        spec.series[0].values,
        values(&["3066", "5945", "-8314", "30892", "-3113", "-241", "28235"])
    );
    use Step::{Delta as D, Total as T};
    assert_eq!(spec.steps, [T, D, D, D, D, D, T]);
    // The walk lands on the printed GAAP total.
    let sum: Decimal = spec.series[0].values[..6].iter().flatten().sum();
    assert_eq!(sum, d("28235"));

    let greens = &chart(&charts, "cash-cost-reconciliation-greens-creek-unit").spec;
    assert_eq!(
        greens.series[0].values,
        values(&["-5040", "2302", "-4433", "16996", "-726", "44", "9143"])
    );
}

#[test]
fn income_statement_walks_down_from_sales() {
    let doc = hecla();
    let charts = document_charts(&doc, &analyze(&doc));
    let spec = &chart(&charts, "income-statement").spec;
    assert_eq!(
        spec.provenance.table,
        "Consolidated Statements of Operations"
    );
    assert_eq!(
        spec.categories,
        [
            "Sales of products",
            "Cost of sales and other direct production costs",
            "Depreciation, depletion and amortization",
            "Gross profit",
            "Other operating expenses",
            "Income from operations",
            "Other income (expense)",
            "Income from operations before income taxes",
            "Income tax benefit (provision)",
            "Net income",
        ]
    );
    assert_eq!(
        spec.series[0].values,
        values(&[
            "49228", "-22288", "-5947", "20993", "-11737", "9256", "2047", "11303", "1182", "12485"
        ])
    );
    use Step::{Delta as D, Total as T};
    assert_eq!(spec.steps, [T, D, D, T, D, T, D, T, D, T]);
}

#[test]
fn cash_flow_by_activity() {
    let doc = hecla();
    let charts = document_charts(&doc, &analyze(&doc));
    let spec = &chart(&charts, "cash-flow").spec;
    assert_eq!(spec.kind, ChartKind::GroupedBar);
    assert_eq!(
        spec.categories,
        [
            "Operating activities",
            "Investing activities",
            "Financing activities",
            "Net change in cash"
        ]
    );
    assert_eq!(spec.series[0].name, "Nine Months Ended Sept. 30, 2006");
    assert_eq!(
        spec.series[0].values,
        values(&["39658", "26115", "-1275", "64498"])
    );
    assert_eq!(
        spec.series[1].values,
        values(&["46989", "-4362", "2420", "45047"])
    );
}

fn key<'a>(keys: &'a [KeyFigure], id: &str) -> &'a KeyFigure {
    keys.iter()
        .find(|k| k.id == id)
        .unwrap_or_else(|| panic!("no key figure {id}"))
}

/// The change and its percent, worked by hand: (now - before) / before × 100, to 2 places.
fn assert_change(k: &KeyFigure, now: &str, before: &str, change: &str, percent: Option<&str>) {
    assert_eq!(k.value, d(now), "{}", k.id);
    assert_eq!(k.prior, Some(d(before)), "{}", k.id);
    assert_eq!(k.change, Some(d(change)), "{}", k.id);
    assert_eq!(k.change_percent, percent.map(d), "{}", k.id);
    assert_eq!(k.period, Q3_2007, "{}", k.id);
    assert_eq!(k.prior_period.as_deref(), Some(Q3_2006), "{}", k.id);
}

#[test]
fn key_figures_with_their_changes() {
    let doc = hecla();
    let keys = key_figures(&doc, &analyze(&doc));
    let ids: Vec<&str> = keys.iter().map(|k| k.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "production-silver",
            "production-gold",
            "production-lead",
            "production-zinc",
            "total-cash-cost-silver",
            "total-cash-cost-gold",
            "margin-silver",
            "margin-gold",
            "sales",
            "net-income",
        ]
    );
    // 1,341,395 - 1,496,315 = -154,920; -154,920 / 1,496,315 = -10.353…%
    let silver = key(&keys, "production-silver");
    assert_change(silver, "1341395", "1496315", "-154920", Some("-10.35"));
    assert_eq!(silver.unit, "ounces");
    assert_eq!(silver.source.table, "t1");
    assert_eq!(silver.source.printed, "1,341,395");
    // 23,238 - 43,340 = -20,102; / 43,340 = -46.382…%
    assert_change(
        key(&keys, "production-gold"),
        "23238",
        "43340",
        "-20102",
        Some("-46.38"),
    );
    // 6,627 - 6,203 = 424; / 6,203 = 6.835…%
    assert_change(
        key(&keys, "production-zinc"),
        "6627",
        "6203",
        "424",
        Some("6.84"),
    );
    // -4.91 against 0.59: a change of sign, so no percent.
    let cost = key(&keys, "total-cash-cost-silver");
    assert_change(cost, "-4.91", "0.59", "-5.50", None);
    assert_eq!(cost.unit, "USD per ounce");
    // 538 - 380 = 158; / 380 = 41.578…%
    assert_change(
        key(&keys, "total-cash-cost-gold"),
        "538",
        "380",
        "158",
        Some("41.58"),
    );
    // Silver: 12.70 - (-4.91) = 17.61 against 11.70 - 0.59 = 11.11; 6.50 / 11.11 = 58.505…%
    let margin = key(&keys, "margin-silver");
    assert_change(margin, "17.61", "11.11", "6.50", Some("58.51"));
    assert_eq!(margin.inputs.len(), 2);
    // Gold: 681 - 538 = 143 against 622 - 380 = 242; -99 / 242 = -40.909…%
    assert_change(
        key(&keys, "margin-gold"),
        "143",
        "242",
        "-99",
        Some("-40.91"),
    );
    // Sales, in dollars: 49,228 thousand against 50,414 thousand; -1,186 / 50,414 = -2.352…%
    let sales = key(&keys, "sales");
    assert_change(sales, "49228000", "50414000", "-1186000", Some("-2.35"));
    assert_eq!(sales.unit, "USD");
    assert_eq!(sales.source.row_label, "Sales of products");
    // Net income 12,485 against 1,001 thousand; 11,484 / 1,001 = 1147.252…%
    let ni = key(&keys, "net-income");
    assert_change(ni, "12485000", "1001000", "11484000", Some("1147.25"));
    // Each change coloured by what it means for the company: silver's cash cost fell
    // (good news), gold's rose; less silver, gold and lead were produced, more zinc.
    let tones: Vec<(&str, Tone)> = keys.iter().map(|k| (k.id.as_str(), k.tone())).collect();
    assert_eq!(
        tones,
        [
            ("production-silver", Tone::Bad),
            ("production-gold", Tone::Bad),
            ("production-lead", Tone::Bad),
            ("production-zinc", Tone::Good),
            ("total-cash-cost-silver", Tone::Good),
            ("total-cash-cost-gold", Tone::Bad),
            ("margin-silver", Tone::Good),
            ("margin-gold", Tone::Bad),
            ("sales", Tone::Bad),
            ("net-income", Tone::Good),
        ]
    );
    // Serializable, values as exact decimals.
    let json = serde_json::to_string(&keys).unwrap();
    assert!(json.contains("\"id\":\"margin-silver\""));
}
