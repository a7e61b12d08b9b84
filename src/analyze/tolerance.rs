//! What a printed figure can stand for, and arithmetic on those ranges.
//!
//! A figure printed as `21` (million) stands for anything in [20.5, 21.5): the half unit of its
//! last printed digit, times its scale. Sums, differences and quotients of rounded figures are
//! checked against the interval their rounded inputs allow, so rounding never raises an alarm
//! while a difference of one unit in the last printed digit (two intervals that do not meet)
//! is still caught. Intervals here are closed, which is the generous reading at the edges.
//!
//! Words in narrative ("approximately", "more than", "almost") change the interval the way a
//! reader would: see [`Qualifier`].

use rust_decimal::Decimal;

use crate::decimal::Amount;

/// A closed interval of exact decimals.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Interval {
    pub lo: Decimal,
    pub hi: Decimal,
}

impl Interval {
    pub fn exact(x: Decimal) -> Interval {
        Interval { lo: x, hi: x }
    }

    /// `x ± half`.
    pub fn around(x: Decimal, half: Decimal) -> Interval {
        Interval {
            lo: (Amount(x) - half).0,
            hi: (Amount(x) + half).0,
        }
    }

    /// The interval a printed value stands for: `value` as printed (its decimal places are its
    /// precision), multiplied by `factor` (the row's scale).
    pub fn printed(value: Decimal, factor: Decimal) -> Interval {
        let half = (Amount(half_unit(value)) * factor).0;
        Interval::around((Amount(value) * factor).0, half)
    }

    /// How far apart the ends are.
    pub fn width(&self) -> Decimal {
        (Amount(self.hi) - self.lo).0
    }

    /// The midpoint, the best single estimate.
    pub fn mid(&self) -> Decimal {
        ((Amount(self.lo) + self.hi) / Decimal::TWO).0
    }

    /// The quotient; `None` when the divisor's interval contains zero (anything goes).
    pub fn checked_div(self, o: Interval) -> Option<Interval> {
        if o.lo <= Decimal::ZERO && o.hi >= Decimal::ZERO {
            return None;
        }
        let inv = Interval {
            lo: Decimal::ONE.checked_div(o.hi)?,
            hi: Decimal::ONE.checked_div(o.lo)?,
        };
        Some(self * inv)
    }

    /// Closed intervals share a point: the test for quotients, where the edges are generous.
    pub fn meets(&self, o: &Interval) -> bool {
        self.lo <= o.hi && o.lo <= self.hi
    }

    /// The intervals share more than an edge. Printed figures stand for half-open intervals
    /// ([x - h, x + h)), so two figures one unit apart in the same precision touch only at an
    /// edge that neither can reach: that is a difference, not rounding.
    pub fn overlaps(&self, o: &Interval) -> bool {
        self.lo < o.hi && o.lo < self.hi
    }

    /// Two figures can stand for the same amount: their intervals overlap, or, when either
    /// is a single exact point, touch.
    pub fn agrees(&self, o: &Interval) -> bool {
        if self.lo == self.hi || o.lo == o.hi {
            self.meets(o)
        } else {
            self.overlaps(o)
        }
    }

    pub fn contains(&self, x: Decimal) -> bool {
        self.lo <= x && x <= self.hi
    }

    /// Rounded for display (outward, so the shown interval still holds what was tested).
    pub fn shown(&self) -> Interval {
        use rust_decimal::RoundingStrategy::{ToNegativeInfinity, ToPositiveInfinity};
        Interval {
            lo: self
                .lo
                .round_dp_with_strategy(6, ToNegativeInfinity)
                .normalize(),
            hi: self
                .hi
                .round_dp_with_strategy(6, ToPositiveInfinity)
                .normalize(),
        }
    }
}

impl std::ops::Add for Interval {
    type Output = Interval;
    fn add(self, o: Interval) -> Interval {
        Interval {
            lo: (Amount(self.lo) + o.lo).0,
            hi: (Amount(self.hi) + o.hi).0,
        }
    }
}

impl std::ops::Neg for Interval {
    type Output = Interval;
    fn neg(self) -> Interval {
        Interval {
            lo: -self.hi,
            hi: -self.lo,
        }
    }
}

impl std::ops::Sub for Interval {
    type Output = Interval;
    fn sub(self, o: Interval) -> Interval {
        self + -o
    }
}

impl std::ops::Mul for Interval {
    type Output = Interval;
    fn mul(self, o: Interval) -> Interval {
        let (lo, hi) = (Amount(self.lo), Amount(self.hi));
        let p = [(lo * o.lo).0, (lo * o.hi).0, (hi * o.lo).0, (hi * o.hi).0];
        let lo = p.iter().copied().fold(p[0], Decimal::min);
        let hi = p.iter().copied().fold(p[0], Decimal::max);
        Interval { lo, hi }
    }
}

/// Half a unit in the last printed digit: `0.30` → 0.005, `21` → 0.5.
pub fn half_unit(printed: Decimal) -> Decimal {
    Decimal::new(5, printed.scale() + 1)
}

