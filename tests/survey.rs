//! `assay survey`: the binary run on real releases, its counts checked against the sources.
//!
//! The Hecla seed prints seven tables (the highlights, the reconciliation in its footnote (2),
//! the statements of operations, balance sheets and cash flows, the production data and the
//! cash cost reconciliation) and its six known discrepancies (`tests/analyze_hecla.rs`); the
//! survey's counts per kind and status are the library's own.
//! The Coeur brief is one table of six printed lines ("Shr loss 18 cts vs loss one ct", …)
//! that no check can use.

use std::process::Command;

use assay::analyze::{CheckKind, Status};
use serde_json::Value;

const KINDS: [&str; 4] = ["footing", "recompute", "cross_table", "claim"];

fn fixture(name: &str) -> String {
    format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))
}

fn survey(args: &[&str]) -> (String, bool) {
    let out = Command::new(env!("CARGO_BIN_EXE_assay"))
        .arg("survey")
        .args(args)
        .output()
        .expect("runs");
    (
        String::from_utf8(out.stdout).expect("utf-8"),
        out.status.success(),
    )
}

fn lines(text: &str) -> Vec<Value> {
    text.lines()
        .map(|l| serde_json::from_str(l).expect("a JSON line"))
        .collect()
}

fn count(v: &Value, kind: &str, status: &str) -> u64 {
    v["checks"][kind][status].as_u64().expect("a count")
}

#[test]
fn json_lines_per_file_then_a_total() {
    let hecla = fixture("hecla-2007Q3-edgar-ex99-txt.txt");
    let coeur = fixture("coeur-1986Q4-reuters21578-brief.txt");
    let missing = fixture("no-such-release.txt");
    let (text, ok) = survey(&[&hecla, &missing, &coeur, "--json"]);
    assert!(ok);
    let v = lines(&text);
    assert_eq!(v.len(), 4, "{text}");

    assert_eq!(v[0]["file"], hecla.as_str());
    assert_eq!(v[0]["tables"], 7);
    // The six discrepancies, and every count as the library gives it.
    let mismatches: u64 = KINDS.iter().map(|k| count(&v[0], k, "mismatch")).sum();
    assert_eq!(mismatches, 6);
    let bytes = std::fs::read(&hecla).unwrap();
    let doc = assay::read::read_document(&bytes).unwrap();
    let analysis = assay::analyze::analyze(&doc);
    for (kind, name) in [
        (CheckKind::Footing, "footing"),
        (CheckKind::Recompute, "recompute"),
        (CheckKind::CrossTable, "cross_table"),
        (CheckKind::Claim, "claim"),
    ] {
        for (status, sname) in [
            (Status::Ok, "ok"),
            (Status::Mismatch, "mismatch"),
            (Status::NotCheckable, "not_checkable"),
        ] {
            let n = analysis
                .of_kind(kind)
                .filter(|c| c.status == status)
                .count();
            assert_eq!(count(&v[0], name, sname), n as u64, "{name} {sname}");
        }
    }
    assert_eq!(
        v[0]["rows"],
        doc.tables.iter().map(|t| t.rows.len()).sum::<usize>()
    );
    assert!(count(&v[0], "footing", "ok") > 0);
    assert!(v[0]["ms"].as_f64().is_some());

    // A file that cannot be read says why, and the others go on.
    assert_eq!(v[1]["file"], missing.as_str());
    assert!(v[1]["error"]
        .as_str()
        .is_some_and(|e| e.contains("cannot read")));

    assert_eq!(v[2]["tables"], 1);
    assert_eq!(v[2]["rows"], 6);
    for kind in KINDS {
        for status in ["ok", "mismatch", "not_checkable"] {
            assert_eq!(count(&v[2], kind, status), 0, "{kind} {status}");
        }
    }

    let total = &v[3];
    assert_eq!(total["total"], true);
    assert_eq!(
        (total["files"].clone(), total["read"].clone()),
        (3.into(), 2.into())
    );
    assert_eq!(total["failed"], 1);
    assert_eq!(total["tables"], 8);
    let rows = v[0]["rows"].as_u64().unwrap() + 6;
    assert_eq!(total["rows"], rows);
    assert_eq!(count(total, "cross_table", "mismatch"), 4);
    let bytes = std::fs::metadata(&hecla).unwrap().len() + std::fs::metadata(&coeur).unwrap().len();
    assert_eq!(total["bytes"], bytes);
}

#[test]
fn directories_are_walked_recursively() {
    let dir = tempfile::tempdir().expect("temp dir");
    let nested = dir.path().join("wire");
    std::fs::create_dir(&nested).unwrap();
    for (to, from) in [
        (
            dir.path().join("a.txt"),
            "coeur-1986Q4-reuters21578-brief.txt",
        ),
        (
            nested.join("b.txt"),
            "sunshinemining-1986Q4-reuters21578-brief.txt",
        ),
    ] {
        std::fs::copy(fixture(from), to).unwrap();
    }
    let (text, ok) = survey(&["--json", dir.path().to_str().unwrap()]);
    assert!(ok);
    let v = lines(&text);
    assert_eq!(v.len(), 3, "{text}");
    assert!(v[0]["file"].as_str().unwrap().ends_with("a.txt"));
    assert!(v[1]["file"].as_str().unwrap().ends_with("b.txt"));
    // Sunshine's brief: eight printed lines ("Shr loss 64 cts vs loss 57 cts", …), one table.
    assert_eq!(v[1]["rows"], 8);
    assert_eq!(v[2]["files"], 2);
    assert_eq!(v[2]["rows"], 14);

    // The same survey as text: a line per file and a total.
    let (text, ok) = survey(&[dir.path().to_str().unwrap()]);
    assert!(ok);
    assert!(text.contains("a.txt") && text.contains("b.txt"), "{text}");
    assert!(
        text.contains("total: 2 files (2 read, 0 not read)"),
        "{text}"
    );
}

#[test]
fn a_survey_needs_a_path() {
    let (_, ok) = survey(&["--json"]);
    assert!(!ok);
}
