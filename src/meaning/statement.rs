//! Which statement a table is, and the sign convention its rows are printed in. A
//! reconciliation prints what it subtracts as a positive figure or in parentheses as it
//! pleases (a gain subtracted in an FFO reconciliation is "(3,523)", the same gain is 3,523
//! in the income statement), and a cash flow statement's adjustments turn the income
//! statement's signs around: figures in those conventions agree with the statements'
//! up to their sign, and an adjustment in one reconciliation need not be the same amount as
//! a like-named one in another.

use super::{has_any, words};
use crate::document::Table;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Statement {
    Income,
    BalanceSheet,
    CashFlow,
    /// A reconciliation of a reported figure to a non-GAAP one (FFO, EBITDA, adjusted
    /// earnings, cash costs).
    Reconciliation,
    Other,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SignConvention {
    /// Signed as the statement of the item prints it.
    AsReported,
    /// An adjustment in a reconciliation or a cash flow statement: its sign says which way
    /// it moves the total, not the item's own sign.
    Adjustment,
}

impl Statement {
    /// From the title, else from the rows the table prints.
    pub fn of(t: &Table) -> Statement {
        let title = words(t.title.as_deref().unwrap_or(""));
        let in_title = |xs: &[&str]| has_any(&title, xs);
        if in_title(&["reconciliation", "reconciliations", "reconcile"])
            || in_title(&["ffo", "affo", "ebitda", "adjusted"])
        {
            return Statement::Reconciliation;
        }
        if in_title(&["cash"]) && in_title(&["flow", "flows"]) {
            return Statement::CashFlow;
        }
        if in_title(&["balance"]) || (in_title(&["financial"]) && in_title(&["position"])) {
            return Statement::BalanceSheet;
        }
        if in_title(&["operations", "income", "earnings", "loss"])
            && in_title(&["statements", "statement"])
        {
            return Statement::Income;
        }
        // A title the reader did not find: the rows say it.
        let mut operating = false;
        let mut investing = false;
        let mut assets = false;
        let mut reconciles = false;
        for r in &t.rows {
            let w = words(&r.label);
            operating |= has_any(&w, &["operating"]) && has_any(&w, &["activities"]);
            investing |= has_any(&w, &["investing", "financing"]) && has_any(&w, &["activities"]);
            assets |= has_any(&w, &["total"]) && has_any(&w, &["assets"]);
            reconciles |= has_any(&w, &["reconcile"]);
        }
        if operating && investing || reconciles {
            Statement::CashFlow
        } else if assets {
            Statement::BalanceSheet
        } else {
            Statement::Other
        }
    }
}

/// A row's sign convention: the items (not totals) of a reconciliation or a cash flow
/// statement are adjustments.
pub fn sign_of(statement: Statement, w: &[String], total: bool) -> SignConvention {
    let adjusting = matches!(statement, Statement::Reconciliation | Statement::CashFlow)
        || w.first()
            .is_some_and(|x| ["add", "less", "deduct", "plus"].contains(&x.as_str()));
    if adjusting && !total {
        SignConvention::Adjustment
    } else {
        SignConvention::AsReported
    }
}
