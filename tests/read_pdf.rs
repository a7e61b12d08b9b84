//! PDF releases and reports (`tests/fixtures/pdf/`), read into the same model as text, with
//! cells read by hand from the pages themselves (poppler's `pdftotext -layout -f N -l N`, then
//! read by eye), never copied from Assay's output:
//!
//! | file | page | table |
//! |---|---|---|
//! | pucobre 2025Q1 | 3, 5 | copper price (decimal comma), income by product (thousands dot) |
//! | mcdonalds 2023Q2 | 5 | condensed consolidated statement of income |
//! | amazon 2025Q1 | 5 | consolidated statements of operations (in millions) |
//! | bhp Q1FY24 | 6 | group production and sales summary, copper (kt) |
//! | firstmajestic 2024Q4 | 82 | annual production summary: cash cost and AISC per AgEq oz |
//! | ivanhoe Q3 2025 | 3 | Kamoa-Kakula, Phase 3 and combined: copper in concentrate |
//!
//! And hostile input: truncated files, garbage after `%PDF-`, a PDF with no text, an
//! encrypted one: a plain error, never a panic.

use std::str::FromStr;

use assay::document::{Document, Row, Scale, Value};
use assay::read::{read_document, ReadError};
use rust_decimal::Decimal;

fn bytes(name: &str) -> Vec<u8> {
    let path = format!("{}/tests/fixtures/pdf/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).expect("fixture exists")
}

fn read(name: &str) -> Document {
    read_document(&bytes(name)).expect("reads")
}

/// The first row labelled `label` on page `page`.
fn row<'d>(doc: &'d Document, page: usize, label: &str) -> &'d Row {
    doc.tables
        .iter()
        .flat_map(|t| &t.rows)
        .find(|r| &*r.label == label && doc.source.page_of(r.line).map(|p| p.0) == Some(page))
        .unwrap_or_else(|| panic!("no row {label:?} on page {page}"))
}

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

/// The row's figures: amounts and percentages as decimals, a dash as zero, `None` for an
/// empty cell or `N/A`.
fn figures(r: &Row) -> Vec<Option<Decimal>> {
    r.cells
        .iter()
        .map(|c| match c.as_ref().map(|c| &c.value) {
            Some(Value::Amount(v) | Value::Percent(v)) => Some(*v),
            Some(Value::Nil) => Some(Decimal::ZERO),
            _ => None,
        })
        .collect()
}

fn all(v: &[&str]) -> Vec<Option<Decimal>> {
    v.iter().map(|s| Some(d(s))).collect()
}

#[test]
fn pucobre_reads_its_decimal_comma_and_thousands_dot() {
    let doc = read("pucobre_analisis_razonado_2025Q1.pdf");
    assert_eq!(doc.source.format, "pdf");
    assert!(
        doc.source.decimal_comma,
        "the document prints 4,24 and 53.482"
    );
    assert_eq!(doc.source.pages.len(), 10);
    // Page 3, "PROMEDIO ANUAL DEL PRECIO DEL COBRE": US$/lb printed 4,24 and 3,83.
    assert_eq!(
        &figures(row(&doc, 3, "Promedio precio LME"))[..2],
        &all(&["4.24", "3.83"])[..]
    );
    assert_eq!(
        &figures(row(&doc, 3, "Precio Ventas Efectivo Pucobre M+1 y M+3"))[..2],
        &all(&["4.39", "3.97"])[..]
    );
    // Page 5, "3.2 Distribución de los ingresos": MUS$ printed 95.057, 64.057 and so on.
    let cells = [
        ("Cobre en concentrados MUS", ["95057", "64057"]),
        ("Cobre en Cátodos MUS", ["7205", "6944"]),
        ("Subtotal cobre producto principal MUS", ["102262", "71001"]),
        ("Oro subproducto MUS", ["12714", "9161"]),
        ("Plata subproducto MUS", ["828", "605"]),
        ("Total Ingresos operacionales MUS", ["116444", "80767"]),
    ];
    for (label, want) in cells {
        assert_eq!(figures(row(&doc, 5, label)), all(&want), "{label}");
    }
}

