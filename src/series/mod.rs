//! Many releases at once: a company's figures over time, and what a later release printed
//! differently for a period an earlier one had already reported.
//!
//! Each document read by `crate::read` is first reduced to a [`Release`] (its company,
//! period, date and facts; plain owned data, so releases can be read on many threads or in
//! a worker and settled here). [`of_releases`] groups them by company
//! ([`company`]), reads every figure as a [`facts::Fact`] (a measure from the meaning layer,
//! a period, a value and where it was printed), and, for each measure that two or more
//! releases of one company print, builds a [`Series`] per period length: one point per
//! period, ends within a week of each other being one period ([`calendar`]).
//!
//! HOW A POINT IS SETTLED. Each release that prints the period gives one printing (its
//! first, in reading order). The releases are ordered by the period they report (then their
//! date, then the order given), and each printing is compared with the one before it through
//! `analyze::tolerance` (a printed figure is the interval its last digit allows): intervals
//! that can hold the same amount confirm; others are a [`Comparison`] in `restatements`,
//! with both printings. The latest printing is the point's value. A quarter that no release
//! prints but a longer period and the one before it do (Q4 = year − nine months, Q2 = half
//! year − Q1) is derived and marked so, with both sources; only amounts are derived, never a
//! per-share figure. A quarter missing between two others is a gap: a point with no value.
//!
//! Releases of different companies never meet: each group is settled on its own.
//! Everything here is a pure function of the documents.

pub mod calendar;
pub mod charts;
pub mod company;
pub mod desk;
pub mod facts;
pub mod measure;

use std::borrow::Borrow;
use std::collections::BTreeMap;

use rust_decimal::Decimal;
use serde::Serialize;

use crate::analyze::tolerance::Interval;
use crate::document::{Company, Date, Document, Period};
pub use company::CompanyId;
pub use facts::Fact;
pub use measure::Measure;

/// The schema tag of `assay series` output.
pub const SCHEMA: &str = "assay-series/1";

/// One company's series and restatements.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CompanySeries {
    pub schema: &'static str,
    pub company: CompanyId,
    /// Its releases' files, in release order (oldest first).
    pub releases: Vec<String>,
    pub series: Vec<Series>,
    /// A later release printed a period's figure differently.
    pub restatements: Vec<Comparison>,
    /// A later release printed the same figure again, equal within rounding.
    pub confirmations: Vec<Comparison>,
}

/// One measure over periods of one length.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Series {
    pub measure: String,
    /// The row's label as the latest release prints it.
    pub label: String,
    pub unit: String,
    pub scope: Option<String>,
    /// 3 for quarters; `None` for points in time (balance sheet dates).
    pub months: Option<u8>,
    /// Oldest first.
    pub points: Vec<Point>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Point {
    pub end: Date,
    pub months: Option<u8>,
    /// The latest printing's real amount (printed × scale); `None` for a gap.
    pub value: Option<Decimal>,
    /// Not printed: computed from a longer period and the one a quarter shorter.
    pub derived: bool,
    /// Every printing of the period, oldest release first (the value is the last's); for a
    /// derived point, the longer period's printing then the shorter's.
    pub sources: Vec<Source>,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Source {
    pub file: String,
    pub line: usize,
    pub printed: String,
}

/// An earlier and a later release's printings of one measure and period.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Comparison {
    pub measure: String,
    pub scope: Option<String>,
    pub unit: String,
    pub end: Date,
    pub months: Option<u8>,
    pub original: Printing,
    pub later: Printing,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Printing {
    pub file: String,
    pub line: usize,
    /// The real amount (printed × scale).
    pub value: Decimal,
    pub printed: String,
}

/// A fact with the release it is from.
struct Entry<'a> {
    /// The release's place in release order.
    rank: usize,
    file: &'a str,
    fact: &'a Fact,
}

impl Entry<'_> {
    fn source(&self) -> Source {
        Source {
            file: self.file.to_string(),
            line: self.fact.line,
            printed: self.fact.printed.clone(),
        }
    }

    fn printing(&self) -> Printing {
        Printing {
            file: self.file.to_string(),
            line: self.fact.line,
            value: self.fact.value,
            printed: self.fact.printed.clone(),
        }
    }

    /// What the printed figure can stand for.
    fn interval(&self) -> Interval {
        Interval::printed(self.fact.number, Decimal::from(self.fact.scale.factor()))
    }
}

/// What the series need of one release.
#[derive(Clone, Debug, PartialEq)]
pub struct Release {
    /// Its file name, else its place in the input ("release 3").
    pub file: String,
    pub company: Company,
    /// The period it reports.
    pub period: Period,
    /// Its date.
    pub date: Option<Date>,
    pub facts: Vec<Fact>,
}

