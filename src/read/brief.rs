//! Wire briefs ("Shr loss 18 cts vs loss one ct") → a small table of current vs prior.
//!
//! Each line is "<item> <figure> vs <figure>"; a line such as "Year" or "Nine mths" starts a
//! new section of the same two columns. Figures use wire shorthand (`cts`, `dlrs`, `mln`,
//! a leading `loss`), read by [`parse_brief_value`] into whole units, so every row has scale 1.

use crate::document::{Cell, Column, Row, RowKind, Scale, Table, Text, Unit};

use super::fixed::Line;
use super::number::parse_brief_value;

/// The table and the index range of lines it covers.
pub(crate) fn read(lines: &[Line]) -> Option<(Table, usize, usize)> {
    let mut rows = Vec::new();
    let mut section: Option<Text> = None;
    let (mut first, mut last) = (None, 0);
    for (i, l) in lines.iter().enumerate() {
        let t = l.text.trim();
        if t.is_empty() {
            continue;
        }
        if let Some((left, prior)) = t.split_once(" vs ") {
            let words: Vec<&str> = left.split_whitespace().collect();
            // The figure starts at the first number (or "loss"/"profit" before one).
            let Some(k) =
                (0..words.len()).find(|&k| parse_brief_value(&words[k..].join(" ")).is_some())
            else {
                continue;
            };
            let label = words[..k].join(" ");
            let current = words[k..].join(" ");
            let (Some(a), Some(b)) = (parse_brief_value(&current), parse_brief_value(prior.trim()))
            else {
                continue;
            };
            if label.is_empty() {
                continue;
            }
            first.get_or_insert(i);
            last = i;
            rows.push(Row {
                unit: unit(&label),
                label: label.into(),
                section: section.clone(),
                parent: None,
                kind: RowKind::Item,
                currency: None,
                scale: Scale::One,
                scale_source: None,
                line: l.no,
                cells: vec![
                    Some(Cell {
                        value: a,
                        printed: current.into(),
                    }),
                    Some(Cell {
                        value: b,
                        printed: prior.trim().into(),
                    }),
                ],
            });
        } else if first.is_some()
            && t.split_whitespace().count() <= 3
            && !t.contains(':')
            && !t.ends_with('.')
        {
            section = Some(t.into());
            last = i;
        } else if first.is_some() {
            break;
        }
    }
    let first = first?;
    let columns = ["Current", "Prior"]
        .map(|l| Column {
            label: l.into(),
            end: None,
            months: None,
            unit: None,
            scale: None,
        })
        .to_vec();
    let table = Table {
        id: Text::default(),
        title: None,
        line: lines[first].no,
        scale_note: None,
        document: None,
        columns,
        rows,
    };
    Some((table, first, last))
}

/// Wire shorthand for the usual items.
fn unit(label: &str) -> Option<Unit> {
    let l = label.to_ascii_lowercase();
    if l.starts_with("shr") || l.contains("per shr") {
        Some(Unit::MoneyPerShare)
    } else if l.contains("shrs") || l.contains("shares") {
        Some(Unit::Shares)
    } else if l.starts_with("net")
        || l.starts_with("revs")
        || l.contains("sales")
        || l.contains("profit")
        || l.contains("income")
    {
        Some(Unit::Money)
    } else {
        None
    }
}
