//! The painter (plotters' drawing area with the hover targets it collects) and the chart's
//! frame: header, legend, footer and the message an undrawable chart shows.

use crate::chart::spec::{ChartKind, ChartSpec};
use crate::chart::text::{fit, printable, text_width, wrap};
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters::style::FontTransform;

use super::*;

/// An invisible hover target with its read-out.
pub(super) struct Hit {
    pub(super) rect: (i32, i32, i32, i32),
    pub(super) class: &'static str,
    pub(super) title: String,
    pub(super) data: Vec<(&'static str, String)>,
}

pub(super) struct Painter<'a, 'b> {
    pub(super) area: &'a DrawingArea<SvgOut<'b>, Shift>,
    pub(super) hits: &'a mut Vec<Hit>,
}

#[derive(Clone, Copy)]
pub(super) struct TextOpts {
    px: f64,
    color: RGBColor,
    h: HPos,
    v: VPos,
    bold: bool,
    rotate: bool,
}

impl TextOpts {
    pub(super) fn new(px: f64, color: RGBColor) -> Self {
        TextOpts {
            px,
            color,
            h: HPos::Left,
            v: VPos::Center,
            bold: false,
            rotate: false,
        }
    }
    pub(super) fn anchor(self, h: HPos, v: VPos) -> Self {
        TextOpts { h, v, ..self }
    }
    fn bold(self) -> Self {
        TextOpts { bold: true, ..self }
    }
    pub(super) fn rotated(self) -> Self {
        TextOpts {
            rotate: true,
            ..self
        }
    }
}

impl Painter<'_, '_> {
    pub(super) fn rect(
        &mut self,
        (x0, y0, x1, y1): (i32, i32, i32, i32),
        color: RGBColor,
    ) -> Drawn {
        let (x0, x1) = (x0.min(x1), x0.max(x1));
        let (y0, y1) = (y0.min(y1), y0.max(y1).max(y0.min(y1) + 1));
        self.area
            .draw(&Rectangle::new([(x0, y0), (x1, y1)], color.filled()))
            .map_err(|_| Failed)
    }

    pub(super) fn line(&mut self, points: Vec<(i32, i32)>, color: RGBColor, width: u32) -> Drawn {
        self.area
            .draw(&PathElement::new(points, color.stroke_width(width)))
            .map_err(|_| Failed)
    }

    pub(super) fn text(&mut self, s: &str, (x, y): (i32, i32), o: TextOpts) -> Drawn {
        if s.is_empty() {
            return Ok(());
        }
        // Plotters writes font-size as size / 1.24; our sizes are whole pixels.
        let mut font = FontDesc::new(
            FontFamily::Name(FONT),
            o.px * 1.24,
            if o.bold {
                FontStyle::Bold
            } else {
                FontStyle::Normal
            },
        );
        if o.rotate {
            font = font.transform(FontTransform::Rotate270);
        }
        let style = font.color(&o.color).pos(Pos::new(o.h, o.v));
        self.area
            .draw_text(&printable(s), &style, (x, y))
            .map_err(|_| Failed)
    }

    pub(super) fn marker(&mut self, shape: usize, (x, y): (i32, i32), color: RGBColor) -> Drawn {
        let halo = WHITE.filled();
        let fill = color.filled();
        let draw = |e: Result<(), _>| e.map_err(|_| Failed);
        match shape % 4 {
            0 => {
                draw(self.area.draw(&Circle::new((x, y), 6, halo)))?;
                draw(self.area.draw(&Circle::new((x, y), 4, fill)))
            }
            1 => {
                draw(
                    self.area
                        .draw(&Rectangle::new([(x - 5, y - 5), (x + 5, y + 5)], halo)),
                )?;
                draw(
                    self.area
                        .draw(&Rectangle::new([(x - 4, y - 4), (x + 4, y + 4)], fill)),
                )
            }
            2 => {
                let tri = |r: i32| vec![(x, y - r - 1), (x + r, y + r - 1), (x - r, y + r - 1)];
                draw(self.area.draw(&Polygon::new(tri(7), halo)))?;
                draw(self.area.draw(&Polygon::new(tri(5), fill)))
            }
            _ => {
                let dia = |r: i32| vec![(x, y - r), (x + r, y), (x, y + r), (x - r, y)];
                draw(self.area.draw(&Polygon::new(dia(7), halo)))?;
                draw(self.area.draw(&Polygon::new(dia(5), fill)))
            }
        }
    }

    pub(super) fn hit(
        &mut self,
        rect: (i32, i32, i32, i32),
        class: &'static str,
        title: String,
    ) -> &mut Hit {
        self.hits.push(Hit {
            rect,
            class,
            title,
            data: Vec::new(),
        });
        let last = self.hits.len() - 1;
        &mut self.hits[last]
    }

