//! The PDF path (native only): any bytes behind a PDF header read into a document or a
//! `PdfError`, never a panic, a hang or an allocation past the limits. Seeded with the small
//! PDFs in tests/fixtures/pdf/ (scripts/fuzz.sh).
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // Seeds are whole PDFs; anything else is put behind a header so the PDF path runs.
    let input = if assay::read::is_pdf(data) {
        data.to_vec()
    } else {
        [b"%PDF-1.7\n".as_slice(), data].concat()
    };
    let _ = assay::read::read_document(&input);
});
