//! Units and scales: what a row measures, and what multiplies its printed values.
//!
//! A table's scale statement ("dollars and shares in thousands, except per share amounts")
//! scales only the measures it names; per-unit figures (per share, per ounce, per pound, per
//! ton), ratios and percentages are never scaled, and a row may state its own scale
//! ("Capital additions (in thousands)").

use crate::document::{Cell, Scale, Unit, Value};

/// What a table's scale statement says.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct ScaleNote {
    pub scale: Scale,
    pub money: bool,
    pub shares: bool,
    pub ounces: bool,
    pub tons: bool,
    pub pounds: bool,
    /// The one quantity a statement names and no money ("(000's tonnes)"): the unit of the
    /// rows that state none.
    pub quantity: Option<Unit>,
}

impl Default for ScaleNote {
    fn default() -> Self {
        ScaleNote {
            scale: Scale::One,
            money: false,
            shares: false,
            ounces: false,
            tons: false,
            pounds: false,
            quantity: None,
        }
    }
}

impl ScaleNote {
    pub(crate) fn parse(note: &str) -> ScaleNote {
        let l = lower(note);
        // "Gold Production by Site (koz)": a quantity and its scale, no money.
        if let Some((unit, scale)) = scaled_quantity(&l) {
            return ScaleNote {
                scale,
                ounces: unit == Unit::Oz,
                tons: unit == Unit::Tonnes,
                pounds: unit == Unit::Lbs,
                quantity: Some(unit),
                ..ScaleNote::default()
            };
        }
        // "All numbers are kSEK", "(€m)": a scale glued to the currency counts too.
        let scale = scale_word(&l)
            .or_else(|| glued_scale(&l))
            .unwrap_or(Scale::One);
        // The measures named before "in thousands" are the ones scaled.
        let at = ["thousand", "million", "billion", "000"]
            .iter()
            .filter_map(|w| l.find(w))
            .min();
        let head = &l[..at.unwrap_or(0)];
        // "thousands of Canadian dollars", "millions of ounces": the measure after "of" (with
        // no scale word, "except number of shares" names no measure).
        let after = at
            .and_then(|at| l[at..].split_once(" of "))
            .map(|(_, t)| t.split([',', ')', ';']).next().unwrap_or(""))
            .unwrap_or("");
        // "(000's tonnes)", "(thousands ounces)": the measure right after the scale.
        let next = at
            .map(|at| &l[at..])
            .and_then(|t| t.split_whitespace().nth(1))
            .unwrap_or("");
        let next = next.trim_matches(|c: char| !c.is_ascii_alphabetic());
        let quantity_next = ["tonnes", "tons", "ounces", "oz", "pounds", "lbs"].contains(&next)
            || (next.starts_with("tonne") || next.starts_with("ounce"));
        let named =
            |w: &str| head.contains(w) || after.contains(w) || (quantity_next && next.contains(w));
        let mut n = ScaleNote {
            scale,
            money: named("dollar") || named("$") || named("u.s."),
            shares: named("share"),
            ounces: named("ounce"),
            tons: named("ton"),
            pounds: named("pound") || named("lbs"),
            quantity: None,
        };
        if !n.money && !n.shares {
            n.quantity = match (n.ounces, n.tons, n.pounds) {
                (true, false, false) => Some(Unit::Oz),
                (false, true, false) if l.contains("tonne") => Some(Unit::Tonnes),
                (false, true, false) => Some(Unit::Tons),
                (false, false, true) => Some(Unit::Lbs),
                _ => None,
            };
        }
        if !(n.money || n.shares || n.ounces || n.tons || n.pounds) {
            // "(in millions, except per share data)": money, and share counts with it, unless
            // the exception names the shares too ("except share and per share data").
            n.money = true;
            let except = l.split_once("except").map_or("", |(_, e)| e);
            n.shares = !except.replace("per share", "").contains("share");
        }
        n
    }
}

/// Lower case, with a typographic apostrophe made plain: "000’s" is "000's".
fn lower(s: &str) -> String {
    let l = s.to_ascii_lowercase();
    if l.contains('’') {
        l.replace('’', "'")
    } else {
        l
    }
}

/// "thousands" → Thousands, "millions" → Millions, "(000s)" → Thousands.
fn scale_word(l: &str) -> Option<Scale> {
    if l.contains("billion") {
        Some(Scale::Billions)
    } else if l.contains("million") {
        Some(Scale::Millions)
    } else if l.contains("thousand")
        || l.contains("000s")
        || l.contains("000's")
        || l.contains("(000)")
    {
        Some(Scale::Thousands)
    } else {
        None
    }
}

/// True when a statement names a scale ("in thousands", "000's", "EURm"), not only
/// "(unaudited)".
pub(crate) fn states_scale(s: &str) -> bool {
    let l = lower(s);
    scale_word(&l).is_some() || glued_scale(&l).is_some()
}

/// The scale a sentence leading into a table states, as a statement the table builder
/// reads: "… for the periods ended December 31, 2024, and 2023 (in thousands):" →
/// "(in thousands)"; "… for the nine months ended December 31, 2023 and 2024, respectively,
/// in thousands:" → "(in thousands)". `None` unless the sentence ends with a colon.
pub(crate) fn lead_scale_phrase(sentence: &str) -> Option<String> {
    let t = sentence.trim().trim_end_matches('*').trim_end();
    let Some(t) = t.strip_suffix(':') else {
        return caption_statement(t);
    };
    let t = t.trim_end();
    let l = t.to_ascii_lowercase();
    let at = ["thousand", "million", "billion", "000"]
        .iter()
        .filter_map(|w| l.rfind(w))
        .max()?;
    // Back to where the statement starts: its parenthesis, comma, or "in"/"amounts in".
    let open = l[..at].rfind('(').filter(|&i| !l[i..at].contains(')'));
    let from = match open {
        Some(i) => i + 1,
        None => l[..at]
            .rfind(',')
            .map(|i| i + 1)
            .into_iter()
            .chain(l[..at].rfind(" in ").map(|i| i + 1))
            .max()?,
    };
    if at - from > 40 {
        return None;
    }
    let phrase = t[from..].trim().trim_end_matches(')').trim();
    let statement = format!("({phrase})");
    (is_scale_note(&statement) && states_scale(&statement)).then_some(statement)
}

