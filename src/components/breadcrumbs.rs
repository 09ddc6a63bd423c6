//! Where the page sits: links back up the Integrations tree.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::browser::location::app_href;

/// `trail` are (label, path) pairs; `here` is the current page's label.
#[component]
pub fn Breadcrumbs(
    trail: Vec<(&'static str, String)>,
    #[prop(into)] here: String,
) -> impl IntoView {
    view! {
        <nav class="breadcrumbs" aria-label="Breadcrumb">
            {trail
                .into_iter()
                .map(|(label, path)| view! { <A href=app_href(&path) exact=true>{label}</A> " / " })
                .collect_view()}
            <span aria-current="location">{here}</span>
        </nav>
    }
}
