//! Periods and dates: a column header → its end date and length, and dates in prose.

use crate::document::{Column, Date};

/// Builds a column from its stacked header text ("Third Quarter Ended Sept. 30, 2007").
pub(crate) fn column(header: &str) -> Column {
    let label = header.split_whitespace().collect::<Vec<_>>().join(" ");
    let end = find_date(&label)
        .map(|(d, _)| d)
        .or_else(|| month_end(&label));
    let months = months(&label);
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
    let l = crate::case::to_lower(label);
    let words: Vec<&str> = l
        .split(|c: char| !crate::case::is_alphanumeric(c))
        .filter(|w| !w.is_empty())
        .collect();
    let has = |w: &str| words.contains(&w);
    let phrase = |a: &str, b: &str| words.windows(2).any(|p| p[0] == a && p[1] == b);
    // "three months", "tres meses", "três meses", "trois mois", "12 meses".
    let counted = |n: u8| {
        words.windows(2).any(|p| {
            ["months", "meses", "mois"].contains(&p[1])
                && MONTH_COUNTS.iter().any(|&(w, m)| m == n && w == p[0])
        })
    };
    let quarter = has("quarter")
        || has("quarters")
        || has("trimestre")
        || words
            .iter()
            .any(|w| matches!(*w, "q1" | "q2" | "q3" | "q4" | "qtr"));
    if counted(3)
        || phrase("13", "weeks")
        || phrase("thirteen", "weeks")
        || phrase("twelve", "weeks")
        || quarter
    {
        Some(3)
    } else if counted(6)
        || phrase("26", "weeks")
        || phrase("six", "weeks") && has("twenty")
        || has("half")
        || has("semestre")
        || has("h1")
        || has("h2")
    {
        Some(6)
    } else if counted(9) || phrase("39", "weeks") || phrase("nine", "weeks") && has("thirty") {
        Some(9)
    } else if counted(12)
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
        // A span of months, first to last: "Ene-Mar 2025", "enero-junio".
        words.windows(2).find_map(|p| {
            let (from, to) = (month_number(p[0])?, month_number(p[1])?);
            (from != to).then(|| (to + 12 - from) % 12 + 1)
        })
    }
}

/// Numbers of months as headers spell them, in English, Spanish, Portuguese and French.
const MONTH_COUNTS: [(&str, u8); 18] = [
    ("three", 3),
    ("3", 3),
    ("tres", 3),
    ("três", 3),
    ("trois", 3),
    ("six", 6),
    ("6", 6),
    ("seis", 6),
    ("nine", 9),
    ("9", 9),
    ("nueve", 9),
    ("nove", 9),
    ("neuf", 9),
    ("twelve", 12),
    ("12", 12),
    ("doce", 12),
    ("doze", 12),
    ("douze", 12),
];

/// Month names in English, Spanish, Portuguese and French, January first.
const MONTH_NAMES: [[&str; 12]; 4] = [
    [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ],
    [
        "enero",
        "febrero",
        "marzo",
        "abril",
        "mayo",
        "junio",
        "julio",
        "agosto",
        "septiembre",
        "octubre",
        "noviembre",
        "diciembre",
    ],
    [
        "janeiro",
        "fevereiro",
        "março",
        "abril",
        "maio",
        "junho",
        "julho",
        "agosto",
        "setembro",
        "outubro",
        "novembro",
        "dezembro",
    ],
    [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ],
];

/// A month's name, or its abbreviation of three letters or more ("Sept.", "Dec", "Ene",
/// "Dic", "févr."), in any of the four languages.
fn month_number(w: &str) -> Option<u8> {
    let w = crate::case::to_lower(w.trim_end_matches('.'));
    if w.chars().count() < 3 {
        return None;
    }
    MONTH_NAMES
        .iter()
        .find_map(|names| names.iter().position(|n| n.starts_with(&w)))
        .map(|i| i as u8 + 1)
}

/// The last day of a month named with its year and no day, as headers print a period's
/// month: "Marzo 2025", "December 2024", "Ene-Mar 2025".
fn month_end(text: &str) -> Option<Date> {
    let words: Vec<&str> = text.split([' ', '-']).filter(|w| !w.is_empty()).collect();
    words.windows(2).find_map(|p| {
        let (month, (year, _)) = (month_number(p[0])?, year_of(p[1])?);
        (28..=31).rev().find_map(|day| Date::new(year, month, day))
    })
}

