//! Many releases at once (`assay::series`, `assay series`, `assay facts`), against figures
//! read by eye in the releases (`sed -n LINEp FILE`), never copied from the program's output.
//!
//! Pericom Semiconductor (CIK 1001426; fiscal year ends around June 30, quarters late Sep,
//! Dec, Mar, Jun; from fiscal 2006 13-week quarters: Oct 1, 2005, Apr 1, 2006, Jul 1, 2006,
//! Dec 30, 2006). Its 8-K of Aug. 2, 2005 (`edgar/1001426_8K_2005_…-05-002977.txt`, Item 4.02)
//! says the quarters ended Sep 30, 2004, Dec 31, 2004 and Mar 31, 2005 will be restated
//! (wafer costs wrongly capitalised); the Q4 release of Aug. 9, 2005 prints them restated.
//! In thousands, from the GAAP statements of operations:
//!
//! | release (file) | line | columns as printed |
//! |---|---|---|
//! | 05-000371 (Q2 FY05) | 318 | Net revenues 19,217 (Dec 31, 2004), 19,786 (Sep 30, 2004), 16,850 (Dec 31, 2003) |
//! | 05-000371 | 347 | Net income (loss) (303), 151, (1,875) |
//! | 05-001389 (Q3 FY05) | 334 | Net revenues 19,433 (Mar 31, 2005), 19,217, 18,466 (Mar 31, 2004) |
//! | 05-001389 | 370 | Net income (loss) 134, (303), (96) |
//! | 05-003130 (Q4 FY05) | 346 | Net revenues 21,121 (Jun 30, 2005), 19,433 (Mar 31 "(Restated)"), 20,029 |
//! | 05-003130 | 382 | Net income (loss) 1,173, 100, 663 |
//! | 05-003130 | 388 | Diluted earnings (loss) per share 0.04, 0.00, 0.02 |
//! | 05-004474 (Q1 FY06) | 395 | Net income (loss) 625 (Oct 1, 2005), 1,173 (Jul 2, 2005), 29 (Sep 25, 2004) |
//! | 06-002673 (Q3 FY06) | 348 | Net revenues 27,847 (Apr 1, 2006), 26,270 (Dec 31, 2005), 19,433 (Mar 26, 2005) |
//! | 06-002673 | 382 | Net income (loss) 1,838, 1,412, 100 |
//! | 06-002673 | 388 | Diluted earnings (loss) per share 0.07, 0.05, 0.00 |
//! | 07-020827 (Q3 FY07) | 300 | Net revenues 30,182 (Mar 31, 2007), 30,842 (Dec 30, 2006), 27,847 (Apr 1, 2006) |
//! | 07-020827 | 335 | Net income 2,614, 2,256, 1,838 |
//! | 07-020827 | 339 | Diluted income per share 0.10, 0.08, 0.07 |
//!
//! So net income for the quarter ended Mar 31, 2005 was printed 134 (05-001389 line 370),
//! then restated to 100 (05-003130 line 382), then printed 100 again a year later (06-002673
//! line 382, dated Mar 26, 2005: five days off, one period); the quarter ended Sep 30, 2004
//! was 151 (05-000371 line 347), restated to 29. Revenue for the quarter ended Mar 31, 2005,
//! 19,433, is the same in all three.
//!
//! The GAAP-to-pro-forma reconciliations print "Restructuring charge (Note 2)" $784 in the
//! six months ended Dec 31, 2003 (05-000371 line 444) and $784 in the nine months ended
//! Mar 31, 2004 (05-001389 line 473), and no release prints the quarter ended Mar 31, 2004
//! on that line: it is derived, 784 − 784 = 0.
//!
//! Worthington Industries (two releases, HTML, fiscal year ends May 31): the trend table
//! "Net earnings attributable to controlling interest" names quarters, not dates ("Fourth
//! Quarter 2023 … Fourth Quarter 2022", years on their own row): $129,903 for the fourth
//! quarter of fiscal 2023 (ended May 31, 2023) in both; $80,252 for the fourth quarter of
//! fiscal 2022 (032000 only); $96,106 for the first quarter of fiscal 2024 (ended Aug 31,
//! 2023; 051497 only). "Net cash provided by operating activities" for the third quarter of
//! fiscal 2023 (ended Feb 28, 2023) is $182,151 in the first release and $182,152 in the
//! second (rows at lines 1582 and 1686, where their `<tr>` opens).
//!
//! Disney's four 8-Ks (2017–2018) are merger filings (Items 1.01, 5.02, 7.01, 8.01) with no
//! financial tables: one company, no series.
//!
//! Pucobre (Sociedad Punta del Cobre S.A., Chile) prints its Análisis Razonado in Spanish,
//! its columns headed by month and year only ("Marzo 2025 | Marzo 2024"), each figure
//! accumulated from January: the Q1 report is three months to 2025-03-31 ("durante el primer
//! trimestre del año 2025"), the Q2 report six months to 2025-06-30 ("primer semestre").
//! Read with `assay text FILE.pdf` (page:line; the line in the whole text in brackets), in
//! MUS$ (thousands of US dollars) unless said:
//!
//! | report | page:line [line] | row | this year, last year |
//! |---|---|---|---|
//! | 2025Q1 | 4:42 [136] | Ingresos operacionales | 116,444, 80,767 |
//! | 2025Q1 | 7:22 [250] | Ebitda del periodo | 57,206, 24,678 |
//! | 2025Q1 | 7:23 [251] | Ebitda correspondientes a 12 meses | 175,348, 86,791 |
//! | 2025Q1 | 9:20 [347] | Utilidad (últimos 12 meses) | 84,474, 27,873 |
//! | 2025Q1 | 4:30 [124] | Cobre Fino Obtenido (MM.Libras) | 23.6, 19.9 |
//! | 2025Q1 | 6:20 [214] | Cash Cost … (US$ / libra) | 2.08, 2.46 |
//! | 2025Q1 | 7:34 [262] | Activos Corrientes (Marzo 2025, Diciembre 2024) | 187,387, 150,942 |
//! | 2025Q2 | 4:42 [136] | Ingresos operacionales | 232,046, 179,165 |
//! | 2025Q2 | 8:23 [289] | Ebitda del periodo | 108,974, 65,483 |
//! | 2025Q2 | 8:24 [290] | Ebitda correspondientes a 12 meses | 186,311, 114,486 |
//! | 2025Q2 | 10:20 [386] | Utilidad (últimos 12 meses) | 90,244, 47,002 |
//! | 2025Q2 | 4:30 [124] | Cobre Fino Obtenido (MM.Libras) | 46.4, 38.0 |
//! | 2025Q2 | 7:21 [252] | Cash Cost … (US$ / libra) | 2.07, 2.59 |
//! | 2025Q2 | 8:35 [301] | Activos Corrientes (Junio 2025, Diciembre 2024) | 191,786, 150,942 |
//!
//! So the second quarter of 2025 is 232,046 − 116,444 = 115,602 of revenue (derived), and
//! the current assets at 2024-12-31, 150,942 in both reports, are confirmed. "MUS$" is
//! thousands (M the Roman thousand; "MMUS$" millions), so the amounts below are the printed
//! figures times 1,000.

