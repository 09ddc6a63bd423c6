//! Create account.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;

use crate::components::form::TextField;
use crate::components::shell::Link;
use crate::domain::app::routes::Route;
use crate::state::auth::{Auth, FormError};
use crate::state::task::Task;

/// Email, Password and Confirm password, with each problem shown at its field.
#[component]
pub fn SignupPage() -> impl IntoView {
    let auth = Auth::expect();
    let email = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let confirm = RwSignal::new(String::new());
    let sign_up = Task::new(
        move |(email, password, confirm): &(String, String, String)| {
            let (email, password, confirm) = (email.clone(), password.clone(), confirm.clone());
            async move { auth.sign_up(&email, &password, &confirm).await.err() }
        },
    );
    let busy = sign_up.pending();
    let error = Signal::derive(move || sign_up.value().get().flatten());
    let field_error = move |name: &'static str| {
        Signal::derive(move || match error.get() {
            Some(FormError::Field(f, m)) if f == name => Some(m),
            _ => None,
        })
    };
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        sign_up.dispatch((
            email.get_untracked(),
            password.get_untracked(),
            confirm.get_untracked(),
        ));
    };
    view! {
        <section class="page auth-page" aria-labelledby="page-title">
            <h1 id="page-title">"Create account"</h1>
            <form class="panel" on:submit=submit novalidate>
                <TextField id="email" label="Email" value=email error=field_error("email") kind="email" autocomplete="username" />
                <TextField
                    id="password"
                    label="Password"
                    value=password
                    error=field_error("password")
                    kind="password"
                    autocomplete="new-password"
                    hint="At least 10 characters, not only spaces or one character repeated."
                />
                <TextField id="confirm" label="Confirm password" value=confirm error=field_error("confirm") kind="password" autocomplete="new-password" />
                <p class="form-error" role="alert">
                    {move || match error.get() {
                        Some(FormError::Form(m)) => Some(m),
                        _ => None,
                    }}
                </p>
                <div class="button-row">
                    <button type="submit" class="button button-primary" disabled=move || busy.get()>
                        {move || if busy.get() { "Creating account…" } else { "Create account" }}
                    </button>
                </div>
            </form>
            <p>"Already have an account? " <Link to=Route::Login.path()>"Log in"</Link></p>
        </section>
    }
}