#[test]
fn mcdonalds_income_statement() {
    let doc = read("mcdonalds_2023Q2_earnings_release.pdf");
    assert!(!doc.source.decimal_comma);
    // Page 5, quarters ended June 30: 2023, 2022, Inc/(Dec) $, Inc/(Dec) %.
    let cells = [
        (
            "Sales by Company-operated restaurants",
            ["2487.0", "2112.8", "374.2", "18"],
        ),
        (
            "Revenues from franchised restaurants",
            ["3933.3", "3526.8", "406.5", "12"],
        ),
        ("Other revenues", ["77.2", "78.8", "-1.6", "-2"]),
        ("TOTAL REVENUES", ["6497.5", "5718.4", "779.1", "14"]),
        (
            "Total operating costs and expenses",
            ["3393.4", "4006.6", "-613.2", "-15"],
        ),
        ("OPERATING INCOME", ["3104.1", "1711.8", "1392.3", "81"]),
        ("NET INCOME", ["2310.4", "1188.0", "1122.4", "94"]),
        ("EARNINGS PER SHARE-DILUTED", ["3.15", "1.60", "1.55", "97"]),
    ];
    for (label, want) in cells {
        assert_eq!(figures(row(&doc, 5, label)), all(&want), "{label}");
    }
    // "Other operating (income) expense, net": (35.8), 886.1, (921.9), n/m.
    let other = figures(row(&doc, 5, "Other operating (income) expense, net"));
    assert_eq!(
        other,
        vec![Some(d("-35.8")), Some(d("886.1")), Some(d("-921.9")), None]
    );
}

#[test]
fn amazon_statement_of_operations_in_millions() {
    let doc = read("amazon_2025Q1_earnings_release.pdf");
    // Page 5, three months ended March 31, 2024 and 2025, "(in millions, except per share
    // data)".
    let cells = [
        ("Total net sales", ["143313", "155667"]),
        ("Cost of sales", ["72633", "76976"]),
        ("Fulfillment", ["22317", "24593"]),
        ("Technology and infrastructure", ["20424", "22994"]),
        ("Total operating expenses", ["128006", "137262"]),
        ("Operating income", ["15307", "18405"]),
        ("Interest expense", ["-644", "-541"]),
        ("Other income (expense), net", ["-2673", "2749"]),
        ("Provision for income taxes", ["-2467", "-4553"]),
        ("Net income", ["10431", "17127"]),
    ];
    for (label, want) in cells {
        let r = row(&doc, 5, label);
        assert_eq!(figures(r), all(&want), "{label}");
        assert_eq!(r.scale, Scale::Millions, "{label}");
    }
    assert_eq!(
        figures(row(&doc, 5, "Diluted earnings per share")),
        all(&["0.98", "1.59"])
    );
}

#[test]
fn bhp_copper_production() {
    let doc = read("bhp_operational_review_Q1FY24.pdf");
    // Page 6, Appendix 2, production (kt): Sep 2022, Dec 2022, Mar 2023, Jun 2023, Sep 2023,
    // then year to date Sep 2023, Sep 2022, and the change in percent.
    let cells = [
        (
            "Escondida kt",
            [
                "203.1", "208.3", "200.8", "220.5", "221.3", "221.3", "203.1", "9",
            ],
        ),
        (
            "Pampa Norte kt",
            ["28.6", "32.5", "32.0", "32.2", "38.8", "38.8", "28.6", "36"],
        ),
        (
            "Antamina kt",
            [
                "37.1", "35.2", "29.6", "36.5", "32.5", "32.5", "37.1", "-12",
            ],
        ),
        (
            "Cathode kt",
            [
                "141.3", "148.3", "143.5", "165.5", "139.7", "139.7", "141.3", "-1",
            ],
        ),
    ];
    for (label, want) in cells {
        let r = row(&doc, 6, label);
        assert_eq!(&figures(r)[..8], &all(&want)[..], "{label}");
        assert_eq!(r.scale, Scale::Thousands, "{label}: kt");
    }
    let payable = row(&doc, 6, "Copper Payable metal in concentrate kt");
    assert_eq!(
        &figures(payable)[..8],
        &all(&["268.8", "276.0", "262.4", "310.7", "317.3", "317.3", "268.8", "18"])[..]
    );
    // Copper South Australia starts reporting in the June 2023 quarter: 19.9, 23.5, 23.5.
    let csa = figures(row(&doc, 6, "Copper South Australia kt"));
    assert_eq!(
        &csa[..6],
        &[
            None,
            None,
            None,
            Some(d("19.9")),
            Some(d("23.5")),
            Some(d("23.5"))
        ]
    );
}

