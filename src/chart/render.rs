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

use super::scale::{nice_scale, to_f64, Scale};
use super::spec::{ChartKind, ChartSpec, Step};
use super::text::{fit, format_change, format_value, printable, text_width, wrap, xml_escape};
use super::waterfall;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters::style::FontTransform;
use plotters_backend::{
    BackendColor, BackendCoord, DrawingErrorKind, FontStyle as BackendFontStyle,
};
use rust_decimal::Decimal;
use std::fmt::Write as _;

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

/// Plotters' drawing backend for our charts: SVG elements into a String, as plotters' own SVG
/// backend writes them (byte for byte for what we draw), with whole-pixel coordinates and font
/// sizes and integer formatting only.
struct SvgOut<'a> {
    out: &'a mut String,
    size: (u32, u32),
    open: bool,
}

impl<'a> SvgOut<'a> {
    fn new(out: &'a mut String, (w, h): (u32, u32)) -> Self {
        let _ = writeln!(
            out,
            "<svg width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" xmlns=\"http://www.w3.org/2000/svg\">"
        );
        SvgOut {
            out,
            size: (w, h),
            open: true,
        }
    }

    /// One self-closing element, `<tag attrs/>`, unless its colour is invisible; `attrs` gets
    /// the colour's opacity and `#RRGGBB`.
    fn put(
        &mut self,
        c: BackendColor,
        tag: &str,
        attrs: impl FnOnce(&str, &str) -> String,
    ) -> Result<(), DrawingErrorKind<std::fmt::Error>> {
        if c.alpha > 0.0 {
            let attrs = attrs(&opacity(c), &hex(c));
            let _ = writeln!(self.out, "<{tag} {attrs}/>");
        }
        Ok(())
    }
}

/// `#RRGGBB`.
fn hex(c: BackendColor) -> String {
    format!("#{:02X}{:02X}{:02X}", c.rgb.0, c.rgb.1, c.rgb.2)
}

/// An opacity in thousandths ("1", "0.5"), without float formatting.
fn opacity(c: BackendColor) -> String {
    let m = (c.alpha.clamp(0.0, 1.0) * 1000.0).round() as u32;
    if m >= 1000 {
        "1".into()
    } else {
        format!("0.{m:03}").trim_end_matches('0').to_string()
    }
}

/// `x,y x,y ` for a `points` attribute.
fn points<I: IntoIterator<Item = BackendCoord>>(path: I) -> String {
    let mut s = String::new();
    for (x, y) in path {
        let _ = write!(s, "{x},{y} ");
    }
    s
}

