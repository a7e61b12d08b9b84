//! HTML releases (EDGAR `.htm` exhibits, HTML inside `.txt` submissions, pasted web pages) →
//! narrative blocks and raw tables for the shared builder.
//!
//! HOW IT WORKS
//!
//! The `tl` crate parses the markup into a tree; this module walks the tree with an explicit
//! stack (a page of 10,000 nested tables must not overflow the call stack) and turns it into
//! the same grid of cell strings the pipe-table reader produces: each `<tr>` a row, each
//! `<td>`/`<th>` a cell at its column position (positions count `colspan`), text with
//! `&nbsp;` and entities decoded and whitespace collapsed. [`super::pipe::merge_cells`] then
//! joins a `$` or a `)` printed in a cell of its own with its value, and
//! [`super::pipe::grid`] finds the header rows and value columns, exactly as for text.
//!
//! TRAPS: EDGAR exhibits wrap every statement in layout tables (a table holding tables is
//! layout: only the innermost tables are read, the layout's own text becomes narrative);
//! cells are often left unclosed (`<td>` opens a cell and closes the previous one, as in
//! browsers); footnote markers sit in `<sup>` (short ones are dropped); headings are `<p>`
//! blocks just above the table.

use crate::document::Warning;

use super::pipe::{clean_cell, grid, is_title, merge_cells};
use super::table::RawTable;

/// What an HTML document holds, in document order.
pub(crate) struct Html {
    /// Text blocks outside tables (paragraphs, headings), with their source line.
    pub blocks: Vec<(usize, String)>,
    /// Tables with the index of the first block after them (where they sit in the text).
    pub tables: Vec<RawTable>,
    pub warnings: Vec<Warning>,
}

/// Tags whose start or end breaks a block of text.
fn is_block(name: &str) -> bool {
    matches!(
        name,
        "p" | "div"
            | "br"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "li"
            | "ul"
            | "ol"
            | "center"
            | "hr"
            | "body"
            | "blockquote"
            | "pre"
    )
}

/// A row being read: its line, its cells with their column positions, and the next position.
type OpenRow = (usize, Vec<(usize, String)>, usize);

/// A table being read.
#[derive(Default)]
struct Open {
    rows: Vec<(usize, Vec<(usize, String)>)>,
    row: Option<OpenRow>,
    cell: Option<(usize, String)>,
    /// Holds another table: a layout table.
    layout: bool,
    /// Text blocks before the table, for its title.
    title: Vec<String>,
    line: usize,
}

impl Open {
    fn close_cell(&mut self) {
        if let Some((span, text)) = self.cell.take() {
            let row = self.row.get_or_insert_with(|| (self.line, Vec::new(), 0));
            row.1.push((row.2, clean_cell(&text)));
            row.2 += span;
        }
    }

    fn close_row(&mut self) {
        self.close_cell();
        if let Some((line, cells, width)) = self.row.take() {
            // Positions → a dense row, so `merge_cells` sees each cell where it stands.
            let mut dense = vec![String::new(); width];
            for (pos, text) in cells {
                dense[pos] = text;
            }
            // Spacer rows (no text at all) carry no meaning in HTML.
            if dense.iter().any(|c| !c.is_empty()) {
                self.rows.push((line, merge_cells(dense.into_iter())));
            }
        }
    }
}

/// Source line of each byte offset.
struct Lines {
    starts: Vec<usize>,
    base: usize,
}

impl Lines {
    fn new(src: &str, base: usize) -> Lines {
        let mut starts = vec![0];
        starts.extend(src.match_indices('\n').map(|(i, _)| i + 1));
        Lines { starts, base }
    }

    fn at(&self, offset: usize) -> usize {
        self.base + self.starts.partition_point(|&s| s <= offset)
    }
}

