//! Entry point of the series page (`series.html`): many releases at once; see
//! `assay::app::many`. A second wasm beside the main page's, fetched only when the reader
//! opens the series page, so none of its code is in the first load.

// talc rather than std's dlmalloc, as in the main page's wasm.
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

fn main() {
    #[cfg(target_arch = "wasm32")]
    assay::app::many::start();
}
