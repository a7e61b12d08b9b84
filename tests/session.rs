//! The explorer's interaction logic, natively: the same reducer the app dispatches to.

use assay::chart::ChartKind;
use assay::session::{
    picked, Action, Notice, Origin, Saved, Session, ShownChecks, PASTED_SOURCE, READING_PDF,
    SAMPLE_SOURCE,
};

fn error_text(s: &Session) -> &str {
    match &s.notice {
        Some(Notice::Error(text)) => text,
        other => panic!("expected an error, got {other:?}"),
    }
}

#[test]
fn empty_input_asks_for_a_release() {
    let s = Session::default()
        .apply(Action::Edit("  \n ".into()))
        .apply(Action::ReadInput);
    assert!(error_text(&s).starts_with("There is nothing to read yet"));
    assert!(s.document.is_none());
}

#[test]
fn the_sample_loads_hecla_into_the_box_and_the_document() {
    let s = Session::default().apply(Action::LoadSample(assay::SAMPLE_RELEASE.into()));
    assert_eq!(s.source, SAMPLE_SOURCE);
    assert_eq!(*s.input, assay::SAMPLE_RELEASE);
    let d = s.document.as_ref().unwrap();
    assert_eq!(d.tables.len(), 7);
    assert_eq!(d.company.name.as_deref(), Some("Hecla Mining Company"));
}

#[test]
fn a_binary_file_is_refused_and_the_box_keeps_what_the_user_typed() {
    let typed = Session::default().apply(Action::Edit("my notes".into()));
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01".to_vec();
    let s = typed.apply(Action::ReadFile {
        name: "chart.png".into(),
        bytes: png,
    });
    assert!(error_text(&s).starts_with("chart.png: "), "{:?}", s.notice);
    assert_eq!(*s.input, "my notes");
    assert!(s.document.is_none());
}

#[test]
fn a_pasted_release_is_read_from_the_box() {
    let s = Session::default()
        .apply(Action::Edit(assay::SAMPLE_RELEASE.into()))
        .apply(Action::ReadInput);
    assert_eq!(s.source, PASTED_SOURCE);
    assert_eq!(s.document.unwrap().tables.len(), 7);
}

#[test]
fn picked_rows_become_a_chart_and_the_pick_is_cleared() {
    let s = Session::default().apply(Action::LoadSample(assay::SAMPLE_RELEASE.into()));
    let table = s.document.as_ref().unwrap().tables[0].id.to_string();
    let silver = s.document.as_ref().unwrap().tables[0]
        .rows
        .iter()
        .position(|r| r.label == "Silver - Ounces")
        .unwrap();
    let s = s.apply(Action::ToggleRow {
        table: table.clone(),
        row: silver,
    });
    assert_eq!(picked(&s.selection, &table), [silver]);
    let s = s.apply(Action::ChartSelection {
        table: table.clone(),
        kind: ChartKind::Line,
    });
    assert_eq!(s.charts.len(), 1);
    assert_eq!(
        s.charts[0].title,
        "Silver - Ounces (PRODUCTION SUMMARY - TOTALS)"
    );
    assert!(s.selection.is_empty());
    // Charting nothing says what to do.
    let s = s.apply(Action::ChartSelection {
        table,
        kind: ChartKind::Bar,
    });
    assert_eq!(
        error_text(&s),
        "Select one or more rows with numbers to chart them."
    );
    assert_eq!(s.apply(Action::RemoveChart(0)).charts.len(), 0);
}

#[test]
fn clear_forgets_everything() {
    let s = Session::default()
        .apply(Action::LoadSample(assay::SAMPLE_RELEASE.into()))
        .apply(Action::Clear);
    assert_eq!(s, Session::default());
}

#[test]
fn the_checks_shown_stay_across_reads_until_a_clear() {
    let all = ShownChecks {
        not_checkable: true,
        ok: true,
    };
    let s = Session::default()
        .apply(Action::LoadSample(assay::SAMPLE_RELEASE.into()))
        .apply(Action::ShowChecks(all));
    assert_eq!(s.shown_checks, all);
    let s = s
        .apply(Action::Edit(assay::SAMPLE_RELEASE.into()))
        .apply(Action::ReadInput);
    assert_eq!(s.shown_checks, all);
    assert_eq!(s.apply(Action::Clear).shown_checks, ShownChecks::default());
}

