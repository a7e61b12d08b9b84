//! Key figures: what an analyst reads first in a mining release (production by metal, total
//! cash cost and margin per ounce, sales, net income), each with its change against the same
//! period a year before and the cell it was read from.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::charts::Ctx;
use super::find::{capital, is_adjusted, is_production, metric_rows, number};
use super::periods::{headline, pair, Pair};
use super::walks::{income_walk, statement_ends};
use super::{company, unit_text};
use crate::analyze::metrics::{entity_of, metal_of};
use crate::analyze::{words, Analysis, CellRef, MetricKind};
use crate::decimal::Amount;
use crate::document::{Document, Row, Scale, Table, Unit};

/// One headline figure. Values are real amounts (the printed figure times its scale), exact.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct KeyFigure {
    /// Stable id: `production-silver`, `total-cash-cost-silver` (or `cash-cost-copper` for a
    /// metal costed under another name), `margin-silver`, `sales`, `net-income`.
    pub id: String,
    /// For people: "Silver production".
    pub label: String,
    pub value: Decimal,
    /// How the value reads: "ounces", "USD per ounce", "USD".
    pub unit: String,
    /// The period's column label as printed.
    pub period: String,
    /// The same period a year before, when the release prints it.
    pub prior: Option<Decimal>,
    pub prior_period: Option<String>,
    /// `value - prior`.
    pub change: Option<Decimal>,
    /// The change in percent of the prior value, to two places; `None` when not meaningful
    /// (a zero or negative base, or a change of sign).
    pub change_percent: Option<Decimal>,
    /// The cell the value was read from (for a derived figure, its first input).
    pub source: CellRef,
    /// For a derived figure (margin per ounce), every cell it was computed from.
    pub inputs: Vec<CellRef>,
}

/// Which way a figure moving is good news for the company.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Better {
    Higher,
    Lower,
}

/// How a change reads for the company: good or bad news, or neither (no change, or a figure
/// whose better direction its label does not say).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tone {
    Good,
    Bad,
    Neutral,
}

/// Which way is better for a figure labelled `label`, when its words say: a cost (cash cost
/// per ounce, AISC, cost of sales), an expense or a loss is better lower; production, sales
/// or revenue, income, profit, a margin or a price is better higher. Costs are read first:
/// "Cash cost per ounce" and "Cost of sales" are costs. Anything else (a grade, a tax rate,
/// a count of shares) is `None`, and its change is shown without a colour.
pub fn better(label: &str) -> Option<Better> {
    let w = crate::meaning::words(label);
    let has = |xs: &[&str]| w.iter().any(|x| xs.contains(&x.as_str()));
    // A loss that is itself the figure ("Net loss", "Loss on sale"), not the hedge of an
    // income ("Net income (loss)", "Net (loss) income").
    let profit = |i: usize| {
        w.get(i)
            .is_some_and(|x| ["income", "earnings", "profit"].contains(&x.as_str()))
    };
    let loss = w.iter().enumerate().any(|(i, x)| {
        (x == "loss" || x == "losses") && !(i > 0 && profit(i - 1)) && !profit(i + 1)
    });
    if has(&["cost", "costs", "aisc", "expense", "expenses"]) || loss {
        return Some(Better::Lower);
    }
    let higher = [
        "production",
        "produced",
        "sales",
        "revenue",
        "revenues",
        "income",
        "earnings",
        "profit",
        "margin",
        "margins",
        "price",
        "prices",
    ];
    has(&higher).then_some(Better::Higher)
}

/// How a change of `change` reads for a figure that is `better` one way.
pub fn tone(better: Option<Better>, change: Decimal) -> Tone {
    match (better, change.cmp(&Decimal::ZERO)) {
        (None, _) | (_, std::cmp::Ordering::Equal) => Tone::Neutral,
        (Some(Better::Higher), std::cmp::Ordering::Greater)
        | (Some(Better::Lower), std::cmp::Ordering::Less) => Tone::Good,
        _ => Tone::Bad,
    }
}

impl KeyFigure {
    /// How its change against the prior period reads for the company (`Neutral` without one).
    pub fn tone(&self) -> Tone {
        self.change
            .map_or(Tone::Neutral, |change| tone(better(&self.label), change))
    }
}

/// The change of `value` from `prior` in percent, when it means something.
pub fn change_percent(value: Decimal, prior: Decimal) -> Option<Decimal> {
    if prior <= Decimal::ZERO || value < Decimal::ZERO {
        return None;
    }
    Some(
        ((Amount(value) - prior) / prior * Decimal::ONE_HUNDRED)
            .0
            .round_dp(2),
    )
}

