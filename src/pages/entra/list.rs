//! The linked accounts of one Entra provider (Microsoft 365 or Azure).

use leptos::prelude::*;

use crate::components::accounts::use_account_filter;
use crate::components::accounts::AccountList;
use crate::components::certificate::ExpiryBadge;
use crate::components::shell::Breadcrumbs;
use crate::components::shell::Link;
use crate::domain::app::routes::Route;
use crate::domain::entra::flow::EntraFlow;
use crate::domain::links::{Integration, LinkStatus};
use crate::state::accounts::Accounts;

/// Every linked account of `flow`'s provider, with identifiers and certificate state.
#[component]
pub fn EntraListPage(flow: &'static EntraFlow) -> impl IntoView {
    let linked = Accounts::expect().of(flow.provider);
    let filter = use_account_filter(linked);
    view! {
        <section class="page" aria-labelledby="page-title">
            <Breadcrumbs page=Route::List(flow.provider) />
            <h1 id="page-title">{flow.list_heading}</h1>
            <p>
                <Link to=Route::New(flow.provider).path() class="button button-primary">
                    {flow.heading}
                </Link>
            </p>
            <AccountList filter list_heading=flow.list_heading row=Callback::new(move |account| view! { <AccountRow account flow /> }.into_any()) />
        </section>
    }
}

#[component]
fn AccountRow(account: Integration, flow: &'static EntraFlow) -> impl IntoView {
    let to = Route::Account(flow.provider, account.id.clone()).path();
    let entra = account.entra().cloned();
    let status_class = match account.status {
        LinkStatus::Connected => "badge badge-ok",
        LinkStatus::TenantNotVerified => "badge badge-warning",
    };
    let thumbprint = entra.as_ref().and_then(|e| e.certificate.sha1());
    let name = account.name.as_str().to_string();
    let expires = account.expires_unix();
    view! {
        <li class="panel account">
            <h2 class="account-name">
                <Link to>{name}</Link>
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
