//! The source lines behind the row in focus, as the release printed them.

use yew::prelude::*;

use crate::session::Action;

#[derive(Properties, PartialEq)]
pub struct Props {
    /// Line numbers (1-based) and their text.
    pub lines: Vec<(usize, String)>,
    /// The line to highlight.
    pub line: usize,
    pub label: String,
    pub on_action: Callback<Action>,
}

#[component]
pub fn SourceView(props: &Props) -> Html {
    let on_action = props.on_action.clone();
    let close = Callback::from(move |_: MouseEvent| on_action.emit(Action::Focus(None)));
    html! {
        <aside id="source-view" class="source-view" aria-label="Source lines">
            <header>
                <strong>{ format!("Source line {}: ", props.line) }</strong>{ &props.label }
                <button class="quiet" onclick={close} aria-label="Close the source view">{"Close"}</button>
            </header>
            <pre>
                { for props.lines.iter().map(|(n, text)| html! {
                    <span class={classes!("source-line", (*n == props.line).then_some("hit"))}>
                        <span class="line-number">{ format!("{n:>5}  ") }</span>{ text }{"\n"}
                    </span>
                }) }
            </pre>
        </aside>
    }
}
