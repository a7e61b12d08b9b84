//! One chart: the SVG drawn by the core, its text alternative, its data as a table, and the
//! actions on it (download SVG or PNG, remove).

use std::cell::Cell;
use std::rc::Rc;

use yew::prelude::*;

use super::{button, expander};
use crate::app::{download, links, location};
use crate::chart::{chart_csv, chart_data_table, render_svg, ChartSpec};
use crate::share::{link_to, ShareError, SharePayload, LONG_LINK_CHARS};

/// The size charts are drawn at on the page; CSS scales them down on narrow screens.
pub const WIDTH: u32 = 760;
pub const HEIGHT: u32 = 420;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub spec: Rc<ChartSpec>,
    /// The chart's id in the page, for links and tests.
    pub id: AttrValue,
    #[prop_or_default]
    pub on_remove: Option<Callback<MouseEvent>>,
    /// The release text, which a share link may carry; `None` offers the chart alone.
    #[prop_or_default]
    pub release: Option<Rc<String>>,
    /// Show the data table from the start (a chart opened from a link).
    #[prop_or_default]
    pub show_data: bool,
    /// Told when the reader works with this chart (data, share), so the address can name it.
    #[prop_or_default]
    pub on_view: Option<Callback<()>>,
}

/// A file name from a chart title: letters, digits and dashes.
fn file_stem(title: &str) -> String {
    let stem: String = title
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    let stem = stem
        .split('-')
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    let stem: String = stem.chars().take(60).collect();
    if stem.is_empty() {
        "chart".into()
    } else {
        stem
    }
}

/// What the reader opened on a chart: its data table, its share panel, and whether the link
/// carries the release.
#[derive(Clone, Copy)]
struct Open {
    data: bool,
    share: bool,
    with_release: bool,
}

#[component]
pub fn ChartView(props: &Props) -> Html {
    let spec = &props.spec;
    let open = use_state(|| Open {
        data: props.show_data,
        share: false,
        with_release: false,
    });
    // The SVG is made by the core's renderer, which escapes every piece of text it writes;
    // nothing from the document reaches the page as markup any other way.
    let svg = use_memo(Rc::clone(spec), |spec| render_svg(spec, WIDTH, HEIGHT));
    let stem = file_stem(&spec.title);

    let save_svg = {
        let (svg, stem) = (Rc::clone(&svg), stem.clone());
        Callback::from(move |_: MouseEvent| {
            download::save_text(&format!("{stem}.svg"), "image/svg+xml", &svg)
        })
    };
    let save_png = {
        let (svg, stem) = (Rc::clone(&svg), stem.clone());
        Callback::from(move |_: MouseEvent| {
            download::save_svg_as_png(&svg, WIDTH, HEIGHT, &format!("{stem}.png"))
        })
    };
    let save_csv = {
        let spec = Rc::clone(spec);
        Callback::from(move |_: MouseEvent| {
            download::save_text(&format!("{stem}.csv"), "text/csv", &chart_csv(&spec))
        })
    };
    let viewed = {
        let on_view = props.on_view.clone();
        move || {
            if let Some(on_view) = &on_view {
                on_view.emit(());
            }
        }
    };
    let toggle = |flip: fn(Open) -> Open| {
        let (open, viewed) = (open.clone(), viewed.clone());
        Callback::from(move |_: MouseEvent| {
            open.set(flip(*open));
            viewed();
        })
    };
    let toggle_data = toggle(|o| Open { data: !o.data, ..o });
    let toggle_share = toggle(|o| Open {
        share: !o.share,
        ..o
    });
    // The link is packed by the browser, asynchronously: again whenever the share panel opens
    // on a chart or a choice (the release or not) it was not made for.
    let made = use_state(|| None::<Made>);
    let wanted = open.share.then(|| {
        let release = props.release.clone().filter(|_| open.with_release);
        (Rc::clone(spec), release)
    });
    {
        let made = made.clone();
        use_effect_with(wanted.clone(), move |wanted| {
            // A link still being made when the reader changes the choice (or closes the
            // panel) must not land over the newer one, which may have finished first.
            let current = Rc::new(Cell::new(true));
            if let Some(source) = wanted.clone() {
                let current = Rc::clone(&current);
                wasm_bindgen_futures::spawn_local(async move {
                    let (chart, release) = ((*source.0).clone(), source.1.as_deref().cloned());
                    let payload = match release {
                        Some(release) => SharePayload::ChartWithRelease { chart, release },
                        None => SharePayload::Chart(chart),
                    };
                    let body = links::encode(&payload).await;
                    if current.get() {
                        made.set(Some((source, body)));
                    }
                });
            }
            move || current.set(false)
        });
    }
    let share_html = match &wanted {
        Some(wanted) => share_panel(
            made.as_ref()
                .filter(|(from, _)| from == wanted)
                .map(|(_, body)| body),
            open.clone(),
            props.release.is_some(),
        ),
        None => html! {},
    };
    let alt = format!(
        "{} — {}, {}. {}",
        spec.title,
        spec.kind.label(),
        spec.unit,
        spec.source_line()
    );

    html! {
        <figure class="chart-card" id={props.id.clone()}>
            <div class="chart-svg" role="img" aria-label={alt}>
                { Html::from_html_unchecked(AttrValue::from((*svg).clone())) }
            </div>
            <div class="chart-actions">
                { button("save-svg", "SVG", save_svg) }
                { button("save-png", "PNG", save_png) }
                { button("save-csv", "CSV", save_csv) }
                { expander("show-data", if open.data { "Hide data" } else { "Show data" }, open.data, toggle_data) }
                { expander("share", "Share", open.share, toggle_share) }
                if let Some(remove) = props.on_remove.clone() {
                    { button("quiet remove-chart", "Remove", remove) }
                }
            </div>
            { share_html }
            if open.data {
                { data_table(spec) }
            }
        </figure>
    }
}

