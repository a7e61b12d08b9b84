//! The releases whose document JSON the wasm build must print byte for byte as the native
//! one, one of each layout the reader knows: EDGAR text, HTML, fixed width, a Markdown web
//! copy, a wire brief. `tests/wasm_parity.rs` (native) writes what `assay extract` prints for
//! each into `target/tmp/wasm-parity/` (the native `CARGO_TARGET_TMPDIR`, which the wasm build
//! of the tests finds from its own); `tests/web.rs` (wasm) includes those files and the releases, reads
//! them in the browser with the same code and compares.

/// Calls `$then!` with the releases' names inside `tests/fixtures/`, as literals (which
/// `include_bytes!` needs). Included with `#[macro_use]`.
macro_rules! parity_releases {
    ($then:ident) => {
        $then!(
            "hecla-2007Q3-edgar-ex99-txt.txt",
            "NEG-buckle-FY2024Q3-edgar-ex99.htm",
            "NEG-avient-2024Q4-djn-fixedwidth.txt",
            "firstquantum-2024Q4-md-webcopy-tradingview.txt",
            "coeur-1986Q4-reuters21578-brief.txt"
        )
    };
}