/// A table's caption run into the paragraph above it (a bullet that ends "… Financial
/// Highlights (In millions of Argentine Pesos) 6M FY 2025 ended December 31, 2024"): a
/// parenthesised statement that opens with "in" and names a scale, near the paragraph's end.
fn caption_statement(t: &str) -> Option<String> {
    let tail_from = (t.len().saturating_sub(160)..=t.len()).find(|&i| t.is_char_boundary(i))?;
    let tail = &t[tail_from..];
    let open = tail.rfind('(')?;
    let close = open + tail[open..].find(')')?;
    let group = &tail[open..=close];
    let inner = group[1..].trim_start().to_ascii_lowercase();
    // "Extract from the consolidated income statement (EUR millions)": a short caption whose
    // group names a currency and a scale.
    let money_scale = t.len() < 120 && super::currency::said(group).is_some();
    ((inner.starts_with("in ") || money_scale) && states_scale(group)).then(|| group.to_string())
}

/// A caption paragraph that ends with its scale statement ("… Corporation Business
/// Segment Operations (Unaudited) (In millions)"): the statement, without its parentheses.
/// A sentence ("… were $5 million (in thousands).") is not a caption.
pub(crate) fn caption_scale(text: &str) -> Option<String> {
    let t = text.trim().trim_matches(['*', '_']).trim();
    if t.len() > 200 || !t.ends_with(')') {
        return None;
    }
    let open = t.rfind('(')?;
    let group = &t[open..];
    let inner = group[1..group.len() - 1].trim();
    // The whole line ("(dollars in thousands)") or a statement closing a title ("… (In
    // millions)").
    let statement = open == 0 || inner.to_ascii_lowercase().starts_with("in ");
    (statement && is_scale_note(group) && states_scale(group)).then(|| inner.to_string())
}

/// A statement printed under a table, after its last row, that says what the table counts:
/// "All amounts are reported in millions of Canadian dollars except per share figures, which
/// are in Canadian dollars.", "Prices in Euro" (the first line of a footer "Prices in Euro /
/// Source: FactSet"). `first_line` is the paragraph's first source line.
pub(crate) fn trailing_statement(text: &str, first_line: &str) -> Option<String> {
    let l = first_line.trim().to_ascii_lowercase();
    if l.starts_with("prices in ") && first_line.len() < 60 {
        return Some(first_line.trim().to_string());
    }
    let t = text.trim();
    let cue = [
        "all amounts",
        "amounts are",
        "figures are",
        "all figures",
        "all numbers",
    ]
    .iter()
    .any(|c| l.starts_with(c));
    (cue && t.len() < 160 && states_scale(t)).then(|| format!("({})", t.trim_end_matches('.')))
}

/// A caption inside the last line of the paragraph above a table, with text after it (a
/// web copy runs "… Financial Highlights (In millions of Argentine Pesos) 6M FY 2025 …" and
/// the flattened first rows into one line): its last parenthesised group that opens with
/// "in" and names a scale.
pub(crate) fn caption_in(line: &str) -> Option<String> {
    line.rmatch_indices('(').find_map(|(open, _)| {
        let close = open + line[open..].find(')')?;
        let group = &line[open..=close];
        let inner = group[1..].trim_start().to_ascii_lowercase();
        (inner.starts_with("in ") && states_scale(group)).then(|| group.to_string())
    })
}

/// Amounts the text quotes in millions or billions of money ("gross profit of $405
/// million", "ARS 64,391 million"): the printed number → (scale, the phrase, its line), sorted
/// by number, the first quote of each (a sorted list: a map type of its own would be another
/// copy of a hash table's code in the wasm).
type Quote = (rust_decimal::Decimal, (Scale, String, usize));

fn money_quotes(narrative: &[crate::document::Paragraph]) -> Vec<Quote> {
    let mut out: Vec<Quote> = Vec::new();
    for p in narrative {
        let words: Vec<(usize, &str)> = p
            .text
            .split_whitespace()
            .map(|w| (w.as_ptr() as usize - p.text.as_ptr() as usize, w))
            .collect();
        for k in 1..words.len() {
            let scale = match words[k].1.trim_end_matches(['.', ',', ';', ')']) {
                "million" => Scale::Millions,
                "billion" => Scale::Billions,
                _ => continue,
            };
            let (at, number) = words[k - 1];
            let signed = number.trim_start_matches('(');
            let digits = signed.trim_start_matches(|c: char| !c.is_ascii_digit());
            let sign = &signed[..signed.len() - digits.len()];
            let code = k >= 2 && super::currency::said(words[k - 2].1).is_some();
            if !(super::number::is_currency_sign(sign) || (sign.is_empty() && code)) {
                continue;
            }
            let Some(d) = super::number::plain_decimal(digits) else {
                continue;
            };
            let end = words[k].0 + words[k].1.len();
            let phrase = p.text[at..end].to_string();
            out.push((d.normalize(), (scale, phrase, p.line_at(at))));
        }
    }
    // The sort is stable: the first quote of a number stays first, and is the one kept.
    crate::sort::by(&mut out, |a, b| a.0.cmp(&b.0));
    out.dedup_by(|later, first| later.0 == first.0);
    out
}

