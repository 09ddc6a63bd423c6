//! Shown instead of the app when `config.json` is wrong.

use leptos::prelude::*;

/// Names the bad key so an operator can fix the deployment.
#[component]
pub fn ConfigErrorPage(message: String) -> impl IntoView {
    view! {
        <main class="app-main config-error" id="main">
            <section class="page panel" role="alert" aria-labelledby="page-title">
                <h1 id="page-title">"Configuration error"</h1>
                <p>"This deployment's configuration could not be used:"</p>
                <p><code>{message}</code></p>
                <p>"Fix config.json beside the page and reload. Keys that are left out take their defaults."</p>
            </section>
        </main>
    }
}