/// Reads an HTML document; `first_line` is the source line `src` starts on.
pub(crate) fn read(src: &str, first_line: usize) -> Html {
    let mut out = Html {
        blocks: Vec::new(),
        tables: Vec::new(),
        warnings: Vec::new(),
    };
    let dom = match tl::parse(src, tl::ParserOptions::default()) {
        Ok(d) => d,
        Err(e) => {
            out.warnings.push(Warning {
                line: Some(first_line),
                message: format!("The HTML could not be parsed ({e}); no tables were read."),
            });
            return out;
        }
    };
    let parser = dom.parser();
    let lines = Lines::new(src, first_line.saturating_sub(1));
    let offset = |t: &tl::HTMLTag| {
        let (start, _) = t.boundaries(parser);
        lines.at(start)
    };

    enum Step {
        Enter(tl::NodeHandle),
        Leave(String),
    }
    let mut stack: Vec<Step> = dom
        .children()
        .iter()
        .rev()
        .map(|h| Step::Enter(*h))
        .collect();
    let mut tables: Vec<Open> = Vec::new();
    let mut block = String::new();
    let mut block_line = first_line;
    let mut skip = 0usize; // inside <script>, <style>, <head>
    let mut sup: Option<String> = None;
    let mut empty_tables = 0usize;
    let mut deepest = 0usize;
    let mut blocks_at_table = 0usize;

    fn flush(block: &mut String, line: usize, blocks: &mut Vec<(usize, String)>) {
        let t = clean_cell(block);
        if !t.is_empty() {
            blocks.push((line, t));
        }
        block.clear();
    }

    while let Some(step) = stack.pop() {
        match step {
            Step::Enter(h) => {
                let Some(node) = h.get(parser) else { continue };
                match node {
                    tl::Node::Tag(tag) => {
                        let name = utf8(tag.name()).to_ascii_lowercase();
                        if matches!(name.as_str(), "script" | "style" | "head" | "title") {
                            skip += 1;
                        }
                        let line = offset(tag);
                        match name.as_str() {
                            "table" => {
                                if let Some(outer) = tables.last_mut() {
                                    outer.layout = true;
                                    outer.close_cell();
                                } else {
                                    flush(&mut block, block_line, &mut out.blocks);
                                }
                                // The headings just above: the run of short blocks since
                                // the last table or paragraph (company, title, scale).
                                let since = &out.blocks[blocks_at_table.min(out.blocks.len())..];
                                let run = since.iter().rev().take_while(|b| is_title(&b.1)).count();
                                let title = since[since.len() - run.min(4)..]
                                    .iter()
                                    .map(|b| b.1.clone())
                                    .collect();
                                tables.push(Open {
                                    title,
                                    line,
                                    ..Open::default()
                                });
                                deepest = deepest.max(tables.len());
                            }
                            "tr" => {
                                if let Some(t) = tables.last_mut() {
                                    t.close_row();
                                    t.row = Some((line, Vec::new(), 0));
                                }
                            }
                            "td" | "th" => {
                                if let Some(t) = tables.last_mut() {
                                    t.close_cell();
                                    let span = tag
                                        .attributes()
                                        .get("colspan")
                                        .flatten()
                                        .and_then(|v| utf8(v).trim().parse::<usize>().ok())
                                        .unwrap_or(1)
                                        .clamp(1, 100);
                                    if t.row.is_none() {
                                        t.row = Some((line, Vec::new(), 0));
                                    }
                                    t.cell = Some((span, String::new()));
                                }
                            }
                            "sup" => sup = Some(String::new()),
                            n if is_block(n) && tables.is_empty() => {
                                flush(&mut block, block_line, &mut out.blocks);
                                block_line = line;
                            }
                            n if is_block(n) => {
                                if let Some((_, text)) =
                                    tables.last_mut().and_then(|t| t.cell.as_mut())
                                {
                                    text.push(' ');
                                }
                            }
                            _ => {}
                        }
                        stack.push(Step::Leave(name));
                        let children = tag.children();
                        let top: Vec<tl::NodeHandle> = children.top().iter().copied().collect();
                        stack.extend(top.into_iter().rev().map(Step::Enter));
                    }
                    tl::Node::Raw(bytes) if skip == 0 => {
                        let text = decode_entities(utf8(bytes));
                        if let Some(s) = sup.as_mut() {
                            s.push_str(&text);
                        } else if let Some(t) = tables.last_mut() {
                            if let Some((_, cell)) = t.cell.as_mut() {
                                cell.push_str(&text);
                            } else if !text.trim().is_empty() {
                                // Text between cells (a layout table's own words).
                                t.close_cell();
                                t.cell = Some((1, text));
                            }
                        } else {
                            let at = (bytes.as_bytes().as_ptr() as usize)
                                .checked_sub(src.as_ptr() as usize)
                                .filter(|&o| o <= src.len());
                            if let (true, Some(at)) = (block.trim().is_empty(), at) {
                                block_line = lines.at(at);
                            }
                            block.push_str(&text);
                        }
                    }
                    _ => {}
                }
            }
            Step::Leave(name) => {
                if matches!(name.as_str(), "script" | "style" | "head" | "title") {
                    skip = skip.saturating_sub(1);
                }
                match name.as_str() {
                    "td" | "th" => {
                        if let Some(t) = tables.last_mut() {
                            t.close_cell();
                        }
                    }
                    "tr" => {
                        if let Some(t) = tables.last_mut() {
                            t.close_row();
                        }
                    }
                    "sup" => {
                        // A footnote marker ("1", "(a)", "*") is dropped; longer text stays.
                        let text = sup.take().unwrap_or_default();
                        let t = text.trim().trim_matches(|c| c == '(' || c == ')');
                        if t.len() > 3 {
                            match tables.last_mut().and_then(|t| t.cell.as_mut()) {
                                Some((_, cell)) => cell.push_str(&text),
                                None => block.push_str(&text),
                            }
                        }
                    }
                    "table" => {
                        let Some(mut t) = tables.pop() else { continue };
                        t.close_row();
                        if t.layout {
                            // A layout table's own text reads as narrative.
                            for (line, cells) in t.rows {
                                for (_, text) in cells {
                                    out.blocks.push((line, text));
                                }
                            }
                            continue;
                        }
                        blocks_at_table = out.blocks.len();
                        let line = t.line;
                        match grid(line, t.title, t.rows, true, 0) {
                            Some(raw) => out.tables.push(raw),
                            None => empty_tables += 1,
                        }
                    }
                    n if is_block(n) && tables.is_empty() => {
                        flush(&mut block, block_line, &mut out.blocks);
                    }
                    _ => {}
                }
            }
        }
    }
    flush(&mut block, block_line, &mut out.blocks);
    // The parser closes what the end of input leaves open; count what the source left open.
    let (opened, closed) = table_tags(src);
    if opened > closed && tables.is_empty() {
        out.warnings.push(Warning {
            line: None,
            message: format!(
                "The HTML leaves {} table(s) unclosed; their rows were read up to the end.",
                opened - closed
            ),
        });
    }
    if !tables.is_empty() {
        out.warnings.push(Warning {
            line: None,
            message: format!(
                "The HTML leaves {} table(s) unclosed; their rows were read up to the end.",
                tables.len()
            ),
        });
        // Read what the unclosed tables hold, innermost first.
        while let Some(mut t) = tables.pop() {
            t.close_row();
            if !t.layout {
                out.tables.extend(grid(t.line, t.title, t.rows, true, 0));
            }
        }
    }
    if deepest > 50 {
        out.warnings.push(Warning {
            line: None,
            message: format!(
                "The HTML nests tables {deepest} deep; only the innermost tables were read."
            ),
        });
    }
    if out.tables.is_empty() && empty_tables > 0 {
        out.warnings.push(Warning {
            line: None,
            message: format!(
                "The HTML holds {empty_tables} table(s) but none with rows of values; no tables were read."
            ),
        });
    }
    out
}

