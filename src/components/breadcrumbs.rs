//! Where the page sits: links back up the Integrations tree, as the route
//! table in `crate::routes` places the page.

use leptos::prelude::*;

use crate::browser::location::app_href;
use crate::routes::{self, Page};

/// The trail above `page`, then the page itself; an account's page passes the
/// account's `name`, every other page is labelled by the route table.
#[component]
pub fn Breadcrumbs(page: Page, #[prop(optional, into)] name: Option<String>) -> impl IntoView {
    let here = name.unwrap_or_else(|| page.label().unwrap_or_default().to_string());
    view! {
        <nav class="breadcrumbs" aria-label="Breadcrumb">
            {routes::trail(page)
                .into_iter()
                .map(|(label, path)| view! { <a href=app_href(&path)>{label}</a> " / " })
                .collect_view()}
            <span aria-current="location">{here}</span>
        </nav>
    }
}