/// What a link was made from (the chart and the release it carries) and what came of it.
type Made = (
    (Rc<ChartSpec>, Option<Rc<String>>),
    Result<String, ShareError>,
);

/// The link field, its Copy button and length, and the "include the release" choice; until
/// the browser has packed the link (`body` is `None`), a line saying it is being made.
fn share_panel(
    body: Option<&Result<String, ShareError>>,
    open: UseStateHandle<Open>,
    can_include: bool,
) -> Html {
    let with_release = open.with_release;
    let toggle = Callback::from(move |_: Event| {
        open.set(Open {
            with_release: !open.with_release,
            ..*open
        })
    });
    let body = match body {
        None => html! { <p class="share-length">{"Making the link…"}</p> },
        Some(Ok(body)) => {
            let url = link_to(&location::base_url(), body);
            let length = url.chars().count();
            let copy = {
                let url = url.clone();
                Callback::from(move |_: MouseEvent| location::copy(&url))
            };
            html! {
                <>
                    <div class="share-row">
                        <input class="share-link" type="text" readonly=true value={url} aria-label="Share link"
                               onfocus={Callback::from(|e: FocusEvent| {
                                   let input: web_sys::HtmlInputElement = e.target_unchecked_into();
                                   input.select();
                               })} />
                        { button("primary copy-link", "Copy", copy) }
                    </div>
                    <p class={if length > LONG_LINK_CHARS { "share-length long" } else { "share-length" }}>
                        { format!("{length} characters.") }
                        if length > LONG_LINK_CHARS {
                            { format!(" Links over {LONG_LINK_CHARS} characters may be cut by chat apps and mail clients.") }
                        }
                    </p>
                </>
            }
        }
        Some(Err(error)) => html! { <p class="notice error">{ error.to_string() }</p> },
    };
    html! {
        <div class="share-panel">
            { body }
            if can_include {
                <label class="share-release">
                    <input type="checkbox" checked={with_release} onchange={toggle} />
                    {" Include the release, so the receiver gets the whole explorer"}
                </label>
            }
            <p class="share-note">{"The chart travels inside the link, after the #: it is never sent to any server."}</p>
        </div>
    }
}

fn data_table(spec: &ChartSpec) -> Html {
    let rows = chart_data_table(spec);
    let Some((header, body)) = rows.split_first() else {
        return html! {};
    };
    html! {
        <div class="table-scroll">
            <table class="release chart-data">
                <caption>{ format!("Data: {}", spec.title) }</caption>
                <thead><tr>{ for header.iter().map(|h| html! { <th scope="col">{ h }</th> }) }</tr></thead>
                <tbody>
                    { for body.iter().filter_map(|row| row.split_first()).map(|(label, cells)| html! {
                        <tr>
                            <th scope="row">{ label }</th>
                            { for cells.iter().map(|c| html! { <td>{ c }</td> }) }
                        </tr>
                    }) }
                </tbody>
            </table>
        </div>
    }
}
