//! Home: a greeting and the state of the linked accounts.

use leptos::prelude::*;
use leptos_router::components::A;

/// The landing page after log in.
#[component]
pub fn Home() -> impl IntoView {
    view! {
        <section class="page" aria-labelledby="page-title">
            <h1 id="page-title">"Home"</h1>
            <p>"Link your cloud accounts to start monitoring them."</p>
            <p>
                <A href="/integrations" {..} class="button button-primary">
                    "Go to Integrations"
                </A>
            </p>
        </section>
    }
}
