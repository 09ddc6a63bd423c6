//! The certificate a renewal replaced, kept until it is forgotten, with the
//! confirmation that forgets it.

use leptos::html;
use leptos::prelude::*;

use crate::components::dialog::Dialog;
use crate::crypto::Certificate;

/// The previous certificate's thumbprint and Forget previous certificate,
/// which asks first because its private key is deleted.
#[component]
pub fn PreviousCertificate(
    previous: Memo<Option<Certificate>>,
    on_forget: Callback<()>,
) -> impl IntoView {
    let forget_open = RwSignal::new(false);
    let forget_button = NodeRef::<html::Button>::new();
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
            <p>"Its private key is deleted from this browser. Sign-ins that still use it in Entra ID stop working here."</p>
            <div class="button-row">
                <button type="button" class="button button-danger" on:click=move |_| {
                    forget_open.set(false);
                    on_forget.run(());
                }>"Forget certificate"</button>
                <button type="button" class="button" on:click=move |_| forget_open.set(false)>"Cancel"</button>
            </div>
        </Dialog>
    }
}
