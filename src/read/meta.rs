//! Metadata where the text states it (company, tickers, release date, headline) and the
//! narrative paragraphs with their line numbers.

use crate::document::{Company, Date, Paragraph};

use super::fixed::Line;
use super::period;

/// Exchanges whose tickers releases print as `(NYSE:HL)` or `(TSX: ORV)`.
const EXCHANGES: [&str; 12] = [
    "NYSE",
    "NASDAQ",
    "Nasdaq",
    "AMEX",
    "TSX",
    "TSXV",
    "TSX-V",
    "ASX",
    "LSE",
    "NYSE American",
    "NYSE MKT",
    "OTC",
];

/// Paragraphs: runs of non-blank lines outside tables.
pub(crate) fn paragraphs(lines: &[Line], in_table: &[bool]) -> Vec<Paragraph> {
    let mut out = Vec::new();
    let mut cur: Option<Paragraph> = None;
    for (l, &skip) in lines.iter().zip(in_table) {
        let t = l.text.trim();
        if skip || t.is_empty() {
            if let Some(p) = cur.take() {
                out.push(p);
            }
            continue;
        }
        match &mut cur {
            Some(p) => {
                p.text.push(' ');
                p.line_starts.push((p.text.len(), l.no));
                p.text.push_str(t);
            }
            None => cur = Some(Paragraph::new(l.no, t.to_string())),
        }
    }
    out.extend(cur);
    out
}

/// Tickers (`NYSE:HL`) and the company name printed just before the first of them; else the
/// name the release defines as "the Company", the one its dateline is followed by, or the one
/// that "today announced" it.
pub(crate) fn company(paragraphs: &[Paragraph]) -> Company {
    let mut c = Company::default();
    for p in paragraphs.iter().take(12) {
        let text = &p.text;
        let mut from = 0;
        while let Some(open) = text[from..].find('(').map(|i| i + from) {
            let close = match text[open..].find(')') {
                Some(i) => open + i,
                None => break,
            };
            let inner = &text[open + 1..close];
            for part in inner.split([';', ',']) {
                if let Some((ex, tick)) = part.split_once(':') {
                    let (ex, tick) = (ex.trim(), tick.trim());
                    let tick_ok = !tick.is_empty()
                        && tick.len() <= 8
                        && tick
                            .chars()
                            .all(|ch| ch.is_ascii_uppercase() || ch == '.' || ch == '-');
                    if EXCHANGES.contains(&ex) && tick_ok {
                        let t = format!("{}:{}", ex.to_ascii_uppercase(), tick);
                        if !c.tickers.contains(&t) {
                            c.tickers.push(t);
                        }
                        if c.name.is_none() {
                            c.name = name_before(&text[..open]);
                        }
                    }
                }
            }
            from = close + 1;
        }
        if !c.tickers.is_empty() {
            break;
        }
    }
    if c.tickers.is_empty() {
        // Dow Jones headlines end with the symbol: "*Compass Minerals 1Q Sales $307.2M >CMP".
        if let Some(p) = paragraphs.first() {
            for w in p.text.split_whitespace() {
                let Some(t) = w.strip_prefix('>') else {
                    continue;
                };
                let ok = (1..=5).contains(&t.len()) && t.bytes().all(|b| b.is_ascii_uppercase());
                if ok && !c.tickers.iter().any(|x| x == t) {
                    c.tickers.push(t.to_string());
                }
            }
        }
    }
    // A name cut to its last word ("Corporation (Nasdaq: PSEM)" after a page break) is no name.
    if c.name.as_deref().is_none_or(|n| !n.contains(' ')) {
        c.name = defined_company(paragraphs)
            .or_else(|| dateline_name(paragraphs))
            .or_else(|| announcer(paragraphs))
            .or(c.name);
    }
    c
}

/// The company a release defines as "the Company": "First Majestic Silver Corp. (the
/// “Company”)", "Tigo Energy, Inc. ("Tigo" or the "Company")".
fn defined_company(paragraphs: &[Paragraph]) -> Option<String> {
    paragraphs.iter().find_map(|p| {
        let at = ["the “Company”)", "the \"Company\")"]
            .iter()
            .filter_map(|m| p.text.find(m))
            .min()?;
        let open = p.text[..at].rfind('(')?;
        name_before(&p.text[..open])
    })
}

