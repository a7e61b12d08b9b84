//! From checks to findings: every mismatch the checks raise is held to what the rows mean
//! ([`crate::meaning`], read for the rows a mismatch cites only) before it is reported, and the same discrepancy found in several
//! columns or tables is reported once, listing where.
//!
//! A check compares two printings, a ratio with its parts or a sentence with a cell. It is a
//! `mismatch` only when both sides are the same concept, scope, basis, period and kind of
//! figure and the difference is beyond rounding. Anything weaker becomes `not_checkable`
//! with the reason: one side is a change and the other a level, one is adjusted, the two
//! differ by a power of a thousand (a scale the reader did not find), a reconciliation's
//! adjustment printed with its own sign, a column whose period was not read, a sentence
//! that gives a change or names a larger item than the cell. These are rules about
//! releases, never about one file.
//!
//! Linear in the checks (a sort groups the duplicates).

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

use super::{Check, CheckKind, Status};
use crate::document::{Document, Table};
use crate::meaning::basis::NonGaapNames;
use crate::meaning::{Meaning, Meanings, SignConvention};

/// Hold every mismatch to the rows' meanings, then merge the duplicates.
///
/// Whether two sides are the same thing is decided before their values are: an `ok` between
/// rows that are not the same item proves nothing, and would turn into `not_checkable` the
/// moment one figure were wrong, so a broken figure would vanish instead of failing.
pub(crate) fn settle(doc: &Document, checks: &mut Vec<Check>) {
    // Read once, and only when a claim needs it.
    let non_gaap = std::cell::OnceCell::new();
    // Every row's meaning, read once: almost every check is held to it.
    let meanings = std::cell::OnceCell::new();
    for c in checks.iter_mut() {
        if c.kind == CheckKind::Footing || c.status == Status::NotCheckable {
            continue;
        }
        let agreed = c.status == Status::Ok;
        if let Some((status, why)) = judge(doc, c, &meanings, &non_gaap) {
            if agreed && status == Status::Ok {
                continue;
            }
            c.status = status;
            c.explanation = match (status, agreed) {
                (Status::Ok, _) => why,
                (_, true) => format!(
                    "Not compared: {why}. (The figures agree: {})",
                    c.explanation
                ),
                _ => format!("Not compared: {why}. (As read: {})", c.explanation),
            };
        }
    }
    merge(checks);
}

/// A new status and its reason, or `None` when the mismatch stands.
fn judge(
    doc: &Document,
    c: &Check,
    meanings: &std::cell::OnceCell<Meanings>,
    non_gaap: &std::cell::OnceCell<NonGaapNames>,
) -> Option<(Status, String)> {
    let nc = |why: String| Some((Status::NotCheckable, why));
    if let Some(why) = scale_factor(c).filter(|_| c.status == Status::Mismatch) {
        return nc(why);
    }
    let meanings = meanings.get_or_init(|| Meanings::of(doc));
    let meaning = |k: usize| {
        let cell = c.cells.get(k)?;
        meanings.get(&cell.table, cell.row)
    };
    match c.kind {
        CheckKind::CrossTable => {
            let (a, b) = (meaning(0)?, meaning(1)?);
            let (ca, cb) = (&c.cells[0], &c.cells[1]);
            if let Some(why) = a.differs(b) {
                return nc(format!("{} and {}: {why}", ca.row_label, cb.row_label));
            }
            for cell in [ca, cb] {
                if let Some(why) = unread_period(doc, &cell.table, cell.column) {
                    return nc(why);
                }
            }
            // "Net sales" under "North America" and under "International": one table's
            // headings scope its rows, whatever the meaning layer names the headings.
            let heading = |cell: &super::CellRef| {
                let r = doc.table(&cell.table)?.rows.get(cell.row)?;
                Some((r.parent.clone(), r.section.clone()))
            };
            if ca.table == cb.table && heading(ca) != heading(cb) {
                return nc(format!(
                    "\"{}\" (line {}) and \"{}\" (line {}) stand under different headings of one table",
                    ca.row_label, ca.line, cb.row_label, cb.line
                ));
            }
            if ca.table == cb.table && a.concept != b.concept {
                return nc(format!(
                    "\"{}\" and \"{}\" are two different lines of one table",
                    ca.row_label, cb.row_label
                ));
            }
            let adjustment = |x: &Meaning| x.sign == SignConvention::Adjustment;
            if adjustment(a) && adjustment(b) && ca.table != cb.table {
                return nc(format!(
                    "\"{}\" is an adjustment in two reconciliations, and an adjustment need not be the same amount in both",
                    ca.row_label
                ));
            }
            if (adjustment(a) || adjustment(b)) && agrees_negated(c) {
                return Some((
                    Status::Ok,
                    format!(
                        "{} ({}) is {} in {} and {} in {}: the same amount, printed with the sign of an adjustment in one of them.",
                        ca.row_label, ca.column_label, ca.printed, ca.table, cb.printed, cb.table
                    ),
                ));
            }
            None
        }
        CheckKind::Recompute => {
            let (ratio, numerator) = (meaning(0)?, meaning(1)?);
            let (r, n) = (&c.cells[0].row_label, &c.cells[1].row_label);
            let basis = (ratio.basis != numerator.basis)
                .then(|| (ratio.basis.name(), numerator.basis.name()));
            let operations = (ratio.operations != numerator.operations)
                .then(|| (ratio.operations.name(), numerator.operations.name()));
            let (a, b) = basis.or(operations)?;
            nc(format!("\"{r}\" is for {a} but \"{n}\" for {b}"))
        }
        CheckKind::Claim => claim(c, meaning(0)?, doc.table(&c.cells.first()?.table)?, || {
            non_gaap.get_or_init(|| NonGaapNames::new(doc))
        }),
        CheckKind::Footing => None,
    }
}