#[test]
fn a_file_dragged_over_the_box_changes_nothing_else() {
    let s = Session::default().apply(Action::LoadSample(assay::SAMPLE_RELEASE.into()));
    let over = s.apply(Action::Drag(true));
    assert!(over.dragging);
    assert_eq!(over.apply(Action::Drag(false)), s);
}

#[test]
fn restore_reads_the_remembered_text_again() {
    let s = Session::default().apply(Action::Restore(Saved {
        input: assay::SAMPLE_RELEASE.to_string().into(),
        source: "x.txt".into(),
        ..Saved::default()
    }));
    assert_eq!(s.source, "x.txt");
    assert_eq!(s.document.unwrap().tables.len(), 7);
}

#[test]
fn focusing_a_row_shows_its_source_line() {
    let s = Session::default().apply(Action::LoadSample(assay::SAMPLE_RELEASE.into()));
    let d = s.document.clone().unwrap();
    let t = d
        .tables
        .iter()
        .find(|t| t.title.as_deref() == Some("Consolidated Balance Sheets"))
        .unwrap();
    let row = t
        .rows
        .iter()
        .position(|r| r.label == "Accumulated deficit")
        .unwrap();
    let s = s.apply(Action::Focus(Some(assay::session::Focus {
        table: t.id.to_string(),
        row,
    })));
    let line = t.rows[row].line;
    let lines = s.source_lines(line, 1);
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[1].0, line);
    assert!(lines[1].1.starts_with("Accumulated deficit") && lines[1].1.contains("(327,522)"));
    // A row that does not exist is not focused.
    let s = s.apply(Action::Focus(Some(assay::session::Focus {
        table: t.id.to_string(),
        row: 10_000,
    })));
    assert_eq!(s.focus.as_ref().unwrap().row, row);
    assert!(s.apply(Action::Focus(None)).focus.is_none());
}

#[test]
fn a_loaded_document_comes_with_its_checks() {
    let s = Session::default().apply(Action::LoadSample(assay::SAMPLE_RELEASE.into()));
    let analysis = s.analysis.unwrap();
    assert!(!analysis.checks.is_empty());
    assert!(!analysis.metrics.is_empty());
}

mod links {
    use super::*;
    use assay::share::{decode, link, SharePayload};
    use std::rc::Rc;

    /// Navigates to `hash` and answers the link it starts opening the way the app does,
    /// with the body decoded (natively, by miniz_oxide; the app uses the browser's zlib).
    fn open_link(s: &Session, hash: &str) -> Session {
        let s = s.apply(Action::Navigate(hash.into()));
        let body = s.opening.clone().expect("the hash holds a link");
        let result = Box::new(decode(&body));
        s.apply(Action::LinkOpened { body, result })
    }

    fn silver_chart(s: &Session) -> assay::chart::ChartSpec {
        let d = s.document.as_ref().unwrap();
        let row = d.tables[0]
            .rows
            .iter()
            .position(|r| r.label == "Silver - Ounces")
            .unwrap();
        assay::figures::rows_chart(d, &d.tables[0].id, &[row], ChartKind::Bar).unwrap()
    }

    #[test]
    fn a_share_link_opens_its_chart_without_the_release() {
        let s = Session::default().apply(Action::LoadSample(assay::SAMPLE_RELEASE.into()));
        let chart = silver_chart(&s);
        let url = link(
            "https://example.org/assay/",
            &SharePayload::Chart(chart.clone()),
        )
        .unwrap();
        let hash = url.split_once('#').unwrap().1.to_owned();
        let opened = open_link(&Session::default(), &hash);
        assert_eq!(opened.shared.as_deref(), Some(&chart));
        assert!(opened.document.is_none());
    }

    #[test]
    fn a_link_with_the_release_opens_the_whole_explorer() {
        let s = Session::default().apply(Action::LoadSample(assay::SAMPLE_RELEASE.into()));
        let chart = silver_chart(&s);
        let payload = SharePayload::ChartWithRelease {
            chart,
            release: assay::SAMPLE_RELEASE.into(),
        };
        let url = link("https://example.org/assay/", &payload).unwrap();
        let opened = open_link(&Session::default(), url.split_once('#').unwrap().1);
        assert_eq!(opened.document.unwrap().tables.len(), 7);
        assert!(opened.shared.is_some());
    }

