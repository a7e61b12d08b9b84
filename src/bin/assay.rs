//! The `assay` command-line tool (native only): all file and terminal I/O lives here.
//!
//! `assay extract FILE|-` prints the document as JSON (schema `assay/2`, docs/schema.md), with
//! the metrics and checks of `assay::analyze` added as `"metrics"` and `"checks"`.
//! `assay check FILE|-` prints the checks as a report: counts by status, each mismatch with its
//! evidence, then the narrative claims; for a PDF each source line also names its page and its
//! line on the page.
//! `assay text FILE|-` prints the text as read: a PDF laid out from its glyphs' positions, each
//! line headed by its page and its line on the page (`3:12`).
//! `assay bench [FILES]` times extraction and analysis and prints medians and throughput.
//! `assay survey FILE|DIR… [--json]` reads many releases on all cores and prints, per file and
//! in total, tables, rows, checks per kind and status, and time (`--json`: JSON lines).
//! `assay series FILE|DIR…` reads many releases on all cores and prints each company's series
//! and restatements as JSON (schema `assay-series/1`, docs/schema.md), one line per company.
//! `assay facts FILE|DIR…` prints every figure of every release as CSV in long form.
//! Any failure prints one line on stderr and exits non-zero; `series` and `facts` report a
//! file they cannot read on stderr and go on with the others.

use std::io::{Read, Write};
use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;

const USAGE: &str = "usage: assay extract FILE|-   (print the release as JSON, with metrics and checks)\n       assay check FILE|-     (report the release's consistency checks)\n       assay text FILE|-      (the text as read; a PDF laid out, each line with page:line)\n       assay bench [FILES]      (time extraction and analysis; default: the built-in sample)
       assay bench --series FILE|DIR...
                              (time `assay series` on 100 releases, the files named taken in turn)\n       assay survey FILE|DIR... [--json]\n                              (read many releases on all cores, directories recursively: per file and\n                               in total, tables, rows, checks per kind and status, time;\n                               --json prints one JSON object per file, then a total object)
       assay series FILE|DIR...  (many releases of one or more companies: each company's series and
                               restatements as JSON, one line per company; schema assay-series/1)
       assay facts FILE|DIR...   (every figure of every release as CSV: file, company, document, table,
                               row label, measure, scope, unit, period end, months, value, scale, line)";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("extract") if args.len() == 2 => extract(&args[1]),
        Some("check") if args.len() == 2 => check(&args[1]),
        Some("text") if args.len() == 2 => text(&args[1]),
        Some("bench") if args.get(1).is_some_and(|a| a == "--series") => bench_series(&args[2..]),
        Some("bench") => bench(&args[1..]),
        Some("survey") if args.len() > 1 => survey(&args[1..]),
        Some("series") if args.len() > 1 => series(&args[1..]),
        Some("facts") if args.len() > 1 => facts(&args[1..]),
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

fn read(path: &str) -> Result<assay::document::Document, String> {
    let bytes = load(path)?;
    let mut doc = assay::read::read_document(&bytes).map_err(|e| format!("{path}: {e}"))?;
    if path != "-" {
        doc.source.name = Path::new(path)
            .file_name()
            .map(|n| n.to_string_lossy().into_owned());
    }
    Ok(doc)
}

fn extract(path: &str) -> Result<(), String> {
    let doc = read(path)?;
    let analysis = assay::analyze::analyze(&doc);
    // The same JSON the app downloads: the document with its analysis as two more fields.
    let text = assay::export::document_json(&doc, &analysis);
    let mut out = std::io::stdout().lock();
    writeln!(out, "{text}").map_err(|e| format!("cannot write output: {e}"))
}

/// A PDF's text as Assay lays it out (what its source lines number), each line with its page
/// and line on the page; any other input as it decodes.
fn text(path: &str) -> Result<(), String> {
    let bytes = load(path)?;
    let out = match pdf_text(&bytes) {
        Some(laid) => laid.map_err(|e| format!("{path}: {e}"))?,
        None => assay::read::decode_text(&bytes).map_err(|e| format!("{path}: {e}"))?,
    };
    std::io::stdout()
        .lock()
        .write_all(out.as_bytes())
        .map_err(|e| format!("cannot write output: {e}"))
}

