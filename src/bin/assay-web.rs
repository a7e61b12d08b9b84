//! Entry point of the browser app; see `assay::app`.

// talc rather than std's dlmalloc: smaller in the wasm (Cargo.toml says by how much).
#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

fn main() {
    #[cfg(target_arch = "wasm32")]
    assay::app::start();
}
