//! Periods across releases: when two columns are the same period, and what comes a quarter
//! before. A fiscal calendar of 13-week quarters ends its quarters on a Saturday, so one
//! quarter is "Sep 30, 2004" in one release and "Sep 25, 2004" in the next: ends within a
//! week of each other with the same length are one period.

use crate::document::Date;

/// How far apart two printed ends of one period may be, in days.
pub const SAME_PERIOD_DAYS: i64 = 7;

/// Days from `a` to `b`.
pub fn days_between(a: Date, b: Date) -> i64 {
    b.day_number() - a.day_number()
}

/// Two ends of the same period: within a week of each other.
pub fn same_end(a: Date, b: Date) -> bool {
    days_between(a, b).abs() <= SAME_PERIOD_DAYS
}

/// The date `months` calendar months before `d`, its day kept where the month has it and
/// else the month's last (three months before May 31 is Feb 28).
pub fn months_before(d: Date, months: u32) -> Date {
    add_months(d, -i64::from(months))
}

/// The date `months` calendar months after `d` (before, when negative), its day kept where
/// the month has it and else the month's last.
pub fn add_months(d: Date, months: i64) -> Date {
    let index = i64::from(d.year) * 12 + i64::from(d.month) - 1 + months;
    if !(0..=9999 * 12).contains(&index) {
        return d;
    }
    let year = index.div_euclid(12) as u16;
    let month = (index.rem_euclid(12) + 1) as u8;
    (1..=d.day)
        .rev()
        .find_map(|day| Date::new(year, month, day))
        .unwrap_or(d)
}

/// The ordinal a column header gives a quarter when it names no date ("Fourth Quarter",
/// "First Quarter"): 1 to 4, or `None`.
pub fn quarter_named(label: &str) -> Option<u8> {
    let w = crate::meaning::words(label);
    if !w.iter().any(|x| x == "quarter") || w.iter().any(|x| x.bytes().all(|b| b.is_ascii_digit()))
    {
        return None;
    }
    let names = ["first", "second", "third", "fourth"];
    let mut found = w.iter().filter_map(|x| names.iter().position(|n| n == x));
    let q = found.next()?;
    found.next().is_none().then_some(q as u8 + 1)
}

/// The ends of a run of quarter columns that name no dates ("Fourth Quarter", "Third
/// Quarter", … as a trend table prints them), dated from the release's own quarter: the
/// names must step one quarter at a time, newest first (the first column is the release's
/// quarter) or oldest first (the last is). `None` when they do not.
pub fn date_quarter_names(names: &[u8], release_end: Date) -> Option<Vec<Date>> {
    let step = |a: u8, b: u8| (a % 4) + 1 == b;
    let newest_first = names.windows(2).all(|p| step(p[1], p[0]));
    let oldest_first = names.windows(2).all(|p| step(p[0], p[1]));
    let n = names.len();
    if n < 2 || !(newest_first || oldest_first) {
        return None;
    }
    Some(
        (0..n)
            .map(|i| {
                let back = if newest_first { i } else { n - 1 - i };
                months_before(release_end, 3 * back as u32)
            })
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: u16, m: u8, day: u8) -> Date {
        Date::new(y, m, day).unwrap()
    }

    #[test]
    fn thirteen_week_quarters_are_one_period() {
        assert!(same_end(d(2004, 9, 30), d(2004, 9, 25)));
        assert!(same_end(d(2005, 12, 31), d(2006, 1, 1)));
        assert!(!same_end(d(2004, 9, 30), d(2004, 12, 31)));
        assert_eq!(d(1970, 1, 1).day_number(), 0);
        assert_eq!(days_between(d(2000, 2, 28), d(2000, 3, 1)), 2);
    }

    #[test]
    fn quarters_before() {
        assert_eq!(months_before(d(2023, 5, 31), 3), d(2023, 2, 28));
        assert_eq!(months_before(d(2023, 5, 31), 6), d(2022, 11, 30));
        assert_eq!(months_before(d(2005, 1, 31), 3), d(2004, 10, 31));
    }

    #[test]
    fn quarter_names_are_dated_from_the_release() {
        assert_eq!(quarter_named("Fourth Quarter"), Some(4));
        assert_eq!(quarter_named("Fourth Quarter 2023"), None);
        assert_eq!(quarter_named("Three Months Ended"), None);
        let ends = date_quarter_names(&[1, 4, 3, 2, 1], d(2023, 8, 31)).unwrap();
        assert_eq!(ends[0], d(2023, 8, 31));
        assert_eq!(ends[1], d(2023, 5, 31));
        assert_eq!(ends[4], d(2022, 8, 31));
        assert!(date_quarter_names(&[1, 3], d(2023, 8, 31)).is_none());
        let up = date_quarter_names(&[3, 4], d(2023, 5, 31)).unwrap();
        assert_eq!(up, [d(2023, 2, 28), d(2023, 5, 31)]);
    }
}
