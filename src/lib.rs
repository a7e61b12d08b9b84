//! Assay: read a mining company's earnings release into an exact document model, compute the
//! metrics an analyst would, check the release against itself, and chart it.
//!
//! Data flow: text → [`read`] → [`document::Document`] → [`analyze`] (metrics, checks) →
//! [`chart`] (specs, SVG) → [`share`] (links). Everything here is pure Rust with no browser
//! types, so it builds and is tested natively; the Yew shell lives in `app` (wasm only).

pub mod analyze;
pub(crate) mod case;
pub mod chart;
pub(crate) mod decimal;
pub mod document;
pub mod export;
pub mod figures;
pub mod many;
pub mod meaning;
pub mod read;
pub mod series;
pub mod session;
pub mod share;
pub(crate) mod sort;
pub mod view;

#[cfg(target_arch = "wasm32")]
pub mod app;

/// The Hecla Mining Q3 2007 release (SEC EDGAR Exhibit 99.1), built in as the sample.
/// Provenance: `tests/fixtures/SOURCES.md`. The site ships it as a file beside the wasm
/// ([`SAMPLE_FILE`], copied by index.html) and the app fetches it on "Try the sample": the
/// text stays out of the wasm download.
pub const SAMPLE_RELEASE: &str = include_str!("../tests/fixtures/hecla-2007Q3-edgar-ex99-txt.txt");

/// The sample's file name in the built site (same origin, next to index.html).
pub const SAMPLE_FILE: &str = "hecla-2007Q3-edgar-ex99-txt.txt";
