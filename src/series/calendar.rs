//! Periods across releases: when two columns are the same period, and what comes a quarter
//! before. A fiscal calendar of 13-week quarters ends its quarters on a Saturday, so one
//! quarter is "Sep 30, 2004" in one release and "Sep 25, 2004" in the next: ends within a
//! week of each other with the same length are one period.
//!
//! Also the periods that reports in Spanish, Portuguese and French print, which
//! `read::period` (English) leaves undated: month names ("31 de marzo de 2025", "31 mars
//! 2025"), headers of a month and year ("Marzo 2025"), and lengths ("tres meses",
//! "primer semestre", "Ene-Mar"). They are read here, not in `read`, so the first page's
//! wasm does not carry them (it is at its budget); only many releases need them.

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
/// the month has it and else the month's last. A month's last day stays a month's last day:
/// the quarter after one ending Sep 30 ends Dec 31, not Dec 30.
pub fn add_months(d: Date, months: i64) -> Date {
    let index = i64::from(d.year) * 12 + i64::from(d.month) - 1 + months;
    if !(0..=9999 * 12).contains(&index) {
        return d;
    }
    let year = index.div_euclid(12) as u16;
    let month = (index.rem_euclid(12) + 1) as u8;
    let month_end = Date::month_end(d.year, d.month) == Some(d);
    let day = if month_end { 31 } else { d.day };
    (1..=day)
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

/// Numbers of months as headers spell them, in English, Spanish, Portuguese and French.
/// (Names in one string each: a table of separate strings costs a pointer each.)
const MONTH_COUNTS: [(u8, &str); 4] = [
    (3, "three 3 tres três trois"),
    (6, "six 6 seis"),
    (9, "nine 9 nueve nove neuf"),
    (12, "twelve 12 doce doze douze"),
];

/// Month names in English, Spanish, Portuguese and French, January first.
const MONTH_NAMES: [&str; 4] = [
    "january february march april may june july august september october november december",
    "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre diciembre",
    "janeiro fevereiro março abril maio junho julho agosto setembro outubro novembro dezembro",
    "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
];

/// A month's name, or its abbreviation of three letters or more ("Sept.", "Dec", "Ene",
/// "Dic", "févr."), in any of the four languages.
pub fn month_number(w: &str) -> Option<u8> {
    let w = crate::case::to_lower(w.trim_end_matches('.'));
    if w.chars().count() < 3 {
        return None;
    }
    MONTH_NAMES
        .iter()
        .find_map(|names| names.split(' ').position(|n| n.starts_with(&*w)))
        .map(|i| i as u8 + 1)
}

/// A four-digit year.
fn year(w: &str) -> Option<u16> {
    let y: u16 = w.trim_end_matches([',', '.']).parse().ok()?;
    (1900..=2100).contains(&y).then_some(y)
}

/// The last day of a month named with its year and no day, as headers print a period's
/// month: "Marzo 2025", "December 2024", "Ene-Mar 2025".
pub fn month_end(text: &str) -> Option<Date> {
    let words: Vec<&str> = text.split([' ', '-']).filter(|w| !w.is_empty()).collect();
    words.windows(2).find_map(|p| {
        let (month, year) = (month_number(p[0])?, year(p[1])?);
        Date::month_end(year, month)
    })
}

/// The first date in text as `read` finds it ("March 31, 2025"), or written day first:
/// "31 de marzo de 2025", "31 de diciembre del 2024", "31 mars 2025".
pub fn date_in(text: &str) -> Option<Date> {
    let english = crate::read::find_date(text).map(|(d, _)| d);
    let words: Vec<&str> = text.split_whitespace().collect();
    let of = |at: usize| {
        let de = words
            .get(at)
            .is_some_and(|w| matches!(crate::case::to_lower(w).as_str(), "de" | "del"));
        at + usize::from(de)
    };
    let day_first = (0..words.len()).find_map(|i| {
        let day: u8 = words[i].parse().ok()?;
        let at_month = of(i + 1);
        let month = month_number(words.get(at_month)?)?;
        Date::new(year(words.get(of(at_month + 1))?)?, month, day)
    });
    // The one printed first.
    match (english, day_first) {
        (Some(e), Some(d)) => {
            let at = |d: Date| text.find(&d.year.to_string()).unwrap_or(usize::MAX);
            Some(if at(d) < at(e) { d } else { e })
        }
        (e, d) => e.or(d),
    }
}

/// The length a header, label or sentence names: as `read` reads English ("Three Months
/// Ended"), else "tres meses", "três meses", "trois mois", "12 meses", "trimestre",
/// "semestre", or a span of months ("Ene-Mar 2025", "enero-junio").
pub fn length_named(text: &str) -> Option<u8> {
    if let Some(m) = crate::read::months_named(text) {
        return Some(m);
    }
    let l = crate::case::to_lower(text);
    let words: Vec<&str> = l
        .split(|c: char| !crate::case::is_alphanumeric(c))
        .filter(|w| !w.is_empty())
        .collect();
    let counted = words.windows(2).find_map(|p| {
        matches!(p[1], "months" | "meses" | "mois")
            .then(|| {
                MONTH_COUNTS
                    .iter()
                    .find(|(_, ws)| ws.split(' ').any(|w| w == p[0]))
            })
            .flatten()
            .map(|&(m, _)| m)
    });
    let has = |w: &str| words.contains(&w);
    counted
        .or_else(|| has("trimestre").then_some(3))
        .or_else(|| has("semestre").then_some(6))
        .or_else(|| {
            words.windows(2).find_map(|p| {
                let (from, to) = (month_number(p[0])?, month_number(p[1])?);
                (from != to).then(|| (to + 12 - from) % 12 + 1)
            })
        })
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
        // A month's last day stays one; another day is kept.
        assert_eq!(add_months(d(2024, 9, 30), 3), d(2024, 12, 31));
        assert_eq!(add_months(d(2023, 2, 28), 3), d(2023, 5, 31));
        assert_eq!(add_months(d(2024, 2, 28), 3), d(2024, 5, 28));
        assert_eq!(add_months(d(2004, 9, 25), 3), d(2004, 12, 25));
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

    #[test]
    fn a_header_of_a_month_and_year_ends_on_the_months_last_day() {
        // Pucobre's Análisis Razonado prints its columns so ("Marzo 2025", "Diciembre 2024").
        assert_eq!(month_end("Marzo 2025"), Some(d(2025, 3, 31)));
        assert_eq!(month_end("Unidad Junio 2025"), Some(d(2025, 6, 30)));
        assert_eq!(month_end("Diciembre 2024"), Some(d(2024, 12, 31)));
        assert_eq!(month_end("Marzo 2024 M Ton"), Some(d(2024, 3, 31)));
        assert_eq!(month_end("February 2024"), Some(d(2024, 2, 29)));
        assert_eq!(month_end("Setembro 2023"), Some(d(2023, 9, 30)));
        assert_eq!(month_end("Décembre 2024"), Some(d(2024, 12, 31)));
        assert_eq!(month_end("Ene-Mar 2025"), Some(d(2025, 3, 31)));
        assert_eq!(month_end("enero-junio 2025"), Some(d(2025, 6, 30)));
        // A year alone, or a word that only begins like a month, is no end.
        assert_eq!(month_end("2024"), None);
        assert_eq!(month_end("Mayor 2024"), None);
        assert_eq!(month_end("Ma 2024"), None);
    }

    #[test]
    fn dates_in_spanish_portuguese_and_french() {
        assert_eq!(
            date_in("Análisis razonado a los Estados de Situación Financiera al 31 de marzo de 2025 y 31 de diciembre de 2024"),
            Some(d(2025, 3, 31))
        );
        assert_eq!(
            date_in("y a los Estados de Resultados terminados al 30 de Junio de 2025 y 2024."),
            Some(d(2025, 6, 30))
        );
        assert_eq!(
            date_in("Con fecha 8 de abril de 2024 Pucobre"),
            Some(d(2024, 4, 8))
        );
        assert_eq!(
            date_in("al 31 de diciembre del 2024"),
            Some(d(2024, 12, 31))
        );
        assert_eq!(date_in("em 31 de março de 2025"), Some(d(2025, 3, 31)));
        assert_eq!(date_in("EM 30 DE SETEMBRO DE 2024"), Some(d(2024, 9, 30)));
        assert_eq!(date_in("clos le 30 juin 2025"), Some(d(2025, 6, 30)));
        assert_eq!(date_in("le 1 août 2024"), Some(d(2024, 8, 1)));
        // English as `read` finds it; the one printed first wins.
        assert_eq!(date_in("Nov. 8, 2007--"), Some(d(2007, 11, 8)));
        assert_eq!(
            date_in("March 31, 2025 and 31 de diciembre de 2024"),
            Some(d(2025, 3, 31))
        );
        // A month and year with no day is no date in prose.
        assert_eq!(date_in("a marzo de 2025"), None);
        assert_eq!(date_in("31 de mayor 2025"), None);
    }

    #[test]
    fn lengths_in_spanish_portuguese_and_french() {
        assert_eq!(
            length_named("Tres meses terminados al 31 de marzo de 2025"),
            Some(3)
        );
        assert_eq!(length_named("Seis meses"), Some(6));
        assert_eq!(length_named("Nueve meses terminados"), Some(9));
        assert_eq!(length_named("Utilidad (últimos 12 meses)"), Some(12));
        assert_eq!(length_named("Ebitda correspondientes a 12 meses"), Some(12));
        assert_eq!(length_named("Três meses findos em"), Some(3));
        assert_eq!(length_named("TRÊS MESES"), Some(3));
        assert_eq!(length_named("Douze mois clos le"), Some(12));
        assert_eq!(
            length_named("durante el primer trimestre del año 2025"),
            Some(3)
        );
        assert_eq!(length_named("el primer semestre del año 2025"), Some(6));
        assert_eq!(length_named("por enero- marzo 2025"), Some(3));
        assert_eq!(length_named("Ene-Mar 2025"), Some(3));
        assert_eq!(length_named("enero-junio 2025"), Some(6));
        // A point in time, or no length said.
        assert_eq!(length_named("Marzo 2025"), None);
        assert_eq!(length_named("Diciembre 2024"), None);
        assert_eq!(length_named("Ebitda del periodo"), None);
        // English as `read` reads it.
        assert_eq!(length_named("Six Months Ended June 30,"), Some(6));
        assert_eq!(length_named("Year Ended December 31,"), Some(12));
    }
}
