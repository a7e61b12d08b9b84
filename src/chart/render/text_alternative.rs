//! The chart's text alternative and hover layer, added after plotters has drawn: the root
//! `<svg>`'s attributes, `<title>` and `<desc>`, and the invisible hover targets.

use crate::chart::spec::{ChartKind, ChartSpec};
use crate::chart::text::{format_value, xml_escape};

use super::*;

/// How many values `<desc>` lists before pointing to the data table instead.
const DESC_MAX_VALUES: usize = 60;

/// Adds the root attributes, `<title>`/`<desc>` and the hover layer (see the module header).
pub(super) fn finish(svg: String, spec: &ChartSpec, hits: &[Hit]) -> String {
    let title = if spec.title.trim().is_empty() {
        "Untitled chart"
    } else {
        spec.title.as_str()
    };
    let root_attrs = format!(
        "<svg class=\"assay-chart\" role=\"img\" aria-label=\"{}\" data-kind=\"{}\" ",
        xml_escape(title),
        kind_code(spec.kind)
    );
    let mut out = String::with_capacity(svg.len() + hits.len() * 160 + 512);
    let Some(rest) = svg.strip_prefix("<svg ") else {
        return svg;
    };
    let Some(open_end) = rest.find('>') else {
        return svg;
    };
    let (open, body) = rest.split_at(open_end + 1);
    out.push_str(&root_attrs);
    out.push_str(open);
    out.push_str(&format!(
        "\n<title>{}</title>\n<desc>{}</desc>",
        xml_escape(title),
        xml_escape(&describe(spec))
    ));
    let body = body.trim_end();
    let body = body.strip_suffix("</svg>").unwrap_or(body);
    out.push_str(body);
    out.push_str("<g class=\"assay-hits\" fill=\"#000\" fill-opacity=\"0\">\n");
    for hit in hits {
        let (x0, y0, x1, y1) = hit.rect;
        out.push_str(&format!(
            "<rect class=\"{}\" x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\"",
            hit.class,
            x0.min(x1),
            y0.min(y1),
            (x1 - x0).abs(),
            (y1 - y0).abs()
        ));
        for (k, v) in &hit.data {
            out.push_str(&format!(" {k}=\"{}\"", xml_escape(v)));
        }
        out.push_str(&format!(
            "><title>{}</title></rect>\n",
            xml_escape(&hit.title)
        ));
    }
    out.push_str("</g>\n</svg>\n");
    out
}

/// The short code for a kind used in `data-kind` (also the serde name).
pub(crate) fn kind_code(kind: ChartKind) -> &'static str {
    match kind {
        ChartKind::Bar => "bar",
        ChartKind::GroupedBar => "grouped_bar",
        ChartKind::HorizontalBar => "horizontal_bar",
        ChartKind::Line => "line",
        ChartKind::Waterfall => "waterfall",
    }
}

/// The chart's text alternative: what it is, its period and unit, its source, and its values
/// when they are few.
fn describe(spec: &ChartSpec) -> String {
    let mut parts = vec![spec.kind.label().to_string()];
    if !spec.subtitle.trim().is_empty() {
        parts.push(spec.subtitle.trim().to_string());
    }
    if !spec.unit.trim().is_empty() {
        parts.push(format!("Unit: {}", spec.unit.trim()));
    }
    let source = spec.source_line();
    if !source.is_empty() {
        parts.push(format!("Source: {source}"));
    }
    let points = spec.categories.len() * spec.series.len();
    if points > 0 && points <= DESC_MAX_VALUES {
        let mut values: Vec<String> = Vec::with_capacity(points);
        for (j, s) in spec.series.iter().enumerate() {
            for (i, v) in s.values.iter().enumerate() {
                let v = v.map(format_value).unwrap_or_else(|| "not reported".into());
                values.push(readout(spec, j, i, &v));
            }
        }
        parts.push(format!("Values: {}", values.join("; ")));
    } else if points > DESC_MAX_VALUES {
        parts.push("The values are in the chart's data table".to_string());
    }
    parts.join(". ")
}
