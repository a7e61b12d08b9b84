//! A row's scope: the segment, division, mine or project it is about, when its section,
//! parent heading or table title names one (a segment table's title is printed above the
//! table, so a segment's SG&A is not the company's). `None` is the company as a whole.

use super::words;
use crate::document::Row;

/// Words that mark a heading or title as naming a part of the company.
const PARTS: &[&str] = &["segment", "segments", "division", "mine"];

/// Words that start the phrase a part's name ends ("Reconciliation for …").
pub const PHRASE_STARTS: &[&str] = &[
    "reconciliation",
    "reconciliations",
    "for",
    "of",
    "the",
    "to",
];

/// The words that name a part: those before `at` (the word "segment", "division"),
/// back to a word that starts the phrase ("Reconciliation for Plant Nutrition Segment" →
/// "plant nutrition").
pub fn name_before<'w>(w: &'w [String], at: usize, skip: &[&str]) -> Vec<&'w str> {
    let mut name: Vec<&str> = w[..at]
        .iter()
        .rev()
        .map(String::as_str)
        .take_while(|x| !skip.contains(x))
        .collect();
    name.reverse();
    name
}

/// The words before the part's marker, up to a word that starts the phrase ("for", "of").
fn named_part(text: &str) -> Option<String> {
    let w = words(text);
    let at = w.iter().position(|x| PARTS.contains(&x.as_str()))?;
    let name = name_before(&w, at, PHRASE_STARTS);
    // "Continuing operations", "Consolidated operations": not a part.
    let whole = [
        "continuing",
        "discontinued",
        "consolidated",
        "total",
        "from",
        "company",
    ];
    if name.is_empty() || name.iter().any(|x| whole.contains(x)) {
        return None;
    }
    Some(name.join(" "))
}

/// The row's scope from its parent heading, its section, then its table's title.
pub fn of(r: &Row, title: &str) -> Option<String> {
    [r.parent.as_deref(), r.section.as_deref(), Some(title)]
        .into_iter()
        .flatten()
        .find_map(named_part)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_segment_title_names_its_scope() {
        assert_eq!(
            named_part("Plant Nutrition Segment results").as_deref(),
            Some("plant nutrition")
        );
        assert_eq!(named_part("Income from continuing operations"), None);
        assert_eq!(named_part("Statements of Operations"), None);
    }
}
