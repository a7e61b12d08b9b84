//! Which of a company's series the app charts, and each as a line [`ChartSpec`].
//!
//! Chosen automatically, in this order: revenue, net income, earnings per share, cash,
//! production by metal and mine, cash cost and all-in cost per ounce, realised prices. Only
//! quarterly series (cash: balance sheet dates) with two or more printed or derived values.
//! A restated point's month is marked `*` (`Mar* 2005`), a derived one's `†`; the provenance carries
//! every point's sources (file, line, as printed), so a share link of the chart carries the
//! points and where they were read, never the releases.

use rust_decimal::Decimal;

use super::{calendar, CompanySeries, Point, Series};
use crate::chart::{ChartKind, ChartSpec, Provenance, MAX_CATEGORIES, MAX_TEXT_CHARS};
use crate::chart::{Series as Line, MAX_SOURCE_ROWS};

/// Marks a restated point's category.
pub const RESTATED_MARK: char = '*';
/// Marks a derived point's category.
pub const DERIVED_MARK: char = '†';
/// Most charts of one kind (production of many mines and metals).
const MOST_PER_KIND: usize = 8;

/// A company's series as the app shows them: the charts chosen, and the restatements with
/// both printings. The worker makes it (`settle`) and sends it to the page packed
/// (`share::companies`), so the page needs none of the series code.
#[derive(Clone, Debug, PartialEq)]
pub struct CompanyCharts {
    /// The company's name as its latest release prints it.
    pub name: String,
    /// How many of the releases are its.
    pub releases: usize,
    /// The charts chosen automatically first (`charts[..chosen]`), then one chart of every
    /// other series with two or more values, for the user to pick.
    pub charts: Vec<ShownChart>,
    pub chosen: usize,
    pub restatements: Vec<Restated>,
}

/// A series chart as the page holds it (the spec shared with its chart view).
#[derive(Clone, Debug, PartialEq)]
pub struct ShownChart {
    pub id: String,
    pub spec: std::rc::Rc<ChartSpec>,
}

/// A restatement in words: what, which period, and both printings ("FILE line 370: “$ 134”").
#[derive(Clone, Debug, PartialEq)]
pub struct Restated {
    pub measure: String,
    pub period: String,
    pub original: String,
    pub later: String,
}

/// Every company's charts and restatements, companies in the order their first release is
/// given.
pub fn settle<R: std::borrow::Borrow<super::Release>>(releases: &[R]) -> Vec<CompanyCharts> {
    super::of_releases(releases)
        .iter()
        .map(|c| {
            let mut charts = company_charts(c);
            let chosen = charts.len();
            charts.extend(other_charts(c, &charts));
            CompanyCharts {
                name: c
                    .company
                    .name
                    .clone()
                    .unwrap_or_else(|| "Company not named".into()),
                releases: c.releases.len(),
                charts: charts
                    .into_iter()
                    .map(|SeriesChart { id, spec }| ShownChart {
                        id,
                        spec: std::rc::Rc::new(spec),
                    })
                    .collect(),
                chosen,
                restatements: c.restatements.iter().map(restated_text).collect(),
            }
        })
        .collect()
}

fn restated_text(r: &super::Comparison) -> Restated {
    let printing =
        |p: &super::Printing| format!("{} line {}: “{}”", p.file, p.line, p.printed.trim());
    let scope = r
        .scope
        .as_deref()
        .map(|x| format!(" ({x})"))
        .unwrap_or_default();
    let period = match r.months {
        Some(m) => format!("{m} months ended {}", r.end),
        None => format!("at {}", r.end),
    };
    Restated {
        measure: clip(format!("{}{scope}", r.measure)),
        period,
        original: clip(printing(&r.original)),
        later: clip(printing(&r.later)),
    }
}

/// One chart of a company's series, with an id stable for the same releases.
#[derive(Clone, Debug, PartialEq)]
pub struct SeriesChart {
    /// `net-income`, `production-silver-ounces-produced-greens-creek`, …
    pub id: String,
    pub spec: ChartSpec,
}

/// The kinds of series charted, in order.
#[derive(Clone, Copy, PartialEq)]
enum Pick {
    Revenue,
    NetIncome,
    Eps,
    Cash,
    Production,
    UnitCost,
    Price,
}

