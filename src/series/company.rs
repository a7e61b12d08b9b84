//! Which releases are one company's. An SEC Central Index Key says it for certain (two
//! different keys are two companies, whatever their names); else the tickers, when both
//! print some (a symbol in common, or two companies); else the same name once case,
//! punctuation, a leading "The" and the legal form
//! ("Corp", "Corporation", "Inc.", "Company") are set aside: "PERICOM SEMICONDUCTOR CORP"
//! in an EDGAR header and "Pericom Semiconductor Corporation" in its release are one.
//!
//! A release that prints no ticker and no dateline names its company with its legal form,
//! as reports outside the English-speaking world do ("Sociedad Punta del Cobre S.A."): read
//! here rather than in `read`, since only many releases need it (the first page's wasm is
//! kept small).

use serde::Serialize;

use crate::document::{Company, Document};

/// The company a group of releases is about, as they name it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CompanyId {
    /// The name the latest release prints.
    pub name: Option<String>,
    /// Every ticker any of its releases prints.
    pub tickers: Vec<String>,
    pub cik: Option<u64>,
}

/// The document's company; a name its opening paragraphs print with a legal form when it
/// has none.
pub fn of_document(doc: &Document) -> Company {
    let mut c = doc.company.clone();
    if c.name.is_none() {
        c.name = (doc.narrative.iter().take(6)).find_map(|p| legal_name(&p.text));
    }
    c
}

/// The company named with its legal form: "Sociedad Punta del Cobre S.A.", "… S.A.B. de
/// C.V.", "… S.p.A.": the capitalised words (and the particles between them) ending with it.
pub fn legal_name(text: &str) -> Option<String> {
    const FORMS: [&str; 5] = ["S.A.", "S.A.A.", "S.A.B.", "S.p.A.", "Ltda."];
    let words: Vec<&str> = text.split_whitespace().collect();
    let at = words
        .iter()
        .position(|w| FORMS.contains(&w.trim_end_matches(',')))?;
    let mut from = at;
    while from > 0 {
        let w = words[from - 1];
        let particle = matches!(
            w,
            "de" | "del" | "la" | "do" | "da" | "des" | "du" | "y" | "e"
        );
        // A sentence's end ("… de 2025. Sociedad …") is not part of the name.
        if !(particle || w.starts_with(crate::case::is_uppercase)) || w.ends_with('.') {
            break;
        }
        from -= 1;
    }
    while from < at && words[from].starts_with(crate::case::is_lowercase) {
        from += 1;
    }
    // "S.A.B. de C.V.": the rest of a Mexican form.
    let mut to = at + 1;
    if words.get(to) == Some(&"de") && words.get(to + 1).is_some_and(|w| w.starts_with("C.V")) {
        to += 2;
    }
    (at > from).then(|| words[from..to].join(" ").trim_end_matches(',').to_string())
}

/// Words of a legal form, not of a name.
const FORMS: &[&str] = &[
    "corp",
    "corporation",
    "inc",
    "incorporated",
    "co",
    "company",
    "ltd",
    "limited",
    "plc",
    "llc",
    "lp",
    "sa",
    "ag",
    "nv",
];

/// A name with case, punctuation, a leading "the" and trailing legal forms set aside.
pub fn normalized(name: &str) -> String {
    let mut w = crate::meaning::words(name);
    if w.first().is_some_and(|x| x == "the") {
        w.remove(0);
    }
    while w.len() > 1 && w.last().is_some_and(|x| FORMS.contains(&x.as_str())) {
        w.pop();
    }
    w.join(" ")
}

/// A ticker's symbol without its exchange: a Dow Jones headline prints "AVNT" where the
/// release prints "NYSE:AVNT".
fn symbol(ticker: &str) -> &str {
    ticker.rsplit(':').next().unwrap_or(ticker)
}

