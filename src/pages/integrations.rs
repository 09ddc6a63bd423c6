//! Integrations: one card per provider.

use leptos::prelude::*;

use crate::components::provider_card::ProviderCard;
use crate::domain::links::Provider;
use crate::state::accounts::Accounts;

/// The available providers as cards: AWS, Azure and Microsoft.
#[component]
pub fn Integrations() -> impl IntoView {
    let accounts = Accounts::expect();
    let cards = Provider::ALL
        .into_iter()
        .map(|p| {
            view! {
                <li>
                    <ProviderCard
                        href=format!("/integrations/{}", p.slug())
                        logo=logo(p)
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

pub fn logo(p: Provider) -> &'static str {
    match p {
        Provider::Aws => "/logos/aws.svg",
        Provider::Azure => "/logos/azure.svg",
        Provider::Microsoft => "/logos/microsoft.svg",
    }
}
