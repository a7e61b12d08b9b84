//! Footing: a total or subtotal equals the rows it closes, in every column; and the statement
//! identities (total liabilities and equity = total liabilities + total equity; total assets =
//! total liabilities and equity; net change in cash = operating + investing + financing (+ the
//! effect of exchange rates); cash at end = cash at beginning + net change).
//!
//! The document says which rows are totals (a rule or a "Total" label) but not which rows
//! each one closes, so the layout proposes readings, in the order an accountant would try
//! them:
//! 1. the items under the same heading as the total (`parent`);
//! 2. the items since the previous total;
//! 3. everything still open in the section (earlier subtotals standing for their items);
//! 4. the first open figure less the others ("Sales" less "costs" = "Gross profit"), and the
//!    one row above (a rule under a single line): readings only the arithmetic suggests,
//!    unless every term is itself a total ("Total assets" less "Total liabilities").
//!
//! The arithmetic then tests them. The first reading that holds in every column is the
//! structure, and every column is `ok`. When none holds everywhere, the reading that holds in
//! the most columns is the structure and the other columns are mismatches, naming the total
//! and its rows: a layout reading needs to hold (with a non-zero total) in at least as many
//! columns as it fails, so one wrong figure in a two-column statement fails its total instead
//! of making the check vanish; a reading only the arithmetic suggests must hold in more
//! columns than it fails. With a single column to add nothing can confirm a reading, and a
//! total named for its heading ("Total current assets" under "Current assets:") closes the
//! rows under that heading, as the layout says. A failing column whose difference is the
//! figure of a row no reading could take (one in another unit: a par value read as a
//! per-share figure) is `not_checkable`, not a mismatch: the structure is in doubt, not the
//! figure. When no reading holds anywhere the row is `not_checkable`: we cannot tell what it
//! adds up (a reading error is likelier than every column being wrong), and we say so rather
//! than guess.
//!
//! What is never summed: rows in another unit (a row that states no unit sums with money,
//! since statements print "$" on a block's first row and its totals only), rates (per ounce,
//! per share, percent), rows named for a price, grade, ratio or yield, columns whose header
//! names a percentage, change, variance, price, grade, rate, yield, ratio, margin, EPS or
//! per-unit figure, and sections other than the total's.

use rust_decimal::Decimal;

use super::tolerance::Interval;
use super::{additive, figure, show, words, CellRef, Check, CheckKind, Figure, Status, Tolerance};
use crate::decimal::Amount;
use crate::document::{Date, Document, RowKind, Table, Unit};

pub fn checks(doc: &Document) -> Vec<Check> {
    let mut out = Vec::new();
    checks_in(doc, &super::LabelText::of(doc).words(), &mut out);
    out
}

/// [`checks`] with the document's label words worked out.
pub(crate) fn checks_in(doc: &Document, label_words: &super::LabelWords, out: &mut Vec<Check>) {
    for (t, w) in doc.tables.iter().zip(label_words.tables()) {
        table_checks(t, w, out);
    }
}

/// A row in a reading, added or subtracted.
type Term = (usize, bool);

struct Reading {
    /// How the explanation describes the structure.
    how: &'static str,
    terms: Vec<Term>,
    /// The layout says it (a heading, a rule closing a block, the statement's labels): holding
    /// in as many columns as it fails is enough to take it as the structure. A reading only
    /// the arithmetic suggests (a difference, a single row restated) must hold in more.
    layout: bool,
}

/// One column of one reading: the total, the sum of the terms, and whether they agree.
struct Trial {
    column: usize,
    total: super::Figure,
    sum: Decimal,
    interval: Interval,
    holds: bool,
}

/// The figures of a table, each worked out once, when first asked for: totals are tried
/// against several readings, over every column.
struct Grid<'t> {
    t: &'t Table,
    cells: Vec<std::cell::OnceCell<Option<Figure>>>,
    /// By column, whether its figures add up ([`summable_column`]).
    summable: Vec<bool>,
    /// By row, whether its figures add up ([`summable_row`]).
    row_summable: Vec<bool>,
}

