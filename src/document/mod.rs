//! The document model: what a release says, as exact data.
//!
//! A [`Document`] holds the release's metadata, its tables (columns with periods, rows with
//! labels, units, scales and typed values) and its narrative paragraphs, each tied to the source
//! line it came from. Nothing here reads text; `crate::read` builds documents and later stages
//! (metrics, checks, charts) only consume them.
//!
//! The serde form of `Document` *is* the JSON contract `assay/2` documented in
//! `docs/schema.md`: values travel as decimal strings (a nil as `"0"`, an absent cell as
//! `null`) beside the text each cell had as printed, and the typed [`Value`] is rebuilt from
//! that printed text when a document is read back, so a round trip is lossless.

use std::fmt;
use std::rc::Rc;

use rust_decimal::Decimal;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// The schema tag written into every JSON document.
pub const SCHEMA: &str = "assay/2";

/// Text the document holds once and its findings point into: a table's id, a column's
/// header, a row's label, section and heading, a cell as printed. A metric or check names
/// the cells it used, and cloning a `Text` into that evidence counts a reference instead of
/// copying the text (which was most of the analysis's allocations). It reads, compares,
/// prints and serializes as a plain string.
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Text(Rc<str>);

impl Text {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::ops::Deref for Text {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for Text {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl std::borrow::Borrow<str> for Text {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl From<&str> for Text {
    fn from(s: &str) -> Text {
        Text(Rc::from(s))
    }
}

impl From<String> for Text {
    fn from(s: String) -> Text {
        Text(Rc::from(s))
    }
}

impl PartialEq<str> for Text {
    fn eq(&self, o: &str) -> bool {
        *self.0 == *o
    }
}

impl PartialEq<&str> for Text {
    fn eq(&self, o: &&str) -> bool {
        *self.0 == **o
    }
}

impl PartialEq<String> for Text {
    fn eq(&self, o: &String) -> bool {
        *self.0 == **o
    }
}

impl PartialEq<Text> for &str {
    fn eq(&self, o: &Text) -> bool {
        **self == *o.0
    }
}

impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&*self.0, f)
    }
}

impl fmt::Debug for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&*self.0, f)
    }
}

impl Serialize for Text {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Text, D::Error> {
        String::deserialize(d).map(Text::from)
    }
}

/// One release, read.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Document {
    pub schema: String,
    pub source: Source,
    pub company: Company,
    /// The headline.
    pub title: Option<String>,
    /// The release date.
    pub date: Option<Date>,
    /// The period the release reports.
    pub period: Period,
    pub tables: Vec<Table>,
    pub narrative: Vec<Paragraph>,
    pub warnings: Vec<Warning>,
}

/// Where the table `id` stands among `items` (tables, or their ids, in reading order). The
/// reader numbers tables in order ("t3" is the third), so that place is tried first and a
/// search only when the ids say otherwise: a lookup per check must not grow with the number
/// of tables.
pub fn table_position<T>(items: &[T], id: &str, id_of: impl Fn(&T) -> &str) -> Option<usize> {
    let numbered = id.strip_prefix('t').and_then(|n| n.parse::<usize>().ok());
    numbered
        .and_then(|n| n.checked_sub(1))
        .filter(|&k| items.get(k).is_some_and(|x| id_of(x) == id))
        .or_else(|| items.iter().position(|x| id_of(x) == id))
}

impl Document {
    /// The table with this id ([`table_position`]).
    pub fn table(&self, id: &str) -> Option<&Table> {
        table_position(&self.tables, id, |t| t.id.as_str()).map(|k| &self.tables[k])
    }

