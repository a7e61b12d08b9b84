//! Periods and dates: a column header → its end date and length, and dates in prose.

use crate::document::{Column, Date};

/// Builds a column from its stacked header text ("Third Quarter Ended Sept. 30, 2007").
pub(crate) fn column(header: &str) -> Column {
    let label = header.split_whitespace().collect::<Vec<_>>().join(" ");
    let months = months(&label);
    // "Sep 2024 Quarter", "December 2024 Half": a period named by its last month ends on
    // that month's last day.
    let end = find_date(&label)
        .map(|(d, _)| d)
        .or_else(|| months.and_then(|_| month_end(&label)));
    Column {
        label: label.into(),
        end,
        months,
        unit: None,
        scale: None,
    }
}

/// The length in months a header names; `None` for a point in time or when unstated.
pub(crate) fn months(label: &str) -> Option<u8> {
    let l = label.to_ascii_lowercase();
    let words: Vec<&str> = l
        .split(|c: char| !crate::case::is_alphanumeric(c))
        .filter(|w| !w.is_empty())
        .collect();
    let has = |w: &str| words.contains(&w);
    let phrase = |a: &str, b: &str| words.windows(2).any(|p| p[0] == a && p[1] == b);
    let quarter = has("quarter")
        || has("quarters")
        || words
            .iter()
            .any(|w| matches!(*w, "q1" | "q2" | "q3" | "q4" | "qtr"));
    if phrase("three", "months")
        || phrase("3", "months")
        || phrase("13", "weeks")
        || phrase("thirteen", "weeks")
        || phrase("twelve", "weeks")
        || quarter
    {
        Some(3)
    } else if phrase("six", "months")
        || phrase("6", "months")
        || phrase("26", "weeks")
        || phrase("six", "weeks") && has("twenty")
        || has("half")
        || has("h1")
        || has("h2")
    {
        Some(6)
    } else if phrase("nine", "months")
        || phrase("9", "months")
        || phrase("39", "weeks")
        || phrase("nine", "weeks") && has("thirty")
    {
        Some(9)
    } else if phrase("twelve", "months")
        || phrase("12", "months")
        || phrase("52", "weeks")
        || phrase("two", "weeks") && has("fifty")
        || phrase("53", "weeks")
        || phrase("year", "ended")
        || phrase("years", "ended")
        || phrase("fiscal", "year")
        || phrase("full", "year")
        || has("fy")
        || has("annual")
    {
        Some(12)
    } else {
        None
    }
}

/// Month names and the abbreviations releases use ("Sept.", "Dec").
fn month_number(w: &str) -> Option<u8> {
    let w = w.trim_end_matches('.').to_ascii_lowercase();
    let m = match w.as_str() {
        "jan" | "january" => 1,
        "feb" | "february" => 2,
        "mar" | "march" => 3,
        "apr" | "april" => 4,
        "may" => 5,
        "jun" | "june" => 6,
        "jul" | "july" => 7,
        "aug" | "august" => 8,
        "sep" | "sept" | "september" => 9,
        "oct" | "october" => 10,
        "nov" | "november" => 11,
        "dec" | "december" => 12,
        _ => return None,
    };
    Some(m)
}

/// Finds the first "Month day, year" (or "day-MON-year") in text; returns it and the byte
/// offset where it ends.
pub(crate) fn find_date(text: &str) -> Option<(Date, usize)> {
    // A dateline's dashes end a date as spaces do, typographic ones too ("May 1, 2025—Amazon").
    let gap = |c: char| c.is_whitespace() || matches!(c, '-' | '—' | '–');
    let words: Vec<(usize, &str)> = text
        .split_inclusive(gap)
        .scan(0usize, |pos, w| {
            let start = *pos;
            *pos += w.len();
            Some((start, w.trim_end_matches(gap)))
        })
        .filter(|(_, w)| !w.is_empty())
        .collect();
    for i in 0..words.len() {
        if let Some(m) = month_number(words[i].1) {
            let day = words
                .get(i + 1)
                .and_then(|w| w.1.trim_end_matches(',').parse::<u8>().ok());
            let year = words.get(i + 2).and_then(|w| year_of(w.1));
            if let (Some(d), Some((y, _))) = (day, year) {
                if let Some(date) = Date::new(y, m, d) {
                    let (pos, w) = words[i + 2];
                    return Some((date, pos + w.len()));
                }
            }
        }
        // "2-MAR-1987" (wire feeds).
        if let (Ok(d), Some(m), Some((y, _))) = (
            words[i].1.parse::<u8>(),
            words.get(i + 1).and_then(|w| month_number(w.1)),
            words.get(i + 2).and_then(|w| year_of(w.1)),
        ) {
            if let Some(date) = Date::new(y, m, d) {
                let (pos, w) = words[i + 2];
                return Some((date, pos + w.len()));
            }
        }
    }
    None
}

/// The last day of a month named with its year and no day: "Sep 2024" → 2024-09-30.
fn month_end(label: &str) -> Option<Date> {
    let mut words = label.split(' ');
    let mut prev = words.next()?;
    for w in words {
        if let (Some(m), Some((y, _))) = (month_number(prev), year_of(w)) {
            return Date::month_end(y, m);
        }
        prev = w;
    }
    None
}

/// A four-digit year at the start of a word ("2007", "2007--", "1987").
fn year_of(w: &str) -> Option<(u16, usize)> {
    let digits: String = w.chars().take_while(|c| c.is_ascii_digit()).collect();
    if digits.len() == 4 {
        let y: u16 = digits.parse().ok()?;
        (1900..=2100).contains(&y).then_some((y, 4))
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_period_named_by_its_last_month_ends_on_its_last_day() {
        let read = |h: &str| {
            let c = column(h);
            (c.end, c.months)
        };
        // Australian quarterly reports: "Sep 2024 Quarter", "December 2024 Half".
        assert_eq!(read("Sep 2024 Quarter"), (Date::new(2024, 9, 30), Some(3)));
        assert_eq!(
            read("December 2024 Half"),
            (Date::new(2024, 12, 31), Some(6))
        );
        assert_eq!(read("Feb 2024 Quarter"), (Date::new(2024, 2, 29), Some(3)));
        // A month and year with no length is no period; a printed day wins.
        assert_eq!(read("Sep 2024"), (None, None));
        assert_eq!(
            read("Three Months Ended September 28, 2024"),
            (Date::new(2024, 9, 28), Some(3))
        );
    }
}
