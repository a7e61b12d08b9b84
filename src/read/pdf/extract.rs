//! PDF bytes → pages of positioned glyphs, through `pdf-extract` (over `lopdf`).
//!
//! `pdf-extract` interprets the content streams (text state, fonts, encodings, `ToUnicode`
//! maps) and hands each glyph to an [`OutputDev`] with its text rendering matrix; we keep its
//! position, advance and size, and nothing else. Everything about lines and columns is
//! [`super::layout`]'s, which knows nothing of PDF objects: the app's lazy PDF module can
//! feed it glyphs from any reader.
//!
//! Limits are checked before reading (input size, objects, pages, the decompressed size of
//! the pages' content) and while reading (glyphs). `pdf-extract` may panic on malformed
//! fonts; natively each page is read under `catch_unwind`, so a bad page is an error, never a
//! crash (where panics unwind: tests and `cargo run`; the release CLI aborts, see docs/pdf.md).

use std::io::Read;
use std::panic::{catch_unwind, AssertUnwindSafe};

use pdf_extract::content::{Content, Operation};
use pdf_extract::{
    Dictionary, Document, MediaBox, Object, ObjectId, OutputDev, OutputError, Transform,
};

use super::layout::{Glyph, Page};
use super::PdfError;

/// The largest PDF read, in bytes. Reports with photographs run to tens of MB; 32 MiB holds
/// every real release and report we have seen.
pub const MAX_PDF_BYTES: usize = 32 << 20;
/// Pages read: a 10-K with its exhibits is a few hundred.
pub const MAX_PAGES: usize = 600;
/// Indirect objects: about 100 per page in the largest reports.
pub const MAX_OBJECTS: usize = 200_000;
/// The pages' content streams, decompressed, summed (a page of text is 10–100 KB).
pub const MAX_CONTENT_BYTES: u64 = 64 << 20;
/// Glyphs over the whole document (a dense page has about 5,000).
pub const MAX_GLYPHS: usize = 2_000_000;

/// Reads every page's glyphs.
pub fn pages(bytes: &[u8]) -> Result<Vec<Page>, PdfError> {
    if bytes.len() > MAX_PDF_BYTES {
        return Err(PdfError::TooLarge { bytes: bytes.len() });
    }
    let mut doc = match catch_unwind(|| Document::load_mem(bytes)) {
        Ok(Ok(doc)) => doc,
        Ok(Err(e)) if is_encryption(&e) => return Err(PdfError::Encrypted),
        // lopdf may fail on an encrypted file before it says so (it tries the empty password
        // while parsing); the trailer names an `/Encrypt` dictionary, which says it plainly.
        _ if names_encrypt(bytes) => return Err(PdfError::Encrypted),
        _ => return Err(PdfError::Damaged),
    };
    if doc.is_encrypted() {
        // Many PDFs are encrypted with an empty user password (only printing or copying is
        // restricted): they open for anyone, so they are read. Others need a password.
        if doc.decrypt("").is_err() || doc.is_encrypted() {
            return Err(PdfError::Encrypted);
        }
    }
    if doc.objects.len() > MAX_OBJECTS {
        return Err(PdfError::TooComplex);
    }
    let ids = doc.get_pages();
    if ids.is_empty() {
        // An encrypted file opened with the wrong (empty) password has no readable page tree.
        return Err(if names_encrypt(bytes) {
            PdfError::Encrypted
        } else {
            PdfError::Damaged
        });
    }
    if ids.len() > MAX_PAGES {
        return Err(PdfError::TooManyPages { pages: ids.len() });
    }
    // Before interpreting anything: the content every page draws, inflated within the limit,
    // so a decompression bomb is refused having cost at most the limit.
    let mut content = 0u64;
    for &id in ids.values() {
        for stream in doc.get_page_contents(id) {
            content += inflated_size(
                &doc,
                stream,
                MAX_CONTENT_BYTES - content.min(MAX_CONTENT_BYTES),
            )?;
            if content > MAX_CONTENT_BYTES {
                return Err(PdfError::TooComplex);
            }
        }
    }
    for &id in ids.values() {
        inline_forms(&mut doc, id)?;
    }
    let mut out = Collector::default();
    for &n in ids.keys() {
        let read = catch_unwind(AssertUnwindSafe(|| {
            pdf_extract::output_doc_page(&doc, &mut out, n)
        }));
        match read {
            Ok(Ok(())) => {}
            Ok(Err(_)) if out.over => return Err(PdfError::TooComplex),
            // A page that cannot be interpreted (a broken content stream or font) is left
            // empty: the other pages still read, and a document with no text says so.
            Ok(Err(_)) | Err(_) => {
                if out.pages.len() < n as usize {
                    out.pages.push(Page::default());
                }
                if let Some(p) = out.pages.last_mut() {
                    p.unreadable = true;
                }
            }
        }
    }
    Ok(out.pages)
}

