//! The marks: bars and waterfall steps, lines and points, their value labels, and the
//! read-out each hover target carries.

use crate::chart::spec::{ChartKind, ChartSpec, Step};
use crate::chart::text::{format_change, format_value, text_width};
use crate::chart::waterfall;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, VPos};
use rust_decimal::Decimal;

use super::*;

/// The read-out for one value: "Silver — Q3 2007: −4.91 USD per ounce".
pub(super) fn readout(spec: &ChartSpec, series: usize, category: usize, value: &str) -> String {
    let cat = spec.categories.get(category).map_or("", String::as_str);
    let name = spec.series.get(series).map_or("", |s| s.name.as_str());
    let place = if spec.series.len() > 1 && !name.is_empty() {
        format!("{name} — {cat}")
    } else {
        cat.to_string()
    };
    let unit = spec.unit.trim();
    if unit.is_empty() || value == "not reported" {
        format!("{place}: {value}")
    } else {
        format!("{place}: {value} {unit}")
    }
}

fn data(series: usize, category: usize, value: Option<Decimal>) -> Vec<(&'static str, String)> {
    vec![
        ("data-series", series.to_string()),
        ("data-category", category.to_string()),
        (
            "data-value",
            value.map(|v| v.to_string()).unwrap_or_default(),
        ),
    ]
}

/// One bar as drawn: where it starts and ends along the value axis, its colour, the label
/// beyond its end, and its read-out.
struct BarMark {
    series: usize,
    category: usize,
    value: Option<Decimal>,
    from: Decimal,
    to: Decimal,
    color: RGBColor,
    label: String,
    /// The label goes beyond the end that points up (upright) or right (sideways).
    forward: bool,
    title: String,
}

fn bar_marks(spec: &ChartSpec, walk: &[waterfall::WalkStep]) -> Vec<BarMark> {
    if spec.kind == ChartKind::Waterfall {
        return walk
            .iter()
            .enumerate()
            .map(|(i, step)| {
                let Some(value) = step.value else {
                    let title = readout(spec, 0, i, "not reported");
                    return BarMark {
                        series: 0,
                        category: i,
                        value: None,
                        from: step.to,
                        to: step.to,
                        color: MUTED,
                        label: String::new(),
                        forward: true,
                        title,
                    };
                };
                let (color, label, title) = match step.step {
                    Step::Total => (
                        TOTAL,
                        format_value(value),
                        readout(spec, 0, i, &format_value(value)),
                    ),
                    Step::Delta => {
                        let change = format_change(value);
                        let title = format!(
                            "{} (running total {})",
                            readout(spec, 0, i, &change),
                            format_value(step.to)
                        );
                        (
                            if value.is_sign_negative() {
                                DECREASE
                            } else {
                                INCREASE
                            },
                            change,
                            title,
                        )
                    }
                };
                // Above (or right of) the bar whichever way it goes: beyond a falling step the
                // label would collide with the axis or the next connector.
                BarMark {
                    series: 0,
                    category: i,
                    value: Some(value),
                    from: step.from,
                    to: step.to,
                    color,
                    label,
                    forward: true,
                    title,
                }
            })
            .collect();
    }
    let mut marks = Vec::new();
    for i in 0..spec.categories.len() {
        for (j, s) in spec.series.iter().enumerate() {
            let value = s.values.get(i).copied().flatten();
            let (label, title) = match value {
                Some(v) => (format_value(v), readout(spec, j, i, &format_value(v))),
                None => (String::new(), readout(spec, j, i, "not reported")),
            };
            let to = value.unwrap_or(Decimal::ZERO);
            let forward = !to.is_sign_negative();
            marks.push(BarMark {
                series: j,
                category: i,
                value,
                from: Decimal::ZERO,
                to,
                color: series_color(j),
                label,
                forward,
                title,
            });
        }
    }
    marks
}