    /// The JSON contract (`assay/2`), pretty-printed.
    pub fn to_json(&self) -> String {
        // Serializing plain data with string keys cannot fail.
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// Reads a document back from its JSON form.
    pub fn from_json(json: &str) -> Result<Document, serde_json::Error> {
        serde_json::from_str(json)
    }
}

/// Where the text came from and how it was decoded.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Default)]
pub struct Source {
    /// File name, when the caller knows it (the library never sees files).
    pub name: Option<String>,
    /// The layout recognised, e.g. `edgar-txt`, `plain-text`, `markdown`, `reuters-brief`.
    pub format: String,
    /// `utf-8` or `windows-1252` (for a PDF, `pdf`).
    pub encoding: String,
    pub bytes: usize,
    /// A PDF's pages: the source line each begins on (1-based), so line `n` is on the last
    /// page starting at or before it (`Source::page_of`). Empty for text.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub pages: Vec<usize>,
    /// The document prints a decimal comma (`2,26`, `53.482`); its figures are read, and
    /// given as `printed`, in point form (`2.26`, `53,482`). Left out when false.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub decimal_comma: bool,
}

impl Source {
    /// The page a source line is on and its line on that page (both 1-based), for a PDF.
    pub fn page_of(&self, line: usize) -> Option<(usize, usize)> {
        let page = self.pages.iter().rposition(|&first| first <= line)?;
        Some((page + 1, line - self.pages[page] + 1))
    }
}

#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Default)]
pub struct Company {
    pub name: Option<String>,
    /// Exchange-qualified tickers as printed, e.g. `NYSE:HL`, `TSX:ORV`.
    pub tickers: Vec<String>,
    /// The filer's SEC Central Index Key, from an EDGAR submission's header ("CENTRAL INDEX
    /// KEY: 0001001426" is 1001426): the one name of a company that never changes, so
    /// releases years apart are known to be one company's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cik: Option<u64>,
}

/// The period a release (or a column) reports.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Default)]
pub struct Period {
    pub end: Option<Date>,
    /// Length in months (3, 6, 9, 12); `None` when not stated.
    pub months: Option<u8>,
    pub label: Option<String>,
}

/// A calendar date, written `YYYY-MM-DD`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

impl Date {
    /// The last day of a month: 2024-02-29, 2023-09-30.
    pub fn month_end(year: u16, month: u8) -> Option<Date> {
        (28..=31).rev().find_map(|day| Date::new(year, month, day))
    }

    /// A date if the parts name a real calendar day.
    pub fn new(year: u16, month: u8, day: u8) -> Option<Date> {
        let leap =
            (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400);
        let days = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return None,
        };
        (day >= 1 && day <= days).then_some(Date { year, month, day })
    }

    /// Days since 1970-01-01 (proleptic Gregorian; Howard Hinnant's `days_from_civil`), to
    /// measure how far apart two dates are.
    pub fn day_number(self) -> i64 {
        let (y, m, day) = (
            i64::from(self.year),
            i64::from(self.month),
            i64::from(self.day),
        );
        let y = if m <= 2 { y - 1 } else { y };
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let mp = (m + 9) % 12;
        let doy = (153 * mp + 2) / 5 + day - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// Parses `YYYY-MM-DD`.
    pub fn parse_iso(s: &str) -> Option<Date> {
        let mut it = s.splitn(3, '-');
        let y = it.next()?.parse().ok()?;
        let m = it.next()?.parse().ok()?;
        let d = it.next()?.parse().ok()?;
        Date::new(y, m, d)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Date, D::Error> {
        let s = String::deserialize(d)?;
        Date::parse_iso(&s).ok_or_else(|| serde::de::Error::custom(format!("bad date {s:?}")))
    }
}

/// One table of the release.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Table {
    /// `t1`, `t2`, … in document order.
    pub id: Text,
    pub title: Option<String>,
    /// First source line of the table (its title or header).
    pub line: usize,
    /// The scale statement as printed, e.g. "dollars in thousands, except per share amounts".
    pub scale_note: Option<String>,
    /// In an EDGAR submission, the document the table was read from ("EX-99.1", "8-K").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub document: Option<String>,
    pub columns: Vec<Column>,
    pub rows: Vec<Row>,
}

impl Table {
    /// The unit of the cell in column `col` of `row`: a unit the cell prints ("375 bps",
    /// "751,000 dwt"), a change of percentages in points, the column's own (a "% Change"
    /// column), a printed percentage or ratio, else the row's.
    // Out of line: called from every check and chart, one copy in the wasm.
    #[inline(never)]
    pub fn cell_unit(&self, row: &Row, col: usize) -> Option<Unit> {
        let cell = row.cells.get(col).and_then(Option::as_ref);
        if let Some(u) = cell.and_then(|c| crate::read::number::own_unit(&c.printed).0) {
            return Some(u);
        }
        if let Some(u) = self.points_of_change(row, col) {
            return Some(u);
        }
        // (A share count printed under a "Per Share Amount" header, as web copies misplace
        // it, still counts shares.)
        // ("Portugal PSI 20 Index" in a market table's "Close" column is in points, not a
        // price of a share.)
        if let Some(u) = self.columns.get(col).and_then(|c| c.unit) {
            let index =
                || (row.label.rsplit(' ').next()).is_some_and(|w| w.eq_ignore_ascii_case("index"));
            if !(u == Unit::MoneyPerShare && (row.unit == Some(Unit::Shares) || index())) {
                return Some(u);
            }
        }
        match row.value(col) {
            Some(Value::Percent(_)) => Some(Unit::Percent),
            Some(Value::Ratio(..)) => Some(Unit::Ratio),
            _ => row.unit,
        }
    }

