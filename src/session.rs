//! The explorer's state and every change to it, as a pure reducer: what is in the paste box,
//! the document read from it, the message shown to the user. The Yew shell (`app`) dispatches
//! [`Action`]s and draws the [`Session`]; nothing here touches the browser, so the whole
//! interaction logic is tested natively.

use std::rc::Rc;

use crate::analyze::{analyze, Analysis};
use crate::chart::{ChartKind, ChartSpec};
use crate::document::Document;
use crate::figures::{document_charts, key_figures, rows_chart, FigureChart, KeyFigure};
use crate::read::{decode_text_and_encoding, is_pdf, read_document, read_laid_out, ReadError};
use crate::share::{hash_body, ShareError, SharePayload};
use crate::view::{changes, table_columns, Changes, TableColumn};

/// Everything the page shows, derived from what the user did.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Session {
    /// The text in the paste box. Kept across reloads; never discarded by a failed read.
    /// Shared (up to 5 MiB): every action makes a new session, and none copies the text.
    pub input: Rc<String>,
    /// Where the text came from, for the header ("pasted text", a file name, "sample").
    pub source: String,
    /// The document read from `input`, if reading succeeded.
    pub document: Option<Rc<Document>>,
    /// The text the document was read from (the HTML of a pasted web page, which the box
    /// shows as plain text): what a share link may carry.
    pub release: Option<Rc<String>>,
    /// Its metrics and checks.
    pub analysis: Option<Rc<Analysis>>,
    /// The charts the document supports.
    pub figures: Rc<Vec<FigureChart>>,
    /// Its headline figures (mining releases).
    pub key_figures: Rc<Vec<KeyFigure>>,
    /// The columns each table is shown with (change columns included), in table order.
    pub columns: Rc<Vec<Vec<TableColumn>>>,
    /// The change cells the tables show.
    pub changes: Rc<Changes>,
    /// The row the reader is looking at (from a click on a cell or on a check's evidence):
    /// it is highlighted and its source line shown.
    pub focus: Option<Focus>,
    /// What to tell the user after their last action.
    pub notice: Option<Notice>,
    /// Rows picked for charting: a table id and its picked rows in row order (see [`picked`]);
    /// a table with none picked has no entry.
    pub selection: Vec<(String, Vec<usize>)>,
    /// Charts the user made from picked rows, newest first.
    pub charts: Vec<Rc<ChartSpec>>,
    /// A chart opened from a share link.
    pub shared: Option<Rc<ChartSpec>>,
    /// The body of a share link being unpacked (the browser inflates asynchronously): the
    /// shell opens it and answers with [`Action::LinkOpened`]. Until then the page stays as it
    /// was, saying the link is opening.
    pub opening: Option<Rc<str>>,
    /// The release chart the reader is looking at (its id), when no row is in focus.
    pub chart_view: Option<String>,
    /// Which checks the checks panel lists besides the mismatches.
    pub shown_checks: ShownChecks,
    /// A file is being dragged over the paste box (which then says it will take it).
    pub dragging: bool,
    /// The PDF the shell's PDF worker is reading ([`Action::PdfRead`] answers): its name and
    /// size. Anything read or cleared meanwhile forgets it, and then its answer is dropped.
    pub reading: Option<Origin>,
}

/// The checks listed besides the mismatches, which are always listed: a reader comes for
/// those, and the rest waits behind a toggle each. Kept across reads, until a Clear.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ShownChecks {
    pub not_checkable: bool,
    pub ok: bool,
}

/// The rows of `table` picked for charting, in row order.
pub fn picked<'a>(selection: &'a [(String, Vec<usize>)], table: &str) -> &'a [usize] {
    selection
        .iter()
        .find(|(t, _)| t == table)
        .map_or(&[], |(_, rows)| rows)
}

/// A row of a table, in focus.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Focus {
    pub table: String,
    pub row: usize,
}

/// What a reload needs to bring the same document back ([`Session::saved`]): the shell keeps
/// it in local storage and hands it back in [`Action::Restore`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Saved {
    /// The paste box.
    pub input: Rc<String>,
    /// Where the text came from, for the header.
    pub source: String,
    /// The text the document was read from, when it is not the box's (a web page's HTML, or
    /// the box edited since it was read).
    pub release: Option<Rc<String>>,
    /// The file the document was read from, when it came from one.
    pub origin: Option<Origin>,
}

/// A file as it was read: its name, the encoding found and its size in bytes before decoding,
/// and for a PDF (whose laid-out text is what is kept) the line each page begins on and
/// whether it printed a decimal comma. The document's `source` records them
/// (docs/schema.md), as `assay extract FILE` does.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Origin {
    pub name: String,
    pub encoding: String,
    pub bytes: usize,
    pub pages: Vec<usize>,
    pub decimal_comma: bool,
}