#[test]
fn first_majestic_all_in_sustaining_costs() {
    let doc = read("firstmajestic_2024Q4_FS_MDA.pdf");
    assert_eq!(doc.source.pages.len(), 138);
    // Page 82 ("Page 5" of the annual report), annual production summary: San Dimas, Santa
    // Elena, La Encantada, Jerritt Canyon, Consolidated.
    let cells = [
        (
            "All-in Sustaining Cost per Silver Equivalent Ounce",
            ["21.06", "14.40", "28.31", "16.57", "21.11"],
        ),
        (
            "Cash Costs per Silver Equivalent Ounce",
            ["16.01", "11.81", "23.17", "16.57", "14.80"],
        ),
        (
            "Silver Equivalent Ounces Produced",
            ["8825259", "10266313", "2356393", "207463", "21655427"],
        ),
        (
            "Gold Ounces Produced",
            ["50432", "103540", "164", "2405", "156542"],
        ),
        // Jerritt Canyon milled nothing: "—".
        (
            "Silver Ounces Produced",
            ["4543931", "1514364", "2342502", "0", "8400796"],
        ),
        (
            "Total Production Cost per Tonne",
            ["176.33", "105.99", "60.18", "0", "111.03"],
        ),
    ];
    for (label, want) in cells {
        assert_eq!(figures(row(&doc, 82, label)), all(&want), "{label}");
    }
    // Only Jerritt Canyon is a gold mine: N/A elsewhere.
    assert_eq!(
        figures(row(&doc, 82, "All-in Sustaining Costs per Gold Ounce")),
        vec![None, None, None, Some(d("1388")), None]
    );
    first_majestic_footers(&doc);
}

#[test]
fn ivanhoe_concentrate_production() {
    let doc = read("ivanhoe_Q3_2025_production_release.pdf");
    // Page 3, Kamoa-Kakula quarterly production, Q3 2024 to Q3 2025: the Phase 3 block and
    // the combined block (rows of the same labels, told apart by the heading over them).
    let combined = [
        (
            "Ore tonnes milled (000’s tonnes)",
            ["3266", "3655", "3723", "3622", "3456"],
        ),
        (
            "Feed grade of ore processed (% copper)",
            ["4.14", "4.26", "4.10", "3.58", "2.47"],
        ),
        (
            "Copper recovery (%)",
            ["85.3", "86.6", "87.4", "85.4", "82.7"],
        ),
        (
            "Copper in concentrate produced (tonnes)",
            ["116313", "133819", "133120", "112009", "71266"],
        ),
    ];
    let rows: Vec<&Row> = doc
        .tables
        .iter()
        .flat_map(|t| &t.rows)
        .filter(|r| doc.source.page_of(r.line).map(|p| p.0) == Some(3))
        .collect();
    for (label, want) in combined {
        let r = rows
            .iter()
            .find(|r| {
                &*r.label == label && r.parent.as_deref() == Some("Combined Phase 1, 2, and 3")
            })
            .unwrap_or_else(|| panic!("{label}"));
        assert_eq!(figures(r), all(&want), "{label}");
    }
    let phase3 = rows
        .iter()
        .find(|r| {
            &*r.label == "Copper in concentrate produced (tonnes)"
                && r.parent.as_deref() == Some("Phase 3")
        })
        .expect("Phase 3 row");
    assert_eq!(
        figures(phase3),
        all(&["22099", "31777", "35545", "40608", "33522"])
    );
}

#[test]
fn a_source_line_names_its_page() {
    let doc = read("mcdonalds_2023Q2_earnings_release.pdf");
    let r = row(&doc, 5, "NET INCOME");
    let (page, on_page) = doc.source.page_of(r.line).unwrap();
    assert_eq!(page, 5);
    assert!(on_page > 1 && on_page < 60);
    // The JSON round-trips with its pages.
    let again = Document::from_json(&doc.to_json()).unwrap();
    assert_eq!(again.source.pages, doc.source.pages);
}

/// Read once: the 138-page report is slow in a debug build.
fn first_majestic_footers(doc: &Document) {
    // First Majestic prints "First Majestic Silver Corp. 2024 Annual Report … Page N" at the
    // foot of its MD&A's pages: a running footer, not a row or a paragraph.
    let footer = |s: &str| s.contains("Annual Report") && s.contains("Page");
    assert!(!doc
        .tables
        .iter()
        .flat_map(|t| &t.rows)
        .any(|r| footer(&r.label)));
    assert!(!doc.narrative.iter().any(|p| footer(&p.text)));
}

/// A minimal PDF with one page whose content stream is `content`, with correct offsets.
fn tiny_pdf(content: &str, extra_trailer: &str) -> Vec<u8> {
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>".to_string(),
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_string(),
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>".to_string(),
        format!("<< /Length {} >>\nstream\n{content}\nendstream", content.len()),
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_string(),
    ];
    let mut out = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, o) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend(format!("{} 0 obj\n{o}\nendobj\n", i + 1).bytes());
    }
    let xref = out.len();
    out.extend(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).bytes());
    for o in offsets {
        out.extend(format!("{o:010} 00000 n \n").bytes());
    }
    out.extend(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R {extra_trailer}>>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .bytes(),
    );
    out
}

