//! The source lines behind the row in focus, as the release printed them.

use yew::prelude::*;

use crate::session::Action;

/// `lines`: line numbers (1-based) and their text; `line`: the one to highlight.
pub fn source_view(
    lines: &[(usize, &str)],
    line: usize,
    label: &str,
    on_action: &Callback<Action>,
) -> Html {
    let on_action = on_action.clone();
    let close = Callback::from(move |_: MouseEvent| on_action.emit(Action::Focus(None)));
    html! {
        <aside id="source-view" class="source-view" aria-label="Source lines">
            <header>
                <strong>{ format!("Source line {line}: ") }</strong>{ label }
                <button class="quiet" onclick={close} aria-label="Close the source view">{"Close"}</button>
            </header>
            <pre>
                { for lines.iter().map(|&(n, text)| html! {
                    <span class={if n == line { "source-line hit" } else { "source-line" }}>
                        <span class="line-number">{ format!("{n:>5}  ") }</span>{ text }{"\n"}
                    </span>
                }) }
            </pre>
        </aside>
    }
}