pub(super) fn bars(
    p: &mut Painter,
    spec: &ChartSpec,
    a: &Axes,
    walk: &[waterfall::WalkStep],
) -> Drawn {
    let ns = if spec.kind == ChartKind::Waterfall {
        1
    } else {
        spec.series.len().max(1)
    };
    let (single_max, per_series_max) = match a.orient {
        Orient::Upright => (110.0, 60.0),
        Orient::Sideways => (60.0, 30.0),
    };
    let gw = group_width(a.slot, ns, single_max, per_series_max);
    let thickness = gw / ns as f64;
    let marks = bar_marks(spec, walk);
    // Where each label would go, and whether it fits; then label every bar or none, since a
    // few labelled bars among bare ones read as a pattern.
    let placed: Vec<Option<Label>> = marks
        .iter()
        .map(|m| {
            let band = bar_extent(a.band(m.category, 0.5), gw, ns, m.series);
            place_label(a, m, band, thickness, ns)
        })
        .collect();
    let all_fit = marks
        .iter()
        .zip(&placed)
        .all(|(m, l)| m.value.is_none() || l.is_some());
    for (k, m) in marks.iter().enumerate() {
        let band = bar_extent(a.band(m.category, 0.5), gw, ns, m.series);
        let (v0, v1) = (a.v(m.from), a.v(m.to));
        if spec.kind == ChartKind::Waterfall {
            // Connect this step's running total to the next change.
            if let Some(next) = walk.get(m.category + 1).filter(|s| s.step == Step::Delta) {
                let level = a.v(next.from);
                let next_start = bar_extent(a.band(m.category + 1, 0.5), gw, ns, 0).0;
                p.line(
                    vec![a.at(band.1, level), a.at(next_start, level)],
                    CONNECTOR,
                    1,
                )?;
            }
        }
        match m.value {
            Some(_) => {
                p.rect(a.rect(band, (v0, v1)), m.color)?;
                if let (true, Some(label)) = (all_fit, &placed[k]) {
                    p.text(
                        &m.label,
                        label.at,
                        TextOpts::new(VALUE_PX, INK).anchor(label.h, label.v),
                    )?;
                }
            }
            None => {
                // A missing value is marked where the bar would start, so it does not read as zero.
                if spec.kind == ChartKind::Waterfall {
                    p.line(vec![a.at(band.0, v1), a.at(band.1, v1)], CONNECTOR, 1)?;
                }
                if band.1 - band.0 >= 12 {
                    let (at, h, v) = match a.orient {
                        Orient::Upright => (
                            a.at((band.0 + band.1) / 2, v1 - 3),
                            HPos::Center,
                            VPos::Bottom,
                        ),
                        Orient::Sideways => (
                            a.at((band.0 + band.1) / 2, v1 + 4),
                            HPos::Left,
                            VPos::Center,
                        ),
                    };
                    p.text("n/a", at, TextOpts::new(VALUE_PX - 1.0, MUTED).anchor(h, v))?;
                }
            }
        }
        // At least 8 px along the value axis so thin bars can still be pointed at.
        let (lo, hi) = (v0.min(v1), v0.max(v1));
        let grow = (8 - (hi - lo)).max(0) / 2 + 1;
        let hit = p.hit(
            a.rect((band.0, band.1.max(band.0 + 4)), (lo - grow, hi + grow)),
            "hit",
            m.title.clone(),
        );
        hit.data = data(m.series, m.category, m.value);
    }
    Ok(())
}

/// Where a value label goes.
struct Label {
    at: (i32, i32),
    h: HPos,
    v: VPos,
}

/// The label just beyond the bar's forward or backward end, if it fits: upright, within
/// the bar's width (a lone bar may use some of the gap); sideways, within the plot.
fn place_label(
    a: &Axes,
    m: &BarMark,
    band: (i32, i32),
    thickness: f64,
    ns: usize,
) -> Option<Label> {
    m.value?;
    let width = text_width(&m.label, VALUE_PX);
    let (v0, v1) = (a.v(m.from), a.v(m.to));
    let centre = (band.0 + band.1) / 2;
    match a.orient {
        Orient::Upright => {
            let room = if ns == 1 {
                thickness + a.slot * 0.3
            } else {
                thickness - 1.0
            };
            if width > room {
                return None;
            }
            let (top, bottom) = (v0.min(v1), v0.max(v1));
            // Above a bar that stops just under zero the label would sit on the zero line
            // (a waterfall step below zero); it goes under the bar instead.
            let on_zero = a
                .scale
                .contains_zero()
                .then(|| a.v(Decimal::ZERO))
                .is_some_and(|z| z < top && z >= top - 3 - VALUE_PX as i32 - 1);
            let (end, dy, v) = if m.forward && !on_zero {
                (top, -3, VPos::Bottom)
            } else {
                (bottom, 3, VPos::Top)
            };
            Some(Label {
                at: (centre, end + dy),
                h: HPos::Center,
                v,
            })
        }
        Orient::Sideways => {
            if thickness < VALUE_PX - 2.0 {
                return None;
            }
            let (end, room) = if m.forward {
                (v0.max(v1), a.right - v0.max(v1))
            } else {
                (v0.min(v1), v0.min(v1) - a.left)
            };
            if f64::from(room) < width + 4.0 {
                return None;
            }
            let (x, h) = if m.forward {
                (end + 4, HPos::Left)
            } else {
                (end - 4, HPos::Right)
            };
            Some(Label {
                at: (x, centre),
                h,
                v: VPos::Center,
            })
        }
    }
}

