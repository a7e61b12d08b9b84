//! Currencies: what money a row counts, from what the release prints.
//!
//! In order: the row's own label ("Revenue (EURm)", "Capex (US$ thousands)"), the symbols in
//! its cells ("C$ 1.20", "€ 4.5"), the table's statement, title and headers ("(Stated in
//! thousands of Canadian dollars)"), the symbols in the table's other cells, and last the
//! document's own money: a currency its text states ("expressed in Canadian dollars",
//! "EUR million" throughout), or what a bare "$" means for the company (a TSX listing, a
//! US filer). Nothing said means no currency, never a guessed US dollar.

use crate::document::{Company, Currency, Paragraph, Table, Unit};

/// ISO codes read as words (and glued to a scale: "EURm", "MSEK", "USD'000").
const CODES: [&str; 30] = [
    "USD", "CAD", "EUR", "GBP", "AUD", "NZD", "CHF", "SEK", "NOK", "DKK", "ISK", "JPY", "CNY",
    "HKD", "SGD", "MYR", "IDR", "INR", "KRW", "TWD", "BRL", "ARS", "MXN", "CLP", "PEN", "COP",
    "ZAR", "PLN", "ILS", "PHP",
];

/// Names, lower case: the first that a text holds is its currency.
const NAMES: [(&str, &str); 27] = [
    ("u.s. dollar", "USD"),
    ("us dollar", "USD"),
    ("united states dollar", "USD"),
    ("canadian dollar", "CAD"),
    ("canadian dlrs", "CAD"),
    ("australian dollar", "AUD"),
    ("new zealand dollar", "NZD"),
    ("hong kong dollar", "HKD"),
    ("singapore dollar", "SGD"),
    ("euros", "EUR"),
    ("euro ", "EUR"),
    ("pounds sterling", "GBP"),
    ("sterling", "GBP"),
    ("swedish kron", "SEK"),
    ("norwegian kron", "NOK"),
    ("danish kron", "DKK"),
    ("swiss franc", "CHF"),
    ("ringgit", "MYR"),
    ("renminbi", "CNY"),
    ("chinese yuan", "CNY"),
    ("japanese yen", "JPY"),
    ("brazilian real", "BRL"),
    ("reais", "BRL"),
    ("argentine peso", "ARS"),
    ("mexican peso", "MXN"),
    ("chilean peso", "CLP"),
    ("south african rand", "ZAR"),
];

/// Dollar signs with a country in front, and other symbols.
const SYMBOLS: [(&str, &str); 17] = [
    ("US$", "USD"),
    ("U.S.$", "USD"),
    ("CA$", "CAD"),
    ("CDN$", "CAD"),
    ("Cdn$", "CAD"),
    ("Can$", "CAD"),
    ("C$", "CAD"),
    ("AU$", "AUD"),
    ("A$", "AUD"),
    ("NZ$", "NZD"),
    ("HK$", "HKD"),
    ("NT$", "TWD"),
    ("S$", "SGD"),
    ("R$", "BRL"),
    ("€", "EUR"),
    ("£", "GBP"),
    ("RMB", "CNY"),
];

/// What a text says about money: a named currency, or a bare dollar ("$", "dollars",
/// "dlrs") whose country the document decides.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum CurrencyMention {
    Named(Currency),
    Dollar,
}

fn code(c: &str) -> Currency {
    Currency::new(c).unwrap_or(Currency::USD)
}

/// The first currency `text` names, with its byte offset.
fn named_at(text: &str) -> Option<(usize, Currency)> {
    let mut best: Option<(usize, Currency)> = None;
    let mut take = |at: usize, c: &str| {
        if best.is_none_or(|(b, _)| at < b) {
            best = Some((at, code(c)));
        }
    };
    for (sym, c) in SYMBOLS {
        if let Some(at) = find_symbol(text, sym) {
            take(at, c);
        }
    }
    if let Some(at) = find_ringgit(text) {
        take(at, "MYR");
    }
    // Codes: a capitalised word that is a code, or a code with a scale glued on.
    let b = text.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if !b[i].is_ascii_alphabetic() {
            i += 1;
            continue;
        }
        let start = i;
        while i < b.len() && b[i].is_ascii_alphanumeric() {
            i += 1;
        }
        let word = &text[start..i];
        if let Some(c) = code_in_word(word) {
            take(start, c);
        }
    }
    if text.bytes().any(|c| c >= b'A') {
        let lower = crate::case::to_lower(text);
        for (name, c) in NAMES {
            if let Some(at) = lower.find(name) {
                // "euro " must be the word, not "European".
                if name == "euro " && at > 0 && lower.as_bytes()[at - 1].is_ascii_alphabetic() {
                    continue;
                }
                take(at, c);
            }
        }
    }
    best
}

