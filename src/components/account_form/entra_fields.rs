//! The Entra account's fields, as the link page and Edit both show them.

use leptos::prelude::*;

use crate::components::form::TextField;
use crate::domain::entra::flow::EntraFlow;
use crate::domain::entra::{field_error, EntraField};
use crate::domain::links::EntraDraft;
use crate::hooks::use_entra_draft::EntraInputs;
use crate::hooks::use_touched::Touched;

/// Name, tenant, application ID, organization and, for Azure, the scope; errors show once `touched` says so.
#[component]
pub fn EntraFields(
    flow: &'static EntraFlow,
    inputs: EntraInputs,
    #[prop(into)] draft: Signal<EntraDraft>,
    touched: Touched<EntraField>,
    /// The tenant: a field on the link page, fixed text in Edit.
    #[prop(into)]
    tenant: ViewFn,
    name_hint: &'static str,
    application_id_hint: &'static str,
) -> impl IntoView {
    let EntraInputs {
        name,
        application_id,
        organization,
        management_group,
        subscription,
    } = inputs;
    let touch = move |f: EntraField| touched.touch(f);
    // The two scope fields are one choice: leaving either judges both.
    let touch_scope = move || {
        touch(EntraField::ManagementGroup);
        touch(EntraField::Subscription);
    };
    let error_of = move |f| touched.error(f, move |f| draft.with(|d| field_error(d, f)));
    view! {
        <TextField id="account-name" label=flow.name_label value=name error=error_of(EntraField::Name)
            hint=name_hint
            on_blur=move |_| touch(EntraField::Name) />
        {tenant.run()}
        <TextField id="application-id" label="Application ID" value=application_id error=error_of(EntraField::ApplicationId)
            hint=application_id_hint
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
    }
}