use std::process::Command;

use assay::series::{of_releases, CompanySeries, Point, Release, Series};
use rust_decimal::Decimal;

fn fixture(name: &str) -> String {
    format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))
}

#[path = "support/pericom.rs"]
mod pericom;
use pericom::PERICOM;

const WORTHINGTON: [&str; 2] = [
    "edgar/108516_8K_2023_0000950170-23-032000.htm",
    "edgar/108516_8K_2023_0000950170-23-051497.htm",
];

const DISNEY: [&str; 4] = [
    "edgar/1001039_8K_2017_0000950157-17-001598.htm",
    "edgar/1001039_8K_2018_0000950157-18-000744.htm",
    "edgar/1001039_8K_2018_0001193125-18-217979.htm",
    "edgar/1001039_8K_2018_0001193125-18-294815.htm",
];

fn release(name: &str, place: usize) -> Release {
    let bytes = std::fs::read(fixture(name)).expect("fixture");
    let mut doc = assay::read::read_document(&bytes).expect("reads");
    doc.source.name = Some(name.rsplit('/').next().unwrap_or(name).to_string());
    Release::of(&doc, place)
}

fn series_of(names: &[&str]) -> Vec<CompanySeries> {
    let releases: Vec<Release> = names
        .iter()
        .enumerate()
        .map(|(i, n)| release(n, i))
        .collect();
    of_releases(&releases)
}