/// The company that "today announced" or "today reported" the release, in its opening
/// paragraphs: "CHICAGO, IL - McDonald's Corporation today announced results…".
fn announcer(paragraphs: &[Paragraph]) -> Option<String> {
    paragraphs.iter().take(12).find_map(|p| {
        let at = [
            " today announced",
            " today reported",
            " announced today",
            " reported today",
        ]
        .iter()
        .filter_map(|m| p.text.find(m))
        .min()?;
        name_before(&p.text[..at]).filter(|n| n.contains(' ') && !n.starts_with("The "))
    })
}

/// A company's legal form, which may follow its name after a comma: a capitalised
/// abbreviation, "Inc.", "LTD.", "S.A.".
fn is_legal_form(word: &str) -> bool {
    word.len() <= 5 && word.ends_with('.') && word.starts_with(|c: char| c.is_ascii_uppercase())
}

/// The company named first after the dateline, where web copies keep it even when they drop
/// the ticker: "TORONTO, Feb. 12, 2025 /PRNewswire/ - Russel Metals Inc. announces…",
/// "…(BUSINESS WIRE)--February 10, 2025--" followed by "Compass Minerals , a leading…".
fn dateline_name(paragraphs: &[Paragraph]) -> Option<String> {
    const MARKS: [&str; 8] = [
        "WIRE)",
        "Wire)",
        "/PRNewswire",
        "NEWSWIRE)",
        "Newswire)",
        "/CNW/",
        "/ ACCESS Newswire /",
        "/ACCESSWIRE/",
    ];
    let first = paragraphs.iter().take(8).position(|p| {
        let head = p.text.get(..200).unwrap_or(&p.text);
        MARKS.iter().any(|m| head.contains(m))
    })?;
    let p = &paragraphs[first].text;
    let (at, mark) = MARKS
        .iter()
        .filter_map(|m| p.find(m).map(|i| (i + m.len(), m)))
        .max()?;
    let mut rest = &p[at..];
    if mark.ends_with(crate::case::is_alphabetic) {
        // "/PRNewswire-FirstCall/": the rest of the wire's name.
        rest = &rest[rest.find(char::is_whitespace).unwrap_or(rest.len())..];
    }
    // Skip separators and the release date after the wire's name.
    loop {
        let t = rest.trim_start_matches(|c: char| c.is_whitespace() || "-—–,/".contains(c));
        match period::find_date(t) {
            Some((_, end)) if t[..end].len() < 25 => rest = &t[end..],
            _ => {
                rest = t;
                break;
            }
        }
    }
    let mut next = first + 1;
    if rest.trim().is_empty() {
        rest = paragraphs.get(next).map(|p| p.text.as_str())?;
        next += 1;
    }
    // "Regulatory News:" is Business Wire's label for regulated information, printed on its
    // own line before the release: a label, not the company.
    let label = rest.trim().ends_with(':') && rest.split_whitespace().count() <= 3;
    if label {
        rest = paragraphs.get(next).map(|p| p.text.as_str())?;
    }
    leading_name(rest)
}

/// True when the text is a domestic SEC form's cover ("SECURITIES AND EXCHANGE COMMISSION"
/// … "FORM 8-K"), as an 8-K's own document is: its filer reports to the SEC as a US company.
/// Foreign issuers file 6-K and 40-F, which are not counted.
pub(crate) fn is_domestic_sec_form(paragraphs: &[Paragraph]) -> bool {
    let head = || paragraphs.iter().take(30).map(|p| p.text.trim());
    let commission = head().any(|t| t.eq_ignore_ascii_case("SECURITIES AND EXCHANGE COMMISSION"));
    let form = head().any(|t| {
        ["FORM 8-K", "FORM 10-Q", "FORM 10-K"]
            .iter()
            .any(|f| t.eq_ignore_ascii_case(f))
    });
    commission && form
}

/// The registrant a form's cover names: the line above "(Exact name of registrant as
/// specified in its charter)".
pub(crate) fn registrant(paragraphs: &[Paragraph]) -> Option<String> {
    let at = paragraphs
        .iter()
        .take(40)
        .position(|p| crate::case::to_lower(&p.text).starts_with("(exact name of registrant"))?;
    let name = paragraphs.get(at.checked_sub(1)?)?.text.trim();
    (!name.is_empty() && name.len() < 100).then(|| name.to_string())
}

