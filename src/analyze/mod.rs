//! Metrics and consistency checks over a [`Document`]: what an analyst does with a pencil
//! after reading a release.
//!
//! [`analyze`] is a pure function of the document. Metrics ([`metrics`]) are figures derived
//! from cells (period-over-period changes, per-ounce margins, unit costs), each naming its
//! inputs. Checks test the release against itself: totals against the rows they close
//! ([`footing`]), printed ratios against their printed parts ([`recompute`]), the same item in
//! two tables ([`cross_table`]), and narrative sentences against the tables ([`claims`]).
//!
//! HOW THE CHECKS STAY HONEST. Every comparison goes through [`tolerance`]: a printed figure
//! stands for the interval its last digit allows, so rounding never raises an alarm, and a
//! check only runs when the structure it relies on is unambiguous. When the reading is not
//! certain (a total whose closed rows cannot be told, a sentence whose figure matches no cell
//! or several) the check is `not_checkable` with a reason, never forced. Rules are about
//! releases in general, never about one document: labels are matched by meaning through small
//! vocabularies in the modules that need them.
//!
//! Values are real amounts (the printed value times the row's scale), exact decimals.

/// `format!` into a string with room for `$cap` bytes ([`SENTENCE`], [`PHRASE`]): `format!`
/// starts from a guess and grows, copying, several times over a sentence of a few hundred
/// bytes, which made growing strings the analysis's largest cost after allocating them.
macro_rules! format_in {
    ($cap:expr, $($arg:tt)*) => {
        $crate::analyze::format_sized($cap, format_args!($($arg)*))
    };
}
pub(crate) use format_in;

/// [`format_in!`]'s one compiled body, as `format!` has one (`alloc::fmt::format`).
#[inline(never)]
pub(crate) fn format_sized(cap: usize, args: std::fmt::Arguments) -> String {
    let mut s = String::with_capacity(cap);
    // Writing into a String cannot fail.
    let _ = std::fmt::Write::write_fmt(&mut s, args);
    s
}

/// Room for an explanation: most are 130 to 330 bytes.
pub(crate) const SENTENCE: usize = 320;
/// Room for a rule, a label or a place: most are under 120 bytes.
pub(crate) const PHRASE: usize = 120;

pub mod claims;
pub mod cross_table;
mod findings;
pub mod footing;
pub mod metrics;
pub mod recompute;
pub mod tolerance;

use std::borrow::Cow;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::decimal::Amount;
use crate::document::{Document, Row, Table, Text, Unit, Value};
use tolerance::Interval;

pub use metrics::{Metric, MetricKind};

/// Everything [`analyze`] finds.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Default)]
pub struct Analysis {
    pub metrics: Vec<Metric>,
    pub checks: Vec<Check>,
}

/// Metrics and checks for a document.
pub fn analyze(doc: &Document) -> Analysis {
    let text = LabelText::of(doc);
    let label_words = text.words();
    // Every kind of check writes into the one list. A check is large, and growing the list
    // from empty copied it several times: a document has about one check per two cells (up
    // to one per cell), so room for that is made at once.
    let mut checks = Vec::with_capacity(cells(doc) / 2);
    footing::checks_in(doc, &label_words, &mut checks);
    footing::operations_in(doc, &label_words, &mut checks);
    recompute::checks_in(doc, &label_words, &mut checks);
    cross_table::checks_in(doc, &label_words, &mut checks);
    let metrics = metrics::metrics_in(doc, &label_words);
    claims::checks_in(doc, &metrics, &label_words, &mut checks);
    findings::settle(doc, &mut checks);
    checks.shrink_to_fit();
    Analysis { metrics, checks }
}

/// How many cells a document's tables have.
pub(crate) fn cells(doc: &Document) -> usize {
    (doc.tables.iter())
        .map(|t| t.rows.len() * t.columns.len())
        .sum()
}