/// A table that states no scale, whose figures the text quotes in millions ("gross profit
/// of $405 million" for the table's "Gross profit 405", and another figure besides), counts
/// money in millions: its rows of plain figures are money at that scale, with the phrase as
/// where the scale was stated. Two figures at least, of two digits or more, so a chance
/// agreement does not scale a table.
pub(crate) fn quoted_scales(
    tables: &mut [crate::document::Table],
    narrative: &[crate::document::Paragraph],
) {
    if !tables.iter().any(|t| t.scale_note.is_none()) {
        return;
    }
    let quotes = money_quotes(narrative);
    if quotes.is_empty() {
        return;
    }
    for t in tables.iter_mut().filter(|t| t.scale_note.is_none()) {
        let plain = |r: &crate::document::Row| {
            matches!(r.unit, Some(Unit::Money) | None)
                && r.scale == Scale::One
                && label_scale(&r.label).is_none()
                && !counts_things(&r.label)
        };
        let mut found: Vec<&(Scale, String, usize)> = Vec::new();
        let mut seen: Vec<rust_decimal::Decimal> = Vec::new();
        for r in t.rows.iter().filter(|r| plain(r)) {
            for c in r.cells.iter().flatten() {
                let Value::Amount(d) = c.value else { continue };
                let d = d.abs().normalize();
                if d < rust_decimal::Decimal::TEN || seen.contains(&d) {
                    continue;
                }
                if let Ok(at) = quotes.binary_search_by(|q| q.0.cmp(&d)) {
                    seen.push(d);
                    found.push(&quotes[at].1);
                }
            }
        }
        let Some(first) = found.first() else { continue };
        if found.len() < 2 || found.iter().any(|q| q.0 != first.0) {
            continue;
        }
        let (scale, phrase, line) = (first.0, first.1.clone(), first.2);
        for r in t.rows.iter_mut().filter(|r| plain(r)) {
            let figures = r
                .cells
                .iter()
                .flatten()
                .any(|c| matches!(c.value, Value::Amount(_)));
            if !figures || r.kind == crate::document::RowKind::Heading {
                continue;
            }
            r.unit = Some(Unit::Money);
            r.scale = scale;
            r.scale_source = Some(crate::document::ScaleSource {
                text: phrase.as_str().into(),
                line: Some(line),
            });
        }
    }
}

/// True for a scale statement such as "(dollars in thousands …)" or "(unaudited)".
/// A cell that states a unit, as a table's column of units prints it: "tonnes", "g/t",
/// "Moz", "$/oz", "%".
pub(crate) fn is_unit_text(text: &str) -> bool {
    let t = text.trim();
    t.len() <= 16 && (t == "%" || label_unit(&lower(t)).is_some())
}

/// A statement that is one scaled quantity, "(koz)", "(Moz)", "(kt)", "(Mlbs)": what a
/// table counts, and in how many.
fn scaled_quantity(l: &str) -> Option<(Unit, Scale)> {
    let w = l.trim().trim_start_matches('(').trim_end_matches(')');
    if w.contains(' ') {
        return None;
    }
    let unit = label_unit(w).filter(|u| u.is_quantity())?;
    Some((unit, glued_scale(w)?))
}

pub(crate) fn is_scale_note(s: &str) -> bool {
    let l = lower(s);
    scaled_quantity(&l).is_some()
        || [
            "thousand",
            "million",
            "billion",
            "unaudited",
            "except per",
            "000s",
            "000's",
            "(000)",
            "in $",
            "$ in",
        ]
        .iter()
        .any(|w| l.contains(w))
}

/// The unit of a row, from its label, its heading, and its cells; `None` when nothing says.
pub(crate) fn row_unit(
    label: &str,
    parent: Option<&str>,
    _section: Option<&str>,
    note: &ScaleNote,
    cells: &[Option<Cell>],
) -> Option<Unit> {
    let values = || cells.iter().flatten().map(|c| &c.value);
    // "41.6%  NM  38.2%": a not-available cell among percentages is one too.
    if values().next().is_some()
        && values().all(|v| matches!(v, Value::Percent(_) | Value::Nil | Value::NotAvailable))
        && values().any(|v| matches!(v, Value::Percent(_)))
    {
        return Some(Unit::Percent);
    }
    if values().any(|v| matches!(v, Value::Ratio(..))) {
        return Some(Unit::Ratio);
    }
    if let Some(u) = label_unit(&label.to_ascii_lowercase()) {
        return Some(u);
    }
    // "Gross leasable area (square feet)" after the rows of a share-count heading counts
    // its own things.
    if counts_things(label) {
        return None;
    }
    // "Reconciliation of Adjusted Basic EPS:" heads the reconciliation's inputs (the profit,
    // the shares), not per-share figures. And a figure of 100,000 or more is never a price
    // per share, ounce or pound: it is an amount under a heading it does not belong to
    // ("EBITDA (loss)  (22,059,095)" after "Loss per share").
    let amount_sized = values()
        .any(|v| matches!(v, Value::Amount(d) if d.abs() >= rust_decimal::Decimal::from(100_000)));
    let inputs = parent.is_some_and(|p| {
        p.trim_start()
            .to_ascii_lowercase()
            .starts_with("reconciliation")
    });
    if let Some(p) = parent.filter(|_| !inputs) {
        let l = p.to_ascii_lowercase();
        if let Some(u) = label_unit(&l).filter(|u| !(u.is_quotient() && amount_sized)) {
            // A heading such as "Average cost per ounce of silver produced" gives its rows a
            // per-unit cost, but a quantity heading does not make its rows quantities unless
            // it states the unit for them: "Sales volumes (in thousands of tons):".
            // Share counts under "Weighted average shares outstanding:" ("Basic", "Diluted")
            // are share counts too.
            let stated = u.is_quantity() && states_unit(&l);
            if stated
                || matches!(
                    u,
                    Unit::MoneyPerOz
                        | Unit::MoneyPerLb
                        | Unit::MoneyPerTon
                        | Unit::MoneyPerShare
                        | Unit::Shares
                )
            {
                return Some(u);
            }
        }
    }
    // "Dividend  2.00 Sen  2.00 Sen": an amount printed in cents or sen is paid per share
    // when the label names no other unit.
    if cells
        .iter()
        .flatten()
        .any(|c| super::number::printed_in_cents(&c.printed))
    {
        return Some(Unit::MoneyPerShare);
    }
    let dollar = cells.iter().flatten().any(|c| c.printed.contains('$'));
    if counts_things(label) {
        return None;
    }
    // "Revenues - EURm", "Value of contracts (in billions of euros)": a label that names its
    // money.
    let named = super::currency::said(label).is_some();
    if let Some(q) = note.quantity.filter(|_| !(dollar || named)) {
        return Some(q);
    }
    (dollar || named || note.money).then_some(Unit::Money)
}

