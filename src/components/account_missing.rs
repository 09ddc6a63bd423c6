//! The page for an account id that is not linked.

use leptos::prelude::*;

use crate::browser::location::app_href;
use crate::domain::links::Provider;
use crate::routes;

/// "Account not found", with a way back to `provider`'s list (`list_heading`).
#[component]
pub fn AccountMissing(provider: Provider, list_heading: &'static str) -> impl IntoView {
    view! {
        <section class="page" aria-labelledby="page-title">
            <h1 id="page-title">"Account not found"</h1>
            <p>"This account is not linked, or it was removed."</p>
            <a href=app_href(routes::list(provider)) class="button">{format!("Back to {list_heading}")}</a>
        </section>
    }
}
