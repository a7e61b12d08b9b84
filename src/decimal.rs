//! Checked decimal arithmetic through one compiled copy. rust_decimal marks its multiply
//! `#[inline(always)]`, so each `checked_mul` call site is another copy of it (1.3 KB) in the
//! wasm; call [`checked_mul`] here instead.

use rust_decimal::Decimal;

/// `a × b`, or `None` when the product overflows `Decimal`.
#[inline(never)]
pub(crate) fn checked_mul(a: Decimal, b: Decimal) -> Option<Decimal> {
    a.checked_mul(b)
}