impl Analysis {
    /// How many checks have each status.
    pub fn counts(&self) -> Counts {
        let mut c = Counts::default();
        for check in &self.checks {
            match check.status {
                Status::Ok => c.ok += 1,
                Status::Mismatch => c.mismatch += 1,
                Status::NotCheckable => c.not_checkable += 1,
            }
        }
        c
    }

    /// The checks of one kind.
    pub fn of_kind(&self, kind: CheckKind) -> impl Iterator<Item = &Check> {
        self.checks.iter().filter(move |c| c.kind == kind)
    }
}

/// Checks per status.
#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct Counts {
    pub ok: usize,
    pub mismatch: usize,
    pub not_checkable: usize,
}

#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[serde(rename_all = "snake_case")]
pub enum CheckKind {
    /// A total equals the rows it closes; statement identities.
    Footing,
    /// A printed ratio equals its printed parts.
    Recompute,
    /// The same item printed in two places has the same value.
    CrossTable,
    /// A narrative sentence's figure agrees with the cells it describes.
    Claim,
}

impl CheckKind {
    /// The kind's name as the JSON prints it ("cross_table").
    pub fn name(self) -> &'static str {
        match self {
            CheckKind::Footing => "footing",
            CheckKind::Recompute => "recompute",
            CheckKind::CrossTable => "cross_table",
            CheckKind::Claim => "claim",
        }
    }
}

#[derive(Serialize, Deserialize, Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Ok,
    Mismatch,
    NotCheckable,
}

/// One consistency check with its evidence.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Check {
    pub kind: CheckKind,
    pub status: Status,
    /// The figure as the release reports it (value × scale); `null` when there is none.
    pub reported: Option<Decimal>,
    /// The figure recomputed from other cells (the midpoint of the interval they allow).
    pub recomputed: Option<Decimal>,
    /// The range the recomputation allows, and the rule that gave it.
    pub tolerance: Option<Tolerance>,
    /// One sentence a person understands.
    pub explanation: String,
    /// The reported cell first (when there is one), then the inputs.
    pub cells: Vec<CellRef>,
    /// For narrative claims: the sentence and the figure in it.
    pub claim: Option<ClaimRef>,
}

/// The interval a check accepted and why.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct Tolerance {
    pub low: Decimal,
    pub high: Decimal,
    /// E.g. "sum of 6 figures rounded to 1000". (Most rules are fixed words, borrowed
    /// rather than allocated for every check.)
    pub rule: Cow<'static, str>,
}

impl Tolerance {
    pub fn new(i: Interval, rule: impl Into<Cow<'static, str>>) -> Tolerance {
        let i = i.shown();
        Tolerance {
            low: i.lo,
            high: i.hi,
            rule: rule.into(),
        }
    }
}

/// A cell the evidence points at. Its texts are the document's own ([`Text`]), shared
/// rather than copied.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct CellRef {
    /// Table id (`t1`).
    pub table: Text,
    /// Row index within the table.
    pub row: usize,
    pub row_label: Text,
    pub column: usize,
    pub column_label: Text,
    /// Source line of the row's values.
    pub line: usize,
    /// The cell as printed.
    pub printed: Text,
}

impl CellRef {
    pub fn new(table: &Table, row: usize, column: usize) -> CellRef {
        let r = &table.rows[row];
        CellRef {
            table: table.id.clone(),
            row,
            row_label: r.label.clone(),
            column,
            column_label: table
                .columns
                .get(column)
                .map(|c| c.label.clone())
                .unwrap_or_default(),
            line: r.line,
            printed: r
                .cells
                .get(column)
                .and_then(|c| c.as_ref())
                .map(|c| c.printed.clone())
                .unwrap_or_default(),
        }
    }

    /// "t3 line 567 'Gross profit' (Third Quarter Ended Sept. 30, 2007) = 20,993".
    pub fn describe(&self) -> String {
        format!(
            "{} line {} {} ({}) = {}",
            self.table,
            self.line,
            crate::case::Quoted(&self.row_label),
            self.column_label,
            self.printed
        )
    }
}

