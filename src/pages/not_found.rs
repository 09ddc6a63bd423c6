//! Shown for any URL the router does not know.

use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::browser::location::shown_path;
use crate::components::shell::Link;
use crate::domain::app::routes::Route;

/// "Page not found" with the path that was asked for and a way back.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    let path = use_location().pathname;
    view! {
        <section class="page" aria-labelledby="page-title">
            <h1 id="page-title">"Page not found"</h1>
            <p>
                "There is no page at " <code>{move || shown_path(&path.get())}</code>
                ". It may have moved, or the link may be mistyped."
            </p>
            <p>
                <Link to=Route::Home.path() class="button">"Go to Home"</Link>
            </p>
        </section>
    }
}