impl plotters::prelude::DrawingBackend for SvgOut<'_> {
    type ErrorType = std::fmt::Error;

    fn get_size(&self) -> (u32, u32) {
        self.size
    }

    fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        Ok(())
    }

    fn present(&mut self) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        if std::mem::take(&mut self.open) {
            self.out.push_str("</svg>\n");
        }
        Ok(())
    }

    fn draw_pixel(
        &mut self,
        (x, y): BackendCoord,
        c: BackendColor,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.put(c, "rect", |o, h| {
            format!("x=\"{x}\" y=\"{y}\" width=\"1\" height=\"1\" stroke=\"none\" opacity=\"{o}\" fill=\"{h}\"")
        })
    }

    fn draw_line<S: plotters_backend::BackendStyle>(
        &mut self,
        (x1, y1): BackendCoord,
        (x2, y2): BackendCoord,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        let w = style.stroke_width();
        self.put(style.color(), "line", |o, h| {
            format!("opacity=\"{o}\" stroke=\"{h}\" stroke-width=\"{w}\" x1=\"{x1}\" y1=\"{y1}\" x2=\"{x2}\" y2=\"{y2}\"")
        })
    }

    fn draw_rect<S: plotters_backend::BackendStyle>(
        &mut self,
        (x0, y0): BackendCoord,
        (x1, y1): BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        let (w, h) = (x1 - x0, y1 - y0);
        self.put(style.color(), "rect", |o, c| {
            let (fill, stroke) = if fill { (c, "none") } else { ("none", c) };
            format!("x=\"{x0}\" y=\"{y0}\" width=\"{w}\" height=\"{h}\" opacity=\"{o}\" fill=\"{fill}\" stroke=\"{stroke}\"")
        })
    }

    fn draw_path<S: plotters_backend::BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        let (w, pts) = (style.stroke_width(), points(path));
        self.put(style.color(), "polyline", |o, h| {
            format!("fill=\"none\" opacity=\"{o}\" stroke=\"{h}\" stroke-width=\"{w}\" points=\"{pts}\"")
        })
    }

    fn fill_polygon<S: plotters_backend::BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        let pts = points(path);
        self.put(style.color(), "polygon", |o, h| {
            format!("opacity=\"{o}\" fill=\"{h}\" points=\"{pts}\"")
        })
    }

    fn draw_circle<S: plotters_backend::BackendStyle>(
        &mut self,
        (x, y): BackendCoord,
        r: u32,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        let w = style.stroke_width();
        self.put(style.color(), "circle", |o, c| {
            let (stroke, fill) = if fill { ("none", c) } else { (c, "none") };
            format!("cx=\"{x}\" cy=\"{y}\" r=\"{r}\" opacity=\"{o}\" fill=\"{fill}\" stroke=\"{stroke}\" stroke-width=\"{w}\"")
        })
    }

    fn draw_text<T: plotters_backend::BackendTextStyle>(
        &mut self,
        text: &str,
        style: &T,
        (x, y): BackendCoord,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        let c = style.color();
        if c.alpha <= 0.0 {
            return Ok(());
        }
        let anchor = match style.anchor().h_pos {
            HPos::Left => "start",
            HPos::Right => "end",
            HPos::Center => "middle",
        };
        let dy = match style.anchor().v_pos {
            VPos::Top => "0.76em",
            VPos::Center => "0.5ex",
            VPos::Bottom => "-0.5ex",
        };
        // Our sizes are whole pixels, handed over as px * 1.24 (see `Painter::text`).
        let px = (style.size() / 1.24).round() as i64;
        let _ = write!(
            self.out,
            "<text x=\"{x}\" y=\"{y}\" dy=\"{dy}\" text-anchor=\"{anchor}\" font-family=\"{}\" font-size=\"{px}\" opacity=\"{}\" fill=\"{}\"",
            xml_escape(style.family().as_str()),
            opacity(c),
            hex(c)
        );
        match style.style() {
            BackendFontStyle::Normal => {}
            BackendFontStyle::Bold => self.out.push_str(" font-weight=\"bold\""),
            other => {
                let _ = write!(self.out, " font-style=\"{}\"", other.as_str());
            }
        }
        let turn = match style.transform() {
            FontTransform::Rotate90 => 90,
            FontTransform::Rotate180 => 180,
            FontTransform::Rotate270 => 270,
            FontTransform::None => 0,
        };
        if turn != 0 {
            let _ = write!(self.out, " transform=\"rotate({turn}, {x}, {y})\"");
        }
        self.out.push_str(">\n");
        self.out.push_str(&xml_escape(text));
        self.out.push_str("\n</text>\n");
        Ok(())
    }
}

/// An invisible hover target with its read-out.
struct Hit {
    rect: (i32, i32, i32, i32),
    class: &'static str,
    title: String,
    data: Vec<(&'static str, String)>,
}

struct Painter<'a, 'b> {
    area: &'a DrawingArea<SvgOut<'b>, Shift>,
    hits: &'a mut Vec<Hit>,
}

#[derive(Clone, Copy)]
struct TextOpts {
    px: f64,
    color: RGBColor,
    h: HPos,
    v: VPos,
    bold: bool,
    rotate: bool,
}

impl TextOpts {
    fn new(px: f64, color: RGBColor) -> Self {
        TextOpts {
            px,
            color,
            h: HPos::Left,
            v: VPos::Center,
            bold: false,
            rotate: false,
        }
    }
    fn anchor(self, h: HPos, v: VPos) -> Self {
        TextOpts { h, v, ..self }
    }
    fn bold(self) -> Self {
        TextOpts { bold: true, ..self }
    }
    fn rotated(self) -> Self {
        TextOpts {
            rotate: true,
            ..self
        }
    }
}

impl Painter<'_, '_> {
    fn rect(&mut self, (x0, y0, x1, y1): (i32, i32, i32, i32), color: RGBColor) -> Drawn {
        let (x0, x1) = (x0.min(x1), x0.max(x1));
        let (y0, y1) = (y0.min(y1), y0.max(y1).max(y0.min(y1) + 1));
        self.area
            .draw(&Rectangle::new([(x0, y0), (x1, y1)], color.filled()))
            .map_err(|_| Failed)
    }

