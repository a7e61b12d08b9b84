//! View models: what the page shows, derived from a document and its analysis, with no
//! browser types: the layout of a table with its change columns, and the checks in the
//! order a reader wants them (mismatches first).

use rust_decimal::Decimal;

use crate::analyze::{Analysis, Check, MetricKind, Status};
use crate::chart::{format_change, format_value};
use crate::document::{Table, Text};

/// One column of a rendered table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TableColumn {
    /// The table's own column `i`, as printed.
    Printed(usize),
    /// The change from column `prior` to column `current` (same length, a year apart).
    Change { current: usize, prior: usize },
}

/// The columns to draw for `table`: the printed ones, each comparable pair followed by its
/// change column.
pub fn table_columns(table: &Table, analysis: &Analysis) -> Vec<TableColumn> {
    let mut pairs: Vec<(usize, usize)> = analysis
        .metrics
        .iter()
        .filter(|m| m.kind == MetricKind::Change)
        .filter_map(|m| match m.inputs.as_slice() {
            [now, then] if now.table == table.id => Some((now.column, then.column)),
            _ => None,
        })
        .collect();
    crate::sort::dedup(&mut pairs);
    let mut columns = Vec::with_capacity(table.columns.len() + pairs.len());
    for i in 0..table.columns.len() {
        columns.push(TableColumn::Printed(i));
        for &(current, prior) in pairs.iter().filter(|(a, b)| *a.max(b) == i) {
            columns.push(TableColumn::Change { current, prior });
        }
    }
    columns
}

/// The change shown in a table cell: a percent, or why there is none.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ChangeCell {
    Percent(Decimal),
    /// A change of a rate or ratio, in points.
    Points(Decimal),
    /// Percent of a zero or negative base means nothing; the note says why.
    NotMeaningful(String),
}

/// Changes by (table id, row, current column, prior column), sorted for binary search: a
/// list, not a hash map, so the wasm carries no hash table of its own for it.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Changes(Vec<ChangeKey>);

type ChangeKey = ((Text, usize, usize, usize), ChangeCell);

impl Changes {
    /// The change of `row` in `table` from column `prior` to column `current`.
    pub fn get(
        &self,
        table: &str,
        row: usize,
        current: usize,
        prior: usize,
    ) -> Option<&ChangeCell> {
        fn key(k: &ChangeKey) -> (&str, usize, usize, usize) {
            (&k.0 .0, k.0 .1, k.0 .2, k.0 .3)
        }
        let want = (table, row, current, prior);
        // The last of equal keys, as a map's last insert would win.
        let end = self.0.partition_point(|k| key(k) <= want);
        self.0[..end]
            .last()
            .filter(|k| key(k) == want)
            .map(|k| &k.1)
    }
}

/// Every change metric, keyed for the table view.
pub fn changes(analysis: &Analysis) -> Changes {
    let mut out = Vec::new();
    for m in analysis
        .metrics
        .iter()
        .filter(|m| m.kind == MetricKind::Change)
    {
        let [now, then] = m.inputs.as_slice() else {
            continue;
        };
        let cell = match (m.percent, m.value) {
            // Below −100% the figure crossed zero (a cost turned into a credit): a percent of
            // that reads as nonsense, as it would of a negative base.
            (Some(p), _) if p < -Decimal::ONE_HUNDRED => {
                ChangeCell::NotMeaningful("percent not meaningful: the sign changed".into())
            }
            (Some(p), _) => ChangeCell::Percent(p),
            (None, Some(v)) if m.unit == "percent" || m.unit == "ratio" => ChangeCell::Points(v),
            _ => ChangeCell::NotMeaningful(m.note.as_deref().unwrap_or("not meaningful").into()),
        };
        out.push(((now.table.clone(), now.row, now.column, then.column), cell));
    }
    crate::sort::by(&mut out, |a, b| a.0.cmp(&b.0));
    Changes(out)
}

impl ChangeCell {
    /// "+46.1%", "−4.0%", "+0.5 pts", "n.m.".
    pub fn text(&self) -> String {
        match self {
            ChangeCell::Percent(p) => format!("{}%", format_change(p.round_dp(1))),
            ChangeCell::Points(p) => format!("{} pts", format_change(p.round_dp(1))),
            ChangeCell::NotMeaningful(_) => "n.m.".into(),
        }
    }
}

/// A check's figures as a reader reads them: "reported 46,989,000, recomputed 46,984,000
/// (accepted 46,983,500 to 46,984,500: the first printing, …)"; `None` when it has none.
pub fn check_figures(check: &Check) -> Option<String> {
    let reported = format_value(check.reported?.normalize());
    let mut out = match check.recomputed {
        Some(r) => format!(
            "reported {reported}, recomputed {}",
            format_value(r.normalize())
        ),
        None => format!("reported {reported}"),
    };
    if let Some(t) = &check.tolerance {
        out.push_str(&format!(
            " (accepted {} to {}: {})",
            format_value(t.low.normalize()),
            format_value(t.high.normalize()),
            t.rule
        ));
    }
    Some(out)
}

/// Checks in reading order: mismatches, then claims that could not be checked, then the rest
/// that could not be checked, then those that agree.
pub fn checks_in_order(analysis: &Analysis) -> Vec<&Check> {
    let rank = |c: &Check| match (c.status, c.claim.is_some()) {
        (Status::Mismatch, _) => 0,
        (Status::NotCheckable, true) => 1,
        (Status::NotCheckable, false) => 2,
        (Status::Ok, _) => 3,
    };
    let mut checks: Vec<&Check> = analysis.checks.iter().collect();
    crate::sort::by_key(&mut checks, |c| rank(c));
    checks
}
