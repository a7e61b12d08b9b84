//! Reading releases: bytes → text → [`Document`].
//!
//! The pipeline is: [`decode`] (UTF-8, else Windows-1252; refuse binary and oversize input) →
//! unwrap the container ([`wrapper`]: EDGAR SGML submissions, Markdown with YAML front
//! matter, Reuters SGML) into source lines that keep their original line numbers → find
//! tables ([`fixed`] for fixed-width text and code fences, [`pipe`] for Markdown pipe tables,
//! [`brief`] for "Shr 1.10 dlrs vs 90 cts" wire briefs) → interpret them with the shared
//! builder ([`table`]) → metadata and narrative ([`meta`]).
//!
//! The library does no I/O; the CLI and the app hand it bytes.

mod brief;
mod currency;
mod decode;
mod fixed;
mod html;
mod label;
mod meta;
pub mod number;
// The PDF reader: in the app only the PDF worker (`src/bin/assay-pdf.rs`) calls it, so the
// first-load wasm does not carry it; the page reads its answer with `read_laid_out`.
pub mod pdf;
mod period;
pub(crate) use period::{find_date, months as months_named};
mod pipe;
mod table;
mod units;
mod wrapper;

use std::fmt;

use crate::document::{Document, Paragraph, Period, Source, Table, Warning, SCHEMA};

use fixed::Line;

/// The largest input read, in bytes (5 MiB). Real releases are under 1 MB; EDGAR submissions
/// with every exhibit inline reach a few MB.
pub const MAX_INPUT_BYTES: usize = 5 * 1024 * 1024;

/// Why input could not be read at all. `Display` is one sentence for a person.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadError {
    Empty,
    Binary,
    TooLarge {
        bytes: usize,
    },
    /// A PDF that gave no text to read, and why.
    #[cfg(not(target_arch = "wasm32"))]
    Pdf(pdf::PdfError),
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReadError::Empty => write!(f, "The input is empty; give the text of an earnings release."),
            ReadError::Binary => write!(
                f,
                "The input is not text (it looks like a binary file such as an image or an archive); open the release as a PDF, HTML or plain text and try again."
            ),
            ReadError::TooLarge { bytes } => write!(
                f,
                "The input is {bytes} bytes, over the {} MiB limit; give the release document alone rather than a whole filing.",
                MAX_INPUT_BYTES >> 20
            ),
            #[cfg(not(target_arch = "wasm32"))]
            ReadError::Pdf(e) => e.fmt(f),
        }
    }
}

impl std::error::Error for ReadError {}

/// Decodes raw bytes to text (UTF-8, else Windows-1252), refusing empty, binary and
/// oversize input. `read_document` is this followed by `read_text`.
pub fn decode_text(input: &[u8]) -> Result<String, ReadError> {
    decode::decode(input).map(|(text, _)| text)
}

/// [`decode_text`], with the encoding found: `utf-8` or `windows-1252`, as a document's
/// `source.encoding` records it.
pub fn decode_text_and_encoding(input: &[u8]) -> Result<(String, &'static str), ReadError> {
    decode::decode(input)
}

/// Reads a release from raw bytes: text, HTML or (natively) a PDF.
pub fn read_document(input: &[u8]) -> Result<Document, ReadError> {
    #[cfg(not(target_arch = "wasm32"))]
    if is_pdf(input) {
        return read_pdf(input);
    }
    let (text, encoding) = decode::decode(input)?;
    let mut doc = read_text(&text);
    doc.source.encoding = encoding.to_string();
    doc.source.bytes = input.len();
    Ok(doc)
}

/// Why a picked file over the PDF reader's limit (the largest file read) is refused, unread,
/// by its size (a text over its own limit is refused once decoded, [`ReadError::TooLarge`]).
pub fn file_too_large(bytes: usize) -> String {
    format!(
        "the file is {bytes} bytes, over the {} MiB limit for a PDF ({} MiB for text).",
        pdf::MAX_PDF_BYTES >> 20,
        MAX_INPUT_BYTES >> 20
    )
}

/// A PDF file starts with `%PDF-` (readers accept it anywhere in the first KiB, after junk a
/// mail gateway or a download added).
pub fn is_pdf(input: &[u8]) -> bool {
    input[..input.len().min(1024)]
        .windows(5)
        .any(|w| w == b"%PDF-")
}

/// Reads a PDF: its text laid out from the glyphs' positions (`pdf::read`), then read as
/// fixed-width text. Source lines are lines of that text; `source.pages` says where each page
/// begins.
#[cfg(not(target_arch = "wasm32"))]
pub fn read_pdf(input: &[u8]) -> Result<Document, ReadError> {
    let laid = pdf::read(input).map_err(ReadError::Pdf)?;
    let mut doc = read_laid_out(&laid.text, &laid.pages, laid.decimal_comma);
    doc.source.bytes = input.len();
    Ok(doc)
}

