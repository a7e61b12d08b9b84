//! Many releases in the explorer, natively: the list, the series charts chosen from it, a
//! removal, a Clear, a damaged file among good ones. The values are those read by hand in
//! the Pericom releases (see `tests/series.rs`). The Web Worker's part is played by its
//! `Desk`, as the worker plays it: each listed release read, then the series settled and
//! packed for the page, and unpacked.

use std::rc::Rc;

use assay::many::{Action, Many};
use assay::series::desk::Desk;

/// What the worker does with the page's list: reads each release not yet read, then, once
/// no batch is being read, settles the series (sent to the page packed, as the worker does).
fn work(mut s: Many, desk: &mut Desk) -> Many {
    while let Some(l) = s.releases.iter().find(|l| !l.read).cloned() {
        let result = desk
            .add(l.id, &l.name, &l.text)
            .map(|listed| (listed.company, listed.period))
            .map_err(|e| e.to_string());
        s = s.apply(Action::ReleaseRead { id: l.id, result });
    }
    let ids: Vec<u32> = s.releases.iter().map(|l| l.id).collect();
    for gone in (0..s.next_id).filter(|id| !ids.contains(id)) {
        desk.remove(gone);
    }
    if s.progress.is_none() {
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
fn batch(s: Many, files: &[(String, Vec<u8>)]) -> Many {
    batch_with(s, files, &mut Desk::default())
}

fn batch_with(mut s: Many, files: &[(String, Vec<u8>)], desk: &mut Desk) -> Many {
    s = s.apply(Action::BeginReading { count: files.len() });
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

fn chart<'a>(s: &'a Many, id: &str) -> &'a assay::chart::ChartSpec {
    let c = &s.companies[0];
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
    let s = batch(Many::default(), &pericom());
    assert_eq!(s.releases.len(), 12);
    assert!(s.failures.is_empty(), "{:?}", s.failures);
    assert!(s.progress.is_none(), "the batch is done");
    assert_eq!(s.companies.len(), 1);
    assert_eq!(s.releases.last().unwrap().name, short(PERICOM[11]));

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
    let r = s.companies[0]
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
    let mut s = Many::default().apply(Action::BeginReading {
        count: files.len() + 1,
    });
    for (name, bytes) in files {
        s = s.apply(Action::AddRelease {
            name,
            bytes,
            key: None,
        });
        assert!(s.progress.is_some());
    }
    s = s.apply(Action::AddFailed {
        name: "huge.txt".into(),
        reason: "too large".into(),
    });
    // The worker reads the twelve listed.
    assert!(s.progress.is_some());
    s = work(s, &mut Desk::default());
    assert!(s.progress.is_none());
    assert_eq!(s.releases.len(), 12);
    let failed: Vec<&str> = s.failures.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(failed, ["broken.txt", "empty.txt", "huge.txt"]);
    assert!(s.failures.iter().all(|(_, why)| !why.is_empty()));
    assert_eq!(s.companies.len(), 1);
}

#[test]
fn progress_counts_each_file() {
    let files = pericom();
    let mut s = Many::default().apply(Action::BeginReading { count: 3 });
    for (i, (name, bytes)) in files.into_iter().take(2).enumerate() {
        s = s.apply(Action::AddRelease {
            name,
            bytes,
            key: None,
        });
        let p = s.progress.unwrap();
        // Listed, not yet read by the worker.
        assert_eq!((p.read, p.total), (0, 3));
        assert_eq!(s.releases[i].company, assay::many::READING);
    }
    let s = work(s, &mut Desk::default());
    let p = s.progress.unwrap();
    assert_eq!((p.read, p.total), (2, 3));
    assert_eq!(s.releases[0].company, "Pericom Semiconductor Corporation");
}

#[test]
fn remove_and_clear() {
    let mut desk = Desk::default();
    let s = batch_with(Many::default(), &pericom(), &mut desk);
    let first = s.releases[0].id;
    let s = work(s.apply(Action::RemoveRelease(first)), &mut desk);
    assert_eq!(s.releases.len(), 11);
    assert!(s.releases.iter().all(|l| l.id != first));
    assert_eq!(s.companies[0].releases, 11, "the series are settled again");
    // Clear forgets all, and ids are not reused.
    let next_id = s.next_id;
    let s = s.apply(Action::Clear);
    assert!(s.releases.is_empty() && s.companies.is_empty() && s.failures.is_empty());
    assert_eq!(s.next_id, next_id);
}

#[test]
fn restored_releases_keep_their_keys() {
    let mut s = Many::default().apply(Action::BeginReading { count: 2 });
    for (key, n) in [(7, PERICOM[3]), (9, PERICOM[5])] {
        s = s.apply(Action::AddRelease {
            name: short(n),
            bytes: fixture(n),
            key: Some(key),
        });
    }
    let ids: Vec<u32> = s.releases.iter().map(|l| l.id).collect();
    assert_eq!(ids, [7, 9]);
    assert_eq!(s.next_id, 10);
    let s = work(s, &mut Desk::default());
    assert!(s.progress.is_none());
    assert_eq!(s.companies[0].releases, 2);
}

#[test]
fn pasted_releases_are_listed_once_and_companies_never_mixed() {
    let hecla = assay::SAMPLE_RELEASE.to_string();
    let s = Many::default()
        .apply(Action::Edit(hecla.clone()))
        .apply(Action::AddPasted);
    assert!(s.input.is_empty(), "the box empties once its text is added");
    let s = s.apply(Action::Edit(hecla)).apply(Action::AddPasted);
    assert_eq!(s.releases.len(), 1, "the same text is listed once");
    assert_eq!(s.releases[0].name, assay::many::PASTED);
    let mut desk = Desk::default();
    let s = work(s, &mut desk);
    assert!(s.progress.is_none());
    let files = vec![
        (short(PERICOM[3]), fixture(PERICOM[3])),
        (short(PERICOM[5]), fixture(PERICOM[5])),
    ];
    let s = batch_with(s, &files, &mut desk);
    assert_eq!(s.releases.len(), 3);
    let names: Vec<&str> = s.companies.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(
        names,
        ["Hecla Mining Company", "Pericom Semiconductor Corporation"]
    );
}

#[test]
fn a_measure_the_reader_picks_is_charted_beside_the_chosen() {
    let s = batch(Many::default(), &pericom());
    let c = &s.companies[0];
    assert!(
        c.chosen >= 3 && c.charts.len() > c.chosen,
        "{} of {}",
        c.chosen,
        c.charts.len()
    );
    // Gross profit is not among the charts chosen; it can be picked. Quarter ended March
    // 2007: 10,222 thousand (07-020827 line 304, read by hand).
    let (chosen, others) = c.charts.split_at(c.chosen);
    assert!(chosen.iter().all(|c| !c.id.contains("gross-profit")));
    let gross = others
        .iter()
        .find(|c| c.id == "series-gross-profit-usd")
        .unwrap_or_else(|| panic!("{:?}", others.iter().map(|c| &c.id).collect::<Vec<_>>()));
    let s = s.apply(Action::Pick {
        company: 0,
        chart: gross.id.clone(),
    });
    assert_eq!(s.picked, [(0, gross.id.clone())]);
    assert!(gross.spec.validate().is_ok());
    assert_eq!(at(&gross.spec, "Mar 2007").1.as_deref(), Some("10222"));
}

#[test]
fn a_worker_that_fails_is_said() {
    let s = Many::default()
        .apply(Action::BeginReading { count: 2 })
        .apply(Action::WorkerFailed("blocked".into()));
    assert_eq!(s.broken.as_deref(), Some("blocked"));
    assert!(s.progress.is_none());
}

#[test]
#[ignore = "prints the charts chosen for Pericom"]
fn print_pericom_charts() {
    let s = batch(Many::default(), &pericom());
    for c in s.companies[0].charts.iter() {
        println!(
            "{} | {} | {} | {:?}",
            c.id, c.spec.title, c.spec.subtitle, c.spec.categories
        );
    }
}