fn d(s: &str) -> Decimal {
    s.parse().expect("decimal")
}

/// The company's quarterly series of a measure (the company's own, reported basis).
fn quarters<'a>(c: &'a CompanySeries, measure: &str, unit: &str) -> &'a Series {
    c.series
        .iter()
        .find(|s| {
            s.measure == measure && s.unit == unit && s.scope.is_none() && s.months == Some(3)
        })
        .unwrap_or_else(|| panic!("no quarterly series {measure} ({unit})"))
}

fn point<'a>(s: &'a Series, end: &str) -> &'a Point {
    s.points
        .iter()
        .find(|p| p.end.to_string() == end)
        .unwrap_or_else(|| panic!("{}: no point ending {end}", s.measure))
}

/// The point's value, and each source as (file's accession part, line, printed).
fn sources(p: &Point) -> Vec<(String, usize, String)> {
    p.sources
        .iter()
        .map(|s| {
            // "NEG-pericom-2005-0001275287-05-001389-edgar-txt.txt" → "05-001389"
            let parts: Vec<&str> = s.file.split('-').collect();
            let acc = format!("{}-{}", parts[4], parts[5]);
            (acc, s.line, s.printed.trim().to_string())
        })
        .collect()
}

fn owned(v: &[(&str, usize, &str)]) -> Vec<(String, usize, String)> {
    v.iter()
        .map(|(a, l, p)| (a.to_string(), *l, p.to_string()))
        .collect()
}

#[test]
fn pericom_is_one_company_by_its_cik() {
    let all = series_of(&PERICOM);
    assert_eq!(all.len(), 1, "twelve Pericom filings are one company");
    assert_eq!(all[0].company.cik, Some(1001426));
    assert_eq!(all[0].releases.len(), 12);
}

#[test]
fn pericom_revenue_net_income_and_eps_by_quarter() {
    let all = series_of(&PERICOM);
    let c = &all[0];
    let revenue = quarters(c, "net revenues", "USD");
    let p = point(revenue, "2004-12-31");
    assert_eq!(p.value, Some(d("19217000")));
    assert!(!p.derived);
    assert_eq!(
        sources(p)[0],
        owned(&[("05-000371", 318, "$     19,217")])[0]
    );
    let p = point(revenue, "2007-03-31");
    assert_eq!(p.value, Some(d("30182000")));
    assert_eq!(sources(p), owned(&[("07-020827", 300, "$30,182")]));
    // Printed Mar 31, 2005 twice, then Mar 26, 2005 (a 13-week quarter): one period, the
    // latest release's end.
    let p = point(revenue, "2005-03-26");
    assert_eq!(p.value, Some(d("19433000")));
    let files: Vec<String> = sources(p).into_iter().map(|s| s.0).collect();
    assert_eq!(files, ["05-001389", "05-003130", "06-002673"]);

    let income = quarters(c, "net income", "USD");
    assert_eq!(point(income, "2006-04-01").value, Some(d("1838000")));
    assert_eq!(point(income, "2006-12-30").value, Some(d("2256000")));
    assert_eq!(point(income, "2007-03-31").value, Some(d("2614000")));
    // Restated: the latest printing is the value.
    let p = point(income, "2005-03-26");
    assert_eq!(p.value, Some(d("100000")));
    assert_eq!(
        sources(p),
        owned(&[
            ("05-001389", 370, "$      134"),
            ("05-003130", 382, "$      100"),
            ("06-002673", 382, "$    100"),
        ])
    );

    let eps = quarters(c, "diluted income per share", "USD/share");
    // Jun 30, 2005 in 05-003130 line 388; dated Jul 2, 2005 by the latest release that
    // prints it (06-004486 line 397, $0.04 again).
    assert_eq!(point(eps, "2005-07-02").value, Some(d("0.04")));
    assert_eq!(point(eps, "2006-04-01").value, Some(d("0.07")));
    assert_eq!(point(eps, "2007-03-31").value, Some(d("0.10")));
    // "Basic and diluted loss per share" (2003) is the diluted figure too: $(0.01) for the
    // quarter ended Jun 30, 2003 (03-001810 line 306).
    assert_eq!(point(eps, "2003-06-30").value, Some(d("-0.01")));

    // No release read here prints the quarter ended Sep 30, 2003 (the Oct. 2003 release's
    // statement has no dated columns): a gap between Jun 30 and Dec 31, 2003.
    let gap = point(revenue, "2003-09-30");
    assert_eq!(gap.value, None);
    assert!(gap.sources.is_empty());
}

