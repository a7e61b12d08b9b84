//! The read document: its header (company, period, counts), its checks, and every table as
//! printed.

use std::rc::Rc;

use yew::prelude::*;

use super::charts_panel::charts_panel;
use super::checks_panel::checks_panel;
use super::figure_charts::figure_charts;
use super::key_figures::key_figures;
use super::table_view::table_view;
use crate::analyze::Analysis;
use crate::app::{download, workers};
use crate::chart::ChartSpec;
use crate::document::Document;
use crate::figures::{FigureChart, KeyFigure};
use crate::session::{picked, Action, Focus, Session, ShownChecks};
use crate::view::{Changes, TableColumn};

pub fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The session's `document` and its `analysis`, drawn by [`DocumentView`], which draws
/// again only when one of them changes.
pub fn document_view(
    session: &Session,
    document: &Rc<Document>,
    analysis: &Rc<Analysis>,
    on_action: &Callback<Action>,
) -> Html {
    let props = DocumentProps {
        document: Rc::clone(document),
        analysis: Rc::clone(analysis),
        source: session.source.clone(),
        figures: Rc::clone(&session.figures),
        key_figures: Rc::clone(&session.key_figures),
        columns: Rc::clone(&session.columns),
        changes: Rc::clone(&session.changes),
        release: session.release.clone(),
        charts: session.charts.clone(),
        selection: session.selection.clone(),
        focus: session.focus.clone(),
        shown_checks: session.shown_checks,
        on_action: on_action.clone(),
    };
    html! { <DocumentView ..props /> }
}

/// What the document view draws: the parts of the session a read makes (shared, compared by
/// address: a read makes new ones, a keystroke in the box none) and the few the reader
/// changes. Typing in the box changes none of them, so it draws no table again.
#[derive(Properties)]
pub struct DocumentProps {
    document: Rc<Document>,
    analysis: Rc<Analysis>,
    source: String,
    figures: Rc<Vec<FigureChart>>,
    key_figures: Rc<Vec<KeyFigure>>,
    columns: Rc<Vec<Vec<TableColumn>>>,
    changes: Rc<Changes>,
    release: Option<Rc<String>>,
    charts: Vec<Rc<ChartSpec>>,
    selection: Vec<(String, Vec<usize>)>,
    focus: Option<Focus>,
    shown_checks: ShownChecks,
    on_action: Callback<Action>,
}

impl PartialEq for DocumentProps {
    fn eq(&self, o: &Self) -> bool {
        let same = |a: &Option<Rc<String>>, b: &Option<Rc<String>>| match (a, b) {
            (Some(a), Some(b)) => Rc::ptr_eq(a, b),
            (a, b) => a.is_none() && b.is_none(),
        };
        Rc::ptr_eq(&self.document, &o.document)
            && Rc::ptr_eq(&self.analysis, &o.analysis)
            && Rc::ptr_eq(&self.figures, &o.figures)
            && Rc::ptr_eq(&self.key_figures, &o.key_figures)
            && Rc::ptr_eq(&self.columns, &o.columns)
            && Rc::ptr_eq(&self.changes, &o.changes)
            && same(&self.release, &o.release)
            && self.charts.len() == o.charts.len()
            && self
                .charts
                .iter()
                .zip(&o.charts)
                .all(|(a, b)| Rc::ptr_eq(a, b))
            && self.source == o.source
            && self.selection == o.selection
            && self.focus == o.focus
            && self.shown_checks == o.shown_checks
            && self.on_action == o.on_action
    }
}

/// The document's downloads, made when clicked from the document and the text it was read
/// from: a table's CSV here, JSON by the reading worker (`workers::save_json`).
pub struct Downloads {
    document: Rc<Document>,
    text: Option<Rc<String>>,
    on_action: Callback<Action>,
}

impl Downloads {
    /// The JSON of the whole document, or of the table `table` alone.
    pub fn json(&self, table: Option<&str>) -> Callback<MouseEvent> {
        let (document, text) = (Rc::clone(&self.document), self.text.clone());
        let (table, on_action) = (table.map(str::to_owned), self.on_action.clone());
        Callback::from(move |_: MouseEvent| {
            if let Some(text) = &text {
                workers::save_json(&document, text, table.as_deref(), &on_action);
            }
        })
    }

    /// The table `table`'s CSV.
    pub fn csv(&self, table: &str) -> Callback<MouseEvent> {
        let (document, id) = (Rc::clone(&self.document), table.to_owned());
        Callback::from(move |_: MouseEvent| {
            if let Some(table) = document.tables.iter().find(|t| t.id == id) {
                let name = format!("table-{id}.csv");
                download::save_text(&name, "text/csv", &crate::export::table_csv(table));
            }
        })
    }
}

#[component]
fn DocumentView(props: &DocumentProps) -> Html {
    let DocumentProps {
        document,
        analysis,
        on_action,
        ..
    } = props;
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
    let downloads = Downloads {
        document: Rc::clone(document),
        text: props.release.clone(),
        on_action: on_action.clone(),
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
                    // Each count, and whether it is bad news (any mismatch is).
                    { for [
                        ("table-count", document.tables.len(), "table", "tables", false),
                        ("chart-count", props.figures.len(), "chart", "charts", false),
                        ("metric-count", analysis.metrics.len(), "metric", "metrics", false),
                        ("check-count", analysis.checks.len(), "check", "checks", false),
                        ("mismatch-count", counts.mismatch, "mismatch", "mismatches", counts.mismatch > 0),
                    ].into_iter().map(|(id, n, one, many, bad)| html! {
                        <li {id} class={bad.then_some("bad")}>{ plural(n, one, many) }</li>
                    }) }
                </ul>
                <div class="document-actions">
                    { super::button("save-json", "Download JSON", downloads.json(None)) }
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
            { key_figures(&props.key_figures, on_action) }
            { checks_panel(analysis, props.shown_checks, on_action) }
            { charts_panel(&props.charts, props.release.as_ref(), on_action) }
            { figure_charts(&props.figures, props.release.as_ref(), on_action) }
            <h2 class="tables-heading">{ "Tables" }</h2>
            { for document.tables.iter().zip(props.columns.iter()).map(|(table, columns)| {
                let focused = props.focus.as_ref().filter(|f| f.table == *table.id).map(|f| f.row);
                table_view(&downloads, table, columns, &props.changes, picked(&props.selection, &table.id), focused, on_action)
            }) }
        </article>
    }
}