/// How deep forms drawn inside forms are followed.
const MAX_FORM_DEPTH: usize = 8;
/// Operators on a page once its forms are drawn in place (a dense page has about 20,000).
const MAX_OPERATIONS: usize = 2_000_000;

/// Draws a page's form XObjects in place: `pdf-extract` reads a form's text as if it stood at
/// the page's origin (it drops the `cm` before the `Do` and the form's `/Matrix`), which piles
/// the tables that word processors embed as forms (spreadsheet objects) on top of each other.
/// Each `/Fm Do` becomes `q <Matrix> cm …form's operators… Q`, the form's fonts join the
/// page's under names of their own, and images are dropped (they carry no text).
fn inline_forms(doc: &mut Document, page: ObjectId) -> Result<(), PdfError> {
    let Ok(content) = doc.get_page_content(page) else {
        return Ok(());
    };
    let Ok(content) = Content::decode(&content) else {
        return Ok(());
    };
    let resources = page_resources(doc, page);
    if !content.operations.iter().any(|o| o.operator == "Do") {
        return Ok(());
    }
    let mut fonts = resources
        .get(b"Font")
        .ok()
        .and_then(|f| doc.dereference(f).ok())
        .and_then(|(_, f)| f.as_dict().ok().cloned())
        .unwrap_or_default();
    let mut ops = Vec::new();
    flatten(
        doc,
        &content.operations,
        &resources,
        None,
        0,
        &mut ops,
        &mut fonts,
    )?;
    let mut new_resources = resources.clone();
    new_resources.set("Font", Object::Dictionary(fonts));
    new_resources.remove(b"XObject");
    let bytes = Content { operations: ops }
        .encode()
        .map_err(|_| PdfError::Damaged)?;
    let stream = doc.add_object(pdf_extract::Stream::new(Dictionary::new(), bytes));
    if let Ok(dict) = doc.get_dictionary_mut(page) {
        dict.set("Contents", Object::Reference(stream));
        dict.set("Resources", Object::Dictionary(new_resources));
    }
    Ok(())
}

/// A page's resources: its own, else the nearest ancestor's.
fn page_resources(doc: &Document, page: ObjectId) -> Dictionary {
    let Ok((own, inherited)) = doc.get_page_resources(page) else {
        return Dictionary::new();
    };
    own.cloned()
        .or_else(|| {
            inherited
                .iter()
                .find_map(|&id| doc.get_dictionary(id).ok().cloned())
        })
        .unwrap_or_default()
}

fn flatten(
    doc: &Document,
    operations: &[Operation],
    resources: &Dictionary,
    form: Option<ObjectId>,
    depth: usize,
    out: &mut Vec<Operation>,
    fonts: &mut Dictionary,
) -> Result<(), PdfError> {
    let lookup = |kind: &[u8], name: &[u8]| -> Option<(Option<ObjectId>, Object)> {
        let dict = doc
            .dereference(resources.get(kind).ok()?)
            .ok()?
            .1
            .as_dict()
            .ok()?;
        let (id, obj) = doc.dereference(dict.get(name).ok()?).ok()?;
        Some((id, obj.clone()))
    };
    for op in operations {
        if out.len() > MAX_OPERATIONS {
            return Err(PdfError::TooComplex);
        }
        match op.operator.as_str() {
            "Do" => {
                let Some(name) = op.operands.first().and_then(|o| o.as_name().ok()) else {
                    continue;
                };
                let Some((Some(id), Object::Stream(xf))) = lookup(b"XObject", name) else {
                    continue;
                };
                let is_form =
                    matches!(xf.dict.get(b"Subtype"), Ok(Object::Name(n)) if n == b"Form");
                if !is_form || depth >= MAX_FORM_DEPTH {
                    continue;
                }
                let Ok(bytes) = xf.decompressed_content() else {
                    continue;
                };
                let Ok(inner) = Content::decode(&bytes) else {
                    continue;
                };
                let own = xf
                    .dict
                    .get(b"Resources")
                    .ok()
                    .and_then(|r| doc.dereference(r).ok())
                    .and_then(|(_, r)| r.as_dict().ok().cloned());
                out.push(Operation::new("q", vec![]));
                if let Ok(m) = xf.dict.get(b"Matrix").and_then(Object::as_array) {
                    if m.len() == 6 {
                        out.push(Operation::new("cm", m.clone()));
                    }
                }
                flatten(
                    doc,
                    &inner.operations,
                    own.as_ref().unwrap_or(resources),
                    Some(id),
                    depth + 1,
                    out,
                    fonts,
                )?;
                out.push(Operation::new("Q", vec![]));
            }
            // Inside a form, a font goes by a name of its own on the page.
            "Tf" if form.is_some() => {
                let (Some(name), Some(size)) = (
                    op.operands.first().and_then(|o| o.as_name().ok()),
                    op.operands.get(1),
                ) else {
                    continue;
                };
                let Some(id) = form else { continue };
                let renamed =
                    format!("F{}_{}_{}", id.0, id.1, String::from_utf8_lossy(name)).into_bytes();
                if let Ok(font) = resources
                    .get(b"Font")
                    .and_then(|f| doc.dereference(f))
                    .and_then(|(_, f)| f.as_dict())
                    .and_then(|f| f.get(name))
                {
                    fonts.set(renamed.clone(), font.clone());
                }
                out.push(Operation::new(
                    "Tf",
                    vec![Object::Name(renamed), size.clone()],
                ));
            }
            // A form's named graphics states and colour spaces are not on the page; they set
            // nothing that places text.
            "gs" | "cs" | "CS" | "sc" | "SC" | "scn" | "SCN" | "sh" if form.is_some() => {}
            _ => out.push(op.clone()),
        }
    }
    Ok(())
}