/// A PDF's laid-out text with `page:line` before each line; `None` when `bytes` is no PDF.
#[cfg(not(target_arch = "wasm32"))]
fn pdf_text(bytes: &[u8]) -> Option<Result<String, String>> {
    if !assay::read::is_pdf(bytes) {
        return None;
    }
    Some(
        assay::read::pdf::read(bytes)
            .map_err(|e| e.to_string())
            .map(|laid| {
                let mut out = String::new();
                let mut page = 0;
                for (i, line) in laid.text.lines().enumerate() {
                    if laid.pages.get(page) == Some(&(i + 1)) {
                        page += 1;
                    }
                    let first = laid.pages[page - 1];
                    out.push_str(&format!("{page:>3}:{:<3} {line}\n", i + 2 - first));
                }
                out
            }),
    )
}

/// The PDF reader is native only (the app will load it as a module of its own).
#[cfg(target_arch = "wasm32")]
fn pdf_text(_: &[u8]) -> Option<Result<String, String>> {
    None
}

fn check(path: &str) -> Result<(), String> {
    use assay::analyze::{CheckKind, Status};
    let doc = read(path)?;
    let analysis = assay::analyze::analyze(&doc);
    let counts = analysis.counts();
    let mut r = String::new();
    let name = doc.source.name.as_deref().unwrap_or("standard input");
    r.push_str(&format!(
        "{name}: {} checks: {} ok, {} mismatch, {} not checkable\n",
        analysis.checks.len(),
        counts.ok,
        counts.mismatch,
        counts.not_checkable
    ));
    for kind in [
        CheckKind::Footing,
        CheckKind::Recompute,
        CheckKind::CrossTable,
        CheckKind::Claim,
    ] {
        let of: Vec<_> = analysis.of_kind(kind).collect();
        let n = |s: Status| of.iter().filter(|c| c.status == s).count();
        r.push_str(&format!(
            "  {:<12} {:>4} ok {:>4} mismatch {:>4} not checkable\n",
            kind.name(),
            n(Status::Ok),
            n(Status::Mismatch),
            n(Status::NotCheckable)
        ));
    }
    let mismatches: Vec<_> = analysis
        .checks
        .iter()
        .filter(|c| c.status == Status::Mismatch)
        .collect();
    r.push_str(&format!("\nMismatches ({})\n", mismatches.len()));
    for c in mismatches {
        r.push_str(&format!("\n* [{}] {}\n", c.kind.name(), c.explanation));
        if let Some(claim) = &c.claim {
            r.push_str(&format!(
                "    line {}{}: \"{}\"\n",
                claim.line,
                on_page(&doc, claim.line),
                claim.sentence
            ));
        }
        for cell in &c.cells {
            r.push_str(&format!(
                "    {}{}\n",
                cell.describe(),
                on_page(&doc, cell.line)
            ));
        }
        if let Some(t) = &c.tolerance {
            r.push_str(&format!(
                "    allowed {} to {} ({})\n",
                t.low, t.high, t.rule
            ));
        }
    }
    let claims: Vec<_> = analysis.of_kind(CheckKind::Claim).collect();
    r.push_str(&format!("\nClaims ({})\n", claims.len()));
    for c in claims {
        let status = match c.status {
            Status::Ok => "ok",
            Status::Mismatch => "MISMATCH",
            Status::NotCheckable => "not checkable",
        };
        let figure = c.claim.as_ref().map(|f| f.figure.as_str()).unwrap_or("");
        let line = c.claim.as_ref().map(|f| f.line).unwrap_or(0);
        r.push_str(&format!(
            "  [{status}] line {line}{} {figure:?}: {}\n",
            on_page(&doc, line),
            c.explanation
        ));
    }
    let mut out = std::io::stdout().lock();
    write!(out, "{r}").map_err(|e| format!("cannot write output: {e}"))
}

