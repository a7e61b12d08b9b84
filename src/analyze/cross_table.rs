//! Cross-table agreement: the same item printed in two places has the same value (highlights
//! against the statements, a reconciliation against the income statement, a mine's production
//! data against its cost reconciliation, a balance sheet's cash against the cash flow
//! statement's cash at end of period).
//!
//! An item is keyed by what it means, not where it sits: a concept (a small vocabulary maps
//! "Total sales" and "Sales of products" to one; otherwise the label itself, with leading
//! "Add"/"Less"/"Divided by" dropped), the operation it concerns (the section), its metal (for
//! production and per-ounce costs) and its unit. Columns are matched by period (same end, same
//! length). Each later occurrence is compared with the first. A label that is not in the
//! vocabulary must be unique in its table to take part (the same words under two headings, as
//! "Silver operations" under Sales and under Gross Profit, are two things), and a cash flow
//! statement's adjustments (which aggregate lines differently from the income statement) only
//! take part through the vocabulary.

use super::footing::name;
use rust_decimal::Decimal;

use super::metrics::PrimaryMetals;
use super::tolerance::Interval;
use super::{figure, show, words, CellRef, Check, CheckKind, Status, Tolerance};
use crate::decimal::Amount;
use crate::document::{Column, Date, Document, RowKind, Table, Unit};

#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
struct Key<'a> {
    concept: String,
    entity: Option<&'a str>,
    /// For a bare label under a balance sheet's "Current" or "Non-current" heading, that
    /// heading: "Debt facilities" there is the portion due in or after a year, not the whole
    /// "Debt facilities" a capital table prints.
    portion: Option<&'a str>,
    metal: Option<&'static str>,
    /// The unit's discriminant.
    unit: Option<u8>,
    /// A pro forma or non-GAAP table restates items on purpose; it is compared only with
    /// its own kind.
    restated: bool,
    /// From the vocabulary: then two rows of one table may be compared (a reconciliation
    /// repeats its "Total cash costs"); a bare label is only compared across tables.
    vocabulary: bool,
}

/// A concept from the vocabulary, or `None` for a label that only means itself.
pub(crate) fn concept(w: &[&str], unit: Option<Unit>) -> Option<&'static str> {
    let has = |x: &str| w.contains(&x);
    let is = |xs: &[&str]| w == xs;
    let cost = has("cost") || has("costs");
    // Adjusted and non-GAAP measures, and share counts that the reader may have taken for
    // per-share rows, are not the vocabulary's items.
    if has("adjusted") || has("non") || has("pro") || has("shares") || has("weighted") {
        return None;
    }
    match unit {
        Some(Unit::Money) => {
            if is(&["total", "sales"])
                || is(&["sales", "of", "products"])
                || is(&["sales"])
                || is(&["revenue"])
                || is(&["revenues"])
                || is(&["total", "revenue"])
                || is(&["total", "revenues"])
                || is(&["net", "sales"])
                || is(&["net", "revenues"])
            {
                return Some("sales");
            }
            if is(&["gross", "profit"])
                || is(&["total", "gross", "profit"])
                || is(&["gross", "profit", "loss"])
                || is(&["total", "gross", "profit", "loss"])
            {
                return Some("gross profit");
            }
            if is(&["net", "income"])
                || is(&["net", "income", "loss"])
                || is(&["net", "earnings"])
                || is(&["net", "loss"])
            {
                return Some("net income");
            }
            if has("operating") && has("activities") && !has("before") && w.len() <= 8 {
                return Some("operating cash flow");
            }
            if has("total") && has("cash") && cost && !has("operating") && w.len() <= 4 {
                return Some("total cash costs");
            }
            None
        }
        Some(Unit::MoneyPerShare) if has("basic") && !crate::meaning::concept::is_payout(w) => {
            Some("basic income per share")
        }
        Some(Unit::MoneyPerOz) if cost => {
            if has("production") {
                Some("total production cost per ounce")
            } else if has("operating") {
                Some("cash operating cost per ounce")
            } else if has("total") && has("cash") {
                Some("total cash cost per ounce")
            } else {
                None
            }
        }
        Some(Unit::Oz | Unit::Tons | Unit::Tonnes | Unit::Lbs)
            if (has("produced") || has("production") || has("ounces"))
                && !has("grade")
                && !has("milled") =>
        {
            Some("production")
        }
        _ => None,
    }
}