    /// A change column's figure for a row of percentages is a change in points when the
    /// figures say so: "Operating margin 16.5% 14.4% 210" (2.1 points, printed in basis
    /// points), "Yield 14.0% 14.5% (0.5)%" (the difference, not -3.4% of 14.5). A relative
    /// change ("(3.4)%") recomputes neither way and keeps the column's unit.
    fn points_of_change(&self, row: &Row, col: usize) -> Option<Unit> {
        let column = self.columns.get(col)?;
        if column.end.is_some() || !says_change(&column.label) {
            return None;
        }
        let v = match row.value(col)? {
            Value::Amount(d) | Value::Percent(d) => d.abs(),
            _ => return None,
        };
        // The two figures just before it that are no change, both percentages.
        let mut periods = (0..col)
            .rev()
            .filter(|&j| !says_change(&self.columns[j].label) && row.value(j).is_some());
        let (b, a) = (periods.next()?, periods.next()?);
        let percent = |j: usize| match row.value(j)? {
            Value::Percent(d) => Some(*d),
            Value::Amount(d) if row.unit == Some(Unit::Percent) => Some(*d),
            _ => None,
        };
        let (pa, pb) = (percent(a)?, percent(b)?);
        // (`decimal::Amount`: one compiled copy of each operator in the wasm.)
        use crate::decimal::Amount as A;
        let d = (A(pa) - pb).0.abs();
        if d.is_zero() {
            return None;
        }
        let half = |x: Decimal| Decimal::new(5, x.scale() + 1);
        let slack = (A(half(pa)) + half(pb)).0;
        let near = |x: Decimal, tol: Decimal| (A(x) - v).0.abs() <= tol;
        let hundred = Decimal::ONE_HUNDRED;
        if near(d, (A(slack) + half(v)).0) {
            Some(Unit::PercentagePoints)
        } else if near((A(d) * hundred).0, (A(slack) * hundred + half(v)).0) {
            Some(Unit::BasisPoints)
        } else {
            None
        }
    }

    /// The scale of the cell in column `col` of `row`: none for a cell that prints its own
    /// ("$503.5 million" is read in whole units); a percentage, a ratio or a per-unit figure is never scaled; a column's own
    /// scale stands over the row's.
    // Out of line: called from every check and chart, one copy in the wasm.
    #[inline(never)]
    pub fn cell_scale(&self, row: &Row, col: usize) -> Scale {
        let cell = row.cells.get(col).and_then(Option::as_ref);
        if cell.is_some_and(|c| crate::read::number::own_unit(&c.printed).1.is_some()) {
            return Scale::One;
        }
        let column = self.columns.get(col);
        match self.cell_unit(row, col) {
            Some(u) if u.is_quotient() => Scale::One,
            // "(DOLLARS IN THOUSANDS)" over a column scales its money and share counts, not
            // its store counts; "Au koz" scales the column whatever the row.
            Some(Unit::Money | Unit::Shares) => column.and_then(|c| c.scale).unwrap_or(row.scale),
            _ if column.is_some_and(|c| c.unit.is_some()) => {
                column.and_then(|c| c.scale).unwrap_or(row.scale)
            }
            _ => row.scale,
        }
    }

