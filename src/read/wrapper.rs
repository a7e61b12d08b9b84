//! Containers around a release: EDGAR SGML submissions, Markdown pages with YAML front matter,
//! Reuters SGML. Each is peeled to the release's own lines, which keep their original line
//! numbers so every cell still points at its source line.

use crate::document::{Date, Warning};

use super::fixed::Line;
use super::period;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Format {
    PlainText,
    EdgarSubmission,
    Markdown,
    ReutersBrief,
    Html,
}

impl Format {
    pub(crate) fn name(self) -> &'static str {
        match self {
            Format::PlainText => "plain-text",
            Format::EdgarSubmission => "edgar-txt",
            Format::Markdown => "markdown",
            Format::ReutersBrief => "reuters-brief",
            Format::Html => "html",
        }
    }
}

pub(crate) struct Unwrapped<'a> {
    pub format: Format,
    pub lines: Vec<Line<'a>>,
    pub warnings: Vec<Warning>,
    pub title: Option<String>,
    pub date: Option<Date>,
    pub company: Option<String>,
    /// An EDGAR submission's filer: its Central Index Key.
    pub cik: Option<u64>,
    pub tickers: Vec<String>,
    /// The release is HTML: the index range of `lines`' source (the whole input, or one
    /// document's `<TEXT>` in an EDGAR submission), end exclusive.
    pub html: Option<(usize, usize)>,
    /// An EDGAR submission's further documents after the first read (`lines` or `html`
    /// holds the first): each exhibit is read as well, its tables tagged with its type.
    pub more: Vec<Document<'a>>,
    /// The type of the document in `lines` / `html` ("8-K", "EX-99.1"), in a submission.
    pub document: Option<String>,
}

/// One document of an EDGAR submission.
pub(crate) struct Document<'a> {
    /// Its `<TYPE>`: "8-K", "EX-99.1".
    pub kind: String,
    pub lines: Vec<Line<'a>>,
    pub html: Option<(usize, usize)>,
}

pub(crate) fn unwrap<'a>(text: &str, all: &[Line<'a>]) -> Unwrapped<'a> {
    let mut u = Unwrapped {
        format: Format::PlainText,
        lines: all.to_vec(),
        warnings: Vec::new(),
        title: None,
        date: None,
        company: None,
        cik: None,
        tickers: Vec::new(),
        html: None,
        more: Vec::new(),
        document: None,
    };
    // The first 4 KiB, cut on a character boundary (a byte cut can split a multi-byte
    // character: found by fuzzing).
    let mut cut = text.len().min(4096);
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    let head = &text[..cut];
    if head.contains("<SEC-DOCUMENT>")
        || head.contains("<SEC-HEADER>")
        || head.contains("<DOCUMENT>")
    {
        edgar(all, &mut u);
    } else if head.trim_start().starts_with("<REUTERS") {
        reuters(all, &mut u);
    } else if all.first().is_some_and(|l| l.text.trim_end() == "---") {
        front_matter(all, &mut u);
    } else if looks_html(all) {
        u.format = Format::Html;
        u.html = Some((0, all.len()));
        u.lines.clear();
    }
    u
}

fn looks_html(lines: &[Line]) -> bool {
    lines
        .iter()
        .take(400)
        .filter(|l| l.text.contains('<'))
        .any(|l| {
            let t = l.text.to_ascii_lowercase();
            // Old EDGAR text uses <TABLE>, <S> and <C> as plain-text markers; only real HTML has
            // these.
            t.contains("<html")
                || t.contains("<body")
                || t.contains("<tr")
                || t.contains("<td")
                || t.contains("<div")
                || t.contains("<p>")
        })
}

/// EDGAR submission: pick the press-release document (an EX-99 exhibit, else the first
/// document) and read the lines inside its `<TEXT>`.
fn edgar<'a>(all: &[Line<'a>], u: &mut Unwrapped<'a>) {
    u.format = Format::EdgarSubmission;
    for l in all.iter().take(200) {
        if let Some(name) = l.text.trim().strip_prefix("COMPANY CONFORMED NAME:") {
            u.company.get_or_insert_with(|| name.trim().to_string());
        }
        // The first key is the filer's (a later one may be a subject company's).
        if let Some(key) = l.text.trim().strip_prefix("CENTRAL INDEX KEY:") {
            if u.cik.is_none() {
                u.cik = key.trim().parse().ok();
            }
        }
    }
    // (type, text start index, text end index)
    let mut docs: Vec<(String, usize, usize)> = Vec::new();
    let mut kind = String::new();
    let mut start = None;
    for (i, l) in all.iter().enumerate() {
        let t = l.text.trim();
        if let Some(k) = t.strip_prefix("<TYPE>") {
            kind = k.trim().to_string();
        } else if t.starts_with("<TEXT>") {
            start = Some(i + 1);
        } else if t.starts_with("</TEXT>") {
            if let Some(s) = start.take() {
                docs.push((kind.clone(), s, i));
            }
        }
    }
    // The documents that can hold a release's tables: the form itself and its exhibits,
    // not XBRL, graphics or archives. The press release (an EX-99) is read first.
    let readable = |k: &str| {
        let k = k.to_ascii_uppercase();
        !(k.starts_with("EX-101")
            || k.starts_with("GRAPHIC")
            || k.starts_with("ZIP")
            || k.starts_with("XML")
            || k.starts_with("JSON")
            || k.starts_with("EXCEL")
            || k.starts_with("PDF"))
    };
    let mut order: Vec<&(String, usize, usize)> = docs.iter().filter(|d| readable(&d.0)).collect();
    if let Some(at) = order
        .iter()
        .position(|d| d.0.to_ascii_uppercase().starts_with("EX-99"))
    {
        let press = order.remove(at);
        order.insert(0, press);
    }
    if order.is_empty() {
        u.warnings.push(Warning {
            line: None,
            message: "This EDGAR submission holds no document text.".to_string(),
        });
        u.lines.clear();
        return;
    }
    let mut read = order.into_iter().map(|&(ref kind, s, e)| {
        let body = &all[s..e];
        if looks_html(body) {
            Document {
                kind: kind.clone(),
                lines: Vec::new(),
                html: Some((s, e)),
            }
        } else {
            // Lines holding only SGML markers (<PAGE>, <TABLE>, <S> <C>) carry no text, and
            // a page's number printed just above its <PAGE> break is no row of a table.
            Document {
                kind: kind.clone(),
                lines: body
                    .iter()
                    .enumerate()
                    .filter(|&(i, l)| !is_markup_only(l.text) && !is_page_number(&body[i..]))
                    .map(|(_, l)| *l)
                    .collect(),
                html: None,
            }
        }
    });
    if let Some(first) = read.next() {
        u.lines = first.lines;
        u.html = first.html;
        u.document = Some(first.kind);
    }
    u.more = read.collect();
}

