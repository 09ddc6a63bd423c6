//! Edit a linked Microsoft 365 or Azure account in place: the link page's
//! labels and rules, with the tenant and the certificate left as they are.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::components::field::TextField;
use crate::components::touched::use_touched;
use crate::domain::entra::{field_error, validate, AzureScope, EntraField};
use crate::domain::links::{EntraDraft, Integration};
use crate::pages::entra::flow::EntraFlow;
use crate::state::accounts::Accounts;
use crate::state::manage;
use crate::state::notices::{NoticeKind, Notices};
use crate::state::AppState;

#[component]
pub fn EntraEditForm(
    account: Integration,
    flow: &'static EntraFlow,
    #[prop(into)] on_close: Callback<()>,
) -> impl IntoView {
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
    let error_of = move |f| touched.error(f, move |f| draft.with(|d| field_error(d, f)));
    let form_error = RwSignal::new(None::<String>);
    let saving = RwSignal::new(false);
    let id = account.id.clone();
    let save = move |_| {
        touched.touch_all(&EntraField::ALL);
        let Ok(values) = validate(&draft.get_untracked(), flow.scoped) else {
            form_error.set(Some(
                "Fix the fields marked above, then Save changes.".into(),
            ));
            return;
        };
        saving.set(true);
        let (config, id) = (config.clone(), id.clone());
        spawn_local(async move {
            let saved = manage::save_entra(accounts, &config, &id, values).await;
            saving.set(false);
            after_save(saved, notices, form_error, on_close);
        });
    };
    view! {
        <form class="panel" novalidate aria-labelledby="edit-title" on:submit=|ev| ev.prevent_default()>
            <h2 id="edit-title">"Edit account"</h2>
            <TextField id="account-name" label=flow.name_label value=name error=error_of(EntraField::Name)
                hint="The certificate keeps the name it was made with; a renewal uses the new one."
                on_blur=move |_| touched.touch(EntraField::Name) />
            <div class="field">
                <span class="field-label">"Tenant ID"</span>
                <p><code>{link.tenant.as_str().to_string()}</code></p>
                <p class="field-hint">"The tenant cannot change. To link another tenant, link a new account."</p>
            </div>
            <TextField id="application-id" label="Application ID" value=application_id error=error_of(EntraField::ApplicationId)
                hint="Upload the current certificate to this app registration too, or sign-ins will fail."
                on_blur=move |_| touched.touch(EntraField::ApplicationId) />
            <TextField id="organization-name" label="Organization Name" value=organization error=error_of(EntraField::Organization)
                on_blur=move |_| touched.touch(EntraField::Organization) />
            <Show when=move || flow.scoped>
                <TextField id="management-group-id" label="Management Group ID" value=group
                    error=error_of(EntraField::ManagementGroup)
                    hint="Where the Reader role is assigned. Enter this or a Subscription ID."
                    on_blur=move |_| { touched.touch(EntraField::ManagementGroup); touched.touch(EntraField::Subscription); } />
                <TextField id="subscription-id" label="Subscription ID" value=subscription
                    error=error_of(EntraField::Subscription)
                    hint="A GUID, when the Reader role is assigned on one subscription."
                    on_blur=move |_| { touched.touch(EntraField::ManagementGroup); touched.touch(EntraField::Subscription); } />
            </Show>
            <p class="form-error" role="alert">{move || form_error.get()}</p>
            <div class="button-row">
                <button type="button" class="button button-primary" on:click=save disabled=move || saving.get()>"Save changes"</button>
                <button type="button" class="button" on:click=move |_| on_close.run(())>"Cancel"</button>
            </div>
        </form>
    }
    .into_any()
}

/// Says what was saved and closes the form, or keeps it open with the reason.
pub(crate) fn after_save(
    saved: Result<Integration, String>,
    notices: Notices,
    form_error: RwSignal<Option<String>>,
    on_close: Callback<()>,
) {
    match saved {
        Ok(a) => {
            notices.push(
                NoticeKind::Success,
                format!("Saved changes to \"{}\".", a.name.as_str()),
            );
            on_close.run(());
        }
        Err(e) => form_error.set(Some(e)),
    }
}
