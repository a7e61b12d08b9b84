//! One table as the release printed it: stacked period headers, sections, headings, indented
//! items under their heading, totals under a rule, nils and negatives as printed.

use std::collections::BTreeSet;
use std::rc::Rc;

use rust_decimal::Decimal;
use yew::prelude::*;

use crate::app::download;
use crate::chart::ChartKind;
use crate::document::{Cell, Document, Row, RowKind, Value};
use crate::export::{table_csv, table_json};
use crate::session::Action;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub document: Rc<Document>,
    pub table_id: String,
    /// Rows picked for charting.
    pub selected: BTreeSet<usize>,
    pub on_action: Callback<Action>,
}

fn cell_class(cell: &Cell) -> &'static str {
    match cell.value {
        Value::Nil => "nil",
        Value::Amount(d) | Value::Percent(d) if d < Decimal::ZERO => "negative",
        _ => "",
    }
}

fn row_html(row: &Row, index: usize, width: usize, picked: bool, on_pick: Callback<usize>) -> Html {
    let class = match row.kind {
        RowKind::Total => "total",
        RowKind::Heading => "heading",
        RowKind::Item => "item",
    };
    let indent = if row.parent.is_some() { "indent-1" } else { "" };
    let line = format!("Source line {}", row.line);
    let chartable = row.cells.iter().flatten().any(|c| c.value.number().is_some());
    let onchange = Callback::from(move |_: Event| on_pick.emit(index));
    html! {
        <tr class={classes!(class, picked.then_some("picked"))} data-line={row.line.to_string()}>
            <td class="pick">
                if chartable {
                    <input type="checkbox" checked={picked} {onchange}
                           aria-label={format!("Chart the row {}", row.label)} />
                }
            </td>
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
    let table_id = table.id.clone();
    let on_pick = {
        let (on_action, table) = (props.on_action.clone(), table_id.clone());
        Callback::from(move |row| on_action.emit(Action::ToggleRow { table: table.clone(), row }))
    };
    let chart_as = |kind: ChartKind| {
        let (on_action, table) = (props.on_action.clone(), table_id.clone());
        Callback::from(move |_: MouseEvent| on_action.emit(Action::ChartSelection { table: table.clone(), kind }))
    };
    let save_csv = {
        let table = table.clone();
        Callback::from(move |_: MouseEvent| download::save_text(&format!("table-{}.csv", table.id), "text/csv", &table_csv(&table)))
    };
    let save_json = {
        let table = table.clone();
        Callback::from(move |_: MouseEvent| download::save_text(&format!("table-{}.json", table.id), "application/json", &table_json(&table)))
    };
    let title = table
        .title
        .clone()
        .unwrap_or_else(|| format!("Table {}", table.id));
    let mut body = Vec::with_capacity(table.rows.len());
    let mut section: Option<&str> = None;
    for (index, row) in table.rows.iter().enumerate() {
        if row.section.as_deref() != section {
            section = row.section.as_deref();
            if let Some(name) = section {
                body.push(html! {
                    <tr class="section"><td></td><th scope="rowgroup" colspan={(width + 1).to_string()}>{ name }</th></tr>
                });
            }
        }
        body.push(row_html(row, index, width, props.selected.contains(&index), on_pick.clone()));
    }
    html! {
        <section class="table-card" id={format!("table-{}", table.id)} aria-label={title.clone()}>
            <header>
                <h3>{ title }</h3>
                if let Some(note) = &table.scale_note {
                    <p class="scale">{ note }</p>
                }
                <div class="table-actions">
                    <button class="save-csv" onclick={save_csv}>{"CSV"}</button>
                    <button class="save-json" onclick={save_json}>{"JSON"}</button>
                </div>
            </header>
            if !props.selected.is_empty() {
                <div class="chart-picker" role="group" aria-label="Chart the selected rows">
                    <span>{ format!("{} selected:", props.selected.len()) }</span>
                    <button class="primary chart-bar" onclick={chart_as(ChartKind::Bar)}>{"Bar chart"}</button>
                    <button class="primary chart-line" onclick={chart_as(ChartKind::Line)}>{"Line chart"}</button>
                </div>
            }
            <div class="table-scroll">
                <table class="release">
                    <thead>
                        <tr>
                            <th scope="col" class="pick"><span class="visually-hidden">{"Chart"}</span></th>
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