/// Whether two releases' companies are one: the same CIK; else, when both print tickers, a
/// shared symbol (none shared is two companies, whatever the names); else the same name.
pub fn same(a: &Company, b: &Company) -> bool {
    if let (Some(x), Some(y)) = (a.cik, b.cik) {
        return x == y;
    }
    if !a.tickers.is_empty() && !b.tickers.is_empty() {
        return (a.tickers.iter()).any(|t| b.tickers.iter().any(|u| symbol(t) == symbol(u)));
    }
    match (&a.name, &b.name) {
        (Some(x), Some(y)) => {
            let (x, y) = (normalized(x), normalized(y));
            !x.is_empty() && x == y
        }
        _ => false,
    }
}

/// The releases grouped by company, each group in the order given; releases that name no
/// company are each their own group.
pub fn groups(companies: &[&Company]) -> Vec<Vec<usize>> {
    let mut out: Vec<Vec<usize>> = Vec::new();
    for (i, c) in companies.iter().enumerate() {
        // A CIK decides alone: a release with one never joins a group holding another.
        let fits = |g: &Vec<usize>| {
            g.iter().any(|&j| same(c, companies[j]))
                && !g
                    .iter()
                    .any(|&j| matches!((c.cik, companies[j].cik), (Some(x), Some(y)) if x != y))
        };
        match out.iter_mut().find(|g| fits(g)) {
            Some(g) => g.push(i),
            None => out.push(vec![i]),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn company(name: &str, cik: Option<u64>) -> Company {
        Company {
            name: Some(name.to_string()),
            tickers: Vec::new(),
            cik,
        }
    }

    #[test]
    fn names_without_their_legal_form() {
        assert_eq!(
            normalized("PERICOM SEMICONDUCTOR CORP"),
            "pericom semiconductor"
        );
        assert_eq!(
            normalized("Pericom Semiconductor Corporation"),
            "pericom semiconductor"
        );
        assert_eq!(normalized("THE WALT DISNEY COMPANY"), "walt disney");
        assert_eq!(
            normalized("Worthington Industries, Inc."),
            "worthington industries"
        );
    }

    #[test]
    fn a_company_named_with_its_legal_form() {
        // Pucobre's cover: title, date and name run into one paragraph.
        assert_eq!(
            legal_name("ANALISIS RAZONADO A los Estados Financieros Consolidados al 31 de Marzo de 2025. Sociedad Punta del Cobre S.A.").as_deref(),
            Some("Sociedad Punta del Cobre S.A.")
        );
        assert_eq!(
            legal_name("Grupo Mexico S.A.B. de C.V. reporta sus resultados").as_deref(),
            Some("Grupo Mexico S.A.B. de C.V.")
        );
        assert_eq!(
            legal_name("Lima, Peru. Compañía de Minas Buenaventura S.A.A., the largest").as_deref(),
            Some("Compañía de Minas Buenaventura S.A.A.")
        );
        // A form with no name before it, or none at all.
        assert_eq!(legal_name("by the S.A. board"), None);
        assert_eq!(legal_name("Banco de Chile"), None);
        // The Spanish name and the capitals of a running header are one company.
        assert_eq!(
            normalized("Sociedad Punta del Cobre S.A."),
            normalized("SOCIEDAD PUNTA DEL COBRE S.A.")
        );
    }

    #[test]
    fn a_cik_decides() {
        let a = company("Acme Corp", Some(1));
        let b = company("Acme Corporation", Some(2));
        let c = company("ACME CORP", None);
        assert!(!same(&a, &b));
        assert!(same(&a, &c));
        assert_eq!(groups(&[&a, &b, &c]), vec![vec![0, 2], vec![1]]);
    }

    #[test]
    fn tickers_decide_before_names() {
        let mut a = company("Acme Corp", None);
        let mut b = company("Acme Corporation", None);
        a.tickers = vec!["NYSE:ACM".to_string()];
        b.tickers = vec!["TSX:ACX".to_string()];
        assert!(!same(&a, &b));
        b.tickers.push("ACM".to_string());
        assert!(same(&a, &b));
    }
}
