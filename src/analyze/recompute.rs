//! Recomputation: a printed ratio equals its printed parts.
//!
//! - "Divided by … ounces produced" blocks (cash cost reconciliations): the row above is the
//!   numerator, the row below the printed quotient (cost per ounce, per pound, per ton).
//! - Per-share figures: income (or loss) applicable to common shareholders, else net income,
//!   divided by the weighted average shares of the same table and column (basic for basic,
//!   diluted for diluted; a loss is checked against basic shares too, since dilution is then
//!   ignored).
//!
//! Each quotient is the interval its rounded inputs allow, compared with the interval the
//! printed ratio stands for; the two must meet.

use rust_decimal::Decimal;

use super::footing::name;
use super::{figure, show, CellRef, Check, CheckKind, Status, Tolerance};
use crate::document::{Document, RowKind, Table, Unit};

pub fn checks(doc: &Document) -> Vec<Check> {
    let mut out = Vec::new();
    checks_in(doc, &super::LabelText::of(doc).words(), &mut out);
    out
}

/// [`checks`] with the document's label words worked out.
pub(crate) fn checks_in(doc: &Document, label_words: &super::LabelWords, out: &mut Vec<Check>) {
    for (t, w) in doc.tables.iter().zip(label_words.tables()) {
        divided_by(t, w, out);
        per_share(t, w, out);
    }
}

fn is_rate(unit: Option<Unit>) -> bool {
    matches!(
        unit,
        Some(Unit::MoneyPerOz | Unit::MoneyPerLb | Unit::MoneyPerTon | Unit::MoneyPerShare)
    )
}

fn divided_by(t: &Table, label_words: super::TableWords, out: &mut Vec<Check>) {
    for (d, row) in t.rows.iter().enumerate() {
        let w = &label_words[d];
        if w.len() < 3 || w[0] != "divided" || w[1] != "by" {
            continue;
        }
        let above = (0..d)
            .rev()
            .find(|&k| t.rows[k].kind != RowKind::Heading && t.rows[k].section == row.section);
        let below = (d + 1..t.rows.len())
            .find(|&k| t.rows[k].kind != RowKind::Heading && t.rows[k].section == row.section);
        let (Some(num), Some(res)) = (above, below) else {
            continue;
        };
        if t.rows[num].unit != Some(Unit::Money) || !is_rate(t.rows[res].unit) {
            continue;
        }
        // Named once for all the columns.
        let (a, b, c) = (name(t, res), name(t, num), name(t, d));
        for column in 0..t.columns.len() {
            quotient(t, [res, num, d], [&a, &b, &c], column, out);
        }
    }
}

/// Checks `t[res][c]` against `t[num][c] / t[den][c]`; `names` are the three rows' [`name`]s.
fn quotient(t: &Table, rows: [usize; 3], names: [&str; 3], c: usize, out: &mut Vec<Check>) {
    let [res, num, den] = rows;
    let (Some(r), Some(n), Some(d)) = (
        figure(&t.rows[res], c),
        figure(&t.rows[num], c),
        figure(&t.rows[den], c),
    ) else {
        return;
    };
    let cells = vec![
        CellRef::new(t, res, c),
        CellRef::new(t, num, c),
        CellRef::new(t, den, c),
    ];
    let period = &t.columns[c].label;
    let Some(q) = n.interval.checked_div(d.interval) else {
        out.push(Check {
            kind: CheckKind::Recompute,
            status: Status::NotCheckable,
            reported: Some(r.value),
            recomputed: None,
            tolerance: None,
            explanation: super::format_in!(
                super::SENTENCE,
                "{} ({period}) cannot be recomputed: its divisor {} could be zero.",
                names[0],
                names[2]
            ),
            cells,
            claim: None,
        });
        return;
    };
    let exact = if d.value.is_zero() {
        q.mid()
    } else {
        n.value / d.value
    };
    let holds = q.meets(&r.interval);
    let parts = super::format_in!(
        super::PHRASE,
        "{} {} divided by {} {} gives {}",
        names[1],
        show(n.value, 4),
        names[2],
        show(d.value, 4),
        show(exact, 4)
    );
    let explanation = if holds {
        super::format_in!(
            super::SENTENCE,
            "{} ({period}) is {}, and {parts}.",
            names[0],
            show(r.value, 4)
        )
    } else {
        super::format_in!(
            super::SENTENCE,
            "{} ({period}) is printed as {}, but {parts} (between {} and {} for any values those rounded figures can stand for).",
            names[0],
            show(r.value, 4),
            show(q.lo, 4),
            show(q.hi, 4)
        )
    };
    out.push(Check {
        kind: CheckKind::Recompute,
        status: if holds { Status::Ok } else { Status::Mismatch },
        reported: Some(r.value),
        recomputed: Some(exact.round_dp(6)),
        tolerance: Some(Tolerance::new(
            q,
            "quotient of two rounded figures, each within half a unit of its last digit",
        )),
        explanation,
        cells,
        claim: None,
    });
}

fn per_share(t: &Table, w: super::TableWords, out: &mut Vec<Check>) {
    let has = |k: usize, x: &str| w[k].contains(&x);
    let unique = |pred: &dyn Fn(usize) -> bool| -> Option<usize> {
        let mut it = (0..t.rows.len()).filter(|&k| pred(k));
        let first = it.next()?;
        it.next().is_none().then_some(first)
    };
    let money = |k: usize| t.rows[k].unit == Some(Unit::Money);
    let income = unique(&|k| {
        money(k)
            && has(k, "common")
            && (has(k, "applicable") || has(k, "attributable") || has(k, "available"))
    })
    .or_else(|| {
        unique(&|k| {
            money(k)
                && has(k, "net")
                && (has(k, "income") || has(k, "earnings") || has(k, "loss"))
                && w[k].len() <= 4
        })
    });
    let Some(income) = income else { return };
    let shares = |kind: &str| {
        unique(&|k| t.rows[k].unit == Some(Unit::Shares) && has(k, "weighted") && has(k, kind))
    };
    let (basic, diluted) = (shares("basic"), shares("diluted"));
    // Named once for all the rows and columns.
    let income_name = name(t, income);
    let share_names = [basic, diluted].map(|s| s.map(|k| (k, name(t, k))));
    for (k, row) in t.rows.iter().enumerate() {
        if row.unit != Some(Unit::MoneyPerShare)
            || !(has(k, "income") || has(k, "earnings") || has(k, "loss"))
            || crate::meaning::concept::is_payout(&w[k])
        {
            continue;
        }
        let k_name = name(t, k);
        let says_basic = has(k, "basic");
        let says_diluted = has(k, "diluted");
        for c in 0..t.columns.len() {
            let loss = figure(&t.rows[income], c).is_some_and(|f| f.value < Decimal::ZERO);
            let [basic, diluted] = &share_names;
            let mut divisors = Vec::new();
            if says_basic || !says_diluted || loss {
                divisors.extend(basic);
            }
            if says_diluted && !loss {
                divisors.extend(diluted);
            }
            for (den, den_name) in divisors {
                quotient(
                    t,
                    [k, income, *den],
                    [&k_name, &income_name, den_name],
                    c,
                    out,
                );
            }
        }
    }
}
