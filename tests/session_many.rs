//! Many releases in the explorer, natively: the list, the series charts chosen from it, a
//! removal, a Clear, a damaged file among good ones. The values are those read by hand in
//! the Pericom releases (see `tests/series.rs`). The Web Worker's part is played by its
//! `Desk`, as the worker plays it: each listed release read, then the series settled and
//! packed for the page, and unpacked.

use std::rc::Rc;

use assay::series::desk::Desk;
use assay::session::{Action, Session};

/// What the worker does with the page's list: reads each release not yet read, then, once
/// no batch is being read, settles the series (sent to the page packed, as the worker does).
fn work(mut s: Session, desk: &mut Desk) -> Session {
    while let Some(l) = s.many.releases.iter().find(|l| !l.read).cloned() {
        let result = desk
            .add(l.id, &l.name, &l.text)
            .map(|listed| (listed.company, listed.period))
            .map_err(|e| e.to_string());
        s = s.apply(Action::ReleaseRead { id: l.id, result });
    }
    let ids: Vec<u32> = s.many.releases.iter().map(|l| l.id).collect();
    for gone in (0..s.many.next_id).filter(|id| !ids.contains(id)) {
        desk.remove(gone);
    }
    if s.many.progress.is_none() {
        let packed = assay::share::companies::pack(&desk.settle());
        let companies = assay::share::companies::unpack(&packed).expect("unpacks");
        assert_eq!(companies, desk.settle(), "packing loses nothing");
        s = s.apply(Action::SeriesSettled(Rc::new(companies)));
    }
    s
}

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!(
        "{}/tests/fixtures/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

#[path = "support/pericom.rs"]
mod pericom;
use pericom::PERICOM;

fn short(name: &str) -> String {
    name.rsplit('/').next().unwrap().to_string()
}

/// The files added as one batch, one action each, as the app dispatches them.
fn batch(s: Session, files: &[(String, Vec<u8>)]) -> Session {
    batch_with(s, files, &mut Desk::default())
}

fn batch_with(mut s: Session, files: &[(String, Vec<u8>)], desk: &mut Desk) -> Session {
    s = s.apply(Action::BeginReading {
        count: files.len(),
        restoring: false,
    });
    for (name, bytes) in files {
        s = s.apply(Action::AddRelease {
            name: name.clone(),
            bytes: bytes.clone(),
            key: None,
        });
    }
    work(s, desk)
}

fn pericom() -> Vec<(String, Vec<u8>)> {
    PERICOM.iter().map(|n| (short(n), fixture(n))).collect()
}

fn chart<'a>(s: &'a Session, id: &str) -> &'a assay::chart::ChartSpec {
    let c = &s.many.companies[0];
    let ids: Vec<&str> = c.charts.iter().map(|c| c.id.as_str()).collect();
    &c.charts
        .iter()
        .find(|c| c.id == id)
        .unwrap_or_else(|| panic!("no chart {id} among {ids:?}"))
        .spec
}

/// The value charted for the category starting `month_year` ("Mar 2005").
fn at(spec: &assay::chart::ChartSpec, month_year: &str) -> (String, Option<String>) {
    let i = spec
        .categories
        .iter()
        .position(|c| c.replace(['*', '†'], "") == month_year)
        .unwrap_or_else(|| panic!("no {month_year} in {:?}", spec.categories));
    (
        spec.categories[i].clone(),
        spec.series[0].values[i].map(|v| v.to_string()),
    )
}

