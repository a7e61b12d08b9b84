//! Our SVG backend for plotters: the markup of plotters' SVG backend for the primitives we
//! draw, with whole-pixel coordinates and integer formatting only.

use crate::chart::text::xml_escape;
use plotters::style::text_anchor::{HPos, VPos};
use plotters::style::FontTransform;
use plotters_backend::{
    BackendColor, BackendCoord, DrawingErrorKind, FontStyle as BackendFontStyle,
};
use std::fmt::Write as _;

/// Plotters' drawing backend for our charts: SVG elements into a String, as plotters' own SVG
/// backend writes them (byte for byte for what we draw), with whole-pixel coordinates and font
/// sizes and integer formatting only.
pub(super) struct SvgOut<'a> {
    out: &'a mut String,
    size: (u32, u32),
    open: bool,
}

impl<'a> SvgOut<'a> {
    pub(super) fn new(out: &'a mut String, (w, h): (u32, u32)) -> Self {
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