/// The two sides differ by a power of a thousand (within a factor of two): a scale that one
/// of them is printed at and the reader did not find, not a discrepancy of the release.
fn scale_factor(c: &Check) -> Option<String> {
    let (r, q) = (c.reported?.to_f64()?, c.recomputed?.to_f64()?);
    if r == 0.0 || q == 0.0 {
        return None;
    }
    let ratio = (r / q).abs();
    for k in [1, 2, 3] {
        let f = 1000f64.powi(k);
        for x in [ratio / f, ratio * f] {
            if (0.5..=2.0).contains(&x) {
                return Some(format!(
                    "the two figures differ by a factor of about {}, so one of them is printed at a scale (thousands, millions) that was not read",
                    super::show(Decimal::from(1000u64.pow(k as u32)), 0)
                ));
            }
        }
    }
    None
}

/// A column whose header names a length of period ("Three Months Ended") that was not read:
/// its period cannot be matched with another's.
fn unread_period(doc: &Document, id: &str, column: usize) -> Option<String> {
    let col = doc.table(id)?.columns.get(column)?;
    let l = col.label.to_ascii_lowercase();
    let names_length = ["month", "quarter", "week"].iter().any(|x| l.contains(x));
    (names_length && col.months.is_none()).then(|| {
        format!(
            "the length of the period in \"{}\" ({id}) was not read, so its column cannot be matched with another's",
            col.label
        )
    })
}

/// The later printing, negated, within the interval the first allows.
fn agrees_negated(c: &Check) -> bool {
    match (c.reported, &c.tolerance) {
        (Some(r), Some(t)) => t.low <= -r && -r <= t.high,
        _ => false,
    }
}

/// Words that carry no item.
const STOP: &[&str] = &[
    "and", "of", "the", "a", "an", "total", "net", "to", "for", "in", "from", "on", "by", "&",
];

/// Words that name what a figure counts ("1.3 million ounces of silver"): the item named
/// after them ("of silver") is the figure's own.
const UNIT_WORDS: &[&str] = &[
    "ounce", "oz", "ton", "tonne", "pound", "lb", "share", "barrel", "bbl", "boe", "carat", "unit",
    "foot", "feet", "meter", "metre",
];

