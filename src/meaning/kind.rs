//! The kind of figure a row prints. Only figures of one kind can be the same figure: a
//! change in inventories (a cash flow statement's working-capital line) is not the
//! inventories on the balance sheet, a price is not an amount, a count of shares is not
//! money.

use super::has_any;
use super::statement::Statement;
use crate::document::Unit;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FigureKind {
    Amount,
    PerShare,
    PerUnit,
    Average,
    Price,
    Grade,
    Percent,
    /// A change over the period: a working-capital line of a cash flow statement, "Increase
    /// (decrease) in …", "Change in …".
    Change,
    Ratio,
    Count,
}

impl FigureKind {
    pub fn name(self) -> &'static str {
        match self {
            FigureKind::Amount => "an amount",
            FigureKind::PerShare => "a per-share figure",
            FigureKind::PerUnit => "a per-unit figure",
            FigureKind::Average => "an average",
            FigureKind::Price => "a price",
            FigureKind::Grade => "a grade",
            FigureKind::Percent => "a percentage",
            FigureKind::Change => "a change over the period",
            FigureKind::Ratio => "a ratio",
            FigureKind::Count => "a count",
        }
    }
}

/// The kind of a row from its label's words, the words of its section and parent heading,
/// its unit and its table's statement.
pub fn of(
    w: &[String],
    context: &[String],
    unit: Option<Unit>,
    statement: Statement,
) -> FigureKind {
    let joined = |a: &str, b: &str| w.windows(2).any(|p| p[0] == a && p[1] == b);
    match unit {
        Some(Unit::MoneyPerShare) => return FigureKind::PerShare,
        Some(
            Unit::MoneyPerOz
            | Unit::MoneyPerLb
            | Unit::MoneyPerTon
            | Unit::MoneyPerTonne
            | Unit::MoneyPerBoe
            | Unit::MoneyPerUnit,
        ) => {
            return if has_any(w, &["price", "prices", "realized"]) {
                FigureKind::Price
            } else {
                FigureKind::PerUnit
            }
        }
        Some(Unit::OzPerTon) => return FigureKind::Grade,
        Some(Unit::Percent) => return FigureKind::Percent,
        Some(Unit::Ratio) => return FigureKind::Ratio,
        Some(Unit::Shares) => return FigureKind::Count,
        _ => {}
    }
    if has_any(w, &["per"]) {
        return if joined("per", "share") || has_any(w, &["unit", "diluted", "basic"]) {
            FigureKind::PerShare
        } else {
            FigureKind::PerUnit
        };
    }
    // Spanish and Portuguese releases (Latin American miners) name them too.
    if has_any(w, &["average", "promedio", "média"]) {
        return FigureKind::Average;
    }
    if has_any(w, &["price", "prices", "precio", "precios", "preço"]) {
        return FigureKind::Price;
    }
    if has_any(w, &["grade"]) {
        return FigureKind::Grade;
    }
    if has_any(w, &["margin", "ratio", "yield", "veces", "margen"]) {
        return FigureKind::Ratio;
    }
    // A number of shares with no unit of its own ("Nº de acciones emitidas"): a count, not an
    // amount (a quarter is not the half year's shares less the first quarter's).
    if unit.is_none() && has_any(w, &["shares", "acciones", "ações"]) {
        return FigureKind::Count;
    }
    let change_words = has_any(w, &["change", "changes", "increase", "decrease"]);
    let working_capital = statement == Statement::CashFlow
        && (has_any(context, &["changes", "change", "increase", "decrease"])
            && has_any(context, &["assets", "liabilities", "capital"]));
    if change_words || working_capital {
        return FigureKind::Change;
    }
    FigureKind::Amount
}

/// Words that name a period ("of 2024", "of the fourth quarter", "of last year").
pub fn period_word(w: &str) -> bool {
    [
        "first",
        "second",
        "third",
        "fourth",
        "quarter",
        "year",
        "last",
        "prior",
        "previous",
        "same",
        "period",
        "month",
        "months",
        "fy",
        "half",
        "nine",
        "six",
        "three",
        "twelve",
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
    ]
    .contains(&w)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::meaning::words;

    #[test]
    fn working_capital_lines_are_changes() {
        let ctx = words("Changes in operating assets and liabilities:");
        let k = of(
            &words("Inventories"),
            &ctx,
            Some(Unit::Money),
            Statement::CashFlow,
        );
        assert_eq!(k, FigureKind::Change);
        let k = of(
            &words("Inventories"),
            &[],
            Some(Unit::Money),
            Statement::BalanceSheet,
        );
        assert_eq!(k, FigureKind::Amount);
    }
}
