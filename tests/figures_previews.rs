//! Writes every Hecla chart as SVG to /tmp/figure-previews/ for a person to look at
//! (`cargo test --test figures_previews -- --ignored`), then render them with headless Chromium.

use assay::chart::render_svg;
use assay::figures::document_charts;

#[test]
#[ignore]
fn write_hecla_previews() {
    let doc =
        assay::read::read_document(include_bytes!("fixtures/hecla-2007Q3-edgar-ex99-txt.txt"))
            .unwrap();
    let dir = std::path::Path::new("/tmp/figure-previews");
    std::fs::create_dir_all(dir).unwrap();
    for c in document_charts(&doc, &assay::analyze::analyze(&doc)) {
        std::fs::write(
            dir.join(format!("{}.svg", c.id)),
            render_svg(&c.spec, 760, 420),
        )
        .unwrap();
    }
}
