//! Waterfalls: walks from one printed total to another through the lines between them (the
//! reconciliation from total cash costs to GAAP cost of sales, the income statement from sales
//! to net income). Printed totals stand as totals; nothing is recomputed, and a walk that does
//! not foot is not drawn.

use rust_decimal::Decimal;

use super::charts::{Ctx, Draft, FigureChart};
use super::find::{display_name, has_word, is_adjusted, is_net_income, is_revenue, number, slug};
use super::periods::pair;
use super::unit_text;
use crate::analyze::metrics::entity_of;
use crate::analyze::words;
use crate::chart::{ChartKind, ChartSpec, Series, Step};
use crate::decimal::Amount;
use crate::document::{Row, RowKind, Table, Unit};

/// One step of a walk: a label, a printed (or signed) value, and the rows it came from.
#[derive(Clone, Debug)]
struct WalkItem {
    label: String,
    value: Decimal,
    step: Step,
    rows: Vec<String>,
    /// The heading the line sits under, to name a block it closes.
    parent: Option<String>,
}

/// `a` and `b` agree within the rounding of `terms` printed figures of `scale` decimals.
pub(crate) fn within_rounding(a: Decimal, b: Decimal, terms: usize, scale: u32) -> bool {
    let ulp = Decimal::new(1, scale);
    (Amount(a) - b).0.abs() <= (Amount(ulp) * Decimal::from(terms as u64 + 1)).0
}

fn walk_spec(
    ctx: &Ctx,
    table: &Table,
    title: String,
    period: String,
    unit: String,
    items: Vec<WalkItem>,
) -> ChartSpec {
    let categories = items.iter().map(|i| i.label.clone()).collect();
    let values = items.iter().map(|i| Some(i.value)).collect();
    let steps = items.iter().map(|i| i.step).collect();
    let mut rows: Vec<String> = Vec::new();
    for i in &items {
        rows.extend_from_slice(&i.rows);
    }
    rows.dedup();
    let mut spec = ctx.spec(
        table,
        Draft {
            kind: ChartKind::Waterfall,
            title,
            series: vec![Series {
                name: period.clone(),
                values,
            }],
            period,
            unit,
            categories,
            rows,
        },
    );
    spec.steps = steps;
    spec
}

/// A printed label if it reads on a chart axis, else a short name for what it is (the GAAP line
/// of a reconciliation runs to a hundred characters; the provenance keeps it whole).
fn short_or(label: &str, short: &str) -> String {
    if label.chars().count() <= 48 {
        label.to_owned()
    } else {
        short.to_owned()
    }
}

/// The reconciliation from total cash costs to GAAP cost of sales, for every group of rows
/// (one heading or section) that starts at total cash costs and ends in a printed total the
/// release calls GAAP or cost of sales, and that foots.
pub(crate) fn reconciliations(ctx: &Ctx, out: &mut Vec<FigureChart>) {
    for table in &ctx.doc.tables {
        let Some(p) = pair(table, ctx.headline) else {
            continue;
        };
        let col = p.current;
        let mut i = 0;
        while i < table.rows.len() {
            let start = &table.rows[i];
            let w = words(&start.label);
            let is_start = start.unit == Some(Unit::Money)
                && ["total", "cash"].iter().all(|x| w.iter().any(|y| y == x))
                && w.iter().any(|y| y == "cost" || y == "costs")
                && !has_word(&start.label, &["per", "ounce"]);
            let Some(first) = is_start.then(|| number(start, col)).flatten() else {
                i += 1;
                continue;
            };
            let same_group = |r: &Row| r.section == start.section && r.parent == start.parent;
            let mut items = vec![WalkItem {
                label: start.label.to_string(),
                value: first,
                step: Step::Total,
                rows: vec![start.label.to_string()],
                parent: None,
            }];
            let mut sum = Amount(first);
            let mut scale = first.scale();
            let mut terms = 1;
            let mut end = None;
            let mut j = i + 1;
            while j < table.rows.len() && same_group(&table.rows[j]) {
                let r = &table.rows[j];
                if r.kind == RowKind::Heading || r.unit != Some(Unit::Money) {
                    break;
                }
                let Some(v) = number(r, col) else {
                    j += 1;
                    continue;
                };
                scale = scale.max(v.scale());
                let closes = r.kind == RowKind::Total
                    && (has_word(&r.label, &["gaap"])
                        || (has_word(&r.label, &["cost", "costs"])
                            && has_word(&r.label, &["sales"])));
                if closes {
                    end = Some((j, v));
                    break;
                }
                if r.kind == RowKind::Total {
                    break;
                }
                sum += v;
                terms += 1;
                if !v.is_zero() {
                    items.push(WalkItem {
                        label: r.label.to_string(),
                        value: v,
                        step: Step::Delta,
                        rows: vec![r.label.to_string()],
                        parent: None,
                    });
                }
                j += 1;
            }
            let Some((end_index, total)) = end else {
                i += 1;
                continue;
            };
            i = end_index + 1;
            if items.len() < 2 || !within_rounding(sum.0, total, terms, scale) {
                continue;
            }
            let end_row = &table.rows[end_index];
            items.push(WalkItem {
                label: short_or(&end_row.label, "Cost of sales (GAAP)"),
                value: total,
                step: Step::Total,
                rows: vec![end_row.label.to_string()],
                parent: None,
            });
            let entity = start.section.as_deref().and_then(|s| entity_of(Some(s)));
            let period = table.columns[col].label.to_string();
            let unit = unit_text(start.unit, start.currency, start.scale);
            let (id, whose) = match &entity {
                Some(e) => (
                    format!("cash-cost-reconciliation-{}", slug(e)),
                    display_name(e),
                ),
                None => (
                    "cash-cost-reconciliation".to_owned(),
                    "all operations".to_owned(),
                ),
            };
            let spec = walk_spec(
                ctx,
                table,
                format!("Total cash costs to GAAP cost of sales, {whose}, {period} ({unit})"),
                period,
                unit,
                items,
            );
            out.push(FigureChart { id, spec });
        }
    }
}