/// Label words with the bookkeeping verbs of reconciliations dropped ("Add exploration"),
/// as a slice of them.
pub(crate) fn without_bookkeeping_verbs<'w, 's>(w: &'w [&'s str]) -> &'w [&'s str] {
    if w.starts_with(&["divided", "by"]) {
        &w[2..]
    } else if w
        .first()
        .is_some_and(|x| ["add", "less", "deduct", "plus"].contains(x))
    {
        &w[1..]
    } else {
        w
    }
}

/// Cash at the end of a period (a balance sheet's cash is cash at its date).
fn is_cash(w: &[&str]) -> Option<bool> {
    let starts = w.len() >= 4 && w[..4] == ["cash", "and", "cash", "equivalents"];
    if !starts {
        return None;
    }
    match &w[4..] {
        [] | ["at", "end", "of", "period"] | ["at", "end", "of", "year"] => Some(true),
        ["at", "beginning", "of", "period"] | ["at", "beginning", "of", "year"] => Some(false),
        _ => None,
    }
}

struct Entry<'a> {
    table: &'a Table,
    /// The table's [`super::plain_columns`].
    plain_columns: &'a [bool],
    row: usize,
    /// For cash: whether the row is cash at the end (else at the beginning) of its columns.
    cash_at_end: Option<bool>,
}

pub fn checks(doc: &Document) -> Vec<Check> {
    let mut out = Vec::new();
    checks_in(doc, &super::LabelText::of(doc).words(), &mut out);
    out
}

/// [`checks`] with the document's label words worked out.
pub(crate) fn checks_in(doc: &Document, label_words: &super::LabelWords, out: &mut Vec<Check>) {
    // Every item with its key, in document order; grouped by sorting below.
    let mut items: Vec<(Key, Entry)> = Vec::new();
    let plain_columns: Vec<Vec<bool>> = doc.tables.iter().map(super::plain_columns).collect();
    for ((t, tw), columns) in doc
        .tables
        .iter()
        .zip(label_words.tables())
        .zip(&plain_columns)
    {
        let cash_flow = t.title.as_deref().is_some_and(|s| {
            let w = words(s);
            w.iter().any(|x| x == "cash") && w.iter().any(|x| x == "flows" || x == "flow")
        });
        let restated = t.title.as_deref().is_some_and(|s| {
            let s = s.to_ascii_lowercase();
            s.contains("pro forma") || s.contains("non-gaap") || s.contains("non gaap")
        });
        let label_items: Vec<&[&str]> = tw.iter().map(without_bookkeeping_verbs).collect();
        // Which rows' words are theirs alone in their section: rows sorted by both (their
        // hash first: only equal ones need be together), runs of one.
        let label = |k: usize| (label_items[k], t.rows[k].section.as_deref());
        let hash: Vec<u64> = (0..t.rows.len())
            .map(|k| super::fx_texts(&mut label_items[k].iter().copied().chain(label(k).1)))
            .collect();
        let same = |a: usize, b: usize| hash[a] == hash[b] && label(a) == label(b);
        let mut by_label: Vec<usize> = (0..t.rows.len()).collect();
        crate::sort::by(&mut by_label, |&a, &b| {
            (hash[a].cmp(&hash[b])).then_with(|| label(a).cmp(&label(b)))
        });
        let mut unique = vec![false; t.rows.len()];
        for run in by_label.chunk_by(|&a, &b| same(a, b)) {
            if let [k] = run {
                unique[*k] = true;
            }
        }
        let primary = PrimaryMetals::of(t, tw);
        for (k, r) in t.rows.iter().enumerate() {
            if r.kind == RowKind::Heading || r.label.is_empty() {
                continue;
            }
            let w = label_items[k];
            let cash = if r.unit == Some(Unit::Money) {
                is_cash(w)
            } else {
                None
            };
            let unique = unique[k];
            let (concept, metal) = match (cash, concept(w, r.unit)) {
                (Some(_), _) => ("cash and cash equivalents".to_string(), None),
                (None, Some(c)) => {
                    let metal = matches!(
                        r.unit,
                        Some(Unit::MoneyPerOz | Unit::Oz | Unit::Tons | Unit::Tonnes | Unit::Lbs)
                    )
                    .then(|| {
                        tw.metal(k)
                            .or_else(|| primary.of_section(r.section.as_deref()))
                    })
                    .flatten();
                    (c.to_string(), metal)
                }
                (None, None)
                    if !cash_flow && !headings(r).any(adjustment) && unique && !movement(w) =>
                {
                    (w.join(" "), None)
                }
                (None, None) => continue,
            };
            let vocabulary = cash.is_some() || !is_joined(&concept, w);
            let key = Key {
                restated,
                vocabulary,
                portion: headings(r).find(|&h| !vocabulary && is_portion(h)),
                concept,
                entity: tw.scope(k),
                metal,
                unit: r.unit.map(|u| u as u8),
            };
            let entry = Entry {
                table: t,
                plain_columns: columns,
                row: k,
                cash_at_end: cash,
            };
            items.push((key, entry));
        }
    }
    // The items of a key, in document order (the sort is stable), and the keys in the order
    // their first items appear: sorting rather than a hash map, so that no text can choose
    // collisions.
    // Keys by hash first (of their texts), as the labels above.
    let hash: Vec<u64> = (items.iter())
        .map(|(k, _)| {
            let texts = [&*k.concept, k.entity.unwrap_or(""), k.metal.unwrap_or("")];
            super::fx_texts(&mut texts.into_iter())
        })
        .collect();
    let mut by_key: Vec<usize> = (0..items.len()).collect();
    crate::sort::by(&mut by_key, |&a, &b| {
        (hash[a].cmp(&hash[b])).then_with(|| items[a].0.cmp(&items[b].0))
    });
    let mut groups: Vec<&[usize]> = by_key
        .chunk_by(|&a, &b| hash[a] == hash[b] && items[a].0 == items[b].0)
        .collect();
    crate::sort::by_key(&mut groups, |g| g[0]);
    for g in groups {
        let (key, first) = &items[g[0]];
        for &n in &g[1..] {
            let other = &items[n].1;
            if key.vocabulary || !std::ptr::eq(first.table, other.table) {
                compare(first, other, out);
            }
        }
    }
}

