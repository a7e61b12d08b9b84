//! Renders every chart kind natively and checks the SVG: titles, one mark per value, a zero
//! line below which negatives hang, escaping of hostile text, "no data" for empty specs.
//!
//! Set `ASSAY_CHART_PREVIEWS=/some/dir` to also write each sample's SVG there, for looking
//! at (`scripts` or a headless browser can turn them into PNGs).

mod chart_samples;

use assay::chart::{
    chart_csv, chart_data_table, render_svg, ChartKind, ChartSpec, Series, Step, DEFAULT_HEIGHT,
    DEFAULT_WIDTH, MAX_CATEGORIES,
};
use chart_samples::vals;

fn svg(spec: &ChartSpec) -> String {
    render_svg(spec, DEFAULT_WIDTH, DEFAULT_HEIGHT)
}

/// The value of attribute `name` in an element's text.
fn attr<'a>(element: &'a str, name: &str) -> Option<&'a str> {
    let key = format!(" {name}=\"");
    let start = element.find(&key)? + key.len();
    let len = element[start..].find('"')?;
    Some(&element[start..start + len])
}

/// The hover targets for values: (series, category, exact value, y, height).
fn marks(svg: &str) -> Vec<(usize, usize, String, i32, i32)> {
    svg.split("<rect class=\"hit\"")
        .skip(1)
        .map(|e| {
            let n = |k| attr(e, k).unwrap().parse::<i32>().unwrap();
            (
                n("data-series") as usize,
                n("data-category") as usize,
                attr(e, "data-value").unwrap().to_string(),
                n("y"),
                n("height"),
            )
        })
        .collect()
}

/// The y of the zero line: the 2 px ink polyline drawn level.
fn zero_line_y(svg: &str) -> Option<i32> {
    svg.split("<polyline").skip(1).find_map(|e| {
        if attr(e, "stroke") != Some("#1A1A1A") || attr(e, "stroke-width") != Some("2") {
            return None;
        }
        let pts: Vec<(i32, i32)> = attr(e, "points")?
            .split_whitespace()
            .filter_map(|p| p.split_once(','))
            .map(|(x, y)| (x.parse().unwrap(), y.parse().unwrap()))
            .collect();
        (pts.len() == 2 && pts[0].1 == pts[1].1).then_some(pts[0].1)
    })
}

#[test]
fn every_sample_renders_with_title_and_one_mark_per_value() {
    let dir = std::env::var_os("ASSAY_CHART_PREVIEWS");
    for (name, spec) in chart_samples::all() {
        spec.validate().unwrap();
        let out = svg(&spec);
        assert!(
            out.starts_with("<svg class=\"assay-chart\" role=\"img\""),
            "{name}"
        );
        assert!(out.trim_end().ends_with("</svg>"), "{name}");
        assert!(
            out.contains(&format!(
                "<title>{}</title>",
                spec.title.replace('&', "&amp;")
            )),
            "{name}"
        );
        let expected = spec.categories.len() * spec.series.len();
        let found = marks(&out);
        assert_eq!(found.len(), expected, "{name}: one hover mark per value");
        for (j, i, value, _, _) in &found {
            let want = spec.series[*j].values[*i]
                .map(|v| v.to_string())
                .unwrap_or_default();
            assert_eq!(
                value, &want,
                "{name}: exact value for series {j} category {i}"
            );
        }
        if let Some(dir) = &dir {
            write_preview(dir, name, &out);
            // The same chart on a 390 px phone.
            write_preview(dir, &format!("{name}-phone"), &render_svg(&spec, 360, 320));
        }
    }
    if let Some(dir) = &dir {
        let empty = ChartSpec::new(
            ChartKind::Bar,
            "Gold produced by mine",
            "Q3 2007",
            "ounces",
            vec![],
            vec![],
        );
        write_preview(dir, "no-data", &svg(&empty));
        let mut hostile = chart_samples::silver_cash_cost_by_mine();
        hostile.title = "<script>alert(1)</script>\" onload=\"alert(2)".to_string();
        hostile.categories[0] = "<img src=x onerror=alert(3)>".to_string();
        write_preview(dir, "hostile", &svg(&hostile));
    }
}

fn write_preview(dir: &std::ffi::OsStr, name: &str, svg: &str) {
    std::fs::create_dir_all(dir).unwrap();
    std::fs::write(std::path::Path::new(dir).join(format!("{name}.svg")), svg).unwrap();
}

