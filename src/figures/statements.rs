//! Statement charts any release may support: sales and gross profit by segment, and cash flow
//! by activity.

use super::charts::{Ctx, Draft, FigureChart};
use super::find::{has_word, is_revenue, number};
use super::periods::{pair, versus};
use super::unit_text;
use super::walks::within_rounding;
use crate::analyze::words;
use crate::chart::{ChartKind, Series};
use crate::decimal::Amount;
use crate::document::{Row, RowKind, Table, Unit};

/// Sales and gross profit by segment, for the current period: two or more segments' sales
/// (under a heading that names sales or revenue, or closed by a sales line they add up to) and,
/// when printed, their gross profit under a heading that names it, matched by segment name.
pub(crate) fn segments(ctx: &Ctx, out: &mut Vec<FigureChart>) {
    for table in &ctx.doc.tables {
        let Some(p) = pair(table, ctx.headline) else {
            continue;
        };
        let col = p.current;
        let names_sales = |h: &str| {
            has_word(h, &["sales", "revenue", "revenues"])
                && !has_word(h, &["cost", "costs", "gross", "margin", "margins", "per"])
        };
        let names_gross = |h: &str| {
            has_word(h, &["gross"]) && has_word(h, &["profit", "margin", "margins", "loss"])
        };
        let Some((sales_name, segs)) =
            heading_group(table, col, &names_sales).or_else(|| closed_group(table, col))
        else {
            continue;
        };
        let gross = heading_group(table, col, &names_gross);
        let period = table.columns[col].label.to_string();
        let unit = unit_text(segs[0].unit, segs[0].currency, segs[0].scale);
        let categories: Vec<String> = segs.iter().map(|r| r.label.to_string()).collect();
        let mut series = vec![Series {
            name: sales_name.clone(),
            values: segs.iter().map(|r| number(r, col)).collect(),
        }];
        let mut rows: Vec<String> = segs
            .iter()
            .map(|r| format!("{sales_name}: {}", r.label))
            .collect();
        let mut title = "Sales by segment".to_owned();
        if let Some((gross_name, gp)) = gross {
            let matched: Vec<Option<&Row>> = segs
                .iter()
                .map(|s| gp.iter().copied().find(|g| g.label == s.label))
                .collect();
            if matched.iter().flatten().count() >= 2 {
                rows.extend(
                    matched
                        .iter()
                        .flatten()
                        .map(|r| format!("{gross_name}: {}", r.label)),
                );
                series.push(Series {
                    name: gross_name,
                    values: matched
                        .iter()
                        .map(|g| g.and_then(|g| number(g, col)))
                        .collect(),
                });
                title = "Sales and gross profit by segment".to_owned();
            }
        }
        let spec = ctx.spec(
            table,
            Draft {
                kind: ChartKind::GroupedBar,
                title: format!("{title}, {period} ({unit})"),
                period,
                unit,
                categories,
                series,
                rows,
            },
        );
        if spec.validate().is_ok() {
            out.push(FigureChart {
                id: "segments".to_owned(),
                spec,
            });
            return;
        }
    }
}

/// Money lines with a figure in `col` that are not sums (a "Total" line, or one named like
/// the group it closes).
fn segment_line(r: &Row, col: usize, group: &str) -> bool {
    r.kind == RowKind::Item
        && r.unit == Some(Unit::Money)
        && number(r, col).is_some()
        && !has_word(&r.label, &["total"])
        && r.label != group
}

/// The first heading whose text (with the heading lines just above it, for a heading printed
/// over two lines) satisfies `names`, and its two or more lines.
fn heading_group<'a>(
    table: &'a Table,
    col: usize,
    names: &dyn Fn(&str) -> bool,
) -> Option<(String, Vec<&'a Row>)> {
    let mut tried: Vec<&str> = Vec::new();
    for (i, r) in table.rows.iter().enumerate() {
        let Some(parent) = r.parent.as_deref() else {
            continue;
        };
        if tried.contains(&parent) {
            continue;
        }
        tried.push(parent);
        let text = heading_text(table, i, parent);
        if !names(&text) {
            continue;
        }
        let items: Vec<&Row> = table
            .rows
            .iter()
            .filter(|x| x.parent.as_deref() == Some(parent) && segment_line(x, col, parent))
            .collect();
        if items.len() >= 2 {
            return Some((text, items));
        }
    }
    None
}

