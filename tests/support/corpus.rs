//! The corpus of real releases in `tests/fixtures/` (where each comes from: `SOURCES.md`), for
//! the tests and tools that read it: the first corpus at the top of the folder, the breadth
//! corpus in `wire/` and `edgar/`. Included with `#[path = "support/corpus.rs"] mod corpus;`
//! so a test that reads files does not compile the browser helpers.

use std::path::{Path, PathBuf};

/// `tests/fixtures/`.
pub fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// The bytes of `name`, a path inside `tests/fixtures/`.
pub fn read(name: &str) -> Vec<u8> {
    let path = dir().join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The releases in `folder` (inside `tests/fixtures/`, "" for the top), as paths inside
/// `tests/fixtures/`, sorted. `SOURCES.md` is not a release.
fn releases_in(folder: &str) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir().join(folder))
        .expect("tests/fixtures")
        .map(|e| e.expect("a fixture's entry").path())
        .filter(|p| p.is_file())
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .filter(|n| n != "SOURCES.md")
        .map(|n| match folder {
            "" => n,
            _ => format!("{folder}/{n}"),
        })
        .collect();
    names.sort();
    names
}

/// The first corpus: the releases at the top of `tests/fixtures/`, by name, sorted.
pub fn first() -> Vec<String> {
    releases_in("")
}

/// The first corpus with each release's bytes.
pub fn first_with_bytes() -> Vec<(String, Vec<u8>)> {
    first()
        .into_iter()
        .map(|name| {
            let bytes = read(&name);
            (name, bytes)
        })
        .collect()
}

/// Every release: the first corpus, then `wire/…` and `edgar/…`, as paths inside
/// `tests/fixtures/`.
pub fn every() -> Vec<String> {
    let mut all = first();
    all.extend(releases_in("wire"));
    all.extend(releases_in("edgar"));
    all
}