#[test]
fn bars_are_drawn_in_series_colours() {
    let spec = chart_samples::sales_and_profit_four_by_four();
    let out = svg(&spec);
    for (j, colour) in ["#0072B2", "#E69F00", "#009E73", "#D55E00"]
        .iter()
        .enumerate()
    {
        let bars = out
            .matches(&format!("fill=\"{colour}\" stroke=\"none\""))
            .count();
        // Four bars plus the legend swatch.
        assert_eq!(bars, 5, "series {j} ({colour})");
    }
}

#[test]
fn negative_values_hang_below_a_visible_zero_line() {
    let spec = chart_samples::silver_cash_cost_by_mine();
    let out = svg(&spec);
    let zero = zero_line_y(&out).expect("a zero line");
    for (j, i, value, y, height) in marks(&out) {
        if value.starts_with('-') {
            assert!(
                y >= zero - 2,
                "series {j} category {i} ({value}) starts at the zero line"
            );
            assert!(
                y + height > zero + 4,
                "series {j} category {i} ({value}) reaches below zero"
            );
        } else {
            assert!(
                y + height <= zero + 2,
                "series {j} category {i} ({value}) stands on zero"
            );
        }
    }
    assert!(
        out.contains("−4.91"),
        "value label as printed, with a minus sign"
    );
    assert!(
        out.contains("All silver operations: −4.91 USD per ounce")
            || out.contains("Q3 2007 — All silver operations: −4.91 USD per ounce")
    );
}

#[test]
fn line_chart_crossing_zero_has_zero_line_and_points() {
    let spec = chart_samples::silver_costs_line();
    let out = svg(&spec);
    assert!(zero_line_y(&out).is_some());
    assert_eq!(marks(&out).len(), 12);
    // One polyline per series, plus grid, legend and zero line.
    assert!(out.matches("stroke=\"#0072B2\" stroke-width=\"2\"").count() >= 2);
}

#[test]
fn waterfall_walks_to_the_printed_total() {
    let spec = chart_samples::cash_cost_reconciliation();
    let out = svg(&spec);
    assert!(out.contains("+30,892"), "changes carry a sign");
    assert!(
        out.contains("running total 31,589"),
        "running totals in the read-out"
    );
    assert!(out.contains("not reported"), "absent steps are marked");
    let table = chart_data_table(&spec);
    assert_eq!(
        table[0],
        ["USD thousands", "Step", "Q3 2007", "Running total"]
    );
    assert_eq!(table.last().unwrap()[3], "28235");
    assert_eq!(table[4][3], "31589");
    assert_eq!(table[6][2], "", "absent stays empty");
}

#[test]
fn waterfall_totals_are_drawn_as_printed_even_when_the_walk_disagrees() {
    let mut spec = chart_samples::income_statement();
    // A release that does not add up: the printed total is drawn, not the computed one.
    spec.series[0].values[3] = vals(&["99999"])[0];
    let out = svg(&spec);
    assert!(out.contains("data-value=\"99999\""));
    let table = chart_data_table(&spec);
    assert_eq!(table[4][3], "99999");
}

/// Every `<` opens one of the elements the renderer writes, and no attribute is an event
/// handler: hostile text can only have become text.
fn assert_only_known_tags(svg: &str) {
    const TAGS: [&str; 10] = [
        "svg", "title", "desc", "rect", "polyline", "polygon", "circle", "text", "line", "g",
    ];
    for piece in svg.split('<').skip(1) {
        let name = piece
            .trim_start_matches('/')
            .split([' ', '>', '/', '\n'])
            .next()
            .unwrap();
        assert!(TAGS.contains(&name), "unexpected element <{name}");
        // Attributes are name="value" pairs; values hold no quote (escaping turned them into &quot;).
        let tag = &piece[..piece.find('>').unwrap()];
        let mut rest = tag[name.len()..].trim_start_matches('/');
        while let Some((attr_name, after)) = rest.split_once("=\"") {
            let attr_name = attr_name.trim();
            assert!(
                !attr_name.starts_with("on") && !attr_name.contains(['<', '"', ' ']),
                "attribute {attr_name:?} in <{tag}>"
            );
            let (_, next) = after.split_once('"').expect("closed attribute");
            rest = next;
        }
    }
}