/// The key figures of a mining release, in the order an analyst reads them; fewer (or none)
/// when the release does not print them.
pub fn key_figures(doc: &Document, analysis: &Analysis) -> Vec<KeyFigure> {
    let ctx = Ctx {
        doc,
        headline: headline(doc),
        company: company(doc),
    };
    let mut out = Vec::new();
    // Production by metal, company-wide.
    let production = metric_rows(doc, analysis, &[MetricKind::Production]);
    let mut seen: Vec<&str> = Vec::new();
    for (_, f) in &production {
        if f.entity.is_some() || !is_production(f.row) || seen.contains(&f.metal) {
            continue;
        }
        if let Some(k) = printed(
            &ctx,
            f.table,
            f.index,
            &format!("production-{}", f.metal),
            format!("{} production", capital(f.metal)),
        ) {
            seen.push(f.metal);
            out.push(k);
        }
    }
    // Total cash cost per ounce of each primary metal, company-wide.
    let costs = metric_rows(doc, analysis, &[MetricKind::TotalCashCostPerOz]);
    let mut seen: Vec<&str> = Vec::new();
    for (_, f) in &costs {
        if f.entity.is_some() || seen.contains(&f.metal) {
            continue;
        }
        let id = format!("total-cash-cost-{}", f.metal);
        let label = format!("Total cash cost per ounce of {}", f.metal);
        if let Some(k) = printed(&ctx, f.table, f.index, &id, label) {
            seen.push(f.metal);
            out.push(k);
        }
    }
    // A metal costed per pound (copper's C1), or per ounce under another name: the first
    // company-wide cash cost line, when the analysis has no total cash cost for the metal.
    for table in &doc.tables {
        for (index, row) in table.rows.iter().enumerate() {
            let w = words(&row.label);
            let has = |x: &str| w.iter().any(|y| y == x);
            let cash_cost = matches!(row.unit, Some(Unit::MoneyPerOz | Unit::MoneyPerLb))
                && has("cash")
                && (has("cost") || has("costs"))
                && !has("excluding")
                && row
                    .section
                    .as_deref()
                    .and_then(|s| entity_of(Some(s)))
                    .is_none();
            let Some(metal) = cash_cost.then(|| metal_of(row)).flatten() else {
                continue;
            };
            if seen.contains(&metal) {
                continue;
            }
            let per = if row.unit == Some(Unit::MoneyPerLb) {
                "pound"
            } else {
                "ounce"
            };
            let id = format!("cash-cost-{metal}");
            let label = format!("Cash cost per {per} of {metal}");
            if let Some(k) = printed(&ctx, table, index, &id, label) {
                seen.push(metal);
                out.push(k);
            }
        }
    }
    margins(&ctx, analysis, &mut out);
    if let Some((table, start, end)) = statement(&ctx) {
        out.extend(printed(&ctx, table, start, "sales", "Sales".to_owned()));
        out.extend(printed(
            &ctx,
            table,
            end,
            "net-income",
            "Net income".to_owned(),
        ));
    }
    out
}

fn real(row: &Row, column: usize) -> Option<Decimal> {
    Some((Amount(number(row, column)?) * Decimal::from(row.scale.factor())).0)
}

/// A figure printed in row `index` of `table`, for the current period and the prior.
fn printed(ctx: &Ctx, table: &Table, index: usize, id: &str, label: String) -> Option<KeyFigure> {
    let row = &table.rows[index];
    let p = pair(table, ctx.headline)?;
    let value = real(row, p.current)?;
    let prior = p.prior.and_then(|c| real(row, c));
    Some(KeyFigure {
        id: id.to_owned(),
        label,
        value,
        unit: unit_text(row.unit, row.currency, Scale::One),
        period: table.columns[p.current].label.to_string(),
        prior,
        prior_period: p.prior.map(|c| table.columns[c].label.to_string()),
        change: prior.map(|b| (Amount(value) - b).0),
        change_percent: prior.and_then(|b| change_percent(value, b)),
        source: CellRef::new(table, index, p.current),
        inputs: Vec::new(),
    })
}

