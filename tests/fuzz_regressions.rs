//! Inputs that fuzzing (scripts/fuzz.sh) found to crash, kept as regression tests. Each `.bin`
//! file in tests/fuzz_findings/ must read without a panic, and what it reads must round-trip as
//! JSON.

#[test]
fn every_fuzz_finding_reads_without_panic() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz_findings");
    let mut seen = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "bin") {
            continue;
        }
        let bytes = std::fs::read(&path).unwrap();
        if let Ok(document) = assay::read::read_document(&bytes) {
            let back = assay::document::Document::from_json(&document.to_json()).unwrap();
            assert_eq!(back, document, "{}", path.display());
            let analysis = assay::analyze::analyze(&document);
            let _ = assay::figures::document_charts(&document, &analysis);
        }
        seen += 1;
    }
    assert!(seen >= 1, "the findings are in {}", dir.display());
}

/// The first finding: a multi-byte character across byte 4096, where the reader cut the
/// head it sniffs for an EDGAR or HTML wrapper.
#[test]
fn a_character_across_the_sniffed_head_is_not_cut() {
    let mut text = "x".repeat(4095);
    text.push('é');
    text.push_str("\nSales  100  90\n");
    assert!(assay::read::read_document(text.as_bytes()).is_ok());
}