const PICKS: [Pick; 7] = [
    Pick::Revenue,
    Pick::NetIncome,
    Pick::Eps,
    Pick::Cash,
    Pick::Production,
    Pick::UnitCost,
    Pick::Price,
];

/// An amount of money: a currency code (or "money" when none is known), not one of the
/// model's other units (`Unit::name`).
fn money(unit: &str) -> bool {
    !unit.contains('/')
        && !matches!(unit, "shares" | "percent" | "pp" | "bp" | "ratio")
        && !is_quantity(unit)
}

/// The units `Unit::is_quantity` holds: ounces, tons, tonnes, pounds, barrels, boe.
fn is_quantity(unit: &str) -> bool {
    matches!(unit, "oz" | "lbs" | "tons" | "tonnes" | "bbl" | "boe")
}

/// How well `s` fits `pick`: `None` when it does not; lower is better (one chart is kept of
/// the company-wide picks, all of the per-mine and per-metal ones).
fn fit(pick: Pick, s: &Series) -> Option<usize> {
    let m = s.measure.as_str();
    let words = |w: &str| m.split(' ').any(|x| x == w);
    // Pro forma, adjusted, counts… are not the reported figure.
    let plain = !m.contains('(');
    let quarters = s.months == Some(3);
    let company = s.scope.is_none();
    match pick {
        Pick::Revenue => {
            let order = [
                "revenues",
                "revenue",
                "net revenues",
                "total revenues",
                "net sales",
                "sales",
                "sales of products",
                "total revenue",
            ];
            let at = order.iter().position(|o| *o == m).or_else(|| {
                (words("revenues") || words("revenue"))
                    .then_some(order.len())
                    .filter(|_| !words("cost") && !words("costs"))
            });
            // Latin American reports: "Ingresos operacionales (MUS$)", "Receita líquida".
            let at = at.or_else(|| spanish(m, &SPANISH_REVENUE).then_some(order.len() + 1));
            at.filter(|_| quarters && company && plain && money(&s.unit))
        }
        Pick::NetIncome => {
            let order = [
                "net income",
                "net income attributable to common shareholders",
            ];
            (order.iter().position(|o| *o == m))
                .or_else(|| spanish(m, &SPANISH_NET_INCOME).then_some(order.len()))
                .filter(|_| quarters && company && money(&s.unit))
        }
        Pick::Eps => {
            let at = if words("diluted") {
                Some(0)
            } else if words("basic") {
                Some(1)
            } else {
                words("share").then_some(2)
            };
            at.filter(|_| quarters && company && plain && s.unit.ends_with("/share"))
        }
        Pick::Cash => {
            let order = [
                "cash & cash equivalents",
                "cash and cash equivalents",
                "cash",
            ];
            order
                .iter()
                .position(|o| *o == m)
                .filter(|_| s.months.is_none() && company && money(&s.unit))
        }
        Pick::Production => (quarters
            && plain
            && is_quantity(&s.unit)
            && (m.contains("produc") || m.contains("sold")))
        .then_some(0),
        Pick::UnitCost => (quarters
            && plain
            && s.unit.ends_with("/oz")
            && (words("cost") || words("costs") || m.contains("all in") || words("aisc")))
        .then_some(0),
        Pick::Price => (quarters
            && plain
            && (s.unit.ends_with("/oz") || s.unit.ends_with("/lb"))
            && (words("price") || words("realized") || words("realised")))
        .then_some(0),
    }
}

/// Revenue as reports in Spanish and Portuguese name it (the start of the measure: a units
/// column may follow, "ingresos operacionales mus").
const SPANISH_REVENUE: [&str; 5] = [
    "ingresos operacionales",
    "ingresos de actividades ordinarias",
    "ingresos de explotación",
    "receita líquida",
    "receita operacional líquida",
];

/// Net income in Spanish and Portuguese reports.
const SPANISH_NET_INCOME: [&str; 5] = [
    "ganancia pérdida",
    "ganancia del período",
    "utilidad neta",
    "utilidad del ejercicio",
    "lucro líquido",
];

/// The measure starts with one of `names`, word for word.
fn spanish(measure: &str, names: &[&str]) -> bool {
    names.iter().any(|n| {
        measure
            .strip_prefix(n)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with(' '))
    })
}

