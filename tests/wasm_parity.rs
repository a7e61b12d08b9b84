//! Writes what `assay extract` prints for a few releases (`support/parity.rs`) where the wasm
//! test `tests/web.rs` includes it, to compare the wasm build's JSON with it byte for byte.
//! `make test-wasm` runs this first; without its files the wasm test does not compile.

#[allow(dead_code)]
#[path = "support/corpus.rs"]
mod corpus;
#[macro_use]
#[path = "support/parity.rs"]
mod parity;

const DIR: &str = concat!(env!("CARGO_TARGET_TMPDIR"), "/wasm-parity");

macro_rules! names {
    ($($name:literal),*) => { [$($name),*] };
}

#[test]
fn native_json_for_the_wasm_test() {
    std::fs::create_dir_all(DIR).unwrap();
    for name in parity_releases!(names) {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_assay"))
            .arg("extract")
            .arg(corpus::dir().join(name))
            .output()
            .expect("run assay extract");
        assert!(out.status.success(), "assay extract {name} failed");
        let json = String::from_utf8(out.stdout).expect("UTF-8 JSON");
        assert!(json.starts_with('{'), "{name}: {json:.80}");
        let path = format!("{DIR}/{name}.json");
        // Written only when it changes, so the wasm test is not built again for nothing.
        if std::fs::read_to_string(&path).ok().as_deref() != Some(json.as_str()) {
            std::fs::write(&path, json).unwrap();
        }
    }
}
