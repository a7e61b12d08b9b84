//! A sentence's figures against the tables: the candidate cells for each figure (by unit,
//! metal, operation, label words and period), the one that answers, and the check it makes.

use std::borrow::Cow;

use crate::meaning::concept::{stem, stems};

use rust_decimal::Decimal;

use crate::analyze::metrics::{comparable_pairs, metal_in, Metric, MetricKind, OPERATION_WORDS};
use crate::analyze::tolerance::Interval;
use crate::analyze::{
    figure, raw_word_list, raw_words, show, words, CellRef, Check, CheckKind, ClaimRef, Status,
    Tolerance,
};
use crate::decimal::Amount;
use crate::document::{Document, RowKind, Table, Unit};
use crate::meaning::Basis;

use super::sentence::*;

/// A candidate: a cell, or a computed figure with its inputs.
#[derive(Clone, Debug)]
pub(super) struct Candidate {
    table: usize,
    row: usize,
    column: usize,
    /// The prior-year column, for changes.
    prior: Option<usize>,
    /// More rows of the same table added to `row` ("cash, cash equivalents and short-term
    /// investments totaling …").
    also: Vec<usize>,
}

/// What matching needs to know of a row, computed once per document.
struct RowInfo<'a> {
    table: usize,
    row: usize,
    unit: Option<Unit>,
    scope: Option<&'a str>,
    metal: Option<&'static str>,
    /// The heading's stems, an index into [`Context::headings`].
    heading: Option<usize>,
    /// Which stems of the label are not filler words (indices into `label`).
    sig: Vec<usize>,
    /// Stems of the label, mostly slices of the document's label words.
    label: Vec<Cow<'a, str>>,
}

impl RowInfo<'_> {
    /// Stems of the label without filler words.
    fn sig(&self) -> impl Iterator<Item = &str> {
        self.sig.iter().map(|&n| &*self.label[n])
    }
}

pub(super) struct Context<'a> {
    doc: &'a Document,
    metrics: &'a [Metric],
    rows: Vec<RowInfo<'a>>,
    /// (name words, entity) for each operation the tables name.
    entities: Vec<(Vec<String>, &'a str)>,
    /// Stems of the rows' headings, each run of rows under one heading sharing one.
    headings: Vec<Vec<String>>,
    /// Indices into `rows` by unit, in order.
    by_unit: Vec<(Option<Unit>, Vec<usize>)>,
    /// Indices into `rows` of money rows by the first word of their `sig`, in order: a
    /// money figure's candidates are among the rows whose first word its clause holds.
    /// Sorted by that word (stably, so each word's rows stay in order), not hashed: no text
    /// can choose collisions.
    by_first_word: Vec<usize>,
    /// Where each table's rows are in `rows`.
    of_table: Vec<std::ops::Range<usize>>,
    /// By table, the columns a figure may be looked up in: [`crate::analyze::plain_columns`].
    plain_columns: Vec<Vec<bool>>,
    /// The release's own quarter in its fiscal year, when a column tells where the fiscal
    /// year ends (a twelve-month column, or six or nine months ending with the quarter):
    /// Pericom's quarter ended June 30 is its fourth.
    fiscal_quarter: Option<u8>,
    /// By table, each row's basis, worked out when a claim first needs the table.
    bases: Vec<std::cell::OnceCell<Vec<Basis>>>,
}

/// The first significant word of an indexed row's label ([`RowInfo::sig`]).
fn first_word<'r>(rows: &'r [RowInfo], n: usize) -> &'r str {
    let r = &rows[n];
    &r.label[r.sig[0]]
}

const STOP: &[&str] = &[
    "of", "and", "the", "for", "to", "in", "by", "on", "a", "an", "total", "provided", "&",
];

