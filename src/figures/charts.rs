//! The charts a release supports, each built from printed cells found by meaning.
//!
//! Mining charts (production, cost per ounce, metal prices, the cash-cost reconciliation) come
//! from the analysis' metrics and from rows the release itself calls prices or
//! reconciliations; statement charts (sales and gross profit by segment, the income statement
//! walk, cash flow by activity) from any release that prints those tables. A builder that
//! cannot find every input it needs offers no chart: nothing is filled in.
//!
//! Values are drawn as printed (the axis unit names the scale, "USD thousands"); comparisons
//! put the prior period first, as a time axis reads.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::find::{
    capital, display_name, has_word, is_adjusted, is_net_income, is_production, is_revenue,
    metric_rows, number, price_metal, slug, Found,
};
use super::periods::{headline, pair, versus, Pair};
use super::rows::full_label;
use super::{company, unit_text};
use crate::analyze::metrics::{entity_of, metal_of};
use crate::analyze::{words, Analysis, MetricKind};
use crate::chart::{ChartKind, ChartSpec, Provenance, Series, Step};
use crate::document::{Date, Document, Row, RowKind, Table, Unit};

/// A chart the release supports, with a short id that stays the same for the same release
/// (`production-silver`, `income-statement`), for addresses and tests.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
pub struct FigureChart {
    pub id: String,
    pub spec: ChartSpec,
}

/// Every chart `doc` supports, in reading order: production, costs, prices, segments,
/// reconciliations, income statement, cash flow. Each passes [`ChartSpec::validate`].
pub fn document_charts(doc: &Document, analysis: &Analysis) -> Vec<FigureChart> {
    let ctx = Ctx {
        doc,
        headline: headline(doc),
        company: company(doc),
    };
    let mut out = Vec::new();
    production(&ctx, analysis, &mut out);
    costs_per_ounce(&ctx, analysis, &mut out);
    company_unit_costs(&ctx, &mut out);
    prices(&ctx, &mut out);
    segments(&ctx, &mut out);
    reconciliations(&ctx, &mut out);
    out.extend(income_statement(&ctx));
    out.extend(cash_flow(&ctx));
    let mut seen = std::collections::HashSet::new();
    out.retain(|c| c.spec.validate().is_ok() && !c.spec.is_empty() && seen.insert(c.id.clone()));
    out
}

pub(crate) struct Ctx<'a> {
    pub doc: &'a Document,
    pub headline: Option<(Date, u8)>,
    pub company: String,
}

/// What a chart builder decides; [`Ctx::spec`] adds the subtitle and provenance.
struct Draft {
    kind: ChartKind,
    title: String,
    /// The period(s) compared, for the provenance.
    period: String,
    unit: String,
    categories: Vec<String>,
    series: Vec<Series>,
    /// The row labels the values were read from.
    rows: Vec<String>,
}

impl Ctx<'_> {
    fn spec(&self, table: &Table, d: Draft) -> ChartSpec {
        let table_title = table_title(table);
        let subtitle = [self.company.clone(), table_title.clone()]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(" · ");
        let mut spec = ChartSpec::new(d.kind, d.title, subtitle, d.unit, d.categories, d.series);
        spec.provenance = Provenance {
            company: self.company.clone(),
            period: d.period,
            table: table_title,
            rows: d.rows,
        };
        spec
    }
}

/// The table's title as printed, cut to a length a subtitle can carry: a reader sometimes
/// takes a whole introductory paragraph for a title.
fn table_title(t: &Table) -> String {
    const MOST: usize = 120;
    let title = t.title.clone().unwrap_or_else(|| format!("Table {}", t.id));
    if title.chars().count() <= MOST {
        return title;
    }
    let cut: String = title.chars().take(MOST - 1).collect();
    format!("{}…", cut.trim_end())
}

/// Values of `row` for the prior then the current column.
fn compared(row: &Row, p: Pair) -> Option<[Option<Decimal>; 2]> {
    let prior = p.prior?;
    Some([number(row, prior), number(row, p.current)])
}

fn period_series(table: &Table, p: Pair) -> Option<[String; 2]> {
    Some([
        table.columns[p.prior?].label.clone(),
        table.columns[p.current].label.clone(),
    ])
}

/// One series per period, prior first, over `rows` as categories.
fn period_pair_series(names: [String; 2], p: Pair, rows: &[&Row]) -> Vec<Series> {
    names
        .into_iter()
        .zip([p.prior, Some(p.current)])
        .map(|(name, col)| Series {
            name,
            values: rows
                .iter()
                .map(|r| col.and_then(|c| number(r, c)))
                .collect(),
        })
        .collect()
}