/// A heading's full text: its label, after the heading lines printed just above it.
fn heading_text(table: &Table, first_item: usize, parent: &str) -> String {
    let Some(h) = table.rows[..first_item]
        .iter()
        .rposition(|r| r.kind == RowKind::Heading && r.label == parent)
    else {
        return parent.to_owned();
    };
    let mut start = h;
    while start > 0 && table.rows[start - 1].kind == RowKind::Heading && h - start < 2 {
        start -= 1;
    }
    table.rows[start..=h]
        .iter()
        .map(|r| r.label.as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Two or more top-level money lines closed by a sales or revenue line they add up to.
fn closed_group(table: &Table, col: usize) -> Option<(String, Vec<&Row>)> {
    let mut run: Vec<&Row> = Vec::new();
    for r in &table.rows {
        let Some(v) = number(r, col).filter(|_| r.parent.is_none()) else {
            run.clear();
            continue;
        };
        if is_revenue(r) && run.len() >= 2 {
            let sum = run.iter().filter_map(|x| number(x, col)).sum::<Amount>().0;
            let scale = run
                .iter()
                .filter_map(|x| number(x, col))
                .map(|d| d.scale())
                .fold(v.scale(), u32::max);
            if within_rounding(sum, v, run.len(), scale) {
                return Some((r.label.to_string(), run));
            }
        }
        if r.kind == RowKind::Item && r.unit == Some(Unit::Money) {
            run.push(r);
        } else {
            run.clear();
        }
    }
    None
}

const ACTIVITIES: [(&str, &str); 3] = [
    ("operating", "Operating activities"),
    ("investing", "Investing activities"),
    ("financing", "Financing activities"),
];

/// Net cash from operating, investing and financing activities and the net change in cash,
/// from the one table that prints all three.
pub(crate) fn cash_flow(ctx: &Ctx) -> Option<FigureChart> {
    for table in &ctx.doc.tables {
        let Some(p) = pair(table, ctx.headline) else {
            continue;
        };
        let find = |pred: &dyn Fn(&[String]) -> bool| {
            table.rows.iter().find(|r| {
                r.unit == Some(Unit::Money)
                    && number(r, p.current).is_some()
                    && pred(&words(&r.label))
            })
        };
        let mut rows: Vec<(&str, &Row)> = Vec::new();
        for (word, name) in ACTIVITIES {
            let row = find(&|w| {
                let has = |x: &str| w.iter().any(|y| y == x);
                has(word)
                    && has("cash")
                    && has("activities")
                    && ![
                        "before",
                        "excluding",
                        "adjusted",
                        "free",
                        "continuing",
                        "discontinued",
                    ]
                    .iter()
                    .any(|x| has(x))
            });
            if let Some(row) = row {
                rows.push((name, row));
            }
        }
        if rows.len() < 3 {
            continue;
        }
        let fx = find(&|w| {
            let has = |x: &str| w.iter().any(|y| y == x);
            has("effect") && has("exchange") && has("cash")
        });
        if let Some(fx) = fx {
            rows.push(("Exchange rate effect", fx));
        }
        let change = find(&|w| {
            let has = |x: &str| w.iter().any(|y| y == x);
            has("cash")
                && (has("increase") || has("decrease") || has("change"))
                && !has("activities")
        });
        if let Some(change) = change {
            rows.push(("Net change in cash", change));
        }
        let columns: Vec<(String, usize)> = match p.prior {
            Some(prior) => vec![
                (table.columns[prior].label.to_string(), prior),
                (table.columns[p.current].label.to_string(), p.current),
            ],
            None => vec![(table.columns[p.current].label.to_string(), p.current)],
        };
        let series: Vec<Series> = columns
            .iter()
            .map(|(name, c)| Series {
                name: name.clone(),
                values: rows.iter().map(|(_, r)| number(r, *c)).collect(),
            })
            .collect();
        let kind = if series.len() > 1 {
            ChartKind::GroupedBar
        } else {
            ChartKind::Bar
        };
        let unit = unit_text(Some(Unit::Money), rows[0].1.currency, rows[0].1.scale);
        let period = versus(table, p);
        let spec = ctx.spec(
            table,
            Draft {
                kind,
                title: format!("Cash flow by activity, {period} ({unit})"),
                period,
                unit,
                categories: rows.iter().map(|(n, _)| (*n).to_owned()).collect(),
                series,
                rows: rows.iter().map(|(_, r)| r.label.to_string()).collect(),
            },
        );
        if spec.validate().is_ok() {
            return Some(FigureChart {
                id: "cash-flow".to_owned(),
                spec,
            });
        }
    }
    None
}