impl<'a> Context<'a> {
    pub(super) fn new(
        doc: &'a Document,
        metrics: &'a [Metric],
        label_words: &'a crate::analyze::LabelWords,
    ) -> Context<'a> {
        let mut rows = Vec::new();
        let mut headings: Vec<Vec<String>> = Vec::new();
        // The operations the tables name, in order of appearance.
        let mut scopes: Vec<&str> = Vec::new();
        for ((ti, t), tw) in doc.tables.iter().enumerate().zip(label_words.tables()) {
            // Consecutive rows share their heading: stem it once per run.
            let mut last_parent: Option<&str> = None;
            for (k, r) in t.rows.iter().enumerate() {
                if r.kind == RowKind::Heading {
                    continue;
                }
                let scope = tw.scope(k);
                if let Some(e) = scope {
                    if !scopes.contains(&e) {
                        scopes.push(e);
                    }
                }
                // Only money, per-unit amounts and quantities of metal are matched.
                if !matches!(
                    r.unit,
                    Some(
                        Unit::Money
                            | Unit::MoneyPerOz
                            | Unit::MoneyPerLb
                            | Unit::MoneyPerShare
                            | Unit::MoneyPerTon
                            | Unit::MoneyPerTonne
                            | Unit::Oz
                            | Unit::Tons
                            | Unit::Tonnes
                            | Unit::Lbs
                    )
                ) {
                    continue;
                }
                let label: Vec<Cow<str>> = tw[k].iter().map(|w| stem(w)).collect();
                let heading = r.parent.as_deref().map(|p| {
                    if last_parent != Some(p) {
                        last_parent = Some(p);
                        headings.push(stems(p));
                    }
                    headings.len() - 1
                });
                rows.push(RowInfo {
                    table: ti,
                    row: k,
                    unit: r.unit,
                    scope,
                    metal: tw.metal(k),
                    heading,
                    sig: (0..label.len())
                        .filter(|&n| !STOP.contains(&&*label[n]))
                        .collect(),
                    label,
                });
            }
        }
        let mut entities: Vec<(Vec<String>, &str)> = Vec::new();
        for e in scopes {
            let name_words: Vec<String> = words(e)
                .into_iter()
                .filter(|w| !OPERATION_WORDS.contains(&w.as_str()))
                .collect();
            // A name that is only a metal ("SILVER OPERATIONS") names a segment, not a place
            // a sentence would call by name.
            if name_words.is_empty() || name_words.iter().all(|w| metal_in(w).is_some()) {
                continue;
            }
            entities.push((name_words, e));
        }
        let mut by_unit: Vec<(Option<Unit>, Vec<usize>)> = Vec::new();
        let mut by_first_word: Vec<usize> = Vec::new();
        let mut of_table = vec![0..0; doc.tables.len()];
        for (n, info) in rows.iter().enumerate() {
            match by_unit.iter_mut().find(|(u, _)| *u == info.unit) {
                Some((_, v)) => v.push(n),
                None => by_unit.push((info.unit, vec![n])),
            }
            if info.unit == Some(Unit::Money) && !info.sig.is_empty() {
                by_first_word.push(n);
            }
            let r = &mut of_table[info.table];
            if r.start == r.end {
                *r = n..n + 1;
            } else {
                r.end = n + 1;
            }
        }
        crate::sort::by(&mut by_first_word, |&a, &b| {
            first_word(&rows, a).cmp(first_word(&rows, b))
        });
        Context {
            doc,
            metrics,
            rows,
            entities,
            headings,
            by_unit,
            by_first_word,
            of_table,
            plain_columns: doc
                .tables
                .iter()
                .map(crate::analyze::plain_columns)
                .collect(),
            bases: doc
                .tables
                .iter()
                .map(|_| std::cell::OnceCell::new())
                .collect(),
            fiscal_quarter: fiscal_quarter(doc),
        }
    }

    /// The one operation a text's words name, if exactly one.
    pub(super) fn entity_in<S: AsRef<str>>(&self, w: &[S]) -> Option<&'a str> {
        let mut named = (self.entities.iter())
            .filter(|(name_words, _)| contains_run(w, name_words))
            .map(|&(_, e)| e);
        let first = named.next()?;
        named.next().is_none().then_some(first)
    }

    /// The columns of a table that a period names.
    fn columns(&self, t: &Table, when: PeriodPhrase) -> Vec<usize> {
        let Some(end) = self.doc.period.end else {
            return Vec::new();
        };
        let months = match when.months {
            Some(SAME_LENGTH) => self.doc.period.months,
            m => m,
        };
        let when = PeriodPhrase { months, ..when };
        let year = match when.year {
            YearRef::Current => end.year,
            YearRef::Prior => end.year - 1,
            YearRef::Year(y) => y,
            // A fiscal quarter ends within days of three calendar months before the
            // release's (Pericom's March 26 before its June 30).
            YearRef::PrecedingQuarter => {
                let before = end.day_number() - 91;
                return (t.columns.iter().enumerate())
                    .filter(|(_, c)| {
                        c.months == Some(3)
                            && c.end
                                .is_some_and(|ce| (ce.day_number() - before).abs() <= 10)
                    })
                    .map(|(k, _)| k)
                    .collect();
            }
        };
        t.columns
            .iter()
            .enumerate()
            .filter(|(_, c)| {
                let Some(ce) = c.end else { return false };
                if ce.year != year {
                    return false;
                }
                match when.months {
                    None => {
                        c.months.is_none()
                            && Some((ce.month, ce.day)) == when.date.or(Some((end.month, end.day)))
                    }
                    Some(0) => c.months.is_some_and(|m| m > 3 && m < 12) && ce.month == end.month,
                    Some(3) => {
                        c.months == Some(3)
                            && ce.month == end.month
                            // "third quarter" names calendar quarters; a fiscal year's
                            // quarters end in other months, so the ordinal must be the
                            // release's own quarter.
                            && when.quarter.is_none_or(|q| {
                                q * 3 == end.month || Some(q) == self.fiscal_quarter
                            })
                    }
                    Some(m) => c.months == Some(m) && ce.month == end.month,
                }
            })
            .map(|(k, _)| k)
            .collect()
    }

    /// A candidate's figure in a column: its row, plus the rows it adds.
    fn value(&self, c: &Candidate, column: usize) -> Option<crate::analyze::Figure> {
        let t = &self.doc.tables[c.table];
        let mut total = figure(&t.rows[c.row], column)?;
        for &r in &c.also {
            let x = figure(&t.rows[r], column)?;
            total.value = (Amount(total.value) + x.value).0;
            total.interval = total.interval + x.interval;
        }
        Some(total)
    }

    /// "cash, cash equivalents and short-term investments totaling $195 million": rows of one
    /// table that together cover every item of the list, one row per item.
    fn list_total(
        &self,
        s: &str,
        f: &ProseFigure,
        entity: Option<&str>,
    ) -> Option<(usize, usize, Vec<usize>)> {
        let lower = s[..f.start].to_ascii_lowercase();
        let mut before = lower.trim_end();
        for q in [
            "approximately",
            "about",
            "almost",
            "nearly",
            "more than",
            "over",
            "some",
            "negative",
        ] {
            before = before.strip_suffix(q).unwrap_or(before).trim_end();
        }
        let phrase = [
            "totaling",
            "totalling",
            "totaled",
            "totalled",
            "combined",
            "together",
        ]
        .iter()
        .find_map(|w| before.strip_suffix(w))?;
        let start = [" had ", " has ", " have ", " with ", "-- ", ". ", " of "]
            .iter()
            .filter_map(|m| phrase.rfind(m).map(|k| k + m.len()))
            .max()
            .unwrap_or(0);
        let mut items: Vec<Vec<String>> = Vec::new();
        for part in phrase[start..].split(',') {
            for item in part.split(" and ") {
                let w = stems(item);
                if !w.is_empty() {
                    items.push(w);
                }
            }
        }
        if items.len() < 2 {
            return None;
        }
        'tables: for ti in 0..self.doc.tables.len() {
            let rows: Vec<(usize, &[Cow<str>])> = self.rows[self.of_table[ti].clone()]
                .iter()
                .filter(|r| r.table == ti && r.unit == Some(Unit::Money) && r.scope == entity)
                .map(|r| (r.row, r.label.as_slice()))
                .collect();
            let mut chosen: Vec<usize> = Vec::new();
            for item in &items {
                let unique = |pred: &dyn Fn(&[Cow<str>]) -> bool| {
                    let m: Vec<usize> = rows
                        .iter()
                        .filter(|(_, w)| pred(w))
                        .map(|(k, _)| *k)
                        .collect();
                    (m.len() == 1).then(|| m[0])
                };
                let found =
                    unique(&|w| w.len() >= item.len() && w.iter().zip(item).all(|(a, b)| a == b))
                        .or_else(|| unique(&|w| item.iter().all(|x| w.iter().any(|y| y == x))));
                match found {
                    Some(k) => {
                        if !chosen.contains(&k) {
                            chosen.push(k);
                        }
                    }
                    None => continue 'tables,
                }
            }
            if chosen.len() >= 2 {
                return Some((ti, chosen[0], chosen[1..].to_vec()));
            }
        }
        None
    }

    pub(super) fn check(
        &self,
        s: &Sentence,
        figs: &[ProseFigure],
        i: usize,
        entity: Option<&str>,
        matched: &[Option<Vec<Candidate>>],
        claim: ClaimRef,
    ) -> (Check, Option<Vec<Candidate>>) {
        let f = &figs[i];
        let not = |why: String| (unmatched(f, &claim, why), None);
        let sw = &s.words;
        let forward = [
            "estimate",
            "estimated",
            "expect",
            "expected",
            "expects",
            "anticipate",
            "anticipated",
            "guidance",
            "forecast",
            "could",
            "will",
            "would",
            "projected",
            "plans",
            "target",
        ];
        if sw.iter().any(|w| forward.contains(w)) {
            return not(crate::analyze::format_in!(
                crate::analyze::SENTENCE,
                "{} is in a forward-looking sentence; the tables report results, not estimates.",
                f.text
            ));
        }
        let paired = s.contains("respectively") && respective_metal(s, figs, i).is_some();
        if (in_list(s, figs, i) || s.contains("respectively")) && !paired {
            return not(crate::analyze::format_in!(crate::analyze::SENTENCE, "{} is one of a list of figures whose subjects the sentence does not pair with them.", f.text));
        }
        // A change ("increased 46% to $21 million in the third quarter") has the period of the
        // figure it is attached to.
        let attached = || {
            (f.kind == Kind::Percent)
                .then(|| (i + 1..figs.len()).find(|&k| figs[k].kind != Kind::Percent))
                .flatten()
                .and_then(|k| period_of(s, figs, k))
        };
        let Some(when) = period_of(s, figs, i).or_else(attached) else {
            return not(crate::analyze::format_in!(
                crate::analyze::SENTENCE,
                "{}: the sentence names no period to find it in.",
                f.text
            ));
        };
        // Comparisons: a percentage, or "an increase of $X", is a change of a neighbouring
        // figure's subject.
        let lower = &s.lower;
        let before = lower[..f.start].trim_end();
        let change_money = f.kind == Kind::Money
            && [
                "increase of",
                "decrease of",
                "reduction of",
                "improvement of",
            ]
            .iter()
            .any(|p| before.ends_with(p));
        if f.kind == Kind::Percent || change_money {
            return self.change(s, figs, i, matched, when, claim);
        }
        let candidates = match self.candidates(s, figs, i, entity, when, matched) {
            Ok(c) => c,
            Err(why) => {
                return not(crate::analyze::format_in!(
                    crate::analyze::SENTENCE,
                    "{}: {why}",
                    f.text
                ))
            }
        };
        if f.kind == Kind::Ratio {
            return (self.ratio(f, when, claim), None);
        }
        (self.compare(f, &candidates, claim), Some(candidates))
    }

    /// Candidate cells for a figure that states a level.
    fn candidates(
        &self,
        s: &Sentence,
        figs: &[ProseFigure],
        i: usize,
        entity: Option<&str>,
        when: PeriodPhrase,
        matched: &[Option<Vec<Candidate>>],
    ) -> Result<Vec<Candidate>, String> {
        let f = &figs[i];
        let lower = &s.lower;
        let before = lower[..f.start].trim_end();
        // "compared to $0.9 million": the subject of the figure compared with.
        let compared = [
            "compared to",
            "compared with",
            "versus",
            "compared to a",
            "compared with a",
            "from",
        ]
        .iter()
        .any(|p| before.ends_with(p));
        let rows: Vec<(usize, usize, Vec<usize>)> = if compared {
            let prev = (0..i).rev().find(|&k| figs[k].kind == f.kind);
            match prev.and_then(|k| matched.get(k).cloned().flatten()) {
                Some(c) => {
                    let mut r: Vec<(usize, usize, Vec<usize>)> =
                        c.iter().map(|c| (c.table, c.row, c.also.clone())).collect();
                    r.dedup();
                    r
                }
                None => return Err("it is compared with a figure that could not be matched".into()),
            }
        } else if let Some((t, first, also)) = self.list_total(s, f, entity) {
            vec![(t, first, also)]
        } else {
            self.rows_for(s, figs, i, entity)?
                .into_iter()
                .map(|(t, r)| (t, r, Vec::new()))
                .collect()
        };
        if f.kind == Kind::Ratio {
            return Ok(Vec::new());
        }
        let mut out = Vec::new();
        for (t, r, also) in rows {
            let table = &self.doc.tables[t];
            // A figure in millions cannot be compared with a table that states no scale.
            if f.kind == Kind::Money
                && f.factor > Decimal::ONE
                && table.scale_note.is_none()
                && table.rows[r].scale.factor() == 1
            {
                continue;
            }
            for c in self.columns(table, when) {
                if !self.plain_columns[t][c] {
                    continue;
                }
                let cand = Candidate {
                    table: t,
                    row: r,
                    column: c,
                    prior: None,
                    also: also.clone(),
                };
                if self.value(&cand, c).is_some() {
                    out.push(cand);
                }
            }
        }
        if out.is_empty() {
            return Err("no table prints it for the period the sentence names".into());
        }
        Ok(out)
    }

    /// Rows that could hold the figure, by meaning.
    fn rows_for(
        &self,
        s: &Sentence,
        figs: &[ProseFigure],
        i: usize,
        entity: Option<&str>,
    ) -> Result<Vec<(usize, usize)>, String> {
        let f = &figs[i];
        let sw = &s.words;
        let has = |x: &str| sw.contains(&x);
        let metals = &s.metals;
        let metal = if s.contains("respectively") {
            respective_metal(s, figs, i)
        } else if metals.len() == 1 {
            Some(metals[0])
        } else {
            None
        };
        if metals.len() > 1
            && metal.is_none()
            && matches!(
                f.kind,
                Kind::PerUnit(Unit::MoneyPerOz | Unit::MoneyPerLb) | Kind::Quantity(_)
            )
        {
            return Err("the sentence names several metals".into());
        }
        // "declared and paid a $0.16 per share cash dividend": a payout, compared with payout
        // rows only, never with earnings or book value per share.
        let payout = f.kind == Kind::PerUnit(Unit::MoneyPerShare)
            && crate::meaning::concept::is_payout(
                &raw_words(clause_of(s, f)).map(stem).collect::<Vec<_>>(),
            );
        let clause: Vec<Cow<str>> = if f.kind == Kind::Money {
            raw_words(clause_of(s, f)).map(stem).collect()
        } else {
            Vec::new()
        };
        // The rows that can match, in order: of the unit, and for money, those whose first
        // significant word is in the clause (a match needs all of them there).
        let picked: Vec<usize> = match f.kind {
            Kind::Money => {
                let mut v: Vec<usize> = Vec::new();
                for w in &clause {
                    let index = &self.by_first_word;
                    let w = w.as_ref();
                    // A filler word is never a row's first significant word.
                    if STOP.contains(&w) {
                        continue;
                    }
                    let lo = index.partition_point(|&n| first_word(&self.rows, n) < w);
                    let hi = lo + index[lo..].partition_point(|&n| first_word(&self.rows, n) == w);
                    v.extend(&index[lo..hi]);
                }
                crate::sort::dedup(&mut v);
                v
            }
            Kind::PerUnit(u) | Kind::Quantity(u) => self
                .by_unit
                .iter()
                .find(|(x, _)| *x == Some(u))
                .map(|(_, v)| v.clone())
                .unwrap_or_default(),
            _ => Vec::new(),
        };
        let mut out: Vec<(usize, usize, usize)> = Vec::new();
        for info in picked.iter().map(|&n| &self.rows[n]) {
            let wanted = match f.kind {
                Kind::Money => Unit::Money,
                Kind::PerUnit(u) | Kind::Quantity(u) => u,
                _ => continue,
            };
            if info.unit != Some(wanted) || info.scope != entity {
                continue;
            }
            let rm = info.metal;
            let metal_ok = match (metal, rm) {
                (Some(a), Some(b)) => a == b,
                (Some(_), None) => false,
                (None, _) => true,
            };
            let heading: &[String] = info.heading.map_or(&[], |h| &self.headings[h]);
            let lhas =
                |x: &str| heading.iter().any(|w| w == x) || info.label.iter().any(|w| w == x);
            let ok = match f.kind {
                // "$0.17 diluted loss per share" is the diluted row, not the basic one
                // printed beside it.
                Kind::PerUnit(Unit::MoneyPerShare) => {
                    let row_payout = (lhas("dividend") || lhas("distribution")) && !lhas("after");
                    row_payout == payout
                        && !(has("diluted") && lhas("basic") && !lhas("diluted"))
                        && !(has("basic") && lhas("diluted") && !lhas("basic"))
                }
                Kind::PerUnit(Unit::MoneyPerOz | Unit::MoneyPerLb) => {
                    let price = has("price") || has("prices") || has("averaged");
                    // All-in sustaining costs ("AISC") and cash costs are two figures.
                    let sustaining = (
                        has("sustaining") || has("aisc"),
                        lhas("sustaining") || lhas("aisc"),
                    );
                    let cost = has("cost") || has("costs") || sustaining.0;
                    // A realised price is the company's own, a market price the metal's
                    // quotation: two figures, never one.
                    let realized = (
                        has("realized") || has("realised"),
                        lhas("realized") || lhas("realised"),
                    );
                    let market = (has("market") || has("spot"), lhas("market") || lhas("spot"));
                    metal_ok
                        && !(realized.0 && market.1)
                        && !(market.0 && realized.1)
                        && if price && !cost {
                            !lhas("cost") && !sustaining.1
                        } else if sustaining.0 || sustaining.1 {
                            sustaining.0 && sustaining.1
                        } else if cost {
                            lhas("cost")
                                && if has("operating") {
                                    lhas("operating")
                                } else if has("production") && !has("cash") {
                                    lhas("production")
                                } else {
                                    lhas("cash") && !lhas("operating")
                                }
                        } else {
                            false
                        }
                }
                Kind::Quantity(_) => {
                    // Ounces produced and ounces sold are two figures: a sentence about one
                    // is not checked against a row of the other.
                    let made = (has("production"), lhas("production") || lhas("produced"));
                    let sold = (has("sold"), lhas("sold") || lhas("sales"));
                    let other = (made.0 && !sold.0 && sold.1 && !made.1)
                        || (sold.0 && !made.0 && made.1 && !sold.1);
                    metal_ok
                        && !other
                        && (metal.is_some() || rm.is_some())
                        && !lhas("grade")
                        && !lhas("milled")
                        && !lhas("processed")
                }
                Kind::Money => {
                    // One generic word ("Basic", "Other") is too little to go on.
                    let enough = info.sig.len() >= 2
                        || info.sig().any(|w| {
                            ["sale", "exploration", "ebitda", "inventory", "goodwill"].contains(&w)
                        });
                    // "share-based payments expense related to PSUs … was $2.1 million": a
                    // part of the row's figure, unless the row names what it is related to.
                    let part = clause
                        .iter()
                        .skip_while(|w| !matches!(w.as_ref(), "related" | "relating"))
                        .skip(1)
                        .filter(|w| !STOP.contains(&w.as_ref()));
                    let named_part = part.clone().next().is_none() || part.clone().any(|w| lhas(w));
                    enough
                        && named_part
                        && info.sig().all(|w| clause.iter().any(|c| c.as_ref() == w))
                }
                _ => false,
            };
            if ok {
                out.push((info.table, info.row, info.sig.len()));
            }
        }
        if f.kind == Kind::Money {
            // The most specific labels.
            let best = out.iter().map(|x| x.2).max().unwrap_or(0);
            out.retain(|x| x.2 == best);
        }
        if f.kind == Kind::Ratio {
            return Ok(Vec::new());
        }
        if out.is_empty() {
            return Err("no row of the tables matches what the sentence says it is".into());
        }
        // "Pro forma net income … was $1,173,000, or $0.04 per share": the pro forma row, not
        // the GAAP one beside it. A sentence that states no basis means the reported figure
        // where one is printed.
        let stated = stated_basis(&s.lower[..f.start]);
        let basis_of = |&(t, k, _): &(usize, usize, usize)| {
            let bases = self.bases[t].get_or_init(|| {
                let meanings = crate::meaning::of_table(&self.doc.tables[t]);
                meanings.iter().map(|m| m.basis).collect()
            });
            bases.get(k).copied().unwrap_or(Basis::Reported)
        };
        // Where no matching row states that basis, the rows stay as they are: a measure such
        // as "Economic Earnings" is non-GAAP without saying so in its label.
        let same: Vec<(usize, usize, usize)> = out
            .iter()
            .copied()
            .filter(|x| basis_of(x) == stated)
            .collect();
        if !same.is_empty() {
            out = same;
        }
        Ok(out.into_iter().map(|(t, k, _)| (t, k)).collect())
    }

    /// Compares a level claim with its candidates: they must agree among themselves.
    fn compare(&self, f: &ProseFigure, candidates: &[Candidate], claim: ClaimRef) -> Check {
        let claimed = f.qualifier.interval(f.value, f.factor);
        let figs: Vec<(crate::analyze::Figure, &Candidate)> = candidates
            .iter()
            .filter_map(|c| self.value(c, c.column).map(|x| (x, c)))
            .collect();
        let cells: Vec<CellRef> = figs
            .iter()
            .flat_map(|(_, c)| {
                let t = &self.doc.tables[c.table];
                std::iter::once(c.row)
                    .chain(c.also.iter().copied())
                    .map(move |r| CellRef::new(t, r, c.column))
            })
            .collect();
        let magnitude = |x: crate::analyze::Figure| {
            let unsigned_kind = matches!(f.kind, Kind::Money | Kind::PerUnit(Unit::MoneyPerShare));
            if f.signed || !unsigned_kind || x.value >= Decimal::ZERO {
                x
            } else {
                crate::analyze::Figure {
                    value: -x.value,
                    interval: -x.interval,
                }
            }
        };
        let first = magnitude(figs[0].0);
        let agree = figs
            .iter()
            .all(|(x, _)| magnitude(*x).interval.agrees(&first.interval));
        let parts = 1 + figs[0].1.also.len();
        let where_ = if parts > 1 {
            crate::analyze::format_in!(
                crate::analyze::PHRASE,
                "the sum of {} ({})",
                cells[..parts]
                    .iter()
                    .map(CellRef::describe)
                    .collect::<Vec<_>>()
                    .join(" and "),
                show(first.value, 4)
            )
        } else {
            cells[0].describe()
        };
        if !agree {
            return Check {
                kind: CheckKind::Claim,
                status: Status::NotCheckable,
                reported: Some((Amount(f.value) * f.factor).0),
                recomputed: None,
                tolerance: None,
                explanation: crate::analyze::format_in!(crate::analyze::SENTENCE, "{} could be any of {} cells that disagree with each other, so it is not matched.", f.text, cells.len()),
                cells,
                claim: Some(claim),
            };
        }
        // Printed figures one unit apart in the last digit touch only at an edge neither can
        // reach ($0.88 and $0.89): that is a difference, not rounding.
        let holds = claimed.agrees(&first.interval);
        let explanation = if holds {
            crate::analyze::format_in!(
                crate::analyze::SENTENCE,
                "The sentence's {} ({}) agrees with {}.",
                f.text,
                f.qualifier.words(),
                where_
            )
        } else {
            crate::analyze::format_in!(
                crate::analyze::SENTENCE,
                "The sentence says {} but {} ({}), which the figure's precision ({}) does not allow.",
                f.text,
                where_,
                show(first.value, 4),
                f.qualifier.words()
            )
        };
        Check {
            kind: CheckKind::Claim,
            status: if holds { Status::Ok } else { Status::Mismatch },
            reported: Some((Amount(f.value) * f.factor).0),
            recomputed: Some(first.value),
            tolerance: Some(Tolerance::new(
                claimed,
                crate::analyze::format_in!(
                    crate::analyze::PHRASE,
                    "the figure as written, {}",
                    f.qualifier.words()
                ),
            )),
            explanation,
            cells,
            claim: Some(claim),
        }
    }

    /// "current ratio … 5.3:1" against the current ratio metric at the period's end.
    fn ratio(&self, f: &ProseFigure, when: PeriodPhrase, claim: ClaimRef) -> Check {
        let sw = words(&claim.sentence);
        let current = sw.windows(2).any(|w| w == ["current", "ratio"]);
        let m = self.metrics.iter().find(|m| {
            m.kind == MetricKind::CurrentRatio
                && current
                && when.months.is_none()
                && m.inputs.first().is_some_and(|c| {
                    let t = self.doc.tables.iter().find(|t| t.id == c.table);
                    t.is_some_and(|t| {
                        !self.columns(t, when).is_empty()
                            && self.columns(t, when).contains(&c.column)
                    })
                })
        });
        let Some(m) = m else {
            return Check {
                kind: CheckKind::Claim,
                status: Status::NotCheckable,
                reported: Some(f.value),
                recomputed: None,
                tolerance: None,
                explanation: crate::analyze::format_in!(
                    crate::analyze::SENTENCE,
                    "{}: no ratio the tables allow computing matches what the sentence names.",
                    f.text
                ),
                cells: Vec::new(),
                claim: Some(claim),
            };
        };
        // Interval of the quotient of the two rounded inputs.
        let inputs: Vec<Interval> = m
            .inputs
            .iter()
            .filter_map(|c| {
                let t = self.doc.tables.iter().find(|t| t.id == c.table)?;
                figure(&t.rows[c.row], c.column).map(|x| x.interval)
            })
            .collect();
        let q = match inputs.as_slice() {
            [a, b] => a.checked_div(*b),
            _ => None,
        };
        let claimed = f.qualifier.interval(f.value, Decimal::ONE);
        let holds = q.is_some_and(|q| q.meets(&claimed));
        Check {
            kind: CheckKind::Claim,
            status: if holds { Status::Ok } else { Status::Mismatch },
            reported: Some(f.value),
            recomputed: m.value,
            tolerance: Some(Tolerance::new(claimed, "the ratio as written")),
            explanation: crate::analyze::format_in!(
                crate::analyze::SENTENCE,
                "The sentence's {} is the current ratio; total current assets over total current liabilities give {}{}.",
                f.text,
                m.value.map(|v| show(v, 2).to_string()).unwrap_or_default(),
                if holds { "" } else { ", which the figure does not allow" }
            ),
            cells: m.inputs.clone(),
            claim: Some(claim),
        }
    }

    /// A percentage (or "an increase of $X") against the change of its subject from the same
    /// period a year before.
    fn change(
        &self,
        s: &Sentence,
        figs: &[ProseFigure],
        i: usize,
        matched: &[Option<Vec<Candidate>>],
        when: PeriodPhrase,
        claim: ClaimRef,
    ) -> (Check, Option<Vec<Candidate>>) {
        let f = &figs[i];
        let lower = &s.lower;
        let after = &lower[f.end..];
        let before = lower[..f.start].trim_end();
        let not = |why: String| (unmatched(f, &claim, why), None);
        let up = [
            "increase",
            "increased",
            "rose",
            "up",
            "higher",
            "grew",
            "improvement",
            "improvements",
            "gain",
        ];
        let down = [
            "decrease",
            "decreased",
            "fell",
            "down",
            "lower",
            "declined",
            "reduction",
        ];
        let mut reach = (f.end + 30).min(lower.len());
        while !lower.is_char_boundary(reach) {
            reach -= 1;
        }
        let words_near = raw_word_list(&lower[..reach]);
        let is_up = words_near.iter().any(|w| up.contains(w));
        let is_down = words_near.iter().any(|w| down.contains(w));
        let share = after.trim_start().starts_with("of ");
        if f.kind == Kind::Percent && (share || (!is_up && !is_down)) {
            return not(crate::analyze::format_in!(crate::analyze::SENTENCE, "{} is a percentage that is not stated as a change; the tables hold no share to compare it with.", f.text));
        }
        // "up 8.7% from $19,433,000 in the preceding quarter": a sequential change, while the
        // tables pair each column with the same period a year before.
        let clause_end = after.find(" and ").unwrap_or(after.len());
        let base = &after[..clause_end];
        if [
            "preceding quarter",
            "previous quarter",
            "prior quarter",
            "last quarter",
            "sequential",
        ]
        .iter()
        .any(|p| base.contains(p))
        {
            return not(crate::analyze::format_in!(
                crate::analyze::SENTENCE,
                "{} is a change from the preceding quarter; the tables pair each period with the same period a year before.",
                f.text
            ));
        }
        let improvement = words_near.iter().any(|w| w.starts_with("improvement"));
        // The subject: "N% to $X" → X; ", a N% increase" → the figure before; else by words.
        let previous = (0..i).rev().find(|&k| figs[k].kind != Kind::Percent);
        let next = (i + 1..figs.len()).find(|&k| figs[k].kind != Kind::Percent);
        let tail = after
            .trim_start()
            .trim_start_matches("year over year")
            .trim_start_matches("year-over-year")
            .trim_start();
        let subject: Option<usize> =
            if after.trim_start().starts_with("to ") || tail.starts_with("to ") {
                next
            } else if f.kind == Kind::Money {
                // "losses were $6.1 million, an increase of $4.8 million"
                (0..i).rev().find(|&k| figs[k].kind == Kind::Money)
            } else if before.ends_with(" a") || before.ends_with(" an") {
                previous.or(next)
            } else {
                None
            };
        let candidates: Vec<Candidate> = match subject {
            Some(k) if k < i => match matched.get(k).cloned().flatten() {
                Some(c) => c,
                None => {
                    return not(crate::analyze::format_in!(
                        crate::analyze::SENTENCE,
                        "{}: the figure it describes could not be matched.",
                        f.text
                    ))
                }
            },
            Some(k) => {
                let entity = self.entity_in(&s.words);
                match self.candidates(
                    s,
                    figs,
                    k,
                    entity,
                    period_of(s, figs, k).unwrap_or(when),
                    matched,
                ) {
                    Ok(c) => c,
                    Err(why) => {
                        return not(crate::analyze::format_in!(
                            crate::analyze::SENTENCE,
                            "{}: {why}",
                            f.text
                        ))
                    }
                }
            }
            None => {
                // By words, as money would be matched, with this figure's period.
                let mut as_money = figs.to_vec();
                as_money[i].kind = Kind::Money;
                let entity = self.entity_in(&s.words);
                match self.candidates(s, &as_money, i, entity, when, matched) {
                    Ok(c) => c,
                    Err(why) => {
                        return not(crate::analyze::format_in!(
                            crate::analyze::SENTENCE,
                            "{}: {why}",
                            f.text
                        ))
                    }
                }
            }
        };
        // Each candidate with its prior-year column.
        let mut pairs = Vec::new();
        for c in &candidates {
            let t = &self.doc.tables[c.table];
            if let Some(&(_, b)) = comparable_pairs(&t.columns)
                .iter()
                .find(|&&(a, _)| a == c.column)
            {
                pairs.push(Candidate {
                    prior: Some(b),
                    ..c.clone()
                });
            }
        }
        if pairs.is_empty() {
            return not(crate::analyze::format_in!(
                crate::analyze::SENTENCE,
                "{}: the tables print no figure a year before to measure the change from.",
                f.text
            ));
        }
        let mut results = Vec::new();
        for c in &pairs {
            let row = &self.doc.tables[c.table].rows[c.row];
            let (Some(now), Some(then)) =
                (figure(row, c.column), figure(row, c.prior.unwrap_or(0)))
            else {
                continue;
            };
            let r = if f.kind == Kind::Percent {
                let delta = now.interval - then.interval;
                if then.value.is_zero() {
                    continue;
                }
                let base = Interval {
                    lo: then.interval.lo.abs().min(then.interval.hi.abs()),
                    hi: then.interval.lo.abs().max(then.interval.hi.abs()),
                };
                match delta.checked_div(base) {
                    Some(q) => (
                        q * Interval::exact(Decimal::ONE_HUNDRED),
                        ((Amount(now.value) - then.value) / then.value.abs()
                            * Decimal::ONE_HUNDRED)
                            .0,
                    ),
                    None => continue,
                }
            } else {
                let (n, t) = (now.value.abs(), then.value.abs());
                let change = (Amount(n) - t).0;
                let d = Interval::around(
                    change,
                    ((Amount(now.interval.width()) + then.interval.width()) / Decimal::TWO).0,
                );
                (d, change)
            };
            results.push((r, c.clone()));
        }
        let Some(((first_i, first_v), _)) = results.first().cloned() else {
            return not(crate::analyze::format_in!(
                crate::analyze::SENTENCE,
                "{}: no figures to compute the change from.",
                f.text
            ));
        };
        let agree = results.iter().all(|((iv, _), _)| iv.meets(&first_i));
        let cells: Vec<CellRef> = results
            .iter()
            .flat_map(|(_, c)| {
                let t = &self.doc.tables[c.table];
                [
                    CellRef::new(t, c.row, c.column),
                    CellRef::new(t, c.row, c.prior.unwrap_or(0)),
                ]
            })
            .collect();
        if !agree {
            return not(crate::analyze::format_in!(
                crate::analyze::SENTENCE,
                "{} could describe the change of several rows that disagree, so it is not matched.",
                f.text
            ));
        }
        // Direction words decide the sign; "improvement" of a cost is a fall, so only the size
        // is compared then.
        let (iv, v) = if improvement || (is_down && !is_up) {
            (
                Interval {
                    lo: first_i.hi.abs().min(first_i.lo.abs()),
                    hi: first_i.hi.abs().max(first_i.lo.abs()),
                },
                first_v.abs(),
            )
        } else {
            (first_i, first_v)
        };
        let claimed = f.qualifier.interval(f.value, f.factor);
        let rises = is_up && !is_down;
        let falls = is_down && !is_up;
        let direction_ok = improvement
            || match (rises, falls) {
                (true, _) => first_v >= Decimal::ZERO,
                (_, true) => first_v <= Decimal::ZERO,
                _ => true,
            };
        let holds = claimed.meets(&iv) && direction_ok;
        let unit = if f.kind == Kind::Percent { "%" } else { "" };
        let explanation = crate::analyze::format_in!(
            crate::analyze::SENTENCE,
            "The sentence's {} ({}) is the change of {} against the same period a year before, which the tables give as {}{unit}{}.",
            f.text,
            f.qualifier.words(),
            cells[0].row_label,
            show(v, 2),
            if holds { "" } else { ", which the figure does not allow" }
        );
        (
            Check {
                kind: CheckKind::Claim,
                status: if holds { Status::Ok } else { Status::Mismatch },
                reported: Some((Amount(f.value) * f.factor).0),
                recomputed: Some(v.round_dp(4)),
                tolerance: Some(Tolerance::new(
                    claimed,
                    crate::analyze::format_in!(
                        crate::analyze::PHRASE,
                        "the figure as written, {}",
                        f.qualifier.words()
                    ),
                )),
                explanation,
                cells,
                claim: Some(claim),
            },
            None,
        )
    }
}