    /// The real amount of a cell: its number times its scale (a ratio's antecedent).
    pub fn amount(&self, row: &Row, col: usize) -> Option<Decimal> {
        let n = match row.value(col)? {
            Value::Ratio(a, _) => *a,
            v => v.number()?,
        };
        n.checked_mul(Decimal::from(self.cell_scale(row, col).factor()))
    }
}

/// A header that names a change between periods: "% Change", "Variance Vs 4Q23", "$Change",
/// "2024 vs 2023".
fn says_change(label: &str) -> bool {
    let l = label.as_bytes();
    ["change", "variance", " vs", "bps", "pts"].iter().any(|w| {
        l.windows(w.len())
            .any(|x| x.eq_ignore_ascii_case(w.as_bytes()))
    })
}

/// A value column: its full stacked header and the period it covers.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Column {
    /// Header lines joined top to bottom, e.g. "Third Quarter Ended Sept. 30, 2007".
    pub label: Text,
    pub end: Option<Date>,
    /// 3, 6, 9 or 12 for a period; `None` for a point in time (a balance sheet date) or when
    /// the header does not say.
    pub months: Option<u8>,
    /// A unit the header gives its cells, over the row's: "% Change" (percent), "Au koz"
    /// (ounces).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<Unit>,
    /// A scale the header gives its cells, over the row's: "Au koz", "Tonnes kt".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scale: Option<Scale>,
}

/// What a row is in the table's structure.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[serde(rename_all = "snake_case")]
pub enum RowKind {
    /// An ordinary line item.
    Item,
    /// A total or subtotal: printed under a rule, or labelled "Total …".
    Total,
    /// A heading with no values; later rows name it as their parent.
    Heading,
}

/// What a row's numbers measure. Money units name no currency: the row's `currency` does
/// (a Canadian release's "per share" is Canadian dollars per share).
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Unit {
    /// An amount of money, in the row's currency.
    #[serde(rename = "money")]
    Money,
    #[serde(rename = "money/share")]
    MoneyPerShare,
    #[serde(rename = "money/oz")]
    MoneyPerOz,
    #[serde(rename = "money/lb")]
    MoneyPerLb,
    #[serde(rename = "money/ton")]
    MoneyPerTon,
    /// Money per metric tonne.
    #[serde(rename = "money/tonne")]
    MoneyPerTonne,
    /// Money per barrel of oil equivalent.
    #[serde(rename = "money/boe")]
    MoneyPerBoe,
    /// Money per any other unit: per barrel, per Mcf, per day, per square foot, per seat
    /// mile ("$/bbl", "Revenue per available seat mile").
    #[serde(rename = "money/unit")]
    MoneyPerUnit,
    #[serde(rename = "oz")]
    Oz,
    /// Short tons.
    #[serde(rename = "tons")]
    Tons,
    /// Metric tonnes.
    #[serde(rename = "tonnes")]
    Tonnes,
    #[serde(rename = "lbs")]
    Lbs,
    #[serde(rename = "oz/ton")]
    OzPerTon,
    /// Grams per tonne, a grade.
    #[serde(rename = "g/t")]
    GramsPerTonne,
    #[serde(rename = "shares")]
    Shares,
    #[serde(rename = "ratio")]
    Ratio,
    #[serde(rename = "percent")]
    Percent,
    /// Percentage points, the change of a percentage: "-8.6 pts", "-0.4 p.p".
    #[serde(rename = "pp")]
    PercentagePoints,
    /// Basis points, hundredths of a percentage point: "375 bps".
    #[serde(rename = "bp")]
    BasisPoints,
    /// Barrels of oil ("Crude oil (bbls/d)").
    #[serde(rename = "bbl")]
    Barrels,
    /// Barrels of oil equivalent ("Royalty Production (BOE/d)").
    #[serde(rename = "boe")]
    Boe,
}

