//! The charts a release supports, each built from printed cells found by meaning.
//!
//! Mining charts (production, costs per ounce or pound, metal prices) are built here, from the
//! analysis' metrics and from rows the release itself calls prices or costs; the waterfalls
//! (cash-cost reconciliation, income statement) live in `walks`, and the statement charts any
//! release may support (segments, cash flow) in `statements`. A builder that cannot find every
//! input it needs offers no chart: nothing is filled in.
//!
//! Values are drawn as printed (the axis unit names the scale, "USD thousands"); comparisons
//! put the prior period first, as a time axis reads.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::find::{
    capital, display_name, has_word, is_production, metric_rows, number, price_metal, slug, Found,
};
use super::periods::{headline, pair, versus, Pair};
use super::rows::full_label;
use super::{company, unit_text};
use super::{statements, walks};
use crate::analyze::metrics::{entity_of, metal_of};
use crate::analyze::{Analysis, MetricKind};
use crate::chart::text::join_present;
use crate::chart::{ChartKind, ChartSpec, Provenance, Series};
use crate::document::{Date, Document, Row, Table, Unit};

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
    statements::segments(&ctx, &mut out);
    walks::reconciliations(&ctx, &mut out);
    out.extend(walks::income_statement(&ctx));
    out.extend(statements::cash_flow(&ctx));
    let mut seen = Vec::new();
    out.retain(|c| c.spec.validate().is_ok() && !c.spec.is_empty() && first_seen(&mut seen, &c.id));
    out
}

/// Whether `s` is new to `seen`, which then remembers it (a handful of ids or labels: a list
/// is smaller in the wasm than another `HashSet` instance).
fn first_seen(seen: &mut Vec<String>, s: &str) -> bool {
    let new = !seen.iter().any(|x| x == s);
    if new {
        seen.push(s.to_owned());
    }
    new
}

pub(crate) struct Ctx<'a> {
    pub doc: &'a Document,
    pub headline: Option<(Date, u8)>,
    pub company: String,
}

/// What a chart builder decides; [`Ctx::spec`] adds the subtitle and provenance.
pub(crate) struct Draft {
    pub kind: ChartKind,
    pub title: String,
    /// The period(s) compared, for the provenance.
    pub period: String,
    pub unit: String,
    pub categories: Vec<String>,
    pub series: Vec<Series>,
    /// The row labels the values were read from.
    pub rows: Vec<String>,
}

impl Ctx<'_> {
    pub(crate) fn spec(&self, table: &Table, d: Draft) -> ChartSpec {
        let table_title = table_title(table);
        let subtitle = join_present(&[&self.company, &table_title], " · ");
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
        table.columns[p.prior?].label.to_string(),
        table.columns[p.current].label.to_string(),
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
            let unit = unit_text(f.row.unit, f.row.currency, f.row.scale);
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
                    rows: vec![f.row.label.to_string()],
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
            let unit = unit_text(ops[0].row.unit, ops[0].row.currency, ops[0].row.scale);
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
        let mut seen = Vec::new();
        sources.retain(|s| first_seen(&mut seen, s));
        let categories = entities
            .iter()
            .map(|e| match e {
                Some(e) => display_name(e),
                None => format!("All {metal} operations"),
            })
            .collect();
        let period = f.table.columns[p.current].label.to_string();
        let unit = unit_text(Some(Unit::MoneyPerOz), f.row.currency, f.row.scale);
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
            let costed = matches!(row.unit, Some(Unit::MoneyPerOz | Unit::MoneyPerLb))
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
            let unit = unit_text(rows[0].unit, rows[0].currency, rows[0].scale);
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
                    categories: rows.iter().map(|r| r.label.to_string()).collect(),
                    series,
                    rows: rows.iter().map(|r| r.label.to_string()).collect(),
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
        crate::sort::by_key(&mut rows, |r| {
            !has_word(&r.label, &["realized", "realised"])
        });
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
            let unit = unit_text(row.unit, row.currency, row.scale);
            let spec = ctx.spec(
                table,
                Draft {
                    kind: ChartKind::Bar,
                    title: format!("{} price, {} ({unit})", capital(metal), versus(table, p)),
                    period: versus(table, p),
                    unit,
                    categories: period_series(table, p).map(Vec::from).unwrap_or_default(),
                    series: vec![Series {
                        name: row.label.to_string(),
                        values: values.to_vec(),
                    }],
                    rows: vec![row.label.to_string()],
                },
            );
            out.push(FigureChart {
                id: format!("price-{}", slug(metal)),
                spec,
            });
        }
    }
}