/// How a sentence qualifies a figure, and so what a reader would accept.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Qualifier {
    /// No qualifying word: the printed precision alone.
    Plain,
    /// "approximately", "about", "around", "roughly", "some": one whole unit of the last
    /// printed digit either way.
    About,
    /// "almost", "nearly", "just under": up to 5% below the figure, and not above it (beyond
    /// its printed precision).
    Almost,
    /// "more than", "over", "exceeding", "above": strictly above.
    MoreThan,
    /// "less than", "under", "below": strictly below.
    LessThan,
    /// "at least": not below.
    AtLeast,
}

impl Qualifier {
    /// The qualifier named by the words just before a figure, if any.
    pub fn from_words(before: &str) -> Qualifier {
        // Only the last words matter.
        let mut from = before.len().saturating_sub(24);
        while !before.is_char_boundary(from) {
            from -= 1;
        }
        let b = before[from..].to_ascii_lowercase();
        let b = b.trim_end();
        let ends = |w: &str| b.ends_with(w);
        if ends("approximately") || ends("about") || ends("around") || ends("roughly") {
            Qualifier::About
        } else if ends("almost") || ends("nearly") || ends("just under") {
            Qualifier::Almost
        } else if ends("more than") || ends("over") || ends("exceeding") || ends("above") {
            Qualifier::MoreThan
        } else if ends("less than") || ends("under") || ends("below") || ends("fewer than") {
            Qualifier::LessThan
        } else if ends("at least") {
            Qualifier::AtLeast
        } else {
            Qualifier::Plain
        }
    }

    /// The interval a figure printed as `value` × `factor` allows under this qualifier.
    pub fn interval(self, value: Decimal, factor: Decimal) -> Interval {
        let x = Amount(value) * factor;
        let half = Amount(half_unit(value)) * factor;
        // Far enough to stand for "unbounded" against any figure a release prints.
        let far = Decimal::from(1_000_000_000_000_000_i64);
        match self {
            Qualifier::Plain => Interval::around(x.0, half.0),
            Qualifier::About => Interval::around(x.0, (half * Decimal::TWO).0),
            Qualifier::Almost => {
                let slack = (x * Decimal::new(5, 2)).0.abs();
                Interval {
                    lo: (x - slack - half).0,
                    hi: (x + half).0,
                }
            }
            Qualifier::MoreThan | Qualifier::AtLeast => Interval { lo: x.0, hi: far },
            Qualifier::LessThan => Interval { lo: -far, hi: x.0 },
        }
    }

    /// The words, for explanations.
    pub fn words(self) -> &'static str {
        match self {
            Qualifier::Plain => "as printed",
            Qualifier::About => "approximately",
            Qualifier::Almost => "almost",
            Qualifier::MoreThan => "more than",
            Qualifier::LessThan => "less than",
            Qualifier::AtLeast => "at least",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn printed_precision() {
        let i = Interval::printed(d("21"), d("1000000"));
        assert_eq!((i.lo, i.hi), (d("20500000"), d("21500000")));
        let i = Interval::printed(d("0.30"), Decimal::ONE);
        assert_eq!((i.lo, i.hi), (d("0.295"), d("0.305")));
    }

    #[test]
    fn quotient_of_rounded_figures() {
        // (6,615) / 1,341 in thousands: [-6615.5/1340.5, -6614.5/1341.5] ≈ [-4.9351, -4.9307]
        let q = Interval::printed(d("-6615"), Decimal::ONE)
            .checked_div(Interval::printed(d("1341"), Decimal::ONE))
            .unwrap();
        assert!(q.contains(d("-4.933")));
        assert!(!q.meets(&Interval::printed(d("-4.91"), Decimal::ONE)));
        assert!(q.meets(&Interval::printed(d("-4.93"), Decimal::ONE)));
        assert!(Interval::printed(d("1"), Decimal::ONE)
            .checked_div(Interval::printed(d("0"), Decimal::ONE))
            .is_none());
    }

    #[test]
    fn one_unit_apart_do_not_meet() {
        let a = Interval::printed(d("46984"), Decimal::ONE);
        let b = Interval::printed(d("46985"), Decimal::ONE);
        assert!(a.meets(&b), "closed intervals touch at 46984.5");
        assert!(!a.overlaps(&b), "but rounding cannot give both");
        assert!(!a.agrees(&b));
        // $0.88 (diluted) is not $0.89 (basic); an exact amount on the edge still agrees.
        let cents = |s| Interval::printed(d(s), Decimal::ONE);
        assert!(!cents("0.88").agrees(&cents("0.89")));
        assert!(Interval::exact(d("0.885")).agrees(&cents("0.89")));
        assert!(cents("0.9").agrees(&cents("0.89")));
        assert!(a.overlaps(&Interval::printed(d("47"), d("1000"))));
    }

    #[test]
    fn qualifiers() {
        assert_eq!(
            Qualifier::from_words("totaling approximately"),
            Qualifier::About
        );
        assert_eq!(
            Qualifier::from_words("increased more than"),
            Qualifier::MoreThan
        );
        let almost = Qualifier::Almost.interval(d("200"), Decimal::ONE);
        assert!(almost.contains(d("195")) && !almost.contains(d("185")));
        assert!(!Qualifier::MoreThan
            .interval(d("10"), Decimal::ONE)
            .contains(d("9.9")));
    }
}
