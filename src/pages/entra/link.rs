//! "Link a New Microsoft Account" and "Link a New Azure Account":
//! instructions, the form, Generate Public Key, and Connect. Everything typed
//! is kept as a draft.

use leptos::html;
use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_navigate;

use crate::components::breadcrumbs::Breadcrumbs;
use crate::components::busy::shown_after;
use crate::components::certificate_panel::CertificatePanel;
use crate::components::cloud_shell_setup::{CloudShellSetup, ScriptInputs};
use crate::components::dialog::Dialog;
use crate::components::entra_instructions::EntraInstructions;
use crate::components::touched::use_touched;
use crate::components::unlock_panel::UnlockWhenNeeded;
use crate::domain::entra::{field_error, subject_text, validate, EntraField};
use crate::domain::links::LinkStatus;
use crate::pages::entra::draft::{use_entra_form, EntraFormState};
use crate::pages::entra::fields::LinkFields;
use crate::pages::entra::flow::EntraFlow;
use crate::routes::{self, Page};
use crate::state::accounts::Accounts;
use crate::state::auth::Auth;
use crate::state::certificates::{self, KeyAhead, KeyError, NewCertificate};
use crate::state::connect::connect_entra;
use crate::state::drafts::Drafts;
use crate::state::notices::{NoticeKind, Notices};
use crate::state::AppState;