impl<'t> Grid<'t> {
    fn new(t: &'t Table, w: super::TableWords) -> Grid<'t> {
        let n = t.rows.len() * t.columns.len();
        Grid {
            t,
            cells: (0..n).map(|_| std::cell::OnceCell::new()).collect(),
            summable: (t.columns.iter())
                .map(|c| summable_column(&c.label) && c.unit != Some(Unit::Percent))
                .collect(),
            row_summable: (t.rows.iter().enumerate())
                .map(|(k, r)| summable_row(r, &w[k]))
                .collect(),
        }
    }

    fn figure(&self, row: usize, column: usize) -> Option<Figure> {
        let t = self.t;
        match self.cells.get(row * t.columns.len() + column) {
            Some(cell) => *cell.get_or_init(|| figure(&t.rows[row], column)),
            None => figure(&t.rows[row], column),
        }
    }
}

fn table_checks(t: &Table, w: super::TableWords, out: &mut Vec<Check>) {
    let grid = Grid::new(t, w);
    let identities = identities(t, w);
    // A sorted list, not a `HashSet`: one hash-table copy less in the wasm.
    let mut identity_rows: Vec<usize> = identities
        .iter()
        .filter(|i| i.replaces_footing)
        .map(|i| i.row)
        .collect();
    crate::sort::dedup(&mut identity_rows);
    let mut open: Vec<usize> = Vec::new();
    let mut section = None;
    for (i, r) in t.rows.iter().enumerate() {
        if r.section != section {
            open.clear();
            section = r.section.clone();
        }
        match r.kind {
            RowKind::Heading => {}
            RowKind::Item => {
                if grid.row_summable[i] && (0..t.columns.len()).any(|c| figure(r, c).is_some()) {
                    open.push(i);
                }
            }
            RowKind::Total if !grid.row_summable[i] => {}
            RowKind::Total => {
                if identity_rows.binary_search(&i).is_ok() {
                    open.clear();
                    open.push(i);
                    continue;
                }
                let closed = foot_total(&grid, i, &open, out);
                open.retain(|k| !closed.contains(k));
                open.push(i);
            }
        }
    }
    for id in identities {
        let readings = id
            .readings
            .into_iter()
            .map(|terms| Reading {
                how: id.how,
                terms,
                layout: true,
            })
            .collect();
        match decide(&grid, id.row, readings) {
            Some((reading, tr)) => reading_checks(&grid, id.row, &reading, &tr, out),
            None => {
                if let Some(c) =
                    (0..t.columns.len()).find(|&c| figure(&t.rows[id.row], c).is_some())
                {
                    out.push(Check {
                        kind: CheckKind::Footing,
                        status: Status::NotCheckable,
                        reported: figure(&t.rows[id.row], c).map(|f| f.value),
                        recomputed: None,
                        tolerance: None,
                        explanation: super::format_in!(
                            super::SENTENCE,
                            "{} should equal {}, but the rows found for it do not add up in most columns, so the statement's structure is not what we read.",
                            name(t, id.row),
                            id.how
                        ),
                        cells: vec![CellRef::new(t, id.row, c)],
                        claim: None,
                    });
                }
            }
        }
    }
}

/// Foots one total; returns the rows it was found to close.
fn foot_total(grid: &Grid, i: usize, open: &[usize], out: &mut Vec<Check>) -> Vec<usize> {
    let t = grid.t;
    let row = &t.rows[i];
    let same_unit: Vec<usize> = open
        .iter()
        .copied()
        .filter(|&k| same_measure(t.rows[k].unit, row.unit))
        .collect();
    let mut readings = Vec::new();
    let mut named_for_heading = None;
    if let Some(parent) = &row.parent {
        let terms: Vec<Term> = trailing(&same_unit, |k| {
            t.rows[k].kind == RowKind::Item && t.rows[k].parent.as_ref() == Some(parent)
        });
        if terms.len() >= 2 && closes_heading(&row.label, parent) {
            named_for_heading = Some(terms.clone());
        }
        readings.push(Reading {
            how: "the rows under its heading",
            terms,
            layout: true,
        });
    }
    readings.push(Reading {
        how: "the rows since the previous total",
        terms: trailing(&same_unit, |k| t.rows[k].kind == RowKind::Item),
        layout: true,
    });
    // The open rows of the section, longest run first: earlier subtotals stand for their
    // items, and a figure printed above a rule ("Sales") may stay outside the block.
    for start in 0..same_unit.len() {
        readings.push(Reading {
            how: "the open rows and subtotals above it",
            terms: same_unit[start..].iter().map(|&k| (k, false)).collect(),
            layout: true,
        });
    }
    for start in 0..same_unit.len() {
        // Totals printed one after another, the last their difference ("Total assets",
        // "Total liabilities", "Total equity"), are the layout's; a difference of items is
        // only the arithmetic's guess.
        let all_totals = same_unit[start..]
            .iter()
            .all(|&k| t.rows[k].kind == RowKind::Total);
        readings.push(Reading {
            how: "the first open figure less the ones after it",
            terms: same_unit[start..]
                .iter()
                .enumerate()
                .map(|(n, &k)| (k, n > 0))
                .collect(),
            layout: all_totals,
        });
    }
    readings.retain(|r| r.terms.len() >= 2);
    // Last: a "total" that restates the one row above it (a rule drawn under a single line).
    if let Some(&k) = same_unit.last() {
        readings.push(Reading {
            how: "the one row above it",
            terms: vec![(k, false)],
            layout: false,
        });
    }
    readings.dedup_by(|b, a| a.terms == b.terms);
    // With one column to add there is no other column to confirm a reading: a total named
    // for its heading ("Total current assets" under "Current assets:") then closes the rows
    // under that heading, as the layout says, and its figure is tested against them.
    let chosen = decide(grid, i, readings).or_else(|| {
        let terms = named_for_heading?;
        let tr = trials(grid, i, &terms);
        let reading = Reading {
            how: "the rows under its heading",
            terms,
            layout: true,
        };
        (tr.len() == 1).then_some((reading, tr))
    });
    match chosen {
        Some((reading, tr)) => {
            reading_checks(grid, i, &reading, &tr, out);
            reading.terms.iter().map(|&(k, _)| k).collect()
        }
        None => {
            let column = (0..t.columns.len())
                .find(|&c| figure(row, c).is_some())
                .unwrap_or(0);
            if figure(row, column).is_some() && !same_unit.is_empty() {
                out.push(Check {
                    kind: CheckKind::Footing,
                    status: Status::NotCheckable,
                    reported: figure(row, column).map(|f| f.value),
                    recomputed: None,
                    tolerance: None,
                    explanation: super::format_in!(
                        super::SENTENCE,
                        "{} is a total, but none of the usual readings (the rows under its heading, the rows since the previous total, the open rows of its section) adds up to it in any column, so which rows it closes cannot be told.",
                        name(t, i)
                    ),
                    cells: vec![CellRef::new(t, i, column)],
                    claim: None,
                });
            }
            trailing(&same_unit, |k| t.rows[k].kind == RowKind::Item)
                .into_iter()
                .map(|(k, _)| k)
                .collect()
        }
    }
}

/// The structure a total follows: the first reading that holds in every column (with a
/// non-zero total somewhere). Failing that, the reading that holds in the most columns, the
/// earlier on ties (the readings come in the layout's order): a reading the layout gives
/// must hold (with a non-zero total) in at least as many columns as it fails, one only the
/// arithmetic suggests in more. The other columns are then mismatches: a wrong figure
/// fails its total instead of making the check vanish. `None` when no reading can be
/// trusted.
fn decide(grid: &Grid, i: usize, readings: Vec<Reading>) -> Option<(Reading, Vec<Trial>)> {
    let evidence = |tr: &[Trial]| {
        tr.iter()
            .filter(|x| x.holds && !x.total.value.is_zero())
            .count()
    };
    let holds = |tr: &[Trial]| tr.iter().filter(|x| x.holds).count();
    // Tried in order: the first that holds everywhere ends the search.
    let mut all: Vec<(Reading, Vec<Trial>)> = Vec::with_capacity(readings.len());
    for r in readings {
        let tr = trials(grid, i, &r.terms);
        if !tr.is_empty() && holds(&tr) == tr.len() && evidence(&tr) > 0 {
            return Some((r, tr));
        }
        all.push((r, tr));
    }
    let n = all
        .iter()
        .enumerate()
        .filter(|(_, (r, tr))| {
            let need = if r.layout { tr.len() } else { tr.len() + 1 };
            evidence(tr) > 0 && 2 * holds(tr) >= need
        })
        .max_by_key(|(n, (_, tr))| (holds(tr), std::cmp::Reverse(*n)))
        .map(|(n, _)| n)?;
    all.into_iter().nth(n)
}

/// Whether a column's figures may be added: not when its header names a measure that does
/// not add (a percentage or percent change, a change or variance, whose signs follow the
/// effect rather than the direction, a price, a grade, a rate or yield, a ratio, a margin, a
/// figure per unit), whatever the rows' units say. An average of amounts over one period
/// adds like the amounts ("Average balance"); the averages that do not add are prices, rates,
/// yields and figures per unit, named as such. A "%" counts only in a header that prints no
/// "$": stacked headers carry the "%" of the columns beside them ("$ %").
fn summable_column(label: &str) -> bool {
    const NEVER: &[&str] = &[
        "percent",
        "percentage",
        "pct",
        "change",
        "changes",
        "chg",
        "variance",
        "var",
        "favorable",
        "favourable",
        "unfavorable",
        "unfavourable",
        "price",
        "prices",
        "grade",
        "rate",
        "yield",
        "ratio",
        "margin",
        "per",
        "eps",
        "bps",
        "bp",
    ];
    let percent = label.contains('%') && !label.contains('$');
    let named = super::raw_words(label).any(|w| NEVER.iter().any(|n| w.eq_ignore_ascii_case(n)));
    !percent && !named
}

/// Whether a row's figures may be added: an additive unit ([`additive`]), and a label that
/// does not name a price, grade, ratio or yield (a row whose unit was not stated may still be
/// one). A percentage in a label says nothing: "5.875% notes due 2028" is an amount.
fn summable_row(r: &crate::document::Row, w: &[&str]) -> bool {
    const NEVER: &[&str] = &["price", "prices", "grade", "grades", "ratio", "yield"];
    additive(r.unit) && !w.iter().any(|x| NEVER.contains(x))
}

/// Whether two rows measure the same thing: the same unit, or money and a row that states
/// none. A statement prints its currency sign on the first row of a block and on its totals
/// only ("Cash  $ 2,242,209" over "Accounts receivable  266,080"), so the rows between say no
/// unit of their own and are the block's money.
fn same_measure(a: Option<Unit>, b: Option<Unit>) -> bool {
    a == b
        || matches!(
            (a, b),
            (None, Some(Unit::Money)) | (Some(Unit::Money), None)
        )
}

/// Whether a total's label names its heading: "Total" or "Subtotal" and the heading's words
/// ("Total current assets" under "Current assets:"), or the heading's words and "total"
/// ("Current assets, total").
fn closes_heading(label: &str, heading: &str) -> bool {
    let (l, h) = (words(label), words(heading));
    let total = |w: &String| w == "total" || w == "subtotal";
    !h.is_empty()
        && ((l.first().is_some_and(total) && l[1..] == h[..])
            || (l.last().is_some_and(total) && l[..l.len() - 1] == h[..]))
}

/// The trailing run of `open` rows that satisfy `keep`, in order, all added.
fn trailing(open: &[usize], keep: impl Fn(usize) -> bool) -> Vec<Term> {
    let n = open.iter().rev().take_while(|&&k| keep(k)).count();
    open[open.len() - n..].iter().map(|&k| (k, false)).collect()
}

/// Each column where the total and every term have a figure.
fn trials(grid: &Grid, total: usize, terms: &[Term]) -> Vec<Trial> {
    let mut out = Vec::new();
    'col: for c in 0..grid.t.columns.len() {
        if !grid.summable[c] {
            continue;
        }
        let Some(tot) = grid.figure(total, c) else {
            continue;
        };
        let mut sum = Amount(Decimal::ZERO);
        let mut interval = Interval::exact(Decimal::ZERO);
        for &(k, negated) in terms {
            let Some(f) = grid.figure(k, c) else {
                continue 'col;
            };
            if negated {
                sum -= f.value;
                interval = interval - f.interval;
            } else {
                sum += f.value;
                interval = interval + f.interval;
            }
        }
        let holds = interval.agrees(&tot.interval);
        out.push(Trial {
            column: c,
            total: tot,
            sum: sum.0,
            interval,
            holds,
        });
    }
    out
}

