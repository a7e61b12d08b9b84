//! Chart specs built by hand from the Hecla Mining Q3 2007 release (the built-in sample,
//! `tests/fixtures/hecla-2007Q3-edgar-ex99-txt.txt`), one or more per chart kind, shared by
//! the chart and share-link tests. Values are copied as printed; `--` is `None`.
#![allow(dead_code)]

use assay::chart::{ChartKind, ChartSpec, Provenance, Series, Step};
use rust_decimal::Decimal;
use std::str::FromStr;

pub const COMPANY: &str = "Hecla Mining Company";
pub const Q3: &str = "Third quarter ended Sept. 30, 2007";
const PERIODS: [&str; 4] = ["Q3 2007", "Q3 2006", "Nine months 2007", "Nine months 2006"];

/// Parses a list of printed values; "--" is absent.
pub fn vals(list: &[&str]) -> Vec<Option<Decimal>> {
    list.iter()
        .map(|s| {
            if *s == "--" {
                None
            } else {
                Some(Decimal::from_str(s).unwrap())
            }
        })
        .collect()
}

fn strings(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

fn series(name: &str, values: &[&str]) -> Series {
    Series {
        name: name.to_string(),
        values: vals(values),
    }
}

fn provenance(period: &str, table: &str, rows: &[&str]) -> Provenance {
    Provenance {
        company: COMPANY.to_string(),
        period: period.to_string(),
        table: table.to_string(),
        rows: strings(rows),
    }
}

/// Bar: silver produced by mine.
pub fn silver_by_mine() -> ChartSpec {
    let mut s = ChartSpec::new(
        ChartKind::Bar,
        "Silver produced by mine",
        Q3,
        "ounces",
        strings(&["Lucky Friday", "Greens Creek (29.73% share)"]),
        vec![series("Silver produced", &["661511", "679884"])],
    );
    s.provenance = provenance(Q3, "Production Data", &["Silver produced (oz.)"]);
    s
}

/// Grouped bar with negatives: total cash cost per ounce of silver by mine, two periods.
pub fn silver_cash_cost_by_mine() -> ChartSpec {
    let mut s = ChartSpec::new(
        ChartKind::GroupedBar,
        "Total cash cost per ounce of silver, by mine",
        "Third quarter 2007 and 2006",
        "USD per ounce",
        strings(&["Lucky Friday", "Greens Creek", "All silver operations"]),
        vec![
            series("Q3 2007", &["-2.38", "-7.42", "-4.91"]),
            series("Q3 2006", &["3.88", "-2.61", "0.59"]),
        ],
    );
    s.provenance = provenance(
        Q3,
        "Production Data",
        &[
            "LUCKY FRIDAY UNIT: Total cash costs (2)",
            "GREENS CREEK UNIT: Total cash costs (2)",
            "Total cash costs ($/oz.) (3)",
        ],
    );
    s
}

/// Grouped bar, 4 periods × 2 segments, one negative: gross profit (loss) by segment.
pub fn gross_profit_by_segment() -> ChartSpec {
    let mut s = ChartSpec::new(
        ChartKind::GroupedBar,
        "Gross profit (loss) by segment",
        "Quarters and nine months ended Sept. 30",
        "USD thousands",
        strings(&PERIODS),
        vec![
            series("Silver operations", &["20718", "12361", "60701", "34182"]),
            series("Gold operations", &["275", "2011", "-4828", "9624"]),
        ],
    );
    s.provenance = provenance(
        Q3,
        "HIGHLIGHTS: Financial data",
        &[
            "Gross Profit (Loss): Silver operations (1)",
            "Gross Profit (Loss): Gold operations",
        ],
    );
    s
}

/// A typical 4 periods × 4 series chart (the share-link size target): sales and gross profit
/// by segment.
pub fn sales_and_profit_four_by_four() -> ChartSpec {
    let mut s = ChartSpec::new(
        ChartKind::GroupedBar,
        "Sales and gross profit by segment",
        "Quarters and nine months ended Sept. 30, 2007 and 2006",
        "USD thousands",
        strings(&PERIODS),
        vec![
            series(
                "Sales: Silver operations",
                &["39809", "29255", "117341", "79345"],
            ),
            series(
                "Sales: Gold operations",
                &["9419", "21159", "45132", "67800"],
            ),
            series(
                "Gross profit: Silver operations",
                &["20718", "12361", "60701", "34182"],
            ),
            series(
                "Gross profit: Gold operations",
                &["275", "2011", "-4828", "9624"],
            ),
        ],
    );
    s.provenance = provenance(
        Q3,
        "HIGHLIGHTS: FINANCIAL DATA",
        &[
            "Sales: Silver operations (1)",
            "Sales: Gold operations",
            "Gross Profit (Loss): Silver operations (1)",
            "Gross Profit (Loss): Gold operations",
        ],
    );
    s
}

/// Line, crossing zero: silver costs per ounce across periods, three measures.
pub fn silver_costs_line() -> ChartSpec {
    let mut s = ChartSpec::new(
        ChartKind::Line,
        "Average cost per ounce of silver produced",
        "Quarters and nine months ended Sept. 30",
        "USD per ounce",
        strings(&PERIODS),
        vec![
            series("Cash operating costs", &["-5.44", "0.30", "-3.08", "1.19"]),
            series("Total cash costs", &["-4.91", "0.59", "-2.58", "1.48"]),
            series(
                "Total production costs",
                &["-2.40", "2.70", "-0.39", "3.60"],
            ),
        ],
    );
    s.provenance = provenance(
        Q3,
        "HIGHLIGHTS: Average cost per ounce of silver produced (1)",
        &[
            "Cash operating costs ($/oz.)",
            "Total cash costs ($/oz.) (3)",
            "Total production costs ($/oz.)",
        ],
    );
    s
}

/// Line, one series: silver price.
pub fn silver_price_line() -> ChartSpec {
    let mut s = ChartSpec::new(
        ChartKind::Line,
        "Silver price, London Fix",
        "Quarters and nine months ended Sept. 30",
        "USD per ounce",
        strings(&PERIODS),
        vec![series(
            "Silver - London Fix ($/oz.)",
            &["12.70", "11.70", "13.12", "11.22"],
        )],
    );
    s.provenance = provenance(
        Q3,
        "HIGHLIGHTS: AVERAGE METAL PRICES",
        &["Silver - London Fix ($/oz.)"],
    );
    s
}

/// Horizontal bars with long labels and negatives: cash flow by activity.
pub fn cash_flow_by_activity() -> ChartSpec {
    let mut s = ChartSpec::new(
        ChartKind::HorizontalBar,
        "Cash flow by activity",
        "Nine months ended Sept. 30, 2007 and 2006",
        "USD thousands",
        strings(&[
            "Net cash provided by operating activities",
            "Net cash provided by (used in) investing activities",
            "Net cash provided by (used in) financing activities",
            "Net increase in cash and cash equivalents",
        ]),
        vec![
            series("Nine months 2007", &["46989", "-4362", "2420", "45047"]),
            series("Nine months 2006", &["39658", "26115", "-1275", "64498"]),
        ],
    );
    s.provenance = provenance(
        "Nine months ended Sept. 30, 2007",
        "Consolidated Statements of Cash Flows",
        &[
            "Net cash provided by operating activities",
            "Net cash provided by (used in) investing activities",
            "Net cash provided by (used in) financing activities",
            "Net increase in cash and cash equivalents",
        ],
    );
    s
}

const RECONCILIATION_ROWS: [&str; 9] = [
    "Total cash costs (1)",
    "Depreciation, depletion and amortization",
    "Treatment & freight costs",
    "By-product credits (1)",
    "Change in product inventory (2)",
    "Reduction in labor cost (4)",
    "Shutdown-related costs at Mina Isidora (5)",
    "Reclamation and other costs",
    "Costs of sales and other direct production costs and depreciation, depletion and amortization (GAAP)",
];

/// Waterfall: total cash costs to GAAP cost of sales, all operations, Q3 2007.
pub fn cash_cost_reconciliation() -> ChartSpec {
    let mut s = ChartSpec::new(
        ChartKind::Waterfall,
        "From total cash costs to GAAP cost of sales, all operations",
        Q3,
        "USD thousands",
        strings(&RECONCILIATION_ROWS),
        vec![series(
            "Q3 2007",
            &[
                "3066", "5945", "-8314", "30892", "-3113", "--", "--", "-241", "28235",
            ],
        )],
    );
    s.steps = vec![
        Step::Total,
        Step::Delta,
        Step::Delta,
        Step::Delta,
        Step::Delta,
        Step::Delta,
        Step::Delta,
        Step::Delta,
        Step::Total,
    ];
    s.provenance = provenance(
        Q3,
        "Reconciliation of Cash Costs per Ounce to Generally Accepted Accounting Principles (GAAP): RECONCILIATION TO GAAP, ALL OPERATIONS",
        &RECONCILIATION_ROWS,
    );
    s
}

/// Waterfall: the income statement, Q3 2007.
pub fn income_statement() -> ChartSpec {
    let rows = [
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
    ];
    let mut s = ChartSpec::new(
        ChartKind::Waterfall,
        "Income statement",
        Q3,
        "USD thousands",
        strings(&rows),
        vec![series(
            "Q3 2007",
            &[
                "49228", "-22288", "-5947", "20993", "-11737", "9256", "2047", "11303", "1182",
                "12485",
            ],
        )],
    );
    use Step::{Delta as D, Total as T};
    s.steps = vec![T, D, D, T, D, T, D, T, D, T];
    s.provenance = provenance(Q3, "Consolidated Statements of Operations", &rows);
    s
}

/// Every sample, for tests that loop over charts.
pub fn all() -> Vec<(&'static str, ChartSpec)> {
    vec![
        ("bar", silver_by_mine()),
        ("grouped-bar-negative", silver_cash_cost_by_mine()),
        ("grouped-bar-periods", gross_profit_by_segment()),
        ("grouped-bar-4x4", sales_and_profit_four_by_four()),
        ("line", silver_costs_line()),
        ("line-single", silver_price_line()),
        ("horizontal-bar", cash_flow_by_activity()),
        ("waterfall-reconciliation", cash_cost_reconciliation()),
        ("waterfall-income", income_statement()),
    ]
}

/// Link bodies made by the native encoder (miniz_oxide, zlib level 9) at the time the app
/// moved to the browser's own zlib: [`silver_by_mine`] alone, and with [`MINIZ_RELEASE`].
/// `share_roundtrip` checks they still decode natively, tests/web.rs that the browser opens
/// them: links made before that move, and by the CLI, keep opening.
pub const MINIZ_CHART_LINK: &str = "AgB42o2PwQqCQBRFx4JWgQRJizaPIFAIEV1Ia6NaFAT2A5Pz0kGdsVGDad1H9LcmLV21uosD995DFjEvnqigUpK1CTK4aSi5wNU144rBo6Wq6TEK1rMYq8aFwNuA73nhRLYiwXpEpqc2yTXsFWdUk-VBIYoaoj5ysP2tGwZrqDOq0DGIOdgb361Zl37e3fyISUHhzAUXKUSyrKjQf7wwL7-mhksBO9pQg1hDJVu-XOcLMqhM2A";
pub const MINIZ_RELEASE_LINK: &str = "AgF42o1PywqCQBSdClpEEEHRos0lCApEtJe1LqpFQWA_MDk3HdQZGzWwdR_R35q0lBau7uWcw3mQgc2DJyqIlGSpgwxuGYRc4OjqccXgkVKVFDQKVnA2RokOc0ODmWFYTZkKB-M6aZ9Sx89grzijGRkeFKKIYVscHyazjW7NxxB7VOG0RjqlvMa9383dzzvvHdEJKJy54MKFrQwjKrIKLTqXn1PCpYAdTWiN9MuTJvKlTy9_UYDVytSWplk81kZbrxetqrovXJZizg";
pub const MINIZ_RELEASE: &str =
    "Silver produced (oz.)  661,511  679,884\nSilver produced (oz.)  661,511  679,884\n";