/// The text of a slice of the source. tl cuts the source only at ASCII bytes (`<`, `>`,
/// quotes, spaces), so every slice is whole UTF-8; this reads it without tl's lossy
/// decoding, whose replacement machinery would be in the wasm for nothing.
fn utf8<'a>(b: &'a tl::Bytes<'_>) -> &'a str {
    std::str::from_utf8(b.as_bytes()).unwrap_or("")
}

/// How many `<table` and `</table` tags the source holds (any case).
fn table_tags(src: &str) -> (usize, usize) {
    let b = src.as_bytes();
    let (mut open, mut close) = (0, 0);
    for (i, _) in src.match_indices('<') {
        let rest = &b[i + 1..];
        let (closing, name) = match rest.first() {
            Some(b'/') => (true, &rest[1..]),
            _ => (false, rest),
        };
        if name.len() >= 5 && name[..5].eq_ignore_ascii_case(b"table") {
            if closing {
                close += 1;
            } else {
                open += 1;
            }
        }
    }
    (open, close)
}

/// Decodes the entities releases use (`&nbsp;`, `&#160;`, `&#x2014;`, `&amp;`, quotes and
/// dashes); a non-breaking space becomes a plain space. Unknown entities stay as printed.
pub(crate) fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.replace('\u{a0}', " ");
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let end = rest[1..].find(';').map(|e| e + 1).filter(|&e| e <= 10);
        let decoded = end.and_then(|e| entity(&rest[1..e]).map(|c| (c, e)));
        match decoded {
            Some((c, e)) => {
                out.push(c);
                rest = &rest[e + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out.replace('\u{a0}', " ")
}

fn entity(name: &str) -> Option<char> {
    if let Some(num) = name.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        // Windows-1252 codes written as numbers (`&#151;`) mean the Windows characters.
        let code = match code {
            146 => 0x2019,
            147 => 0x201c,
            148 => 0x201d,
            150 => 0x2013,
            151 => 0x2014,
            c => c,
        };
        return char::from_u32(code);
    }
    Some(match name {
        "nbsp" => ' ',
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "mdash" => '—',
        "ndash" => '–',
        "rsquo" => '’',
        "lsquo" => '‘',
        "rdquo" => '”',
        "ldquo" => '“',
        "bull" => '•',
        "middot" => '·',
        "reg" => '®',
        "trade" => '™',
        "copy" => '©',
        "eacute" => 'é',
        "aacute" => 'á',
        _ => return None,
    })
}