/// Finds the first "Month day, year" (or "day-MON-year", "day month year", "day de month de
/// year") in text; returns it and the byte offset where it ends.
pub(crate) fn find_date(text: &str) -> Option<(Date, usize)> {
    let words: Vec<(usize, &str)> = text
        .split_inclusive(|c: char| c.is_whitespace() || c == '-')
        .scan(0usize, |pos, w| {
            let start = *pos;
            *pos += w.len();
            Some((
                start,
                w.trim_end_matches(|c: char| c.is_whitespace() || c == '-'),
            ))
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
        // "2-MAR-1987" (wire feeds), "31 mars 2025", "31 de marzo de 2025".
        let of = |at: usize| {
            let de = |w: &(usize, &str)| ["de", "del"].iter().any(|d| w.1.eq_ignore_ascii_case(d));
            at + usize::from(words.get(at).is_some_and(de))
        };
        let (at_month, at_year) = (of(i + 1), of(of(i + 1) + 1));
        if let (Ok(d), Some(m), Some((y, _))) = (
            words[i].1.parse::<u8>(),
            words.get(at_month).and_then(|w| month_number(w.1)),
            words.get(at_year).and_then(|w| year_of(w.1)),
        ) {
            if let Some(date) = Date::new(y, m, d) {
                let (pos, w) = words[at_year];
                return Some((date, pos + w.len()));
            }
        }
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

    fn date(y: u16, m: u8, d: u8) -> Option<Date> {
        Date::new(y, m, d)
    }

    fn end_and_months(header: &str) -> (Option<Date>, Option<u8>) {
        let c = column(header);
        (c.end, c.months)
    }

    #[test]
    fn a_header_of_a_month_and_year_ends_on_the_months_last_day() {
        // Pucobre's Análisis Razonado prints its columns so ("Marzo 2025", "Diciembre 2024").
        assert_eq!(end_and_months("Marzo 2025"), (date(2025, 3, 31), None));
        assert_eq!(
            end_and_months("Unidad Junio 2025"),
            (date(2025, 6, 30), None)
        );
        assert_eq!(end_and_months("Diciembre 2024"), (date(2024, 12, 31), None));
        assert_eq!(
            end_and_months("Marzo 2024 M Ton"),
            (date(2024, 3, 31), None)
        );
        assert_eq!(end_and_months("February 2024"), (date(2024, 2, 29), None));
        assert_eq!(end_and_months("Setembro 2023"), (date(2023, 9, 30), None));
        assert_eq!(end_and_months("Décembre 2024"), (date(2024, 12, 31), None));
        // A span of months says the length.
        assert_eq!(end_and_months("Ene-Mar 2025"), (date(2025, 3, 31), Some(3)));
        assert_eq!(
            end_and_months("enero-junio 2025"),
            (date(2025, 6, 30), Some(6))
        );
        assert_eq!(end_and_months("Jan-Sep 2024"), (date(2024, 9, 30), Some(9)));
        // A day, where printed, stands.
        assert_eq!(
            end_and_months("Three Months Ended Sept. 30, 2007"),
            (date(2007, 9, 30), Some(3))
        );
        // A year alone is no end.
        assert_eq!(end_and_months("2024").0, None);
    }

    #[test]
    fn dates_in_spanish_portuguese_and_french() {
        let found = |t: &str| find_date(t).map(|(d, _)| d);
        assert_eq!(
            found("Análisis razonado a los Estados de Situación Financiera al 31 de marzo de 2025 y 31 de diciembre de 2024"),
            date(2025, 3, 31)
        );
        assert_eq!(found("al 30 de Junio de 2025."), date(2025, 6, 30));
        assert_eq!(
            found("Con fecha 8 de abril de 2024 Pucobre"),
            date(2024, 4, 8)
        );
        assert_eq!(found("al 31 de diciembre del 2024"), date(2024, 12, 31));
        assert_eq!(found("em 31 de março de 2025"), date(2025, 3, 31));
        assert_eq!(found("EM 30 DE SETEMBRO DE 2024"), date(2024, 9, 30));
        assert_eq!(found("au 31 mars 2025"), date(2025, 3, 31));
        assert_eq!(found("clos le 30 juin 2025"), date(2025, 6, 30));
        assert_eq!(found("le 1 août 2024"), date(2024, 8, 1));
        // The English forms as before.
        assert_eq!(found("Nov. 8, 2007--"), date(2007, 11, 8));
        assert_eq!(found("2-MAR-1987"), date(1987, 3, 2));
        // The end offset is after the year.
        let text = "al 31 de marzo de 2025 y 2024";
        assert_eq!(
            find_date(text).map(|(_, end)| &text[..end]),
            Some("al 31 de marzo de 2025")
        );
        // A month and year with no day is no date in prose, nor a word that only begins
        // like a month.
        assert_eq!(found("a marzo de 2025"), None);
        assert_eq!(found("31 de mayor 2025"), None);
    }

    #[test]
    fn lengths_in_spanish_portuguese_and_french() {
        assert_eq!(
            months("Tres meses terminados al 31 de marzo de 2025"),
            Some(3)
        );
        assert_eq!(months("Seis meses"), Some(6));
        assert_eq!(months("Nueve meses terminados"), Some(9));
        assert_eq!(months("Utilidad (últimos 12 meses)"), Some(12));
        assert_eq!(months("Ebitda correspondientes a 12 meses"), Some(12));
        assert_eq!(months("Três meses findos em"), Some(3));
        assert_eq!(months("TRÊS MESES"), Some(3));
        assert_eq!(months("Douze mois clos le"), Some(12));
        assert_eq!(months("durante el primer trimestre del año 2025"), Some(3));
        assert_eq!(months("el primer semestre del año 2025"), Some(6));
        assert_eq!(months("por enero- marzo 2025"), Some(3));
        // A point in time, or no length said.
        assert_eq!(months("Marzo 2025"), None);
        assert_eq!(months("Diciembre 2024"), None);
        assert_eq!(months("Ebitda del periodo"), None);
        // English as before.
        assert_eq!(months("Six Months Ended June 30,"), Some(6));
        assert_eq!(months("Year Ended December 31,"), Some(12));
    }
}
