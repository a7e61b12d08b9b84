//! Metrics (to be filled).
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::CellRef;
use crate::document::Document;

#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[serde(rename_all = "snake_case")]
pub enum MetricKind {
    Change,
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Metric {
    pub kind: MetricKind,
    pub label: String,
    pub value: Option<Decimal>,
    pub unit: String,
    pub inputs: Vec<CellRef>,
}

pub fn metrics(_doc: &Document) -> Vec<Metric> {
    Vec::new()
}
