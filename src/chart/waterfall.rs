//! The running totals of a waterfall, computed exactly, shared by the renderer and the data
//! table so both show the same walk.

use super::spec::{ChartSpec, Step};
use rust_decimal::Decimal;

/// One category of a waterfall walk.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WalkStep {
    pub step: Step,
    /// The value as printed; `None` when the release has none (the walk carries on).
    pub value: Option<Decimal>,
    /// Where the bar starts: zero for a total, the previous running total for a change.
    pub from: Decimal,
    /// The running total after this category.
    pub to: Decimal,
}

/// Walks the first series along the steps. A category whose value is absent, or whose sum
/// would overflow `Decimal`, leaves the running total where it was.
pub fn walk(spec: &ChartSpec) -> Vec<WalkStep> {
    let Some(series) = spec.series.first() else {
        return Vec::new();
    };
    let mut running = Decimal::ZERO;
    series
        .values
        .iter()
        .zip(&spec.steps)
        .map(|(value, &step)| {
            let (from, to) = match (step, value) {
                (Step::Total, Some(v)) => (Decimal::ZERO, *v),
                (Step::Delta, Some(v)) => (
                    running,
                    crate::decimal::checked_add(running, *v).unwrap_or(running),
                ),
                (_, None) => (running, running),
            };
            running = to;
            WalkStep {
                step,
                value: *value,
                from,
                to,
            }
        })
        .collect()
}