    #[test]
    fn a_tampered_link_says_so_and_keeps_what_the_user_had() {
        let s = Session::default().apply(Action::Edit("my notes".into()));
        let opened = open_link(&s, "#c=AQBtotallyNotAChart");
        assert!(opened.shared.is_none());
        assert_eq!(*opened.input, "my notes");
        assert!(matches!(opened.notice, Some(Notice::Error(_))));
    }

    #[test]
    fn while_a_link_opens_the_page_keeps_what_it_had_and_says_so() {
        let s = Session::default()
            .apply(Action::LoadSample(assay::SAMPLE_RELEASE.into()))
            .apply(Action::Edit("my notes".into()));
        let chart = silver_chart(&s);
        let url = link("https://example.org/", &SharePayload::Chart(chart.clone())).unwrap();
        let hash = url.split_once('#').unwrap().1;
        let opening = s.apply(Action::Navigate(hash.into()));
        assert_eq!(opening.opening.as_deref(), Some(&hash[2..]));
        assert_eq!(*opening.input, "my notes");
        assert!(opening.document.is_some() && opening.shared.is_none());
        assert_eq!(
            opening.notice,
            Some(Notice::Info(assay::session::OPENING_LINK.into()))
        );
        // Typing while it opens is kept, and so is the link across a read of the box.
        let typed = opening
            .apply(Action::Edit("more notes".into()))
            .apply(Action::ReadInput);
        let body = typed.opening.clone().unwrap();
        let result = Box::new(decode(&body));
        let opened = typed.apply(Action::LinkOpened { body, result });
        assert_eq!(*opened.input, "more notes");
        assert_eq!(opened.shared.as_deref(), Some(&chart));
        assert_eq!(opened.opening, None);
        assert_eq!(opened.notice, None);
    }

    #[test]
    fn a_link_answered_after_the_reader_moved_on_is_ignored() {
        let s = Session::default().apply(Action::LoadSample(assay::SAMPLE_RELEASE.into()));
        let url = link(
            "https://example.org/",
            &SharePayload::Chart(silver_chart(&s)),
        )
        .unwrap();
        let hash = url.split_once('#').unwrap().1;
        let opening = s.apply(Action::Navigate(hash.into()));
        let body = opening.opening.clone().unwrap();
        // Back to a row before the link unpacked: the late answer changes nothing.
        let moved = opening.apply(Action::Navigate("#v=t1.2".into()));
        assert_eq!(moved.opening, None);
        let late = moved.apply(Action::LinkOpened {
            body: Rc::clone(&body),
            result: Box::new(decode(&body)),
        });
        assert_eq!(late, moved);
        // Nor does an answer for another link.
        let other = opening.apply(Action::LinkOpened {
            body: "AQB".into(),
            result: Box::new(decode("AQB")),
        });
        assert_eq!(other, opening);
    }

    #[test]
    fn the_view_hash_round_trips_the_row_in_focus() {
        let s = Session::default().apply(Action::LoadSample(assay::SAMPLE_RELEASE.into()));
        let focused = s.apply(Action::Focus(Some(assay::session::Focus {
            table: "t3".into(),
            row: 4,
        })));
        assert_eq!(focused.view_hash(), "v=t3.4");
        let back = s.apply(Action::Navigate(format!("#{}", focused.view_hash())));
        assert_eq!(back.focus, focused.focus);
        // Junk in the fragment is no focus, not an error.
        assert!(s
            .apply(Action::Navigate("#v=<script>".into()))
            .focus
            .is_none());
    }
}

#[test]
fn text_without_tables_is_read_with_a_note_saying_so() {
    let s = Session::default()
        .apply(Action::Edit(
            "Gold rose today. Analysts expect more.".into(),
        ))
        .apply(Action::ReadInput);
    assert_eq!(s.document.as_ref().unwrap().tables.len(), 0);
    assert!(
        matches!(&s.notice, Some(Notice::Info(text)) if text.starts_with("No tables were found"))
    );
}

#[test]
fn a_file_over_the_limit_is_refused_before_reading() {
    let huge = vec![b'a'; assay::read::MAX_INPUT_BYTES + 1];
    let s = Session::default().apply(Action::ReadFile {
        name: "huge.txt".into(),
        bytes: huge,
    });
    assert!(
        error_text(&s).starts_with("huge.txt: The input is 5242881 bytes, over the"),
        "{:?}",
        s.notice
    );
    assert!(s.document.is_none());
}