impl Origin {
    /// The origin in one line, `<bytes> <encoding> <1 if a decimal comma, else 0> <first line
    /// of each page, comma-separated> <name>`: how local storage keeps it and the Web Workers
    /// send and are sent it (the PDF worker sends a nameless one with the pages it found).
    pub fn line(&self) -> String {
        let pages: Vec<String> = self.pages.iter().map(usize::to_string).collect();
        let comma = if self.decimal_comma { "1" } else { "0" };
        let (bytes, encoding, name) = (self.bytes, &self.encoding, &self.name);
        format!("{bytes} {encoding} {comma} {} {name}", pages.join(","))
    }

    /// Reads an [`Origin::line`]; anything else is none.
    pub fn from_line(line: &str) -> Option<Origin> {
        let mut parts = line.splitn(5, ' ');
        let bytes = parts.next()?.parse().ok()?;
        let encoding = parts.next()?.to_owned();
        let decimal_comma = match parts.next()? {
            "0" => false,
            "1" => true,
            _ => return None,
        };
        let pages = parts.next()?;
        let pages = (pages.split(',').filter(|p| !p.is_empty()).map(str::parse))
            .collect::<Result<_, _>>()
            .ok()?;
        Some(Origin {
            name: parts.next()?.to_owned(),
            encoding,
            bytes,
            pages,
            decimal_comma,
        })
    }

    /// The file `document` was read from, as [`Session::read`] recorded it.
    pub fn of(document: &Document) -> Option<Origin> {
        let source = &document.source;
        Some(Origin {
            name: source.name.clone()?,
            encoding: source.encoding.clone(),
            bytes: source.bytes,
            pages: source.pages.clone(),
            decimal_comma: source.decimal_comma,
        })
    }
}

/// Reads `text` as the page reads it, `origin` the file it was decoded from, if any: a PDF's
/// laid-out text with its pages (as `assay extract FILE.pdf` reads it), anything else as its
/// bytes say; the file recorded in the document's `source`. The reading worker reads a JSON
/// download's document through here too, so it is the page's, field for field.
pub fn read_release(text: &str, origin: Option<&Origin>) -> Result<Document, ReadError> {
    let mut document = match origin {
        Some(o) if !o.pages.is_empty() => read_laid_out(text, &o.pages, o.decimal_comma),
        _ => read_document(text.as_bytes())?,
    };
    if let Some(origin) = origin {
        document.source.name = Some(origin.name.clone());
        document.source.encoding = origin.encoding.clone();
        document.source.bytes = origin.bytes;
    }
    Ok(document)
}

/// A message for the user: what happened and what to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    Error(String),
    Info(String),
}

#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// The user typed or pasted into the box (not yet read).
    Edit(String),
    /// Read what is in the box.
    ReadInput,
    /// A paste that carried an HTML flavour (a selection copied from a web page): its HTML is
    /// read, which keeps the tables' cells apart; the box gets the plain text as usual.
    ReadPastedHtml(String),
    /// A file was picked or dropped and its bytes read. A PDF is read by the shell's PDF
    /// worker, whose answer comes as [`Action::PdfRead`]; until then the page says it is
    /// reading ([`Session::reading`]).
    ReadFile { name: String, bytes: Vec<u8> },
    /// The PDF worker's answer for [`Session::reading`]: the laid-out text and a nameless
    /// [`Origin::line`] with its pages, read as `assay extract FILE.pdf` reads the PDF; or why
    /// there is none. Dropped if the reader has read or cleared something else meanwhile.
    PdfRead(Result<(String, String), String>),
    /// Tell the user something the shell found out (a download that could not be made).
    Tell(Notice),
    /// The browser could not read a picked file.
    FileFailed { name: String, reason: String },
    /// Several files were picked or dropped at once: this page reads one release; the notice
    /// points to the series page.
    Several(u32),
    /// A picked file is over the PDF reader's limit ([`crate::read::pdf::MAX_PDF_BYTES`]), the
    /// largest file read: refused by its size, unread.
    FileTooLarge { name: String, bytes: usize },
    /// Load the built-in Hecla sample, with its text: [`crate::SAMPLE_RELEASE`] natively; the
    /// app fetches [`crate::SAMPLE_FILE`] from the site, which keeps the text out of the wasm.
    LoadSample(String),
    /// Restore what was remembered from an earlier visit and read it again.
    Restore(Saved),
    /// Pick or unpick a row of a table for charting.
    ToggleRow { table: String, row: usize },
    /// Chart the picked rows of a table.
    ChartSelection { table: String, kind: ChartKind },
    /// Remove one of the user's charts.
    RemoveChart(usize),
    /// Look at a row: highlight it and show its source line (`None` closes the view).
    Focus(Option<Focus>),
    /// Look at one of the release's charts (by id); `None` forgets it.
    ViewChart(Option<String>),
    /// The address bar's fragment changed (page load, back/forward): a share link (`c=`)
    /// starts opening (see [`Session::opening`]), a view (`v=t3.12`) focuses its row.
    Navigate(String),
    /// The share link `body` was unpacked and read: its chart (and release) opens, or its
    /// error is shown. Ignored unless `body` is still the link [`Session::opening`].
    LinkOpened {
        body: Rc<str>,
        result: Box<Result<SharePayload, ShareError>>,
    },
    /// Put away the chart opened from a link.
    CloseShared,
    /// List these checks besides the mismatches.
    ShowChecks(ShownChecks),
    /// A file is dragged over the paste box (`true`), or away or dropped (`false`).
    Drag(bool),
    /// Forget the document and the remembered text.
    Clear,
}

