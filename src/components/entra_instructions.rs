//! The steps that prepare Microsoft Entra ID, as the help page gives them.

use leptos::prelude::*;

/// Numbered steps from the Entra admin center to the uploaded certificate.
#[component]
pub fn EntraInstructions() -> impl IntoView {
    view! {
        <ol class="steps">
            <li>
                "Sign in to the " <strong>"Microsoft Entra admin center"</strong>
                ". In the search bar enter " <strong>"App registrations"</strong> " and open it."
            </li>
            <li>
                "Choose " <strong>"New registration"</strong> " and give the application a name. Under "
                <em>"Supported account types"</em> " choose "
                <strong>"Accounts in this organizational directory only"</strong>
                " (single tenant) if it is not already chosen, then select " <strong>"Register"</strong> "."
            </li>
            <li>
                "On the application's Overview, copy the " <strong>"Directory (tenant) ID"</strong>
                " and the " <strong>"Application (client) ID"</strong>
                ", and note your organization name. Paste them into the form."
            </li>
            <li>
                "Open " <strong>"API permissions"</strong> " → " <strong>"Add a permission"</strong> " → "
                <em>"APIs my organization uses"</em> " → " <strong>"Office 365 Exchange Online"</strong> " → "
                <strong>"Application permissions"</strong> ", select " <strong>"Exchange.ManageAsApp"</strong>
                ", add it, then " <strong>"Grant admin consent"</strong> "."
            </li>
            <li>
                "Open " <strong>"Roles and administrators"</strong> ", choose " <strong>"Global Reader"</strong>
                " and assign it to the application."
            </li>
            <li>
                "Back here, press " <strong>"Generate Public Key"</strong>
                " and download the certificate. In the app registration open "
                <strong>"Certificates & secrets"</strong> " → " <strong>"Certificates"</strong> " → "
                <strong>"Upload certificate"</strong> " and upload the .cer or .pem file."
            </li>
            <li>"Return here and press " <strong>"Connect"</strong> "."</li>
        </ol>
        <p class="field-hint">
            "Entra ID signs in only with RSA certificates. Keep the default RSA 2048 unless your policy asks for a larger key."
        </p>
    }
}
