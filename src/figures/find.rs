//! Finding the rows a figure needs by what they mean: metric kinds from the analysis, words in
//! labels, headings and sections, units. Nothing here knows one release's layout.

use rust_decimal::Decimal;

use crate::analyze::metrics::{entity_of, metal_in};
use crate::analyze::{words, Analysis, MetricKind};
use crate::document::{Document, Row, Table, Unit};

/// A row located by meaning: its table, its index there, and whose figure it is.
#[derive(Clone, Copy)]
pub(crate) struct Found<'a> {
    pub table: &'a Table,
    pub index: usize,
    pub row: &'a Row,
    pub metal: &'static str,
    /// The operation (mine, unit) the row concerns; `None` for the company as a whole or for
    /// all operations of one metal.
    pub entity: Option<&'a str>,
}

impl Found<'_> {
    /// Document order, for "the first printed".
    pub fn order(&self, doc: &Document) -> (usize, usize) {
        let t = doc
            .tables
            .iter()
            .position(|t| std::ptr::eq(t, self.table))
            .unwrap_or(usize::MAX);
        (t, self.index)
    }
}

/// The printed number of a cell (a dash is zero), if the row prints one there.
pub(crate) fn number(row: &Row, column: usize) -> Option<Decimal> {
    row.value(column).and_then(|v| v.number())
}

pub(crate) fn has_word(label: &str, any: &[&str]) -> bool {
    words(label).iter().any(|w| any.contains(&w.as_str()))
}

/// "SILVER OPERATIONS", "Gold segment": all of one metal's operations, not one mine.
fn metal_aggregate(entity: &str) -> bool {
    metal_in(entity).is_some()
        && words(entity).iter().all(|w| {
            metal_in(w).is_some()
                || [
                    "operations",
                    "operation",
                    "segment",
                    "segments",
                    "division",
                    "unit",
                ]
                .contains(&w.as_str())
        })
}

/// Rows behind the analysis' metrics of `kinds`, once each, in document order.
pub(crate) fn metric_rows<'a>(
    doc: &'a Document,
    analysis: &Analysis,
    kinds: &[MetricKind],
) -> Vec<(MetricKind, Found<'a>)> {
    let mut out: Vec<(MetricKind, Found<'a>)> = Vec::new();
    for m in &analysis.metrics {
        if !kinds.contains(&m.kind) {
            continue;
        }
        let Some(cell) = m.inputs.first() else {
            continue;
        };
        let Some(table) = doc.tables.iter().find(|t| t.id == cell.table) else {
            continue;
        };
        let Some(row) = table.rows.get(cell.row) else {
            continue;
        };
        let Some(metal) = m.metal.as_deref().and_then(metal_in) else {
            continue;
        };
        if out
            .iter()
            .any(|(_, f)| std::ptr::eq(f.table, table) && f.index == cell.row)
        {
            continue;
        }
        let entity = row
            .section
            .as_deref()
            .and_then(|s| entity_of(Some(s)).map(|_| s))
            .map(section_head)
            .filter(|e| !metal_aggregate(e));
        out.push((
            m.kind,
            Found {
                table,
                index: cell.row,
                row,
                metal,
                entity,
            },
        ));
    }
    crate::sort::by_key(&mut out, |(_, f)| f.order(doc));
    out
}

/// A section's name without its parenthetical ("GREENS CREEK UNIT (Reflects …)").
fn section_head(s: &str) -> &str {
    s.split('(').next().unwrap_or(s).trim()
}

/// Production rows: metal produced, not sold and not a forecast.
pub(crate) fn is_production(row: &Row) -> bool {
    matches!(
        row.unit,
        Some(Unit::Oz | Unit::Tons | Unit::Tonnes | Unit::Lbs)
    ) && !has_word(
        &row.label,
        &[
            "sales", "sold", "guidance", "outlook", "forecast", "divided", "payable",
        ],
    )
}

/// A metal price row: a money-per-weight figure named by one metal, which the row, its
/// heading, section or table calls a price.
pub(crate) fn price_metal(table: &Table, row: &Row) -> Option<&'static str> {
    if !matches!(row.unit, Some(Unit::MoneyPerOz | Unit::MoneyPerLb)) {
        return None;
    }
    let context = [
        Some(row.label.as_str()),
        row.parent.as_deref(),
        row.section.as_deref(),
        table.title.as_deref(),
    ];
    let priced = context
        .iter()
        .flatten()
        .any(|t| has_word(t, &["price", "prices", "realized", "realised"]));
    let costed = has_word(
        &row.label,
        &[
            "cost", "costs", "margin", "credit", "credits", "aisc", "expense",
        ],
    );
    (priced && !costed).then(|| metal_in(&row.label)).flatten()
}

