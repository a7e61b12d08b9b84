//! Metrics: figures an analyst derives from the tables, each naming its inputs.
//!
//! - Period-over-period changes for every row with comparable columns (same length, one year
//!   apart: Q3 2007 vs Q3 2006, nine months vs nine months); the percent of a zero or negative
//!   base is "not meaningful", never a number.
//! - Mining metrics, found by meaning (units, metal words, headings), not by position:
//!   production by metal and operation; cash operating, total cash and total production cost
//!   per ounce; margin per ounce (realized, else reference, price less total cash cost);
//!   by-product credits per ounce of the primary metal; revenue mix; gross margin; unit costs
//!   per ton; the current ratio.

use std::borrow::Cow;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::{amount, raw_words, words, CellRef};
use crate::decimal::Amount;
use crate::document::{Column, Date, Document, Row, RowKind, Table, Text, Unit};

#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[serde(rename_all = "snake_case")]
pub enum MetricKind {
    /// Change against the same period a year before: `value` absolute, `percent` relative.
    Change,
    /// Metal produced, by operation or consolidated.
    Production,
    CashOperatingCostPerOz,
    TotalCashCostPerOz,
    TotalProductionCostPerOz,
    /// Average metal price less total cash cost per ounce.
    MarginPerOz,
    /// By-product credits divided by ounces of the primary metal.
    ByProductCreditsPerOz,
    /// A segment's share of total sales, percent.
    RevenueShare,
    /// Gross profit over sales, percent.
    GrossMargin,
    /// Mining, milling or combined cost per ton.
    UnitCostPerTon,
    /// Current assets over current liabilities.
    CurrentRatio,
}

/// One derived figure.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Metric {
    pub kind: MetricKind,
    /// What it is, for people.
    pub label: String,
    /// The metal it concerns (`silver`), when it concerns one. (The metal's name, the unit
    /// and the note are fixed words here, borrowed rather than allocated; a metric read back
    /// from JSON owns them.)
    pub metal: Option<Cow<'static, str>>,
    /// The operation, mine or segment (the table's section), or `null` for the whole company.
    pub entity: Option<Text>,
    /// The column label of the period.
    pub period: Text,
    /// The figure (real amount, scale applied); `null` when it cannot be computed.
    pub value: Option<Decimal>,
    /// `USD`, `USD/oz`, `USD/ton`, `oz`, `tons`, `lbs`, `percent`, `ratio`, …
    pub unit: Cow<'static, str>,
    /// For changes: the change in percent of the base, `null` when not meaningful.
    pub percent: Option<Decimal>,
    /// Why a figure is missing ("not meaningful: the base is negative").
    pub note: Option<Cow<'static, str>>,
    /// The cells it was computed from.
    pub inputs: Vec<CellRef>,
}

pub fn metrics(doc: &Document) -> Vec<Metric> {
    metrics_in(doc, &super::LabelText::of(doc).words())
}

/// [`metrics`] with the document's label words worked out.
pub(crate) fn metrics_in(doc: &Document, label_words: &super::LabelWords) -> Vec<Metric> {
    // A metric is large, and growing the list from empty copied it several times: there are
    // fewer metrics than cells on every document we have seen (at most three in four).
    let mut out = Vec::with_capacity(super::cells(doc));
    for (t, w) in doc.tables.iter().zip(label_words.tables()) {
        changes(t, w, &mut out);
        restated(t, w, &mut out);
        ratios(t, w, &mut out);
        by_product_credits(t, w, &mut out);
        cost_per_ton(t, w, &mut out);
    }
    margins(doc, &mut out);
    out.shrink_to_fit();
    out
}

/// The metals a release names, and the words that name them.
const METALS: &[(&str, &[&str])] = &[
    ("gold equivalent", &["geo", "geos"]),
    ("silver equivalent", &["seo"]),
    ("silver", &["silver"]),
    ("gold", &["gold"]),
    ("copper", &["copper"]),
    ("lead", &["lead"]),
    ("zinc", &["zinc"]),
    ("nickel", &["nickel"]),
    ("platinum", &["platinum"]),
    ("palladium", &["palladium"]),
    ("molybdenum", &["molybdenum"]),
    ("cobalt", &["cobalt"]),
];

