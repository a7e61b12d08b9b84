//! Charts: what a chart draws ([`ChartSpec`]), how it is drawn ([`render_svg`]), and its data
//! as a table ([`chart_data_table`], [`chart_csv`]).
//!
//! A spec is plain, versioned serde data with exact `Decimal` values, so it can be stored,
//! shared in a link ([`crate::share`]) and compared. Builders that turn a document into specs
//! live above this module; this module knows nothing of documents. Text in a spec comes from
//! strangers' documents: everything written to SVG or CSV is escaped there.

mod render;
mod scale;
mod spec;
mod table;
pub(crate) mod text;
mod waterfall;

pub use render::{
    render_svg, series_color, DEFAULT_HEIGHT, DEFAULT_WIDTH, MAX_SIZE, MIN_SIZE, PALETTE,
};
pub use spec::{
    ChartKind, ChartSpec, Provenance, Series, SpecError, Step, CHART_SPEC_VERSION, MAX_CATEGORIES,
    MAX_POINTS, MAX_SERIES, MAX_SOURCE_ROWS, MAX_TEXT_CHARS,
};

pub use table::{chart_csv, chart_data_table, csv_field, csv_line};
pub use text::{clean_text, format_change, format_value};
pub use waterfall::{walk as waterfall_walk, WalkStep};
