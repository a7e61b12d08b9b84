//! The read document: its header (company, period, counts) and every table as printed.

use std::rc::Rc;

use yew::prelude::*;

use std::collections::{BTreeMap, BTreeSet};

use super::table_view::TableView;
use crate::app::download;
use crate::document::Document;
use crate::session::Action;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub document: Rc<Document>,
    pub source: String,
    pub selection: BTreeMap<String, BTreeSet<usize>>,
    pub on_action: Callback<Action>,
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

#[component]
pub fn DocumentView(props: &Props) -> Html {
    let document = &props.document;
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
        let document = Rc::clone(document);
        Callback::from(move |_: MouseEvent| download::save_text("release.json", "application/json", &document.to_json()))
    };

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
            { for document.tables.iter().map(|table| html! {
                <TableView key={table.id.clone()} document={Rc::clone(document)} table_id={table.id.clone()}
                           selected={props.selection.get(&table.id).cloned().unwrap_or_default()}
                           on_action={props.on_action.clone()} />
            }) }
        </article>
    }
}