/// The fragment key of a view: `#v=t3.12` is row 12 of table t3.
pub const VIEW_KEY: &str = "v";
pub const SHARED_SOURCE: &str = "Release carried in a shared link";

fn view_param(hash: &str) -> Option<&str> {
    let hash = hash.strip_prefix('#').unwrap_or(hash);
    hash.split('&')
        .find_map(|part| part.strip_prefix(VIEW_KEY)?.strip_prefix('='))
}

/// `#v=chart.price-silver` is the release chart `price-silver`.
pub const CHART_VIEW_PREFIX: &str = "chart.";

/// `t3.12` → row 12 of table `t3`. Anything else is no focus.
fn parse_focus(view: &str) -> Option<Focus> {
    let (table, row) = view.split_once('.')?;
    let ok =
        !table.is_empty() && table.len() <= 16 && table.chars().all(|c| c.is_ascii_alphanumeric());
    ok.then(|| {
        Some(Focus {
            table: table.to_owned(),
            row: row.parse().ok()?,
        })
    })
    .flatten()
}

/// Shown while a share link unpacks (a link with a whole release may take a moment).
pub const OPENING_LINK: &str = "Opening the shared link…";
pub const SAMPLE_SOURCE: &str = "Sample: Hecla Mining, Q3 2007 (SEC EDGAR)";
pub const PASTED_SOURCE: &str = "Pasted text";
pub const PASTED_HTML_SOURCE: &str = "Pasted from a web page (HTML)";
/// Said while the PDF worker reads a PDF.
pub const READING_PDF: &str = "Reading the PDF…";