/// A page number: a line of at most four digits (or `- 4 -`) whose next line with text is
/// the `<PAGE>` break.
fn is_page_number(from: &[Line]) -> bool {
    let number = from[0].text.trim().trim_matches(|c| c == '-' || c == ' ');
    !number.is_empty()
        && number.len() <= 4
        && number.bytes().all(|b| b.is_ascii_digit())
        && from[1..]
            .iter()
            .find(|l| !l.text.trim().is_empty())
            .is_some_and(|l| l.text.trim() == "<PAGE>")
}

fn is_markup_only(t: &str) -> bool {
    let t = t.trim();
    if !t.starts_with('<') {
        return false;
    }
    let mut rest = t;
    while let Some(r) = rest.trim_start().strip_prefix('<') {
        match r.find('>') {
            Some(i) => rest = &r[i + 1..],
            None => return false,
        }
    }
    rest.trim().is_empty()
}

/// Markdown with YAML front matter: `title:` and `date:` are metadata; the body follows.
fn front_matter<'a>(all: &[Line<'a>], u: &mut Unwrapped<'a>) {
    u.format = Format::Markdown;
    let Some(end) = all
        .iter()
        .skip(1)
        .position(|l| l.text.trim_end() == "---")
        .map(|p| p + 1)
    else {
        return;
    };
    for l in &all[1..end] {
        if let Some((k, v)) = l.text.split_once(':') {
            let v = v.trim().trim_matches('"').trim();
            match k.trim() {
                "title" if !v.is_empty() => u.title = Some(v.replace("\\\"", "\"")),
                "date" => u.date = v.get(..10).and_then(Date::parse_iso),
                _ => {}
            }
        }
    }
    u.lines = all[end + 1..].to_vec();
}

/// A Reuters-21578 story: the `<TITLE>` is the headline (with the ticker in `<...>`), the
/// `<BODY>` the brief.
fn reuters<'a>(all: &[Line<'a>], u: &mut Unwrapped<'a>) {
    u.format = Format::ReutersBrief;
    let mut body: Vec<Line<'a>> = Vec::new();
    let mut inside = false;
    for l in all {
        let t = l.text;
        if let Some(d) = between(t, "<DATE>", "</DATE>") {
            u.date = period::find_date(d.trim()).map(|(d, _)| d);
        }
        if let Some(title) = between(t, "<TITLE>", "</TITLE>") {
            let title = title
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&amp;", "&");
            if let (Some(a), Some(b)) = (title.find('<'), title.find('>')) {
                if a < b {
                    u.company = Some(title[..a].trim().to_string());
                    u.tickers.push(title[a + 1..b].trim().to_string());
                }
            }
            u.title = Some(title);
        }
        if let Some(i) = t.find("<BODY>") {
            inside = true;
            body.push(Line {
                no: l.no,
                text: &t[i + "<BODY>".len()..],
            });
            continue;
        }
        if inside {
            if t.contains("</BODY>") || t.trim() == "Reuter" {
                break;
            }
            body.push(*l);
        }
    }
    u.lines = body;
}

fn between<'t>(t: &'t str, open: &str, close: &str) -> Option<&'t str> {
    let a = t.find(open)? + open.len();
    let b = t[a..].find(close)? + a;
    Some(&t[a..b])
}

/// Where fixed-width tables may be: inside code fences in Markdown, anywhere otherwise.
/// Ranges are indices into `lines`, end exclusive.
pub(crate) fn fenced_or_all(lines: &[Line], format: Format) -> Vec<(usize, usize)> {
    if format != Format::Markdown {
        return vec![(0, lines.len())];
    }
    let mut out = Vec::new();
    let mut open = None;
    for (i, l) in lines.iter().enumerate() {
        if l.text.trim_start().starts_with("```") {
            match open.take() {
                Some(s) => out.push((s, i)),
                None => open = Some(i + 1),
            }
        }
    }
    out
}
