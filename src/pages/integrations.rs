//! Integrations: one card per provider.

use leptos::prelude::*;

use crate::components::shell::ProviderCard;
use crate::domain::app::routes;
use crate::domain::links::Provider;
use crate::state::accounts::Accounts;

/// The available providers as cards: AWS, Azure and Microsoft.
#[component]
pub fn IntegrationsPage() -> impl IntoView {
    let accounts = Accounts::expect();
    let cards = Provider::ALL
        .into_iter()
        .map(|p| {
            view! {
                <li>
                    <ProviderCard
                        to=routes::provider(p).path()
                        logo=p.logo()
                        title=p.label()
                        detail=Signal::derive(move || {
                            let n = accounts.count(p);
                            match n {
                                0 => p.blurb().to_string(),
                                1 => "1 account linked".to_string(),
                                n => format!("{n} accounts linked"),
                            }
                        })
                    />
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="page" aria-labelledby="page-title">
            <h1 id="page-title">"Integrations"</h1>
            <p class="lead">"Choose a provider to link a new account or manage linked ones."</p>
            <ul class="card-grid" role="list">{cards}</ul>
        </section>
    }
}