impl Session {
    /// The state after `action`.
    #[must_use]
    pub fn apply(&self, action: Action) -> Session {
        match action {
            Action::Edit(input) => self.clone().with(|s| s.input = Rc::new(input)),
            Action::ReadInput => {
                if self.input.trim().is_empty() {
                    return self.clone().telling(Notice::Error(
                        "There is nothing to read yet: paste a release into the box, drop a file on it, or try the sample."
                            .into(),
                    ));
                }
                self.read(self.input.clone(), PASTED_SOURCE.into(), None)
            }
            Action::ReadFile { name, bytes } if is_pdf(&bytes) => {
                let origin = Origin {
                    name,
                    encoding: "pdf".into(),
                    bytes: bytes.len(),
                    ..Origin::default()
                };
                (self.clone().telling(Notice::Info(READING_PDF.into())))
                    .with(|s| s.reading = Some(origin))
            }
            Action::PdfRead(answer) => {
                let Some(mut origin) = self.reading.clone() else {
                    return self.clone();
                };
                match answer {
                    Ok((text, line)) => {
                        if let Some(found) = Origin::from_line(&line) {
                            origin.pages = found.pages;
                            origin.decimal_comma = found.decimal_comma;
                        }
                        self.read(Rc::new(text), origin.name.clone(), Some(origin))
                    }
                    Err(reason) => (self.clone())
                        .telling(Notice::Error(format!("Could not open {}: {reason}", origin.name)))
                        .with(|s| s.reading = None),
                }
            }
            Action::Tell(notice) => self.clone().telling(notice),
            Action::ReadFile { name, bytes } => self.read_bytes(&bytes, name),
            Action::ReadPastedHtml(html) => self
                .read(Rc::new(html), PASTED_HTML_SOURCE.into(), None)
                .with(|s| s.input = self.input.clone()),
            Action::FileFailed { name, reason } => self
                .clone()
                .telling(Notice::Error(format!("Could not open {name}: {reason}"))),
            Action::Several(count) => self.clone().telling(Notice::Info(format!(
                "{count} files: this page reads one release at a time. To line up many, open them on the series page (“Many releases” at the top)."
            ))),
            Action::FileTooLarge { name, bytes } => (self.clone()).telling(Notice::Error(format!(
                "{name}: {}",
                crate::read::file_too_large(bytes)
            ))),
            Action::LoadSample(text) => {
                // The sample is a file of the site, fetched as UTF-8 text.
                let origin = Origin {
                    name: crate::SAMPLE_FILE.into(),
                    encoding: "utf-8".into(),
                    bytes: text.len(),
                    ..Origin::default()
                };
                self.read(Rc::new(text), SAMPLE_SOURCE.into(), Some(origin))
            }
            Action::Restore(Saved {
                input,
                source,
                release,
                origin,
            }) => match release {
                Some(release) => self.read(release, source, origin).with(|s| s.input = input),
                None if input.trim().is_empty() => Session::default(),
                None => self.read(input, source, origin),
            },
            Action::ToggleRow { table, row } => {
                let mut next = self.clone();
                let at = match next.selection.iter().position(|(t, _)| *t == table) {
                    Some(at) => at,
                    None => {
                        next.selection.push((table, Vec::new()));
                        next.selection.len() - 1
                    }
                };
                let rows = &mut next.selection[at].1;
                match rows.binary_search(&row) {
                    Ok(i) => {
                        rows.remove(i);
                    }
                    Err(i) => rows.insert(i, row),
                }
                if rows.is_empty() {
                    next.selection.remove(at);
                }
                next
            }
            Action::ChartSelection { table, kind } => {
                let Some(document) = &self.document else {
                    return self.clone();
                };
                let rows = picked(&self.selection, &table).to_vec();
                let mut next = self.clone();
                match rows_chart(document, &table, &rows, kind) {
                    Ok(spec) => {
                        next.charts.insert(0, Rc::new(spec));
                        next.selection.retain(|(t, _)| *t != table);
                        next.notice = None;
                    }
                    Err(error) => next.notice = Some(Notice::Error(error.to_string())),
                }
                next
            }
            Action::RemoveChart(i) => {
                let mut next = self.clone();
                if i < next.charts.len() {
                    next.charts.remove(i);
                }
                next
            }
            Action::Focus(focus) => {
                let exists = |f: &Focus| {
                    self.document
                        .as_ref()
                        .and_then(|d| d.tables.iter().find(|t| t.id == f.table))
                        .is_some_and(|t| f.row < t.rows.len())
                };
                match focus {
                    Some(f) if !exists(&f) => self.clone(),
                    focus => self.clone().with(|s| {
                        // A row in focus is the view; the chart view waits behind it.
                        if focus.is_some() {
                            s.chart_view = None;
                        }
                        s.focus = focus;
                    }),
                }
            }
            Action::ViewChart(id) => {
                let known = |id: &String| self.figures.iter().any(|f| &f.id == id);
                match id {
                    Some(id) if !known(&id) => self.clone(),
                    chart_view => self.clone().with(|s| {
                        s.chart_view = chart_view;
                        s.focus = None;
                    }),
                }
            }
            Action::Navigate(hash) => self.navigate(&hash),
            Action::LinkOpened { body, result } => {
                if self.opening.as_deref() != Some(&*body) {
                    return self.clone();
                }
                self.link_opened(*result)
            }
            Action::CloseShared => self.clone().with(|s| s.shared = None),
            Action::ShowChecks(shown_checks) => {
                self.clone().with(|s| s.shown_checks = shown_checks)
            }
            Action::Drag(dragging) => self.clone().with(|s| s.dragging = dragging),
            Action::Clear => Session::default(),
        }
    }

    /// Reads `text`, labelled `source`; `origin` is the file it was decoded from, if any.
    fn read(&self, text: Rc<String>, source: String, origin: Option<Origin>) -> Session {
        match read_release(&text, origin.as_ref()) {
            Ok(document) => {
                let analysis = analyze(&document);
                // Text with no tables is still a document (its narrative may be useful), but
                // the reader should know why the page is nearly empty.
                let notice = document.tables.is_empty().then(|| {
                    Notice::Info(
                        "No tables were found in this text. Assay reads the tables of earnings releases: paste the whole release, including its financial tables.".into(),
                    )
                });
                Session {
                    notice,
                    figures: Rc::new(document_charts(&document, &analysis)),
                    key_figures: Rc::new(key_figures(&document, &analysis)),
                    columns: Rc::new(
                        document
                            .tables
                            .iter()
                            .map(|t| table_columns(t, &analysis))
                            .collect(),
                    ),
                    changes: Rc::new(changes(&analysis)),
                    analysis: Some(Rc::new(analysis)),
                    document: Some(Rc::new(document)),
                    release: Some(text.clone()),
                    input: text,
                    source,
                    shown_checks: self.shown_checks,
                    // A link still opening opens once it has unpacked.
                    opening: self.opening.clone(),
                    ..Session::default()
                }
            }
            // A failed read keeps what the user typed in the box.
            Err(error) => self
                .clone()
                .telling(Notice::Error(error.to_string()))
                .with(|s| s.input = text),
        }
    }

