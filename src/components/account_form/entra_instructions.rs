//! The steps that prepare Microsoft Entra ID, as the help page gives them.

use leptos::prelude::*;

use crate::domain::links::Provider;

/// Numbered steps from the Entra admin center to the uploaded certificate.
#[component]
pub fn EntraInstructions(provider: Provider) -> impl IntoView {
    match provider {
        Provider::Azure => return view! { <AzureInstructions /> }.into_any(),
        Provider::Microsoft | Provider::Aws => {}
    }
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
            <GlobalReaderStep />
            <li>
                "Back here, press " <strong>"Generate Public Key"</strong>
                " and download the certificate. In the app registration open "
                <strong>"Certificates & secrets"</strong> " → " <strong>"Certificates"</strong> " → "
                <strong>"Upload certificate"</strong> " and upload the .cer or .pem file."
            </li>
            <li>"Return here and press " <strong>"Connect"</strong> "."</li>
        </ol>
        <RsaHint />
    }
    .into_any()
}

/// The Global Reader step, the same for Microsoft 365 and Azure.
#[component]
fn GlobalReaderStep() -> impl IntoView {
    view! {
        <li>
            "Open " <strong>"Roles and administrators"</strong> ", choose " <strong>"Global Reader"</strong>
            " and assign it to the application."
        </li>
    }
}

#[component]
fn RsaHint() -> impl IntoView {
    view! {
        <p class="field-hint">
            "Entra ID signs in only with RSA certificates. Keep the default RSA 2048 unless your policy asks for a larger key."
        </p>
    }
}

/// Azure: the app registration, Global Reader, access management, Reader on
/// the management group or subscription, Key Vault, and the certificate.
#[component]
fn AzureInstructions() -> impl IntoView {
    view! {
        <ol class="steps">
            <li>
                "In the " <strong>"Microsoft Entra admin center"</strong> " open " <strong>"App registrations"</strong>
                " → " <strong>"New registration"</strong> ", choose "
                <strong>"Accounts in this organizational directory only"</strong> " and " <strong>"Register"</strong>
                ". Copy the " <strong>"Directory (tenant) ID"</strong> " and the "
                <strong>"Application (client) ID"</strong> "."
            </li>
            <GlobalReaderStep />
            <li>
                "In Entra ID → " <strong>"Properties"</strong> ", turn on "
                <strong>"Access management for Azure resources"</strong>
                " so you can assign roles on the root management group, then save."
            </li>
            <li>
                "In the Azure portal open the management group (or the subscription) → "
                <strong>"Access control (IAM)"</strong> " → " <strong>"Add role assignment"</strong>
                " and give the application the " <strong>"Reader"</strong>
                " role. Note the Management Group ID or Subscription ID."
            </li>
            <li>
                "For each Key Vault to monitor, grant the application read access: the "
                <strong>"Key Vault Reader"</strong> " role, or a " <strong>"Get"</strong> " and "
                <strong>"List"</strong> " access policy."
            </li>
            <li>
                "Press " <strong>"Generate Public Key"</strong> ", download the certificate, and upload it in the app registration: "
                <strong>"Certificates & secrets"</strong> " → " <strong>"Certificates"</strong> " → "
                <strong>"Upload certificate"</strong> ". Then press " <strong>"Connect"</strong> "."
            </li>
        </ol>
        <RsaHint />
    }
}