/// "EUR", "EURm", "EURbn", "MEUR", "TEUR", "SEKm", "USD000": the code, if the word is one.
fn code_in_word(word: &str) -> Option<&'static str> {
    let is = |w: &str| CODES.iter().copied().find(|c| *c == w);
    if word.len() == 3 {
        return is(word);
    }
    if word.len() > 3 && word.len() <= 6 {
        let (head, tail) = word.split_at(3);
        if let Some(c) = is(head) {
            if matches!(
                tail,
                "m" | "mn" | "M" | "bn" | "b" | "k" | "000" | "mm" | "MM"
            ) {
                return Some(c);
            }
        }
        if word.len() == 4 && matches!(&word[..1], "M" | "T" | "K") {
            return is(&word[1..]);
        }
    }
    None
}

/// `sym` where it is not the tail of a longer word ("C$" in "C$1.20", not in "ABC$").
fn find_symbol(text: &str, sym: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(at) = text[from..].find(sym).map(|a| a + from) {
        let before = text[..at].chars().next_back();
        if before.is_none_or(|c| !c.is_ascii_alphabetic()) {
            // "RMB" must stand alone; the "$" forms and signs may touch digits.
            let after = text[at + sym.len()..].chars().next();
            if sym != "RMB" || after.is_none_or(|c| !c.is_ascii_alphabetic()) {
                return Some(at);
            }
        }
        from = at + sym.len();
    }
    None
}

/// Malaysia's "RM" before an amount or a scale ("RM1.2 million", "RM'000", "RM mil").
fn find_ringgit(text: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(at) = text[from..].find("RM").map(|a| a + from) {
        let before = text[..at].chars().next_back();
        let after = text[at + 2..].chars().next();
        if before.is_none_or(|c| !c.is_ascii_alphanumeric())
            && after.is_none_or(|c| c.is_ascii_digit() || matches!(c, ' ' | '\'' | '(' | ')'))
        {
            return Some(at);
        }
        from = at + 2;
    }
    None
}

/// A short line that states the money a table counts: "Figures are in Ringgit (MYR)",
/// "Expressed in Canadian dollars", "(in EUR)".
pub(crate) fn states_currency(line: &str) -> bool {
    if line.len() > 80 {
        return false;
    }
    let l = crate::case::to_lower(line);
    let cue = [
        "are in ",
        "expressed in",
        "stated in",
        "amounts in",
        "(in ",
        "reported in",
    ]
    .iter()
    .any(|c| l.contains(c));
    cue && named_at(line).is_some()
}

/// What `text` says about money, if anything.
pub(crate) fn said(text: &str) -> Option<CurrencyMention> {
    if let Some((_, c)) = named_at(text) {
        return Some(CurrencyMention::Named(c));
    }
    let dollar = text.contains('$') || {
        let l = crate::case::to_lower(text);
        l.contains("dollar") || l.contains("dlrs")
    };
    dollar.then_some(CurrencyMention::Dollar)
}

/// The document's money: what a bare dollar means, and the currency it reports in when a
/// table says nothing.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Money {
    pub dollar: Option<Currency>,
    pub main: Option<Currency>,
}