/// The footing checks of a total read as `reading`, one per trial (column).
fn reading_checks(
    grid: &Grid,
    total: usize,
    reading: &Reading,
    trials: &[Trial],
    out: &mut Vec<Check>,
) {
    let t = grid.t;
    let terms = &reading.terms;
    // The names, the same in every column: the terms comma-separated, in one string.
    let mut listed =
        String::with_capacity(terms.iter().map(|&(k, _)| t.rows[k].label.len() + 24).sum());
    for (n, &(k, neg)) in terms.iter().enumerate() {
        if n > 0 {
            listed.push_str(", ");
        }
        if neg {
            listed.push_str("less ");
        }
        write_name(&mut listed, t, k);
    }
    let total_name = name(t, total);
    for trial in trials {
        out.push(check(grid, total, reading, trial, &total_name, &listed));
    }
}

fn check(
    grid: &Grid,
    total: usize,
    reading: &Reading,
    trial: &Trial,
    total_name: &str,
    listed: &str,
) -> Check {
    let t = grid.t;
    let (terms, how) = (&reading.terms, reading.how);
    let c = trial.column;
    let mut cells = vec![CellRef::new(t, total, c)];
    cells.extend(terms.iter().map(|&(k, _)| CellRef::new(t, k, c)));
    let period = &t.columns[c].label;
    let left_out = if trial.holds {
        None
    } else {
        left_out(grid, total, terms, trial)
    };
    let explanation = if trial.holds {
        super::format_in!(
            super::SENTENCE,
            "{total_name} ({period}) is {}, and {how} ({listed}) add up to {}.",
            show(trial.total.value, 6),
            show(trial.sum, 6)
        )
    } else if let Some(k) = left_out {
        super::format_in!(
            super::SENTENCE,
            "{total_name} ({period}) is {}, but {how} ({listed}) add up to {}: the difference is the figure of {}, a row the reading left out, so which rows the total closes is not certain.",
            show(trial.total.value, 6),
            show(trial.sum, 6),
            name(t, k)
        )
    } else {
        super::format_in!(
            super::SENTENCE,
            "{total_name} ({period}) is printed as {}, but {how} ({listed}) add up to {}, a difference of {} that rounding cannot explain.",
            show(trial.total.value, 6),
            show(trial.sum, 6),
            show((Amount(trial.total.value) - trial.sum).0, 6)
        )
    };
    Check {
        kind: CheckKind::Footing,
        status: match (trial.holds, left_out) {
            (true, _) => Status::Ok,
            (false, None) => Status::Mismatch,
            (false, Some(_)) => Status::NotCheckable,
        },
        reported: Some(trial.total.value),
        recomputed: Some(trial.sum),
        tolerance: Some(Tolerance::new(
            trial.interval,
            super::format_in!(
                super::PHRASE,
                "sum of {} printed figures, each within half a unit of its last digit",
                terms.len()
            ),
        )),
        explanation,
        cells,
        claim: None,
    }
}