/// A PDF's laid-out text (`pdf::read`'s [`PdfText`]) read as a document: the one step after
/// the PDF reader, shared by the CLI and the app (whose PDF worker sends the laid-out text, so
/// the page reads it exactly as `assay extract FILE.pdf` does). The caller sets `bytes`.
pub fn read_laid_out(text: &str, pages: &[usize], decimal_comma: bool) -> Document {
    let mut doc = read_text(text);
    doc.source.format = "pdf".to_string();
    doc.source.encoding = "pdf".to_string();
    doc.source.pages = pages.to_vec();
    doc.source.decimal_comma = decimal_comma;
    doc
}

/// A PDF as text: the laid-out lines, the first line of each page, and whether its figures
/// print a decimal comma (already rewritten in point form in `text`).
#[derive(Clone, Debug, PartialEq)]
pub struct PdfText {
    pub text: String,
    pub pages: Vec<usize>,
    pub decimal_comma: bool,
}

/// Reads a release from text. Never fails: text with no tables is a document with none and a
/// warning saying so.
pub fn read_text(text: &str) -> Document {
    read_as(text, false)
}

fn read_as(text: &str, force_html: bool) -> Document {
    let all: Vec<Line> = text
        .lines()
        .enumerate()
        .map(|(i, t)| Line { no: i + 1, text: t })
        .collect();
    let mut unwrapped = wrapper::unwrap(text, &all);
    if force_html && unwrapped.html.is_none() {
        unwrapped.format = wrapper::Format::Html;
        unwrapped.html = Some((0, all.len()));
        unwrapped.lines.clear();
    }
    let mut warnings = std::mem::take(&mut unwrapped.warnings);
    let format = unwrapped.format;
    // Each document of an EDGAR submission is read on its own (the press release first);
    // anything else is one document.
    let mut parts = vec![(
        unwrapped.document.take(),
        std::mem::take(&mut unwrapped.lines),
        unwrapped.html,
    )];
    for d in std::mem::take(&mut unwrapped.more) {
        parts.push((Some(d.kind), d.lines, d.html));
    }
    let mut raws: Vec<(Option<String>, table::RawTable)> = Vec::new();
    let mut brief_table = None;
    let mut narrative: Vec<Paragraph> = Vec::new();
    for (document, lines, html) in parts {
        let mut found = read_part(text, &all, &lines, html, format, &mut warnings);
        if brief_table.is_none() {
            brief_table = found.brief.take();
        }
        narrative.extend(found.narrative);
        raws.extend(found.raws.into_iter().map(|r| (document.clone(), r)));
    }

    let mut company = meta::company(&narrative);
    if company.name.is_none() {
        company.name = unwrapped
            .company
            .clone()
            .or_else(|| meta::registrant(&narrative));
    }
    company.cik = unwrapped.cik;
    company.tickers.extend(
        unwrapped
            .tickers
            .iter()
            .filter(|t| !company.tickers.contains(t))
            .cloned()
            .collect::<Vec<_>>(),
    );

    let mut tables: Vec<Table> = brief_table.into_iter().collect();
    for (document, raw) in raws {
        let ctx = table::Context {
            company: company.name.as_deref(),
            previous: tables.last().filter(|t| t.document == document),
        };
        let mut t = table::build(raw, &ctx);
        t.document = document;
        if t.rows.iter().all(|r| r.cells.iter().all(Option::is_none)) {
            continue;
        }
        tables.push(t);
    }
    for (i, t) in tables.iter_mut().enumerate() {
        t.id = format!("t{}", i + 1).into();
    }
    // An SEC filing is a US filer's; Reuters wrote "dlrs" for US dollars and named others.
    let us_filer = matches!(
        format,
        wrapper::Format::EdgarSubmission | wrapper::Format::ReutersBrief
    ) || meta::is_domestic_sec_form(&narrative);
    units::quoted_scales(&mut tables, &narrative);
    let money = currency::document_money(&company, &narrative, &tables, us_filer);
    currency::assign(&mut tables, money);
    if tables.is_empty() && warnings.is_empty() {
        warnings.push(Warning {
            line: None,
            message: "No tables were found in this text.".to_string(),
        });
    }

    let title = unwrapped
        .title
        .clone()
        .or_else(|| meta::headline(&narrative));
    let date = unwrapped.date.or_else(|| meta::release_date(&narrative));
    let period = main_period(&tables, meta::period_end(&narrative));
    Document {
        schema: SCHEMA.to_string(),
        source: Source {
            name: None,
            format: format.name().to_string(),
            encoding: "utf-8".to_string(),
            bytes: text.len(),
            pages: Vec::new(),
            decimal_comma: false,
        },
        company,
        title,
        date,
        period,
        tables,
        narrative,
        warnings,
    }
}