/// The narrative evidence of a claim.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq)]
pub struct ClaimRef {
    pub sentence: String,
    /// The source line the figure is printed on (for a block read from HTML, the block's
    /// first line).
    pub line: usize,
    /// The figure as written ("$21 million", "46%").
    pub figure: String,
}

/// A number a check can use: the cell's value as an exact amount and as the interval its
/// printed precision allows, both scaled.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Figure {
    pub value: Decimal,
    pub interval: Interval,
}

/// The figure in a row's column, if it is an amount or a nil (a dash is an exact zero).
pub(crate) fn figure(row: &Row, column: usize) -> Option<Figure> {
    let value = amount(row, column)?;
    let interval = match row.value(column) {
        // What `Interval::printed` gives, the product worked out once (in `amount`), and not
        // at all for a row printed at its own scale (most of them).
        Some(Value::Amount(d)) => {
            let half = match row.scale.factor() {
                1 => tolerance::half_unit(*d),
                f => (Amount(tolerance::half_unit(*d)) * Decimal::from(f)).0,
            };
            Interval::around(value, half)
        }
        _ => Interval::exact(Decimal::ZERO),
    };
    Some(Figure { value, interval })
}

/// A [`figure`]'s value alone (the real amount), for what needs no interval: the metrics.
pub(crate) fn amount(row: &Row, column: usize) -> Option<Decimal> {
    match row.value(column)? {
        Value::Amount(d) => Some(match row.scale.factor() {
            // A product by one is the figure itself, but for a zero, which a product gives
            // without its decimals.
            1 if d.is_zero() => Decimal::ZERO,
            1 => *d,
            f => (Amount(*d) * Decimal::from(f)).0,
        }),
        Value::Nil => Some(Decimal::ZERO),
        _ => None,
    }
}

/// By column of a table, whether a figure may be looked up there by its period alone: the
/// only column of its period, neither restated nor adjusted, not a measure of its own.
pub(crate) fn plain_columns(t: &Table) -> Vec<bool> {
    t.columns
        .iter()
        .enumerate()
        .map(|(c, col)| {
            metrics::period_unique(t, c)
                && !claims::restated_column(&col.label)
                && !claims::other_measure(&col.label)
        })
        .collect()
}

/// FxHash's word-at-a-time multiply and rotate: SipHash's protection against chosen
/// collisions buys nothing here (a release slows only its own reader).
#[derive(Default, Clone, Copy)]
pub struct FxHasher(u64);

/// The [`FxHasher`] hash of some texts, each ended by a byte no UTF-8 text holds: a cheap
/// first key for sorts that only group equal values (compared in full when two hashes are
/// equal, so a collision costs time, never a wrong group). One body for every caller.
pub(crate) fn fx_texts(texts: &mut dyn Iterator<Item = &str>) -> u64 {
    let mut h = FxHasher::default();
    for t in texts {
        std::hash::Hasher::write(&mut h, t.as_bytes());
        h.add(0xFF);
    }
    h.0
}

impl FxHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

impl std::hash::Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut b = [0u8; 8];
            b.copy_from_slice(c);
            self.add(u64::from_le_bytes(b));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut b = [0u8; 8];
            b[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(b));
        }
    }

    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// Units whose figures add up (money and quantities, not rates).
pub(crate) fn additive(unit: Option<Unit>) -> bool {
    matches!(
        unit,
        None | Some(Unit::Money | Unit::Oz | Unit::Tons | Unit::Tonnes | Unit::Lbs | Unit::Shares)
    )
}

/// What the analysis reads from every row's label, heading and section, worked out once per
/// document and shared by the modules that match rows: the label's lower-case words, written
/// into one string (the words themselves are slices of it, [`LabelWords`], so the labels
/// cost two allocations, not one per word); the row's metal ([`metrics::metal_of`]) and its
/// operation ([`metrics::scope_of`]).
pub(crate) struct LabelText {
    text: String,
    /// Each word's (start, end) in `text`.
    spans: Vec<(u32, u32)>,
    /// Per row of every table in order, where its words start and end in `spans`.
    rows: Vec<(u32, u32)>,
    /// Per table, its first row in `rows` and how many rows it has.
    tables: Vec<(u32, u32)>,
    /// Per row, its metal.
    metal: Vec<Option<&'static str>>,
    /// Per row, its operation: an index into `scopes`.
    scope: Vec<Option<u32>>,
    /// The operations the rows name, each once, in order of appearance.
    scopes: Vec<Text>,
}

