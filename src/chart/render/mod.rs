//! Draws a [`ChartSpec`] as SVG with plotters, through a small SVG backend of our own
//! ([`SvgOut`]: the markup of plotters' SVG backend for the primitives we draw, written with
//! integer formatting only, which keeps float formatting out of the wasm).
//!
//! HOW IT WORKS. Layout is ours, drawing is plotters'. We place every title, tick, bar and
//! label in pixel coordinates with our own text-width estimate (see `text.rs`) and hand
//! plotters only primitives (rectangles, paths, circles, text). Plotters' own chart layout
//! measures text through the DOM on wasm, which would make the same spec draw differently in
//! the browser and in native tests, and fail outside a document; primitives never measure.
//!
//! Plotters writes plain SVG elements and cannot attach a `<title>` to one, so after it has
//! drawn we add three things ourselves, escaping every piece of text:
//! - on the root `<svg>`: `class="assay-chart"`, `role="img"`, `aria-label`, `data-kind`;
//! - first inside it: `<title>` (the chart title) and `<desc>` (kind, period, unit, source,
//!   and the values when there are few enough), the chart's text alternative;
//! - last inside it: `<g class="assay-hits">` of invisible rectangles over every bar, point
//!   and shortened label, each with a `<title>` holding the full text or the exact value as
//!   printed (a hover read-out), and `data-series`, `data-category`, `data-value` (the exact
//!   decimal) attributes that tests and scripts can read.
//!
//! Values are `Decimal` until `Scale::px` turns them into pixels. Nothing here panics on any
//! spec: invalid specs draw a message, and empty ones draw "No data".
//!
//! THE FILES. `svg.rs` is the SVG backend; `frame.rs` the painter and the chart's frame (header,
//! legend, footer, messages); `axes.rs` the scales, grid and category labels; `marks.rs` the
//! bars, waterfall steps, lines and their labels and hover read-outs; `text_alternative.rs`
//! the `<title>`, `<desc>` and hover layer added after plotters has drawn.

mod axes;
mod frame;
mod marks;
mod svg;
mod text_alternative;

use super::spec::{ChartKind, ChartSpec};
use super::text::xml_escape;
use super::waterfall;
use plotters::prelude::*;
use rust_decimal::Decimal;

use axes::*;
use frame::*;
use marks::*;
use svg::*;
use text_alternative::*;

/// The size the app draws at unless it has a reason not to.
pub const DEFAULT_WIDTH: u32 = 720;
pub const DEFAULT_HEIGHT: u32 = 420;
/// Sizes outside these bounds are clamped: a chart needs room for its titles, and a huge
/// canvas is only a way to burn memory.
pub const MIN_SIZE: (u32, u32) = (280, 200);
pub const MAX_SIZE: (u32, u32) = (4096, 4096);

/// Okabe–Ito colours, which stay distinct under the common colour-vision deficiencies, in the
/// order series use them (yellow late: it is faint on white).
pub const PALETTE: [RGBColor; 8] = [
    RGBColor(0x00, 0x72, 0xB2), // blue
    RGBColor(0xE6, 0x9F, 0x00), // orange
    RGBColor(0x00, 0x9E, 0x73), // bluish green
    RGBColor(0xD5, 0x5E, 0x00), // vermillion
    RGBColor(0x56, 0xB4, 0xE9), // sky blue
    RGBColor(0xCC, 0x79, 0xA7), // reddish purple
    RGBColor(0xF0, 0xE4, 0x42), // yellow
    RGBColor(0x59, 0x59, 0x59), // grey in place of black, which reads as an axis
];
const INCREASE: RGBColor = PALETTE[2];
const DECREASE: RGBColor = PALETTE[3];
const TOTAL: RGBColor = PALETTE[0];

const FONT: &str = "Helvetica, Arial, sans-serif";
const INK: RGBColor = RGBColor(0x1A, 0x1A, 0x1A);
const MUTED: RGBColor = RGBColor(0x55, 0x55, 0x55);
const GRID: RGBColor = RGBColor(0xE3, 0xE3, 0xE3);
const CONNECTOR: RGBColor = RGBColor(0x8C, 0x8C, 0x8C);
const PAD: i32 = 16;
const TITLE_PX: f64 = 16.0;
const SUB_PX: f64 = 12.0;
const LABEL_PX: f64 = 12.0;
const VALUE_PX: f64 = 11.0;
const SOURCE_PX: f64 = 11.0;

/// The series colour for series `i`.
pub fn series_color(i: usize) -> RGBColor {
    PALETTE[i % PALETTE.len()]
}

/// Renders `spec` at `width` × `height` pixels (clamped to [`MIN_SIZE`]..=[`MAX_SIZE`]).
pub fn render_svg(spec: &ChartSpec, width: u32, height: u32) -> String {
    let w = width.clamp(MIN_SIZE.0, MAX_SIZE.0);
    let h = height.clamp(MIN_SIZE.1, MAX_SIZE.1);
    let mut svg = String::new();
    let mut hits = Vec::new();
    let drawn = {
        let root = SvgOut::new(&mut svg, (w, h)).into_drawing_area();
        let mut p = Painter {
            area: &root,
            hits: &mut hits,
        };
        draw(&mut p, spec, w as i32, h as i32).and_then(|()| root.present().map_err(|_| Failed))
    };
    if drawn.is_err() {
        // The SVG backend writes to a String and does not fail; keep a valid document anyway.
        return format!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" role=\"img\" aria-label=\"{}\"></svg>",
            xml_escape(&spec.title)
        );
    }
    finish(svg, spec, &hits)
}

/// Plotters' SVG backend only fails on file I/O, which we never do; one marker error is enough.
#[derive(Debug)]
struct Failed;
type Drawn = Result<(), Failed>;

/// Bars, waterfalls and lines: choose the axes, draw grid, data, zero line and labels.
fn plot(p: &mut Painter, spec: &ChartSpec, f: &Frame) -> Drawn {
    let walk = waterfall::walk(spec);
    let mut values: Vec<Decimal> = Vec::new();
    if spec.kind == ChartKind::Waterfall {
        for s in &walk {
            values.extend([s.from, s.to]);
        }
    } else {
        for s in &spec.series {
            values.extend(s.values.iter().flatten());
        }
    }
    let axes = match spec.kind {
        ChartKind::Line => upright_axes(spec, f, &values, false, 26.0),
        ChartKind::HorizontalBar => sideways_axes(spec, f, &values),
        _ => {
            let upright = upright_axes(spec, f, &values, true, VALUE_PX + 6.0);
            let sideways = sideways_axes(spec, f, &values);
            let (cut_up, cut_side) = (
                upright.cut_labels(&spec.categories),
                sideways.cut_labels(&spec.categories),
            );
            if cut_side < cut_up && sideways.slot >= 14.0 {
                sideways
            } else {
                upright
            }
        }
    };
    grid(p, &axes)?;
    if spec.kind == ChartKind::Line {
        lines_series(p, spec, &axes)?;
    } else {
        bars(p, spec, &axes, &walk)?;
    }
    let (b0, b1) = (axes.band(0, 0.0), axes.band(spec.categories.len(), 0.0));
    match axes.scale.contains_zero().then(|| axes.v(Decimal::ZERO)) {
        Some(z) => p.line(vec![axes.at(b0, z), axes.at(b1, z)], INK, 2)?,
        None => p.line(
            vec![(axes.left, axes.bottom), (axes.right, axes.bottom)],
            CONNECTOR,
            1,
        )?,
    }
    category_labels(p, &axes, &spec.categories)
}
