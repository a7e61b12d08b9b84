//! Writes every chart of every corpus release as SVG under /tmp/figure-previews/ (the Hecla
//! seed's at the top, the others in `corpus/`) for a person to look at:
//! `cargo test --test figures_previews -- --ignored`, then render them with headless Chromium.

use assay::chart::render_svg;
use assay::figures::document_charts;
use std::path::Path;

#[test]
#[ignore]
fn write_previews() {
    let fixtures = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
    let top = Path::new("/tmp/figure-previews");
    std::fs::create_dir_all(top.join("corpus")).unwrap();
    for entry in std::fs::read_dir(fixtures).unwrap() {
        let path = entry.unwrap().path();
        if !path.is_file() {
            continue;
        }
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let Ok(doc) = assay::read::read_document(&std::fs::read(&path).unwrap()) else {
            continue;
        };
        for c in document_charts(&doc, &assay::analyze::analyze(&doc)) {
            let svg = render_svg(&c.spec, 760, 420);
            let file = if name.starts_with("hecla") {
                top.join(format!("{}.svg", c.id))
            } else {
                let stem = name.split('.').next().unwrap_or(&name);
                top.join("corpus").join(format!("{stem}--{}.svg", c.id))
            };
            std::fs::write(file, svg).unwrap();
        }
    }
}