#[test]
fn twelve_pericom_releases_make_one_company_with_series_charts() {
    let s = batch(Session::default(), &pericom());
    assert_eq!(s.many.releases.len(), 12);
    assert!(s.many.failures.is_empty(), "{:?}", s.many.failures);
    assert!(s.many.progress.is_none(), "the batch is done");
    assert_eq!(s.many.companies.len(), 1);
    // The last added is selected and shown in full.
    let last = s.many.releases.last().unwrap();
    assert_eq!(s.many.selected, Some(last.id));
    assert_eq!(s.source, short(PERICOM[11]));
    assert!(s.document.is_some());

    let revenue = chart(&s, "series-net-revenues-usd");
    assert_eq!(revenue.unit, "USD thousands");
    // 19,433 thousand for the quarter ended Mar 2005 (05-001389 line 334, again in 05-003130
    // and 06-002673); 30,182 for Mar 2007 (07-020827 line 300).
    assert_eq!(at(revenue, "Mar 2005").1.as_deref(), Some("19433"));
    assert_eq!(at(revenue, "Mar 2007").1.as_deref(), Some("30182"));
    assert!(revenue.validate().is_ok());

    // Net income for Mar 2005: printed 134, restated 100 (05-003130 line 382): the latest
    // printing is charted and the point is marked.
    let income = chart(&s, "series-net-income-usd");
    assert_eq!(
        at(income, "Mar 2005"),
        ("Mar* 2005".to_string(), Some("100".to_string()))
    );
    assert_eq!(at(income, "Mar 2007").1.as_deref(), Some("2614"));
    assert!(
        income.subtitle.contains("* restated"),
        "{}",
        income.subtitle
    );
    let row = income
        .provenance
        .rows
        .iter()
        .find(|r| r.starts_with("Mar* 2005"))
        .unwrap();
    assert!(row.contains("line 370 \"$      134\""), "{row}");
    assert!(row.contains("line 382 \"$      100\""), "{row}");

    let eps = chart(&s, "series-diluted-income-per-share-usd-share");
    assert_eq!(at(eps, "Mar 2007").1.as_deref(), Some("0.10"));
    // The restatement is listed with both printings.
    let r = s.many.companies[0]
        .restatements
        .iter()
        .find(|r| r.measure == "net income" && r.period.starts_with("3 months ended 2005-03"))
        .unwrap();
    assert_eq!(
        (r.original.as_str(), r.later.as_str()),
        (
            "NEG-pericom-2005-0001275287-05-001389-edgar-txt.txt line 370: “$      134”",
            "NEG-pericom-2005-0001275287-05-003130-edgar-txt.txt line 382: “$      100”"
        )
    );
}

#[test]
fn a_damaged_file_among_good_ones_is_named_and_the_others_load() {
    let mut files = pericom();
    files.insert(3, ("broken.txt".into(), vec![0, 159, 146, 150, 0, 1, 2]));
    files.insert(5, ("empty.txt".into(), Vec::new()));
    let mut s = Session::default().apply(Action::BeginReading {
        count: files.len() + 1,
        restoring: false,
    });
    for (name, bytes) in files {
        s = s.apply(Action::AddRelease {
            name,
            bytes,
            key: None,
        });
        assert!(s.many.progress.is_some());
    }
    s = s.apply(Action::AddFailed {
        name: "huge.txt".into(),
        reason: "too large".into(),
    });
    // The worker reads the twelve listed.
    assert!(s.many.progress.is_some());
    s = work(s, &mut Desk::default());
    assert!(s.many.progress.is_none());
    assert_eq!(s.many.releases.len(), 12);
    let failed: Vec<&str> = s.many.failures.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(failed, ["broken.txt", "empty.txt", "huge.txt"]);
    assert!(s.many.failures.iter().all(|(_, why)| !why.is_empty()));
    assert_eq!(s.many.companies.len(), 1);
}