/// The charts of one company's series. Each passes [`ChartSpec::validate`].
pub fn company_charts(c: &CompanySeries) -> Vec<SeriesChart> {
    let mut out = Vec::new();
    for pick in PICKS {
        let mut fits: Vec<(usize, usize)> = c
            .series
            .iter()
            .enumerate()
            .filter(|(_, s)| s.points.iter().filter(|p| p.value.is_some()).count() >= 2)
            .filter_map(|(i, s)| Some((fit(pick, s)?, i)))
            .collect();
        // Company-wide figures: the best fit (then the longest series); one chart.
        crate::sort::by_key(&mut fits, |&(rank, i)| {
            (rank, usize::MAX - c.series[i].points.len())
        });
        let one = matches!(
            pick,
            Pick::Revenue | Pick::NetIncome | Pick::Eps | Pick::Cash
        );
        let take = if one { 1 } else { MOST_PER_KIND };
        for &(_, i) in fits.iter().take(take) {
            let chart = series_chart(c, &c.series[i]);
            if chart.spec.validate().is_ok() && !out.iter().any(|o: &SeriesChart| o.id == chart.id)
            {
                out.push(chart);
            }
        }
    }
    out
}

/// Most charts offered to pick from, per company.
const MOST_OTHERS: usize = 400;

/// A chart of every series of two or more values not among `chosen`, for the user to pick.
fn other_charts(c: &CompanySeries, chosen: &[SeriesChart]) -> Vec<SeriesChart> {
    let mut out: Vec<SeriesChart> = Vec::new();
    for s in &c.series {
        if out.len() >= MOST_OTHERS {
            break;
        }
        if s.points.iter().filter(|p| p.value.is_some()).count() < 2 {
            continue;
        }
        let chart = series_chart(c, s);
        let known = |o: &SeriesChart| o.id == chart.id;
        if chart.spec.validate().is_ok() && !chosen.iter().any(known) && !out.iter().any(known) {
            out.push(chart);
        }
    }
    out
}

/// A point of `s` that a later release printed differently.
fn restated(c: &CompanySeries, s: &Series, p: &Point) -> bool {
    c.restatements.iter().any(|r| {
        r.measure == s.measure
            && r.scope == s.scope
            && r.unit == s.unit
            && r.months == s.months
            && calendar::same_end(r.end, p.end)
    })
}

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// "Mar 2005", its mark after the month ("Mar* 2005"): the axis sets the month over the
/// year, and a mark after the year would not fit under a point.
fn category(p: &Point, restated: bool) -> String {
    let month = MONTHS[usize::from(p.end.month.clamp(1, 12)) - 1];
    let mark = if restated {
        Some(RESTATED_MARK)
    } else if p.derived {
        Some(DERIVED_MARK)
    } else {
        None
    };
    let mut s = String::from(month);
    s.extend(mark);
    format!("{s} {}", p.end.year)
}

/// A value in thousands when every value is a whole number of thousands and the largest is
/// a million or more: "19,433" (USD thousands), as the releases print it.
fn in_thousands(points: &[&Point]) -> bool {
    let thousand = Decimal::from(1000);
    let million = Decimal::from(1_000_000);
    let values = || points.iter().filter_map(|p| p.value);
    values().any(|v| v.abs() >= million) && values().all(|v| (v % thousand).is_zero())
}

fn thousandths(v: Decimal) -> Decimal {
    // Exact: the same digits with three more after the point.
    Decimal::from_i128_with_scale(v.mantissa(), v.scale() + 3).normalize()
}

fn clip(s: String) -> String {
    if s.chars().count() <= MAX_TEXT_CHARS {
        s
    } else {
        let mut t: String = s.chars().take(MAX_TEXT_CHARS - 1).collect();
        t.push('…');
        t
    }
}