/// The link page for `flow`'s provider.
#[component]
pub fn EntraLinkPage(flow: &'static EntraFlow) -> impl IntoView {
    let auth = Auth::expect();
    let accounts = Accounts::expect();
    let drafts = Drafts::expect();
    let state = AppState::expect();
    let notices = Notices::expect();
    let navigate = use_navigate();
    let form = use_entra_form(flow.provider, state.config.default_cloud);
    let EntraFormState {
        name,
        tenant,
        application_id,
        management_group,
        subscription,
        key_type,
        cloud,
        certificate,
        draft,
        ..
    } = form;

    // Errors show once a field was left, or after a submit.
    let touched = use_touched::<EntraField>();
    let touch = move |f: EntraField| touched.touch(f);
    let name_label = flow.name_label;

    let instructions_open = RwSignal::new(false);
    let instructions_button = NodeRef::<html::Button>::new();

    // With unlocked keys the key pair starts before the click; WebCrypto
    // makes it off the main thread. Each new certificate re-arms it, so
    // Replace key is as quick as the first Generate.
    let ahead = KeyAhead::new();
    Effect::new(move |_| {
        certificate.track();
        if auth.is_unlocked() {
            ahead.prepare(key_type.get());
        }
    });
    on_cleanup(move || ahead.drop_unused());

    let busy = RwSignal::new(None::<&'static str>);
    let progress = shown_after(busy, std::time::Duration::from_millis(150));
    let action_error = RwSignal::new(None::<String>);
    let confirm_replace = RwSignal::new(false);
    let needs_unlock = RwSignal::new(false);

    let generate = move || {
        let d = draft.get_untracked();
        if field_error(&d, EntraField::Name).is_some()
            || field_error(&d, EntraField::Organization).is_some()
        {
            touch(EntraField::Name);
            touch(EntraField::Organization);
            action_error.set(Some(format!(
                "Enter the {name_label} and Organization Name first: they go into the certificate."
            )));
            return;
        }
        action_error.set(None);
        confirm_replace.set(false);
        busy.set(Some("Generating the key pair and certificate…"));
        spawn_local(async move {
            let new = NewCertificate {
                common_name: subject_text(d.name.trim()),
                organization: Some(subject_text(d.organization.trim())),
                key_type: d.key_type,
                lifetime: d.lifetime,
            };
            let result = certificates::generate(&auth, new, Some(ahead)).await;
            busy.set(None);
            match result {
                Ok(record) => certificate.set(Some(record)),
                Err(KeyError::Locked) => needs_unlock.set(true),
                Err(e) => action_error.set(Some(e.to_string())),
            }
        });
    };
    let on_generate = move |_| {
        if certificate.with_untracked(Option::is_some) && !confirm_replace.get_untracked() {
            confirm_replace.set(true);
        } else {
            generate();
        }
    };

    let config = state.config.clone();
    let connect = move |_| {
        touched.touch_all(&EntraField::ALL);
        let d = draft.get_untracked();
        let values = match validate(&d, flow.scoped) {
            Ok(v) => v,
            Err(_) => {
                action_error.set(Some("Fix the fields marked above, then Connect.".into()));
                return;
            }
        };
        action_error.set(None);
        busy.set(Some("Checking the tenant and connecting…"));
        let config = config.clone();
        let navigate = navigate.clone();
        spawn_local(async move {
            let result = connect_entra(accounts, drafts, &config, flow.provider, values, &d).await;
            busy.set(None);
            match result {
                Ok(link) => {
                    notices.push(
                        NoticeKind::Success,
                        format!("Connected \"{}\".", link.name.as_str()),
                    );
                    if link.status == LinkStatus::TenantNotVerified {
                        notices.push(
                            NoticeKind::Warning,
                            format!(
                                "\"{}\" is linked, but its tenant could not be checked. Retry the check from the account's page.",
                                link.name.as_str()
                            ),
                        );
                    }
                    navigate(routes::list(flow.provider), Default::default());
                }
                Err(e) => action_error.set(Some(e.to_string())),
            }
        });
    };

    let start_over = move |_| {
        form.clear(cloud.get_untracked());
        touched.reset();
        action_error.set(None);
        confirm_replace.set(false);
        spawn_local(async move { drafts.discard(flow.provider).await });
    };

    let can_connect = move || {
        busy.get().is_none()
            && certificate.with(Option::is_some)
            && validate(&draft.get(), flow.scoped).is_ok()
    };
    let parsed_certificate = move || certificate.get().and_then(|r| r.certificate().ok());

    view! {
        <section class="page" aria-labelledby="page-title">
            <Breadcrumbs page=Page::New(flow.provider) />
            <h1 id="page-title">{flow.heading}</h1>
            <p>
                <button type="button" class="button" node_ref=instructions_button on:click=move |_| instructions_open.set(true)>
                    "Click here for detailed instructions on how to connect"
                </button>
            </p>
            <Dialog
                open=instructions_open
                title_id="instructions-title"
                title=flow.instructions_title.to_string()
                return_focus=instructions_button
            >
                <EntraInstructions provider=flow.provider />
            </Dialog>

            <LinkFields flow form touched />

            <section class="panel" aria-labelledby="certificate-title">
                <h2 id="certificate-title">"Certificate"</h2>
                <UnlockWhenNeeded needed=needs_unlock then=move |_| generate() />
                {move || match parsed_certificate() {
                    Some(c) => view! { <CertificatePanel certificate=c account_name=name.get_untracked() /> }.into_any(),
                    None => view! {
                        <p>"Generate a key pair and a certificate in this browser. The private key never leaves it."</p>
                    }.into_any(),
                }}
                <Show when=move || confirm_replace.get()>
                    <div class="notice notice-warning" role="alert">
                        <p>"Generating again replaces this draft's key and certificate. A certificate you already uploaded will stop matching."</p>
                        <div class="button-row">
                            <button type="button" class="button button-danger" on:click=move |_| generate()>"Replace key"</button>
                            <button type="button" class="button" on:click=move |_| confirm_replace.set(false)>"Keep current key"</button>
                        </div>
                    </div>
                </Show>
                <div class="button-row">
                    <button type="button" class="button button-primary" on:click=on_generate disabled=move || busy.get().is_some()>
                        "Generate Public Key"
                    </button>
                </div>
            </section>

            <CloudShellSetup
                provider=flow.provider
                pem=Signal::derive(move || parsed_certificate().map(|c| c.pem()))
                inputs=ScriptInputs { name, cloud, management_group, subscription }
                tenant
                application_id
            />

            <div class="panel">
                <p class="progress" role="status" aria-live="polite">
                    {move || progress.get().map(|text| view! { <span class="spinner" aria-hidden="true"></span> " " {text} })}
                </p>
                <p class="form-error" role="alert">{move || action_error.get()}</p>
                <div class="button-row">
                    <button type="button" class="button button-primary" on:click=connect disabled=move || !can_connect()>
                        "Connect"
                    </button>
                    <button type="button" class="button" on:click=start_over>"Start over"</button>
                </div>
            </div>
        </section>
    }
}