/// For a PDF, where a source line is printed: " (page 7, line 14)"; nothing for text.
fn on_page(doc: &assay::document::Document, line: usize) -> String {
    match doc.source.page_of(line) {
        Some((page, on)) => format!(" (page {page}, line {on})"),
        None => String::new(),
    }
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
        "{:<60} {:>10} {:>12} {:>10} {:>14}",
        "input", "bytes", "median", "MB/s", "analyze median"
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
        let read = |b: &[u8]| {
            let _ = std::hint::black_box(assay::read::read_document(b));
        };
        growth("growth x10", &|| read(bytes), &|| read(&ten));
        if let (Ok(d1), Ok(d10)) = (
            assay::read::read_document(bytes),
            assay::read::read_document(&ten),
        ) {
            let analyze = |d: &assay::document::Document| {
                let _ = std::hint::black_box(assay::analyze::analyze(d));
            };
            growth("analysis growth x10", &|| analyze(&d1), &|| analyze(&d10));
        }
    }
    Ok(())
}

/// The x10 input's time over the single input's (reading, or the analysis of documents read
/// once). Each sample times ten runs of the single input, then one run of the x10 input: both
/// take about as long, so on a shared machine both are as likely to be preempted (timing a
/// short run against a long one exaggerates growth).
fn growth(what: &str, one: &dyn Fn(), ten: &dyn Fn()) {
    let time = |f: &dyn Fn(), n: usize| {
        let t = Instant::now();
        for _ in 0..n {
            f();
        }
        t.elapsed().as_secs_f64() / n as f64
    };
    let (mut ones, mut tens, mut ratios) = (Vec::new(), Vec::new(), Vec::new());
    let start = Instant::now();
    while ratios.len() < 15 || (ratios.len() < 200 && start.elapsed().as_secs_f64() < 2.0) {
        let a = time(one, 10);
        let b = time(ten, 1);
        ratios.push(b / a);
        ones.push(a);
        tens.push(b);
    }
    let median = |v: &mut Vec<f64>| {
        v.sort_by(f64::total_cmp);
        v[v.len() / 2]
    };
    println!(
        "{what} (interleaved): {:.1}x  (1x median {:.3} ms, 10x median {:.3} ms)",
        median(&mut ratios),
        median(&mut ones) * 1e3,
        median(&mut tens) * 1e3
    );
}

fn report(name: &str, sized: &[u8], runs: &[&[u8]]) {
    let median = |f: &dyn Fn()| {
        let mut times = Vec::new();
        let deadline = Instant::now();
        while times.len() < 15 || (times.len() < 500 && deadline.elapsed().as_secs_f64() < 1.0) {
            let t = Instant::now();
            f();
            times.push(t.elapsed().as_secs_f64());
        }
        times.sort_by(f64::total_cmp);
        times[times.len() / 2]
    };
    let parse = median(&|| {
        for r in runs {
            let _ = std::hint::black_box(assay::read::read_document(r));
        }
    });
    // Metrics and checks alone, on documents read once.
    let docs: Vec<_> = runs
        .iter()
        .filter_map(|r| assay::read::read_document(r).ok())
        .collect();
    let analyze = median(&|| {
        for d in &docs {
            let _ = std::hint::black_box(assay::analyze::analyze(d));
        }
    });
    let mbs = sized.len() as f64 / parse / 1e6;
    let shown: String = name
        .chars()
        .rev()
        .take(60)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    println!(
        "{shown:<60} {:>10} {:>9.3} ms {mbs:>10.1} {:>11.3} ms",
        sized.len(),
        parse * 1e3,
        analyze * 1e3
    );
}

/// What `assay survey` finds in one file.
#[derive(Default, Clone)]
struct Surveyed {
    bytes: usize,
    tables: usize,
    rows: usize,
    /// By kind (footing, recompute, cross_table, claim), then status (ok, mismatch,
    /// not_checkable).
    checks: [[usize; 3]; 4],
    /// Reading and analysis, in seconds.
    seconds: f64,
}

