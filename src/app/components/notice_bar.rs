//! The message after the user's last action: what happened and what to do.

use yew::prelude::*;

use crate::session::Notice;

pub fn notice_bar(notice: Option<&Notice>) -> Html {
    match notice {
        None => html! {},
        Some(Notice::Error(text)) => {
            html! { <p id="notice" class="notice error" role="alert">{ text }</p> }
        }
        Some(Notice::Info(text)) => {
            html! { <p id="notice" class="notice info" role="status">{ text }</p> }
        }
    }
}
