//! Log in.

use crate::components::busy::run_once;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos_router::components::A;

use crate::browser::location::app_href;
use crate::components::field::TextField;
use crate::routes;
use crate::state::auth::Auth;

/// Email and password; a wrong pair and an unknown email read the same.
#[component]
pub fn LoginPage() -> impl IntoView {
    let auth = Auth::expect();
    let email = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        run_once(busy, move || async move {
            let result = auth
                .log_in(&email.get_untracked(), &password.get_untracked())
                .await;
            error.set(result.err());
        });
    };
    view! {
        <section class="page auth-page" aria-labelledby="page-title">
            <h1 id="page-title">"Log in"</h1>
            <form class="panel" on:submit=submit novalidate>
                <TextField id="email" label="Email" value=email error=Signal::derive(|| None::<String>) kind="email" autocomplete="username" />
                <TextField id="password" label="Password" value=password error=Signal::derive(|| None::<String>) kind="password" autocomplete="current-password" />
                <p class="form-error" role="alert">{move || error.get()}</p>
                <div class="button-row">
                    <button type="submit" class="button button-primary" disabled=move || busy.get()>
                        {move || if busy.get() { "Checking…" } else { "Log in" }}
                    </button>
                </div>
            </form>
            <p>"New here? " <A href=app_href(routes::signup())>"Create account"</A></p>
        </section>
    }
}
