//! PDF releases and reports: bytes → laid-out text that the text readers read like any other.
//!
//! [`extract`] turns the bytes into pages of positioned glyphs (through `pdf-extract`, over
//! `lopdf`); [`layout`] turns those into text lines whose columns come from the glyphs'
//! positions; [`numbers`] reads the document's number format from its own figures. The text,
//! with the first line of each page, then goes through `read_text` as fixed-width text.
//!
//! In the app this runs in the PDF worker (`src/bin/assay-pdf.rs`), a wasm of its own that the
//! page loads only when a PDF is opened (docs/pdf.md), so nothing here is in the first load.

pub mod extract;
pub mod layout;
pub mod numbers;

use std::fmt;

pub use super::PdfText;

pub use extract::{MAX_CONTENT_BYTES, MAX_GLYPHS, MAX_OBJECTS, MAX_PAGES, MAX_PDF_BYTES};

/// Why a PDF gave no text to read. `Display` is one sentence for a person.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PdfError {
    /// Not a PDF that can be parsed: truncated, or damaged past repair.
    Damaged,
    /// It needs a password to open.
    Encrypted,
    /// Pages without text: a scan or pictures of pages.
    NoText,
    /// Text whose fonts give no usable characters (no `ToUnicode` map, a private encoding).
    NoTextMapping,
    TooLarge {
        bytes: usize,
    },
    TooManyPages {
        pages: usize,
    },
    /// Over the limits on objects, content or glyphs.
    TooComplex,
}

impl fmt::Display for PdfError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PdfError::Damaged => write!(f, "The PDF is damaged or truncated and could not be opened."),
            PdfError::Encrypted => write!(f, "The PDF is encrypted and needs a password; save an unprotected copy and try again."),
            PdfError::NoText => write!(f, "The PDF has no text, only images (a scan?); Assay reads text, not pictures of it."),
            PdfError::NoTextMapping => write!(f, "The PDF's fonts do not say which characters they draw, so its text cannot be read; save the release as text or HTML from its source."),
            PdfError::TooLarge { bytes } => write!(f, "The PDF is {bytes} bytes, over the {} MiB limit.", MAX_PDF_BYTES >> 20),
            PdfError::TooManyPages { pages } => write!(f, "The PDF has {pages} pages, over the limit of {MAX_PAGES}."),
            PdfError::TooComplex => write!(f, "The PDF is over the limits on objects, content or text that Assay reads."),
        }
    }
}

/// Reads a PDF's text, laid out, with its figures in the point form the text readers read.
pub fn read(bytes: &[u8]) -> Result<PdfText, PdfError> {
    let pages = extract::pages(bytes)?;
    let (mut usable, mut unusable) = (0usize, 0usize);
    for g in pages.iter().flat_map(|p| &p.glyphs) {
        for c in g.text.chars().filter(|c| !c.is_whitespace()) {
            if is_unusable(c) {
                unusable += 1;
            } else {
                usable += 1;
            }
        }
    }
    if usable + unusable == 0 {
        return Err(PdfError::NoText);
    }
    // Fonts without a character map give replacement or private-use characters (or control
    // codes); when they are a good share of the text, what is left is no text to trust.
    if unusable * 5 > usable + unusable {
        return Err(PdfError::NoTextMapping);
    }
    let laid = layout::lay_out(&pages);
    let decimal_comma = numbers::decimal_comma(&laid.text);
    let text = if decimal_comma {
        numbers::to_point(&laid.text)
    } else {
        laid.text
    };
    Ok(PdfText {
        text: text
            .chars()
            .filter(|&c| !is_unusable(c) || c == '\n')
            .collect(),
        pages: laid.pages,
        decimal_comma,
    })
}

/// A character a font without a usable map gives: U+FFFD, a control code, private use.
fn is_unusable(c: char) -> bool {
    c == '\u{fffd}' || c.is_control() || ('\u{e000}'..='\u{f8ff}').contains(&c)
}
