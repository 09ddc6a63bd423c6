//! One linked Entra account (Microsoft 365 or Azure): its certificate,
//! consent link, and removal.

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;

use crate::browser::location::app_href;
use crate::components::breadcrumbs::Breadcrumbs;
use leptos_router::hooks::use_params_map;

use crate::components::certificate_panel::CertificatePanel;
use crate::components::expiry_badge::ExpiryBadge;
use crate::components::remove_account::RemoveAccount;
use crate::domain::cloud::{admin_consent_url, TenantCheck};
use crate::domain::integration::{Integration, LinkStatus};
use crate::pages::entra_flow::EntraFlow;
use crate::state::accounts::Accounts;
use crate::state::connect::retry_tenant_check;
use crate::state::AppState;

#[component]
pub fn EntraAccount(flow: &'static EntraFlow) -> impl IntoView {
    let accounts = Accounts::expect();
    let params = use_params_map();
    let id = move || params.with(|p| p.get("id").unwrap_or_default());
    let account = move || accounts.find(&id());
    view! {
        {move || match account() {
            Some(a) => view! { <AccountDetail account=a flow /> }.into_any(),
            None => view! {
                <section class="page" aria-labelledby="page-title">
                    <h1 id="page-title">"Account not found"</h1>
                    <p>"This account is not linked, or it was removed."</p>
                    <A href=app_href(flow.list_path) {..} class="button">{format!("Back to {}", flow.list_heading)}</A>
                </section>
            }.into_any(),
        }}
    }
}

#[component]
fn AccountDetail(account: Integration, flow: &'static EntraFlow) -> impl IntoView {
    let accounts = Accounts::expect();
    let state = AppState::expect();
    let entra = account.entra().cloned();
    let name = account.name.as_str().to_string();
    let id = StoredValue::new(account.id.clone());
    let consent = entra.as_ref().map(|e| {
        admin_consent_url(
            state.config.sign_in_host(e.cloud),
            &e.tenant,
            &e.application_id,
        )
    });
    let certificate = entra
        .as_ref()
        .and_then(|e| e.certificate.certificate().ok());

    let checking = RwSignal::new(false);
    let check_result = RwSignal::new(None::<String>);
    let config = state.config.clone();
    let retry = move |_| {
        checking.set(true);
        let config = config.clone();
        spawn_local(async move {
            let check = retry_tenant_check(accounts, &config, &id.get_value()).await;
            checking.set(false);
            check_result.set(Some(match check {
                TenantCheck::Verified(_) => "Tenant verified.".to_string(),
                other => other.message(),
            }));
        });
    };

    let status = account.status;
    let crumbs = flow.trail_to_list();
    view! {
        <section class="page" aria-labelledby="page-title">
            <Breadcrumbs trail=crumbs here=name.clone() />
            <h1 id="page-title">{name.clone()}</h1>
            <div class="panel">
                <dl class="data-list">
                    <dt>"Status"</dt>
                    <dd>{status.label()}</dd>
                    <dt>"Organization"</dt>
                    <dd>{entra.as_ref().and_then(|e| e.organization.as_ref()).map(|o| o.as_str().to_string())}</dd>
                    <dt>"Tenant ID"</dt>
                    <dd><code>{entra.as_ref().map(|e| e.tenant.as_str().to_string())}</code></dd>
                    <dt>"Tenant GUID"</dt>
                    <dd><code>{entra.as_ref().and_then(|e| e.tenant_guid).map(|g| g.as_str().to_string()).unwrap_or_else(|| "not verified".into())}</code></dd>
                    <dt>"Application ID"</dt>
                    <dd><code>{entra.as_ref().map(|e| e.application_id.as_str().to_string())}</code></dd>
                    {entra.as_ref().and_then(|e| e.azure_scope.clone()).map(|s| view! {
                        <dt>"Reader scope"</dt>
                        <dd><code>{s.arm_scope()}</code></dd>
                    })}
                    <dt>"Cloud"</dt>
                    <dd>{entra.as_ref().map(|e| e.cloud.label())}</dd>
                    <dt>"Certificate expires"</dt>
                    <dd>{account.expires_unix().map(|t| view! { <ExpiryBadge not_after_unix=t /> })}</dd>
                </dl>
                <Show when=move || status == LinkStatus::TenantNotVerified>
                    <div class="button-row">
                        <button type="button" class="button" on:click=retry.clone() disabled=move || checking.get()>
                            "Retry tenant check"
                        </button>
                    </div>
                </Show>
                <p role="status">{move || check_result.get()}</p>
            </div>
            <section class="panel" aria-labelledby="cert-title">
                <h2 id="cert-title">"Certificate"</h2>
                {certificate.map(|c| view! { <CertificatePanel certificate=c account_name=name.clone() /> })}
            </section>
            <section class="panel" aria-labelledby="consent-title">
                <h2 id="consent-title">"Admin consent"</h2>
                <p>"A tenant administrator can grant the app's permissions in one step:"</p>
                {consent.map(|url| view! {
                    <a href=url.clone() target="_blank" rel="noopener noreferrer external" class="consent-link">"Open the admin consent page"</a>
                    <p class="field-hint"><code>{url}</code></p>
                })}
            </section>
            <RemoveAccount
                id=account.id.clone()
                name=account.name.as_str().to_string()
                list_path=flow.list_path
                what="Its certificate and private key were deleted from this browser; the app registration in Entra ID is not changed."
            />
        </section>
    }
}