/// A row of the total's block (back to the previous total outside the reading, in the
/// total's section) that no reading could take, being in another unit or not summable, whose
/// figure in the trial's column is the difference (added or taken away): a par value read as
/// a per-share figure, say. The failure then says the structure is not what we read, not that
/// the figure is wrong.
fn left_out(grid: &Grid, total: usize, terms: &[Term], trial: &Trial) -> Option<usize> {
    let t = grid.t;
    let first = terms.iter().map(|&(k, _)| k).min()?;
    let gap = trial.total.interval - trial.interval;
    let of_total = &t.rows[total];
    (0..total)
        .rev()
        .take_while(|&k| {
            let r = &t.rows[k];
            r.section == of_total.section && (k >= first || r.kind != RowKind::Total)
        })
        .filter(|&k| !grid.row_summable[k] || !same_measure(t.rows[k].unit, of_total.unit))
        .find(|&k| {
            figure(&t.rows[k], trial.column).is_some_and(|f| {
                !f.value.is_zero() && (gap.agrees(&f.interval) || (-gap).agrees(&f.interval))
            })
        })
}

/// "Total sales (line 446)", or "the unlabelled total on line 565".
pub(crate) fn name(t: &Table, k: usize) -> String {
    let mut s = String::with_capacity(t.rows[k].label.len() + 24);
    write_name(&mut s, t, k);
    s
}

