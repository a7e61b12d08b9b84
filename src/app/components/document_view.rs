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
use crate::app::download;
use crate::document::Document;
use crate::session::{picked, Action, Session};

pub fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The session's `document` and its `analysis`.
pub fn document_view(
    session: &Session,
    document: &Rc<Document>,
    analysis: &Rc<Analysis>,
    on_action: &Callback<Action>,
) -> Html {
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
    meta.push(session.source.clone());
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
                    <li id="chart-count">{ plural(session.figures.len(), "chart", "charts") }</li>
                    <li id="metric-count">{ plural(analysis.metrics.len(), "metric", "metrics") }</li>
                    <li id="check-count">{ plural(analysis.checks.len(), "check", "checks") }</li>
                    <li id="mismatch-count" class={(counts.mismatch > 0).then_some("bad")}>
                        { plural(counts.mismatch, "mismatch", "mismatches") }
                    </li>
                </ul>
                <div class="document-actions">
                    { super::button("save-json", "Download JSON", save_json) }
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
            { key_figures(&session.key_figures, on_action) }
            { checks_panel(analysis, session.shown_checks, on_action) }
            { charts_panel(&session.charts, session.release.as_ref(), on_action) }
            { figure_charts(&session.figures, session.release.as_ref(), on_action) }
            <h2 class="tables-heading">{ "Tables" }</h2>
            { for document.tables.iter().zip(session.columns.iter()).map(|(table, columns)| {
                let focused = session.focus.as_ref().filter(|f| f.table == *table.id).map(|f| f.row);
                table_view(document, table, columns, &session.changes, picked(&session.selection, &table.id), focused, on_action)
            }) }
        </article>
    }
}