#[test]
fn pericom_restatements_and_confirmations() {
    let all = series_of(&PERICOM);
    let c = &all[0];
    let find = |list: &[assay::series::Comparison], measure: &str, end: &str, original: &str| {
        list.iter()
            .find(|r| {
                r.measure == measure
                    && r.months == Some(3)
                    && r.scope.is_none()
                    && r.end.to_string() == end
                    && r.original.file.contains(original)
            })
            .cloned()
            .unwrap_or_else(|| panic!("no comparison of {measure} ending {end} from {original}"))
    };
    // Mar 31, 2005: 134 then 100 (restated); 100 again a year later (confirmed).
    let r = find(&c.restatements, "net income", "2005-03-31", "05-001389");
    assert_eq!((r.original.line, r.original.value), (370, d("134000")));
    assert!(r.later.file.contains("05-003130"));
    assert_eq!((r.later.line, r.later.value), (382, d("100000")));
    let r = find(&c.confirmations, "net income", "2005-03-26", "05-003130");
    assert!(r.later.file.contains("06-002673"));
    assert_eq!((r.later.line, r.later.value), (382, d("100000")));
    // Sep 30, 2004: 151, restated to 29 ("As Restated" column, 05-003130 line 631), and 29
    // again a year later as the prior-year quarter, dated Sep 25, 2004 (05-004474 line 395).
    let r = find(&c.restatements, "net income", "2004-09-30", "05-000371");
    assert_eq!((r.original.line, r.original.value), (347, d("151000")));
    assert!(r.later.file.contains("05-003130"));
    assert_eq!((r.later.line, r.later.value), (631, d("29000")));
    let r = find(&c.confirmations, "net income", "2004-09-25", "05-003130");
    assert!(r.later.file.contains("05-004474"));
    assert_eq!((r.later.line, r.later.value), (395, d("29000")));
    // "Total" under "Operating expenses:" is operating expenses: 7,770 for the quarter ended
    // Mar 31, 2005 (05-001389 line 349), restated to 8,114 (05-003130 line 361; research and
    // development carries the wafer costs now).
    let r = find(
        &c.restatements,
        "operating expenses",
        "2005-03-31",
        "05-001389",
    );
    assert_eq!((r.original.line, r.original.value), (349, d("7770000")));
    assert_eq!((r.later.line, r.later.value), (361, d("8114000")));
    // Revenue for the quarter ended Mar 31, 2005 is confirmed, not restated.
    let r = find(&c.confirmations, "net revenues", "2005-03-31", "05-001389");
    assert_eq!(r.later.value, d("19433000"));
    assert!(!c.restatements.iter().any(|r| r.measure == "net revenues"
        && r.scope.is_none()
        && r.end.to_string().starts_with("2005-03")));
    // Diluted EPS for the quarter ended Mar 31, 2005 was $0.00 before and after.
    let r = find(
        &c.confirmations,
        "diluted income per share",
        "2005-03-31",
        "05-001389",
    );
    assert_eq!(r.later.value, d("0.00"));
}

#[test]
fn a_quarter_no_release_prints_is_derived_from_longer_periods() {
    let all = series_of(&PERICOM);
    let s = quarters(&all[0], "restructuring charge note 2", "USD");
    let p = point(s, "2004-03-31");
    assert!(p.derived);
    assert_eq!(p.value, Some(d("0")));
    assert_eq!(
        sources(p),
        owned(&[
            ("05-001389", 473, "$      784"),
            ("05-000371", 444, "$        784")
        ])
    );
    // Per-share figures are never derived.
    let eps = quarters(&all[0], "diluted income per share", "USD/share");
    assert!(eps.points.iter().all(|p| !p.derived));
}