/// [`name`], appended to `out`.
fn write_name(out: &mut String, t: &Table, k: usize) {
    use std::fmt::Write;
    let r = &t.rows[k];
    let _ = if r.label.is_empty() {
        write!(out, "the unlabelled total on line {}", r.line)
    } else if r
        .label
        .bytes()
        .all(|b| (b' '..=b'~').contains(&b) && b != b'"' && b != b'\\')
    {
        // Printable ASCII without quotes or backslashes: `{:?}` would only add the quotes.
        out.push('"');
        out.push_str(&r.label);
        out.push_str("\" (line ");
        out.push_str(itoa(r.line, &mut [0; 20]));
        out.push(')');
        Ok(())
    } else {
        write!(out, "{} (line {})", crate::case::Quoted(&r.label), r.line)
    };
}

/// `n` in decimal, written into `buf` (the `{}` of a `usize` without the formatter).
fn itoa(n: usize, buf: &mut [u8; 20]) -> &str {
    let i = super::write_digits(n as u64, buf, 20);
    std::str::from_utf8(&buf[i..]).unwrap_or("")
}

/// A statement identity found by labels.
struct Identity {
    row: usize,
    /// Alternative term lists, tried in order.
    readings: Vec<Vec<Term>>,
    how: &'static str,
    /// The identity is what this total adds up, so the generic readings are not tried.
    replaces_footing: bool,
}