/// Production by metal (consolidated, prior against current) and by operation.
fn production(ctx: &Ctx, analysis: &Analysis, out: &mut Vec<FigureChart>) {
    let rows: Vec<Found> = metric_rows(ctx.doc, analysis, &[MetricKind::Production])
        .into_iter()
        .map(|(_, f)| f)
        .filter(|f| is_production(f.row))
        .collect();
    let mut metals: Vec<&'static str> = Vec::new();
    for f in &rows {
        if !metals.contains(&f.metal) {
            metals.push(f.metal);
        }
    }
    for metal in metals {
        let of_metal: Vec<&Found> = rows.iter().filter(|f| f.metal == metal).collect();
        let name = capital(metal);
        // Consolidated: the first company-wide row with both periods printed.
        let whole = of_metal.iter().find_map(|f| {
            let p = pair(f.table, ctx.headline)?;
            let values = compared(f.row, p)?;
            (f.entity.is_none() && values.iter().all(Option::is_some)).then_some((f, p, values))
        });
        if let Some((f, p, values)) = whole {
            let unit = unit_text(f.row.unit, f.row.scale);
            let categories = period_series(f.table, p).map(Vec::from).unwrap_or_default();
            let spec = ctx.spec(
                f.table,
                Draft {
                    kind: ChartKind::Bar,
                    title: format!("{name} production, {} ({unit})", versus(f.table, p)),
                    period: versus(f.table, p),
                    unit,
                    categories,
                    series: vec![Series {
                        name: format!("{name} produced"),
                        values: values.to_vec(),
                    }],
                    rows: vec![f.row.label.clone()],
                },
            );
            out.push(FigureChart {
                id: format!("production-{}", slug(metal)),
                spec,
            });
        }
        // By operation: the first table printing this metal for two or more operations.
        let mut tables: Vec<&Table> = Vec::new();
        for f in &of_metal {
            if f.entity.is_some() && !tables.iter().any(|t| std::ptr::eq(*t, f.table)) {
                tables.push(f.table);
            }
        }
        for table in tables {
            let Some(p) = pair(table, ctx.headline).filter(|p| p.prior.is_some()) else {
                continue;
            };
            let mut ops: Vec<&Found> = Vec::new();
            for f in of_metal.iter().filter(|f| std::ptr::eq(f.table, table)) {
                let same_unit = ops
                    .first()
                    .is_none_or(|o| o.row.unit == f.row.unit && o.row.scale == f.row.scale);
                if f.entity.is_some() && same_unit && !ops.iter().any(|o| o.entity == f.entity) {
                    ops.push(f);
                }
            }
            if ops.len() < 2 {
                continue;
            }
            let Some(names) = period_series(table, p) else {
                continue;
            };
            let unit = unit_text(ops[0].row.unit, ops[0].row.scale);
            let categories = ops
                .iter()
                .map(|f| display_name(f.entity.unwrap_or_default()))
                .collect();
            let op_rows: Vec<&Row> = ops.iter().map(|f| f.row).collect();
            let series = period_pair_series(names, p, &op_rows);
            let spec = ctx.spec(
                table,
                Draft {
                    kind: ChartKind::GroupedBar,
                    title: format!(
                        "{name} production by operation, {} ({unit})",
                        versus(table, p)
                    ),
                    period: versus(table, p),
                    unit,
                    categories,
                    series,
                    rows: ops.iter().map(|f| full_label(f.row)).collect(),
                },
            );
            out.push(FigureChart {
                id: format!("production-{}-by-operation", slug(metal)),
                spec,
            });
            break;
        }
    }
}

const COST_KINDS: [(MetricKind, &str); 3] = [
    (MetricKind::CashOperatingCostPerOz, "Cash operating cost"),
    (MetricKind::TotalCashCostPerOz, "Total cash cost"),
    (
        MetricKind::TotalProductionCostPerOz,
        "Total production cost",
    ),
];