/// The trailer (or cross-reference stream) names an encryption dictionary.
fn names_encrypt(bytes: &[u8]) -> bool {
    bytes.windows(8).any(|w| w == b"/Encrypt")
}

fn is_encryption(e: &pdf_extract::Error) -> bool {
    matches!(e, pdf_extract::Error::Decryption(_))
        || matches!(e, pdf_extract::Error::Unimplemented(s) if s.contains("crypt"))
}

/// A stream's inflated length, reading at most `room + 1` bytes of it (FlateDecode only; other
/// filters count their stored length).
fn inflated_size(doc: &Document, id: pdf_extract::ObjectId, room: u64) -> Result<u64, PdfError> {
    let Ok(Object::Stream(stream)) = doc.get_object(id) else {
        return Ok(0);
    };
    let flate = matches!(stream.dict.get(b"Filter"), Ok(Object::Name(n)) if n == b"FlateDecode");
    if !flate {
        return Ok(stream.content.len() as u64);
    }
    let mut sink = std::io::sink();
    let mut z = flate2::read::ZlibDecoder::new(&stream.content[..]).take(room + 1);
    // A damaged stream counts what inflated before the damage.
    Ok(std::io::copy(&mut z, &mut sink).unwrap_or(0))
}

/// The `OutputDev` that keeps each glyph.
#[derive(Default)]
struct Collector {
    pages: Vec<Page>,
    /// Top of the page, to turn PDF's upward y into a downward one.
    top: f64,
    glyphs: usize,
    /// The glyph limit was passed (the error returned then is ours).
    over: bool,
}

impl OutputDev for Collector {
    fn begin_page(
        &mut self,
        _page: u32,
        media: &MediaBox,
        _art: Option<(f64, f64, f64, f64)>,
    ) -> Result<(), OutputError> {
        self.top = media.ury;
        self.pages.push(Page {
            width: (media.urx - media.llx) as f32,
            ..Page::default()
        });
        Ok(())
    }

    fn end_page(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn output_character(
        &mut self,
        trm: &Transform,
        width: f64,
        _spacing: f64,
        font_size: f64,
        text: &str,
    ) -> Result<(), OutputError> {
        self.glyphs += 1;
        if self.glyphs > MAX_GLYPHS {
            self.over = true;
            return Err(OutputError::FormatError(std::fmt::Error));
        }
        // Text turned on its side (a margin note, a rotated axis label) is no row of a table.
        if trm.m12.abs() > 1e-3 || trm.m21.abs() > 1e-3 || trm.m11 <= 0.0 {
            return Ok(());
        }
        let size = font_size * trm.m22.abs();
        let (x, y) = (trm.m31, self.top - trm.m32);
        if !(x.is_finite() && y.is_finite() && size.is_finite() && width.is_finite()) || size <= 0.0
        {
            return Ok(());
        }
        if let Some(page) = self.pages.last_mut() {
            page.glyphs.push(Glyph {
                x: x as f32,
                y: y as f32,
                advance: (width * font_size * trm.m11) as f32,
                size: size as f32,
                text: text.into(),
            });
        }
        Ok(())
    }

    fn begin_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_line(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
}