#[test]
fn worthington_trend_quarters_are_dated_and_compared() {
    let all = series_of(&WORTHINGTON);
    assert_eq!(all.len(), 1);
    let c = &all[0];
    let s = quarters(c, "net income attributable to controlling interest", "USD");
    let p = point(s, "2023-05-31");
    assert_eq!(p.value, Some(d("129903000")));
    assert_eq!(p.sources.len(), 2);
    assert_eq!(point(s, "2022-05-31").value, Some(d("80252000")));
    assert_eq!(point(s, "2023-08-31").value, Some(d("96106000")));
    let r = c
        .restatements
        .iter()
        .find(|r| r.measure == "net cash provided by operating activities")
        .expect("the third quarter's operating cash flow was printed two ways");
    assert_eq!(r.end.to_string(), "2023-02-28");
    assert_eq!((r.original.line, r.original.value), (1582, d("182151000")));
    assert_eq!((r.later.line, r.later.value), (1686, d("182152000")));
}

#[test]
fn companies_never_mix() {
    let mut names: Vec<&str> = Vec::new();
    names.extend(DISNEY);
    names.extend(&PERICOM[2..6]);
    names.extend(WORTHINGTON);
    let all = series_of(&names);
    let named = |c: &CompanySeries| c.company.name.clone().unwrap_or_default();
    assert_eq!(
        all.len(),
        3,
        "{:?}",
        all.iter().map(named).collect::<Vec<_>>()
    );
    let disney = (all.iter())
        .find(|c| named(c).to_uppercase().contains("DISNEY"))
        .unwrap();
    assert_eq!(disney.releases.len(), 4);
    assert!(disney.series.is_empty(), "Disney's 8-Ks print no figures");
    for c in &all {
        let own: Vec<&String> = c.releases.iter().collect();
        for s in &c.series {
            for p in &s.points {
                assert!(p.sources.iter().all(|src| own.contains(&&src.file)));
            }
        }
    }
    let pericom = all.iter().find(|c| c.company.cik == Some(1001426)).unwrap();
    assert_eq!(pericom.releases.len(), 4);
    // Two Paris releases whose wire prints "Regulatory News:" where others print the
    // company: Carmila's and Eutelsat's, two companies.
    let paris = series_of(&[
        "wire/carmila-2024-annual-results-sustained-growth-dri--DJN_DN202502110078810.md",
        "wire/eutelsat-communications-second-quarter-and-first--DJN_DN202502140010280.md",
    ]);
    assert_eq!(paris.len(), 2);
}

fn run(command: &str, files: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_assay"))
        .arg(command)
        .args(files.iter().map(|f| fixture(f)))
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8")
}

#[test]
fn the_cli_prints_one_json_line_per_company() {
    let out = run(
        "series",
        &[PERICOM[3], PERICOM[5], WORTHINGTON[0], WORTHINGTON[1]],
    );
    let lines: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).expect("json"))
        .collect();
    assert_eq!(lines.len(), 2);
    assert!(lines.iter().all(|l| l["schema"] == "assay-series/1"));
    let pericom = &lines[0];
    assert_eq!(pericom["company"]["cik"], 1001426);
    let restated = pericom["restatements"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["measure"] == "net income" && r["end"] == "2005-03-31" && r["months"] == 3)
        .expect("the restated quarter");
    assert_eq!(restated["original"]["value"], "134000");
    assert_eq!(restated["later"]["value"], "100000");
}

#[test]
fn facts_are_rfc4180_csv() {
    let out = run("facts", &[PERICOM[3]]);
    let mut lines = out.split("\r\n");
    assert_eq!(
        lines.next(),
        Some("file,company,document,table,row label,measure,scope,unit,period end,months,value,scale,line")
    );
    // Net revenues, three months ended Mar 31, 2005: 19,433 in thousands, line 334.
    let want = "NEG-pericom-2005-0001275287-05-001389-edgar-txt.txt,Pericom Semiconductor Corporation,EX-99.1,t1,Net revenues,net revenues,,USD,2005-03-31,3,19433,1000,334";
    assert!(out.lines().any(|l| l.trim_end() == want), "{want}");
    // A label with a comma is quoted ("Selling, general and administrative").
    assert!(out.contains(",\"Selling, general and administrative\","));
}