impl LabelText {
    pub(crate) fn of(doc: &Document) -> LabelText {
        let rows: usize = doc.tables.iter().map(|t| t.rows.len()).sum();
        let bytes: usize = (doc.tables.iter())
            .flat_map(|t| &t.rows)
            .map(|r| r.label.len())
            .sum();
        let mut l = LabelText {
            text: String::with_capacity(bytes),
            spans: Vec::with_capacity(bytes / 6 + rows),
            rows: Vec::with_capacity(rows),
            tables: Vec::with_capacity(doc.tables.len()),
            metal: Vec::with_capacity(rows),
            scope: Vec::with_capacity(rows),
            scopes: Vec::new(),
        };
        for t in &doc.tables {
            l.tables.push((l.rows.len() as u32, t.rows.len() as u32));
            // Rows of a section share its scope, and a run of rows under one heading or in
            // one section its metal: each worked out once per run.
            let mut last: Option<(Option<&str>, Option<u32>)> = None;
            let mut metals = metrics::Metals::default();
            for r in &t.rows {
                let first = l.spans.len();
                l.push_label(&r.label);
                l.rows.push((first as u32, l.spans.len() as u32));
                let words = l.spans[first..]
                    .iter()
                    .map(|&(a, b)| &l.text[a as usize..b as usize]);
                l.metal.push(metals.of_words(words, r));
                let scope = match last {
                    Some((section, scope)) if section == r.section.as_deref() => scope,
                    _ => {
                        let scope = metrics::scope_of(t, r).map(|s| {
                            match l.scopes.iter().position(|x| *x == s) {
                                Some(n) => n as u32,
                                None => {
                                    l.scopes.push(s.into());
                                    (l.scopes.len() - 1) as u32
                                }
                            }
                        });
                        last = Some((r.section.as_deref(), scope));
                        scope
                    }
                };
                l.scope.push(scope);
            }
        }
        l
    }

    /// Appends the [`words`] of a label.
    fn push_label(&mut self, label: &str) {
        let base = self.text.len();
        if label.is_ascii() {
            // Lower-cased whole, the words are spans of it.
            self.text.push_str(label);
            self.text[base..].make_ascii_lowercase();
            for (a, b) in ascii_spans(label.as_bytes()) {
                self.spans.push(((base + a) as u32, (base + b) as u32));
            }
        } else {
            for w in raw_words(label) {
                let start = self.text.len() as u32;
                self.text.push_str(&crate::case::to_lower(w));
                self.spans.push((start, self.text.len() as u32));
            }
        }
    }

    /// The words as slices, by table and row.
    pub(crate) fn words(&self) -> LabelWords<'_> {
        let text = self.text.as_str();
        LabelWords {
            words: (self.spans.iter())
                .map(|&(a, b)| &text[a as usize..b as usize])
                .collect(),
            of: self,
        }
    }
}

/// The [`words`] of every row label (and the rows' metals and operations), by table then
/// row: worked out once per document and shared by the modules that match labels.
pub(crate) struct LabelWords<'a> {
    words: Vec<&'a str>,
    of: &'a LabelText,
}

impl<'a> LabelWords<'a> {
    /// The words of one table's labels.
    pub(crate) fn table(&self, t: usize) -> TableWords<'_> {
        let (first, rows) = self.of.tables[t];
        TableWords {
            words: &self.words,
            of: self.of,
            first: first as usize,
            rows: rows as usize,
        }
    }

    /// [`LabelWords::table`] for every table, in order.
    pub(crate) fn tables(&self) -> impl Iterator<Item = TableWords<'_>> {
        (0..self.of.tables.len()).map(|t| self.table(t))
    }
}