/// Reads the document's money from its narrative, tables and company.
pub(crate) fn document_money(
    company: &Company,
    narrative: &[Paragraph],
    tables: &[Table],
    us_filer: bool,
) -> Money {
    let place = super::meta::dateline_place(narrative);
    // What a dollar is: a statement in the text ("expressed in Canadian dollars", "all
    // amounts are in U.S. dollars"), else the country of the listing.
    let mut dollar = None;
    for p in narrative {
        if let Some(c) = stated_reporting_currency(&p.text) {
            dollar = Some(c);
            break;
        }
    }
    // Else the dollar the tables' own statements name, when they name one kind only: a bare
    // "$" in a release whose statements say "(US$ millions, …)" is that dollar, whatever
    // exchange also lists the company.
    let dollar = dollar
        .or_else(|| statements_dollar(tables))
        .or_else(|| listing_dollar(company, place.as_ref(), us_filer));
    // The main currency: the most mentioned, counting a bare dollar as the document's.
    let mut counts: Vec<(Currency, usize)> = Vec::new();
    let mut count = |s: Option<CurrencyMention>| {
        let c = match s {
            Some(CurrencyMention::Named(c)) => c,
            Some(CurrencyMention::Dollar) => match dollar {
                Some(d) => d,
                None => return,
            },
            None => return,
        };
        match counts.iter_mut().find(|(k, _)| *k == c) {
            Some((_, n)) => *n += 1,
            None => counts.push((c, 1)),
        }
    };
    for t in tables {
        count(t.scale_note.as_deref().and_then(said));
        count(t.title.as_deref().and_then(said));
        for r in &t.rows {
            if r.unit.is_some_and(is_money) {
                count(cells_said(r));
            }
        }
    }
    for p in narrative {
        count(said(&p.text));
    }
    let main = counts.iter().max_by_key(|(_, n)| *n).map(|(c, _)| *c);
    Money { dollar, main }
}

/// The one kind of dollar the tables' statements name ("US$ millions"), if they name one.
fn statements_dollar(tables: &[Table]) -> Option<Currency> {
    let mut found: Option<Currency> = None;
    for t in tables {
        if let Some(CurrencyMention::Named(c)) = t.scale_note.as_deref().and_then(said) {
            if !matches!(c.code(), "USD" | "CAD" | "AUD" | "NZD" | "HKD" | "SGD") {
                continue;
            }
            if found.is_some_and(|f| f != c) {
                return None;
            }
            found = Some(c);
        }
    }
    found
}

/// "(expressed in thousands of Canadian dollars)", "All dollar figures are in US dollars",
/// "reported in U.S. dollars", "(In United States dollars, except where noted otherwise)":
/// the currency a release says it reports in.
fn stated_reporting_currency(text: &str) -> Option<Currency> {
    let l = crate::case::to_lower(text);
    for cue in [
        "expressed in",
        "stated in",
        "reported in",
        "presented in",
        "amounts are in",
        "figures are in",
        "amounts in",
        "denominated in",
        "are in",
        "(in ",
    ] {
        let mut from = 0;
        while let Some(at) = l[from..].find(cue).map(|a| a + from) {
            let tail_end = (at + cue.len() + 48).min(l.len());
            let tail_end = (0..=tail_end)
                .rev()
                .find(|&i| l.is_char_boundary(i))
                .unwrap_or(0);
            let tail = &text[at..tail_end.max(at)];
            if let Some((_, c)) = named_at(tail) {
                return Some(c);
            }
            from = at + cue.len();
        }
    }
    None
}

/// A bare dollar by the company's listing and home: a Canadian or Australian exchange
/// first, then the country the release is datelined from, then a US exchange or an SEC
/// filing (a Canadian company listed in New York still reports in its own dollar unless it
/// says otherwise, and then the statement above decides).
fn listing_dollar(
    company: &Company,
    place: Option<&(String, Option<String>)>,
    us_filer: bool,
) -> Option<Currency> {
    let on = |ex: &[&str]| {
        company.tickers.iter().any(|t| {
            let x = t.split(':').next().unwrap_or("");
            ex.iter().any(|e| x.eq_ignore_ascii_case(e))
        })
    };
    if on(&["TSX", "TSXV", "TSX-V", "TSX.V", "CSE", "NEO", "TSE"]) {
        return Some(code("CAD"));
    }
    if on(&["ASX"]) {
        return Some(code("AUD"));
    }
    if let Some(c) = place.and_then(|(city, region)| place_dollar(city, region.as_deref())) {
        return Some(c);
    }
    let us_listed = on(&[
        "NYSE",
        "NASDAQ",
        "AMEX",
        "NYSEAMERICAN",
        "NYSE AMERICAN",
        "NYSEMKT",
        "OTC",
        "OTCQX",
        "OTCQB",
        "NYSEARCA",
    ]);
    (us_filer || us_listed).then_some(Currency::USD)
}