    fn navigate(&self, hash: &str) -> Session {
        if let Some(body) = hash_body(hash) {
            // Everything the user had stays (the box, the document) while the link opens.
            return self
                .clone()
                .telling(Notice::Info(OPENING_LINK.into()))
                .with(|s| s.opening = Some(body.into()));
        }
        let view = view_param(hash);
        let next = self.clone().with(|s| s.opening = None);
        match view.and_then(|v| v.strip_prefix(CHART_VIEW_PREFIX)) {
            Some(chart) => next.apply(Action::ViewChart(Some(chart.to_owned()))),
            None => next
                .apply(Action::ViewChart(None))
                .apply(Action::Focus(view.and_then(parse_focus))),
        }
    }

    fn link_opened(&self, result: Result<SharePayload, ShareError>) -> Session {
        let next = self.clone().with(|s| s.opening = None);
        match result {
            Ok(SharePayload::Chart(chart)) => next.with(|s| {
                s.shared = Some(Rc::new(chart));
                s.notice = None;
            }),
            Ok(SharePayload::ChartWithRelease { chart, release }) => {
                let mut next = next.read(Rc::new(release), SHARED_SOURCE.into(), None);
                next.shared = Some(Rc::new(chart));
                next
            }
            // A bad link must not cost the user what they had: only the message changes.
            Err(error) => next.telling(Notice::Error(error.to_string())),
        }
    }

    /// The fragment that reopens this view (`v=t3.12` for the row in focus), or "".
    pub fn view_hash(&self) -> String {
        match (&self.focus, &self.chart_view) {
            (Some(f), _) => format!("{VIEW_KEY}={}.{}", f.table, f.row),
            (None, Some(chart)) => format!("{VIEW_KEY}={CHART_VIEW_PREFIX}{chart}"),
            (None, None) => String::new(),
        }
    }

    /// What a reload needs to bring this document back: the box, its label, and the text
    /// read and the file it came from when the box alone does not say.
    pub fn saved(&self) -> Saved {
        let release = self.release.as_ref().filter(|r| **r != self.input);
        let origin = self.document.as_deref().and_then(Origin::of);
        Saved {
            input: self.input.clone(),
            source: self.source.clone(),
            release: release.cloned(),
            origin,
        }
    }

    /// Source lines around `line` (1-based), for showing where a figure was read: the
    /// numbers and texts of up to `context` lines either side, from the text the document
    /// was read from (a web page's HTML, not the plain text the box shows).
    pub fn source_lines(&self, line: usize, context: usize) -> Vec<(usize, &str)> {
        let first = line.saturating_sub(context).max(1);
        self.release
            .as_deref()
            .unwrap_or(&self.input)
            .lines()
            .enumerate()
            .map(|(i, l)| (i + 1, l))
            .skip(first - 1)
            .take(line + context + 1 - first)
            .collect()
    }

    /// A file's bytes: on success its text replaces the box (so it survives a reload); on
    /// failure the box keeps what it had.
    fn read_bytes(&self, bytes: &[u8], name: String) -> Session {
        match decode_text_and_encoding(bytes) {
            Ok((text, encoding)) => {
                let origin = Origin {
                    name: name.clone(),
                    encoding: encoding.into(),
                    bytes: bytes.len(),
                    ..Origin::default()
                };
                self.read(Rc::new(text), name, Some(origin))
            }
            Err(error) => self.refused(&name, error),
        }
    }

    /// A file that could not be read: the message names it; the box and document stay.
    fn refused(&self, name: &str, error: crate::read::ReadError) -> Session {
        self.clone()
            .telling(Notice::Error(format!("{name}: {error}")))
    }

    /// This session with `change` made to it.
    fn with(mut self, change: impl FnOnce(&mut Session)) -> Session {
        change(&mut self);
        self
    }

    /// This session saying `notice`, all else as it was.
    fn telling(self, notice: Notice) -> Session {
        self.with(|s| s.notice = Some(notice))
    }
}
