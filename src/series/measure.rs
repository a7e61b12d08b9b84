//! What a figure measures, as a key that one release's row and another's share when they
//! are the same thing: the meaning layer's reading of the row (its item, basis, operations,
//! kind of figure, scope) with its unit and currency. No label words are matched here
//! beyond what `meaning` reads.

use serde::Serialize;

use crate::document::{Currency, Unit};
use crate::meaning::{concept, Basis, FigureKind, Meaning, Operations};

/// One measure: its id names the item with what sets it apart ("net income (pro forma)",
/// "diluted income per share"); the scope and unit are apart from it.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Measure {
    /// The item's words ([`concept::item`]), then its basis and operations when they are
    /// not the reported whole, then its kind when the words do not say it.
    pub id: String,
    /// The segment, mine or metal; `None` for the company.
    pub scope: Option<String>,
    /// The unit with the currency in place of "money": `USD`, `USD/share`, `shares`, `oz`.
    pub unit: String,
    /// An amount over a period adds up (a half year is its two quarters); a per-share
    /// figure, a ratio or a price does not, so no quarter is derived from it.
    #[serde(skip)]
    pub additive: bool,
}

impl Measure {
    /// The measure of a row's figure; `concept` is the item's words (a row printed for two
    /// items, "Basic and diluted loss per share", is read once for each).
    pub fn of(
        item: &[String],
        m: &Meaning,
        scope: Option<&str>,
        unit: Option<Unit>,
        currency: Option<Currency>,
    ) -> Measure {
        let mut id = item.join(" ");
        let basis = match m.basis {
            Basis::Reported => None,
            Basis::Adjusted => Some("adjusted"),
            Basis::NonGaap => Some("non-GAAP"),
            Basis::ProForma => Some("pro forma"),
        };
        let operations = match m.operations {
            Operations::All => None,
            Operations::Continuing => Some("continuing operations"),
            Operations::Discontinued => Some("discontinued operations"),
        };
        // The words of a per-share row say "per share"; a change or an average may not.
        let kind = match m.kind {
            FigureKind::Amount | FigureKind::PerShare | FigureKind::PerUnit => None,
            FigureKind::Average => Some("average"),
            FigureKind::Price => Some("price"),
            FigureKind::Grade => Some("grade"),
            FigureKind::Percent => Some("percent"),
            FigureKind::Change => Some("change"),
            FigureKind::Ratio => Some("ratio"),
            FigureKind::Count => Some("count"),
        };
        let said = |w: &str| item.iter().any(|x| x == w);
        for q in [basis, operations, kind].into_iter().flatten() {
            if !q.split(' ').all(said) {
                id.push_str(" (");
                id.push_str(q);
                id.push(')');
            }
        }
        let additive = m.kind == FigureKind::Amount && !unit.is_some_and(Unit::is_quotient);
        let unit = match (unit, currency) {
            (None, _) => String::new(),
            (Some(u), c) => {
                let name = u.name();
                match name.strip_prefix("money") {
                    Some(rest) => match c {
                        Some(c) => format!("{}{rest}", c.code()),
                        None => name.to_string(),
                    },
                    None => name.to_string(),
                }
            }
        };
        Measure {
            id,
            scope: m.scope.clone().or_else(|| scope.map(str::to_string)),
            unit,
            additive,
        }
    }
}

/// The items a row prints: one, or two for a per-share row that is "basic and diluted"
/// (both figures are the one printed).
pub fn items(w: &[String]) -> Vec<Vec<String>> {
    let item = concept::item(w);
    let both = item
        .windows(3)
        .position(|p| p[0] == "basic" && p[1] == "and" && p[2] == "diluted");
    match both {
        Some(at) => {
            let without = |drop: std::ops::Range<usize>| -> Vec<String> {
                (0..item.len())
                    .filter(|i| !drop.contains(i))
                    .map(|i| item[i].clone())
                    .collect()
            };
            vec![without(at + 1..at + 3), without(at..at + 2)]
        }
        None => vec![item],
    }
}