/// A label whose parenthesis names the unit of figures: "(in thousands of tons)", "(tonnes)",
/// "(000 oz)".
pub(crate) fn states_unit(l: &str) -> bool {
    l.split('(').skip(1).any(|g| {
        let g = g.split(')').next().unwrap_or("");
        label_unit(g).is_some_and(Unit::is_quantity)
    })
}

/// A row that counts things, not money, whatever the table's statement says: "Number of
/// stores", "Employees", "Ore milled". Its figures are neither money nor scaled by a money
/// statement.
pub(crate) fn counts_things(label: &str) -> bool {
    let l = label.trim_start().to_ascii_lowercase();
    let first = l
        .split(|c: char| !c.is_ascii_alphanumeric() && c != '-')
        .next()
        .unwrap_or("");
    // "Gross leasable area (square feet)": an area, counted in square feet (a rate "per
    // square foot" is money and is read before this).
    let area = (l.contains("square feet") || l.contains("square footage")) && !l.contains("per ");
    // "Crude oil (bbls/d)", "Royalty Production (BOE/d)": a volume a day, not money.
    let volume = ["bbls/d", "bbl/d", "boe/d", "mcf/d", "mmcf/d", "boe per day"]
        .iter()
        .any(|w| l.contains(w));
    area || volume
        || l.starts_with("number of")
        || l.starts_with("no. of")
        || l.contains(" number of ")
        || matches!(
            first,
            "employees"
                | "headcount"
                | "personnel"
                | "stores"
                | "subscribers"
                | "days"
                | "full-time"
        )
}