/// The one metal the words name ("gold equivalent" before "gold"); `None` for none or several.
pub(crate) fn metal_in(text: &str) -> Option<&'static str> {
    // One pass over the words, no allocation. Labels' metals come from their words
    // ([`label_metal`]); what is left here (headings, sections, names) is read once per run.
    metal_named(&mut raw_words(text).map(str::as_bytes))
}

/// [`metal_in`] for the words of a text, in any ASCII case.
///
/// One compiled body for every kind of word list (`dyn`): it is called once per label.
fn metal_named(words: &mut dyn Iterator<Item = &[u8]>) -> Option<&'static str> {
    let (mut equivalent, mut gold, mut silver) = (false, false, false);
    let mut found: Option<&'static str> = None;
    let mut several = false;
    for w in words {
        if w.eq_ignore_ascii_case(b"equivalent") {
            equivalent = true;
            continue;
        }
        let Some(metal) = metal_bytes(w) else {
            continue;
        };
        gold |= metal == "gold";
        silver |= metal == "silver";
        match found {
            Some(f) if f != metal => several = true,
            _ => found = Some(metal),
        }
    }
    if equivalent && gold {
        return Some("gold equivalent");
    }
    if equivalent && silver {
        return Some("silver equivalent");
    }
    if several {
        None
    } else {
        found
    }
}

/// [`metal_in`] of a label, from its [`super::words`].
pub(crate) fn label_metal(words: &[&str]) -> Option<&'static str> {
    metal_named(&mut words.iter().map(|w| w.as_bytes()))
}

/// The metal one word names, in any ASCII case ("Silver", "GEOs"); no allocation.
pub(crate) fn metal_word(w: &str) -> Option<&'static str> {
    metal_bytes(w.as_bytes())
}

/// [`metal_word`] for the bytes of a word.
fn metal_bytes(w: &[u8]) -> Option<&'static str> {
    // Every name is 3 to 10 ASCII letters: most words are ruled out by length alone.
    if !(3..=10).contains(&w.len())
        || !matches!(
            w[0] | 0x20,
            b'g' | b's' | b'c' | b'l' | b'z' | b'n' | b'p' | b'm'
        )
    {
        return None;
    }
    let mut buf = [0u8; 10];
    let lower = &mut buf[..w.len()];
    lower.copy_from_slice(w);
    lower.make_ascii_lowercase();
    let lower: &[u8] = lower;
    METALS
        .iter()
        .find(|(_, names)| names.iter().any(|n| lower == n.as_bytes()))
        .map(|(m, _)| *m)
}

/// The metal a row concerns: its label, else its heading, else its section.
pub(crate) fn metal_of(row: &Row) -> Option<&'static str> {
    metal_in(&row.label)
        .or_else(|| row.parent.as_deref().and_then(metal_in))
        .or_else(|| row.section.as_deref().and_then(metal_in))
}

/// [`metal_of`] for rows taken in order: a run of rows under one heading, or in one section,
/// reads it once.
#[derive(Default)]
pub(crate) struct Metals<'d> {
    parent: Option<(&'d str, Option<&'static str>)>,
    section: Option<(&'d str, Option<&'static str>)>,
}

impl<'d> Metals<'d> {
    /// The metal of a row whose label's [`super::words`] are `label`.
    pub(crate) fn of_words<'w>(
        &mut self,
        label: impl Iterator<Item = &'w str>,
        row: &'d Row,
    ) -> Option<&'static str> {
        metal_named(&mut label.map(str::as_bytes)).or_else(|| self.above(row))
    }

    /// The metal of a row's heading, else of its section.
    fn above(&mut self, row: &'d Row) -> Option<&'static str> {
        (row.parent.as_deref())
            .and_then(|p| Self::memo(&mut self.parent, p))
            .or_else(|| Self::memo(&mut self.section, row.section.as_deref()?))
    }

    fn memo(
        slot: &mut Option<(&'d str, Option<&'static str>)>,
        text: &'d str,
    ) -> Option<&'static str> {
        match slot {
            Some((t, m)) if *t == text => *m,
            _ => {
                let m = metal_in(text);
                *slot = Some((text, m));
                m
            }
        }
    }
}

/// Words that make a section name an operation rather than a part of a statement.
pub(crate) const OPERATION_WORDS: &[&str] = &[
    "unit",
    "mine",
    "mines",
    "operation",
    "operations",
    "project",
    "segment",
    "division",
];