/// Words of a column header that name its period or its state, not a part of the company.
fn period_or_state(w: &str) -> bool {
    crate::meaning::kind::period_word(w)
        || w.bytes().all(|b| b.is_ascii_digit())
        || [
            "ended",
            "ending",
            "end",
            "as",
            "of",
            "at",
            "and",
            "fiscal",
            "weeks",
            "thirteen",
            "fourteen",
            "fifty",
            "two",
            "three",
            "unaudited",
            "audited",
            "restated",
            "jan",
            "feb",
            "mar",
            "apr",
            "jun",
            "jul",
            "aug",
            "sep",
            "sept",
            "oct",
            "nov",
            "dec",
        ]
        .contains(&w)
}

/// What a column header says beyond its period.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ColumnPart {
    /// Nothing: the column is the period's.
    Period,
    /// A consolidated or total column: the company.
    Company,
    /// A part of the company: "Three Months Ended May 31, 2023 Steel Processing" →
    /// "steel processing".
    Part(String),
    /// A kind of figure ("EPS", "% Change", "$"): one of several figures the table prints
    /// for the period, which the header alone does not say how to tell apart.
    Figure,
}

/// Words of a header that name a kind of figure, not a part of the company.
const FIGURE_WORDS: &[&str] = &[
    "eps",
    "per",
    "share",
    "basic",
    "diluted",
    "percent",
    "pct",
    "margin",
    "change",
    "variance",
    "growth",
    "amount",
    "amounts",
    "dollars",
    "usd",
    "millions",
    "thousands",
    "increase",
    "decrease",
    "favorable",
    "unfavorable",
    "actual",
    "budget",
    "after",
    "tax",
    "pre",
    "before",
];

/// What a column's header says beyond its period.
pub fn column_part(label: &str) -> ColumnPart {
    let w = crate::meaning::words(label);
    let rest: Vec<&str> = w
        .iter()
        .map(String::as_str)
        .filter(|x| !period_or_state(x))
        .collect();
    if rest.is_empty() {
        // "$" or "%" alone leave no words: a kind of figure when printed.
        return if label.contains(['%', '$']) {
            ColumnPart::Figure
        } else {
            ColumnPart::Period
        };
    }
    if rest.iter().any(|x| FIGURE_WORDS.contains(x)) || label.contains('%') {
        return ColumnPart::Figure;
    }
    if rest
        .iter()
        .any(|x| ["consolidated", "total", "company"].contains(x))
    {
        return ColumnPart::Company;
    }
    ColumnPart::Part(rest.join(" "))
}

/// A column that reprints what an earlier release said ("As Previously Reported" beside
/// "As Restated"): not this release's figure.
pub fn reprints_earlier(label: &str) -> bool {
    let w = crate::meaning::words(label);
    let has = |x: &str| w.iter().any(|y| y == x);
    has("reported") && (has("previously") || has("originally") || has("as")) && !has("restated")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::meaning::words;

    #[test]
    fn basic_and_diluted_is_two_items() {
        let two = items(&words("Basic and diluted loss per share"));
        assert_eq!(two[0], items(&words("Basic earnings (loss) per share"))[0]);
        assert_eq!(two[1], items(&words("Diluted income per share"))[0]);
    }

    #[test]
    fn columns_name_parts_and_reprints() {
        assert_eq!(
            column_part("Three Months Ended May 31, 2023 Steel Processing"),
            ColumnPart::Part("steel processing".to_string())
        );
        assert_eq!(
            column_part("Three Months Ended May 31, 2023 Sustainable Consolidated"),
            ColumnPart::Company
        );
        assert_eq!(
            column_part("Three Months Ended Sep 30, 2004 As Restated"),
            ColumnPart::Period
        );
        assert_eq!(column_part("Fourth Quarter 2024 EPS"), ColumnPart::Figure);
        assert_eq!(column_part("Fourth Quarter 2024 $"), ColumnPart::Figure);
        assert!(reprints_earlier(
            "Three Months Ended Mar 31, 2005 As Previously Reported"
        ));
        assert!(!reprints_earlier(
            "Three Months Ended Mar 31, 2005 As Restated"
        ));
    }
}
