//! The read document: its header (company, period, counts), its checks, and every table as
//! printed.

use std::rc::Rc;

use yew::prelude::*;

use super::charts_panel::charts_panel;
use super::checks_panel::ChecksPanel;
use super::figure_charts::figure_charts;
use super::key_figures::key_figures;
use super::table_view::table_view;
use crate::analyze::Analysis;
use crate::app::download;
use crate::chart::ChartSpec;
use crate::document::Document;
use crate::figures::{FigureChart, KeyFigure};
use crate::session::{picked, Action, Focus};
use crate::view::{changes, table_columns};

#[derive(Properties, PartialEq)]
pub struct Props {
    pub document: Rc<Document>,
    pub analysis: Rc<Analysis>,
    pub source: String,
    pub selection: Vec<(String, Vec<usize>)>,
    pub focus: Option<Focus>,
    pub key_figures: Rc<Vec<KeyFigure>>,
    pub figures: Rc<Vec<FigureChart>>,
    /// Charts the user made from picked rows.
    pub charts: Vec<Rc<ChartSpec>>,
    pub release: Option<Rc<String>>,
    pub on_action: Callback<Action>,
}

pub fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

#[component]
pub fn DocumentView(props: &Props) -> Html {
    let document = &props.document;
    let analysis = &props.analysis;
    let changes = use_memo(Rc::clone(analysis), |analysis| changes(analysis));
    let columns = use_memo(
        (Rc::clone(document), Rc::clone(analysis)),
        |(document, analysis)| {
            document
                .tables
                .iter()
                .map(|t| table_columns(t, analysis))
                .collect::<Vec<_>>()
        },
    );
    let company = document
        .company
        .name
        .clone()
        .unwrap_or_else(|| "Release".into());
    let mut meta = Vec::new();
    if !document.company.tickers.is_empty() {
        meta.push(document.company.tickers.join(", "));
    }
    if let Some(label) = &document.period.label {
        meta.push(label.clone());
    }
    if let Some(date) = &document.date {
        meta.push(format!("released {date}"));
    }
    meta.push(props.source.clone());
    let save_json = {
        let (document, analysis) = (Rc::clone(document), Rc::clone(analysis));
        Callback::from(move |_: MouseEvent| {
            download::save_text(
                "release.json",
                "application/json",
                &crate::export::document_json(&document, &analysis),
            )
        })
    };
    let counts = analysis.counts();

    html! {
        <article class="document">
            <section id="document-header" class="document-header" aria-label="Document">
                <h2>{ company }</h2>
                if let Some(title) = &document.title {
                    <p class="headline">{ title }</p>
                }
                <p class="meta">{ meta.join(" · ") }</p>
                <ul class="counts">
                    <li id="table-count">{ plural(document.tables.len(), "table", "tables") }</li>
                    <li id="chart-count">{ plural(props.figures.len(), "chart", "charts") }</li>
                    <li id="metric-count">{ plural(analysis.metrics.len(), "metric", "metrics") }</li>
                    <li id="check-count">{ plural(analysis.checks.len(), "check", "checks") }</li>
                    <li id="mismatch-count" class={classes!((counts.mismatch > 0).then_some("bad"))}>
                        { plural(counts.mismatch, "mismatch", "mismatches") }
                    </li>
                </ul>
                <div class="document-actions">
                    <button class="save-json" onclick={save_json}>{"Download JSON"}</button>
                </div>
                if !document.warnings.is_empty() {
                    <details class="warnings">
                        <summary>{ plural(document.warnings.len(), "reading note", "reading notes") }</summary>
                        <ul>
                            { for document.warnings.iter().map(|w| html! {
                                <li>{ w.line.map(|l| format!("line {l}: ")).unwrap_or_default() }{ &w.message }</li>
                            }) }
                        </ul>
                    </details>
                }
            </section>
            { key_figures(&props.key_figures, &props.on_action) }
            <ChecksPanel analysis={Rc::clone(analysis)} on_action={props.on_action.clone()} />
            { charts_panel(&props.charts, props.release.as_ref(), &props.on_action) }
            { figure_charts(&props.figures, props.release.as_ref(), &props.on_action) }
            <h2 class="tables-heading">{ "Tables" }</h2>
            { for document.tables.iter().zip(columns.iter()).map(|(table, columns)| {
                let focused = props.focus.as_ref().filter(|f| f.table == table.id).map(|f| f.row);
                table_view(table, columns, &changes, picked(&props.selection, &table.id), focused, &props.on_action)
            }) }
        </article>
    }
}