/// The operation a section names ("LUCKY FRIDAY UNIT", "GOLD OPERATIONS"), or `None` for the
/// company as a whole (statement parts such as "ASSETS", "FINANCIAL DATA", "... TOTALS").
pub(crate) fn entity_of(section: Option<&str>) -> Option<String> {
    let s = section?;
    let head = s.split('(').next().unwrap_or(s).trim();
    let w = words(head);
    let has = |x: &str| w.iter().any(|y| y == x);
    let names_operation = OPERATION_WORDS.iter().any(|x| has(x));
    if !names_operation || has("all") || has("total") || has("totals") || has("consolidated") {
        return None;
    }
    Some(head.to_string())
}

/// The operation a row concerns: its section's, else its table's when the title names a
/// segment or division ("Salt Segment Performance"); `None` for the company as a whole.
pub(crate) fn scope_of(t: &Table, row: &Row) -> Option<String> {
    entity_of(row.section.as_deref()).or_else(|| {
        // "Reconciliation for Plant Nutrition Segment Adjusted Operating Loss" → "plant
        // nutrition": the words before "segment", so every table of a segment shares it.
        let w = words(t.title.as_deref()?);
        let at = w
            .iter()
            .position(|x| x == "segment" || x == "segments" || x == "division")?;
        let name = crate::meaning::scope::name_before(&w, at, crate::meaning::scope::PHRASE_STARTS);
        (!name.is_empty()).then(|| name.join(" "))
    })
}

/// Columns that are the only one of their table for their period. Tables that print two
/// measures per period ("$" and "EPS", amount and percent of sales) share a period between
/// columns, and which measure a row's cell is then cannot be told from the period alone.
pub(crate) fn period_unique(t: &Table, c: usize) -> bool {
    let col = &t.columns[c];
    col.end.is_some()
        && t.columns
            .iter()
            .filter(|o| o.end == col.end && o.months == col.months)
            .count()
            == 1
}

/// Column pairs (current, prior) of the same length one year apart.
pub(crate) fn comparable_pairs(columns: &[Column]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for (a, ca) in columns.iter().enumerate() {
        for (b, cb) in columns.iter().enumerate() {
            let (Some(ea), Some(eb)) = (ca.end, cb.end) else {
                continue;
            };
            if ca.months.is_some()
                && ca.months == cb.months
                && ea.year == eb.year + 1
                && (ea.month, ea.day) == (eb.month, eb.day)
            {
                out.push((a, b));
            }
        }
    }
    out
}

/// The unit as the contract spells it (`USD/oz`), empty without one.
fn unit_name(unit: Option<Unit>) -> Cow<'static, str> {
    Cow::Borrowed(unit.map(Unit::name).unwrap_or_default())
}

/// What every metric of a row shares, computed once per row.
struct RowFacts<'a> {
    metal: Option<&'static str>,
    entity: Option<&'a Text>,
    unit: Option<Unit>,
}