/// The place a release is datelined from, as printed before the wire's name or the date:
/// "CAMBRIDGE, Mass., Feb. 13, 2025 (GLOBE NEWSWIRE)" → ("CAMBRIDGE", Some("Mass.")),
/// "ROSARIO, Argentina--(BUSINESS WIRE)--" → ("ROSARIO", Some("Argentina")),
/// "CHARLOTTE, NC / ACCESS Newswire /" → ("CHARLOTTE", Some("NC")).
pub(crate) fn dateline_place(paragraphs: &[Paragraph]) -> Option<(String, Option<String>)> {
    const MARKS: [&str; 9] = [
        "(GLOBE NEWSWIRE)",
        "--(BUSINESS WIRE)",
        "(BUSINESS WIRE)",
        "/PRNewswire",
        "/ ACCESS Newswire",
        "/ACCESSWIRE",
        "/ ACCESSWIRE",
        "/CNW/",
        "(Newsfile Corp",
    ];
    for p in paragraphs.iter().take(40) {
        let Some(at) = MARKS.iter().filter_map(|m| p.text.find(m)).min() else {
            continue;
        };
        let before = &p.text[..at];
        let from = before.len().saturating_sub(120);
        let from = (from..=before.len())
            .find(|&i| before.is_char_boundary(i))
            .unwrap_or(before.len());
        return place_in(&before[from..]);
    }
    None
}

/// The city and region ending `text`, once a trailing date is dropped: the segments between
/// commas, the city being the capitals that end its segment (headlines run into datelines
/// in web copies: "share repurchasesDALLAS").
fn place_in(text: &str) -> Option<(String, Option<String>)> {
    let trimmed = text.trim_end_matches(|c: char| c.is_whitespace() || "-—–/,*".contains(c));
    let mut parts: Vec<&str> = trimmed.split(',').map(str::trim).collect();
    // Drop "Feb. 13" and "2025".
    while parts.last().is_some_and(|s| {
        s.is_empty()
            || s.bytes().all(|b| b.is_ascii_digit())
            || period::find_date(&format!("{s}, 2000")).is_some()
    }) {
        parts.pop();
    }
    let (city, region) = match parts.as_slice() {
        [.., city, region] if region.chars().next().is_some_and(crate::case::is_uppercase) => {
            // "QUEBEC CITY, Canada": the region is the last segment unless it is the city.
            if region.chars().any(crate::case::is_lowercase) || region.len() <= 5 {
                (*city, Some(*region))
            } else {
                (*region, None)
            }
        }
        [.., city] => (*city, None),
        [] => return None,
    };
    // The city: the capitals (and spaces, dots, apostrophes) that end its segment.
    let start = city
        .char_indices()
        .rev()
        .take_while(|&(_, c)| crate::case::is_uppercase(c) || matches!(c, ' ' | '.' | '\'' | '-'))
        .last()
        .map(|(i, _)| i)?;
    let city = city[start..].trim_start_matches(['.', ' ', '-']).trim();
    if city.len() < 3 {
        return None;
    }
    Some((city.to_string(), region.map(str::to_string)))
}

/// Capitalised words from the start of a sentence up to a lower-case word, a comma or a
/// parenthesis: "Avient Corporation , an innovator" → "Avient Corporation".
fn leading_name(text: &str) -> Option<String> {
    let mut words: Vec<&str> = Vec::new();
    let mut all = text.split_whitespace().peekable();
    while let Some(w) = all.next() {
        if w.starts_with(['(', ',', '“', '"']) {
            break;
        }
        let clean = w.trim_end_matches(',');
        let cap = clean
            .chars()
            .next()
            .is_some_and(|ch| crate::case::is_uppercase(ch) || ch == '&');
        if !(cap || (matches!(clean, "of" | "de" | "and") && !words.is_empty())) {
            break;
        }
        // "Air T, Inc. is…": a comma before a legal form ("Inc.", "Ltd.", "S.A.") is the
        // name's.
        let legal_form_next =
            clean.len() != w.len() && all.peek().is_some_and(|n| is_legal_form(n));
        words.push(if legal_form_next { w } else { clean });
        if legal_form_next {
            words.extend(all.next().map(|n| n.trim_end_matches(',')));
            break;
        }
        if clean.len() != w.len() || words.len() >= 6 {
            break;
        }
    }
    while words
        .last()
        .is_some_and(|w| matches!(*w, "of" | "de" | "and"))
    {
        words.pop();
    }
    let name = words.join(" ");
    let named = name.chars().any(crate::case::is_lowercase)
        || (words.len() > 1 && words.last().is_some_and(|w| is_legal_form(w)));
    (!name.is_empty() && named).then_some(name)
}

