//! View models: what the page shows, derived from a document and its analysis, with no
//! browser types: the layout of a table with its change columns, and the checks in the
//! order a reader wants them (mismatches first).

use rust_decimal::Decimal;

use crate::analyze::{Analysis, Check, MetricKind, Status};
use crate::chart::format_change;
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

/// Changes by (table id, row, current column, prior column).
/// (The analysis's Fx-hashed map: SipHash would be one more hasher in the wasm.)
pub type Changes = crate::analyze::FxMap<(Text, usize, usize, usize), ChangeCell>;

/// Every change metric, keyed for the table view.
pub fn changes(analysis: &Analysis) -> Changes {
    let mut out = Changes::default();
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
        out.insert((now.table.clone(), now.row, now.column, then.column), cell);
    }
    out
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