fn label_unit(l: &str) -> Option<Unit> {
    // Each pattern below is tried only when the short key it contains is present: most
    // labels ("Cost of sales") hold none of the keys, and a label is read for every row.
    let has = |w: &str| l.contains(w);
    let Keys {
        pct,
        per,
        oz,
        ton,
        lb,
        pound,
        shr,
        share,
        slash,
        eps,
        ratio,
        ounces,
        weighted,
    } = Keys::of(l);
    let word = |w: &str| {
        l.split(|c: char| !crate::case::is_alphanumeric(c))
            .any(|x| x == w)
    };
    // "8.00% Series A cumulative redeemable", "5.125% Senior Notes": a rate in a security's
    // name is no unit of the row.
    let security = |after: &str| {
        let w = after
            .trim_start()
            .split(|c: char| !c.is_ascii_alphanumeric())
            .next()
            .unwrap_or("");
        matches!(
            w,
            "series"
                | "senior"
                | "notes"
                | "note"
                | "cumulative"
                | "convertible"
                | "preferred"
                | "debentures"
                | "bonds"
                | "fixed"
                | "unsecured"
                | "secured"
                | "subordinated"
        )
    };
    let pct = pct && l.match_indices('%').any(|(i, _)| !security(&l[i + 1..]));
    // "percent", "percentage", never the letters inside "supercenter".
    let percent = per
        && l.split(|c: char| !c.is_ascii_alphabetic())
            .any(|w| w.starts_with("percent"));
    if pct || percent {
        return Some(Unit::Percent);
    }
    // Rates a bank or a fund reports: "Return on average equity (annualized)", "Net
    // interest margin", "Weighted-average yield", "Net Initial Yield".
    if l.trim_start().starts_with("return on ") || has("net interest margin") || word("yield") {
        return Some(Unit::Percent);
    }
    // "Shares used in computing diluted income per share", "Weighted-average number of
    // common shares used in computing net loss per share", "Shares for calculation of Basic
    // EPS": a count of the shares a per-share figure divides by, not the figure.
    let before_per = l.split(" per ").next().unwrap_or(l).trim_start();
    // "Shares repurchased", "Shares issued on exercise of options": what the shares cost or
    // raised, in a statement of equity or of cash flows, unless the table counts shares.
    let mut first_words = l.split_whitespace();
    let dealt = first_words.next() == Some("shares")
        && first_words.next().is_some_and(|w| {
            matches!(
                w,
                "repurchased" | "issued" | "redeemed" | "cancelled" | "canceled" | "bought"
            )
        })
        && !has("outstanding");
    if dealt {
        return None;
    }
    let share_count = share
        && (before_per.starts_with("shares")
            || before_per.starts_with("weighted")
            || before_per.starts_with("number of")
            || has("shares used")
            || has("shares for calculation"))
        && before_per.contains("share");
    if share_count {
        return Some(Unit::Shares);
    }
    // "Common stock, par value $.01 per share, authorized …": the par value's "per share"
    // describes the stock, not the row, which is an amount.
    let before_par = l.find("par value").map_or(l, |i| &l[..i]);
    // "Adjusted funds from operations/unit - basic": a trust's money per unit.
    let slash_unit = has("/unit") || has("/share");
    if (per && per_share(before_par))
        || (eps && word("eps"))
        || (shr && has("/shr"))
        || slash_unit
        || option_price(l)
    {
        return Some(Unit::MoneyPerShare);
    }
    if ton && (has("oz./ton") || has("oz/ton") || has("ounces per ton")) {
        return Some(Unit::OzPerTon);
    }
    if (slash && oz && has("$/oz"))
        || (per && per_measure(l, &["ounce", "ounces", "oz"]))
        || (oz && has("/ oz"))
    {
        return Some(Unit::MoneyPerOz);
    }
    if (slash && (has("$/pound") || has("$/lb")))
        || (per && per_measure(l, &["pound", "pounds", "lb", "lbs"]))
    {
        return Some(Unit::MoneyPerLb);
    }
    // A grade in grams per tonne ("Silver grade (g/t)"), before the money per tonne that
    // "/t)" would otherwise read.
    let grams = has("g/t") || has("grams per tonne") || has("gpt)");
    if grams && !has("$/") {
        return Some(Unit::GramsPerTonne);
    }
    if (per && has("per tonne")) || has("/tonne") || has("/t)") || l.ends_with("/t") {
        return Some(Unit::MoneyPerTonne);
    }
    if (per && has("per ton")) || (slash && has("$/ton")) {
        return Some(Unit::MoneyPerTon);
    }
    if grams {
        return Some(Unit::GramsPerTonne);
    }
    // An exchange rate ("EUR/USD exchange rate", "Foreign exchange rate (US$/CAD$)") is a
    // ratio of two currencies, never an amount.
    // ("Effect of exchange rate changes on cash" is a cash flow line, an amount.)
    if has("exchange rate") && !has("effect") && !has(" on cash") {
        return Some(Unit::Ratio);
    }
    if (slash && has("$/boe")) || (per && (has("per boe") || has("per barrel of oil equiv"))) {
        return Some(Unit::MoneyPerBoe);
    }
    if money_per_other(l) {
        return Some(Unit::MoneyPerUnit);
    }
    if ratio && word("ratio") {
        return Some(Unit::Ratio);
    }
    // "Net debt/ Adjusted EBITDA - X", "Leverage (x)": a multiple.
    if l.trim_end().ends_with("- x") || has("(x)") {
        return Some(Unit::Ratio);
    }
    // "Net debt to trailing twelve months adjusted EBITDA", "Debt to normalized EBITDA": a
    // leverage multiple, never an amount.
    if (l.trim_start().starts_with("net debt to ") || l.trim_start().starts_with("debt to "))
        && has("ebitda")
    {
        return Some(Unit::Ratio);
    }
    // "koz", "Moz": thousands and millions of ounces.
    let scaled_oz = word("koz") || word("moz") || word("mozs");
    if ounces || (oz && (has("(oz") || has(" oz)") || has("- oz") || word("oz") || scaled_oz)) {
        return Some(Unit::Oz);
    }
    if (ton && has("tonnes")) || word("kt") || word("tonne") || has("(t)") {
        return Some(Unit::Tonnes);
    }
    if ton && has("tons") {
        return Some(Unit::Tons);
    }
    // "Copper production (Mlbs)", "Zinc (klbs)": pounds, scaled.
    let scaled_lbs = ["mlbs", "mlb", "klbs", "klb"].iter().any(|w| word(w));
    if (lb && (has("(lbs") || has(" lbs") || scaled_lbs)) || (pound && has("pounds")) {
        return Some(Unit::Lbs);
    }
    // "Crude oil (bbls/d)", "Royalty Production (BOE/d)", "Oil (Mbbl)": volumes of oil.
    if has("boe") {
        return Some(Unit::Boe);
    }
    if has("bbl") || word("barrels") {
        return Some(Unit::Barrels);
    }
    // "Vessel Size (dwt)": deadweight tonnes.
    if word("dwt") {
        return Some(Unit::Tonnes);
    }
    // The label's head, before its first comma or parenthesis: "Total shares of common
    // stock outstanding" counts shares, "Common stock, $0.01 par value, authorized 25,000,000
    // shares, issued …" is an amount.
    let head = l.split([',', '(']).next().unwrap_or("");
    let head_words = || head.split(|c: char| !c.is_ascii_alphanumeric());
    let counts_shares = (share
        && head_words().any(|w| w == "shares")
        && (head.contains("outstanding") || head.contains("issued")))
        || (share
            && (has("shares outstanding")
                || has("number of shares")
                || has("number of common shares")
                || has("shares used")
                || l.starts_with("shares")))
        // "Weighted average years to debt maturity", "… interest rate": not a share count.
        || (weighted
            && !(word("years") || has("maturity") || has("rate") || has("price") || has("life")))
        || (shr && has("avg shrs"));
    if counts_shares {
        return Some(Unit::Shares);
    }
    None
}