#[test]
fn progress_counts_each_file() {
    let files = pericom();
    let mut s = Session::default().apply(Action::BeginReading {
        count: 3,
        restoring: false,
    });
    for (i, (name, bytes)) in files.into_iter().take(2).enumerate() {
        s = s.apply(Action::AddRelease {
            name,
            bytes,
            key: None,
        });
        let p = s.many.progress.unwrap();
        // Listed, not yet read by the worker.
        assert_eq!((p.read, p.total), (0, 3));
        assert_eq!(s.many.releases[i].company, assay::session::READING);
    }
    let s = work(s, &mut Desk::default());
    let p = s.many.progress.unwrap();
    assert_eq!((p.read, p.total), (2, 3));
    assert_eq!(
        s.many.releases[0].company,
        "Pericom Semiconductor Corporation"
    );
    // The document is read in full only once the batch is done.
    assert!(s.document.is_none());
}

#[test]
fn remove_select_and_clear() {
    let s = batch(Session::default(), &pericom());
    let first = s.many.releases[0].id;
    let shown = s.many.selected.unwrap();
    // Removing a release not shown keeps the one shown.
    let s = s.apply(Action::RemoveRelease(first));
    assert_eq!(s.many.releases.len(), 11);
    assert_eq!(s.many.selected, Some(shown));
    // Selecting one shows it in full.
    let pick = s.many.releases[2].clone();
    let s = s.apply(Action::SelectRelease(pick.id));
    assert_eq!(s.source, pick.name);
    assert_eq!(s.input, *pick.text);
    // Removing the one shown shows the last on the list.
    let s = s.apply(Action::RemoveRelease(pick.id));
    assert_eq!(s.many.selected, s.many.releases.last().map(|l| l.id));
    assert_eq!(s.source, s.many.releases.last().unwrap().name);
    // Clear forgets all, and ids are not reused.
    let next_id = s.many.next_id;
    let s = s.apply(Action::Clear);
    assert!(s.many.releases.is_empty() && s.document.is_none());
    assert!(s.many.companies.is_empty());
    assert_eq!(s.many.next_id, next_id);
}

#[test]
fn restored_releases_keep_their_keys_and_the_release_shown() {
    let s = Session::default().apply(Action::LoadSample(assay::SAMPLE_RELEASE.into()));
    let mut s = s.apply(Action::BeginReading {
        count: 2,
        restoring: true,
    });
    for (key, n) in [(7, PERICOM[3]), (9, PERICOM[5])] {
        s = s.apply(Action::AddRelease {
            name: short(n),
            bytes: fixture(n),
            key: Some(key),
        });
    }
    let ids: Vec<u32> = s.many.releases.iter().map(|l| l.id).collect();
    assert_eq!(ids, [7, 9]);
    assert_eq!(s.many.next_id, 10);
    let s = work(s, &mut Desk::default());
    assert!(s.many.progress.is_none());
    // The sample shown before the restore stays shown.
    assert_eq!(s.source, assay::session::SAMPLE_SOURCE);
}

#[test]
fn pasted_releases_are_listed_once_and_companies_never_mixed() {
    let hecla = assay::SAMPLE_RELEASE.to_string();
    let s = Session::default()
        .apply(Action::Edit(hecla.clone()))
        .apply(Action::ReadInput)
        .apply(Action::ReadInput);
    assert_eq!(s.many.releases.len(), 1, "the same text is listed once");
    let files = vec![
        (short(PERICOM[3]), fixture(PERICOM[3])),
        (short(PERICOM[5]), fixture(PERICOM[5])),
    ];
    let s = batch(s, &files);
    assert_eq!(s.many.releases.len(), 3);
    let names: Vec<Option<&str>> = s
        .many
        .companies
        .iter()
        .map(|c| Some(c.name.as_str()))
        .collect();
    assert_eq!(
        names,
        [
            Some("Hecla Mining Company"),
            Some("Pericom Semiconductor Corporation")
        ]
    );
}

#[test]
#[ignore = "prints the charts chosen for Pericom"]
fn print_pericom_charts() {
    let s = batch(Session::default(), &pericom());
    for c in s.many.companies[0].charts.iter() {
        println!(
            "{} | {} | {} | {:?}",
            c.id, c.spec.title, c.spec.subtitle, c.spec.categories
        );
    }
}
