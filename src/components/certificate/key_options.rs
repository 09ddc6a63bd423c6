//! Key type, certificate lifetime and cloud for a new certificate.

use leptos::prelude::*;

use crate::components::form::SelectField;
use crate::crypto::{KeyType, Lifetime};
use crate::domain::entra::Cloud;

/// RSA sizes up front; P-256 only under "Advanced", with its warning.
#[component]
pub fn KeyOptions(
    key_type: RwSignal<KeyType>,
    lifetime: RwSignal<Lifetime>,
    /// Left out where the cloud is already fixed, as in a renewal.
    #[prop(optional)]
    cloud: Option<RwSignal<Cloud>>,
) -> impl IntoView {
    let radio = move |k: KeyType| {
        let id = format!("key-type-{}", k.key());
        view! {
            <label class="choice" for=id.clone()>
                <input
                    type="radio"
                    id=id.clone()
                    name="key-type"
                    prop:checked=move || key_type.get() == k
                    on:change=move |_| key_type.set(k)
                />
                {k.label()}
                {(k == KeyType::Rsa2048).then_some(" (recommended)")}
            </label>
        }
    };
    let rsa: Vec<_> = KeyType::ALL
        .into_iter()
        .filter(|k| k.entra_accepts())
        .map(radio)
        .collect();
    let advanced: Vec<_> = KeyType::ALL
        .into_iter()
        .filter(|k| !k.entra_accepts())
        .map(radio)
        .collect();
    let advanced_open = key_type.get_untracked().warning().is_some();
    view! {
        <fieldset class="field">
            <legend>"Key type"</legend>
            {rsa}
            <details class="advanced" open=advanced_open>
                <summary>"Advanced key types"</summary>
                {advanced}
            </details>
            {move || key_type.get().warning().map(|w| view! { <p class="notice notice-warning" role="alert">{w}</p> })}
        </fieldset>
        <SelectField
            id="lifetime"
            label="Certificate lifetime"
            hint="Your tenant may limit how long a certificate credential can last."
            options=&Lifetime::ALL
            label_of=Lifetime::label
            value=lifetime
        />
        {cloud.map(|cloud| view! {
            <SelectField
                id="cloud"
                label="Cloud"
                hint="Sets the sign-in host used to check the tenant."
                options=&Cloud::ALL
                label_of=Cloud::label
                value=cloud
            />
        })}
    }
}