impl Unit {
    /// A figure per something (per share, per ounce, a grade), a percentage or a ratio: never
    /// scaled by a table's "in thousands", never the sum of rows.
    pub fn is_quotient(self) -> bool {
        matches!(
            self,
            Unit::MoneyPerShare
                | Unit::MoneyPerOz
                | Unit::MoneyPerLb
                | Unit::MoneyPerTon
                | Unit::MoneyPerTonne
                | Unit::MoneyPerBoe
                | Unit::MoneyPerUnit
                | Unit::OzPerTon
                | Unit::GramsPerTonne
                | Unit::Percent
                | Unit::PercentagePoints
                | Unit::BasisPoints
                | Unit::Ratio
        )
    }

    /// A quantity of something: ounces, tons, tonnes, pounds, barrels.
    pub fn is_quantity(self) -> bool {
        matches!(
            self,
            Unit::Oz | Unit::Tons | Unit::Tonnes | Unit::Lbs | Unit::Barrels | Unit::Boe
        )
    }

    /// The unit as the contract spells it (`USD/oz`): its serde name, without going through
    /// a serializer (a test holds the two together).
    pub fn name(self) -> &'static str {
        match self {
            Unit::Money => "money",
            Unit::MoneyPerShare => "money/share",
            Unit::MoneyPerOz => "money/oz",
            Unit::MoneyPerLb => "money/lb",
            Unit::MoneyPerTon => "money/ton",
            Unit::MoneyPerTonne => "money/tonne",
            Unit::MoneyPerBoe => "money/boe",
            Unit::MoneyPerUnit => "money/unit",
            Unit::Oz => "oz",
            Unit::Tons => "tons",
            Unit::Tonnes => "tonnes",
            Unit::Lbs => "lbs",
            Unit::OzPerTon => "oz/ton",
            Unit::GramsPerTonne => "g/t",
            Unit::Shares => "shares",
            Unit::Ratio => "ratio",
            Unit::PercentagePoints => "pp",
            Unit::BasisPoints => "bp",
            Unit::Barrels => "bbl",
            Unit::Boe => "boe",
            Unit::Percent => "percent",
        }
    }
}

/// A currency as its ISO 4217 code ("USD", "CAD", "EUR"): what the table's statement, the
/// text, the cells' symbols or the company's country say. A row whose currency nothing says
/// has none; it is never guessed to be US dollars.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Currency([u8; 3]);

impl Currency {
    pub const USD: Currency = Currency(*b"USD");

    /// A code of three ASCII capitals.
    pub fn new(code: &str) -> Option<Currency> {
        let b: [u8; 3] = code.as_bytes().try_into().ok()?;
        b.iter().all(u8::is_ascii_uppercase).then_some(Currency(b))
    }

    pub fn code(&self) -> &str {
        // Three ASCII capitals, checked when made.
        std::str::from_utf8(&self.0).unwrap_or("???")
    }
}

impl fmt::Display for Currency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl fmt::Debug for Currency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl Serialize for Currency {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.code())
    }
}

impl<'de> Deserialize<'de> for Currency {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Currency, D::Error> {
        let s = String::deserialize(d)?;
        Currency::new(&s).ok_or_else(|| serde::de::Error::custom(format!("bad currency {s:?}")))
    }
}

/// Where a row's scale was stated: the words as printed and their source line, so a reader
/// can be told "×1,000, from 'in thousands' on line 87".
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq)]
pub struct ScaleSource {
    /// The statement as printed ("dollars in thousands", "USD thousands", "koz").
    pub text: Text,
    /// Its source line, when known.
    pub line: Option<usize>,
}

/// The multiplier that turns a printed value into the real amount.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Scale {
    One,
    Thousands,
    Millions,
    Billions,
}

impl Scale {
    pub fn factor(self) -> u64 {
        match self {
            Scale::One => 1,
            Scale::Thousands => 1_000,
            Scale::Millions => 1_000_000,
            Scale::Billions => 1_000_000_000,
        }
    }

    fn from_factor(f: u64) -> Option<Scale> {
        [
            Scale::One,
            Scale::Thousands,
            Scale::Millions,
            Scale::Billions,
        ]
        .into_iter()
        .find(|s| s.factor() == f)
    }
}

impl Serialize for Scale {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_u64(self.factor())
    }
}