/// The label words of one table's rows: `tw[k]` is row `k`'s.
#[derive(Clone, Copy)]
pub(crate) struct TableWords<'a> {
    words: &'a [&'a str],
    of: &'a LabelText,
    /// The table's first row among the document's.
    first: usize,
    rows: usize,
}

impl<'a> TableWords<'a> {
    /// Each row's words, in order.
    pub(crate) fn iter(&self) -> impl Iterator<Item = &'a [&'a str]> + '_ {
        (0..self.rows).map(|k| self.row(k))
    }

    fn row(&self, k: usize) -> &'a [&'a str] {
        let (start, end) = self.of.rows[self.first + k];
        &self.words[start as usize..end as usize]
    }

    /// Row `k`'s metal: [`metrics::metal_of`].
    pub(crate) fn metal(&self, k: usize) -> Option<&'static str> {
        self.of.metal[self.first + k]
    }

    /// Row `k`'s operation: [`metrics::scope_of`].
    pub(crate) fn scope(&self, k: usize) -> Option<&'a str> {
        self.scope_text(k).map(Text::as_str)
    }

    /// [`TableWords::scope`] as the text a metric shares.
    pub(crate) fn scope_text(&self, k: usize) -> Option<&'a Text> {
        let n = self.of.scope[self.first + k]?;
        Some(&self.of.scopes[n as usize])
    }
}

impl<'a> std::ops::Index<usize> for TableWords<'a> {
    type Output = [&'a str];
    fn index(&self, k: usize) -> &[&'a str] {
        self.row(k)
    }
}

/// Lower-case words of a label, punctuation dropped: the basis of matching by meaning.
pub(crate) fn words(label: &str) -> Vec<String> {
    if label.is_ascii() {
        return ascii_words(label.as_bytes());
    }
    raw_words(label)
        .map(|w| {
            if w.is_ascii() {
                w.to_ascii_lowercase()
            } else {
                crate::case::to_lower(w)
            }
        })
        .collect()
}

/// [`words`] for ASCII text: one pass over the bytes, each word allocated once at its size.
fn ascii_words(b: &[u8]) -> Vec<String> {
    let mut out = Vec::with_capacity(b.len() / 6 + 1);
    for (start, end) in ascii_spans(b) {
        let mut s = String::with_capacity(end - start);
        s.extend(b[start..end].iter().map(|c| c.to_ascii_lowercase() as char));
        out.push(s);
    }
    out
}

/// Where the [`raw_words`] of ASCII text are, as (start, end): split on bytes rather than
/// decoded characters.
pub(crate) fn ascii_spans(b: &[u8]) -> AsciiSpans<'_> {
    AsciiSpans { b, i: 0 }
}

/// By byte, whether it is part of a word: an ASCII letter or digit, `'` or `&` (a table
/// rather than three tests a byte, as every label and sentence is split on it).
const PIECE: [bool; 256] = {
    let mut t = [false; 256];
    let mut c = 0;
    while c < 256 {
        let b = c as u8;
        t[c] = b.is_ascii_alphanumeric() || b == b'\'' || b == b'&';
        c += 1;
    }
    t
};

/// The iterator of [`ascii_spans`].
pub(crate) struct AsciiSpans<'a> {
    b: &'a [u8],
    i: usize,
}

impl Iterator for AsciiSpans<'_> {
    type Item = (usize, usize);

    // One compiled body for its several callers.
    #[inline(never)]
    fn next(&mut self) -> Option<(usize, usize)> {
        let piece = |c: u8| PIECE[usize::from(c)];
        let b = self.b;
        while self.i < b.len() {
            if !piece(b[self.i]) {
                self.i += 1;
                continue;
            }
            let mut start = self.i;
            while self.i < b.len() && piece(b[self.i]) {
                self.i += 1;
            }
            let mut end = self.i;
            while start < end && b[start] == b'\'' {
                start += 1;
            }
            while start < end && b[end - 1] == b'\'' {
                end -= 1;
            }
            if start < end {
                return Some((start, end));
            }
        }
        None
    }
}