/// Two made-up releases of one company: nine months, then the year. No quarter is printed,
/// so the fourth quarters are derived (year − nine months); per-share figures are not.
#[test]
fn fourth_quarters_are_derived_when_only_longer_periods_are_printed() {
    const NINE: &str =
        "Acme Mining Corp. (NYSE:ACM) reports results for the nine months ended March 31, 2024.

                       Consolidated Statements of Operations
                     (In thousands, except per share data)

                                       Nine Months Ended
                                     Mar 31,       Mar 31,
                                      2024          2023
Revenues                             $ 90,000      $ 80,000
Net income                           $  9,000      $  8,000
Diluted earnings per share           $   0.90      $   0.80
";
    const YEAR: &str =
        "Acme Mining Corp. (NYSE:ACM) reports results for the year ended June 30, 2024.

                       Consolidated Statements of Operations
                     (In thousands, except per share data)

                                      Twelve Months Ended
                                     Jun 30,       Jun 30,
                                      2024          2023
Revenues                             $130,000      $110,000
Net loss                             $ (1,000)     $ 10,000
Diluted loss per share               $  (0.10)     $   1.00
";
    let releases: Vec<Release> = [("nine.txt", NINE), ("year.txt", YEAR)]
        .iter()
        .enumerate()
        .map(|(i, (name, text))| {
            let mut doc = assay::read::read_text(text);
            doc.source.name = Some(name.to_string());
            Release::of(&doc, i)
        })
        .collect();
    let all = of_releases(&releases);
    assert_eq!(all.len(), 1);
    let c = &all[0];
    let revenue = quarters(c, "revenues", "USD");
    let q4 = point(revenue, "2024-06-30");
    assert!(q4.derived);
    assert_eq!(q4.value, Some(d("40000000")));
    let files: Vec<(&str, usize)> = q4
        .sources
        .iter()
        .map(|s| (s.file.as_str(), s.line))
        .collect();
    assert_eq!(files, [("year.txt", 9), ("nine.txt", 9)]);
    assert_eq!(point(revenue, "2023-06-30").value, Some(d("30000000")));
    // "Net loss" in the year is "Net income" in the nine months: (1,000) − 9,000.
    let income = quarters(c, "net income", "USD");
    assert_eq!(point(income, "2024-06-30").value, Some(d("-10000000")));
    assert!(!c
        .series
        .iter()
        .any(|s| s.measure == "diluted income per share" && s.months == Some(3)));
}

const PUCOBRE: [&str; 2] = [
    "pdf/pucobre_analisis_razonado_2025Q1.pdf",
    "pdf/pucobre_analisis_razonado_2025Q2.pdf",
];

/// The series whose label begins as the row is printed, over periods of `months`.
fn labelled<'a>(c: &'a CompanySeries, label: &str, months: Option<u8>) -> &'a Series {
    c.series
        .iter()
        .find(|s| s.label.starts_with(label) && s.months == months && s.scope.is_none())
        .unwrap_or_else(|| panic!("no series {label} over {months:?} months"))
}

/// Each point as (end, value, derived), and the sources of a point as (report, line,
/// printed).
fn values(s: &Series) -> Vec<(String, Option<Decimal>, bool)> {
    s.points
        .iter()
        .map(|p| (p.end.to_string(), p.value, p.derived))
        .collect()
}

fn report_sources(p: &Point) -> Vec<(String, usize, String)> {
    p.sources
        .iter()
        .map(|s| {
            // "pucobre_analisis_razonado_2025Q1.pdf" → "2025Q1"
            let report = s
                .file
                .trim_end_matches(".pdf")
                .rsplit('_')
                .next()
                .unwrap_or("");
            (report.to_string(), s.line, s.printed.trim().to_string())
        })
        .collect()
}