impl<'de> Deserialize<'de> for Scale {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Scale, D::Error> {
        let f = u64::deserialize(d)?;
        Scale::from_factor(f).ok_or_else(|| serde::de::Error::custom(format!("bad scale {f}")))
    }
}

/// One number as printed, typed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Value {
    /// An amount with its sign applied: `(4,828)` is -4828.
    Amount(Decimal),
    /// A dash in a value column (`--`, `—`, `-`): zero for arithmetic, shown as printed.
    Nil,
    /// `46%`, stored as 46.
    Percent(Decimal),
    /// `5.3:1`, stored as the antecedent and the consequent.
    Ratio(Decimal, Decimal),
    /// `7,600 - 8,500`, `$490 to $510`: one figure, not two.
    Range(Decimal, Decimal),
    /// `N/A`, `n.m.`, `nm`: a cell that says there is no figure (not a zero).
    NotAvailable,
}

impl Value {
    /// The number arithmetic should use: nil is zero; a range has none.
    pub fn number(&self) -> Option<Decimal> {
        match self {
            Value::Amount(d) | Value::Percent(d) => Some(*d),
            Value::Nil => Some(Decimal::ZERO),
            Value::Ratio(a, b) if !b.is_zero() => Some(a / b),
            Value::Ratio(..) | Value::Range(..) | Value::NotAvailable => None,
        }
    }

    /// The contract's decimal string: the amount as printed after the sign rule, a nil as
    /// `"0"`, a ratio as its antecedent (`5.3:1` → `"5.3"`), a range as `"low..high"`.
    pub fn contract_string(&self) -> String {
        match self {
            Value::Amount(d) | Value::Percent(d) => d.to_string(),
            Value::Nil => "0".to_string(),
            Value::Ratio(a, b) if *b == Decimal::ONE => a.to_string(),
            Value::Ratio(a, b) => format!("{a}:{b}"),
            Value::Range(a, b) => format!("{a}..{b}"),
            Value::NotAvailable => String::new(),
        }
    }
}

/// A value cell: the typed value and the text it was read from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cell {
    pub value: Value,
    /// The cell's text as printed (trimmed), e.g. `$   (5.44)` or `--`.
    pub printed: Text,
}

/// One table row.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
#[serde(into = "RowWire", try_from = "RowWire")]
pub struct Row {
    /// The label, continuation lines joined, footnote markers removed.
    pub label: Text,
    /// The upper-case sub-heading the row sits under ("LUCKY FRIDAY UNIT").
    pub section: Option<Text>,
    /// The heading row it belongs to ("Average cost per ounce of silver produced").
    pub parent: Option<Text>,
    pub kind: RowKind,
    pub unit: Option<Unit>,
    /// The currency of a money unit, when the release says or implies it.
    pub currency: Option<Currency>,
    /// The scale that applies to this row (a per-ounce row in a "thousands" table is `One`).
    pub scale: Scale,
    /// Where the scale was stated; `None` for a row at scale one.
    pub scale_source: Option<ScaleSource>,
    /// Source line of the row's values (or of the heading).
    pub line: usize,
    /// One per column; `None` is an empty cell.
    pub cells: Vec<Option<Cell>>,
}

impl Row {
    /// The value in column `i`, if printed.
    pub fn value(&self, i: usize) -> Option<&Value> {
        self.cells.get(i)?.as_ref().map(|c| &c.value)
    }
}

/// The JSON shape of a row: parallel `values` (contract strings) and `printed` arrays.
#[derive(Serialize, Deserialize)]
struct RowWire {
    label: Text,
    section: Option<Text>,
    parent: Option<Text>,
    kind: RowKind,
    unit: Option<Unit>,
    #[serde(default)]
    currency: Option<Currency>,
    scale: Scale,
    #[serde(default)]
    scale_source: Option<ScaleSource>,
    line: usize,
    values: Vec<Option<String>>,
    /// Strings, as `values` are: one compiled serde body for both (the wire is read and
    /// written far less often than a document is analysed).
    printed: Vec<Option<String>>,
}

