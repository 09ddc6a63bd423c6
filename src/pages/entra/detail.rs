//! One linked Entra account (Microsoft 365 or Azure): its facts, Edit, its
//! certificate and renewal, the consent link, and removal.
//!
//! The facts follow the stored account (another tab may change it); the edit
//! form and the renewal keep their own state while they are open.

use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

use crate::components::accounts::AccountMissing;
use crate::components::accounts::EntraEditForm;
use crate::components::accounts::RemoveAccount;
use crate::components::certificate::CertificatePanel;
use crate::components::certificate::ExpiryBadge;
use crate::components::certificate::RenewalPanel;
use crate::components::shell::Breadcrumbs;
use crate::components::troubleshoot::Troubleshoot;
use crate::domain::app::routes::{self, Route};
use crate::domain::entra::flow::EntraFlow;
use crate::domain::entra::{admin_consent_url, TenantCheck};
use crate::domain::links::{Integration, LinkStatus};
use crate::state::accounts::Accounts;
use crate::state::connect::retry_tenant_check;
use crate::state::task::Task;
use crate::state::AppState;

/// One Entra account, `id` from its path.
#[component]
pub fn EntraDetailPage(flow: &'static EntraFlow, id: String) -> impl IntoView {
    let accounts = Accounts::expect();
    let account = Memo::new(move |_| accounts.find(&id).filter(|a| a.entra().is_some()));
    let shown = Memo::new(move |_| account.with(|a| a.as_ref().map(|a| a.id.clone())));
    move || match shown.get() {
        Some(_) => view! { <AccountDetail account flow /> }.into_any(),
        None => view! { <AccountMissing provider=flow.provider list_heading=flow.list_heading /> }
            .into_any(),
    }
}

fn facts(account: &Integration) -> impl IntoView {
    let e = account.entra().cloned();
    let text = |f: fn(&crate::domain::links::EntraLink) -> Option<String>| {
        e.as_ref().and_then(f).unwrap_or_default()
    };
    view! {
        <dl class="data-list">
            <dt>"Status"</dt>
            <dd>{account.status.label()}</dd>
            <dt>"Organization"</dt>
            <dd>{text(|e| e.organization.as_ref().map(|o| o.as_str().to_string()))}</dd>
            <dt>"Tenant ID"</dt>
            <dd><code>{text(|e| Some(e.tenant.as_str().to_string()))}</code></dd>
            <dt>"Tenant GUID"</dt>
            <dd><code>{text(|e| Some(e.tenant_guid.map_or("not verified".into(), |g| g.as_str().to_string())))}</code></dd>
            <dt>"Application ID"</dt>
            <dd><code>{text(|e| Some(e.application_id.as_str().to_string()))}</code></dd>
            {e.as_ref().and_then(|e| e.azure_scope.clone()).map(|s| view! {
                <dt>"Reader scope"</dt>
                <dd><code>{s.arm_scope()}</code></dd>
            })}
            <dt>"Cloud"</dt>
            <dd>{e.as_ref().map(|e| e.cloud.label())}</dd>
            <dt>"Certificate expires"</dt>
            <dd>{account.expires_unix().map(|t| view! { <ExpiryBadge not_after_unix=t /> })}</dd>
        </dl>
    }
}

#[component]
fn AccountDetail(account: Memo<Option<Integration>>, flow: &'static EntraFlow) -> impl IntoView {
    let accounts = Accounts::expect();
    let state = AppState::expect();
    let query = use_query_map();
    let first = account.get_untracked().expect("shown only for an account");
    let id = StoredValue::new(first.id.clone());
    let name = move || {
        account.with(|a| {
            a.as_ref()
                .map(|a| a.name.as_str().to_string())
                .unwrap_or_default()
        })
    };

    let config = state.config.clone();
    let retry = Task::new(move |_: &()| {
        let (config, id) = (config.clone(), id.get_value());
        async move {
            match retry_tenant_check(accounts, &config, &id).await {
                TenantCheck::Verified(_) => "Tenant verified.".to_string(),
                other => other.message(),
            }
        }
    });
    let checking = retry.pending();
    let check_result = retry.value();
    let unverified = move || {
        account.with(|a| {
            a.as_ref()
                .is_some_and(|a| a.status == LinkStatus::TenantNotVerified)
        })
    };
    let editing = RwSignal::new(false);
    let certificate = Memo::new(move |_| {
        account.with(|a| {
            a.as_ref()
                .and_then(|a| a.entra())
                .and_then(|e| e.certificate.certificate().ok())
        })
    });
    let consent = move || {
        account.with(|a| {
            a.as_ref().and_then(|a| a.entra()).map(|e| {
                admin_consent_url(
                    state.config.sign_in_host(e.cloud),
                    &e.tenant,
                    &e.application_id,
                )
            })
        })
    };
    let start_renewal = query.with_untracked(|q| q.get(routes::RENEW).is_some());

    view! {
        <section class="page" aria-labelledby="page-title">
            <Breadcrumbs page=Route::Account(flow.provider, first.id.clone()) name=first.name.as_str().to_string() />
            <h1 id="page-title">{name}</h1>
            <div class="panel">
                {move || account.with(|a| a.as_ref().map(facts))}
                <Show when=unverified>
                    <div class="button-row">
                        <button type="button" class="button" on:click=move |_| {
                            retry.dispatch(());
                        } disabled=move || checking.get()>
                            "Retry tenant check"
                        </button>
                    </div>
                </Show>
                <p role="status">{move || check_result.get()}</p>
                <Show when=move || !editing.get()>
                    <div class="button-row">
                        <button type="button" class="button" on:click=move |_| editing.set(true)>"Edit"</button>
                    </div>
                </Show>
            </div>
            <Show when=move || editing.get()>
                {move || account.get_untracked().map(|a| view! { <EntraEditForm account=a flow on_close=move |_| editing.set(false) /> })}
            </Show>
            <section class="panel" aria-labelledby="cert-title">
                <h2 id="cert-title">"Certificate"</h2>
                {move || certificate.get().map(|c| view! { <CertificatePanel certificate=c account_name=name() /> })}
            </section>
            <RenewalPanel account start_open=start_renewal />
            <section class="panel" aria-labelledby="consent-title">
                <h2 id="consent-title">"Admin consent"</h2>
                <p>"A tenant administrator can grant the app's permissions in one step:"</p>
                {move || consent().map(|url| view! {
                    <a href=url.clone() target="_blank" rel="noopener noreferrer external" class="consent-link">"Open the admin consent page"</a>
                    <p class="field-hint"><code>{url}</code></p>
                })}
            </section>
            <Troubleshoot account />
            <RemoveAccount
                id=first.id.clone()
                name=first.name.as_str().to_string()
                list_path=Route::List(flow.provider).path()
                what="Its certificate and private key were deleted from this browser; the app registration in Entra ID is not changed."
            />
        </section>
    }
}
