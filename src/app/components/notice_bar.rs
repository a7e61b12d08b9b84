//! The message after the user's last action: what happened and what to do.

use yew::prelude::*;

use crate::session::Notice;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub notice: Option<Notice>,
}

#[component]
pub fn NoticeBar(props: &Props) -> Html {
    match &props.notice {
        None => html! {},
        Some(Notice::Error(text)) => {
            html! { <p id="notice" class="notice error" role="alert">{ text }</p> }
        }
        Some(Notice::Info(text)) => {
            html! { <p id="notice" class="notice info" role="status">{ text }</p> }
        }
    }
}
