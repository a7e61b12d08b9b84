//! The `assay` command-line tool (native only): all file and terminal I/O lives here.
//!
//! `assay extract FILE|-` prints the document as JSON (schema `assay/1`, docs/schema.md).
//! `assay bench [FILES]` times extraction and prints medians and throughput.
//! Any failure prints one line on stderr and exits non-zero.

use std::io::{Read, Write};
use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;

const USAGE: &str = "usage: assay extract FILE|-   (print the release as JSON)\n       assay bench [FILES]      (time extraction; default: the built-in sample)";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("extract") if args.len() == 2 => extract(&args[1]),
        Some("bench") => bench(&args[1..]),
        Some("-h" | "--help" | "help") => {
            println!("{USAGE}");
            Ok(())
        }
        _ => Err(format!("expected a command.\n{USAGE}")),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("assay: {message}");
            ExitCode::FAILURE
        }
    }
}

fn load(path: &str) -> Result<Vec<u8>, String> {
    if path == "-" {
        let mut buf = Vec::new();
        std::io::stdin()
            .read_to_end(&mut buf)
            .map_err(|e| format!("cannot read standard input: {e}"))?;
        return Ok(buf);
    }
    std::fs::read(path).map_err(|e| format!("cannot read {path}: {e}"))
}

fn extract(path: &str) -> Result<(), String> {
    let bytes = load(path)?;
    let mut doc = assay::read::read_document(&bytes).map_err(|e| format!("{path}: {e}"))?;
    if path != "-" {
        doc.source.name = Path::new(path)
            .file_name()
            .map(|n| n.to_string_lossy().into_owned());
    }
    let mut out = std::io::stdout().lock();
    writeln!(out, "{}", doc.to_json()).map_err(|e| format!("cannot write output: {e}"))
}

/// Plain harness: the median of repeated runs per input, then the whole set, then a 10x
/// concatenation of the first input to show growth is linear.
fn bench(paths: &[String]) -> Result<(), String> {
    let mut inputs: Vec<(String, Vec<u8>)> = Vec::new();
    if paths.is_empty() {
        inputs.push((
            "sample (hecla)".to_string(),
            assay::SAMPLE_RELEASE.as_bytes().to_vec(),
        ));
    }
    for p in paths {
        inputs.push((p.clone(), load(p)?));
    }
    println!(
        "{:<60} {:>10} {:>12} {:>10}",
        "input", "bytes", "median", "MB/s"
    );
    let mut all = Vec::new();
    for (name, bytes) in &inputs {
        report(name, bytes, &[bytes.as_slice()]);
        all.push(bytes.as_slice());
    }
    if inputs.len() > 1 {
        let total: usize = all.iter().map(|b| b.len()).sum();
        report(
            &format!("all {} inputs", inputs.len()),
            &vec![0; total],
            &all,
        );
    }
    if let Some((name, bytes)) = inputs.first() {
        let mut ten = Vec::with_capacity(bytes.len() * 10 + 10);
        for _ in 0..10 {
            ten.extend_from_slice(bytes);
            ten.push(b'\n');
        }
        report(&format!("{name} x10"), &ten, &[ten.as_slice()]);
    }
    Ok(())
}

fn report(name: &str, sized: &[u8], runs: &[&[u8]]) {
    let mut times = Vec::new();
    let deadline = Instant::now();
    while times.len() < 15 || (times.len() < 500 && deadline.elapsed().as_secs_f64() < 1.0) {
        let t = Instant::now();
        for r in runs {
            let _ = std::hint::black_box(assay::read::read_document(r));
        }
        times.push(t.elapsed().as_secs_f64());
    }
    times.sort_by(f64::total_cmp);
    let median = times[times.len() / 2];
    let mbs = sized.len() as f64 / median / 1e6;
    let shown: String = name
        .chars()
        .rev()
        .take(60)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    println!(
        "{shown:<60} {:>10} {:>9.3} ms {mbs:>10.1}",
        sized.len(),
        median * 1e3
    );
}