/// Cost per ounce by operation for the current period, with all operations of the metal
/// beside them when there are several. Negative costs (by-product credits above costs) stay
/// negative.
fn costs_per_ounce(ctx: &Ctx, analysis: &Analysis, out: &mut Vec<FigureChart>) {
    let kinds: Vec<MetricKind> = COST_KINDS.iter().map(|(k, _)| *k).collect();
    let rows = metric_rows(ctx.doc, analysis, &kinds);
    let mut metals: Vec<&'static str> = Vec::new();
    for (_, f) in &rows {
        if !metals.contains(&f.metal) {
            metals.push(f.metal);
        }
    }
    for metal in metals {
        // Entities in order of first appearance; `None` (all operations) goes last.
        let mut entities: Vec<Option<&str>> = Vec::new();
        for (_, f) in rows.iter().filter(|(_, f)| f.metal == metal) {
            if f.entity.is_some() && !entities.contains(&f.entity) {
                entities.push(f.entity);
            }
        }
        if entities.is_empty() {
            continue;
        }
        if entities.len() >= 2 {
            entities.push(None);
        }
        // The first row printed for each (entity, kind), with its current column.
        let cell = |entity: Option<&str>, kind: MetricKind| {
            rows.iter().find_map(|(k, f)| {
                if *k != kind || f.metal != metal || f.entity != entity {
                    return None;
                }
                let p = pair(f.table, ctx.headline)?;
                Some((f, p, number(f.row, p.current)?))
            })
        };
        let mut series = Vec::new();
        let mut sources = Vec::new();
        let mut first: Option<(&Found, Pair)> = None;
        for (kind, name) in COST_KINDS {
            let cells: Vec<_> = entities.iter().map(|e| cell(*e, kind)).collect();
            if cells.iter().all(Option::is_none) {
                continue;
            }
            for (f, p, _) in cells.iter().flatten() {
                first.get_or_insert((*f, *p));
                sources.push(full_label(f.row));
            }
            series.push(Series {
                name: name.to_owned(),
                values: cells.iter().map(|c| c.map(|(_, _, v)| v)).collect(),
            });
        }
        let Some((f, p)) = first else {
            continue;
        };
        let mut seen = std::collections::HashSet::new();
        sources.retain(|s| seen.insert(s.clone()));
        let categories = entities
            .iter()
            .map(|e| match e {
                Some(e) => display_name(e),
                None => format!("All {metal} operations"),
            })
            .collect();
        let period = f.table.columns[p.current].label.clone();
        let unit = unit_text(Some(Unit::UsdPerOz), f.row.scale);
        let kind = if series.len() == 1 {
            ChartKind::Bar
        } else {
            ChartKind::GroupedBar
        };
        let spec = ctx.spec(
            f.table,
            Draft {
                kind,
                title: format!(
                    "{} cost per ounce by operation, {period} ({unit})",
                    capital(metal)
                ),
                period,
                unit,
                categories,
                series,
                rows: sources,
            },
        );
        out.push(FigureChart {
            id: format!("cost-per-ounce-{}", slug(metal)),
            spec,
        });
    }
}