/// A column that restates or adjusts ("As Previously Reported", "Pro Forma", "Restated").
pub(crate) fn restated_column(label: &str) -> bool {
    let l = label.to_ascii_lowercase();
    [
        "previously reported",
        "restated",
        "pro forma",
        "adjusted",
        "non-gaap",
    ]
    .iter()
    .any(|w| l.contains(w))
}

/// A column whose header names a measure of its own ("EPS", "%", "per share"), which the
/// row's unit does not describe.
pub(crate) fn other_measure(label: &str) -> bool {
    if label.contains('%') {
        return true;
    }
    let mut after_per = false;
    raw_words(label).any(|x| {
        let is = |w: &str| x.eq_ignore_ascii_case(w);
        let found = is("eps") || is("percent") || (after_per && is("share"));
        after_per = is("per");
        found
    })
}

/// A claim that could not be matched, and why.
fn unmatched(f: &ProseFigure, claim: &ClaimRef, why: String) -> Check {
    Check {
        kind: CheckKind::Claim,
        status: Status::NotCheckable,
        reported: Some((Amount(f.value) * f.factor).0),
        recomputed: None,
        tolerance: None,
        explanation: why,
        cells: Vec::new(),
        claim: Some(claim.clone()),
    }
}

/// Whether `phrase` occurs as a run of consecutive words in `w`.
fn contains_run<S: AsRef<str>>(w: &[S], phrase: &[String]) -> bool {
    !phrase.is_empty()
        && w.windows(phrase.len())
            .any(|x| x.iter().zip(phrase).all(|(a, b)| a.as_ref() == b))
}

/// The release's quarter in its fiscal year ([`Context::fiscal_quarter`]).
fn fiscal_quarter(doc: &Document) -> Option<u8> {
    let end = doc.period.end?;
    let year_end = doc.tables.iter().flat_map(|t| &t.columns).find_map(|c| {
        let ce = c.end?;
        match c.months? {
            12 => Some(ce.month),
            m @ (6 | 9) if ce == end => Some((end.month + 12 - m - 1) % 12 + 1),
            _ => None,
        }
    })?;
    let ahead = (year_end + 12 - end.month) % 12;
    (ahead % 3 == 0).then(|| 4 - ahead / 3)
}