#[test]
fn hostile_text_is_escaped_everywhere() {
    let evil = "<script>alert(1)</script>\" onload=\"alert(2)\" ' & <img src=x onerror=alert(3)>";
    let mut spec = chart_samples::silver_cash_cost_by_mine();
    spec.title = evil.to_string();
    spec.subtitle = evil.to_string();
    spec.unit = evil.to_string();
    spec.categories[0] = evil.to_string();
    spec.series[0].name = evil.to_string();
    spec.provenance.company = evil.to_string();
    spec.provenance.rows[0] = evil.to_string();
    spec.validate().unwrap();
    for kind in [
        ChartKind::GroupedBar,
        ChartKind::HorizontalBar,
        ChartKind::Line,
    ] {
        spec.kind = kind;
        let out = svg(&spec);
        assert!(!out.contains("<script"), "{kind:?}");
        assert!(!out.contains("<img"), "{kind:?}");
        assert!(!out.contains("\" onload=\""), "{kind:?}");
        assert_only_known_tags(&out);
        assert!(
            out.contains("&lt;script&gt;"),
            "{kind:?}: the text is kept, escaped"
        );
    }
    // The data table keeps text as text; CSV guards formula-looking cells.
    spec.categories[1] = "=HYPERLINK(\"http://x\")".to_string();
    let csv = chart_csv(&spec);
    assert!(csv.contains("\"'=HYPERLINK(\"\"http://x\"\")\""), "{csv}");
    assert!(csv.contains(",-2.38,"), "numbers stay bare: {csv}");
}

#[test]
fn empty_and_all_absent_specs_say_no_data() {
    let empty = ChartSpec::new(ChartKind::Bar, "Nothing", "", "", vec![], vec![]);
    let mut absent = chart_samples::silver_by_mine();
    absent.series[0].values = vec![None, None];
    for spec in [empty, absent] {
        let out = svg(&spec);
        assert!(out.contains("No data"));
        assert!(out.contains("<title>"));
    }
}

#[test]
fn invalid_specs_draw_a_message_instead_of_panicking() {
    let mut spec = chart_samples::silver_by_mine();
    spec.series[0].values.push(None); // ragged
    assert!(svg(&spec).contains("cannot be drawn"));
    let mut spec = chart_samples::income_statement();
    spec.steps.pop();
    assert!(svg(&spec).contains("cannot be drawn"));
}

#[test]
fn long_labels_are_shortened_with_the_full_text_kept() {
    let spec = chart_samples::cash_cost_reconciliation();
    let out = svg(&spec);
    let full = "Costs of sales and other direct production costs and depreciation, depletion and amortization (GAAP)";
    assert!(out.contains('…'), "something was shortened");
    assert!(
        out.contains(&format!("<title>{full}</title>")),
        "full label kept as a read-out"
    );
}

#[test]
fn extreme_sizes_and_counts_do_not_panic() {
    let mut spec = chart_samples::gross_profit_by_segment();
    for (w, h) in [
        (0, 0),
        (1, 1),
        (u32::MAX, u32::MAX),
        (280, 4096),
        (4096, 200),
    ] {
        let _ = render_svg(&spec, w, h);
    }
    spec.categories = (0..MAX_CATEGORIES)
        .map(|i| format!("Category number {i} with a long name"))
        .collect();
    spec.series = vec![
        Series {
            name: "Big".into(),
            values: vec![Some(rust_decimal::Decimal::MAX); MAX_CATEGORIES],
        },
        Series {
            name: "Small".into(),
            values: vec![Some(rust_decimal::Decimal::MIN); MAX_CATEGORIES],
        },
    ];
    spec.validate().unwrap();
    for kind in [
        ChartKind::GroupedBar,
        ChartKind::HorizontalBar,
        ChartKind::Line,
    ] {
        spec.kind = kind;
        assert_eq!(
            marks(&render_svg(&spec, 280, 200)).len(),
            2 * MAX_CATEGORIES
        );
    }
    spec.kind = ChartKind::Waterfall;
    spec.series.truncate(1);
    spec.steps = vec![Step::Delta; MAX_CATEGORIES];
    assert_eq!(marks(&svg(&spec)).len(), MAX_CATEGORIES);
}

#[test]
fn data_table_lists_every_value_exactly() {
    let spec = chart_samples::silver_cash_cost_by_mine();
    let table = chart_data_table(&spec);
    assert_eq!(table[0], ["USD per ounce", "Q3 2007", "Q3 2006"]);
    assert_eq!(table[3], ["All silver operations", "-4.91", "0.59"]);
    let csv = chart_csv(&spec);
    assert!(
        csv.starts_with(
            "\"Total cash cost per ounce of silver, by mine, Third quarter 2007 and 2006\"\r\n"
        ),
        "{csv}"
    );
    assert!(csv.contains("Source: Hecla Mining Company"));
}