impl Release {
    /// The release of a document; `place` names it when the document has no file name.
    pub fn of(doc: &Document, place: usize) -> Release {
        Release {
            file: (doc.source.name.clone()).unwrap_or_else(|| format!("release {}", place + 1)),
            company: company::of_document(doc),
            period: facts::release_period(doc),
            date: doc.date,
            facts: facts::of(doc),
        }
    }
}

/// Every company's series, in the order their first release is given.
/// (Releases may be held behind `Rc`s, as the app holds them.)
pub fn of_releases<R: Borrow<Release>>(releases: &[R]) -> Vec<CompanySeries> {
    let releases: Vec<&Release> = releases.iter().map(Borrow::borrow).collect();
    let companies: Vec<_> = releases.iter().map(|r| &r.company).collect();
    company::groups(&companies)
        .into_iter()
        .map(|group| of_company(&releases, group))
        .collect()
}

fn of_company(releases: &[&Release], mut group: Vec<usize>) -> CompanySeries {
    // Release order: the period a release reports, then its date, then the order given.
    crate::sort::by_key(&mut group, |&i| {
        let r = &releases[i];
        (r.period.end.or(r.date), r.date, i)
    });
    let mut by_measure: BTreeMap<&Measure, Vec<Entry>> = BTreeMap::new();
    for (rank, &i) in group.iter().enumerate() {
        for f in &releases[i].facts {
            by_measure.entry(&f.measure).or_default().push(Entry {
                rank,
                file: &releases[i].file,
                fact: f,
            });
        }
    }
    let mut out = CompanySeries {
        schema: SCHEMA,
        company: company_id(releases, &group),
        releases: group.iter().map(|&i| releases[i].file.clone()).collect(),
        series: Vec::new(),
        restatements: Vec::new(),
        confirmations: Vec::new(),
    };
    for (m, entries) in by_measure {
        let mut ranks: Vec<usize> = entries.iter().map(|e| e.rank).collect();
        crate::sort::dedup(&mut ranks);
        if ranks.len() < 2 {
            continue;
        }
        of_measure(m, entries, &mut out);
    }
    out
}

/// The company as its releases name it: the latest name, every ticker, the CIK.
fn company_id(releases: &[&Release], group: &[usize]) -> CompanyId {
    let mut id = CompanyId {
        name: None,
        tickers: Vec::new(),
        cik: None,
    };
    for &i in group {
        let c = &releases[i].company;
        id.name = c.name.clone().or(id.name);
        id.cik = c.cik.or(id.cik);
        for t in &c.tickers {
            if !id.tickers.contains(t) {
                id.tickers.push(t.clone());
            }
        }
    }
    id
}

/// One period's printings, one per release, oldest release first.
struct Printings<'a> {
    end: Date,
    months: Option<u8>,
    printings: Vec<Entry<'a>>,
}

impl Printings<'_> {
    fn latest(&self) -> &Entry<'_> {
        &self.printings[self.printings.len() - 1]
    }
}

fn of_measure<'a>(m: &Measure, entries: Vec<Entry<'a>>, out: &mut CompanySeries) {
    let periods = periods(entries);
    // Dated as the later release prints the period.
    let comparison = |a: &Entry, b: &Entry| Comparison {
        measure: m.id.clone(),
        scope: m.scope.clone(),
        unit: m.unit.clone(),
        end: b.fact.end,
        months: b.fact.months,
        original: a.printing(),
        later: b.printing(),
    };
    for p in &periods {
        for pair in p.printings.windows(2) {
            let c = comparison(&pair[0], &pair[1]);
            if pair[0].interval().agrees(&pair[1].interval()) {
                out.confirmations.push(c);
            } else {
                out.restatements.push(c);
            }
        }
    }
    // Quarters derived from longer periods make a quarterly series even where no release
    // prints a quarter.
    let mut derived = if m.additive {
        derived_quarters(&periods)
    } else {
        Vec::new()
    };
    let mut lengths: Vec<Option<u8>> = periods.iter().map(|p| p.months).collect();
    if !derived.is_empty() {
        lengths.push(Some(3));
    }
    crate::sort::dedup(&mut lengths);
    for months in lengths {
        let mut points: Vec<Point> = periods
            .iter()
            .filter(|p| p.months == months)
            .map(|p| Point {
                end: p.end,
                months,
                value: Some(p.latest().fact.value),
                derived: false,
                sources: p.printings.iter().map(Entry::source).collect(),
            })
            .collect();
        if months == Some(3) {
            points.append(&mut derived);
            crate::sort::by_key(&mut points, |p| p.end);
            points = with_gaps(points);
        }
        // The label the latest release prints (for derived quarters alone, the longer
        // periods').
        let own = periods.iter().filter(|p| p.months == months);
        let label = (own.max_by_key(|p| p.latest().rank))
            .or_else(|| periods.iter().max_by_key(|p| p.latest().rank))
            .map(|p| p.latest().fact.label.clone())
            .unwrap_or_default();
        out.series.push(Series {
            measure: m.id.clone(),
            label,
            unit: m.unit.clone(),
            scope: m.scope.clone(),
            months,
            points,
        });
    }
}

