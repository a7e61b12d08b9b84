//! The axes: value scale and ticks, upright or sideways, the grid and the category labels.

use crate::chart::scale::{nice_scale, to_f64, Scale};
use crate::chart::spec::ChartSpec;
use crate::chart::text::{fit, format_change, format_value, printable, text_width, wrap};
use plotters::style::text_anchor::{HPos, VPos};
use rust_decimal::Decimal;

use super::*;

/// About one tick per 55 px of axis, between 3 and 8.
fn ticks_for(axis_px: i32) -> usize {
    (axis_px / 55).clamp(3, 8) as usize
}

fn tick_label_width(s: &Scale) -> f64 {
    s.ticks
        .iter()
        .map(|t| text_width(&format_value(*t), LABEL_PX))
        .fold(0.0, f64::max)
}

/// Which way the categories run. Bars and waterfalls stand upright unless their category
/// labels would be cut upright and less so sideways (long row labels on a narrow screen);
/// horizontal bars always lie sideways and lines always run left to right.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Orient {
    Upright,
    Sideways,
}

/// The plot's geometry: the box, the value scale, the category bands and their labels.
pub(super) struct Axes {
    pub(super) orient: Orient,
    pub(super) scale: Scale,
    pub(super) left: i32,
    pub(super) right: i32,
    pub(super) top: i32,
    pub(super) bottom: i32,
    /// The size of one category's band along the category axis.
    pub(super) slot: f64,
    labels: Vec<Vec<String>>,
    label_px: f64,
    line_h: i32,
    /// The unit text, fitted, and where it goes.
    unit: Option<(String, (i32, i32))>,
}

impl Axes {
    /// The pixel of a value along the value axis.
    pub(super) fn v(&self, v: Decimal) -> i32 {
        match self.orient {
            Orient::Upright => self.scale.px(to_f64(v), self.bottom, self.top),
            Orient::Sideways => self.scale.px(to_f64(v), self.left, self.right),
        }
    }

    /// The pixel at `frac` of category `i`'s band.
    pub(super) fn band(&self, i: usize, frac: f64) -> i32 {
        let start = match self.orient {
            Orient::Upright => self.left,
            Orient::Sideways => self.top,
        };
        start + (self.slot * (i as f64 + frac)).round() as i32
    }

    /// A point from a category-axis and a value-axis pixel.
    pub(super) fn at(&self, band: i32, value: i32) -> (i32, i32) {
        match self.orient {
            Orient::Upright => (band, value),
            Orient::Sideways => (value, band),
        }
    }

    /// A rectangle from extents along the category and value axes.
    pub(super) fn rect(&self, (b0, b1): (i32, i32), (v0, v1): (i32, i32)) -> (i32, i32, i32, i32) {
        let (x0, y0) = self.at(b0, v0);
        let (x1, y1) = self.at(b1, v1);
        (x0, y0, x1, y1)
    }

    /// How many category labels had to be cut.
    pub(super) fn cut_labels(&self, categories: &[String]) -> usize {
        self.labels
            .iter()
            .zip(categories)
            .filter(|(l, c)| is_cut(l, c))
            .count()
    }
}

/// Whether the shown lines leave out some of `full`.
pub(super) fn is_cut(shown: &[String], full: &str) -> bool {
    let words: Vec<&str> = full.split(' ').filter(|w| !w.is_empty()).collect();
    shown.join(" ") != printable(&words.join(" "))
}

/// Categories along the bottom, values up the left.
/// `label_room` is the pixels to keep beyond the highest and lowest values for their labels.
pub(super) fn upright_axes(
    spec: &ChartSpec,
    f: &Frame,
    values: &[Decimal],
    include_zero: bool,
    label_room: f64,
) -> Axes {
    let n = spec.categories.len().max(1);
    let plot_h = f.bottom - f.top - 60;
    let target = ticks_for(plot_h);
    // Headroom is a fraction of the data range; the labels need a fraction of the plot.
    let need = (label_room / f64::from(plot_h.max(1))).clamp(0.03, 0.3);
    let headroom = need / (1.0 - need);
    let scale = nice_scale(values.iter().copied(), include_zero, headroom, target);
    let unit_w = if spec.unit.trim().is_empty() { 0 } else { 20 };
    let ticks_w = tick_label_width(&scale)
        .min(f64::from(f.right - f.left) * 0.3)
        .ceil() as i32;
    let left = f.left + unit_w + ticks_w + 8;
    let slot = f64::from(f.right - left) / n as f64;
    // Narrow bands get smaller type and more lines before anything is cut.
    let narrow = slot < 84.0;
    let label_px = if narrow { LABEL_PX - 1.0 } else { LABEL_PX };
    let line_h = label_px as i32 + 2;
    let max_lines = if n > 12 {
        2
    } else if narrow {
        4
    } else {
        3
    };
    let label_w = (slot - 6.0).max(12.0);
    let labels: Vec<Vec<String>> = spec
        .categories
        .iter()
        .map(|c| wrap(&printable(c), label_px, label_w, max_lines))
        .collect();
    let lines = labels.iter().map(Vec::len).max().unwrap_or(1).max(1) as i32;
    let top = f.top + 4;
    let bottom = (f.bottom - lines * line_h - 8).max(top + 30);
    let unit = (unit_w > 0).then(|| {
        let text = fit(
            &printable(spec.unit.trim()),
            LABEL_PX,
            f64::from(bottom - top),
        );
        (text, (f.left + 6, (top + bottom) / 2))
    });
    Axes {
        orient: Orient::Upright,
        scale,
        left,
        right: f.right,
        top,
        bottom,
        slot,
        labels,
        label_px,
        line_h,
        unit,
    }
}

