//! Trust, measured on the corpus: every mismatch the checks report on a corpus release has
//! been read against the source by hand, and the verdicts are kept in
//! `tests/fixtures/truth/judged.tsv` (with the other hand-read truth: a file at the top of
//! `tests/fixtures/` would be taken for a release by the tests that list the corpus) (file, kind, lines, verdict, reason). This test fails when an
//! alarm judged false comes back, when one judged real disappears, and when a mismatch no one
//! has judged appears: read it, then add its line to the file.
//!
//! An alarm is named by its kind and its lines: for a claim, the sentence's line and the
//! cell's; otherwise the first two cells' (the reported cell, then the other printing or
//! the first input).

use std::collections::BTreeSet;

use assay::analyze::{analyze, Check, Status};

fn lines(c: &Check) -> String {
    let mut l: Vec<String> = Vec::new();
    if let Some(claim) = &c.claim {
        l.push(claim.line.to_string());
        l.extend(c.cells.iter().take(1).map(|x| x.line.to_string()));
    } else {
        l.extend(c.cells.iter().take(2).map(|x| x.line.to_string()));
    }
    l.join("+")
}

#[allow(dead_code)]
#[path = "support/corpus.rs"]
mod corpus;

#[test]
fn every_alarm_is_judged_and_the_verdicts_hold() {
    let judged = String::from_utf8(corpus::read("truth/judged.tsv")).expect("judged.tsv");
    let mut real = BTreeSet::new();
    let mut false_ = BTreeSet::new();
    for line in judged
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
    {
        let f: Vec<&str> = line.split('\t').collect();
        assert_eq!(f.len(), 5, "file, kind, lines, verdict, reason: {line}");
        let key = (f[0].to_string(), f[1].to_string(), f[2].to_string());
        match f[3] {
            "real" => real.insert(key),
            "false" => false_.insert(key),
            v => panic!("verdict {v} is neither real nor false"),
        };
    }
    let mut found = BTreeSet::new();
    let mut problems = Vec::new();
    let mut releases = 0;
    for file in corpus::every() {
        let bytes = corpus::read(&file);
        let Ok(doc) = assay::read::read_document(&bytes) else {
            continue;
        };
        releases += 1;
        for c in analyze(&doc)
            .checks
            .iter()
            .filter(|c| c.status == Status::Mismatch)
        {
            let key = (file.clone(), c.kind.name().to_string(), lines(c));
            if false_.contains(&key) {
                problems.push(format!(
                    "judged false, back again: {key:?}: {}",
                    c.explanation
                ));
            } else if !real.contains(&key) {
                problems.push(format!("not judged yet: {key:?}: {}", c.explanation));
            }
            found.insert(key);
        }
    }
    for key in real.difference(&found) {
        problems.push(format!("judged real, no longer reported: {key:?}"));
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    // Fewer than one alarm per release over the corpus.
    assert!(
        found.len() < releases,
        "{} alarms on {releases} releases",
        found.len()
    );
}
