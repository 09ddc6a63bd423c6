//! A clickable card for one provider or product.

use leptos::prelude::*;

use crate::components::shell::Link;
use crate::domain::app::routes::AppPath;
use crate::state::AppState;

/// A card that is a single link: logo, title and one line of detail.
#[component]
pub fn ProviderCard(
    to: AppPath,
    logo: &'static str,
    title: &'static str,
    #[prop(into)] detail: Signal<String>,
) -> impl IntoView {
    let state = AppState::expect();
    view! {
        <Link to class="card">
            <img class="card-logo" src=state.asset(logo) alt="" width="48" height="48" />
            <span class="card-text">
                <span class="card-title">{title}</span>
                <span class="card-detail">{detail}</span>
            </span>
        </Link>
    }
}
