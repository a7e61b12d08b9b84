//! The `assay` command-line tool (native only).
fn main() {}
