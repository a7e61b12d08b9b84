//! A row's concept: its label's words with the bookkeeping of reconciliations ("Add",
//! "Less", "Divided by") and the hedges of signed items ("(loss)", "(used in)", "provided
//! by (used in)") dropped, so that the same item printed two ways has one concept and two
//! items that only look alike ("Cash generated from operating activities" before interest
//! and tax, "Net cash provided by operating activities" after) keep two.

use std::borrow::Cow;

/// Words that only say which way a figure may go or that it is a sum.
const HEDGES: &[&str] = &["loss", "losses", "used", "in", "total", "gain", "gains"];

/// The concept of a label's words.
pub fn of(w: &[String]) -> Vec<String> {
    let mut rest: &[String] = w;
    if rest.len() >= 2 && rest[0] == "divided" && rest[1] == "by" {
        rest = &rest[2..];
    } else if rest
        .first()
        .is_some_and(|x| ["add", "less", "deduct", "plus", "excluding"].contains(&x.as_str()))
    {
        rest = &rest[1..];
    }
    rest.iter()
        .filter(|x| !HEDGES.contains(&x.as_str()))
        .cloned()
        .collect()
}

/// The stem of a lower-case word, so the claims and the findings read "revenues" and "sales",
/// "ounces" and "ounce" alike. The stem ([`super::words`] gives them): a slice of it but for "-ies".
pub fn stem(w: &str) -> Cow<'_, str> {
    let w = match w {
        "revenue" | "revenues" => "sales",
        _ => w,
    };
    let n = w.len();
    if w.ends_with("ies") && n > 4 {
        let mut s = String::with_capacity(n - 2);
        s.push_str(&w[..n - 3]);
        s.push('y');
        Cow::Owned(s)
    } else if w.ends_with("sses") {
        Cow::Borrowed(&w[..n - 2])
    } else if w.ends_with('s') && !w.ends_with("ss") && n > 3 {
        Cow::Borrowed(&w[..n - 1])
    } else {
        Cow::Borrowed(w)
    }
}

/// The concept of an item however a release words its sign or its name for profit: "Net
/// loss", "Net income (loss)" and "Net earnings" are one line whose figure carries the sign,
/// as are "Basic loss per share" and "Basic earnings (loss) per share". A loss that is
/// itself the item (at the label's end, or before "per", "before", "from", "in") reads as
/// income; a loss after "income", "earnings", "profit" or "gain" stays the hedge [`of`]
/// drops. "Earnings" is "income". A loss on something ("Loss on sale of assets") is left as
/// it is. Releases compared over time need this; the checks within one release do not,
/// and keep [`of`].
pub fn item(w: &[String]) -> Vec<String> {
    let hedged =
        |i: usize| i > 0 && ["income", "earnings", "profit", "gain"].contains(&w[i - 1].as_str());
    let own = |i: usize| {
        w.get(i + 1)
            .is_none_or(|n| ["per", "before", "from", "in"].contains(&n.as_str()))
    };
    let named: Vec<String> = (0..w.len())
        .map(|i| match w[i].as_str() {
            "earnings" => "income".to_string(),
            "loss" | "losses" if !hedged(i) && own(i) => "income".to_string(),
            x => x.to_string(),
        })
        .collect();
    of(&named)
}

/// A text's words ([`super::words`]), each stemmed ([`stem`]).
pub fn stems(text: &str) -> Vec<String> {
    super::words(text)
        .iter()
        .map(|w| stem(w).into_owned())
        .collect()
}

/// A payout to holders ("Dividends declared per share", "Cash distribution per common
/// share from net investment income"), not earnings, though its label may name income:
/// "Net income after preferred dividends" is earnings.
pub fn is_payout<S: AsRef<str>>(w: &[S]) -> bool {
    let has = |x: &str| w.iter().any(|y| y.as_ref() == x);
    (has("dividend") || has("dividends") || has("distribution") || has("distributions"))
        && !has("after")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::meaning::words;

    #[test]
    fn hedges_and_verbs_are_dropped() {
        assert_eq!(
            of(&words(
                "Net cash provided by (used in) operating activities"
            )),
            of(&words("Net cash provided by operating activities"))
        );
        assert_ne!(
            of(&words("Cash generated from operating activities")),
            of(&words("Net cash provided by operating activities"))
        );
        assert_eq!(of(&words("Less: Income taxes")), ["income", "taxes"]);
    }

    #[test]
    fn an_item_is_one_whatever_its_sign() {
        let net = item(&words("Net income"));
        assert_eq!(net, ["net", "income"]);
        assert_eq!(item(&words("Net loss")), net);
        assert_eq!(item(&words("Net income (loss)")), net);
        assert_eq!(item(&words("Net earnings")), net);
        assert_eq!(
            item(&words("Diluted earnings (loss) per share")),
            item(&words("Diluted income per share"))
        );
        assert_eq!(
            item(&words("Loss before income taxes")),
            item(&words("Income (loss) before income taxes"))
        );
        assert_eq!(
            item(&words("Loss on sale of assets")),
            ["on", "sale", "of", "assets"]
        );
    }

    #[test]
    fn payouts_are_not_earnings() {
        assert!(is_payout(&words(
            "Cash distribution per common share from net investment income"
        )));
        assert!(is_payout(&words("Dividends declared per share")));
        assert!(!is_payout(&words("Net income after preferred dividends")));
        assert!(!is_payout(&words("Net income per share")));
    }
}
