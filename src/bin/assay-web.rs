//! Entry point of the browser app; see `assay::app`.
fn main() {
    #[cfg(target_arch = "wasm32")]
    assay::app::start();
}