fn identities(t: &Table, w: super::TableWords) -> Vec<Identity> {
    let has = |k: usize, ws: &[&str]| ws.iter().all(|x| w[k].iter().any(|y| y == x));
    let money = |k: usize| {
        t.rows[k].kind != RowKind::Heading && t.rows[k].unit == Some(crate::document::Unit::Money)
    };
    let unique = |pred: &dyn Fn(usize) -> bool| -> Option<usize> {
        let mut it = (0..t.rows.len()).filter(|&k| money(k) && pred(k));
        let first = it.next()?;
        it.next().is_none().then_some(first)
    };
    let mut out = Vec::new();

    // Balance sheet.
    let le = unique(&|k| has(k, &["total", "liabilities", "equity"]));
    let tl = unique(&|k| w[k] == ["total", "liabilities"]);
    let te = unique(&|k| {
        w[k].first() == Some(&"total")
            && (has(k, &["equity"]) || has(k, &["deficit"]))
            && !has(k, &["liabilities"])
    });
    if let (Some(le), Some(tl), Some(te)) = (le, tl, te) {
        // Minority interest or mezzanine equity may stand between the two: every total
        // between total liabilities and the grand total is the second reading.
        let between: Vec<Term> = (tl..le)
            .filter(|&k| money(k) && t.rows[k].kind == RowKind::Total)
            .filter(|&k| w[k].first() == Some(&"total"))
            .map(|k| (k, false))
            .collect();
        out.push(Identity {
            row: le,
            readings: vec![vec![(tl, false), (te, false)], between],
            how: "total liabilities and total equity",
            replaces_footing: true,
        });
    }
    let ta = unique(&|k| w[k] == ["total", "assets"]);
    if let (Some(le), Some(ta)) = (le, ta) {
        out.push(Identity {
            row: ta,
            readings: vec![vec![(le, false)]],
            how: "total liabilities and equity",
            replaces_footing: false,
        });
    }

    // Cash flow statement.
    let activity = |a: &'static str| {
        unique(&move |k| has(k, &["cash", a, "activities"]) && !has(k, &["before"]))
    };
    let change = unique(&|k| {
        has(k, &["net", "cash"])
            && (has(k, &["increase"]) || has(k, &["decrease"]) || has(k, &["change"]))
            && !has(k, &["activities"])
    });
    if let (Some(change), Some(op), Some(inv), Some(fin)) = (
        change,
        activity("operating"),
        activity("investing"),
        activity("financing"),
    ) {
        let mut terms = vec![(op, false), (inv, false), (fin, false)];
        if let Some(fx) = unique(&|k| has(k, &["effect", "exchange"]) && k < change) {
            terms.push((fx, false));
        }
        out.push(Identity {
            row: change,
            readings: vec![terms],
            how: "operating, investing and financing cash flows",
            replaces_footing: true,
        });
    }
    let end = unique(&|k| has(k, &["cash", "end"]) && !has(k, &["activities"]));
    let begin = unique(&|k| has(k, &["cash", "beginning"]) && !has(k, &["activities"]));
    if let (Some(end), Some(begin), Some(change)) = (end, begin, change) {
        out.push(Identity {
            row: end,
            readings: vec![vec![(begin, false), (change, false)]],
            how: "cash at the beginning plus the net change",
            replaces_footing: true,
        });
    }
    out
}