/// The words of a text as printed (case kept), without allocating.
pub(crate) fn raw_words(text: &str) -> impl DoubleEndedIterator<Item = &str> {
    text.split(|c: char| !crate::case::is_alphanumeric(c) && c != '\'' && c != '&')
        .map(|w| w.trim_matches('\''))
        .filter(|w| !w.is_empty())
}

/// The [`raw_words`] of a text, collected: for ASCII text (most sentences) split on bytes,
/// several times faster than decoding characters.
pub(crate) fn raw_word_list(text: &str) -> Vec<&str> {
    if text.is_ascii() {
        let mut out = Vec::with_capacity(text.len() / 5 + 1);
        out.extend(ascii_spans(text.as_bytes()).map(|(a, b)| &text[a..b]));
        out
    } else {
        raw_words(text).collect()
    }
}

// Finding a few kinds of byte in prose eight bytes at a time (SWAR): a sentence is scanned
// for its ends and its figures, and most of its bytes are neither.

const ONES: u64 = 0x0101_0101_0101_0101;

/// Whether any of the eight bytes of `x` is less than `n` (at most 128): a byte below `n`
/// borrows into its high bit when `n` is taken from it, and no byte at or above `n` does.
fn any_below(x: u64, n: u8) -> bool {
    x.wrapping_sub(ONES * u64::from(n)) & !x & (ONES << 7) != 0
}

/// Whether any of the eight bytes of `x` is `c`.
fn any_is(x: u64, c: u8) -> bool {
    any_below(x ^ (ONES * u64::from(c)), 1)
}

/// The eight bytes of `b` from `at`, as one word, if there are eight.
fn word_at(b: &[u8], at: usize) -> Option<u64> {
    let w: [u8; 8] = b.get(at..at + 8)?.try_into().ok()?;
    Some(u64::from_le_bytes(w))
}

/// Where the next ASCII digit of `b` is at or after `at` (`b.len()` if none).
pub(crate) fn next_digit(b: &[u8], mut at: usize) -> usize {
    // Digits are the bytes below 10 once '0' is taken away by xor.
    while word_at(b, at).is_some_and(|w| !any_below(w ^ (ONES * u64::from(b'0')), 10)) {
        at += 8;
    }
    (at..b.len())
        .find(|&i| b[i].is_ascii_digit())
        .unwrap_or(b.len())
}

/// Where `b` holds one of `set`, in order.
pub(crate) fn positions_of<'b>(b: &'b [u8], set: &'b [u8]) -> impl Iterator<Item = usize> + 'b {
    let mut at = 0;
    std::iter::from_fn(move || loop {
        match word_at(b, at) {
            Some(w) if !set.iter().any(|&c| any_is(w, c)) => at += 8,
            _ => {
                let i = at;
                if i >= b.len() {
                    return None;
                }
                at += 1;
                if set.contains(&b[i]) {
                    return Some(i);
                }
            }
        }
    })
}

/// Writes the decimal digits of `n` into `buf` so that they end before `end`; returns where
/// they start.
pub(crate) fn write_digits(mut n: u64, buf: &mut [u8], end: usize) -> usize {
    let mut i = end;
    loop {
        i -= 1;
        buf[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            return i;
        }
    }
}

/// A decimal for people: trailing zeros dropped, at most `dp` places, thousands grouped.
/// Written where it is formatted (`{}`), not into a string of its own.
pub(crate) fn show(d: Decimal, dp: u32) -> Shown {
    Shown(d.round_dp(dp).normalize())
}

/// What [`show`] gives: a rounded decimal that formats for people.
pub(crate) struct Shown(Decimal);

