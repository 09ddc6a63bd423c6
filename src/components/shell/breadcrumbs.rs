//! Where the page sits: links back up the Integrations tree, as `Route`
//! places the page.

use leptos::prelude::*;

use crate::components::shell::Link;
use crate::domain::app::routes::Route;

/// The trail above `page`, then the page itself; an account's page passes the
/// account's `name`, every other page is labelled by its route.
#[component]
pub fn Breadcrumbs(page: Route, #[prop(optional, into)] name: Option<String>) -> impl IntoView {
    let here = name.unwrap_or_else(|| page.label().unwrap_or_default().to_string());
    view! {
        <nav class="breadcrumbs" aria-label="Breadcrumb">
            {page
                .trail()
                .into_iter()
                .map(|(label, to)| view! { <Link to>{label}</Link> " / " })
                .collect_view()}
            <span aria-current="location">{here}</span>
        </nav>
    }
}
