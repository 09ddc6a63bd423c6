//! "Link a New Microsoft Account" and "Link a New Azure Account":
//! instructions, the form, Generate Public Key, and Connect. Everything typed
//! is kept as a draft.

use leptos::prelude::*;

use crate::components::account_form::EntraFields;
use crate::components::account_form::EntraInstructions;
use crate::components::account_form::InstructionsButton;
use crate::components::account_form::{Connect, ConnectBar, Connection, StepStatus};
use crate::components::certificate::CertificateStep;
use crate::components::certificate::KeyOptions;
use crate::components::certificate::SignInSetup;
use crate::components::certificate::{CloudShellSetup, ScriptInputs};
use crate::components::form::TextField;
use crate::components::shell::Breadcrumbs;
use crate::domain::app::routes::Route;
use crate::domain::entra::flow::EntraFlow;
use crate::domain::entra::{field_error, validate, EntraField};
use crate::domain::setup_script::known_thumbprints;
use crate::hooks::use_entra_draft::use_entra_draft;
use crate::hooks::use_sign_in_setup::use_sign_in_setup;
use crate::hooks::use_touched::use_touched;
use crate::state::AppState;

const ACCOUNT_FORM: &str = "account-form";

/// The link page for `flow`'s provider.
#[component]
pub fn EntraLinkPage(flow: &'static EntraFlow) -> impl IntoView {
    let state = AppState::expect();
    let form = use_entra_draft(flow.provider, state.config.default_cloud);
    let draft = form.draft;
    // Errors show once a field was left, or after a submit.
    let touched = use_touched::<EntraField>();
    let status = StepStatus::new();
    let sign_in = use_sign_in_setup(flow.provider, form, touched);

    let tenant = move || {
        let typed = touched.error(EntraField::Tenant, move |f| {
            draft.with(|d| field_error(d, f))
        });
        view! {
            <TextField id="tenant-id" label="Tenant ID" value=form.tenant
                error=Signal::derive(move || typed.get().or_else(|| sign_in.tenant_error()))
                hint="The Directory (tenant) ID, or a verified domain such as contoso.onmicrosoft.com."
                on_blur=move |_| touched.touch(EntraField::Tenant) />
        }
    };
    let prepare = move || {
        touched.touch_all(&EntraField::ALL);
        let d = draft.get_untracked();
        let values = validate(&d, flow.scoped).ok()?;
        Some(Connection::Entra(flow.provider, values, Box::new(d)))
    };
    let connect = Connect::new(
        flow.provider,
        status,
        prepare,
        Some("Checking the tenant and connecting…"),
    );
    let ready = move || {
        form.certificate.with(Option::is_some) && validate(&draft.get(), flow.scoped).is_ok()
    };
    let start_over = move |_| {
        form.clear(form.cloud.get_untracked());
        touched.reset();
    };
    let pem = Signal::derive(move || {
        form.certificate
            .get()
            .and_then(|r| r.certificate().ok())
            .map(|c| c.pem())
    });
    let known = Signal::derive(move || form.certificate.with(|c| known_thumbprints(c)));
    let inputs = ScriptInputs {
        name: form.name,
        cloud: form.cloud,
        management_group: form.management_group,
        subscription: form.subscription,
    };

    view! {
        <section class="page" aria-labelledby="page-title">
            <Breadcrumbs page=Route::New(flow.provider) />
            <h1 id="page-title">{flow.heading}</h1>
            <InstructionsButton title=flow.instructions_title.to_string()>
                <EntraInstructions provider=flow.provider />
            </InstructionsButton>
            <form class="panel" id=ACCOUNT_FORM novalidate on:submit=move |ev| connect.submit(ev)>
                <h2>"Account details"</h2>
                <EntraFields flow inputs=form.inputs() draft touched tenant
                    name_hint="How this account is named here and in the certificate."
                    application_id_hint="The Application (client) ID of the app registration." />
                <KeyOptions key_type=form.key_type lifetime=form.lifetime cloud=form.cloud />
            </form>
            <CertificateStep form touched status name_label=flow.name_label />
            <SignInSetup setup=sign_in has_certificate=Signal::derive(move || pem.with(Option::is_some)) />
            <CloudShellSetup provider=flow.provider pem known_thumbprints=known inputs tenant=form.tenant application_id=form.application_id />
            <ConnectBar connect form=ACCOUNT_FORM ready on_start_over=start_over />
        </section>
    }
}
