//! The first-time selection, shown until one account is connected.

use leptos::prelude::*;

use crate::components::shell::ProviderCard;
use crate::domain::app::routes::Route;
use crate::domain::links::Provider;

/// Each choice leads straight to that provider's link page.
/// "Select your preferred cloud service or platform": AWS, Azure or Microsoft.
#[component]
pub fn WelcomePage() -> impl IntoView {
    let choices = Provider::ALL
        .into_iter()
        .map(|p| {
            view! {
                <li>
                    <ProviderCard
                        to=Route::New(p).path()
                        logo=p.logo()
                        title=p.label()
                        detail=Signal::derive(move || p.blurb().to_string())
                    />
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="page" aria-labelledby="page-title">
            <h1 id="page-title">"Select your preferred cloud service or platform"</h1>
            <p class="lead">
                "Connect your first account to get started. You can link more, or change them, any time from Integrations."
            </p>
            <ul class="card-grid" role="list">{choices}</ul>
        </section>
    }
}