#[test]
fn a_file_refused_by_its_size_says_the_limits_and_keeps_the_box() {
    let boxed = Session::default().apply(Action::Edit("Sales  10  9".into()));
    // Over the PDF reader's limit, refused before the browser reads it.
    let s = boxed.apply(Action::FileTooLarge {
        name: "filing.pdf".into(),
        bytes: 40 << 20,
    });
    assert_eq!(
        error_text(&s),
        "filing.pdf: the file is 41943040 bytes, over the 32 MiB limit for a PDF (5 MiB for text)."
    );
    assert_eq!(*s.input, "Sales  10  9");
    assert!(s.document.is_none());
    // Text over its own limit, once read.
    let s = boxed.apply(Action::ReadFile {
        name: "filing.txt".into(),
        bytes: vec![b'a'; 6 << 20],
    });
    assert_eq!(
        error_text(&s),
        "filing.txt: The input is 6291456 bytes, over the 5 MiB limit; give the release document alone rather than a whole filing."
    );
    assert_eq!(*s.input, "Sales  10  9");
}

#[test]
fn a_paste_with_html_reads_the_html_and_keeps_the_box() {
    let html = include_str!("fixtures/NEG-buckle-FY2024Q3-edgar-ex99.htm");
    let s = Session::default()
        .apply(Action::Edit("typed".into()))
        .apply(Action::ReadPastedHtml(html.into()));
    assert_eq!(
        *s.input, "typed",
        "the box keeps what the browser pasted into it"
    );
    assert_eq!(s.source, assay::session::PASTED_HTML_SOURCE);
    assert!(!s.document.unwrap().tables.is_empty());
    // A share link carries what the document was read from: the HTML, not the box.
    assert_eq!(s.release.as_deref().map(String::as_str), Some(html));
}

#[test]
fn a_share_link_may_carry_the_text_the_document_was_read_from() {
    let s = Session::default()
        .apply(Action::Edit(assay::SAMPLE_RELEASE.into()))
        .apply(Action::ReadInput);
    assert_eq!(
        s.release.as_deref().map(String::as_str),
        Some(assay::SAMPLE_RELEASE)
    );
    // Typing after a read does not change what was read.
    let s = s.apply(Action::Edit("typed".into()));
    assert_eq!(
        s.release.as_deref().map(String::as_str),
        Some(assay::SAMPLE_RELEASE)
    );
    assert_eq!(s.apply(Action::Clear).release, None);
}

#[test]
fn the_view_hash_names_the_chart_in_view_until_a_row_takes_focus() {
    let s = Session::default().apply(Action::LoadSample(assay::SAMPLE_RELEASE.into()));
    let viewed = s.apply(Action::ViewChart(Some("price-silver".into())));
    assert_eq!(viewed.view_hash(), "v=chart.price-silver");
    let reopened = s.apply(Action::Navigate("#v=chart.price-silver".into()));
    assert_eq!(reopened.chart_view.as_deref(), Some("price-silver"));
    // An unknown chart is no view.
    assert!(s
        .apply(Action::ViewChart(Some("nope".into())))
        .chart_view
        .is_none());
    let row = viewed.apply(Action::Focus(Some(assay::session::Focus {
        table: "t1".into(),
        row: 2,
    })));
    assert_eq!(row.view_hash(), "v=t1.2");
}

/// The document JSON `assay extract FILE` prints for `bytes` read from a file named `name`.
fn extract_json(name: &str, bytes: &[u8]) -> String {
    let mut doc = assay::read::read_document(bytes).unwrap();
    doc.source.name = Some(name.into());
    assay::export::document_json(&doc, &assay::analyze::analyze(&doc))
}

/// The document JSON the app downloads: the reading worker reads the text the page read
/// again, as the page read it (`export::download_json`), and it must be the JSON of the very
/// document the page shows.
fn download_json(s: &Session) -> String {
    let doc = s.document.as_ref().unwrap();
    let shown = assay::export::document_json(doc, s.analysis.as_ref().unwrap());
    let text = s.release.as_ref().unwrap();
    let worker = assay::export::download_json(text, Origin::of(doc).as_ref(), None).unwrap();
    assert_eq!(
        worker, shown,
        "the reading worker's JSON is the page's document's"
    );
    worker
}