const KINDS: [assay::analyze::CheckKind; 4] = [
    assay::analyze::CheckKind::Footing,
    assay::analyze::CheckKind::Recompute,
    assay::analyze::CheckKind::CrossTable,
    assay::analyze::CheckKind::Claim,
];
const STATUSES: [&str; 3] = ["ok", "mismatch", "not_checkable"];

impl Surveyed {
    fn of(bytes: &[u8]) -> Result<Surveyed, String> {
        use assay::analyze::Status;
        let start = Instant::now();
        let doc = assay::read::read_document(bytes).map_err(|e| e.to_string())?;
        let analysis = assay::analyze::analyze(&doc);
        let seconds = start.elapsed().as_secs_f64();
        let mut checks = [[0; 3]; 4];
        for c in &analysis.checks {
            let k = KINDS.iter().position(|&k| k == c.kind).unwrap_or(0);
            let s = match c.status {
                Status::Ok => 0,
                Status::Mismatch => 1,
                Status::NotCheckable => 2,
            };
            checks[k][s] += 1;
        }
        Ok(Surveyed {
            bytes: bytes.len(),
            tables: doc.tables.len(),
            rows: doc.tables.iter().map(|t| t.rows.len()).sum(),
            checks,
            seconds,
        })
    }

    fn add(&mut self, o: &Surveyed) {
        self.bytes += o.bytes;
        self.tables += o.tables;
        self.rows += o.rows;
        for (a, b) in self.checks.iter_mut().zip(&o.checks) {
            for (x, y) in a.iter_mut().zip(b) {
                *x += y;
            }
        }
        self.seconds += o.seconds;
    }

    /// `{"footing": {"ok": 3, "mismatch": 0, "not_checkable": 1}, …}`
    fn checks_json(&self) -> serde_json::Value {
        let mut m = serde_json::Map::new();
        for (kind, counts) in KINDS.iter().zip(&self.checks) {
            let mut s = serde_json::Map::new();
            for (name, n) in STATUSES.iter().zip(counts) {
                s.insert((*name).into(), (*n).into());
            }
            m.insert(kind.name().into(), s.into());
        }
        m.into()
    }

    /// "footing 12/1/3 …": per kind, ok/mismatch/not checkable.
    fn checks_text(&self) -> String {
        let mut s = String::new();
        for (kind, [ok, mis, nc]) in KINDS.iter().zip(&self.checks) {
            s.push_str(&format!("  {} {ok}/{mis}/{nc}", kind.name()));
        }
        s
    }
}

/// The files named, directories walked recursively (entries sorted by name, hidden ones
/// passed over), in the order given.
fn survey_files(paths: &[String]) -> Vec<(String, Result<(), String>)> {
    fn walk(path: &Path, out: &mut Vec<(String, Result<(), String>)>) {
        let shown = path.to_string_lossy().into_owned();
        if !path.is_dir() {
            out.push((shown, Ok(())));
            return;
        }
        let mut entries: Vec<_> = match std::fs::read_dir(path) {
            Ok(dir) => dir.filter_map(Result::ok).map(|e| e.path()).collect(),
            Err(e) => {
                out.push((shown, Err(format!("cannot read directory: {e}"))));
                return;
            }
        };
        entries.sort();
        for e in entries {
            if !e
                .file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with('.'))
            {
                walk(&e, out);
            }
        }
    }
    let mut out = Vec::new();
    for p in paths {
        walk(Path::new(p), &mut out);
    }
    out
}