/// Margin per ounce (price less total cash cost), company-wide, from the analysis' metrics:
/// the one whose inputs are the current column, against the one of the prior column.
fn margins(ctx: &Ctx, analysis: &Analysis, out: &mut Vec<KeyFigure>) {
    let column_of = |cell: &CellRef| -> Option<(&Table, Pair)> {
        let table = ctx.doc.tables.iter().find(|t| t.id == cell.table)?;
        Some((table, pair(table, ctx.headline)?))
    };
    let company_wide = analysis.metrics.iter().filter(|m| {
        m.kind == MetricKind::MarginPerOz
            && m.entity.is_none()
            && m.value.is_some()
            && m.inputs.len() >= 2
    });
    let mut seen: Vec<&str> = Vec::new();
    for m in company_wide.clone() {
        let Some(metal) = m.metal.as_deref() else {
            continue;
        };
        if seen.contains(&metal) {
            continue;
        }
        let Some((table, p)) = column_of(&m.inputs[0]) else {
            continue;
        };
        if m.inputs[0].column != p.current {
            continue;
        }
        let (Some(value), cost) = (m.value, &m.inputs[1]) else {
            continue;
        };
        // The prior: the same metal's margin read from the same rows, one column over.
        let prior = p.prior.and_then(|pc| {
            company_wide.clone().find(|o| {
                o.metal.as_deref() == Some(metal)
                    && o.inputs[0].table == m.inputs[0].table
                    && o.inputs[0].row == m.inputs[0].row
                    && o.inputs[0].column == pc
                    && o.inputs[1].table == cost.table
                    && o.inputs[1].row == cost.row
            })
        });
        let prior_value = prior.and_then(|o| o.value);
        seen.push(metal);
        out.push(KeyFigure {
            id: format!("margin-{metal}"),
            label: format!("Margin per ounce of {metal}"),
            value,
            unit: "USD per ounce".to_owned(),
            period: table.columns[p.current].label.to_string(),
            prior: prior_value,
            prior_period: prior
                .and(p.prior)
                .map(|c| table.columns[c].label.to_string()),
            change: prior_value.map(|b| (Amount(value) - b).0),
            change_percent: prior_value.and_then(|b| change_percent(value, b)),
            source: m.inputs[0].clone(),
            inputs: m.inputs.clone(),
        });
    }
}

/// The income statement's sales and net income rows: those of the statement the income
/// walk is drawn from, else of the first table that prints both.
fn statement<'a>(ctx: &Ctx<'a>) -> Option<(&'a Table, usize, usize)> {
    let mut tables: Vec<&Table> = ctx.doc.tables.iter().collect();
    crate::sort::by_key(&mut tables, |t| is_adjusted(t));
    let ends = |t: &'a Table| {
        let p = pair(t, ctx.headline)?;
        let (start, end) = statement_ends(t, p.current)?;
        Some((t, start, end))
    };
    tables
        .iter()
        .find(|t| income_walk(ctx, t).is_some())
        .and_then(|t| ends(t))
        .or_else(|| tables.iter().find_map(|t| ends(t)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn which_way_is_better_by_what_the_label_names() {
        use Better::{Higher, Lower};
        for (label, way) in [
            ("Total cash cost per ounce of silver", Some(Lower)),
            ("Cash cost per pound of copper", Some(Lower)),
            ("All-in sustaining costs (AISC)", Some(Lower)),
            ("AISC per ounce", Some(Lower)),
            ("Cost of sales", Some(Lower)),
            ("General and administrative expenses", Some(Lower)),
            ("Net loss", Some(Lower)),
            ("Loss on sale of assets", Some(Lower)),
            ("Silver production", Some(Higher)),
            ("Gold produced (ounces)", Some(Higher)),
            ("Sales", Some(Higher)),
            ("Revenues", Some(Higher)),
            ("Net income", Some(Higher)),
            ("Net income (loss)", Some(Higher)),
            ("Net (loss) income", Some(Higher)),
            ("Net earnings", Some(Higher)),
            ("Gross profit", Some(Higher)),
            ("Margin per ounce of gold", Some(Higher)),
            ("Average realized silver price", Some(Higher)),
            ("Silver grade (oz/ton)", None),
            ("Weighted average shares outstanding", None),
            ("Effective tax rate", None),
        ] {
            assert_eq!(better(label), way, "{label}");
        }
    }

    #[test]
    fn a_lower_cost_is_good_news_and_a_lower_output_bad() {
        let (down, up) = (Decimal::new(-550, 2), Decimal::new(158, 0));
        assert_eq!(tone(Some(Better::Lower), down), Tone::Good);
        assert_eq!(tone(Some(Better::Lower), up), Tone::Bad);
        assert_eq!(tone(Some(Better::Higher), down), Tone::Bad);
        assert_eq!(tone(Some(Better::Higher), up), Tone::Good);
        assert_eq!(tone(None, down), Tone::Neutral);
        assert_eq!(tone(None, up), Tone::Neutral);
        assert_eq!(tone(Some(Better::Higher), Decimal::ZERO), Tone::Neutral);
    }
}
