//! Figures: the charts a document supports, as [`ChartSpec`](crate::chart::ChartSpec)s built from its tables (and, for
//! mining charts, from the metrics found in them). This is where the document model meets the
//! chart module; neither knows the other.
//!
//! Every chart here is drawn from printed values only: a chart whose inputs the release does
//! not print is not offered, and nothing is interpolated or guessed.
//!
//! - [`document_charts`]: every chart a release supports, each with a stable id.
//! - [`key_figures`]: the headline numbers of a mining release, with their changes.
//! - [`rows_chart`]: a chart of rows the user picks.
//!
//! Rows are found by meaning (`find`), periods by dates or, failing those, by labels
//! (`periods`): never by a position in one release.

mod charts;
mod find;
mod key;
mod periods;
mod rows;
mod statements;
mod walks;

pub use charts::{document_charts, FigureChart};
pub use key::{better, change_percent, key_figures, tone, Better, KeyFigure, Tone};
pub use rows::{rows_chart, RowsChartError};

use crate::document::{Currency, Document, Scale, Unit};

/// How a row's values read on an axis, e.g. "USD thousands", "CAD per ounce", "ounces". Money
/// whose currency the release does not state reads "money", never a guessed dollar.
pub fn unit_text(unit: Option<Unit>, currency: Option<Currency>, scale: Scale) -> String {
    let cur = currency.as_ref().map_or("money", Currency::code);
    let per = |what: &str| format!("{cur} per {what}");
    let owned;
    let base = match unit {
        Some(Unit::Money) => cur,
        Some(Unit::MoneyPerShare) => {
            owned = per("share");
            &owned
        }
        Some(Unit::MoneyPerOz) => {
            owned = per("ounce");
            &owned
        }
        Some(Unit::MoneyPerLb) => {
            owned = per("pound");
            &owned
        }
        Some(Unit::MoneyPerTon) => {
            owned = per("ton");
            &owned
        }
        Some(Unit::MoneyPerTonne) => {
            owned = per("tonne");
            &owned
        }
        Some(Unit::MoneyPerBoe) => {
            owned = per("boe");
            &owned
        }
        Some(Unit::MoneyPerUnit) => {
            owned = per("unit");
            &owned
        }
        Some(Unit::Oz) => "ounces",
        Some(Unit::Tons) => "tons",
        Some(Unit::Tonnes) => "tonnes",
        Some(Unit::GramsPerTonne) => "grams per tonne",
        Some(Unit::Lbs) => "pounds",
        Some(Unit::OzPerTon) => "ounces per ton",
        Some(Unit::Shares) => "shares",
        Some(Unit::Ratio) => "ratio",
        Some(Unit::Percent) => "percent",
        Some(Unit::PercentagePoints) => "percentage points",
        Some(Unit::BasisPoints) => "basis points",
        Some(Unit::Barrels) => "barrels",
        Some(Unit::Boe) => "barrels of oil equivalent",
        None => "",
    };
    let scale = match scale {
        Scale::One => "",
        Scale::Thousands => "thousands",
        Scale::Millions => "millions",
        Scale::Billions => "billions",
    };
    match (base.is_empty(), scale.is_empty()) {
        (true, true) => "as printed".to_owned(),
        (true, false) => scale.to_owned(),
        (false, true) => base.to_owned(),
        (false, false) => format!("{base} {scale}"),
    }
}

/// The company and period a chart's subtitle and provenance name.
fn document_period(document: &Document) -> String {
    document.period.label.clone().unwrap_or_default()
}

fn company(document: &Document) -> String {
    document.company.name.clone().unwrap_or_default()
}
