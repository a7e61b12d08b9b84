//! What a chart draws, as plain data: [`ChartSpec`] and its validation.
//!
//! A spec is the single source of truth for a chart. The renderer draws exactly what it
//! holds, the data table lists exactly what it holds, and a share link carries exactly
//! what it holds. Values are `Decimal`s as printed in the release, `None` where the release
//! has no figure; they only become floating point when they become pixels.
//!
//! Specs can arrive from strangers (share links, restored local storage), so
//! [`ChartSpec::validate`] checks every count and length against the limits below before a
//! spec is drawn. Text is not cleaned here: it is escaped where it is written out.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::fmt;

/// The version of the spec's meaning. Bump it when a field changes what gets drawn, so old
/// stored specs and links are recognised rather than misdrawn.
pub const CHART_SPEC_VERSION: u16 = 1;

/// Most categories (x-axis labels) one chart may have. A release table has tens of rows.
pub const MAX_CATEGORIES: usize = 100;
/// Most series one chart may have.
pub const MAX_SERIES: usize = 24;
/// Most values (categories × series) one chart may have.
pub const MAX_POINTS: usize = 1_000;
/// Longest text (title, label, name), in characters. Release labels run to about 120.
pub const MAX_TEXT_CHARS: usize = 300;
/// Most provenance row labels.
pub const MAX_SOURCE_ROWS: usize = 200;

/// The kind of chart: how the series are laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ChartKind {
    /// Vertical bars, one series (e.g. cash cost per ounce by mine).
    Bar,
    /// Vertical bars, several series side by side in each category (e.g. periods × metals).
    GroupedBar,
    /// Horizontal bars, for long category labels such as mine names; one or more series.
    HorizontalBar,
    /// Lines through each series' values (e.g. metal prices across periods).
    Line,
    /// One series read as a walk: [`Step::Total`] bars stand from zero, [`Step::Delta`] bars
    /// float on the running total (a reconciliation, an income statement).
    Waterfall,
}

impl ChartKind {
    /// Every kind, in a stable order (wire codes and UI pickers use it).
    pub const ALL: [ChartKind; 5] = [
        ChartKind::Bar,
        ChartKind::GroupedBar,
        ChartKind::HorizontalBar,
        ChartKind::Line,
        ChartKind::Waterfall,
    ];

    /// A short English name, for pickers and the data table caption.
    pub fn label(self) -> &'static str {
        match self {
            ChartKind::Bar => "Bar chart",
            ChartKind::GroupedBar => "Grouped bar chart",
            ChartKind::HorizontalBar => "Horizontal bar chart",
            ChartKind::Line => "Line chart",
            ChartKind::Waterfall => "Waterfall chart",
        }
    }
}

/// How a waterfall reads one category's value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Step {
    /// An amount as printed (a start or a subtotal): the bar stands on zero and the running
    /// total becomes this value. Printed totals are drawn as printed, never recomputed.
    Total,
    /// A change added to the running total (negative values go down).
    Delta,
}

/// One named row of values, one value per category.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Series {
    /// Legend text, e.g. "Silver" or "Third quarter 2007".
    pub name: String,
    /// One entry per category; `None` where the release prints no figure.
    pub values: Vec<Option<Decimal>>,
}

/// Where the numbers came from, so a shared chart can say so.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Provenance {
    /// e.g. "Hecla Mining Company".
    pub company: String,
    /// e.g. "Third quarter ended Sept. 30, 2007".
    pub period: String,
    /// The table's title as printed, e.g. "Consolidated Statements of Operations".
    pub table: String,
    /// The row labels the values were read from, as printed.
    pub rows: Vec<String>,
}

/// Everything a chart draws. See the module header.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChartSpec {
    /// [`CHART_SPEC_VERSION`] when made.
    pub version: u16,
    pub kind: ChartKind,
    /// e.g. "Total cash cost per ounce of silver".
    pub title: String,
    /// Usually the period, e.g. "Third quarter ended Sept. 30, 2007".
    pub subtitle: String,
    /// What the values count, e.g. "USD per ounce", "ounces", "USD thousands".
    pub unit: String,
    /// Category labels: the x axis (the y axis for horizontal bars).
    pub categories: Vec<String>,
    pub series: Vec<Series>,
    /// Waterfall only: one step per category. Empty for every other kind.
    #[serde(default)]
    pub steps: Vec<Step>,
    /// Line only: the categories where a new run of like periods begins (quarters give way
    /// to nine months), in increasing order. A line is not drawn across a break: joining the
    /// third quarter to nine months would draw a trend that is not there.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub breaks: Vec<usize>,
    #[serde(default)]
    pub provenance: Provenance,
}

/// Why a spec cannot be drawn or shared. Display is a sentence for a developer log; share
/// links turn it into a plain message for users.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SpecError {
    UnknownVersion(u16),
    TooManyCategories(usize),
    TooManySeries(usize),
    TooManyPoints(usize),
    TooManySourceRows(usize),
    /// A series has a different number of values than there are categories.
    RaggedSeries {
        series: usize,
        values: usize,
        categories: usize,
    },
    /// A text field is longer than [`MAX_TEXT_CHARS`] or holds control characters.
    BadText(&'static str),
    /// Bar and waterfall charts draw exactly one series.
    WrongSeriesCount {
        kind: ChartKind,
        series: usize,
    },
    /// Breaks on a chart that is not a line chart, out of order, or outside the categories.
    BadBreaks,
    /// Waterfall steps must match the categories; other kinds have none.
    BadSteps {
        steps: usize,
        categories: usize,
    },
}