/// Money per some other unit: "$/bbl", "($/Mcf)", "US$/day", "Revenue per available seat
/// mile", "per square foot". Checked after the units with their own names (share, ounce,
/// pound, ton, tonne, boe).
fn money_per_other(l: &str) -> bool {
    // "$/lb", and spaced as some tables print it: "US$ / libra".
    let money_slash = l.match_indices('$').any(|(i, _)| {
        (l[i + 1..].trim_start().strip_prefix('/')).is_some_and(|r| {
            r.trim_start()
                .starts_with(|c: char| c.is_ascii_alphabetic())
        })
    }) && !l.contains("$/$");
    const PER: [&str; 14] = [
        "per bbl",
        "per barrel",
        "per mcf",
        "per mmbtu",
        "per day",
        "per square foot",
        "per sq. ft",
        "per available seat",
        "per passenger",
        "per ton-mile",
        "per mwh",
        "per kwh",
        "per fuel gallon",
        "per gallon",
    ];
    money_slash || PER.iter().any(|p| l.contains(p))
}

/// "per ounce", and the words mining releases set between: "per gold oz sold", "per payable
/// pound", "per gold equivalent ounce": one of `measures` within three words after "per".
fn per_measure(l: &str, measures: &[&str]) -> bool {
    let mut words = l
        .split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| !w.is_empty());
    while let Some(w) = words.next() {
        if w == "per" && words.clone().take(3).any(|x| measures.contains(&x)) {
            return true;
        }
    }
    false
}

/// "per share", "per common share", "per weighted-average common share", "per adjusted
/// diluted common share": "per" with "share" within its next four words. A trust's units are its shares:
/// "FFO per unit (diluted)", "per diluted unit", "per Trust unit".
fn per_share(l: &str) -> bool {
    l.match_indices("per ").any(|(i, _)| {
        l[i + 4..]
            .split_whitespace()
            .take(4)
            .any(|w| w.starts_with("share") || w.starts_with("unit") || w.starts_with("ads"))
    })
}

/// The price a warrant or an option is exercised at is a price per share: "Exercise price",
/// "Weighted-average exercise price", "Strike price".
fn option_price(l: &str) -> bool {
    l.contains("exercise price") || l.contains("strike price")
}

/// Which short keys a lower-case label holds, found in one pass over its bytes.
#[derive(Default)]
struct Keys {
    pct: bool,
    per: bool,
    oz: bool,
    ton: bool,
    lb: bool,
    pound: bool,
    shr: bool,
    share: bool,
    slash: bool,
    eps: bool,
    ratio: bool,
    ounces: bool,
    weighted: bool,
}

impl Keys {
    fn of(l: &str) -> Keys {
        let b = l.as_bytes();
        let mut k = Keys::default();
        for i in 0..b.len() {
            let rest = &b[i + 1..];
            match b[i] {
                b'%' => k.pct = true,
                b'p' => {
                    k.per |= rest.starts_with(b"er");
                    k.pound |= rest.starts_with(b"ound");
                }
                b'o' => {
                    k.oz |= rest.starts_with(b"z");
                    k.ounces |= rest.starts_with(b"unces");
                }
                b'e' => k.eps |= rest.starts_with(b"ps"),
                b'r' => k.ratio |= rest.starts_with(b"atio"),
                b'w' => {
                    k.weighted |=
                        rest.starts_with(b"eighted average") || rest.starts_with(b"eighted-average")
                }
                b't' => k.ton |= rest.starts_with(b"on"),
                b'l' => k.lb |= rest.starts_with(b"b"),
                b's' => {
                    k.shr |= rest.starts_with(b"hr");
                    k.share |= rest.starts_with(b"hare");
                }
                b'$' => k.slash |= rest.starts_with(b"/"),
                _ => {}
            }
        }
        k
    }
}

/// The scale a label states for its own row: in parentheses ("Capital additions (in
/// thousands)", "Revenue (EURm)", "Capex (USD thousands)", "(000 oz)") or as its last word
/// ("Tonnes kt", "Au koz", "Sales, $M", "1000 tonnes"). Per-unit labels state none ("Cost
/// per tonne (USD)").
pub(crate) fn label_scale(label: &str) -> Option<Scale> {
    let l = lower(label);
    let mut found = None;
    // Parenthesised groups first.
    let mut rest = l.as_str();
    while let Some(open) = rest.find('(') {
        let inner = &rest[open + 1..];
        let close = inner.find(')').unwrap_or(inner.len());
        let group = &inner[..close];
        // "(net of allowance for credit losses of $28 million and $19 million …)": a group
        // that quotes figures is a note on the row, not its scale.
        let quotes = group.match_indices('$').any(|(at, _)| {
            let digits: String = group[at + 1..]
                .trim_start()
                .chars()
                .take_while(|c| c.is_ascii_digit() || *c == ',' || *c == '.')
                .collect();
            !digits.is_empty() && !digits.starts_with("000")
        });
        if let Some(s) = (!quotes)
            .then(|| scale_word(group).or_else(|| glued_scale(group)))
            .flatten()
        {
            found = Some(s);
        }
        rest = &inner[close.min(inner.len())..];
    }
    if found.is_some() {
        return found;
    }
    // The label's last word, or a leading "000"/"1000" before a measure ("1000 tonnes").
    let words: Vec<&str> = l
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    if let Some(last) = words.last() {
        if let Some(s) = glued_scale(last) {
            return Some(s);
        }
    }
    if let [first, second, ..] = words.as_slice() {
        if matches!(*first, "000" | "'000" | "1000" | "1,000" | "000s" | "000's")
            && measure_word(second)
        {
            return Some(Scale::Thousands);
        }
    }
    None
}

/// A measure a count is kept in ("tonnes", "ounces", "oz", "lbs", "boe").
fn measure_word(w: &str) -> bool {
    matches!(
        w.trim_matches(|c: char| !c.is_ascii_alphanumeric()),
        "tonnes"
            | "tonne"
            | "tons"
            | "ton"
            | "t"
            | "ounces"
            | "oz"
            | "lbs"
            | "pounds"
            | "boe"
            | "barrels"
            | "bbl"
            | "shares"
    )
}