impl<'a> RowFacts<'a> {
    /// Row `k`'s facts, as the document's [`super::LabelWords`] hold them.
    fn of(w: super::TableWords<'a>, row: &Row, k: usize) -> RowFacts<'a> {
        RowFacts {
            metal: w.metal(k),
            entity: w.scope_text(k),
            unit: row.unit,
        }
    }
}

fn metric_with(kind: MetricKind, t: &Table, c: usize, label: String, facts: &RowFacts) -> Metric {
    Metric {
        kind,
        label,
        metal: facts.metal.map(Cow::Borrowed),
        entity: facts.entity.cloned(),
        period: t.columns[c].label.clone(),
        value: None,
        unit: unit_name(facts.unit),
        percent: None,
        note: None,
        inputs: Vec::new(),
    }
}

fn hundred() -> Decimal {
    Decimal::ONE_HUNDRED
}

fn changes(t: &Table, w: super::TableWords, out: &mut Vec<Metric>) {
    let pairs = comparable_pairs(&t.columns);
    if pairs.is_empty() {
        return;
    }
    for (k, row) in t.rows.iter().enumerate() {
        if row.kind == RowKind::Heading {
            continue;
        }
        let facts = RowFacts::of(w, row, k);
        for &(a, b) in &pairs {
            let (Some(now), Some(then)) = (amount(row, a), amount(row, b)) else {
                continue;
            };
            let mut m = metric_with(
                MetricKind::Change,
                t,
                a,
                [
                    "Change in ",
                    if row.label.is_empty() {
                        "the unlabelled total"
                    } else {
                        &row.label
                    },
                    ": ",
                    &t.columns[a].label,
                    " against ",
                    &t.columns[b].label,
                ]
                .concat(),
                &facts,
            );
            m.value = Some((Amount(now) - then).0);
            let rate = matches!(row.unit, Some(Unit::Percent | Unit::Ratio));
            if rate {
                m.note = Some("a change of a rate is given in points, not percent".into());
            } else if then.is_zero() {
                m.note = Some("percent not meaningful: the base is zero".into());
            } else if then > Decimal::ZERO {
                m.percent = Some(((Amount(now) - then) / then * hundred()).0.round_dp(2));
            } else {
                m.note = Some("percent not meaningful: the base is negative".into());
            }
            m.inputs = vec![CellRef::new(t, k, a), CellRef::new(t, k, b)];
            out.push(m);
        }
    }
}

/// Production and per-ounce costs, restated with their metal and operation.
fn restated(t: &Table, label_words: super::TableWords, out: &mut Vec<Metric>) {
    let primary = PrimaryMetals::of(t, label_words);
    for (k, row) in t.rows.iter().enumerate() {
        if !matches!(
            row.unit,
            Some(Unit::Oz | Unit::Tons | Unit::Tonnes | Unit::Lbs | Unit::MoneyPerOz)
        ) {
            continue;
        }
        let w = &label_words[k];
        // The words of the heading and the label.
        let heading: Vec<&str> = match row.parent.as_deref() {
            Some(p) if row.unit == Some(Unit::MoneyPerOz) => raw_words(p).collect(),
            _ => Vec::new(),
        };
        let chas = |x: &str| has(w, x) || heading.iter().any(|y| y.eq_ignore_ascii_case(x));
        let kind = match row.unit {
            Some(Unit::Oz | Unit::Tons | Unit::Tonnes | Unit::Lbs)
                if metal_in(&row.label).is_some()
                    && !w.iter().any(|x| {
                        [
                            "grade",
                            "milled",
                            "processed",
                            "sold",
                            "divided",
                            "reserves",
                            "resources",
                        ]
                        .contains(x)
                    }) =>
            {
                MetricKind::Production
            }
            Some(Unit::MoneyPerOz) if chas("cost") || chas("costs") => {
                if chas("production") {
                    MetricKind::TotalProductionCostPerOz
                } else if chas("operating") {
                    MetricKind::CashOperatingCostPerOz
                } else if chas("total") && chas("cash") {
                    MetricKind::TotalCashCostPerOz
                } else {
                    continue;
                }
            }
            _ => continue,
        };
        let facts = RowFacts::of(label_words, row, k);
        for c in 0..t.columns.len() {
            let Some(f) = amount(row, c) else { continue };
            let mut m = metric_with(kind, t, c, row.label.to_string(), &facts);
            if m.metal.is_none() {
                m.metal = primary
                    .of_section(row.section.as_deref())
                    .map(Cow::Borrowed);
            }
            m.value = Some(f);
            m.inputs = vec![CellRef::new(t, k, c)];
            out.push(m);
        }
    }
}

/// Per section of a table, the metal of its first "Divided by silver ounces produced" row
/// that names one: worked out once per table, so asking for every row stays linear.
pub(crate) struct PrimaryMetals<'t>(Vec<(Option<&'t str>, &'static str)>);

impl<'t> PrimaryMetals<'t> {
    pub(crate) fn of(t: &'t Table, w: super::TableWords) -> Self {
        let mut found: Vec<(Option<&str>, &'static str)> = (t.rows.iter().enumerate())
            .filter(|&(k, _)| w[k].first() == Some(&"divided"))
            .filter_map(|(k, r)| Some((r.section.as_deref(), label_metal(&w[k])?)))
            .collect();
        // Stable, so the first row of each section stays first; a sorted list rather than
        // another hash-map type in the wasm.
        crate::sort::by(&mut found, |a, b| a.0.cmp(&b.0));
        found.dedup_by(|later, first| later.0 == first.0);
        PrimaryMetals(found)
    }

    pub(crate) fn of_section(&self, section: Option<&str>) -> Option<&'static str> {
        let at = self.0.binary_search_by(|(s, _)| s.cmp(&section)).ok()?;
        Some(self.0[at].1)
    }
}

/// A row found by label words in a table, when exactly one row (of the unit) matches.
fn unique_row(
    t: &Table,
    label_words: super::TableWords,
    unit: Unit,
    pred: impl Fn(&[&str]) -> bool,
) -> Option<usize> {
    let mut it = t
        .rows
        .iter()
        .enumerate()
        .filter(|(k, r)| {
            r.unit == Some(unit) && r.kind != RowKind::Heading && pred(&label_words[*k])
        })
        .map(|(k, _)| k);
    let first = it.next()?;
    it.next().is_none().then_some(first)
}

fn has(w: &[&str], x: &str) -> bool {
    w.contains(&x)
}

/// Gross margin, revenue mix and the current ratio: quotients of two rows of one table.
fn ratios(t: &Table, label_words: super::TableWords, out: &mut Vec<Metric>) {
    let is_sales = |w: &[&str]| {
        (has(w, "sales") || has(w, "revenue") || has(w, "revenues"))
            && !has(w, "cost")
            && !has(w, "costs")
            && !has(w, "per")
            && w.len() <= 4
    };
    let sales = unique_row(t, label_words, Unit::Money, |w| {
        is_sales(w) && (w.first() == Some(&"total") || w.len() <= 3) && !has(w, "operations")
    });
    let gross = unique_row(t, label_words, Unit::Money, |w| {
        has(w, "gross") && (has(w, "profit") || has(w, "margin")) && w.len() <= 4
    });
    if let (Some(s), Some(g)) = (sales, gross) {
        quotients(
            t,
            label_words,
            out,
            MetricKind::GrossMargin,
            "Gross margin",
            g,
            s,
            hundred(),
            "percent",
        );
    }
    // Segment gross margin and revenue mix: items under a sales heading and a gross profit
    // heading with the same label, and the sales heading's total.
    // A heading's words, compared as `words` would give them, without allocating them.
    let under = |k: usize, names: &[&str]| {
        t.rows[k]
            .parent
            .as_deref()
            .is_some_and(|p| raw_words(p).any(|x| names.iter().any(|n| x.eq_ignore_ascii_case(n))))
    };
    let sales_heading: &[&str] = &["sales", "revenue", "revenues"];
    let gross_heading: &[&str] = &["gross"];
    for (k, row) in t.rows.iter().enumerate() {
        if row.kind != RowKind::Item || row.unit != Some(Unit::Money) || !under(k, sales_heading) {
            continue;
        }
        let total = t.rows.iter().enumerate().position(|(j, r)| {
            j > k && r.kind == RowKind::Total && r.parent == row.parent && r.unit == row.unit
        });
        if let Some(total) = total {
            let label = super::format_in!(
                super::PHRASE,
                "Share of {} in {}",
                row.label,
                t.rows[total].label
            );
            quotients(
                t,
                label_words,
                out,
                MetricKind::RevenueShare,
                &label,
                k,
                total,
                hundred(),
                "percent",
            );
        }
        let segment_gross = t.rows.iter().enumerate().position(|(j, r)| {
            j != k && r.label == row.label && r.unit == row.unit && under(j, gross_heading)
        });
        if let Some(gp) = segment_gross {
            let label = super::format_in!(super::PHRASE, "Gross margin of {}", row.label);
            quotients(
                t,
                label_words,
                out,
                MetricKind::GrossMargin,
                &label,
                gp,
                k,
                hundred(),
                "percent",
            );
        }
    }
    let ca = unique_row(t, label_words, Unit::Money, |w| {
        w == ["total", "current", "assets"]
    });
    let cl = unique_row(t, label_words, Unit::Money, |w| {
        w == ["total", "current", "liabilities"]
    });
    if let (Some(a), Some(l)) = (ca, cl) {
        quotients(
            t,
            label_words,
            out,
            MetricKind::CurrentRatio,
            "Current ratio",
            a,
            l,
            Decimal::ONE,
            "ratio",
        );
    }
}

/// `factor × num / den` in every column where both have figures and `den` is not zero.
#[allow(clippy::too_many_arguments)]
fn quotients(
    t: &Table,
    w: super::TableWords,
    out: &mut Vec<Metric>,
    kind: MetricKind,
    label: &str,
    num: usize,
    den: usize,
    factor: Decimal,
    unit: &'static str,
) {
    let facts = RowFacts::of(w, &t.rows[num], num);
    for c in 0..t.columns.len() {
        let (Some(n), Some(d)) = (amount(&t.rows[num], c), amount(&t.rows[den], c)) else {
            continue;
        };
        if d.is_zero() {
            continue;
        }
        let mut m = metric_with(kind, t, c, label.to_string(), &facts);
        m.unit = Cow::Borrowed(unit);
        m.value = Some((Amount(n / d) * factor).0.round_dp(4));
        m.inputs = vec![CellRef::new(t, num, c), CellRef::new(t, den, c)];
        out.push(m);
    }
}

/// By-product credits ÷ ounces of the primary metal, in sections that print both.
fn by_product_credits(t: &Table, label_words: super::TableWords, out: &mut Vec<Metric>) {
    for (k, row) in t.rows.iter().enumerate() {
        let w = &label_words[k];
        if row.unit != Some(Unit::Money)
            || !(has(w, "by") || has(w, "byproduct"))
            || !has(w, "credits")
        {
            continue;
        }
        let ounces = t.rows.iter().enumerate().position(|(j, r)| {
            r.section == row.section
                && r.unit == Some(Unit::Oz)
                && label_words[j].first() == Some(&"divided")
        });
        let Some(oz) = ounces else { continue };
        let metal = label_metal(&label_words[oz]);
        let facts = RowFacts::of(label_words, row, k);
        for c in 0..t.columns.len() {
            let (Some(n), Some(d)) = (amount(row, c), amount(&t.rows[oz], c)) else {
                continue;
            };
            if d.is_zero() {
                continue;
            }
            let mut m = metric_with(
                MetricKind::ByProductCreditsPerOz,
                t,
                c,
                super::format_in!(
                    super::PHRASE,
                    "{} per ounce of {}",
                    row.label,
                    metal.unwrap_or("the primary metal")
                ),
                &facts,
            );
            m.metal = metal.map(Cow::Borrowed);
            m.unit = Cow::Borrowed("USD/oz");
            m.value = Some((n / d).round_dp(4));
            m.inputs = vec![CellRef::new(t, k, c), CellRef::new(t, oz, c)];
            out.push(m);
        }
    }
}

/// Per-ton costs as printed, and mining plus milling where an operation prints both.
fn cost_per_ton(t: &Table, label_words: super::TableWords, out: &mut Vec<Metric>) {
    for (k, row) in t.rows.iter().enumerate() {
        if row.unit != Some(Unit::MoneyPerTon) {
            continue;
        }
        let facts = RowFacts::of(label_words, row, k);
        for c in 0..t.columns.len() {
            let Some(f) = amount(row, c) else { continue };
            let mut m = metric_with(
                MetricKind::UnitCostPerTon,
                t,
                c,
                row.label.to_string(),
                &facts,
            );
            m.value = Some(f);
            m.inputs = vec![CellRef::new(t, k, c)];
            out.push(m);
        }
        if !label_words[k].contains(&"mining") {
            continue;
        }
        let milling = t.rows.iter().position(|r| {
            r.section == row.section
                && r.unit == Some(Unit::MoneyPerTon)
                && raw_words(&r.label).any(|x| x.eq_ignore_ascii_case("milling"))
        });
        let Some(mill) = milling else { continue };
        for c in 0..t.columns.len() {
            let (Some(a), Some(b)) = (amount(row, c), amount(&t.rows[mill], c)) else {
                continue;
            };
            let mut m = metric_with(
                MetricKind::UnitCostPerTon,
                t,
                c,
                "Mining and milling cost per ton".into(),
                &facts,
            );
            m.value = Some((Amount(a) + b).0);
            m.inputs = vec![CellRef::new(t, k, c), CellRef::new(t, mill, c)];
            out.push(m);
        }
    }
}

/// Margin per ounce: for each total cash cost per ounce, the average price of its metal for
/// the same period (a realized price if the release prints one, else a reference price such
/// as the London fix), less the cost.
fn margins(doc: &Document, out: &mut Vec<Metric>) {
    // Prices: per-ounce rows that name a metal and a price or a market.
    let mut prices = Vec::new();
    for t in &doc.tables {
        for (k, row) in t.rows.iter().enumerate() {
            if row.unit != Some(Unit::MoneyPerOz) {
                continue;
            }
            // The words of the section, the heading and the label.
            let w: Vec<&str> = [
                row.section.as_deref(),
                row.parent.as_deref(),
                Some(row.label.as_str()),
            ]
            .into_iter()
            .flatten()
            .flat_map(raw_words)
            .collect();
            let says = |x: &str| w.iter().any(|y| y.eq_ignore_ascii_case(x));
            let pricey = [
                "price", "prices", "london", "fix", "comex", "lbma", "realized",
            ]
            .iter()
            .any(|x| says(x));
            if row.unit != Some(Unit::MoneyPerOz) || !pricey || says("cost") || says("costs") {
                continue;
            }
            if let Some(metal) = metal_of(row) {
                prices.push((t, k, metal, says("realized")));
            }
        }
    }
    let costs: Vec<usize> = (0..out.len())
        .filter(|&n| out[n].kind == MetricKind::TotalCashCostPerOz)
        .collect();
    // Tables by id, the first of an id first (a stable sort): sorted, not hashed.
    let mut by_id: Vec<&Table> = doc.tables.iter().collect();
    crate::sort::by(&mut by_id, |a, b| a.id.cmp(&b.id));
    // The price for a metal and period, worked out once for all the costs that need it.
    type Pick<'d> = Option<(&'d Table, usize, usize, bool)>;
    let mut picks: Vec<(String, Option<Date>, Option<u8>, Pick)> = Vec::new();
    // The margins given so far, as (the cost's index, margin): each (metal, entity, period,
    // value) is given once.
    let mut given: Vec<(usize, Decimal)> = Vec::new();
    for n in costs {
        let cost = &out[n];
        let (Some(metal), Some(cost_value), Some(input)) =
            (cost.metal.as_deref(), cost.value, cost.inputs.first())
        else {
            continue;
        };
        let at = by_id.partition_point(|t| t.id < input.table);
        let Some(ct) = by_id.get(at).filter(|t| t.id == input.table) else {
            continue;
        };
        let col = &ct.columns[input.column];
        let known = picks
            .iter()
            .find(|(m, end, months, _)| m == metal && *end == col.end && *months == col.months);
        let pick = match known {
            Some(&(.., pick)) => pick,
            None => {
                let same_period = |t: &Table, c: usize| {
                    t.columns[c].end == col.end
                        && t.columns[c].months == col.months
                        && col.end.is_some()
                };
                let candidates: Vec<(&Table, usize, usize, bool)> = prices
                    .iter()
                    .filter(|(_, _, m, _)| *m == metal)
                    .flat_map(|&(t, k, _, realized)| {
                        (0..t.columns.len())
                            .filter(move |&c| same_period(t, c))
                            .map(move |c| (t, k, c, realized))
                    })
                    .collect();
                let pick = candidates
                    .iter()
                    .find(|p| p.3)
                    .or_else(|| candidates.first())
                    .copied();
                picks.push((metal.to_string(), col.end, col.months, pick));
                pick
            }
        };
        let Some((t, k, c, realized)) = pick else {
            continue;
        };
        let Some(price) = amount(&t.rows[k], c) else {
            continue;
        };
        let margin = (Amount(price) - cost_value).0;
        let seen = given.iter().any(|&(g, value)| {
            let g = &out[g];
            g.metal == cost.metal
                && g.entity == cost.entity
                && g.period == cost.period
                && value == margin
        });
        if seen {
            continue;
        }
        given.push((n, margin));
        let input = input.clone();
        let mut m = cost.clone();
        m.kind = MetricKind::MarginPerOz;
        m.label = super::format_in!(
            super::PHRASE,
            "{} less total cash cost per ounce{}",
            t.rows[k].label,
            if realized { "" } else { " (a reference price)" }
        );
        m.value = Some(margin);
        m.inputs = vec![CellRef::new(t, k, c), input];
        out.push(m);
    }
}