/// What one document of the input holds: its tables as found (in document order), its
/// narrative, and a wire brief's table.
struct Part {
    raws: Vec<table::RawTable>,
    narrative: Vec<Paragraph>,
    brief: Option<Table>,
}

fn read_part(
    text: &str,
    all: &[Line],
    lines: &[Line],
    html: Option<(usize, usize)>,
    format: wrapper::Format,
    warnings: &mut Vec<Warning>,
) -> Part {
    let mut in_table = vec![false; lines.len()];
    let mut raws: Vec<(usize, table::RawTable)> = Vec::new();
    let mut brief = None;
    let narrative = if let Some((from, to)) = html {
        let (src, first_line) = source_of(text, &all[from..to]);
        let found = html::read(src, first_line);
        warnings.extend(found.warnings);
        raws = found.tables.into_iter().map(|t| (t.line, t)).collect();
        found
            .blocks
            .into_iter()
            .map(|(line, text)| Paragraph::new(line, text))
            .collect()
    } else if format == wrapper::Format::ReutersBrief {
        if let Some((t, first, last)) = brief::read(lines) {
            in_table[first..=last].iter_mut().for_each(|b| *b = true);
            brief = Some(t);
        }
        meta::paragraphs(lines, &in_table)
    } else {
        // Pipe and tab grids first, then fixed-width tables; a table overlapping an earlier
        // one is dropped.
        let mut candidates = pipe::read(lines);
        candidates.extend(pipe::read_tabs(lines));
        for (from, to) in wrapper::fenced_or_all(lines, format) {
            for f in fixed::read(&lines[from..to]) {
                candidates.push((f.first + from, f.last + from, f.raw));
            }
        }
        for (first, last, found) in candidates {
            if in_table[first..=last].iter().any(|&b| b) {
                continue;
            }
            in_table[first..=last].iter_mut().for_each(|b| *b = true);
            raws.push((first, found));
        }
        meta::paragraphs(lines, &in_table)
    };
    crate::sort::by_key(&mut raws, |r| r.0);
    let mut raws: Vec<table::RawTable> = raws.into_iter().map(|r| r.1).collect();
    lead_scales(&mut raws, &narrative);
    Part {
        raws,
        narrative,
        brief,
    }
}

/// "The table below reconciles … (in thousands):": the sentence that leads into a table
/// states its scale when the table states none. Only the paragraph right above the table
/// (nothing else between them) and only one that ends with a colon, so a scale said about
/// something else earlier in the text never reaches a table.
fn lead_scales(raws: &mut [table::RawTable], narrative: &[Paragraph]) {
    // The table before: its last line and its own scale statement.
    let mut previous: Option<(usize, Option<String>)> = None;
    // The statement of the statement page the tables stand on: a caption's "(In millions,
    // except per share data)" holds for the tables under it that print no caption of their
    // own, across the explanatory paragraphs between them, until the next caption.
    let mut page: Option<String> = None;
    let mut next_paragraph = 0;
    let mut after = 0;
    for raw in raws.iter_mut() {
        // The first paragraph after the table, if it stands within five lines of its end.
        let end = table::last_line(raw);
        while narrative.get(after).is_some_and(|p| p.line <= end) {
            after += 1;
        }
        let trailing = narrative
            .get(after)
            .filter(|p| p.line <= end + 5)
            .and_then(|p| {
                let first = p
                    .line_starts
                    .first()
                    .map_or(&p.text[..], |&(at, _)| &p.text[..at]);
                units::trailing_statement(&p.text, first)
            });
        while let Some(p) = narrative.get(next_paragraph).filter(|p| p.line < raw.line) {
            // A caption with a statement starts a page; another heading ("Attachment 7",
            // "NON-IFRS FINANCIAL MEASURE RECONCILIATION") ends the one before; a paragraph
            // of prose leaves it.
            let t = p.text.trim();
            match units::caption_scale(t) {
                Some(statement) => page = Some(statement),
                None if t.len() < 100
                    && !t.ends_with(['.', ':'])
                    && t.chars().any(crate::case::is_alphanumeric)
                    && !label::is_footnote(t) =>
                {
                    page = None
                }
                None => {}
            }
            next_paragraph += 1;
        }
        let previous_end = previous.as_ref().map_or(0, |p| p.0);
        // The paragraph right above (a code fence's marker line is not one).
        let lead = narrative[..next_paragraph]
            .iter()
            .rev()
            .find(|p| p.text.chars().any(crate::case::is_alphanumeric))
            .filter(|p| p.line > previous_end);
        let own = table::own_scale_statement(raw);
        let mut this = (table::last_line(raw), own.clone());
        if own.is_none() {
            let from_lead = lead.and_then(|p| {
                let end = p.line_starts.last().map_or(p.line, |&(_, l)| l);
                let last = &p.text[p.line_starts.last().map_or(0, |&(at, _)| at)..];
                (raw.line - end <= 6)
                    .then(|| units::lead_scale_phrase(&p.text).or_else(|| units::caption_in(last)))
                    .flatten()
            });
            // "Dollars in millions" printed once over tables that follow one another with
            // nothing but a blank line between them holds for each of them.
            let from_previous = || match &previous {
                Some((end, Some(note))) if lead.is_none() && raw.line <= end + 3 => {
                    Some(format!("({note})"))
                }
                _ => None,
            };
            // A table with a caption of its own that states no scale opens a new page.
            let from_page = || {
                raw.title_lines
                    .is_empty()
                    .then(|| page.as_ref().map(|n| format!("({n})")))
                    .flatten()
            };
            // "All amounts are reported in millions of Canadian dollars …" or "Prices in Euro"
            // printed right under a table that states nothing above it.
            let from_after = || trailing.clone();
            if let Some(statement) = from_lead
                .or_else(from_after)
                .or_else(from_previous)
                .or_else(from_page)
            {
                // "The following tables set forth … (in thousands, unaudited):" over tables
                // that follow one another: what the first takes from the sentence holds for
                // the next ones too.
                this.1 = Some(label::strip_parens(&statement));
                raw.title_lines.push(statement);
            }
        }
        if !raw.title_lines.is_empty() {
            page = raw
                .title_lines
                .iter()
                .rev()
                .find_map(|t| units::caption_scale(t));
        }
        previous = Some(this);
    }
}

