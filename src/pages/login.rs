//! Log in.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;

use crate::components::form::TextField;
use crate::components::shell::Link;
use crate::domain::app::routes::Route;
use crate::state::auth::Auth;
use crate::state::task::Task;

/// Email and password; a wrong pair and an unknown email read the same.
#[component]
pub fn LoginPage() -> impl IntoView {
    let auth = Auth::expect();
    let email = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let log_in = Task::new(move |(email, password): &(String, String)| {
        let (email, password) = (email.clone(), password.clone());
        async move {
            auth.log_in(&email, &password)
                .await
                .err()
                .map(|e| e.to_string())
        }
    });
    let busy = log_in.pending();
    let error = move || log_in.value().get().flatten();
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        log_in.dispatch((email.get_untracked(), password.get_untracked()));
    };
    view! {
        <section class="page auth-page" aria-labelledby="page-title">
            <h1 id="page-title">"Log in"</h1>
            <form class="panel" on:submit=submit novalidate>
                <TextField id="email" label="Email" value=email error=Signal::derive(|| None::<String>) kind="email" autocomplete="username" />
                <TextField id="password" label="Password" value=password error=Signal::derive(|| None::<String>) kind="password" autocomplete="current-password" />
                <p class="form-error" role="alert">{error}</p>
                <div class="button-row">
                    <button type="submit" class="button button-primary" disabled=move || busy.get()>
                        {move || if busy.get() { "Checking…" } else { "Log in" }}
                    </button>
                </div>
            </form>
            <p>"New here? " <Link to=Route::Signup.path()>"Create account"</Link></p>
        </section>
    }
}
