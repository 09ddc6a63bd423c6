//! Shown for any URL the router does not know.

use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::browser::location::{app_href, app_path};
use crate::routes;

/// "Page not found" with the path that was asked for and a way back.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    let path = use_location().pathname;
    view! {
        <section class="page" aria-labelledby="page-title">
            <h1 id="page-title">"Page not found"</h1>
            <p>
                "There is no page at " <code>{move || app_path(&path.get())}</code>
                ". It may have moved, or the link may be mistyped."
            </p>
            <p>
                <a href=app_href(routes::home()) class="button">"Go to Home"</a>
            </p>
        </section>
    }
}