/// The sample with a Windows-1252 apostrophe (0x92), as an older file would have it.
fn windows_1252_release() -> Vec<u8> {
    let mut bytes = assay::SAMPLE_RELEASE.as_bytes().to_vec();
    let at = bytes.iter().position(|&b| b == b'\'').unwrap();
    bytes[at] = 0x92;
    bytes
}

#[test]
fn a_file_downloads_as_the_same_json_as_assay_extract_prints() {
    let bytes = windows_1252_release();
    let s = Session::default().apply(Action::ReadFile {
        name: "hecla.txt".into(),
        bytes: bytes.clone(),
    });
    let source = &s.document.as_ref().unwrap().source;
    assert_eq!(source.name.as_deref(), Some("hecla.txt"));
    assert_eq!(source.encoding, "windows-1252");
    assert_eq!(source.bytes, bytes.len());
    assert_eq!(download_json(&s), extract_json("hecla.txt", &bytes));
    // And after a reload.
    let again = Session::default().apply(Action::Restore(s.saved()));
    assert_eq!(download_json(&again), extract_json("hecla.txt", &bytes));
    assert_eq!(again.source, "hecla.txt");
}

#[test]
fn the_sample_downloads_as_the_same_json_as_assay_extract_prints() {
    let s = Session::default().apply(Action::LoadSample(assay::SAMPLE_RELEASE.into()));
    let cli = extract_json(assay::SAMPLE_FILE, assay::SAMPLE_RELEASE.as_bytes());
    assert_eq!(download_json(&s), cli);
    let again = Session::default().apply(Action::Restore(s.saved()));
    assert_eq!(download_json(&again), cli);
    assert_eq!(again.source, SAMPLE_SOURCE);
}

#[test]
fn pasted_text_downloads_as_standard_input_would_print() {
    let s = Session::default()
        .apply(Action::Edit(assay::SAMPLE_RELEASE.into()))
        .apply(Action::ReadInput);
    let d = s.document.as_ref().unwrap();
    let cli = assay::read::read_document(assay::SAMPLE_RELEASE.as_bytes()).unwrap();
    assert_eq!(d.source, cli.source);
    assert_eq!(d.source.name, None);
}

#[test]
fn a_pasted_web_page_shows_its_html_as_the_source_and_comes_back_after_a_reload() {
    let html = include_str!("fixtures/NEG-buckle-FY2024Q3-edgar-ex99.htm");
    let plain = "What the browser put in the box";
    let s = Session::default()
        .apply(Action::Edit(plain.into()))
        .apply(Action::ReadPastedHtml(html.into()));
    let d = s.document.clone().unwrap();
    let row = &d.tables[0].rows[0];
    // The lines around a row are the HTML's, where it was read, not the box's.
    let lines = s.source_lines(row.line, 1);
    let html_lines: Vec<&str> = html.lines().collect();
    assert!(!lines.is_empty());
    for (n, text) in &lines {
        assert_eq!(*text, html_lines[n - 1], "line {n}");
    }
    // Typing in the box afterwards does not move them.
    let typed = s.apply(Action::Edit("something else".into()));
    assert_eq!(typed.source_lines(row.line, 1), lines);
    // A reload brings back the box, the label and the same document, read from the HTML.
    let again = Session::default().apply(Action::Restore(s.saved()));
    assert_eq!(*again.input, plain);
    assert_eq!(again.source, assay::session::PASTED_HTML_SOURCE);
    assert_eq!(again.document, s.document);
    assert_eq!(again.source_lines(row.line, 1), lines);
    assert_eq!(download_json(&again), download_json(&s));
}

#[test]
fn what_a_reload_needs_is_the_box_alone_for_pasted_text() {
    let s = Session::default()
        .apply(Action::Edit(assay::SAMPLE_RELEASE.into()))
        .apply(Action::ReadInput);
    let saved = s.saved();
    assert_eq!(*saved.input, assay::SAMPLE_RELEASE);
    assert_eq!(saved.source, PASTED_SOURCE);
    assert_eq!(saved.release, None, "the box is the release: kept once");
    let again = Session::default().apply(Action::Restore(saved));
    assert_eq!(again.document, s.document);
    // Nothing read yet: the box alone, read on restore as pasted text.
    let typed = Session::default().apply(Action::Edit("Sales  10  9".into()));
    assert_eq!(typed.saved().release, None);
    assert_eq!(typed.saved().origin, None);
}

