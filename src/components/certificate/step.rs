//! The link page's Certificate section: Generate Public Key and what it
//! needs, from a key pair made ahead to the password after a reload.

use leptos::prelude::*;

use crate::components::account_form::StepStatus;
use crate::components::certificate::CertificatePanel;
use crate::components::certificate::UnlockWhenNeeded;
use crate::domain::entra::{field_error, subject_text, EntraField};
use crate::domain::links::EntraDraft;
use crate::hooks::use_entra_draft::UseEntraDraftReturn;
use crate::hooks::use_touched::Touched;
use crate::state::auth::Auth;
use crate::state::certificates::{self, KeyAhead, KeyError, NewCertificate};
use crate::state::task::Task;

/// Generates the draft's key pair and certificate, asking before it replaces one.
#[component]
pub fn CertificateStep(
    form: UseEntraDraftReturn,
    touched: Touched<EntraField>,
    status: StepStatus,
    name_label: &'static str,
) -> impl IntoView {
    let auth = Auth::expect();
    let UseEntraDraftReturn {
        name,
        key_type,
        certificate,
        draft,
        ..
    } = form;

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

    let confirm_replace = RwSignal::new(false);
    let needs_unlock = RwSignal::new(false);
    let error = status.error;
    let action = Task::new(move |d: &EntraDraft| {
        let new = NewCertificate {
            common_name: subject_text(d.name.trim()),
            organization: Some(subject_text(d.organization.trim())),
            key_type: d.key_type,
            lifetime: d.lifetime,
        };
        async move {
            match certificates::generate(&auth, new, Some(ahead)).await {
                Ok(record) => certificate.set(Some(record)),
                Err(KeyError::Locked) => needs_unlock.set(true),
                Err(e) => error.set(Some(e.to_string())),
            }
        }
    });
    status.show(action.pending(), "Generating the key pair and certificate…");

    let generate = move || {
        let d = draft.get_untracked();
        if field_error(&d, EntraField::Name).is_some()
            || field_error(&d, EntraField::Organization).is_some()
        {
            touched.touch(EntraField::Name);
            touched.touch(EntraField::Organization);
            error.set(Some(format!(
                "Enter the {name_label} and Organization Name first: they go into the certificate."
            )));
            return;
        }
        error.set(None);
        confirm_replace.set(false);
        action.dispatch(d);
    };
    let on_generate = move |_| {
        if certificate.with_untracked(Option::is_some) && !confirm_replace.get_untracked() {
            confirm_replace.set(true);
        } else {
            generate();
        }
    };
    // Only a change between none and some redraws the button, so a new
    // certificate keeps the focus where it was.
    let has_certificate = Memo::new(move |_| certificate.with(Option::is_some));
    let parsed = move || certificate.get().and_then(|r| r.certificate().ok());
    // Start over takes the certificate away, and the question with it.
    let asking = move || confirm_replace.get() && certificate.with(Option::is_some);

    view! {
        <section class="panel" aria-labelledby="certificate-title">
            <h2 id="certificate-title">"Certificate"</h2>
            <UnlockWhenNeeded needed=needs_unlock then=move |_| generate() />
            {move || match parsed() {
                Some(c) => view! { <CertificatePanel certificate=c account_name=name.get_untracked() /> }.into_any(),
                None => view! {
                    <p>"Generate a key pair and a certificate in this browser. The private key never leaves it."</p>
                }.into_any(),
            }}
            <Show when=asking>
                <div class="notice notice-warning" role="alert">
                    <p>"Generating again replaces this draft's key and certificate. A certificate you already uploaded will stop matching."</p>
                    <div class="button-row">
                        <button type="button" class="button button-danger" on:click=move |_| generate()>"Replace key"</button>
                        <button type="button" class="button" on:click=move |_| confirm_replace.set(false)>"Keep current key"</button>
                    </div>
                </div>
            </Show>
            // Once there is a certificate, the next step is Connect, below:
            // a new key is then the exception, named for what it does.
            {move || if has_certificate.get() {
                view! {
                    <p>"Upload the certificate to the app registration, then Connect below."</p>
                    <div class="button-row">
                        <button type="button" class="button" on:click=on_generate disabled=move || status.busy().is_some()>
                            "Make a new key"
                        </button>
                    </div>
                }.into_any()
            } else {
                view! {
                    <div class="button-row">
                        <button type="button" class="button button-primary" on:click=on_generate disabled=move || status.busy().is_some()>
                            "Generate Public Key"
                        </button>
                    </div>
                }.into_any()
            }}
        </section>
    }
}
