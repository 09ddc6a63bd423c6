//! Shown instead of the app when a page of another origin frames it, so the
//! app cannot be laid under someone else's page and clicked through.

use leptos::prelude::*;

/// Says why nothing works here and where the app does.
#[component]
pub fn FrameRefusedPage() -> impl IntoView {
    view! {
        <main class="app-main config-error" id="main">
            <section class="page panel" role="alert" aria-labelledby="page-title">
                <h1 id="page-title">"This page cannot be shown here"</h1>
                <p>"CloudLink works only inside the portal it was set up for, or on its own. The page around it is neither, so CloudLink will not take any input here."</p>
                <p>"Open CloudLink from your portal, or at its own address."</p>
            </section>
        </main>
    }
}
