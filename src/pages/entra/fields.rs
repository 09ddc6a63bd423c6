//! The link form's account details and key options.

use leptos::prelude::*;

use crate::components::field::TextField;
use crate::components::key_options::KeyOptions;
use crate::components::touched::Touched;
use crate::domain::entra::{field_error, EntraField};
use crate::pages::entra::draft::EntraFormState;
use crate::pages::entra::flow::EntraFlow;

/// Errors show once `touched` says so; the link page touches every field on Connect.
#[component]
pub fn LinkFields(
    flow: &'static EntraFlow,
    form: EntraFormState,
    touched: Touched<EntraField>,
) -> impl IntoView {
    let EntraFormState {
        name,
        tenant,
        application_id,
        organization,
        management_group,
        subscription,
        key_type,
        lifetime,
        cloud,
        draft,
        ..
    } = form;
    let touch = move |f: EntraField| touched.touch(f);
    // The two scope fields are one choice: leaving either judges both.
    let touch_scope = move || {
        touch(EntraField::ManagementGroup);
        touch(EntraField::Subscription);
    };
    let error_of = move |f| touched.error(f, move |f| draft.with(|d| field_error(d, f)));
    view! {
    <form class="panel" novalidate on:submit=|ev| ev.prevent_default()>
        <h2>"Account details"</h2>
        <TextField id="account-name" label=flow.name_label value=name error=error_of(EntraField::Name)
            hint="How this account is named here and in the certificate."
            on_blur=move |_| touch(EntraField::Name) />
        <TextField id="tenant-id" label="Tenant ID" value=tenant error=error_of(EntraField::Tenant)
            hint="The Directory (tenant) ID, or a verified domain such as contoso.onmicrosoft.com."
            on_blur=move |_| touch(EntraField::Tenant) />
        <TextField id="application-id" label="Application ID" value=application_id error=error_of(EntraField::ApplicationId)
            hint="The Application (client) ID of the app registration."
            on_blur=move |_| touch(EntraField::ApplicationId) />
        <TextField id="organization-name" label="Organization Name" value=organization error=error_of(EntraField::Organization)
            on_blur=move |_| touch(EntraField::Organization) />
        <Show when=move || flow.scoped>
            <TextField id="management-group-id" label="Management Group ID" value=management_group
                error=error_of(EntraField::ManagementGroup)
                hint="Where the Reader role is assigned. Enter this or a Subscription ID."
                on_blur=move |_| touch_scope() />
            <TextField id="subscription-id" label="Subscription ID" value=subscription
                error=error_of(EntraField::Subscription)
                hint="A GUID, when the Reader role is assigned on one subscription."
                on_blur=move |_| touch_scope() />
        </Show>
        <KeyOptions key_type=key_type lifetime=lifetime cloud=cloud />
    </form>
    }
}
