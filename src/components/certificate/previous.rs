//! The certificate a renewal replaced, kept until it is forgotten, with the
//! confirmation that forgets it.

use leptos::ev::SubmitEvent;
use leptos::html;
use leptos::prelude::*;

use crate::components::form::Dialog;
use crate::components::form::{ConfirmPasswordField, PasswordCheck};
use crate::crypto::Certificate;
use crate::state::task::Task;

/// The previous certificate's thumbprint and Forget previous certificate,
/// which asks for the password first because its private key is deleted.
#[component]
pub fn PreviousCertificate(
    previous: Memo<Option<Certificate>>,
    on_forget: Callback<()>,
) -> impl IntoView {
    let forget_open = RwSignal::new(false);
    let forget_button = NodeRef::<html::Button>::new();
    let check = PasswordCheck::new();
    let confirm = Task::new(move |typed: &String| {
        let typed = typed.clone();
        async move {
            if check.passes(&typed).await {
                forget_open.try_set(false);
                on_forget.run(());
            }
        }
    });
    let busy = confirm.pending();
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        confirm.dispatch(check.typed());
    };
    // What was typed does not outlive the dialog.
    Effect::new(move |_| {
        if !forget_open.get() {
            check.clear();
        }
    });
    view! {
        {move || previous.get().map(|c| view! {
            <h3>"Previous certificate"</h3>
            <dl class="data-list">
                <dt>"SHA-1 thumbprint"</dt>
                <dd><code id="previous-thumbprint-sha1">{c.sha1_thumbprint()}</code></dd>
            </dl>
            <p>"Delete it from the app registration's Certificates & secrets once nothing signs in with it."</p>
            <div class="button-row">
                <button type="button" class="button" node_ref=forget_button on:click=move |_| forget_open.set(true)>
                    "Forget previous certificate"
                </button>
            </div>
        })}
        <Dialog open=forget_open title_id="forget-title" title="Forget the previous certificate?".to_string() return_focus=forget_button>
            <form on:submit=submit novalidate>
                <p>"Its private key is deleted from this browser. Sign-ins that still use it in Entra ID stop working here."</p>
                <ConfirmPasswordField id="forget-password" check=check />
                <div class="button-row">
                    <button type="submit" class="button button-danger" disabled=move || busy.get()>
                        "Forget certificate"
                    </button>
                    <button type="button" class="button" on:click=move |_| forget_open.set(false)>"Cancel"</button>
                </div>
            </form>
        </Dialog>
    }
}