/// `work` done for every item on all cores, each worker taking the next item not yet taken;
/// the results in the items' order, `None` for one whose worker panicked. Also the number of
/// workers.
fn on_all_cores<I: Sync, T: Send>(
    items: &[I],
    work: impl Fn(&I) -> T + Sync,
) -> (Vec<Option<T>>, usize) {
    use std::sync::atomic::{AtomicUsize, Ordering};
    let workers = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(items.len().max(1));
    let next = AtomicUsize::new(0);
    let mut results: Vec<Option<T>> = std::iter::repeat_with(|| None).take(items.len()).collect();
    std::thread::scope(|s| {
        let handles: Vec<_> = (0..workers)
            .map(|_| {
                s.spawn(|| {
                    let mut done = Vec::new();
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(item) = items.get(i) else {
                            break;
                        };
                        done.push((i, work(item)));
                    }
                    done
                })
            })
            .collect();
        // A worker that panicked leaves its items empty.
        for (i, r) in handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_default())
        {
            results[i] = Some(r);
        }
    });
    (results, workers)
}

/// `assay survey`: every file read and analysed on all cores (each worker takes the next file
/// not yet taken); a file that cannot be read is reported with its reason and the others go on.
fn survey(args: &[String]) -> Result<(), String> {
    let json = args.iter().any(|a| a == "--json");
    let paths: Vec<String> = args.iter().filter(|a| *a != "--json").cloned().collect();
    if paths.is_empty() {
        return Err(format!("survey needs a file or directory.\n{USAGE}"));
    }
    let files = survey_files(&paths);
    let start = Instant::now();
    let (done, workers) = on_all_cores(&files, |(path, listed)| {
        listed.clone().and_then(|()| {
            let bytes = std::fs::read(path).map_err(|e| format!("cannot read: {e}"))?;
            Surveyed::of(&bytes)
        })
    });
    let results: Vec<(usize, Result<Surveyed, String>)> = done
        .into_iter()
        .map(|r| r.unwrap_or_else(|| Err("a worker panicked".into())))
        .enumerate()
        .collect();
    let wall = start.elapsed().as_secs_f64();
    let mut total = Surveyed::default();
    let mut failed = 0;
    let mut out = String::new();
    if !json {
        out.push_str("checks per kind: ok/mismatch/not checkable\n");
    }
    for (i, result) in &results {
        let file = files.get(*i).map_or("?", |f| f.0.as_str());
        match result {
            Ok(s) => {
                total.add(s);
                if json {
                    let line = serde_json::json!({
                        "file": file,
                        "bytes": s.bytes,
                        "tables": s.tables,
                        "rows": s.rows,
                        "checks": s.checks_json(),
                        "ms": (s.seconds * 1e6).round() / 1e3,
                    });
                    out.push_str(&format!("{line}\n"));
                } else {
                    out.push_str(&format!(
                        "{file}\n  {} tables {} rows{}  {:.1} ms\n",
                        s.tables,
                        s.rows,
                        s.checks_text(),
                        s.seconds * 1e3
                    ));
                }
            }
            Err(e) => {
                failed += 1;
                if json {
                    let line = serde_json::json!({"file": file, "error": e});
                    out.push_str(&format!("{line}\n"));
                } else {
                    out.push_str(&format!("{file}\n  not read: {e}\n"));
                }
            }
        }
    }
    let read = results.len() - failed;
    let mbs = total.bytes as f64 / wall / 1e6;
    let mismatches: usize = total.checks.iter().map(|k| k[1]).sum();
    if json {
        let line = serde_json::json!({
            "total": true,
            "files": results.len(),
            "read": read,
            "failed": failed,
            "bytes": total.bytes,
            "tables": total.tables,
            "rows": total.rows,
            "checks": total.checks_json(),
            "ms": (wall * 1e6).round() / 1e3,
            "cpu_ms": (total.seconds * 1e6).round() / 1e3,
            "threads": workers,
            "mb_per_s": (mbs * 100.0).round() / 100.0,
        });
        out.push_str(&format!("{line}\n"));
    } else {
        out.push_str(&format!(
            "total: {} files ({read} read, {failed} not read), {} bytes\n  {} tables {} rows{}\n  {mismatches} mismatches, {:.2} per file read\n  {:.1} ms on {workers} threads ({:.1} ms reading and analysing), {mbs:.2} MB/s\n",
            results.len(),
            total.bytes,
            total.tables,
            total.rows,
            total.checks_text(),
            mismatches as f64 / read.max(1) as f64,
            wall * 1e3,
            total.seconds * 1e3,
        ));
    }
    let mut stdout = std::io::stdout().lock();
    write!(stdout, "{out}").map_err(|e| format!("cannot write output: {e}"))
}

