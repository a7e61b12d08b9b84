//! Which columns a figure compares: the release's headline period and the same period a year
//! before, found by dates rather than by column positions.

use crate::document::{Column, Date, Document, Table};

/// The period a release leads with: the length and end date its statement says, else the
/// latest end date printed in any column, shortest period first (the quarter before the
/// year to date).
pub(crate) fn headline(doc: &Document) -> Option<(Date, u8)> {
    if let (Some(end), Some(months)) = (doc.period.end, doc.period.months) {
        return Some((end, months));
    }
    doc.tables
        .iter()
        .filter_map(|t| latest(&t.columns))
        .max_by(later)
}

/// The latest end date of `columns`, shortest period first.
fn latest(columns: &[Column]) -> Option<(Date, u8)> {
    columns
        .iter()
        .filter_map(|c| Some((c.end?, c.months?)))
        .max_by(later)
}

/// Orders (end, months) by end date, then the shorter period as the later.
fn later(a: &(Date, u8), b: &(Date, u8)) -> std::cmp::Ordering {
    a.0.cmp(&b.0).then(b.1.cmp(&a.1))
}

/// A table's current column and, when printed, the column for the same period one year
/// before.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Pair {
    pub current: usize,
    pub prior: Option<usize>,
}

/// The columns of `table` to compare: the release's headline period when the table prints
/// it, else the table's own latest period; the prior is the column of the same length ending
/// a year earlier (within a week, for fiscal calendars that end on a weekday).
pub(crate) fn pair(table: &Table, headline: Option<(Date, u8)>) -> Option<Pair> {
    let find = |(end, months): (Date, u8)| {
        table
            .columns
            .iter()
            .position(|c| c.end == Some(end) && c.months == Some(months))
    };
    let Some(current) = headline
        .and_then(find)
        .or_else(|| latest(&table.columns).and_then(find))
    else {
        return labelled_pair(table);
    };
    let cur = &table.columns[current];
    let (end, months) = (cur.end?, cur.months?);
    let target = days(end) - 365;
    let prior = table.columns.iter().position(|c| {
        c.months == Some(months)
            && c.end
                .is_some_and(|e| (days(e) - target).abs() <= 7 && e.year + 1 == end.year)
    });
    Some(Pair { current, prior })
}

/// For columns whose headers name no end date ("Q4 2024", "Q4 2023"): the latest column whose
/// label, with its year one less, is another column's label of the same length.
fn labelled_pair(table: &Table) -> Option<Pair> {
    // The undated columns by (label, length, position), so finding "the first column labelled
    // so" is a binary search and a table of any width stays linear.
    let mut undated: Vec<(&str, Option<u8>, usize)> = (table.columns.iter().enumerate())
        .filter(|(_, c)| c.end.is_none())
        .map(|(i, c)| (c.label.as_str(), c.months, i))
        .collect();
    crate::sort::by(&mut undated, Ord::cmp);
    let mut best: Option<(u16, Pair)> = None;
    for (a, ca) in table.columns.iter().enumerate() {
        let Some((at, year)) = last_year(&ca.label) else {
            continue;
        };
        let earlier = format!("{}{}{}", &ca.label[..at], year - 1, &ca.label[at + 4..]);
        let first = undated.partition_point(|&(l, m, _)| (l, m) < (earlier.as_str(), ca.months));
        let prior = (undated.get(first))
            .filter(|&&(l, m, _)| l == earlier && m == ca.months)
            .map(|&(_, _, i)| i);
        if let (None, Some(prior)) = (ca.end, prior) {
            if best.is_none_or(|(y, _)| year > y) {
                best = Some((
                    year,
                    Pair {
                        current: a,
                        prior: Some(prior),
                    },
                ));
            }
        }
    }
    best.map(|(_, p)| p)
}

/// The byte offset and value of the last four-digit year (1900–2099) in a label.
fn last_year(label: &str) -> Option<(usize, u16)> {
    let b = label.as_bytes();
    (0..b.len().saturating_sub(3)).rev().find_map(|i| {
        let digits = b[i..i + 4].iter().all(u8::is_ascii_digit);
        let alone = (i == 0 || !b[i - 1].is_ascii_digit())
            && b.get(i + 4).is_none_or(|c| !c.is_ascii_digit());
        let year: u16 = label.get(i..i + 4)?.parse().ok()?;
        (digits && alone && (1900..2100).contains(&year)).then_some((i, year))
    })
}

/// Days since 1970-01-01.
fn days(d: Date) -> i64 {
    d.day_number()
}

/// The period of a comparison for a title: "Third Quarter Ended Sept. 30, 2007 vs 2006".
pub(crate) fn versus(table: &Table, p: Pair) -> String {
    let cur = &table.columns[p.current];
    match p.prior.map(|i| &table.columns[i]) {
        Some(prior) => match prior.end {
            Some(end) => format!("{} vs {}", cur.label, end.year),
            None => format!("{} vs {}", cur.label, prior.label),
        },
        None => cur.label.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years_in_labels() {
        assert_eq!(last_year("QUARTERLY Q4 2024"), Some((13, 2024)));
        assert_eq!(last_year("Fiscal 2025 (12 weeks)"), Some((7, 2025)));
        assert_eq!(last_year("Q4 20245"), None);
        assert_eq!(last_year("Current"), None);
    }

    #[test]
    fn days_count_from_the_epoch() {
        assert_eq!(days(Date::new(1970, 1, 1).unwrap()), 0);
        assert_eq!(
            days(Date::new(2007, 9, 30).unwrap()) - days(Date::new(2006, 9, 30).unwrap()),
            365
        );
        assert_eq!(
            days(Date::new(2006, 7, 1).unwrap()) - days(Date::new(2005, 7, 2).unwrap()),
            364
        );
    }
}