/// A line of a roll-forward ("Granted", "Exercised", "Outstanding, beginning of the period"):
/// it means something only with what the table rolls forward (options, share units, a
/// provision), which its label does not say, so a bare one is never compared across tables.
fn movement(w: &[&str]) -> bool {
    let first = w.first().copied().unwrap_or("");
    matches!(
        first,
        "granted"
            | "exercised"
            | "forfeited"
            | "settled"
            | "cancelled"
            | "canceled"
            | "expired"
            | "vested"
            | "redeemed"
            | "outstanding"
            | "balance"
            | "opening"
            | "closing"
    )
}

/// "Current liabilities", "Non-current assets", "Noncurrent liabilities".
fn is_portion(section: &str) -> bool {
    words(section)
        .iter()
        .any(|w| matches!(w.as_str(), "current" | "non-current" | "noncurrent"))
}

/// "Adjustments for:" over a cash flow statement's non-cash items, whose totals differ from
/// the income statement's (part of a depreciation sits in inventory).
fn adjustment(heading: &str) -> bool {
    let h = heading.trim_start().as_bytes();
    h.len() >= 11 && h[..11].eq_ignore_ascii_case(b"adjustments")
}

/// The headings a row is printed under: its section and its parent.
fn headings(r: &crate::document::Row) -> impl Iterator<Item = &str> {
    [&r.section, &r.parent].into_iter().flatten().map(|h| &**h)
}

/// Whether `s` is the words joined by single spaces (`w.join(" ") == s`, without the join).
fn is_joined(s: &str, w: &[&str]) -> bool {
    let mut rest = s;
    for (n, x) in w.iter().enumerate() {
        if n > 0 {
            match rest.strip_prefix(' ') {
                Some(r) => rest = r,
                None => return false,
            }
        }
        match rest.strip_prefix(x) {
            Some(r) => rest = r,
            None => return false,
        }
    }
    rest.is_empty()
}