/// A scale written into one token: "eurm", "usd m", "$m", "€m", "msek", "koz", "kt", "mlbs",
/// "000s", "'000", "usd thousands" (lower case).
fn glued_scale(group: &str) -> Option<Scale> {
    let mut out = None;
    for w in group.split(|c: char| c.is_whitespace() || c == ',' || c == '/') {
        let w = w.trim_matches(|c: char| matches!(c, '(' | ')' | '.' | ':' | ';'));
        let s = match w {
            "000" | "'000" | "000s" | "000's" | "'000s" | "(000)" | "thousands" | "k" => {
                Some(Scale::Thousands)
            }
            "koz" | "kozs" | "kt" | "klbs" | "klb" | "kboe" | "kbbl" | "mboe" | "mbbl" => {
                Some(Scale::Thousands)
            }
            "mlbs" | "mlb" | "moz" | "mozs" | "mm" | "mmboe" | "millions" | "mln" | "mn" => {
                Some(Scale::Millions)
            }
            "bn" | "billions" => Some(Scale::Billions),
            // Latin American reports count in Roman thousands: "MUS$", "MMUS$" (millions).
            "mus$" => Some(Scale::Thousands),
            "mmus$" => Some(Scale::Millions),
            _ => {
                // A currency code or sign with a scale glued on: "eurm", "$m", "€bn", "msek".
                let tail = |suffix: &str| w.strip_suffix(suffix).is_some_and(is_money_token);
                let head = |prefix: char| w.strip_prefix(prefix).is_some_and(is_money_token);
                if tail("m") || tail("mn") || head('m') {
                    Some(Scale::Millions)
                } else if tail("k") || head('t') || head('k') {
                    Some(Scale::Thousands)
                } else if tail("bn") {
                    Some(Scale::Billions)
                } else {
                    None
                }
            }
        };
        if s.is_some() {
            out = s;
        }
    }
    out
}

/// "$", "us$", "c$", "€", "£", "usd", "eur", "sek"… (lower case).
fn is_money_token(t: &str) -> bool {
    matches!(
        t,
        "$" | "us$"
            | "c$"
            | "a$"
            | "€"
            | "£"
            | "usd"
            | "eur"
            | "cad"
            | "gbp"
            | "aud"
            | "sek"
            | "nok"
            | "dkk"
            | "chf"
            | "myr"
            | "rm"
            | "brl"
            | "r$"
            | "ars"
            | "mxn"
            | "zar"
            | "cny"
            | "rmb"
            | "jpy"
            | "inr"
            | "nzd"
            | "hkd"
            | "sgd"
            | "clp"
            | "pen"
    )
}

/// The unit and scale a column header gives its cells: "% Change" (percent, unscaled),
/// "Au koz" (ounces, thousands), "Tonnes kt" (tonnes, thousands).
pub(crate) fn column_unit(header: &str) -> (Option<Unit>, Option<Scale>) {
    let l = lower(header);
    let words = || {
        l.split(|c: char| !c.is_ascii_alphanumeric())
            .filter(|w| !w.is_empty())
    };
    if l.contains('%') || words().any(|w| w == "percent" || w == "pct") {
        return (Some(Unit::Percent), None);
    }
    // "$ | EPS(1)" column pairs in a reconciliation: the EPS column holds per-share
    // figures, whatever the row (its label names the item, "Special items, after-tax").
    // "Distribution per Common Share", "Per Share Amount": per-share columns too.
    if words().any(|w| w == "eps") || per_share(&l) || option_price(&l) {
        return (Some(Unit::MoneyPerShare), None);
    }
    // "Shares", "Number of Shares", "Amount of shares of common stock issuable upon exercise":
    // a column that counts shares (not their price, value or cost).
    if words().any(|w| w == "shares")
        && !words().any(|w| matches!(w, "price" | "value" | "cost" | "proceeds" | "per"))
        && !l.contains('$')
    {
        return (Some(Unit::Shares), label_scale(&l));
    }
    let scale = label_scale(&l);
    // "Vessel Size (dwt)", "Gold (oz)": a quantity in parentheses names the column's unit.
    let stated = l.contains('(');
    let unit = label_unit(&l)
        .filter(|u| !u.is_quotient())
        .filter(|u| scale.is_some() || (stated && u.is_quantity()));
    (unit, scale)
}

/// A label whose parenthesis says its figures are cents: "RASM (US$ Cents)", "(in US$
/// Cents)", "(cents)".
pub(crate) fn label_in_cents(label: &str) -> bool {
    label.to_ascii_lowercase().split('(').skip(1).any(|g| {
        g.split(')')
            .next()
            .unwrap_or("")
            .split(|c: char| !c.is_ascii_alphanumeric())
            .any(|w| w == "cents")
    })
}

/// A market table's price column: "Close", "Prior", "Change", "Last", "High", "Low".
pub(crate) fn price_column(header: &str) -> bool {
    let l = header.trim().to_ascii_lowercase();
    matches!(
        l.as_str(),
        "close"
            | "closing"
            | "prior"
            | "change"
            | "chg"
            | "last"
            | "high"
            | "low"
            | "open"
            | "price"
    )
}