/// A claim held to the sentence: what the words around the figure say it is. Words are
/// compared by their stems ([`crate::meaning::concept::stem`]): "revenue" is "sales".
fn claim<'n>(
    c: &Check,
    row: &Meaning,
    t: &Table,
    non_gaap: impl FnOnce() -> &'n NonGaapNames,
) -> Option<(Status, String)> {
    let cr = c.claim.as_ref()?;
    let at = cr.sentence.find(&cr.figure)?;
    let stems = crate::meaning::concept::stems;
    let before = stems(&cr.sentence[..at]);
    let after = stems(&cr.sentence[at + cr.figure.len()..]);
    let label = &c.cells[0].row_label;
    let content: Vec<String> = row
        .concept
        .iter()
        .filter(|w| !STOP.contains(&w.as_str()))
        .map(|w| crate::meaning::concept::stem(w).into_owned())
        .collect();
    // Every row the claim was matched with ("the sum of cash and short-term investments"):
    // an item the sentence adds may be one of them.
    // Asked only when the sentence names another item: a claim of a release printed ten
    // times cites the cells of all ten copies.
    let cited = |w: &String| {
        c.cells
            .iter()
            .any(|cell| stems(&cell.row_label).contains(w))
    };
    let nc = |why: String| Some((Status::NotCheckable, why));
    // "decreased by $156,569 to $607,494": the first figure is a change.
    let last_words: Vec<&str> = before.iter().rev().take(3).map(String::as_str).collect();
    let change = [
        "increased",
        "decreased",
        "increase",
        "decrease",
        "rose",
        "fell",
        "grew",
        "declined",
        "dropped",
        "improved",
        "up",
        "down",
        "higher",
        "lower",
    ];
    // "increased 46% to $21 million", "from $1.1 million": after "to", "from" or "at" the
    // figure is a level again.
    let change_word = last_words
        .iter()
        .take_while(|w| !matches!(**w, "to" | "from" | "at"))
        .any(|w| change.contains(w));
    // "a $48,252 increase in bank owned life insurance income", "expense was $1,787,830
    // higher": the word right after the figure makes it a change too.
    let change_after = after.first().is_some_and(|w| {
        [
            "increase",
            "decrease",
            "increased",
            "decreased",
            "higher",
            "lower",
            "more",
            "less",
            "rise",
            "drop",
            "decline",
            "improvement",
            "reduction",
            "growth",
        ]
        .contains(&w.as_str())
    });
    if (change_word || change_after) && !c.explanation.contains("change") {
        return nc(format!(
            "the sentence gives {} as a change, and \"{label}\" is a level",
            cr.figure
        ));
    }
    // "$2.2 million of costs related to …": the sentence says what the figure is, and it is
    // not the row.
    if after.first().is_some_and(|w| w == "of") {
        let skip = [
            "the", "a", "an", "its", "our", "fiscal", "q1", "q2", "q3", "q4",
        ];
        let what = after[1..].iter().find(|w| !skip.contains(&w.as_str()));
        if let Some(what) = what {
            let period = what.chars().all(|ch| ch.is_ascii_digit())
                || crate::meaning::kind::period_word(what);
            if !period && !content.contains(what) && !cited(what) {
                return nc(format!(
                    "the sentence says {} is of {what}, which \"{label}\" is not",
                    cr.figure
                ));
            }
        }
    }
    // "in connection with the $14.0 million, part of the acquisition price": "the" before a
    // figure points at an amount the sentence does not say is the row's.
    if before.last().is_some_and(|w| w == "the") {
        return nc(format!(
            "the sentence refers to \"the {}\" as an amount of its own, not as \"{label}\"",
            cr.figure
        ));
    }
    // "at an average price per share of $39.17": a price paid for a share, not earnings or
    // a payout per share.
    let priced = before.iter().rev().take(4).any(|w| w == "price");
    if priced && row.kind == crate::meaning::FigureKind::PerShare {
        return nc(format!(
            "the sentence gives {} as a price, and \"{label}\" is not one",
            cr.figure
        ));
    }
    // "comprehensive income of $9.5 million": where the statement also prints the part
    // attributable to the company, that is what a sentence naming the company's figure
    // means, not the total with the noncontrolling interests.
    let attributable = t.rows.iter().any(|r| {
        let w = stems(&r.label);
        w.iter().any(|x| x == "attributable")
            && !w
                .iter()
                .any(|x| x.starts_with("noncontrolling") || x == "non" || x == "minority")
            && content.iter().all(|x| w.contains(x))
            && !content.iter().any(|x| x == "attributable")
    });
    if attributable {
        return nc(format!(
            "the table also prints \"{label}\" attributable to the company, which is the figure a sentence naming the company's means"
        ));
    }
    // The sentence's basis against the row's. A measure the release itself calls non-GAAP
    // ("Economic Earnings and Economic EPS are non-GAAP performance measures") is that basis
    // whatever its table's title says.
    let said_adjusted = crate::meaning::has_any(
        &before,
        &[
            "adjusted",
            "non",
            "nongaap",
            "core",
            "underlying",
            "normalized",
            "forma",
        ],
    );
    let row_adjusted =
        row.basis != crate::meaning::Basis::Reported || (said_adjusted && non_gaap().names(label));
    if said_adjusted != row_adjusted {
        return nc(format!(
            "\"{label}\" is {}, and the sentence {} so",
            row.basis.name(),
            if said_adjusted {
                "says it is not"
            } else {
                "does not say"
            }
        ));
    }
    // The row's name must come before the figure it is compared with: a name that only
    // follows ("… of $2.6 million following higher revenues") is another clause's.
    let named_before = content.iter().any(|w| before.contains(w));
    // "$0.88 per share on a diluted basis": words that qualify the figure itself name it.
    let qualifiers = [
        "per", "share", "on", "a", "an", "basis", "diluted", "basic", "fully", "common",
    ];
    // "we generated $110 million of cash from operating activities", "1.3 million ounces of
    // silver", "spent $5.4 million on exploration": "of" or "on", after the units the figure
    // counts, names it.
    let units = after
        .iter()
        .take_while(|w| UNIT_WORDS.contains(&w.as_str()))
        .count();
    let own_phrase = after
        .iter()
        .take(6)
        .take_while(|w| qualifiers.contains(&w.as_str()))
        .any(|w| content.contains(w))
        || (after.get(units).is_some_and(|w| w == "of" || w == "on")
            && after[units + 1..]
                .iter()
                .take(3)
                .any(|w| content.contains(w)));
    if !named_before && !own_phrase && content.iter().any(|w| after.contains(w)) {
        return nc(format!(
            "the sentence names \"{label}\" only after {}, which is another item's figure",
            cr.figure
        ));
    }
    // "Cash, cash equivalents and marketable securities was $256.0 million": the subject
    // adds items the row does not hold. The joining word must follow the row's name at once
    // ("Silver Valley, owned and operated" joins verbs, not items), and "respectively" pairs
    // listed items with listed figures one by one.
    let respectively = after.iter().any(|w| w == "respectively");
    if let Some(last) = before.iter().rposition(|w| content.contains(w)) {
        let tail = &before[last + 1..];
        // "… including time deposits of $206.7 million" adds as "and" does.
        let joins = tail
            .first()
            .is_some_and(|w| matches!(w.as_str(), "and" | "plus" | "including" | "incl"));
        if let Some(extra) = tail.get(1).filter(|_| joins && !respectively) {
            let verbs = [
                "was", "were", "of", "totaled", "totalled", "is", "are", "at",
            ];
            if !content.contains(extra) && !verbs.contains(&extra.as_str()) && !cited(extra) {
                return nc(format!(
                    "the sentence's {} is for more than \"{label}\" (it adds {})",
                    cr.figure,
                    tail[1..]
                        .iter()
                        .take_while(|w| !verbs.contains(&w.as_str()))
                        .map(String::as_str)
                        .collect::<Vec<_>>()
                        .join(" ")
                ));
            }
        }
    }
    None
}

