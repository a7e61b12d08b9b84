//! One table as the release printed it: stacked period headers, sections, headings, indented
//! items under their heading, totals under a rule, nils and negatives as printed; a change
//! column after each comparable pair of periods. A row's label opens its source line.

use rust_decimal::Decimal;
use yew::prelude::*;

use super::button;
use super::document_view::Downloads;
use crate::chart::ChartKind;
use crate::document::{Cell, Row, RowKind, Table, Value};
use crate::session::{Action, Focus};
use crate::view::{ChangeCell, Changes, TableColumn};

fn cell_class(cell: &Cell) -> &'static str {
    match cell.value {
        Value::Nil => "nil",
        Value::Amount(d) | Value::Percent(d) if d < Decimal::ZERO => "negative",
        _ => "",
    }
}

/// A cell: its class ("" for none), what hovering it says, and its text. Every cell of the
/// table, printed or a change, is drawn here.
fn td(class: &'static str, title: Option<&str>, text: &str) -> Html {
    html! { <td {class} title={title.map(str::to_owned)}>{ text }</td> }
}

fn change_html(change: Option<&ChangeCell>) -> Html {
    let Some(c) = change else {
        return td("change", None, "");
    };
    let class = match c {
        ChangeCell::NotMeaningful(_) => "change nm",
        ChangeCell::Percent(p) | ChangeCell::Points(p) if *p < Decimal::ZERO => "change down",
        _ => "change",
    };
    // A change that means nothing says why on hover.
    let why = match c {
        ChangeCell::NotMeaningful(why) => Some(why.as_str()),
        _ => None,
    };
    td(class, why, &c.text())
}

struct RowContext<'a> {
    table: &'a Table,
    columns: &'a [TableColumn],
    changes: &'a Changes,
    on_pick: Callback<usize>,
    on_focus: Callback<usize>,
}

fn row_html(cx: &RowContext<'_>, index: usize, row: &Row, picked: bool, focused: bool) -> Html {
    let class = match row.kind {
        RowKind::Total => "total",
        RowKind::Heading => "heading",
        RowKind::Item => "item",
    };
    let indent = row.parent.is_some().then_some("indent-1");
    let chartable = row
        .cells
        .iter()
        .flatten()
        .any(|c| c.value.number().is_some());
    let on_pick = cx.on_pick.clone();
    let onchange = Callback::from(move |_: Event| on_pick.emit(index));
    let on_focus = cx.on_focus.clone();
    let onclick = Callback::from(move |_: MouseEvent| on_focus.emit(index));
    let cells = cx.columns.iter().map(|column| match *column {
        TableColumn::Printed(i) => match row.cells.get(i).and_then(Option::as_ref) {
            Some(cell) => td(cell_class(cell), None, &cell.printed),
            None => td("", None, ""),
        },
        TableColumn::Change { current, prior } => {
            change_html(cx.changes.get(&cx.table.id, index, current, prior))
        }
    });
    html! {
        <tr id={format!("row-{}-{index}", cx.table.id)}
            class={format!("{class}{}{}", if picked { " picked" } else { "" }, if focused { " focused" } else { "" })}>
            <td class="pick">
                if chartable {
                    <input type="checkbox" checked={picked} {onchange}
                           aria-label={format!("Chart the row {}", row.label)} />
                }
            </td>
            <th scope="row" class={indent}>
                <button class="row-label" title={format!("Show source line {}", row.line)} {onclick}>{ row.label.as_str() }</button>
            </th>
            { for cells }
        </tr>
    }
}

fn header_html(table: &Table, columns: &[TableColumn]) -> Html {
    html! {
        <tr>
            <th scope="col" class="pick"><span class="visually-hidden">{"Chart"}</span></th>
            <th scope="col"></th>
            { for columns.iter().map(|column| match *column {
                TableColumn::Printed(i) => html! { <th scope="col">{ table.columns[i].label.as_str() }</th> },
                TableColumn::Change { current, prior } => html! {
                    <th scope="col" class="change"
                        title={format!("{} against {}", table.columns[current].label, table.columns[prior].label)}>
                        {"Change"}
                    </th>
                },
            }) }
        </tr>
    }
}

/// The table with its `columns` (change columns included), the rows picked for charting
/// (`selected`) and the row in focus, if it is in this table. Keyed by the table's id.
/// `downloads` makes the table's CSV and JSON when clicked.
pub fn table_view(
    downloads: &Downloads,
    table: &Table,
    columns: &[TableColumn],
    changes: &Changes,
    selected: &[usize],
    focused: Option<usize>,
    on_action: &Callback<Action>,
) -> Html {
    let table_id = table.id.to_string();
    let on_pick = {
        let (on_action, table) = (on_action.clone(), table_id.clone());
        Callback::from(move |row| {
            on_action.emit(Action::ToggleRow {
                table: table.clone(),
                row,
            })
        })
    };
    let on_focus = {
        let (on_action, table) = (on_action.clone(), table_id.clone());
        Callback::from(move |row| {
            on_action.emit(Action::Focus(Some(Focus {
                table: table.clone(),
                row,
            })))
        })
    };
    let chart_as = |kind: ChartKind| {
        let (on_action, table) = (on_action.clone(), table_id.clone());
        Callback::from(move |_: MouseEvent| {
            on_action.emit(Action::ChartSelection {
                table: table.clone(),
                kind,
            })
        })
    };
    let (save_csv, save_json) = (downloads.csv(&table_id), downloads.json(Some(&table_id)));

    let cx = RowContext {
        table,
        columns,
        changes,
        on_pick,
        on_focus,
    };
    let span = (columns.len() + 1).to_string();
    let mut body = Vec::with_capacity(table.rows.len());
    let mut section: Option<&str> = None;
    for (index, row) in table.rows.iter().enumerate() {
        if row.section.as_deref() != section {
            section = row.section.as_deref();
            if let Some(name) = section {
                body.push(html! {
                    <tr class="section"><td></td><th scope="rowgroup" colspan={span.clone()}>{ name }</th></tr>
                });
            }
        }
        let picked = selected.contains(&index);
        body.push(row_html(&cx, index, row, picked, focused == Some(index)));
    }
    let title = table
        .title
        .clone()
        .unwrap_or_else(|| format!("Table {}", table.id));
    html! {
        <section key={table.id.as_str()} class="table-card" id={format!("table-{}", table.id)} aria-label={title.clone()}>
            <header>
                <h3>{ title }</h3>
                if let Some(note) = &table.scale_note {
                    <p class="scale">{ note }</p>
                }
                <div class="table-actions">
                    { button("save-csv", "CSV", save_csv) }
                    { button("save-json", "JSON", save_json) }
                </div>
            </header>
            if !selected.is_empty() {
                <div class="chart-picker" role="group" aria-label="Chart the selected rows">
                    <span>{ format!("{} selected:", selected.len()) }</span>
                    { button("primary chart-bar", "Bar chart", chart_as(ChartKind::Bar)) }
                    { button("primary chart-line", "Line chart", chart_as(ChartKind::Line)) }
                </div>
            }
            <div class="table-scroll">
                <table class="release">
                    <thead>{ header_html(table, columns) }</thead>
                    <tbody>{ for body }</tbody>
                </table>
            </div>
        </section>
    }
}