/// US states and districts as datelines print them: names, AP abbreviations, postal codes.
const US_REGIONS: [&str; 146] = [
    "Alabama",
    "Alaska",
    "Arizona",
    "Arkansas",
    "California",
    "Colorado",
    "Connecticut",
    "Delaware",
    "Florida",
    "Georgia",
    "Hawaii",
    "Idaho",
    "Illinois",
    "Indiana",
    "Iowa",
    "Kansas",
    "Kentucky",
    "Louisiana",
    "Maine",
    "Maryland",
    "Massachusetts",
    "Michigan",
    "Minnesota",
    "Mississippi",
    "Missouri",
    "Montana",
    "Nebraska",
    "Nevada",
    "New Hampshire",
    "New Jersey",
    "New Mexico",
    "New York",
    "North Carolina",
    "North Dakota",
    "Ohio",
    "Oklahoma",
    "Oregon",
    "Pennsylvania",
    "Rhode Island",
    "South Carolina",
    "South Dakota",
    "Tennessee",
    "Texas",
    "Utah",
    "Vermont",
    "Virginia",
    "Washington",
    "West Virginia",
    "Wisconsin",
    "Wyoming",
    "Ala.",
    "Ariz.",
    "Ark.",
    "Calif.",
    "Colo.",
    "Conn.",
    "Del.",
    "Fla.",
    "Ga.",
    "Ill.",
    "Ind.",
    "Kan.",
    "Kans.",
    "Ky.",
    "La.",
    "Md.",
    "Mass.",
    "Mich.",
    "Minn.",
    "Miss.",
    "Mo.",
    "Mont.",
    "Neb.",
    "Nev.",
    "N.H.",
    "N.J.",
    "N.M.",
    "N.Y.",
    "N.C.",
    "N.D.",
    "Okla.",
    "Ore.",
    "Pa.",
    "R.I.",
    "S.C.",
    "S.D.",
    "Tenn.",
    "Tex.",
    "Vt.",
    "Va.",
    "Wash.",
    "W.Va.",
    "Wis.",
    "Wyo.",
    "D.C.",
    "AL",
    "AK",
    "AZ",
    "AR",
    "CA",
    "CO",
    "CT",
    "DE",
    "FL",
    "GA",
    "HI",
    "ID",
    "IL",
    "IN",
    "IA",
    "KS",
    "KY",
    "LA",
    "ME",
    "MD",
    "MA",
    "MI",
    "MN",
    "MS",
    "MO",
    "MT",
    "NE",
    "NV",
    "NH",
    "NJ",
    "NM",
    "NY",
    "NC",
    "ND",
    "OH",
    "OK",
    "OR",
    "PA",
    "RI",
    "SC",
    "SD",
    "TN",
    "TX",
    "UT",
    "VT",
    "VA",
    "WA",
    "WV",
    "WI",
    "WY",
    "DC",
];

/// Canadian provinces and territories: names, abbreviations, postal codes.
const CA_REGIONS: [&str; 38] = [
    "Canada",
    "Alberta",
    "British Columbia",
    "Manitoba",
    "New Brunswick",
    "Newfoundland",
    "Nova Scotia",
    "Ontario",
    "Prince Edward Island",
    "Quebec",
    "Québec",
    "Saskatchewan",
    "Yukon",
    "Alta.",
    "B.C.",
    "Man.",
    "N.B.",
    "Nfld.",
    "N.S.",
    "Ont.",
    "P.E.I.",
    "Que.",
    "Sask.",
    "AB",
    "BC",
    "MB",
    "NB",
    "NL",
    "NS",
    "NT",
    "NU",
    "ON",
    "PE",
    "QC",
    "SK",
    "YT",
    "Nunavut",
    "Northwest Territories",
];

