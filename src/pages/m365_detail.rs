//! One linked Microsoft 365 account: its certificate, consent link, removal.

use leptos::html;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_params_map};

use crate::components::certificate_panel::CertificatePanel;
use crate::components::dialog::Dialog;
use crate::components::expiry_badge::ExpiryBadge;
use crate::domain::cloud::{admin_consent_url, TenantCheck};
use crate::domain::integration::{Integration, LinkStatus};
use crate::pages::m365_link::LIST;
use crate::state::auth::Auth;
use crate::state::connect::retry_tenant_check;
use crate::state::notices::{NoticeKind, Notices};
use crate::state::AppState;

#[component]
pub fn MicrosoftAccount() -> impl IntoView {
    let auth = Auth::expect();
    let params = use_params_map();
    let id = move || params.with(|p| p.get("id").unwrap_or_default());
    let account = move || {
        let id = id();
        auth.data
            .with(|d| d.integrations.iter().find(|i| i.id == id).cloned())
    };
    view! {
        {move || match account() {
            Some(a) => view! { <AccountDetail account=a /> }.into_any(),
            None => view! {
                <section class="page" aria-labelledby="page-title">
                    <h1 id="page-title">"Account not found"</h1>
                    <p>"This account is not linked, or it was removed."</p>
                    <A href={LIST} {..} class="button">"Back to Microsoft 365 accounts"</A>
                </section>
            }.into_any(),
        }}
    }
}

#[component]
fn AccountDetail(account: Integration) -> impl IntoView {
    let auth = Auth::expect();
    let state = AppState::expect();
    let notices = Notices::expect();
    let navigate = use_navigate();
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
            let check = retry_tenant_check(&auth, &config, &id.get_value()).await;
            checking.set(false);
            check_result.set(Some(match check {
                TenantCheck::Verified(_) => "Tenant verified.".to_string(),
                other => other.message(),
            }));
        });
    };

    let confirm_open = RwSignal::new(false);
    let remove_button = NodeRef::<html::Button>::new();
    let remove_error = RwSignal::new(None::<String>);
    let removed_name = name.clone();
    let remove = move |_| {
        let target = id.get_value();
        match auth.update(|d| d.integrations.retain(|i| i.id != target)) {
            Ok(()) => {
                confirm_open.set(false);
                notices.push(
                    NoticeKind::Success,
                    format!("Removed \"{removed_name}\". Its certificate and private key were deleted from this browser."),
                );
                navigate(LIST, Default::default());
            }
            Err(e) => remove_error.set(Some(e.to_string())),
        }
    };
    let status = account.status;
    view! {
        <section class="page" aria-labelledby="page-title">
            <p class="breadcrumbs">
                <A href="/integrations">"Integrations"</A> " / " <A href="/integrations/microsoft">"Microsoft"</A> " / "
                <A href=LIST>"M365"</A>
            </p>
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
            <div class="button-row">
                <button type="button" class="button button-danger" node_ref=remove_button on:click=move |_| confirm_open.set(true)>
                    "Remove"
                </button>
            </div>
            <Dialog open=confirm_open title_id="remove-title" title=format!("Remove \"{}\"?", account.name.as_str()) return_focus=remove_button>
                <p>"This deletes the account, its certificate and its private key from this browser. The app registration in Entra ID is not changed."</p>
                <p class="form-error" role="alert">{move || remove_error.get()}</p>
                <div class="button-row">
                    <button type="button" class="button button-danger" on:click=remove.clone()>"Remove account"</button>
                    <button type="button" class="button" on:click=move |_| confirm_open.set(false)>"Cancel"</button>
                </div>
            </Dialog>
        </section>
    }
}
