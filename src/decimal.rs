//! Checked decimal arithmetic through one compiled copy. rust_decimal marks its multiply and
//! add `#[inline(always)]`, so each `checked_mul` or `checked_add` call site is another copy
//! of it (1.3 KB, 1.7 KB) in the wasm; call [`checked_mul`] and [`checked_add`] here instead.

use rust_decimal::Decimal;

/// `a × b`, or `None` when the product overflows `Decimal`.
#[inline(never)]
pub(crate) fn checked_mul(a: Decimal, b: Decimal) -> Option<Decimal> {
    a.checked_mul(b)
}

/// `a + b`, or `None` when the sum overflows `Decimal`.
#[inline(never)]
pub(crate) fn checked_add(a: Decimal, b: Decimal) -> Option<Decimal> {
    a.checked_add(b)
}

/// The most integer digits (leading zeros aside) an amount may have to be read as one: just
/// under a trillion units of what the table counts (thousands, millions, billions), past any
/// figure a release prints. With [`MAX_AMOUNT_DECIMALS`], it keeps
/// every sum, product and quotient the analysis and the charts make (a figure times its table's
/// scale, a change over a tiny base, an interval's ends) inside `Decimal`'s 28 digits, where a
/// 29-digit amount made the additions overflow and end the tab.
pub(crate) const MAX_AMOUNT_DIGITS: usize = 12;
/// The most decimal places an amount may have to be read as one.
pub(crate) const MAX_AMOUNT_DECIMALS: usize = 4;

/// Whether a number printed with these integer and fractional parts (commas allowed in
/// `int`) is within [`MAX_AMOUNT_DIGITS`] and [`MAX_AMOUNT_DECIMALS`].
pub(crate) fn amount_fits(int: &str, frac: &str) -> bool {
    let significant = int
        .bytes()
        .filter(u8::is_ascii_digit)
        .skip_while(|&b| b == b'0')
        .count();
    significant <= MAX_AMOUNT_DIGITS && frac.len() <= MAX_AMOUNT_DECIMALS
}

/// Reads a plain decimal exactly, keeping its scale ("1.50" stays 1.50): an optional minus,
/// digits, at most one point with digits on at least one side. `None` for anything else and
/// for values `Decimal` cannot hold exactly. Our own so the wasm needs no copy of
/// rust_decimal's parser, which also reads signs, underscores and rounds long fractions; the
/// tests hold the two to the same answers on what we read.
#[inline(never)]
pub(crate) fn parse_exact(s: &str) -> Option<Decimal> {
    let (negative, body) = match s.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, s),
    };
    let (int, frac) = body.split_once('.').unwrap_or((body, ""));
    if int.is_empty() && frac.is_empty() {
        return None;
    }
    let mut mantissa: u128 = 0;
    for b in int.bytes().chain(frac.bytes()) {
        if !b.is_ascii_digit() {
            return None;
        }
        mantissa = mantissa
            .checked_mul(10)?
            .checked_add(u128::from(b - b'0'))?;
    }
    if mantissa >> 96 != 0 || frac.len() > 28 {
        return None;
    }
    Some(Decimal::from_parts(
        mantissa as u32,
        (mantissa >> 32) as u32,
        (mantissa >> 64) as u32,
        negative,
        frac.len() as u32,
    ))
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn plain_decimals_read_exactly() {
        let shown = |s| parse_exact(s).map(|d| d.to_string());
        assert_eq!(shown("1.50").as_deref(), Some("1.50"));
        assert_eq!(shown("-4.91").as_deref(), Some("-4.91"));
        assert_eq!(shown(".5").as_deref(), Some("0.5"));
        assert_eq!(shown("0001341395").as_deref(), Some("1341395"));
        for bad in [
            "", "-", ".", "1.2.3", "--1", "1-2", "+1", "1_000", "1e5", " 1",
        ] {
            assert_eq!(parse_exact(bad), None, "{bad:?}");
        }
        // 2^96 - 1 is the largest mantissa; one more does not fit.
        assert!(parse_exact("79228162514264337593543950335").is_some());
        assert_eq!(parse_exact("79228162514264337593543950336"), None);
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 4000, failure_persistence: None, ..ProptestConfig::default() })]

        /// On what it reads, it reads what rust_decimal's exact parser reads, scale and sign
        /// included; what it refuses (signs, underscores, stray characters) is not a plain
        /// decimal.
        #[test]
        fn agrees_with_rust_decimal(s in "-?[0-9]{0,31}(\\.[0-9]{0,31})?") {
            let ours = parse_exact(&s);
            let theirs = Decimal::from_str_exact(&s).ok();
            match (ours, theirs) {
                (Some(a), Some(b)) => {
                    prop_assert_eq!(a.to_string(), b.to_string());
                    prop_assert_eq!(a.scale(), b.scale());
                }
                (None, None) => {}
                // rust_decimal reads "1." and "-" forms we refuse only where we say so.
                (a, b) => prop_assert!(false, "{s:?}: ours {a:?}, rust_decimal {b:?}"),
            }
        }
    }
}
