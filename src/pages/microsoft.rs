//! The Microsoft card's page: which Microsoft product to link.

use leptos::prelude::*;

use crate::components::shell::Breadcrumbs;
use crate::components::shell::ProviderCard;
use crate::domain::app::routes::Route;
use crate::domain::links::Provider;
use crate::state::accounts::Accounts;

/// Microsoft products that can be linked; today M365.
#[component]
pub fn MicrosoftPage() -> impl IntoView {
    let accounts = Accounts::expect();
    let count = Signal::derive(move || match accounts.count(Provider::Microsoft) {
        0 => "Exchange Online and Microsoft 365 through Entra ID".to_string(),
        1 => "1 account linked".to_string(),
        n => format!("{n} accounts linked"),
    });
    view! {
        <section class="page" aria-labelledby="page-title">
            <Breadcrumbs page=Route::Microsoft />
            <h1 id="page-title">"Microsoft"</h1>
            <p class="lead">"Choose the Microsoft service to link."</p>
            <ul class="card-grid" role="list">
                <li>
                    <ProviderCard to=Route::List(Provider::Microsoft).path() logo="/logos/m365.svg" title="M365" detail=count />
                </li>
            </ul>
        </section>
    }
}
