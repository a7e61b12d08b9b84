//! One table as the release printed it: stacked period headers, sections, headings, indented
//! items under their heading, totals under a rule, nils and negatives as printed.

use std::rc::Rc;

use rust_decimal::Decimal;
use yew::prelude::*;

use crate::document::{Cell, Document, Row, RowKind, Value};

#[derive(Properties, PartialEq)]
pub struct Props {
    pub document: Rc<Document>,
    pub table_id: String,
}

fn cell_class(cell: &Cell) -> &'static str {
    match cell.value {
        Value::Nil => "nil",
        Value::Amount(d) | Value::Percent(d) if d < Decimal::ZERO => "negative",
        _ => "",
    }
}

fn row_html(row: &Row, width: usize) -> Html {
    let class = match row.kind {
        RowKind::Total => "total",
        RowKind::Heading => "heading",
        RowKind::Item => "item",
    };
    let indent = if row.parent.is_some() { "indent-1" } else { "" };
    let line = format!("Source line {}", row.line);
    html! {
        <tr class={class} data-line={row.line.to_string()}>
            <th scope="row" class={indent} title={line.clone()}>{ &row.label }</th>
            { for (0..width).map(|i| match row.cells.get(i).and_then(Option::as_ref) {
                Some(cell) => html! { <td class={cell_class(cell)} title={line.clone()}>{ &cell.printed }</td> },
                None => html! { <td></td> },
            }) }
        </tr>
    }
}

#[component]
pub fn TableView(props: &Props) -> Html {
    let Some(table) = props
        .document
        .tables
        .iter()
        .find(|t| t.id == props.table_id)
    else {
        return html! {};
    };
    let width = table.columns.len();
    let title = table
        .title
        .clone()
        .unwrap_or_else(|| format!("Table {}", table.id));
    let mut body = Vec::with_capacity(table.rows.len());
    let mut section: Option<&str> = None;
    for row in &table.rows {
        if row.section.as_deref() != section {
            section = row.section.as_deref();
            if let Some(name) = section {
                body.push(html! {
                    <tr class="section"><th scope="rowgroup" colspan={(width + 1).to_string()}>{ name }</th></tr>
                });
            }
        }
        body.push(row_html(row, width));
    }
    html! {
        <section class="table-card" id={format!("table-{}", table.id)} aria-label={title.clone()}>
            <header>
                <h3>{ title }</h3>
                if let Some(note) = &table.scale_note {
                    <p class="scale">{ note }</p>
                }
            </header>
            <div class="table-scroll">
                <table class="release">
                    <thead>
                        <tr>
                            <th scope="col"></th>
                            { for table.columns.iter().map(|c| html! { <th scope="col">{ &c.label }</th> }) }
                        </tr>
                    </thead>
                    <tbody>{ for body }</tbody>
                </table>
            </div>
        </section>
    }
}