/// What makes two mismatches one discrepancy: the kind, the rows on both sides (or the
/// sentence's figure and the cell), and the difference itself. The same pair disagreeing by
/// different amounts in two columns is two discrepancies; by the same amount, one.
fn key(c: &Check) -> (u8, Vec<(String, usize)>, String, Option<Decimal>) {
    let rows = |cells: &[super::CellRef]| {
        let mut v: Vec<(String, usize)> = cells
            .iter()
            .map(|x| (x.table.as_str().to_owned(), x.row))
            .collect();
        crate::sort::by(&mut v, Ord::cmp);
        v
    };
    let diff = match (c.reported, c.recomputed) {
        (Some(r), Some(q)) => Some((crate::decimal::Amount(r) - q).0.normalize()),
        _ => None,
    };
    match c.kind {
        CheckKind::Claim => {
            let cr = c.claim.as_ref();
            let what = cr
                .map(|x| format!("{}|{}", x.line, x.figure))
                .unwrap_or_default();
            (3, rows(&c.cells[..c.cells.len().min(1)]), what, diff)
        }
        // A cross-table check lists the later printing first, then the first: the later
        // printings of one item are compared with its first, so one differing first printing
        // shows up once per table that prints it again.
        CheckKind::CrossTable => (
            2,
            rows(&c.cells[1..c.cells.len().min(2)]),
            String::new(),
            diff,
        ),
        CheckKind::Recompute => (1, rows(&c.cells), String::new(), diff),
        CheckKind::Footing => (0, rows(&c.cells), String::new(), diff),
    }
}