/// The capitalised words ending right before a ticker: "…2007--Hecla Mining Company " →
/// "Hecla Mining Company".
fn name_before(text: &str) -> Option<String> {
    let mut text = text;
    // "Tigo Energy, Inc. ("Tigo" or the "Company") (NASDAQ: TYGO)", "Pericom Semiconductor
    // Corporation [NASDAQ National Market: PSEM]": the aliases and tickers set aside.
    loop {
        text = text.trim_end_matches([' ', ',']);
        let open = match text.bytes().last() {
            Some(b')') => '(',
            Some(b']') => '[',
            _ => break,
        };
        text = &text[..text.rfind(open)?];
    }
    // A plural possessive before its ticker: "Ivanhoe Mines’ (TSX: IVN)".
    let text = text.strip_suffix('’').unwrap_or(text);
    // A dash glued to the name ends it ("…2007--Hecla Mining Company"); one glued to a date
    // ("May 1, 2025—Amazon.com, Inc.") leaves only "Inc.", no name, and the dateline's rule
    // finds it.
    let tail = text.rsplit("--").next()?;
    let mut words: Vec<&str> = Vec::new();
    for w in tail.split_whitespace().rev() {
        let cap = w
            .chars()
            .next()
            .is_some_and(|ch| crate::case::is_uppercase(ch) || ch == '&');
        if cap || (matches!(w, "of" | "de" | "and") && !words.is_empty()) {
            words.push(w);
        } else {
            break;
        }
    }
    while words
        .last()
        .is_some_and(|w| matches!(*w, "of" | "de" | "and"))
    {
        words.pop();
    }
    words.reverse();
    let name = words.join(" ").trim_end_matches(',').to_string();
    (!name.is_empty()).then_some(name)
}

/// The dateline's date: "…(BUSINESS WIRE)--Nov. 8, 2007--…" or the first date in the
/// opening paragraphs.
pub(crate) fn release_date(paragraphs: &[Paragraph]) -> Option<Date> {
    // "(BUSINESS WIRE)", "(GLOBE NEWSWIRE)"; "/PRNewswire/", "/ ACCESS Newswire /",
    // "(Accesswire Newswire)"; Canada's "/CNW/" and "(Newsfile Corp. - …)".
    const MARKS: [&str; 4] = ["WIRE)", "ewswire", "/CNW/", "(Newsfile Corp"];
    for p in paragraphs.iter().take(8) {
        for mark in MARKS {
            let Some(at) = p.text.find(mark) else {
                continue;
            };
            // Right after the wire's name: "(BUSINESS WIRE)--Nov. 8, 2007--", "(BUSINESS
            // WIRE) May 1, 2025—", "/ ACCESS Newswire / February 12, 2025 /".
            let after = p.text[at + mark.len()..]
                .trim_start_matches(|c: char| c.is_whitespace() || "-—–/)".contains(c));
            if let Some((d, _)) = period::find_date(after).filter(|(_, end)| *end < 25) {
                return Some(d);
            }
            // Right before it: "VANCOUVER, British Columbia, Oct. 10, 2024 (GLOBE NEWSWIRE)",
            // "TORONTO, Feb. 12, 2025 /CNW/" (the last date, as a web copy may run the
            // headline, dates and all, into the dateline).
            let mut from = 0;
            let mut last = None;
            while let Some((d, end)) = period::find_date(&p.text[from..at]) {
                last = Some((d, from + end));
                from += end;
            }
            // Only the wire's own words between: " (GLOBE NEWS", " /".
            let next_to = |end: usize| {
                let between = &p.text[end..at];
                between.len() <= 16 && !between.contains(|c: char| c.is_ascii_digit() || c == '.')
            };
            if let Some((d, _)) = last.filter(|(_, end)| next_to(*end)) {
                return Some(d);
            }
        }
    }
    None
}

/// The headline: the first paragraph, unless it is an exhibit marker.
pub(crate) fn headline(paragraphs: &[Paragraph]) -> Option<String> {
    paragraphs
        .iter()
        .take(3)
        .map(|p| p.text.trim())
        .find(|t| !t.to_ascii_lowercase().starts_with("exhibit") && t.len() > 10 && t.len() < 300)
        .map(str::to_string)
}