fn pdf_error(input: &[u8]) -> String {
    match read_document(input) {
        Err(ReadError::Pdf(e)) => e.to_string(),
        Err(e) => panic!("not a PDF error: {e}"),
        Ok(_) => panic!("read"),
    }
}

#[test]
fn a_tiny_pdf_with_text_reads() {
    let pdf = tiny_pdf("BT /F1 10 Tf 72 700 Td (Revenue   1,234   1,100) Tj ET", "");
    let doc = read_document(&pdf).expect("reads");
    assert_eq!(doc.source.format, "pdf");
    assert_eq!(doc.source.pages, vec![1]);
}

#[test]
fn hostile_pdfs_get_a_plain_error() {
    // No text at all: a scan's pages are images.
    let blank = tiny_pdf("0 0 1 rg 10 10 100 100 re f", "");
    assert!(
        pdf_error(&blank).contains("no text"),
        "{}",
        pdf_error(&blank)
    );
    // Random bytes after the header.
    let mut junk = b"%PDF-1.7\n".to_vec();
    let mut x: u32 = 12345;
    for _ in 0..4000 {
        x = x.wrapping_mul(1_103_515_245).wrapping_add(12345);
        junk.push((x >> 16) as u8);
    }
    assert!(pdf_error(&junk).contains("damaged"));
    // Every real fixture cut short, at several lengths: an error or a document, never a panic.
    for name in [
        "pucobre_analisis_razonado_2025Q1.pdf",
        "mcdonalds_2023Q2_earnings_release.pdf",
    ] {
        let b = bytes(name);
        for cut in [10, 100, 1000, b.len() / 3, b.len() / 2, b.len() - 100] {
            let _ = read_document(&b[..cut]);
        }
    }
    let tiny = tiny_pdf("BT /F1 10 Tf 72 700 Td (Revenue 1,234) Tj ET", "");
    for cut in 0..tiny.len() {
        let _ = read_document(&tiny[..cut]);
    }
    // Encrypted with a password we do not have.
    let encrypted = tiny_pdf(
        "BT /F1 10 Tf 72 700 Td (x) Tj ET",
        "/Encrypt << /Filter /Standard /V 2 /R 3 /Length 128 /P -4 /O <00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff> /U <00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff> >> /ID [<0123456789abcdef0123456789abcdef> <0123456789abcdef0123456789abcdef>] ",
    );
    let e = pdf_error(&encrypted);
    assert!(e.contains("encrypted"), "{e}");
}

/// Trust on the PDFs, judged as on the text corpus (`tests/judged.rs`): every mismatch the
/// checks report on a fixture PDF was read against its page, and only the real ones may be
/// reported. The one real: First Majestic's Santa Elena "Total production cost (A)" for the
/// fourth quarter of 2023 (page 129, line 7) prints $27,413 over mining, milling and indirect
/// costs of $11,762 + 10,089 + 5,565 = 27,416. Judged false and gone: "Granted" of stock
/// options against "Granted" of share units (roll-forward lines mean nothing without what they
/// roll forward); "Debt facilities" under "Non-current liabilities" against the capital
/// table's whole; the cash flow's "Adjustments for:" depreciation against the income
/// statement's; "$560.6 million" of revenue read in one sentence with the bullet before it;
/// a realised silver price against the COMEX market price; "share-based payments expense
/// related to PSUs" against all share-based payments.
#[test]
fn the_pdfs_raise_only_the_mismatches_judged_real() {
    let judged_real = [("firstmajestic_2024Q4_FS_MDA.pdf", "footing", 5794)];
    let mut raised = Vec::new();
    for name in [
        "amazon_2025Q1_earnings_release.pdf",
        "bhp_operational_review_Q1FY24.pdf",
        "firstmajestic_2024Q4_FS_MDA.pdf",
        "ivanhoe_Q3_2025_production_release.pdf",
        "mcdonalds_2023Q2_earnings_release.pdf",
        "pucobre_analisis_razonado_2025Q1.pdf",
    ] {
        let analysis = assay::analyze::analyze(&read(name));
        for c in analysis.checks {
            if c.status == assay::analyze::Status::Mismatch {
                let line = c.claim.as_ref().map_or(c.cells[0].line, |s| s.line);
                raised.push((name, c.kind.name(), line));
            }
        }
    }
    assert_eq!(raised, judged_real);
}
