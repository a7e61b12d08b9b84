//! Pages of positioned glyphs → laid-out text, one text line per line of print.
//!
//! HOW IT WORKS
//!
//! 1. Lines: glyphs are taken top to bottom; a glyph joins the line whose baseline is within
//!    a third of its size (so a raised footnote marker stays on its row).
//! 2. Words: along a line, a glyph that starts within 0.15 of its size of the previous one's
//!    end continues the word, unless a space glyph stands between; a wider gap is a space; a gap of about two characters or
//!    more separates cells.
//! 3. Columns: each page has a character width (its glyphs' median advance, a little less so
//!    that text fits); a cell is placed at the column its x gives, and a figure by its right
//!    edge (figures are right-aligned, their left edges wander with their digits). Cells are
//!    then two or more spaces apart, words of one cell one space apart: exactly what the
//!    fixed-width reader (`read/fixed.rs`) takes for columns and labels.
//! 4. Running headers and footers, the same text at the same height on most pages (digits
//!    aside, so "Page 3 of 12" is one text), are not read as rows.
//!
//! No PDF object reaches here: the input is plain data, so the app's lazy PDF module can hand
//! over glyphs from any reader.

use crate::sort;

/// One glyph: where it is drawn (x from the left, y of the baseline from the top, points), how
/// far it advances, its size, and its text (usually one character; ligatures give more).
#[derive(Clone, Debug, PartialEq)]
pub struct Glyph {
    pub x: f32,
    pub y: f32,
    pub advance: f32,
    pub size: f32,
    pub text: Box<str>,
}

/// One page's glyphs in drawing order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Page {
    pub width: f32,
    pub glyphs: Vec<Glyph>,
    /// The page could not be interpreted (a broken content stream or font).
    pub unreadable: bool,
}

/// The laid-out text and, for each page, the number of its first line (1-based).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Laid {
    pub text: String,
    pub pages: Vec<usize>,
}

/// A word (one cell's text or part of a label) on a line: left and right edges, and text.
struct Word {
    left: f32,
    right: f32,
    /// The gap before it, in points (0 for the first).
    gap: f32,
    size: f32,
    text: String,
}

struct Row {
    y: f32,
    words: Vec<Word>,
}

/// Lays out every page. Pages are separated by two blank lines, which also ends any table.
pub fn lay_out(pages: &[Page]) -> Laid {
    let rows: Vec<Vec<Row>> = pages.iter().map(rows).collect();
    let running = running_lines(&rows);
    let mut laid = Laid::default();
    let mut line = 1;
    for (p, (page, rows)) in pages.iter().zip(&rows).enumerate() {
        if p > 0 {
            laid.text.push_str("\n\n");
            line += 2;
        }
        laid.pages.push(line);
        let cw = char_width(page);
        let spacing = line_spacing(rows);
        let mut last_y: Option<f32> = None;
        for (i, row) in rows.iter().enumerate() {
            if running.contains(&(p, i)) {
                continue;
            }
            // A gap of more than one and a half lines is a blank line: paragraphs and tables
            // stand apart, as the fixed-width reader expects.
            if let Some(y) = last_y {
                if row.y - y > spacing * 1.6 {
                    laid.text.push('\n');
                    line += 1;
                }
            }
            last_y = Some(row.y);
            laid.text.push_str(&place(&row.words, cw));
            laid.text.push('\n');
            line += 1;
        }
    }
    laid
}

/// The glyphs of a page grouped into lines of words, top to bottom.
fn rows(page: &Page) -> Vec<Row> {
    let mut glyphs: Vec<&Glyph> = page
        .glyphs
        .iter()
        .filter(|g| g.size > 0.5 && !g.text.is_empty())
        .collect();
    sort::by(&mut glyphs, |a, b| a.y.total_cmp(&b.y));
    let mut lines: Vec<(f32, f32, Vec<&Glyph>)> = Vec::new();
    for g in glyphs {
        // Glyphs come top to bottom, so only the last few lines can be this glyph's.
        let from = lines.len().saturating_sub(4);
        let near = lines[from..]
            .iter()
            .rposition(|(y, size, _)| (g.y - y).abs() <= 0.35 * size.max(g.size))
            .map(|i| i + from);
        match near {
            Some(i) => lines[i].2.push(g),
            None => lines.push((g.y, g.size, vec![g])),
        }
    }
    lines
        .into_iter()
        .map(|(y, _, mut gs)| {
            sort::by(&mut gs, |a, b| a.x.total_cmp(&b.x));
            Row {
                y,
                words: words(&gs),
            }
        })
        .filter(|r| !r.words.is_empty())
        .collect()
}

/// Glyphs of one line, left to right → words.
fn words(glyphs: &[&Glyph]) -> Vec<Word> {
    let mut out: Vec<Word> = Vec::new();
    // A space drawn as a glyph between the word and the next glyph ends the word, however
    // narrow it is; one drawn over the word's letters (some producers do) does not.
    let mut space: Option<&Glyph> = None;
    for g in glyphs {
        if g.text.trim().is_empty() {
            space = Some(g);
            continue;
        }
        let right = g.x + g.advance.max(0.0);
        let spaced = space.take().is_some_and(|sp| {
            out.last().is_some_and(|w| sp.x >= w.right - 0.1 * sp.size)
                && g.x >= sp.x + sp.advance * 0.5
        });
        if let Some(w) = out.last_mut().filter(|_| !spaced) {
            // Bold faked by drawing a glyph twice, a hair apart: one glyph.
            if g.x - w.right < 0.0
                && w.text.ends_with(&*g.text)
                && g.x - (w.right - g.advance) < 0.2 * g.size
            {
                continue;
            }
            if g.x - w.right <= 0.15 * g.size.max(w.size) {
                w.text.push_str(&g.text);
                w.right = w.right.max(right);
                continue;
            }
        }
        let gap = out.last().map_or(0.0, |w| g.x - w.right);
        out.push(Word {
            left: g.x,
            right,
            gap,
            size: g.size,
            text: g.text.trim().to_string(),
        });
    }
    out
}

