//! The linked Microsoft 365 accounts.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::expiry_badge::ExpiryBadge;
use crate::domain::integration::{Integration, LinkStatus};
use crate::domain::provider::Provider;
use crate::state::auth::Auth;

/// Every linked Microsoft account with its identifiers and certificate state.
#[component]
pub fn MicrosoftAccounts() -> impl IntoView {
    let auth = Auth::expect();
    let accounts = move || {
        auth.data.with(|d| {
            d.integrations
                .iter()
                .filter(|i| i.provider == Provider::Microsoft)
                .cloned()
                .collect::<Vec<_>>()
        })
    };
    view! {
        <section class="page" aria-labelledby="page-title">
            <p class="breadcrumbs">
                <A href="/integrations">"Integrations"</A> " / " <A href="/integrations/microsoft">"Microsoft"</A> " / M365"
            </p>
            <h1 id="page-title">"Microsoft 365 accounts"</h1>
            <p>
                <A href="/integrations/microsoft/m365/new" {..} class="button button-primary">
                    "Link a New Microsoft Account"
                </A>
            </p>
            <Show when=move || !accounts().is_empty() fallback=|| view! { <p class="panel">"No Microsoft 365 accounts are linked yet."</p> }>
                <ul class="account-list" role="list">
                    <For each=accounts key=|i| i.id.clone() let:account>
                        <AccountRow account />
                    </For>
                </ul>
            </Show>
        </section>
    }
}

#[component]
fn AccountRow(account: Integration) -> impl IntoView {
    let href = format!("/integrations/microsoft/m365/{}", account.id);
    let entra = account.entra().cloned();
    let status_class = match account.status {
        LinkStatus::Connected => "badge badge-ok",
        LinkStatus::TenantNotVerified => "badge badge-warning",
    };
    let thumbprint = entra
        .as_ref()
        .and_then(|e| e.certificate.certificate().ok())
        .map(|c| c.sha1_thumbprint());
    let name = account.name.as_str().to_string();
    let expires = account.expires_unix();
    view! {
        <li class="panel account">
            <h2 class="account-name">
                <A href=href>{name}</A>
                " " <span class=status_class>{account.status.label()}</span>
            </h2>
            <dl class="data-list">
                <dt>"Organization"</dt>
                <dd>{entra.as_ref().and_then(|e| e.organization.as_ref()).map(|o| o.as_str().to_string())}</dd>
                <dt>"Tenant ID"</dt>
                <dd><code>{entra.as_ref().map(|e| e.tenant.as_str().to_string())}</code></dd>
                <dt>"Application ID"</dt>
                <dd><code>{entra.as_ref().map(|e| e.application_id.as_str().to_string())}</code></dd>
                <dt>"SHA-1 thumbprint"</dt>
                <dd><code class="thumbprint">{thumbprint}</code></dd>
                <dt>"Certificate expires"</dt>
                <dd>{expires.map(|t| view! { <ExpiryBadge not_after_unix=t /> })}</dd>
            </dl>
        </li>
    }
}
