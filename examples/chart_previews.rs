//! Writes every chart of every release of the first corpus as SVG under /tmp/figure-previews/
//! (the Hecla seed's at the top, the others in `corpus/`) for a person to look at:
//! `make chart-previews` (`cargo run --example chart_previews`), then open them in a browser.

use assay::chart::render_svg;
use assay::figures::document_charts;
use std::path::Path;

#[allow(dead_code)]
#[path = "../tests/support/corpus.rs"]
mod corpus;

fn main() {
    let top = Path::new("/tmp/figure-previews");
    std::fs::create_dir_all(top.join("corpus")).unwrap();
    for (name, bytes) in corpus::first_with_bytes() {
        let Ok(doc) = assay::read::read_document(&bytes) else {
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
    println!("wrote {}", top.display());
}