fn series_chart(c: &CompanySeries, s: &Series) -> SeriesChart {
    // The latest points when a series is longer than a chart holds.
    let skip = s
        .points
        .len()
        .saturating_sub(MAX_CATEGORIES.min(MAX_SOURCE_ROWS));
    let points: Vec<&Point> = s.points.iter().skip(skip).collect();
    let marks: Vec<bool> = points.iter().map(|p| restated(c, s, p)).collect();
    let thousands = in_thousands(&points);
    let value = |v: Decimal| if thousands { thousandths(v) } else { v };
    let company = c.company.name.clone().unwrap_or_else(|| "Company".into());
    let scope = s
        .scope
        .as_deref()
        .map(|x| format!(" — {x}"))
        .unwrap_or_default();
    let title = clip(format!("{}{scope}", s.label));
    let length = if s.months == Some(3) {
        "quarters"
    } else {
        "period ends"
    };
    let mut legend = Vec::new();
    if marks.iter().any(|&m| m) {
        legend.push(format!("{RESTATED_MARK} restated"));
    }
    if points.iter().any(|p| p.derived) {
        legend.push(format!("{DERIVED_MARK} derived"));
    }
    let mut subtitle = format!("{company} · {length} · {} releases", c.releases.len());
    if !legend.is_empty() {
        subtitle = format!("{subtitle} · {}", legend.join(", "));
    }
    let unit = if thousands {
        format!("{} thousands", s.unit)
    } else {
        s.unit.clone()
    };
    let categories: Vec<String> = points
        .iter()
        .zip(&marks)
        .map(|(p, &m)| category(p, m))
        .collect();
    let line = Line {
        name: clip(s.label.clone()),
        values: points.iter().map(|p| p.value.map(value)).collect(),
    };
    let rows = points
        .iter()
        .zip(&categories)
        .map(|(p, cat)| clip(point_sources(cat, p)))
        .collect();
    let period = match (points.first(), points.last()) {
        (Some(a), Some(b)) => format!("{} to {}", a.end, b.end),
        _ => String::new(),
    };
    let mut spec = ChartSpec::new(
        ChartKind::Line,
        title,
        clip(subtitle),
        unit,
        categories,
        vec![line],
    );
    spec.provenance = Provenance {
        company: clip(company),
        period,
        table: format!("Series of {} releases (assay-series/1)", c.releases.len()),
        rows,
    };
    SeriesChart {
        id: chart_id(s),
        spec,
    }
}

/// "Mar* 2005: a.txt line 370 "$ 134"; b.txt line 382 "$ 100"" (a gap: "no release").
fn point_sources(category: &str, p: &Point) -> String {
    if p.sources.is_empty() {
        return format!("{category}: no release prints it");
    }
    let derived = if p.derived { " (derived: " } else { ": " };
    let sources: Vec<String> = p
        .sources
        .iter()
        .map(|s| format!("{} line {} \"{}\"", s.file, s.line, s.printed.trim()))
        .collect();
    let sep = if p.derived { " minus " } else { "; " };
    let close = if p.derived { ")" } else { "" };
    format!("{category}{derived}{}{close}", sources.join(sep))
}

/// Letters and digits of the measure, scope and unit, joined by dashes.
fn chart_id(s: &Series) -> String {
    let mut id = String::from("series");
    let parts = [
        Some(s.measure.as_str()),
        s.scope.as_deref(),
        Some(s.unit.as_str()),
    ];
    for part in parts.into_iter().flatten() {
        for word in part.split(|c: char| !c.is_ascii_alphanumeric()) {
            if !word.is_empty() {
                id.push('-');
                id.push_str(&word.to_ascii_lowercase());
            }
        }
    }
    id
}

#[cfg(test)]
mod tests {
    use super::{is_quantity, money};
    use crate::document::Unit;

    #[test]
    fn the_models_points_and_barrels_are_not_money() {
        for u in [
            Unit::Percent,
            Unit::PercentagePoints,
            Unit::BasisPoints,
            Unit::Ratio,
            Unit::Shares,
        ] {
            assert!(!money(u.name()) && !is_quantity(u.name()), "{}", u.name());
        }
        for u in [
            Unit::Oz,
            Unit::Tons,
            Unit::Tonnes,
            Unit::Lbs,
            Unit::Barrels,
            Unit::Boe,
        ] {
            assert!(u.is_quantity() && is_quantity(u.name()), "{}", u.name());
            assert!(!money(u.name()), "{}", u.name());
        }
        assert!(money("USD") && money("money"));
    }
}
