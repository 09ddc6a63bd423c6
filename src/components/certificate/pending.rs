//! The new certificate of a renewal, while it waits to be uploaded to the app
//! registration beside the current one.

use leptos::prelude::*;

use crate::components::certificate::CertificatePanel;
use crate::components::certificate::ScriptBox;
use crate::crypto::Certificate;
use crate::domain::entra::Cloud;

/// How to upload `certificate`, by hand or with the Cloud Shell `script`,
/// then Use the new certificate or Cancel renewal.
#[component]
pub fn PendingCertificate(
    certificate: Certificate,
    /// Names the certificate's files.
    account_name: String,
    /// The account's name, for the script's file name.
    name: Signal<String>,
    script: Signal<Option<Result<String, String>>>,
    cloud: Signal<Cloud>,
    on_use: Callback<()>,
    on_cancel: Callback<()>,
) -> impl IntoView {
    view! {
        <h3>"New certificate"</h3>
        <p>
            "Upload it in the app registration under " <strong>"Certificates & secrets"</strong> " → "
            <strong>"Certificates"</strong> " → " <strong>"Upload certificate"</strong>
            ", next to the current one. Entra ID keeps both, so nothing breaks during the change. Then press "
            <strong>"Use the new certificate"</strong> "."
        </p>
        <CertificatePanel certificate account_name id_prefix="new-" />
        <h4>"Or upload it with Azure Cloud Shell"</h4>
        <p>"This script appends the new certificate to the existing app registration, keeps the current one, and prints the new thumbprint."</p>
        <ScriptBox script cloud name />
        <div class="button-row">
            <button type="button" class="button button-primary" on:click=move |_| on_use.run(())>"Use the new certificate"</button>
            <button type="button" class="button" on:click=move |_| on_cancel.run(())>"Cancel renewal"</button>
        </div>
    }
}