/// A metal's unit costs for the company as a whole (cash cost, all-in sustaining cost, per
/// ounce or per pound) against the prior period, for a metal no by-operation cost chart
/// covers: the first table printing two or more of them for both periods.
fn company_unit_costs(ctx: &Ctx, out: &mut Vec<FigureChart>) {
    let covered: Vec<String> = out
        .iter()
        .filter_map(|c| c.id.strip_prefix("cost-per-ounce-").map(str::to_owned))
        .collect();
    let mut done: Vec<&'static str> = Vec::new();
    for table in &ctx.doc.tables {
        let Some(p) = pair(table, ctx.headline).filter(|p| p.prior.is_some()) else {
            continue;
        };
        let mut metals: Vec<(&'static str, Vec<&Row>)> = Vec::new();
        for row in &table.rows {
            let costed = matches!(row.unit, Some(Unit::UsdPerOz | Unit::UsdPerLb))
                && has_word(&row.label, &["cost", "costs", "aisc"])
                && !has_word(&row.label, &["excluding", "guidance", "outlook"]);
            let Some(metal) = costed.then(|| metal_of(row)).flatten() else {
                continue;
            };
            if row
                .section
                .as_deref()
                .and_then(|s| entity_of(Some(s)))
                .is_some()
                || compared(row, p).is_none_or(|v| v.iter().any(Option::is_none))
            {
                continue;
            }
            match metals.iter_mut().find(|(m, _)| *m == metal) {
                Some((_, rows)) if rows[0].unit == row.unit => rows.push(row),
                Some(_) => {}
                None => metals.push((metal, vec![row])),
            }
        }
        for (metal, rows) in metals {
            if rows.len() < 2 || done.contains(&metal) || covered.iter().any(|c| c == &slug(metal))
            {
                continue;
            }
            done.push(metal);
            let Some(names) = period_series(table, p) else {
                continue;
            };
            let unit = unit_text(rows[0].unit, rows[0].scale);
            let series = period_pair_series(names, p, &rows);
            let spec = ctx.spec(
                table,
                Draft {
                    kind: ChartKind::GroupedBar,
                    title: format!(
                        "{} unit costs, {} ({unit})",
                        capital(metal),
                        versus(table, p)
                    ),
                    period: versus(table, p),
                    unit,
                    categories: rows.iter().map(|r| r.label.clone()).collect(),
                    series,
                    rows: rows.iter().map(|r| r.label.clone()).collect(),
                },
            );
            out.push(FigureChart {
                id: format!("unit-cost-{}", slug(metal)),
                spec,
            });
        }
    }
}

/// Each metal's average price (realized or reference) against the prior period.
fn prices(ctx: &Ctx, out: &mut Vec<FigureChart>) {
    let mut done: Vec<&'static str> = Vec::new();
    for table in &ctx.doc.tables {
        let Some(p) = pair(table, ctx.headline).filter(|p| p.prior.is_some()) else {
            continue;
        };
        // A realized price before a reference price of the same metal.
        let mut rows: Vec<&Row> = table.rows.iter().collect();
        rows.sort_by_key(|r| !has_word(&r.label, &["realized", "realised"]));
        for row in rows {
            let Some(metal) = price_metal(table, row) else {
                continue;
            };
            let Some(values) = compared(row, p).filter(|v| v.iter().all(Option::is_some)) else {
                continue;
            };
            if done.contains(&metal) {
                continue;
            }
            done.push(metal);
            let unit = unit_text(row.unit, row.scale);
            let spec = ctx.spec(
                table,
                Draft {
                    kind: ChartKind::Bar,
                    title: format!("{} price, {} ({unit})", capital(metal), versus(table, p)),
                    period: versus(table, p),
                    unit,
                    categories: period_series(table, p).map(Vec::from).unwrap_or_default(),
                    series: vec![Series {
                        name: row.label.clone(),
                        values: values.to_vec(),
                    }],
                    rows: vec![row.label.clone()],
                },
            );
            out.push(FigureChart {
                id: format!("price-{}", slug(metal)),
                spec,
            });
        }
    }
}

/// Sales and gross profit by segment, for the current period: two or more segments' sales
/// (under a heading that names sales or revenue, or closed by a sales line they add up to) and,
/// when printed, their gross profit under a heading that names it, matched by segment name.
fn segments(ctx: &Ctx, out: &mut Vec<FigureChart>) {
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
        let period = table.columns[col].label.clone();
        let unit = unit_text(segs[0].unit, segs[0].scale);
        let categories: Vec<String> = segs.iter().map(|r| r.label.clone()).collect();
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
        && r.unit == Some(Unit::Usd)
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
            let sum: Decimal = run.iter().filter_map(|x| number(x, col)).sum();
            let scale = run
                .iter()
                .filter_map(|x| number(x, col))
                .map(|d| d.scale())
                .chain([v.scale()])
                .max()
                .unwrap_or(0);
            if near(sum, v, run.len(), scale) {
                return Some((r.label.clone(), run));
            }
        }
        if r.kind == RowKind::Item && r.unit == Some(Unit::Usd) {
            run.push(r);
        } else {
            run.clear();
        }
    }
    None
}

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
fn near(a: Decimal, b: Decimal, terms: usize, scale: u32) -> bool {
    let ulp = Decimal::new(1, scale);
    (a - b).abs() <= ulp * Decimal::from(terms as u64 + 1)
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
    let mut rows: Vec<String> = items.iter().flat_map(|i| i.rows.clone()).collect();
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
fn reconciliations(ctx: &Ctx, out: &mut Vec<FigureChart>) {
    for table in &ctx.doc.tables {
        let Some(p) = pair(table, ctx.headline) else {
            continue;
        };
        let col = p.current;
        let mut i = 0;
        while i < table.rows.len() {
            let start = &table.rows[i];
            let w = words(&start.label);
            let is_start = start.unit == Some(Unit::Usd)
                && ["total", "cash"].iter().all(|x| w.iter().any(|y| y == x))
                && w.iter().any(|y| y == "cost" || y == "costs")
                && !has_word(&start.label, &["per", "ounce"]);
            let Some(first) = is_start.then(|| number(start, col)).flatten() else {
                i += 1;
                continue;
            };
            let same_group = |r: &Row| r.section == start.section && r.parent == start.parent;
            let mut items = vec![WalkItem {
                label: start.label.clone(),
                value: first,
                step: Step::Total,
                rows: vec![start.label.clone()],
                parent: None,
            }];
            let mut sum = first;
            let mut scale = first.scale();
            let mut terms = 1;
            let mut end = None;
            let mut j = i + 1;
            while j < table.rows.len() && same_group(&table.rows[j]) {
                let r = &table.rows[j];
                if r.kind == RowKind::Heading || r.unit != Some(Unit::Usd) {
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
                        label: r.label.clone(),
                        value: v,
                        step: Step::Delta,
                        rows: vec![r.label.clone()],
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
            if items.len() < 2 || !near(sum, total, terms, scale) {
                continue;
            }
            let end_row = &table.rows[end_index];
            items.push(WalkItem {
                label: short_or(&end_row.label, "Cost of sales (GAAP)"),
                value: total,
                step: Step::Total,
                rows: vec![end_row.label.clone()],
                parent: None,
            });
            let entity = start.section.as_deref().and_then(|s| entity_of(Some(s)));
            let period = table.columns[col].label.clone();
            let unit = unit_text(start.unit, start.scale);
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
fn income_statement(ctx: &Ctx) -> Option<FigureChart> {
    let mut tables: Vec<&Table> = ctx.doc.tables.iter().collect();
    tables.sort_by_key(|t| is_adjusted(t));
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
        label: table.rows[start].label.clone(),
        value: first,
        step: Step::Total,
        rows: vec![table.rows[start].label.clone()],
        parent: None,
    }];
    let mut anchor = first;
    let mut pending: Vec<WalkItem> = Vec::new();
    let mut open = 0;
    let mut scale = first.scale();
    for i in start + 1..=end {
        let r = &table.rows[i];
        if r.kind == RowKind::Heading || r.unit != Some(Unit::Usd) {
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
        let block: Decimal = pending[open..].iter().map(|d| d.value).sum();
        let block_terms = pending.len() - open;
        let may_close = r.kind == RowKind::Total || unnamed;
        if i != end && may_close && block_terms > 0 && near(block, v, block_terms, scale) {
            let first_parent = pending[open].parent.clone();
            let shared_parent = first_parent.filter(|p0| {
                pending[open..]
                    .iter()
                    .all(|d| d.parent.as_deref() == Some(p0))
            });
            let name = if unnamed {
                shared_parent
            } else {
                Some(r.label.clone())
            };
            if let Some(name) = name {
                let rows: Vec<String> = pending.drain(open..).flat_map(|d| d.rows).collect();
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
                            d.value *= sign;
                            items.push(d);
                        }
                    }
                    open = 0;
                    items.push(WalkItem {
                        label: r.label.clone(),
                        value: v,
                        step: Step::Total,
                        rows: vec![r.label.clone()],
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
            label: r.label.clone(),
            value: v,
            step: Step::Delta,
            rows: vec![r.label.clone()],
            parent: r.parent.clone(),
        });
    }
    if items.len() < 3 {
        return None;
    }
    let period = table.columns[col].label.clone();
    let unit = unit_text(Some(Unit::Usd), table.rows[start].scale);
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
    let sum: Decimal = values.iter().sum();
    let uniform = |s: Decimal| Some(vec![s; values.len()]);
    if near(anchor + sum, target, terms, scale) {
        return uniform(Decimal::ONE);
    }
    if near(anchor - sum, target, terms, scale) {
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
        let total: Decimal = live
            .iter()
            .enumerate()
            .map(|(bit, &i)| {
                if mask & (1 << bit) != 0 {
                    -values[i]
                } else {
                    values[i]
                }
            })
            .sum();
        if near(anchor + total, target, terms, scale) {
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

const ACTIVITIES: [(&str, &str); 3] = [
    ("operating", "Operating activities"),
    ("investing", "Investing activities"),
    ("financing", "Financing activities"),
];

/// Net cash from operating, investing and financing activities and the net change in cash,
/// from the one table that prints all three.
fn cash_flow(ctx: &Ctx) -> Option<FigureChart> {
    for table in &ctx.doc.tables {
        let Some(p) = pair(table, ctx.headline) else {
            continue;
        };
        let find = |pred: &dyn Fn(&[String]) -> bool| {
            table.rows.iter().find(|r| {
                r.unit == Some(Unit::Usd)
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
                (table.columns[prior].label.clone(), prior),
                (table.columns[p.current].label.clone(), p.current),
            ],
            None => vec![(table.columns[p.current].label.clone(), p.current)],
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
        let unit = unit_text(Some(Unit::Usd), rows[0].1.scale);
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
                rows: rows.iter().map(|(_, r)| r.label.clone()).collect(),
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