/// A measure's printings gathered into periods: same length, ends within a week. Within a
/// release the first printing in reading order stands; the period's end is the latest
/// release's.
fn periods(mut entries: Vec<Entry<'_>>) -> Vec<Printings<'_>> {
    crate::sort::by_key(&mut entries, |e| (e.fact.months, e.fact.end));
    let mut clusters: Vec<Vec<Entry>> = Vec::new();
    for e in entries {
        match clusters.last_mut() {
            Some(c)
                if c[0].fact.months == e.fact.months
                    && calendar::same_end(c[0].fact.end, e.fact.end) =>
            {
                c.push(e)
            }
            _ => clusters.push(vec![e]),
        }
    }
    clusters
        .into_iter()
        .map(|mut c| {
            let reading = |e: &Entry| (e.rank, e.fact.table, e.fact.row, e.fact.column);
            crate::sort::by_key(&mut c, reading);
            let mut printings: Vec<Entry> = Vec::new();
            for e in c {
                if printings.last().is_none_or(|p| p.rank != e.rank) {
                    printings.push(e);
                }
            }
            let latest = &printings[printings.len() - 1];
            Printings {
                end: latest.fact.end,
                months: latest.fact.months,
                printings,
            }
        })
        .collect()
}

/// Quarters no release prints, from a longer period and the one a quarter shorter ending a
/// quarter earlier (year − nine months, nine months − six months, six months − the first
/// quarter).
fn derived_quarters(periods: &[Printings]) -> Vec<Point> {
    let find = |months: u8, end: Date| {
        periods
            .iter()
            .find(|p| p.months == Some(months) && calendar::same_end(p.end, end))
    };
    let mut out = Vec::new();
    for long in periods {
        let Some(months @ (6 | 9 | 12)) = long.months else {
            continue;
        };
        if find(3, long.end).is_some()
            || out
                .iter()
                .any(|p: &Point| calendar::same_end(p.end, long.end))
        {
            continue;
        }
        let Some(short) = find(months - 3, calendar::months_before(long.end, 3)) else {
            continue;
        };
        let (a, b) = (long.latest(), short.latest());
        out.push(Point {
            end: long.end,
            months: Some(3),
            value: Some((crate::decimal::Amount(a.fact.value) - b.fact.value).0),
            derived: true,
            sources: vec![a.source(), b.source()],
        });
    }
    out
}

/// Quarter points with a valueless point for each quarter missing between two others.
fn with_gaps(points: Vec<Point>) -> Vec<Point> {
    // Past this many missing quarters in a row the ends are not one calendar's.
    const MOST: usize = 40;
    let mut out: Vec<Point> = Vec::with_capacity(points.len());
    for p in points {
        if let Some(prev) = out.last() {
            let mut expected = calendar::add_months(prev.end, 3);
            let mut missing = Vec::new();
            while calendar::days_between(expected, p.end) > calendar::SAME_PERIOD_DAYS
                && missing.len() < MOST
            {
                missing.push(Point {
                    end: expected,
                    months: Some(3),
                    value: None,
                    derived: false,
                    sources: Vec::new(),
                });
                expected = calendar::add_months(expected, 3);
            }
            if missing.len() < MOST {
                out.extend(missing);
            }
        }
        out.push(p);
    }
    out
}

/// The header of the facts' CSV (`assay facts`).
pub const FACTS_CSV_HEADER: [&str; 13] = [
    "file",
    "company",
    "document",
    "table",
    "row label",
    "measure",
    "scope",
    "unit",
    "period end",
    "months",
    "value",
    "scale",
    "line",
];

impl Release {
    /// Its facts as CSV lines (RFC 4180, CRLF, no header): the value as printed (its sign
    /// applied) and the scale that multiplies it, so a figure keeps its printed precision.
    pub fn facts_csv(&self) -> String {
        let mut out = String::new();
        let company = self.company.name.as_deref().unwrap_or_default();
        for f in &self.facts {
            let text = |s: &str| (s.to_string(), true);
            let number = |s: String| (s, false);
            crate::chart::csv_line(
                &mut out,
                &[
                    text(&self.file),
                    text(company),
                    text(f.document.as_deref().unwrap_or_default()),
                    text(&f.table_id),
                    text(&f.label),
                    text(&f.measure.id),
                    text(f.measure.scope.as_deref().unwrap_or_default()),
                    text(&f.measure.unit),
                    number(f.end.to_string()),
                    number(f.months.map(|m| m.to_string()).unwrap_or_default()),
                    number(f.number.to_string()),
                    number(f.scale.factor().to_string()),
                    number(f.line.to_string()),
                ],
            );
        }
        out
    }
}