impl std::fmt::Display for Shown {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let d = self.0;
        // The mantissa's digits, right-aligned after zeros, so that the point can go `scale`
        // digits from the right with at least one digit before it (what `Display` prints).
        let mut buf = [b'0'; 40];
        let mut i = buf.len();
        let mut m = d.mantissa().unsigned_abs();
        while m > u128::from(u64::MAX) {
            i -= 1;
            buf[i] = b'0' + (m % 10) as u8;
            m /= 10;
        }
        let i = write_digits(m as u64, &mut buf, i);
        let scale = d.scale() as usize;
        let digits = &buf[i.min(buf.len() - scale - 1)..];
        let (int, frac) = digits.split_at(digits.len() - scale);
        // A sign, 29 digits and 9 commas, a point and 28 decimals at the most.
        let mut out = [0u8; 72];
        let mut n = 0;
        let mut put = |c: u8| {
            out[n] = c;
            n += 1;
        };
        if d.is_sign_negative() && !d.is_zero() {
            put(b'-');
        }
        for (i, &c) in int.iter().enumerate() {
            if i > 0 && (int.len() - i) % 3 == 0 {
                put(b',');
            }
            put(c);
        }
        if !frac.is_empty() {
            put(b'.');
            frac.iter().for_each(|&c| put(c));
        }
        // Only ASCII digits, signs and points were written.
        f.pad(std::str::from_utf8(&out[..n]).unwrap_or(""))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    #[test]
    fn kind_names_are_the_json_names() {
        for k in [
            CheckKind::Footing,
            CheckKind::Recompute,
            CheckKind::CrossTable,
            CheckKind::Claim,
        ] {
            assert_eq!(serde_json::to_value(k).unwrap(), k.name());
        }
    }

    #[test]
    fn shows_decimals_for_people() {
        let d = |s| Decimal::from_str(s).unwrap();
        let show = |d, dp| show(d, dp).to_string();
        assert_eq!(show(d("-4828000"), 2), "-4,828,000");
        assert_eq!(show(d("4.93291"), 2), "4.93");
        assert_eq!(show(d("0.10"), 4), "0.1");
        assert_eq!(show(d("-0.0001"), 2), "0");
        assert_eq!(show(d("0.05"), 4), "0.05");
        assert_eq!(show(d("0"), 4), "0");
        assert_eq!(
            show(d("-79228162514264337593543950335"), 0),
            "-79,228,162,514,264,337,593,543,950,335"
        );
        assert_eq!(
            show(d("0.0000000000000000000000000001"), 28),
            "0.0000000000000000000000000001"
        );
    }

    #[test]
    fn finds_bytes_eight_at_a_time_as_one_at_a_time() {
        // Pseudo-random bytes over the whole range, digits, sentence ends and the bytes next
        // to them ('/', ':', '-', ',', 0x80, 0xFF) made common.
        let mut x: u32 = 7;
        let common = *b"0123456789/:.*?!-, aZ";
        for len in 0..80 {
            let b: Vec<u8> = (0..len)
                .map(|_| {
                    x = x.wrapping_mul(1_103_515_245).wrapping_add(12345);
                    let r = (x >> 16) as usize;
                    if r.is_multiple_of(3) {
                        (r >> 2) as u8
                    } else {
                        common[(r >> 2) % common.len()]
                    }
                })
                .collect();
            for at in 0..=len {
                let slow = (at..len).find(|&i| b[i].is_ascii_digit()).unwrap_or(len);
                assert_eq!(next_digit(&b, at), slow, "{b:?} from {at}");
            }
            let slow: Vec<usize> = (0..len).filter(|&i| b"*.?!".contains(&b[i])).collect();
            let fast: Vec<usize> = positions_of(&b, b"*.?!").collect();
            assert_eq!(fast, slow, "{b:?}");
        }
    }

    #[test]
    fn words_of_labels() {
        assert_eq!(
            words("Total liabilities and shareholders' equity"),
            ["total", "liabilities", "and", "shareholders", "equity"]
        );
        for t in [
            "'Tis R&D's -- 'a'' b '' x-y 3.5",
            "Total, net (loss)",
            "",
            "'",
        ] {
            let slow: Vec<String> = raw_words(t).map(|w| w.to_ascii_lowercase()).collect();
            assert_eq!(words(t), slow, "{t}");
        }
    }
}
