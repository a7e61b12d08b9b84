//! What each row measures, read once per document: the layer between the document model and
//! the checks that compare rows.
//!
//! A row's label says what it is only together with where it is printed: "Inventories" is a
//! level on a balance sheet and a change in a cash flow statement; "Net realized gains" is
//! subtracted in a reconciliation and added in an income statement; "SG&A" under a
//! segment's heading is not the company's. [`Meanings::of`] reads every row once into a
//! [`Meaning`]: its concept (the label's words without bookkeeping verbs and hedges, see
//! [`concept`]), its basis (GAAP, non-GAAP, adjusted; continuing or discontinued
//! operations, [`basis`]), its scope (a segment, product, mine or metal, [`scope`]), the
//! kind of figure it prints ([`kind`]), the statement it sits in and its sign convention
//! ([`statement`]).
//!
//! The checks ask it one question before they call a difference a mismatch: are both sides
//! the same thing? [`Meaning::differs`] answers with the reason a person reads when they are
//! not. Everything here is a pure function of the document, linear in its rows.
//!
//! Who reads it today: the findings gate (`analyze/findings.rs`), for the rows a mismatch
//! cites, and the metrics' segment names (`scope::name_before`). The cross-table keys and
//! the claims' row matching still read label words on their own; moving them here is the
//! next step (it moves ok counts, each to be read and re-pinned).

pub mod basis;
pub mod concept;
pub mod kind;
pub mod scope;
pub mod statement;

use crate::document::{Document, RowKind, Table};

pub use basis::{Basis, Operations};
pub use kind::FigureKind;
pub use statement::{SignConvention, Statement};

/// What one row measures.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Meaning {
    /// The label's words, lower case, without "Add"/"Less", "Total" and parenthesised hedges
    /// such as "(loss)" or "(used in)".
    pub concept: Vec<String>,
    pub basis: Basis,
    pub operations: Operations,
    /// The segment, product, mine or metal the row is about, when its table, section or
    /// parent heading names one; `None` for the company as a whole.
    pub scope: Option<String>,
    pub kind: FigureKind,
    /// The statement the row's table is.
    pub statement: Statement,
    pub sign: SignConvention,
    /// A total or subtotal in its table.
    pub total: bool,
}

/// Every row's [`Meaning`], by table then row.
pub struct Meanings {
    tables: Vec<Vec<Meaning>>,
    /// Table ids, to find a table from a check's cell.
    ids: Vec<crate::document::Text>,
}

impl Meanings {
    pub fn of(doc: &Document) -> Meanings {
        Meanings {
            tables: doc.tables.iter().map(of_table).collect(),
            ids: doc.tables.iter().map(|t| t.id.clone()).collect(),
        }
    }

    /// The meaning of row `row` of the table with id `table`.
    pub fn get(&self, table: &str, row: usize) -> Option<&Meaning> {
        let t = crate::document::table_position(&self.ids, table, |id| id.as_str())?;
        self.tables[t].get(row)
    }

    /// The meanings of table number `t`'s rows.
    pub fn table(&self, t: usize) -> &[Meaning] {
        &self.tables[t]
    }
}

/// The meanings of one table's rows.
pub fn of_table(t: &Table) -> Vec<Meaning> {
    let statement = Statement::of(t);
    let table_basis = Basis::of_words(&words(t.title.as_deref().unwrap_or("")));
    (0..t.rows.len())
        .map(|k| row_in(t, statement, table_basis, k))
        .collect()
}

/// The meaning of row `k` of a table alone, for a caller that needs a few rows.
pub fn of_row(t: &Table, k: usize) -> Option<Meaning> {
    (k < t.rows.len()).then(|| {
        let table_basis = Basis::of_words(&words(t.title.as_deref().unwrap_or("")));
        row_in(t, Statement::of(t), table_basis, k)
    })
}

fn row_in(t: &Table, statement: Statement, table_basis: Basis, k: usize) -> Meaning {
    let r = &t.rows[k];
    let title = t.title.as_deref().unwrap_or("");
    let w = words(&r.label);
    let context: Vec<String> = [r.parent.as_deref(), r.section.as_deref()]
        .into_iter()
        .flatten()
        .flat_map(words)
        .collect();
    let total = r.kind == RowKind::Total;
    let sign = statement::sign_of(statement, &w, total);
    // A reconciliation's adjustments are reported items (a gain, a tax); what it arrives at
    // is the adjusted figure.
    let basis = match sign {
        SignConvention::Adjustment => Basis::of_words(&w),
        SignConvention::AsReported => Basis::of_words(&w).or(table_basis),
    };
    Meaning {
        concept: concept::of(&w),
        basis,
        operations: Operations::of_words(&w),
        scope: scope::of(r, title),
        kind: kind::of(&w, &context, r.unit, statement),
        statement,
        sign,
        total,
    }
}

impl Meaning {
    /// Why this row and `other` are not the same thing (the reason a comparison of the two
    /// is not checkable), or `None` when they may be compared.
    pub fn differs(&self, other: &Meaning) -> Option<String> {
        if self.kind != other.kind {
            return Some(format!(
                "one is {} and the other {}, so they are not the same figure",
                self.kind.name(),
                other.kind.name()
            ));
        }
        if self.basis != other.basis {
            return Some(format!(
                "one is {} and the other {}",
                self.basis.name(),
                other.basis.name()
            ));
        }
        if self.operations != other.operations {
            return Some(format!(
                "one covers {} and the other {}",
                self.operations.name(),
                other.operations.name()
            ));
        }
        if self.scope != other.scope {
            return Some(format!(
                "one is about {} and the other about {}",
                self.scope.as_deref().unwrap_or("the company as a whole"),
                other.scope.as_deref().unwrap_or("the company as a whole")
            ));
        }
        None
    }
}

/// A text's words: runs of ASCII letters and digits, lower case (other letters are kept as
/// they are, within words).
pub fn words(s: &str) -> Vec<String> {
    s.split(|c: char| !(crate::case::is_alphanumeric(c) || c == '&'))
        .filter(|w| !w.is_empty())
        .map(|w| w.to_ascii_lowercase())
        .collect()
}

/// Whether `w` holds any of `xs`.
pub(crate) fn has_any(w: &[String], xs: &[&str]) -> bool {
    w.iter().any(|x| xs.contains(&x.as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_lower_case_runs() {
        assert_eq!(
            words("Net income (loss), basic"),
            ["net", "income", "loss", "basic"]
        );
    }
}