impl From<Row> for RowWire {
    fn from(r: Row) -> RowWire {
        let values = r
            .cells
            .iter()
            .map(|c| {
                c.as_ref()
                    .filter(|c| c.value != Value::NotAvailable)
                    .map(|c| c.value.contract_string())
            })
            .collect();
        let printed = (r.cells.iter())
            .map(|c| c.as_ref().map(|c| String::from(c.printed.as_str())))
            .collect();
        RowWire {
            label: r.label,
            section: r.section,
            parent: r.parent,
            kind: r.kind,
            unit: r.unit,
            currency: r.currency,
            scale: r.scale,
            scale_source: r.scale_source,
            line: r.line,
            values,
            printed,
        }
    }
}

impl TryFrom<RowWire> for Row {
    type Error = String;

    /// Rebuilds each typed value from its printed text, then insists it agrees with the
    /// contract string, so an edited or inconsistent file is refused rather than guessed.
    fn try_from(w: RowWire) -> Result<Row, String> {
        if w.values.len() != w.printed.len() {
            return Err(format!(
                "row {:?}: values and printed differ in length",
                w.label
            ));
        }
        let mut cells = Vec::with_capacity(w.values.len());
        for (v, p) in w.values.iter().zip(w.printed) {
            let cell = match (v, p) {
                (None, None) => None,
                (Some(v), Some(p)) => {
                    let value = crate::read::number::parse_value(&p)
                        .or_else(|| crate::read::number::parse_brief_value(&p))
                        .ok_or_else(|| format!("row {:?}: cannot read printed {p:?}", w.label))?;
                    if value.contract_string() != *v {
                        return Err(format!(
                            "row {:?}: {v:?} does not match printed {p:?}",
                            w.label
                        ));
                    }
                    Some(Cell {
                        value,
                        printed: p.into(),
                    })
                }
                // "N/A": printed, with no value.
                (None, Some(p))
                    if crate::read::number::parse_value(&p) == Some(Value::NotAvailable) =>
                {
                    Some(Cell {
                        value: Value::NotAvailable,
                        printed: p.into(),
                    })
                }
                _ => {
                    return Err(format!(
                        "row {:?}: a value without its printed text",
                        w.label
                    ))
                }
            };
            cells.push(cell);
        }
        Ok(Row {
            label: w.label,
            section: w.section,
            parent: w.parent,
            kind: w.kind,
            unit: w.unit,
            currency: w.currency,
            scale: w.scale,
            scale_source: w.scale_source,
            line: w.line,
            cells,
        })
    }
}

/// A narrative paragraph, for checks that read claims.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Paragraph {
    /// First source line.
    pub line: usize,
    pub text: String,
    /// Where each later source line begins in `text` (byte offset, line number), so a
    /// sentence can name its own line rather than the paragraph's first. Empty for a block
    /// read from HTML, whose text is not laid out in lines, and for a one-line paragraph.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub line_starts: Vec<(usize, usize)>,
}

impl Paragraph {
    /// A paragraph of one block of text that starts on `line`.
    pub fn new(line: usize, text: String) -> Self {
        Paragraph {
            line,
            text,
            line_starts: Vec::new(),
        }
    }

    /// The source line holding byte `offset` of `text`.
    pub fn line_at(&self, offset: usize) -> usize {
        match self.line_starts.partition_point(|&(at, _)| at <= offset) {
            0 => self.line,
            n => self.line_starts[n - 1].1,
        }
    }
}

/// Something a reader should know about how the text was read.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Warning {
    pub line: Option<usize>,
    pub message: String,
}

#[cfg(test)]
mod tests {
    use super::Unit;

    #[test]
    fn unit_names_are_the_serde_names() {
        use Unit::*;
        for u in [
            Money,
            MoneyPerShare,
            MoneyPerOz,
            MoneyPerLb,
            MoneyPerTon,
            MoneyPerTonne,
            MoneyPerBoe,
            MoneyPerUnit,
            Oz,
            Tons,
            Tonnes,
            Lbs,
            OzPerTon,
            GramsPerTonne,
            Shares,
            Ratio,
            Percent,
        ] {
            assert_eq!(serde_json::to_value(u).unwrap(), u.name());
        }
    }
}