/// Cities that AP style datelines print without a state or province.
const US_CITIES: [&str; 30] = [
    "NEW YORK",
    "LOS ANGELES",
    "CHICAGO",
    "SAN FRANCISCO",
    "BOSTON",
    "DALLAS",
    "HOUSTON",
    "SEATTLE",
    "DENVER",
    "ATLANTA",
    "PHOENIX",
    "MIAMI",
    "PHILADELPHIA",
    "WASHINGTON",
    "DETROIT",
    "MINNEAPOLIS",
    "PITTSBURGH",
    "CLEVELAND",
    "SAN DIEGO",
    "SAN ANTONIO",
    "BALTIMORE",
    "CINCINNATI",
    "HONOLULU",
    "INDIANAPOLIS",
    "LAS VEGAS",
    "MILWAUKEE",
    "NEW ORLEANS",
    "OKLAHOMA CITY",
    "SALT LAKE CITY",
    "ST. LOUIS",
];
const CA_CITIES: [&str; 9] = [
    "TORONTO",
    "MONTREAL",
    "VANCOUVER",
    "CALGARY",
    "OTTAWA",
    "EDMONTON",
    "WINNIPEG",
    "HALIFAX",
    "QUEBEC CITY",
];
const AU_CITIES: [&str; 5] = ["SYDNEY", "MELBOURNE", "PERTH", "BRISBANE", "ADELAIDE"];

/// What a bare "$" means for a release datelined from `city`, `region`: the United States
/// (and the countries whose currency is its dollar), Canada, Australia. Elsewhere a dollar
/// sign says nothing about which dollar.
fn place_dollar(city: &str, region: Option<&str>) -> Option<Currency> {
    let usd = |r: &str| {
        US_REGIONS.contains(&r)
            || [
                "U.S.",
                "U.S.A.",
                "USA",
                "United States",
                "Puerto Rico",
                "Panama",
                "Ecuador",
            ]
            .contains(&r)
    };
    match region {
        Some(r) if usd(r) => Some(Currency::USD),
        Some(r) if CA_REGIONS.contains(&r) => Some(code("CAD")),
        Some(r) if r == "Australia" || r.ends_with(" Australia") => Some(code("AUD")),
        Some(_) => None,
        None => {
            let is = |list: &[&str]| list.iter().any(|c| c.eq_ignore_ascii_case(city));
            if is(&US_CITIES) {
                Some(Currency::USD)
            } else if is(&CA_CITIES) {
                Some(code("CAD"))
            } else if is(&AU_CITIES) {
                Some(code("AUD"))
            } else {
                None
            }
        }
    }
}

/// A money unit (per share, per ounce… included).
pub(crate) fn is_money(u: Unit) -> bool {
    matches!(
        u,
        Unit::Money
            | Unit::MoneyPerShare
            | Unit::MoneyPerOz
            | Unit::MoneyPerLb
            | Unit::MoneyPerTon
            | Unit::MoneyPerTonne
            | Unit::MoneyPerBoe
            | Unit::MoneyPerUnit
    )
}

fn cells_said(r: &crate::document::Row) -> Option<CurrencyMention> {
    let mut out = None;
    for c in r.cells.iter().flatten() {
        match said(&c.printed) {
            Some(CurrencyMention::Named(n)) => return Some(CurrencyMention::Named(n)),
            Some(CurrencyMention::Dollar) => out = Some(CurrencyMention::Dollar),
            None => {}
        }
    }
    out
}