    fn line(&mut self, points: Vec<(i32, i32)>, color: RGBColor, width: u32) -> Drawn {
        self.area
            .draw(&PathElement::new(points, color.stroke_width(width)))
            .map_err(|_| Failed)
    }

    fn text(&mut self, s: &str, (x, y): (i32, i32), o: TextOpts) -> Drawn {
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

    fn marker(&mut self, shape: usize, (x, y): (i32, i32), color: RGBColor) -> Drawn {
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

    fn hit(&mut self, rect: (i32, i32, i32, i32), class: &'static str, title: String) -> &mut Hit {
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
    fn label_hit(&mut self, full: &str, shown: &[String], rect: (i32, i32, i32, i32)) {
        if is_cut(shown, full) {
            self.hit(rect, "label-hit", full.to_string());
        }
    }
}

fn draw(p: &mut Painter, spec: &ChartSpec, w: i32, h: i32) -> Drawn {
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
struct Frame {
    left: i32,
    right: i32,
    top: i32,
    bottom: i32,
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

/// The read-out for one value: "Silver — Q3 2007: −4.91 USD per ounce".
fn readout(spec: &ChartSpec, series: usize, category: usize, value: &str) -> String {
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
enum Orient {
    Upright,
    Sideways,
}

/// The plot's geometry: the box, the value scale, the category bands and their labels.
struct Axes {
    orient: Orient,
    scale: Scale,
    left: i32,
    right: i32,
    top: i32,
    bottom: i32,
    /// The size of one category's band along the category axis.
    slot: f64,
    labels: Vec<Vec<String>>,
    label_px: f64,
    line_h: i32,
    /// The unit text, fitted, and where it goes.
    unit: Option<(String, (i32, i32))>,
}

impl Axes {
    /// The pixel of a value along the value axis.
    fn v(&self, v: Decimal) -> i32 {
        match self.orient {
            Orient::Upright => self.scale.px(to_f64(v), self.bottom, self.top),
            Orient::Sideways => self.scale.px(to_f64(v), self.left, self.right),
        }
    }

    /// The pixel at `frac` of category `i`'s band.
    fn band(&self, i: usize, frac: f64) -> i32 {
        let start = match self.orient {
            Orient::Upright => self.left,
            Orient::Sideways => self.top,
        };
        start + (self.slot * (i as f64 + frac)).round() as i32
    }

    /// A point from a category-axis and a value-axis pixel.
    fn at(&self, band: i32, value: i32) -> (i32, i32) {
        match self.orient {
            Orient::Upright => (band, value),
            Orient::Sideways => (value, band),
        }
    }

    /// A rectangle from extents along the category and value axes.
    fn rect(&self, (b0, b1): (i32, i32), (v0, v1): (i32, i32)) -> (i32, i32, i32, i32) {
        let (x0, y0) = self.at(b0, v0);
        let (x1, y1) = self.at(b1, v1);
        (x0, y0, x1, y1)
    }

    /// How many category labels had to be cut.
    fn cut_labels(&self, categories: &[String]) -> usize {
        self.labels
            .iter()
            .zip(categories)
            .filter(|(l, c)| is_cut(l, c))
            .count()
    }
}

/// Whether the shown lines leave out some of `full`.
fn is_cut(shown: &[String], full: &str) -> bool {
    let words: Vec<&str> = full.split(' ').filter(|w| !w.is_empty()).collect();
    shown.join(" ") != printable(&words.join(" "))
}

/// Categories along the bottom, values up the left.
/// `label_room` is the pixels to keep beyond the highest and lowest values for their labels.
fn upright_axes(
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
fn sideways_axes(spec: &ChartSpec, f: &Frame, values: &[Decimal]) -> Axes {
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

/// Gridlines and tick labels along the value axis, and the unit; drawn behind the data.
fn grid(p: &mut Painter, a: &Axes) -> Drawn {
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
fn category_labels(p: &mut Painter, a: &Axes, categories: &[String]) -> Drawn {
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

fn bars(p: &mut Painter, spec: &ChartSpec, a: &Axes, walk: &[waterfall::WalkStep]) -> Drawn {
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

fn lines_series(p: &mut Painter, spec: &ChartSpec, a: &Axes) -> Drawn {
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

/// How many values `<desc>` lists before pointing to the data table instead.
const DESC_MAX_VALUES: usize = 60;

/// Adds the root attributes, `<title>`/`<desc>` and the hover layer (see the module header).
fn finish(svg: String, spec: &ChartSpec, hits: &[Hit]) -> String {
    let title = if spec.title.trim().is_empty() {
        "Untitled chart"
    } else {
        spec.title.as_str()
    };
    let root_attrs = format!(
        "<svg class=\"assay-chart\" role=\"img\" aria-label=\"{}\" data-kind=\"{}\" ",
        xml_escape(title),
        kind_code(spec.kind)
    );
    let mut out = String::with_capacity(svg.len() + hits.len() * 160 + 512);
    let Some(rest) = svg.strip_prefix("<svg ") else {
        return svg;
    };
    let Some(open_end) = rest.find('>') else {
        return svg;
    };
    let (open, body) = rest.split_at(open_end + 1);
    out.push_str(&root_attrs);
    out.push_str(open);
    out.push_str(&format!(
        "\n<title>{}</title>\n<desc>{}</desc>",
        xml_escape(title),
        xml_escape(&describe(spec))
    ));
    let body = body.trim_end();
    let body = body.strip_suffix("</svg>").unwrap_or(body);
    out.push_str(body);
    out.push_str("<g class=\"assay-hits\" fill=\"#000\" fill-opacity=\"0\">\n");
    for hit in hits {
        let (x0, y0, x1, y1) = hit.rect;
        out.push_str(&format!(
            "<rect class=\"{}\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"",
            hit.class,
            x0.min(x1),
            y0.min(y1),
            (x1 - x0).abs(),
            (y1 - y0).abs()
        ));
        for (k, v) in &hit.data {
            out.push_str(&format!(" {k}=\"{}\"", xml_escape(v)));
        }
        out.push_str(&format!(
            "><title>{}</title></rect>\n",
            xml_escape(&hit.title)
        ));
    }
    out.push_str("</g>\n</svg>\n");
    out
}

/// The short code for a kind used in `data-kind` (also the serde name).
pub(crate) fn kind_code(kind: ChartKind) -> &'static str {
    match kind {
        ChartKind::Bar => "bar",
        ChartKind::GroupedBar => "grouped_bar",
        ChartKind::HorizontalBar => "horizontal_bar",
        ChartKind::Line => "line",
        ChartKind::Waterfall => "waterfall",
    }
}

/// The chart's text alternative: what it is, its period and unit, its source, and its values
/// when they are few.
fn describe(spec: &ChartSpec) -> String {
    let mut parts = vec![spec.kind.label().to_string()];
    if !spec.subtitle.trim().is_empty() {
        parts.push(spec.subtitle.trim().to_string());
    }
    if !spec.unit.trim().is_empty() {
        parts.push(format!("Unit: {}", spec.unit.trim()));
    }
    let source = spec.source_line();
    if !source.is_empty() {
        parts.push(format!("Source: {source}"));
    }
    let points = spec.categories.len() * spec.series.len();
    if points > 0 && points <= DESC_MAX_VALUES {
        let mut values: Vec<String> = Vec::with_capacity(points);
        for (j, s) in spec.series.iter().enumerate() {
            for (i, v) in s.values.iter().enumerate() {
                let v = v.map(format_value).unwrap_or_else(|| "not reported".into());
                values.push(readout(spec, j, i, &v));
            }
        }
        parts.push(format!("Values: {}", values.join("; ")));
    } else if points > DESC_MAX_VALUES {
        parts.push("The values are in the chart's data table".to_string());
    }
    parts.join(". ")
}
