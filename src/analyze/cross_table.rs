//! Cross-table agreement (to be filled).
use super::Check;
use crate::document::Document;

pub fn checks(_doc: &Document) -> Vec<Check> {
    Vec::new()
}