/// "For the Period Ended September 30, 2007" near the top.
pub(crate) fn period_end(paragraphs: &[Paragraph]) -> Option<Date> {
    paragraphs.iter().take(6).find_map(|p| {
        let l = p.text.to_ascii_lowercase();
        let i = l.find("period ended").or_else(|| l.find("quarter ended"))?;
        period::find_date(&p.text[i..]).map(|(d, _)| d)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn place(text: &str) -> Option<(String, Option<String>)> {
        dateline_place(&[Paragraph::new(1, text.to_string())])
    }

    #[test]
    fn datelines_from_each_wire() {
        let p = |c: &str, r: Option<&str>| Some((c.to_string(), r.map(str::to_string)));
        assert_eq!(
            place("CAMBRIDGE, Mass., Feb. 13, 2025 (GLOBE NEWSWIRE) — Agios"),
            p("CAMBRIDGE", Some("Mass."))
        );
        assert_eq!(
            place("ROSARIO, Argentina--(BUSINESS WIRE)--February 11, 2025--Bioceres"),
            p("ROSARIO", Some("Argentina"))
        );
        assert_eq!(
            place("**MCLEAN, VA / ACCESS Newswire / February 12, 2025 /** Gladstone"),
            p("MCLEAN", Some("VA"))
        );
        // A web copy runs the headline into the dateline.
        assert_eq!(
            place("launches first two ETFsWestwood's Board authorized $5.0 million of share repurchasesDALLAS, Feb. 12, 2025 (GLOBE NEWSWIRE) — Westwood"),
            p("DALLAS", None)
        );
        assert_eq!(
            place("QUEBEC CITY, Canada, Feb. 12, 2025 (GLOBE NEWSWIRE) -- LeddarTech"),
            p("QUEBEC CITY", Some("Canada"))
        );
        assert_eq!(
            place("Results PR NewswireHELSINKI, Feb. 11, 2025 /PRNewswire/ -- Stora Enso"),
            p("HELSINKI", None)
        );
        assert_eq!(place("Revenue rose 5% to $10 million."), None);
    }

    #[test]
    fn typographic_dashes_set_off_the_date_as_double_hyphens_do() {
        // Amazon's Q1 2025 release (its PDF's first page).
        let text = "SEATTLE—(BUSINESS WIRE) May 1, 2025—Amazon.com, Inc. (NASDAQ: AMZN) today announced financial results for its first quarter ended March 31, 2025.";
        let paragraphs = [Paragraph::new(1, text.to_string())];
        let c = company(&paragraphs);
        assert_eq!(c.name.as_deref(), Some("Amazon.com, Inc."));
        assert_eq!(c.tickers, ["NASDAQ:AMZN"]);
        assert_eq!(release_date(&paragraphs), Date::new(2025, 5, 1));
        // The name after the dateline (used when no ticker names one), not the date's month.
        assert_eq!(
            dateline_name(&paragraphs).as_deref(),
            Some("Amazon.com, Inc.")
        );
        // The date before the wire's name, and not a date later in the sentence.
        let before = |text: &str| release_date(&[Paragraph::new(1, text.to_string())]);
        assert_eq!(
            before("VANCOUVER, British Columbia, Oct. 10, 2024 (GLOBE NEWSWIRE) -- Silverco Mining Inc. reports its quarter ended September 30, 2024"),
            Date::new(2024, 10, 10)
        );
        assert_eq!(
            before(
                "Quarter Ended December 31, 2024TORONTO, Feb. 12, 2025 /CNW/ - Russel Metals Inc."
            ),
            Date::new(2025, 2, 12)
        );
        assert_eq!(
            before("MCLEAN, VA / ACCESS Newswire / February 12, 2025 / Gladstone Investment Corporation"),
            Date::new(2025, 2, 12)
        );
        // The Buckle's dateline prints no date: the quarter's end after it is not the release's.
        assert_eq!(
            before("KEARNEY, NE -- (BUSINESS WIRE) -- The Buckle, Inc. (NYSE: BKE) announced today that net income for the fiscal quarter ended November 2, 2024 was $44.2 million"),
            None
        );
        let en = "DENVER–(BUSINESS WIRE)–Feb. 3, 2025–Newmont Corporation (NYSE: NEM) reported";
        let paragraphs = [Paragraph::new(1, en.to_string())];
        assert_eq!(
            company(&paragraphs).name.as_deref(),
            Some("Newmont Corporation")
        );
        assert_eq!(release_date(&paragraphs), Date::new(2025, 2, 3));
    }

    /// Openings as the releases print them (tests/fixtures: wire/, pdf/ and Pericom's 8-K).
    #[test]
    fn the_company_is_found_where_releases_name_it() {
        let cases: [(&[&str], Option<&str>); 10] = [
            // Defined as "the Company" (First Majestic's statements, a PDF).
            (&["The consolidated financial statements of First Majestic Silver Corp. (the “Company”) have been prepared"],
             Some("First Majestic Silver Corp.")),
            // After an ACCESS Newswire dateline in bold, defined as the Company.
            (&["**MCLEAN, VA / ACCESS Newswire / February 12, 2025 /** Gladstone Investment Corporation (the \"Company\") today announced earnings"],
             Some("Gladstone Investment Corporation")),
            // The name after the dateline, its legal form after a comma.
            (&["CHARLOTTE, NC / ACCESS Newswire / February 12, 2025 / Air T, Inc. is an industrious American company"],
             Some("Air T, Inc.")),
            // In capitals, with its legal form, before an exchange the ticker rule does not know.
            (&["PARAMUS, N.J., Feb. 10, 2025 (GLOBE NEWSWIRE) — ALEXANDER’S, INC. (New York Stock Exchange: ALX) filed its Form 10-K"],
             Some("ALEXANDER’S, INC.")),
            // Its aliases, then the ticker.
            (&["Tigo Energy, Inc. (\"Tigo\" or the \"Company\") (NASDAQ: TYGO), a leading provider"],
             Some("Tigo Energy, Inc.")),
            // The company that "today announced", after a dateline with no wire.
            (&["CHICAGO, IL - McDonald's Corporation today announced results for the second quarter"],
             Some("McDonald's Corporation")),
            (&["San Jose, CA - November 7, 2005 - Pericom Semiconductor Corporation [NASDAQ National Market: PSEM] today announced results"],
             Some("Pericom Semiconductor Corporation")),
            // A plural possessive before the ticker.
            (&["JOHANNESBURG, SOUTH AFRICA – Ivanhoe Mines’ (TSX: IVN; OTCQX: IVPAF) Kamoa-Kakula"],
             Some("Ivanhoe Mines")),
            // A heading in bold after a dateline names no company; nor does "The Company".
            (&["DES MOINES, Iowa, Feb. 12, 2025 (GLOBE NEWSWIRE) —", "**Fourth Quarter** **2024** **Highlights**", "* Net income of $206 million"],
             None),
            (&["The Company today announced results for the quarter."], None),
        ];
        for (texts, name) in cases {
            let paragraphs: Vec<Paragraph> = (texts.iter().enumerate())
                .map(|(i, t)| Paragraph::new(i + 1, t.to_string()))
                .collect();
            assert_eq!(company(&paragraphs).name.as_deref(), name, "{texts:?}");
        }
    }

    #[test]
    fn a_wire_label_is_not_the_company() {
        let paragraphs: Vec<Paragraph> = [
            "PARIS--(BUSINESS WIRE)--February 11, 2025--",
            "Regulatory News:",
            "Carmila :",
        ]
        .iter()
        .enumerate()
        .map(|(i, t)| Paragraph::new(i + 1, t.to_string()))
        .collect();
        assert_eq!(dateline_name(&paragraphs).as_deref(), Some("Carmila"));
    }

    #[test]
    fn a_paragraph_knows_the_line_of_each_of_its_words() {
        let text = [
            "Hecla recorded income of",
            "",
            "  $12.4 million, or 10",
            "cents.",
            "",
        ];
        let lines: Vec<Line> = text
            .iter()
            .enumerate()
            .map(|(i, t)| Line {
                no: i + 20,
                text: t,
            })
            .collect();
        let ps = paragraphs(&lines, &[false; 5]);
        assert_eq!(ps.len(), 2);
        let p = &ps[1];
        assert_eq!(p.text, "$12.4 million, or 10 cents.");
        assert_eq!(p.line_at(0), 22);
        assert_eq!(p.line_at(p.text.find("10").unwrap()), 22);
        assert_eq!(p.line_at(p.text.find("cents").unwrap()), 23);
        assert_eq!(ps[0].line_at(5), 20);
    }
}