#[test]
fn a_web_page_read_with_the_box_empty_still_comes_back() {
    let html = include_str!("fixtures/NEG-buckle-FY2024Q3-edgar-ex99.htm");
    let s = Session::default().apply(Action::ReadPastedHtml(html.into()));
    let saved = s.saved();
    assert_eq!(*saved.input, "");
    assert_eq!(saved.release.as_deref().map(String::as_str), Some(html));
    let again = Session::default().apply(Action::Restore(saved));
    assert_eq!(again.document, s.document);
    assert_eq!(*again.input, "");
}

#[test]
fn several_files_at_once_point_to_the_series_page_and_keep_the_document() {
    let s = Session::default().apply(Action::LoadSample(assay::SAMPLE_RELEASE.into()));
    let document = s.document.clone();
    let s = s.apply(Action::Several(12));
    match &s.notice {
        Some(Notice::Info(text)) => {
            assert!(text.starts_with("12 files: this page reads one release at a time"));
            assert!(text.contains("series page"), "{text}");
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(s.document, document, "the document shown stays");
}

/// The box's text (up to 5 MiB) is shared, never copied: not by a keystroke's new session,
/// not by the next action, not between the box and the text the document was read from.
#[test]
fn the_pasted_text_is_shared_not_copied() {
    let typed = Session::default().apply(Action::Edit(assay::SAMPLE_RELEASE.to_string()));
    let dragged = typed.apply(Action::Drag(true));
    assert!(std::rc::Rc::ptr_eq(&typed.input, &dragged.input));
    let read = dragged.apply(Action::ReadInput);
    assert!(std::rc::Rc::ptr_eq(&typed.input, &read.input));
    assert!(std::rc::Rc::ptr_eq(
        &read.input,
        read.release.as_ref().unwrap()
    ));
    let saved = read.saved();
    assert!(std::rc::Rc::ptr_eq(&read.input, &saved.input));
}

/// A PDF of the corpus, with the document `assay extract` prints for it.
fn mcdonalds() -> (Vec<u8>, String) {
    let name = "mcdonalds_2023Q2_earnings_release.pdf";
    let bytes = std::fs::read(format!(
        "{}/tests/fixtures/pdf/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    let cli = extract_json(name, &bytes);
    (bytes, cli)
}

/// The PDF worker's answer for `bytes` (src/bin/assay-pdf.rs runs `read::pdf::read` and
/// sends the laid-out text and a nameless origin line with its pages; here it runs natively).
fn pdf_worker(bytes: &[u8]) -> Action {
    let answer = assay::read::pdf::read(bytes)
        .map(|laid| {
            let pages = Origin {
                encoding: "pdf".into(),
                pages: laid.pages,
                decimal_comma: laid.decimal_comma,
                ..Origin::default()
            };
            (laid.text, pages.line())
        })
        .map_err(|e| e.to_string());
    Action::PdfRead(answer)
}

#[test]
fn a_pdf_is_read_by_the_pdf_worker_as_assay_extract_prints_it_and_after_a_reload() {
    let (bytes, cli) = mcdonalds();
    let name = "mcdonalds_2023Q2_earnings_release.pdf";
    let before = Session::default().apply(Action::LoadSample(assay::SAMPLE_RELEASE.into()));
    let waiting = before.apply(Action::ReadFile {
        name: name.into(),
        bytes: bytes.clone(),
    });
    // The page keeps what it had while the worker reads, and says so.
    assert_eq!(waiting.document, before.document);
    assert_eq!(waiting.notice, Some(Notice::Info(READING_PDF.into())));
    let s = waiting.apply(pdf_worker(&bytes));
    assert_eq!(s.source, name);
    let source = &s.document.as_ref().unwrap().source;
    assert_eq!((source.format.as_str(), source.pages.len()), ("pdf", 6));
    assert_eq!(download_json(&s), cli);
    // The box holds the laid-out text; a reload reads it again, pages and all, with no PDF.
    let again = Session::default().apply(Action::Restore(s.saved()));
    assert_eq!(download_json(&again), cli);
    assert_eq!(again.source, name);
    // Page 5, line by line as `assay text` numbers them.
    let doc = again.document.as_ref().unwrap();
    let row = (doc.tables.iter().flat_map(|t| &t.rows))
        .find(|r| &*r.label == "TOTAL REVENUES")
        .unwrap();
    assert_eq!(doc.source.page_of(row.line).map(|p| p.0), Some(5));
    assert!(again.source_lines(row.line, 0)[0].1.contains("6,497.5"));
    // A table's JSON download, written by the reading worker from the kept text.
    let table = doc.tables.iter().find(|t| t.rows.contains(row)).unwrap();
    let text = again.release.as_ref().unwrap();
    let origin = Origin::of(doc);
    assert_eq!(
        assay::export::download_json(text, origin.as_ref(), Some(&table.id)),
        Ok(assay::export::table_json(table))
    );
    assert_eq!(
        assay::export::download_json(text, origin.as_ref(), Some("t999")),
        Err("the release has no table t999.".into())
    );
}

#[test]
fn a_damaged_pdf_or_a_reader_that_stopped_says_so_and_keeps_the_page() {
    let before = Session::default().apply(Action::LoadSample(assay::SAMPLE_RELEASE.into()));
    let (bytes, _) = mcdonalds();
    let cut = &bytes[..bytes.len() / 3];
    let damaged = before.apply(Action::ReadFile {
        name: "cut.pdf".into(),
        bytes: cut.to_vec(),
    });
    let s = damaged.apply(pdf_worker(cut));
    assert_eq!(
        error_text(&s),
        "Could not open cut.pdf: The PDF is damaged or truncated and could not be opened."
    );
    assert_eq!(s.document, before.document);
    assert_eq!(s.input, before.input);
    // The page's side says so when the worker did not answer.
    let stopped = damaged.apply(Action::PdfRead(Err("it stopped".into())));
    assert_eq!(error_text(&stopped), "Could not open cut.pdf: it stopped");
    assert_eq!(stopped.reading, None);
}

#[test]
fn a_pdf_answer_is_dropped_once_the_reader_has_cleared_or_read_something_else() {
    let (bytes, _) = mcdonalds();
    let name = "mcdonalds_2023Q2_earnings_release.pdf";
    let waiting = Session::default().apply(Action::ReadFile {
        name: name.into(),
        bytes: bytes.clone(),
    });
    assert_eq!(waiting.reading.as_ref().map(|o| o.bytes), Some(bytes.len()));
    let answer = pdf_worker(&bytes);
    // Cleared while the worker read: the page stays empty.
    let cleared = waiting.apply(Action::Clear).apply(answer.clone());
    assert_eq!(
        (cleared.document.as_ref(), cleared.input.as_str()),
        (None, "")
    );
    // The sample read meanwhile stays.
    let sample = waiting.apply(Action::LoadSample(assay::SAMPLE_RELEASE.into()));
    let after = sample.apply(answer.clone());
    assert_eq!(after.source, SAMPLE_SOURCE);
    assert_eq!(after.document, sample.document);
    // Its own answer is read once; a second copy changes nothing.
    let read = waiting.apply(answer.clone());
    assert_eq!(read.source, name);
    assert_eq!(read.reading, None);
    assert_eq!(read.apply(answer), read);
}

#[test]
fn a_file_s_origin_travels_in_one_line_and_back() {
    let mut origin = Origin {
        name: "pucobre análisis 2025 Q1.pdf".into(),
        encoding: "pdf".into(),
        bytes: 123_456,
        pages: vec![1, 57, 120],
        decimal_comma: true,
    };
    assert_eq!(
        origin.line(),
        "123456 pdf 1 1,57,120 pucobre análisis 2025 Q1.pdf"
    );
    assert_eq!(Origin::from_line(&origin.line()).as_ref(), Some(&origin));
    // A text file's: no pages, no decimal comma.
    origin.pages.clear();
    origin.decimal_comma = false;
    origin.encoding = "windows-1252".into();
    assert_eq!(
        origin.line(),
        "123456 windows-1252 0  pucobre análisis 2025 Q1.pdf"
    );
    assert_eq!(Origin::from_line(&origin.line()).as_ref(), Some(&origin));
    // The PDF worker's, nameless.
    let found = Origin::from_line("0 pdf 0 1,40 ").unwrap();
    assert_eq!((found.pages, found.name.as_str()), (vec![1, 40], ""));
    // Anything else (an older build's `<bytes> <encoding> <name>`, a tampered line) is none.
    for bad in [
        "123 utf-8 hecla.txt",
        "",
        "x pdf 0 1 a",
        "1 pdf 2 1 a",
        "1 pdf 0 1,x a",
        "1 pdf 0",
    ] {
        assert_eq!(Origin::from_line(bad), None, "{bad}");
    }
}
