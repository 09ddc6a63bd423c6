//! One finding: Microsoft's name and description of the code, the checks
//! against the account, and what the page offers to fix it.

use leptos::prelude::*;

use crate::components::certificate::CertificatePanel;
use crate::components::certificate::ScriptBox;
use crate::domain::entra::troubleshoot::{tenant_lookup, Action, Finding, Slot};
use crate::domain::entra::{admin_consent_url, Cloud, TenantId};
use crate::domain::links::{EntraDraft, EntraLink, Integration};
use crate::domain::setup_script::append_certificate;
use crate::state::connect::check_tenant;
use crate::state::task::Task;
use crate::state::AppState;

fn record(link: &EntraLink, slot: Slot) -> Option<&crate::domain::entra::CertificateRecord> {
    match slot {
        Slot::Current => Some(&link.certificate),
        Slot::Pending => link.pending_certificate.as_ref(),
        Slot::Previous => link.previous_certificate.as_ref(),
    }
}

/// That certificate's downloads, and the Cloud Shell script that appends it
/// to the existing app registration.
#[component]
fn CertificateOffer(account: Memo<Option<Integration>>, which: Slot) -> impl IntoView {
    let found = account.with_untracked(|a| {
        let a = a.as_ref()?;
        let link = a.entra()?;
        let certificate = record(link, which)?.certificate().ok()?;
        let script = append_certificate(a, &certificate)?.map_err(|e| e.message().to_string());
        Some((certificate, a.name.as_str().to_string(), link.cloud, script))
    });
    found.map(|(certificate, name, cloud, script)| {
        let file_name = format!("{name} {}", which.label());
        let name = Signal::derive(move || name.clone());
        view! {
            <div class="finding-offer">
                <h5>{format!("The {} certificate", which.label())}</h5>
                <CertificatePanel certificate account_name=file_name id_prefix="troubleshoot-" />
                <p>"Or append it to the app registration with Azure Cloud Shell; the certificates already there stay."</p>
                <ScriptBox script=Signal::derive(move || Some(script.clone())) cloud=Signal::derive(move || cloud) name />
            </div>
        }
    })
}

/// Asks each cloud's OpenID discovery about `tenant`, as Connect does.
#[component]
fn TenantLookup(account: Memo<Option<Integration>>, tenant: String) -> impl IntoView {
    let config = AppState::expect().config;
    let linked = account
        .with_untracked(|a| a.as_ref().and_then(|a| a.entra()).map(|e| e.cloud))
        .unwrap_or_default();
    let lookup = Task::new(move |tenant: &String| {
        let (config, tenant) = (config.clone(), tenant.clone());
        async move {
            let Ok(id) = TenantId::parse(&tenant) else {
                return vec![format!("{tenant} is not a tenant ID or domain.")];
            };
            let mut results = Vec::new();
            for cloud in Cloud::ALL {
                let draft = EntraDraft {
                    cloud,
                    ..Default::default()
                };
                results.push((cloud, check_tenant(&config, &draft, &id).await));
            }
            tenant_lookup(&tenant, linked, &results)
        }
    });
    lookup.dispatch(tenant);
    let asking = lookup.pending();
    let lines = lookup.value();
    view! {
        <p class="progress" role="status">
            {move || asking.get().then_some("Asking each Microsoft cloud about the tenant…")}
        </p>
        <ul class="finding-lines">
            {move || lines.get().unwrap_or_default().into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}
        </ul>
    }
}

fn action_view(account: Memo<Option<Integration>>, action: Action) -> AnyView {
    match action {
        Action::Certificate(which) => view! { <CertificateOffer account which /> }.into_any(),
        Action::AdminConsent => {
            let config = AppState::expect().config;
            account
                .with_untracked(|a| {
                    let e = a.as_ref()?.entra()?;
                    Some(admin_consent_url(config.sign_in_host(e.cloud), &e.tenant, &e.application_id))
                })
                .map(|url| view! {
                    <p><a href=url target="_blank" rel="noopener noreferrer external">"Open the admin consent page"</a></p>
                })
                .into_any()
        }
        Action::LookUp { code, url } => view! {
            <p><a href=url target="_blank" rel="noopener noreferrer external">{format!("Microsoft's description of AADSTS{code}")}</a></p>
        }
        .into_any(),
        Action::CheckTenant(tenant) => view! { <TenantLookup account tenant /> }.into_any(),
    }
}

#[component]
pub fn FindingItem(finding: Finding, account: Memo<Option<Integration>>) -> impl IntoView {
    let Finding {
        title,
        quote,
        lines,
        actions,
    } = finding;
    view! {
        <li class="finding">
            <h4 class="finding-title">{title}</h4>
            {quote.map(|q| view! { <p class="finding-quote">"Microsoft: “"{q}"”"</p> })}
            <ul class="finding-lines">
                {lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}
            </ul>
            {actions.into_iter().map(|a| action_view(account, a)).collect_view()}
        </li>
    }
}
