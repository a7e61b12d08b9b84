//! Decimal arithmetic through one compiled copy. rust_decimal marks its multiply and add
//! `#[inline(always)]`, so each of its operators (`+`, `-`, `+=`, `-=`, `*`, `*=`) and each
//! `checked_add`/`checked_mul` call site is another copy of it (1.7 KB, 1.3 KB) in the wasm.
//! Outside tests, compute with [`Amount`], a `Decimal` whose operators call [`add`], [`sub`]
//! and [`mul`] here (or use [`checked_add`], [`checked_mul`]), never with `Decimal`'s own
//! operators: `scripts/size-budget.sh` fails when the wasm holds an operator's copy.
//!
//! The wasm is built for size and holds one copy of each; the native build (the CLI, built
//! for speed) inlines them at every call site, as rust_decimal's operators are: 73 K fewer
//! instructions in the seed's analysis.

use rust_decimal::Decimal;

/// `a × b`, or `None` when the product overflows `Decimal`.
#[cfg_attr(target_arch = "wasm32", inline(never))]
#[cfg_attr(not(target_arch = "wasm32"), inline(always))]
pub(crate) fn checked_mul(a: Decimal, b: Decimal) -> Option<Decimal> {
    a.checked_mul(b)
}

/// `a + b`, or `None` when the sum overflows `Decimal`.
#[cfg_attr(target_arch = "wasm32", inline(never))]
#[cfg_attr(not(target_arch = "wasm32"), inline(always))]
pub(crate) fn checked_add(a: Decimal, b: Decimal) -> Option<Decimal> {
    a.checked_add(b)
}

/// `a + b`, or the end of `Decimal`'s range on that side when the sum overflows (amounts are
/// read within limits that keep every sum the analysis makes far inside the range; an
/// interval that reaches past it only widens, so it never raises an alarm).
fn add(a: Decimal, b: Decimal) -> Decimal {
    checked_add(a, b).unwrap_or(if a.is_sign_negative() {
        Decimal::MIN
    } else {
        Decimal::MAX
    })
}

/// `a − b`, saturating as [`add`] does. `a + (−b)` is zero with a minus sign when `a = b`,
/// where rust_decimal's `-` gives plain zero; the JSON would print "-0".
fn sub(a: Decimal, b: Decimal) -> Decimal {
    let d = add(a, -b);
    if d.is_zero() {
        d.abs()
    } else {
        d
    }
}

/// `a × b`, saturating as [`add`] does.
fn mul(a: Decimal, b: Decimal) -> Decimal {
    checked_mul(a, b).unwrap_or(if a.is_sign_negative() != b.is_sign_negative() {
        Decimal::MIN
    } else {
        Decimal::MAX
    })
}

/// A `Decimal` to compute with: `+`, `-`, `*`, `+=`, `-=`, `*=` and `.sum()` go through
/// [`add`], [`sub`] and [`mul`] (one compiled copy each in the wasm; they saturate at the ends
/// of `Decimal`'s range), `/` and unary `-` are rust_decimal's own, which are not inlined.
/// The right-hand side may be an `Amount` or a plain `Decimal`; `.0` is the result:
/// `(Amount(now) - then).0`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Amount(pub(crate) Decimal);

impl From<Amount> for Decimal {
    fn from(a: Amount) -> Decimal {
        a.0
    }
}

/// `Amount $op T` and `Amount $op= T` through the one body `$body`.
macro_rules! operator {
    ($Op:ident $op:ident $OpAssign:ident $op_assign:ident $body:ident) => {
        impl<T: Into<Decimal>> std::ops::$Op<T> for Amount {
            type Output = Amount;
            #[inline]
            fn $op(self, b: T) -> Amount {
                Amount($body(self.0, b.into()))
            }
        }

        impl<T: Into<Decimal>> std::ops::$OpAssign<T> for Amount {
            #[inline]
            fn $op_assign(&mut self, b: T) {
                self.0 = $body(self.0, b.into());
            }
        }
    };
}

operator!(Add add AddAssign add_assign add);
operator!(Sub sub SubAssign sub_assign sub);
operator!(Mul mul MulAssign mul_assign mul);