/// Operations add up: a company-wide production row (silver ounces, lead tons) equals the sum
/// of the same metal's production at each operation the release breaks out, in every period.
///
/// Only mines and units count as operations (a segment named by a metal, "SILVER
/// OPERATIONS", would count them twice); an operation printing the metal twice (ounces in the
/// production data, thousands of ounces in a reconciliation) gives its most precise row. A
/// release may produce at operations it does not break out, so a sum that fails in every
/// column says nothing and is left out; a sum that holds in most columns and fails in others
/// is a mismatch in those.
pub fn operations(doc: &Document) -> Vec<Check> {
    let mut out = Vec::new();
    operations_in(doc, &super::LabelText::of(doc).words(), &mut out);
    out
}

/// [`operations`] with the document's label words worked out.
pub(crate) fn operations_in(doc: &Document, label_words: &super::LabelWords, out: &mut Vec<Check>) {
    use super::cross_table::{concept, without_bookkeeping_verbs};
    use super::metrics::{metal_in, period_unique, OPERATION_WORDS};

    struct Prod<'a> {
        table: &'a Table,
        row: usize,
        metal: &'static str,
        scope: Option<&'a str>,
    }
    let mut prods = Vec::new();
    for (t, tw) in doc.tables.iter().zip(label_words.tables()) {
        for (k, r) in t.rows.iter().enumerate() {
            // "Silver produced (oz.)", or "Lead - Tons" under a production heading.
            let in_production = matches!(
                r.unit,
                Some(Unit::Oz | Unit::Tons | Unit::Tonnes | Unit::Lbs)
            ) && metal_in(&r.label).is_some()
                && r.section.as_deref().is_some_and(|x| {
                    super::raw_words(x).any(|w| w.eq_ignore_ascii_case("production"))
                });
            if r.kind == RowKind::Heading
                || !(in_production
                    || concept(without_bookkeeping_verbs(&tw[k]), r.unit) == Some("production"))
            {
                continue;
            }
            let Some(metal) = tw.metal(k) else { continue };
            let scope = tw.scope(k);
            let segment = scope.is_some_and(|s| {
                words(s)
                    .iter()
                    .filter(|w| !OPERATION_WORDS.contains(&w.as_str()))
                    .all(|w| metal_in(w).is_some())
            });
            if !segment {
                prods.push(Prod {
                    table: t,
                    row: k,
                    metal,
                    scope,
                });
            }
        }
    }
    // The operations' parts of a metal, unit and period, found once for every total that
    // needs them.
    type Parts<'p> = Vec<(Option<&'p str>, Figure, CellRef)>;
    type Key<'p> = (&'p str, Option<Unit>, Option<Date>, Option<u8>);
    let mut known: Vec<(Key, Parts)> = Vec::new();
    type Trial<'p> = (usize, Figure, Decimal, Interval, bool, Parts<'p>);
    fn trial(c: usize, tf: Figure, parts: Parts<'_>) -> Trial<'_> {
        let sum = parts.iter().map(|p| p.1.value).sum::<Amount>().0;
        let interval = parts
            .iter()
            .fold(Interval::exact(Decimal::ZERO), |acc, p| acc + p.1.interval);
        let holds = interval.agrees(&tf.interval);
        (c, tf, sum, interval, holds, parts)
    }
    for total in prods.iter().filter(|p| p.scope.is_none()) {
        let unit = total.table.rows[total.row].unit;
        let mut trials = Vec::new();
        for (c, col) in total.table.columns.iter().enumerate() {
            let Some(tf) = figure(&total.table.rows[total.row], c) else {
                continue;
            };
            if !period_unique(total.table, c) {
                continue;
            }
            let key = (total.metal, unit, col.end, col.months);
            if let Some((_, parts)) = known.iter().find(|(k, _)| *k == key) {
                if parts.len() >= 2 {
                    trials.push(trial(c, tf, parts.clone()));
                }
                continue;
            }
            // Per operation, the most precise printing for this period.
            let mut parts: Parts = Vec::new();
            for p in prods
                .iter()
                .filter(|p| p.scope.is_some() && p.metal == total.metal)
            {
                if p.table.rows[p.row].unit != unit {
                    continue;
                }
                let Some(pc) = (0..p.table.columns.len()).find(|&j| {
                    let pj = &p.table.columns[j];
                    pj.end == col.end && pj.months == col.months && period_unique(p.table, j)
                }) else {
                    continue;
                };
                let Some(f) = figure(&p.table.rows[p.row], pc) else {
                    continue;
                };
                let cell = CellRef::new(p.table, p.row, pc);
                match parts.iter_mut().find(|(s, ..)| *s == p.scope) {
                    Some(slot) if slot.1.interval.width() > f.interval.width() => {
                        *slot = (p.scope, f, cell);
                    }
                    Some(_) => {}
                    None => parts.push((p.scope, f, cell)),
                }
            }
            if parts.len() >= 2 {
                trials.push(trial(c, tf, parts.clone()));
            }
            known.push((key, parts));
        }
        let holds = trials.iter().filter(|t| t.4).count();
        if holds == 0 || 2 * holds <= trials.len() && holds != trials.len() {
            continue;
        }
        for (c, tf, sum, interval, ok, parts) in trials {
            let names: Vec<String> = parts
                .iter()
                .map(|p| format!("{} {}", p.0.unwrap_or(""), show(p.1.value, 4)))
                .collect();
            let label = crate::case::Quoted(&total.table.rows[total.row].label);
            let period = &total.table.columns[c].label;
            let explanation = if ok {
                super::format_in!(
                    super::SENTENCE,
                    "{label} ({period}) is {}, the sum of the operations' {} production ({}).",
                    show(tf.value, 4),
                    total.metal,
                    names.join(" + ")
                )
            } else {
                super::format_in!(
                    super::SENTENCE,
                    "{label} ({period}) is printed as {}, but the operations' {} production adds up to {} ({}), which rounding cannot explain.",
                    show(tf.value, 4),
                    total.metal,
                    show(sum, 4),
                    names.join(" + ")
                )
            };
            let mut cells = vec![CellRef::new(total.table, total.row, c)];
            cells.extend(parts.into_iter().map(|p| p.2));
            out.push(Check {
                kind: CheckKind::Footing,
                status: if ok { Status::Ok } else { Status::Mismatch },
                reported: Some(tf.value),
                recomputed: Some(sum),
                tolerance: Some(Tolerance::new(
                    interval,
                    "sum of the operations' printed figures, each within half a unit of its last digit",
                )),
                explanation,
                cells,
                claim: None,
            });
        }
    }
}