/// The releases named (directories walked as `survey` walks them), read on all cores and
/// reduced to what the series need; a file that cannot be read is reported on stderr.
fn releases(paths: &[String]) -> Vec<assay::series::Release> {
    releases_of(&survey_files(paths))
}

fn releases_of(files: &[(String, Result<(), String>)]) -> Vec<assay::series::Release> {
    let (done, _) = on_all_cores(files, |(path, listed)| {
        listed.clone()?;
        let doc = read(path)?;
        Ok::<_, String>(assay::series::Release::of(&doc, 0))
    });
    let mut out = Vec::new();
    for ((path, _), r) in files.iter().zip(done) {
        match r.unwrap_or_else(|| Err("a worker panicked".into())) {
            Ok(r) => out.push(r),
            Err(e) => eprintln!("assay: {path}: not read: {e}"),
        }
    }
    out
}

/// `assay series`: one JSON object per company, one per line, companies in the order their
/// first file is given.
fn series(paths: &[String]) -> Result<(), String> {
    let out = series_json(&releases(paths))?;
    let mut stdout = std::io::stdout().lock();
    write!(stdout, "{out}").map_err(|e| format!("cannot write output: {e}"))
}

/// `assay facts`: a header, then every figure of every release, files in the order given.
fn facts(paths: &[String]) -> Result<(), String> {
    let mut out = assay::series::FACTS_CSV_HEADER.join(",");
    out.push_str("\r\n");
    for r in releases(paths) {
        out.push_str(&r.facts_csv());
    }
    let mut stdout = std::io::stdout().lock();
    write!(stdout, "{out}").map_err(|e| format!("cannot write output: {e}"))
}

/// Each company's series as JSON lines.
fn series_json(releases: &[assay::series::Release]) -> Result<String, String> {
    let mut out = String::new();
    for company in assay::series::of_releases(releases) {
        let line = serde_json::to_string(&company).map_err(|e| e.to_string())?;
        out.push_str(&line);
        out.push('\n');
    }
    Ok(out)
}

/// `assay bench --series`: what `assay series` does (read on all cores, settle, write JSON)
/// on 100 releases, the files named taken in turn until there are 100; the median of
/// repeated runs, and of its steps.
fn bench_series(paths: &[String]) -> Result<(), String> {
    const RELEASES: usize = 100;
    let named = survey_files(paths);
    if named.is_empty() {
        return Err(format!("bench --series needs files.\n{USAGE}"));
    }
    let files: Vec<_> = named.iter().cycle().take(RELEASES).cloned().collect();
    let (mut read, mut settle, mut total) = (Vec::new(), Vec::new(), Vec::new());
    let mut shown = (0, 0);
    let start = Instant::now();
    while total.len() < 5 || (total.len() < 15 && start.elapsed().as_secs_f64() < 30.0) {
        let t = Instant::now();
        let releases = releases_of(&files);
        let r = t.elapsed().as_secs_f64();
        let out = std::hint::black_box(series_json(&releases)?);
        read.push(r);
        settle.push(t.elapsed().as_secs_f64() - r);
        total.push(t.elapsed().as_secs_f64());
        shown = (releases.len(), out.lines().count());
    }
    let median = |v: &mut Vec<f64>| {
        v.sort_by(f64::total_cmp);
        v[v.len() / 2] * 1e3
    };
    println!(
        "series: {} releases ({} files named), companies: {}, {} runs: median {:.1} ms (reading {:.1} ms on all cores, series and JSON {:.1} ms)",
        shown.0,
        named.len(),
        shown.1,
        total.len(),
        median(&mut total),
        median(&mut read),
        median(&mut settle),
    );
    Ok(())
}