/// The date a column's figure stands at, for cash: its end, or the day before it starts.
fn cash_date(c: &Column, at_end: bool) -> Option<Date> {
    let end = c.end?;
    if at_end {
        return Some(end);
    }
    let months = i32::from(c.months?);
    let total = i32::from(end.year) * 12 + i32::from(end.month) - 1 - months;
    let (year, month) = (u16::try_from(total / 12).ok()?, (total % 12 + 1) as u8);
    Date::month_end(year, month)
}

/// Whether two columns cover the same figure for this pair.
fn same_period(a: &Entry, ca: &Column, b: &Entry, cb: &Column) -> bool {
    match (a.cash_at_end, b.cash_at_end) {
        (Some(x), Some(y)) => {
            let (da, db) = (cash_date(ca, x), cash_date(cb, y));
            da.is_some() && da == db
        }
        _ => ca.end.is_some() && ca.end == cb.end && ca.months == cb.months,
    }
}

fn compare(a: &Entry, b: &Entry, out: &mut Vec<Check>) {
    let (ta, tb) = (a.table, b.table);
    // Different scales where a table states none: when the printed numbers agree, the
    // difference is in our reading of the scale, not in the release.
    let (ra, rb) = (&ta.rows[a.row], &tb.rows[b.row]);
    let unsure_scale = ra.scale != rb.scale && (ta.scale_note.is_none() || tb.scale_note.is_none());
    // Where the two are, for the explanations: the same in every column.
    let places = std::cell::OnceCell::new();
    for (i, ca) in ta.columns.iter().enumerate() {
        for (j, cb) in tb.columns.iter().enumerate() {
            if !same_period(a, ca, b, cb) || !a.plain_columns[i] || !b.plain_columns[j] {
                continue;
            }
            let (Some(fa), Some(fb)) = (figure(&ta.rows[a.row], i), figure(&tb.rows[b.row], j))
            else {
                continue;
            };
            if unsure_scale {
                let printed = |f: super::Figure, r: &crate::document::Row| {
                    let k = Decimal::from(r.scale.factor());
                    Interval {
                        lo: f.interval.lo / k,
                        hi: f.interval.hi / k,
                    }
                };
                if printed(fa, ra).meets(&printed(fb, rb)) {
                    continue;
                }
            }
            let holds = fa.interval.agrees(&fb.interval);
            let (where_a, where_b) = places.get_or_init(|| {
                (
                    super::format_in!(super::PHRASE, "{} {}", table_name(ta), name(ta, a.row)),
                    super::format_in!(super::PHRASE, "{} {}", table_name(tb), name(tb, b.row)),
                )
            });
            let explanation = if holds {
                super::format_in!(
                    super::SENTENCE,
                    "{} ({}) is {} in {where_b} and {} in {where_a}, which agree within their printed precision.",
                    tb.rows[b.row].label,
                    cb.label,
                    show(fb.value, 4),
                    show(fa.value, 4)
                )
            } else {
                super::format_in!(
                    super::SENTENCE,
                    "{} ({}) is printed as {} in {where_b} but {} in {where_a}, a difference of {} that rounding cannot explain.",
                    tb.rows[b.row].label,
                    cb.label,
                    show(fb.value, 4),
                    show(fa.value, 4),
                    show((Amount(fb.value) - fa.value).0, 4)
                )
            };
            out.push(Check {
                kind: CheckKind::CrossTable,
                status: if holds { Status::Ok } else { Status::Mismatch },
                reported: Some(fb.value),
                recomputed: Some(fa.value),
                tolerance: Some(Tolerance::new(
                    fa.interval,
                    "the first printing, within half a unit of its last digit",
                )),
                explanation,
                cells: vec![CellRef::new(tb, b.row, j), CellRef::new(ta, a.row, i)],
                claim: None,
            });
        }
    }
}

fn table_name(t: &Table) -> String {
    match &t.title {
        Some(title) => format!("{} ({})", title, t.id),
        None => format!("table {}", t.id),
    }
}