impl<T: Into<Decimal>> std::ops::Div<T> for Amount {
    type Output = Amount;
    #[inline]
    fn div(self, b: T) -> Amount {
        Amount(self.0 / b.into())
    }
}

impl std::ops::Neg for Amount {
    type Output = Amount;
    #[inline]
    fn neg(self) -> Amount {
        Amount(-self.0)
    }
}

impl<T: Into<Decimal>> std::iter::Sum<T> for Amount {
    /// Adds as `+` does (rust_decimal's `Sum` is its own `+`).
    fn sum<I: Iterator<Item = T>>(xs: I) -> Amount {
        xs.fold(Amount(Decimal::ZERO), |total, x| total + x)
    }
}

/// The most integer digits (leading zeros aside) an amount may have to be read as one: just
/// under a trillion units of what the table counts (thousands, millions, billions), past any
/// figure a release prints. With [`MAX_AMOUNT_DECIMALS`], it keeps
/// every sum, product and quotient the analysis and the charts make (a figure times its table's
/// scale, a change over a tiny base, an interval's ends) inside `Decimal`'s 28 digits, where a
/// 29-digit amount made the additions overflow and end the tab.
pub(crate) const MAX_AMOUNT_DIGITS: usize = 12;
/// The most decimal places an amount may have to be read as one (exercise prices and
/// exchange rates print five: "1.60786").
pub(crate) const MAX_AMOUNT_DECIMALS: usize = 6;

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

    #[test]
    fn arithmetic_saturates_at_the_ends_of_the_range() {
        assert_eq!(add(Decimal::MAX, Decimal::ONE), Decimal::MAX);
        assert_eq!(sub(Decimal::MIN, Decimal::ONE), Decimal::MIN);
        assert_eq!(
            mul(Decimal::MAX, Decimal::NEGATIVE_ONE * Decimal::TWO),
            Decimal::MIN
        );
        assert_eq!(mul(Decimal::MIN, Decimal::MIN), Decimal::MAX);
        // x − x is plain zero, as rust_decimal's `-` gives it, with the scale kept.
        let x = Decimal::new(-491, 2);
        assert_eq!(sub(x, x).to_string(), "0.00");
        // −4.91 + 0.59 + 1
        assert_eq!(
            [x, Decimal::new(59, 2), Decimal::ONE]
                .into_iter()
                .sum::<Amount>(),
            Amount(Decimal::new(-332, 2))
        );
    }

    /// A decimal of up to 18 digits at scale 0 to 6, either sign.
    fn small() -> impl Strategy<Value = Decimal> {
        (any::<i64>(), 0u32..=6).prop_map(|(m, scale)| Decimal::new(m, scale))
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 4000, failure_persistence: None, ..ProptestConfig::default() })]

        /// Within the range, `add`, `sub` and `mul` are rust_decimal's operators, to the
        /// printed digit (scale and the sign of zero included). (Products of two 18-digit
        /// numbers can pass 28 digits, where `*` would panic.)
        #[test]
        fn arithmetic_is_the_operators(a in small(), b in small()) {
            prop_assert_eq!(add(a, b).to_string(), (a + b).to_string());
            prop_assert_eq!(sub(a, b).to_string(), (a - b).to_string());
            if let Some(p) = a.checked_mul(b) {
                prop_assert_eq!(mul(a, b).to_string(), p.to_string());
            }
        }

        /// `Amount`'s operators are `add`, `sub` and `mul`, its `/` and `-` rust_decimal's.
        #[test]
        fn amount_operators_are_the_functions(a in small(), b in small().prop_filter("a divisor", |b| !b.is_zero())) {
            let (x, y) = (Amount(a), Amount(b));
            prop_assert_eq!((x + y).0.to_string(), add(a, b).to_string());
            prop_assert_eq!((x - b).0.to_string(), sub(a, b).to_string());
            prop_assert_eq!((x * b).0.to_string(), mul(a, b).to_string());
            prop_assert_eq!((-x).0, -a);
            if let Some(q) = a.checked_div(b) {
                prop_assert_eq!((x / y).0, q);
            }
            let mut z = x;
            z += b;
            z -= a;
            z *= b;
            prop_assert_eq!(z.0.to_string(), mul(sub(add(a, b), a), b).to_string());
        }

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
