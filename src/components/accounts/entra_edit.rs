//! Edit a linked Microsoft 365 or Azure account in place: the link page's
//! labels and rules, with the tenant and the certificate left as they are.

use leptos::prelude::*;

use crate::components::account_form::EntraFields;
use crate::components::accounts::{after_save, EditFormFrame, SaveOutcome, FIX_FIELDS};
use crate::domain::entra::flow::EntraFlow;
use crate::domain::entra::{validate, AzureScope, EntraField, EntraValues};
use crate::domain::links::{EntraDraft, Integration};
use crate::hooks::use_entra_draft::EntraInputs;
use crate::hooks::use_touched::use_touched;
use crate::state::accounts::Accounts;
use crate::state::auth::Auth;
use crate::state::manage;
use crate::state::notices::Notices;
use crate::state::task::Task;
use crate::state::AppState;

/// Name, application, organization and scope of a linked Entra account, saved in place.
#[component]
pub fn EntraEditForm(
    account: Integration,
    flow: &'static EntraFlow,
    #[prop(into)] on_close: Callback<()>,
) -> impl IntoView {
    let auth = Auth::expect();
    let accounts = Accounts::expect();
    let notices = Notices::expect();
    let config = AppState::expect().config;
    let Some(link) = account.entra().cloned() else {
        return ().into_any();
    };
    let text = |s: &str| RwSignal::new(s.to_string());
    let name = text(account.name.as_str());
    let application_id = text(link.application_id.as_str());
    let organization = text(link.organization.as_ref().map_or("", |o| o.as_str()));
    let (group, subscription) = match &link.azure_scope {
        Some(AzureScope::ManagementGroup(g)) => (text(g), text("")),
        Some(AzureScope::Subscription(s)) => (text(""), text(s.as_str())),
        None => (text(""), text("")),
    };
    let tenant = link.tenant.as_str().to_string();
    let draft = Memo::new(move |_| EntraDraft {
        name: name.get(),
        tenant: tenant.clone(),
        application_id: application_id.get(),
        organization: organization.get(),
        management_group: group.get(),
        subscription: subscription.get(),
        ..Default::default()
    });
    let touched = use_touched::<EntraField>();
    let inputs = EntraInputs {
        name,
        application_id,
        organization,
        management_group: group,
        subscription,
    };
    let tenant_text = link.tenant.as_str().to_string();
    let outcome = SaveOutcome::new();
    let form_error = outcome.form_error;
    let id = account.id.clone();
    let save_action = Task::new(move |values: &EntraValues| {
        let (config, id, values) = (config.clone(), id.clone(), values.clone());
        async move {
            let saved = manage::save_entra(&auth, accounts, &config, &id, values).await;
            after_save(saved, notices, outcome, on_close);
        }
    });
    let saving = save_action.pending();
    let save = move |()| {
        touched.touch_all(&EntraField::ALL);
        let Ok(values) = validate(&draft.get_untracked(), flow.scoped) else {
            form_error.set(Some(FIX_FIELDS.into()));
            return;
        };
        save_action.dispatch(values);
    };
    view! {
        <EditFormFrame outcome saving on_save=save on_close>
            <EntraFields flow inputs draft touched tenant=move || view! {
                    <div class="field">
                        <span class="field-label">"Tenant ID"</span>
                        <p><code>{tenant_text.clone()}</code></p>
                        <p class="field-hint">"The tenant cannot change. To link another tenant, link a new account."</p>
                    </div>
                }
                name_hint="The certificate keeps the name it was made with; a renewal uses the new one."
                application_id_hint="Upload the current certificate to this app registration too, or sign-ins will fail." />
        </EditFormFrame>
    }
    .into_any()
}