/// Categories down the left (labels wrapped), values along the bottom.
pub(super) fn sideways_axes(spec: &ChartSpec, f: &Frame, values: &[Decimal]) -> Axes {
    let n = spec.categories.len().max(1);
    let width = f64::from(f.right - f.left);
    let widest = spec
        .categories
        .iter()
        .map(|c| text_width(&printable(c), LABEL_PX))
        .fold(0.0, f64::max);
    let label_w = widest.min(width * 0.38).max(24.0);
    // Leave room beyond the longest bars for value labels (a change carries a sign).
    let value_w = values
        .iter()
        .map(|v| text_width(&format_change(*v), VALUE_PX))
        .fold(0.0, f64::max);
    let plot_w = (width - label_w - 18.0).max(1.0);
    let need = ((value_w + 8.0) / plot_w).clamp(0.04, 0.3);
    // The scale widens each side that has data; with bars both sides of zero the room beyond
    // the longest positive bar is then a smaller share of the axis.
    let two_sided = values.iter().any(|v| v.is_sign_negative() && !v.is_zero())
        && values.iter().any(|v| v.is_sign_positive() && !v.is_zero());
    let headroom = if two_sided {
        need / (1.0 - 2.0 * need)
    } else {
        need / (1.0 - need)
    };
    let scale = nice_scale(
        values.iter().copied(),
        true,
        headroom,
        ticks_for((f.right - f.left) / 2),
    );
    let unit_h = if spec.unit.trim().is_empty() { 0 } else { 16 };
    let bottom = f.bottom - 20 - unit_h;
    let top = f.top + 4;
    let slot = f64::from((bottom - top).max(1)) / n as f64;
    let max_lines = if slot >= 40.0 {
        3
    } else if slot >= 26.0 {
        2
    } else {
        1
    };
    let labels: Vec<Vec<String>> = spec
        .categories
        .iter()
        .map(|c| wrap(&printable(c), LABEL_PX, label_w, max_lines))
        .collect();
    let left = f.left + label_w.ceil() as i32 + 10;
    let right = f.right - 8;
    let unit = (unit_h > 0).then(|| {
        let text = fit(
            &printable(spec.unit.trim()),
            LABEL_PX,
            f64::from(right - left),
        );
        (text, ((left + right) / 2, f.bottom))
    });
    Axes {
        orient: Orient::Sideways,
        scale,
        left,
        right,
        top,
        bottom,
        slot,
        labels,
        label_px: LABEL_PX,
        line_h: 14,
        unit,
    }
}

/// Gridlines and tick labels along the value axis, and the unit; drawn behind the data.
pub(super) fn grid(p: &mut Painter, a: &Axes) -> Drawn {
    let tick = TextOpts::new(LABEL_PX, MUTED);
    for t in &a.scale.ticks {
        let v = a.v(*t);
        let label = format_value(*t);
        match a.orient {
            Orient::Upright => {
                p.line(vec![(a.left, v), (a.right, v)], GRID, 1)?;
                p.text(
                    &label,
                    (a.left - 6, v),
                    tick.anchor(HPos::Right, VPos::Center),
                )?;
            }
            Orient::Sideways => {
                p.line(vec![(v, a.top), (v, a.bottom)], GRID, 1)?;
                p.text(
                    &label,
                    (v, a.bottom + 5),
                    tick.anchor(HPos::Center, VPos::Top),
                )?;
            }
        }
    }
    if let Some((unit, at)) = &a.unit {
        let o = match a.orient {
            Orient::Upright => tick.anchor(HPos::Center, VPos::Center).rotated(),
            Orient::Sideways => tick.anchor(HPos::Center, VPos::Bottom),
        };
        p.text(unit, *at, o)?;
    }
    Ok(())
}

/// Category labels along the category axis, with the full text as a read-out when cut.
pub(super) fn category_labels(p: &mut Painter, a: &Axes, categories: &[String]) -> Drawn {
    for (i, (label, full)) in a.labels.iter().zip(categories).enumerate() {
        let c = a.band(i, 0.5);
        let lines = label.len() as i32;
        match a.orient {
            Orient::Upright => {
                for (k, line) in label.iter().enumerate() {
                    let y = a.bottom + 8 + k as i32 * a.line_h;
                    p.text(
                        line,
                        (c, y),
                        TextOpts::new(a.label_px, INK).anchor(HPos::Center, VPos::Top),
                    )?;
                }
                let half = (a.slot / 2.0) as i32 - 2;
                p.label_hit(
                    full,
                    label,
                    (
                        c - half,
                        a.bottom + 6,
                        c + half,
                        a.bottom + 8 + lines * a.line_h,
                    ),
                );
            }
            Orient::Sideways => {
                let first = c - (lines - 1) * a.line_h / 2;
                for (k, line) in label.iter().enumerate() {
                    let y = first + k as i32 * a.line_h;
                    p.text(
                        line,
                        (a.left - 8, y),
                        TextOpts::new(a.label_px, INK).anchor(HPos::Right, VPos::Center),
                    )?;
                }
                p.label_hit(
                    full,
                    label,
                    (PAD, first - 8, a.left - 6, first + lines * a.line_h - 6),
                );
            }
        }
    }
    Ok(())
}
