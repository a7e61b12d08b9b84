//! The source lines behind the row in focus, as the release printed them (a PDF's as laid
//! out, each named `page:line` as `assay text FILE.pdf` prints them).

use yew::prelude::*;

use crate::document::Source;
use crate::session::Action;

/// `lines`: line numbers (1-based) and their text; `line`: the one to highlight; `source`
/// says where a PDF's pages begin.
pub fn source_view(
    lines: &[(usize, &str)],
    line: usize,
    label: &str,
    source: &Source,
    on_action: &Callback<Action>,
) -> Html {
    let at = |n: usize| match source.page_of(n) {
        Some((page, on_page)) => format!("{page}:{on_page}"),
        None => n.to_string(),
    };
    let on_action = on_action.clone();
    let close = Callback::from(move |_: MouseEvent| on_action.emit(Action::Focus(None)));
    html! {
        <aside id="source-view" class="source-view" aria-label="Source lines">
            <header>
                <strong>{ format!("Source line {}: ", at(line)) }</strong>{ label }
                <button class="quiet" onclick={close} aria-label="Close the source view">{"Close"}</button>
            </header>
            <pre>
                // The line break after each line's span, not in it: the highlighted line is an
                // inline block (its background spans the view), and a break inside it would put
                // the next line beside it, out of sight.
                { for lines.iter().map(|&(n, text)| html! {
                    <>
                        <span class={if n == line { "source-line hit" } else { "source-line" }}>
                            <span class="line-number">{ format!("{:>6}  ", at(n)) }</span>{ text }
                        </span>
                        {"\n"}
                    </>
                }) }
            </pre>
        </aside>
    }
}