/// The income statement as a walk from sales to net income: printed subtotals stand as totals,
/// the lines between them step up or down. Whether a block of lines adds or subtracts is read
/// from the printed subtotals (the block must foot one way or the other), so a statement that
/// prints costs as positive numbers walks down without any guess; one that foots neither way
/// is not charted.
pub(crate) fn income_statement(ctx: &Ctx) -> Option<FigureChart> {
    let mut tables: Vec<&Table> = ctx.doc.tables.iter().collect();
    crate::sort::by_key(&mut tables, |t| is_adjusted(t));
    tables
        .into_iter()
        .find_map(|t| income_walk(ctx, t).filter(|c| c.spec.validate().is_ok()))
}

pub(crate) fn income_walk(ctx: &Ctx, table: &Table) -> Option<FigureChart> {
    let p = pair(table, ctx.headline)?;
    let col = p.current;
    let (start, end) = statement_ends(table, col)?;
    let first = number(&table.rows[start], col)?;
    let mut items = vec![WalkItem {
        label: table.rows[start].label.to_string(),
        value: first,
        step: Step::Total,
        rows: vec![table.rows[start].label.to_string()],
        parent: None,
    }];
    let mut anchor = first;
    let mut pending: Vec<WalkItem> = Vec::new();
    let mut open = 0;
    let mut scale = first.scale();
    for i in start + 1..=end {
        let r = &table.rows[i];
        if r.kind == RowKind::Heading || r.unit != Some(Unit::Money) {
            continue;
        }
        let Some(v) = number(r, col) else {
            continue;
        };
        scale = scale.max(v.scale());
        // "Total" alone, or nothing: a line that can only be a sum.
        let unnamed = words(&r.label).iter().all(|w| w == "total");
        // A sum of the lines since the last sum closes a block: one step, named by its
        // label or by the heading its lines share (else the lines stay as they are).
        let block = pending[open..].iter().map(|d| d.value).sum::<Amount>().0;
        let block_terms = pending.len() - open;
        let may_close = r.kind == RowKind::Total || unnamed;
        if i != end && may_close && block_terms > 0 && within_rounding(block, v, block_terms, scale)
        {
            let first_parent = pending[open].parent.clone();
            let shared_parent = first_parent.filter(|p0| {
                pending[open..]
                    .iter()
                    .all(|d| d.parent.as_deref() == Some(p0))
            });
            let name = if unnamed {
                shared_parent
            } else {
                Some(r.label.to_string())
            };
            if let Some(name) = name {
                let mut rows: Vec<String> = Vec::new();
                for d in pending.drain(open..) {
                    rows.extend(d.rows);
                }
                pending.push(WalkItem {
                    label: name,
                    value: v,
                    step: Step::Delta,
                    rows,
                    parent: None,
                });
            }
            open = pending.len();
            continue;
        }
        // A subtotal of the walk: the bottom line, a printed total, or a line named like a
        // result (gross profit, income from operations) that the lines before it foot to.
        let printed_total = i == end || (r.kind == RowKind::Total && !unnamed);
        let named_result = !pending.is_empty() && has_word(&r.label, RESULT_WORDS);
        if printed_total || named_result {
            let values: Vec<Decimal> = pending.iter().map(|d| d.value).collect();
            match signs(anchor, &values, v, scale) {
                Some(signs) => {
                    for (mut d, sign) in pending.drain(..).zip(signs) {
                        if !d.value.is_zero() {
                            d.value = (Amount(d.value) * sign).0;
                            items.push(d);
                        }
                    }
                    open = 0;
                    items.push(WalkItem {
                        label: r.label.to_string(),
                        value: v,
                        step: Step::Total,
                        rows: vec![r.label.to_string()],
                        parent: None,
                    });
                    anchor = v;
                    continue;
                }
                None if printed_total => return None,
                None => {}
            }
        } else if unnamed {
            return None;
        }
        pending.push(WalkItem {
            label: r.label.to_string(),
            value: v,
            step: Step::Delta,
            rows: vec![r.label.to_string()],
            parent: r.parent.as_deref().map(str::to_string),
        });
    }
    if items.len() < 3 {
        return None;
    }
    let period = table.columns[col].label.to_string();
    let unit = unit_text(
        Some(Unit::Money),
        table.rows[start].currency,
        table.rows[start].scale,
    );
    let spec = walk_spec(
        ctx,
        table,
        format!("Income statement, {period} ({unit})"),
        period,
        unit,
        items,
    );
    Some(FigureChart {
        id: "income-statement".to_owned(),
        spec,
    })
}