/// The text of `lines` (consecutive lines of `text`) as one slice, and its first line number.
fn source_of<'t>(text: &'t str, lines: &[Line]) -> (&'t str, usize) {
    let (Some(first), Some(last)) = (lines.first(), lines.last()) else {
        return ("", 1);
    };
    let base = text.as_ptr() as usize;
    let start = first.text.as_ptr() as usize - base;
    let end = last.text.as_ptr() as usize - base + last.text.len();
    (&text[start..end], first.no)
}

/// Reads an HTML document (a paste's `text/html` flavour): as [`read_text`], which also
/// recognises HTML by its content, but taking the input as HTML whatever it starts with.
pub fn read_html(html: &str) -> Document {
    read_as(html, true)
}

/// The period the release reports: the stated "period ended" date, with the shortest
/// column ending then; else the first dated column of the first table.
fn main_period(tables: &[Table], stated: Option<crate::document::Date>) -> Period {
    // "adjustments for the three-month period ended June 30, 2002": a date the text names
    // before any column ending later is a comparison, not the release's period.
    let columns = || tables.iter().flat_map(|t| &t.columns);
    let stated =
        stated.filter(|&d| !columns().any(|c| c.months.is_some() && c.end.is_some_and(|e| e > d)));
    let mut pick: Option<&crate::document::Column> = None;
    // With no stated date, the first table that dates its columns decides: a later table may
    // be a restatement schedule whose columns (and misprints) are not the release's period.
    let dated = |t: &&Table| {
        t.columns
            .iter()
            .any(|c| c.end.is_some() && c.months.is_some())
    };
    let first_dated = tables.iter().find(dated).map(|t| t.columns.as_slice());
    let candidates: Box<dyn Iterator<Item = &crate::document::Column>> = match (stated, first_dated)
    {
        (None, Some(cols)) => Box::new(cols.iter()),
        _ => Box::new(tables.iter().flat_map(|t| &t.columns)),
    };
    for c in candidates {
        let better = match stated {
            // The shortest column ending then (the first of equals).
            Some(end) => {
                c.end == Some(end) && c.months.is_some() && pick.is_none_or(|p| c.months < p.months)
            }
            // The newest dated column, the shortest of those (the first of equals): a release
            // reports its latest period, and the older columns are comparisons, in whichever
            // order a table prints them ("2023 | 2024").
            None => {
                c.end.is_some()
                    && c.months.is_some()
                    && pick.is_none_or(|p| c.end > p.end || (c.end == p.end && c.months < p.months))
            }
        };
        if better {
            pick = Some(c);
        }
    }
    match pick {
        Some(c) => Period {
            end: c.end,
            months: c.months,
            label: Some(c.label.to_string()),
        },
        None => Period {
            end: stated,
            months: None,
            label: None,
        },
    }
}