#[test]
fn pucobre_spanish_reports_are_one_company_with_series() {
    // The series page lists each report (its laid-out text, as the PDF worker sends it) by
    // the company and period the series read.
    let mut desk = assay::series::desk::Desk::default();
    for (id, (name, end)) in PUCOBRE.iter().zip(["2025-03-31", "2025-06-30"]).enumerate() {
        let bytes = std::fs::read(fixture(name)).unwrap();
        let text = assay::read::pdf::read(&bytes).unwrap().text;
        let listed = desk.add(id as u32, name, &text).unwrap();
        assert_eq!(
            (listed.company.as_str(), listed.period.as_str()),
            ("Sociedad Punta del Cobre S.A.", end)
        );
    }
    let all = series_of(&PUCOBRE);
    assert_eq!(all.len(), 1, "two Pucobre reports are one company");
    // Its revenue is charted unasked, by its Spanish name, with the hand-read quarters.
    let charts = assay::series::charts::company_charts(&all[0]);
    let revenue = (charts.iter())
        .find(|c| c.spec.title.starts_with("Ingresos operacionales"))
        .expect("the revenue chart is chosen");
    let charted: Vec<String> = revenue.spec.series[0]
        .values
        .iter()
        .flatten()
        .map(|v| v.to_string())
        .collect();
    // Drawn as printed, in thousands (MUS$): Q1 and Q2 2024, Q1 and Q2 2025.
    assert_eq!(charted, ["80767", "98398", "116444", "115602"]);
    assert_eq!(revenue.spec.unit, "USD thousands");
    let c = &all[0];
    assert_eq!(
        c.company.name.as_deref(),
        Some("Sociedad Punta del Cobre S.A.")
    );
    assert_eq!(
        c.releases,
        [
            "pucobre_analisis_razonado_2025Q1.pdf",
            "pucobre_analisis_razonado_2025Q2.pdf"
        ]
    );
    let v = |end: &str, value: &str, derived: bool| (end.to_string(), Some(d(value)), derived);
    let gap = |end: &str| (end.to_string(), None, false);

    // Revenue: the first quarters as printed, the second derived from the half years.
    let revenue = labelled(c, "Ingresos operacionales", Some(3));
    assert_eq!(
        values(revenue),
        [
            v("2024-03-31", "80767000", false),
            v("2024-06-30", "98398000", true),
            gap("2024-09-30"),
            gap("2024-12-31"),
            v("2025-03-31", "116444000", false),
            v("2025-06-30", "115602000", true),
        ]
    );
    assert_eq!(
        report_sources(point(revenue, "2025-06-30")),
        [
            ("2025Q2".to_string(), 136, "232,046".to_string()),
            ("2025Q1".to_string(), 136, "116,444".to_string()),
        ]
    );
    let half = labelled(c, "Ingresos operacionales", Some(6));
    assert_eq!(
        values(half),
        [
            v("2024-06-30", "179165000", false),
            v("2025-06-30", "232046000", false)
        ]
    );

    // EBITDA of the period, and the twelve months the row itself names.
    let ebitda = labelled(c, "Ebitda del periodo", Some(3));
    assert_eq!(point(ebitda, "2025-03-31").value, Some(d("57206000")));
    assert_eq!(point(ebitda, "2024-03-31").value, Some(d("24678000")));
    let ebitda_half = labelled(c, "Ebitda del periodo", Some(6));
    assert_eq!(point(ebitda_half, "2025-06-30").value, Some(d("108974000")));
    let ebitda_ltm = labelled(c, "Ebitda correspondientes a 12 meses", Some(12));
    assert_eq!(
        values(ebitda_ltm),
        [
            v("2024-03-31", "86791000", false),
            v("2024-06-30", "114486000", false),
            v("2025-03-31", "175348000", false),
            v("2025-06-30", "186311000", false),
        ]
    );

    // Net income, as the reports print it: over the last twelve months.
    let income = labelled(c, "Utilidad (últimos 12 meses)", Some(12));
    assert_eq!(
        values(income),
        [
            v("2024-03-31", "27873000", false),
            v("2024-06-30", "47002000", false),
            v("2025-03-31", "84474000", false),
            v("2025-06-30", "90244000", false),
        ]
    );
    assert_eq!(
        report_sources(point(income, "2025-06-30")),
        [("2025Q2".to_string(), 386, "90,244".to_string())]
    );

    // Production of fine copper, millions of pounds.
    let copper = labelled(c, "Cobre Fino Obtenido", Some(3));
    assert_eq!(point(copper, "2025-03-31").value, Some(d("23.6")));
    assert_eq!(point(copper, "2025-06-30").value, Some(d("22.8")));
    assert!(point(copper, "2025-06-30").derived);
    let copper_half = labelled(c, "Cobre Fino Obtenido", Some(6));
    assert_eq!(point(copper_half, "2025-06-30").value, Some(d("46.4")));

    // Prices, averages, ratios and share counts ("Precio…", "Promedio…", "Veces", "Nº de
    // acciones emitidas") are not amounts that add up over a year: never derived (a half-year
    // price minus a quarter's is no price; 124,668,381 shares less 124,668,381 is not 0 shares).
    let not_amounts: Vec<&Series> = (c.series.iter())
        .filter(|s| {
            let label = s.label.to_lowercase();
            ["precio", "promedio", "veces", "acciones"]
                .iter()
                .any(|w| label.contains(w))
        })
        .collect();
    assert!(
        not_amounts
            .iter()
            .filter(|s| s.label.contains("acciones"))
            .count()
            >= 2
            && not_amounts.len() >= 5,
        "{}",
        not_amounts.len()
    );
    for s in not_amounts {
        assert!(s.points.iter().all(|p| !p.derived), "{} derived", s.label);
    }

    // Cash cost, a cost per pound: printed for each period, never derived (the quarters
    // between the first quarters are gaps).
    let cash_cost = labelled(c, "Cash Cost descontado", Some(3));
    assert_eq!(
        values(cash_cost),
        [
            v("2024-03-31", "2.46", false),
            gap("2024-06-30"),
            gap("2024-09-30"),
            gap("2024-12-31"),
            v("2025-03-31", "2.08", false)
        ]
    );
    let cash_cost_half = labelled(c, "Cash Cost descontado", Some(6));
    assert_eq!(
        values(cash_cost_half),
        [
            v("2024-06-30", "2.59", false),
            v("2025-06-30", "2.07", false)
        ]
    );

    // The balance at the year end, printed again by the second report: confirmed.
    let current_assets = labelled(c, "Activos Corrientes", None);
    assert_eq!(
        values(current_assets),
        [
            v("2024-12-31", "150942000", false),
            v("2025-03-31", "187387000", false),
            v("2025-06-30", "191786000", false),
        ]
    );
    assert_eq!(
        report_sources(point(current_assets, "2024-12-31")),
        [
            ("2025Q1".to_string(), 262, "150,942".to_string()),
            ("2025Q2".to_string(), 301, "150,942".to_string()),
        ]
    );
    let confirmed = c
        .confirmations
        .iter()
        .find(|x| x.measure == current_assets.measure && x.end.to_string() == "2024-12-31")
        .expect("the year-end current assets are confirmed");
    assert_eq!(confirmed.original.printed.trim(), "150,942");
    assert_eq!(confirmed.later.printed.trim(), "150,942");
    assert!(!c
        .restatements
        .iter()
        .any(|x| x.measure == current_assets.measure));

    // The two restatements found, judged against the laid-out texts by hand: both are real
    // differences in what the reports print for 31 December 2024 (section 6.2, "Composición
    // de la deuda y tasas de interés"). The first quarter's report prints the lease rate at
    // 6.29% (line 392) and the period's interest as 5,744 (line 393); the second quarter's
    // prints 6.74% (line 431, the first quarter's own March figure) and (5,744) (line 432).
    let restated: Vec<(String, usize, String, usize, String)> = (c.restatements.iter())
        .map(|r| {
            let p = |x: &assay::series::Printing| (x.line, x.printed.trim().to_string());
            let ((a, b), (d, e)) = (p(&r.original), p(&r.later));
            (r.measure.clone(), a, b, d, e)
        })
        .collect();
    assert_eq!(restated.len(), 2, "{restated:?}");
    assert!(restated
        .iter()
        .any(|r| r.0.starts_with("tasa de interés anual deuda leasing")
            && (r.1, r.2.as_str(), r.3, r.4.as_str()) == (392, "6.29", 431, "6.74")));
    assert!(restated
        .iter()
        .any(|r| r.0.starts_with("intereses del período")
            && (r.1, r.2.as_str(), r.3, r.4.as_str()) == (393, "5,744", 432, "(5,744)")));
}
