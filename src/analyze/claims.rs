//! Narrative claims (to be filled).
use super::{Check, Metric};
use crate::document::Document;

pub fn checks(_doc: &Document, _metrics: &[Metric]) -> Vec<Check> {
    Vec::new()
}