/// Gives every money row of `tables` its currency.
pub(crate) fn assign(tables: &mut [Table], money: Money) {
    let resolve = |s: Option<CurrencyMention>| match s {
        Some(CurrencyMention::Named(c)) => Some(c),
        Some(CurrencyMention::Dollar) => money.dollar,
        None => None,
    };
    for t in tables {
        let mut table_said = t
            .scale_note
            .as_deref()
            .and_then(said)
            .or_else(|| t.title.as_deref().and_then(said));
        if table_said.is_none() {
            table_said = t.columns.iter().find_map(|c| said(&c.label));
        }
        if table_said.is_none() {
            // The symbols of the table's money cells.
            table_said = t
                .rows
                .iter()
                .filter(|r| r.unit.is_some_and(is_money))
                .find_map(cells_said);
        }
        let table_currency = resolve(table_said).or(money.main);
        // A market table's price columns count money whatever their rows (a share's name).
        let money_columns = t.columns.iter().any(|c| c.unit.is_some_and(is_money));
        for r in &mut t.rows {
            let priced = money_columns && r.cells.iter().any(Option::is_some);
            if !r.unit.is_some_and(is_money) && !priced {
                continue;
            }
            let own = said(&r.label)
                .or_else(|| r.parent.as_deref().and_then(said))
                .or_else(|| r.section.as_deref().and_then(said))
                .or_else(|| cells_said(r));
            // A bare "$" in a table whose statement names its money ("(US$ millions …)")
            // is that money, whatever dollar the listing would make it.
            let own = match (own, table_said) {
                (Some(CurrencyMention::Dollar), Some(CurrencyMention::Named(_))) => table_said,
                _ => own,
            };
            r.currency = resolve(own).or(table_currency);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn named(t: &str) -> Option<String> {
        named_at(t).map(|(_, c)| c.to_string())
    }

    #[test]
    fn codes_symbols_and_names() {
        assert_eq!(named("Revenue (EURm)").as_deref(), Some("EUR"));
        assert_eq!(named("MSEK 1,234").as_deref(), Some("SEK"));
        assert_eq!(
            named("Capital Expenditures (USD thousands)").as_deref(),
            Some("USD")
        );
        assert_eq!(
            named("(Stated in thousands of Canadian dollars, except per share amounts)").as_deref(),
            Some("CAD")
        );
        assert_eq!(named("C$1.20").as_deref(), Some("CAD"));
        assert_eq!(named("RM'000").as_deref(), Some("MYR"));
        assert_eq!(named("€ 4.5").as_deref(), Some("EUR"));
        assert_eq!(named("FIRM revenue"), None);
        assert_eq!(named("European operations"), None);
        assert_eq!(named("$ 1,234"), None);
        assert_eq!(said("$ 1,234"), Some(CurrencyMention::Dollar));
        assert_eq!(
            said("(dollars in thousands)"),
            Some(CurrencyMention::Dollar)
        );
    }

    #[test]
    fn a_dollar_by_where_the_release_is_from() {
        let d = |c: &str, r: Option<&str>| place_dollar(c, r).map(|c| c.to_string());
        assert_eq!(d("CAMBRIDGE", Some("Mass.")).as_deref(), Some("USD"));
        assert_eq!(d("CHARLOTTE", Some("NC")).as_deref(), Some("USD"));
        assert_eq!(d("DALLAS", None).as_deref(), Some("USD"));
        assert_eq!(d("HALIFAX", Some("NS")).as_deref(), Some("CAD"));
        assert_eq!(d("CALGARY", Some("Alberta")).as_deref(), Some("CAD"));
        assert_eq!(d("TORONTO", None).as_deref(), Some("CAD"));
        assert_eq!(
            d("PERTH", Some("Western Australia")).as_deref(),
            Some("AUD")
        );
        // Elsewhere "$" does not say which dollar.
        assert_eq!(d("TAINAN", Some("Taiwan")), None);
        assert_eq!(d("BUENOS AIRES", Some("Argentina")), None);
        assert_eq!(d("HELSINKI", None), None);
    }

    #[test]
    fn reporting_statement() {
        let c =
            stated_reporting_currency("(In United States dollars, except where noted otherwise)");
        assert_eq!(c.map(|c| c.to_string()).as_deref(), Some("USD"));
        let c = stated_reporting_currency(
            "All amounts are expressed in Canadian dollars unless otherwise stated.",
        );
        assert_eq!(c.map(|c| c.to_string()).as_deref(), Some("CAD"));
        assert_eq!(
            stated_reporting_currency("Revenue rose 5% in the quarter."),
            None
        );
    }
}