/// Merge the mismatches that are one discrepancy into the first of them, which lists the
/// others' places.
fn merge(checks: &mut Vec<Check>) {
    let idx: Vec<usize> = (0..checks.len())
        .filter(|&i| checks[i].status == Status::Mismatch)
        .collect();
    let keys: Vec<_> = idx.iter().map(|&i| key(&checks[i])).collect();
    let mut order: Vec<usize> = (0..idx.len()).collect();
    crate::sort::by(&mut order, |&a, &b| keys[a].cmp(&keys[b]));
    let mut drop = vec![false; checks.len()];
    for run in order.chunk_by(|&a, &b| keys[a] == keys[b]) {
        let Some((&first, rest)) = run.iter().min().map(|f| (f, run)) else {
            continue;
        };
        let keep = idx[first];
        let mut also = Vec::new();
        for &o in rest.iter().filter(|&&o| o != first) {
            let i = idx[o];
            drop[i] = true;
            let cells = std::mem::take(&mut checks[i].cells);
            for cell in cells {
                if !checks[keep].cells.contains(&cell) {
                    also.push(cell.describe());
                    checks[keep].cells.push(cell);
                }
            }
        }
        if !also.is_empty() {
            let e = &mut checks[keep].explanation;
            e.push_str(" The same discrepancy is printed again: ");
            e.push_str(&also.join("; "));
            e.push('.');
        }
    }
    let mut n = 0;
    checks.retain(|_| {
        n += 1;
        !drop[n - 1]
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze::CellRef;

    fn cell(table: &str, row: usize, column: usize, line: usize) -> CellRef {
        CellRef {
            table: table.into(),
            row,
            row_label: "Net income".into(),
            column,
            column_label: format!("c{column}").as_str().into(),
            line,
            printed: "1".into(),
        }
    }

    fn mismatch(reported: i64, recomputed: i64, cells: Vec<CellRef>) -> Check {
        Check {
            kind: CheckKind::CrossTable,
            status: Status::Mismatch,
            reported: Some(Decimal::from(reported)),
            recomputed: Some(Decimal::from(recomputed)),
            tolerance: None,
            explanation: "differs.".into(),
            cells,
            claim: None,
        }
    }

    #[test]
    fn a_power_of_a_thousand_is_a_scale_not_a_discrepancy() {
        let c = mismatch(12_277_000, 12_277, vec![]);
        assert!(scale_factor(&c).is_some());
        let c = mismatch(1_201, 1_402, vec![]);
        assert!(scale_factor(&c).is_none());
    }

    #[test]
    fn one_discrepancy_in_several_places_is_one_finding() {
        // The same first printing (t1 row 3) differs by the same amount from two tables:
        // one finding listing both; the same pair by another amount in another column is a
        // second discrepancy.
        let mut checks = vec![
            mismatch(5, 7, vec![cell("t3", 1, 0, 30), cell("t1", 3, 0, 10)]),
            mismatch(5, 7, vec![cell("t5", 2, 0, 50), cell("t1", 3, 0, 10)]),
            mismatch(9, 8, vec![cell("t3", 1, 1, 30), cell("t1", 3, 1, 10)]),
        ];
        merge(&mut checks);
        assert_eq!(checks.len(), 2);
        assert_eq!(checks[0].cells.len(), 3);
        assert!(checks[0].explanation.contains("printed again: t5 line 50"));
    }
}