/// A name for people: an all-capitals heading in title case ("Lucky Friday Unit").
pub(crate) fn display_name(s: &str) -> String {
    if s.chars().any(crate::case::is_lowercase) {
        return s.to_owned();
    }
    let mut out = String::with_capacity(s.len());
    for (i, w) in s.split(' ').enumerate() {
        if i > 0 {
            out.push(' ');
        }
        let mut c = w.chars();
        if let Some(f) = c.next() {
            out.push(crate::case::upper(f));
            out.extend(c.map(crate::case::lower));
        }
    }
    out
}

/// "silver" → "Silver".
pub(crate) fn capital(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| {
            let mut out = String::from(crate::case::upper(f));
            out.push_str(c.as_str());
            out
        })
        .unwrap_or_default()
}

/// A short, stable identifier part: lower-case letters and digits joined by dashes.
pub(crate) fn slug(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    let mut out = out.trim_end_matches('-').to_owned();
    out.truncate(40);
    out.trim_end_matches('-').to_owned()
}

/// Sales or revenue, not a cost of them or a rate.
pub(crate) fn is_revenue(row: &Row) -> bool {
    row.unit == Some(Unit::Money)
        && has_word(&row.label, &["sales", "revenue", "revenues"])
        && !has_word(
            &row.label,
            &[
                "cost", "costs", "expense", "expenses", "per", "percent", "growth", "margin",
                "deferred", "unearned", "tax", "taxes",
            ],
        )
}

/// The bottom line: net income (loss) or net earnings, in money, not per share.
pub(crate) fn is_net_income(row: &Row) -> bool {
    let w = words(&row.label);
    let has = |x: &str| w.iter().any(|y| y == x);
    row.unit == Some(Unit::Money)
        && has("net")
        && (has("income") || has("loss") || has("earnings"))
        && ![
            "per",
            "share",
            "shares",
            "adjusted",
            "margin",
            "before",
            "comprehensive",
            "operating",
            "cash",
            "pro",
            "forma",
            "interest",
            "other",
            "exchange",
            "discontinued",
            "equity",
            "affiliates",
            "unconsolidated",
            "noncontrolling",
        ]
        .iter()
        .any(|x| has(x))
}

/// Statements that are not the GAAP one (pro forma, non-GAAP, adjusted) come second.
pub(crate) fn is_adjusted(table: &Table) -> bool {
    table.title.as_deref().is_some_and(|t| {
        let w = words(t);
        let has = |x: &str| w.iter().any(|y| y == x);
        has("forma") || has("non") || has("adjusted") || has("reconciliation")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_slugs() {
        assert_eq!(display_name("LUCKY FRIDAY UNIT"), "Lucky Friday Unit");
        assert_eq!(display_name("Greens Creek"), "Greens Creek");
        assert_eq!(slug("GREENS CREEK UNIT"), "greens-creek-unit");
        assert_eq!(slug("  Silver -- gold "), "silver-gold");
        assert!(metal_aggregate("SILVER OPERATIONS"));
        assert!(!metal_aggregate("LUCKY FRIDAY UNIT"));
    }
}