/// The scale that applies to a row.
pub(crate) fn row_scale(label: &str, unit: Option<Unit>, note: &ScaleNote) -> Scale {
    if unit.is_some_and(Unit::is_quotient) {
        return Scale::One;
    }
    if let Some(s) = label_scale(label) {
        return s;
    }
    if unit.is_none() && counts_things(label) {
        return Scale::One;
    }
    let scaled = match unit {
        Some(Unit::Money) | None => note.money,
        Some(Unit::Shares) => note.shares,
        Some(Unit::Oz) => note.ounces,
        Some(Unit::Tons | Unit::Tonnes) => note.tons,
        Some(Unit::Lbs) => note.pounds,
        Some(_) => false,
    };
    if scaled {
        note.scale
    } else {
        Scale::One
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scaled_ounces_and_pounds_are_quantities() {
        let read = |label: &str| (label_unit(&lower(label)), label_scale(label));
        for (label, unit, scale) in [
            ("Silver production (Moz)", Unit::Oz, Scale::Millions),
            ("Gold production (koz)", Unit::Oz, Scale::Thousands),
            ("Copper production (Mlbs)", Unit::Lbs, Scale::Millions),
            ("Zinc sold (klbs)", Unit::Lbs, Scale::Thousands),
        ] {
            assert_eq!(read(label), (Some(unit), Some(scale)), "{label}");
        }
        // Not a measure of pounds: a cost per pound.
        assert_eq!(read("C1 cash cost (US$/lb)").0, Some(Unit::MoneyPerLb));
    }

    #[test]
    fn a_title_that_states_a_scaled_quantity_counts_it() {
        // "Gold Production by Site (koz)": thousands of ounces, no money.
        assert!(is_scale_note("(koz)") && states_scale("(koz)"));
        let n = ScaleNote::parse("koz");
        assert_eq!(
            (n.quantity, n.scale, n.money),
            (Some(Unit::Oz), Scale::Thousands, false)
        );
        let n = ScaleNote::parse("Moz");
        assert_eq!((n.quantity, n.scale), (Some(Unit::Oz), Scale::Millions));
        let n = ScaleNote::parse("kt");
        assert_eq!(
            (n.quantity, n.scale),
            (Some(Unit::Tonnes), Scale::Thousands)
        );
        // A statement of money is not one.
        assert!(ScaleNote::parse("in millions, except per ounce").money);
    }

    #[test]
    fn a_cost_per_ounce_of_a_metal_is_money_per_ounce() {
        let unit = |label: &str| label_unit(&lower(label));
        assert_eq!(unit("Cash cost per gold oz sold"), Some(Unit::MoneyPerOz));
        assert_eq!(
            unit("AISC per gold equivalent ounce"),
            Some(Unit::MoneyPerOz)
        );
        assert_eq!(
            unit("C1 cash cost per payable pound"),
            Some(Unit::MoneyPerLb)
        );
        assert_eq!(
            unit("All-in sustaining cost per ounce"),
            Some(Unit::MoneyPerOz)
        );
        // Ounces produced per something are no money: "Gold ounces", no "per" before them.
        assert_eq!(unit("Gold production (oz)"), Some(Unit::Oz));
    }

    #[test]
    fn a_units_column_cell_reads_as_a_unit() {
        for unit in [
            "tonnes", "g/t", "Moz", "koz", "$/oz", "$/oz Ag", "US$/lb", "%", "oz",
        ] {
            assert!(is_unit_text(unit), "{unit}");
        }
        for name in ["Biogen", "Neuroscience", "$", "Nevada", "Open pit"] {
            assert!(!is_unit_text(name), "{name}");
        }
    }

    #[test]
    fn a_grade_in_grams_per_tonne_is_no_cost_per_tonne() {
        let unit = |label: &str| label_unit(&lower(label));
        assert_eq!(unit("Silver grade (g/t)"), Some(Unit::GramsPerTonne));
        assert_eq!(unit("Silver grade g/t"), Some(Unit::GramsPerTonne));
        assert_eq!(unit("Head grade (g/t Au)"), Some(Unit::GramsPerTonne));
        assert_eq!(unit("Mining cost ($/t)"), Some(Unit::MoneyPerTonne));
        assert_eq!(unit("Processing cost per tonne"), Some(Unit::MoneyPerTonne));
    }

    #[test]
    fn an_exception_for_shares_leaves_share_counts_unscaled() {
        let n = ScaleNote::parse("in thousands, except share and per share data");
        assert!(n.money && !n.shares);
        let n = ScaleNote::parse("In thousands, except per share amounts");
        assert!(n.money && n.shares);
        let n = ScaleNote::parse("dollars in thousands, except per share data");
        assert!(n.money && !n.shares);
    }

    #[test]
    fn a_leading_sentence_states_the_scale() {
        let p = |s: &str| lead_scale_phrase(s);
        assert_eq!(
            p("The table below provides a reconciliation of operating income to Adjusted EBITDA for the periods ended December 31, 2024, and 2023 (in thousands):").as_deref(),
            Some("(in thousands)")
        );
        assert_eq!(
            p("The table below presents Contrail's operating revenue from fiscal year 2017 through fiscal year 2024, and for the nine months ended December 31, 2023 and 2024, respectively, in thousands:").as_deref(),
            Some("(in thousands)")
        );
        assert_eq!(
            p("Selected results are shown below (dollars in millions, except per share data):")
                .as_deref(),
            Some("(dollars in millions, except per share data)")
        );
        assert_eq!(
            p("* On November 2024, we distributed a cash dividend of ARS 45,000 million. Financial Highlights (In millions of Argentine Pesos) 6M FY 2025 ended December 31, 2024 Income Statement").as_deref(),
            Some("(In millions of Argentine Pesos)")
        );
        // Not a lead-in, or no scale.
        assert_eq!(
            p("Revenue rose to $5.1 billion (in line with guidance) in 2024."),
            None
        );
        assert_eq!(p("Revenue was $12.1 million, up 8%."), None);
        assert_eq!(p("The table below shows our results:"), None);
        assert_eq!(
            p("We sold 1.2 million ounces in 2024 and expect more in the years to come:"),
            None
        );
    }
}
