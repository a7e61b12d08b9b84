//! The message after the user's last action: what happened and what to do.

use yew::prelude::*;

use crate::session::Notice;

pub fn notice_bar(notice: Option<&Notice>) -> Html {
    // An error is announced at once (`alert`), news politely (`status`).
    let (class, role, text) = match notice {
        None => return html! {},
        Some(Notice::Error(text)) => ("notice error", "alert", text),
        Some(Notice::Info(text)) => ("notice info", "status", text),
    };
    html! { <p id="notice" {class} {role}>{ text }</p> }
}
