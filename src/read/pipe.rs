//! Markdown pipe tables (releases scraped from web pages) → raw tables. (Filled in below.)

use super::fixed::Line;
use super::table::RawTable;

/// (first index, last index, table) for each pipe table in `lines`.
pub(crate) fn read(_lines: &[Line]) -> Vec<(usize, usize, RawTable)> {
    Vec::new()
}