/// A line's words as text: words of one cell one space apart, cells two or more spaces apart
/// at the columns their positions give.
fn place(words: &[Word], cw: f32) -> String {
    let mut out = String::new();
    let mut col = 0usize;
    for (i, w) in words.iter().enumerate() {
        let len = w.text.chars().count();
        // A figure is placed by its right edge, anything else by its left.
        let ideal = if is_figure(&w.text) {
            ((w.right / cw).round() as usize).saturating_sub(len)
        } else {
            (w.left / cw).round() as usize
        };
        // Two figures side by side are two cells however close (tight tables print them a
        // space apart), unless the first ends a date's day ("June 30, 2023"); a figure half
        // a character clear of a label starts a cell too.
        let figure_cell = is_figure(&w.text)
            && words[i - 1.min(i)..i]
                .iter()
                .any(|p| (is_figure(&p.text) && !p.text.ends_with(',')) || w.gap >= 0.5 * w.size);
        let start = if i == 0 {
            ideal
        } else if w.gap < 0.9 * w.size && !figure_cell {
            col + 1
        } else {
            ideal.max(col + 2)
        };
        out.extend(std::iter::repeat_n(' ', start - col));
        out.push_str(&w.text);
        col = start + len;
    }
    out
}

/// Digits with the marks figures carry: `(1,234.5)`, `$2.26`, `-7%`, `53.482`.
fn is_figure(s: &str) -> bool {
    s.bytes().any(|b| b.is_ascii_digit())
        && s.chars()
            .all(|c| c.is_ascii_digit() || ",.()%$-–—".contains(c))
}

/// The page's character width: its glyphs' median advance per character, a tenth less so that
/// a line of text fits in the columns its positions give.
fn char_width(page: &Page) -> f32 {
    let mut w: Vec<f32> = page
        .glyphs
        .iter()
        .filter(|g| g.advance > 0.0 && g.text.chars().count() == 1 && g.text != " ".into())
        .map(|g| g.advance)
        .collect();
    if w.is_empty() {
        return 5.0;
    }
    sort::by(&mut w, |a, b| a.total_cmp(b));
    (w[w.len() / 2] * 0.9).max(1.0)
}

/// The usual distance between baselines on the page.
fn line_spacing(rows: &[Row]) -> f32 {
    let mut d: Vec<f32> = rows
        .windows(2)
        .map(|r| r[1].y - r[0].y)
        .filter(|d| *d > 0.0)
        .collect();
    if d.is_empty() {
        return 12.0;
    }
    sort::by(&mut d, |a, b| a.total_cmp(b));
    d[d.len() / 2]
}

/// The lines (page, row) that are running headers or footers: among a page's first and last
/// three lines, the same text (digits aside) at the same height on at least three pages and a
/// quarter of them (a report's statements and its MD&A often carry different ones).
fn running_lines(pages: &[Vec<Row>]) -> Vec<(usize, usize)> {
    if pages.len() < 3 {
        return Vec::new();
    }
    let key = |r: &Row| {
        let mut k = format!("{}|", (r.y / 2.0).round() as i64);
        let mut digit = false;
        for w in &r.words {
            for c in w.text.chars() {
                if c.is_ascii_digit() {
                    if !digit {
                        k.push('#');
                    }
                    digit = true;
                } else {
                    k.push(c);
                    digit = false;
                }
            }
            k.push(' ');
        }
        k
    };
    let mut candidates: Vec<(String, usize, usize)> = Vec::new();
    for (p, rows) in pages.iter().enumerate() {
        let n = rows.len();
        for i in (0..n).filter(|&i| i < 3 || i + 3 >= n) {
            // A scale statement repeated over each page's tables ("(in millions, except per
            // share data)") is their caption, not furniture: it stays.
            let text: Vec<&str> = rows[i].words.iter().map(|w| &w.text[..]).collect();
            if crate::read::units::caption_scale(&text.join(" ")).is_some() {
                continue;
            }
            candidates.push((key(&rows[i]), p, i));
        }
    }
    let mut order: Vec<usize> = (0..candidates.len()).collect();
    sort::by(&mut order, |&a, &b| candidates[a].0.cmp(&candidates[b].0));
    let mut out = Vec::new();
    let mut i = 0;
    while i < order.len() {
        let mut j = i;
        while j < order.len() && candidates[order[j]].0 == candidates[order[i]].0 {
            j += 1;
        }
        let mut on: Vec<usize> = order[i..j].iter().map(|&k| candidates[k].1).collect();
        sort::dedup(&mut on);
        if on.len() >= 3 && on.len() * 4 >= pages.len() {
            out.extend(
                order[i..j]
                    .iter()
                    .map(|&k| (candidates[k].1, candidates[k].2)),
            );
        }
        i = j;
    }
    out
}