impl fmt::Display for SpecError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SpecError::UnknownVersion(v) => write!(f, "chart spec version {v} is not known"),
            SpecError::TooManyCategories(n) => {
                write!(f, "{n} categories; at most {MAX_CATEGORIES} are allowed")
            }
            SpecError::TooManySeries(n) => {
                write!(f, "{n} series; at most {MAX_SERIES} are allowed")
            }
            SpecError::TooManyPoints(n) => {
                write!(f, "{n} values; at most {MAX_POINTS} are allowed")
            }
            SpecError::TooManySourceRows(n) => {
                write!(f, "{n} source rows; at most {MAX_SOURCE_ROWS} are allowed")
            }
            SpecError::RaggedSeries {
                series,
                values,
                categories,
            } => write!(
                f,
                "series {series} has {values} values for {categories} categories"
            ),
            SpecError::BadText(field) => write!(
                f,
                "the {field} is longer than {MAX_TEXT_CHARS} characters or holds control characters"
            ),
            SpecError::WrongSeriesCount { kind, series } => {
                write!(
                    f,
                    "a {} draws one series, not {series}",
                    kind.label().to_ascii_lowercase()
                )
            }
            SpecError::BadBreaks => {
                f.write_str("line breaks must be increasing category indices of a line chart")
            }
            SpecError::BadSteps { steps, categories } => {
                write!(f, "{steps} waterfall steps for {categories} categories")
            }
        }
    }
}

impl std::error::Error for SpecError {}

/// A label fit for a chart: bounded and free of control characters (which no printed label
/// has, and which would only serve to confuse a reader or a terminal).
pub(crate) fn text_ok(s: &str) -> bool {
    s.chars().count() <= MAX_TEXT_CHARS && !s.chars().any(char::is_control)
}

impl ChartSpec {
    /// A spec of the current version with no provenance and no waterfall steps.
    pub fn new(
        kind: ChartKind,
        title: impl Into<String>,
        subtitle: impl Into<String>,
        unit: impl Into<String>,
        categories: Vec<String>,
        series: Vec<Series>,
    ) -> Self {
        ChartSpec {
            version: CHART_SPEC_VERSION,
            kind,
            title: title.into(),
            subtitle: subtitle.into(),
            unit: unit.into(),
            categories,
            series,
            steps: Vec::new(),
            breaks: Vec::new(),
            provenance: Provenance::default(),
        }
    }

    /// Checks every limit and shape rule; a spec that passes can be drawn and shared.
    pub fn validate(&self) -> Result<(), SpecError> {
        if self.version != CHART_SPEC_VERSION {
            return Err(SpecError::UnknownVersion(self.version));
        }
        let categories = self.categories.len();
        if categories > MAX_CATEGORIES {
            return Err(SpecError::TooManyCategories(categories));
        }
        if self.series.len() > MAX_SERIES {
            return Err(SpecError::TooManySeries(self.series.len()));
        }
        let points = categories * self.series.len();
        if points > MAX_POINTS {
            return Err(SpecError::TooManyPoints(points));
        }
        if self.provenance.rows.len() > MAX_SOURCE_ROWS {
            return Err(SpecError::TooManySourceRows(self.provenance.rows.len()));
        }
        for (i, s) in self.series.iter().enumerate() {
            if s.values.len() != categories {
                return Err(SpecError::RaggedSeries {
                    series: i,
                    values: s.values.len(),
                    categories,
                });
            }
        }
        let texts: [(&'static str, &str); 6] = [
            ("title", &self.title),
            ("subtitle", &self.subtitle),
            ("unit", &self.unit),
            ("company", &self.provenance.company),
            ("period", &self.provenance.period),
            ("table title", &self.provenance.table),
        ];
        for (field, text) in texts {
            if !text_ok(text) {
                return Err(SpecError::BadText(field));
            }
        }
        if !self.categories.iter().all(|c| text_ok(c)) {
            return Err(SpecError::BadText("category label"));
        }
        if !self.series.iter().all(|s| text_ok(&s.name)) {
            return Err(SpecError::BadText("series name"));
        }
        if !self.provenance.rows.iter().all(|r| text_ok(r)) {
            return Err(SpecError::BadText("source row label"));
        }
        let one_series = matches!(self.kind, ChartKind::Bar | ChartKind::Waterfall);
        if one_series && self.series.len() > 1 {
            return Err(SpecError::WrongSeriesCount {
                kind: self.kind,
                series: self.series.len(),
            });
        }
        let want_steps = if self.kind == ChartKind::Waterfall {
            categories
        } else {
            0
        };
        if self.steps.len() != want_steps {
            return Err(SpecError::BadSteps {
                steps: self.steps.len(),
                categories,
            });
        }
        let breaks_ok = self.breaks.is_empty()
            || (self.kind == ChartKind::Line
                && self.breaks.windows(2).all(|w| w[0] < w[1])
                && self.breaks.iter().all(|&b| b > 0 && b < categories));
        if !breaks_ok {
            return Err(SpecError::BadBreaks);
        }
        Ok(())
    }

    /// True when there is not a single value to draw.
    pub fn is_empty(&self) -> bool {
        self.series
            .iter()
            .all(|s| s.values.iter().all(Option::is_none))
    }

    /// A one-line description of where the data came from, e.g.
    /// "Hecla Mining Company · Third quarter 2007 · Production Data · Silver produced (oz.)".
    /// Empty parts are left out.
    pub fn source_line(&self) -> String {
        let p = &self.provenance;
        let rows = p.rows.join("; ");
        let parts = [&p.company, &p.period, &p.table, &rows].map(|s| s.trim());
        super::text::join_present(&parts, " · ")
    }
}
