//! The value axis: a "nice" range and tick marks for a set of decimals.
//!
//! Tick values are `Decimal`s (1, 2, 2.5 or 5 times a power of ten) so tick labels print
//! exactly ("0.3", never "0.30000000000000004"); positions are `f64` because they only
//! become pixels. Any value `Decimal` can hold is accepted: arithmetic that could overflow is
//! checked, and a range with no sensible ticks falls back to its two ends.

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Scale {
    pub lo: f64,
    pub hi: f64,
    pub ticks: Vec<Decimal>,
}

impl Scale {
    /// Maps a value to a pixel between `from` (at `lo`) and `to` (at `hi`).
    pub fn px(&self, v: f64, from: i32, to: i32) -> i32 {
        let span = self.hi - self.lo;
        let t = if span > 0.0 {
            (v - self.lo) / span
        } else {
            0.5
        };
        let p = f64::from(from) + t.clamp(-0.05, 1.05) * f64::from(to - from);
        p.round() as i32
    }

    pub fn contains_zero(&self) -> bool {
        self.lo <= 0.0 && self.hi >= 0.0
    }
}

pub(crate) fn to_f64(v: Decimal) -> f64 {
    v.to_f64().unwrap_or(0.0)
}

/// A scale covering `values` (and zero when `include_zero`), widened by `headroom` (a
/// fraction of the range) on each side that has data, with about `target` ticks.
pub(crate) fn nice_scale(
    values: impl IntoIterator<Item = Decimal>,
    include_zero: bool,
    headroom: f64,
    target: usize,
) -> Scale {
    let mut lo = f64::INFINITY;
    let mut hi = f64::NEG_INFINITY;
    for v in values {
        let f = to_f64(v);
        lo = lo.min(f);
        hi = hi.max(f);
    }
    if !lo.is_finite() || !hi.is_finite() {
        (lo, hi) = (0.0, 1.0);
    }
    if include_zero {
        lo = lo.min(0.0);
        hi = hi.max(0.0);
    }
    if lo == hi {
        // One distinct value: zero gets a unit range above it, others ±10%.
        let pad = lo.abs() * 0.1;
        (lo, hi) = if lo == 0.0 {
            (0.0, 1.0)
        } else {
            (lo - pad, hi + pad)
        };
    }
    let range = hi - lo;
    if hi > 0.0 {
        hi += range * headroom;
    }
    if lo < 0.0 {
        lo -= range * headroom;
    }
    match ticks(lo, hi, target.max(2)) {
        Some((step, first, last)) => {
            // Every tick printed with the step's decimals: 11.0, 11.5, 12.0 rather than 11, 11.5, 12.
            let places = step.normalize().scale();
            let ticks: Option<Vec<Decimal>> = (first..=last)
                .map(|k| {
                    crate::decimal::checked_mul(step, Decimal::from(k)).map(|t| {
                        let mut t = t.normalize();
                        t.rescale(places);
                        t
                    })
                })
                .collect();
            let step_f = to_f64(step);
            // Round the range out to whole steps unless that would waste more than a quarter
            // step of room on a side; then end at the data and drop the tick beyond it.
            let (first_f, last_f) = (first as f64 * step_f, last as f64 * step_f);
            let lo = if first_f < lo - step_f * 0.25 {
                lo
            } else {
                first_f
            };
            let hi = if last_f > hi + step_f * 0.25 {
                hi
            } else {
                last_f
            };
            match ticks {
                Some(ticks) => {
                    let ticks = ticks
                        .into_iter()
                        .filter(|t| (lo..=hi).contains(&to_f64(*t)))
                        .collect();
                    Scale { lo, hi, ticks }
                }
                None => Scale {
                    lo,
                    hi,
                    ticks: Vec::new(),
                },
            }
        }
        None => Scale {
            lo,
            hi,
            ticks: Vec::new(),
        },
    }
}

/// The step and the first and last multiples of it that cover `lo..=hi`.
fn ticks(lo: f64, hi: f64, target: usize) -> Option<(Decimal, i64, i64)> {
    let raw = (hi - lo) / target as f64;
    if !(raw.is_finite() && raw > 0.0) {
        return None;
    }
    let exp = raw.log10().floor() as i32;
    let frac = raw / 10f64.powi(exp);
    // Multipliers in tenths: 1, 2, 2.5, 5, 10.
    let tenths: i64 = match frac {
        f if f <= 1.0 => 10,
        f if f <= 2.0 => 20,
        f if f <= 2.5 => 25,
        f if f <= 5.0 => 50,
        _ => 100,
    };
    let step = if exp >= 0 {
        let pow = Decimal::try_from_i128_with_scale(10i128.checked_pow(exp as u32)?, 0).ok()?;
        crate::decimal::checked_mul(Decimal::try_new(tenths, 1).ok()?, pow)?
    } else {
        Decimal::try_new(tenths, 1 + exp.unsigned_abs()).ok()?
    };
    let step_f = to_f64(step);
    if step_f <= 0.0 {
        return None;
    }
    let first = (lo / step_f).floor();
    let last = (hi / step_f).ceil();
    if !(first.is_finite() && last.is_finite()) || last - first > 4.0 * target as f64 + 4.0 {
        return None;
    }
    Some((step, first as i64, last as i64))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn covers_negatives_and_zero() {
        let s = nice_scale([d("-4.91"), d("0.59"), d("-2.58"), d("1.48")], true, 0.0, 5);
        assert!(s.lo <= -4.91 && s.hi >= 1.48, "{s:?}");
        assert!(s.ticks.contains(&Decimal::ZERO));
        assert!(
            s.ticks.iter().all(|t| !t.to_string().contains("000000")),
            "{s:?}"
        );
        let s = nice_scale([d("11.22"), d("13.12")], false, 0.0, 5);
        let shown: Vec<String> = s.ticks.iter().map(|t| t.to_string()).collect();
        assert_eq!(shown, ["11.5", "12.0", "12.5", "13.0"]);
    }

    #[test]
    fn survives_extremes() {
        let s = nice_scale([Decimal::MAX, Decimal::MIN], true, 0.1, 5);
        assert!(s.lo < s.hi);
        let s = nice_scale([d("0.0000000000000000000000000001")], false, 0.0, 5);
        assert!(s.lo < s.hi);
        let s = nice_scale([], true, 0.1, 5);
        assert!(s.lo <= 0.0 && s.hi > 0.0);
        let s = nice_scale([d("7")], true, 0.0, 5);
        assert!(s.lo == 0.0 && s.hi >= 7.0, "{s:?}");
        let s = nice_scale([d("-7")], true, 0.0, 5);
        assert!(s.hi == 0.0 && s.lo <= -7.0, "{s:?}");
    }
}
