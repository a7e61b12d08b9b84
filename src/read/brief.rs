//! Wire briefs ("Shr loss 18 cts vs loss one ct") → a small table of current vs prior.

use super::fixed::Line;
use super::table::RawTable;

pub(crate) fn read(_lines: &[Line]) -> Option<(RawTable, usize, usize)> {
    None
}
