//! No quadratic blow-ups: the whole pipeline the app runs (read, analyse, build the charts and
//! key figures) on pathological inputs of growing size takes time about proportional to the
//! size.
//!
//! Each case builds the same pathological shape at a small and a ten-times-larger size and
//! compares the two times measured within this run (interleaved, medians), never an absolute
//! time, so a slow or loaded machine cannot make it flake. Linear work gives a ratio near 10,
//! quadratic work near 100; the bound is 30.
//!
//! Run by `make test-growth` (part of `make test`) in the optimised bench-native profile.
//!
//! The reader is called past its 5 MiB input limit on purpose: the limit is a separate
//! defence (tested in read_corpus.rs), and the reader must not depend on it to stay fast.

use std::time::{Duration, Instant};

use assay::document::Document;

const FACTOR: usize = 10;
const BOUND: f64 = 30.0;

/// Runs what the app runs after a paste.
fn pipeline(text: &str, html: bool) -> usize {
    let document: Document = if html {
        assay::read::read_html(text)
    } else {
        assay::read::read_text(text)
    };
    let analysis = assay::analyze::analyze(&document);
    let charts = assay::figures::document_charts(&document, &analysis);
    let key = assay::figures::key_figures(&document, &analysis);
    document.tables.len() + analysis.checks.len() + charts.len() + key.len()
}

fn time(text: &str, html: bool) -> Duration {
    let start = Instant::now();
    std::hint::black_box(pipeline(std::hint::black_box(text), html));
    start.elapsed()
}

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

/// The time ratio of the large input to the small one. Each round runs the small input ten
/// times and the large one once, so both samples span the same stretch of machine load.
fn ratio(small: &str, large: &str, html: bool) -> (f64, Duration, Duration) {
    let _ = time(small, html); // warm-up: allocator, page faults
    let (mut smalls, mut larges) = (Vec::new(), Vec::new());
    for _ in 0..3 {
        let mut round = Duration::ZERO;
        for _ in 0..FACTOR {
            round += time(small, html);
        }
        smalls.push(round / FACTOR as u32);
        larges.push(time(large, html));
    }
    let (s, l) = (median(smalls), median(larges));
    (l.as_secs_f64() / s.as_secs_f64(), s, l)
}

/// One line of `n` bytes that looks like an endless table row.
fn one_long_line(n: usize) -> String {
    let unit = "Silver ounces produced  1,234,567  (12.50)  --  ";
    unit.repeat(n / unit.len())
}

/// A table `n` columns wide: a period header, a unit line and three rows of numbers.
fn wide_table(n: usize) -> String {
    let mut text = String::from("(In thousands, except per ounce)\n\n");
    text.push_str(&" ".repeat(24));
    for i in 0..n {
        text.push_str(&format!("  {:>6}", 1900 + i % 100));
    }
    text.push('\n');
    for label in ["Sales", "Cost of sales", "Gross profit"] {
        text.push_str(&format!("{label:<24}"));
        for i in 0..n {
            text.push_str(&format!("  {:>6}", (i * 7919) % 99_991));
        }
        text.push('\n');
    }
    text
}

/// The period header of the generated tables.
const HEADER: &str =
    "                            Three Months Ended September 30,\n                                2007          2006\n";

/// `n` rows of a two-period table, `label` before each row's number.
fn rows(text: &mut String, n: usize, label: impl Fn(usize) -> String) {
    for i in 0..n {
        text.push_str(&format!(
            "{:<28}{:>10}  {:>12}\n",
            label(i),
            1000 + i % 9000,
            900 + i % 8000
        ));
    }
}

/// A table whose `n` rows are alternately data and rules (dashes, equals signs), the shape
/// that makes a reader look for the rows a total closes.
fn rule_rows(n: usize) -> String {
    let mut text = String::from(HEADER);
    for i in 0..n / 2 {
        text.push_str(&format!(
            "Cost item {i:<18}  {:>10}  {:>12}\n",
            i % 977,
            format!("({})", i % 613)
        ));
        text.push_str(if i % 2 == 0 {
            "                            ----------    ----------\n"
        } else {
            "                            ==========    ==========\n"
        });
    }
    text
}

/// Tables nested `n` deep, each cell holding the next table.
fn nested_html(n: usize) -> String {
    let mut html = String::from("<html><body>");
    for i in 0..n {
        html.push_str(&format!(
            "<table><tr><td>Sales {i}</td><td>1,{:03}</td><td>",
            i % 1000
        ));
    }
    for _ in 0..n {
        html.push_str("</td></tr></table>");
    }
    html.push_str("</body></html>");
    html
}

/// The same row label `n` times, in one table: every row has the same words, the worst case
/// for anything that groups or matches rows by label.
fn repeated_label(n: usize) -> String {
    let mut text = format!("{HEADER}Silver\n");
    rows(&mut text, n, |_| "  Ounces produced".into());
    text
}

/// `n` sentences with figures over a table of `n` rows whose labels they name: what a claims
/// matcher that compares every figure with every row turns quadratic (fuzzing found the shape).
fn claims_and_rows(n: usize) -> String {
    let mut text = String::from("Hecla reports results.\n\n");
    for i in 0..n {
        text.push_str(&format!(
            "Sales of ore {i} increased {}% to ${}.{} million in the third quarter of 2007 compared to 2006. ",
            i % 40,
            1 + i % 9,
            i % 10
        ));
    }
    text.push_str("\n\n");
    text.push_str(HEADER);
    rows(&mut text, n, |i| format!("Sales of ore {i}"));
    text
}

fn assert_linear(name: &str, make: fn(usize) -> String, small: usize, html: bool) -> String {
    let (s, l) = (make(small), make(small * FACTOR));
    let (r, ts, tl) = ratio(&s, &l, html);
    let line = format!(
        "{name}: {} bytes {ts:.1?}, {} bytes {tl:.1?}, ratio {r:.1}",
        s.len(),
        l.len()
    );
    eprintln!("growth: {line}");
    assert!(
        r < BOUND,
        "{line}: more than {BOUND}x for {FACTOR}x the input"
    );
    line
}

/// One test, so the cases run one after another and do not time each other. Ignored in the
/// debug build: `make test-growth` (part of `make test`) runs it optimised.
#[test]
#[ignore = "timed ratios on inputs up to 50 MB: run optimised with `make test-growth`"]
fn pathological_inputs_take_time_proportional_to_their_size() {
    // Sizes: the large input of each case is the one the issue names.
    assert_linear("one 10 MB line", one_long_line, 1_000_000, false);
    assert_linear("100,000 columns", wide_table, 10_000, false);
    assert_linear("50,000 rows of rules", rule_rows, 10_000, false);
    assert_linear("tables nested 10,000 deep", nested_html, 1_000, true);
    assert_linear(
        "a label repeated 1,000,000 times",
        repeated_label,
        100_000,
        false,
    );
    assert_linear(
        "20,000 claims over 20,000 rows",
        claims_and_rows,
        2_000,
        false,
    );
}