/// Words that name a result of the statement rather than one of its lines.
const RESULT_WORDS: &[&str] = &[
    "gross", "income", "earnings", "loss", "profit", "ebit", "ebitda",
];

/// The signs that take `anchor` through `values` to `target`: all added, all subtracted, else
/// the one mix of signs that foots (a statement that prints gains and costs alike as positive
/// numbers). `None` when nothing foots or several mixes do: the walk is then not drawn.
fn signs(anchor: Decimal, values: &[Decimal], target: Decimal, scale: u32) -> Option<Vec<Decimal>> {
    let terms = values.len() + 1;
    let all = values.iter().copied().sum::<Amount>();
    let uniform = |s: Decimal| Some(vec![s; values.len()]);
    if within_rounding((Amount(anchor) + all).0, target, terms, scale) {
        return uniform(Decimal::ONE);
    }
    if within_rounding((Amount(anchor) - all).0, target, terms, scale) {
        return uniform(Decimal::NEGATIVE_ONE);
    }
    // Zero lines take either sign; they are not drawn, so fix them as added.
    let live: Vec<usize> = (0..values.len())
        .filter(|&i| !values[i].is_zero())
        .collect();
    if live.is_empty() || live.len() > 12 {
        return None;
    }
    let mut found = None;
    for mask in 0u32..(1 << live.len()) {
        let total = live
            .iter()
            .enumerate()
            .map(|(bit, &i)| {
                if mask & (1 << bit) != 0 {
                    -values[i]
                } else {
                    values[i]
                }
            })
            .sum::<Amount>();
        if within_rounding((Amount(anchor) + total).0, target, terms, scale) {
            if found.is_some() {
                return None;
            }
            found = Some(mask);
        }
    }
    let mask = found?;
    let mut out = vec![Decimal::ONE; values.len()];
    for (bit, &i) in live.iter().enumerate() {
        if mask & (1 << bit) != 0 {
            out[i] = Decimal::NEGATIVE_ONE;
        }
    }
    Some(out)
}

/// The first sales or revenue line (the printed total when revenue is split over lines) and
/// the net income line after it.
pub(crate) fn statement_ends(table: &Table, col: usize) -> Option<(usize, usize)> {
    let mut start = table
        .rows
        .iter()
        .position(|r| is_revenue(r) && number(r, col).is_some())?;
    let s = &table.rows[start];
    if s.kind == RowKind::Item {
        if let Some(total) = table.rows[start + 1..]
            .iter()
            .take_while(|r| r.parent == s.parent)
            .position(|r| r.kind == RowKind::Total && is_revenue(r))
        {
            start += 1 + total;
        }
    }
    let end = table.rows[start + 1..]
        .iter()
        .position(|r| is_net_income(r) && number(r, col).is_some())?;
    Some((start, start + 1 + end))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn signs_come_from_the_printed_subtotal() {
        let one = Decimal::ONE;
        let minus = Decimal::NEGATIVE_ONE;
        // Costs printed positive: all subtracted.
        assert_eq!(
            signs(d("100"), &[d("30"), d("20")], d("50"), 0),
            Some(vec![minus, minus])
        );
        // Printed with their signs: all added.
        assert_eq!(
            signs(d("100"), &[d("-30"), d("20")], d("90"), 0),
            Some(vec![one, one])
        );
        // A tax subtracted, an equity income added: the one mix that foots.
        assert_eq!(
            signs(d("1974"), &[d("620"), d("-9"), d("280")], d("1625"), 0),
            Some(vec![minus, one, one])
        );
        // Two mixes foot (10 - 5 + 5 = 10 + 5 - 5): not drawn.
        assert_eq!(signs(d("10"), &[d("5"), d("5")], d("10"), 0), None);
        // Nothing foots.
        assert_eq!(signs(d("10"), &[d("5")], d("100"), 0), None);
        // Rounding of printed figures is allowed, one unit of the last place per figure.
        assert!(signs(d("49228"), &[d("22288"), d("5947")], d("20994"), 0).is_some());
        assert!(signs(d("49228"), &[d("22288"), d("5947")], d("20999"), 0).is_none());
    }
}
