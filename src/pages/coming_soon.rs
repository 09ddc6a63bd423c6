//! An honest page for link flows that are not available yet.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use crate::domain::provider::Provider;
use crate::state::auth::Auth;

/// "Not yet available", with the way back.
#[component]
pub fn ComingSoon() -> impl IntoView {
    let params = use_params_map();
    let provider = move || params.with(|p| p.get("provider").and_then(|s| Provider::from_slug(&s)));
    let name = move || provider().map_or("This provider", Provider::label);
    let auth = Auth::expect();
    // Before the first connection the way back is the first-time selection.
    let back = move || {
        if auth.visitor().has_connection {
            ("/integrations", "Back to Integrations")
        } else {
            ("/welcome", "Back to the selection")
        }
    };
    view! {
        <section class="page" aria-labelledby="page-title">
            <h1 id="page-title">{move || format!("Linking {} accounts is not yet available", name())}</h1>
            <p>
                "This link flow is not available in this version yet. Microsoft 365 accounts can be linked today."
            </p>
            <div class="button-row">
                <A href=move || back().0.to_string() {..} class="button">{move || back().1}</A>
                <A href="/integrations/microsoft/m365/new" {..} class="button button-primary">
                    "Link a New Microsoft Account"
                </A>
            </div>
        </section>
    }
}