/// How much of a category's slot its bars take: a single bar is capped at `single_max` px,
/// a group at `per_series_max` px per bar, so two categories do not draw slabs.
fn group_width(slot: f64, series: usize, single_max: f64, per_series_max: f64) -> f64 {
    let w = if series == 1 {
        (slot * 0.62).min(single_max)
    } else {
        (slot * 0.78).min(per_series_max * series as f64)
    };
    w.max(1.0)
}

/// The extent of bar `j` of `series` in a group `group` px wide centred at `centre`, along the
/// category axis; bars wider than 8 px keep a pixel of white between them.
fn bar_extent(centre: i32, group: f64, series: usize, j: usize) -> (i32, i32) {
    let bw = group / series.max(1) as f64;
    let gap = if bw > 8.0 { 1 } else { 0 };
    let g0 = f64::from(centre) - group / 2.0;
    let a = (g0 + bw * j as f64).round() as i32 + gap;
    let b = ((g0 + bw * (j + 1) as f64).round() as i32 - gap).max(a + 1);
    (a, b)
}

pub(super) fn lines_series(p: &mut Painter, spec: &ChartSpec, a: &Axes) -> Drawn {
    let base = if a.scale.contains_zero() {
        a.v(Decimal::ZERO)
    } else {
        a.bottom
    };
    // A rule between runs of periods shows where the lines stop on purpose.
    for &b in &spec.breaks {
        let x = a.band(b, 0.0);
        p.line(vec![(x, a.top), (x, a.bottom)], CONNECTOR, 1)?;
    }
    for (j, s) in spec.series.iter().enumerate() {
        let color = series_color(j);
        // Absent values break the line rather than bridging a gap the release left, and so
        // does a change of period length (the spec's breaks).
        let mut run: Vec<(i32, i32)> = Vec::new();
        for (i, v) in s.values.iter().enumerate() {
            if v.is_none() || spec.breaks.contains(&i) {
                if run.len() > 1 {
                    p.line(std::mem::take(&mut run), color, 2)?;
                }
                run.clear();
            }
            if let Some(v) = v {
                run.push((a.band(i, 0.5), a.v(*v)));
            }
        }
        if run.len() > 1 {
            p.line(run, color, 2)?;
        }
    }
    let single = spec.series.len() == 1;
    for (j, s) in spec.series.iter().enumerate() {
        for (i, v) in s.values.iter().enumerate() {
            let x = a.band(i, 0.5);
            let Some(v) = *v else {
                let hit = p.hit(
                    (x - 6, base - 12, x + 6, base),
                    "hit",
                    readout(spec, j, i, "not reported"),
                );
                hit.data = data(j, i, None);
                continue;
            };
            let y = a.v(v);
            p.marker(j, (x, y), series_color(j))?;
            if single {
                point_label(p, a, s, i, v)?;
            }
            let hit = p.hit(
                (x - 7, y - 7, x + 7, y + 7),
                "hit",
                readout(spec, j, i, &format_value(v)),
            );
            hit.data = data(j, i, Some(v));
        }
    }
    Ok(())
}

/// A single line's value label: above the point, or below it in a valley when there is
/// room, on a white patch so the line does not run through the digits.
fn point_label(p: &mut Painter, a: &Axes, s: &crate::chart::Series, i: usize, v: Decimal) -> Drawn {
    let (x, y) = (a.band(i, 0.5), a.v(v));
    let neighbour = |k: Option<usize>| {
        k.and_then(|k| s.values.get(k).copied().flatten())
            .map(|v| a.v(v))
    };
    let neighbours = [neighbour(i.checked_sub(1)), neighbour(Some(i + 1))];
    let valley = neighbours.iter().flatten().all(|&ny| ny < y)
        && neighbours.iter().any(Option::is_some)
        && y + 24 < a.bottom;
    let label = format_value(v);
    let label_px = text_width(&label, VALUE_PX);
    if label_px > a.slot - 4.0 {
        return Ok(());
    }
    let (ly, vpos) = if valley {
        (y + 9, VPos::Top)
    } else {
        (y - 9, VPos::Bottom)
    };
    let half = (label_px / 2.0).ceil() as i32 + 2;
    let patch = if valley {
        (x - half, ly, x + half, ly + 13)
    } else {
        (x - half, ly - 13, x + half, ly)
    };
    p.rect(patch, WHITE)?;
    p.text(
        &label,
        (x, ly),
        TextOpts::new(VALUE_PX, INK).anchor(HPos::Center, vpos),
    )
}
