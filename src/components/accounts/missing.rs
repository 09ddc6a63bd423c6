//! The page for an account id that is not linked.

use leptos::prelude::*;

use crate::components::shell::Link;
use crate::domain::app::routes::Route;
use crate::domain::links::Provider;

/// "Account not found", with a way back to `provider`'s list (`list_heading`).
#[component]
pub fn AccountMissing(provider: Provider, list_heading: &'static str) -> impl IntoView {
    view! {
        <section class="page" aria-labelledby="page-title">
            <h1 id="page-title">"Account not found"</h1>
            <p>"This account is not linked, or it was removed."</p>
            <Link to=Route::List(provider).path() class="button">{format!("Back to {list_heading}")}</Link>
        </section>
    }
}