    /// A label shortened to fit, with its full text as a hover read-out when it was cut.
    pub(super) fn label_hit(&mut self, full: &str, shown: &[String], rect: (i32, i32, i32, i32)) {
        if is_cut(shown, full) {
            self.hit(rect, "label-hit", full.to_string());
        }
    }
}

pub(super) fn draw(p: &mut Painter, spec: &ChartSpec, w: i32, h: i32) -> Drawn {
    p.area.fill(&WHITE).map_err(|_| Failed)?;
    let top = header(p, spec, w)?;
    let bottom = footer(p, spec, w, h)?;
    let frame = Frame {
        left: PAD,
        right: w - PAD,
        top,
        bottom: bottom.max(top + 40),
    };
    if let Err(e) = spec.validate() {
        return message(p, &frame, "This chart cannot be drawn.", &e.to_string());
    }
    if spec.categories.is_empty() || spec.is_empty() {
        return message(
            p,
            &frame,
            "No data",
            "The release prints no figures for this chart.",
        );
    }
    plot(p, spec, &frame)
}

/// The pixel box left for the plot and its labels.
pub(super) struct Frame {
    pub(super) left: i32,
    pub(super) right: i32,
    pub(super) top: i32,
    pub(super) bottom: i32,
}

/// Title, subtitle · unit, legend. Returns the y below them.
fn header(p: &mut Painter, spec: &ChartSpec, w: i32) -> Result<i32, Failed> {
    let width = f64::from(w - 2 * PAD);
    let mut y = PAD;
    let title = if spec.title.trim().is_empty() {
        "Untitled chart"
    } else {
        spec.title.as_str()
    };
    let lines = wrap(&printable(title), TITLE_PX, width, 2);
    let title_top = y;
    for line in &lines {
        p.text(
            line,
            (PAD, y),
            TextOpts::new(TITLE_PX, INK)
                .anchor(HPos::Left, VPos::Top)
                .bold(),
        )?;
        y += 20;
    }
    p.label_hit(title, &lines, (PAD, title_top, w - PAD, y));
    let sub = [spec.subtitle.trim(), spec.unit.trim()]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" · ");
    if !sub.is_empty() {
        let lines = wrap(&printable(&sub), SUB_PX, width, 2);
        let sub_top = y;
        for line in &lines {
            p.text(
                line,
                (PAD, y + 1),
                TextOpts::new(SUB_PX, MUTED).anchor(HPos::Left, VPos::Top),
            )?;
            y += 16;
        }
        p.label_hit(&sub, &lines, (PAD, sub_top, w - PAD, y));
        y += 2;
    }
    y = legend(p, spec, w, y + 4)?;
    Ok(y + 6)
}

enum Mark {
    Box(RGBColor),
    Line(RGBColor, usize),
}

fn legend(p: &mut Painter, spec: &ChartSpec, w: i32, mut y: i32) -> Result<i32, Failed> {
    let items: Vec<(String, Mark)> = match spec.kind {
        ChartKind::Waterfall if !spec.is_empty() => vec![
            ("Increase".into(), Mark::Box(INCREASE)),
            ("Decrease".into(), Mark::Box(DECREASE)),
            ("Total".into(), Mark::Box(TOTAL)),
        ],
        ChartKind::Waterfall | ChartKind::Bar => Vec::new(),
        _ if spec.series.len() < 2 => Vec::new(),
        kind => spec
            .series
            .iter()
            .enumerate()
            .map(|(i, s)| {
                let mark = if kind == ChartKind::Line {
                    Mark::Line(series_color(i), i)
                } else {
                    Mark::Box(series_color(i))
                };
                (s.name.clone(), mark)
            })
            .collect(),
    };
    if items.is_empty() {
        return Ok(y);
    }
    let mut x = PAD;
    let row_width = f64::from(w - 2 * PAD);
    y += 2;
    for (name, mark) in items {
        let name = if name.trim().is_empty() {
            "(unnamed)".to_string()
        } else {
            name
        };
        let shown = fit(
            &printable(&name),
            LABEL_PX,
            (row_width - 26.0).min(row_width * 0.6),
        );
        let item_w = 22 + text_width(&shown, LABEL_PX).ceil() as i32 + 16;
        if x > PAD && x + item_w > w - PAD {
            x = PAD;
            y += 18;
        }
        let cy = y + 7;
        match mark {
            Mark::Box(c) => p.rect((x, cy - 6, x + 12, cy + 6), c)?,
            Mark::Line(c, shape) => {
                p.line(vec![(x - 2, cy), (x + 14, cy)], c, 2)?;
                p.marker(shape, (x + 6, cy), c)?;
            }
        }
        p.text(&shown, (x + 20, cy), TextOpts::new(LABEL_PX, INK))?;
        p.label_hit(&name, &[shown], (x, y, x + item_w - 16, y + 14));
        x += item_w;
    }
    Ok(y + 16)
}

/// "Source: …" on the bottom line. Returns the y above it.
fn footer(p: &mut Painter, spec: &ChartSpec, w: i32, h: i32) -> Result<i32, Failed> {
    let source = spec.source_line();
    if source.is_empty() {
        return Ok(h - PAD);
    }
    let full = format!("Source: {source}");
    let shown = fit(&printable(&full), SOURCE_PX, f64::from(w - 2 * PAD));
    let y = h - PAD + 2;
    p.text(
        &shown,
        (PAD, y),
        TextOpts::new(SOURCE_PX, MUTED).anchor(HPos::Left, VPos::Bottom),
    )?;
    p.label_hit(&full, &[shown], (PAD, y - 14, w - PAD, y));
    Ok(y - 20)
}

fn message(p: &mut Painter, f: &Frame, headline: &str, detail: &str) -> Drawn {
    let cx = (f.left + f.right) / 2;
    let cy = (f.top + f.bottom) / 2;
    p.rect(
        (f.left, f.top, f.right, f.bottom),
        RGBColor(0xF6, 0xF6, 0xF6),
    )?;
    let width = f64::from(f.right - f.left - 24);
    let head = fit(headline, TITLE_PX, width);
    p.text(
        &head,
        (cx, cy - 12),
        TextOpts::new(TITLE_PX, INK)
            .anchor(HPos::Center, VPos::Center)
            .bold(),
    )?;
    let shown = fit(detail, LABEL_PX, width);
    p.text(
        &shown,
        (cx, cy + 12),
        TextOpts::new(LABEL_PX, MUTED).anchor(HPos::Center, VPos::Center),
    )?;
    p.label_hit(detail, &[shown], (f.left, cy, f.right, cy + 24));
    Ok(())
}
