//! The checks: counts by status, then each check with its explanation and evidence, mismatches
//! first. Each cell of evidence opens the row it points at.

use yew::prelude::*;

use super::document_view::plural;
use crate::analyze::{Analysis, Check, CheckKind, Status};
use crate::session::{Action, ShownChecks};
use crate::view::{check_figures, checks_in_order};

fn kind_text(kind: CheckKind) -> &'static str {
    match kind {
        CheckKind::Footing => "Footing",
        CheckKind::Recompute => "Recomputation",
        CheckKind::CrossTable => "Across tables",
        CheckKind::Claim => "Narrative claim",
    }
}

fn status_text(status: Status) -> &'static str {
    match status {
        Status::Ok => "ok",
        Status::Mismatch => "mismatch",
        Status::NotCheckable => "not checkable",
    }
}

/// The class a status is drawn with.
fn status_class(status: Status) -> &'static str {
    match status {
        Status::Ok => "ok",
        Status::Mismatch => "mismatch",
        Status::NotCheckable => "not-checkable",
    }
}

fn check_html(check: &Check, on_action: &Callback<Action>) -> Html {
    let status = status_class(check.status);
    let figures = check_figures(check);
    html! {
        <li class={format!("check {status}")}>
            <p class="check-head">
                <span class={format!("badge {status}")}>{ status_text(check.status) }</span>
                <span class="check-kind">{ kind_text(check.kind) }</span>
            </p>
            <p class="check-explanation">{ &check.explanation }</p>
            if let Some(claim) = &check.claim {
                <blockquote class="claim">{ format!("“{}”", claim.sentence) }<cite>{ format!(" — line {}", claim.line) }</cite></blockquote>
            }
            if let Some(figures) = figures {
                <p class="check-figures">{ figures }</p>
            }
            if !check.cells.is_empty() {
                <ul class="evidence">
                    { for check.cells.iter().map(|cell| {
                        let onclick = super::show_row(on_action, &cell.table, cell.row);
                        html! {
                            <li><button class="cell-link" {onclick}>
                                { format!("{} · {} = {} (line {})", cell.row_label, cell.column_label, cell.printed, cell.line) }
                            </button></li>
                        }
                    }) }
                </ul>
            }
        </li>
    }
}

/// A button that lists or hides a kind of check, saying which through `aria-pressed`.
fn shown_toggle(
    class: &'static str,
    pressed: bool,
    label: String,
    onclick: Callback<MouseEvent>,
) -> Html {
    let pressed = if pressed { "true" } else { "false" };
    html! { <button {class} aria-pressed={pressed} {onclick}>{ label }</button> }
}

/// The `analysis`'s checks: every mismatch, and the others `shown`.
pub fn checks_panel(analysis: &Analysis, shown: ShownChecks, on_action: &Callback<Action>) -> Html {
    let counts = analysis.counts();
    let listed: Vec<&Check> = checks_in_order(analysis)
        .into_iter()
        .filter(|c| match c.status {
            Status::Mismatch => true,
            Status::NotCheckable => shown.not_checkable,
            Status::Ok => shown.ok,
        })
        .collect();
    let toggle = |next: ShownChecks| {
        let on_action = on_action.clone();
        Callback::from(move |_: MouseEvent| on_action.emit(Action::ShowChecks(next)))
    };
    let (show_unchecked, show_ok) = (shown.not_checkable, shown.ok);
    html! {
        <section id="checks" class="checks-panel" aria-label="Consistency checks">
            <h2>{"Checks"}</h2>
            <p class="check-counts">
                <span class={if counts.mismatch > 0 { "badge mismatch" } else { "badge ok" }}>
                    { plural(counts.mismatch, "mismatch", "mismatches") }
                </span>
                { shown_toggle("quiet show-unchecked", show_unchecked,
                    format!("{} {} not checkable", if show_unchecked { "Hide" } else { "Show" }, counts.not_checkable),
                    toggle(ShownChecks { not_checkable: !show_unchecked, ..shown })) }
                { shown_toggle("quiet show-ok", show_ok,
                    format!("{} {} that agree", if show_ok { "Hide" } else { "Show" }, counts.ok),
                    toggle(ShownChecks { ok: !show_ok, ..shown })) }
            </p>
            if counts.mismatch == 0 {
                <p class="check-none">{ format!("No mismatches: every one of the {} checks that could be made agrees.", counts.ok) }</p>
            }
            <div class="check-list">
                { for [
                    (Status::Mismatch, "Mismatches"),
                    (Status::NotCheckable, "Not checkable, and why"),
                    (Status::Ok, "Checks that agree"),
                ].into_iter().map(|(status, heading)| {
                    let group: Vec<&&Check> = listed.iter().filter(|c| c.status == status).collect();
                    if group.is_empty() {
                        return html! {};
                    }
                    html! {
                        <section class={format!("check-group {}", status_class(status))}>
                            <h3>{ format!("{heading} ({})", group.len()) }</h3>
                            <ul>{ for group.iter().map(|c| check_html(c, on_action)) }</ul>
                        </section>
                    }
                }) }
            </div>
        </section>
    }
}
